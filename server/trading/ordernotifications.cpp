#include "server/trading/ordernotifications.h"

namespace qx::server {

namespace protocol = core::protocol;
using core::notifications::EventType;

namespace {

QJsonObject orderFacts(const protocol::Order &order)
{
    QJsonObject facts { { QStringLiteral("order_id"), order.id },
                        { QStringLiteral("client_order_id"), order.clientOrderId },
                        { QStringLiteral("symbol"), order.symbol },
                        { QStringLiteral("side"), protocol::toString(order.side) },
                        { QStringLiteral("type"), protocol::toString(order.type) },
                        { QStringLiteral("quantity"), order.quantity.toString() },
                        { QStringLiteral("filled_quantity"), order.filledQuantity.toString() },
                        { QStringLiteral("status"), protocol::toString(order.status) } };
    if (protocol::hasLimitPrice(order.type))
        facts.insert(QStringLiteral("price"), order.price.toString());
    if (order.averagePrice)
        facts.insert(QStringLiteral("average_price"), order.averagePrice->toString());
    if (!order.reason.isEmpty())
        facts.insert(QStringLiteral("reason"), order.reason);
    return facts;
}

NotificationRecord notification(EventType type, QString key, std::int64_t userId, QJsonObject facts,
                                const QDateTime &at)
{
    NotificationRecord record;
    record.eventKey = std::move(key);
    record.userId = userId;
    record.type = type;
    record.severity = core::notifications::defaultSeverity(type);
    record.facts = std::move(facts);
    record.createdAt = at;
    return record;
}

} // namespace

std::optional<NotificationRecord> orderNotification(QStringView streamType,
                                                    const StoredOrder &stored, const QDateTime &at)
{
    const protocol::Order &order = stored.order;
    if (streamType == protocol::stream::kOrderFilled) {
        return notification(EventType::OrderFilled, u"order.filled:" + order.id, stored.userId,
                            orderFacts(order), at);
    }
    if (streamType == protocol::stream::kOrderPartiallyFilled) {
        return notification(EventType::OrderPartiallyFilled,
                            u"order.partially_filled:" + order.id + u':'
                                + order.filledQuantity.toString(),
                            stored.userId, orderFacts(order), at);
    }
    if (streamType == protocol::stream::kOrderExpired) {
        return notification(EventType::OrderExpired, u"order.expired:" + order.id, stored.userId,
                            orderFacts(order), at);
    }
    return std::nullopt;
}

NotificationRecord rejectionNotification(std::int64_t userId, const protocol::NewOrder &request,
                                         const QByteArray &requestHash, const core::Error &error,
                                         const QDateTime &at)
{
    QJsonObject facts { { QStringLiteral("client_order_id"), request.clientOrderId },
                        { QStringLiteral("symbol"), request.symbol },
                        { QStringLiteral("side"), protocol::toString(request.side) },
                        { QStringLiteral("type"), protocol::toString(request.type) },
                        { QStringLiteral("quantity"), request.quantity.toString() },
                        { QStringLiteral("code"), error.code },
                        { QStringLiteral("reason"), error.message } };
    if (protocol::hasLimitPrice(request.type))
        facts.insert(QStringLiteral("price"), request.price.toString());
    return notification(EventType::OrderRejected,
                        u"order.rejected:" + QString::number(userId) + u':' + request.clientOrderId
                            + u':' + QString::fromLatin1(requestHash.toHex().left(16)),
                        userId, std::move(facts), at);
}

} // namespace qx::server
