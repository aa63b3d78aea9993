#include "ui/widgets/settingsdialog.h"

#include "ui/models/displayformat.h"
#include "ui/widgets/language.h"
#include "ui/widgets/theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace qx::widgets {

namespace displayformat = models::displayformat;

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_language(new QComboBox(this))
    , m_numberFormat(new QComboBox(this))
    , m_theme(new QComboBox(this))
    , m_servers(new QTableWidget(0, ServerColumnCount, this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Settings"));
    auto *tabs = new QTabWidget(this);
    tabs->addTab(generalPage(), tr("&General"));
    tabs->addTab(serversPage(), tr("&Servers"));

    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(
        QStringLiteral("color: %1;").arg(theme::colour(theme::Tone::Loss).name()));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(640, 420);
}

QWidget *SettingsDialog::generalPage()
{
    auto *page = new QWidget(this);
    m_language->setObjectName(QStringLiteral("languageBox"));
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(language::nativeName({}), QString());
    for (const QString &code : language::available())
        m_language->addItem(language::nativeName(code), code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(language::current())));

    m_numberFormat->setObjectName(QStringLiteral("numberFormatBox"));
    m_numberFormat->setAccessibleName(tr("Number format"));
    for (const language::NumberFormat &format : language::numberFormats())
        m_numberFormat->addItem(format.example, format.localeName);
    m_numberFormat->setCurrentIndex(
        std::max(0, m_numberFormat->findData(language::savedNumberFormat())));

    m_theme->setObjectName(QStringLiteral("themeBox"));
    m_theme->setAccessibleName(tr("Theme"));
    m_theme->addItem(tr("Light"), theme::toString(theme::Theme::Light));
    m_theme->addItem(tr("Dark"), theme::toString(theme::Theme::Dark));
    m_theme->setCurrentIndex(theme::isDark() ? 1 : 0);

    auto *form = new QFormLayout(page);
    form->addRow(tr("&Language"), m_language);
    form->addRow(tr("&Numbers"), m_numberFormat);
    form->addRow(tr("&Theme"), m_theme);
    auto *note = new QLabel(
        tr("A new language or number format rebuilds the window; the docks stay where they are."),
        page);
    note->setWordWrap(true);
    form->addRow(note);
    return page;
}

QWidget *SettingsDialog::serversPage()
{
    auto *page = new QWidget(this);
    m_servers->setObjectName(QStringLiteral("serverTable"));
    m_servers->setAccessibleName(tr("Servers"));
    m_servers->setHorizontalHeaderLabels(
        { tr("Name"), tr("Address"), tr("Trusted certificate (PEM)") });
    QHeaderView *header = m_servers->horizontalHeader();
    header->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(AddressColumn, QHeaderView::Stretch);
    // A path keeps its end (the file's name) in sight; the whole of it is the tooltip.
    m_servers->setWordWrap(false);
    m_servers->setTextElideMode(Qt::ElideLeft);
    m_servers->setColumnWidth(CertificateColumn,
                              std::max(header->sectionSizeHint(CertificateColumn), 200));
    m_servers->verticalHeader()->hide();
    m_servers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_servers->setSelectionMode(QAbstractItemView::SingleSelection);
    for (const serverlist::Server &server : serverlist::saved())
        addServer(server);
    m_servers->resizeColumnToContents(NameColumn);

    auto *add = new QPushButton(tr("&Add"), page);
    add->setObjectName(QStringLiteral("addServerButton"));
    connect(add, &QPushButton::clicked, this, [this] {
        addServer({ tr("New server"), QUrl(QStringLiteral("https://")), {} });
        m_servers->setCurrentCell(m_servers->rowCount() - 1, NameColumn);
        m_servers->editItem(m_servers->currentItem());
    });
    auto *remove = new QPushButton(tr("&Remove"), page);
    remove->setObjectName(QStringLiteral("removeServerButton"));
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_servers->currentRow() >= 0)
            m_servers->removeRow(m_servers->currentRow());
    });
    auto *certificate = new QPushButton(tr("&Certificate…"), page);
    certificate->setToolTip(
        tr("A PEM file with the certificate (or its authority's) that the selected server "
           "is trusted by, when it is not signed by a public authority"));
    connect(certificate, &QPushButton::clicked, this, &SettingsDialog::chooseCertificate);
    const auto updateButtons = [this, remove, certificate] {
        remove->setEnabled(m_servers->currentRow() >= 0);
        certificate->setEnabled(m_servers->currentRow() >= 0);
    };
    connect(m_servers, &QTableWidget::currentCellChanged, this, updateButtons);
    updateButtons();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addWidget(certificate);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(page);
    auto *note = new QLabel(tr("The sign-in dialog offers the bundled local server first, then "
                               "these. HTTPS servers are checked against the system's "
                               "authorities and, if given, the server's own certificate."),
                            page);
    note->setWordWrap(true);
    layout->addWidget(note);
    layout->addWidget(m_servers);
    layout->addLayout(buttons);
    return page;
}

void SettingsDialog::addServer(const serverlist::Server &server)
{
    const int row = m_servers->rowCount();
    m_servers->insertRow(row);
    m_servers->setItem(row, NameColumn, new QTableWidgetItem(server.name));
    m_servers->setItem(row, AddressColumn, new QTableWidgetItem(server.url.toString()));
    auto *certificate = new QTableWidgetItem(server.certificateFile);
    certificate->setToolTip(server.certificateFile);
    m_servers->setItem(row, CertificateColumn, certificate);
}

QList<serverlist::Server> SettingsDialog::servers() const
{
    QList<serverlist::Server> servers;
    for (int row = 0; row < m_servers->rowCount(); ++row) {
        const auto text = [&](int column) {
            const QTableWidgetItem *item = m_servers->item(row, column);
            return item ? item->text().trimmed() : QString();
        };
        servers.append({ text(NameColumn), QUrl(text(AddressColumn), QUrl::StrictMode),
                         text(CertificateColumn) });
    }
    return servers;
}

void SettingsDialog::chooseCertificate()
{
    const int row = m_servers->currentRow();
    if (row < 0)
        return;
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Trusted certificate"), QString(),
                                       tr("PEM certificates (*.pem *.crt);;All files (*)"));
    if (!path.isEmpty()) {
        m_servers->item(row, CertificateColumn)->setText(path);
        m_servers->item(row, CertificateColumn)->setToolTip(path);
    }
}

void SettingsDialog::showError(const QString &message)
{
    m_error->setText(message);
}

void SettingsDialog::accept()
{
    const QList<serverlist::Server> entered = servers();
    if (const std::optional<serverlist::Problem> problem = serverlist::firstProblem(entered)) {
        m_servers->selectRow(int(problem->index)); // the server it is about
        showError(problem->message);
        return;
    }
    serverlist::save(entered);

    const theme::Theme chosenTheme = theme::fromString(m_theme->currentData().toString());
    if ((chosenTheme == theme::Theme::Dark) != theme::isDark())
        theme::apply(chosenTheme);
    theme::save(chosenTheme);

    const QString code = m_language->currentData().toString();
    const QString numbers = m_numberFormat->currentData().toString();
    const bool languageChanged = code != language::current();
    const bool numbersChanged = numbers != language::savedNumberFormat();
    language::save(code);
    language::saveNumberFormat(numbers);
    if (languageChanged)
        language::apply(code);
    displayformat::setNumberLocale(numbers);
    QDialog::accept();
    if (languageChanged || numbersChanged)
        Q_EMIT this->languageChanged();
}

} // namespace qx::widgets
