#include "ui/client/tokenvault.h"

#include "ui/client/tradingservice.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QUrl>
#include <qt6keychain/keychain.h>

namespace qx::client {

namespace {
Q_LOGGING_CATEGORY(lcVault, "qx.client.vault")

core::Error keychainError(const QKeychain::Job &job)
{
    return core::makeError(core::ErrorCode::KeychainUnavailable,
                           QCoreApplication::translate("qx::client::TokenVault",
                                                       "The system keychain cannot be used: %1")
                               .arg(job.errorString()));
}
} // namespace

TokenVault::TokenVault(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{ }

QString TokenVault::account(const QUrl &server, const QString &username)
{
    return username + u'@' + canonicalServerUrl(server).toString();
}

void TokenVault::load(const QString &account, std::function<void(core::Result<QString>)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        switch (job->error()) {
        case QKeychain::NoError:
            return done(job->textData());
        case QKeychain::EntryNotFound:
            return done(QString());
        default:
            qCWarning(lcVault) << "reading the keychain failed:" << job->errorString();
            return done(keychainError(*job));
        }
    });
    job->start();
}

void TokenVault::store(const QString &account, const QString &token)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(account);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        if (job->error() == QKeychain::NoError)
            return;
        qCWarning(lcVault) << "writing the keychain failed:" << job->errorString();
        Q_EMIT failed(keychainError(*job).message);
    });
    job->start();
}

void TokenVault::remove(const QString &account)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        if (job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound)
            return;
        qCWarning(lcVault) << "removing from the keychain failed:" << job->errorString();
        Q_EMIT failed(keychainError(*job).message);
    });
    job->start();
}

} // namespace qx::client
