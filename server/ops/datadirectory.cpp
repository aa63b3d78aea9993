#include "server/ops/datadirectory.h"

#include "core/productcatalog.h"
#include "server/auth/tokensigner.h"
#include "server/storage/sqlitestore.h"

#include <QDir>
#include <QFile>

namespace qx::server {

QString DataDirectory::databasePath() const
{
    return QDir(m_path).filePath(QStringLiteral("quantenergx.db"));
}

QString DataDirectory::signingKeyPath() const
{
    return QDir(m_path).filePath(QStringLiteral("signing-key-ed25519.pem"));
}

core::Result<void> DataDirectory::initialise(QDate today) const
{
    QDir directory(m_path);
    if (!directory.mkpath(QStringLiteral("."))) {
        return core::makeError(QStringLiteral("io_error"),
                               QStringLiteral("Cannot create the data directory %1.").arg(m_path));
    }
    QFile::setPermissions(m_path,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (core::Result<void> key = TokenSigner::createKeyFile(signingKeyPath()); !key)
        return key;
    core::Result<std::unique_ptr<SqliteStore>> store = SqliteStore::open(databasePath());
    if (!store)
        return store.error();
    return listDefaultCatalog(**store, today);
}

core::Result<std::unique_ptr<Store>> DataDirectory::openStore() const
{
    if (!QFile::exists(databasePath()) || !QFile::exists(signingKeyPath())) {
        return core::makeError(QStringLiteral("not_initialised"),
                               QStringLiteral("%1 is not an initialised data directory; run "
                                              "\"quantenergx-server init --data-dir %1\" first.")
                                   .arg(m_path));
    }
    core::Result<std::unique_ptr<SqliteStore>> store = SqliteStore::open(databasePath());
    if (!store)
        return store.error();
    return std::unique_ptr<Store>(std::move(store).value());
}

core::Result<void> listDefaultCatalog(Store &store, QDate today)
{
    QFile file(QStringLiteral(":/qx/catalog/default-products.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        return core::makeError(QStringLiteral("io_error"),
                               QStringLiteral("The default product catalog is missing."));
    }
    core::Result<core::ProductCatalog> catalog = core::ProductCatalog::fromJson(file.readAll());
    if (!catalog)
        return catalog.error();
    return store.saveInstruments(catalog->instrumentsOn(today));
}

} // namespace qx::server
