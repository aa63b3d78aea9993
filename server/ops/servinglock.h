#pragma once

#include "core/result.h"

#include <QString>

#include <memory>

namespace qx::server {

class DataDirectory;
class SqlStore;

/**
 * What keeps two servers from matching the same books: while a server serves, it holds
 *
 * - an exclusive flock(2) on its data directory's `server.lock`, which the kernel releases
 *   however the holder ends (a clean stop, SIGTERM or kill -9), so there is never a stale lock
 *   to clean up; the file holds the holder's process id for the refusal to name;
 * - on PostgreSQL, a session advisory lock on the database, on a connection of its own:
 *   exclusive for a lone server, shared among the members of a cluster, so neither a second
 *   lone server nor a cluster can start on a database a lone server matches (and a lone
 *   server cannot start under a running cluster).
 *
 * A second server is refused with `in_use`. The CLI commands that only read or add rows
 * (user, limits, backup...) take no lock and work beside a running server; `restore` refuses
 * while one holds the directory. Owned by the thread that made it; releases on destruction.
 */
class ServingLock
{
public:
    enum class Mode { Alone, ClusterMember };

    static core::Result<std::unique_ptr<ServingLock>> acquire(const DataDirectory &directory,
                                                              Mode mode);
    /// in_use if a server holds `directory` now; else nothing (and no lock is kept).
    static core::Result<void> checkFree(const QString &directory);
    ~ServingLock();

    ServingLock(const ServingLock &) = delete;
    ServingLock &operator=(const ServingLock &) = delete;

    /// The lock file of a data directory.
    static QString lockFilePath(const QString &directory);

private:
    ServingLock() = default;

    int m_descriptor = -1;
    std::unique_ptr<SqlStore> m_databaseSession; ///< holds the advisory lock (PostgreSQL)
};

} // namespace qx::server
