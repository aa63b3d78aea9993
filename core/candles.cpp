#include "core/candles.h"

#include "core/enumnames.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>

namespace qx::core {

namespace {

constexpr std::array intervalNames {
    std::pair { CandleInterval::OneMinute, u"1m" },
    std::pair { CandleInterval::FiveMinutes, u"5m" },
    std::pair { CandleInterval::OneHour, u"1h" },
    std::pair { CandleInterval::OneDay, u"1d" },
};

constexpr qint64 kMinuteMs = 60'000;

// Rounds down, also for times before the epoch.
qint64 floorTo(qint64 timeMs, qint64 stepMs)
{
    const qint64 remainder = timeMs % stepMs;
    return remainder < 0 ? timeMs - remainder - stepMs : timeMs - remainder;
}

QDate localDate(qint64 timeMs, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(timeMs, zone).date();
}

// startOfDay() rather than 00:00, which does not exist where clocks change at midnight.
qint64 startOfLocalDay(QDate date, const QTimeZone &zone)
{
    return date.startOfDay(zone).toMSecsSinceEpoch();
}

} // namespace

QString toString(CandleInterval interval)
{
    return enumName(intervalNames, interval);
}

std::optional<CandleInterval> candleIntervalFromString(QStringView text)
{
    return enumFromName(intervalNames, text);
}

CandleSeries::CandleSeries(CandleInterval interval, const QByteArray &timeZone,
                           qsizetype maxCandles)
    : m_interval(interval)
    , m_timeZone(timeZone)
    , m_maxCandles(qMax<qsizetype>(1, maxCandles))
{
    Q_ASSERT(maxCandles > 0);
    if (!m_timeZone.isValid())
        m_timeZone = QTimeZone::utc();
}

qint64 CandleSeries::bucketStart(qint64 timeMs) const
{
    switch (m_interval) {
    case CandleInterval::OneMinute:
        return floorTo(timeMs, kMinuteMs);
    case CandleInterval::FiveMinutes:
        return floorTo(timeMs, 5 * kMinuteMs);
    case CandleInterval::OneHour:
        return floorTo(timeMs, 60 * kMinuteMs);
    case CandleInterval::OneDay:
        return startOfLocalDay(localDate(timeMs, m_timeZone), m_timeZone);
    }
    Q_UNREACHABLE();
    return timeMs;
}

Result<void> CandleSeries::addTrade(qint64 timeMs, Price price, Quantity quantity)
{
    if (!quantity.isPositive()) {
        return makeError(ErrorCode::QuantityNotPositive,
                         QCoreApplication::translate("qx::core::CandleSeries",
                                                     "A trade must have a positive quantity."));
    }
    qint64 start = 0;
    if (m_interval != CandleInterval::OneDay) {
        start = bucketStart(timeMs);
    } else if (timeMs >= m_dayStart && timeMs < m_dayEnd) {
        start = m_dayStart;
    } else {
        const QDate date = localDate(timeMs, m_timeZone);
        start = startOfLocalDay(date, m_timeZone);
        m_dayStart = start;
        m_dayEnd = startOfLocalDay(date.addDays(1), m_timeZone);
    }

    // Live trades land in the newest candle: check it before searching.
    auto bucket = m_buckets.end();
    if (!m_buckets.isEmpty() && m_buckets.last().candle.start == start) {
        bucket = m_buckets.end() - 1;
    } else if (!m_buckets.isEmpty() && m_buckets.last().candle.start > start) {
        bucket = std::lower_bound(
            m_buckets.begin(), m_buckets.end(), start,
            [](const Bucket &candidate, qint64 value) { return candidate.candle.start < value; });
    }

    if (bucket != m_buckets.end() && bucket->candle.start == start) {
        Candle &candle = bucket->candle;
        const Result<Quantity> volume = candle.volume.plus(quantity);
        if (!volume)
            return volume.error();
        candle.volume = *volume;
        ++candle.trades;
        candle.high = std::max(candle.high, price);
        candle.low = std::min(candle.low, price);
        // Equal times keep arrival order: the earlier arrival stays the open, the later one
        // becomes the close.
        if (timeMs < bucket->firstTradeMs) {
            candle.open = price;
            bucket->firstTradeMs = timeMs;
        }
        if (timeMs >= bucket->lastTradeMs) {
            candle.close = price;
            bucket->lastTradeMs = timeMs;
        }
        return {};
    }

    const Candle candle { start, price, price, price, price, quantity, 1 };
    m_buckets.insert(bucket, Bucket { candle, timeMs, timeMs });
    if (m_buckets.size() > m_maxCandles)
        m_buckets.remove(0, m_buckets.size() - m_maxCandles);
    return {};
}

QList<Candle> CandleSeries::candles(qint64 fromMs, qint64 toMs) const
{
    QList<Candle> result;
    auto bucket = std::lower_bound(
        m_buckets.cbegin(), m_buckets.cend(), fromMs,
        [](const Bucket &candidate, qint64 value) { return candidate.candle.start < value; });
    for (; bucket != m_buckets.cend() && bucket->candle.start < toMs; ++bucket)
        result.append(bucket->candle);
    return result;
}

std::optional<Candle> CandleSeries::last() const
{
    if (m_buckets.isEmpty())
        return std::nullopt;
    return m_buckets.last().candle;
}

} // namespace qx::core
