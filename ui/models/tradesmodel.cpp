#include "ui/models/tradesmodel.h"

#include "ui/client/tradingservice.h"
#include "ui/models/columnroles.h"
#include "ui/models/displayformat.h"
#include "ui/models/ordersmodel.h"

#include <QLocale>

namespace qx::models {

using core::protocol::Trade;

namespace {
bool isNumberColumn(int column)
{
    return column == TradesModel::Quantity || column == TradesModel::Price;
}
} // namespace

TradesModel::TradesModel(client::MarketData *market, client::OrderEntry *orders, QObject *parent)
    : InstrumentTableModel(market, orders, parent)
{
    reset(orders->trades());
    connect(orders, &client::OrderEntry::tradesReset, this, &TradesModel::reset);
    connect(orders, &client::OrderEntry::tradeAdded, this, &TradesModel::add);
}

int TradesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_trades.size());
}

int TradesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void TradesModel::reset(const QList<Trade> &newestFirst)
{
    m_pending.clear();
    m_insert.cancel();
    beginResetModel();
    m_trades = QList<Trade>(newestFirst.crbegin(), newestFirst.crend());
    endResetModel();
}

void TradesModel::add(const Trade &trade)
{
    m_pending.append(trade);
    m_insert.request();
}

void TradesModel::flush()
{
    m_insert.cancel();
    insertPending(m_pending.size());
}

void TradesModel::insertPending(qsizetype limit)
{
    if (m_pending.isEmpty())
        return;
    // Appending keeps every other row's index valid; the view's proxy sorts by time. A reload
    // that found thousands the stream missed shows them over a few frames, not in one.
    const qsizetype count = std::min(limit, m_pending.size());
    const int first = static_cast<int>(m_trades.size());
    beginInsertRows({}, first, first + static_cast<int>(count) - 1);
    m_trades.append(m_pending.first(count));
    m_pending.remove(0, count);
    endInsertRows();
    if (!m_pending.isEmpty())
        m_insert.request();
}

QVariant TradesModel::display(const Trade &trade, int column) const
{
    const auto instrument = [&] {
        return this->instrument(trade.symbol);
    };
    switch (column) {
    case Time:
        return trade.time.toLocalTime().toString(u"HH:mm:ss");
    case TradeId:
        return trade.id;
    case Symbol:
        return trade.symbol;
    case Side:
        return OrdersModel::sideText(trade.side);
    case Quantity:
        return displayformat::quantity(trade.quantity, instrument());
    case Price:
        return displayformat::price(trade.price, instrument());
    case Liquidity:
        return trade.aggressor ? tr("taker") : tr("maker");
    case OrderId:
        return trade.orderId;
    case ClientOrderId:
        return trade.clientOrderId;
    }
    return {};
}

QVariant TradesModel::exportValue(const Trade &trade, int column) const
{
    const core::Instrument *instrument = this->instrument(trade.symbol);
    switch (column) {
    case Time:
        return core::protocol::toWireTime(trade.time);
    case Side:
        return core::protocol::toString(trade.side);
    case Quantity:
        return plain(trade.quantity.decimal(), instrument, false);
    case Price:
        return plain(trade.price.decimal(), instrument, true);
    case Liquidity:
        return trade.aggressor ? QStringLiteral("taker") : QStringLiteral("maker");
    default:
        return display(trade, column);
    }
}

QVariant TradesModel::sortKey(const Trade &trade, int column) const
{
    switch (column) {
    case Time:
        return trade.time.toMSecsSinceEpoch();
    case TradeId:
        return trade.id.toLongLong();
    case Quantity:
        return qlonglong(trade.quantity.decimal().units());
    case Price:
        return qlonglong(trade.price.decimal().units());
    case OrderId:
        return trade.orderId.toLongLong();
    default:
        return display(trade, column);
    }
}

bool TradesModel::cellContains(int row, int column, const QString &text) const
{
    const Trade &trade = m_trades.at(row);
    switch (column) {
    case TradeId:
        return trade.id.contains(text, Qt::CaseInsensitive);
    case Symbol:
        return trade.symbol.contains(text, Qt::CaseInsensitive);
    case OrderId:
        return trade.orderId.contains(text, Qt::CaseInsensitive);
    case ClientOrderId:
        return trade.clientOrderId.contains(text, Qt::CaseInsensitive);
    default:
        return InstrumentTableModel::cellContains(row, column, text);
    }
}

QVariant TradesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (const auto text = columnroles::columnData(index, role, ColumnCount))
        return *text;
    const Trade &trade = m_trades.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(trade, column);
    case Qt::ToolTipRole:
        if (column == Time)
            return QLocale().toString(trade.time.toLocalTime(), QLocale::LongFormat);
        if (column == Liquidity) {
            return trade.aggressor ? tr("Your order crossed the spread")
                                   : tr("Your resting order was hit");
        }
        return {};
    case Qt::TextAlignmentRole:
        return displayformat::alignment(isNumberColumn(column));
    case Qt::ForegroundRole:
        return column == Side ? QVariant(displayformat::sideBrush(trade.side)) : QVariant();
    case Qt::FontRole:
        return isNumberColumn(column) ? QVariant(displayformat::numberFont()) : QVariant();
    case SortRole:
        return sortKey(trade, column);
    case ExportRole:
        return exportValue(trade, column);
    default:
        return {};
    }
}

QHash<int, QByteArray> TradesModel::roleNames() const
{
    QHash<int, QByteArray> roles = InstrumentTableModel::roleNames();
    roles.insert(SortRole, QByteArrayLiteral("sortKey"));
    return columnroles::with(roles,
                             { "time", "tradeId", "symbol", "side", "quantity", "price",
                               "liquidity", "orderId", "clientOrderId" });
}

QVariant TradesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return displayformat::alignment(isNumberColumn(section));
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case TradeId:
        return tr("Trade ID");
    case Symbol:
        return tr("Symbol");
    case Side:
        return tr("Side");
    case Quantity:
        return tr("Quantity");
    case Price:
        return tr("Price");
    case Liquidity:
        return tr("Liquidity");
    case OrderId:
        return tr("Order ID");
    case ClientOrderId:
        return tr("Client ID");
    }
    return {};
}

} // namespace qx::models
