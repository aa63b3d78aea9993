#pragma once

#include "core/matching/ordertypes.h"

#include <tsl/robin_map.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <queue>
#include <vector>

namespace qx::core::matching {

/// Market-wide checks a book applies to every order.
struct BookRules
{
    Lots maxOrderQuantity = 0; ///< 0: no limit
    Ticks priceBand = 0; ///< 0: none; else |price − reference price| ≤ band
};

/**
 * One instrument's central limit order book with price-time priority.
 *
 * Orders: limit, market, stop and stop-limit; good-till-cancel, good-till-date, day,
 * immediate-or-cancel and fill-or-kill; icebergs (a visible clip, refilled at the back of its
 * price level's queue); modify (a lower quantity at the same price keeps the order's place in
 * the queue, a new price or a higher quantity sends it to the back, as on EEX, ICE Endex and
 * Nasdaq Commodities); cancel and cancel-all per account; self-trade prevention per order.
 * Market-wide checks: maximum order quantity and a price band around the last trade.
 *
 * Every call appends what happened to `events`, numbered by a per-book sequence. The book reads
 * no clock and draws no random number: replaying the same calls gives the same events.
 *
 * Layout: each side is a vector of price levels sorted so that the best is at the back (trading
 * at the touch is push/pop at the end); a level is an intrusive FIFO of pooled order nodes, and
 * a hash map from order id to node makes cancel O(1) in the number of resting orders.
 *
 * Not thread-safe: one thread owns a book (the single writer of docs/architecture.md).
 */
class OrderBook
{
public:
    using Rules = BookRules;

    struct LevelView
    {
        Ticks price = 0;
        Lots quantity = 0; ///< visible quantity (iceberg clips only)
        std::uint32_t orders = 0;
    };

    struct OrderView
    {
        OrderId id = 0;
        AccountId account = 0;
        Side side = Side::Buy;
        OrderKind kind = OrderKind::Limit;
        TimeInForce timeInForce = TimeInForce::GoodTillCancel;
        Ticks price = 0;
        Ticks stopPrice = 0;
        Lots quantity = 0; ///< original total, after any modify
        Lots remaining = 0;
        Lots visible = 0;
        Lots displayQuantity = 0;
        Millis expiresAt = 0;
        /// Place in the queue: higher joined its level later (or its stop list, for stops).
        std::uint64_t priority = 0;
        SelfTradePrevention selfTrade = SelfTradePrevention::CancelNewest;
        bool pendingStop = false;
        bool operator==(const OrderView &) const = default;
    };

    explicit OrderBook(Rules rules = {});

    void setRules(Rules rules) { m_rules = rules; }
    /// Sizes the order pool and index for `orders` live orders up front, as a production engine
    /// sizes its memory at start-up: no allocation or page fault on the hot path until then.
    void reserve(std::size_t orders);
    const Rules &rules() const { return m_rules; }
    /// The price the band is measured from until the first trade (e.g. yesterday's settlement).
    void setReferencePrice(Ticks price) { m_referencePrice = price; }

    void submit(const OrderRequest &request, std::vector<Event> &events);
    /// Puts back an order exactly as orders() or order() described it, without matching and
    /// without events: rebuilding a book from storage. Orders must come in priority order.
    void restore(const OrderView &order);
    /// The last trade price as it was before a restart (bands and stop triggers use it).
    void restoreLastTrade(Ticks price) { m_lastTrade = price; }
    /// Continues the event numbering of a book restored from storage.
    void restoreSequence(std::uint64_t sequence) { m_sequence = sequence; }
    void cancel(OrderId id, std::vector<Event> &events);
    /// `quantity` is the new total quantity (filled part included), as FIX OrderQty.
    void modify(OrderId id, Ticks price, Lots quantity, std::vector<Event> &events);
    void cancelAll(AccountId account, std::vector<Event> &events);
    /// Expires good-till-date and day orders whose time is ≤ now.
    void expire(Millis now, std::vector<Event> &events);
    /// Trading in the instrument has ended: expires every order and pending stop, oldest first,
    /// with reason InstrumentClosed.
    void close(std::vector<Event> &events);
    /// When expire() may next have something to do (possibly an order gone meanwhile).
    std::optional<Millis> nextExpiry() const
    {
        return m_expiries.empty() ? std::nullopt : std::optional(m_expiries.top().at);
    }

    std::optional<LevelView> best(Side side) const;
    /// Up to `maxLevels` aggregated levels, best first.
    std::vector<LevelView> depth(Side side, std::size_t maxLevels) const;
    std::optional<Ticks> lastTradePrice() const { return m_lastTrade; }
    std::optional<OrderView> order(OrderId id) const;
    /// Every live order in priority order: bids best first, asks best first, then stops.
    std::vector<OrderView> orders() const;
    std::size_t orderCount() const { return m_index.size(); }
    std::size_t levelCount() const { return m_bids.size() + m_asks.size(); }
    std::uint64_t lastSequence() const { return m_sequence; }
    /// FNV-1a over the book's priority-ordered contents: equal books hash equal.
    std::uint64_t stateHash() const;

private:
    static constexpr std::uint32_t kNone = 0xffffffffu;

    // What matching touches, in one cache line.
    struct alignas(64) Node
    {
        OrderId id;
        Ticks price;
        Lots remaining; ///< open quantity, hidden part included
        Lots visible; ///< the part shown in the level (the clip for icebergs)
        Lots quantity; ///< original total
        std::uint32_t prev;
        std::uint32_t next;
        AccountId account;
        Side side;
        OrderKind kind;
        TimeInForce timeInForce;
        SelfTradePrevention selfTrade;
        bool pendingStop;
    };
    static_assert(sizeof(Node) == 64);

    // What it does not: read on entry, on an iceberg's refill, on expiry and by the views.
    struct Cold
    {
        Ticks stopPrice;
        Lots display; ///< iceberg clip size, 0 for a plain order
        Millis expiresAt;
        std::uint64_t priority;
    };

    struct Level
    {
        Ticks price;
        Lots quantity;
        std::uint32_t head;
        std::uint32_t tail;
        std::uint32_t count;
    };

    struct Stop
    {
        Ticks stopPrice;
        std::uint64_t arrival;
        std::uint32_t node;
    };

    struct Expiry
    {
        Millis at;
        OrderId id;
        bool operator>(const Expiry &other) const
        {
            return at != other.at ? at > other.at : id > other.id;
        }
    };

    std::vector<Level> &levels(Side side) { return side == Side::Buy ? m_bids : m_asks; }
    const std::vector<Level> &levels(Side side) const
    {
        return side == Side::Buy ? m_bids : m_asks;
    }
    std::vector<Stop> &stops(Side side) { return side == Side::Buy ? m_buyStops : m_sellStops; }

    Event &emit(std::vector<Event> &events, EventType type, const Node &node,
                Reason reason = Reason::None);
    void reject(std::vector<Event> &events, const OrderRequest &request, Reason reason);
    std::optional<Reason> checkPrice(Ticks price) const;

    std::uint32_t allocate();
    void release(std::uint32_t node);
    Level *findLevel(Side side, Ticks price);
    Level &levelFor(Side side, Ticks price);
    void append(std::uint32_t node);
    void unlink(std::uint32_t node);
    void removeResting(std::uint32_t node);
    void removeStop(std::uint32_t node);
    void expireOrder(std::uint32_t node, Reason reason, std::vector<Event> &events);
    void addStop(std::uint32_t node);

    void execute(std::uint32_t node, std::vector<Event> &events);
    /// Trades the taker against the opposite side up to `limit`; true when self-trade
    /// prevention (cancel newest) stopped it.
    template<Side TakerSide>
    bool match(std::uint32_t taker, Ticks limit, std::vector<Event> &events);
    /// Removes a level's first order (filled or cancelled) and frees it.
    void popHead(Level &level, std::uint32_t node);
    bool canFillCompletely(const Node &taker, Ticks limit) const;
    void triggerStops(std::vector<Event> &events);
    void finish(std::uint32_t node, EventType type, Reason reason, std::vector<Event> &events);

    Rules m_rules;
    // Nodes live in fixed chunks that never move: growing copies nothing, and references to a
    // node stay valid while others are allocated.
    static constexpr std::uint32_t kChunkBits = 12;
    static constexpr std::uint32_t kChunkSize = 1u << kChunkBits;
    Node &at(std::uint32_t index) { return m_chunks[index >> kChunkBits][index & kChunkMask]; }
    const Node &at(std::uint32_t index) const
    {
        return m_chunks[index >> kChunkBits][index & kChunkMask];
    }
    Cold &cold(std::uint32_t index)
    {
        return m_coldChunks[index >> kChunkBits][index & kChunkMask];
    }
    const Cold &cold(std::uint32_t index) const
    {
        return m_coldChunks[index >> kChunkBits][index & kChunkMask];
    }
    static constexpr std::uint32_t kChunkMask = kChunkSize - 1;
    std::vector<std::unique_ptr<Node[]>> m_chunks;
    std::vector<std::unique_ptr<Cold[]>> m_coldChunks;
    std::uint32_t m_allocated = 0;
    std::vector<std::uint32_t> m_free;
    std::vector<Level> m_bids; ///< ascending: best (highest) at the back
    std::vector<Level> m_asks; ///< descending: best (lowest) at the back
    std::vector<Stop> m_buyStops; ///< next to trigger (lowest stop) at the back
    std::vector<Stop> m_sellStops; ///< next to trigger (highest stop) at the back
    std::priority_queue<Expiry, std::vector<Expiry>, std::greater<>> m_expiries;
    tsl::robin_map<OrderId, std::uint32_t> m_index;
    std::optional<Ticks> m_lastTrade;
    std::optional<Ticks> m_referencePrice;
    std::uint64_t m_sequence = 0;
    std::uint64_t m_arrivals = 0;
};

} // namespace qx::core::matching
