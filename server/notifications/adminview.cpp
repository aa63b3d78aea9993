#include "server/notifications/adminview.h"

#include "core/protocol/messages.h"
#include "server/notifications/channels.h"

namespace qx::server {

namespace notifications = core::notifications;

namespace {

QJsonValue timeOrNull(const QDateTime &at)
{
    return at.isValid() ? QJsonValue(core::protocol::toWireTime(at)) : QJsonValue();
}

} // namespace

QJsonObject deliveryJson(const DeliveryRecord &delivery)
{
    return { { QStringLiteral("id"), qint64(delivery.id) },
             { QStringLiteral("notification_id"), qint64(delivery.notificationId) },
             { QStringLiteral("user_id"), qint64(delivery.userId) },
             { QStringLiteral("channel"), notifications::toString(delivery.channel) },
             { QStringLiteral("idempotency_key"), delivery.idempotencyKey },
             { QStringLiteral("state"), notifications::toString(delivery.state) },
             { QStringLiteral("status"), notifications::toString(delivery.status) },
             { QStringLiteral("digest"), delivery.digest },
             { QStringLiteral("attempts"), delivery.attempts },
             { QStringLiteral("due_at"), timeOrNull(delivery.dueAt) },
             { QStringLiteral("claimed_by"), delivery.claimedBy },
             { QStringLiteral("provider_id"), delivery.providerId },
             { QStringLiteral("last_error"), delivery.lastError },
             { QStringLiteral("created_at"), timeOrNull(delivery.createdAt) },
             { QStringLiteral("updated_at"), timeOrNull(delivery.updatedAt) } };
}

QJsonObject channelConfigurationJson(const NotificationChannelRecord &record)
{
    const ChannelSchema schema = channelSchema(record.channel);
    return { { QStringLiteral("channel"), notifications::toString(record.channel) },
             { QStringLiteral("enabled"), record.enabled },
             { QStringLiteral("settings"), record.settings },
             { QStringLiteral("secrets_set"), !record.sealedSecrets.isEmpty() },
             { QStringLiteral("setting_keys"), QJsonArray::fromStringList(schema.settings) },
             { QStringLiteral("secret_keys"), QJsonArray::fromStringList(schema.secrets) },
             { QStringLiteral("updated_at"), timeOrNull(record.updatedAt) } };
}

QJsonArray channelStatusJson(
    const QList<NotificationChannelRecord> &configured,
    const QMap<notifications::Channel, NotificationStore::QueueDepth> &depths,
    const QList<ChannelHealth> &health)
{
    QJsonArray list;
    for (const notifications::Channel channel : notifications::allChannels()) {
        const NotificationStore::QueueDepth depth = depths.value(channel);
        QJsonArray servers;
        for (const ChannelHealth &server : health) {
            if (server.channel != channel)
                continue;
            servers.append(
                QJsonObject { { QStringLiteral("instance"), server.instance },
                              { QStringLiteral("running"), server.running },
                              { QStringLiteral("breaker"), server.breaker },
                              { QStringLiteral("sent"), qint64(server.sent) },
                              { QStringLiteral("failed"), qint64(server.failed) },
                              { QStringLiteral("last_sent_at"), timeOrNull(server.lastSentAt) },
                              { QStringLiteral("last_failed_at"), timeOrNull(server.lastFailedAt) },
                              { QStringLiteral("last_error"), server.lastError },
                              { QStringLiteral("updated_at"), timeOrNull(server.updatedAt) } });
        }
        list.append(
            QJsonObject { { QStringLiteral("channel"), notifications::toString(channel) },
                          { QStringLiteral("enabled"),
                            channel == notifications::Channel::InApp
                                || configuredOrDefault(configured, channel).enabled },
                          { QStringLiteral("queue"),
                            QJsonObject { { QStringLiteral("pending"), qint64(depth.pending) },
                                          { QStringLiteral("sending"), qint64(depth.sending) },
                                          { QStringLiteral("in_doubt"), qint64(depth.inDoubt) },
                                          { QStringLiteral("dead"), qint64(depth.dead) } } },
                          { QStringLiteral("servers"), servers } });
    }
    return list;
}

NotificationChannelRecord configuredOrDefault(const QList<NotificationChannelRecord> &configured,
                                              notifications::Channel channel)
{
    for (const NotificationChannelRecord &existing : configured) {
        if (existing.channel == channel)
            return existing;
    }
    NotificationChannelRecord record;
    record.channel = channel;
    return record;
}

} // namespace qx::server
