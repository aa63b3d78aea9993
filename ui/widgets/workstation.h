#pragma once

#include "core/result.h"
#include "ui/client/remotetradingservice.h"
#include "ui/client/tokenvault.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

namespace qx::client {
class LocalServer;
}

namespace qx::widgets {

class LoginDialog;
class MainWindow;

/**
 * Wires the desktop application together so that main() stays short: the trading service,
 * the main window, the sign-in dialog and, when no server is configured, the bundled local
 * server, which it starts and signs in to by itself. Remembers the last server and user in
 * QSettings, and, when the trader ticked "stay signed in", resumes their session on that server
 * from the OS keychain at the next start. An expired session on the local server is renewed
 * silently, on a remote one the user is asked to sign in again.
 *
 * GUI thread only.
 */
class Workstation : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QUrl server; ///< from --server; empty: last used, else the bundled local server
        QString serverProgram;
        QString dataDir;
    };

    explicit Workstation(Options options, QObject *parent = nullptr);
    ~Workstation() override;

    /// Shows the window and starts signing in.
    void start();

    MainWindow *mainWindow() const { return m_window.get(); }
    client::RemoteTradingService *service() { return &m_service; }

private:
    void createWindow();
    /// After a change of language or number format: the window built anew in it.
    void rebuildWindow();
    void startLocalServer();
    void showLogin(const QString &message = {});
    void onLoginRequested();
    void onSignedIn();
    void onSignInFailed(const core::Error &error);
    void onSessionExpired(const QString &message);
    void onSignOutRequested(bool everywhere);

    Options m_options;
    client::TokenVault m_vault;
    client::RemoteTradingService m_service;
    std::unique_ptr<client::LocalServer> m_localServer;
    std::unique_ptr<MainWindow> m_window;
    QPointer<LoginDialog> m_loginDialog;
    bool m_usingLocalServer = false;
    bool m_resuming = false; ///< signing in with the remembered session
    bool m_remember = false; ///< the sign-in under way is to be remembered
};

} // namespace qx::widgets
