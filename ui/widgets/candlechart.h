#pragma once

#include "core/candles.h"
#include "core/instrument.h"

#include <QWidget>

#include <optional>

class QButtonGroup;
class QLabel;

class QCandlestickSeries;
class QCandlestickSet;
class QChart;
class QChartView;
class QDateTimeAxis;
class QValueAxis;

namespace qx::widgets {

/**
 * The watched market's price chart: OHLC candlesticks with volume bars beneath, at 1m, 5m, 1h
 * or 1d (buttons above the chart; the choice is announced with intervalChanged so the session
 * can load that series). The last candle moves with each trade. Hovering a candle shows its
 * open, high, low, close and volume; otherwise the latest one is shown.
 *
 * Prices become doubles here for one purpose only: placing pixels. Every number shown as text
 * is formatted from the exact decimal.
 *
 * GUI thread only.
 */
class CandleChart : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kMaxCandles = 240;

    explicit CandleChart(QWidget *parent = nullptr);

    /// The market shown; clears the chart until setCandles().
    void setInstrument(const std::optional<core::Instrument> &instrument);
    void setInterval(core::CandleInterval interval);
    core::CandleInterval interval() const { return m_interval; }

    /// Replaces every candle (oldest first).
    void setCandles(const QList<core::Candle> &candles);
    /// A candle started or changed: the last one updated, or a new one appended.
    void updateCandle(const core::Candle &candle);

    const QList<core::Candle> &candles() const { return m_candles; }
    /// The OHLC line above the chart, as shown.
    QString summaryText() const;
    QChart *chart() const { return m_chart; }

Q_SIGNALS:
    void intervalChanged(core::CandleInterval interval);

protected:
    void changeEvent(QEvent *event) override;

private:
    /// Colours the chart (which paints itself) from the palette: light or dark theme.
    void followPalette();
    void rebuildSeries();
    qreal plottedClose(const core::Candle &candle) const;
    void appendSets(const core::Candle &candle);
    void updateLastSets(const core::Candle &candle);
    void updateAxes();
    void showSummary(const core::Candle *candle);

    std::optional<core::Instrument> m_instrument;
    core::CandleInterval m_interval = core::CandleInterval::OneMinute;
    QList<core::Candle> m_candles; ///< oldest first, at most kMaxCandles

    QButtonGroup *m_intervalButtons;
    QLabel *m_titleLabel;
    QLabel *m_summaryLabel;
    QChart *m_chart;
    QChartView *m_view;
    QCandlestickSeries *m_prices;
    QCandlestickSeries *m_volumes;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_priceAxis;
    QValueAxis *m_volumeAxis;
};

} // namespace qx::widgets
