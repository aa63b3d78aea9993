#pragma once

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
enum class OrderType { Limit };
enum class OrderStatus { Open, PartiallyFilled, Filled, Cancelled, Rejected, Expired };

QString toString(Side side);
QString toString(OrderType type);
QString toString(OrderStatus status);
std::optional<Side> sideFromString(QStringView text);
std::optional<OrderType> orderTypeFromString(QStringView text);
std::optional<OrderStatus> orderStatusFromString(QStringView text);
/// Open and partially filled orders can still trade and be cancelled.
bool isLive(OrderStatus status);

QString toWireTime(const QDateTime &time);
QDateTime fromWireTime(const QString &text);

/// {"error":{"code":"...","message":"..."}}
QJsonObject errorToJson(const Error &error);
std::optional<Error> errorFromJson(const QJsonObject &object);

struct LoginRequest
{
    QString username;
    QString password;

    static Result<LoginRequest> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
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

/// A trader's order entry: POST /api/v1/orders and the stream's order.new.
struct NewOrder
{
    QString clientOrderId; ///< the client's idempotency key, 1-64 printable ASCII characters
    QString symbol;
    Side side = Side::Buy;
    OrderType type = OrderType::Limit;
    Quantity quantity;
    Price price;

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
    Quantity quantity;
    Price price;
    Quantity filledQuantity;
    OrderStatus status = OrderStatus::Open;
    QDateTime createdAt;
    QDateTime updatedAt;

    static Result<Order> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
    bool operator==(const Order &) const = default;
};

/// Names of the stream's message types.
namespace stream {
inline constexpr QStringView kAuth = u"auth";
inline constexpr QStringView kAuthOk = u"auth.ok";
inline constexpr QStringView kSubscribe = u"subscribe";
inline constexpr QStringView kSubscribed = u"subscribed";
inline constexpr QStringView kError = u"error";
inline constexpr QStringView kOrderAccepted = u"order.accepted";
inline constexpr QStringView kOrderCancelled = u"order.cancelled";
inline constexpr QStringView kOrdersChannel = u"orders";
} // namespace stream

/// One WebSocket message: {"type": ..., ...fields}.
struct StreamMessage
{
    QString type;
    QJsonObject body; ///< the whole object, "type" included

    /// A JSON object with a string "type", or invalid_message.
    static Result<StreamMessage> parse(const QByteArray &text);
    QByteArray serialize() const;

    static StreamMessage auth(const QString &token);
    static StreamMessage authOk(const QString &username);
    static StreamMessage subscribe(const QStringList &channels);
    static StreamMessage subscribed(const QStringList &channels);
    static StreamMessage error(const Error &error);
    /// order.accepted / order.cancelled carrying the order.
    static StreamMessage orderEvent(QStringView type, const Order &order);
};

} // namespace qx::core::protocol
