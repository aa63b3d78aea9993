#pragma once

#include "ui/client/remotetradingservice.h"
#include "ui/client/signincontroller.h"
#include "ui/client/tokenvault.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

namespace qx::widgets {

class LoginDialog;
class MainWindow;

/**
 * Wires the desktop application together so that main() stays short: the trading service,
 * the main window and the sign-in dialog, around a client::SignInController, which decides how
 * to sign in (the session remembered in the keychain, the bundled local server, or the
 * trader's credentials) and when to ask again. The Workstation only shows what it asks for:
 * the dialog (with a message, or the field for a one-time code), the status line, and the
 * window once signed in.
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
    void showLogin(const QString &message = {});
    void onLoginRequested();

    Options m_options;
    client::TokenVault m_vault;
    client::RemoteTradingService m_service;
    /// Made after the first window, so that the window hears of an expired session first, as
    /// it always did (its status line, then what the controller shows).
    std::unique_ptr<client::SignInController> m_signIn;
    std::unique_ptr<MainWindow> m_window;
    QPointer<LoginDialog> m_loginDialog;
};

} // namespace qx::widgets
