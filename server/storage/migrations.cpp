#include "server/storage/migrations.h"

#include "server/storage/sqlstore_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace qx::server {

using namespace sqlstore;

namespace {

constexpr const char *kCreateTable
    = "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
      "name TEXT NOT NULL, applied_at_ms BIGINT NOT NULL)";

/// Whether the database has a schema_migrations table at all (one never migrated has not).
Result<bool> hasTable(SqlDatabase &database)
{
    Result<std::optional<std::int64_t>> count = findOne<std::int64_t>(
        database.query(database.dialect() == SqlDatabase::Dialect::Sqlite
                           ? "SELECT COUNT(*) FROM sqlite_master WHERE name = 'schema_migrations'"
                           : "SELECT COUNT(*) FROM pg_tables WHERE tablename = "
                             "'schema_migrations' AND schemaname = current_schema()"),
        [](const SqlRows &row) { return row.int64(0); });
    if (!count)
        return count.error();
    return count->value_or(0) > 0;
}

} // namespace

SchemaMigrations::SchemaMigrations(SqlDatabase &database, const core::Clock &clock)
    : m_database(database)
    , m_clock(clock)
{ }

QMap<int, QString> SchemaMigrations::known(SqlDatabase::Dialect dialect)
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

Result<int> SchemaMigrations::version()
{
    Result<std::optional<int>> version
        = findOne<int>(m_database.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"),
                       [](const SqlRows &row) { return int(row.int64(0)); });
    if (!version)
        return version.error();
    return version->value_or(0);
}

Result<void> SchemaMigrations::apply()
{
    const QMap<int, QString> files = known(m_database.dialect());
    return inTransaction(m_database, [&]() -> Result<void> {
        if (Result<void> locked = m_database.lockForTransaction(kMigrationLock); !locked)
            return locked;
        if (Result<void> table = m_database.execute(QByteArray(kCreateTable)); !table)
            return table;
        Result<int> current = version();
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
            if (Result<void> applied = m_database.execute(script.readAll()); !applied)
                return core::makeError(
                    core::ErrorCode::StorageError,
                    QStringLiteral("Migration %1 failed: %2").arg(name, applied.error().message));
            if (Result<void> recorded
                = m_database.run("INSERT INTO schema_migrations VALUES ($1, $2, $3)", file.key(),
                                 name, m_clock.nowMs());
                !recorded) {
                return recorded;
            }
        }
        return {};
    });
}

Result<QList<SchemaMigrations::State>> SchemaMigrations::list()
{
    QMap<int, State> states;
    const QMap<int, QString> files = known(m_database.dialect());
    for (auto file = files.cbegin(); file != files.cend(); ++file)
        states.insert(file.key(), { file.key(), QFileInfo(file.value()).fileName(), true, {} });
    Result<bool> migrated = hasTable(m_database);
    if (!migrated)
        return migrated.error();
    if (!*migrated) // every migration pending, and that is no error here
        return states.values();
    Result<std::unique_ptr<SqlRows>> applied = m_database.query(
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
        State &state = states[version];
        state.version = version;
        if (!state.known)
            state.name = (*applied)->text(1);
        state.appliedAt = QDateTime::fromMSecsSinceEpoch((*applied)->int64(2), Qt::UTC);
    }
    return states.values();
}

} // namespace qx::server
