// Blotters exported to CSV as a spreadsheet or a back office reads them: a header of column
// titles, rows in the view's order, exact decimals at the instrument's precision without
// grouping, times in ISO 8601 UTC, sides and states as the API names them, awkward client
// ids quoted; written whole through the main window, and a write that fails says so.
#include "faketradingservice.h"
#include "ui/models/ordersmodel.h"
#include "ui/models/tradesmodel.h"
#include "ui/widgets/csvexport.h"
#include "ui/widgets/mainwindow.h"

#include <QFile>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using qx::core::protocol::OrderStatus;
using qx::core::protocol::Side;
using qx::models::OrdersModel;
using qx::models::TradesModel;
using qx::test::FakeTradingService;
using qx::widgets::csvText;
using qx::widgets::MainWindow;
using namespace Qt::StringLiterals;

class TestCsvExport : public QObject
{
    Q_OBJECT

private:
    static QDateTime at(int second)
    {
        return QDateTime(QDate(2027, 1, 4), QTime(9, 0), Qt::UTC).addSecs(second);
    }
    static QStringList linesOf(const QAbstractItemModel &model)
    {
        QString text = QString::fromUtf8(csvText(model));
        if (!text.endsWith(u"\r\n"))
            return {};
        text.chop(2);
        return text.split(u"\r\n"_s);
    }

private Q_SLOTS:
    void ordersAreWrittenExactlyInTheViewsOrder()
    {
        QLocale::setDefault(QLocale(QLocale::German)); // the screen's "1.062,50" stays there
        FakeTradingService service;
        service.setInstruments({ FakeTradingService::power() });
        const QString power = FakeTradingService::power().symbol;
        qx::core::protocol::Order awkward = FakeTradingService::order(
            u"7"_s, power, Side::Sell, u"1062"_s, u"-3.5"_s, OrderStatus::PartiallyFilled, at(2));
        awkward.clientOrderId = u"desk 1, \"hedge\""_s;
        service.resetOrders({ FakeTradingService::order(u"6"_s, power, Side::Buy, u"25"_s,
                                                        u"42.5"_s, OrderStatus::Open, at(1)),
                              awkward });
        OrdersModel model(&service.marketData(), &service.orderEntry());
        QSortFilterProxyModel newestFirst;
        newestFirst.setSourceModel(&model);
        newestFirst.setSortRole(OrdersModel::SortRole);
        newestFirst.sort(OrdersModel::Time, Qt::DescendingOrder);

        const QStringList lines = linesOf(newestFirst);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[0].startsWith(u"Time,Order ID,Client ID,Symbol,Side,Quantity,Price"));
        QCOMPARE(lines[1],
                 u"2027-01-04T09:00:02.000Z,7,\"desk 1, \"\"hedge\"\"\",%1,sell,1062,-3.50,0,,"
                 u"partially_filled"_s.arg(power));
        QVERIFY(lines[2].startsWith(u"2027-01-04T09:00:01.000Z,6,"));
        QVERIFY(lines[2].contains(u",buy,25,42.50,"));
        QLocale::setDefault(QLocale::c());
    }

    void fillsAreWrittenWithTheirLiquidity()
    {
        FakeTradingService service;
        service.setInstruments({ FakeTradingService::gas() });
        service.pushTrade(FakeTradingService::trade(u"3"_s, FakeTradingService::gas().symbol,
                                                    Side::Buy, u"2.5"_s, u"3.1"_s, at(3), false));
        TradesModel model(&service.marketData(), &service.orderEntry());
        const QStringList lines = linesOf(model);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0],
                 u"Time,Trade ID,Symbol,Side,Quantity,Price,Liquidity,Order ID,Client ID"_s);
        QCOMPARE(lines[1],
                 u"2027-01-04T09:00:03.000Z,3,%1,buy,2.5,3.100,maker,o3,c3"_s.arg(
                     FakeTradingService::gas().symbol));
    }

    void theMainWindowWritesTheFileWholeOrSaysWhyNot()
    {
        FakeTradingService service;
        service.setInstruments({ FakeTradingService::power() });
        service.pushTrade(FakeTradingService::trade(u"1"_s, FakeTradingService::power().symbol,
                                                    Side::Sell, u"5"_s, u"40"_s, at(1)));
        MainWindow window(&service);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"fills.csv"_s);
        QSignalSpy finished(&window, &MainWindow::exportFinished);
        // Written on a worker: the call returns before the file is there.
        window.exportTo(*window.fillsBlotter()->model(), path);
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY2(finished.first().first().toString().contains(u"1 row"),
                 qPrintable(finished.first().first().toString()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count("\r\n"), 2);

        window.exportTo(*window.fillsBlotter()->model(), dir.filePath(u"no/such/dir.csv"_s));
        QTRY_COMPARE(finished.size(), 2);
        const QString refused = finished.last().first().toString();
        QVERIFY2(refused.startsWith(u"Cannot write"), qPrintable(refused));
        QVERIFY(!QFile::exists(dir.filePath(u"no/such/dir.csv"_s)));

        // An export that finishes after its window closed harms nothing.
        {
            MainWindow closing(&service);
            closing.exportTo(*closing.fillsBlotter()->model(), dir.filePath(u"late.csv"_s));
        }
        QTRY_VERIFY(QFile::exists(dir.filePath(u"late.csv"_s)));
        QTest::qWait(50);
    }
};

QTEST_MAIN(TestCsvExport)
#include "tst_csvexport.moc"
