// The Notifications dock and the main window's part of it, against a hand-driven inbox: the
// inbox newest first with unread in bold and the critical one in red, marking read the
// selected ones (or with a double-click) and all, the unread badge and the dock's title
// following the count, a live notification arriving on top, and a critical one opening an
// alert that Escape and the close button do not dismiss — only acknowledging, which marks it
// read.
#include "faketradingservice.h"
#include "ui/models/notificationsmodel.h"
#include "ui/models/tone.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/notificationspanel.h"

#include <QDockWidget>
#include <QFont>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using qx::core::protocol::Notification;
using qx::models::NotificationsModel;
using qx::test::FakeTradingService;
using qx::widgets::CriticalAlert;
using qx::widgets::MainWindow;
using qx::widgets::NotificationsPanel;
using namespace qx::core::notifications;
using namespace Qt::StringLiterals;

namespace {

Notification fill(const QString &id, bool read)
{
    Notification notification;
    notification.id = id;
    notification.type = EventType::OrderFilled;
    notification.severity = Severity::Info;
    notification.facts = { { u"symbol"_s, u"DE.BASE.M.2027-03"_s },
                           { u"side"_s, u"buy"_s },
                           { u"quantity"_s, u"5"_s },
                           { u"filled_quantity"_s, u"5"_s },
                           { u"average_price"_s, u"81.5"_s } };
    notification.createdAt = QDateTime(QDate(2026, 12, 8), QTime(9, 30), QTimeZone::utc());
    if (read)
        notification.readAt = notification.createdAt.addSecs(60);
    return notification;
}

Notification breach(const QString &id)
{
    Notification notification;
    notification.id = id;
    notification.type = EventType::LimitBreach;
    notification.severity = Severity::Critical;
    notification.facts = { { u"limit"_s, u"DE power position"_s } };
    notification.createdAt = QDateTime::currentDateTimeUtc();
    return notification;
}

} // namespace

class tst_NotificationsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theInboxShowsUnreadInBoldAndMarksRead()
    {
        FakeTradingService service;
        auto &inbox = service.fakeNotifications();
        inbox.list = { fill(u"12"_s, false), fill(u"11"_s, true) };
        inbox.unreadCount = 1;
        NotificationsPanel panel(&inbox);
        NotificationsModel *model = panel.model();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(0, NotificationsModel::Message).data().toString(),
                 u"Bought 5 DE.BASE.M.2027-03 at 81.5"_s);
        QVERIFY(model->index(0, 0).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!model->index(1, 0).data(Qt::FontRole).isValid());
        QVERIFY(model->index(0, NotificationsModel::Message)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"Average price: 81.5"));
        QCOMPARE(panel.unreadLabel()->text(), u"1 unread"_s);

        QVERIFY(!panel.markReadButton()->isEnabled());
        panel.list()->selectRow(1); // read already: nothing to send
        panel.markReadButton()->click();
        QVERIFY(inbox.markedRead.isEmpty());
        panel.list()->selectRow(0);
        panel.markReadButton()->click();
        QCOMPARE(inbox.markedRead, QStringList { u"12"_s });
        panel.markAllReadButton()->click();
        QCOMPARE(inbox.allMarked, 1);

        Notification read = fill(u"12"_s, true);
        Q_EMIT inbox.notificationChanged(read);
        Q_EMIT inbox.unreadChanged(0);
        QVERIFY(!model->index(0, 0).data(Qt::FontRole).isValid());
        QCOMPARE(panel.unreadLabel()->text(), u"All read"_s);
        QVERIFY(!panel.markAllReadButton()->isEnabled());
    }

    void theWindowCountsUnreadAndACriticalAlertStaysUntilAcknowledged()
    {
        FakeTradingService service;
        auto &inbox = service.fakeNotifications();
        MainWindow window(&service);
        window.show();
        QVERIFY(!window.unreadBadge()->isVisible());

        inbox.list.prepend(fill(u"20"_s, false));
        Q_EMIT inbox.notificationArrived(inbox.list.first());
        inbox.unreadCount = 1;
        Q_EMIT inbox.unreadChanged(1);
        QCOMPARE(window.notifications()->model()->rowCount(), 1);
        QCOMPARE(window.unreadBadge()->text(), u"1 unread"_s);
        QVERIFY(window.unreadBadge()->isVisible());
        auto *dock = window.findChild<QDockWidget *>(u"notificationsDock"_s);
        QVERIFY(dock);
        QCOMPARE(dock->windowTitle(), u"Notifications (1)"_s);
        QVERIFY(!window.findChild<CriticalAlert *>()); // a fill is no alarm

        const Notification critical = breach(u"21"_s);
        inbox.list.prepend(critical);
        Q_EMIT inbox.notificationArrived(critical);
        CriticalAlert *alert = window.findChild<CriticalAlert *>();
        QVERIFY(alert);
        QVERIFY(alert->isVisible());
        QVERIFY(alert->windowTitle().contains(u"DE power position limit breached"));
        QCOMPARE(
            window.notifications()->model()->index(0, 2).data(Qt::ForegroundRole).value<QColor>(),
            qx::models::toneColour(qx::models::Tone::Loss)); // in red, on top
        QTest::keyClick(alert, Qt::Key_Escape);
        alert->close();
        QVERIFY(alert->isVisible());
        QVERIFY(inbox.markedRead.isEmpty());
        QPointer<CriticalAlert> gone(alert);
        alert->acknowledgeButton()->click();
        QCOMPARE(inbox.markedRead, QStringList { u"21"_s });
        QTRY_VERIFY(gone.isNull()); // closed, and deleted
    }
};

QTEST_MAIN(tst_NotificationsPanel)
#include "tst_notificationspanel.moc"
