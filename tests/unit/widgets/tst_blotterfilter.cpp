// Narrowing a blotter: by text in any column (without case), by side, to live orders, from a
// day on; every change applies at once, sorting is kept, and the main window's filter field
// narrows what the trader sees.
#include "faketradingservice.h"
#include "ui/models/ordersmodel.h"
#include "ui/models/tradesmodel.h"
#include "ui/widgets/blotterfilter.h"
#include "ui/widgets/mainwindow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QTableView>
#include <QTest>

using qx::core::protocol::OrderStatus;
using qx::core::protocol::Side;
using qx::models::OrdersModel;
using qx::models::TradesModel;
using qx::test::FakeTradingService;
using qx::widgets::BlotterFilterBar;
using qx::widgets::BlotterFilterModel;
using qx::widgets::MainWindow;
using namespace Qt::StringLiterals;

class TestBlotterFilter : public QObject
{
    Q_OBJECT

private:
    static QStringList ids(const QAbstractItemModel &model, int column)
    {
        QStringList list;
        for (int row = 0; row < model.rowCount(); ++row)
            list.append(model.index(row, column).data().toString());
        return list;
    }

private Q_SLOTS:
    void ordersNarrowByTextSideStateAndDay()
    {
        FakeTradingService service;
        service.setInstruments({ FakeTradingService::power(), FakeTradingService::gas() });
        const QString power = FakeTradingService::power().symbol;
        const QString gas = FakeTradingService::gas().symbol;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        qx::core::protocol::Order hedge = FakeTradingService::order(
            u"3"_s, gas, Side::Sell, u"5"_s, u"3.1"_s, OrderStatus::Filled, now.addDays(-3));
        hedge.clientOrderId = u"Winter hedge"_s;
        service.resetOrders({ FakeTradingService::order(u"1"_s, power, Side::Buy, u"1"_s, u"40"_s,
                                                        OrderStatus::Open, now.addSecs(-60)),
                              FakeTradingService::order(u"2"_s, power, Side::Sell, u"2"_s, u"41"_s,
                                                        OrderStatus::Cancelled, now.addSecs(-30)),
                              hedge });
        OrdersModel model(&service.marketData(), &service.orderEntry());
        BlotterFilterModel filter({ OrdersModel::Time,
                                    OrdersModel::Side,
                                    int(OrdersModel::IsLiveRole),
                                    { OrdersModel::Quantity, OrdersModel::Price } },
                                  OrdersModel::SortRole);
        filter.setSourceModel(&model);
        filter.sort(OrdersModel::Time, Qt::DescendingOrder);
        QCOMPARE(ids(filter, OrdersModel::OrderId), QStringList({ u"2"_s, u"1"_s, u"3"_s }));

        BlotterFilterBar bar(&filter, true);
        QTest::keyClicks(bar.searchField(), u"HEDGE"_s); // any column, any case
        QCOMPARE(ids(filter, OrdersModel::OrderId), QStringList({ u"3"_s }));
        bar.searchField()->clear();
        QTest::keyClicks(bar.searchField(), power.left(7));
        QCOMPARE(ids(filter, OrdersModel::OrderId), QStringList({ u"2"_s, u"1"_s }));
        bar.searchField()->clear();
        // A number is looked for in the prices and quantities too; a time in the time.
        QTest::keyClicks(bar.searchField(), u"41.0"_s);
        QCOMPARE(ids(filter, OrdersModel::OrderId), QStringList({ u"2"_s }));
        bar.searchField()->clear();
        const QString time
            = now.addSecs(-60).toLocalTime().toString(u"HH:mm:ss"); // order 1's, as shown
        QTest::keyClicks(bar.searchField(), time);
        QVERIFY(ids(filter, OrdersModel::OrderId).contains(u"1"_s));
        bar.searchField()->clear();

        bar.sideBox()->setCurrentIndex(2); // sell
        QCOMPARE(ids(filter, OrdersModel::OrderId), QStringList({ u"2"_s, u"3"_s }));
        bar.sideBox()->setCurrentIndex(0);
        bar.liveOnlyBox()->setChecked(true);
        QCOMPARE(ids(filter, OrdersModel::OrderId), QStringList({ u"1"_s }));
        bar.liveOnlyBox()->setChecked(false);
        bar.periodBox()->setCurrentIndex(1); // today
        QVERIFY(!ids(filter, OrdersModel::OrderId).contains(u"3"_s));
        bar.periodBox()->setCurrentIndex(2); // the last seven days
        QCOMPARE(filter.rowCount(), 3);

        // A new order that matches the filter appears in place; one that does not, not.
        bar.sideBox()->setCurrentIndex(1); // buy
        service.pushOrder(FakeTradingService::order(u"4"_s, power, Side::Buy, u"1"_s, u"39"_s,
                                                    OrderStatus::Open, now));
        service.pushOrder(FakeTradingService::order(u"5"_s, power, Side::Sell, u"1"_s, u"45"_s,
                                                    OrderStatus::Open, now));
        model.flush();
        QCOMPARE(ids(filter, OrdersModel::OrderId), QStringList({ u"4"_s, u"1"_s }));
        QVERIFY(!BlotterFilterBar(&filter, false).liveOnlyBox()); // fills have no state
    }

    void theMainWindowsFieldsNarrowItsBlotters()
    {
        FakeTradingService service;
        service.setInstruments({ FakeTradingService::power() });
        const QString power = FakeTradingService::power().symbol;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        MainWindow window(&service);
        service.pushTrade(
            FakeTradingService::trade(u"7"_s, power, Side::Buy, u"1"_s, u"40"_s, now.addSecs(-5)));
        service.pushTrade(
            FakeTradingService::trade(u"8"_s, power, Side::Sell, u"2"_s, u"41"_s, now));
        auto *fillsBar = window.findChild<BlotterFilterBar *>(u"fillsFilter"_s);
        QVERIFY(fillsBar && window.findChild<BlotterFilterBar *>(u"ordersFilter"_s));
        QTRY_COMPARE(window.fillsBlotter()->model()->rowCount(), 2);
        fillsBar->sideBox()->setCurrentIndex(1); // buy
        QCOMPARE(ids(*window.fillsBlotter()->model(), TradesModel::TradeId),
                 QStringList({ u"7"_s }));
    }
};

QTEST_MAIN(TestBlotterFilter)
#include "tst_blotterfilter.moc"
