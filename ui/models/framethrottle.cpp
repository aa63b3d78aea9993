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
    if (m_frame.isActive()) {
        m_pending = true;
        return;
    }
    m_action();
    m_frame.start();
}

void FrameThrottle::flush()
{
    if (!m_pending)
        return;
    m_pending = false;
    m_action();
}

void FrameThrottle::onFrame()
{
    if (!m_pending)
        return; // quiet for a whole frame: the next request runs at once
    m_pending = false;
    m_action();
    m_frame.start();
}

} // namespace qx::models
