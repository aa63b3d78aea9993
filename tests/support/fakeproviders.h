#pragma once

#include <QHttpServer>
#include <QHttpServerResponder>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QTemporaryDir>

#include <list>

namespace qx::test {

/**
 * The Telegram Bot API's sendMessage (POST /bot<TOKEN>/sendMessage, JSON) as a local server in
 * the test's process, answering as the Bot API documents: {"ok":true,"result":{message_id,
 * chat, date, text}} or {"ok":false,"error_code","description","parameters"?}. It can be
 * told to fail the next requests: 429 with retry_after, 500, 403 (the bot blocked), hang (no
 * answer), or take the message and then hang (the worst case: taken, never acknowledged).
 * What it took is in accepted(). Serves on the test's thread: wait with QTRY_*.
 */
class FakeTelegram : public QObject
{
    Q_OBJECT

public:
    enum class Mode { Ok, TooMany, ServerError, Blocked, Hang, AcceptThenHang };
    struct Message
    {
        QString token;
        QString chatId;
        QString text;
        QString parseMode;
        qint64 receivedAtMs = 0; ///< steady clock
    };

    FakeTelegram();
    /// Listens on a free loopback port: the base URL, or empty.
    QString start();
    QString baseUrl() const { return m_baseUrl; }
    /// The next `count` requests are answered as `mode` (then Ok again).
    void failNext(Mode mode, int count = 1, int retryAfterSeconds = 1);
    const QList<Message> &accepted() const { return m_accepted; }
    int requests() const { return m_requests; }
    /// Drops the connections of hanging requests (they see the connection close).
    void releaseHung() { m_hung.clear(); }

private:
    QHttpServer m_http;
    QString m_baseUrl;
    QList<std::pair<Mode, int>> m_script; ///< mode, times
    int m_retryAfter = 1;
    QList<Message> m_accepted;
    int m_requests = 0;
    std::list<QHttpServerResponder> m_hung;
};

/**
 * A real SMTP server (Debian's aiosmtpd, tests/support/fake_smtp.py) on loopback: STARTTLS
 * required, then AUTH PLAIN/LOGIN required with `user` and `password`, under a certificate
 * made for 127.0.0.1 at start (certificate(): the PEM a client trusts). Messages taken are
 * read back as received; setMode() makes it refuse, fail or hang as fake_smtp.py describes.
 */
class FakeSmtp
{
public:
    struct Mail
    {
        QString from; ///< the envelope's
        QStringList to;
        QString login; ///< the AUTH name it came in under
        QByteArray raw; ///< headers and body as sent
        /// A header's value, unfolded ("" when absent).
        QByteArray header(const QByteArray &name) const;
    };

    FakeSmtp(QString user, QString password);
    ~FakeSmtp();
    /// Starts the server: "smtp://127.0.0.1:PORT", or empty (with the reason on stderr).
    QString start();
    QString url() const { return m_url; }
    QString certificate() const { return m_dir.filePath(QStringLiteral("cert.pem")); }
    /// "ok", "tempfail", "reject-rcpt", "accept-then-hang", "hang".
    void setMode(const QString &mode);
    /// The messages taken so far, oldest first.
    QList<Mail> mails() const;

private:
    QString m_user;
    QString m_password;
    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_url;
};

} // namespace qx::test
