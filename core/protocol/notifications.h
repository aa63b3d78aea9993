#pragma once

#include "core/notifications/policy.h"
#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTime>

#include <optional>

/**
 * Notifications as the API carries them: the inbox (GET /api/v1/notifications, and the
 * stream's "notifications" channel as they come) and a user's settings (GET and PUT
 * /api/v1/notifications/preferences): per event type the channels, least severity, quiet
 * hours and digest, and how to reach them.
 */
namespace qx::core::protocol {

/// A notification in its user's inbox. `facts` are what happened (symbol, side, quantity,
/// price, reason, ...), by event type; the text a person reads is made from them in their
/// language.
struct Notification
{
    QString id;
    notifications::EventType type = notifications::EventType::OrderFilled;
    notifications::Severity severity = notifications::Severity::Info;
    QJsonObject facts;
    QDateTime createdAt;
    QDateTime readAt; ///< invalid: unread

    /// Refuses an unknown type or severity (a newer server's): the caller skips it.
    static Result<Notification> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
    bool operator==(const Notification &) const = default;
};

/// A user's choice for one event type. Answers also say where it comes from ("user": their
/// own; "default": an admin's; "built_in") and whether admins made the type critical (it
/// then bypasses quiet hours and digests).
struct NotificationPreference
{
    notifications::EventType type = notifications::EventType::OrderFilled;
    QList<notifications::Channel> channels;
    notifications::Severity minimum = notifications::Severity::Info;
    QTime quietStart; ///< both or neither
    QTime quietEnd;
    int digestMinutes = 0; ///< 0: none; else 5 to 1,440
    QString source; ///< answers only
    bool critical = false; ///< answers only

    static Result<NotificationPreference> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
    bool operator==(const NotificationPreference &) const = default;
};

/// GET /api/v1/notifications/preferences answers every event type and the user's contact;
/// PUT takes any part of it: the event types given (the others keep theirs) and the contact
/// fields given.
struct NotificationSettings
{
    QList<NotificationPreference> preferences;
    std::optional<QString> language; ///< en, de or fr
    std::optional<QString> timeZone; ///< IANA, e.g. Europe/Berlin
    std::optional<QString> email;
    std::optional<QString> phone; ///< E.164, for SMS ("" to remove)
    std::optional<QString> whatsapp; ///< E.164 ("" to remove)
    bool telegramLinked = false; ///< answers only: a chat is bound through the link

    static Result<NotificationSettings> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
    bool operator==(const NotificationSettings &) const = default;
};

} // namespace qx::core::protocol
