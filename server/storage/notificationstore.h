#pragma once

#include "core/notifications/delivery.h"
#include "core/notifications/policy.h"
#include "server/storage/records.h"

#include <QMap>
#include <QTime>

#include <chrono>

namespace qx::server {

/// A user's choice for one event type as stored (user 0: the defaults for everyone). The
/// user's time zone is in their contact, so this is core::notifications::Preference without it.
struct NotificationPreferenceRecord
{
    std::int64_t userId = 0; ///< 0: the defaults
    core::notifications::EventType type = core::notifications::EventType::OrderFilled;
    QList<core::notifications::Channel> channels;
    core::notifications::Severity minimum = core::notifications::Severity::Info;
    QTime quietStart; ///< both valid, or neither (no quiet hours)
    QTime quietEnd;
    std::chrono::minutes digest { 0 };

    bool operator==(const NotificationPreferenceRecord &) const = default;
};

/// Where and how to reach a user.
struct NotificationContact
{
    std::int64_t userId = 0;
    QString language = QStringLiteral("en"); ///< en, de or fr
    QString timeZone = QStringLiteral("UTC"); ///< IANA
    QString email;
    QString phone; ///< E.164, for SMS
    QString whatsapp; ///< E.164
    QString telegramChat; ///< bound through the deep link
    QDateTime whatsappInbound; ///< the user's last WhatsApp message (the 24-hour window)
};

/// How the server reaches a provider: whether the channel is on, its settings (nothing
/// secret: base URL, sender, rates, attempts) and its secrets (a JSON object sealed with
/// SecretBox under the server's secrets key; only the server opens it, no answer shows it).
struct NotificationChannelRecord
{
    core::notifications::Channel channel = core::notifications::Channel::Email;
    bool enabled = false;
    QJsonObject settings;
    QByteArray sealedSecrets; ///< empty: none set
    QDateTime updatedAt;
};

/// A server's dispatcher for a channel, as it last said (notify status, the health route).
struct ChannelHealth
{
    core::notifications::Channel channel = core::notifications::Channel::Email;
    QString instance; ///< the server
    bool running = true; ///< false: stopped (disabled, or its server shut down)
    QString breaker = QStringLiteral("closed"); ///< closed, open, half_open
    std::int64_t sent = 0; ///< messages the provider took since the dispatcher started
    std::int64_t failed = 0; ///< attempts that failed since then
    QDateTime lastSentAt;
    QDateTime lastFailedAt;
    QString lastError;
    QDateTime updatedAt; ///< when it last wrote (set by the store)
};

/// A message of the outbox: one notification on one channel.
struct DeliveryRecord
{
    std::int64_t id = 0;
    std::int64_t notificationId = 0;
    std::int64_t userId = 0;
    core::notifications::Channel channel = core::notifications::Channel::InApp;
    QString idempotencyKey; ///< EVENT_KEY:CHANNEL
    core::notifications::OutboxState state = core::notifications::OutboxState::Pending;
    core::notifications::DeliveryStatus status = core::notifications::DeliveryStatus::Queued;
    bool digest = false; ///< waits for the user's digest at dueAt
    int attempts = 0;
    QDateTime dueAt;
    QString claimedBy;
    QString providerId;
    QString lastError;
    QDateTime createdAt;
    QDateTime updatedAt;
};

/// What became of a claimed delivery (finishDelivery): its new state (Sent, Pending again
/// for a retry at `dueAt`, InDoubt, Dead, Skipped), the provider's id and status, the error.
struct DeliveryOutcome
{
    std::int64_t id = 0;
    QString claimer;
    core::notifications::OutboxState state = core::notifications::OutboxState::Sent;
    core::notifications::DeliveryStatus status = core::notifications::DeliveryStatus::Sent;
    QString providerId;
    QString error;
    QDateTime dueAt; ///< for a retry
    QDateTime at;
    bool notAttempted = false; ///< given back unsent (its channel's breaker opened): no attempt
};

/**
 * Notifications: the events that notify users (written with their cause, read as each user's
 * inbox), the outbox of messages planned from them per channel, preferences, critical event
 * types and contacts. Part of Store (store.h); a service that needs only this takes a
 * NotificationStore &.
 *
 * The outbox is shared by every server on the database: a message is sent by the one that
 * claims it (on PostgreSQL with FOR UPDATE SKIP LOCKED, so claims never wait for each other),
 * and an outcome is recorded only while the claim holds.
 */
class NotificationStore
{
public:
    virtual ~NotificationStore() = default;

    /// Writes notifications. The same event written twice is two rows until planned (see
    /// planNotification()).
    virtual Result<void> addNotifications(const QList<NotificationRecord> &notifications) = 0;

    /// A user's inbox, newest first: ids below `before` (0: from the newest), at most
    /// `limit`, only unread ones when asked.
    struct InboxQuery
    {
        std::int64_t userId = 0;
        std::int64_t before = 0;
        int limit = 50;
        bool unreadOnly = false;
    };
    virtual Result<QList<NotificationRecord>> inbox(const InboxQuery &query) = 0;
    virtual Result<std::int64_t> unreadNotifications(std::int64_t userId) = 0;
    /// Marks `userId`'s notification `id` read at `at` (0: all of them): how many were unread.
    /// Another user's notification is left alone (and counts 0).
    virtual Result<std::int64_t> markNotificationsRead(std::int64_t userId, std::int64_t id,
                                                       const QDateTime &at)
        = 0;

    /// The stored preferences of `userId` (0: the defaults), one per event type set.
    virtual Result<QList<NotificationPreferenceRecord>> notificationPreferences(std::int64_t userId)
        = 0;
    /// Every stored preference, the defaults' and every user's (what decides which events
    /// are written at all).
    virtual Result<QList<NotificationPreferenceRecord>> allNotificationPreferences() = 0;
    /// Replaces the preferences of `userId` (0: the defaults) for the event types given; other
    /// types keep theirs.
    virtual Result<void> saveNotificationPreferences(
        std::int64_t userId, const QList<NotificationPreferenceRecord> &preferences)
        = 0;
    virtual Result<QList<core::notifications::EventType>> criticalEventTypes() = 0;
    virtual Result<void> saveCriticalEventTypes(const QList<core::notifications::EventType> &types)
        = 0;
    /// A user's contact; the defaults (English, UTC, no addresses) when none is stored.
    virtual Result<NotificationContact> notificationContact(std::int64_t userId) = 0;
    virtual Result<void> saveNotificationContact(const NotificationContact &contact) = 0;

    /// The channels configured, by channel.
    virtual Result<QList<NotificationChannelRecord>> notificationChannels() = 0;
    /// Stores a channel's configuration whole (updatedAt is set to now).
    virtual Result<void> saveNotificationChannel(const NotificationChannelRecord &channel) = 0;

    /// The notifications of `ids` (those that exist), by id.
    virtual Result<QList<NotificationRecord>> notificationsById(const QList<std::int64_t> &ids) = 0;
    /// Notifications not planned yet, oldest first, at most `limit`.
    virtual Result<QList<NotificationRecord>> unplannedNotifications(int limit) = 0;
    /// Stores the deliveries planned for notification `id` (each once by its idempotency key)
    /// and marks it planned, in one transaction; a notification none of whose deliveries is
    /// stored because another notification holds them (the same event written twice) is
    /// deleted instead.
    Result<void> planNotification(std::int64_t id, const QList<DeliveryRecord> &deliveries)
    {
        return planNotifications({ { id, deliveries } });
    }
    /// planNotification() for several notifications, in one transaction (one commit for a
    /// batch: on SQLite every write transaction waits for the trading writer's, and it for it).
    struct Plan
    {
        std::int64_t notificationId = 0;
        QList<DeliveryRecord> deliveries;
    };
    virtual Result<void> planNotifications(const QList<Plan> &plans) = 0;
    /// Claims for `claimer`, until `until`, at most `limit` pending deliveries due at `now`
    /// (earliest first; on `channels` only, when not empty): they are Sending, one attempt
    /// more, as returned. A digest is claimed whole: every pending delivery of the same user,
    /// channel and due time.
    virtual Result<QList<DeliveryRecord>> claimDeliveries(
        const QString &claimer, const QDateTime &now, const QDateTime &until, int limit,
        const QList<core::notifications::Channel> &channels = {})
        = 0;
    /// Deliveries whose claim ran out by `now` (their dispatcher died or hung mid-send):
    /// pending again on the channels that deduplicate by idempotency key, in doubt on the
    /// others. How many.
    virtual Result<std::int64_t> recoverExpiredClaims(
        const QDateTime &now, const QList<core::notifications::Channel> &deduplicating)
        = 0;
    /// Records what became of a claimed delivery, only while `outcome.claimer` holds it:
    /// whether it did.
    virtual Result<bool> finishDelivery(const DeliveryOutcome &outcome) = 0;
    /// What a provider reports later about the message it knows as `providerId`: the status
    /// moved forward only (core::notifications::advance). Whether a message was found.
    virtual Result<bool> reportDeliveryStatus(core::notifications::Channel channel,
                                              const QString &providerId,
                                              core::notifications::DeliveryStatus status,
                                              const QString &error, const QDateTime &at)
        = 0;

    /// The outbox as admins list it, newest first.
    struct OutboxQuery
    {
        std::optional<core::notifications::OutboxState> state;
        std::optional<core::notifications::Channel> channel;
        std::int64_t notificationId = 0; ///< 0: any
        std::int64_t before = 0;
        int limit = 100;
    };
    virtual Result<QList<DeliveryRecord>> deliveries(const OutboxQuery &query) = 0;
    virtual Result<std::optional<DeliveryRecord>> findDelivery(std::int64_t id) = 0;
    /// A dead or in-doubt delivery sent again (pending at `at`, attempts from zero), or
    /// discarded. Whether it was in one of those states.
    virtual Result<bool> retryDelivery(std::int64_t id, const QDateTime &at) = 0;
    virtual Result<bool> discardDelivery(std::int64_t id, const QDateTime &at) = 0;
    /// Per channel, how many deliveries are pending (due or not), being sent, in doubt, dead.
    struct QueueDepth
    {
        std::int64_t pending = 0;
        std::int64_t sending = 0;
        std::int64_t inDoubt = 0;
        std::int64_t dead = 0;
    };
    virtual Result<QMap<core::notifications::Channel, QueueDepth>> outboxDepths() = 0;
    /// A one-time Telegram link for `userId` (the SHA-256 of its token, hex), until
    /// `expiresAt`; the user's earlier links and every expired one are dropped.
    virtual Result<void> addTelegramLink(const QString &tokenHash, std::int64_t userId,
                                         const QDateTime &expiresAt, const QDateTime &now)
        = 0;
    /// The link of `tokenHash` used from `chatId` at `now`: the link is gone and the user's
    /// Telegram chat is `chatId`, in one transaction. The user, or none (unknown, used or
    /// expired: nothing changes).
    virtual Result<std::optional<std::int64_t>> useTelegramLink(const QString &tokenHash,
                                                                const QString &chatId,
                                                                const QDateTime &now)
        = 0;
    /// A user wrote to the business on WhatsApp from `number` (E.164) at `at`: their 24-hour
    /// window opens. How many contacts have that number.
    virtual Result<std::int64_t> recordWhatsAppInbound(const QString &number, const QDateTime &at)
        = 0;
    /// The message `channel`'s provider knows as `providerId`, taken but reported failed for
    /// a reason another form cures (WhatsApp: free text after the window closed), made pending
    /// again at `at` with its provider id cleared, and its user's WhatsApp window closed, in
    /// one transaction. Whether there was such a sent message.
    virtual Result<bool> resendDelivery(core::notifications::Channel channel,
                                        const QString &providerId, const QDateTime &at)
        = 0;
    /// Replaces what `health.instance` says of `health.channel`.
    virtual Result<void> saveChannelHealth(const ChannelHealth &health) = 0;
    /// Every server's word on every channel, by channel and server.
    virtual Result<QList<ChannelHealth>> channelHealth() = 0;
};

} // namespace qx::server
