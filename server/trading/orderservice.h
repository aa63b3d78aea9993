#pragma once

#include "core/candles.h"
#include "core/clock.h"
#include "core/instrument.h"
#include "core/position.h"
#include "core/protocol/messages.h"
#include "server/auth/authservice.h"
#include "server/storage/store.h"
#include "server/storage/storereaders.h"
#include "server/storage/storewriter.h"
#include "server/trading/committracker.h"
#include "server/trading/dealdesk.h"
#include "server/trading/market.h"
#include "server/trading/orderhistory.h"
#include "server/trading/positionbook.h"
#include "server/trading/pretraderisk.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

namespace qx::server {

class StoreReaders;

/**
 * Trading: one matching-engine book per instrument, with everything around it. A command
 * (place, modify, cancel, cancel-all, expiry) runs on its book at once and hands what it
 * changed — the order rows, the trades and the book's counters — to the StoreWriter, which
 * group-commits it with whatever else arrived meanwhile. Only once that batch is durable does
 * the command's reply run and do the signals below fire, so nothing is acknowledged or
 * broadcast that a crash could take back. A command the engine or a check refuses changes
 * nothing and is answered at once. If a batch fails to commit, every command still waiting is
 * answered storage_unavailable, all state is reloaded from storage (what was acknowledged),
 * and new orders are refused with storage_unavailable until that succeeds.
 * On start the books are rebuilt from the stored live orders in queue order, and positions and
 * candles from the stored trades.
 *
 * Replies are called exactly once: synchronously for an error found before the book is
 * touched (or the replay of a stored order), else when the command's batch is settled.
 *
 * Errors: unknown_symbol, instrument_expired, quantity_not_positive, quantity_off_lot,
 * price_off_tick, invalid_request, price_band, max_order_quantity, invalid_expiry,
 * limit_max_order_quantity, limit_max_notional, limit_max_position, limit_credit,
 * limit_counterparty_credit,
 * duplicate_client_order_id, not_found, order_not_live, quantity_below_filled, not_modifiable,
 * storage_unavailable, storage_error.
 *
 * Single writer: lives on the server's event-loop thread, which owns every book, order,
 * position and candle series here.
 */
class OrderService : public QObject, private PreTradeRisk::Holdings
{
    Q_OBJECT

public:
    struct Placement
    {
        core::protocol::Order order;
        bool created = false; ///< false when an identical earlier request is replayed
    };

    /// A user's position in one instrument, with its mark.
    struct PositionReport
    {
        core::Instrument instrument;
        core::Position position;
        std::optional<core::Price> mark;
    };

    template<typename T>
    using Reply = std::function<void(Result<T>)>;

    /// Reads come from `store`; writes go through `writer`, which has a connection of its own.
    OrderService(Store &store, StoreWriter &writer, TradingRules rules = {},
                 QObject *parent = nullptr);
    ~OrderService() override;

    /// Loads the instruments and rebuilds books, positions and candles from storage.
    Result<void> start();

    /// The clock orders, trades, expiries and tickers are stamped by (the system's unless
    /// set; `clock` must outlive its use). The simulated market backfills its history through
    /// a clock of its own, and tests drive time with a core::ManualClock.
    void setClock(const core::Clock &clock) { m_clock = &clock; }
    const core::Clock &clock() const { return *m_clock; }
    /// Blocks until every write submitted so far is stored (or dropped after a failure): at
    /// start-up, after a burst such as the simulated market's history, so that the server
    /// listens with nothing queued in front of its first client.
    void flushWrites() { m_writer.flush(); }
    /// Where the periodic settings check reads storage: off this thread. Without readers (a
    /// bench, a unit test) it reads here.
    void setReaders(StoreReaders *readers) { m_readers = readers; }
    /// How many ids one reservation in storage takes (kIdBlock unless set: a test sets a few
    /// to see blocks roll over).
    void setIdBlock(qint64 ids) { m_idBlock = ids; }
    /// Checks storage's configuration version now, as the timer does every kSettingsPollMs:
    /// on a store reader once readers are set (matching never waits for the database), the
    /// settings applied back here. After a change made through this server, so it applies
    /// without waiting for the next poll.
    void pollSettings();
    /// Puts settings read elsewhere (PreTradeRisk::read on a store reader, after a change made
    /// through this server) in force now, if they are newer than those in force.
    void adoptSettings(PreTradeRisk::Settings settings) { applySettings(std::move(settings)); }
    /// Whether `userId` wants to hear of events of `type` at all (on any channel): the
    /// notifications of an order's fill, partial fill, expiry and rejection are written, with
    /// the trading write that causes them, only for those. Unset: none are written.
    using NotificationFilter
        = std::function<bool(std::int64_t userId, core::notifications::EventType type)>;
    void setNotificationFilter(NotificationFilter filter) { m_notify = std::move(filter); }
    /// Now, by that clock (to the millisecond, as stored).
    QDateTime nowUtc() const { return m_clock->nowUtc(); }

    /// Whether this server matches every book (alone on its database: the default) or only
    /// those a Cluster hands it with acquire(). Set before start().
    void setOwnsAllBooks(bool all) { m_ownsAll = all; }
    bool owns(const QString &symbol) const;
    /// Takes the books of `fences` over as storage holds them, each at its epoch (every write
    /// on it is fenced by it); positions and candles are replayed from the stored trades
    /// (another server traded meanwhile).
    Result<void> acquire(const QList<BookFence> &fences);
    /// Stops matching `symbol` (another server does): its book and live orders leave memory.
    void release(const QString &symbol);
    /// A trade another server stored, with the client order ids of its two orders: positions,
    /// candles, the ticker and time and sales follow it, and its users hear of their fills.
    void applyRemoteTrade(const TradeRecord &trade, const QString &buyClientId,
                          const QString &sellClientId);
    /// Rebuilds what trades on books matched elsewhere built (positions, candles, tickers,
    /// time and sales) from storage: after the link that brings them (Redis) was lost.
    Result<void> catchUpRemote();
    /// An order another server changed: kept for reads while storage is down and, while live,
    /// counted in its user's credit exposure here.
    void rememberRemote(qint64 userId, const core::protocol::Order &order);
    /// The instrument of order `orderId`, if there is such an order.
    std::optional<QString> symbolOfOrder(const QString &orderId);
    /// Opens a book for each instrument listed in storage since (the listing rolls forward
    /// with the calendar); emits instrumentsChanged when there are new ones.
    Result<void> refreshInstruments();

    /// The instruments with a book here, in board order: those still trading at `now`, or
    /// (with `expired`) those whose trading has ended too.
    QList<core::Instrument> instruments(const QDateTime &now, bool expired = false) const;
    /// Every instrument with a book here, expired or not.
    QList<core::Instrument> instruments() const { return instruments({}, true); }
    std::optional<core::Instrument> instrument(const QString &symbol) const;
    /// One of `principal`'s orders as it stands, if memory knows it (live, being stored, or
    /// changed since the start) or can tell it is none of theirs (not_found); nullopt: ask
    /// storage (Store::findOrder, off this thread), then orderFrom().
    std::optional<Result<core::protocol::Order>> orderInMemory(const Principal &principal,
                                                               const QString &orderId) const;
    /// The order storage answered with, if it is `principal`'s; not_found otherwise.
    static Result<core::protocol::Order> orderFrom(Result<std::optional<StoredOrder>> stored,
                                                   const Principal &principal,
                                                   const QString &orderId);

    void place(const Principal &principal, const core::protocol::NewOrder &request,
               Reply<Placement> reply);
    void modify(const Principal &principal, const QString &orderId,
                const core::protocol::OrderModify &change, Reply<core::protocol::Order> reply);
    void cancel(const Principal &principal, const QString &orderId,
                Reply<core::protocol::Order> reply);
    /// Cancels every live order of the user; answers them as cancelled.
    void cancelAll(const Principal &principal, Reply<QList<core::protocol::Order>> reply);
    /// Stops the timers and drops every answer still waiting for the writer (shutting down).
    void shutdown();
    /// False after a failed commit, until the state is reloaded from storage.
    bool isAvailable() const { return !m_unavailable; }
    /// The configuration version (users, limits, credit lines) the service works with: it
    /// follows storage's within kSettingsPollMs.
    qint64 configVersion() const { return m_risk.version(); }
    static constexpr int kSettingsPollMs = 200;
    /// Expires good-till-date and day orders due at `now`, and every order in an instrument
    /// whose trading has ended.
    void expireOrders(const QDateTime &now);

    // Listings (orderhistory.h), as the API names them.
    using Source = ListingSource;
    template<typename T>
    using Listing = qx::server::Listing<T>;
    using Page = qx::server::Page;
    template<typename T>
    static Listing<T> storedPage(QList<T> items, const Page &page)
    {
        return qx::server::storedPage(std::move(items), page);
    }
    /// The listing of what storage answered for the page (read anywhere, e.g. by
    /// StoreReaders): its rows, or while storage cannot be reached the page from memory.
    Result<Listing<core::protocol::Order>> ordersFrom(Result<QList<core::protocol::Order>> stored,
                                                      const Principal &principal, const Page &page);
    Result<Listing<core::protocol::Trade>> tradesFrom(Result<QList<core::protocol::Trade>> stored,
                                                      const Principal &principal, const Page &page);
    /// The same, reading storage here (on this thread).
    Result<Listing<core::protocol::Order>> orders(const Principal &principal, const Page &page);
    Result<Listing<core::protocol::Order>> orders(const Principal &principal)
    {
        return orders(principal, Page {});
    }
    Result<Listing<core::protocol::Trade>> trades(const Principal &principal, const Page &page);
    Result<Listing<core::protocol::Trade>> trades(const Principal &principal)
    {
        return trades(principal, Page {});
    }
    static constexpr qsizetype kRecentPerUser = OrderHistory::kRecentPerUser;
    Result<core::protocol::BookSnapshot> book(const QString &symbol, int depth) const;
    /// What identifies a book's whole state (every order, in queue order, and the last
    /// trade): equal after a rebuild from storage if and only if nothing was lost.
    struct BookFingerprint
    {
        QString symbol;
        quint64 hash = 0;
        qsizetype orders = 0;
        quint64 sequence = 0;
    };
    Result<BookFingerprint> fingerprint(const QString &symbol) const;
    Result<core::protocol::Ticker> ticker(const QString &symbol) const;
    /// The market's latest trades (at most kRecentTrades), newest first.
    Result<QList<core::protocol::MarketTrade>> recentTrades(const QString &symbol) const;
    static constexpr qsizetype kRecentTrades = Market::kRecentTrades;
    /// How long after a replay a remote trade it read may still arrive by Redis.
    static constexpr int kReplayOverlapMs = 10'000;
    Result<QList<core::Candle>> candles(const QString &symbol, core::CandleInterval interval,
                                        qint64 fromMs, qint64 toMs) const;
    /// The settlement prices positions can be marked to, by symbol (Store::latestSettlements,
    /// read off this thread).
    using Settlements = QHash<QString, core::Price>;
    /// The user's positions, marked to `settlements` when given (no mark without one), else to
    /// the last trade. From memory only.
    QList<PositionReport> positions(const Principal &principal,
                                    const std::optional<Settlements> &settlements
                                    = std::nullopt) const;

    // Deals (orderservice_deals.cpp): bilateral trades in the positions like fills, booked
    // and cancelled in storage by DealDesk on a store reader, then applied here. Those booked
    // or cancelled elsewhere (the command line, another server) raise the configuration
    // version; this service reads the live deals again then (readDeals) and follows.

    /// Books a deal in `principal`'s position, with the fields corrected by hand first (a
    /// document's): once stored, it is in the position and announced (dealEvent).
    void bookDeal(const Principal &principal, const core::protocol::NewDeal &terms,
                  const QList<DealDesk::Correction> &corrections,
                  Reply<core::protocol::Deal> reply);
    /// Cancels one of `principal`'s live deals: once stored, its position is built again
    /// without it.
    void cancelDeal(const Principal &principal, const QString &dealId, const QString &reason,
                    Reply<core::protocol::Deal> reply);
    /// The live deals this service counts, oldest booking first.
    QList<DealRecord> liveDeals() const;

Q_SIGNALS:
    void instrumentsChanged();
    /// The users, limits or credit lines changed in storage (the configuration version moved,
    /// by an admin here, the CLI or another server): what caches them reads them afresh.
    void configurationChanged(qint64 version);
    /// An order changed; `type` is one of protocol::stream's order event names.
    void orderEvent(const QString &type, const core::protocol::Order &order, qint64 userId);
    /// A fill, once for each side's user.
    void tradeEvent(const core::protocol::Trade &trade, qint64 userId);
    /// The book or ticker of `symbol` changed.
    void marketUpdated(const QString &symbol);
    void candleUpdated(const QString &symbol, core::CandleInterval interval,
                       const core::Candle &candle);
    /// A trade in the market, as everyone may see it.
    void marketTrade(const core::protocol::MarketTrade &trade);
    /// A trade this server stored, whole, with the client order ids of both orders: for the
    /// other servers of a cluster.
    void tradeStored(const qx::server::TradeRecord &trade, const QString &buyClientId,
                     const QString &sellClientId);
    /// A deal of `userId`'s was booked ("deal.booked") or cancelled ("deal.cancelled"), here
    /// or elsewhere.
    void dealEvent(const QString &type, const core::protocol::Deal &deal, qint64 userId);

private:
    struct Change
    {
        QString type;
        StoredOrder order;
    };
    struct Applied
    {
        Market *market = nullptr;
        QList<Change> changes;
        QList<TradeRecord> trades;
        Market::CandleChanges candles; ///< to announce
        /// Set when the engine refused the command: nothing changed, nothing is written.
        std::optional<core::matching::Event> rejection;
        quint64 ticket = 0; ///< the writer's, when something is written
    };
    using Settled = CommitTracker::Settled;
    struct PendingOrder ///< a new order not yet durable, for client_order_id replays
    {
        qint64 id = 0;
        QByteArray requestHash;
        quint64 ticket = 0;
    };

    /// A command's answer and the writer ticket it waits for (0: nothing written).
    template<typename T>
    struct Answer
    {
        T value;
        quint64 ticket = 0;
    };
    template<typename T>
    void answerWhenDurable(Result<Answer<T>> answer, const Reply<T> &reply);
    /// The commands up to the book: errors before it, else the answer to give once durable.
    /// placeNow's Placement has created == false for a stored replay, answered at once.
    Result<Placement> placeNow(const Principal &principal, const core::protocol::NewOrder &request,
                               const Reply<Placement> &reply);
    Result<Answer<core::protocol::Order>> modifyNow(const Principal &principal,
                                                    const QString &orderId,
                                                    const core::protocol::OrderModify &change);
    Result<Answer<core::protocol::Order>> cancelNow(const Principal &principal,
                                                    const QString &orderId);
    Result<Answer<QList<core::protocol::Order>>> cancelAllNow(const Principal &principal);

    Market *findMarket(const QString &symbol) const;
    /// What `read` returns of the market of `symbol`; unknown_symbol without one.
    template<typename Read>
    auto readMarket(const QString &symbol, Read read) const
        -> Result<std::invoke_result_t<Read, const Market &>>;
    /// Opens markets for the stored instruments not open yet (but hours and quarter-hours
    /// delivered over a week ago), keeping the board order; returns the new ones.
    Result<QList<Market *>> addMarkets();
    Result<StoredOrder> ownLiveOrder(const Principal &principal, const QString &orderId);
    /// Runs `command` on the market's book; unless the engine refused it or nothing happened,
    /// applies the outcome in memory and submits it to the writer (order `createdId` as a new
    /// row, `audit` for the audit log, in the same transaction), to be announced once durable.
    template<typename Command>
    Result<Applied> run(Market &market, Command command, qint64 createdId = 0,
                        QStringList audit = {});
    /// What `principal` did to `orderId`, now, as the audit log keeps it.
    QString audited(const Principal &principal, QStringView action, const QString &orderId,
                    QStringView detail = {}) const;
    Applied apply(Market &market, const std::vector<core::matching::Event> &events);
    /// Tells the world: order events, trades, candles, the market.
    void announce(const Applied &applied);
    /// What a trade changes besides its orders: the market (Market::record: the changed
    /// candles returned) and both sides' positions.
    Market::CandleChanges record(Market &market, const TradeRecord &trade);
    /// Tells each side's user of their fill.
    void announceFills(const TradeRecord &trade, const QString &buyClientId,
                       const QString &sellClientId);
    /// Rebuilds positions, candles and tickers of the markets `which` picks from their stored
    /// trades (and the live deals in them).
    Result<void> replayTrades(const std::function<bool(const Market &)> &which);
    /// The live deals by instrument, oldest booking first.
    QHash<QString, QList<DealRecord>> dealsBySymbol() const;
    /// A deal stored live: counted from now on (once: it may come twice, from the booking
    /// and from readDeals).
    void adoptDeal(const DealRecord &deal, bool announce);
    /// A deal stored cancelled: no longer counted, its position built again.
    void dropDeal(const DealRecord &deal, bool announce);
    /// Builds the position `key` again from its instrument's stored trades, read off this
    /// thread, and the trades that came meanwhile (noted by record()).
    void rebuildPosition(const PositionBook::Key &key);
    void finishRebuild(const PositionBook::Key &key, Result<QList<TradeRecord>> stored);
    /// Runs `work` on a store reader and `done` with its result back here; without readers
    /// (a bench, a unit test), both here at once.
    template<typename T>
    void offThread(std::function<Result<T>(Store &)> work, std::function<void(Result<T>)> done)
    {
        if (!m_readers)
            return done(work(m_store));
        m_readers->read<T>(std::move(work), this, std::move(done));
    }
    /// Reads the live deals again (the configuration version moved) and follows what changed.
    void readDeals();
    void followDeals(const QList<DealRecord> &live);
    void onCommitted(quint64 lastTicket);
    void onFailed(quint64 lastTicket, const core::Error &error);
    /// Loads the instruments and rebuilds books, positions and candles from storage.
    Result<void> load();
    /// Rebuilds the books of those of `markets` this server matches from the stored live
    /// orders and book states.
    Result<void> rebuild(const QList<Market *> &candidates);
    core::Error storageUnavailable() const;
    static core::Error notOwner(const QString &symbol);
    /// Writes the notification of `request` refused with `error`, if its user wants it and
    /// the refusal was the order's (not storage's or the cluster's).
    void notifyRejection(const Principal &principal, const core::protocol::NewOrder &request,
                         const core::Error &error);
    /// The pre-trade checks (PreTradeRisk) of an order on `market`: a market order is valued
    /// at the best price it would meet.
    Result<void> checkRisk(const Principal &principal, const Market &market,
                           core::protocol::Side side, std::optional<core::Price> price,
                           core::Quantity quantity, core::Quantity remaining, qint64 replacing = 0);
    // PreTradeRisk::Holdings: what is open and held here.
    Result<std::pair<core::Quantity, core::Quantity>> openQuantities(
        qint64 user, const QString &symbol, qint64 replacing) const override;
    core::Quantity netPosition(qint64 user, const QString &symbol) const override;
    Result<core::Money> exposure(const QList<std::int64_t> &users,
                                 const PreTradeRisk::MarketFilter &accept, qint64 replacing,
                                 const QString &dealsWith) const override;

    /// Reloads the settings if storage's configuration version moved (at start and reload).
    Result<void> refreshSettings();
    /// Puts `settings` in force if they are newer (configurationChanged then).
    void applySettings(PreTradeRisk::Settings settings);

    /// A (user, client order id) pair as 64 bits, for the index of the ids ever used.
    static quint64 clientKey(qint64 userId, const QString &clientOrderId);

    Store &m_store;
    StoreWriter &m_writer;
    PreTradeRisk m_risk;
    QTimer m_settingsTimer;
    StoreReaders *m_readers = nullptr;
    bool m_settingsReading = false; ///< a poll is under way on a reader
    /// Every (user, client order id) stored, as clientKey(): an id not in here is new for sure
    /// (no storage read); one in here, or a rare collision, is looked up.
    QSet<quint64> m_clientKeys;
    /// Remote trades the last replay read that Redis may still deliver, for kReplayOverlapMs.
    QSet<std::int64_t> m_replayedTrades;
    QTimer m_replayedTimer;
    TradingRules m_rules;
    NotificationFilter m_notify;
    const core::Clock *m_clock = &core::Clock::system();
    std::vector<std::unique_ptr<Market>> m_markets;
    QHash<QString, Market *> m_bySymbol;
    /// The open orders on books other servers match, as storage holds them (none alone).
    Result<void> reloadRemoteLive();
    QHash<qint64, StoredOrder> m_live; ///< every open order, by id
    /// In a cluster, the open orders on books other servers match, by id (for credit).
    QHash<qint64, StoredOrder> m_remoteLive;
    PositionBook m_positions;
    QHash<qint64, DealRecord> m_deals; ///< the live ones, by id
    /// The live deals with one counterparty in one symbol, summed as they are adopted and
    /// dropped, so that a credit-line check adds a sum per symbol instead of walking every
    /// deal. The sum stands for the deals' values (each |last price × quantity × multiplier|)
    /// only when none of those products rounds: `gcdUnits` tells (a price and multiplier that
    /// make the greatest common divisor's product exact make every quantity's exact).
    struct DealSum
    {
        QSet<qint64> ids;
        qint64 quantityUnits = 0; ///< Σ |quantity|, in Decimal units
        qint64 gcdUnits = 0; ///< their greatest common divisor
        bool summed = true; ///< false when the sum overflowed: the deals are walked
    };
    /// By core::documents::partyKey() of the counterparty, then by symbol.
    QHash<QString, QHash<QString, DealSum>> m_dealSums;
    void countDeal(const DealRecord &deal);
    void uncountDeal(const DealRecord &deal);
    /// What the deals of `sum` in `market` are worth at `price`, added up as exposure()
    /// adds each: from the sum when that is exact, else deal by deal.
    Result<core::Money> dealsValue(const DealSum &sum, const Market &market,
                                   core::Price price) const;
    /// Positions being built again: how many reads of their trades are under way, and the
    /// trades applied to them since the first began.
    struct Rebuild
    {
        int reads = 0;
        QList<TradeRecord> since;
    };
    QHash<PositionBook::Key, Rebuild> m_rebuilding;
    quint64 m_dealChanges = 0; ///< raised by each deal adopted or dropped here
    bool m_dealsReading = false;
    bool m_dealsReadAgain = false;
    std::vector<core::matching::Event> m_events; ///< reused per command
    QTimer m_expiryTimer;
    CommitTracker m_commits;
    QHash<QPair<qint64, QString>, PendingOrder> m_pendingClientIds; ///< (user, client id)
    /// Orders that left the book in memory whose final state is not stored yet, by id, with
    /// the writer ticket that stores it: so a cancel meanwhile says "already filled".
    QHash<qint64, QPair<quint64, StoredOrder>> m_closing;
    /// Ids this server hands out: [next, end) of a block reserved in storage.
    struct IdBlock
    {
        qint64 next = 0;
        qint64 end = 0;
        qint64 left() const { return end - next; }
    };
    /// The ids of one kind: the block in use and, reserved on a store reader before it runs
    /// out, the next one, so that taking ids never waits for storage.
    struct IdSupply
    {
        IdBlock block;
        std::optional<IdBlock> spare;
        bool reserving = false; ///< the spare is being reserved on a reader
    };
    static constexpr qint64 kIdBlock = 65'536;
    /// The next id of `kind`. Error: storage_unavailable.
    Result<qint64> nextId(Store::IdKind kind);
    /// At least `count` ids of `kind` ready to take: from the block in use, else the spare;
    /// only without one that is big enough (at start, after a failure, a command needing more
    /// than a block) is a block reserved here, in line. Error: storage_unavailable.
    Result<void> reserveIds(Store::IdKind kind, qint64 count);
    /// Reserves the spare block of `kind` on a store reader once a quarter of the block in
    /// use is left (without readers: when the block runs out, in line).
    void reserveSpare(Store::IdKind kind);
    IdSupply &supply(Store::IdKind kind)
    {
        return kind == Store::IdKind::Order ? m_orderIds : m_tradeIds;
    }
    qint64 m_idBlock = kIdBlock;
    IdSupply m_orderIds;
    IdSupply m_tradeIds;
    /// Raised by each reload: a spare reserved before it is dropped when it arrives.
    quint64 m_idEpoch = 0;
    bool m_unavailable = false;
    bool m_ownsAll = true;
    core::Error m_storageError;
    QTimer m_reloadTimer; ///< retries the reload while storage is unavailable, backing off
    bool m_settingsFailing = false; ///< warned once per outage
    /// What each user's orders and fills became since the start, for reads while storage
    /// is down.
    OrderHistory m_history;
};

} // namespace qx::server
