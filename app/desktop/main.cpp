#include "ui/client/localserver.h"
#include "ui/widgets/workstation.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("QuantEnergx"));
    QApplication::setApplicationName(QStringLiteral("QuantEnergx"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "QuantEnergx energy trading workstation."));
    parser.addHelpOption();
    const QCommandLineOption serverOption(
        QStringList { QStringLiteral("s"), QStringLiteral("server") },
        QApplication::translate("main",
                                "Sign in to the server at <url> instead of starting the "
                                "bundled local server."),
        QStringLiteral("url"));
    parser.addOption(serverOption);
    parser.process(app);

    qx::widgets::Workstation workstation({ QUrl::fromUserInput(parser.value(serverOption)),
                                           qx::client::LocalServer::defaultServerProgram(),
                                           qx::client::LocalServer::defaultDataDir() });
    workstation.start();
    return QApplication::exec();
}
