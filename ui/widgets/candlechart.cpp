#include "ui/widgets/candlechart.h"

#include "ui/models/displayformat.h"
#include "ui/widgets/theme.h"

#include <QButtonGroup>
#include <QCandlestickSeries>
#include <QCandlestickSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QWheelEvent>

#include <algorithm>

namespace qx::widgets {

namespace displayformat = models::displayformat;

using core::CandleInterval;

namespace {

constexpr std::array kIntervals { CandleInterval::OneMinute, CandleInterval::FiveMinutes,
                                  CandleInterval::OneHour, CandleInterval::OneDay };

// A price's position on the chart. Never used for a number shown as text.
qreal plotted(core::Decimal value)
{
    return qreal(value.units()) / qreal(core::Decimal::kOne);
}

qint64 intervalMs(CandleInterval interval)
{
    switch (interval) {
    case CandleInterval::OneMinute:
        return 60'000;
    case CandleInterval::FiveMinutes:
        return 300'000;
    case CandleInterval::OneHour:
        return 3'600'000;
    case CandleInterval::OneDay:
        return 86'400'000;
    }
    return 60'000;
}

QString timeFormat(CandleInterval interval)
{
    switch (interval) {
    case CandleInterval::OneMinute:
    case CandleInterval::FiveMinutes:
        return QStringLiteral("HH:mm");
    case CandleInterval::OneHour:
        return QStringLiteral("dd MMM HH:mm");
    case CandleInterval::OneDay:
        return QStringLiteral("dd MMM yy");
    }
    return QStringLiteral("HH:mm");
}

} // namespace

CandleChart::CandleChart(QWidget *parent)
    : QWidget(parent)
    , m_intervalButtons(new QButtonGroup(this))
    , m_titleLabel(new QLabel(this))
    , m_summaryLabel(new QLabel(this))
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_prices(new QCandlestickSeries)
    , m_volumes(new QCandlestickSeries)
    , m_timeAxis(new QDateTimeAxis)
    , m_priceAxis(new QValueAxis)
    , m_volumeAxis(new QValueAxis)
{
    auto *header = new QHBoxLayout;
    m_titleLabel->setObjectName(QStringLiteral("chartTitle"));
    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
    header->addWidget(m_titleLabel);
    m_summaryLabel->setObjectName(QStringLiteral("chartSummary"));
    m_summaryLabel->setTextFormat(Qt::PlainText);
    m_summaryLabel->setAccessibleName(tr("Candle values"));
    header->addWidget(m_summaryLabel, 1);
    for (CandleInterval interval : kIntervals) {
        auto *button = new QPushButton(core::toString(interval), this);
        button->setObjectName(QStringLiteral("interval_") + core::toString(interval));
        button->setCheckable(true);
        button->setAccessibleName(tr("Candles of %1").arg(core::toString(interval)));
        button->setMaximumWidth(fontMetrics().horizontalAdvance(QStringLiteral("000000")));
        m_intervalButtons->addButton(button, int(interval));
        header->addWidget(button);
    }
    m_intervalButtons->button(int(m_interval))->setChecked(true);
    connect(m_intervalButtons, &QButtonGroup::idClicked, this, [this](int id) {
        const auto interval = CandleInterval(id);
        if (interval == m_interval)
            return;
        setInterval(interval);
        Q_EMIT intervalChanged(interval);
    });

    m_prices->setName(tr("Price"));
    m_prices->setBodyOutlineVisible(false);
    m_prices->setMaximumColumnWidth(14);
    m_prices->setMinimumColumnWidth(5);
    m_prices->setBodyWidth(0.7);
    // Volume as bars from zero: candlesticks whose body runs from 0 to the volume.
    m_volumes->setName(tr("Volume"));
    m_volumes->setIncreasingColor(QColor(120, 144, 156, 150));
    m_volumes->setDecreasingColor(QColor(120, 144, 156, 150));
    m_volumes->setBodyOutlineVisible(false);
    m_volumes->setCapsVisible(false);
    m_volumes->setMaximumColumnWidth(14);
    m_volumes->setMinimumColumnWidth(5);
    m_volumes->setBodyWidth(0.7);
    connect(m_prices, &QCandlestickSeries::hovered, this, [this](bool on, QCandlestickSet *set) {
        if (!on || !set) {
            showSummary(m_candles.isEmpty() ? nullptr : &m_candles.last());
            return;
        }
        const qint64 start = qint64(set->timestamp());
        const auto found
            = std::find_if(m_candles.cbegin(), m_candles.cend(),
                           [start](const core::Candle &c) { return c.start == start; });
        showSummary(found == m_candles.cend() ? nullptr : &*found);
    });

    m_chart->legend()->hide();
    m_chart->setMargins(QMargins(2, 2, 2, 2));
    m_chart->setBackgroundRoundness(0);
    // Axis labels in the trader's number format ("88,50" in German) and month names in their
    // language, as everywhere else on screen.
    m_chart->setLocale(displayformat::numberLocale());
    m_chart->setLocalizeNumbers(true);
    m_chart->addSeries(m_volumes);
    m_chart->addSeries(m_prices);
    m_timeAxis->setFormat(timeFormat(m_interval));
    m_timeAxis->setTickCount(7);
    m_priceAxis->setLabelFormat(QStringLiteral("%.2f"));
    m_volumeAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_volumeAxis->setGridLineVisible(false);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_priceAxis, Qt::AlignLeft);
    m_chart->addAxis(m_volumeAxis, Qt::AlignRight);
    followPalette();
    m_prices->attachAxis(m_timeAxis);
    m_prices->attachAxis(m_priceAxis);
    m_volumes->attachAxis(m_timeAxis);
    m_volumes->attachAxis(m_volumeAxis);
    m_view->setObjectName(QStringLiteral("chartView"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setAccessibleName(tr("Price chart"));
    // The keyboard focuses the drawing area itself (for zoom and pan keys): name it too.
    m_view->viewport()->setAccessibleName(tr("Price chart"));
    m_view->setMinimumHeight(160);
    m_view->setToolTip(tr("Wheel or + and − to zoom, drag or ← and → to pan, Home or a "
                          "double-click for the latest candles"));
    m_view->viewport()->installEventFilter(this);
    m_view->installEventFilter(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);
    setInstrument(std::nullopt);
}

void CandleChart::setInstrument(const std::optional<core::Instrument> &instrument)
{
    m_instrument = instrument;
    m_titleLabel->setText(instrument ? instrument->symbol : tr("No instrument"));
    if (instrument) {
        // As many decimals on the price axis as the tick has.
        const QString tick = instrument->tickSize.toString();
        const qsizetype point = tick.indexOf(u'.');
        m_priceAxis->setLabelFormat(
            QStringLiteral("%.%1f").arg(point < 0 ? 0 : tick.size() - point - 1));
    }
    // Another market starts at its latest candles.
    m_from.reset();
    m_span.reset();
    setCandles({});
}

void CandleChart::setInterval(CandleInterval interval)
{
    m_interval = interval;
    m_intervalButtons->button(int(interval))->setChecked(true);
    m_timeAxis->setFormat(timeFormat(interval));
    m_from.reset();
    m_span.reset();
    setCandles({});
}

std::pair<qint64, qint64> CandleChart::latestRange() const
{
    const qint64 step = intervalMs(m_interval);
    if (m_candles.isEmpty()) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        return { now - 60 * step, now + step };
    }
    // Room for at least 60 candles, so a young series does not draw a few fat bars.
    const qint64 last = m_candles.last().start + step;
    const qint64 first = std::min(m_candles.first().start - step / 2, last - 60 * step);
    return { first, last + step / 2 };
}

std::pair<qint64, qint64> CandleChart::visibleRange() const
{
    return { m_timeAxis->min().toMSecsSinceEpoch(), m_timeAxis->max().toMSecsSinceEpoch() };
}

std::pair<qint64, qint64> CandleChart::shownRange() const
{
    const auto [earliest, latest] = latestRange();
    // Unless zoomed, the latest kDefaultCandles: a day of minutes drawn at once would be a
    // smear of hairlines. The rest is a zoom out or a drag away.
    const qint64 span
        = m_span.value_or(std::min(latest - earliest, kDefaultCandles * intervalMs(m_interval)));
    const qint64 to = m_from ? *m_from + span : latest;
    return { to - span, to };
}

void CandleChart::setView(qint64 from, qint64 span)
{
    const qint64 step = intervalMs(m_interval);
    const auto [earliest, latest] = latestRange();
    // Between 10 candles and all there are (with room to spare), never wholly off them.
    span = std::clamp(span, 10 * step, std::max(latest - earliest + 20 * step, 10 * step));
    from = std::clamp(from, earliest - span / 2, latest - span / 2);
    m_span = span;
    if (from + span >= latest)
        m_from.reset(); // back at the latest candle: follow it again
    else
        m_from = from;
    updateAxes();
}

void CandleChart::zoom(double factor, std::optional<qint64> anchorMs)
{
    const auto [from, to] = shownRange();
    const qint64 anchor = std::clamp(anchorMs.value_or(to), from, to);
    const double share = double(anchor - from) / double(std::max<qint64>(to - from, 1));
    const qint64 span = qint64(double(to - from) * factor);
    setView(anchor - qint64(share * double(span)), span);
}

void CandleChart::pan(qint64 deltaMs)
{
    const auto [from, to] = shownRange();
    setView(from + deltaMs, to - from);
}

void CandleChart::resetView()
{
    m_from.reset();
    m_span.reset();
    updateAxes();
}

bool CandleChart::eventFilter(QObject *watched, QEvent *event)
{
    const auto timeAt = [this](QPointF position) {
        return qint64(m_chart->mapToValue(position, m_prices).x());
    };
    if (watched == m_view->viewport()) {
        switch (event->type()) {
        case QEvent::Wheel: {
            const auto *wheel = static_cast<QWheelEvent *>(event);
            if (wheel->angleDelta().y() == 0)
                break;
            zoom(wheel->angleDelta().y() > 0 ? 0.8 : 1.25, timeAt(wheel->position()));
            return true;
        }
        case QEvent::MouseButtonPress:
            if (static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton)
                m_dragFrom = static_cast<QMouseEvent *>(event)->position();
            break;
        case QEvent::MouseMove:
            if (m_dragFrom && (static_cast<QMouseEvent *>(event)->buttons() & Qt::LeftButton)) {
                const QPointF to = static_cast<QMouseEvent *>(event)->position();
                pan(timeAt(*m_dragFrom) - timeAt(to)); // the candles follow the pointer
                m_dragFrom = to;
                return true;
            }
            break;
        case QEvent::MouseButtonRelease:
            m_dragFrom.reset();
            break;
        case QEvent::MouseButtonDblClick:
            resetView();
            return true;
        default:
            break;
        }
    }
    if ((watched == m_view || watched == m_view->viewport()) && event->type() == QEvent::KeyPress) {
        const auto [from, to] = visibleRange();
        switch (static_cast<QKeyEvent *>(event)->key()) {
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            zoom(0.8);
            return true;
        case Qt::Key_Minus:
            zoom(1.25);
            return true;
        case Qt::Key_Left:
            pan(-(to - from) / 10);
            return true;
        case Qt::Key_Right:
            pan((to - from) / 10);
            return true;
        case Qt::Key_Home:
            resetView();
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void CandleChart::setCandles(const QList<core::Candle> &candles)
{
    m_candles = candles.last(std::min<qsizetype>(candles.size(), kMaxCandles));
    rebuildSeries();
}

void CandleChart::updateCandle(const core::Candle &candle)
{
    if (!m_candles.isEmpty() && m_candles.last().start == candle.start) {
        m_candles.last() = candle;
        updateLastSets(candle);
    } else if (m_candles.isEmpty() || m_candles.last().start < candle.start) {
        m_candles.append(candle);
        if (m_candles.size() > kMaxCandles) {
            m_candles.removeFirst();
            m_prices->remove(m_prices->sets().first());
            m_volumes->remove(m_volumes->sets().first());
        }
        appendSets(candle);
    } else {
        // A late trade in an older candle: rare enough to redraw everything.
        const auto at
            = std::find_if(m_candles.begin(), m_candles.end(),
                           [&](const core::Candle &c) { return c.start >= candle.start; });
        if (at->start == candle.start)
            *at = candle;
        else
            m_candles.insert(at, candle);
        rebuildSeries();
        return;
    }
    updateAxes();
    showSummary(&m_candles.last());
}

void CandleChart::rebuildSeries()
{
    m_prices->clear();
    m_volumes->clear();
    for (const core::Candle &candle : std::as_const(m_candles))
        appendSets(candle);
    updateAxes();
    showSummary(m_candles.isEmpty() ? nullptr : &m_candles.last());
}

qreal CandleChart::plottedClose(const core::Candle &candle) const
{
    // A candle that opened and closed at one price (a doji, or a single trade) has no body:
    // a sliver of a tick makes it a visible line instead of nothing.
    const qreal close = plotted(candle.close.decimal());
    if (candle.close != candle.open || !m_instrument)
        return close;
    return close + plotted(m_instrument->tickSize.decimal()) / 4;
}

void CandleChart::appendSets(const core::Candle &candle)
{
    const qreal time = qreal(candle.start);
    const qreal close = plottedClose(candle);
    m_prices->append(new QCandlestickSet(plotted(candle.open.decimal()),
                                         std::max(plotted(candle.high.decimal()), close),
                                         plotted(candle.low.decimal()), close, time));
    const qreal volume = plotted(candle.volume.decimal());
    m_volumes->append(new QCandlestickSet(0, volume, 0, volume, time));
}

void CandleChart::updateLastSets(const core::Candle &candle)
{
    QCandlestickSet *price = m_prices->sets().last();
    const qreal close = plottedClose(candle);
    price->setOpen(plotted(candle.open.decimal()));
    price->setHigh(std::max(plotted(candle.high.decimal()), close));
    price->setLow(plotted(candle.low.decimal()));
    price->setClose(close);
    QCandlestickSet *volume = m_volumes->sets().last();
    volume->setHigh(plotted(candle.volume.decimal()));
    volume->setClose(plotted(candle.volume.decimal()));
}

void CandleChart::updateAxes()
{
    const qint64 step = intervalMs(m_interval);
    // No candles, no scale: numbers on empty axes would read as prices.
    m_priceAxis->setLabelsVisible(!m_candles.isEmpty());
    m_volumeAxis->setLabelsVisible(!m_candles.isEmpty());
    const auto [first, last] = shownRange();
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(first),
                         QDateTime::fromMSecsSinceEpoch(last));
    if (m_candles.isEmpty()) {
        m_priceAxis->setRange(0, 1);
        m_volumeAxis->setRange(0, 1);
        return;
    }
    // The price and volume scales fit the candles in view (all of them if none is).
    QList<core::Candle> inView;
    for (const core::Candle &candle : std::as_const(m_candles)) {
        if (candle.start + step > first && candle.start < last)
            inView.append(candle);
    }
    if (inView.isEmpty())
        inView = m_candles;
    qreal low = plotted(inView.first().low.decimal());
    qreal high = plotted(inView.first().high.decimal());
    qreal volume = 0;
    for (const core::Candle &candle : std::as_const(inView)) {
        low = std::min(low, plotted(candle.low.decimal()));
        high = std::max(high, plotted(candle.high.decimal()));
        volume = std::max(volume, plotted(candle.volume.decimal()));
    }
    // Prices keep the upper three quarters; volume bars the lowest quarter.
    const qreal span = std::max(high - low, std::max(std::abs(high) * 0.002, 0.01));
    m_priceAxis->setRange(low - span / 2, high + span * 0.1);
    m_priceAxis->applyNiceNumbers(); // gridlines on round prices
    m_volumeAxis->setRange(0, std::max(volume, 1.0) * 4);
    m_volumeAxis->applyNiceNumbers(); // whole, distinct labels such as 0, 20, 40
}

void CandleChart::showSummary(const core::Candle *candle)
{
    if (!candle) {
        m_summaryLabel->setText(m_instrument ? tr("No trades in this period yet.") : QString());
        return;
    }
    const core::Instrument *instrument = m_instrument ? &*m_instrument : nullptr;
    const auto price = [instrument](core::Price value) {
        return displayformat::price(value, instrument);
    };
    const QString unit = instrument ? displayformat::quantityUnit(*instrument) : QString();
    m_summaryLabel->setText(
        tr("%1   O %2  H %3  L %4  C %5   Vol %6 %7")
            .arg(QDateTime::fromMSecsSinceEpoch(candle->start)
                     .toLocalTime()
                     .toString(m_interval == CandleInterval::OneDay ? u"dd MMM yyyy"
                                                                    : u"dd MMM HH:mm"),
                 price(candle->open), price(candle->high), price(candle->low), price(candle->close),
                 displayformat::quantity(candle->volume, instrument), unit));
}

QString CandleChart::summaryText() const
{
    return m_summaryLabel->text();
}

void CandleChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        followPalette();
}

void CandleChart::followPalette()
{
    // The chart draws itself: give it the window's colours, and candles that read on them.
    const QPalette &colours = palette();
    m_chart->setBackgroundBrush(colours.base());
    m_chart->setBackgroundPen(Qt::NoPen);
    m_prices->setIncreasingColor(theme::colour(theme::Tone::Gain));
    m_prices->setDecreasingColor(theme::colour(theme::Tone::Loss));
    for (QAbstractAxis *axis : m_chart->axes()) {
        axis->setLabelsBrush(colours.text());
        axis->setLinePenColor(colours.color(QPalette::Mid));
        axis->setGridLineColor(colours.color(QPalette::Midlight));
    }
}

} // namespace qx::widgets
