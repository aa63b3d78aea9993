#pragma once

#include "core/candles.h"
#include "core/decimal.h"
#include "core/instrument.h"
#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/**
 * The JSON messages client and server exchange over REST and the WebSocket stream. Decimals
 * travel as strings, times as ISO 8601 UTC with milliseconds. Every fromJson() is strict: wrong
 * types, missing fields and unknown fields are an invalid_request error.
 */
namespace qx::core::protocol {

enum class Side { Buy, Sell };
enum class OrderType { Limit, Market, Stop, StopLimit };
enum class TimeInForce { GoodTillCancel, GoodTillDate, Day, ImmediateOrCancel, FillOrKill };
enum class OrderStatus { Open, PartiallyFilled, Filled, Cancelled, Rejected, Expired };

QString toString(Side side);
QString toString(OrderType type);
QString toString(TimeInForce timeInForce);
QString toString(OrderStatus status);
std::optional<Side> sideFromString(QStringView text);
std::optional<OrderType> orderTypeFromString(QStringView text);
std::optional<TimeInForce> timeInForceFromString(QStringView text);
/// Limit and stop-limit orders carry a limit price; market and stop orders do not.
bool hasLimitPrice(OrderType type);
/// Stop and stop-limit orders wait for a trigger price.
bool hasStopPrice(OrderType type);
std::optional<OrderStatus> orderStatusFromString(QStringView text);
/// Open and partially filled orders can still trade and be cancelled.
bool isLive(OrderStatus status);

QString toWireTime(const QDateTime &time);
QDateTime fromWireTime(const QString &text);

/// {"error":{"code":"...","message":"..."}}, with "retry_after" (seconds) when it has one
QJsonObject errorToJson(const Error &error);
std::optional<Error> errorFromJson(const QJsonObject &object);

/// Objects and arrays in a request or message nest at most this deep.
constexpr int kMaxJsonDepth = 16;
/// `text` as one JSON object, or `errorCode` with why not (not JSON, not an object, or nested
/// deeper than kMaxJsonDepth, which is refused before it is parsed).
Result<QJsonObject> parseObject(const QByteArray &text, ErrorCode errorCode);

struct LoginRequest
{
    QString username;
    QString password;
    QString totpCode; ///< with multi-factor sign-in: the authenticator's code...
    QString recoveryCode; ///< ...or one of the recovery codes

    static Result<LoginRequest> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
};

/// POST /api/v1/auth/refresh: a refresh token, exchanged once for a new pair.
struct RefreshRequest
{
    QString refreshToken;

    static Result<RefreshRequest> fromJson(const QJsonObject &object);
};

struct TokenPair
{
    QString accessToken;
    QString refreshToken;
    QString tokenType = QStringLiteral("Bearer");
    int expiresIn = 0; ///< seconds until the access token expires

    static Result<TokenPair> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
};

QJsonObject toJson(const Instrument &instrument);
Result<Instrument> instrumentFromJson(const QJsonObject &object);

/**
 * A trader's order entry: POST /api/v1/orders and the stream's order.new. Required: client
 * order id, symbol, side, type, quantity; price for limit and stop-limit orders (refused for
 * the others); stop_price for stop and stop-limit; expires_at for good-till-date. Optional:
 * time_in_force (gtc, or ioc for market orders) and display_quantity (an iceberg's clip).
 * A field added here must also go into the server's idempotency hash (requestHash in
 * server/trading/orderservice.cpp), or a retry that changes only it would be taken as equal.
 */
struct NewOrder
{
    QString clientOrderId; ///< the client's idempotency key, 1-64 printable ASCII characters
    QString symbol;
    Side side = Side::Buy;
    OrderType type = OrderType::Limit;
    TimeInForce timeInForce = TimeInForce::GoodTillCancel;
    Quantity quantity;
    Price price; ///< zero and absent on the wire unless hasLimitPrice(type)
    std::optional<Price> stopPrice;
    std::optional<Quantity> displayQuantity;
    QDateTime expiresAt; ///< good-till-date only

    static Result<NewOrder> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
    bool operator==(const NewOrder &) const = default;
};

/// An order as the server holds it.
struct Order
{
    QString id;
    QString clientOrderId;
    QString username;
    QString symbol;
    Side side = Side::Buy;
    OrderType type = OrderType::Limit;
    TimeInForce timeInForce = TimeInForce::GoodTillCancel;
    Quantity quantity;
    Price price;
    std::optional<Price> stopPrice;
    std::optional<Quantity> displayQuantity;
    QDateTime expiresAt;
    Quantity filledQuantity;
    std::optional<Price> averagePrice; ///< of the fills so far, once there is one
    OrderStatus status = OrderStatus::Open;
    /// Why it was cancelled or expired: user, ioc, no_liquidity, fok, self_trade, expired,
    /// end_of_day, instrument_closed; empty otherwise.
    QString reason;
    QDateTime createdAt;
    QDateTime updatedAt;

    static Result<Order> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
    bool operator==(const Order &) const = default;
};

/// PATCH /api/v1/orders/{id} and the stream's order.modify: a new price and/or a new total
/// quantity (filled part included). A lower quantity at the same price keeps the order's place.
struct OrderModify
{
    std::optional<Price> price;
    std::optional<Quantity> quantity;

    static Result<OrderModify> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
};

/// One of the user's fills, as GET /api/v1/trades and the "trades" channel show it.
struct Trade
{
    QString id;
    QString symbol;
    Side side = Side::Buy;
    Price price;
    Quantity quantity;
    QString orderId;
    QString clientOrderId;
    bool aggressor = false; ///< the user's order took liquidity (otherwise it rested)
    QDateTime time;

    static Result<Trade> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
    bool operator==(const Trade &) const = default;
};

struct BookLevel
{
    Price price;
    Quantity quantity;
    int orders = 0;
    bool operator==(const BookLevel &) const = default;
};

/// Aggregated depth: GET /api/v1/markets/{symbol}/book and the book:{symbol} channel.
struct BookSnapshot
{
    QString symbol;
    QList<BookLevel> bids; ///< best first
    QList<BookLevel> asks; ///< best first
    quint64 sequence = 0; ///< the book's event sequence the snapshot reflects

    static Result<BookSnapshot> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
};

/// Best bid and offer and the last trade: the ticker:{symbol} channel.
struct Ticker
{
    QString symbol;
    std::optional<BookLevel> bid;
    std::optional<BookLevel> ask;
    std::optional<Price> last;
    Quantity lastQuantity;
    Quantity volume; ///< traded today (UTC)
    /// The last price of the latest UTC day before today with a trade: what today's change is
    /// measured from.
    std::optional<Price> previousClose;
    QDateTime time;

    static Result<Ticker> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
};

/// A trade in the market, as everyone sees it (no orders, no users): the trades:{symbol}
/// channel, the time and sales.
struct MarketTrade
{
    QString id;
    QString symbol;
    Price price;
    Quantity quantity;
    Side aggressor = Side::Buy; ///< the side that took liquidity: buy means it lifted the offer
    QDateTime time;

    static Result<MarketTrade> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
    bool operator==(const MarketTrade &) const = default;
};

/// One delivery month of a position: a quarter shows in each of its months with its hours.
struct PositionMonth
{
    QString month; ///< 2027-03
    qint64 hours = 0;
    Quantity quantity;
    Quantity energy;
};

/// A position in one instrument: GET /api/v1/positions.
struct PositionSummary
{
    QString symbol;
    Commodity commodity = Commodity::Power;
    QString currency;
    Quantity quantity; ///< net: long positive, short negative
    Quantity energy; ///< in energyUnit
    QString energyUnit;
    std::optional<Price> averagePrice;
    std::optional<Price> markPrice;
    Money realisedPnl;
    std::optional<Money> unrealisedPnl; ///< needs a mark
    QList<PositionMonth> months;

    QJsonObject toJson() const;
};

QJsonObject toJson(const Candle &candle);
Result<Candle> candleFromJson(const QJsonObject &object);

/// Names of the stream's message types.
namespace stream {
inline constexpr QStringView kAuth = u"auth";
inline constexpr QStringView kAuthOk = u"auth.ok";
inline constexpr QStringView kSubscribe = u"subscribe";
inline constexpr QStringView kSubscribed = u"subscribed";
inline constexpr QStringView kUnsubscribe = u"unsubscribe";
inline constexpr QStringView kUnsubscribed = u"unsubscribed";
inline constexpr QStringView kError = u"error";
inline constexpr QStringView kOrderAccepted = u"order.accepted";
inline constexpr QStringView kOrderCancelled = u"order.cancelled";
inline constexpr QStringView kOrderModified = u"order.modified";
inline constexpr QStringView kOrderPartiallyFilled = u"order.partially_filled";
inline constexpr QStringView kOrderFilled = u"order.filled";
inline constexpr QStringView kOrderExpired = u"order.expired";
inline constexpr QStringView kOrderTriggered = u"order.triggered";
inline constexpr QStringView kTrade = u"trade";
inline constexpr QStringView kBook = u"book";
inline constexpr QStringView kTicker = u"ticker";
inline constexpr QStringView kCandle = u"candle";
inline constexpr QStringView kMarketTrade = u"market.trade";
inline constexpr QStringView kMarketTrades = u"market.trades";
inline constexpr QStringView kOrderNew = u"order.new";
inline constexpr QStringView kOrderModify = u"order.modify";
inline constexpr QStringView kOrderCancel = u"order.cancel";
inline constexpr QStringView kOrderAck = u"order.ack";
inline constexpr QStringView kOrderReject = u"order.reject";
inline constexpr QStringView kTradesChannel = u"trades";
inline constexpr QStringView kBookChannelPrefix = u"book:";
inline constexpr QStringView kTickerChannelPrefix = u"ticker:";
inline constexpr QStringView kCandlesChannelPrefix = u"candles:";
inline constexpr QStringView kMarketTradesChannelPrefix = u"trades:";
inline constexpr QStringView kOrdersChannel = u"orders";
/// The user's own deals: deal.booked and deal.cancelled, each with {"deal": Deal}.
inline constexpr QStringView kDealsChannel = u"deals";
inline constexpr QStringView kDealBooked = u"deal.booked";
inline constexpr QStringView kDealCancelled = u"deal.cancelled";
/// The firm's documents: document.queued, .processing, .processed, .failed, .reviewed and
/// .deleted, each with {"document": Document}.
inline constexpr QStringView kDocumentsChannel = u"documents";
/// The user's inbox as it fills: notification, with {"notification": Notification}.
inline constexpr QStringView kNotificationsChannel = u"notifications";
inline constexpr QStringView kNotification = u"notification";
} // namespace stream

/// One WebSocket message: {"type": ..., ...fields}.
struct StreamMessage
{
    QString type;
    QJsonObject body; ///< the whole object, "type" included

    /// A JSON object with a string "type", or invalid_message.
    static Result<StreamMessage> parse(const QByteArray &text);
    QByteArray serialize() const;

    /// A message of `type` with these fields.
    static StreamMessage of(QStringView type, QJsonObject body = {});
    static StreamMessage auth(const QString &token);
    static StreamMessage authOk(const QString &username);
    static StreamMessage subscribe(const QStringList &channels);
    static StreamMessage subscribed(const QStringList &channels);
    static StreamMessage unsubscribe(const QStringList &channels);
    static StreamMessage unsubscribed(const QStringList &channels);
    static StreamMessage error(const Error &error);
    /// order.accepted / order.cancelled carrying the order.
    static StreamMessage orderEvent(QStringView type, const Order &order);

private:
    /// (un)subscribe(d): {"type", "channels": [...]}.
    static StreamMessage withChannels(QStringView type, const QStringList &channels);
};

} // namespace qx::core::protocol

// Plain aggregates of implicitly shared Qt values: a list of them may grow by moving bytes
// (a blotter of 500,000 fills otherwise stalls the GUI copying them one by one).
Q_DECLARE_TYPEINFO(qx::core::protocol::Trade, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(qx::core::protocol::Order, Q_RELOCATABLE_TYPE);
