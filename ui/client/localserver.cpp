#include "ui/client/localserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QStandardPaths>

namespace qx::client {

namespace {
// What `serve` prints once it accepts connections.
constexpr QByteArrayView kListeningPrefix = "listening on ";
constexpr qsizetype kMaxLogCharacters = 64 * 1024;
} // namespace

LocalServer::LocalServer(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{ }

LocalServer::~LocalServer()
{
    stop(3000);
}

QString LocalServer::defaultServerProgram()
{
    return QDir(QCoreApplication::applicationDirPath())
        .filePath(QStringLiteral("quantenergx-server"));
}

QString LocalServer::defaultDataDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("local-server"));
}

void LocalServer::start()
{
    m_reused = false;
    // 32 random bytes from the system CSPRNG, as text: the local trader's password for this
    // run only.
    QByteArray secret(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(secret.begin(), secret.end());
    m_password = QString::fromLatin1(
        secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    m_url.clear();
    m_step = Step::Init;
    runStep({ QStringLiteral("init"), QStringLiteral("--data-dir"), m_options.dataDir }, {});
}

void LocalServer::runStep(const QStringList &arguments, const QByteArray &input)
{
    m_process = std::make_unique<QProcess>();
    m_stdout.clear();
    QProcess *process = m_process.get();
    connect(process, &QProcess::finished, this, &LocalServer::onStepFinished);
    connect(process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            fail(tr("Cannot start %1: %2").arg(m_options.serverProgram, m_process->errorString()));
        }
    });
    connect(process, &QProcess::readyReadStandardError, this, [this, process] {
        // Keep the tail only: a long-running server may log for days.
        m_log += QString::fromUtf8(process->readAllStandardError());
        if (m_log.size() > kMaxLogCharacters)
            m_log = m_log.right(kMaxLogCharacters);
    });
    if (m_step == Step::Serve)
        connect(process, &QProcess::readyReadStandardOutput, this, &LocalServer::onServeOutput);
    process->start(m_options.serverProgram, arguments);
    if (!input.isNull()) {
        process->write(input);
        process->closeWriteChannel();
    }
}

void LocalServer::onStepFinished(int exitCode, QProcess::ExitStatus status)
{
    const bool succeeded = status == QProcess::NormalExit && exitCode == 0;
    switch (m_step) {
    case Step::Idle:
        return;
    case Step::Init:
        if (!succeeded)
            return fail(tr("The local server could not initialise %1: %2")
                            .arg(m_options.dataDir, m_log.trimmed()));
        m_step = Step::AddUser;
        runStep({ QStringLiteral("user"), QStringLiteral("add"), m_options.username,
                  QStringLiteral("--role"), m_options.role, QStringLiteral("--password-stdin"),
                  QStringLiteral("--update"), QStringLiteral("--data-dir"), m_options.dataDir },
                m_password.toUtf8() + '\n');
        return;
    case Step::AddUser:
        if (!succeeded)
            return fail(
                tr("The local server could not set up its trader: %1").arg(m_log.trimmed()));
        m_step = Step::Serve;
        // Its standard input stays open: the server ends when this process does, however.
        runStep(QStringList { QStringLiteral("serve"), QStringLiteral("--data-dir"),
                              m_options.dataDir, QStringLiteral("--listen"),
                              QStringLiteral("127.0.0.1:0"), QStringLiteral("--exit-with-parent") }
                    + m_options.extraServeArguments,
                {});
        return;
    case Step::Serve:
        m_step = Step::Idle;
        if (m_url.isEmpty())
            return reuseRunningServer();
        Q_EMIT stopped();
        return;
    }
}

void LocalServer::reuseRunningServer()
{
    // `serve` refuses a data directory another server holds: if that one answers where it
    // said it listens, it is this directory's server, and the trader just set up signs in there.
    const QString failure
        = tr("The local server stopped before it was ready: %1").arg(m_log.trimmed());
    QFile where(QDir(m_options.dataDir).filePath(QStringLiteral("server.url")));
    const QUrl url = where.open(QIODevice::ReadOnly)
        ? QUrl(QString::fromUtf8(where.readAll().trimmed()), QUrl::StrictMode)
        : QUrl();
    if (!url.isValid() || url.host().isEmpty())
        return fail(failure);
    if (!m_network)
        m_network = std::make_unique<QNetworkAccessManager>();
    QNetworkRequest request(url.resolved(QUrl(QStringLiteral("/healthz"))));
    request.setTransferTimeout(3000);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, url, failure] {
        reply->deleteLater();
        const QJsonObject health = QJsonDocument::fromJson(reply->readAll()).object();
        if (reply->error() != QNetworkReply::NoError || health.value(u"status").toString() != u"ok")
            return fail(failure);
        m_url = url;
        m_reused = true;
        Q_EMIT ready(m_url);
    });
}

void LocalServer::onServeOutput()
{
    // Always drained, so the server never blocks on a full pipe; only kept until ready().
    const QByteArray output = m_process->readAllStandardOutput();
    if (!m_url.isEmpty())
        return;
    m_stdout += output;
    for (const QByteArray &line : m_stdout.split('\n')) {
        const qsizetype at = line.indexOf(kListeningPrefix);
        if (at < 0)
            continue;
        m_url = QUrl(QString::fromUtf8(line.mid(at + kListeningPrefix.size()).trimmed()));
        if (m_url.isValid()) {
            Q_EMIT ready(m_url);
            return;
        }
    }
}

void LocalServer::fail(const QString &message)
{
    m_step = Step::Idle;
    Q_EMIT failed(message);
}

void LocalServer::stop(int timeoutMs)
{
    if (!isRunning())
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(timeoutMs))
        kill();
}

void LocalServer::kill()
{
    if (!isRunning())
        return;
    m_process->kill();
    m_process->waitForFinished(3000);
}

bool LocalServer::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

} // namespace qx::client
