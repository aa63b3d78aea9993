// quantenergx-ocr-worker: reads documents for quantenergx-server (see WorkerLoop for the
// protocol on standard input and output). Started and supervised by the server; ends with it.
#include "server/ocr/workerloop.h"

#include <QCommandLineParser>
#include <QFile>
#include <QGuiApplication>

#include <sys/prctl.h>

#include <csignal>
#include <cstdio>

int main(int argc, char *argv[])
{
    // Ends when the server that started it ends, however that happens.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    qputenv("OMP_THREAD_LIMIT", "1"); // one thread per worker; the server runs one per core
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // it renders pages, it shows nothing
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("quantenergx-ocr-worker"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QX_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Reads documents for quantenergx-server: JSON requests on standard input, one answer "
        "a line on standard output."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption memory(QStringLiteral("memory-mb"),
                                    QStringLiteral("Address space at most (default 2048)."),
                                    QStringLiteral("MB"), QStringLiteral("2048"));
    parser.addOption(memory);
    parser.process(app);
    bool ok = false;
    const qint64 megabytes = parser.value(memory).toLongLong(&ok);
    if (!ok || megabytes < 256) {
        std::fprintf(stderr, "--memory-mb takes a number of megabytes, at least 256\n");
        return 2;
    }
    if (!qx::server::ocr::WorkerLoop::setMemoryLimit(megabytes)) {
        std::fprintf(stderr, "cannot limit the address space to %lld MB\n", megabytes);
        return 1;
    }
    QFile in;
    QFile out;
    if (!in.open(stdin, QIODevice::ReadOnly) || !out.open(stdout, QIODevice::WriteOnly))
        return 1;
    qx::server::ocr::WorkerLoop loop;
    return loop.run(in, out);
}
