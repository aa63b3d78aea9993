#pragma once

#include "core/position.h"
#include "core/protocol/messages.h"
#include "ui/client/marketdata.h"
#include "ui/models/framethrottle.h"
#include "ui/models/instrumenttablemodel.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>

#include <map>
#include <memory>
#include <optional>

namespace qx::models {

/**
 * The trader's positions and P&L, one row per instrument traded: the net position in contract
 * units ("10 MW") and in energy ("7,430 MWh"), the average open price, the mark (the market's
 * last price, from its ticker), unrealised and realised P&L in the instrument's currency.
 *
 * Built from the user's fills and live deals with core::Position, the same first-in-first-out
 * arithmetic and order the server uses (a deal before the first fill after its booking): a
 * reload of the fills, and any change of the deals, replays them (oldest first), a new fill
 * is applied, a
 * fill older than one applied already (a reload found what the stream missed) has its
 * contract replayed in time order with the next frame, and every ticker with a last price
 * re-marks its row. A position with no mark yet has no
 * unrealised P&L (shown empty, not zero). Amounts in different currencies are never added.
 *
 * GUI thread only.
 */
class PositionsModel : public InstrumentTableModel
{
    Q_OBJECT

public:
    enum Column {
        Contract,
        Net,
        Energy,
        AveragePrice,
        Mark,
        Unrealised,
        Realised,
        Currency,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, ///< numbers as numbers
    };
    /// P&L of every position in one currency.
    struct Total
    {
        QString currency;
        core::Money realised;
        core::Money unrealised;
        bool unrealisedComplete = true; ///< false when a position has no mark yet
    };
    /// A market's net position in one calendar month of delivery, across every contract that
    /// delivers in it (a month, its quarter, its year...).
    struct MonthExposure
    {
        QString market; ///< "DE base", "TTF", "BRENT"
        core::DeliveryPeriod month;
        qint64 hours = 0; ///< MW contracts: the load shape's hours in the month
        core::Quantity quantity; ///< in the contracts' unit
        QString quantityUnit;
        core::Quantity energy;
        QString energyUnit;
    };

    PositionsModel(client::MarketData *market, client::OrderEntry *orders,
                   QObject *parent = nullptr);
    ~PositionsModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    /// Qt's, "sortKey", "exportText", and one per column: "contract", "net", "energy",
    /// "averagePrice", "mark", "unrealised", "realised", "currency".
    QHash<int, QByteArray> roleNames() const override;

    /// One per currency, in alphabetical order.
    QList<Total> totals() const;
    /// Open positions month by month, by market then month.
    QList<MonthExposure> byDeliveryMonth() const;
    /// Announces the changes of this frame now (the frame does it by itself).
    void flush() { m_announce.flush(); }

Q_SIGNALS:
    /// Fills changed the positions: totals() and byDeliveryMonth() may have changed. At most
    /// once per frame (a lone fill at once).
    void positionsChanged();
    /// A market's last price re-marked a position: totals() may have changed, the delivery
    /// months have not (they do not depend on prices). At most once per frame, and not in a
    /// frame with positionsChanged.
    void marksChanged();

private:
    struct Row
    {
        QString symbol;
        core::Position position;
        std::optional<core::Price> mark;
        QDateTime newest; ///< the time of the newest fill or deal booking applied
    };
    void reset(const QList<core::protocol::Trade> &newestFirst);
    void add(const core::protocol::Trade &trade);
    void mark(const core::protocol::Ticker &ticker);
    /// Follows the ticker of each row's market (for its mark), and no other.
    void followMarks();
    /// Applies a fill to its row (made if new); false when nothing could be applied.
    bool apply(const QString &symbol, core::protocol::Side side, const core::Price &price,
               const core::Quantity &quantity, const QDateTime &time);
    bool apply(const core::protocol::Trade &trade);
    /// Applies the fills (oldest first) and the live deals of the contracts `wanted` picks
    /// (all when empty) in position order.
    void applyInOrder(const QList<core::protocol::Trade> &oldestFirst,
                      const QSet<QString> &wanted = {});
    std::optional<core::Money> unrealised(const Row &row) const;
    QVariant display(const Row &row, int column) const;
    QVariant sortKey(const Row &row, int column) const;
    QVariant exportValue(const Row &row, int column) const;
    /// Marks `row` changed for this frame's announcement.
    void touch(int row);
    /// The rows of m_replay built again from the service's fills, in time order.
    void replay();
    /// dataChanged for the rows touched since the last frame, then the summary signal.
    void announce();

    QList<Row> m_rows;
    QHash<QString, int> m_rowOf;
    /// The ticker of each row's market, whose last price marks it.
    client::TickerHandles m_marks;
    QSet<QString> m_replay; ///< contracts a fill came to out of time order, this frame
    int m_firstTouched = -1; ///< rows touched since the last announcement: first...
    int m_lastTouched = -1; ///< ...to last
    bool m_positionsTouched = false;
    bool m_marksTouched = false;
    FrameThrottle m_announce { [this] {
        announce();
    } };
};

/// PositionsModel::byDeliveryMonth as a table: market, month, hours, net and energy. GUI
/// thread only.
class DeliveryMonthsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Market, Month, Hours, Net, Energy, ColumnCount };

    explicit DeliveryMonthsModel(PositionsModel *positions, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    /// Qt's, and one per column: "market", "month", "hours", "net", "energy".
    QHash<int, QByteArray> roleNames() const override;

private:
    PositionsModel *m_positions;
    QList<PositionsModel::MonthExposure> m_rows;
};

} // namespace qx::models
