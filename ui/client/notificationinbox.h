#pragma once

#include "core/protocol/notifications.h"
#include "core/result.h"

#include <QList>
#include <QObject>

namespace qx::client {

/**
 * The notifications part of a trading client: the user's inbox as the server keeps it (the
 * latest page, newest first), what arrives live on the stream's notifications channel, and
 * marking read. The Notifications dock and the tray take this. Plain values only.
 *
 * GUI thread only; every action returns at once and its outcome arrives as a signal.
 */
class NotificationInbox : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// The notifications as last known, newest first.
    virtual QList<core::protocol::Notification> notifications() const = 0;
    /// How many of all the user's notifications are unread (the server's count).
    virtual int unread() const = 0;
    /// Outcome: notificationChanged() and unreadChanged(), or requestFailed().
    virtual void markRead(const QString &id) = 0;
    /// Outcome: inboxReset() and unreadChanged(0), or requestFailed().
    virtual void markAllRead() = 0;

Q_SIGNALS:
    /// The inbox was (re)loaded; replaces everything known before.
    void inboxReset(const QList<qx::core::protocol::Notification> &notifications);
    /// One came on the stream (it is first in notifications() now).
    void notificationArrived(const qx::core::protocol::Notification &notification);
    /// One was marked read; match it by id.
    void notificationChanged(const qx::core::protocol::Notification &notification);
    void unreadChanged(int unread);
    void requestFailed(const qx::core::Error &error);
};

} // namespace qx::client
