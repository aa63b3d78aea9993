#pragma once

#include <QDateTime>

#include <atomic>

namespace qx::core {

/**
 * Where the time comes from. Services read it through a Clock they are given (the system's by
 * default), so tests can drive time instead of waiting for it, and the simulated market can
 * trade a day of history at the times it happened. Implementations are thread-safe.
 */
class Clock
{
public:
    virtual ~Clock() = default;
    /// Milliseconds since the epoch.
    virtual qint64 nowMs() const = 0;
    /// Now, in UTC, to the millisecond (as stored and sent).
    QDateTime nowUtc() const;

    /// The system's clock.
    static const Clock &system();
};

/// A clock that stands still until it is set or advanced: tests, replays and backfills.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 nowMs = 0)
        : m_nowMs(nowMs)
    { }
    explicit ManualClock(const QDateTime &now)
        : m_nowMs(now.toMSecsSinceEpoch())
    { }

    qint64 nowMs() const override { return m_nowMs.load(std::memory_order_relaxed); }
    void set(const QDateTime &now) { m_nowMs.store(now.toMSecsSinceEpoch()); }
    void advance(qint64 milliseconds) { m_nowMs.fetch_add(milliseconds); }

private:
    std::atomic<qint64> m_nowMs;
};

} // namespace qx::core
