#include "ui/models/markettradesmodel.h"

#include "ui/client/tradingservice.h"
#include "ui/models/columnroles.h"
#include "ui/models/displayformat.h"
#include "ui/models/ordersmodel.h"

#include <QBrush>
#include <QColor>

namespace qx::models {

using core::protocol::Side;

MarketTradesModel::MarketTradesModel(client::MarketData *market, QObject *parent)
    : QAbstractTableModel(parent)
    , m_market(market)
{
    connect(market, &client::MarketData::instrumentsChanged, this,
            [this] { m_instrument = m_market->instrument(m_symbol); });
}

MarketTradesModel::~MarketTradesModel() = default;

void MarketTradesModel::setSymbol(const QString &symbol)
{
    if (symbol == m_symbol)
        return;
    beginResetModel();
    m_symbol = symbol;
    m_instrument = m_market->instrument(symbol);
    m_trades.clear();
    m_subscription.reset();
    if (!symbol.isEmpty()) {
        m_subscription = m_market->subscribe(symbol, client::MarketSubscription::Stream::Trades);
        connect(m_subscription.get(), &client::MarketSubscription::marketTradesReset, this,
                &MarketTradesModel::reset);
        connect(m_subscription.get(), &client::MarketSubscription::marketTradeAdded, this,
                &MarketTradesModel::add);
    }
    endResetModel();
}

void MarketTradesModel::reset(const QString &symbol,
                              const QList<core::protocol::MarketTrade> &trades)
{
    if (symbol != m_symbol)
        return;
    beginResetModel();
    m_trades = trades.first(std::min<qsizetype>(trades.size(), kMaxRows));
    endResetModel();
}

void MarketTradesModel::add(const core::protocol::MarketTrade &trade)
{
    if (trade.symbol != m_symbol)
        return;
    if (m_trades.size() == kMaxRows) {
        beginRemoveRows({}, kMaxRows - 1, kMaxRows - 1);
        m_trades.removeLast();
        endRemoveRows();
    }
    beginInsertRows({}, 0, 0);
    m_trades.prepend(trade);
    endInsertRows();
}

int MarketTradesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_trades.size());
}

int MarketTradesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MarketTradesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (const auto text = columnroles::columnData(index, role, ColumnCount))
        return *text;
    const core::protocol::MarketTrade &trade = m_trades.at(index.row());
    const core::Instrument *instrument = m_instrument ? &*m_instrument : nullptr;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time:
            return trade.time.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
        case Price:
            return displayformat::price(trade.price, instrument);
        case Quantity:
            return displayformat::quantity(trade.quantity, instrument);
        case Aggressor:
            return OrdersModel::sideText(trade.aggressor);
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole)
        return displayformat::alignment(index.column() == Price || index.column() == Quantity);
    if (role == Qt::ForegroundRole && (index.column() == Aggressor || index.column() == Price))
        return displayformat::sideBrush(trade.aggressor);
    if (role == Qt::ToolTipRole) {
        return trade.aggressor == Side::Buy ? tr("A buyer took the offer")
                                            : tr("A seller hit the bid");
    }
    return {};
}

QHash<int, QByteArray> MarketTradesModel::roleNames() const
{
    return columnroles::with(QAbstractTableModel::roleNames(),
                             { "time", "price", "quantity", "aggressor" });
}

QVariant MarketTradesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Price:
        return tr("Price");
    case Quantity:
        return tr("Quantity");
    case Aggressor:
        return tr("Taker");
    default:
        return {};
    }
}

} // namespace qx::models
