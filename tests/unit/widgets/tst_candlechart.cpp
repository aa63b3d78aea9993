// The chart a trader watches: candles and volume from the series, the live candle moving with
// each trade, new candles appended, a bounded history, exact numbers in its summary line, and
// the interval buttons.
#include "faketradingservice.h"
#include "ui/models/displayformat.h"
#include "ui/widgets/candlechart.h"

#include <QCandlestickSeries>
#include <QCandlestickSet>
#include <QChart>
#include <QChartView>
#include <QMouseEvent>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QValueAxis>
#include <QWheelEvent>

using qx::core::Candle;
using qx::core::CandleInterval;
using qx::core::Price;
using qx::core::Quantity;
using qx::test::FakeTradingService;
using qx::widgets::CandleChart;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kStart = 1'800'000'000'000; // a whole minute

Candle candle(int minute, const char *open, const char *high, const char *low, const char *close,
              const char *volume)
{
    const auto price = [](const char *text) {
        return *Price::parse(QString::fromLatin1(text));
    };
    return { kStart + minute * 60'000,
             price(open),
             price(high),
             price(low),
             price(close),
             *Quantity::parse(QString::fromLatin1(volume)),
             1 };
}

} // namespace

class TestCandleChart : public QObject
{
    Q_OBJECT

private:
    static QCandlestickSeries *series(const CandleChart &chart, const QString &name)
    {
        for (QAbstractSeries *each : chart.chart()->series()) {
            if (each->name() == name)
                return static_cast<QCandlestickSeries *>(each);
        }
        return nullptr;
    }

private Q_SLOTS:
    void drawsCandlesAndVolume()
    {
        CandleChart chart;
        chart.setInstrument(FakeTradingService::power());
        chart.setCandles({ candle(0, "42.00", "42.50", "41.90", "42.40", "10"),
                           candle(1, "42.40", "42.60", "42.10", "42.15", "25") });
        QCandlestickSeries *prices = series(chart, u"Price"_s);
        QCandlestickSeries *volumes = series(chart, u"Volume"_s);
        QVERIFY(prices && volumes);
        QCOMPARE(prices->count(), 2);
        QCOMPARE(prices->sets().at(1)->close(), 42.15);
        QCOMPARE(prices->sets().at(1)->timestamp(), qreal(kStart + 60'000));
        QCOMPARE(volumes->sets().at(1)->high(), 25.0);
        QCOMPARE(volumes->sets().at(1)->low(), 0.0);
        // The latest candle's exact values, at the instrument's decimals.
        QVERIFY(chart.summaryText().contains(u"O 42.40  H 42.60  L 42.10  C 42.15"));
        QVERIFY(chart.summaryText().contains(u"Vol 25 MW"));
    }

    void theLiveCandleMovesAndNewOnesAppend()
    {
        CandleChart chart;
        chart.setInstrument(FakeTradingService::power());
        chart.setCandles({ candle(0, "42.00", "42.50", "41.90", "42.40", "10") });
        chart.updateCandle(candle(0, "42.00", "42.80", "41.90", "42.70", "15"));
        QCandlestickSeries *prices = series(chart, u"Price"_s);
        QCOMPARE(prices->count(), 1);
        QCOMPARE(prices->sets().last()->high(), 42.8);
        QVERIFY(chart.summaryText().contains(u"C 42.70"));
        chart.updateCandle(candle(1, "42.70", "42.70", "42.70", "42.70", "5"));
        QCOMPARE(prices->count(), 2);
        QCOMPARE(chart.candles().last().start, kStart + 60'000);
        // A late trade in an older minute lands in its own candle.
        chart.updateCandle(candle(0, "42.00", "42.90", "41.90", "42.70", "16"));
        QCOMPARE(prices->count(), 2);
        QCOMPARE(prices->sets().first()->high(), 42.9);
    }

    void keepsABoundedHistory()
    {
        CandleChart chart;
        chart.setInstrument(FakeTradingService::power());
        QList<Candle> many;
        for (int minute = 0; minute < CandleChart::kMaxCandles + 10; ++minute)
            many.append(candle(minute, "42", "43", "41", "42.5", "1"));
        chart.setCandles(many);
        QCOMPARE(chart.candles().size(), CandleChart::kMaxCandles);
        chart.updateCandle(candle(CandleChart::kMaxCandles + 10, "42", "43", "41", "42.5", "1"));
        QCOMPARE(chart.candles().size(), CandleChart::kMaxCandles);
        QCOMPARE(series(chart, u"Price"_s)->count(), CandleChart::kMaxCandles);
        QCOMPARE(chart.candles().first().start, kStart + 11 * 60'000);
    }

    void intervalButtonsAskForAnotherSeries()
    {
        CandleChart chart;
        chart.setInstrument(FakeTradingService::power());
        chart.setCandles({ candle(0, "42.00", "42.50", "41.90", "42.40", "10") });
        QSignalSpy changed(&chart, &CandleChart::intervalChanged);
        QTest::mouseClick(chart.findChild<QPushButton *>(u"interval_1h"_s), Qt::LeftButton);
        QCOMPARE(changed.size(), 1);
        QVERIFY(changed.first().first().value<CandleInterval>() == CandleInterval::OneHour);
        QVERIFY(chart.interval() == CandleInterval::OneHour);
        QVERIFY(chart.candles().isEmpty()); // the minute candles are not hours
        QTest::mouseClick(chart.findChild<QPushButton *>(u"interval_1h"_s), Qt::LeftButton);
        QCOMPARE(changed.size(), 1); // already showing hours
    }

    void axisNumbersFollowTheNumberFormat()
    {
        // A German trader reads "88,50" on the axis, as on the ladder beside it.
        qx::models::displayformat::setNumberLocale(u"de_DE"_s);
        qx::widgets::CandleChart german;
        QVERIFY(german.chart()->localizeNumbers());
        QCOMPARE(german.chart()->locale().toString(88.5, 'f', 2), u"88,50"_s);
        qx::models::displayformat::setNumberLocale({});
    }

    void zoomAndPanWithWheelDragAndKeys()
    {
        CandleChart chart;
        chart.resize(900, 500);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QList<Candle> candles;
        for (int minute = 0; minute < 200; ++minute) {
            const char *close = minute < 100 ? "40" : "60"; // the price jumps halfway
            candles.append(candle(minute, close, close, close, close, "5"));
        }
        chart.setCandles(candles);
        const auto span = [&] {
            return chart.visibleRange().second - chart.visibleRange().first;
        };
        // The latest 90 minutes, not 200 hairlines; − zooms out to all of them and + back in.
        const qint64 all = span();
        QCOMPARE(all, CandleChart::kDefaultCandles * 60'000);
        QVERIFY(chart.followsLatest());
        QWidget *viewport = chart.findChild<QChartView *>()->viewport();
        for (int i = 0; i < 5; ++i)
            QTest::keyClick(viewport, Qt::Key_Minus);
        QVERIFY2(span() >= 200 * 60'000, qPrintable(QString::number(span())));
        QTest::keyClick(viewport, Qt::Key_Home);
        QCOMPARE(span(), all);

        // + zooms in at the right edge: fewer minutes, still the latest ones.
        QTest::keyClick(viewport, Qt::Key_Plus);
        QVERIFY(span() < all);
        QVERIFY(chart.followsLatest());
        QVERIFY(chart.visibleRange().second > kStart + 199 * 60'000); // the latest in view

        // ← goes into the past; a new candle then leaves the view where it is.
        for (int i = 0; i < 20; ++i)
            QTest::keyClick(viewport, Qt::Key_Left);
        QVERIFY(!chart.followsLatest());
        const auto past = chart.visibleRange();
        QVERIFY(past.second < kStart + 200 * 60'000);
        chart.updateCandle(candle(200, "60", "61", "59", "60", "1"));
        QCOMPARE(chart.visibleRange(), past);
        // The price axis fits what is in view: only the 40s, well before the jump.
        chart.zoom(0.3);
        while (chart.visibleRange().second > kStart + 90 * 60'000)
            chart.pan(-10 * 60'000);
        const auto *prices = qobject_cast<QValueAxis *>(chart.chart()->axes(Qt::Vertical).first());
        QVERIFY2(prices->max() < 50, qPrintable(QString::number(prices->max())));

        // The wheel zooms around the pointer; dragging pans; Home comes back to the latest.
        const qint64 before = span();
        QWheelEvent wheel(QPointF(450, 200), viewport->mapToGlobal(QPointF(450, 200)), {},
                          QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(viewport, &wheel);
        QVERIFY(span() > before);
        const auto dragFrom = chart.visibleRange();
        QTest::mousePress(viewport, Qt::LeftButton, {}, QPoint(300, 200));
        QMouseEvent move(QEvent::MouseMove, QPointF(500, 200),
                         viewport->mapToGlobal(QPointF(500, 200)), Qt::LeftButton, Qt::LeftButton,
                         Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &move);
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, QPoint(500, 200));
        QVERIFY(chart.visibleRange().first < dragFrom.first); // dragged right: earlier times
        QTest::keyClick(viewport, Qt::Key_Home);
        QVERIFY(chart.followsLatest());
        QVERIFY(chart.visibleRange().second > kStart + 200 * 60'000);
        QCOMPARE(span(), all); // the default span again, ending one candle later
    }
};

QTEST_MAIN(TestCandleChart)
#include "tst_candlechart.moc"
