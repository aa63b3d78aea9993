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

/// The fakes' clock: a steady one, in milliseconds, shared with whoever measures against them
/// (FakeTelegram::Message::receivedAtMs).
qint64 steadyNowMs();

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
 * Twilio's Messages API (POST /2010-04-01/Accounts/{Sid}/Messages.json, form-encoded, basic
 * authentication with the account SID and auth token) as a local server in the test's process,
 * answering as Twilio documents: 201 with the message resource ({sid, status "queued", to,
 * from, body}), or {code, message, status} with 400 (21211 invalid number, 21610
 * unsubscribed), 401 (20003), 429 (20429, with Retry-After) or 500; it can hang, or take the
 * message and hang. reportStatus() makes Twilio's StatusCallback: a form POST to the message's
 * callback URL signed as Twilio signs (X-Twilio-Signature), or forged. Serves on the test's
 * thread: wait with QTRY_*.
 */
class FakeTwilio : public QObject
{
    Q_OBJECT

public:
    enum class Mode { Ok, InvalidNumber, Unsubscribed, TooMany, ServerError, Hang, AcceptThenHang };
    struct Message
    {
        QString sid;
        QString to;
        QString from;
        QString messagingServiceSid;
        QString body;
        QString statusCallback;
    };

    FakeTwilio(QString accountSid, QString authToken);
    QString start();
    QString baseUrl() const { return m_baseUrl; }
    void failNext(Mode mode, int count = 1, int retryAfterSeconds = 1);
    const QList<Message> &accepted() const { return m_accepted; }
    int requests() const { return m_requests; }
    /// POSTs Twilio's status report for `message` to its StatusCallback: the HTTP status the
    /// server answered (0: no answer). `forge`: signed with another token.
    int reportStatus(const Message &message, const QString &status, const QString &errorCode = {},
                     bool forge = false);

private:
    QHttpServer m_http;
    QString m_accountSid;
    QString m_authToken;
    QString m_baseUrl;
    QList<std::pair<Mode, int>> m_script;
    int m_retryAfter = 1;
    QList<Message> m_accepted;
    int m_requests = 0;
    std::list<QHttpServerResponder> m_hung;
};

/**
 * The WhatsApp Cloud API's messages endpoint (POST /{version}/{phone-number-id}/messages, a
 * bearer token) as a local server in the test's process, answering as Meta documents: 200 with
 * {messaging_product, contacts, messages: [{id: "wamid..."}]}, or {error: {message, type, code}}
 * with 400 (131047: free text outside the 24-hour window — templates still pass; 131026: not
 * deliverable), 429 (130429) or 500; it can hang, or take the message and hang. post()
 * makes Meta's webhook calls (statuses, a user's message), signed with the app secret as
 * X-Hub-Signature-256, or forged.
 */
class FakeWhatsApp : public QObject
{
    Q_OBJECT

public:
    enum class Mode { Ok, WindowClosed, Undeliverable, TooMany, ServerError, Hang, AcceptThenHang };
    struct Message
    {
        QString id; ///< wamid...
        QString to;
        QString type; ///< text or template
        QString text; ///< a text message's body
        QString templateName;
        QString language;
        QStringList parameters; ///< a template's body parameters
    };

    FakeWhatsApp(QString accessToken, QString appSecret);
    QString start();
    QString baseUrl() const { return m_baseUrl; }
    void failNext(Mode mode, int count = 1);
    const QList<Message> &accepted() const { return m_accepted; }
    int requests() const { return m_requests; }
    /// A webhook call of `payload` to `url`: the HTTP status answered (0: none).
    int post(const QString &url, const QJsonObject &payload, bool forge = false);
    /// The webhook payloads Meta sends: a message's status, and a user's message.
    static QJsonObject statusPayload(const QString &messageId, const QString &status,
                                     int errorCode = 0);
    static QJsonObject inboundPayload(const QString &from, const QString &text, qint64 atSeconds);

private:
    QHttpServer m_http;
    QString m_accessToken;
    QString m_appSecret;
    QString m_baseUrl;
    QList<std::pair<Mode, int>> m_script;
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
