#pragma once

#include "core/result.h"
#include "server/storage/store.h"

#include <QDate>
#include <QString>

#include <memory>

namespace qx::server {

/**
 * The server's data directory (mode 0700): the SQLite database and the token signing key.
 * initialise() creates what is missing and is safe to repeat; open() refuses a directory that
 * was never initialised. Value type.
 */
class DataDirectory
{
public:
    explicit DataDirectory(QString path)
        : m_path(std::move(path))
    { }

    QString path() const { return m_path; }
    QString databasePath() const;
    QString signingKeyPath() const;

    /// Creates the directory, the signing key and the database (migrated), and lists the
    /// default catalog's instruments for `today`.
    core::Result<void> initialise(QDate today) const;
    /// Opens the migrated store of an initialised directory (not_initialised otherwise).
    core::Result<std::unique_ptr<Store>> openStore() const;

private:
    QString m_path;
};

/// Lists the shipped product catalog's instruments tradable on `today` in the store: new
/// periods appear as the calendar rolls forward; earlier ones stay for their orders.
core::Result<void> listDefaultCatalog(Store &store, QDate today);

} // namespace qx::server
