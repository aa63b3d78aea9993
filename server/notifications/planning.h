#pragma once

#include "core/notifications/templates.h"
#include "core/protocol/notifications.h"
#include "server/storage/notificationstore.h"

#include <QHash>

namespace qx::server {

/**
 * Which preference applies to whom, and what is sent for a notification: the pure part of the
 * dispatcher, kept apart so it can be tested without threads or providers.
 */

/// What applies where neither the user nor an admin chose: every event in the inbox, and the
/// gravest (a limit breach, storage unavailable, a stale feed) by email as well.
NotificationPreferenceRecord builtInPreference(core::notifications::EventType type);

/**
 * Preferences as they apply: a user's own for an event type where set, else the defaults an
 * admin set (user 0), else builtInPreference(). Plain value; the server keeps one on its main
 * thread for OrderService's filter (which events are written at all) and reads them again
 * when the configuration version moves.
 */
class PreferenceSet
{
public:
    PreferenceSet() = default;
    explicit PreferenceSet(const QList<NotificationPreferenceRecord> &records);

    /// Replaces `userId`'s preferences for the event types in `records` (0: the defaults).
    void set(const QList<NotificationPreferenceRecord> &records);
    NotificationPreferenceRecord effective(std::int64_t userId,
                                           core::notifications::EventType type) const;
    /// Whether `userId` is told of `type` on any channel.
    bool wants(std::int64_t userId, core::notifications::EventType type) const
    {
        return !effective(userId, type).channels.isEmpty();
    }

private:
    static quint64 key(std::int64_t userId, core::notifications::EventType type)
    {
        return (quint64(userId) << 8) | quint64(type);
    }
    QHash<quint64, NotificationPreferenceRecord> m_records;
};

/// An admin's test message (EventType::Test) goes to the channels its facts name
/// ("channels": ["email", ...]), at once whatever the user's quiet hours or digest.
NotificationPreferenceRecord testPreference(const NotificationRecord &notification);

/// The user's clock: their contact's time zone, UTC when it names none this system knows.
QTimeZone zoneOf(const NotificationContact &contact);

/// The preference as core::notifications::decide() reads it, on the user's clock.
core::notifications::Preference preferenceOf(const NotificationPreferenceRecord &record,
                                             const QTimeZone &zone);

/// The address `contact` has on `channel` (empty: none; the inbox needs none).
QString addressOf(const NotificationContact &contact, core::notifications::Channel channel);

/// The messages to send for `notification` at `now`: one per channel its decision names, due
/// when it says (marked as a digest when it waits for one), each under the idempotency key
/// EVENT_KEY:CHANNEL; a channel the user has no address on is planned as skipped, so the
/// outbox says why nothing went there. None when the user is not to be told.
QList<DeliveryRecord> planDeliveries(const NotificationRecord &notification,
                                     const NotificationPreferenceRecord &preference,
                                     bool markedCritical, const NotificationContact &contact,
                                     const QDateTime &now);

/// What a stored notification says, for core::notifications::Templates.
core::notifications::Content contentOf(const NotificationRecord &record);
/// The gravest severity among `notifications` (a digest's).
core::notifications::Severity severityOf(const QList<NotificationRecord> &notifications);
/// One notification's text, or a digest's for several.
core::notifications::Text textOf(const core::notifications::Templates &templates,
                                 const QList<NotificationRecord> &notifications);

/// A stored notification as the API carries it (the inbox, the stream).
core::protocol::Notification toProtocol(const NotificationRecord &record);

} // namespace qx::server
