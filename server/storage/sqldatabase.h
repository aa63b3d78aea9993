#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <type_traits>
#include <variant>
#include <vector>

namespace qx::server {

using core::Error;
using core::Result;

/// The rows of a query, read forward once. Column values of the current row only.
class SqlRows
{
public:
    virtual ~SqlRows() = default;
    /// Advances: true when a row is available, false when done.
    virtual Result<bool> next() = 0;
    virtual std::int64_t int64(int column) const = 0;
    virtual QString text(int column) const = 0;
    virtual QByteArray blob(int column) const = 0;
    virtual bool isNull(int column) const = 0;
};

/**
 * One connection to a SQL database, as the stores need it: statements with bound parameters
 * only (never SQL built from values), written with $1, $2, ... placeholders whatever the
 * engine, explicit transactions, and errors as Result. Implementations: SQLite (embedded) and
 * PostgreSQL. Not thread-safe: a connection belongs to one thread.
 *
 * Error codes: storage_error; unique_violation when a unique key refused a row (so callers
 * can tell "already exists" from a failure); storage_unavailable when the server is gone.
 */
class SqlDatabase
{
public:
    using Value = std::variant<std::nullptr_t, std::int64_t, QString, QByteArray>;
    enum class Dialect { Sqlite, Postgresql };

    virtual ~SqlDatabase() = default;

    virtual Dialect dialect() const = 0;
    /// Runs one or more statements without parameters (schema, settings).
    virtual Result<void> execute(const QByteArray &sql) = 0;
    virtual Result<std::unique_ptr<SqlRows>> select(const char *sql,
                                                    const std::vector<Value> &parameters)
        = 0;
    /// Runs a statement that returns no rows; the number of rows it changed.
    virtual Result<std::int64_t> change(const char *sql, const std::vector<Value> &parameters) = 0;
    /// A write transaction (on SQLite it takes the write lock at once). Not nested.
    virtual Result<void> begin() = 0;
    virtual Result<void> commit() = 0;
    /// Ends the open transaction, if any, discarding its writes.
    virtual void rollback() = 0;
    /// Holds the lock `key` against every other connection asking for it (the migrations,
    /// say) until the current transaction ends. Call inside begin()/commit().
    virtual Result<void> lockForTransaction(std::int64_t key) = 0;

    /// query() and run() take their parameters as arguments: integers (and bools, enums),
    /// QString, QByteArray (binary), nullptr and std::optional of those (nullopt is NULL).
    template<typename... Args>
    Result<std::unique_ptr<SqlRows>> query(const char *sql, const Args &...args)
    {
        return select(sql, { value(args)... });
    }
    template<typename... Args>
    Result<void> run(const char *sql, const Args &...args)
    {
        Result<std::int64_t> changed = change(sql, { value(args)... });
        if (!changed)
            return changed.error();
        return {};
    }
    /// Runs a statement: how many rows it changed.
    template<typename... Args>
    Result<std::int64_t> changeRows(const char *sql, const Args &...args)
    {
        return change(sql, { value(args)... });
    }
    /// Runs a conditional UPDATE meant for one row: whether it changed it (a compare-and-set:
    /// of writers racing with the same condition, one gets true).
    template<typename... Args>
    Result<bool> changeOne(const char *sql, const Args &...args)
    {
        Result<std::int64_t> changed = change(sql, { value(args)... });
        if (!changed)
            return changed.error();
        return *changed == 1;
    }

    /// Inserts rows of `columns.size()` values each (`values`, row after row) into `table`,
    /// the fastest way the engine has: insertRows() here, COPY on PostgreSQL.
    virtual Result<void> bulkInsert(const char *table, const std::vector<const char *> &columns,
                                    const std::vector<Value> &values);
    /// Inserts rows as bulkInsert() does, with multi-row statements of kRowsPerStatement rows
    /// ending in `tail` (an ON CONFLICT clause, say).
    Result<void> insertRows(const char *table, const std::vector<const char *> &columns,
                            const std::vector<Value> &values, const char *tail = "");
    /// Rows per multi-row statement: well under SQLite's 32,766 parameters at two dozen
    /// columns, and few enough distinct statement texts (one per row count) to keep prepared.
    static constexpr std::size_t kRowsPerStatement = 128;

private:
    template<typename T>
    static Value value(const T &argument)
    {
        if constexpr (std::is_integral_v<T> || std::is_enum_v<T>)
            return std::int64_t(argument);
        else
            return argument;
    }
    template<typename T>
    static Value value(const std::optional<T> &argument)
    {
        return argument ? value(*argument) : Value(nullptr);
    }
};

} // namespace qx::server
