#include "server/storage/sqlitedatabase.h"

#include <sqlite3.h>

namespace qx::server {

void SqliteDatabase::Statement::Finalizer::operator()(sqlite3_stmt *statement) const
{
    sqlite3_finalize(statement);
}

Result<bool> SqliteDatabase::Statement::step()
{
    const int rc = sqlite3_step(m_statement.get());
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return m_database->error("step");
}

std::int64_t SqliteDatabase::Statement::int64(int column) const
{
    return sqlite3_column_int64(m_statement.get(), column);
}

QString SqliteDatabase::Statement::text(int column) const
{
    const auto *data
        = reinterpret_cast<const char *>(sqlite3_column_text(m_statement.get(), column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_statement.get(), column));
}

QByteArray SqliteDatabase::Statement::blob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_statement.get(), column));
    return QByteArray(data, sqlite3_column_bytes(m_statement.get(), column));
}

bool SqliteDatabase::Statement::isNull(int column) const
{
    return sqlite3_column_type(m_statement.get(), column) == SQLITE_NULL;
}

void SqliteDatabase::Statement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_statement.get(), index, value);
}

void SqliteDatabase::Statement::bind(int index, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_statement.get(), index, utf8.constData(), int(utf8.size()),
                      SQLITE_TRANSIENT);
}

void SqliteDatabase::Statement::bind(int index, const QByteArray &value)
{
    sqlite3_bind_blob(m_statement.get(), index, value.constData(), int(value.size()),
                      SQLITE_TRANSIENT);
}

void SqliteDatabase::Statement::bind(int index, std::nullptr_t)
{
    sqlite3_bind_null(m_statement.get(), index);
}

void SqliteDatabase::Statement::bind(int index, const std::optional<std::int64_t> &value)
{
    if (value)
        bind(index, *value);
    else
        bind(index, nullptr);
}

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const QString &path)
{
    sqlite3 *handle = nullptr;
    const int rc = sqlite3_open_v2(
        path.toUtf8().constData(), &handle,
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
    std::unique_ptr<SqliteDatabase> database(new SqliteDatabase(handle));
    if (rc != SQLITE_OK) {
        return core::makeError(QStringLiteral("storage_error"),
                               QStringLiteral("Cannot open the database %1: %2")
                                   .arg(path, QString::fromUtf8(sqlite3_errstr(rc))));
    }
    sqlite3_busy_timeout(handle, 5000);
    if (Result<void> pragmas = database->execute("PRAGMA journal_mode=WAL;"
                                                 "PRAGMA synchronous=FULL;"
                                                 "PRAGMA foreign_keys=ON;");
        !pragmas) {
        return pragmas.error();
    }
    // Durability is the contract: refuse to run if SQLite did not take the settings.
    Result<Statement> mode = database->query("PRAGMA journal_mode");
    if (!mode || !mode->step() || mode->text(0) != u"wal") {
        return core::makeError(
            QStringLiteral("storage_error"),
            QStringLiteral("The database %1 cannot use write-ahead logging.").arg(path));
    }
    return database;
}

SqliteDatabase::~SqliteDatabase()
{
    sqlite3_close_v2(m_handle);
}

Result<void> SqliteDatabase::execute(const QByteArray &sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_handle, sql.constData(), nullptr, nullptr, &message) != SQLITE_OK) {
        Error failure = core::makeError(QStringLiteral("storage_error"),
                                        QString::fromUtf8(message ? message : "unknown error"));
        sqlite3_free(message);
        return failure;
    }
    return {};
}

Result<SqliteDatabase::Statement> SqliteDatabase::prepare(const char *sql)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(m_handle, sql, -1, &statement, nullptr) != SQLITE_OK)
        return error("prepare");
    return Statement(this, statement);
}

std::int64_t SqliteDatabase::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_handle);
}

int SqliteDatabase::changes() const
{
    return sqlite3_changes(m_handle);
}

Error SqliteDatabase::error(const char *what) const
{
    return core::makeError(
        QStringLiteral("storage_error"),
        QStringLiteral("SQLite %1: %2")
            .arg(QString::fromLatin1(what), QString::fromUtf8(sqlite3_errmsg(m_handle))));
}

} // namespace qx::server
