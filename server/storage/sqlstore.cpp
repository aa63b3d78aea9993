// SqlStore: opening (and migrating: migrations.h), backing up and restoring a database, and
// transactions. The methods of each storage role are in sqlstore_<role>.cpp.

#include "server/storage/sqlstore.h"

#include "server/storage/sqlstore_p.h"

#include "server/storage/migrations.h"

#include "server/storage/postgresdatabase.h"
#include "server/storage/sqlitedatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QUrl>

namespace qx::server {

namespace protocol = core::protocol;
using namespace sqlstore;

Result<std::pair<SqlDatabase::Dialect, QString>> SqlStore::parseUrl(const QString &url)
{
    if (url.startsWith(u"sqlite:")) {
        const QString path = url.mid(7);
        if (!path.isEmpty())
            return std::pair { SqlDatabase::Dialect::Sqlite, path };
    } else if (url.startsWith(u"postgresql://") || url.startsWith(u"postgres://")) {
        return std::pair { SqlDatabase::Dialect::Postgresql, url };
    }
    return core::makeError(core::ErrorCode::InvalidDatabase,
                           QStringLiteral("The database must be sqlite:PATH or "
                                          "postgresql://USER@HOST:PORT/NAME, not \"%1\".")
                               .arg(url.left(200)));
}

Result<std::unique_ptr<SqlStore>> SqlStore::open(const QString &url, bool unsafeFast,
                                                 Migration migration)
{
    Result<std::pair<SqlDatabase::Dialect, QString>> location = parseUrl(url);
    if (!location)
        return location.error();
    std::unique_ptr<SqlDatabase> database;
    if (location->first == SqlDatabase::Dialect::Sqlite) {
        Result<std::unique_ptr<SqliteDatabase>> opened
            = SqliteDatabase::open(location->second, unsafeFast);
        if (!opened)
            return opened.error();
        database = std::move(opened).value();
    } else {
        Result<std::unique_ptr<PostgresDatabase>> opened
            = PostgresDatabase::open(location->second, unsafeFast);
        if (!opened)
            return opened.error();
        database = std::move(opened).value();
    }
    std::unique_ptr<SqlStore> store(new SqlStore(std::move(database)));
    store->m_url = location->second;
    if (migration == Migration::Leave)
        return store;
    if (Result<void> migrated = store->migrate(); !migrated)
        return migrated.error();
    return store;
}

namespace {

// Runs one of PostgreSQL's client programs (pg_dump, pg_restore) to completion on the database
// at `url`; a password in the URL goes through the environment, not the command line (which
// every user of the machine can read).
Result<void> runPostgresTool(const QString &program, QStringList arguments, const QString &url)
{
    QUrl location(url);
    QProcess process;
    if (!location.password().isEmpty()) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PGPASSWORD"), location.password());
        process.setProcessEnvironment(environment);
        location.setPassword({});
    }
    arguments << QStringLiteral("--dbname") << location.toString();
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForStarted(10'000)) {
        return core::makeError(core::ErrorCode::ToolMissing,
                               QStringLiteral("%1 is needed for PostgreSQL backups and is not "
                                              "installed (Debian: postgresql-client).")
                                   .arg(program));
    }
    process.waitForFinished(-1);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return core::makeError(
            core::ErrorCode::StorageError,
            QStringLiteral("%1 failed: %2")
                .arg(program, QString::fromLocal8Bit(process.readAll()).trimmed().left(2000)));
    }
    return {};
}

} // namespace

Result<void> SqlStore::backup(const QString &file)
{
    if (QFile::exists(file)) {
        return core::makeError(
            core::ErrorCode::FileExists,
            QStringLiteral("%1 exists already; the backup writes a new file.").arg(file));
    }
    if (auto *sqlite = dynamic_cast<SqliteDatabase *>(m_database.get()))
        return sqlite->backupTo(file);
    return runPostgresTool(QStringLiteral("pg_dump"),
                           { QStringLiteral("--format=custom"), QStringLiteral("--file"), file },
                           m_url);
}

Result<void> SqlStore::restore(const QString &file)
{
    if (!QFile::exists(file)) {
        return core::makeError(core::ErrorCode::NotFound,
                               QStringLiteral("No backup at %1.").arg(file));
    }
    if (auto *sqlite = dynamic_cast<SqliteDatabase *>(m_database.get())) {
        if (Result<void> restored = sqlite->restoreFrom(file); !restored)
            return restored;
    } else if (Result<void> restored = runPostgresTool(
                   QStringLiteral("pg_restore"),
                   { QStringLiteral("--clean"), QStringLiteral("--if-exists"),
                     QStringLiteral("--no-owner"), QStringLiteral("--single-transaction"), file },
                   m_url);
               !restored) {
        return restored;
    }
    return migrate(); // a backup of an older version gets the newer schema
}

Result<void> SqlStore::migrate()
{
    return SchemaMigrations(*m_database).apply();
}

Result<int> SqlStore::schemaVersion()
{
    return SchemaMigrations(*m_database).version();
}

Result<void> SqlStore::begin()
{
    return m_database->begin();
}

Result<void> SqlStore::commit()
{
    return m_database->commit();
}

void SqlStore::rollback()
{
    m_database->rollback();
}

} // namespace qx::server
