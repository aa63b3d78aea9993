#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <type_traits>

struct sqlite3;
struct sqlite3_stmt;

namespace qx::server {

using core::Error;
using core::Result;

/**
 * A thin RAII layer over SQLite's C API: one connection, prepared statements with bound
 * parameters only (never SQL built from values), errors as Result. Not thread-safe: one
 * connection belongs to one thread.
 */
class SqliteDatabase
{
public:
    class Statement
    {
    public:
        /// Advances: true when a row is available, false when done.
        Result<bool> step();
        std::int64_t int64(int column) const;
        QString text(int column) const;
        QByteArray blob(int column) const;
        bool isNull(int column) const;

    private:
        friend class SqliteDatabase;
        struct Finalizer
        {
            void operator()(sqlite3_stmt *statement) const;
        };
        Statement(SqliteDatabase *database, sqlite3_stmt *statement)
            : m_database(database)
            , m_statement(statement)
        { }
        void bind(int index, std::int64_t value);
        void bind(int index, const QString &value);
        void bind(int index, const QByteArray &value);
        void bind(int index, std::nullptr_t);
        void bind(int index, const std::optional<std::int64_t> &value);

        SqliteDatabase *m_database;
        std::unique_ptr<sqlite3_stmt, Finalizer> m_statement;
    };

    /// Opens (creating if needed) with WAL, synchronous=FULL, foreign keys on and a busy
    /// timeout, and verifies that those settings took effect.
    static Result<std::unique_ptr<SqliteDatabase>> open(const QString &path);
    ~SqliteDatabase();

    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    /// Runs one or more statements without parameters (schema, pragmas, BEGIN/COMMIT).
    Result<void> execute(const QByteArray &sql);
    /// Prepares `sql` and binds the arguments to ?1, ?2, ... in order.
    template<typename... Args>
    Result<Statement> query(const char *sql, const Args &...args)
    {
        Result<Statement> statement = prepare(sql);
        if (!statement)
            return statement;
        int index = 0;
        (statement->bind(++index, normalise(args)), ...);
        return statement;
    }
    /// Like query() for statements that return no rows: runs it to completion.
    template<typename... Args>
    Result<void> run(const char *sql, const Args &...args)
    {
        Result<Statement> statement = query(sql, args...);
        if (!statement)
            return statement.error();
        Result<bool> done = statement->step();
        if (!done)
            return done.error();
        return {};
    }

    std::int64_t lastInsertRowId() const;
    int changes() const;
    Error error(const char *what) const;

private:
    explicit SqliteDatabase(sqlite3 *handle)
        : m_handle(handle)
    { }
    Result<Statement> prepare(const char *sql);

    template<typename T>
    static auto normalise(const T &value)
    {
        if constexpr (std::is_integral_v<T> || std::is_enum_v<T>)
            return std::int64_t(value);
        else
            return value;
    }

    sqlite3 *m_handle;
};

} // namespace qx::server
