#include "faketradingservice.h"
#include "ui/models/displayformat.h"
#include "ui/widgets/language.h"
#include "ui/widgets/logindialog.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/serverlist.h"
#include "ui/widgets/settingsdialog.h"
#include "ui/widgets/theme.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QIcon>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using qx::test::FakeTradingService;
using qx::widgets::LoginDialog;
using qx::widgets::MainWindow;
using qx::widgets::SettingsDialog;
namespace language = qx::widgets::language;
namespace serverlist = qx::widgets::serverlist;
using namespace Qt::StringLiterals;

/**
 * Tools → Settings: the server list refused whole when one entry is wrong, saved and offered
 * by the sign-in dialog when right; the language, number format and theme applied at runtime.
 */
class TestSettingsDialog : public QObject
{
    Q_OBJECT

private:
    static void setCell(SettingsDialog &dialog, int row, int column, const QString &text)
    {
        dialog.serverTable()->item(row, column)->setText(text);
    }
    static QString error(const SettingsDialog &dialog)
    {
        return dialog.findChild<QLabel *>(u"settingsError"_s)->text();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"QuantEnergxTest"_s);
        QCoreApplication::setApplicationName(u"tst_settingsdialog"_s);
        QSettings().clear();
        language::setDirectory(QStringLiteral(QX_QM_DIR));
        language::apply(u"en"_s);
    }

    void cleanup()
    {
        language::apply(u"en"_s);
        qx::models::displayformat::setNumberLocale({});
        qx::widgets::theme::apply(qx::widgets::theme::Theme::Light);
    }

    void aWrongServerIsNamedAndNothingIsSaved()
    {
        SettingsDialog dialog;
        dialog.show();
        dialog.addServer({ u"Production"_s, QUrl(u"https://trading.example.com"_s), {} });
        dialog.addServer({ u"UAT"_s, QUrl(u"ftp://uat.example.com"_s), {} });
        dialog.accept();
        QVERIFY(dialog.isVisible()); // still open, for the trader to mend
        QVERIFY2(error(dialog).contains(u"\"UAT\""), qPrintable(error(dialog)));
        QCOMPARE(dialog.serverTable()->currentRow(), 1);
        QVERIFY(serverlist::saved().isEmpty());

        setCell(dialog, 1, SettingsDialog::AddressColumn, u"https://uat.example.com:8443"_s);
        setCell(dialog, 1, SettingsDialog::NameColumn, u"production"_s);
        dialog.accept();
        QVERIFY(error(dialog).contains(u"Two servers"));
        setCell(dialog, 1, SettingsDialog::NameColumn, u"UAT"_s);
        setCell(dialog, 1, SettingsDialog::CertificateColumn,
                QStringLiteral(QX_TEST_DATA "/nothing.pem"));
        dialog.accept();
        QVERIFY(error(dialog).contains(u"holds no PEM certificate"));
        QCOMPARE(dialog.serverTable()->currentRow(), 1);
        // A server without a name is pointed at too, though no message can name it.
        setCell(dialog, 1, SettingsDialog::CertificateColumn, QString());
        setCell(dialog, 0, SettingsDialog::NameColumn, u" "_s);
        dialog.accept();
        QVERIFY(error(dialog).contains(u"needs a name"));
        QCOMPARE(dialog.serverTable()->currentRow(), 0);
        QVERIFY(dialog.isVisible());
        QVERIFY(serverlist::saved().isEmpty());
    }

    void serversAreSavedAndOfferedWhenSigningIn()
    {
        const QString certificate = QStringLiteral(QX_TEST_DATA "/server-certificate.pem");
        {
            SettingsDialog dialog;
            dialog.show();
            dialog.addServer({ u"Production"_s, QUrl(u"https://trading.example.com"_s), {} });
            dialog.addServer({ u"UAT"_s, QUrl(u"https://uat.example.com:8443"_s), certificate });
            dialog.accept();
            QVERIFY(!dialog.isVisible());
        }
        QCOMPARE(serverlist::saved().size(), 2);
        QCOMPARE(serverlist::saved().at(1).certificateFile, certificate);
        // The UAT server's own certificate is trusted for it, and for nothing else.
        QCOMPARE(serverlist::trustedFor(QUrl(u"https://uat.example.com:8443/"_s)).size(), 1);
        QVERIFY(serverlist::trustedFor(QUrl(u"https://trading.example.com"_s)).isEmpty());

        // The sign-in dialog: the bundled server first, then the saved ones by name, then
        // any other address.
        LoginDialog login;
        auto *choice = login.findChild<QComboBox *>(u"serverChoice"_s);
        QCOMPARE(choice->count(), 4);
        QVERIFY(login.useLocalServer());
        choice->setCurrentIndex(2);
        Q_EMIT choice->activated(2);
        QVERIFY(!login.useLocalServer());
        QCOMPARE(login.serverUrl(), QUrl(u"https://uat.example.com:8443"_s));
        choice->setCurrentIndex(0);
        Q_EMIT choice->activated(0);
        QVERIFY(login.useLocalServer());
        // A server remembered from last time that is not in the list counts as another one.
        login.setUseLocalServer(false);
        login.setServerUrl(QUrl(u"https://elsewhere.example.com"_s));
        QCOMPARE(choice->currentIndex(), 3);
        QVERIFY(!login.useLocalServer());
        login.setServerUrl(QUrl(u"https://trading.example.com"_s));
        QCOMPARE(choice->currentIndex(), 1);
    }

    void languageNumbersAndThemeApplyAtRuntime()
    {
        FakeTradingService service;
        MainWindow window(&service);
        window.show();
        SettingsDialog *dialog = window.openSettings();
        QSignalSpy languageChanged(&window, &MainWindow::languageChanged);
        dialog->languageBox()->setCurrentIndex(dialog->languageBox()->findData(u"de"_s));
        dialog->numberFormatBox()->setCurrentIndex(dialog->numberFormatBox()->findData(u"de_CH"_s));
        dialog->themeBox()->setCurrentIndex(1); // dark
        dialog->accept();
        QCOMPARE(languageChanged.size(), 1);
        QVERIFY(qx::widgets::theme::isDark());
        QCOMPARE(language::current(), u"de"_s);
        QCOMPARE(language::saved(), u"de"_s);
        QCOMPARE(language::savedNumberFormat(), u"de_CH"_s);
        QCOMPARE(qx::models::displayformat::decimal(
                     qx::core::Decimal::fromUnits(123'456 * qx::core::Decimal::kOne / 100), 2),
                 u"1’234.56"_s);

        // A window built now speaks German (the Workstation rebuilds its window so).
        MainWindow german(&service);
        QCOMPARE(german.menuBar()->actions().first()->text(), u"&Sitzung"_s);

        // Numbers alone also call for a new window; an unchanged dialog does not.
        SettingsDialog again;
        QSignalSpy againChanged(&again, &SettingsDialog::languageChanged);
        again.accept();
        QCOMPARE(againChanged.size(), 0);
        SettingsDialog numbers;
        QSignalSpy numbersChanged(&numbers, &SettingsDialog::languageChanged);
        numbers.numberFormatBox()->setCurrentIndex(0); // as the language
        numbers.accept();
        QCOMPARE(numbersChanged.size(), 1);
        QCOMPARE(qx::models::displayformat::decimal(
                     qx::core::Decimal::fromUnits(123'456 * qx::core::Decimal::kOne / 100), 2),
                 u"1.234,56"_s); // German's own
    }

    void theDialogsReadWholeInGerman()
    {
        // What a German trader sees, saved for a look (build/screenshots): no label cut.
        language::apply(u"de"_s);
        QDir().mkpath(QStringLiteral(QX_SCREENSHOT_DIR));
        SettingsDialog dialog;
        dialog.addServer({ u"Produktion"_s, QUrl(u"https://handel.example.de"_s), {} });
        dialog.addServer({ u"Abnahme"_s, QUrl(u"https://abnahme.example.de:8443"_s),
                           QStringLiteral(QX_TEST_DATA "/server-certificate.pem") });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.grab().save(QStringLiteral(QX_SCREENSHOT_DIR "/settings-general-de.png")));
        auto *tabs = dialog.findChild<QTabWidget *>();
        tabs->setCurrentIndex(1);
        QVERIFY(dialog.grab().save(QStringLiteral(QX_SCREENSHOT_DIR "/settings-servers-de.png")));
        // Every label's text fits its width.
        for (const QLabel *label : dialog.findChildren<QLabel *>()) {
            if (label->isVisible() && !label->wordWrap())
                QVERIFY2(label->width() >= label->sizeHint().width(), qPrintable(label->text()));
        }
        LoginDialog login;
        login.show();
        QVERIFY(QTest::qWaitForWindowExposed(&login));
        QVERIFY(login.grab().save(QStringLiteral(QX_SCREENSHOT_DIR "/login-de.png")));
        for (const QCheckBox *box : login.findChildren<QCheckBox *>())
            QVERIFY2(box->width() >= box->sizeHint().width(), qPrintable(box->text()));
    }

    void englishSaysOneOrderAndTwoOrders()
    {
        // The sources say "%n order(s)"; English has plural forms of its own.
        language::apply(u"en"_s);
        const auto question = [](int count) {
            return QCoreApplication::translate("qx::widgets::MainWindow",
                                               "Cancel all %n live order(s)?", nullptr, count);
        };
        QCOMPARE(question(1), u"Cancel the live order?"_s);
        QCOMPARE(question(2), u"Cancel all 2 live orders?"_s);
        QCOMPARE(QCoreApplication::translate("qx::widgets::MainWindow", "Exported %n row(s) to %1",
                                             nullptr, 1),
                 u"Exported 1 row to %1"_s);
        language::apply(u"fr"_s);
        QCOMPARE(question(2), u"Annuler les 2 ordres actifs ?"_s);
    }

    void productNamesSpeakTheTradersLanguage()
    {
        // The board's groups and the ticket's contracts: the catalog says English, the
        // trader reads German; a product the desktop does not know keeps the catalog's name.
        qx::core::Instrument base = FakeTradingService::power(); // DE.BASE.M.2027-03
        language::apply(u"de"_s);
        QCOMPARE(qx::models::displayformat::productName(base), u"Strom Deutschland Base"_s);
        QCOMPARE(qx::models::displayformat::description(base),
                 u"Strom Deutschland Base, März 27"_s);
        qx::core::Instrument unknown = base;
        unknown.symbol = u"XX.BASE.M.2027-03"_s;
        unknown.description = u"Atlantis power base load, March 2027"_s;
        QCOMPARE(qx::models::displayformat::productName(unknown), u"Atlantis power base load"_s);
    }

    void aboutNamesTheVersions()
    {
        FakeTradingService service;
        MainWindow window(&service);
        const QString about = window.aboutText();
        QVERIFY2(about.contains(QStringLiteral(QX_VERSION)), qPrintable(about));
        QVERIFY(about.contains(QString::fromLatin1(qVersion())));
        QVERIFY(about.contains(u"not signed in"));
        QVERIFY(window.findChild<QAction *>(u"aboutAction"_s));
    }

    void theIconDrawsAtEverySize()
    {
        // What the desktop entry and every window show: drawn, in the tile's navy.
        const QIcon icon(QStringLiteral(QX_SOURCE_DIR "/resources/desktop/quantenergx.svg"));
        for (const int size : { 16, 32, 48, 256 }) {
            const QImage image = icon.pixmap(size, size).toImage();
            QCOMPARE(image.width(), size);
            const QColor tile = image.pixelColor(size * 3 / 10, size / 4);
            QVERIFY2(std::abs(tile.red() - 0x16) + std::abs(tile.green() - 0x30)
                             + std::abs(tile.blue() - 0x4f)
                         < 12,
                     qPrintable(tile.name()));
        }
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
