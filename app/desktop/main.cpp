#include "ui/client/localserver.h"
#include "ui/models/displayformat.h"
#include "ui/widgets/language.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/workstation.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include <algorithm>
#include <cstdio>
#include <memory>

int main(int argc, char *argv[])
{
    // --help must work on a machine without a display, so it is answered by a QCoreApplication
    // before QApplication tries to connect to one.
    const bool helpOnly = std::any_of(argv + 1, argv + argc, [](const char *argument) {
        return qstrcmp(argument, "--help") == 0 || qstrcmp(argument, "-h") == 0
            || qstrcmp(argument, "--help-all") == 0;
    });
    const std::unique_ptr<QCoreApplication> app = helpOnly
        ? std::make_unique<QCoreApplication>(argc, argv)
        : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("QuantEnergx"));
    QCoreApplication::setApplicationName(QStringLiteral("QuantEnergx"));

    QCoreApplication::setApplicationVersion(QStringLiteral(QX_VERSION));
    if (!helpOnly) {
        // The icon of every window, and the desktop entry (resources/desktop) it belongs to.
        QApplication::setWindowIcon(QIcon(QStringLiteral(":/qx/desktop/quantenergx.svg")));
        QGuiApplication::setDesktopFileName(QStringLiteral("quantenergx"));
    }
    // The language chosen in the settings (else the system's), before any text is made;
    // --language below may still change it.
    qx::widgets::language::apply(qx::widgets::language::saved());
    qx::models::displayformat::setNumberLocale(qx::widgets::language::savedNumberFormat());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "QuantEnergx energy trading workstation."));
    parser.addHelpOption();
    const QCommandLineOption serverOption(
        QStringList { QStringLiteral("s"), QStringLiteral("server") },
        QCoreApplication::translate("main",
                                    "Sign in to the server at <url> instead of starting "
                                    "the bundled local server."),
        QStringLiteral("url"));
    parser.addOption(serverOption);
    const QCommandLineOption themeOption(
        QStringLiteral("theme"),
        QCoreApplication::translate("main",
                                    "Use the light or dark <theme> (else the one chosen last)."),
        QStringLiteral("theme"));
    parser.addOption(themeOption);
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QCoreApplication::translate("main",
                                    "Use the <language> en, de or fr (else the one chosen in "
                                    "the settings, else the system's)."),
        QStringLiteral("language"));
    parser.addOption(languageOption);
    parser.process(*app);
    if (parser.isSet(languageOption)
        && !qx::widgets::language::apply(parser.value(languageOption))) {
        std::fprintf(
            stderr, "%s\n",
            qPrintable(QCoreApplication::translate("main", "--language takes en, de or fr.")));
        return 2;
    }
    qx::widgets::theme::apply(parser.isSet(themeOption)
                                  ? qx::widgets::theme::fromString(parser.value(themeOption))
                                  : qx::widgets::theme::saved());

    qx::widgets::Workstation workstation({ QUrl::fromUserInput(parser.value(serverOption)),
                                           qx::client::LocalServer::defaultServerProgram(),
                                           qx::client::LocalServer::defaultDataDir() });
    workstation.start();
    return QCoreApplication::exec();
}
