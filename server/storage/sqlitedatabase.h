#pragma once

#include "server/storage/sqldatabase.h"

#include <QHash>

struct sqlite3;
struct sqlite3_stmt;

namespace qx::server {

/**
 * SqlDatabase over SQLite's C API: one connection to one file. Placeholders $1, $2, ... are
 * SQLite's ?1, ?2, ... (the SQL text must hold no other '$'). Statements that only change
 * rows are prepared once and kept, as the trading writer runs the same few thousands of
 * times a second. Not thread-safe: one connection belongs to one thread.
 */
class SqliteDatabase final : public SqlDatabase
{
public:
    /// Opens (creating if needed) with WAL, synchronous=FULL, foreign keys on and a busy
    /// timeout, and verifies that those settings took effect. `unsafeFast` uses
    /// synchronous=OFF instead: faster, and a power cut may lose the last commits.
    static Result<std::unique_ptr<SqliteDatabase>> open(const QString &path,
                                                        bool unsafeFast = false);
    ~SqliteDatabase() override;

    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    Dialect dialect() const override { return Dialect::Sqlite; }
    Result<void> execute(const QByteArray &sql) override;
    Result<std::unique_ptr<SqlRows>> select(const char *sql,
                                            const std::vector<Value> &parameters) override;
    Result<std::int64_t> change(const char *sql, const std::vector<Value> &parameters) override;
    Result<void> begin() override;
    Result<void> commit() override;
    void rollback() override;
    /// BEGIN IMMEDIATE already keeps every other writer out until the transaction ends.
    Result<void> lockForTransaction(std::int64_t) override { return {}; }

    /// Copies the whole database, consistent as of one moment, to a new file at `path` with
    /// SQLite's online backup API (writers may go on meanwhile).
    Result<void> backupTo(const QString &path);
    /// Replaces this database's whole content with the database file at `path`, in one
    /// transaction (the online backup API the other way round).
    Result<void> restoreFrom(const QString &path);

private:
    explicit SqliteDatabase(sqlite3 *handle)
        : m_handle(handle)
    { }
    Result<sqlite3_stmt *> prepare(const char *sql);
    Result<void> bind(sqlite3_stmt *statement, const std::vector<Value> &parameters);
    Error error(const char *what) const;

    sqlite3 *m_handle;
    QHash<QByteArray, sqlite3_stmt *> m_changeStatements; ///< by SQL text
};

} // namespace qx::server
