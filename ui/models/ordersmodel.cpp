#include "ui/models/ordersmodel.h"

#include "ui/client/tradingservice.h"
#include "ui/models/displayformat.h"
#include "ui/models/tone.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace qx::models {

using core::protocol::Order;
using core::protocol::OrderStatus;

OrdersModel::OrdersModel(client::MarketData *market, client::OrderEntry *orders, QObject *parent)
    : InstrumentTableModel(market, orders, parent)
{
    reset(orders->orders());
    connect(orders, &client::OrderEntry::ordersReset, this, &OrdersModel::reset);
    connect(orders, &client::OrderEntry::orderChanged, this, &OrdersModel::upsert);
}

int OrdersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_orders.size());
}

int OrdersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int OrdersModel::rowOf(const QString &orderId) const
{
    return m_rowById.value(orderId, -1);
}

void OrdersModel::reset(const QList<Order> &orders)
{
    m_pending.clear();
    m_pendingIndex.clear();
    m_insert.cancel();
    beginResetModel();
    m_orders = orders;
    m_rowById.clear();
    for (int row = 0; row < m_orders.size(); ++row)
        m_rowById.insert(m_orders.at(row).id, row);
    endResetModel();
}

void OrdersModel::upsert(const Order &order)
{
    const int row = rowOf(order.id);
    if (row >= 0) {
        m_orders[row] = order;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    if (const auto pending = m_pendingIndex.constFind(order.id); pending != m_pendingIndex.cend()) {
        m_pending[*pending] = order;
        return;
    }
    m_pendingIndex.insert(order.id, m_pending.size());
    m_pending.append(order);
    m_insert.request();
}

void OrdersModel::flush()
{
    m_insert.cancel();
    insertPending(m_pending.size());
}

void OrdersModel::insertPending(qsizetype limit)
{
    if (m_pending.isEmpty())
        return;
    // Appending keeps every other row's index valid; the view's proxy sorts by time.
    const qsizetype count = std::min(limit, m_pending.size());
    const int first = static_cast<int>(m_orders.size());
    beginInsertRows({}, first, first + static_cast<int>(count) - 1);
    for (qsizetype i = 0; i < count; ++i)
        m_rowById.insert(m_pending[i].id, first + int(i));
    m_orders.append(m_pending.first(count));
    m_pending.remove(0, count);
    m_pendingIndex.clear();
    for (qsizetype i = 0; i < m_pending.size(); ++i)
        m_pendingIndex.insert(m_pending[i].id, i);
    endInsertRows();
    if (!m_pending.isEmpty())
        m_insert.request();
}

QString OrdersModel::statusText(OrderStatus status)
{
    switch (status) {
    case OrderStatus::Open:
        return tr("open");
    case OrderStatus::PartiallyFilled:
        return tr("partially filled");
    case OrderStatus::Filled:
        return tr("filled");
    case OrderStatus::Cancelled:
        return tr("cancelled");
    case OrderStatus::Rejected:
        return tr("rejected");
    case OrderStatus::Expired:
        return tr("expired");
    }
    return {};
}

QString OrdersModel::sideText(core::protocol::Side side)
{
    return side == core::protocol::Side::Buy ? tr("Buy") : tr("Sell");
}

namespace {
// Right-aligned, in a fixed-width font, so digits line up.
bool isNumberColumn(int column)
{
    return column == OrdersModel::Quantity || column == OrdersModel::Price
        || column == OrdersModel::Filled || column == OrdersModel::AveragePrice;
}
} // namespace

QVariant OrdersModel::display(const Order &order, int column) const
{
    const auto instrument = [&] {
        return this->instrument(order.symbol);
    };
    switch (column) {
    case Time:
        return order.createdAt.toLocalTime().toString(u"HH:mm:ss");
    case OrderId:
        return order.id;
    case ClientOrderId:
        return order.clientOrderId;
    case Symbol:
        return order.symbol;
    case Side:
        return sideText(order.side);
    case Quantity:
        return displayformat::quantity(order.quantity, instrument());
    case Price:
        return displayformat::price(order.price, instrument());
    case Filled:
        return displayformat::quantity(order.filledQuantity, instrument());
    case AveragePrice:
        return order.averagePrice ? displayformat::price(*order.averagePrice, instrument())
                                  : QString();
    case Status:
        return statusText(order.status);
    }
    return {};
}

QVariant OrdersModel::exportValue(const Order &order, int column) const
{
    const core::Instrument *instrument = this->instrument(order.symbol);
    switch (column) {
    case Time:
        return core::protocol::toWireTime(order.createdAt);
    case Side:
        return core::protocol::toString(order.side);
    case Quantity:
        return plain(order.quantity.decimal(), instrument, false);
    case Price:
        return core::protocol::hasLimitPrice(order.type)
            ? plain(order.price.decimal(), instrument, true)
            : QString();
    case Filled:
        return plain(order.filledQuantity.decimal(), instrument, false);
    case AveragePrice:
        return order.averagePrice ? plain(order.averagePrice->decimal(), instrument, true)
                                  : QString();
    case Status:
        return core::protocol::toString(order.status);
    default:
        return display(order, column);
    }
}

QVariant OrdersModel::sortKey(const Order &order, int column) const
{
    switch (column) {
    case Time:
        return order.createdAt.toMSecsSinceEpoch();
    case Quantity:
        return qlonglong(order.quantity.decimal().units());
    case Price:
        return qlonglong(order.price.decimal().units());
    case Filled:
        return qlonglong(order.filledQuantity.decimal().units());
    case AveragePrice:
        return qlonglong(order.averagePrice ? order.averagePrice->decimal().units() : 0);
    default:
        return display(order, column);
    }
}

bool OrdersModel::cellContains(int row, int column, const QString &text) const
{
    const Order &order = m_orders.at(row);
    switch (column) {
    case OrderId:
        return order.id.contains(text, Qt::CaseInsensitive);
    case ClientOrderId:
        return order.clientOrderId.contains(text, Qt::CaseInsensitive);
    case Symbol:
        return order.symbol.contains(text, Qt::CaseInsensitive);
    default:
        return InstrumentTableModel::cellContains(row, column, text);
    }
}

Qt::ItemFlags OrdersModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = InstrumentTableModel::flags(index);
    if (!index.isValid())
        return flags;
    const Order &order = m_orders.at(index.row());
    const bool editable = core::protocol::isLive(order.status)
        && (index.column() == Quantity
            || (index.column() == Price && core::protocol::hasLimitPrice(order.type)));
    return editable ? flags | Qt::ItemIsEditable : flags;
}

bool OrdersModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const Order &order = m_orders.at(index.row());
    const QString text = value.toString().trimmed();
    // The typed value into `field` when it is a positive decimal other than `current`.
    const auto take
        = [&]<typename T>(const T &current, std::optional<T> &field, const QString &refusal) {
              const core::Result<T> typed = T::parse(text);
              if (!typed || !typed->isPositive()) {
                  Q_EMIT modifyRefused(order.id, refusal.arg(text));
                  return false;
              }
              if (*typed != current)
                  field = *typed;
              return *typed != current;
          };
    core::protocol::OrderModify change;
    const bool changed = index.column() == Price
        ? take(order.price, change.price,
               tr("\"%1\" is not a price: type digits and a point, such as 42.50."))
        : take(order.quantity, change.quantity,
               tr("\"%1\" is not a quantity: type digits and a point, such as 25."));
    if (!changed)
        return false;
    orderEntry()->modifyOrder(order.id, change);
    return true;
}

QVariant OrdersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (const auto text = columnroles::columnData(index, role, ColumnCount))
        return *text;
    const Order &order = m_orders.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(order, column);
    case Qt::EditRole:
        // What the editor starts from: the exact value as typed in the ticket (a point, no
        // grouping), whatever the number format on screen.
        return column == Quantity || column == Price ? exportValue(order, column)
                                                     : display(order, column);
    case Qt::ToolTipRole:
        if (column == Time)
            return QLocale().toString(order.createdAt.toLocalTime(), QLocale::LongFormat);
        return {};
    case Qt::TextAlignmentRole:
        return displayformat::alignment(isNumberColumn(column));
    case Qt::ForegroundRole:
        if (column == Side)
            return displayformat::sideBrush(order.side);
        if (!core::protocol::isLive(order.status))
            return QBrush(toneColour(Tone::Muted));
        return {};
    case Qt::FontRole:
        return isNumberColumn(column) ? QVariant(displayformat::numberFont()) : QVariant();
    case SortRole:
        return sortKey(order, column);
    case ExportRole:
        return exportValue(order, column);
    case IsLiveRole:
        return core::protocol::isLive(order.status);
    default:
        return {};
    }
}

QHash<int, QByteArray> OrdersModel::roleNames() const
{
    QHash<int, QByteArray> roles = InstrumentTableModel::roleNames();
    roles.insert(SortRole, QByteArrayLiteral("sortKey"));
    roles.insert(IsLiveRole, QByteArrayLiteral("isLive"));
    return columnroles::with(roles,
                             { "time", "orderId", "clientOrderId", "symbol", "side", "quantity",
                               "price", "filled", "averagePrice", "status" });
}

QVariant OrdersModel::headerData(int section, Qt::Orientation orientation, int role) const
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
    case OrderId:
        return tr("Order ID");
    case ClientOrderId:
        return tr("Client ID");
    case Symbol:
        return tr("Symbol");
    case Side:
        return tr("Side");
    case Quantity:
        return tr("Quantity");
    case Price:
        return tr("Price");
    case Filled:
        return tr("Filled");
    case AveragePrice:
        return tr("Avg price");
    case Status:
        return tr("Status");
    }
    return {};
}

} // namespace qx::models
