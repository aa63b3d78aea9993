#pragma once

#include "core/notifications/templates.h"
#include "ui/client/notificationinbox.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace qx::models {

/**
 * The Notifications list: the user's inbox, newest first, each written out in the desktop's
 * language on the local clock (core::notifications::Templates with the desktop's
 * translations), unread ones in bold, critical ones in the loss colour and warnings in the
 * warning colour. Kept in step with the NotificationInbox.
 *
 * GUI thread only.
 */
class NotificationsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Severity, Message, ColumnCount };
    enum Role {
        NotificationIdRole = Qt::UserRole + 1,
        UnreadRole, ///< bool
        SeverityRole, ///< "info", "warning", "critical"
    };

    explicit NotificationsModel(client::NotificationInbox *inbox, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    /// Qt's, "notificationId", "unread", "severity".
    QHash<int, QByteArray> roleNames() const override;

    core::protocol::Notification notification(int row) const { return m_rows.value(row); }
    /// A notification written out as the list shows it: the title and its labelled details.
    core::notifications::Text text(const core::protocol::Notification &notification) const;
    /// The same, with templates made for the one call (a tray message, an alert).
    static core::notifications::Text textOf(const core::protocol::Notification &notification);
    static QString severityText(core::notifications::Severity severity);

private:
    void reset(const QList<core::protocol::Notification> &notifications);
    void change(const core::protocol::Notification &notification);

    /// The desktop's language (its translators as the model was made) and the local clock:
    /// made once, not for every cell painted.
    core::notifications::Templates m_templates;
    QPointer<client::NotificationInbox> m_inbox;
    QList<core::protocol::Notification> m_rows; ///< newest first
};

} // namespace qx::models
