// RemoteTradingService's NotificationInbox part: the user's inbox (the latest page, loaded
// with the stream and again after each reconnection), what the stream's notifications channel
// brings, and marking read.
#include "ui/client/remotetradingservice.h"

#include <QJsonArray>
#include <QLoggingCategory>

namespace qx::client {

using core::Result;
namespace protocol = core::protocol;

namespace {

Q_LOGGING_CATEGORY(lcNotifications, "qx.client.notifications")

/// The inbox's page the dock shows.
constexpr int kInboxPage = 200;

} // namespace

void RemoteTradingService::fetchNotifications()
{
    const quint64 session = m_session;
    send(Verb::Get, QStringLiteral("/api/v1/notifications?limit=%1").arg(kInboxPage), {},
         [this, session](const Result<QJsonObject> &reply) {
             if (session != m_session)
                 return;
             if (!reply) {
                 if (!handleUnauthorised(reply.error()))
                     qCWarning(lcNotifications) << "inbox not loaded:" << reply.error().message;
                 return;
             }
             QList<protocol::Notification> list;
             for (const QJsonValue &value : reply->value(u"notifications").toArray()) {
                 // One of a type this build does not know (a newer server's) is left out.
                 if (Result<protocol::Notification> notification
                     = protocol::Notification::fromJson(value.toObject()))
                     list.append(*notification);
             }
             m_notifications = std::move(list);
             Q_EMIT m_notificationPart.inboxReset(m_notifications);
             setUnread(reply->value(u"unread").toInt());
         });
}

void RemoteTradingService::onNotificationMessage(const protocol::StreamMessage &message)
{
    const Result<protocol::Notification> notification
        = protocol::Notification::fromJson(message.body.value(u"notification").toObject());
    if (!notification) {
        qCWarning(lcNotifications) << "unreadable notification:" << notification.error().message;
        return;
    }
    const bool known = std::any_of(m_notifications.cbegin(), m_notifications.cend(),
                                   [&](const auto &held) { return held.id == notification->id; });
    if (known)
        return; // the inbox's reload had it already
    m_notifications.prepend(*notification);
    if (m_notifications.size() > kInboxPage)
        m_notifications.removeLast();
    Q_EMIT m_notificationPart.notificationArrived(*notification);
    if (!notification->readAt.isValid())
        setUnread(m_unread + 1);
}

void RemoteTradingService::markNotificationRead(const QString &id)
{
    send(Verb::Post,
         u"/api/v1/notifications/" + QString::fromLatin1(QUrl::toPercentEncoding(id)) + u"/read",
         {}, [this, id](const Result<QJsonObject> &reply) {
             if (!reply) {
                 if (!handleUnauthorised(reply.error()))
                     Q_EMIT m_notificationPart.requestFailed(reply.error());
                 return;
             }
             for (protocol::Notification &held : m_notifications) {
                 if (held.id == id && !held.readAt.isValid()) {
                     held.readAt = m_clock->nowUtc();
                     Q_EMIT m_notificationPart.notificationChanged(held);
                 }
             }
             setUnread(reply->value(u"unread").toInt());
         });
}

void RemoteTradingService::markAllNotificationsRead()
{
    send(Verb::Post, QStringLiteral("/api/v1/notifications/read-all"), {},
         [this](const Result<QJsonObject> &reply) {
             if (!reply) {
                 if (!handleUnauthorised(reply.error()))
                     Q_EMIT m_notificationPart.requestFailed(reply.error());
                 return;
             }
             const QDateTime now = m_clock->nowUtc();
             for (protocol::Notification &held : m_notifications) {
                 if (!held.readAt.isValid())
                     held.readAt = now;
             }
             Q_EMIT m_notificationPart.inboxReset(m_notifications);
             setUnread(0);
         });
}

void RemoteTradingService::setUnread(int unread)
{
    if (unread == m_unread)
        return;
    m_unread = unread;
    Q_EMIT m_notificationPart.unreadChanged(unread);
}

} // namespace qx::client
