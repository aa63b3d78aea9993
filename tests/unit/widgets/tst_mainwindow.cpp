#include "faketradingservice.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/ordersmodel.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>

using qx::core::protocol::OrderStatus;
using qx::core::protocol::Side;
using qx::test::FakeTradingService;
using qx::widgets::MainWindow;
using qx::widgets::OrdersModel;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsConnectionAndUser();
    void cancelsTheSelectedLiveOrder();
    void showsNewestOrdersFirst();
    void reportsRejectedCancels();
};

void TestMainWindow::initTestCase()
{
    // QSettings (window layout) then goes to a throw-away location, not the user's.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QuantEnergxTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
}

void TestMainWindow::showsConnectionAndUser()
{
    FakeTradingService service;
    service.setConnectionState(FakeTradingService::ConnectionState::Connecting);
    MainWindow window(&service);
    auto *connection = window.findChild<QLabel *>(QStringLiteral("connectionLabel"));
    auto *identity = window.findChild<QLabel *>(QStringLiteral("identityLabel"));
    QVERIFY(connection->text().contains(u"Connecting"));
    service.setConnectionState(FakeTradingService::ConnectionState::Connected);
    QVERIFY(connection->text().contains(u"Connected"));
    service.setConnectionState(FakeTradingService::ConnectionState::Reconnecting);
    QVERIFY(connection->text().contains(u"Reconnecting"));
    QVERIFY(identity->text().isEmpty());
    service.setIdentity(QStringLiteral("alice"), QStringLiteral("trader"));
    QCOMPARE(identity->text(), u"alice (trader)");
    QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("orderTicketDock")));
}

void TestMainWindow::cancelsTheSelectedLiveOrder()
{
    FakeTradingService service;
    const QString symbol = QStringLiteral("DE.BASE.M.2027-03");
    service.resetOrders(
        { FakeTradingService::order(QStringLiteral("live"), symbol, Side::Buy, QStringLiteral("1"),
                                    QStringLiteral("1")),
          FakeTradingService::order(QStringLiteral("done"), symbol, Side::Buy, QStringLiteral("1"),
                                    QStringLiteral("1"), OrderStatus::Cancelled) });
    MainWindow window(&service);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTableView *blotter = window.blotter();
    QVERIFY(!window.cancelAction()->isEnabled());

    const auto selectOrder = [&](const QString &id) {
        for (int row = 0; row < blotter->model()->rowCount(); ++row) {
            const QModelIndex index = blotter->model()->index(row, OrdersModel::OrderId);
            if (index.data().toString() == id) {
                blotter->selectRow(row);
                return;
            }
        }
        QFAIL("order not in the blotter");
    };
    selectOrder(QStringLiteral("done"));
    QVERIFY(!window.cancelAction()->isEnabled());
    selectOrder(QStringLiteral("live"));
    QVERIFY(window.cancelAction()->isEnabled());

    blotter->setFocus();
    QTest::keyClick(blotter, Qt::Key_Delete);
    QCOMPARE(service.cancelled, QStringList { QStringLiteral("live") });
    QVERIFY(blotter->actions().contains(window.cancelAction())); // the context menu

    // Once the server confirms, the order can no longer be cancelled.
    service.pushOrder(FakeTradingService::order(QStringLiteral("live"), symbol, Side::Buy,
                                                QStringLiteral("1"), QStringLiteral("1"),
                                                OrderStatus::Cancelled));
    QVERIFY(!window.cancelAction()->isEnabled());
}

void TestMainWindow::showsNewestOrdersFirst()
{
    FakeTradingService service;
    MainWindow window(&service);
    const QString symbol = QStringLiteral("DE.BASE.M.2027-03");
    const QDateTime base(QDate(2027, 1, 4), QTime(9, 0), Qt::UTC);
    service.pushOrder(FakeTradingService::order(QStringLiteral("old"), symbol, Side::Buy,
                                                QStringLiteral("1"), QStringLiteral("1"),
                                                OrderStatus::Open, base));
    service.pushOrder(FakeTradingService::order(QStringLiteral("new"), symbol, Side::Buy,
                                                QStringLiteral("1"), QStringLiteral("1"),
                                                OrderStatus::Open, base.addSecs(5)));
    QCOMPARE(window.blotter()->model()->index(0, OrdersModel::OrderId).data().toString(), u"new");
}

void TestMainWindow::reportsRejectedCancels()
{
    FakeTradingService service;
    MainWindow window(&service);
    Q_EMIT service.cancelRejected(
        QStringLiteral("o-1"),
        { QStringLiteral("order_not_live"), QStringLiteral("The order is already cancelled.") });
    QVERIFY(window.statusBar()->currentMessage().contains(u"already cancelled"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
