#pragma once

#include "server/storage/sqldatabase.h"

#include <memory>

namespace qx::server {

/**
 * SqlDatabase over libpqxx: one connection to a PostgreSQL server. Every statement is
 * prepared once per connection and then executed with bound parameters; binary values travel
 * as bytea hex text. Outside begin()/commit() each statement commits by itself.
 *
 * open() refuses a server that would not make commits durable (fsync or synchronous_commit
 * off) unless `unsafeFast` is set, which then also turns synchronous_commit off for this
 * session. A lost connection answers storage_unavailable; the next statement connects anew.
 *
 * libpqxx throws; this class is where that stops: nothing leaves it but Result. Not
 * thread-safe: a connection belongs to one thread.
 */
class PostgresDatabase final : public SqlDatabase
{
public:
    /// `url`: a libpq connection URI or key=value string (postgresql://user@host:5432/db).
    static Result<std::unique_ptr<PostgresDatabase>> open(const QString &url,
                                                          bool unsafeFast = false);
    ~PostgresDatabase() override;

    PostgresDatabase(const PostgresDatabase &) = delete;
    PostgresDatabase &operator=(const PostgresDatabase &) = delete;

    Dialect dialect() const override { return Dialect::Postgresql; }
    Result<void> execute(const QByteArray &sql) override;
    Result<std::unique_ptr<SqlRows>> select(const char *sql,
                                            const std::vector<Value> &parameters) override;
    Result<std::int64_t> change(const char *sql, const std::vector<Value> &parameters) override;
    Result<void> begin() override;
    Result<void> commit() override;
    void rollback() override;
    Result<void> lockForTransaction(std::int64_t key) override;
    /// COPY ... FROM STDIN through libpqxx's stream_to, which escapes the values for COPY's
    /// text format; inside begin()/commit() only.
    Result<void> bulkInsert(const char *table, const std::vector<const char *> &columns,
                            const std::vector<Value> &values) override;

    /// The value of a server setting (SHOW name).
    Result<QString> setting(const char *name);

private:
    template<std::size_t Width>
    Result<void> copyRows(const char *table, const std::vector<const char *> &columns,
                          const std::vector<Value> &values);
    struct Private;
    explicit PostgresDatabase(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace qx::server
