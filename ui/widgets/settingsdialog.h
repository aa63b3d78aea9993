#pragma once

#include "ui/widgets/serverlist.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QTableWidget;

namespace qx::widgets {

/**
 * Tools → Settings: the language, the number format and the theme (General), and the named
 * server list with the certificate each one is trusted by (Servers). OK checks the server
 * list first: a bad entry is named next to the buttons, selected, and nothing is saved.
 * Otherwise everything is saved in QSettings and applied: the theme at once, a new language
 * or number format by languageChanged(), after which the window is built anew.
 *
 * GUI thread only.
 */
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    enum ServerColumn { NameColumn, AddressColumn, CertificateColumn, ServerColumnCount };

    explicit SettingsDialog(QWidget *parent = nullptr);

    QComboBox *languageBox() const { return m_language; }
    QComboBox *numberFormatBox() const { return m_numberFormat; }
    QComboBox *themeBox() const { return m_theme; }
    QTableWidget *serverTable() const { return m_servers; }
    /// The server list as entered so far.
    QList<serverlist::Server> servers() const;
    void addServer(const serverlist::Server &server);

    void accept() override;

Q_SIGNALS:
    /// The language or the number format changed (and is in effect for what is built next).
    void languageChanged();

private:
    QWidget *generalPage();
    QWidget *serversPage();
    void chooseCertificate();
    void showError(const QString &message);

    QComboBox *m_language;
    QComboBox *m_numberFormat;
    QComboBox *m_theme;
    QTableWidget *m_servers;
    QLabel *m_error;
};

} // namespace qx::widgets
