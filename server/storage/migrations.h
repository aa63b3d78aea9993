#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "server/storage/sqldatabase.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

namespace qx::server {

/**
 * The schema of a SQL database, version by version. Each version is one script per dialect,
 * in migrations/{sqlite,postgresql}/NNNN_name.sql (served from :/qx/migrations/, the same
 * versions in each dialect, listed in server/CMakeLists.txt); the database records the ones it
 * has applied in schema_migrations. A new table or column is a new script in both folders,
 * never an edit of one that has shipped.
 *
 * apply() runs every missing script in one transaction holding the migration lock, so two
 * servers starting at once never migrate together and a failed script leaves the schema as
 * it was. A database that a newer build migrated is refused (schema_too_new) rather than
 * misread. Used on the thread that owns the connection.
 */
class SchemaMigrations
{
public:
    /// One migration: known to this build (`name` of its file) and/or applied to the database
    /// (`appliedAt`).
    struct State
    {
        int version = 0;
        QString name;
        bool known = false; ///< false: applied by a newer build
        QDateTime appliedAt; ///< invalid: pending
    };

    /// `clock` stamps the applied migrations.
    explicit SchemaMigrations(SqlDatabase &database,
                              const core::Clock &clock = core::Clock::system());

    /// This build's migrations for `dialect`: version → resource path.
    static QMap<int, QString> known(SqlDatabase::Dialect dialect);

    /// The newest version applied (0 for a database never migrated).
    core::Result<int> version();
    /// Applies the migrations the database lacks, under the migration lock.
    core::Result<void> apply();
    /// Every migration this build knows or the database holds, by version.
    core::Result<QList<State>> list();

private:
    SqlDatabase &m_database;
    const core::Clock &m_clock;
};

} // namespace qx::server
