#pragma once

#include "core/productcatalog.h"
#include "core/result.h"
#include "server/storage/sqlstore.h"

#include <QDate>
#include <QString>

#include <memory>

namespace qx::server {

/**
 * The server's data directory (mode 0700): the token signing key, the configuration file
 * (quantenergx.conf) and, by default, the SQLite database. The database may live elsewhere:
 * its URL (sqlite:PATH or postgresql://...) comes from, in rising precedence, the default
 * (sqlite: in this directory), the configuration file ([database] url=), and what the caller
 * passes (the command line's --database, else $QX_DATABASE). initialise() records a URL that
 * was passed in the configuration file, so later commands find the same database.
 *
 * initialise() creates what is missing and is safe to repeat; openStore() refuses a directory
 * that was never initialised. Value type.
 */
class DataDirectory
{
public:
    explicit DataDirectory(QString path, QString database = {}, bool unsafeFast = false)
        : m_path(std::move(path))
        , m_database(std::move(database))
        , m_unsafeFast(unsafeFast)
    { }

    QString path() const { return m_path; }
    QString signingKeyPath() const;
    QString configPath() const;
    /// The key TOTP secrets are encrypted with (SecretBox).
    QString secretsKeyPath() const;
    /// Where `init --tls-self-signed` puts a certificate and its key.
    QString tlsCertificatePath() const;
    QString tlsKeyPath() const;
    /// The database URL in effect (see the class comment).
    QString databaseUrl() const;
    bool unsafeFast() const { return m_unsafeFast; }

    /// Creates the directory, the signing key and the database (migrated), records the
    /// database URL, and lists the default catalog's instruments for `today`.
    core::Result<void> initialise(QDate today) const;
    /// not_initialised unless `init` made this directory (and its database).
    core::Result<void> checkInitialised() const;
    /// Opens the migrated store of an initialised directory (not_initialised otherwise). Each
    /// call opens a connection of its own.
    core::Result<std::unique_ptr<Store>> openStore() const;
    /// The same, as the SQL store it is (for what only it does: backup, restore).
    core::Result<std::unique_ptr<SqlStore>> openSqlStore(SqlStore::Migration migration
                                                         = SqlStore::Migration::Apply) const;

private:
    QString m_path;
    QString m_database;
    bool m_unsafeFast = false;
};

/// Lists the shipped product catalog's instruments tradable on `today` in the store: new
/// periods appear as the calendar rolls forward; earlier ones stay for their orders.
core::Result<void> listDefaultCatalog(Store &store, QDate today);
/// The product catalog compiled in (resources/catalog/default-products.json).
core::Result<core::ProductCatalog> defaultCatalog();

} // namespace qx::server
