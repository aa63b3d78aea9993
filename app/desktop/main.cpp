#include "ui/client/localserver.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/workstation.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <algorithm>
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

    // The UI language follows the system locale; Qt's own strings come from its catalogs.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("quantenergx"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

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
    parser.process(*app);
    qx::widgets::theme::apply(parser.isSet(themeOption)
                                  ? qx::widgets::theme::fromString(parser.value(themeOption))
                                  : qx::widgets::theme::saved());

    qx::widgets::Workstation workstation({ QUrl::fromUserInput(parser.value(serverOption)),
                                           qx::client::LocalServer::defaultServerProgram(),
                                           qx::client::LocalServer::defaultDataDir() });
    workstation.start();
    return QCoreApplication::exec();
}
