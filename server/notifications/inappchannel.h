#pragma once

#include "server/notifications/channel.h"

#include <functional>

namespace qx::server {

/**
 * The inbox: a notification is in its user's inbox from the moment it is stored; sending it
 * here means pushing it to the user's live sessions (the stream's `notifications` channel),
 * through `publish`, which must be safe to call from the dispatcher's thread. Deduplicates:
 * clients know a notification by its id, so a second push changes nothing.
 */
class InAppChannel final : public NotificationChannel
{
public:
    using Publish = std::function<void(const NotificationRecord &notification)>;
    explicit InAppChannel(Publish publish)
        : m_publish(std::move(publish))
    { }

    core::notifications::Channel channel() const override
    {
        return core::notifications::Channel::InApp;
    }
    bool deduplicates() const override { return true; }
    SendResult send(const OutgoingMessage &message) override
    {
        for (const NotificationRecord &notification : message.notifications)
            m_publish(notification);
        return {
            SendResult::Outcome::Accepted, QStringLiteral("inapp:") + message.idempotencyKey, {}, {}
        };
    }

private:
    Publish m_publish;
};

} // namespace qx::server
