#include "ui/widgets/logindialog.h"

#include "ui/widgets/serverlist.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace qx::widgets {

LoginDialog::LoginDialog(QWidget *parent)
    : QDialog(parent)
    , m_serverChoice(new QComboBox(this))
    , m_serverEdit(new QLineEdit(this))
    , m_userEdit(new QLineEdit(this))
    , m_passwordEdit(new QLineEdit(this))
    , m_codeEdit(new QLineEdit(this))
    , m_codeLabel(new QLabel(tr("&Code"), this))
    , m_rememberCheck(new QCheckBox(tr("S&tay signed in on this computer"), this))
    , m_messageLabel(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Sign in to QuantEnergx"));

    // The bundled server, the saved ones by name, and any other address typed in.
    m_serverChoice->setObjectName(QStringLiteral("serverChoice"));
    m_serverChoice->setAccessibleName(tr("Server"));
    m_serverChoice->addItem(tr("This computer (bundled server)"), QString());
    m_serverChoice->setItemData(
        0, tr("Start a server on this computer, with its data in your user folder."),
        Qt::ToolTipRole);
    for (const serverlist::Server &server : serverlist::saved())
        m_serverChoice->addItem(tr("%1 — %2").arg(server.name, server.url.toDisplayString()),
                                server.url);
    m_serverChoice->addItem(tr("Another server…"), QStringLiteral("other"));
    m_serverEdit->setObjectName(QStringLiteral("serverEdit"));
    m_serverEdit->setAccessibleName(tr("Server URL"));
    m_serverEdit->setPlaceholderText(tr("https://trading.example.com"));
    m_userEdit->setObjectName(QStringLiteral("userEdit"));
    m_userEdit->setAccessibleName(tr("User name"));
    m_passwordEdit->setObjectName(QStringLiteral("passwordEdit"));
    m_passwordEdit->setAccessibleName(tr("Password"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_codeEdit->setObjectName(QStringLiteral("codeEdit"));
    m_codeEdit->setAccessibleName(tr("Authenticator code"));
    m_codeEdit->setPlaceholderText(tr("6 digits, or a recovery code"));
    m_codeEdit->setInputMethodHints(Qt::ImhPreferNumbers);
    m_codeLabel->setBuddy(m_codeEdit);
    m_codeEdit->hide();
    m_codeLabel->hide();
    m_rememberCheck->setObjectName(QStringLiteral("rememberCheck"));
    m_rememberCheck->setAccessibleName(tr("Stay signed in on this computer"));
    m_rememberCheck->setToolTip(tr("Keep the session in the system keychain, so that the next "
                                   "start needs no password. Session → Sign out forgets it."));
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextFormat(Qt::PlainText);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Server"), m_serverChoice);
    form->addRow(tr("&Address"), m_serverEdit);
    form->addRow(tr("&User"), m_userEdit);
    form->addRow(tr("&Password"), m_passwordEdit);
    form->addRow(m_codeLabel, m_codeEdit);
    form->addRow(QString(), m_rememberCheck);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_messageLabel);
    layout->addWidget(m_buttons);
    setMinimumWidth(420);

    connect(m_serverChoice, &QComboBox::activated, this, &LoginDialog::onServerChosen);
    connect(m_serverEdit, &QLineEdit::textChanged, this, &LoginDialog::updateEnabled);
    connect(m_userEdit, &QLineEdit::textChanged, this, &LoginDialog::updateEnabled);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoginDialog::onSignIn);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &LoginDialog::reject);

    // Without a configured server the bundled one is the only choice that works at once.
    setUseLocalServer(true);
}

void LoginDialog::onServerChosen(int index)
{
    const QVariant chosen = m_serverChoice->itemData(index);
    if (chosen.typeId() == QMetaType::QUrl)
        m_serverEdit->setText(chosen.toUrl().toString());
    else if (index == otherIndex())
        m_serverEdit->setFocus();
    updateEnabled();
}

int LoginDialog::otherIndex() const
{
    return m_serverChoice->count() - 1;
}

void LoginDialog::setServerUrl(const QUrl &url)
{
    m_serverEdit->setText(url.toString());
    if (!useLocalServer()) {
        const int saved = m_serverChoice->findData(url);
        m_serverChoice->setCurrentIndex(saved > 0 ? saved : otherIndex());
    }
}

QUrl LoginDialog::serverUrl() const
{
    return QUrl::fromUserInput(m_serverEdit->text().trimmed());
}

void LoginDialog::setUsername(const QString &username)
{
    m_userEdit->setText(username);
}

QString LoginDialog::username() const
{
    return m_userEdit->text().trimmed();
}

QString LoginDialog::password() const
{
    return m_passwordEdit->text();
}

void LoginDialog::setUseLocalServer(bool useLocalServer)
{
    if (useLocalServer) {
        m_serverChoice->setCurrentIndex(0);
    } else {
        const int saved = m_serverChoice->findData(serverUrl());
        m_serverChoice->setCurrentIndex(saved > 0 ? saved : otherIndex());
    }
    updateEnabled();
}

bool LoginDialog::useLocalServer() const
{
    return m_serverChoice->currentIndex() == 0;
}

void LoginDialog::askForCode(const QString &message)
{
    m_codeLabel->show();
    m_codeEdit->show();
    m_codeEdit->clear();
    showError(message);
    m_codeEdit->setFocus();
}

QString LoginDialog::code() const
{
    return m_codeEdit->isHidden() ? QString() : m_codeEdit->text().trimmed();
}

void LoginDialog::setRemember(bool remember)
{
    m_rememberCheck->setChecked(remember);
}

bool LoginDialog::remember() const
{
    return m_rememberCheck->isChecked() && !useLocalServer();
}

void LoginDialog::setBusy(bool busy, const QString &progress)
{
    m_busy = busy;
    if (busy) {
        m_messageLabel->setStyleSheet(QString());
        m_messageLabel->setText(progress);
    }
    updateEnabled();
}

void LoginDialog::showError(const QString &message)
{
    m_busy = false;
    m_messageLabel->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_messageLabel->setText(message);
    updateEnabled();
    if (!useLocalServer())
        m_passwordEdit->setFocus();
}

void LoginDialog::onSignIn()
{
    if (!useLocalServer()) {
        const QUrl url = serverUrl();
        if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")) {
            showError(tr("Enter the server's address, such as https://trading.example.com."));
            return;
        }
    }
    m_passwordEdit->selectAll();
    Q_EMIT signInRequested();
}

void LoginDialog::updateEnabled()
{
    const bool remote = !useLocalServer();
    m_serverChoice->setEnabled(!m_busy);
    m_serverEdit->setEnabled(remote && !m_busy);
    m_userEdit->setEnabled(remote && !m_busy);
    m_passwordEdit->setEnabled(remote && !m_busy);
    m_codeEdit->setEnabled(remote && !m_busy);
    m_rememberCheck->setEnabled(remote && !m_busy);
    const bool complete
        = !remote || (!m_serverEdit->text().trimmed().isEmpty() && !username().isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(complete && !m_busy);
}

} // namespace qx::widgets
