// SqlStore: opening, migrating, backing up and restoring a database, and transactions. The
// methods of each storage role are in sqlstore_<role>.cpp.

#include "server/storage/sqlstore.h"

#include "server/storage/sqlstore_p.h"

#include "server/storage/postgresdatabase.h"
#include "server/storage/sqlitedatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
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

namespace {

/// This build's migrations for `dialect`: version → file, in the resources.
QMap<int, QString> knownMigrations(SqlDatabase::Dialect dialect)
{
    static const QRegularExpression namePattern(QStringLiteral("^(\\d{4})_\\w+\\.sql$"));
    const QDir directory(dialect == SqlDatabase::Dialect::Sqlite
                             ? QStringLiteral(":/qx/migrations/sqlite")
                             : QStringLiteral(":/qx/migrations/postgresql"));
    QMap<int, QString> files;
    for (const QString &file : directory.entryList(QDir::Files, QDir::Name)) {
        const QRegularExpressionMatch match = namePattern.match(file);
        if (match.hasMatch())
            files.insert(match.captured(1).toInt(), directory.filePath(file));
    }
    return files;
}

constexpr const char *kCreateMigrationsTable
    = "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
      "name TEXT NOT NULL, applied_at_ms BIGINT NOT NULL)";

} // namespace

Result<void> SqlStore::migrate()
{
    const QMap<int, QString> files = knownMigrations(m_database->dialect());
    return inTransaction(*m_database, [&]() -> Result<void> {
        if (Result<void> locked = m_database->lockForTransaction(kMigrationLock); !locked)
            return locked;
        if (Result<void> table = m_database->execute(QByteArray(kCreateMigrationsTable)); !table)
            return table;
        Result<int> current = schemaVersion();
        if (!current)
            return current.error();
        const int latest = files.isEmpty() ? 0 : files.lastKey();
        if (*current > latest) {
            return core::makeError(
                core::ErrorCode::SchemaTooNew,
                QStringLiteral("The database has schema version %1; this build knows up to %2. "
                               "Run a build at least as new as the one that migrated it.")
                    .arg(*current)
                    .arg(latest));
        }
        for (auto file = files.upperBound(*current); file != files.cend(); ++file) {
            const QString name = QFileInfo(file.value()).fileName();
            QFile script(file.value());
            if (!script.open(QIODevice::ReadOnly))
                return core::makeError(core::ErrorCode::StorageError,
                                       QStringLiteral("Cannot read migration %1").arg(name));
            if (Result<void> applied = m_database->execute(script.readAll()); !applied)
                return core::makeError(
                    core::ErrorCode::StorageError,
                    QStringLiteral("Migration %1 failed: %2").arg(name, applied.error().message));
            if (Result<void> recorded
                = m_database->run("INSERT INTO schema_migrations VALUES ($1, $2, $3)", file.key(),
                                  name, QDateTime::currentMSecsSinceEpoch());
                !recorded) {
                return recorded;
            }
        }
        return {};
    });
}

Result<QList<SqlStore::MigrationState>> SqlStore::migrations()
{
    QMap<int, MigrationState> states;
    const QMap<int, QString> files = knownMigrations(m_database->dialect());
    for (auto file = files.cbegin(); file != files.cend(); ++file)
        states.insert(file.key(), { file.key(), QFileInfo(file.value()).fileName(), true, {} });
    // A database never migrated has no table yet, and that is no error here.
    Result<std::unique_ptr<SqlRows>> tables = m_database->query(
        m_database->dialect() == SqlDatabase::Dialect::Sqlite
            ? "SELECT COUNT(*) FROM sqlite_master WHERE name = 'schema_migrations'"
            : "SELECT COUNT(*) FROM pg_tables WHERE tablename = 'schema_migrations' "
              "AND schemaname = current_schema()");
    if (!tables)
        return tables.error();
    if (!(*tables)->next().value_or(false) || (*tables)->int64(0) == 0)
        return states.values();
    Result<std::unique_ptr<SqlRows>> applied = m_database->query(
        "SELECT version, name, applied_at_ms FROM schema_migrations ORDER BY version");
    if (!applied)
        return applied.error();
    while (true) {
        Result<bool> row = (*applied)->next();
        if (!row)
            return row.error();
        if (!*row)
            break;
        const int version = int((*applied)->int64(0));
        MigrationState &state = states[version];
        state.version = version;
        if (!state.known)
            state.name = (*applied)->text(1);
        state.appliedAt = QDateTime::fromMSecsSinceEpoch((*applied)->int64(2), Qt::UTC);
    }
    return states.values();
}

Result<int> SqlStore::schemaVersion()
{
    Result<std::optional<int>> version
        = findOne<int>(m_database->query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"),
                       [](const SqlRows &row) { return int(row.int64(0)); });
    if (!version)
        return version.error();
    return version->value_or(0);
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
