#include "testservices.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <csignal>
#include <unistd.h>

namespace qx::test {

namespace {

// Debian installs each major version's programs under /usr/lib/postgresql/NN/bin.
QString postgresBinaries()
{
    const QStringList versions = QDir(QStringLiteral("/usr/lib/postgresql"))
                                     .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    return versions.isEmpty()
        ? QString()
        : QStringLiteral("/usr/lib/postgresql/") + versions.last() + QStringLiteral("/bin");
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

PostgresServer::PostgresServer()
    : m_binaries(postgresBinaries())
{ }

PostgresServer::~PostgresServer()
{
    if (m_running)
        stop(true);
}

bool PostgresServer::run(const QStringList &command, QString *output)
{
    QStringList arguments = command;
    QString program = arguments.takeFirst();
    if (geteuid() == 0) {
        // PostgreSQL will not run as root.
        arguments.prepend(program);
        arguments.prepend(QStringLiteral("--"));
        arguments.prepend(QStringLiteral("postgres"));
        arguments.prepend(QStringLiteral("-u"));
        program = QStringLiteral("runuser");
    }
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(60'000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        m_error = command.join(u' ') + QStringLiteral(": ")
            + QString::fromLocal8Bit(process.readAll()).trimmed();
        return false;
    }
    if (output)
        *output = QString::fromLocal8Bit(process.readAll());
    return true;
}

bool PostgresServer::start()
{
    if (m_binaries.isEmpty()) {
        m_error = QStringLiteral("PostgreSQL is not installed (postgresql package)");
        return false;
    }
    const QString data = m_directory.filePath(QStringLiteral("data"));
    if (!m_initialised) {
        // The postgres user must reach its directories through ours (QTemporaryDir is 0700).
        QFile::setPermissions(m_directory.path(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                  | QFileDevice::ExeOwner | QFileDevice::ExeGroup
                                  | QFileDevice::ExeOther);
        if (geteuid() == 0) {
            QProcess::execute(QStringLiteral("chown"),
                              { QStringLiteral("postgres"), m_directory.path() });
        }
        if (!run({ m_binaries + QStringLiteral("/initdb"), QStringLiteral("-D"), data,
                   QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-U"),
                   QStringLiteral("postgres"), QStringLiteral("--no-sync") })) {
            return false;
        }
        m_initialised = true;
        m_port = freePort();
    }
    const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 "
                                           "-c fsync=on -c synchronous_commit=on")
                                .arg(m_port)
                                .arg(m_directory.path());
    if (!run({ m_binaries + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), data,
               QStringLiteral("-w"), QStringLiteral("-l"),
               m_directory.filePath(QStringLiteral("server.log")), QStringLiteral("-o"), options,
               QStringLiteral("start") })) {
        return false;
    }
    m_running = true;
    return true;
}

bool PostgresServer::stop(bool immediate)
{
    if (!m_running)
        return true;
    m_running = false;
    return run({ m_binaries + QStringLiteral("/pg_ctl"), QStringLiteral("-D"),
                 m_directory.filePath(QStringLiteral("data")), QStringLiteral("-w"),
                 QStringLiteral("-m"),
                 immediate ? QStringLiteral("immediate") : QStringLiteral("fast"),
                 QStringLiteral("stop") });
}

std::optional<QString> PostgresServer::psql(const QString &database, const QString &sql)
{
    QString output;
    if (!run({ m_binaries + QStringLiteral("/psql"), QStringLiteral("-h"),
               QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_port),
               QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-d"), database,
               QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-At"),
               QStringLiteral("-c"), sql },
             &output)) {
        return std::nullopt;
    }
    return output.trimmed();
}

QString PostgresServer::createDatabase(const QString &name)
{
    if (!psql(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE \"%1\"").arg(name)))
        return {};
    return QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2").arg(m_port).arg(name);
}

RedisServer::RedisServer()
    : m_port(freePort())
{ }

RedisServer::~RedisServer()
{
    stop();
}

bool RedisServer::start()
{
    const QString pidFile = m_directory.filePath(QStringLiteral("redis.pid"));
    QFile::remove(pidFile);
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("redis-server"),
                  { QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--bind"),
                    QStringLiteral("127.0.0.1"), QStringLiteral("--save"), QString(),
                    QStringLiteral("--appendonly"), QStringLiteral("no"),
                    QStringLiteral("--daemonize"), QStringLiteral("yes"),
                    QStringLiteral("--pidfile"), pidFile, QStringLiteral("--logfile"),
                    m_directory.filePath(QStringLiteral("redis.log")), QStringLiteral("--dir"),
                    m_directory.path() });
    if (!process.waitForFinished(10'000) || process.exitCode() != 0) {
        m_error = QStringLiteral("redis-server: ") + QString::fromLocal8Bit(process.readAll());
        return false;
    }
    // Daemonised: ready once its pid file is there and the port answers.
    for (int waited = 0; waited < 100; ++waited) {
        QFile file(pidFile);
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (file.open(QIODevice::ReadOnly) && probe.waitForConnected(100)) {
            m_pid = file.readAll().trimmed().toLongLong();
            return true;
        }
        QThread::msleep(50);
    }
    QFile log(m_directory.filePath(QStringLiteral("redis.log")));
    m_error
        = QStringLiteral("redis-server did not come up on port %1: %2")
              .arg(m_port)
              .arg(log.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(log.readAll().right(600))
                                                 : QStringLiteral("no log"));
    return false;
}

void RedisServer::stop()
{
    if (m_pid > 0)
        ::kill(pid_t(m_pid), SIGKILL);
    m_pid = 0;
    // Gone once its port refuses: a start() before that would find the port still bound.
    for (int waited = 0; waited < 100; ++waited) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (!probe.waitForConnected(100))
            break;
        QThread::msleep(20);
    }
}

QString RedisServer::url() const
{
    return QStringLiteral("redis://127.0.0.1:%1/0").arg(m_port);
}

} // namespace qx::test
