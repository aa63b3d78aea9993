#include "server/notifications/telegramchannel.h"

#include "core/notifications/delivery.h"
#include "server/notifications/planning.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace qx::server {

TelegramChannel::TelegramChannel(Options options)
    : m_options(std::move(options))
    , m_http(std::chrono::milliseconds(std::min<qint64>(5'000, m_options.timeout.count())),
             m_options.timeout)
    , m_pacer(m_options.perChat, m_options.perSecond)
{ }

SendResult TelegramChannel::send(const OutgoingMessage &message)
{
    const core::notifications::Templates templates
        = core::notifications::templatesFor(message.contact.language, zoneOf(message.contact));
    const QString text = templates.telegram(textOf(templates, message.notifications));
    const QJsonObject body { { QStringLiteral("chat_id"), message.address },
                             { QStringLiteral("text"), text },
                             { QStringLiteral("parse_mode"), QStringLiteral("HTML") },
                             { QStringLiteral("disable_web_page_preview"), true } };
    m_pacer.wait(message.address);
    HttpClient::Request request;
    request.url = m_options.baseUrl + QStringLiteral("/bot") + m_options.token
        + QStringLiteral("/sendMessage");
    request.headers = { { "Content-Type", "application/json" } };
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const HttpClient::Response response = m_http.send(request);

    SendResult result;
    switch (response.outcome) {
    case HttpClient::Response::Outcome::NotSent:
        return { SendResult::Outcome::Retry, {}, response.error, {} };
    case HttpClient::Response::Outcome::Unknown:
        return { SendResult::Outcome::Unknown, {}, response.error, {} };
    case HttpClient::Response::Outcome::Answered:
        break;
    }
    const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
    const QString description = answer.value(QStringLiteral("description")).toString();
    if (response.status == 200 && answer.value(QStringLiteral("ok")).toBool()) {
        const qint64 id = answer.value(QStringLiteral("result"))
                              .toObject()
                              .value(QStringLiteral("message_id"))
                              .toInteger();
        return {
            SendResult::Outcome::Accepted, message.address + u':' + QString::number(id), {}, {}
        };
    }
    result.error = QStringLiteral("Telegram %1: %2")
                       .arg(response.status)
                       .arg(description.isEmpty() ? QStringLiteral("no description")
                                                  : description.left(300));
    if (response.status == 429) {
        result.outcome = SendResult::Outcome::Retry;
        const int seconds = answer.value(QStringLiteral("parameters"))
                                .toObject()
                                .value(QStringLiteral("retry_after"))
                                .toInt();
        if (seconds > 0) {
            result.retryAfter = std::chrono::seconds(seconds);
        } else if (const auto header = core::notifications::parseRetryAfter(
                       QString::fromLatin1(response.retryAfter), QDateTime::currentDateTimeUtc())) {
            result.retryAfter = *header;
        }
    } else if (response.status == 400 || response.status == 403 || response.status == 404) {
        result.outcome = SendResult::Outcome::Rejected; // chat not found, bot blocked
    } else {
        result.outcome = SendResult::Outcome::Retry; // 5xx; 401: a token an admin must fix
    }
    return result;
}

} // namespace qx::server
