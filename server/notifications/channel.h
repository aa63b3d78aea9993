#pragma once

#include "server/storage/notificationstore.h"

#include <chrono>

namespace qx::server {

/// One message for a channel to send: a notification, or a digest of several, for one user.
struct OutgoingMessage
{
    core::notifications::Channel channel = core::notifications::Channel::InApp;
    /// The delivery's (EVENT_KEY:CHANNEL), or a digest's (digest:USER:CHANNEL:DUE_MS): the
    /// same for every attempt, so a provider that deduplicates by it sends it once.
    QString idempotencyKey;
    QString address; ///< where on the channel (addressOf())
    NotificationContact contact;
    QList<NotificationRecord> notifications; ///< one, or a digest's, oldest first
    int attempt = 1;
};

/// What a provider made of a message.
struct SendResult
{
    enum class Outcome {
        Accepted, ///< taken: `providerId` names it for later reports
        Retry, ///< refused for now (down, throttled, 5xx): surely not taken, send again later
        Rejected, ///< refused for good (invalid number, unsubscribed): a dead letter at once
        Unknown, ///< no answer after the message went out: perhaps taken
    };
    Outcome outcome = Outcome::Accepted;
    QString providerId;
    QString error;
    std::chrono::milliseconds retryAfter { 0 }; ///< what the provider asked to wait, if it did
};

/**
 * A way of reaching users: the inbox, email, SMS, Telegram, WhatsApp. One small class each;
 * the dispatcher owns one per thread and calls send() there, one message at a time (it may
 * block up to its own time limit).
 */
class NotificationChannel
{
public:
    virtual ~NotificationChannel() = default;
    virtual core::notifications::Channel channel() const = 0;
    /// Whether the provider takes a message with an idempotency key it has seen as the same
    /// message (so a send whose outcome is unknown may be sent again): else such a message is
    /// left in doubt rather than risk a second copy.
    virtual bool deduplicates() const = 0;
    virtual SendResult send(const OutgoingMessage &message) = 0;
};

} // namespace qx::server
