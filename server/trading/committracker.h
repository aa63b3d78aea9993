#pragma once

#include "core/result.h"

#include <functional>
#include <map>
#include <vector>

namespace qx::server {

/**
 * What waits for the StoreWriter: each command's last step (its reply, its announcement),
 * keyed by the writer ticket of the batch that stores it. A commit settles every step up to
 * its last ticket, in ticket order; a failed batch fails every step still waiting, since later
 * commands were built on what it did not store.
 *
 * Plain state: owned by the OrderService on the book thread.
 */
class CommitTracker
{
public:
    /// A step to run once its batch is settled: `failure` is nullptr when it is durable.
    using Settled = std::function<void(const core::Error *failure)>;

    /// Runs `settled` when the batch holding `ticket` is committed or has failed.
    void whenDurable(quint64 ticket, Settled settled);
    /// Every batch up to `lastTicket` is durable: runs what waited for them, oldest first.
    void committed(quint64 lastTicket);
    /// A batch failed: runs everything still waiting with `failure`, oldest first.
    void failAll(const core::Error &failure);
    /// Drops everything still waiting unanswered (shutting down).
    void clear() { m_pending.clear(); }
    bool isEmpty() const { return m_pending.empty(); }

private:
    std::map<quint64, std::vector<Settled>> m_pending; ///< by writer ticket
};

} // namespace qx::server
