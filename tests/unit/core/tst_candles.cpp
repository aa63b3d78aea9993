#include "core/candles.h"

#include <QDateTime>
#include <QTest>

using namespace qx::core;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;

Price price(QStringView text)
{
    return *Price::parse(text);
}

Quantity quantity(QStringView text)
{
    return *Quantity::parse(text);
}

qint64 utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0,
           int millisecond = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, millisecond),
                     QTimeZone::utc())
        .toMSecsSinceEpoch();
}

void trade(CandleSeries &series, qint64 timeMs, QStringView tradePrice,
           QStringView tradeQuantity = u"1")
{
    const Result<void> added = series.addTrade(timeMs, price(tradePrice), quantity(tradeQuantity));
    QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
}

QList<qint64> starts(const QList<Candle> &candles)
{
    QList<qint64> result;
    for (const Candle &candle : candles)
        result.append(candle.start);
    return result;
}

} // namespace

class tst_Candles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wireNames()
    {
        for (CandleInterval interval : { CandleInterval::OneMinute, CandleInterval::FiveMinutes,
                                         CandleInterval::OneHour, CandleInterval::OneDay }) {
            QVERIFY(candleIntervalFromString(toString(interval)) == interval);
        }
        QCOMPARE(toString(CandleInterval::FiveMinutes), u"5m"_s);
        QCOMPARE(toString(CandleInterval::OneDay), u"1d"_s);
        QVERIFY(!candleIntervalFromString(u"2m"));
        QVERIFY(!candleIntervalFromString(u"1M"));
    }

    void bucketsAtBoundaries_data()
    {
        QTest::addColumn<int>("interval");
        QTest::addColumn<qint64>("time");
        QTest::addColumn<qint64>("start");
        const qint64 ten = utc(2027, 3, 1, 10);
        const int minute = int(CandleInterval::OneMinute), five = int(CandleInterval::FiveMinutes),
                  hour = int(CandleInterval::OneHour);
        QTest::newRow("1m on the minute") << minute << ten << ten;
        QTest::newRow("1m last millisecond") << minute << ten + kMinute - 1 << ten;
        QTest::newRow("1m next minute") << minute << ten + kMinute << ten + kMinute;
        QTest::newRow("5m last millisecond") << five << ten + 5 * kMinute - 1 << ten;
        QTest::newRow("5m next") << five << ten + 5 * kMinute << ten + 5 * kMinute;
        QTest::newRow("1h last millisecond") << hour << ten + kHour - 1 << ten;
        QTest::newRow("1h next") << hour << ten + kHour << ten + kHour;
        QTest::newRow("before the epoch rounds down") << minute << qint64(-1) << -kMinute;
    }
    void bucketsAtBoundaries()
    {
        QFETCH(int, interval);
        QFETCH(qint64, time);
        QFETCH(qint64, start);
        CandleSeries series(CandleInterval(interval), "Europe/Berlin");
        QCOMPARE(series.bucketStart(time), start);
        trade(series, time, u"50");
        QCOMPARE(series.last()->start, start);
    }

    void minuteCandlesSplitAtTheMinute()
    {
        CandleSeries series(CandleInterval::OneMinute, "Europe/Berlin");
        const qint64 ten = utc(2027, 3, 1, 10);
        trade(series, ten + 59 * kSecond + 999, u"50");
        trade(series, ten + kMinute, u"51");
        QCOMPARE(series.size(), 2);
        QCOMPARE(starts(series.candles(0, ten + kHour)), (QList<qint64> { ten, ten + kMinute }));
    }

    void openHighLowCloseVolume()
    {
        CandleSeries series(CandleInterval::FiveMinutes, "Europe/Berlin");
        const qint64 ten = utc(2027, 3, 1, 10);
        QVERIFY(!series.last());
        trade(series, ten + 5 * kSecond, u"50.00", u"1");
        trade(series, ten + 10 * kSecond, u"55.25", u"2");
        trade(series, ten + 20 * kSecond, u"-3.00", u"3");
        trade(series, ten + 4 * kMinute, u"52.10", u"1.5");
        const Candle candle = *series.last();
        QCOMPARE(candle.start, ten);
        QCOMPARE(candle.open.toString(), u"50"_s);
        QCOMPARE(candle.high.toString(), u"55.25"_s);
        QCOMPARE(candle.low.toString(), u"-3"_s);
        QCOMPARE(candle.close.toString(), u"52.1"_s);
        QCOMPARE(candle.volume.toString(), u"7.5"_s);
        QCOMPARE(candle.trades, 4);
    }

    void lateTradesLandInTheirCandle()
    {
        CandleSeries series(CandleInterval::OneMinute, "Europe/Berlin");
        const qint64 ten = utc(2027, 3, 1, 10);
        trade(series, ten + 10 * kSecond, u"50");
        trade(series, ten + 20 * kSecond, u"51");
        trade(series, ten + 2 * kMinute, u"60");

        // Reported late but traded first: it becomes the open, not the close.
        trade(series, ten + 5 * kSecond, u"49", u"2");
        // A trade in the empty minute between the two gets its own candle, in order.
        trade(series, ten + kMinute + 30 * kSecond, u"70");

        const QList<Candle> candles = series.candles(ten, ten + kHour);
        QCOMPARE(starts(candles), (QList<qint64> { ten, ten + kMinute, ten + 2 * kMinute }));
        QCOMPARE(candles[0].open.toString(), u"49"_s);
        QCOMPARE(candles[0].close.toString(), u"51"_s);
        QCOMPARE(candles[0].low.toString(), u"49"_s);
        QCOMPARE(candles[0].volume.toString(), u"4"_s);
        QCOMPARE(candles[0].trades, 3);
        QCOMPARE(candles[1].open.toString(), u"70"_s);
        QCOMPARE(candles[1].trades, 1);
        QCOMPARE(series.last()->close.toString(), u"60"_s);

        // A late trade after the candle's last one is its new close.
        trade(series, ten + 50 * kSecond, u"52");
        QCOMPARE(series.candles(ten, ten + 1)[0].close.toString(), u"52"_s);
        // Same time as the close: arrival order decides.
        trade(series, ten + 50 * kSecond, u"53");
        QCOMPARE(series.candles(ten, ten + 1)[0].close.toString(), u"53"_s);
    }

    void dayCandleOfTheSpringChangeHas23Hours()
    {
        CandleSeries series(CandleInterval::OneDay, "Europe/Berlin");
        // Sunday 28 March 2027 runs from 23:00 UTC the day before (CET) to 22:00 UTC (CEST).
        const qint64 start = utc(2027, 3, 27, 23);
        const qint64 end = utc(2027, 3, 28, 22);
        QCOMPARE(end - start, 23 * kHour);
        trade(series, start - 1, u"40");
        trade(series, start, u"41");
        trade(series, end - 1, u"42");
        trade(series, end, u"43");
        const QList<Candle> candles = series.candles(0, end + 48 * kHour);
        QCOMPARE(starts(candles), (QList<qint64> { utc(2027, 3, 26, 23), start, end }));
        QCOMPARE(candles[1].open.toString(), u"41"_s);
        QCOMPARE(candles[1].close.toString(), u"42"_s);
        QCOMPARE(candles[1].trades, 2);
        QCOMPARE(series.bucketStart(start + 12 * kHour), start);
    }

    void dayCandleOfTheAutumnChangeHas25Hours()
    {
        CandleSeries series(CandleInterval::OneDay, "Europe/Berlin");
        const qint64 start = utc(2027, 10, 30, 22);
        const qint64 end = utc(2027, 10, 31, 23);
        QCOMPARE(end - start, 25 * kHour);
        trade(series, start, u"41");
        // 02:30 local happens twice that night; both are the same day.
        trade(series, utc(2027, 10, 31, 0, 30), u"44");
        trade(series, utc(2027, 10, 31, 1, 30), u"45");
        trade(series, end - 1, u"42");
        trade(series, end, u"43");
        const QList<Candle> candles = series.candles(0, end + 48 * kHour);
        QCOMPARE(starts(candles), (QList<qint64> { start, end }));
        QCOMPARE(candles[0].trades, 4);
        QCOMPARE(candles[0].high.toString(), u"45"_s);
        // A day after a cached one is looked up afresh: back to 24 hours.
        trade(series, end + 24 * kHour, u"46");
        QCOMPARE(series.last()->start, end + 24 * kHour);
    }

    void rangeQueryIsHalfOpen()
    {
        CandleSeries series(CandleInterval::OneMinute, "Europe/Berlin");
        const qint64 ten = utc(2027, 3, 1, 10);
        for (int i = 0; i < 4; ++i)
            trade(series, ten + i * kMinute + 30 * kSecond, u"50");
        QCOMPARE(starts(series.candles(ten + kMinute, ten + 3 * kMinute)),
                 (QList<qint64> { ten + kMinute, ten + 2 * kMinute }));
        // A range starting inside a candle does not include it.
        QCOMPARE(starts(series.candles(ten + 1, ten + 2 * kMinute)),
                 (QList<qint64> { ten + kMinute }));
        QVERIFY(series.candles(ten + kMinute, ten + kMinute).isEmpty());
        QVERIFY(series.candles(ten + 3 * kMinute, ten).isEmpty());
        QCOMPARE(series.candles(0, ten + kHour).size(), 4);
    }

    void keepsTheNewestCandles()
    {
        CandleSeries series(CandleInterval::OneMinute, "Europe/Berlin", 3);
        const qint64 ten = utc(2027, 3, 1, 10);
        for (int i = 0; i < 5; ++i)
            trade(series, ten + i * kMinute, u"50");
        QCOMPARE(series.size(), 3);
        QCOMPARE(starts(series.candles(0, ten + kHour)),
                 (QList<qint64> { ten + 2 * kMinute, ten + 3 * kMinute, ten + 4 * kMinute }));

        // Older than everything kept: it would be the first to go, so it is not kept.
        trade(series, ten, u"50");
        QCOMPARE(series.candles(0, ten + kHour).first().start, ten + 2 * kMinute);
        QCOMPARE(series.size(), 3);

        // A late trade into a kept candle still counts.
        trade(series, ten + 2 * kMinute + 1, u"51");
        QCOMPARE(series.candles(0, ten + kHour).first().trades, 2);
    }

    void rejectsBadTrades()
    {
        CandleSeries series(CandleInterval::OneMinute, "Europe/Berlin");
        const qint64 ten = utc(2027, 3, 1, 10);
        QCOMPARE(series.addTrade(ten, price(u"50"), quantity(u"0")).error().code,
                 u"quantity_not_positive"_s);
        QCOMPARE(series.size(), 0);

        trade(series, ten, u"50", u"92233720368");
        QCOMPARE(series.addTrade(ten, price(u"50"), quantity(u"1")).error().code,
                 u"out_of_range"_s);
        QCOMPARE(series.last()->trades, 1);
        QCOMPARE(series.last()->volume.toString(), u"92233720368"_s);
    }
};

QTEST_GUILESS_MAIN(tst_Candles)
#include "tst_candles.moc"
