#include "core/delivery.h"
#include "core/position.h"

#include <QTest>

using namespace qx::core;
using namespace Qt::StringLiterals;
using matching::Side;

namespace {

Price price(QStringView text)
{
    return *Price::parse(text);
}

Quantity quantity(QStringView text)
{
    return *Quantity::parse(text);
}

Instrument german(DeliveryPeriod period)
{
    Instrument instrument;
    instrument.symbol = u"DE.BASE.X"_s;
    instrument.commodity = Commodity::Power;
    instrument.area = u"DE"_s;
    instrument.load = LoadShape::Base;
    instrument.delivery = period;
    instrument.timeZone = "Europe/Berlin";
    instrument.unit = QuantityUnit::Megawatt;
    instrument.currency = u"EUR"_s;
    instrument.tickSize = price(u"0.01");
    instrument.lotSize = quantity(u"1");
    return instrument;
}

Instrument henryHub(DeliveryPeriod period)
{
    Instrument instrument = german(period);
    instrument.symbol = u"HH.X"_s;
    instrument.commodity = Commodity::NaturalGas;
    instrument.area = u"HH"_s;
    instrument.timeZone = "America/Chicago";
    instrument.unit = QuantityUnit::MMBtuPerDay;
    instrument.currency = u"USD"_s;
    return instrument;
}

Instrument brent(DeliveryPeriod period)
{
    Instrument instrument = german(period);
    instrument.symbol = u"BRENT.X"_s;
    instrument.commodity = Commodity::CrudeOil;
    instrument.area = u"BRENT"_s;
    instrument.timeZone = "Europe/London";
    instrument.unit = QuantityUnit::Barrel;
    instrument.currency = u"USD"_s;
    return instrument;
}

// Applies a fill that must succeed and returns the realised P&L as text.
QString fill(Position &position, Side side, QStringView fillPrice, QStringView fillQuantity)
{
    const Result<Money> realised = position.apply(side, price(fillPrice), quantity(fillQuantity));
    if (!realised)
        return u"error: "_s + realised.error().code;
    return realised->toString();
}

} // namespace

class tst_Position : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void closesTheOldestLotsFirst()
    {
        // German base March 2027: 743 delivered hours, so 1 EUR/MWh on 1 MW is 743 EUR.
        Position position = Position::forInstrument(german(DeliveryPeriod::month(2027, 3)));
        QCOMPARE(position.volumeMultiplier().toString(), u"743"_s);

        QCOMPARE(fill(position, Side::Buy, u"40.00", u"10"), u"0"_s);
        QCOMPARE(fill(position, Side::Buy, u"50.00", u"10"), u"0"_s);
        // 10 × (55 − 40) × 743 + 5 × (55 − 50) × 743 = 111,450 + 18,575.
        QCOMPARE(fill(position, Side::Sell, u"55.00", u"15"), u"130025"_s);
        QCOMPARE(position.realised().toString(), u"130025"_s);
        QCOMPARE(position.net().toString(), u"5"_s);
        QCOMPARE(position.openLots().size(), 1);
        QVERIFY(position.openLots().first() == (Position::Lot { price(u"50"), quantity(u"5") }));
        QVERIFY(position.averageOpenPrice() == price(u"50"));
        QCOMPARE(position.unrealised(price(u"60.00"))->toString(), u"37150"_s);
        QCOMPARE(position.energyVolume()->toString(), u"3715"_s);

        // Closing the rest adds to what was realised before.
        QCOMPARE(fill(position, Side::Sell, u"48.50", u"5"), u"-5572.5"_s);
        QCOMPARE(position.realised().toString(), u"124452.5"_s);
        QVERIFY(position.isFlat());
        QVERIFY(position.openLots().isEmpty());
        QCOMPARE(position.unrealised(price(u"60"))->toString(), u"0"_s);
    }

    void partlyClosedLotKeepsItsPrice()
    {
        Position position;
        QCOMPARE(fill(position, Side::Buy, u"40", u"10"), u"0"_s);
        QCOMPARE(fill(position, Side::Buy, u"50", u"10"), u"0"_s);
        QCOMPARE(fill(position, Side::Sell, u"45", u"4"), u"20"_s);
        QCOMPARE(position.openLots().size(), 2);
        QVERIFY(position.openLots().at(0) == (Position::Lot { price(u"40"), quantity(u"6") }));
        QVERIFY(position.openLots().at(1) == (Position::Lot { price(u"50"), quantity(u"10") }));
        QCOMPARE(position.net().toString(), u"16"_s);
    }

    void flipsFromLongToShort()
    {
        Position position;
        QCOMPARE(fill(position, Side::Buy, u"40", u"10"), u"0"_s);
        // Closes the 10 long at +5 each, then opens 15 short at 45.
        QCOMPARE(fill(position, Side::Sell, u"45", u"25"), u"50"_s);
        QCOMPARE(position.net().toString(), u"-15"_s);
        QCOMPARE(position.openLots().size(), 1);
        QVERIFY(position.openLots().first() == (Position::Lot { price(u"45"), quantity(u"-15") }));
        QVERIFY(position.averageOpenPrice() == price(u"45"));
        QCOMPARE(position.energyVolume()->toString(), u"-15"_s);

        // Buying back below the sale price is a profit on a short.
        QCOMPARE(fill(position, Side::Buy, u"42", u"15"), u"45"_s);
        QCOMPARE(position.realised().toString(), u"95"_s);
        QVERIFY(position.isFlat());
        QVERIFY(!position.averageOpenPrice());

        // And back the other way from short to long.
        QCOMPARE(fill(position, Side::Sell, u"30", u"2"), u"0"_s);
        QCOMPARE(fill(position, Side::Buy, u"31", u"3"), u"-2"_s);
        QCOMPARE(position.net().toString(), u"1"_s);
        QVERIFY(position.openLots().first() == (Position::Lot { price(u"31"), quantity(u"1") }));
    }

    void shortLosesAsTheMarkRises()
    {
        Position position(*Decimal::fromInteger(24));
        QCOMPARE(fill(position, Side::Sell, u"100", u"10"), u"0"_s);
        QCOMPARE(fill(position, Side::Sell, u"90", u"10"), u"0"_s);
        // (110 − 100) × −10 × 24 + (110 − 90) × −10 × 24.
        QCOMPARE(position.unrealised(price(u"110"))->toString(), u"-7200"_s);
        QCOMPARE(position.unrealised(price(u"80"))->toString(), u"7200"_s);
        QCOMPARE(position.unrealised(price(u"95"))->toString(), u"0"_s);
        QVERIFY(position.averageOpenPrice() == price(u"95"));
        QCOMPARE(position.energyVolume()->toString(), u"-480"_s);
    }

    void averagePriceIsWeightedAndRoundedHalfEven()
    {
        Position position;
        QCOMPARE(fill(position, Side::Buy, u"40", u"1"), u"0"_s);
        QCOMPARE(fill(position, Side::Buy, u"41", u"2"), u"0"_s);
        QCOMPARE(position.averageOpenPrice()->toString(), u"40.66666667"_s);

        // Exactly half a unit of the eighth decimal goes to the even neighbour.
        Position odd;
        QCOMPARE(fill(odd, Side::Buy, u"0.00000001", u"1"), u"0"_s);
        QCOMPARE(fill(odd, Side::Buy, u"0.00000002", u"1"), u"0"_s);
        QCOMPARE(odd.averageOpenPrice()->toString(), u"0.00000002"_s);
        Position even;
        QCOMPARE(fill(even, Side::Sell, u"0.00000002", u"1"), u"0"_s);
        QCOMPARE(fill(even, Side::Sell, u"0.00000003", u"1"), u"0"_s);
        QCOMPARE(even.averageOpenPrice()->toString(), u"0.00000002"_s);

        Position negative;
        QCOMPARE(fill(negative, Side::Buy, u"-10", u"1"), u"0"_s);
        QCOMPARE(fill(negative, Side::Buy, u"-5", u"1"), u"0"_s);
        QCOMPARE(negative.averageOpenPrice()->toString(), u"-7.5"_s);
    }

    void negativePowerPrices()
    {
        // A sunny Sunday: buying at −5 EUR/MWh and selling at 20 earns 25 a MWh.
        Position position = Position::forInstrument(german(DeliveryPeriod::day(QDate(2027, 6, 6))));
        QCOMPARE(position.volumeMultiplier().toString(), u"24"_s);
        QCOMPARE(fill(position, Side::Buy, u"-5.00", u"10"), u"0"_s);
        QCOMPARE(position.unrealised(price(u"-7.50"))->toString(), u"-600"_s);
        QCOMPARE(fill(position, Side::Sell, u"20.00", u"10"), u"6000"_s);

        // Short at −10, covered at −20: paid less to buy back than was received.
        QCOMPARE(fill(position, Side::Sell, u"-10", u"5"), u"0"_s);
        QCOMPARE(fill(position, Side::Buy, u"-20", u"5"), u"1200"_s);
        QCOMPARE(position.realised().toString(), u"7200"_s);
    }

    void rejectsNonPositiveQuantities()
    {
        Position position;
        QCOMPARE(fill(position, Side::Buy, u"40", u"0"), u"error: quantity_not_positive"_s);
        QCOMPARE(fill(position, Side::Sell, u"40", u"-1"), u"error: quantity_not_positive"_s);
        QVERIFY(position.isFlat());
        QVERIFY(position.openLots().isEmpty());
    }

    void overflowChangesNothing()
    {
        Position position = Position::forInstrument(german(DeliveryPeriod::month(2027, 3)));
        QCOMPARE(fill(position, Side::Buy, u"40", u"1"), u"0"_s);
        QCOMPARE(fill(position, Side::Buy, u"-90000000000", u"1"), u"0"_s);
        const QList<Position::Lot> lots = position.openLots();

        // The first lot closes fine; the second's (1,000 + 9·10^10) × 743 does not fit.
        QCOMPARE(fill(position, Side::Sell, u"1000", u"2"), u"error: out_of_range"_s);
        QVERIFY(position.openLots() == lots);
        QCOMPARE(position.net().toString(), u"2"_s);
        QCOMPARE(position.realised().toString(), u"0"_s);
        QCOMPARE(position.unrealised(price(u"1000")).error().code, u"out_of_range"_s);

        // The net position itself cannot overflow either.
        QCOMPARE(fill(position, Side::Buy, u"40", u"92233720368"), u"error: out_of_range"_s);
        QVERIFY(position.openLots() == lots);
        QCOMPARE(position.net().toString(), u"2"_s);

        // Nor can the energy volume: 9·10^10 MW × 743 h.
        Position huge = Position::forInstrument(german(DeliveryPeriod::month(2027, 3)));
        QCOMPARE(fill(huge, Side::Buy, u"1", u"90000000000"), u"0"_s);
        QCOMPARE(huge.energyVolume().error().code, u"out_of_range"_s);
    }

    void totalsPerCommodityAndCurrency()
    {
        const Instrument march = german(DeliveryPeriod::month(2027, 3));
        const Instrument april = german(DeliveryPeriod::month(2027, 4));
        Instrument ttf = german(DeliveryPeriod::month(2027, 3));
        ttf.commodity = Commodity::NaturalGas;
        const Instrument hh = henryHub(DeliveryPeriod::month(2027, 3));

        Position marchPosition(*Decimal::fromInteger(1));
        QCOMPARE(fill(marchPosition, Side::Buy, u"40", u"2"), u"0"_s);
        QCOMPARE(fill(marchPosition, Side::Sell, u"45", u"1"), u"5"_s);
        Position aprilPosition(*Decimal::fromInteger(1));
        QCOMPARE(fill(aprilPosition, Side::Sell, u"30", u"1"), u"0"_s);
        Position ttfPosition(*Decimal::fromInteger(1));
        QCOMPARE(fill(ttfPosition, Side::Buy, u"20", u"1"), u"0"_s);
        Position hhPosition(*Decimal::fromInteger(1));
        QCOMPARE(fill(hhPosition, Side::Buy, u"3", u"100"), u"0"_s);

        const Result<QList<PnlTotal>> totals = totalsByCommodityAndCurrency({
            { hh, hhPosition, price(u"3.5") },
            { march, marchPosition, price(u"50") },
            { ttf, ttfPosition, price(u"21") },
            { april, aprilPosition, price(u"28") },
        });
        QVERIFY(totals);
        QCOMPARE(totals->size(), 3);
        // Power EUR: realised 5; unrealised (50 − 40) × 1 + (28 − 30) × −1.
        QVERIFY(totals->at(0)
                == (PnlTotal { Commodity::Power, u"EUR"_s, Money(*Decimal::fromInteger(5)),
                               Money(*Decimal::fromInteger(12)) }));
        QVERIFY(totals->at(1).commodity == Commodity::NaturalGas);
        QCOMPARE(totals->at(1).currency, u"EUR"_s);
        QCOMPARE(totals->at(1).unrealised.toString(), u"1"_s);
        QVERIFY(totals->at(2).commodity == Commodity::NaturalGas);
        QCOMPARE(totals->at(2).currency, u"USD"_s);
        QCOMPARE(totals->at(2).realised.toString(), u"0"_s);
        QCOMPARE(totals->at(2).unrealised.toString(), u"50"_s);
    }

    void quarterShowsInEachMonth()
    {
        const Instrument q1 = german(DeliveryPeriod::quarter(2027, 1));
        const Result<QList<MonthExposure>> months = exposureByMonth(q1, quantity(u"10"));
        QVERIFY(months);
        QCOMPARE(months->size(), 3);
        QCOMPARE(months->at(0).month.code(), u"2027-01"_s);
        QCOMPARE(months->at(0).hours, qint64(744));
        QCOMPARE(months->at(1).hours, qint64(672));
        // The clocks go forward on 28 March.
        QVERIFY(months->at(2).month == DeliveryPeriod::month(2027, 3));
        QCOMPARE(months->at(2).hours, qint64(743));
        QCOMPARE(months->at(2).quantity.toString(), u"10"_s);
        QCOMPARE(months->at(2).energy.toString(), u"7430"_s);

        // The months add up to the quarter's energy.
        Quantity sum;
        for (const MonthExposure &month : *months)
            sum = *sum.plus(month.energy);
        QVERIFY(sum == *energyVolume(q1, quantity(u"10")));
        QCOMPARE(sum.toString(), u"21590"_s);

        // A short shows as negative energy; the autumn change makes October 745 hours.
        const Result<QList<MonthExposure>> q4
            = exposureByMonth(german(DeliveryPeriod::quarter(2027, 4)), quantity(u"-2.5"));
        QCOMPARE(q4->at(0).hours, qint64(745));
        QCOMPARE(q4->at(0).energy.toString(), u"-1862.5"_s);
    }

    void otherUnitsByMonth()
    {
        // MMBtu/d is a daily rate: each month counts its days.
        const Result<QList<MonthExposure>> gas
            = exposureByMonth(henryHub(DeliveryPeriod::quarter(2027, 1)), quantity(u"10000"));
        QCOMPARE(gas->size(), 3);
        QCOMPARE(gas->at(0).hours, qint64(0));
        QCOMPARE(gas->at(0).energy.toString(), u"310000"_s);
        QCOMPARE(gas->at(1).energy.toString(), u"280000"_s);
        QCOMPARE(gas->at(2).energy.toString(), u"310000"_s);

        // Barrels are a total: one entry, not one per month.
        const Result<QList<MonthExposure>> oil
            = exposureByMonth(brent(DeliveryPeriod::month(2027, 5)), quantity(u"-3000"));
        QCOMPARE(oil->size(), 1);
        QCOMPARE(oil->at(0).month.code(), u"2027-05"_s);
        QCOMPARE(oil->at(0).energy.toString(), u"-3000"_s);
        const Result<QList<MonthExposure>> oilQuarter
            = exposureByMonth(brent(DeliveryPeriod::quarter(2027, 2)), quantity(u"1000"));
        QCOMPARE(oilQuarter->size(), 1);
        QCOMPARE(oilQuarter->at(0).month.code(), u"2027-04"_s);
        QCOMPARE(oilQuarter->at(0).energy.toString(), u"1000"_s);

        QCOMPARE(exposureByMonth(german(DeliveryPeriod::year(2027)), quantity(u"90000000000"))
                     .error()
                     .code,
                 u"out_of_range"_s);
    }
};

QTEST_GUILESS_MAIN(tst_Position)
#include "tst_position.moc"
