#include "ui/models/depthmodel.h"

#include "ui/client/tradingservice.h"
#include "ui/models/columnroles.h"
#include "ui/models/displayformat.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace qx::models {

using core::protocol::Side;

namespace {

const QColor kBidTint(21, 101, 192, 28);
const QColor kAskTint(198, 40, 40, 28);

} // namespace

DepthModel::DepthModel(client::MarketData *market, client::OrderEntry *orders, QObject *parent)
    : QAbstractTableModel(parent)
    , m_market(market)
    , m_orders(orders)
{
    // Own quantities follow the orders of this market; the ladder is small, so all of it
    // repaints.
    const auto repaint = [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    };
    connect(orders, &client::OrderEntry::ordersReset, this,
            [this, repaint](const QList<core::protocol::Order> &orders) {
                resetOwn(orders);
                repaint();
            });
    connect(orders, &client::OrderEntry::orderChanged, this,
            [this, repaint](const core::protocol::Order &order) {
                if (changeOwn(order))
                    repaint();
            });
    connect(market, &client::MarketData::instrumentsChanged, this,
            [this] { m_instrument = m_market->instrument(m_symbol); });
}

DepthModel::~DepthModel() = default;

void DepthModel::setSymbol(const QString &symbol)
{
    if (symbol == m_symbol)
        return;
    beginResetModel();
    m_symbol = symbol;
    m_instrument = m_market->instrument(symbol);
    m_book = core::protocol::BookSnapshot();
    resetOwn(m_orders->orders());
    m_subscription.reset();
    if (!symbol.isEmpty()) {
        m_subscription = m_market->subscribe(symbol, client::MarketSubscription::Stream::Book);
        connect(m_subscription.get(), &client::MarketSubscription::bookChanged, this,
                &DepthModel::setBook);
    }
    endResetModel();
}

void DepthModel::setBook(const core::protocol::BookSnapshot &book)
{
    if (book.symbol != m_symbol)
        return;
    const bool sameShape
        = book.bids.size() == m_book.bids.size() && book.asks.size() == m_book.asks.size();
    if (!sameShape)
        beginResetModel();
    m_book = book;
    if (!sameShape) {
        endResetModel();
    } else if (rowCount() > 0) {
        // The usual case while a market trades: levels move, their number does not.
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

void DepthModel::resetOwn(const QList<core::protocol::Order> &orders)
{
    m_ownBids.clear();
    m_ownAsks.clear();
    m_own.clear();
    for (const core::protocol::Order &order : orders)
        changeOwn(order);
}

bool DepthModel::changeOwn(const core::protocol::Order &order)
{
    if (order.symbol != m_symbol)
        return false;
    if (const auto known = m_own.constFind(order.id); known != m_own.cend()) {
        addOwn(*known, -1);
        m_own.erase(known);
    }
    if (core::protocol::isLive(order.status) && core::protocol::hasLimitPrice(order.type)) {
        const Own own { order.side, order.price.decimal().units(),
                        order.quantity.minus(order.filledQuantity).value_or(core::Quantity()) };
        addOwn(own, 1);
        m_own.insert(order.id, own);
    }
    return true;
}

void DepthModel::addOwn(const Own &own, int sign)
{
    QHash<qint64, core::Quantity> &side = own.side == Side::Buy ? m_ownBids : m_ownAsks;
    core::Quantity &total = side[own.price];
    total = (sign > 0 ? total.plus(own.open) : total.minus(own.open)).value_or(total);
    if (total.isZero())
        side.remove(own.price);
}

int DepthModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_book.asks.size() + m_book.bids.size());
}

int DepthModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

DepthModel::Row DepthModel::rowAt(int row) const
{
    // Offers come best first: the ladder shows them reversed, the best just above the bids.
    const int asks = int(m_book.asks.size());
    if (row < asks)
        return { Side::Sell, &m_book.asks.at(asks - 1 - row) };
    return { Side::Buy, &m_book.bids.at(row - asks) };
}

QVariant DepthModel::display(const Row &row, int column) const
{
    const core::Instrument *instrument = m_instrument ? &*m_instrument : nullptr;
    const bool bid = row.side == Side::Buy;
    const auto own = [&](const QHash<qint64, core::Quantity> &side) -> QVariant {
        const auto found = side.constFind(row.level->price.decimal().units());
        if (found == side.cend() || found->isZero())
            return {};
        return displayformat::quantity(*found, instrument);
    };
    switch (column) {
    case MyBid:
        return bid ? own(m_ownBids) : QVariant();
    case BidQuantity:
        return bid ? displayformat::quantity(row.level->quantity, instrument) : QVariant();
    case Price:
        return displayformat::price(row.level->price, instrument);
    case AskQuantity:
        return bid ? QVariant() : displayformat::quantity(row.level->quantity, instrument);
    case MyAsk:
        return bid ? QVariant() : own(m_ownAsks);
    default:
        return {};
    }
}

QVariant DepthModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (const auto text = columnroles::columnData(index, role, ColumnCount))
        return *text;
    const Row row = rowAt(index.row());
    const bool bid = row.side == Side::Buy;
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::TextAlignmentRole:
        return index.column() == Price ? int(Qt::AlignCenter)
                                       : int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        if (index.column() == Price)
            return QVariant();
        if ((bid && index.column() <= BidQuantity) || (!bid && index.column() >= AskQuantity))
            return QBrush(bid ? kBidTint : kAskTint);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Price)
            return displayformat::sideBrush(bid ? core::protocol::Side::Buy
                                                : core::protocol::Side::Sell);
        return {};
    case Qt::FontRole: {
        // The touch (best bid and offer) and the user's own levels stand out.
        const bool touch
            = index.row() == bestBidRow() || index.row() == int(m_book.asks.size()) - 1;
        const bool ownColumn = index.column() == MyBid || index.column() == MyAsk;
        if (touch || ownColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    }
    case Qt::ToolTipRole:
        return tr("%n order(s) at %1", nullptr, row.level->orders)
            .arg(display(row, Price).toString());
    case PriceRole:
        // As the ticket takes it: the tick's decimals, no group separators.
        return row.level->price.decimal().toString(
            m_instrument ? m_instrument->tickSize.decimal().decimals() : 0);
    case SideRole:
        return int(row.side);
    case OrdersRole:
        return row.level->orders;
    default:
        return {};
    }
}

QHash<int, QByteArray> DepthModel::roleNames() const
{
    QHash<int, QByteArray> roles = QAbstractTableModel::roleNames();
    roles.insert(PriceRole, QByteArrayLiteral("levelPrice"));
    roles.insert(SideRole, QByteArrayLiteral("levelSide"));
    roles.insert(OrdersRole, QByteArrayLiteral("levelOrders"));
    return columnroles::with(roles, { "myBid", "bidQuantity", "price", "askQuantity", "myAsk" });
}

QVariant DepthModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MyBid:
        return tr("Mine");
    case BidQuantity:
        return tr("Bid qty");
    case Price:
        return tr("Price");
    case AskQuantity:
        return tr("Ask qty");
    case MyAsk:
        return tr("Mine");
    default:
        return {};
    }
}

} // namespace qx::models
