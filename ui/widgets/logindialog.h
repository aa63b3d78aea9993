#pragma once

#include <QDialog>
#include <QUrl>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace qx::widgets {

/**
 * Asks where and as whom to sign in: a server URL with user name and password, or the bundled
 * local server (which needs neither). A list offers the bundled server first, then the servers
 * saved by name in the settings. It does not sign in itself: "Sign in" emits
 * signInRequested(), the caller reports back with setBusy()/showError() and closes the dialog
 * with accept() once the session works, so a typo costs one more click, not a restart.
 *
 * GUI thread only.
 */
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LoginDialog(QWidget *parent = nullptr);

    void setServerUrl(const QUrl &url);
    QUrl serverUrl() const;
    void setUsername(const QString &username);
    QString username() const;
    QString password() const;
    void setUseLocalServer(bool useLocalServer);
    bool useLocalServer() const;
    /// Shows the field for a code from the authenticator app (or a recovery code), focused,
    /// with `message` above the buttons: the account signs in with a second factor.
    void askForCode(const QString &message);
    /// The code typed, empty while none is asked for.
    QString code() const;
    /// "Stay signed in": keep the session (in the OS keychain) for the next start.
    void setRemember(bool remember);
    bool remember() const;

    /// While true the inputs are locked and a progress text is shown.
    void setBusy(bool busy, const QString &progress = {});
    void showError(const QString &message);

Q_SIGNALS:
    void signInRequested();

private:
    void onSignIn();
    void updateEnabled();

    /// Picks the bundled server, a saved one (Tools → Settings → Servers) or another.
    void onServerChosen(int index);
    /// "Another server…", the last choice.
    int otherIndex() const;

    QComboBox *m_serverChoice;
    QLineEdit *m_serverEdit;
    QLineEdit *m_userEdit;
    QLineEdit *m_passwordEdit;
    QLineEdit *m_codeEdit;
    QLabel *m_codeLabel;
    QCheckBox *m_rememberCheck;
    QLabel *m_messageLabel;
    QDialogButtonBox *m_buttons;
    bool m_busy = false;
};

} // namespace qx::widgets
