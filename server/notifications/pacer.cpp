#include "server/notifications/pacer.h"

#include <thread>

namespace qx::server {

void Pacer::wait(const QString &recipient)
{
    Clock::time_point at = Clock::now();
    if (m_perRecipient.count() > 0) {
        if (const auto last = m_lastByRecipient.constFind(recipient);
            last != m_lastByRecipient.cend())
            at = std::max(at, *last + m_perRecipient);
    }
    while (!m_lastSecond.empty() && m_lastSecond.front() <= at - std::chrono::seconds(1))
        m_lastSecond.pop_front();
    if (m_perSecond > 0 && qsizetype(m_lastSecond.size()) >= m_perSecond) {
        at = std::max(at, m_lastSecond.front() + std::chrono::seconds(1));
        m_lastSecond.pop_front();
    }
    std::this_thread::sleep_until(at);
    if (m_perRecipient.count() > 0) {
        // Forget the addresses whose interval has passed, now and then, so the table holds
        // those messaged lately rather than every one ever.
        if (m_lastByRecipient.size() >= 4096)
            m_lastByRecipient.removeIf(
                [&](const auto &entry) { return entry.value() + m_perRecipient <= at; });
        m_lastByRecipient.insert(recipient, at);
    }
    if (m_perSecond > 0)
        m_lastSecond.push_back(at);
}

} // namespace qx::server
