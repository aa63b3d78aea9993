#pragma once

#include "server/storage/records.h"

#include <optional>

namespace qx::server {

/**
 * The notifications an order's life causes, as they are written with it: a fill, a partial
 * fill and an expiry (with the trading write that makes them: OrderService::run) and a
 * rejection (on its own, nothing else being stored). Each is keyed so the same event cannot
 * notify its owner twice: a fill by the order, a partial fill by the order and how much of it
 * is filled, an expiry by the order, a rejection by the user, client order id and request.
 * The facts are what a message says: symbol, side, type, quantities, prices, reason.
 */

/// The notification of `order` (its owner's) having just become `streamType`
/// (protocol::stream::kOrderFilled, kOrderPartiallyFilled or kOrderExpired) at `at`; nullopt
/// for changes that notify no one (accepted, modified, cancelled by its owner).
std::optional<NotificationRecord> orderNotification(QStringView streamType,
                                                    const StoredOrder &order, const QDateTime &at);

/// The notification of `userId`'s order `request` (its SHA-256 `requestHash`) refused with
/// `error` at `at`.
NotificationRecord rejectionNotification(std::int64_t userId,
                                         const core::protocol::NewOrder &request,
                                         const QByteArray &requestHash, const core::Error &error,
                                         const QDateTime &at);

} // namespace qx::server
