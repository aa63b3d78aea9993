#include "server/ops/datadirectory.h"

#include "core/productcatalog.h"
#include "server/auth/secretbox.h"
#include "server/auth/tokensigner.h"
#include "server/storage/sqlstore.h"

#include <QDir>
#include <QFile>
#include <QSettings>

namespace qx::server {

namespace {
constexpr auto kDatabaseKey = "database/url";
} // namespace

QString DataDirectory::configPath() const
{
    return QDir(m_path).filePath(QStringLiteral("quantenergx.conf"));
}

QString DataDirectory::databaseUrl() const
{
    if (!m_database.isEmpty())
        return m_database;
    const QString configured = QSettings(configPath(), QSettings::IniFormat)
                                   .value(QLatin1StringView(kDatabaseKey))
                                   .toString();
    if (!configured.isEmpty())
        return configured;
    return QStringLiteral("sqlite:") + QDir(m_path).filePath(QStringLiteral("quantenergx.db"));
}

QString DataDirectory::secretsKeyPath() const
{
    return QDir(m_path).filePath(QStringLiteral("secrets-key"));
}

QString DataDirectory::tlsCertificatePath() const
{
    return QDir(m_path).filePath(QStringLiteral("tls/server.crt"));
}

QString DataDirectory::tlsKeyPath() const
{
    return QDir(m_path).filePath(QStringLiteral("tls/server.key"));
}

QString DataDirectory::signingKeyPath() const
{
    return QDir(m_path).filePath(QStringLiteral("signing-key-ed25519.pem"));
}

core::Result<void> DataDirectory::initialise(QDate today) const
{
    QDir directory(m_path);
    if (!directory.mkpath(QStringLiteral("."))) {
        return core::makeError(core::ErrorCode::IoError,
                               QStringLiteral("Cannot create the data directory %1.").arg(m_path));
    }
    QFile::setPermissions(m_path,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (core::Result<void> key = TokenSigner::createKeyFile(signingKeyPath()); !key)
        return key;
    if (core::Result<SecretBox> secrets = SecretBox::fromKeyFile(secretsKeyPath(), true); !secrets)
        return secrets.error();
    core::Result<std::unique_ptr<SqlStore>> store = SqlStore::open(databaseUrl(), m_unsafeFast);
    if (!store)
        return store.error();
    if (!m_database.isEmpty()) {
        // It may hold a password: readable by the server's user only.
        QSettings config(configPath(), QSettings::IniFormat);
        config.setValue(QLatin1StringView(kDatabaseKey), m_database);
        config.sync();
        if (config.status() != QSettings::NoError) {
            return core::makeError(core::ErrorCode::IoError,
                                   QStringLiteral("Cannot write %1.").arg(configPath()));
        }
        QFile::setPermissions(configPath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    return listDefaultCatalog(**store, today);
}

core::Result<std::unique_ptr<Store>> DataDirectory::openStore() const
{
    core::Result<std::unique_ptr<SqlStore>> store = openSqlStore();
    if (!store)
        return store.error();
    return std::unique_ptr<Store>(std::move(store).value());
}

core::Result<void> DataDirectory::checkInitialised() const
{
    const Result<std::pair<SqlDatabase::Dialect, QString>> location
        = SqlStore::parseUrl(databaseUrl());
    if (!location)
        return location.error();
    const bool noFile
        = location->first == SqlDatabase::Dialect::Sqlite && !QFile::exists(location->second);
    if (noFile || !QFile::exists(signingKeyPath())) {
        return core::makeError(core::ErrorCode::NotInitialised,
                               QStringLiteral("%1 is not an initialised data directory; run "
                                              "\"quantenergx-server init --data-dir %1\" first.")
                                   .arg(m_path));
    }
    return {};
}

core::Result<std::unique_ptr<SqlStore>> DataDirectory::openSqlStore(
    SqlStore::Migration migration) const
{
    if (core::Result<void> initialised = checkInitialised(); !initialised)
        return initialised.error();
    return SqlStore::open(databaseUrl(), m_unsafeFast, migration);
}

core::Result<core::ProductCatalog> defaultCatalog()
{
    QFile file(QStringLiteral(":/qx/catalog/default-products.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        return core::makeError(core::ErrorCode::IoError,
                               QStringLiteral("The default product catalog is missing."));
    }
    return core::ProductCatalog::fromJson(file.readAll());
}

core::Result<void> listDefaultCatalog(Store &store, QDate today)
{
    core::Result<core::ProductCatalog> catalog = defaultCatalog();
    if (!catalog)
        return catalog.error();
    return store.saveInstruments(catalog->instrumentsOn(today));
}

} // namespace qx::server
