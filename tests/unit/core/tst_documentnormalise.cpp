// Values as brokers and utilities write them on confirmations and invoices, read into the
// forms deals are matched on: a date read the wrong way round, a decimal comma taken for a
// thousands separator or a hub taken for another would book or match the wrong deal.
#include "core/documents/normalise.h"

#include <QTest>

using namespace qx::core::documents;
using namespace Qt::StringLiterals;

class tst_DocumentNormalise : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void datesAsWritten_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("monthFirst");
        QTest::addColumn<QDate>("expected");
        const QDate nov3(2026, 11, 3);
        const auto row = [](const char *name, const QString &text, bool monthFirst, QDate date) {
            QTest::newRow(name) << text << monthFirst << date;
        };
        row("iso", u"2026-11-03"_s, false, nov3);
        row("dotted", u"03.11.2026"_s, false, nov3);
        row("dotted, short year", u"3.11.26"_s, false, nov3);
        row("dotted is day first in the US too", u"03.11.2026"_s, true, nov3);
        row("slashed, day first", u"03/11/2026"_s, false, nov3);
        row("slashed, month first", u"11/03/2026"_s, true, nov3);
        row("slashed, a day over 12 decides", u"23/11/2026"_s, true, QDate(2026, 11, 23));
        row("dashed numbers", u"03-11-2026"_s, false, nov3);
        row("day month-word year", u"3 Nov 2026"_s, false, nov3);
        row("dashed month word", u"3-Nov-26"_s, false, nov3);
        row("full month", u"03 November 2026"_s, false, nov3);
        row("US long", u"November 3, 2026"_s, false, nov3);
        row("ordinal", u"Nov. 3rd 2026"_s, false, nov3);
        row("German", u"3. November 2026"_s, false, nov3);
        row("German abbreviation", u"3. Nov. 2026"_s, false, nov3);
        row("German umlaut", u"14. März 2027"_s, false, QDate(2027, 3, 14));
        row("German Mrz", u"14. Mrz 2027"_s, false, QDate(2027, 3, 14));
        row("Austrian", u"2. Jänner 2027"_s, false, QDate(2027, 1, 2));
        row("German Dezember", u"31. Dezember 2026"_s, false, QDate(2026, 12, 31));
        row("German Okt", u"1 Okt 2026"_s, false, QDate(2026, 10, 1));
        row("French", u"3 mars 2027"_s, false, QDate(2027, 3, 3));
        row("French août", u"15 août 2027"_s, false, QDate(2027, 8, 15));
        row("Sept", u"30 Sept 2026"_s, false, QDate(2026, 9, 30));
        row("trailing full stop", u"3 Nov 2026."_s, false, nov3);
        row("spaces around", u"  03.11.2026 "_s, false, nov3);
    }
    void datesAsWritten()
    {
        QFETCH(QString, text);
        QFETCH(bool, monthFirst);
        QFETCH(QDate, expected);
        const std::optional<QDate> date
            = parseDate(text, monthFirst ? DateOrder::MonthFirst : DateOrder::DayFirst);
        QVERIFY2(date.has_value(), qPrintable(text));
        QCOMPARE(*date, expected);
    }

    void notDates_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *text : { "31.02.2026", "13/13/2026", "3 Foo 2026", "2026", "Nov 2026",
                                  "1.234,56", "3 Ju 2026", "EUR 45.10", "", "03.11.2026 x" })
            QTest::newRow(text) << QString::fromUtf8(text);
    }
    void notDates()
    {
        QFETCH(QString, text);
        QVERIFY(!parseDate(text).has_value());
    }

    void aDateInsideALine()
    {
        const auto found = findDate(u"Trade Date: 3 Nov 2026 (London time)"_s);
        QVERIFY(found.has_value());
        QCOMPARE(found->date, QDate(2026, 11, 3));
        QCOMPARE(found->start, 12);
        QCOMPARE(found->length, 10);
        // The first date of two, whatever way each is written.
        const auto first = findDate(u"Delivery 01.01.2027 to 31 Jan 2027"_s);
        QVERIFY(first.has_value());
        QCOMPARE(first->date, QDate(2027, 1, 1));
        // Neither a price nor a trade id is a date.
        QVERIFY(!findDate(u"Price 45.10 EUR/MWh, ref 20261103-77"_s).has_value());
    }

    void theDocumentSaysWhichWayItsDatesGo()
    {
        QCOMPARE(inferDateOrder({ u"Trade date 11/03/2026"_s, u"Delivery 12/31/2026"_s },
                                DateOrder::DayFirst),
                 DateOrder::MonthFirst);
        QCOMPARE(inferDateOrder({ u"from 31/12/2026"_s, u"11/03/2026"_s }, DateOrder::MonthFirst),
                 DateOrder::DayFirst);
        QCOMPARE(inferDateOrder({ u"11/03/2026"_s }, DateOrder::MonthFirst), DateOrder::MonthFirst);
    }

    void numbersAsWritten_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("comma");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *text, bool comma, const char *expected) {
            QTest::newRow(text) << QString::fromUtf8(text) << comma << QString::fromUtf8(expected);
        };
        row("1,234.56", false, "1234.56");
        row("1.234,56", false, "1234.56");
        row("1 234,56", true, "1234.56");
        row("1\u00A0234,56", true, "1234.56");
        row("1'234.56", false, "1234.56");
        row("50,25", false, "50.25");
        row("45.10", true, "45.10");
        row("1,234", false, "1234");
        row("1,234", true, "1.234");
        row("1.234", true, "1234");
        row("1.234", false, "1.234");
        row("0,125", false, "0.125");
        row("12,345,678", false, "12345678");
        row("12.345.678,9", false, "12345678.9");
        row("-3", false, "-3");
        row("+0.5", false, "0.5");
        row("(1,250.00)", false, "-1250.00");
        row("\u22122,5", true, "-2.5");
        row("EUR 1.234,56", true, "1234.56");
        row("45,10 €", true, "45.10");
        row("$ 71.35", false, "71.35");
        row("65.5p", false, "65.5");
        row("25", false, "25");
    }
    void numbersAsWritten()
    {
        QFETCH(QString, text);
        QFETCH(bool, comma);
        QFETCH(QString, expected);
        const std::optional<QString> value
            = parseDecimal(text, comma ? DecimalMark::Comma : DecimalMark::Point);
        QVERIFY2(value.has_value(), qPrintable(text));
        QCOMPARE(*value, expected);
    }

    void notNumbers_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *text : { "", "abc", "12 34", "1,23,4", "1.2.3,4,5", "12..5", "1,2345.6",
                                  "EUR", "3 Nov", "45.10.2026x", "1e5" })
            QTest::newRow(text) << QString::fromUtf8(text);
    }
    void notNumbers()
    {
        QFETCH(QString, text);
        QVERIFY(!parseDecimal(text).has_value());
    }

    void theDocumentSaysWhichMarkIsDecimal()
    {
        QCOMPARE(inferDecimalMark({ u"Menge 1.234 MWh"_s, u"Preis 45,10 EUR/MWh"_s },
                                  DecimalMark::Point),
                 DecimalMark::Comma);
        QCOMPARE(inferDecimalMark({ u"Total 1,234,567.89"_s }, DecimalMark::Comma),
                 DecimalMark::Point);
        // A date's points and a lone group say nothing.
        QCOMPARE(inferDecimalMark({ u"03.11.2026"_s, u"1,234"_s }, DecimalMark::Comma),
                 DecimalMark::Comma);
    }

    void hubsByTheirNames_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("code");
        const auto row = [](const char *text, const char *code) {
            QTest::newRow(text) << QString::fromUtf8(text) << QString::fromUtf8(code);
        };
        row("Germany", "DE");
        row("Amprion", "DE");
        row("TenneT DE", "DE");
        row("EPEX DE", "DE");
        row("DE-LU", "DE");
        row("50Hertz Transmission", "DE");
        row("Deutschland (Marktgebiet DE-LU)", "DE");
        row("France", "FR");
        row("The Netherlands", "NL");
        row("TenneT NL", "NL");
        row("United Kingdom", "GB");
        row("Nord Pool system price", "NORDIC");
        row("Title Transfer Facility", "TTF");
        row("TTF Hub", "TTF");
        row("Dutch TTF", "TTF");
        row("National Balancing Point", "NBP");
        row("NBP", "NBP");
        row("Trading Hub Europe", "THE");
        row("THE", "THE");
        row("Marktgebiet THE", "THE");
        row("NetConnect Germany", "THE");
        row("Henry Hub, Louisiana", "HH");
        row("ICE Brent", "BRENT");
        row("West Texas Intermediate", "WTI");
        row("EU Allowances (EUA)", "EUA");
        row("EU ETS", "EUA");
    }
    void hubsByTheirNames()
    {
        QFETCH(QString, text);
        QFETCH(QString, code);
        QCOMPARE(hubCode(text), std::optional(code));
    }

    void notAHub()
    {
        QVERIFY(!hubCode(u"the buyer shall pay"_s).has_value());
        QVERIFY(!hubCode(u"Delivery"_s).has_value());
        QVERIFY(!hubCode(u"Denmark"_s).has_value());
    }

    void commoditiesShapesAndUnits()
    {
        QCOMPARE(commodityCode(u"Electricity"_s), std::optional(u"power"_s));
        QCOMPARE(commodityCode(u"Strom"_s), std::optional(u"power"_s));
        QCOMPARE(commodityCode(u"Natural Gas"_s), std::optional(u"natural_gas"_s));
        QCOMPARE(commodityCode(u"Erdgas"_s), std::optional(u"natural_gas"_s));
        QCOMPARE(commodityCode(u"Crude Oil"_s), std::optional(u"crude_oil"_s));
        QCOMPARE(commodityCode(u"Rohöl"_s), std::optional(u"crude_oil"_s));
        QCOMPARE(commodityCode(u"EU emission allowances"_s), std::optional(u"emissions"_s));
        QVERIFY(!commodityCode(u"Coffee"_s).has_value());

        QCOMPARE(loadShapeCode(u"Baseload"_s), std::optional(u"base"_s));
        QCOMPARE(loadShapeCode(u"Base Load"_s), std::optional(u"base"_s));
        QCOMPARE(loadShapeCode(u"Grundlast"_s), std::optional(u"base"_s));
        QCOMPARE(loadShapeCode(u"Peak"_s), std::optional(u"peak"_s));
        QCOMPARE(loadShapeCode(u"Off-Peak"_s), std::optional(u"offpeak"_s));
        QCOMPARE(loadShapeCode(u"Off Peak Load"_s), std::optional(u"offpeak"_s));

        QCOMPARE(quantityUnit(u"MW"_s), std::optional(u"MW"_s));
        QCOMPARE(quantityUnit(u"MWh/h"_s), std::optional(u"MW"_s));
        QCOMPARE(quantityUnit(u"megawatts"_s), std::optional(u"MW"_s));
        QCOMPARE(quantityUnit(u"MWh"_s), std::optional(u"MWh"_s));
        QCOMPARE(quantityUnit(u"MMBtu/day"_s), std::optional(u"MMBtu/d"_s));
        QCOMPARE(quantityUnit(u"therms per day"_s), std::optional(u"therm/d"_s));
        QCOMPARE(quantityUnit(u"th/d"_s), std::optional(u"therm/d"_s));
        QCOMPARE(quantityUnit(u"barrels"_s), std::optional(u"bbl"_s));
        QCOMPARE(quantityUnit(u"t CO2"_s), std::optional(u"tCO2"_s));
        QCOMPARE(quantityUnit(u"tonnes"_s), std::optional(u"tCO2"_s));
        QCOMPARE(quantityUnit(u"MWh pro Tag"_s), std::optional(u"MWh"_s));
        QVERIFY(!quantityUnit(u"lots"_s).has_value());
    }

    void currenciesAndPriceUnits()
    {
        QCOMPARE(currencyCode(u"€"_s), std::optional(u"EUR"_s));
        QCOMPARE(currencyCode(u"Euro"_s), std::optional(u"EUR"_s));
        QCOMPARE(currencyCode(u"US$"_s), std::optional(u"USD"_s));
        QCOMPARE(currencyCode(u"£"_s), std::optional(u"GBP"_s));
        QCOMPARE(currencyCode(u"GBP"_s), std::optional(u"GBP"_s));
        QCOMPARE(currencyCode(u"GBp"_s), std::optional(u"GBp"_s));
        QCOMPARE(currencyCode(u"pence"_s), std::optional(u"GBp"_s));

        const auto unit = [](const QString &text) {
            const std::optional<PriceUnit> read = priceUnit(text);
            return read ? read->currency + u' ' + read->unit : u"none"_s;
        };
        QCOMPARE(unit(u"EUR/MWh"_s), u"EUR EUR/MWh"_s);
        QCOMPARE(unit(u"€ / MWh"_s), u"EUR EUR/MWh"_s);
        QCOMPARE(unit(u"EUR per MWh"_s), u"EUR EUR/MWh"_s);
        QCOMPARE(unit(u"Euro pro MWh"_s), u"EUR EUR/MWh"_s);
        QCOMPARE(unit(u"£/MWh"_s), u"GBP GBP/MWh"_s);
        QCOMPARE(unit(u"GBp/therm"_s), u"GBP GBp/therm"_s);
        QCOMPARE(unit(u"p/th"_s), u"GBP GBp/therm"_s);
        QCOMPARE(unit(u"pence per therm"_s), u"GBP GBp/therm"_s);
        QCOMPARE(unit(u"USD/MMBtu"_s), u"USD USD/MMBtu"_s);
        QCOMPARE(unit(u"US$/MMBtu"_s), u"USD USD/MMBtu"_s);
        QCOMPARE(unit(u"$/bbl"_s), u"USD USD/bbl"_s);
        QCOMPARE(unit(u"USD per barrel"_s), u"USD USD/bbl"_s);
        QCOMPARE(unit(u"EUR/t CO2"_s), u"EUR EUR/t"_s);
        QCOMPARE(unit(u"€/tonne"_s), u"EUR EUR/t"_s);
        QCOMPARE(unit(u"MWh"_s), u"none"_s);
        QCOMPARE(unit(u"EUR"_s), u"none"_s);
    }

    void namesAreComparedFolded()
    {
        QCOMPARE(foldForMatching(u"  Title-Transfer   Facility! "_s), u"title transfer facility"_s);
        QCOMPARE(foldForMatching(u"Größe März"_s), u"grosse marz"_s);
        QCOMPARE(foldForMatching(u"Électricité"_s), u"electricite"_s);
    }
};

QTEST_APPLESS_MAIN(tst_DocumentNormalise)
#include "tst_documentnormalise.moc"
