#pragma once

#include "core/instrument.h"
#include "core/protocol/messages.h"
#include "ui/client/marketdata.h"
#include "ui/models/framethrottle.h"

#include <QAbstractItemModel>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QTimer>

#include <array>
#include <map>
#include <memory>
#include <optional>

namespace qx::models {

/**
 * The market watch: a curve board of every tradable instrument, grouped by product and
 * delivery kind in board order (power, gas, oil, emissions; "German power base load ·
 * Months" with its months under it), each row showing the ticker: bid size, bid, ask, ask
 * size, last, the change from the previous close and the day's volume. Holds a ticker
 * subscription (MarketSubscription) for every listed instrument and follows the listing as it
 * rolls.
 *
 * Tickers come in bursts (hundreds of instruments, each up to 20 times a second): an update
 * only stores the ticker and marks its row, and the rows marked are announced at most once
 * per frame (dataChanged), so no view repaints more than that. A changed bid, ask or last
 * flashes (up when it rose, down when it fell) for kFlashMs.
 *
 * Two levels: group rows (no parent) and instrument rows under them. GUI thread only.
 */
class MarketWatchModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { Contract, BidQuantity, Bid, Ask, AskQuantity, Last, Change, Volume, ColumnCount };
    enum Role {
        SymbolRole = Qt::UserRole + 1, ///< an instrument row's symbol; empty on groups
        FavouriteRole, ///< bool
        /// Price cells: +1 while flashing up, -1 while flashing down, else 0.
        FlashRole,
        /// Group rows: intraday contracts (hours, quarter-hours), shown folded.
        IntradayGroupRole,
    };
    static constexpr int kFlashMs = 700;
    static constexpr int kFrameMs = FrameThrottle::kFrameMs;
    /// How often the board looks for contracts that stopped trading (intraday gate closures).
    static constexpr int kExpiryCheckMs = 1000;

    explicit MarketWatchModel(client::MarketData *market, QObject *parent = nullptr);
    ~MarketWatchModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    /// Qt's, "symbol", "favourite", "flash", "intradayGroup", and one per column: "contract",
    /// "bidQuantity", "bid", "ask", "askQuantity", "last", "change", "volume" (on a group row,
    /// "contract" is its title).
    QHash<int, QByteArray> roleNames() const override;

    /// The instrument row (column 0) of `symbol`, invalid when it is not on the board.
    QModelIndex indexOf(const QString &symbol) const;
    std::optional<core::protocol::Ticker> ticker(const QString &symbol) const;

    QStringList favourites() const;
    void setFavourites(const QStringList &symbols);
    void setFavourite(const QString &symbol, bool favourite);

    /// Stores a ticker for its row; the row is repainted with the next frame.
    void applyTicker(const core::protocol::Ticker &ticker);
    /// Announces the rows changed since the last frame now (the frame timer does this).
    void flush();

Q_SIGNALS:
    void favouritesChanged();

private:
    struct Row
    {
        core::Instrument instrument;
        QString label; ///< "Mar 27"
        std::optional<core::protocol::Ticker> ticker;
        /// Bid, ask and last: the flash's direction and until when (m_clock's milliseconds).
        std::array<int, 3> flashDirection {};
        std::array<qint64, 3> flashUntil {};
    };
    struct Group
    {
        QString title; ///< "German power base load · Months"
        bool intraday = false;
        QList<Row> rows;
    };
    static constexpr quintptr kGroupId = ~quintptr(0);

    /// Rebuilds the board from the service's listing (tickers of rows that stay are kept).
    void rebuild();
    QVariant instrumentData(const Row &row, int column, int role) const;
    /// The flash slot of a price column (0 bid, 1 ask, 2 last), or -1.
    static int flashSlot(int column);
    /// Marks a row to be announced with the next frame.
    void markDirty(int group, int row);
    /// Rebuilds the board when a contract on it has stopped trading.
    void dropExpired();

    client::MarketData *m_market;
    /// The ticker of every instrument on the board.
    client::TickerHandles m_tickers;
    QList<Group> m_groups;
    QHash<QString, std::pair<int, int>> m_positions; ///< symbol → group, row
    QSet<QString> m_favourites;
    QSet<quint64> m_dirty; ///< group << 32 | row
    QSet<quint64> m_flashing; ///< rows with a flash not yet painted out
    QTimer m_frameTimer;
    QTimer m_expiryTimer;
    QElapsedTimer m_clock;
};

} // namespace qx::models
