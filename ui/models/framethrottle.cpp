#include "ui/models/framethrottle.h"

namespace qx::models {

FrameThrottle::FrameThrottle(std::function<void()> action, QObject *parent)
    : QObject(parent)
    , m_action(std::move(action))
{
    m_frame.setSingleShot(true);
    m_frame.setInterval(kFrameMs);
    connect(&m_frame, &QTimer::timeout, this, &FrameThrottle::onFrame);
}

void FrameThrottle::request()
{
    if (m_running || m_frame.isActive()) {
        m_pending = true;
        return;
    }
    run();
}

void FrameThrottle::flush()
{
    if (!m_pending || m_running)
        return;
    m_pending = false;
    m_running = true;
    m_action();
    m_running = false;
}

void FrameThrottle::onFrame()
{
    if (!m_pending)
        return; // quiet for a whole frame: the next request runs at once
    m_pending = false;
    run();
}

void FrameThrottle::run()
{
    m_running = true;
    m_action();
    m_running = false;
    m_frame.start();
}

} // namespace qx::models
