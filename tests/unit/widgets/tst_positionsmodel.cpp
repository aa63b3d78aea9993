// Positions and P&L in the workstation: built from the user's fills with first-in-first-out
// lots, in contract and energy units, marked to each market's last price, totals per currency
// never mixing them, and the net position month by month across contracts.
#include "faketradingservice.h"
#include "ui/models/positionsmodel.h"

#include <QSignalSpy>
#include <QTest>

using qx::core::protocol::Side;
using qx::core::protocol::Ticker;
using qx::models::DeliveryMonthsModel;
using qx::models::PositionsModel;
using qx::test::FakeTradingService;
using namespace Qt::StringLiterals;

class TestPositionsModel : public QObject
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
    static Ticker last(const QString &symbol, const char *price)
    {
        Ticker ticker;
        ticker.symbol = symbol;
        ticker.last = *qx::core::Price::parse(QString::fromLatin1(price));
        return ticker;
    }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void fillsMakePositionsWithFifoPnl()
    {
        FakeTradingService service;
        service.setInstruments({ FakeTradingService::power(), FakeTradingService::gas() });
        const QString power = FakeTradingService::power().symbol;
        const QString gas = FakeTradingService::gas().symbol;
        // Newest first, as the service keeps them.
        service.resetTrades(
            { FakeTradingService::trade(u"4"_s, gas, Side::Sell, u"2"_s, u"3.1"_s, at(4)),
              FakeTradingService::trade(u"3"_s, power, Side::Sell, u"5"_s, u"45"_s, at(3)),
              FakeTradingService::trade(u"2"_s, power, Side::Buy, u"10"_s, u"42"_s, at(2)),
              FakeTradingService::trade(u"1"_s, power, Side::Buy, u"10"_s, u"40"_s, at(1)) });
        PositionsModel model(&service.marketData(), &service.orderEntry());
        QCOMPARE(model.rowCount(), 2);
        // German base March 2027 delivers 743 h (the clocks go forward on the 28th).
        QCOMPARE(cell(model, 0, PositionsModel::Contract), power);
        QCOMPARE(cell(model, 0, PositionsModel::Net), u"15 MW"_s);
        QCOMPARE(cell(model, 0, PositionsModel::Energy), u"11,145 MWh"_s);
        // The sale closed 5 of the oldest lot (bought at 40): (45 − 40) × 5 MW × 743 h.
        QCOMPARE(cell(model, 0, PositionsModel::Realised), u"18,575.00"_s);
        // 5@40, 10@42: two decimals finer than the tick, the exact value in the tooltip.
        QCOMPARE(cell(model, 0, PositionsModel::AveragePrice), u"41.3333"_s);
        QCOMPARE(model.index(0, PositionsModel::AveragePrice).data(Qt::ToolTipRole).toString(),
                 u"Exactly 41.33333333"_s);
        QCOMPARE(cell(model, 0, PositionsModel::Currency), u"EUR"_s);
        // No trade in the market yet: no mark, no unrealised P&L rather than a made-up zero.
        QCOMPARE(cell(model, 0, PositionsModel::Mark), QString());
        QCOMPARE(cell(model, 0, PositionsModel::Unrealised), QString());
        QCOMPARE(cell(model, 1, PositionsModel::Net), u"-2.0 MMBtu/d"_s);
        QCOMPARE(cell(model, 1, PositionsModel::Energy), u"-62 MMBtu"_s); // 31 days

        // The market trades at 44: (44 − 40) × 5 × 743 + (44 − 42) × 10 × 743.
        service.pushTicker(last(power, "44"));
        QCOMPARE(cell(model, 0, PositionsModel::Mark), u"44.00"_s);
        QCOMPARE(cell(model, 0, PositionsModel::Unrealised), u"29,720.00"_s);
        QCOMPARE(
            model.index(0, PositionsModel::Unrealised).data(PositionsModel::ExportRole).toString(),
            u"29720.00"_s);

        // Totals per currency; USD's unrealised is incomplete while gas has no mark.
        QList<PositionsModel::Total> totals = model.totals();
        QCOMPARE(totals.size(), 2);
        QCOMPARE(totals[0].currency, u"EUR"_s);
        QCOMPARE(totals[0].realised.toString(), u"18575"_s);
        QCOMPARE(totals[0].unrealised.toString(), u"29720"_s);
        QVERIFY(totals[0].unrealisedComplete);
        QCOMPARE(totals[1].currency, u"USD"_s);
        QVERIFY(!totals[1].unrealisedComplete);
        service.pushTicker(last(gas, "3.0"));
        // Short 2 MMBtu/d × 31 d from 3.1, marked at 3.0: +6.20.
        QCOMPARE(cell(model, 1, PositionsModel::Unrealised), u"6.20"_s);
        totals = model.totals();
        QVERIFY(totals[1].unrealisedComplete);

        // A new fill closes the rest of the first lot and half the second.
        service.pushTrade(
            FakeTradingService::trade(u"5"_s, power, Side::Sell, u"10"_s, u"46"_s, at(5)));
        QCOMPARE(cell(model, 0, PositionsModel::Net), u"5 MW"_s);
        // + (46 − 40) × 5 × 743 + (46 − 42) × 5 × 743 = 18,575 + 22,290 + 14,860.
        QCOMPARE(cell(model, 0, PositionsModel::Realised), u"55,725.00"_s);
        QCOMPARE(cell(model, 0, PositionsModel::AveragePrice), u"42.00"_s);

        // A reload of the fills replays them and keeps the marks.
        service.resetTrades(
            { FakeTradingService::trade(u"1"_s, power, Side::Buy, u"10"_s, u"40"_s, at(1)) });
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(cell(model, 0, PositionsModel::Realised), u"0.00"_s);
        QCOMPARE(cell(model, 0, PositionsModel::Unrealised), u"29,720.00"_s); // 4 × 10 × 743
    }

    void aFillFoundLateCountsAtItsTime()
    {
        // Short at 50, then bought back at 40; a reload then finds a purchase at 45 between the
        // two that the stream missed. First in, first out by time: the 45 closed the short
        // ((50 − 45) × 10 MW × 743 h) and the 40 is the open lot.
        FakeTradingService service;
        service.setInstruments({ FakeTradingService::power() });
        const QString power = FakeTradingService::power().symbol;
        service.resetTrades(
            { FakeTradingService::trade(u"3"_s, power, Side::Buy, u"10"_s, u"40"_s, at(3)),
              FakeTradingService::trade(u"1"_s, power, Side::Sell, u"10"_s, u"50"_s, at(1)) });
        PositionsModel model(&service.marketData(), &service.orderEntry());
        QCOMPARE(cell(model, 0, PositionsModel::Realised), u"74,300.00"_s);
        QSignalSpy changed(&model, &PositionsModel::positionsChanged);
        service.pushTrade(
            FakeTradingService::trade(u"2"_s, power, Side::Buy, u"10"_s, u"45"_s, at(2)));
        model.flush();
        QVERIFY(!changed.isEmpty());
        QCOMPARE(cell(model, 0, PositionsModel::Net), u"10 MW"_s);
        QCOMPARE(cell(model, 0, PositionsModel::Realised), u"37,150.00"_s);
        QCOMPARE(cell(model, 0, PositionsModel::AveragePrice), u"40.00"_s);
    }

    void dealsCountLikeFillsAndACancelTakesThemOut()
    {
        // Bought 10 MW at 40 on the book, then a deal sells 5 at 44 to a counterparty (booked
        // before the next fill), then the book sells 5 at 45. First in, first out across both:
        // the deal closes 5 of the 40 lot, the fill the other 5.
        FakeTradingService service;
        service.setInstruments({ FakeTradingService::power() });
        const QString power = FakeTradingService::power().symbol;
        service.resetTrades(
            { FakeTradingService::trade(u"2"_s, power, Side::Sell, u"5"_s, u"45"_s, at(3)),
              FakeTradingService::trade(u"1"_s, power, Side::Buy, u"10"_s, u"40"_s, at(1)) });
        PositionsModel model(&service.marketData(), &service.orderEntry());
        QCOMPARE(cell(model, 0, PositionsModel::Net), u"5 MW"_s);
        QCOMPARE(cell(model, 0, PositionsModel::Realised), u"18,575.00"_s); // 5 × 5 × 743

        qx::core::protocol::Deal deal;
        deal.id = u"7"_s;
        deal.terms.symbol = power;
        deal.terms.side = Side::Sell;
        deal.terms.quantity = *qx::core::Quantity::parse(u"5"_s);
        deal.terms.price = *qx::core::Price::parse(u"44"_s);
        deal.terms.counterparty = u"Nordic Power AS"_s;
        deal.bookedAt = at(2);
        service.resetDeals({ deal });
        QCOMPARE(cell(model, 0, PositionsModel::Net), u"0 MW"_s);
        // (44 − 40) × 5 × 743 + (45 − 40) × 5 × 743.
        QCOMPARE(cell(model, 0, PositionsModel::Realised), u"33,435.00"_s);

        // Cancelled: the position is as if it never was.
        service.resetDeals({});
        QCOMPARE(cell(model, 0, PositionsModel::Net), u"5 MW"_s);
        QCOMPARE(cell(model, 0, PositionsModel::Realised), u"18,575.00"_s);

        // A deal alone opens a position of its own.
        deal.terms.side = Side::Buy;
        deal.bookedAt = at(9);
        service.resetTrades({});
        service.resetDeals({ deal });
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(cell(model, 0, PositionsModel::Net), u"5 MW"_s);
        QCOMPARE(cell(model, 0, PositionsModel::AveragePrice), u"44.00"_s);
    }

    void monthByMonthAcrossContracts()
    {
        FakeTradingService service;
        qx::core::Instrument quarter = FakeTradingService::power();
        quarter.symbol = u"DE.BASE.Q.2027-Q1"_s;
        quarter.delivery = qx::core::DeliveryPeriod::quarter(2027, 1);
        service.setInstruments({ FakeTradingService::power(), quarter });
        service.resetTrades(
            { FakeTradingService::trade(u"2"_s, quarter.symbol, Side::Sell, u"4"_s, u"50"_s, at(2)),
              FakeTradingService::trade(u"1"_s, FakeTradingService::power().symbol, Side::Buy,
                                        u"10"_s, u"40"_s, at(1)) });
        PositionsModel positions(&service.marketData(), &service.orderEntry());
        DeliveryMonthsModel months(&positions);
        // Short 4 MW for Q1 (January to March) and long 10 MW for March: 6 MW long in March.
        QCOMPARE(months.rowCount(), 3);
        QCOMPARE(cell(months, 0, DeliveryMonthsModel::Market), u"DE base"_s);
        QCOMPARE(cell(months, 0, DeliveryMonthsModel::Month), u"Jan 2027"_s);
        QCOMPARE(cell(months, 0, DeliveryMonthsModel::Hours), u"744"_s);
        QCOMPARE(cell(months, 0, DeliveryMonthsModel::Net), u"-4 MW"_s);
        QCOMPARE(cell(months, 0, DeliveryMonthsModel::Energy), u"-2,976 MWh"_s);
        QCOMPARE(cell(months, 1, DeliveryMonthsModel::Hours), u"672"_s); // February
        QCOMPARE(cell(months, 2, DeliveryMonthsModel::Month), u"Mar 2027"_s);
        QCOMPARE(cell(months, 2, DeliveryMonthsModel::Net), u"6 MW"_s);
        QCOMPARE(cell(months, 2, DeliveryMonthsModel::Energy), u"4,458 MWh"_s); // 6 × 743
        // A price tick re-marks the positions but leaves the months as they are (no reset that
        // would lose the trader's selection on every tick).
        QSignalSpy monthsReset(&months, &QAbstractItemModel::modelReset);
        QSignalSpy marked(&positions, &PositionsModel::marksChanged);
        service.pushTicker(last(quarter.symbol, "51"));
        positions.flush(); // the frame's end
        QCOMPARE(marked.size(), 1);
        QCOMPARE(monthsReset.size(), 0);
        // The rows follow new fills.
        service.pushTrade(
            FakeTradingService::trade(u"3"_s, quarter.symbol, Side::Buy, u"4"_s, u"50"_s, at(3)));
        positions.flush();
        QCOMPARE(months.rowCount(), 1); // Q1 flat: only March's 10 MW
        QCOMPARE(cell(months, 0, DeliveryMonthsModel::Net), u"10 MW"_s);
    }

    void aBurstIsSummedUpOncePerFrame()
    {
        // Totals and the delivery months are recomputed per frame, not per fill or tick: at
        // 100,000 fills a second they would otherwise cost more than the frame.
        FakeTradingService service;
        service.setInstruments({ FakeTradingService::power() });
        const QString power = FakeTradingService::power().symbol;
        PositionsModel positions(&service.marketData(), &service.orderEntry());
        DeliveryMonthsModel months(&positions);
        QSignalSpy changed(&positions, &PositionsModel::positionsChanged);
        QSignalSpy marked(&positions, &PositionsModel::marksChanged);
        QSignalSpy monthsReset(&months, &QAbstractItemModel::modelReset);
        for (int i = 0; i < 500; ++i) {
            service.pushTrade(FakeTradingService::trade(QString::number(i), power, Side::Buy,
                                                        u"1"_s, u"40"_s, at(i)));
            service.pushTicker(last(power, i % 2 ? "41" : "42"));
        }
        QCOMPARE(changed.size(), 1); // the first fill, at once
        QTRY_COMPARE(changed.size(), 2); // the rest, at the end of the frame
        QCOMPARE(monthsReset.size(), 2);
        QCOMPARE(marked.size(), 0); // in a frame with fills, positionsChanged says it all
        QCOMPARE(cell(positions, 0, PositionsModel::Net), u"500 MW"_s);
        QCOMPARE(cell(positions, 0, PositionsModel::Mark), u"41.00"_s);
    }
};

QTEST_MAIN(TestPositionsModel)
#include "tst_positionsmodel.moc"
