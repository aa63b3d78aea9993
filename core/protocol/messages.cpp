#include "core/protocol/messages.h"

#include "core/enumnames.h"
#include "core/protocol/objectreader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace qx::core::protocol {

namespace {

constexpr std::array sideNames { std::pair { Side::Buy, u"buy" },
                                 std::pair { Side::Sell, u"sell" } };
constexpr std::array typeNames { std::pair { OrderType::Limit, u"limit" } };
constexpr std::array statusNames {
    std::pair { OrderStatus::Open, u"open" },
    std::pair { OrderStatus::PartiallyFilled, u"partially_filled" },
    std::pair { OrderStatus::Filled, u"filled" },
    std::pair { OrderStatus::Cancelled, u"cancelled" },
    std::pair { OrderStatus::Rejected, u"rejected" },
    std::pair { OrderStatus::Expired, u"expired" },
};

Error invalid(const QString &message)
{
    return makeError(QStringLiteral("invalid_request"), message);
}

bool isClientOrderId(const QString &id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (QChar c : id) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

} // namespace

QString toString(Side side)
{
    return enumName(sideNames, side);
}
QString toString(OrderType type)
{
    return enumName(typeNames, type);
}
QString toString(OrderStatus status)
{
    return enumName(statusNames, status);
}
std::optional<Side> sideFromString(QStringView text)
{
    return enumFromName(sideNames, text);
}
std::optional<OrderType> orderTypeFromString(QStringView text)
{
    return enumFromName(typeNames, text);
}
std::optional<OrderStatus> orderStatusFromString(QStringView text)
{
    return enumFromName(statusNames, text);
}

bool isLive(OrderStatus status)
{
    return status == OrderStatus::Open || status == OrderStatus::PartiallyFilled;
}

QString toWireTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromWireTime(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

QJsonObject errorToJson(const Error &error)
{
    return { { QStringLiteral("error"),
               QJsonObject { { QStringLiteral("code"), error.code },
                             { QStringLiteral("message"), error.message } } } };
}

std::optional<Error> errorFromJson(const QJsonObject &object)
{
    const QJsonObject error = object.value(u"error").toObject();
    const QString code = error.value(u"code").toString();
    if (code.isEmpty())
        return std::nullopt;
    return Error { code, error.value(u"message").toString() };
}

Result<LoginRequest> LoginRequest::fromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    LoginRequest request;
    request.username = reader.string(QStringLiteral("username"));
    request.password = reader.string(QStringLiteral("password"));
    if (Result<void> done = reader.finish(); !done)
        return done.error();
    return request;
}

QJsonObject LoginRequest::toJson() const
{
    return { { QStringLiteral("username"), username }, { QStringLiteral("password"), password } };
}

Result<TokenPair> TokenPair::fromJson(const QJsonObject &object)
{
    TokenPair pair;
    pair.accessToken = object.value(u"access_token").toString();
    pair.refreshToken = object.value(u"refresh_token").toString();
    pair.tokenType = object.value(u"token_type").toString();
    pair.expiresIn = object.value(u"expires_in").toInt();
    if (pair.accessToken.isEmpty() || pair.tokenType != u"Bearer" || pair.expiresIn <= 0)
        return invalid(QStringLiteral("The token response is incomplete."));
    return pair;
}

QJsonObject TokenPair::toJson() const
{
    return { { QStringLiteral("access_token"), accessToken },
             { QStringLiteral("refresh_token"), refreshToken },
             { QStringLiteral("token_type"), tokenType },
             { QStringLiteral("expires_in"), expiresIn } };
}

QJsonObject toJson(const Instrument &instrument)
{
    return {
        { QStringLiteral("symbol"), instrument.symbol },
        { QStringLiteral("description"), instrument.description },
        { QStringLiteral("commodity"), toString(instrument.commodity) },
        { QStringLiteral("area"), instrument.area },
        { QStringLiteral("load"), toString(instrument.load) },
        { QStringLiteral("delivery"),
          QJsonObject {
              { QStringLiteral("kind"), toString(instrument.delivery.kind) },
              { QStringLiteral("start"), instrument.delivery.start.toString(Qt::ISODate) },
              { QStringLiteral("end"), instrument.delivery.end.toString(Qt::ISODate) } } },
        { QStringLiteral("time_zone"), QString::fromUtf8(instrument.timeZone) },
        { QStringLiteral("quantity_unit"), toString(instrument.unit) },
        { QStringLiteral("currency"), instrument.currency },
        { QStringLiteral("tick_size"), instrument.tickSize.toString() },
        { QStringLiteral("lot_size"), instrument.lotSize.toString() },
        { QStringLiteral("last_trading_day"), instrument.lastTradingDay.toString(Qt::ISODate) },
    };
}

Result<Instrument> instrumentFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    Instrument instrument;
    instrument.symbol = reader.string(QStringLiteral("symbol"));
    instrument.description = reader.string(QStringLiteral("description"), false);
    instrument.commodity
        = reader.enumeration<Commodity>(QStringLiteral("commodity"), commodityFromString,
                                        QStringLiteral("power, natural_gas, crude_oil, emissions"));
    instrument.area = reader.string(QStringLiteral("area"));
    instrument.load = reader.enumeration<LoadShape>(QStringLiteral("load"), loadShapeFromString,
                                                    QStringLiteral("base, peak, offpeak"));
    instrument.timeZone = reader.string(QStringLiteral("time_zone")).toUtf8();
    instrument.unit
        = reader.enumeration<QuantityUnit>(QStringLiteral("quantity_unit"), quantityUnitFromString,
                                           QStringLiteral("MW, MMBtu/d, bbl, tCO2"));
    instrument.currency = reader.string(QStringLiteral("currency"));
    instrument.tickSize = reader.decimal<Price>(QStringLiteral("tick_size"));
    instrument.lotSize = reader.decimal<Quantity>(QStringLiteral("lot_size"));
    instrument.lastTradingDay
        = QDate::fromString(reader.string(QStringLiteral("last_trading_day"), false), Qt::ISODate);

    const QJsonObject delivery = reader.object(QStringLiteral("delivery"));
    ObjectReader deliveryReader(delivery);
    instrument.delivery.kind = deliveryReader.enumeration<DeliveryPeriod::Kind>(
        QStringLiteral("kind"), periodKindFromString, QStringLiteral("day, month, quarter, year"));
    instrument.delivery.start
        = QDate::fromString(deliveryReader.string(QStringLiteral("start")), Qt::ISODate);
    instrument.delivery.end
        = QDate::fromString(deliveryReader.string(QStringLiteral("end")), Qt::ISODate);
    if (Result<void> done = deliveryReader.finish(); !done)
        return done.error();
    if (Result<void> done = reader.finish(); !done)
        return done.error();
    if (Result<void> valid = instrument.validate(); !valid)
        return valid.error();
    return instrument;
}

Result<NewOrder> NewOrder::fromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    NewOrder order;
    order.clientOrderId = reader.string(QStringLiteral("client_order_id"));
    order.symbol = reader.string(QStringLiteral("symbol"));
    order.side = reader.enumeration<Side>(QStringLiteral("side"), sideFromString,
                                          QStringLiteral("buy, sell"));
    order.type = reader.enumeration<OrderType>(QStringLiteral("type"), orderTypeFromString,
                                               QStringLiteral("limit"));
    order.quantity = reader.decimal<Quantity>(QStringLiteral("quantity"));
    order.price = reader.decimal<Price>(QStringLiteral("price"));
    if (Result<void> done = reader.finish(); !done)
        return done.error();
    if (!isClientOrderId(order.clientOrderId)) {
        return invalid(QCoreApplication::translate(
            "qx::core::protocol",
            "Field \"client_order_id\": must be 1 to 64 printable ASCII characters."));
    }
    if (order.symbol.size() > 64)
        return invalid(QStringLiteral("Field \"symbol\": too long."));
    return order;
}

QJsonObject NewOrder::toJson() const
{
    return { { QStringLiteral("client_order_id"), clientOrderId },
             { QStringLiteral("symbol"), symbol },
             { QStringLiteral("side"), toString(side) },
             { QStringLiteral("type"), toString(type) },
             { QStringLiteral("quantity"), quantity.toString() },
             { QStringLiteral("price"), price.toString() } };
}

Result<Order> Order::fromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    Order order;
    order.id = reader.string(QStringLiteral("id"));
    order.clientOrderId = reader.string(QStringLiteral("client_order_id"));
    order.username = reader.string(QStringLiteral("username"));
    order.symbol = reader.string(QStringLiteral("symbol"));
    order.side = reader.enumeration<Side>(QStringLiteral("side"), sideFromString,
                                          QStringLiteral("buy, sell"));
    order.type = reader.enumeration<OrderType>(QStringLiteral("type"), orderTypeFromString,
                                               QStringLiteral("limit"));
    order.quantity = reader.decimal<Quantity>(QStringLiteral("quantity"));
    order.price = reader.decimal<Price>(QStringLiteral("price"));
    order.filledQuantity = reader.decimal<Quantity>(QStringLiteral("filled_quantity"));
    order.status = reader.enumeration<OrderStatus>(
        QStringLiteral("status"), orderStatusFromString,
        QStringLiteral("open, partially_filled, filled, cancelled, rejected, expired"));
    order.createdAt = fromWireTime(reader.string(QStringLiteral("created_at")));
    order.updatedAt = fromWireTime(reader.string(QStringLiteral("updated_at")));
    if (Result<void> done = reader.finish(); !done)
        return done.error();
    if (!order.createdAt.isValid() || !order.updatedAt.isValid())
        return invalid(QStringLiteral("An order time is not ISO 8601."));
    return order;
}

QJsonObject Order::toJson() const
{
    return { { QStringLiteral("id"), id },
             { QStringLiteral("client_order_id"), clientOrderId },
             { QStringLiteral("username"), username },
             { QStringLiteral("symbol"), symbol },
             { QStringLiteral("side"), toString(side) },
             { QStringLiteral("type"), toString(type) },
             { QStringLiteral("quantity"), quantity.toString() },
             { QStringLiteral("price"), price.toString() },
             { QStringLiteral("filled_quantity"), filledQuantity.toString() },
             { QStringLiteral("status"), toString(status) },
             { QStringLiteral("created_at"), toWireTime(createdAt) },
             { QStringLiteral("updated_at"), toWireTime(updatedAt) } };
}

Result<StreamMessage> StreamMessage::parse(const QByteArray &text)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return makeError(
            QStringLiteral("invalid_message"),
            QCoreApplication::translate("qx::core::protocol", "The message is not a JSON object."));
    }
    StreamMessage message;
    message.body = document.object();
    message.type = message.body.value(u"type").toString();
    if (message.type.isEmpty()) {
        return makeError(
            QStringLiteral("invalid_message"),
            QCoreApplication::translate("qx::core::protocol", "The message has no \"type\"."));
    }
    return message;
}

QByteArray StreamMessage::serialize() const
{
    QJsonObject object = body;
    object.insert(QStringLiteral("type"), type);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

namespace {
StreamMessage make(QStringView type, QJsonObject body)
{
    body.insert(QStringLiteral("type"), type.toString());
    return StreamMessage { type.toString(), std::move(body) };
}
} // namespace

StreamMessage StreamMessage::auth(const QString &token)
{
    return make(stream::kAuth, { { QStringLiteral("token"), token } });
}

StreamMessage StreamMessage::authOk(const QString &username)
{
    return make(stream::kAuthOk, { { QStringLiteral("username"), username } });
}

StreamMessage StreamMessage::subscribe(const QStringList &channels)
{
    return make(stream::kSubscribe,
                { { QStringLiteral("channels"), QJsonArray::fromStringList(channels) } });
}

StreamMessage StreamMessage::subscribed(const QStringList &channels)
{
    return make(stream::kSubscribed,
                { { QStringLiteral("channels"), QJsonArray::fromStringList(channels) } });
}

StreamMessage StreamMessage::error(const Error &error)
{
    return make(stream::kError, errorToJson(error));
}

StreamMessage StreamMessage::orderEvent(QStringView type, const Order &order)
{
    return make(type, { { QStringLiteral("order"), order.toJson() } });
}

} // namespace qx::core::protocol
