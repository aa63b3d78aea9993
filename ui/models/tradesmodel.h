#pragma once

#include "core/instrument.h"
#include "core/protocol/messages.h"
#include "ui/models/framethrottle.h"
#include "ui/models/instrumenttablemodel.h"

#include <QHash>
#include <QList>

namespace qx::models {

/**
 * The fills blotter's rows: one per fill of the signed-in user (a trade with oneself is two,
 * one per side), kept in step with the OrderEntry (reset on tradesReset, appended on
 * tradeAdded: a lone fill at once, a burst once per frame). Numbers are shown exactly, with the
 * instrument's tick and lot decimals, and sort as numbers through a QSortFilterProxyModel on
 * SortRole.
 *
 * GUI thread only.
 */
class TradesModel : public InstrumentTableModel
{
    Q_OBJECT

public:
    enum Column {
        Time,
        TradeId,
        Symbol,
        Side,
        Quantity,
        Price,
        Liquidity, ///< maker (the order rested) or taker (it crossed)
        OrderId,
        ClientOrderId,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, ///< a value that sorts numbers and times correctly
    };

    TradesModel(client::MarketData *market, client::OrderEntry *orders, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool cellContains(int row, int column, const QString &text) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    /// Qt's, "sortKey", "exportText", and one per column: "time", "tradeId", "symbol",
    /// "side", "quantity", "price", "liquidity", "orderId", "clientOrderId".
    QHash<int, QByteArray> roleNames() const override;

    core::protocol::Trade trade(int row) const { return m_trades.at(row); }
    /// At most this many fills are inserted per frame; more wait for the next frames.
    static constexpr qsizetype kMaxRowsPerFrame = 2000;

    /// Shows every fill that arrived and is not shown yet, now (the frames do it by
    /// themselves).
    void flush();

private:
    void reset(const QList<core::protocol::Trade> &newestFirst);
    void add(const core::protocol::Trade &trade);
    /// Inserts up to `limit` of the waiting fills, and asks the next frame for the rest.
    void insertPending(qsizetype limit = kMaxRowsPerFrame);
    QVariant display(const core::protocol::Trade &trade, int column) const;
    QVariant sortKey(const core::protocol::Trade &trade, int column) const;
    QVariant exportValue(const core::protocol::Trade &trade, int column) const;

    QList<core::protocol::Trade> m_trades; ///< in arrival order: new rows go at the end
    /// Arrived in a burst, shown at the end of the frame in one insertion: each one costs the
    /// sorting proxy in front of 100,000 rows as much as a thousand together.
    QList<core::protocol::Trade> m_pending;
    FrameThrottle m_insert { [this] {
        insertPending();
    } };
};

} // namespace qx::models
