#include "ui/widgets/workstation.h"

#include "ui/widgets/logindialog.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/serverlist.h"

namespace qx::widgets {

namespace {
client::SignInController::Options signInOptions(const Workstation::Options &options)
{
    client::SignInController::Options signIn;
    signIn.localServer.serverProgram = options.serverProgram;
    signIn.localServer.dataDir = options.dataDir;
    // The bundled server comes with a simulated market, so there is something to trade.
    signIn.localServer.extraServeArguments = { QStringLiteral("--simulate") };
    signIn.trustedCertificates = &serverlist::trustedFor;
    return signIn;
}
} // namespace

Workstation::Workstation(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    createWindow();
    m_signIn
        = std::make_unique<client::SignInController>(m_service, m_vault, signInOptions(m_options));
    connect(m_signIn.get(), &client::SignInController::status, this,
            [this](const QString &message, int timeoutMs) {
                m_window->showStatus(message, timeoutMs);
            });
    connect(m_signIn.get(), &client::SignInController::credentialsNeeded, this,
            [this](const QString &message, const QUrl &server) {
                showLogin(message);
                if (!server.isEmpty()) {
                    m_loginDialog->setServerUrl(server);
                    m_loginDialog->setUseLocalServer(false);
                }
            });
    connect(m_signIn.get(), &client::SignInController::codeNeeded, this,
            [this](const QString &message) {
                showLogin();
                m_loginDialog->askForCode(message);
            });
    connect(m_signIn.get(), &client::SignInController::signedIn, this, [this] {
        if (m_loginDialog)
            m_loginDialog->accept();
    });
}

void Workstation::createWindow()
{
    m_window = std::make_unique<MainWindow>(&m_service);
    connect(m_window.get(), &MainWindow::signInRequested, this, [this] { showLogin(); });
    connect(m_window.get(), &MainWindow::signOutRequested, this,
            [this](bool everywhere) { m_signIn->signOut(everywhere); });
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
    m_signIn->start(m_options.server);
}

void Workstation::showLogin(const QString &message)
{
    if (!m_loginDialog) {
        m_loginDialog = new LoginDialog(m_window.get());
        m_loginDialog->setAttribute(Qt::WA_DeleteOnClose);
        const client::SignInController::Remembered remembered
            = client::SignInController::remembered();
        m_loginDialog->setServerUrl(remembered.server);
        m_loginDialog->setUsername(remembered.username);
        m_loginDialog->setUseLocalServer(remembered.useLocalServer);
        m_loginDialog->setRemember(remembered.staySignedIn);
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
        m_signIn->signInLocally();
        return;
    }
    m_loginDialog->setBusy(true, tr("Signing in…"));
    m_signIn->signIn(m_loginDialog->serverUrl(), m_loginDialog->username(),
                     m_loginDialog->password(), m_loginDialog->remember(), m_loginDialog->code());
}

} // namespace qx::widgets
