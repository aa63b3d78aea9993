#include "fakeproviders.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>

namespace qx::test {

namespace {

qint64 steadyMs()
{
    static QElapsedTimer timer = [] {
        QElapsedTimer started;
        started.start();
        return started;
    }();
    return timer.elapsed();
}

} // namespace

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
                              sent.value(QStringLiteral("parse_mode")).toString(), steadyMs() };
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
