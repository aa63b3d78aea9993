#include "fakeproviders.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

namespace qx::test {

namespace {

QJsonObject whatsappChange(const QString &key, const QJsonArray &items)
{
    return {
        { QStringLiteral("object"), QStringLiteral("whatsapp_business_account") },
        { QStringLiteral("entry"),
          QJsonArray { QJsonObject {
              { QStringLiteral("id"), QStringLiteral("102290129340398") },
              { QStringLiteral("changes"),
                QJsonArray { QJsonObject { { QStringLiteral("field"), QStringLiteral("messages") },
                                           { QStringLiteral("value"),
                                             QJsonObject { { QStringLiteral("messaging_product"),
                                                             QStringLiteral("whatsapp") },
                                                           { key, items } } } } } } } } }
    };
}

/// POSTs `body` to `url` with `headers` and waits for the answer: its status (0: none).
int postAndWait(const QString &url, const QByteArray &contentType, const QByteArray &body,
                const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QNetworkAccessManager network;
    QNetworkRequest request { QUrl(url) };
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = network.post(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const int answered = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return answered;
}

} // namespace

qint64 steadyNowMs()
{
    static QElapsedTimer timer = [] {
        QElapsedTimer started;
        started.start();
        return started;
    }();
    return timer.elapsed();
}

FakeTelegram::FakeTelegram()
{
    m_http.route(
        QStringLiteral("/<arg>/sendMessage"), QHttpServerRequest::Method::Post,
        [this](const QString &bot, const QHttpServerRequest &request,
               QHttpServerResponder &&responder) {
            ++m_requests;
            Mode mode = Mode::Ok;
            if (!m_script.isEmpty()) {
                mode = m_script.first().first;
                if (--m_script.first().second == 0)
                    m_script.removeFirst();
            }
            const auto answer = [&responder](int status, const QJsonObject &body) {
                responder.write(QJsonDocument(body),
                                static_cast<QHttpServerResponder::StatusCode>(status));
            };
            const auto error = [&](int status, const QString &description) {
                QJsonObject body { { QStringLiteral("ok"), false },
                                   { QStringLiteral("error_code"), status },
                                   { QStringLiteral("description"), description } };
                if (status == 429) {
                    body.insert(QStringLiteral("parameters"),
                                QJsonObject { { QStringLiteral("retry_after"), m_retryAfter } });
                }
                answer(status, body);
            };
            switch (mode) {
            case Mode::TooMany:
                return error(429,
                             QStringLiteral("Too Many Requests: retry after %1").arg(m_retryAfter));
            case Mode::ServerError:
                return error(500, QStringLiteral("Internal Server Error"));
            case Mode::Blocked:
                return error(403, QStringLiteral("Forbidden: bot was blocked by the user"));
            case Mode::Hang:
                m_hung.push_back(std::move(responder));
                return;
            case Mode::Ok:
            case Mode::AcceptThenHang:
                break;
            }
            const QJsonObject sent = QJsonDocument::fromJson(request.body()).object();
            if (!bot.startsWith(u"bot") || sent.value(QStringLiteral("text")).toString().isEmpty()
                || sent.value(QStringLiteral("chat_id")).toString().isEmpty()) {
                return error(400, QStringLiteral("Bad Request: message text is empty"));
            }
            Message message { bot.mid(3), sent.value(QStringLiteral("chat_id")).toString(),
                              sent.value(QStringLiteral("text")).toString(),
                              sent.value(QStringLiteral("parse_mode")).toString(), steadyNowMs() };
            m_accepted.append(message);
            if (mode == Mode::AcceptThenHang) {
                m_hung.push_back(std::move(responder));
                return;
            }
            answer(200,
                   { { QStringLiteral("ok"), true },
                     { QStringLiteral("result"),
                       QJsonObject { { QStringLiteral("message_id"), qint64(m_accepted.size()) },
                                     { QStringLiteral("chat"),
                                       QJsonObject { { QStringLiteral("id"), message.chatId } } },
                                     { QStringLiteral("date"), QDateTime::currentSecsSinceEpoch() },
                                     { QStringLiteral("text"), message.text } } } });
        });
}

QString FakeTelegram::start()
{
    const quint16 port = m_http.listen(QHostAddress::LocalHost, 0);
    if (port == 0)
        return {};
    m_baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(port);
    return m_baseUrl;
}

void FakeTelegram::failNext(Mode mode, int count, int retryAfterSeconds)
{
    m_script.append({ mode, count });
    m_retryAfter = retryAfterSeconds;
}

FakeTwilio::FakeTwilio(QString accountSid, QString authToken)
    : m_accountSid(std::move(accountSid))
    , m_authToken(std::move(authToken))
{
    m_http.route(
        QStringLiteral("/2010-04-01/Accounts/<arg>/Messages.json"),
        QHttpServerRequest::Method::Post,
        [this](const QString &account, const QHttpServerRequest &request,
               QHttpServerResponder &&responder) {
            ++m_requests;
            const auto answer = [&responder](int status, const QJsonObject &body,
                                             const QByteArray &retryAfter = {}) {
                const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
                const auto code = static_cast<QHttpServerResponder::StatusCode>(status);
                if (retryAfter.isEmpty())
                    responder.write(json, "application/json", code);
                else
                    responder.write(
                        json,
                        { { "Content-Type", "application/json" }, { "Retry-After", retryAfter } },
                        code);
            };
            const auto error = [&](int status, int code, const QString &message,
                                   const QByteArray &retryAfter = {}) {
                answer(status,
                       { { QStringLiteral("code"), code },
                         { QStringLiteral("message"), message },
                         { QStringLiteral("more_info"),
                           QStringLiteral("https://www.twilio.com/docs/errors/%1").arg(code) },
                         { QStringLiteral("status"), status } },
                       retryAfter);
            };
            const QByteArray expected
                = "Basic " + (m_accountSid + u':' + m_authToken).toUtf8().toBase64();
            if (account != m_accountSid || request.value("Authorization") != expected)
                return error(401, 20003, QStringLiteral("Authenticate"));
            Mode mode = Mode::Ok;
            if (!m_script.isEmpty()) {
                mode = m_script.first().first;
                if (--m_script.first().second == 0)
                    m_script.removeFirst();
            }
            switch (mode) {
            case Mode::InvalidNumber:
                return error(400, 21211,
                             QStringLiteral("The 'To' number is not a valid phone number."));
            case Mode::Unsubscribed:
                return error(400, 21610,
                             QStringLiteral("Attempt to send to unsubscribed recipient"));
            case Mode::TooMany:
                return error(429, 20429, QStringLiteral("Too Many Requests"),
                             QByteArray::number(m_retryAfter));
            case Mode::ServerError:
                return error(500, 20500, QStringLiteral("Internal Server Error"));
            case Mode::Hang:
                m_hung.push_back(std::move(responder));
                return;
            case Mode::Ok:
            case Mode::AcceptThenHang:
                break;
            }
            QByteArray form = request.body();
            form.replace('+', ' ');
            const QUrlQuery query(QString::fromUtf8(form));
            const auto field = [&query](const char *name) {
                return query.queryItemValue(QLatin1StringView(name), QUrl::FullyDecoded);
            };
            Message message { QStringLiteral("SM%1").arg(m_accepted.size() + 1, 32, 10,
                                                         QChar(u'0')),
                              field("To"),
                              field("From"),
                              field("MessagingServiceSid"),
                              field("Body"),
                              field("StatusCallback") };
            if (!message.to.startsWith(u'+') || message.body.isEmpty()
                || (message.from.isEmpty() && message.messagingServiceSid.isEmpty()))
                return error(400, 21604, QStringLiteral("A 'To', 'Body' and 'From' are required."));
            m_accepted.append(message);
            if (mode == Mode::AcceptThenHang) {
                m_hung.push_back(std::move(responder));
                return;
            }
            answer(201,
                   { { QStringLiteral("sid"), message.sid },
                     { QStringLiteral("status"), QStringLiteral("queued") },
                     { QStringLiteral("to"), message.to },
                     { QStringLiteral("from"), message.from },
                     { QStringLiteral("body"), message.body },
                     { QStringLiteral("num_segments"), QStringLiteral("1") } });
        });
}

QString FakeTwilio::start()
{
    const quint16 port = m_http.listen(QHostAddress::LocalHost, 0);
    if (port == 0)
        return {};
    m_baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(port);
    return m_baseUrl;
}

void FakeTwilio::failNext(Mode mode, int count, int retryAfterSeconds)
{
    m_script.append({ mode, count });
    m_retryAfter = retryAfterSeconds;
}

int FakeTwilio::reportStatus(const Message &message, const QString &status,
                             const QString &errorCode, bool forge)
{
    QList<std::pair<QString, QString>> parameters {
        { QStringLiteral("AccountSid"), m_accountSid },
        { QStringLiteral("MessageSid"), message.sid },
        { QStringLiteral("SmsSid"), message.sid },
        { QStringLiteral("MessageStatus"), status },
        { QStringLiteral("SmsStatus"), status },
        { QStringLiteral("To"), message.to },
        { QStringLiteral("From"), message.from },
        { QStringLiteral("ApiVersion"), QStringLiteral("2010-04-01") },
    };
    if (!errorCode.isEmpty())
        parameters.append({ QStringLiteral("ErrorCode"), errorCode });
    // As Twilio signs: the URL, then each parameter's name and value, sorted by name.
    std::sort(parameters.begin(), parameters.end());
    QByteArray signed_ = message.statusCallback.toUtf8();
    QByteArray form;
    for (const auto &[name, value] : parameters) {
        signed_ += name.toUtf8() + value.toUtf8();
        form += (form.isEmpty() ? "" : "&") + name.toUtf8() + '=' + QUrl::toPercentEncoding(value);
    }
    const QByteArray key = forge ? QByteArray("not-the-auth-token") : m_authToken.toUtf8();
    const QByteArray signature
        = QMessageAuthenticationCode::hash(signed_, key, QCryptographicHash::Sha1).toBase64();
    return postAndWait(message.statusCallback, "application/x-www-form-urlencoded", form,
                       { { "X-Twilio-Signature", signature } });
}

FakeWhatsApp::FakeWhatsApp(QString accessToken, QString appSecret)
    : m_accessToken(std::move(accessToken))
    , m_appSecret(std::move(appSecret))
{
    m_http.route(
        QStringLiteral("/<arg>/<arg>/messages"), QHttpServerRequest::Method::Post,
        [this](const QString &, const QString &, const QHttpServerRequest &request,
               QHttpServerResponder &&responder) {
            ++m_requests;
            const auto error = [&responder](int status, int code, const QString &message) {
                responder.write(
                    QJsonDocument(QJsonObject {
                        { QStringLiteral("error"),
                          QJsonObject {
                              { QStringLiteral("message"), message },
                              { QStringLiteral("type"), QStringLiteral("OAuthException") },
                              { QStringLiteral("code"), code },
                              { QStringLiteral("fbtrace_id"), QStringLiteral("Az1") } } } }),
                    static_cast<QHttpServerResponder::StatusCode>(status));
            };
            if (request.value("Authorization") != "Bearer " + m_accessToken.toUtf8())
                return error(401, 190, QStringLiteral("Invalid OAuth access token."));
            const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
            Message message;
            message.to = body.value(QStringLiteral("to")).toString();
            message.type = body.value(QStringLiteral("type")).toString();
            message.text = body.value(QStringLiteral("text"))
                               .toObject()
                               .value(QStringLiteral("body"))
                               .toString();
            const QJsonObject templ = body.value(QStringLiteral("template")).toObject();
            message.templateName = templ.value(QStringLiteral("name")).toString();
            message.language = templ.value(QStringLiteral("language"))
                                   .toObject()
                                   .value(QStringLiteral("code"))
                                   .toString();
            for (const QJsonValue &component :
                 templ.value(QStringLiteral("components")).toArray()) {
                for (const QJsonValue &parameter :
                     component.toObject().value(QStringLiteral("parameters")).toArray())
                    message.parameters.append(
                        parameter.toObject().value(QStringLiteral("text")).toString());
            }
            if (body.value(QStringLiteral("messaging_product")).toString() != u"whatsapp"
                || message.to.isEmpty() || message.to.startsWith(u'+')
                || (message.type == u"text" && message.text.isEmpty())
                || (message.type == u"template" && message.templateName.isEmpty())
                || (message.type != u"text" && message.type != u"template"))
                return error(400, 100, QStringLiteral("(#100) Invalid parameter"));
            Mode mode = Mode::Ok;
            if (!m_script.isEmpty()) {
                mode = m_script.first().first;
                if (--m_script.first().second == 0)
                    m_script.removeFirst();
            }
            switch (mode) {
            case Mode::WindowClosed:
                if (message.type == u"text")
                    return error(400, 131047,
                                 QStringLiteral("Re-engagement message: more than 24 hours have "
                                                "passed since the recipient last replied"));
                break;
            case Mode::Undeliverable:
                return error(400, 131026, QStringLiteral("Message undeliverable"));
            case Mode::TooMany:
                return error(429, 130429, QStringLiteral("Rate limit hit"));
            case Mode::ServerError:
                return error(500, 131000, QStringLiteral("Something went wrong"));
            case Mode::Hang:
                m_hung.push_back(std::move(responder));
                return;
            case Mode::Ok:
            case Mode::AcceptThenHang:
                break;
            }
            message.id = QStringLiteral("wamid.HBgM%1").arg(m_accepted.size() + 1);
            m_accepted.append(message);
            if (mode == Mode::AcceptThenHang) {
                m_hung.push_back(std::move(responder));
                return;
            }
            responder.write(QJsonDocument(QJsonObject {
                { QStringLiteral("messaging_product"), QStringLiteral("whatsapp") },
                { QStringLiteral("contacts"),
                  QJsonArray { QJsonObject { { QStringLiteral("input"), message.to },
                                             { QStringLiteral("wa_id"), message.to } } } },
                { QStringLiteral("messages"),
                  QJsonArray { QJsonObject { { QStringLiteral("id"), message.id } } } } }));
        });
}

QString FakeWhatsApp::start()
{
    const quint16 port = m_http.listen(QHostAddress::LocalHost, 0);
    if (port == 0)
        return {};
    m_baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(port);
    return m_baseUrl;
}

void FakeWhatsApp::failNext(Mode mode, int count)
{
    m_script.append({ mode, count });
}

QJsonObject FakeWhatsApp::statusPayload(const QString &messageId, const QString &status,
                                        int errorCode)
{
    QJsonObject item { { QStringLiteral("id"), messageId },
                       { QStringLiteral("status"), status },
                       { QStringLiteral("timestamp"),
                         QString::number(QDateTime::currentSecsSinceEpoch()) },
                       { QStringLiteral("recipient_id"), QStringLiteral("4915112345678") } };
    if (errorCode != 0) {
        item.insert(QStringLiteral("errors"),
                    QJsonArray { QJsonObject {
                        { QStringLiteral("code"), errorCode },
                        { QStringLiteral("title"), QStringLiteral("Re-engagement message") } } });
    }
    return whatsappChange(QStringLiteral("statuses"), { item });
}

QJsonObject FakeWhatsApp::inboundPayload(const QString &from, const QString &text, qint64 atSeconds)
{
    return whatsappChange(
        QStringLiteral("messages"),
        { QJsonObject {
            { QStringLiteral("from"), from },
            { QStringLiteral("id"), QStringLiteral("wamid.IN%1").arg(atSeconds) },
            { QStringLiteral("timestamp"), QString::number(atSeconds) },
            { QStringLiteral("type"), QStringLiteral("text") },
            { QStringLiteral("text"), QJsonObject { { QStringLiteral("body"), text } } } } });
}

int FakeWhatsApp::post(const QString &url, const QJsonObject &payload, bool forge)
{
    const QByteArray body = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    const QByteArray key = forge ? QByteArray("not-the-app-secret") : m_appSecret.toUtf8();
    const QByteArray signature = "sha256="
        + QMessageAuthenticationCode::hash(body, key, QCryptographicHash::Sha256).toHex();
    return postAndWait(url, "application/json", body, { { "X-Hub-Signature-256", signature } });
}

FakeSmtp::FakeSmtp(QString user, QString password)
    : m_user(std::move(user))
    , m_password(std::move(password))
{ }

FakeSmtp::~FakeSmtp()
{
    m_process.kill();
    m_process.waitForFinished(3'000);
}

QString FakeSmtp::start()
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(QStringLiteral("/usr/bin/python3"),
                    { QStringLiteral(QX_FAKE_SMTP), m_dir.path(), m_user, m_password });
    if (!m_process.waitForStarted(5'000))
        return {};
    QByteArray line;
    while (!line.endsWith('\n') && m_process.waitForReadyRead(15'000))
        line += m_process.readLine();
    if (!line.startsWith("PORT "))
        return {};
    m_url = QStringLiteral("smtp://127.0.0.1:") + QString::fromLatin1(line.mid(5).trimmed());
    return m_url;
}

void FakeSmtp::setMode(const QString &mode)
{
    QFile file(m_dir.filePath(QStringLiteral("mode")));
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(mode.toUtf8());
}

QList<FakeSmtp::Mail> FakeSmtp::mails() const
{
    QList<Mail> mails;
    for (int n = 1;; ++n) {
        QFile raw(m_dir.filePath(QStringLiteral("mail-%1.eml").arg(n)));
        QFile envelope(m_dir.filePath(QStringLiteral("mail-%1.json").arg(n)));
        if (!raw.open(QIODevice::ReadOnly) || !envelope.open(QIODevice::ReadOnly))
            return mails;
        const QJsonObject json = QJsonDocument::fromJson(envelope.readAll()).object();
        Mail mail;
        mail.from = json.value(QStringLiteral("from")).toString();
        for (const QJsonValue &to : json.value(QStringLiteral("to")).toArray())
            mail.to.append(to.toString());
        mail.login = json.value(QStringLiteral("login")).toString();
        mail.raw = raw.readAll();
        mails.append(mail);
    }
}

QByteArray FakeSmtp::Mail::header(const QByteArray &name) const
{
    const qsizetype end = raw.indexOf("\r\n\r\n");
    const QList<QByteArray> lines = raw.left(end).split('\n');
    QByteArray value;
    bool inside = false;
    for (const QByteArray &line : lines) {
        if (inside && (line.startsWith(' ') || line.startsWith('\t'))) {
            value += ' ' + line.trimmed();
            continue;
        }
        if (inside)
            break;
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).compare(name, Qt::CaseInsensitive) == 0) {
            inside = true;
            value = line.mid(colon + 1).trimmed();
        }
    }
    return value;
}

} // namespace qx::test
