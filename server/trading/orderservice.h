#pragma once

#include "core/candles.h"
#include "core/instrument.h"
#include "core/matching/orderbook.h"
#include "core/position.h"
#include "core/protocol/messages.h"
#include "server/auth/authservice.h"
#include "server/storage/store.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <array>
#include <memory>
#include <vector>

namespace qx::server {

/// Market-wide checks applied to every instrument's book.
struct TradingRules
{
    /// Orders priced further than this from the last trade are rejected (0: no band).
    int priceBandPercent = 20;
    /// Largest order, in lots of the instrument (0: no limit).
    qint64 maxOrderLots = 100'000;
};

/**
 * Trading: one matching-engine book per instrument, with everything around it. Each command
 * (place, modify, cancel, cancel-all, expiry) runs in one store transaction — the order rows,
 * the trades and the book's counters — and only after the commit does its answer return and do
 * the signals below fire, so nothing is acknowledged or broadcast that a crash could take back.
 * If the engine rejects a command the transaction is rolled back and nothing changed; if the
 * commit fails the book is rebuilt from storage and the command answers storage_unavailable.
 * On start the books are rebuilt from the stored live orders in queue order, and positions and
 * candles from the stored trades.
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
class OrderService : public QObject
{
    Q_OBJECT

public:
    struct Placement
    {
        core::protocol::Order order;
        bool created = false; ///< false when an identical earlier request is replayed
    };

    enum class Mark { LastTrade, Settlement };

    /// A user's position in one instrument, with its mark.
    struct PositionReport
    {
        core::Instrument instrument;
        core::Position position;
        std::optional<core::Price> mark;
    };

    explicit OrderService(Store &store, TradingRules rules = {}, QObject *parent = nullptr);
    ~OrderService() override;

    /// Loads the instruments and rebuilds books, positions and candles from storage.
    Result<void> start();
    /// Opens a book for each instrument listed in storage since (the listing rolls forward
    /// with the calendar); emits instrumentsChanged when there are new ones.
    Result<void> refreshInstruments();

    QList<core::Instrument> instruments() const;
    std::optional<core::Instrument> instrument(const QString &symbol) const;

    Result<Placement> place(const Principal &principal, const core::protocol::NewOrder &request);
    Result<core::protocol::Order> modify(const Principal &principal, const QString &orderId,
                                         const core::protocol::OrderModify &change);
    Result<core::protocol::Order> cancel(const Principal &principal, const QString &orderId);
    /// Cancels every live order of the user; returns them as cancelled.
    Result<QList<core::protocol::Order>> cancelAll(const Principal &principal);
    /// Expires good-till-date and day orders due at `now`, and every order in an instrument
    /// whose trading has ended.
    void expireOrders(const QDateTime &now);

    Result<QList<core::protocol::Order>> orders(const Principal &principal);
    Result<QList<core::protocol::Trade>> trades(const Principal &principal);
    Result<core::protocol::BookSnapshot> book(const QString &symbol, int depth) const;
    Result<core::protocol::Ticker> ticker(const QString &symbol) const;
    Result<QList<core::Candle>> candles(const QString &symbol, core::CandleInterval interval,
                                        qint64 fromMs, qint64 toMs) const;
    /// Marked to the last trade, or to the latest settlement price (no mark without one).
    Result<QList<PositionReport>> positions(const Principal &principal, Mark mark) const;

Q_SIGNALS:
    void instrumentsChanged();
    /// An order changed; `type` is one of protocol::stream's order event names.
    void orderEvent(const QString &type, const core::protocol::Order &order, qint64 userId);
    /// A fill, once for each side's user.
    void tradeEvent(const core::protocol::Trade &trade, qint64 userId);
    /// The book or ticker of `symbol` changed.
    void marketUpdated(const QString &symbol);
    void candleUpdated(const QString &symbol, core::CandleInterval interval,
                       const core::Candle &candle);

private:
    struct Market;
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
        /// Set when the engine refused the command: the transaction was rolled back.
        std::optional<core::matching::Event> rejection;
    };

    Market *findMarket(const QString &symbol) const;
    /// Opens markets for the stored instruments not open yet (but hours and quarter-hours
    /// delivered over a week ago), keeping the board order; returns the new ones.
    Result<QList<Market *>> addMarkets();
    Result<StoredOrder> ownLiveOrder(const Principal &principal, const QString &orderId);
    /// Runs `command` on the market's book in the transaction the caller began, and ends it:
    /// rolled back if the engine refused or nothing happened, else persisted, committed and
    /// published.
    template<typename Command>
    Result<Applied> run(Market &market, Command command);
    Result<Applied> persist(Market &market, const std::vector<core::matching::Event> &events);
    void publish(const Applied &applied);
    Result<void> rebuild(Market &market);
    /// The user's pre-trade limits for the market's product, against an order that would
    /// leave `remaining` open at `price` (nullopt: no price to value it at), replacing the open
    /// quantity of `replacing` if it is an existing order.
    Result<void> checkRisk(const Principal &principal, const Market &market,
                           core::protocol::Side side, std::optional<core::Price> price,
                           core::Quantity quantity, core::Quantity remaining, qint64 replacing = 0);
    /// The user's limits in the market's product; `orderValue` is that of `remaining`.
    Result<void> checkUserLimits(const Principal &principal, const Market &market,
                                 core::protocol::Side side, std::optional<core::Price> price,
                                 core::Quantity quantity, core::Quantity remaining,
                                 core::Money orderValue, qint64 replacing);
    /// The credit line of the user's counterparty in the market's currency.
    Result<void> checkCreditLine(const Principal &principal, const Market &market,
                                 core::Money orderValue, qint64 replacing);
    /// What `users` have at risk in the markets `accept` takes: their open orders (but
    /// `replacing`) at their prices and their positions at the last trade, in absolute value.
    template<typename Accept>
    core::Money exposureOf(const QList<std::int64_t> &users, Accept accept, qint64 replacing) const;
    void updateBand(Market &market);

    Store &m_store;
    TradingRules m_rules;
    std::vector<std::unique_ptr<Market>> m_markets;
    QHash<QString, Market *> m_bySymbol;
    QHash<qint64, StoredOrder> m_live; ///< every open order, by id
    QHash<QPair<qint64, QString>, core::Position> m_positions; ///< (user, symbol)
    std::vector<core::matching::Event> m_events; ///< reused per command
    QTimer m_expiryTimer;
};

} // namespace qx::server
