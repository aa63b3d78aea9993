#include "fakeproviders.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QHttpServerRequest>
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

} // namespace qx::test
