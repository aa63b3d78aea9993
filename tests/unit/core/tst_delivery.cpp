#include "core/delivery.h"

#include <QTest>

using namespace qx::core;
using namespace Qt::StringLiterals;

namespace {

Instrument german(DeliveryPeriod period, LoadShape load = LoadShape::Base)
{
    Instrument instrument;
    instrument.symbol = u"DE.BASE.X"_s;
    instrument.commodity = Commodity::Power;
    instrument.area = u"DE"_s;
    instrument.load = load;
    instrument.delivery = period;
    instrument.timeZone = "Europe/Berlin";
    instrument.unit = QuantityUnit::Megawatt;
    instrument.currency = u"EUR"_s;
    instrument.tickSize = *Price::parse(u"0.01");
    instrument.lotSize = *Quantity::parse(u"1");
    return instrument;
}

} // namespace

class tst_Delivery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsHoursOnTheMarketsClock_data()
    {
        QTest::addColumn<int>("year");
        QTest::addColumn<int>("month");
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<int>("load");
        QTest::addColumn<qint64>("hours");
        const int base = int(LoadShape::Base), peak = int(LoadShape::Peak),
                  offPeak = int(LoadShape::OffPeak);
        QTest::newRow("March: one hour less")
            << 2027 << 3 << QByteArray("Europe/Berlin") << base << qint64(743);
        QTest::newRow("October: one hour more")
            << 2027 << 10 << QByteArray("Europe/Berlin") << base << qint64(745);
        QTest::newRow("June: 30 × 24")
            << 2027 << 6 << QByteArray("Europe/Berlin") << base << qint64(720);
        // March 2027 has 23 weekdays (the 1st is a Monday).
        QTest::newRow("March peak")
            << 2027 << 3 << QByteArray("Europe/Berlin") << peak << qint64(23 * 12);
        QTest::newRow("March off-peak")
            << 2027 << 3 << QByteArray("Europe/Berlin") << offPeak << qint64(743 - 23 * 12);
        QTest::newRow("London changes on the same day")
            << 2027 << 3 << QByteArray("Europe/London") << base << qint64(743);
        QTest::newRow("Chicago changes two weeks earlier")
            << 2027 << 3 << QByteArray("America/Chicago") << base << qint64(743);
        QTest::newRow("Chicago November")
            << 2027 << 11 << QByteArray("America/Chicago") << base << qint64(721);
    }
    void countsHoursOnTheMarketsClock()
    {
        QFETCH(int, year);
        QFETCH(int, month);
        QFETCH(QByteArray, zone);
        QFETCH(int, load);
        QFETCH(qint64, hours);
        QCOMPARE(deliveryHours(DeliveryPeriod::month(year, month), LoadShape(load), zone), hours);
    }

    void yearsAndQuartersAddUp()
    {
        QCOMPARE(deliveryHours(DeliveryPeriod::year(2027), LoadShape::Base, "Europe/Berlin"),
                 qint64(8760));
        QCOMPARE(deliveryHours(DeliveryPeriod::year(2028), LoadShape::Base, "Europe/Berlin"),
                 qint64(8784)); // leap year
        QCOMPARE(deliveryHours(DeliveryPeriod::quarter(2027, 1), LoadShape::Base, "Europe/Berlin"),
                 qint64(31 * 24 + 28 * 24 + 743));
        QCOMPARE(deliveryHours(DeliveryPeriod::day(QDate(2027, 10, 31)), LoadShape::Base,
                               "Europe/Berlin"),
                 qint64(25));
        QCOMPARE(deliveryHours(DeliveryPeriod::month(2027, 3), LoadShape::Base, "Nowhere/Land"),
                 qint64(0));
    }

    void hoursAndQuarterHoursOfAClockChangeDay()
    {
        using Kind = DeliveryPeriod::Kind;
        const QDate spring(2027, 3, 28), autumn(2027, 10, 31), plain(2027, 6, 15);
        QCOMPARE(intradayPeriods(plain, Kind::Hour, "Europe/Berlin").size(), 24);
        QCOMPARE(intradayPeriods(plain, Kind::QuarterHour, "Europe/Berlin").size(), 96);
        // Spring: 02:00–03:00 does not happen.
        const QList<DeliveryPeriod> springHours
            = intradayPeriods(spring, Kind::Hour, "Europe/Berlin");
        QCOMPARE(springHours.size(), 23);
        QVERIFY(!springHours.contains(DeliveryPeriod::hour(spring, 2)));
        QCOMPARE(intradayPeriods(spring, Kind::QuarterHour, "Europe/Berlin").size(), 92);
        QVERIFY(!deliveryStart(DeliveryPeriod::hour(spring, 2), "Europe/Berlin"));
        QCOMPARE(deliveryMinutes(DeliveryPeriod::hour(spring, 2), LoadShape::Base, "Europe/Berlin"),
                 qint64(0));
        QCOMPARE(*deliveryStart(DeliveryPeriod::hour(spring, 3), "Europe/Berlin"),
                 QDateTime(spring, QTime(1, 0), Qt::UTC));
        // Autumn: 02:00–03:00 comes twice, first in summer time (00:00 UTC), then in winter
        // time (01:00 UTC) as the "B" hour; the quarter-hours in delivery order.
        const QList<DeliveryPeriod> autumnHours
            = intradayPeriods(autumn, Kind::Hour, "Europe/Berlin");
        QCOMPARE(autumnHours.size(), 25);
        QCOMPARE(autumnHours.at(2), DeliveryPeriod::hour(autumn, 2));
        QCOMPARE(autumnHours.at(3), DeliveryPeriod::hour(autumn, 2, true));
        QCOMPARE(autumnHours.at(4), DeliveryPeriod::hour(autumn, 3));
        QCOMPARE(*deliveryStart(DeliveryPeriod::hour(autumn, 2), "Europe/Berlin"),
                 QDateTime(autumn, QTime(0, 0), Qt::UTC));
        QCOMPARE(*deliveryStart(DeliveryPeriod::hour(autumn, 2, true), "Europe/Berlin"),
                 QDateTime(autumn, QTime(1, 0), Qt::UTC));
        const QList<DeliveryPeriod> autumnQuarters
            = intradayPeriods(autumn, Kind::QuarterHour, "Europe/Berlin");
        QCOMPARE(autumnQuarters.size(), 100);
        QCOMPARE(autumnQuarters.at(11), DeliveryPeriod::quarterHour(autumn, 2, 45));
        QCOMPARE(autumnQuarters.at(12), DeliveryPeriod::quarterHour(autumn, 2, 0, true));
        // A repeated pass of an hour that is not repeated does not exist.
        QVERIFY(!deliveryStart(DeliveryPeriod::hour(plain, 2, true), "Europe/Berlin"));
    }

    void intradayEnergyAndValue()
    {
        // 10 MW for an hour is 10 MWh; for a quarter-hour 2.5 MWh, worth 200 EUR at 80.
        Instrument hour = german(DeliveryPeriod::hour(QDate(2027, 6, 15), 8));
        QCOMPARE(energyVolume(hour, *Quantity::parse(u"10"))->toString(), u"10"_s);
        Instrument quarter = german(DeliveryPeriod::quarterHour(QDate(2027, 6, 15), 8, 15));
        QCOMPARE(energyVolume(quarter, *Quantity::parse(u"10"))->toString(), u"2.5"_s);
        QCOMPARE(contractValue(quarter, *Price::parse(u"80"), *Quantity::parse(u"10"))->toString(),
                 u"200"_s);
        QCOMPARE(monthsOf(quarter.delivery).size(), 1); // shown as itself
    }

    void weekendsAndSeasonsOnTheClock()
    {
        // The weekend of the spring change: 24 + 23 hours.
        QCOMPARE(deliveryHours(DeliveryPeriod::weekend(2027, 12), LoadShape::Base, "Europe/Berlin"),
                 qint64(47));
        QCOMPARE(deliveryHours(DeliveryPeriod::weekend(2027, 12), LoadShape::Peak, "Europe/Berlin"),
                 qint64(0));
        QCOMPARE(deliveryHours(DeliveryPeriod::week(2027, 13), LoadShape::Peak, "Europe/Berlin"),
                 qint64(60));
        // Winter 2027: 183 days (leap February), one hour more in October, one less in March.
        QCOMPARE(
            deliveryHours(DeliveryPeriod::season(2027, false), LoadShape::Base, "Europe/Berlin"),
            qint64(183 * 24));
        QCOMPARE(monthsOf(DeliveryPeriod::season(2027, true)).size(), 6);
        QCOMPARE(monthsOf(DeliveryPeriod::week(2027, 13)).size(), 1); // shown as itself
    }

    void tenMegawattsOfMarchBaseIs7430MegawattHours()
    {
        const Instrument march = german(DeliveryPeriod::month(2027, 3));
        QCOMPARE(energyVolume(march, *Quantity::parse(u"10"))->toString(), u"7430"_s);
        QCOMPARE(energyUnit(march.unit), u"MWh"_s);
        // 10 MW × 743 h × 42.00 EUR/MWh
        QCOMPARE(
            contractValue(march, *Price::parse(u"42.00"), *Quantity::parse(u"10"))->toString(2),
            u"312060.00"_s);
    }

    void gasPerDayAndBarrelsAsTheyAre()
    {
        Instrument henryHub = german(DeliveryPeriod::month(2027, 2));
        henryHub.commodity = Commodity::NaturalGas;
        henryHub.unit = QuantityUnit::MMBtuPerDay;
        henryHub.timeZone = "America/Chicago";
        QCOMPARE(energyVolume(henryHub, *Quantity::parse(u"10000"))->toString(), u"280000"_s);
        Instrument brent = henryHub;
        brent.unit = QuantityUnit::Barrel;
        QCOMPARE(energyVolume(brent, *Quantity::parse(u"1000"))->toString(), u"1000"_s);
        QCOMPARE(energyUnit(QuantityUnit::TonneCO2), u"t"_s);
    }

    void aQuarterSplitsIntoItsMonths()
    {
        const QList<DeliveryPeriod> months = monthsOf(DeliveryPeriod::quarter(2027, 4));
        QCOMPARE(months.size(), 3);
        QCOMPARE(months[0].code(), u"2027-10"_s);
        QCOMPARE(months[2].code(), u"2027-12"_s);
        QCOMPARE(monthsOf(DeliveryPeriod::year(2027)).size(), 12);
        qint64 hours = 0;
        for (const DeliveryPeriod &month : months)
            hours += deliveryHours(month, LoadShape::Base, "Europe/Berlin");
        QCOMPARE(hours,
                 deliveryHours(DeliveryPeriod::quarter(2027, 4), LoadShape::Base, "Europe/Berlin"));
    }
};

QTEST_GUILESS_MAIN(tst_Delivery)
#include "tst_delivery.moc"
