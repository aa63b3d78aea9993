#pragma once

#include "core/decimal.h"
#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>
#include <QTimeZone>

#include <optional>

namespace qx::core {

enum class CandleInterval { OneMinute, FiveMinutes, OneHour, OneDay };

/// Stable wire names: "1m", "5m", "1h", "1d".
QString toString(CandleInterval interval);
std::optional<CandleInterval> candleIntervalFromString(QStringView text);

/// Open, high, low, close and volume of the trades in one interval.
struct Candle
{
    qint64 start = 0; ///< milliseconds since the epoch, UTC
    Price open;
    Price high;
    Price low;
    Price close;
    Quantity volume;
    int trades = 0;

    bool operator==(const Candle &) const = default;
};

/**
 * The candles of one instrument at one interval, built trade by trade. Minute and hour candles
 * start on whole UTC minutes and hours; a day candle runs from the market's local midnight to
 * the next, so the day the clocks go forward is one 23-hour candle and the day they go back one
 * of 25 hours. Trades may arrive late: each lands in the candle its time belongs to.
 * Only the newest maxCandles are kept.
 *
 * Value type with no locking: it belongs to the thread that feeds it the instrument's trades.
 */
class CandleSeries
{
public:
    static constexpr qsizetype kDefaultMaxCandles = 10'000;

    /// An invalid time zone makes day candles start at UTC midnight.
    CandleSeries(CandleInterval interval, const QByteArray &timeZone,
                 qsizetype maxCandles = kDefaultMaxCandles);

    CandleInterval interval() const { return m_interval; }

    /// Adds a trade to its candle, starting one when it is the first of its interval. A trade
    /// older than every kept candle of a full series is dropped as the oldest would be.
    /// Errors: quantity_not_positive, out_of_range (nothing changed).
    Result<void> addTrade(qint64 timeMs, Price price, Quantity quantity);

    /// The candles starting in [fromMs, toMs), oldest first.
    QList<Candle> candles(qint64 fromMs, qint64 toMs) const;
    /// The candle with the latest start: the one live trades are going into.
    std::optional<Candle> last() const;
    qsizetype size() const { return m_buckets.size(); }

    /// Start of the candle a time belongs to.
    qint64 bucketStart(qint64 timeMs) const;

private:
    // A late trade can come before a candle's first trade or after its last one; the times
    // say whether it becomes the open or the close.
    struct Bucket
    {
        Candle candle;
        qint64 firstTradeMs = 0;
        qint64 lastTradeMs = 0;
    };

    CandleInterval m_interval;
    QTimeZone m_timeZone;
    qsizetype m_maxCandles;
    QList<Bucket> m_buckets; // by start, oldest first
    // The local day addTrade() last looked up, [start, end): time zone conversions are the
    // slow part of day candles, and nearly every trade falls on the same day as the one before.
    qint64 m_dayStart = 0;
    qint64 m_dayEnd = 0;
};

} // namespace qx::core
