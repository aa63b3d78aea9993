#include "ui/widgets/workstation.h"

#include "ui/client/localserver.h"
#include "ui/widgets/logindialog.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/serverlist.h"

#include <QSettings>

namespace qx::widgets {

namespace {
constexpr auto kServerKey = "connection/server";
constexpr auto kUserKey = "connection/username";
constexpr auto kLocalKey = "connection/useLocalServer";
constexpr auto kRememberKey = "connection/staySignedIn";
} // namespace

Workstation::Workstation(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    createWindow();
    connect(&m_service, &client::RemoteTradingService::signedIn, this, &Workstation::onSignedIn);
    connect(&m_service, &client::RemoteTradingService::signInFailed, this,
            &Workstation::onSignInFailed);
    connect(&m_service.session(), &client::Session::sessionExpired, this,
            &Workstation::onSessionExpired);
    m_service.setTokenVault(&m_vault);
    connect(&m_service, &client::RemoteTradingService::sessionNotRemembered, this,
            [this](const QString &message) {
                m_window->showStatus(tr("The session will not be remembered: %1").arg(message),
                                     10000);
            });
    connect(&m_service, &client::RemoteTradingService::signedOutEverywhere, this,
            [this](const std::optional<core::Error> &error) {
                showLogin(error ? tr("Signed out here, but the server could not end your "
                                     "other sessions: %1")
                                      .arg(error->message)
                                : tr("Signed out: every session of yours has ended."));
            });
}

void Workstation::createWindow()
{
    m_window = std::make_unique<MainWindow>(&m_service);
    connect(m_window.get(), &MainWindow::signInRequested, this, [this] { showLogin(); });
    connect(m_window.get(), &MainWindow::signOutRequested, this, &Workstation::onSignOutRequested);
    connect(m_window.get(), &MainWindow::languageChanged, this, &Workstation::rebuildWindow,
            Qt::QueuedConnection); // not from inside the old window's dialog
}

void Workstation::rebuildWindow()
{
    // Every text of the window is made when it is built: building it anew in the new
    // language needs no code per widget. What the trader arranged comes back from the
    // session it saves; the data is the service's and stays.
    const bool visible = m_window->isVisible();
    const bool loginOpen = m_loginDialog && m_loginDialog->isVisible();
    m_window->saveSession();
    m_window.reset();
    createWindow();
    if (visible)
        m_window->show();
    m_window->showStatus(tr("Language and number format changed."), 5000);
    if (loginOpen)
        showLogin();
}

Workstation::~Workstation()
{
    // The window refers to the service; close it before the service goes.
    m_window.reset();
}

void Workstation::start()
{
    m_window->show();
    QSettings settings;
    QUrl server = m_options.server;
    if (server.isEmpty() && !settings.value(QLatin1StringView(kLocalKey), true).toBool())
        server = settings.value(QLatin1StringView(kServerKey)).toUrl();
    if (server.isEmpty()) {
        startLocalServer();
        return;
    }
    const QString username = settings.value(QLatin1StringView(kUserKey)).toString();
    if (settings.value(QLatin1StringView(kRememberKey), false).toBool() && !username.isEmpty()
        && server == settings.value(QLatin1StringView(kServerKey)).toUrl()) {
        // Yesterday's session, from the keychain: no password unless it has ended.
        m_usingLocalServer = false;
        m_resuming = true;
        m_remember = true;
        m_window->showStatus(tr("Resuming your session on %1…").arg(server.host()));
        m_service.setTrustedCertificates(serverlist::trustedFor(server));
        m_service.resumeSession(server, username);
        return;
    }
    showLogin();
    m_loginDialog->setServerUrl(server);
    m_loginDialog->setUseLocalServer(false);
}

void Workstation::startLocalServer()
{
    m_usingLocalServer = true;
    m_window->showStatus(tr("Starting local server…"));
    if (m_localServer && m_localServer->isRunning() && m_localServer->url().isValid()) {
        m_service.signIn(m_localServer->url(), m_localServer->username(),
                         m_localServer->password());
        return;
    }
    client::LocalServer::Options serverOptions;
    serverOptions.serverProgram = m_options.serverProgram;
    serverOptions.dataDir = m_options.dataDir;
    // The bundled server comes with a simulated market, so there is something to trade.
    serverOptions.extraServeArguments = { QStringLiteral("--simulate") };
    m_localServer = std::make_unique<client::LocalServer>(serverOptions);
    client::LocalServer *server = m_localServer.get();
    connect(server, &client::LocalServer::ready, this, [this, server](const QUrl &url) {
        m_window->showStatus(tr("Signing in to the local server…"));
        m_service.signIn(url, server->username(), server->password());
    });
    connect(server, &client::LocalServer::failed, this, [this](const QString &message) {
        m_window->showStatus(QString());
        showLogin(message);
    });
    connect(server, &client::LocalServer::stopped, this, [this] {
        if (!m_usingLocalServer)
            return;
        m_service.signOut();
        showLogin(tr("The local server stopped unexpectedly."));
    });
    server->start();
}

void Workstation::showLogin(const QString &message)
{
    if (!m_loginDialog) {
        m_loginDialog = new LoginDialog(m_window.get());
        m_loginDialog->setAttribute(Qt::WA_DeleteOnClose);
        QSettings settings;
        m_loginDialog->setServerUrl(settings.value(QLatin1StringView(kServerKey)).toUrl());
        m_loginDialog->setUsername(settings.value(QLatin1StringView(kUserKey)).toString());
        m_loginDialog->setUseLocalServer(
            settings.value(QLatin1StringView(kLocalKey), true).toBool());
        m_loginDialog->setRemember(settings.value(QLatin1StringView(kRememberKey), true).toBool());
        connect(m_loginDialog, &LoginDialog::signInRequested, this, &Workstation::onLoginRequested);
    }
    if (!message.isEmpty())
        m_loginDialog->showError(message);
    // Window-modal and asynchronous: the event loop (and the stream) keep running.
    m_loginDialog->open();
}

void Workstation::onLoginRequested()
{
    if (m_loginDialog->useLocalServer()) {
        m_loginDialog->setBusy(true, tr("Starting local server…"));
        startLocalServer();
        return;
    }
    m_usingLocalServer = false;
    m_resuming = false;
    m_remember = m_loginDialog->remember();
    m_loginDialog->setBusy(true, tr("Signing in…"));
    m_window->showStatus(tr("Signing in to %1…").arg(m_loginDialog->serverUrl().host()));
    m_service.setTrustedCertificates(serverlist::trustedFor(m_loginDialog->serverUrl()));
    m_service.signIn(m_loginDialog->serverUrl(), m_loginDialog->username(),
                     m_loginDialog->password(), m_remember, m_loginDialog->code());
}

void Workstation::onSignedIn()
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
                client::TokenVault::account(m_service.serverUrl(), m_service.session().username()));
    }
    m_resuming = false;
    if (m_loginDialog)
        m_loginDialog->accept();
    m_window->showStatus(tr("Signed in as %1.").arg(m_service.session().username()), 5000);
}

void Workstation::onSignInFailed(const core::Error &error)
{
    m_window->showStatus(QString());
    if (std::exchange(m_resuming, false)) {
        // Not an error the trader made: the remembered session has ended (or was never kept).
        showLogin(error.is(core::ErrorCode::NoSavedSession) ? QString()
                      : error.is(core::ErrorCode::InvalidToken)
                      ? tr("Your remembered session has ended. Sign in again.")
                      : tr("Could not resume your session: %1").arg(error.message));
        return;
    }
    if (error.is(core::ErrorCode::MfaRequired) || error.is(core::ErrorCode::InvalidMfaCode)) {
        // The password was right; the second factor is asked for (again).
        showLogin();
        m_loginDialog->askForCode(
            error.is(core::ErrorCode::MfaRequired)
                ? tr("Enter the 6-digit code from your authenticator app, or a recovery code.")
                : tr("That code is wrong, expired or used already. Try the current one."));
        return;
    }
    showLogin(tr("Sign-in failed: %1").arg(error.message));
}

void Workstation::onSessionExpired(const QString &message)
{
    // The local trader's password is known for as long as the local server runs, so a new
    // session needs nobody's attention.
    if (m_usingLocalServer && m_localServer && m_localServer->isRunning()) {
        startLocalServer();
        return;
    }
    showLogin(message);
}

void Workstation::onSignOutRequested(bool everywhere)
{
    if (everywhere) {
        m_window->showStatus(tr("Signing out everywhere…"));
        m_service.signOutEverywhere(); // then signedOutEverywhere
        return;
    }
    m_service.forgetSession();
    m_window->showStatus(tr("Signed out."), 5000);
    showLogin();
}

} // namespace qx::widgets
