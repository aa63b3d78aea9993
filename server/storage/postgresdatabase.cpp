#include "server/storage/postgresdatabase.h"

#include <QHash>

#include <pqxx/pqxx>

#include <array>
#include <cstring>
#include <optional>
#include <string>

namespace qx::server {

namespace {

using Parameters = std::vector<std::optional<std::string>>;

// Bound as text; PostgreSQL reads bytea from its hex form.
Parameters toParameters(const std::vector<SqlDatabase::Value> &values)
{
    Parameters parameters;
    parameters.reserve(values.size());
    for (const SqlDatabase::Value &value : values) {
        if (const auto *integer = std::get_if<std::int64_t>(&value))
            parameters.emplace_back(std::to_string(*integer));
        else if (const auto *text = std::get_if<QString>(&value))
            parameters.emplace_back(text->toStdString());
        else if (const auto *bytes = std::get_if<QByteArray>(&value))
            parameters.emplace_back("\\x" + bytes->toHex().toStdString());
        else
            parameters.emplace_back(std::nullopt);
    }
    return parameters;
}

class PostgresRows final : public SqlRows
{
public:
    explicit PostgresRows(pqxx::result result)
        : m_result(std::move(result))
    { }

    Result<bool> next() override { return ++m_row < int(m_result.size()); }
    std::int64_t int64(int column) const override
    {
        const pqxx::field field = m_result[m_row][column];
        return field.is_null() ? 0 : field.as<std::int64_t>();
    }
    QString text(int column) const override
    {
        const pqxx::field field = m_result[m_row][column];
        return QString::fromUtf8(field.c_str(), qsizetype(field.size()));
    }
    QByteArray blob(int column) const override
    {
        // bytea arrives in its hex text form: \x0a1b...
        const pqxx::field field = m_result[m_row][column];
        const QByteArray text = QByteArray::fromRawData(field.c_str(), qsizetype(field.size()));
        return text.startsWith("\\x") ? QByteArray::fromHex(text.mid(2)) : QByteArray(text);
    }
    bool isNull(int column) const override { return m_result[m_row][column].is_null(); }

private:
    pqxx::result m_result;
    int m_row = -1;
};

Error failure(core::ErrorCode code, const char *what, const std::exception &exception)
{
    return core::makeError(
        code,
        QStringLiteral("PostgreSQL %1: %2")
            .arg(QString::fromLatin1(what), QString::fromUtf8(exception.what()).trimmed()));
}

} // namespace

struct PostgresDatabase::Private
{
    QString url;
    bool unsafeFast = false;
    std::unique_ptr<pqxx::connection> connection;
    std::unique_ptr<pqxx::work> transaction; ///< between begin() and commit()
    QHash<QByteArray, std::string> statements; ///< SQL text → prepared statement name

    Result<void> connect()
    {
        if (connection && connection->is_open())
            return {};
        transaction.reset();
        statements.clear();
        try {
            connection = std::make_unique<pqxx::connection>(url.toStdString());
            if (unsafeFast) {
                pqxx::nontransaction session(*connection);
                session.exec("SET synchronous_commit = off");
            }
        } catch (const std::exception &e) {
            connection.reset();
            return failure(core::ErrorCode::StorageUnavailable, "connect", e);
        }
        return {};
    }

    std::string statementFor(const char *sql)
    {
        const QByteArray key = QByteArray::fromRawData(sql, qsizetype(std::strlen(sql)));
        auto found = statements.constFind(key);
        if (found != statements.cend())
            return *found;
        std::string name = "qx" + std::to_string(statements.size() + 1);
        connection->prepare(name, sql);
        statements.insert(QByteArray(sql), name);
        return name;
    }

    /// Runs `work(transaction)` in the open transaction, or alone (committing by itself),
    /// and turns whatever libpqxx throws into an error.
    template<typename Work>
    auto run(const char *what, Work work)
        -> Result<decltype(work(std::declval<pqxx::transaction_base &>()))>
    {
        using T = decltype(work(std::declval<pqxx::transaction_base &>()));
        if (Result<void> connected = connect(); !connected)
            return connected.error();
        const auto call = [&work](pqxx::transaction_base &in) -> Result<T> {
            if constexpr (std::is_void_v<T>) {
                work(in);
                return {};
            } else {
                return work(in);
            }
        };
        try {
            if (transaction)
                return call(*transaction);
            pqxx::nontransaction alone(*connection);
            return call(alone);
        } catch (const pqxx::unique_violation &e) {
            return failure(core::ErrorCode::UniqueViolation, what, e);
        } catch (const pqxx::broken_connection &e) {
            connection.reset();
            transaction.reset();
            return failure(core::ErrorCode::StorageUnavailable, what, e);
        } catch (const std::exception &e) {
            if (connection && !connection->is_open()) {
                connection.reset();
                transaction.reset();
                return failure(core::ErrorCode::StorageUnavailable, what, e);
            }
            return failure(core::ErrorCode::StorageError, what, e);
        }
    }
};

PostgresDatabase::PostgresDatabase(std::unique_ptr<Private> d)
    : d(std::move(d))
{ }

PostgresDatabase::~PostgresDatabase()
{
    rollback();
}

Result<std::unique_ptr<PostgresDatabase>> PostgresDatabase::open(const QString &url,
                                                                 bool unsafeFast)
{
    auto d = std::make_unique<Private>();
    d->url = url;
    d->unsafeFast = unsafeFast;
    if (Result<void> connected = d->connect(); !connected)
        return connected.error();
    std::unique_ptr<PostgresDatabase> database(new PostgresDatabase(std::move(d)));
    if (unsafeFast)
        return database;
    // Durability is the contract: a server that acknowledges commits it has not written to
    // disk would break it, so refuse to run on one.
    for (const char *name : { "fsync", "synchronous_commit" }) {
        Result<QString> value = database->setting(name);
        if (!value)
            return value.error();
        if (*value == u"off") {
            return core::makeError(
                core::ErrorCode::UnsafeStorage,
                QStringLiteral("PostgreSQL runs with %1 = off, so an acknowledged order could be "
                               "lost in a crash. Turn it on, or start with --unsafe-fast to "
                               "accept that.")
                    .arg(QString::fromLatin1(name)));
        }
    }
    return database;
}

Result<QString> PostgresDatabase::setting(const char *name)
{
    return d->run("SHOW", [&](pqxx::transaction_base &transaction) {
        // A setting's name cannot be a bound parameter; these are our own literals.
        const pqxx::result value = transaction.exec(std::string("SHOW ") + name);
        return QString::fromUtf8(value[0][0].c_str());
    });
}

Result<void> PostgresDatabase::execute(const QByteArray &sql)
{
    return d->run("execute", [&](pqxx::transaction_base &transaction) {
        transaction.exec(sql.toStdString());
    });
}

Result<std::unique_ptr<SqlRows>> PostgresDatabase::select(const char *sql,
                                                          const std::vector<Value> &parameters)
{
    return d->run("query", [&](pqxx::transaction_base &transaction) {
        const std::string name = d->statementFor(sql);
        const Parameters values = toParameters(parameters);
        return std::unique_ptr<SqlRows>(std::make_unique<PostgresRows>(
            transaction.exec_prepared(name, pqxx::prepare::make_dynamic_params(values))));
    });
}

Result<std::int64_t> PostgresDatabase::change(const char *sql, const std::vector<Value> &parameters)
{
    return d->run("statement", [&](pqxx::transaction_base &transaction) {
        const std::string name = d->statementFor(sql);
        const Parameters values = toParameters(parameters);
        return std::int64_t(
            transaction.exec_prepared(name, pqxx::prepare::make_dynamic_params(values))
                .affected_rows());
    });
}

Result<void> PostgresDatabase::begin()
{
    // A connection that died while idle (the server restarted) is only found out now, and
    // nothing has been sent on it yet: connecting again once is safe.
    for (int attempt = 0;; ++attempt) {
        if (Result<void> connected = d->connect(); !connected)
            return connected.error();
        try {
            d->transaction = std::make_unique<pqxx::work>(*d->connection);
            return {};
        } catch (const std::exception &e) {
            d->connection.reset();
            if (attempt > 0)
                return failure(core::ErrorCode::StorageUnavailable, "begin", e);
        }
    }
}

Result<void> PostgresDatabase::commit()
{
    if (!d->transaction)
        return core::makeError(core::ErrorCode::StorageError,
                               QStringLiteral("PostgreSQL commit: no transaction is open."));
    std::unique_ptr<pqxx::work> transaction = std::move(d->transaction);
    try {
        transaction->commit();
    } catch (const pqxx::in_doubt_error &e) {
        // The connection broke during COMMIT: whether it took is unknown. Callers treat this
        // as a failure; recovery reads what storage holds.
        d->connection.reset();
        return failure(core::ErrorCode::StorageUnavailable, "commit", e);
    } catch (const pqxx::broken_connection &e) {
        d->connection.reset();
        return failure(core::ErrorCode::StorageUnavailable, "commit", e);
    } catch (const std::exception &e) {
        return failure(core::ErrorCode::StorageError, "commit", e);
    }
    return {};
}

void PostgresDatabase::rollback()
{
    if (!d->transaction)
        return;
    try {
        d->transaction->abort();
    } catch (const std::exception &) {
        d->connection.reset(); // gone anyway: nothing was committed
    }
    d->transaction.reset();
}

template<std::size_t Width>
Result<void> PostgresDatabase::copyRows(const char *table, const std::vector<const char *> &columns,
                                        const std::vector<Value> &values)
{
    return d->run("COPY", [&](pqxx::transaction_base &transaction) {
        pqxx::stream_to copy(transaction, table,
                             std::vector<std::string>(columns.begin(), columns.end()));
        std::array<std::optional<std::string>, Width> row;
        for (std::size_t first = 0; first < values.size(); first += Width) {
            const Parameters text
                = toParameters(std::vector<Value>(values.begin() + std::ptrdiff_t(first),
                                                  values.begin() + std::ptrdiff_t(first + Width)));
            std::copy(text.begin(), text.end(), row.begin());
            copy << row;
        }
        copy.complete();
    });
}

Result<void> PostgresDatabase::bulkInsert(const char *table,
                                          const std::vector<const char *> &columns,
                                          const std::vector<Value> &values)
{
    if (!d->transaction) {
        return core::makeError(core::ErrorCode::StorageError,
                               QStringLiteral("PostgreSQL COPY needs an open transaction."));
    }
    // A few rows go faster as one INSERT than as COPY's extra exchanges. libpqxx 6 streams
    // rows as tuples of a size known when compiling: the widths of the tables written in bulk.
    const std::size_t width = columns.size();
    if (width == 0 || values.size() / width < 32)
        return SqlDatabase::bulkInsert(table, columns, values);
    switch (width) {
    case 9:
        return copyRows<9>(table, columns, values);
    case 23:
        return copyRows<23>(table, columns, values);
    default:
        return SqlDatabase::bulkInsert(table, columns, values);
    }
}

Result<void> PostgresDatabase::lockForTransaction(std::int64_t key)
{
    Result<std::unique_ptr<SqlRows>> locked
        = select("SELECT pg_advisory_xact_lock($1)", { Value(key) });
    if (!locked)
        return locked.error();
    return {};
}

} // namespace qx::server
