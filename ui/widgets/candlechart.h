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
 * Zoom and pan: the mouse wheel zooms the time axis around the pointer, dragging pans it;
 * keys + and − zoom, ← and → pan, Home (or a double-click) returns to the latest candles.
 * While the trader looks at the past the chart stays there as candles come in; panning back
 * to the latest candle follows them again. The price axis fits the candles in view.
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
    /// How many of the latest candles a chart shows until the trader zooms.
    static constexpr int kDefaultCandles = 90;

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

    /// Shows `factor` times the time span (below 1 zooms in), keeping `anchorMs` (the time
    /// under the pointer; none: the right edge) where it is on screen.
    void zoom(double factor, std::optional<qint64> anchorMs = std::nullopt);
    /// Moves the time axis by `deltaMs` (negative: into the past).
    void pan(qint64 deltaMs);
    /// Back to the latest candles, following new ones.
    void resetView();
    /// Whether the chart follows the latest candle (the trader has not panned away).
    bool followsLatest() const { return !m_from; }
    /// The time range on the axis, in ms since the epoch.
    std::pair<qint64, qint64> visibleRange() const;
    /// The OHLC line above the chart, as shown.
    QString summaryText() const;
    QChart *chart() const { return m_chart; }

Q_SIGNALS:
    void intervalChanged(core::CandleInterval interval);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// Colours the chart (which paints itself) from the palette: light or dark theme.
    void followPalette();
    void rebuildSeries();
    qreal plottedClose(const core::Candle &candle) const;
    void appendSets(const core::Candle &candle);
    void updateLastSets(const core::Candle &candle);
    void updateAxes();
    /// The range a chart that follows the latest candle shows.
    std::pair<qint64, qint64> latestRange() const;
    /// The time range on screen: the trader's, else the latest candles'.
    std::pair<qint64, qint64> shownRange() const;
    /// Shows `span` from `from`, within what the candles allow.
    void setView(qint64 from, qint64 span);
    void showSummary(const core::Candle *candle);

    std::optional<core::Instrument> m_instrument;
    core::CandleInterval m_interval = core::CandleInterval::OneMinute;
    QList<core::Candle> m_candles; ///< oldest first, at most kMaxCandles
    std::optional<qint64> m_span; ///< the time span the trader zoomed to; none: the default
    std::optional<qint64> m_from; ///< where the trader panned to; none: the latest candles
    std::optional<QPointF> m_dragFrom; ///< where a pan by mouse started (viewport pixels)

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
