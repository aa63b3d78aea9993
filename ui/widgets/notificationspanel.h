#pragma once

#include "core/protocol/notifications.h"

#include <QDialog>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace qx::client {
class NotificationInbox;
}

namespace qx::models {
class NotificationsModel;
}

namespace qx::widgets {

/**
 * The Notifications dock: the user's inbox, newest first (unread in bold, critical in red),
 * the unread count, and marking read — the selected ones (or a double-click) and all.
 * A notification's details are its tooltip.
 *
 * GUI thread only.
 */
class NotificationsPanel : public QWidget
{
    Q_OBJECT

public:
    NotificationsPanel(client::NotificationInbox *inbox, QWidget *parent = nullptr);

    models::NotificationsModel *model() const { return m_model; }
    QTableView *list() const { return m_list; }
    QLabel *unreadLabel() const { return m_unread; }
    QPushButton *markReadButton() const { return m_markRead; }
    QPushButton *markAllReadButton() const { return m_markAllRead; }

private:
    void markSelectedRead();
    void showUnread(int unread);

    client::NotificationInbox *m_inbox;
    models::NotificationsModel *m_model;
    QTableView *m_list;
    QLabel *m_unread;
    QPushButton *m_markRead;
    QPushButton *m_markAllRead;
};

/**
 * A critical notification (a limit breached, storage unavailable, a stale feed) as a window of
 * its own above the others, which stays until the user acknowledges it: Escape and the
 * window's close button do not dismiss it. Acknowledging marks it read.
 */
class CriticalAlert : public QDialog
{
    Q_OBJECT

public:
    CriticalAlert(client::NotificationInbox *inbox,
                  const core::protocol::Notification &notification, QWidget *parent = nullptr);

    QString notificationId() const { return m_id; }
    QPushButton *acknowledgeButton() const { return m_acknowledge; }

    void reject() override { } // only acknowledging ends it

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    client::NotificationInbox *m_inbox;
    QString m_id;
    QPushButton *m_acknowledge;
    bool m_acknowledged = false;
};

} // namespace qx::widgets
