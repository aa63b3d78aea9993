#include "server/trading/committracker.h"

namespace qx::server {

void CommitTracker::whenDurable(quint64 ticket, Settled settled)
{
    m_pending[ticket].push_back(std::move(settled));
}

void CommitTracker::committed(quint64 lastTicket)
{
    while (!m_pending.empty() && m_pending.begin()->first <= lastTicket) {
        // Taken out first: a step may submit new writes and wait for them here.
        const std::vector<Settled> settled = std::move(m_pending.begin()->second);
        m_pending.erase(m_pending.begin());
        for (const Settled &done : settled)
            done(nullptr);
    }
}

void CommitTracker::failAll(const core::Error &failure)
{
    const std::map<quint64, std::vector<Settled>> pending = std::move(m_pending);
    m_pending.clear();
    for (const auto &[ticket, settled] : pending) {
        for (const Settled &done : settled)
            done(&failure);
    }
}

} // namespace qx::server
