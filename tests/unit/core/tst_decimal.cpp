#include "core/decimal.h"

#include <QTest>

using namespace qx::core;
using namespace Qt::StringLiterals;

class tst_Decimal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesAndFormatsExactly_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("units");
        QTest::addColumn<QString>("formatted");
        QTest::newRow("price") << u"42.50"_s << qint64(4'250'000'000) << u"42.5"_s;
        QTest::newRow("negative power price") << u"-3.17"_s << qint64(-317'000'000) << u"-3.17"_s;
        QTest::newRow("explicit plus") << u"+7"_s << qint64(700'000'000) << u"7"_s;
        QTest::newRow("no integer part") << u".125"_s << qint64(12'500'000) << u"0.125"_s;
        QTest::newRow("eight decimals") << u"0.00000001"_s << qint64(1) << u"0.00000001"_s;
        QTest::newRow("trailing zeros past scale")
            << u"1.0000000000"_s << qint64(100'000'000) << u"1"_s;
        QTest::newRow("zero") << u"-0"_s << qint64(0) << u"0"_s;
        QTest::newRow("largest") << u"92233720368.54775807"_s << qint64(9'223'372'036'854'775'807)
                                 << u"92233720368.54775807"_s;
    }
    void parsesAndFormatsExactly()
    {
        QFETCH(QString, text);
        QFETCH(qint64, units);
        QFETCH(QString, formatted);
        const Result<Decimal> value = Decimal::parse(text);
        QVERIFY2(value.ok(), qPrintable(value.ok() ? QString() : value.error().message));
        QCOMPARE(value->units(), units);
        QCOMPARE(value->toString(), formatted);
        QCOMPARE(Decimal::parse(value->toString())->units(), units);
    }

    void rejectsWhatIsNotADecimal_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("code");
        for (const char *bad : { "", "-", ".", "1.", "1e3", "1,5", " 1", "1 ", "0x10", "1..2",
                                 "--1", "NaN", "inf", "١٢" }) {
            QTest::newRow(bad) << QString::fromUtf8(bad) << u"invalid_number"_s;
        }
        QTest::newRow("nine decimals") << u"0.000000001"_s << u"too_precise"_s;
        QTest::newRow("past the range") << u"92233720368.54775808"_s << u"out_of_range"_s;
        QTest::newRow("far past the range") << u"99999999999999999999999"_s << u"out_of_range"_s;
    }
    void rejectsWhatIsNotADecimal()
    {
        QFETCH(QString, text);
        QFETCH(QString, code);
        const Result<Decimal> value = Decimal::parse(text);
        QVERIFY(!value.ok());
        QCOMPARE(value.error().code, code);
        QVERIFY(!value.error().message.isEmpty());
    }

    void formatsWithMinimumDecimals()
    {
        QCOMPARE(Decimal::parse(u"42.5")->toString(2), u"42.50"_s);
        QCOMPARE(Decimal::parse(u"42.125")->toString(2), u"42.125"_s);
        QCOMPARE(Decimal::parse(u"-0.5")->toString(3), u"-0.500"_s);
        QCOMPARE(Decimal::parse(u"7")->toString(0), u"7"_s);
        QCOMPARE(Decimal::parse(u"42.125")->decimals(), 3);
    }

    void addsWithoutBinaryError()
    {
        // 0.1 + 0.2 is exactly 0.3 here, unlike in double.
        const Decimal sum = *Decimal::parse(u"0.1")->plus(*Decimal::parse(u"0.2"));
        QVERIFY(sum == *Decimal::parse(u"0.3"));
        QCOMPARE(Decimal::parse(u"10")->minus(*Decimal::parse(u"10.01"))->toString(), u"-0.01"_s);
    }

    void reportsOverflow()
    {
        const Decimal largest = Decimal::fromUnits(std::numeric_limits<std::int64_t>::max());
        QCOMPARE(largest.plus(Decimal::fromUnits(1)).error().code, u"out_of_range"_s);
        QCOMPARE(largest.negated().minus(Decimal::fromUnits(1)).error().code, u"out_of_range"_s);
        QCOMPARE(largest.times(*Decimal::parse(u"2")).error().code, u"out_of_range"_s);
        QCOMPARE(Decimal::fromInteger(std::int64_t(1) << 40).error().code, u"out_of_range"_s);
    }

    void multipliesAndRounds_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<QString>("product");
        QTest::newRow("notional") << u"42.50"_s << u"25"_s << u"1062.5"_s;
        QTest::newRow("negative") << u"-3.17"_s << u"744"_s << u"-2358.48"_s;
        QTest::newRow("tie to even down") << u"0.00000001"_s << u"0.5"_s << u"0"_s;
        QTest::newRow("tie to even up") << u"0.00000003"_s << u"0.5"_s << u"0.00000002"_s;
    }
    void multipliesAndRounds()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(QString, product);
        QCOMPARE(Decimal::parse(a)->times(*Decimal::parse(b))->toString(), product);
    }

    void dividesExactlyOrRounds()
    {
        QCOMPARE(Decimal::parse(u"2210.5")->dividedBy(*Decimal::parse(u"25"))->toString(),
                 u"88.42"_s);
        QCOMPARE(Decimal::parse(u"1")->dividedBy(*Decimal::parse(u"3"))->toString(),
                 u"0.33333333"_s);
        QCOMPARE(Decimal::parse(u"-1")->dividedBy(*Decimal::parse(u"-8"))->toString(), u"0.125"_s);
        QCOMPARE(Decimal::parse(u"1")->dividedBy(*Decimal::parse(u"-8"))->toString(), u"-0.125"_s);
        QCOMPARE(Decimal::parse(u"1")->dividedBy(Decimal()).error().code, u"division_by_zero"_s);
        QCOMPARE(Decimal::parse(u"90000000000")->dividedBy(*Decimal::parse(u"0.5")).error().code,
                 u"out_of_range"_s);
    }

    void roundsToCurrencyUnits()
    {
        const Decimal value = *Decimal::parse(u"2.345");
        QCOMPARE(value.rounded(2, Rounding::HalfEven)->toString(), u"2.34"_s);
        QCOMPARE(value.rounded(2, Rounding::HalfUp)->toString(), u"2.35"_s);
        QCOMPARE(value.negated().rounded(2, Rounding::HalfUp)->toString(), u"-2.35"_s);
        QCOMPARE(value.rounded(1, Rounding::TowardZero)->toString(), u"2.3"_s);
    }

    void checksTickAndLotGrids()
    {
        const Decimal tick = *Decimal::parse(u"0.005");
        QVERIFY(Decimal::parse(u"31.255")->isMultipleOf(tick));
        QVERIFY(!Decimal::parse(u"31.256")->isMultipleOf(tick));
        QVERIFY(Decimal::parse(u"-31.25")->isMultipleOf(tick));
        QVERIFY(!Decimal::parse(u"1")->isMultipleOf(Decimal()));
    }

    void typedDecimalsComputeNotional()
    {
        const Result<Money> money = notional(*Price::parse(u"42.50"), *Quantity::parse(u"25"));
        QCOMPARE(money->toString(2), u"1062.50"_s);
        QVERIFY(*Price::parse(u"1") < *Price::parse(u"1.01"));
        QCOMPARE(Quantity::parse(u"x").error().code, u"invalid_number"_s);
    }
};

QTEST_GUILESS_MAIN(tst_Decimal)
#include "tst_decimal.moc"
