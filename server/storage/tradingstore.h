#pragma once

#include "server/storage/records.h"

namespace qx::server {

/**
 * Trading: orders, trades, book states and the ids handed out for them. The order path
 * writes through commitTrading() (StoreWriter); the rest is for start-up, recovery and reads.
 * Part of Store (store.h); a service that needs only this takes a TradingStore &.
 */
class TradingStore
{
public:
    virtual ~TradingStore() = default;

    /// Inserts a new order and returns it with its id: the order's own if it has one (the
    /// trading service numbers orders itself), else a new one.
    virtual Result<core::protocol::Order> insertOrder(std::int64_t userId,
                                                      const core::protocol::Order &order,
                                                      const QByteArray &requestHash)
        = 0;
    /// Updates what can change of an existing order: price, quantity, status, reason, filled
    /// quantity, update time and the engine state.
    virtual Result<void> updateOrder(const StoredOrder &order) = 0;
    /// Open and partially filled orders of every user, in ascending queue priority.
    virtual Result<QList<StoredOrder>> liveOrders() = 0;
    virtual Result<std::optional<StoredOrder>> findOrder(std::int64_t orderId) = 0;
    virtual Result<std::optional<StoredOrder>> findOrderByClientId(std::int64_t userId,
                                                                   const QString &clientOrderId)
        = 0;
    /// A user's orders, newest first: those with ids below `beforeId` (0: from the newest), at
    /// most `limit` (0: all).
    virtual Result<QList<core::protocol::Order>> orders(std::int64_t userId,
                                                        std::int64_t beforeId = 0, int limit = 0)
        = 0;
    /// Stores a TradingWrite in one transaction of its own, durable when this returns: new
    /// orders and trades inserted, changed orders and book states upserted, in bulk. The
    /// trading service's orders and trades carry their ids.
    virtual Result<void> commitTrading(const TradingWrite &write) = 0;
    /// Inserts a trade and returns its id (the trade's own if set).
    virtual Result<std::int64_t> insertTrade(const TradeRecord &trade) = 0;
    struct LastIds
    {
        std::int64_t order = 0;
        std::int64_t trade = 0;
    };
    /// The highest order and trade ids stored (0 when none).
    virtual Result<LastIds> lastIds() = 0;
    enum class IdKind { Order, Trade };
    /// Reserves `count` ids of `kind` for this server alone, durably: returns the first.
    virtual Result<std::int64_t> reserveIds(IdKind kind, std::int64_t count) = 0;
    /// Every trade, each book's in the order it matched them (by its sequence: ids do not
    /// follow that order once a book changed server), users included: to rebuild positions
    /// and candles.
    virtual Result<QList<TradeRecord>> allTrades() = 0;
    /// The trades of one book in the order it matched them, users included: to rebuild the
    /// positions in it.
    virtual Result<QList<TradeRecord>> tradesIn(const QString &symbol) = 0;
    /// A user's own fills, newest first, paged as orders() (a trade with themselves, both
    /// sides, is never split between pages).
    virtual Result<QList<core::protocol::Trade>> trades(std::int64_t userId,
                                                        std::int64_t beforeId = 0, int limit = 0)
        = 0;
    virtual Result<void> saveBookState(const BookState &state) = 0;
    virtual Result<QList<BookState>> bookStates() = 0;
    /// Calls `each` with the user id and client order id of every stored order, oldest first,
    /// without holding them all at once.
    virtual Result<void> forEachClientOrderId(
        const std::function<void(std::int64_t, const QString &)> &each)
        = 0;
};

} // namespace qx::server
