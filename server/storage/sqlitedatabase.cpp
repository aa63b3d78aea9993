#include "server/storage/sqlitedatabase.h"

#include <sqlite3.h>

#include <cstring>

namespace qx::server {

namespace {

// The stores write parameters as PostgreSQL does ($1, $2, ...). When they appear in order,
// each once, they become SQLite's anonymous "?", else "?N": SQLite looks numbered parameters
// up in a list at every use, which costs quadratic time in the multi-row statements of
// thousands of parameters.
QByteArray sqliteSql(const char *sql)
{
    const QByteArray text(sql);
    const auto isParameter = [&text](qsizetype i) {
        return text[i] == '$' && i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9';
    };
    bool sequential = true;
    int expected = 1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!isParameter(i))
            continue;
        int number = 0;
        while (i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9')
            number = number * 10 + (text[++i] - '0');
        sequential = sequential && number == expected++;
    }
    QByteArray translated;
    translated.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!isParameter(i)) {
            translated += text[i];
            continue;
        }
        translated += '?';
        if (sequential) {
            while (i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9')
                ++i; // the position says which
        }
    }
    return translated;
}

// A failure of the last call on `database`: unique_violation when a unique key refused a row.
Error sqliteError(sqlite3 *database, const char *what)
{
    const int code = sqlite3_extended_errcode(database);
    const bool duplicate = code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY;
    return core::makeError(
        duplicate ? core::ErrorCode::UniqueViolation : core::ErrorCode::StorageError,
        QStringLiteral("SQLite %1: %2")
            .arg(QString::fromLatin1(what), QString::fromUtf8(sqlite3_errmsg(database))));
}

class SqliteRows final : public SqlRows
{
public:
    SqliteRows(sqlite3 *database, sqlite3_stmt *statement)
        : m_database(database)
        , m_statement(statement)
    { }
    ~SqliteRows() override { sqlite3_finalize(m_statement); }

    Result<bool> next() override
    {
        const int rc = sqlite3_step(m_statement);
        if (rc == SQLITE_ROW)
            return true;
        if (rc == SQLITE_DONE)
            return false;
        return sqliteError(m_database, "step");
    }
    std::int64_t int64(int column) const override
    {
        return sqlite3_column_int64(m_statement, column);
    }
    QString text(int column) const override
    {
        const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        return QString::fromUtf8(data, sqlite3_column_bytes(m_statement, column));
    }
    QByteArray blob(int column) const override
    {
        const auto *data = static_cast<const char *>(sqlite3_column_blob(m_statement, column));
        return QByteArray(data, sqlite3_column_bytes(m_statement, column));
    }
    bool isNull(int column) const override
    {
        return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
    }

private:
    sqlite3 *m_database;
    sqlite3_stmt *m_statement;
};

} // namespace

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const QString &path, bool unsafeFast)
{
    sqlite3 *handle = nullptr;
    const int rc = sqlite3_open_v2(
        path.toUtf8().constData(), &handle,
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
    std::unique_ptr<SqliteDatabase> database(new SqliteDatabase(handle));
    if (rc != SQLITE_OK) {
        return core::makeError(core::ErrorCode::StorageError,
                               QStringLiteral("Cannot open the database %1: %2")
                                   .arg(path, QString::fromUtf8(sqlite3_errstr(rc))));
    }
    sqlite3_busy_timeout(handle, 5000);
    const QByteArray synchronous = unsafeFast ? "OFF" : "FULL";
    if (Result<void> pragmas = database->execute("PRAGMA journal_mode=WAL;"
                                                 "PRAGMA synchronous="
                                                 + synchronous + ";PRAGMA foreign_keys=ON;");
        !pragmas) {
        return pragmas.error();
    }
    // Durability is the contract: refuse to run if SQLite did not take the settings.
    Result<std::unique_ptr<SqlRows>> mode = database->query("PRAGMA journal_mode");
    if (!mode || !(*mode)->next().value_or(false) || (*mode)->text(0) != u"wal") {
        return core::makeError(
            core::ErrorCode::StorageError,
            QStringLiteral("The database %1 cannot use write-ahead logging.").arg(path));
    }
    Result<std::unique_ptr<SqlRows>> sync = database->query("PRAGMA synchronous");
    if (!sync || !(*sync)->next().value_or(false) || (*sync)->int64(0) != (unsafeFast ? 0 : 2)) {
        return core::makeError(core::ErrorCode::StorageError,
                               QStringLiteral("The database %1 did not take synchronous=%2.")
                                   .arg(path, QString::fromLatin1(synchronous)));
    }
    return database;
}

SqliteDatabase::~SqliteDatabase()
{
    for (sqlite3_stmt *statement : std::as_const(m_changeStatements))
        sqlite3_finalize(statement);
    sqlite3_close_v2(m_handle);
}

Result<void> SqliteDatabase::execute(const QByteArray &sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_handle, sql.constData(), nullptr, nullptr, &message) != SQLITE_OK) {
        Error failure = error("exec");
        if (message)
            failure.message = QStringLiteral("SQLite: ") + QString::fromUtf8(message);
        sqlite3_free(message);
        return failure;
    }
    return {};
}

Result<sqlite3_stmt *> SqliteDatabase::prepare(const char *sql)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(m_handle, sqliteSql(sql).constData(), -1, &statement, nullptr)
        != SQLITE_OK) {
        return error("prepare");
    }
    return statement;
}

Result<void> SqliteDatabase::bind(sqlite3_stmt *statement, const std::vector<Value> &parameters)
{
    for (int i = 0; i < int(parameters.size()); ++i) {
        const int index = i + 1;
        const Value &parameter = parameters[std::size_t(i)];
        int rc = SQLITE_OK;
        if (const auto *integer = std::get_if<std::int64_t>(&parameter)) {
            rc = sqlite3_bind_int64(statement, index, *integer);
        } else if (const auto *text = std::get_if<QString>(&parameter)) {
            const QByteArray utf8 = text->toUtf8();
            rc = sqlite3_bind_text(statement, index, utf8.constData(), int(utf8.size()),
                                   SQLITE_TRANSIENT);
        } else if (const auto *bytes = std::get_if<QByteArray>(&parameter)) {
            rc = sqlite3_bind_blob(statement, index, bytes->constData(), int(bytes->size()),
                                   SQLITE_TRANSIENT);
        } else {
            rc = sqlite3_bind_null(statement, index);
        }
        if (rc != SQLITE_OK)
            return error("bind");
    }
    return {};
}

Result<std::unique_ptr<SqlRows>> SqliteDatabase::select(const char *sql,
                                                        const std::vector<Value> &parameters)
{
    Result<sqlite3_stmt *> statement = prepare(sql);
    if (!statement)
        return statement.error();
    auto rows = std::make_unique<SqliteRows>(m_handle, *statement);
    if (Result<void> bound = bind(*statement, parameters); !bound)
        return bound.error();
    return std::unique_ptr<SqlRows>(std::move(rows));
}

Result<std::int64_t> SqliteDatabase::change(const char *sql, const std::vector<Value> &parameters)
{
    sqlite3_stmt *statement = m_changeStatements.value(
        QByteArray::fromRawData(sql, qsizetype(std::strlen(sql))), nullptr);
    if (!statement) {
        Result<sqlite3_stmt *> prepared = prepare(sql);
        if (!prepared)
            return prepared.error();
        statement = *prepared;
        m_changeStatements.insert(QByteArray(sql), statement);
    }
    // Whatever happens below, the statement is ready for its next use afterwards.
    struct Reset
    {
        sqlite3_stmt *statement;
        ~Reset()
        {
            sqlite3_reset(statement);
            sqlite3_clear_bindings(statement);
        }
    } reset { statement };
    if (Result<void> bound = bind(statement, parameters); !bound)
        return bound.error();
    int rc = sqlite3_step(statement);
    while (rc == SQLITE_ROW) // a RETURNING clause nobody reads
        rc = sqlite3_step(statement);
    if (rc != SQLITE_DONE)
        return error("step");
    return std::int64_t(sqlite3_changes(m_handle));
}

Result<void> SqliteDatabase::begin()
{
    return execute("BEGIN IMMEDIATE");
}

Result<void> SqliteDatabase::commit()
{
    return execute("COMMIT");
}

void SqliteDatabase::rollback()
{
    if (!sqlite3_get_autocommit(m_handle)) // a transaction is open
        (void)execute("ROLLBACK");
}

namespace {

// Copies database `from` into `to` with the online backup API, all pages in one step, so the
// copy is consistent as of one moment; `what` names the operation for the error.
Result<void> copyDatabase(sqlite3 *to, sqlite3 *from, const QString &what)
{
    sqlite3_backup *backup = sqlite3_backup_init(to, "main", from, "main");
    int rc = backup ? SQLITE_OK : sqlite3_errcode(to);
    if (backup) {
        while ((rc = sqlite3_backup_step(backup, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(50);
        sqlite3_backup_finish(backup);
    }
    if (rc != SQLITE_DONE) {
        return core::makeError(
            core::ErrorCode::StorageError,
            QStringLiteral("%1 failed: %2").arg(what, QString::fromUtf8(sqlite3_errmsg(to))));
    }
    return {};
}

// Opens another database file for a backup or a restore.
Result<sqlite3 *> openFile(const QString &path, int flags)
{
    sqlite3 *handle = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &handle, flags, nullptr) != SQLITE_OK) {
        const QString why = QString::fromUtf8(sqlite3_errmsg(handle));
        sqlite3_close_v2(handle);
        return core::makeError(core::ErrorCode::IoError,
                               QStringLiteral("Cannot open %1: %2").arg(path, why));
    }
    return handle;
}

} // namespace

Result<void> SqliteDatabase::backupTo(const QString &path)
{
    Result<sqlite3 *> target = openFile(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (!target)
        return target.error();
    Result<void> copied = copyDatabase(*target, m_handle, QStringLiteral("The backup to ") + path);
    sqlite3_close_v2(*target);
    return copied;
}

Result<void> SqliteDatabase::restoreFrom(const QString &path)
{
    Result<sqlite3 *> source = openFile(path, SQLITE_OPEN_READONLY);
    if (!source)
        return source.error();
    Result<void> copied
        = copyDatabase(m_handle, *source, QStringLiteral("The restore from ") + path);
    sqlite3_close_v2(*source);
    return copied;
}

Error SqliteDatabase::error(const char *what) const
{
    return sqliteError(m_handle, what);
}

} // namespace qx::server
