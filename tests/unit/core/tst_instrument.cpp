#include "core/instrument.h"
#include "core/productcatalog.h"

#include <QFile>
#include <QTest>

#include <algorithm>

using namespace qx::core;
using namespace Qt::StringLiterals;

namespace {

Instrument germanPowerMarch2027()
{
    Instrument instrument;
    instrument.symbol = u"DE.BASE.M.2027-03"_s;
    instrument.commodity = Commodity::Power;
    instrument.area = u"DE"_s;
    instrument.delivery = DeliveryPeriod::month(2027, 3);
    instrument.timeZone = "Europe/Berlin";
    instrument.unit = QuantityUnit::Megawatt;
    instrument.currency = u"EUR"_s;
    instrument.tickSize = *Price::parse(u"0.01");
    instrument.lotSize = *Quantity::parse(u"1");
    instrument.lastTradingDay = QDate(2027, 2, 26);
    return instrument;
}

QByteArray shippedCatalog()
{
    QFile file(QStringLiteral(QX_SOURCE_DIR "/resources/catalog/default-products.json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_Instrument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsOrdersOnTheGrid()
    {
        const Instrument power = germanPowerMarch2027();
        QVERIFY(power.validate().ok());
        QVERIFY(power.checkOrder(*Price::parse(u"42.50"), *Quantity::parse(u"25")).ok());
        // Power prices go negative on sunny, windy days.
        QVERIFY(power.checkOrder(*Price::parse(u"-5.25"), *Quantity::parse(u"1")).ok());
    }

    void rejectsOrdersOffTheGrid_data()
    {
        QTest::addColumn<QString>("price");
        QTest::addColumn<QString>("quantity");
        QTest::addColumn<QString>("code");
        QTest::newRow("zero quantity") << u"42.50"_s << u"0"_s << u"quantity_not_positive"_s;
        QTest::newRow("negative quantity") << u"42.50"_s << u"-5"_s << u"quantity_not_positive"_s;
        QTest::newRow("fractional lot") << u"42.50"_s << u"2.5"_s << u"quantity_off_lot"_s;
        QTest::newRow("price off tick") << u"42.505"_s << u"5"_s << u"price_off_tick"_s;
    }
    void rejectsOrdersOffTheGrid()
    {
        QFETCH(QString, price);
        QFETCH(QString, quantity);
        QFETCH(QString, code);
        const Result<void> checked
            = germanPowerMarch2027().checkOrder(*Price::parse(price), *Quantity::parse(quantity));
        QVERIFY(!checked.ok());
        QCOMPARE(checked.error().code, code);
        // Grid errors name the instrument and the grid, so the trader knows what to fix.
        if (code != u"quantity_not_positive") {
            QVERIFY2(checked.error().message.contains(u"DE.BASE.M.2027-03"),
                     qPrintable(checked.error().message));
        }
    }

    void rejectsBrokenDefinitions()
    {
        Instrument instrument = germanPowerMarch2027();
        instrument.tickSize = Price();
        QCOMPARE(instrument.validate().error().code, u"invalid_instrument"_s);
        instrument = germanPowerMarch2027();
        instrument.timeZone = "Mars/Olympus";
        QVERIFY(!instrument.validate().ok());
        instrument = germanPowerMarch2027();
        instrument.delivery.end = QDate(2027, 3, 20); // not a whole month
        QVERIFY(!instrument.validate().ok());
        instrument = germanPowerMarch2027();
        instrument.commodity = Commodity::CrudeOil;
        instrument.load = LoadShape::Peak;
        QVERIFY(!instrument.validate().ok());
        instrument = germanPowerMarch2027();
        instrument.symbol = u"de base"_s;
        QVERIFY(!instrument.validate().ok());
    }

    void namesDeliveryPeriods()
    {
        QCOMPARE(DeliveryPeriod::month(2027, 3).code(), u"2027-03"_s);
        QCOMPARE(DeliveryPeriod::quarter(2027, 4).code(), u"2027-Q4"_s);
        QCOMPARE(DeliveryPeriod::quarter(2027, 4).end, QDate(2028, 1, 1));
        QCOMPARE(DeliveryPeriod::year(2028).code(), u"2028"_s);
        QCOMPARE(DeliveryPeriod::day(QDate(2027, 3, 28)).end, QDate(2027, 3, 29));
    }

    void weeksWeekendsAndSeasons()
    {
        const DeliveryPeriod week = DeliveryPeriod::week(2027, 13);
        QCOMPARE(week.start, QDate(2027, 3, 29)); // a Monday
        QCOMPARE(week.code(), u"2027-W13"_s);
        QVERIFY(week.isValid());
        const DeliveryPeriod weekend = DeliveryPeriod::weekend(2027, 12);
        QCOMPARE(weekend.start, QDate(2027, 3, 27));
        QCOMPARE(weekend.code(), u"2027-WE12"_s);
        QCOMPARE(DeliveryPeriod::week(2026, 53).start, QDate(2026, 12, 28)); // ISO year 2026
        QCOMPARE(DeliveryPeriod::season(2027, false).code(), u"2027-WIN"_s);
        QCOMPARE(DeliveryPeriod::season(2027, false).end, QDate(2028, 4, 1));
        const DeliveryPeriod tuesdayWeek { DeliveryPeriod::Kind::Week, QDate(2027, 3, 30),
                                           QDate(2027, 4, 6) };
        QVERIFY(!tuesdayWeek.isValid()); // a week starts on a Monday
    }

    void namesAndReadsHoursAndQuarterHours()
    {
        QCOMPARE(DeliveryPeriod::hour(QDate(2027, 10, 31), 2, true).code(), u"2027-10-31T02B"_s);
        QCOMPARE(DeliveryPeriod::quarterHour(QDate(2027, 3, 14), 8, 15).code(),
                 u"2027-03-14T0815"_s);
        const Result<SymbolParts> repeated = parseSymbol(u"DE.H.2027-10-31T02B");
        QCOMPARE(repeated->product, u"DE"_s);
        QVERIFY(repeated->delivery == DeliveryPeriod::hour(QDate(2027, 10, 31), 2, true));
        QVERIFY(parseSymbol(u"DE.QH.2027-03-14T0815")->delivery
                == DeliveryPeriod::quarterHour(QDate(2027, 3, 14), 8, 15));
        for (const char *bad : { "DE.H.2027-03-14T24", "DE.QH.2027-03-14T0810", "DE.H.2027-03-14T2",
                                 "DE.QH.2027-03-14T08", "DE.H.2027-02-30T08" }) {
            QCOMPARE(parseSymbol(QString::fromLatin1(bad)).error().code, u"invalid_symbol"_s);
        }
    }

    void anHourMustExistOnItsDay()
    {
        Instrument hour = germanPowerMarch2027();
        hour.symbol = u"DE.H.2027-03-28T02"_s;
        hour.delivery = DeliveryPeriod::hour(QDate(2027, 3, 28), 2); // skipped by the clock
        QCOMPARE(hour.validate().error().code, u"invalid_instrument"_s);
        hour.delivery = DeliveryPeriod::hour(QDate(2027, 3, 28), 3);
        QVERIFY(hour.validate().ok());
        hour.load = LoadShape::Peak;
        QVERIFY(!hour.validate().ok()); // an hour has no load shape
    }

    void listsEveryHourAndClosesEachAtItsGate()
    {
        const ProductCatalog catalog = *ProductCatalog::fromJson(shippedCatalog());
        QHash<QString, Instrument> listed;
        for (const Instrument &instrument : catalog.instrumentsOn(QDate(2027, 10, 30)))
            listed.insert(instrument.symbol, instrument);
        // The 30th and the 31st (the 25-hour day) are listed, hours and quarter-hours.
        QVERIFY(listed.contains(u"DE.H.2027-10-30T00"_s));
        QVERIFY(listed.contains(u"DE.H.2027-10-31T02B"_s));
        QVERIFY(listed.contains(u"DE.QH.2027-10-31T0245B"_s));
        QVERIFY(!listed.contains(u"DE.H.2027-11-01T00"_s));
        // Gate closure five minutes before delivery: the B hour starts at 01:00 UTC.
        const Instrument repeated = listed.value(u"DE.H.2027-10-31T02B"_s);
        QCOMPARE(repeated.tradingEnd, QDateTime(QDate(2027, 10, 31), QTime(0, 55), Qt::UTC));
        QVERIFY(!repeated.isExpired(QDateTime(QDate(2027, 10, 31), QTime(0, 54, 59), Qt::UTC)));
        QVERIFY(repeated.isExpired(QDateTime(QDate(2027, 10, 31), QTime(0, 55), Qt::UTC)));
        // The hour after midnight closes the evening before.
        QCOMPARE(listed.value(u"DE.H.2027-10-31T00"_s).lastTradingDay, QDate(2027, 10, 30));
        int springHours = 0;
        for (const Instrument &instrument : catalog.instrumentsOn(QDate(2027, 3, 28))) {
            if (instrument.symbol.startsWith(u"DE.H.2027-03-28"))
                ++springHours;
        }
        QCOMPARE(springHours, 23);
    }

    void expiresAfterTheLastTradingDay()
    {
        const Instrument power = germanPowerMarch2027();
        QVERIFY(!power.isExpired(QDateTime(QDate(2027, 2, 26), QTime(23, 59), Qt::UTC)));
        QVERIFY(power.isExpired(QDateTime(QDate(2027, 2, 27), QTime(0, 0), Qt::UTC)));
    }

    void shippedCatalogListsTheBenchmarkContracts()
    {
        const Result<ProductCatalog> catalog = ProductCatalog::fromJson(shippedCatalog());
        QVERIFY2(catalog.ok(), qPrintable(catalog.ok() ? QString() : catalog.error().message));
        QStringList symbols;
        for (const Instrument &instrument : catalog->instrumentsOn(QDate(2026, 11, 25))) {
            QVERIFY2(instrument.validate().ok(), qPrintable(instrument.symbol));
            symbols.append(instrument.symbol);
        }
        for (const char *expected :
             { "DE.BASE.M.2026-12", "DE.BASE.M.2027-05", "DE.BASE.Q.2027-Q1", "DE.BASE.Y.2027",
               "TTF.M.2026-12", "HH.M.2027-01", "BRENT.M.2027-01", "EUA.DEC.2026", "EUA.DEC.2028",
               // 2026-11-25 is a Wednesday: the coming weekend and the
               // next week; summer 2027 is the next season to start.
               "DE.BASE.WE.2026-WE48", "DE.BASE.W.2026-W49", "DE.BASE.S.2027-SUM",
               "DE.BASE.S.2027-WIN", "FR.BASE.M.2026-12", "NL.BASE.M.2026-12", "GB.BASE.M.2026-12",
               "NORDIC.SYS.M.2026-12", "THE.M.2026-12", "NBP.M.2026-12", "TTF.S.2027-SUM",
               "WTI.M.2027-01" }) {
            QVERIFY2(symbols.contains(QString::fromLatin1(expected)), expected);
        }
        QVERIFY(!symbols.contains(u"DE.BASE.M.2026-11"_s)); // already delivering
    }

    void catalogRollsForward()
    {
        const ProductCatalog catalog = *ProductCatalog::fromJson(shippedCatalog());
        QStringList symbols;
        for (const Instrument &instrument : catalog.instrumentsOn(QDate(2026, 12, 16)))
            symbols.append(instrument.symbol);
        QVERIFY(symbols.contains(u"DE.BASE.M.2027-01"_s));
        QVERIFY(!symbols.contains(u"DE.BASE.M.2026-12"_s));
        QVERIFY(!symbols.contains(u"EUA.DEC.2026"_s)); // past its last trading day
        QVERIFY(symbols.contains(u"EUA.DEC.2029"_s));
        QVERIFY(symbols.contains(u"DE.BASE.Y.2027"_s));
        QStringList newYear;
        for (const Instrument &instrument : catalog.instrumentsOn(QDate(2027, 1, 2)))
            newYear.append(instrument.symbol);
        QVERIFY(newYear.contains(u"TTF.M.2027-02"_s));
        QVERIFY(!newYear.contains(u"TTF.M.2027-01"_s));
        QVERIFY(!newYear.contains(u"DE.BASE.Y.2027"_s));
        QVERIFY(newYear.contains(u"DE.BASE.Q.2027-Q2"_s));
    }

    void sortsLikeATradingBoard()
    {
        QList<Instrument> instruments
            = ProductCatalog::fromJson(shippedCatalog())->instrumentsOn(QDate(2026, 11, 25));
        std::sort(instruments.begin(), instruments.end(), boardOrderLess);
        QStringList symbols;
        for (const Instrument &instrument : instruments)
            symbols.append(instrument.symbol);
        // Shortest tenor first, as on a broker screen: quarter-hours, hours, days, weekend,
        // week, months, quarters, seasons.
        QCOMPARE(symbols.first(), u"DE.QH.2026-11-25T0000"_s);
        QVERIFY(symbols.indexOf(u"DE.QH.2026-11-26T2345"_s)
                < symbols.indexOf(u"DE.H.2026-11-25T00"_s));
        QVERIFY(symbols.indexOf(u"DE.H.2026-11-26T23"_s)
                < symbols.indexOf(u"DE.BASE.D.2026-11-26"_s));
        QVERIFY(symbols.indexOf(u"DE.BASE.D.2026-11-27"_s)
                < symbols.indexOf(u"DE.BASE.WE.2026-WE48"_s));
        QVERIFY(symbols.indexOf(u"DE.BASE.W.2026-W49"_s) < symbols.indexOf(u"DE.BASE.M.2026-12"_s));
        QVERIFY(symbols.indexOf(u"DE.BASE.Q.2027-Q4"_s) < symbols.indexOf(u"DE.BASE.S.2027-SUM"_s));
        QVERIFY(symbols.indexOf(u"DE.BASE.M.2027-05"_s) < symbols.indexOf(u"DE.BASE.Q.2027-Q1"_s));
        QVERIFY(symbols.indexOf(u"DE.BASE.Q.2027-Q4"_s) < symbols.indexOf(u"DE.BASE.Y.2027"_s));
        QVERIFY(symbols.indexOf(u"DE.BASE.Y.2029"_s) < symbols.indexOf(u"DE.PEAK.M.2026-12"_s));
        QVERIFY(symbols.indexOf(u"DE.PEAK.M.2027-02"_s) < symbols.indexOf(u"HH.M.2026-12"_s));
        QVERIFY(symbols.indexOf(u"TTF.M.2027-05"_s) < symbols.indexOf(u"BRENT.M.2026-12"_s));
        QCOMPARE(symbols.last(), u"EUA.DEC.2028"_s);
    }

    void symbolsReadBackAsProductAndPeriod()
    {
        const ProductCatalog catalog = *ProductCatalog::fromJson(shippedCatalog());
        for (const Instrument &instrument : catalog.instrumentsOn(QDate(2026, 11, 25))) {
            const Result<SymbolParts> parts = parseSymbol(instrument.symbol);
            QVERIFY2(parts.ok(), qPrintable(instrument.symbol));
            QVERIFY2(parts->delivery == instrument.delivery, qPrintable(instrument.symbol));
            QVERIFY(instrument.symbol.startsWith(parts->product + u'.'));
        }
        QCOMPARE(parseSymbol(u"DE.BASE.M.2027-03")->product, u"DE.BASE"_s);
        QCOMPARE(parseSymbol(u"EUA.DEC.2027")->delivery.code(), u"2027-12"_s);
        QCOMPARE(parseSymbol(u"DE.BASE.Q.2027-Q4")->delivery.start, QDate(2027, 10, 1));
        QCOMPARE(parseSymbol(u"NL.D.2027-03-28")->delivery.code(), u"2027-03-28"_s);
        for (const char *bad : { "", "DE", "DE.BASE.M.2027-13", "DE.BASE.Q.2027-Q5", "EUA.XYZ.2027",
                                 "de.base.m.2027-03", "DE.BASE.M.2027-03.X" }) {
            QCOMPARE(parseSymbol(QString::fromLatin1(bad)).error().code, u"invalid_symbol"_s);
        }
    }

    void rejectsAMalformedCatalog()
    {
        QCOMPARE(ProductCatalog::fromJson("{").error().code, u"invalid_catalog"_s);
        QCOMPARE(ProductCatalog::fromJson(R"({"products":[{"code":"X"}]})").error().code,
                 u"invalid_catalog"_s);
        QCOMPARE(ProductCatalog::fromJson(
                     R"({"products":[{"code":"X","commodity":"power","area":"DE","period":"month",
                     "time_zone":"Nowhere/Land","unit":"MW","currency":"EUR",
                     "tick_size":"0.01","lot_size":"1"}]})")
                     .error()
                     .code,
                 u"invalid_catalog"_s);
    }
};

QTEST_GUILESS_MAIN(tst_Instrument)
#include "tst_instrument.moc"
