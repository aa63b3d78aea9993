#pragma once

#include "server/storage/notificationstore.h"

#include <QJsonArray>
#include <QJsonObject>

namespace qx::server {

/**
 * The outbox and the channels as admins see them, the same from the CLI (--json) and the
 * admin routes: a delivery of the outbox, a channel's configuration (secrets only as set or
 * not, never their values) and a channel's state (queue depth, each server's breaker).
 */

/// {id, notification_id, user_id, channel, idempotency_key, state, status, digest, attempts,
/// due_at, claimed_by, provider_id, last_error, created_at, updated_at}
QJsonObject deliveryJson(const DeliveryRecord &delivery);

/// {channel, enabled, settings, secrets_set, setting_keys, secret_keys, updated_at}
QJsonObject channelConfigurationJson(const NotificationChannelRecord &record);

/// Per channel: {channel, enabled, queue {pending, sending, in_doubt, dead}, servers [{instance,
/// running, breaker, sent, failed, last_sent_at, last_failed_at, last_error, updated_at}]}.
QJsonArray channelStatusJson(
    const QList<NotificationChannelRecord> &configured,
    const QMap<core::notifications::Channel, NotificationStore::QueueDepth> &depths,
    const QList<ChannelHealth> &health);

/// The channel's stored configuration, or a disabled one with nothing set.
NotificationChannelRecord configuredOrDefault(const QList<NotificationChannelRecord> &configured,
                                              core::notifications::Channel channel);

} // namespace qx::server
