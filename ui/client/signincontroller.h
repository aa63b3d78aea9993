#pragma once

#include "core/result.h"
#include "ui/client/localserver.h"

#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

namespace qx::client {

class RemoteTradingService;
class TokenVault;

/**
 * How the desktop comes to a session and keeps it, with no widgets: at start, the session
 * remembered in the keychain resumed when "stay signed in" was ticked for that server and user,
 * else the bundled local server started and signed in to by itself, else credentials asked
 * for; a sign-in with password and, when the account wants one, a one-time code; the end of
 * the session, renewed silently on the local server (its trader's password is known while it
 * runs) and asked for again on a remote one; signing out here (forgetting the remembered
 * session) or everywhere. Remembers in QSettings the last server and user, whether the local
 * server was used and "stay signed in", and forgets the keychain entry of a user who signed
 * in without it. What the trader should see comes out as signals: status(),
 * credentialsNeeded(), codeNeeded(), signedIn() (and failed() for every failed sign-in).
 *
 * GUI thread only.
 */
class SignInController : public QObject
{
    Q_OBJECT

public:
    /// What the sign-in form starts with: the last server and user, and the last choices.
    struct Remembered
    {
        QUrl server;
        QString username;
        bool useLocalServer = true;
        bool staySignedIn = true;
    };

    struct Options
    {
        LocalServer::Options localServer; ///< how to start the bundled server
        /// The certificates to trust for a remote server beyond the system's (the saved
        /// server list's); none when not set.
        std::function<QList<QSslCertificate>(const QUrl &)> trustedCertificates;
    };

    /// `service` and `vault` are not owned and must outlive the controller; the service is
    /// given the vault.
    SignInController(RemoteTradingService &service, TokenVault &vault, Options options,
                     QObject *parent = nullptr);
    ~SignInController() override;

    /// The last server, user and choices, from QSettings.
    static Remembered remembered();

    /// Starts signing in at the desktop's start. `server` (from the command line) empty: the
    /// last server used, else the bundled local server. The remembered session is resumed when
    /// "stay signed in" was ticked for that server; otherwise credentialsNeeded() names it.
    void start(const QUrl &server = {});
    /// Starts the bundled local server (or uses the one running) and signs in to it.
    void signInLocally();
    /// Signs in to a remote server with a password (and the one-time code of an account with
    /// multi-factor sign-in); `remember`: "stay signed in".
    void signIn(const QUrl &server, const QString &username, const QString &password, bool remember,
                const QString &oneTimeCode = {});
    /// Signs out here and forgets the remembered session, or (`everywhere`) ends every session
    /// of the user on the server; then asks for credentials.
    void signOut(bool everywhere);

    /// Whether the session (or the sign-in under way) is on the bundled local server.
    bool usingLocalServer() const { return m_usingLocalServer; }
    /// The bundled server, once signInLocally() started it.
    LocalServer *localServer() const { return m_localServer.get(); }

Q_SIGNALS:
    /// A line for the status bar, for `timeoutMs` (0: until the next one); empty clears it.
    void status(const QString &message, int timeoutMs);
    /// The trader has to sign in: the form, with `message` (empty: none) and, when not empty,
    /// `server`, the remote server to sign in to.
    void credentialsNeeded(const QString &message, const QUrl &server);
    /// The password was right; the account wants a one-time code (again): `message` says so.
    void codeNeeded(const QString &message);
    void signedIn();
    /// A sign-in or resume failed (credentialsNeeded() or codeNeeded() follows).
    void failed(const qx::core::Error &error);

private:
    void onSignedIn();
    void onSignInFailed(const core::Error &error);
    void onSessionExpired(const QString &message);
    void trust(const QUrl &server);

    RemoteTradingService &m_service;
    TokenVault &m_vault;
    Options m_options;
    std::unique_ptr<LocalServer> m_localServer;
    bool m_usingLocalServer = false;
    bool m_resuming = false; ///< signing in with the remembered session
    bool m_remember = false; ///< the sign-in under way is to be remembered
};

} // namespace qx::client
