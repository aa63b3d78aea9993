// The fills blotter: the user's fills as the service reports them, exact numbers with the
// instrument's decimals, who took liquidity, sorting as numbers and times, new fills added
// as they come, and a reload replacing everything.
#include "faketradingservice.h"
#include "ui/models/tradesmodel.h"

#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using qx::core::protocol::Side;
using qx::models::TradesModel;
using qx::test::FakeTradingService;
using namespace Qt::StringLiterals;

class TestTradesModel : public QObject
{
    Q_OBJECT

private:
    static QDateTime at(int second)
    {
        return QDateTime(QDate(2027, 1, 4), QTime(9, 0), Qt::UTC).addSecs(second);
    }
    static QString cell(const QAbstractItemModel &model, int row, int column)
    {
        return model.index(row, column).data().toString();
    }

private Q_SLOTS:
    void showsFillsExactlyWithTheirInstrumentsDecimals()
    {
        FakeTradingService service;
        service.setInstruments({ FakeTradingService::power(), FakeTradingService::gas() });
        const QString power = FakeTradingService::power().symbol;
        const QString gas = FakeTradingService::gas().symbol;
        service.resetTrades(
            { FakeTradingService::trade(u"2"_s, gas, Side::Sell, u"2.5"_s, u"3.1"_s, at(2), false),
              FakeTradingService::trade(u"1"_s, power, Side::Buy, u"10"_s, u"42.5"_s, at(1)) });
        TradesModel model(&service.marketData(), &service.orderEntry());
        QCOMPARE(model.rowCount(), 2);
        // Oldest first in the model; the view sorts.
        QCOMPARE(cell(model, 0, TradesModel::TradeId), u"1"_s);
        QCOMPARE(cell(model, 0, TradesModel::Side), u"Buy"_s);
        QCOMPARE(cell(model, 0, TradesModel::Price), u"42.50"_s);
        QCOMPARE(cell(model, 0, TradesModel::Quantity), u"10"_s);
        QCOMPARE(cell(model, 0, TradesModel::Liquidity), u"taker"_s);
        QCOMPARE(cell(model, 1, TradesModel::Price), u"3.100"_s); // tick 0.001
        QCOMPARE(cell(model, 1, TradesModel::Quantity), u"2.5"_s);
        QCOMPARE(cell(model, 1, TradesModel::Liquidity), u"maker"_s);
        QCOMPARE(cell(model, 1, TradesModel::OrderId), u"o2"_s);
        QCOMPARE(model.index(0, TradesModel::Price).data(Qt::TextAlignmentRole).toInt()
                     & Qt::AlignRight,
                 int(Qt::AlignRight));
        QCOMPARE(model.headerData(TradesModel::Liquidity, Qt::Horizontal).toString(),
                 u"Liquidity"_s);
    }

    void newFillsArriveAndSortAsNumbersAndTimes()
    {
        FakeTradingService service;
        service.setInstruments({ FakeTradingService::power() });
        const QString power = FakeTradingService::power().symbol;
        TradesModel model(&service.marketData(), &service.orderEntry());
        QSortFilterProxyModel sorted;
        sorted.setSourceModel(&model);
        sorted.setSortRole(TradesModel::SortRole);
        sorted.setDynamicSortFilter(true);
        sorted.sort(TradesModel::Time, Qt::DescendingOrder);
        service.pushTrade(
            FakeTradingService::trade(u"9"_s, power, Side::Buy, u"5"_s, u"9.5"_s, at(10)));
        service.pushTrade(
            FakeTradingService::trade(u"10"_s, power, Side::Sell, u"1"_s, u"100"_s, at(20)));
        service.pushTrade(
            FakeTradingService::trade(u"11"_s, power, Side::Buy, u"3"_s, u"-2"_s, at(5)));
        QTRY_COMPARE(model.rowCount(), 3); // a burst shows at the end of the frame
        QCOMPARE(cell(sorted, 0, TradesModel::TradeId), u"10"_s); // newest on top
        QCOMPARE(cell(sorted, 2, TradesModel::TradeId), u"11"_s);
        // Prices as numbers: -2 < 9.50 < 100 (as text, "100.00" < "9.50").
        sorted.sort(TradesModel::Price, Qt::AscendingOrder);
        QCOMPARE(cell(sorted, 0, TradesModel::Price), u"-2.00"_s);
        QCOMPARE(cell(sorted, 2, TradesModel::Price), u"100.00"_s);
        // Trade ids as numbers too: 9 < 10 < 11.
        sorted.sort(TradesModel::TradeId, Qt::AscendingOrder);
        QCOMPARE(cell(sorted, 0, TradesModel::TradeId), u"9"_s);

        // A reload replaces everything.
        service.resetTrades(
            { FakeTradingService::trade(u"12"_s, power, Side::Sell, u"1"_s, u"40"_s, at(30)) });
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(cell(model, 0, TradesModel::TradeId), u"12"_s);
    }

    void aBurstOfFillsIsInsertedOncePerFrame()
    {
        // 100,000 fills a second must not cost the sorted blotter one insertion each: a lone
        // fill shows at once, the rest of a burst together at the end of the frame.
        FakeTradingService service;
        service.setInstruments({ FakeTradingService::power() });
        const QString power = FakeTradingService::power().symbol;
        TradesModel model(&service.marketData(), &service.orderEntry());
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        service.pushTrade(
            FakeTradingService::trade(u"1"_s, power, Side::Buy, u"1"_s, u"40"_s, at(0)));
        QCOMPARE(model.rowCount(), 1);
        for (int i = 2; i <= 1000; ++i) {
            service.pushTrade(FakeTradingService::trade(QString::number(i), power, Side::Buy,
                                                        u"1"_s, u"40"_s, at(i)));
        }
        QCOMPARE(model.rowCount(), 1);
        QTRY_COMPARE(model.rowCount(), 1000);
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(inserted.last().at(1).toInt(), 1); // rows 1...
        QCOMPARE(inserted.last().at(2).toInt(), 999); // ...to 999 in one go
        QCOMPARE(cell(model, 999, TradesModel::TradeId), u"1000"_s);
        // A reload replaces what was still waiting.
        service.pushTrade(
            FakeTradingService::trade(u"x"_s, power, Side::Buy, u"1"_s, u"40"_s, at(2000)));
        service.pushTrade(
            FakeTradingService::trade(u"y"_s, power, Side::Buy, u"1"_s, u"40"_s, at(2001)));
        service.resetTrades({});
        QTest::qWait(3 * qx::models::FrameThrottle::kFrameMs);
        QCOMPARE(model.rowCount(), 0);
    }

    void thousandsAtOnceShowOverAFewFrames()
    {
        // A reload that found what the stream missed for a while announces thousands of fills
        // in one go: the blotter takes them a few thousand a frame, and shows them all.
        FakeTradingService service;
        service.setInstruments({ FakeTradingService::power() });
        const QString power = FakeTradingService::power().symbol;
        TradesModel model(&service.marketData(), &service.orderEntry());
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        const int count = 3 * int(TradesModel::kMaxRowsPerFrame);
        for (int i = 1; i <= count; ++i) {
            service.pushTrade(FakeTradingService::trade(QString::number(i), power, Side::Buy,
                                                        u"1"_s, u"40"_s, at(i)));
        }
        QTRY_COMPARE(model.rowCount(), count);
        QVERIFY(inserted.size() > 2);
        for (const QList<QVariant> &rows : std::as_const(inserted))
            QVERIFY(rows.at(2).toInt() - rows.at(1).toInt() < TradesModel::kMaxRowsPerFrame);
        QCOMPARE(cell(model, count - 1, TradesModel::TradeId), QString::number(count));
    }
};

QTEST_MAIN(TestTradesModel)
#include "tst_tradesmodel.moc"
