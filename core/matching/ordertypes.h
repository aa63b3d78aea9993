#pragma once

#include <cstdint>

/**
 * The matching engine's vocabulary. Inside the engine prices are integer ticks and quantities
 * integer lots of the instrument (the service converts from and to Decimal at its edge), and
 * times are milliseconds since the epoch passed in by the caller: the engine reads no clock,
 * so the same input always produces the same output.
 */
namespace qx::core::matching {

using OrderId = std::uint64_t;
using AccountId = std::uint32_t;
using Ticks = std::int64_t;
using Lots = std::int64_t;
using Millis = std::int64_t;

enum class Side : std::uint8_t { Buy, Sell };
enum class OrderKind : std::uint8_t { Limit, Market, Stop, StopLimit };
enum class TimeInForce : std::uint8_t {
    GoodTillCancel,
    GoodTillDate, ///< expires at OrderRequest::expiresAt
    Day, ///< expires at the end of the trading day (the caller's expiresAt)
    ImmediateOrCancel,
    FillOrKill,
};
/// What happens when an order would trade against another order of the same account.
enum class SelfTradePrevention : std::uint8_t {
    Allow, ///< no prevention (e.g. a market maker's own hedging account)
    CancelNewest, ///< the incoming order's remainder is cancelled
    CancelOldest, ///< the resting order is cancelled and matching goes on
};

struct OrderRequest
{
    OrderId id = 0;
    AccountId account = 0;
    Side side = Side::Buy;
    OrderKind kind = OrderKind::Limit;
    TimeInForce timeInForce = TimeInForce::GoodTillCancel;
    SelfTradePrevention selfTrade = SelfTradePrevention::CancelNewest;
    Ticks price = 0; ///< limit price (Limit, StopLimit)
    Ticks stopPrice = 0; ///< trigger (Stop, StopLimit)
    Lots quantity = 0;
    Lots displayQuantity = 0; ///< iceberg clip; 0 shows the whole quantity
    Millis expiresAt = 0; ///< GoodTillDate and Day
};

enum class EventType : std::uint8_t {
    Accepted, ///< the order entered the engine (resting, pending as a stop, or about to match)
    Rejected, ///< refused before it changed anything (sequence not advanced); see `reason`
    Trade, ///< a fill of both orders: the taker (`orderId`) and the maker (`makerOrderId`)
    Cancelled, ///< removed with its remaining quantity; `reason` says why
    Expired, ///< a GoodTillDate or Day order reached its time
    Modified, ///< price or quantity changed; `remaining` is the new remaining quantity
    Triggered, ///< a stop order's trigger was reached and it entered the book
};

enum class Reason : std::uint8_t {
    None,
    // Rejections
    DuplicateOrderId,
    UnknownOrder,
    InvalidQuantity,
    InvalidPrice,
    InvalidExpiry,
    MaxOrderQuantity,
    PriceBand,
    FillOrKillNotFillable,
    QuantityBelowFilled,
    NotModifiable,
    // Cancellations
    UserRequest,
    ImmediateOrCancel, ///< an IOC or market order's unfilled rest
    NoLiquidity, ///< a market order found nothing (more) to trade against
    SelfTrade,
    EndOfTrading, ///< a day order at the end of its trading day
    InstrumentClosed, ///< the instrument stopped trading (an hour's gate closure)
};

/**
 * One thing that happened in a book, in the order it happened. `sequence` increases by one per
 * event of a book. For a Trade, `orderId`/`account`/`side` are the taker's, `price` is the
 * maker's price, `quantity` the traded lots, and `remaining` / `makerRemaining` what each
 * order still has open afterwards (0: filled). For the other events `remaining` is the
 * order's open quantity after the event and `quantity` its original total.
 */
struct Event
{
    std::uint64_t sequence = 0;
    EventType type = EventType::Accepted;
    Reason reason = Reason::None;
    Side side = Side::Buy;
    AccountId account = 0;
    OrderId orderId = 0;
    Ticks price = 0;
    Lots quantity = 0;
    Lots remaining = 0;
    OrderId makerOrderId = 0;
    AccountId makerAccount = 0;
    Lots makerRemaining = 0;
};

constexpr Side opposite(Side side)
{
    return side == Side::Buy ? Side::Sell : Side::Buy;
}

} // namespace qx::core::matching
