#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace qx::test {

/**
 * A PostgreSQL 15 server of the test's own: a new cluster (initdb) in a temporary directory,
 * started on a free loopback port with fsync and synchronous_commit on (what production
 * runs), and stopped with its directory when this object goes. As root the cluster runs as
 * the postgres user (PostgreSQL refuses root); otherwise as the current user. Connections are
 * over TCP as the superuser "postgres", trusted on loopback.
 */
class PostgresServer
{
public:
    PostgresServer();
    ~PostgresServer();
    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    /// Creates and starts the cluster; false with error() on failure.
    bool start();
    /// Stops the server at once (SIGQUIT-like immediate shutdown, as in a crash), keeping
    /// its data; start() again brings it back.
    bool stop(bool immediate = false);
    bool restart() { return stop() && start(); }
    QString error() const { return m_error; }
    quint16 port() const { return m_port; }

    /// A URL for a new, empty database `name` (created on first use).
    QString createDatabase(const QString &name);
    /// What psql prints for `sql` in `database` (unaligned, tuples only), or nullopt.
    std::optional<QString> psql(const QString &database, const QString &sql);

private:
    bool run(const QStringList &command, QString *output = nullptr);

    QTemporaryDir m_directory;
    QString m_binaries;
    quint16 m_port = 0;
    bool m_initialised = false;
    bool m_running = false;
    QString m_error;
};

/**
 * A redis-server of the test's own on a free loopback port, nothing saved to disk, stopped
 * (by its pid) when this object goes. stop() and start() again keep the port, as a restart
 * of the same server would.
 */
class RedisServer
{
public:
    RedisServer();
    ~RedisServer();
    RedisServer(const RedisServer &) = delete;
    RedisServer &operator=(const RedisServer &) = delete;

    bool start();
    /// Kills it at once (SIGKILL), as in a crash.
    void stop();
    bool running() const { return m_pid > 0; }
    QString error() const { return m_error; }
    QString url() const;

private:
    QTemporaryDir m_directory;
    quint16 m_port = 0;
    qint64 m_pid = 0;
    QString m_error;
};

} // namespace qx::test
