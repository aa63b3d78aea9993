#include "ui/models/notificationsmodel.h"

#include "ui/models/tone.h"

#include <QCoreApplication>
#include <QFont>
#include <QLocale>
#include <QTimeZone>

namespace qx::models {

namespace protocol = core::protocol;
namespace notifications = core::notifications;

namespace {

/// Templates in the desktop's language (its installed translators) on the computer's clock.
notifications::Templates desktopTemplates()
{
    return notifications::Templates(
        [](const char *source, int n) {
            return QCoreApplication::translate(notifications::kTemplateContext, source, nullptr, n);
        },
        QLocale(), QTimeZone::systemTimeZone());
}

notifications::Content contentOf(const protocol::Notification &notification)
{
    return { notification.type, notification.severity, notification.facts, notification.createdAt };
}

} // namespace

NotificationsModel::NotificationsModel(client::NotificationInbox *inbox, QObject *parent)
    : QAbstractTableModel(parent)
    , m_templates(desktopTemplates())
    , m_inbox(inbox)
{
    if (!inbox)
        return;
    m_rows = inbox->notifications();
    connect(inbox, &client::NotificationInbox::inboxReset, this, &NotificationsModel::reset);
    connect(inbox, &client::NotificationInbox::notificationChanged, this,
            &NotificationsModel::change);
    connect(inbox, &client::NotificationInbox::notificationArrived, this,
            [this](const protocol::Notification &notification) {
                beginInsertRows({}, 0, 0);
                m_rows.prepend(notification);
                endInsertRows();
            });
}

notifications::Text NotificationsModel::text(const protocol::Notification &notification) const
{
    return m_templates.text(contentOf(notification));
}

notifications::Text NotificationsModel::textOf(const protocol::Notification &notification)
{
    return desktopTemplates().text(contentOf(notification));
}

QString NotificationsModel::severityText(notifications::Severity severity)
{
    switch (severity) {
    case notifications::Severity::Info:
        return tr("Info");
    case notifications::Severity::Warning:
        return tr("Warning");
    case notifications::Severity::Critical:
        return tr("Critical");
    }
    return {};
}

void NotificationsModel::reset(const QList<protocol::Notification> &notifications)
{
    beginResetModel();
    m_rows = notifications;
    endResetModel();
}

void NotificationsModel::change(const protocol::Notification &notification)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].id == notification.id) {
            m_rows[row] = notification;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
}

int NotificationsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int NotificationsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NotificationsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const protocol::Notification &notification = m_rows.at(index.row());
    const bool unread = !notification.readAt.isValid();
    switch (role) {
    case NotificationIdRole:
        return notification.id;
    case UnreadRole:
        return unread;
    case SeverityRole:
        return notifications::toString(notification.severity);
    case Qt::FontRole: {
        if (!unread)
            return {};
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    case Qt::ForegroundRole:
        if (notification.severity == notifications::Severity::Critical)
            return toneColour(Tone::Loss);
        if (notification.severity == notifications::Severity::Warning && index.column() == Severity)
            return toneColour(Tone::Warning);
        return {};
    case Qt::ToolTipRole: {
        const notifications::Text written = text(notification);
        QStringList lines { written.title };
        for (const auto &[label, value] : written.details)
            lines.append(label + u": " + value);
        return lines.join(u'\n');
    }
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return QLocale().toString(notification.createdAt.toLocalTime(), QLocale::ShortFormat);
        case Severity:
            return severityText(notification.severity);
        case Message:
            return text(notification).title;
        }
        return {};
    default:
        return {};
    }
}

QVariant NotificationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Severity:
        return tr("Severity");
    case Message:
        return tr("Notification");
    }
    return {};
}

QHash<int, QByteArray> NotificationsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(NotificationIdRole, "notificationId");
    names.insert(UnreadRole, "unread");
    names.insert(SeverityRole, "severity");
    return names;
}

} // namespace qx::models
