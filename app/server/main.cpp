// quantenergx-server: the headless server and admin CLI. Everything lives in qx_server.
#include "server/cli/commandline.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("QuantEnergx"));
    QCoreApplication::setApplicationName(QStringLiteral("quantenergx-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QX_VERSION));
    return qx::server::runCommandLine(QCoreApplication::arguments());
}
