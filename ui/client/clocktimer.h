#pragma once

#include "core/clock.h"

#include <QObject>
#include <QTimer>

#include <chrono>

namespace qx::client {

/**
 * A single-shot timer whose deadline is a time on a core::Clock rather than an interval of the
 * machine's monotonic clock: it fires once the clock reads the deadline or later. It looks at
 * the clock when the deadline should have come, and at least every pollInterval() meanwhile, so
 * it also fires after a machine slept (its monotonic timers stood still; the wall clock did not)
 * and when a test moves a core::ManualClock on.
 *
 * GUI thread only (lives on one thread, the one that created it). The clock is not owned and
 * must outlive the timer.
 */
class ClockTimer : public QObject
{
    Q_OBJECT

public:
    explicit ClockTimer(const core::Clock &clock = core::Clock::system(),
                        QObject *parent = nullptr);

    /// Where time comes from, for the deadlines set from now on.
    void setClock(const core::Clock &clock);
    const core::Clock &clock() const { return *m_clock; }
    /// The longest the timer goes without looking at the clock (1 s by default).
    void setPollInterval(std::chrono::milliseconds interval);

    /// Fires `delay` from now on the clock (replacing a deadline set before).
    void start(std::chrono::milliseconds delay);
    /// Fires when the clock reads `deadlineMs` (milliseconds since the epoch).
    void startAt(qint64 deadlineMs);
    void stop();
    bool isActive() const { return m_active; }
    /// The deadline, in the clock's milliseconds since the epoch (meaningless when inactive).
    qint64 deadline() const { return m_deadlineMs; }

Q_SIGNALS:
    void timeout();

private:
    /// Fires if the deadline has come, else waits until it should, or the poll interval.
    void check();

    const core::Clock *m_clock;
    QTimer m_timer;
    std::chrono::milliseconds m_pollInterval { 1000 };
    qint64 m_deadlineMs = 0;
    bool m_active = false;
};

} // namespace qx::client
