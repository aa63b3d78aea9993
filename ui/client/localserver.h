#pragma once

#include <QNetworkAccessManager>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QUrl>

#include <memory>

namespace qx::client {

/**
 * Runs a quantenergx-server as a child process on loopback: `init` the data directory,
 * `user add --update` the local trader with a fresh random password (handed over on stdin, so
 * it is never written anywhere in plain text and changes every start), then `serve` on an
 * ephemeral port with --exit-with-parent, so the server ends with this process however it
 * ends. Emits ready() with the URL and the credentials to sign in with. This is the desktop's
 * bundled server and the test harness's real server.
 *
 * If another server already serves the data directory (a second desktop on the same
 * account), `serve` refuses it; the one running is reused when it answers at the address it
 * recorded (reused() is then true and this object runs no process).
 *
 * Lives on the thread that created it (the GUI thread in the desktop); it never blocks: each
 * step is an asynchronous QProcess.
 */
class LocalServer : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString serverProgram; ///< path of quantenergx-server
        QString dataDir;
        QString username = QStringLiteral("trader");
        QString role = QStringLiteral("trader");
        QStringList extraServeArguments;
    };

    explicit LocalServer(Options options, QObject *parent = nullptr);
    ~LocalServer() override;

    /// The quantenergx-server next to the running executable.
    static QString defaultServerProgram();
    /// Where the desktop keeps its bundled server's data (the user's data directory).
    static QString defaultDataDir();

    void start();
    /// Asks the server to stop (SIGTERM) and waits for it, at most `timeoutMs`.
    void stop(int timeoutMs = 5000);
    /// SIGKILL, as in a crash: nothing gets a chance to flush.
    void kill();
    bool isRunning() const;
    /// Whether ready() named a server another process had started (see the class comment).
    bool reused() const { return m_reused; }

    QUrl url() const { return m_url; }
    QString username() const { return m_options.username; }
    QString password() const { return m_password; }
    /// Everything the server wrote to stderr, for diagnostics.
    QString log() const { return m_log; }

Q_SIGNALS:
    void ready(const QUrl &url);
    void failed(const QString &message);
    /// The serving process ended after ready() (crash, kill or stop()).
    void stopped();

private:
    void runStep(const QStringList &arguments, const QByteArray &input);
    void onStepFinished(int exitCode, QProcess::ExitStatus status);
    void onServeOutput();
    void fail(const QString &message);
    void reuseRunningServer();

    enum class Step { Idle, Init, AddUser, Serve };

    Options m_options;
    Step m_step = Step::Idle;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_stdout;
    QString m_log;
    QString m_password;
    QUrl m_url;
    bool m_reused = false;
    std::unique_ptr<QNetworkAccessManager> m_network; ///< only to check a running server
};

} // namespace qx::client
