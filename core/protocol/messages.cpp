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
constexpr std::array typeNames {
    std::pair { OrderType::Limit, u"limit" },
    std::pair { OrderType::Market, u"market" },
    std::pair { OrderType::Stop, u"stop" },
    std::pair { OrderType::StopLimit, u"stop_limit" },
};
constexpr std::array timeInForceNames {
    std::pair { TimeInForce::GoodTillCancel, u"gtc" },
    std::pair { TimeInForce::GoodTillDate, u"gtd" },
    std::pair { TimeInForce::Day, u"day" },
    std::pair { TimeInForce::ImmediateOrCancel, u"ioc" },
    std::pair { TimeInForce::FillOrKill, u"fok" },
};
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
    return makeError(ErrorCode::InvalidRequest, message);
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

QString toString(TimeInForce timeInForce)
{
    return enumName(timeInForceNames, timeInForce);
}

std::optional<TimeInForce> timeInForceFromString(QStringView text)
{
    return enumFromName(timeInForceNames, text);
}

bool hasLimitPrice(OrderType type)
{
    return type == OrderType::Limit || type == OrderType::StopLimit;
}

bool hasStopPrice(OrderType type)
{
    return type == OrderType::Stop || type == OrderType::StopLimit;
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
    QJsonObject fields { { QStringLiteral("code"), error.code },
                         { QStringLiteral("message"), error.message } };
    if (error.retryAfterSeconds > 0)
        fields.insert(QStringLiteral("retry_after"), error.retryAfterSeconds);
    return { { QStringLiteral("error"), fields } };
}

std::optional<Error> errorFromJson(const QJsonObject &object)
{
    const QJsonObject error = object.value(u"error").toObject();
    const QString code = error.value(u"code").toString();
    if (code.isEmpty())
        return std::nullopt;
    Error parsed = Error::fromWire(code, error.value(u"message").toString());
    parsed.retryAfterSeconds = error.value(u"retry_after").toInt();
    return parsed;
}

Result<LoginRequest> LoginRequest::fromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    LoginRequest request;
    request.username = reader.string(QStringLiteral("username"));
    request.password = reader.string(QStringLiteral("password"));
    request.totpCode = reader.string(QStringLiteral("totp_code"), false);
    request.recoveryCode = reader.string(QStringLiteral("recovery_code"), false);
    if (Result<void> done = reader.finish(); !done)
        return done.error();
    return request;
}

QJsonObject LoginRequest::toJson() const
{
    QJsonObject object { { QStringLiteral("username"), username },
                         { QStringLiteral("password"), password } };
    if (!totpCode.isEmpty())
        object.insert(QStringLiteral("totp_code"), totpCode);
    if (!recoveryCode.isEmpty())
        object.insert(QStringLiteral("recovery_code"), recoveryCode);
    return object;
}

Result<RefreshRequest> RefreshRequest::fromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    RefreshRequest request;
    request.refreshToken = reader.string(QStringLiteral("refresh_token"));
    if (Result<void> done = reader.finish(); !done)
        return done.error();
    return request;
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
    QJsonObject delivery {
        { QStringLiteral("kind"), toString(instrument.delivery.kind) },
        { QStringLiteral("start"), instrument.delivery.start.toString(Qt::ISODate) },
        { QStringLiteral("end"), instrument.delivery.end.toString(Qt::ISODate) },
    };
    if (instrument.delivery.isIntraday()) {
        delivery.insert(
            QStringLiteral("start_time"),
            QTime(0, 0).addSecs(instrument.delivery.startMinute * 60).toString(u"HH:mm"));
        delivery.insert(QStringLiteral("repeated"), instrument.delivery.repeated);
    }
    QJsonObject object {
        { QStringLiteral("symbol"), instrument.symbol },
        { QStringLiteral("description"), instrument.description },
        { QStringLiteral("commodity"), toString(instrument.commodity) },
        { QStringLiteral("area"), instrument.area },
        { QStringLiteral("load"), toString(instrument.load) },
        { QStringLiteral("delivery"), delivery },
        { QStringLiteral("time_zone"), QString::fromUtf8(instrument.timeZone) },
        { QStringLiteral("quantity_unit"), toString(instrument.unit) },
        { QStringLiteral("currency"), instrument.currency },
        { QStringLiteral("tick_size"), instrument.tickSize.toString() },
        { QStringLiteral("lot_size"), instrument.lotSize.toString() },
        { QStringLiteral("last_trading_day"), instrument.lastTradingDay.toString(Qt::ISODate) },
    };
    if (instrument.tradingEnd.isValid())
        object.insert(QStringLiteral("trading_end"), toWireTime(instrument.tradingEnd));
    return object;
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
    if (reader.has(QStringLiteral("trading_end"))) {
        instrument.tradingEnd = fromWireTime(reader.string(QStringLiteral("trading_end")));
        if (!instrument.tradingEnd.isValid())
            reader.reject(QStringLiteral("trading_end"),
                          QStringLiteral("must be an ISO 8601 time"));
    }

    const QJsonObject delivery = reader.object(QStringLiteral("delivery"));
    ObjectReader deliveryReader(delivery);
    instrument.delivery.kind = deliveryReader.enumeration<DeliveryPeriod::Kind>(
        QStringLiteral("kind"), periodKindFromString,
        QStringLiteral("quarter_hour, hour, day, weekend, week, month, quarter, season, year"));
    if (instrument.delivery.isIntraday()) {
        const QTime time
            = QTime::fromString(deliveryReader.string(QStringLiteral("start_time")), u"HH:mm");
        if (!time.isValid())
            deliveryReader.reject(QStringLiteral("start_time"), QStringLiteral("must be HH:mm"));
        instrument.delivery.startMinute = time.hour() * 60 + time.minute();
        instrument.delivery.repeated = deliveryReader.boolean(QStringLiteral("repeated"), false);
    }
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

namespace {

const QString kSides = QStringLiteral("buy, sell");
const QString kTypes = QStringLiteral("limit, market, stop, stop_limit");
const QString kTimesInForce = QStringLiteral("gtc, gtd, day, ioc, fok");

// The order-type rules shared by an entry and a stored order: which prices a type carries,
// which times in force it can have, and what an iceberg and an expiry need. A stored day
// order carries the end of its day (`stored`); an entry names an expiry only for gtd.
void readOrderTerms(ObjectReader &reader, OrderType &type, TimeInForce &timeInForce,
                    Quantity &quantity, Price &price, std::optional<Price> &stopPrice,
                    std::optional<Quantity> &displayQuantity, QDateTime &expiresAt, bool stored)
{
    type = reader.enumeration<OrderType>(QStringLiteral("type"), orderTypeFromString, kTypes);
    const bool market = type == OrderType::Market || type == OrderType::Stop;
    timeInForce = market ? TimeInForce::ImmediateOrCancel : TimeInForce::GoodTillCancel;
    if (reader.has(QStringLiteral("time_in_force"))) {
        timeInForce = reader.enumeration<TimeInForce>(QStringLiteral("time_in_force"),
                                                      timeInForceFromString, kTimesInForce);
    } else {
        reader.string(QStringLiteral("time_in_force"), false);
    }
    quantity = reader.decimal<Quantity>(QStringLiteral("quantity"));
    if (hasLimitPrice(type)) {
        price = reader.decimal<Price>(QStringLiteral("price"));
    } else if (reader.has(QStringLiteral("price"))) {
        reader.reject(QStringLiteral("price"),
                      QStringLiteral("is not allowed for %1 orders").arg(toString(type)));
    } else {
        reader.string(QStringLiteral("price"), false);
    }
    stopPrice = reader.optionalDecimal<Price>(QStringLiteral("stop_price"));
    if (hasStopPrice(type) && !stopPrice)
        reader.reject(QStringLiteral("stop_price"), QStringLiteral("is required"));
    if (!hasStopPrice(type) && stopPrice) {
        reader.reject(QStringLiteral("stop_price"),
                      QStringLiteral("is only for stop and stop_limit orders"));
    }
    displayQuantity = reader.optionalDecimal<Quantity>(QStringLiteral("display_quantity"));
    if (displayQuantity
        && (type != OrderType::Limit || !displayQuantity->isPositive()
            || *displayQuantity > quantity)) {
        reader.reject(QStringLiteral("display_quantity"),
                      QStringLiteral("must be positive, at most the quantity, and only on "
                                     "limit orders"));
    }
    if (market && timeInForce != TimeInForce::ImmediateOrCancel
        && timeInForce != TimeInForce::FillOrKill) {
        reader.reject(QStringLiteral("time_in_force"),
                      QStringLiteral("must be ioc or fok for %1 orders").arg(toString(type)));
    }
    const QString expiry = reader.string(QStringLiteral("expires_at"), false);
    expiresAt = expiry.isEmpty() ? QDateTime() : fromWireTime(expiry);
    if (timeInForce == TimeInForce::GoodTillDate && !expiresAt.isValid()) {
        reader.reject(QStringLiteral("expires_at"),
                      QStringLiteral("is required (ISO 8601 UTC) for gtd orders"));
    }
    const bool mayExpire
        = timeInForce == TimeInForce::GoodTillDate || (stored && timeInForce == TimeInForce::Day);
    if (!mayExpire && !expiry.isEmpty())
        reader.reject(QStringLiteral("expires_at"), QStringLiteral("is only for gtd orders"));
}

void writeOrderTerms(QJsonObject &json, OrderType type, TimeInForce timeInForce,
                     const Quantity &quantity, const Price &price,
                     const std::optional<Price> &stopPrice,
                     const std::optional<Quantity> &displayQuantity, const QDateTime &expiresAt)
{
    json.insert(QStringLiteral("type"), toString(type));
    json.insert(QStringLiteral("time_in_force"), toString(timeInForce));
    json.insert(QStringLiteral("quantity"), quantity.toString());
    if (hasLimitPrice(type))
        json.insert(QStringLiteral("price"), price.toString());
    if (stopPrice)
        json.insert(QStringLiteral("stop_price"), stopPrice->toString());
    if (displayQuantity)
        json.insert(QStringLiteral("display_quantity"), displayQuantity->toString());
    if (expiresAt.isValid())
        json.insert(QStringLiteral("expires_at"), toWireTime(expiresAt));
}

QJsonArray levelsToJson(const QList<BookLevel> &levels)
{
    QJsonArray array;
    for (const BookLevel &level : levels) {
        array.append(QJsonObject { { QStringLiteral("price"), level.price.toString() },
                                   { QStringLiteral("quantity"), level.quantity.toString() },
                                   { QStringLiteral("orders"), level.orders } });
    }
    return array;
}

Result<QList<BookLevel>> levelsFromJson(const QJsonArray &array)
{
    QList<BookLevel> levels;
    for (const QJsonValue &value : array) {
        ObjectReader reader(value.toObject());
        BookLevel level;
        level.price = reader.decimal<Price>(QStringLiteral("price"));
        level.quantity = reader.decimal<Quantity>(QStringLiteral("quantity"));
        level.orders = int(reader.integer(QStringLiteral("orders")));
        if (Result<void> done = reader.finish(); !done)
            return done.error();
        levels.append(level);
    }
    return levels;
}

} // namespace

Result<NewOrder> NewOrder::fromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    NewOrder order;
    order.clientOrderId = reader.string(QStringLiteral("client_order_id"));
    order.symbol = reader.string(QStringLiteral("symbol"));
    order.side = reader.enumeration<Side>(QStringLiteral("side"), sideFromString, kSides);
    readOrderTerms(reader, order.type, order.timeInForce, order.quantity, order.price,
                   order.stopPrice, order.displayQuantity, order.expiresAt, false);
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
    QJsonObject json { { QStringLiteral("client_order_id"), clientOrderId },
                       { QStringLiteral("symbol"), symbol },
                       { QStringLiteral("side"), toString(side) } };
    writeOrderTerms(json, type, timeInForce, quantity, price, stopPrice, displayQuantity,
                    expiresAt);
    return json;
}

Result<Order> Order::fromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    Order order;
    order.id = reader.string(QStringLiteral("id"));
    order.clientOrderId = reader.string(QStringLiteral("client_order_id"));
    order.username = reader.string(QStringLiteral("username"));
    order.symbol = reader.string(QStringLiteral("symbol"));
    order.side = reader.enumeration<Side>(QStringLiteral("side"), sideFromString, kSides);
    readOrderTerms(reader, order.type, order.timeInForce, order.quantity, order.price,
                   order.stopPrice, order.displayQuantity, order.expiresAt, true);
    order.filledQuantity = reader.decimal<Quantity>(QStringLiteral("filled_quantity"));
    order.averagePrice = reader.optionalDecimal<Price>(QStringLiteral("average_price"));
    order.status = reader.enumeration<OrderStatus>(
        QStringLiteral("status"), orderStatusFromString,
        QStringLiteral("open, partially_filled, filled, cancelled, rejected, expired"));
    order.reason = reader.string(QStringLiteral("reason"), false);
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
    QJsonObject json { { QStringLiteral("id"), id },
                       { QStringLiteral("client_order_id"), clientOrderId },
                       { QStringLiteral("username"), username },
                       { QStringLiteral("symbol"), symbol },
                       { QStringLiteral("side"), toString(side) },
                       { QStringLiteral("filled_quantity"), filledQuantity.toString() },
                       { QStringLiteral("status"), toString(status) },
                       { QStringLiteral("created_at"), toWireTime(createdAt) },
                       { QStringLiteral("updated_at"), toWireTime(updatedAt) } };
    writeOrderTerms(json, type, timeInForce, quantity, price, stopPrice, displayQuantity,
                    expiresAt);
    if (!reason.isEmpty())
        json.insert(QStringLiteral("reason"), reason);
    if (averagePrice)
        json.insert(QStringLiteral("average_price"), averagePrice->toString());
    return json;
}

Result<OrderModify> OrderModify::fromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    OrderModify modify;
    modify.price = reader.optionalDecimal<Price>(QStringLiteral("price"));
    modify.quantity = reader.optionalDecimal<Quantity>(QStringLiteral("quantity"));
    if (Result<void> done = reader.finish(); !done)
        return done.error();
    if (!modify.price && !modify.quantity)
        return invalid(QStringLiteral("Give a new \"price\", a new \"quantity\", or both."));
    return modify;
}

QJsonObject OrderModify::toJson() const
{
    QJsonObject json;
    if (price)
        json.insert(QStringLiteral("price"), price->toString());
    if (quantity)
        json.insert(QStringLiteral("quantity"), quantity->toString());
    return json;
}

Result<Trade> Trade::fromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    Trade trade;
    trade.id = reader.string(QStringLiteral("id"));
    trade.symbol = reader.string(QStringLiteral("symbol"));
    trade.side = reader.enumeration<Side>(QStringLiteral("side"), sideFromString, kSides);
    trade.price = reader.decimal<Price>(QStringLiteral("price"));
    trade.quantity = reader.decimal<Quantity>(QStringLiteral("quantity"));
    trade.orderId = reader.string(QStringLiteral("order_id"));
    trade.clientOrderId = reader.string(QStringLiteral("client_order_id"));
    const QString liquidity = reader.string(QStringLiteral("liquidity"));
    trade.aggressor = liquidity == u"taker";
    trade.time = fromWireTime(reader.string(QStringLiteral("time")));
    if (Result<void> done = reader.finish(); !done)
        return done.error();
    if (liquidity != u"taker" && liquidity != u"maker")
        return invalid(QStringLiteral("Field \"liquidity\": must be maker or taker."));
    return trade;
}

QJsonObject Trade::toJson() const
{
    return { { QStringLiteral("id"), id },
             { QStringLiteral("symbol"), symbol },
             { QStringLiteral("side"), toString(side) },
             { QStringLiteral("price"), price.toString() },
             { QStringLiteral("quantity"), quantity.toString() },
             { QStringLiteral("order_id"), orderId },
             { QStringLiteral("client_order_id"), clientOrderId },
             { QStringLiteral("liquidity"),
               aggressor ? QStringLiteral("taker") : QStringLiteral("maker") },
             { QStringLiteral("time"), toWireTime(time) } };
}

Result<BookSnapshot> BookSnapshot::fromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    BookSnapshot book;
    book.symbol = reader.string(QStringLiteral("symbol"));
    Result<QList<BookLevel>> bids = levelsFromJson(reader.array(QStringLiteral("bids")));
    Result<QList<BookLevel>> asks = levelsFromJson(reader.array(QStringLiteral("asks")));
    book.sequence = quint64(reader.integer(QStringLiteral("sequence")));
    if (Result<void> done = reader.finish(); !done)
        return done.error();
    if (!bids)
        return bids.error();
    if (!asks)
        return asks.error();
    book.bids = *bids;
    book.asks = *asks;
    return book;
}

QJsonObject BookSnapshot::toJson() const
{
    return { { QStringLiteral("symbol"), symbol },
             { QStringLiteral("bids"), levelsToJson(bids) },
             { QStringLiteral("asks"), levelsToJson(asks) },
             { QStringLiteral("sequence"), qint64(sequence) } };
}

Result<Ticker> Ticker::fromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    Ticker ticker;
    ticker.symbol = reader.string(QStringLiteral("symbol"));
    ticker.lastQuantity = reader.decimal<Quantity>(QStringLiteral("last_quantity"));
    ticker.volume = reader.decimal<Quantity>(QStringLiteral("volume"));
    ticker.time = fromWireTime(reader.string(QStringLiteral("time")));
    ticker.last = reader.optionalDecimal<Price>(QStringLiteral("last"));
    ticker.previousClose = reader.optionalDecimal<Price>(QStringLiteral("previous_close"));
    for (const auto &[prefix, level] : { std::pair { QStringLiteral("bid"), &ticker.bid },
                                         std::pair { QStringLiteral("ask"), &ticker.ask } }) {
        const std::optional<Price> price = reader.optionalDecimal<Price>(prefix);
        const std::optional<Quantity> quantity
            = reader.optionalDecimal<Quantity>(prefix + QStringLiteral("_quantity"));
        if (price.has_value() != quantity.has_value())
            reader.reject(prefix, QStringLiteral("comes with its quantity"));
        else if (price)
            *level = BookLevel { *price, *quantity, 0 };
    }
    if (Result<void> done = reader.finish(); !done)
        return done.error();
    return ticker;
}

Result<MarketTrade> MarketTrade::fromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    MarketTrade trade;
    trade.id = reader.string(QStringLiteral("id"));
    trade.symbol = reader.string(QStringLiteral("symbol"));
    trade.price = reader.decimal<Price>(QStringLiteral("price"));
    trade.quantity = reader.decimal<Quantity>(QStringLiteral("quantity"));
    trade.aggressor = reader.enumeration<Side>(QStringLiteral("aggressor"), sideFromString, kSides);
    trade.time = fromWireTime(reader.string(QStringLiteral("time")));
    if (Result<void> done = reader.finish(); !done)
        return done.error();
    return trade;
}

QJsonObject MarketTrade::toJson() const
{
    return { { QStringLiteral("id"), id },
             { QStringLiteral("symbol"), symbol },
             { QStringLiteral("price"), price.toString() },
             { QStringLiteral("quantity"), quantity.toString() },
             { QStringLiteral("aggressor"), toString(aggressor) },
             { QStringLiteral("time"), toWireTime(time) } };
}

QJsonObject Ticker::toJson() const
{
    QJsonObject json { { QStringLiteral("symbol"), symbol },
                       { QStringLiteral("last_quantity"), lastQuantity.toString() },
                       { QStringLiteral("volume"), volume.toString() },
                       { QStringLiteral("time"), toWireTime(time) } };
    if (bid) {
        json.insert(QStringLiteral("bid"), bid->price.toString());
        json.insert(QStringLiteral("bid_quantity"), bid->quantity.toString());
    }
    if (ask) {
        json.insert(QStringLiteral("ask"), ask->price.toString());
        json.insert(QStringLiteral("ask_quantity"), ask->quantity.toString());
    }
    if (last)
        json.insert(QStringLiteral("last"), last->toString());
    if (previousClose)
        json.insert(QStringLiteral("previous_close"), previousClose->toString());
    return json;
}

QJsonObject PositionSummary::toJson() const
{
    QJsonArray monthList;
    for (const PositionMonth &month : months) {
        monthList.append(QJsonObject { { QStringLiteral("month"), month.month },
                                       { QStringLiteral("hours"), month.hours },
                                       { QStringLiteral("quantity"), month.quantity.toString() },
                                       { QStringLiteral("energy"), month.energy.toString() } });
    }
    QJsonObject json { { QStringLiteral("symbol"), symbol },
                       { QStringLiteral("commodity"), core::toString(commodity) },
                       { QStringLiteral("currency"), currency },
                       { QStringLiteral("quantity"), quantity.toString() },
                       { QStringLiteral("energy"), energy.toString() },
                       { QStringLiteral("energy_unit"), energyUnit },
                       { QStringLiteral("realised_pnl"), realisedPnl.toString(2) },
                       { QStringLiteral("months"), monthList } };
    if (averagePrice)
        json.insert(QStringLiteral("average_price"), averagePrice->toString());
    if (markPrice)
        json.insert(QStringLiteral("mark_price"), markPrice->toString());
    if (unrealisedPnl)
        json.insert(QStringLiteral("unrealised_pnl"), unrealisedPnl->toString(2));
    return json;
}

QJsonObject toJson(const Candle &candle)
{
    return { { QStringLiteral("start"),
               toWireTime(QDateTime::fromMSecsSinceEpoch(candle.start, Qt::UTC)) },
             { QStringLiteral("open"), candle.open.toString() },
             { QStringLiteral("high"), candle.high.toString() },
             { QStringLiteral("low"), candle.low.toString() },
             { QStringLiteral("close"), candle.close.toString() },
             { QStringLiteral("volume"), candle.volume.toString() },
             { QStringLiteral("trades"), candle.trades } };
}

Result<Candle> candleFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    Candle candle;
    const QDateTime start = fromWireTime(reader.string(QStringLiteral("start")));
    candle.open = reader.decimal<Price>(QStringLiteral("open"));
    candle.high = reader.decimal<Price>(QStringLiteral("high"));
    candle.low = reader.decimal<Price>(QStringLiteral("low"));
    candle.close = reader.decimal<Price>(QStringLiteral("close"));
    candle.volume = reader.decimal<Quantity>(QStringLiteral("volume"));
    candle.trades = int(reader.integer(QStringLiteral("trades")));
    if (Result<void> done = reader.finish(); !done)
        return done.error();
    if (!start.isValid())
        return invalid(QStringLiteral("Field \"start\": not an ISO 8601 time."));
    candle.start = start.toMSecsSinceEpoch();
    return candle;
}

Result<QJsonObject> parseObject(const QByteArray &text, ErrorCode errorCode)
{
    // The depth is counted on the bytes (brackets outside strings), so a document nested
    // thousands deep costs nothing to refuse.
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > kMaxJsonDepth) {
                return makeError(errorCode,
                                 QCoreApplication::translate("qx::core::protocol",
                                                             "The JSON nests deeper than %1 "
                                                             "levels.")
                                     .arg(kMaxJsonDepth));
            }
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return makeError(
            errorCode,
            QCoreApplication::translate("qx::core::protocol", "The text is not a JSON object."));
    }
    return document.object();
}

Result<StreamMessage> StreamMessage::parse(const QByteArray &text)
{
    Result<QJsonObject> object = parseObject(text, ErrorCode::InvalidMessage);
    if (!object)
        return object.error();
    StreamMessage message;
    message.body = *object;
    message.type = message.body.value(u"type").toString();
    if (message.type.isEmpty()) {
        return makeError(
            ErrorCode::InvalidMessage,
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

StreamMessage StreamMessage::of(QStringView type, QJsonObject body)
{
    body.insert(QStringLiteral("type"), type.toString());
    return StreamMessage { type.toString(), std::move(body) };
}

StreamMessage StreamMessage::auth(const QString &token)
{
    return of(stream::kAuth, { { QStringLiteral("token"), token } });
}

StreamMessage StreamMessage::authOk(const QString &username)
{
    return of(stream::kAuthOk, { { QStringLiteral("username"), username } });
}

StreamMessage StreamMessage::withChannels(QStringView type, const QStringList &channels)
{
    return of(type, { { QStringLiteral("channels"), QJsonArray::fromStringList(channels) } });
}

StreamMessage StreamMessage::subscribe(const QStringList &channels)
{
    return withChannels(stream::kSubscribe, channels);
}

StreamMessage StreamMessage::subscribed(const QStringList &channels)
{
    return withChannels(stream::kSubscribed, channels);
}

StreamMessage StreamMessage::unsubscribe(const QStringList &channels)
{
    return withChannels(stream::kUnsubscribe, channels);
}

StreamMessage StreamMessage::unsubscribed(const QStringList &channels)
{
    return withChannels(stream::kUnsubscribed, channels);
}

StreamMessage StreamMessage::error(const Error &error)
{
    return of(stream::kError, errorToJson(error));
}

StreamMessage StreamMessage::orderEvent(QStringView type, const Order &order)
{
    return of(type, { { QStringLiteral("order"), order.toJson() } });
}

} // namespace qx::core::protocol
