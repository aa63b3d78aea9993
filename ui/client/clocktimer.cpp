#include "ui/client/clocktimer.h"

#include <algorithm>

namespace qx::client {

ClockTimer::ClockTimer(const core::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(&clock)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ClockTimer::check);
}

void ClockTimer::setClock(const core::Clock &clock)
{
    m_clock = &clock;
}

void ClockTimer::setPollInterval(std::chrono::milliseconds interval)
{
    m_pollInterval = std::max(interval, std::chrono::milliseconds(1));
    if (m_active)
        check();
}

void ClockTimer::start(std::chrono::milliseconds delay)
{
    startAt(m_clock->nowMs() + delay.count());
}

void ClockTimer::startAt(qint64 deadlineMs)
{
    m_deadlineMs = deadlineMs;
    m_active = true;
    // Never at once, even when due already: like a QTimer, the timeout comes from the event
    // loop, not from inside the caller.
    const qint64 remaining = std::max<qint64>(0, m_deadlineMs - m_clock->nowMs());
    m_timer.start(int(std::min<qint64>(remaining, m_pollInterval.count())));
}

void ClockTimer::stop()
{
    m_active = false;
    m_timer.stop();
}

void ClockTimer::check()
{
    if (!m_active)
        return;
    const qint64 remaining = m_deadlineMs - m_clock->nowMs();
    if (remaining <= 0) {
        m_active = false;
        m_timer.stop();
        Q_EMIT timeout();
        return;
    }
    m_timer.start(int(std::min<qint64>(remaining, m_pollInterval.count())));
}

} // namespace qx::client
