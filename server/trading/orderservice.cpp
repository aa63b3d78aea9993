#include "server/trading/orderservice.h"

#include <QCryptographicHash>
#include <QJsonDocument>

#include <algorithm>

namespace qx::server {

namespace protocol = core::protocol;

namespace {

core::Error notFound(const QString &orderId)
{
    return core::makeError(QStringLiteral("not_found"),
                           OrderService::tr("No order %1.").arg(orderId.left(32)));
}

// QJsonDocument writes keys sorted, so equal requests hash equally.
QByteArray requestHash(const protocol::NewOrder &request)
{
    return QCryptographicHash::hash(QJsonDocument(request.toJson()).toJson(QJsonDocument::Compact),
                                    QCryptographicHash::Sha256);
}

// Millisecond precision, as stored, so an order reads back equal to what was acknowledged.
QDateTime nowUtc()
{
    return QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch(), Qt::UTC);
}

} // namespace

OrderService::OrderService(Store &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{ }

Result<void> OrderService::loadInstruments()
{
    Result<QList<core::Instrument>> instruments = m_store.instruments();
    if (!instruments)
        return instruments.error();
    m_instruments = std::move(instruments).value();
    std::sort(m_instruments.begin(), m_instruments.end(), core::boardOrderLess);
    m_bySymbol.clear();
    for (qsizetype i = 0; i < m_instruments.size(); ++i)
        m_bySymbol.insert(m_instruments[i].symbol, i);
    return {};
}

Result<OrderService::Placement> OrderService::place(const Principal &principal,
                                                    const protocol::NewOrder &request)
{
    const auto found = m_bySymbol.constFind(request.symbol);
    if (found == m_bySymbol.cend()) {
        return core::makeError(QStringLiteral("unknown_symbol"),
                               tr("No instrument %1.").arg(request.symbol));
    }
    const core::Instrument &instrument = m_instruments[*found];
    const QDateTime now = nowUtc();
    if (instrument.isExpired(now.date())) {
        return core::makeError(
            QStringLiteral("instrument_expired"),
            tr("%1 stopped trading on %2.")
                .arg(instrument.symbol, instrument.lastTradingDay.toString(Qt::ISODate)));
    }
    if (Result<void> valid = instrument.checkOrder(request.price, request.quantity); !valid)
        return valid.error();

    const QByteArray hash = requestHash(request);
    Result<std::optional<StoredOrder>> earlier
        = m_store.findOrderByClientId(principal.userId, request.clientOrderId);
    if (!earlier)
        return earlier.error();
    if (*earlier) {
        if ((*earlier)->requestHash != hash) {
            return core::makeError(
                QStringLiteral("duplicate_client_order_id"),
                tr("The client order id %1 was already used for a different order.")
                    .arg(request.clientOrderId));
        }
        return Placement { (*earlier)->order, false };
    }

    protocol::Order order;
    order.clientOrderId = request.clientOrderId;
    order.username = principal.username;
    order.symbol = request.symbol;
    order.side = request.side;
    order.type = request.type;
    order.quantity = request.quantity;
    order.price = request.price;
    order.status = protocol::OrderStatus::Open;
    order.createdAt = now;
    order.updatedAt = now;
    Result<protocol::Order> saved = m_store.insertOrder(principal.userId, order, hash);
    if (!saved)
        return saved.error();
    Q_EMIT orderEvent(protocol::stream::kOrderAccepted.toString(), *saved, principal.userId);
    return Placement { *saved, true };
}

Result<protocol::Order> OrderService::cancel(const Principal &principal, const QString &orderId)
{
    bool numeric = false;
    const qint64 id = orderId.toLongLong(&numeric);
    if (!numeric || id <= 0)
        return notFound(orderId);
    Result<std::optional<StoredOrder>> stored = m_store.findOrder(id);
    if (!stored)
        return stored.error();
    // Another user's order answers exactly like a missing one: ids reveal nothing.
    if (!*stored || (*stored)->userId != principal.userId)
        return notFound(orderId);
    protocol::Order order = (*stored)->order;
    if (!protocol::isLive(order.status)) {
        return core::makeError(
            QStringLiteral("order_not_live"),
            tr("Order %1 is already %2.").arg(order.id, protocol::toString(order.status)));
    }
    order.status = protocol::OrderStatus::Cancelled;
    order.updatedAt = nowUtc();
    if (Result<void> saved = m_store.updateOrder(order); !saved)
        return saved.error();
    Q_EMIT orderEvent(protocol::stream::kOrderCancelled.toString(), order, principal.userId);
    return order;
}

Result<QList<protocol::Order>> OrderService::orders(const Principal &principal)
{
    return m_store.orders(principal.userId);
}

} // namespace qx::server
