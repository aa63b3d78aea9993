// SqlStore, notifications (NotificationStore): events and inboxes, the outbox, preferences,
// critical event types and contacts.

#include "server/storage/sqlstore.h"

#include "server/storage/sqlstore_p.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace qx::server {

using namespace sqlstore;
namespace notifications = core::notifications;

namespace {

// Every notification query selects these columns, in this order (notificationFromRow).
#define QX_NOTIFICATION_COLUMNS \
    "SELECT id, event_key, user_id, type, severity, facts, created_at_ms, read_at_ms " \
    "FROM notifications "

// And every delivery query these (deliveryFromRow).
#define QX_DELIVERY_COLUMNS \
    "id, notification_id, user_id, channel, idempotency_key, state, status, digest, attempts, " \
    "due_at_ms, claimed_by, provider_id, last_error, created_at_ms, updated_at_ms"

QDateTime timeOf(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

NotificationRecord notificationFromRow(const SqlRows &row)
{
    NotificationRecord record;
    record.id = row.int64(0);
    record.eventKey = row.text(1);
    record.userId = row.int64(2);
    // A type or severity this build does not know (a newer server wrote it) reads as the
    // mildest: shown, never escalated.
    record.type = notifications::eventTypeFromString(row.text(3)).value_or(record.type);
    record.severity
        = notifications::severityFromString(row.text(4)).value_or(notifications::Severity::Info);
    record.facts = QJsonDocument::fromJson(row.text(5).toUtf8()).object();
    record.createdAt = timeOf(row.int64(6));
    if (!row.isNull(7))
        record.readAt = timeOf(row.int64(7));
    return record;
}

DeliveryRecord deliveryFromRow(const SqlRows &row)
{
    DeliveryRecord record;
    record.id = row.int64(0);
    record.notificationId = row.int64(1);
    record.userId = row.int64(2);
    record.channel = notifications::channelFromString(row.text(3)).value_or(record.channel);
    record.idempotencyKey = row.text(4);
    record.state = notifications::outboxStateFromString(row.text(5)).value_or(record.state);
    record.status = notifications::deliveryStatusFromString(row.text(6)).value_or(record.status);
    record.digest = row.int64(7) != 0;
    record.attempts = int(row.int64(8));
    record.dueAt = timeOf(row.int64(9));
    record.claimedBy = row.text(10);
    record.providerId = row.text(11);
    record.lastError = row.text(12);
    record.createdAt = timeOf(row.int64(13));
    record.updatedAt = timeOf(row.int64(14));
    return record;
}

// And every preference query these (preferenceFromRow).
#define QX_PREFERENCE_COLUMNS \
    "SELECT user_id, event_type, channels, min_severity, quiet_start, quiet_end, " \
    "digest_minutes FROM notification_preferences "

QList<notifications::Channel> channelsFrom(const QString &text);

Result<NotificationPreferenceRecord> preferenceFromRow(const SqlRows &row)
{
    NotificationPreferenceRecord record;
    record.userId = row.int64(0);
    const auto type = notifications::eventTypeFromString(row.text(1));
    if (!type) {
        return core::makeError(core::ErrorCode::StorageError,
                               QStringLiteral("A stored preference names the unknown event "
                                              "type %1.")
                                   .arg(row.text(1)));
    }
    record.type = *type;
    record.channels = channelsFrom(row.text(2));
    record.minimum
        = notifications::severityFromString(row.text(3)).value_or(notifications::Severity::Info);
    if (!row.isNull(4) && !row.isNull(5)) {
        record.quietStart = QTime::fromString(row.text(4), u"HH:mm");
        record.quietEnd = QTime::fromString(row.text(5), u"HH:mm");
    }
    record.digest = std::chrono::minutes(row.int64(6));
    return record;
}

QString channelList(const QList<notifications::Channel> &channels)
{
    QStringList names;
    for (notifications::Channel channel : channels)
        names.append(notifications::toString(channel));
    return names.join(u',');
}

QList<notifications::Channel> channelsFrom(const QString &text)
{
    QList<notifications::Channel> channels;
    for (const QString &name : text.split(u',', Qt::SkipEmptyParts)) {
        if (const auto channel = notifications::channelFromString(name))
            channels.append(*channel);
    }
    return channels;
}

std::optional<QString> clockTime(const QTime &time)
{
    return time.isValid() ? std::optional(time.toString(u"HH:mm")) : std::nullopt;
}

/// The wire names of `channels` as a JSON array, for `jsonb_array_elements_text` or SQLite's
/// `json_each`: one parameter whatever the number of channels.
QString channelArray(const QList<notifications::Channel> &channels)
{
    QJsonArray names;
    for (notifications::Channel channel : channels)
        names.append(notifications::toString(channel));
    return QString::fromUtf8(QJsonDocument(names).toJson(QJsonDocument::Compact));
}

/// `sql` with every "IN_JSON($n)" written as the dialect's "IN (the elements of the JSON array
/// of strings $n)".
QByteArray withJsonLists(QByteArray sql, SqlDatabase::Dialect dialect)
{
    static const QRegularExpression list(QStringLiteral("IN_JSON\\((\\$\\d+)\\)"));
    const QString replacement = dialect == SqlDatabase::Dialect::Sqlite
        ? QStringLiteral("IN (SELECT value FROM json_each(\\1))")
        : QStringLiteral("IN (SELECT jsonb_array_elements_text(\\1::jsonb))");
    return QString::fromUtf8(sql).replace(list, replacement).toUtf8();
}

} // namespace

std::vector<SqlDatabase::Value> sqlstore::notificationRows(const QList<NotificationRecord> &records)
{
    std::vector<SqlDatabase::Value> values;
    values.reserve(std::size_t(records.size()) * kNotificationColumns.size());
    for (const NotificationRecord &record : records) {
        values.insert(
            values.end(),
            { record.eventKey, record.userId, notifications::toString(record.type),
              notifications::toString(record.severity),
              QString::fromUtf8(QJsonDocument(record.facts).toJson(QJsonDocument::Compact)),
              record.createdAt.toMSecsSinceEpoch() });
    }
    return values;
}

Result<void> SqlStore::addNotifications(const QList<NotificationRecord> &records)
{
    return m_database->insertRows("notifications", kNotificationColumns, notificationRows(records));
}

Result<QList<NotificationRecord>> SqlStore::inbox(const InboxQuery &query)
{
    return collect<NotificationRecord>(
        m_database->query(QX_NOTIFICATION_COLUMNS
                          "WHERE user_id = $1 AND ($2 = 0 OR id < $2) "
                          "AND ($3 = 0 OR read_at_ms IS NULL) ORDER BY id DESC LIMIT $4",
                          query.userId, query.before, query.unreadOnly, std::int64_t(query.limit)),
        notificationFromRow);
}

Result<std::int64_t> SqlStore::unreadNotifications(std::int64_t userId)
{
    return returnedInteger(m_database->query(
        "SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at_ms IS NULL", userId));
}

Result<std::int64_t> SqlStore::markNotificationsRead(std::int64_t userId, std::int64_t id,
                                                     const QDateTime &at)
{
    return m_database->change("UPDATE notifications SET read_at_ms = $3 "
                              "WHERE user_id = $1 AND ($2 = 0 OR id = $2) AND read_at_ms IS NULL",
                              { userId, id, at.toMSecsSinceEpoch() });
}

Result<QList<NotificationPreferenceRecord>> SqlStore::notificationPreferences(std::int64_t userId)
{
    return collect<NotificationPreferenceRecord>(
        m_database->query(QX_PREFERENCE_COLUMNS "WHERE user_id = $1 ORDER BY event_type", userId),
        preferenceFromRow);
}

Result<QList<NotificationPreferenceRecord>> SqlStore::allNotificationPreferences()
{
    return collect<NotificationPreferenceRecord>(
        m_database->query(QX_PREFERENCE_COLUMNS "ORDER BY user_id, event_type"), preferenceFromRow);
}

Result<void> SqlStore::saveNotificationPreferences(
    std::int64_t userId, const QList<NotificationPreferenceRecord> &preferences)
{
    return inTransaction(*m_database, [&]() -> Result<void> {
        const std::int64_t now = m_clock->nowMs();
        for (const NotificationPreferenceRecord &preference : preferences) {
            const bool quiet = preference.quietStart.isValid() && preference.quietEnd.isValid();
            if (Result<void> saved = m_database->run(
                    "INSERT INTO notification_preferences (user_id, event_type, channels, "
                    "min_severity, quiet_start, quiet_end, digest_minutes, updated_at_ms) "
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
                    "ON CONFLICT (user_id, event_type) DO UPDATE SET "
                    "channels = excluded.channels, min_severity = excluded.min_severity, "
                    "quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, "
                    "digest_minutes = excluded.digest_minutes, "
                    "updated_at_ms = excluded.updated_at_ms",
                    userId, notifications::toString(preference.type),
                    channelList(preference.channels), notifications::toString(preference.minimum),
                    quiet ? clockTime(preference.quietStart) : std::nullopt,
                    quiet ? clockTime(preference.quietEnd) : std::nullopt,
                    std::int64_t(preference.digest.count()), now);
                !saved) {
                return saved;
            }
        }
        return {};
    });
}

Result<QList<notifications::EventType>> SqlStore::criticalEventTypes()
{
    // A type this build does not know (a newer server's) is left out.
    return collectKnown<notifications::EventType>(
        m_database->query("SELECT event_type FROM notification_critical_types ORDER BY event_type"),
        [](const SqlRows &row) { return notifications::eventTypeFromString(row.text(0)); });
}

Result<void> SqlStore::saveCriticalEventTypes(const QList<notifications::EventType> &types)
{
    return inTransaction(*m_database, [&]() -> Result<void> {
        if (Result<void> cleared = m_database->run("DELETE FROM notification_critical_types");
            !cleared) {
            return cleared;
        }
        for (notifications::EventType type : types) {
            if (Result<void> added
                = m_database->run("INSERT INTO notification_critical_types (event_type) "
                                  "VALUES ($1) ON CONFLICT (event_type) DO NOTHING",
                                  notifications::toString(type));
                !added) {
                return added;
            }
        }
        return {};
    });
}

Result<NotificationContact> SqlStore::notificationContact(std::int64_t userId)
{
    Result<std::optional<NotificationContact>> stored = findOne<NotificationContact>(
        m_database->query("SELECT language, time_zone, email, phone, whatsapp, telegram_chat, "
                          "whatsapp_inbound_ms FROM notification_contacts WHERE user_id = $1",
                          userId),
        [userId](const SqlRows &row) {
            NotificationContact contact;
            contact.userId = userId;
            contact.language = row.text(0);
            contact.timeZone = row.text(1);
            contact.email = row.text(2);
            contact.phone = row.text(3);
            contact.whatsapp = row.text(4);
            contact.telegramChat = row.text(5);
            if (row.int64(6) > 0)
                contact.whatsappInbound = timeOf(row.int64(6));
            return contact;
        });
    if (!stored)
        return stored.error();
    if (*stored)
        return **stored;
    NotificationContact contact;
    contact.userId = userId;
    return contact;
}

Result<void> SqlStore::saveNotificationContact(const NotificationContact &contact)
{
    return m_database->run(
        "INSERT INTO notification_contacts (user_id, language, time_zone, email, phone, "
        "whatsapp, telegram_chat, whatsapp_inbound_ms, updated_at_ms) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (user_id) DO UPDATE SET "
        "language = excluded.language, time_zone = excluded.time_zone, email = excluded.email, "
        "phone = excluded.phone, whatsapp = excluded.whatsapp, "
        "telegram_chat = excluded.telegram_chat, "
        "whatsapp_inbound_ms = excluded.whatsapp_inbound_ms, "
        "updated_at_ms = excluded.updated_at_ms",
        contact.userId, contact.language, contact.timeZone, contact.email, contact.phone,
        contact.whatsapp, contact.telegramChat,
        contact.whatsappInbound.isValid() ? contact.whatsappInbound.toMSecsSinceEpoch() : 0,
        m_clock->nowMs());
}

Result<QList<NotificationChannelRecord>> SqlStore::notificationChannels()
{
    return collectKnown<NotificationChannelRecord>(
        m_database->query("SELECT channel, enabled, settings, secrets, updated_at_ms "
                          "FROM notification_channels ORDER BY channel"),
        [](const SqlRows &row) -> std::optional<NotificationChannelRecord> {
            const auto channel = notifications::channelFromString(row.text(0));
            if (!channel)
                return std::nullopt; // a newer server's channel
            NotificationChannelRecord record;
            record.channel = *channel;
            record.enabled = row.int64(1) != 0;
            record.settings = QJsonDocument::fromJson(row.text(2).toUtf8()).object();
            record.sealedSecrets = row.isNull(3) ? QByteArray() : row.blob(3);
            record.updatedAt = timeOf(row.int64(4));
            return record;
        });
}

Result<void> SqlStore::saveNotificationChannel(const NotificationChannelRecord &channel)
{
    return m_database->run(
        "INSERT INTO notification_channels (channel, enabled, settings, secrets, updated_at_ms) "
        "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (channel) DO UPDATE SET "
        "enabled = excluded.enabled, settings = excluded.settings, secrets = excluded.secrets, "
        "updated_at_ms = excluded.updated_at_ms",
        notifications::toString(channel.channel), channel.enabled,
        QString::fromUtf8(QJsonDocument(channel.settings).toJson(QJsonDocument::Compact)),
        channel.sealedSecrets.isEmpty() ? std::optional<QByteArray>()
                                        : std::optional<QByteArray>(channel.sealedSecrets),
        m_clock->nowMs());
}

Result<QList<NotificationRecord>> SqlStore::notificationsById(const QList<std::int64_t> &ids)
{
    QJsonArray array;
    for (std::int64_t id : ids)
        array.append(qint64(id));
    return collect<NotificationRecord>(
        m_database->query(m_database->dialect() == SqlDatabase::Dialect::Sqlite
                              ? QX_NOTIFICATION_COLUMNS
                              "WHERE id IN (SELECT value FROM json_each($1)) ORDER BY id"
                              : QX_NOTIFICATION_COLUMNS
                              "WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)::bigint) "
                              "ORDER BY id",
                          QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact))),
        notificationFromRow);
}

Result<QList<NotificationRecord>> SqlStore::unplannedNotifications(int limit)
{
    return collect<NotificationRecord>(m_database->query(QX_NOTIFICATION_COLUMNS
                                                         "WHERE planned = 0 ORDER BY id LIMIT $1",
                                                         std::int64_t(limit)),
                                       notificationFromRow);
}

Result<void> SqlStore::planNotifications(const QList<Plan> &plans)
{
    return inTransaction(*m_database, [&]() -> Result<void> {
        std::vector<SqlDatabase::Value> rows;
        for (const Plan &plan : plans) {
            for (const DeliveryRecord &delivery : plan.deliveries) {
                const std::int64_t due = delivery.dueAt.toMSecsSinceEpoch();
                rows.insert(rows.end(),
                            { plan.notificationId, delivery.userId,
                              notifications::toString(delivery.channel), delivery.idempotencyKey,
                              notifications::toString(delivery.state),
                              std::int64_t(delivery.digest), delivery.lastError, due, due, due });
            }
        }
        if (Result<void> added = m_database->insertRows(
                "notification_deliveries",
                { "notification_id", "user_id", "channel", "idempotency_key", "state", "digest",
                  "last_error", "due_at_ms", "created_at_ms", "updated_at_ms" },
                rows, "ON CONFLICT (idempotency_key) DO NOTHING");
            !added) {
            return added;
        }
        for (const Plan &plan : plans) {
            if (!plan.deliveries.isEmpty()) {
                // Every message held by another notification already: this one repeats it.
                const Result<std::int64_t> own = returnedInteger(m_database->query(
                    "SELECT COUNT(*) FROM notification_deliveries WHERE notification_id = $1",
                    plan.notificationId));
                if (!own)
                    return own.error();
                if (*own == 0) {
                    if (Result<void> gone = m_database->run(
                            "DELETE FROM notifications WHERE id = $1", plan.notificationId);
                        !gone) {
                        return gone;
                    }
                    continue;
                }
            }
            if (Result<void> marked = m_database->run(
                    "UPDATE notifications SET planned = 1 WHERE id = $1", plan.notificationId);
                !marked) {
                return marked;
            }
        }
        return {};
    });
}

Result<QList<DeliveryRecord>> SqlStore::claimDeliveries(
    const QString &claimer, const QDateTime &now, const QDateTime &until, int limit,
    const QList<notifications::Channel> &channels)
{
    const bool postgres = m_database->dialect() == SqlDatabase::Dialect::Postgresql;
    // The due deliveries first (a digest's whole group with its first), then the claim. On
    // PostgreSQL the chosen rows stay locked until the claim commits, and rows another
    // dispatcher is claiming are passed over rather than waited for.
    static const QByteArray sqlite = QByteArray(
        "UPDATE notification_deliveries SET state = 'sending', claimed_by = $1, "
        "claimed_until_ms = $3, attempts = attempts + 1, updated_at_ms = $2 "
        "WHERE state = 'pending' AND due_at_ms <= $2 AND id IN ("
        "  SELECT d.id FROM notification_deliveries d JOIN ("
        "    SELECT user_id, channel, due_at_ms, digest, MIN(id) AS first "
        "    FROM notification_deliveries WHERE state = 'pending' AND due_at_ms <= $2 "
        "    AND ($5 = '[]' OR channel IN (SELECT value FROM json_each($5))) "
        "    GROUP BY user_id, channel, due_at_ms, digest, CASE WHEN digest = 1 THEN 0 ELSE id END "
        "    ORDER BY MIN(due_at_ms), MIN(id) LIMIT $4) g "
        "  ON d.user_id = g.user_id AND d.channel = g.channel AND d.due_at_ms = g.due_at_ms "
        "  AND d.digest = g.digest AND (d.digest = 1 OR d.id = g.first) "
        "  WHERE d.state = 'pending') "
        "RETURNING " QX_DELIVERY_COLUMNS);
    static const QByteArray postgresql = QByteArray(
        "WITH due AS (SELECT user_id, channel, due_at_ms, digest, MIN(id) AS first "
        "  FROM notification_deliveries WHERE state = 'pending' AND due_at_ms <= $2 "
        "  AND ($5::text = '[]' OR channel IN (SELECT jsonb_array_elements_text($5::jsonb))) "
        "  GROUP BY user_id, channel, due_at_ms, digest, CASE WHEN digest = 1 THEN 0 ELSE id END "
        "  ORDER BY MIN(due_at_ms), MIN(id) LIMIT $4), "
        "chosen AS (SELECT d.id FROM notification_deliveries d JOIN due g "
        "  ON d.user_id = g.user_id AND d.channel = g.channel AND d.due_at_ms = g.due_at_ms "
        "  AND d.digest = g.digest AND (d.digest = 1 OR d.id = g.first) "
        "  WHERE d.state = 'pending' FOR UPDATE OF d SKIP LOCKED) "
        "UPDATE notification_deliveries n SET state = 'sending', claimed_by = $1, "
        "claimed_until_ms = $3, attempts = n.attempts + 1, updated_at_ms = $2 "
        "FROM chosen WHERE n.id = chosen.id AND n.state = 'pending' "
        "RETURNING n." QX_DELIVERY_COLUMNS);
    Result<QList<DeliveryRecord>> claimed = collect<DeliveryRecord>(
        m_database->query(postgres ? postgresql.constData() : sqlite.constData(), claimer,
                          now.toMSecsSinceEpoch(), until.toMSecsSinceEpoch(), std::int64_t(limit),
                          channelArray(channels)),
        deliveryFromRow);
    if (!claimed)
        return claimed;
    std::sort(claimed->begin(), claimed->end(),
              [](const DeliveryRecord &a, const DeliveryRecord &b) { return a.id < b.id; });
    return claimed;
}

Result<std::int64_t> SqlStore::recoverExpiredClaims(
    const QDateTime &now, const QList<notifications::Channel> &deduplicating)
{
    static const QByteArray statement
        = "UPDATE notification_deliveries SET claimed_by = '', updated_at_ms = $1, "
          "state = CASE WHEN channel IN_JSON($2) THEN 'pending' ELSE 'in_doubt' END, "
          "last_error = CASE WHEN channel IN_JSON($2) THEN last_error "
          "ELSE 'The dispatcher stopped while sending; whether the provider took the message "
          "is unknown.' END "
          "WHERE state = 'sending' AND claimed_until_ms <= $1";
    static const QByteArray sqlite = withJsonLists(statement, SqlDatabase::Dialect::Sqlite);
    static const QByteArray postgresql = withJsonLists(statement, SqlDatabase::Dialect::Postgresql);
    return m_database->change(m_database->dialect() == SqlDatabase::Dialect::Sqlite
                                  ? sqlite.constData()
                                  : postgresql.constData(),
                              { now.toMSecsSinceEpoch(), channelArray(deduplicating) });
}

Result<bool> SqlStore::finishDelivery(const DeliveryOutcome &outcome)
{
    const std::int64_t at = outcome.at.toMSecsSinceEpoch();
    return m_database->changeOne(
        "UPDATE notification_deliveries SET state = $3, status = $4, provider_id = $5, "
        "last_error = $6, due_at_ms = $7, claimed_by = '', claimed_until_ms = 0, "
        "updated_at_ms = $8, attempts = attempts - $9 "
        "WHERE id = $1 AND state = 'sending' AND claimed_by = $2",
        outcome.id, outcome.claimer, notifications::toString(outcome.state),
        notifications::toString(outcome.status), outcome.providerId, outcome.error,
        outcome.dueAt.isValid() ? outcome.dueAt.toMSecsSinceEpoch() : at, at,
        outcome.notAttempted ? 1 : 0);
}

Result<bool> SqlStore::reportDeliveryStatus(notifications::Channel channel,
                                            const QString &providerId,
                                            notifications::DeliveryStatus status,
                                            const QString &error, const QDateTime &at)
{
    return inTransaction(*m_database, [&]() -> Result<bool> {
        Result<std::optional<DeliveryRecord>> found = findOne<DeliveryRecord>(
            m_database->query("SELECT " QX_DELIVERY_COLUMNS " FROM notification_deliveries "
                              "WHERE channel = $1 AND provider_id = $2",
                              notifications::toString(channel), providerId),
            deliveryFromRow);
        if (!found)
            return found.error();
        if (!*found)
            return false;
        const notifications::DeliveryStatus next = notifications::advance((*found)->status, status);
        if (next == (*found)->status)
            return true;
        Result<void> saved = m_database->run(
            "UPDATE notification_deliveries SET status = $2, updated_at_ms = $3, "
            "last_error = CASE WHEN $4 = '' THEN last_error ELSE $4 END WHERE id = $1",
            (*found)->id, notifications::toString(next), at.toMSecsSinceEpoch(), error);
        if (!saved)
            return saved.error();
        return true;
    });
}

Result<QList<DeliveryRecord>> SqlStore::deliveries(const OutboxQuery &query)
{
    return collect<DeliveryRecord>(
        m_database->query("SELECT " QX_DELIVERY_COLUMNS " FROM notification_deliveries "
                          "WHERE ($1 = '' OR state = $1) AND ($2 = '' OR channel = $2) "
                          "AND ($3 = 0 OR notification_id = $3) AND ($4 = 0 OR id < $4) "
                          "ORDER BY id DESC LIMIT $5",
                          query.state ? notifications::toString(*query.state) : QString(),
                          query.channel ? notifications::toString(*query.channel) : QString(),
                          query.notificationId, query.before, std::int64_t(query.limit)),
        deliveryFromRow);
}

Result<std::optional<DeliveryRecord>> SqlStore::findDelivery(std::int64_t id)
{
    return findOne<DeliveryRecord>(m_database->query("SELECT " QX_DELIVERY_COLUMNS
                                                     " FROM notification_deliveries WHERE id = $1",
                                                     id),
                                   deliveryFromRow);
}

Result<bool> SqlStore::retryDelivery(std::int64_t id, const QDateTime &at)
{
    return m_database->changeOne(
        "UPDATE notification_deliveries SET state = 'pending', attempts = 0, due_at_ms = $2, "
        "updated_at_ms = $2 WHERE id = $1 AND state IN ('dead', 'in_doubt')",
        id, at.toMSecsSinceEpoch());
}

Result<void> SqlStore::addTelegramLink(const QString &tokenHash, std::int64_t userId,
                                       const QDateTime &expiresAt, const QDateTime &now)
{
    return inTransaction(*m_database, [&]() -> Result<void> {
        if (Result<void> dropped = m_database->run(
                "DELETE FROM telegram_links WHERE user_id = $1 OR expires_at_ms <= $2", userId,
                now.toMSecsSinceEpoch());
            !dropped)
            return dropped;
        return m_database->run(
            "INSERT INTO telegram_links (token_hash, user_id, expires_at_ms) VALUES ($1, $2, $3)",
            tokenHash, userId, expiresAt.toMSecsSinceEpoch());
    });
}

Result<std::optional<std::int64_t>> SqlStore::useTelegramLink(const QString &tokenHash,
                                                              const QString &chatId,
                                                              const QDateTime &now)
{
    return inTransaction(*m_database, [&]() -> Result<std::optional<std::int64_t>> {
        Result<std::optional<std::int64_t>> user = findOne<std::int64_t>(
            m_database->query("DELETE FROM telegram_links WHERE token_hash = $1 "
                              "AND expires_at_ms > $2 RETURNING user_id",
                              tokenHash, now.toMSecsSinceEpoch()),
            [](const SqlRows &row) { return row.int64(0); });
        if (!user || !*user)
            return user;
        if (Result<void> bound = m_database->run(
                "INSERT INTO notification_contacts (user_id, telegram_chat, updated_at_ms) "
                "VALUES ($1, $2, $3) ON CONFLICT (user_id) DO UPDATE SET "
                "telegram_chat = excluded.telegram_chat, updated_at_ms = excluded.updated_at_ms",
                **user, chatId, now.toMSecsSinceEpoch());
            !bound)
            return bound.error();
        return user;
    });
}

Result<std::int64_t> SqlStore::recordWhatsAppInbound(const QString &number, const QDateTime &at)
{
    return m_database->changeRows(
        "UPDATE notification_contacts SET whatsapp_inbound_ms = $2 "
        "WHERE whatsapp = $1 AND whatsapp <> '' AND whatsapp_inbound_ms < $2",
        number, at.toMSecsSinceEpoch());
}

Result<bool> SqlStore::resendDelivery(notifications::Channel channel, const QString &providerId,
                                      const QDateTime &at)
{
    return inTransaction(*m_database, [&]() -> Result<bool> {
        Result<std::optional<std::int64_t>> user = findOne<std::int64_t>(
            m_database->query("SELECT user_id FROM notification_deliveries "
                              "WHERE channel = $1 AND provider_id = $2 AND state = 'sent'",
                              notifications::toString(channel), providerId),
            [](const SqlRows &row) { return row.int64(0); });
        if (!user)
            return user.error();
        if (!*user)
            return false;
        if (Result<void> closed = m_database->run(
                "UPDATE notification_contacts SET whatsapp_inbound_ms = 0 WHERE user_id = $1",
                **user);
            !closed)
            return closed.error();
        return m_database->changeOne(
            "UPDATE notification_deliveries SET state = 'pending', status = 'queued', "
            "provider_id = '', due_at_ms = $3, updated_at_ms = $3 "
            "WHERE channel = $1 AND provider_id = $2 AND state = 'sent'",
            notifications::toString(channel), providerId, at.toMSecsSinceEpoch());
    });
}

Result<bool> SqlStore::discardDelivery(std::int64_t id, const QDateTime &at)
{
    return m_database->changeOne(
        "UPDATE notification_deliveries SET state = 'discarded', updated_at_ms = $2 "
        "WHERE id = $1 AND state IN ('dead', 'in_doubt')",
        id, at.toMSecsSinceEpoch());
}

Result<QMap<notifications::Channel, NotificationStore::QueueDepth>> SqlStore::outboxDepths()
{
    Result<QList<std::tuple<QString, QString, std::int64_t>>> counts
        = collect<std::tuple<QString, QString, std::int64_t>>(
            m_database->query("SELECT channel, state, COUNT(*) FROM notification_deliveries "
                              "WHERE state IN ('pending', 'sending', 'in_doubt', 'dead') "
                              "GROUP BY channel, state"),
            [](const SqlRows &row) { return std::tuple(row.text(0), row.text(1), row.int64(2)); });
    if (!counts)
        return counts.error();
    QMap<notifications::Channel, QueueDepth> depths;
    for (const auto &[name, state, count] : *counts) {
        const auto channel = notifications::channelFromString(name);
        if (!channel)
            continue;
        QueueDepth &depth = depths[*channel];
        if (state == u"pending")
            depth.pending = count;
        else if (state == u"sending")
            depth.sending = count;
        else if (state == u"in_doubt")
            depth.inDoubt = count;
        else
            depth.dead = count;
    }
    return depths;
}

Result<void> SqlStore::saveChannelHealth(const ChannelHealth &health)
{
    const auto msOrNull = [](const QDateTime &at) {
        return at.isValid() ? std::optional<std::int64_t>(at.toMSecsSinceEpoch()) : std::nullopt;
    };
    // A server stopped a week ago is forgotten (each start is an instance of its own).
    if (Result<void> pruned
        = m_database->run("DELETE FROM notification_channel_health WHERE running = 0 "
                          "AND updated_at_ms < $1",
                          m_clock->nowMs() - std::int64_t(7) * 24 * 3'600'000);
        !pruned) {
        return pruned;
    }
    return m_database->run(
        "INSERT INTO notification_channel_health (channel, instance, running, breaker, sent, "
        "failed, last_sent_at_ms, last_failed_at_ms, last_error, updated_at_ms) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (channel, instance) DO "
        "UPDATE SET running = excluded.running, breaker = excluded.breaker, sent = excluded.sent, "
        "failed = excluded.failed, last_sent_at_ms = excluded.last_sent_at_ms, "
        "last_failed_at_ms = excluded.last_failed_at_ms, last_error = excluded.last_error, "
        "updated_at_ms = excluded.updated_at_ms",
        notifications::toString(health.channel), health.instance, health.running, health.breaker,
        health.sent, health.failed, msOrNull(health.lastSentAt), msOrNull(health.lastFailedAt),
        health.lastError.left(500), m_clock->nowMs());
}

Result<QList<ChannelHealth>> SqlStore::channelHealth()
{
    return collectKnown<ChannelHealth>(
        m_database->query("SELECT channel, instance, running, breaker, sent, failed, "
                          "last_sent_at_ms, last_failed_at_ms, last_error, updated_at_ms "
                          "FROM notification_channel_health ORDER BY channel, instance"),
        [](const SqlRows &row) -> std::optional<ChannelHealth> {
            const auto channel = notifications::channelFromString(row.text(0));
            if (!channel)
                return std::nullopt; // a newer server's channel
            ChannelHealth health;
            health.channel = *channel;
            health.instance = row.text(1);
            health.running = row.int64(2) != 0;
            health.breaker = row.text(3);
            health.sent = row.int64(4);
            health.failed = row.int64(5);
            health.lastSentAt = row.isNull(6) ? QDateTime() : timeOf(row.int64(6));
            health.lastFailedAt = row.isNull(7) ? QDateTime() : timeOf(row.int64(7));
            health.lastError = row.text(8);
            health.updatedAt = timeOf(row.int64(9));
            return health;
        });
}

} // namespace qx::server
