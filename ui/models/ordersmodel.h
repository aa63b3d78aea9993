#pragma once

#include "core/protocol/messages.h"
#include "ui/models/columnroles.h"
#include "ui/models/framethrottle.h"
#include "ui/models/instrumenttablemodel.h"

#include <QHash>
#include <QList>

namespace qx::models {

/**
 * The order blotter's rows: one per order of the signed-in user, kept in step with the
 * OrderEntry (reset on ordersReset, updated by id on orderChanged, and new orders
 * inserted: a lone one at once, a burst once per frame, since each insertion costs a sorting
 * proxy of 100,000 rows as much as a thousand together). Numbers are shown exactly, with the
 * instrument's tick and lot decimals. Rows are appended in arrival order; views sort through a
 * QSortFilterProxyModel on SortRole.
 *
 * GUI thread only.
 */
class OrdersModel : public InstrumentTableModel
{
    Q_OBJECT

public:
    enum Column {
        Time,
        OrderId,
        ClientOrderId,
        Symbol,
        Side,
        Quantity,
        Price,
        Filled,
        AveragePrice, ///< of the fills so far
        Status,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, ///< a value that sorts numbers and times correctly
        IsLiveRole, ///< true while the order can still be cancelled
        /// The order's server id, on every column: the OrderId column's role.
        OrderIdRole = columnroles::of(OrderId),
    };

    OrdersModel(client::MarketData *market, client::OrderEntry *orders, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool cellContains(int row, int column, const QString &text) const override;
    /// A live order's quantity, and its price when it has a limit, can be edited in place.
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    /// An edit asks the service to modify the order (the row changes when the server has
    /// done it); false, with modifyRefused(), for text that is not a positive decimal.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    /// Qt's, "sortKey", "isLive", "exportText", and one per column: "time", "orderId",
    /// "clientOrderId", "symbol", "side", "quantity", "price", "filled", "averagePrice",
    /// "status" (its text as the column shows it, on any cell of the row).
    QHash<int, QByteArray> roleNames() const override;

    /// The row of an order, or -1 (also for one of this frame's new orders: flush()).
    int rowOf(const QString &orderId) const;
    /// At most this many new orders are inserted per frame; more wait for the next frames.
    static constexpr qsizetype kMaxRowsPerFrame = 2000;

    /// Shows every new order not shown yet, now (the frames do it by themselves).
    void flush();
    core::protocol::Order order(int row) const { return m_orders.at(row); }

    static QString statusText(core::protocol::OrderStatus status);
    static QString sideText(core::protocol::Side side);

Q_SIGNALS:
    /// An edit in place was not sent: why.
    void modifyRefused(const QString &orderId, const QString &message);

private:
    void reset(const QList<core::protocol::Order> &orders);
    void upsert(const core::protocol::Order &order);
    QVariant display(const core::protocol::Order &order, int column) const;
    QVariant sortKey(const core::protocol::Order &order, int column) const;
    QVariant exportValue(const core::protocol::Order &order, int column) const;

    /// Inserts up to `limit` of the waiting orders, and asks the next frame for the rest.
    void insertPending(qsizetype limit = kMaxRowsPerFrame);

    QList<core::protocol::Order> m_orders;
    QHash<QString, int> m_rowById;
    /// New orders of this frame, to be inserted at its end in one go, and where each is.
    QList<core::protocol::Order> m_pending;
    QHash<QString, qsizetype> m_pendingIndex;
    FrameThrottle m_insert { [this] {
        insertPending();
    } };
};

} // namespace qx::models
