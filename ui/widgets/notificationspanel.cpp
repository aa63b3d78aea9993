#include "ui/widgets/notificationspanel.h"

#include "ui/client/notificationinbox.h"
#include "ui/models/notificationsmodel.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace qx::widgets {

using models::NotificationsModel;

NotificationsPanel::NotificationsPanel(client::NotificationInbox *inbox, QWidget *parent)
    : QWidget(parent)
    , m_inbox(inbox)
    , m_model(new NotificationsModel(inbox, this))
    , m_list(new QTableView(this))
    , m_unread(new QLabel(this))
    , m_markRead(new QPushButton(tr("Mark &read"), this))
    , m_markAllRead(new QPushButton(tr("Mark &all read"), this))
{
    m_list->setObjectName(QStringLiteral("notificationList"));
    m_list->setAccessibleName(tr("Notifications"));
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setWordWrap(false);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(true);
    m_list->horizontalHeader()->setSectionResizeMode(NotificationsModel::Time,
                                                     QHeaderView::ResizeToContents);
    m_list->horizontalHeader()->setSectionResizeMode(NotificationsModel::Severity,
                                                     QHeaderView::ResizeToContents);
    m_unread->setObjectName(QStringLiteral("notificationUnread"));

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_unread);
    actions->addStretch();
    actions->addWidget(m_markRead);
    actions->addWidget(m_markAllRead);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(actions);
    layout->addWidget(m_list);

    m_markRead->setEnabled(false);
    connect(m_markRead, &QPushButton::clicked, this, &NotificationsPanel::markSelectedRead);
    connect(m_markAllRead, &QPushButton::clicked, this, [this] {
        if (m_inbox)
            m_inbox->markAllRead();
    });
    connect(m_list, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (m_inbox && index.data(NotificationsModel::UnreadRole).toBool())
            m_inbox->markRead(index.data(NotificationsModel::NotificationIdRole).toString());
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        m_markRead->setEnabled(!m_list->selectionModel()->selectedRows().isEmpty());
    });
    if (inbox) {
        connect(inbox, &client::NotificationInbox::unreadChanged, this,
                &NotificationsPanel::showUnread);
        showUnread(inbox->unread());
    }
}

void NotificationsPanel::markSelectedRead()
{
    if (!m_inbox)
        return;
    for (const QModelIndex &row : m_list->selectionModel()->selectedRows()) {
        if (row.data(NotificationsModel::UnreadRole).toBool())
            m_inbox->markRead(row.data(NotificationsModel::NotificationIdRole).toString());
    }
}

void NotificationsPanel::showUnread(int unread)
{
    m_unread->setText(unread == 0 ? tr("All read") : tr("%n unread", nullptr, unread));
    m_markAllRead->setEnabled(unread > 0);
}

CriticalAlert::CriticalAlert(client::NotificationInbox *inbox,
                             const core::protocol::Notification &notification, QWidget *parent)
    : QDialog(parent, Qt::Dialog | Qt::WindowStaysOnTopHint)
    , m_inbox(inbox)
    , m_id(notification.id)
    , m_acknowledge(new QPushButton(tr("&Acknowledge"), this))
{
    setObjectName(QStringLiteral("criticalAlert"));
    setAttribute(Qt::WA_DeleteOnClose);
    setModal(false);
    const core::notifications::Text text = NotificationsModel::textOf(notification);
    setWindowTitle(tr("Critical: %1").arg(text.title));
    auto *title = new QLabel(text.title, this);
    QFont bold = title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.25);
    title->setFont(bold);
    title->setWordWrap(true);
    QStringList lines;
    for (const auto &[label, value] : text.details)
        lines.append(label + u": " + value);
    auto *details = new QLabel(lines.join(u'\n'), this);
    details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(details);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_acknowledge);
    layout->addLayout(buttons);
    m_acknowledge->setDefault(true);
    connect(m_acknowledge, &QPushButton::clicked, this, [this] {
        if (m_inbox)
            m_inbox->markRead(m_id);
        m_acknowledged = true;
        close();
    });
}

void CriticalAlert::closeEvent(QCloseEvent *event)
{
    if (m_acknowledged)
        event->accept();
    else
        event->ignore();
}

} // namespace qx::widgets
