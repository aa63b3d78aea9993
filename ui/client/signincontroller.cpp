#include "ui/client/signincontroller.h"

#include "ui/client/remotetradingservice.h"
#include "ui/client/tokenvault.h"

#include <QSettings>

#include <utility>

namespace qx::client {

namespace {
constexpr auto kServerKey = "connection/server";
constexpr auto kUserKey = "connection/username";
constexpr auto kLocalKey = "connection/useLocalServer";
constexpr auto kRememberKey = "connection/staySignedIn";
} // namespace

SignInController::SignInController(RemoteTradingService &service, TokenVault &vault,
                                   Options options, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_vault(vault)
    , m_options(std::move(options))
{
    connect(&m_service, &RemoteTradingService::signedIn, this, &SignInController::onSignedIn);
    connect(&m_service, &RemoteTradingService::signInFailed, this,
            &SignInController::onSignInFailed);
    connect(&m_service.session(), &Session::sessionExpired, this,
            &SignInController::onSessionExpired);
    m_service.setTokenVault(&m_vault);
    connect(&m_service, &RemoteTradingService::sessionNotRemembered, this,
            [this](const QString &message) {
                Q_EMIT status(tr("The session will not be remembered: %1").arg(message), 10000);
            });
    connect(&m_service, &RemoteTradingService::signedOutEverywhere, this,
            [this](const std::optional<core::Error> &error) {
                Q_EMIT credentialsNeeded(
                    error ? tr("Signed out here, but the server could not end your other "
                               "sessions: %1")
                                .arg(error->message)
                          : tr("Signed out: every session of yours has ended."),
                    QUrl());
            });
}

SignInController::~SignInController()
{
    // Stopping the bundled server on the way out is no news for anyone.
    if (m_localServer)
        m_localServer->disconnect(this);
}

SignInController::Remembered SignInController::remembered()
{
    QSettings settings;
    Remembered remembered;
    remembered.server = settings.value(QLatin1StringView(kServerKey)).toUrl();
    remembered.username = settings.value(QLatin1StringView(kUserKey)).toString();
    remembered.useLocalServer = settings.value(QLatin1StringView(kLocalKey), true).toBool();
    remembered.staySignedIn = settings.value(QLatin1StringView(kRememberKey), true).toBool();
    return remembered;
}

void SignInController::start(const QUrl &requested)
{
    QSettings settings;
    QUrl server = requested;
    if (server.isEmpty() && !settings.value(QLatin1StringView(kLocalKey), true).toBool())
        server = settings.value(QLatin1StringView(kServerKey)).toUrl();
    if (server.isEmpty()) {
        signInLocally();
        return;
    }
    const QString username = settings.value(QLatin1StringView(kUserKey)).toString();
    if (settings.value(QLatin1StringView(kRememberKey), false).toBool() && !username.isEmpty()
        && server == settings.value(QLatin1StringView(kServerKey)).toUrl()) {
        // Yesterday's session, from the keychain: no password unless it has ended.
        m_usingLocalServer = false;
        m_resuming = true;
        m_remember = true;
        Q_EMIT status(tr("Resuming your session on %1…").arg(server.host()), 0);
        trust(server);
        m_service.resumeSession(server, username);
        return;
    }
    Q_EMIT credentialsNeeded(QString(), server);
}

void SignInController::signInLocally()
{
    m_usingLocalServer = true;
    Q_EMIT status(tr("Starting local server…"), 0);
    if (m_localServer && m_localServer->isRunning() && m_localServer->url().isValid()) {
        m_service.signIn(m_localServer->url(), m_localServer->username(),
                         m_localServer->password());
        return;
    }
    m_localServer = std::make_unique<LocalServer>(m_options.localServer);
    LocalServer *server = m_localServer.get();
    connect(server, &LocalServer::ready, this, [this, server](const QUrl &url) {
        Q_EMIT status(tr("Signing in to the local server…"), 0);
        m_service.signIn(url, server->username(), server->password());
    });
    connect(server, &LocalServer::failed, this, [this](const QString &message) {
        Q_EMIT status(QString(), 0);
        Q_EMIT credentialsNeeded(message, QUrl());
    });
    connect(server, &LocalServer::stopped, this, [this] {
        if (!m_usingLocalServer)
            return;
        m_service.signOut();
        Q_EMIT credentialsNeeded(tr("The local server stopped unexpectedly."), QUrl());
    });
    server->start();
}

void SignInController::signIn(const QUrl &server, const QString &username, const QString &password,
                              bool remember, const QString &oneTimeCode)
{
    m_usingLocalServer = false;
    m_resuming = false;
    m_remember = remember;
    Q_EMIT status(tr("Signing in to %1…").arg(server.host()), 0);
    trust(server);
    m_service.signIn(server, username, password, m_remember, oneTimeCode);
}

void SignInController::signOut(bool everywhere)
{
    if (everywhere) {
        Q_EMIT status(tr("Signing out everywhere…"), 0);
        m_service.signOutEverywhere(); // then signedOutEverywhere
        return;
    }
    m_service.forgetSession();
    Q_EMIT status(tr("Signed out."), 5000);
    Q_EMIT credentialsNeeded(QString(), QUrl());
}

void SignInController::onSignedIn()
{
    QSettings settings;
    settings.setValue(QLatin1StringView(kLocalKey), m_usingLocalServer);
    if (!m_usingLocalServer) {
        settings.setValue(QLatin1StringView(kServerKey), m_service.serverUrl());
        settings.setValue(QLatin1StringView(kUserKey), m_service.session().username());
        settings.setValue(QLatin1StringView(kRememberKey), m_remember);
        // "Stay signed in" unticked: a session remembered before for this user goes.
        if (!m_remember)
            m_vault.remove(
                TokenVault::account(m_service.serverUrl(), m_service.session().username()));
    }
    m_resuming = false;
    Q_EMIT signedIn();
    Q_EMIT status(tr("Signed in as %1.").arg(m_service.session().username()), 5000);
}

void SignInController::onSignInFailed(const core::Error &error)
{
    Q_EMIT status(QString(), 0);
    Q_EMIT failed(error);
    if (std::exchange(m_resuming, false)) {
        // Not an error the trader made: the remembered session has ended (or was never kept).
        Q_EMIT credentialsNeeded(error.is(core::ErrorCode::NoSavedSession) ? QString()
                                     : error.is(core::ErrorCode::InvalidToken)
                                     ? tr("Your remembered session has ended. Sign in again.")
                                     : tr("Could not resume your session: %1").arg(error.message),
                                 QUrl());
        return;
    }
    if (error.is(core::ErrorCode::MfaRequired) || error.is(core::ErrorCode::InvalidMfaCode)) {
        // The password was right; the second factor is asked for (again).
        Q_EMIT codeNeeded(
            error.is(core::ErrorCode::MfaRequired)
                ? tr("Enter the 6-digit code from your authenticator app, or a recovery code.")
                : tr("That code is wrong, expired or used already. Try the current one."));
        return;
    }
    Q_EMIT credentialsNeeded(tr("Sign-in failed: %1").arg(error.message), QUrl());
}

void SignInController::onSessionExpired(const QString &message)
{
    // The local trader's password is known for as long as the local server runs, so a new
    // session needs nobody's attention.
    if (m_usingLocalServer && m_localServer && m_localServer->isRunning()) {
        signInLocally();
        return;
    }
    Q_EMIT credentialsNeeded(message, QUrl());
}

void SignInController::trust(const QUrl &server)
{
    m_service.setTrustedCertificates(m_options.trustedCertificates
                                         ? m_options.trustedCertificates(server)
                                         : QList<QSslCertificate>());
}

} // namespace qx::client
