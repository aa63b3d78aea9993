#include "server/notifications/whatsappchannel.h"

#include "core/notifications/delivery.h"
#include "server/notifications/planning.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace qx::server {

namespace {

/// Meta's error codes that mean "too much, later".
bool throttled(int code)
{
    return code == 4 || code == 80007 || code == 130429 || code == 131056;
}

constexpr int kReengagement = 131047; ///< free text outside the 24-hour window

/// The text of a notification as WhatsApp shows it: the title in bold (WhatsApp's *...*),
/// then a line per detail.
QString freeText(const core::notifications::Text &text)
{
    QString body = u'*' + text.title + u'*';
    for (const auto &[label, value] : text.details)
        body += u'\n' + label + u": " + value;
    return body.left(4096);
}

QString detailsLine(const core::notifications::Text &text)
{
    QStringList parts;
    for (const auto &[label, value] : text.details)
        parts.append(label + u": " + value);
    // A template parameter may not hold new lines or more than four spaces in a row.
    return parts.join(QStringLiteral(" · ")).left(1000);
}

} // namespace

WhatsAppChannel::WhatsAppChannel(Options options)
    : m_options(std::move(options))
    , m_http(std::chrono::milliseconds(std::min<qint64>(5'000, m_options.timeout.count())),
             m_options.timeout)
    , m_pacer(std::chrono::milliseconds(0), m_options.perSecond)
{ }

bool WhatsAppChannel::windowOpen(const NotificationContact &contact, const QDateTime &now)
{
    return contact.whatsappInbound.isValid() && contact.whatsappInbound.msecsTo(now) >= 0
        && contact.whatsappInbound.msecsTo(now) < 24 * 3'600'000LL;
}

HttpClient::Response WhatsAppChannel::post(const QJsonObject &body)
{
    HttpClient::Request request;
    request.url = m_options.baseUrl + u'/' + m_options.apiVersion + u'/' + m_options.phoneNumberId
        + QStringLiteral("/messages");
    request.headers = { { "Content-Type", "application/json" },
                        { "Authorization", "Bearer " + m_options.accessToken.toUtf8() } };
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return m_http.send(request);
}

SendResult WhatsAppChannel::send(const OutgoingMessage &message)
{
    const core::notifications::Templates templates
        = core::notifications::templatesFor(message.contact.language, zoneOf(message.contact));
    const core::notifications::Text text = textOf(templates, message.notifications);
    QString to = message.address;
    if (to.startsWith(u'+'))
        to.remove(0, 1); // the Cloud API takes the number without "+"
    const QJsonObject textMessage {
        { QStringLiteral("messaging_product"), QStringLiteral("whatsapp") },
        { QStringLiteral("recipient_type"), QStringLiteral("individual") },
        { QStringLiteral("to"), to },
        { QStringLiteral("type"), QStringLiteral("text") },
        { QStringLiteral("text"),
          QJsonObject { { QStringLiteral("preview_url"), false },
                        { QStringLiteral("body"), freeText(text) } } }
    };
    const auto parameter = [](const QString &value) {
        return QJsonObject { { QStringLiteral("type"), QStringLiteral("text") },
                             { QStringLiteral("text"), value } };
    };
    const QJsonObject templateMessage {
        { QStringLiteral("messaging_product"), QStringLiteral("whatsapp") },
        { QStringLiteral("recipient_type"), QStringLiteral("individual") },
        { QStringLiteral("to"), to },
        { QStringLiteral("type"), QStringLiteral("template") },
        { QStringLiteral("template"),
          QJsonObject {
              { QStringLiteral("name"), m_options.templateName },
              { QStringLiteral("language"),
                QJsonObject { { QStringLiteral("code"), message.contact.language } } },
              { QStringLiteral("components"),
                QJsonArray { QJsonObject { { QStringLiteral("type"), QStringLiteral("body") },
                                           { QStringLiteral("parameters"),
                                             QJsonArray { parameter(text.title.left(1000)),
                                                          parameter(detailsLine(text)) } } } } } } }
    };

    bool asTemplate = !windowOpen(message.contact, QDateTime::currentDateTimeUtc());
    for (;;) {
        m_pacer.wait(message.address);
        const HttpClient::Response response = post(asTemplate ? templateMessage : textMessage);
        switch (response.outcome) {
        case HttpClient::Response::Outcome::NotSent:
            return { SendResult::Outcome::Retry, {}, response.error, {} };
        case HttpClient::Response::Outcome::Unknown:
            return { SendResult::Outcome::Unknown, {}, response.error, {} };
        case HttpClient::Response::Outcome::Answered:
            break;
        }
        const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
        if (response.status == 200) {
            const QString id = answer.value(QStringLiteral("messages"))
                                   .toArray()
                                   .first()
                                   .toObject()
                                   .value(QStringLiteral("id"))
                                   .toString();
            if (!id.isEmpty())
                return { SendResult::Outcome::Accepted, id, {}, {} };
        }
        const QJsonObject error = answer.value(QStringLiteral("error")).toObject();
        const int code = error.value(QStringLiteral("code")).toInt();
        if (code == kReengagement && !asTemplate) {
            asTemplate = true; // the window closed after all: the template, at once
            continue;
        }
        SendResult result;
        result.error = QStringLiteral("WhatsApp %1 (%2): %3")
                           .arg(response.status)
                           .arg(code)
                           .arg(error.value(QStringLiteral("message")).toString().left(300));
        if (response.status == 429 || throttled(code)) {
            result.outcome = SendResult::Outcome::Retry;
            if (const auto wait = core::notifications::parseRetryAfter(
                    QString::fromLatin1(response.retryAfter), QDateTime::currentDateTimeUtc()))
                result.retryAfter = *wait;
        } else if (response.status >= 500 || response.status == 401 || code == 190) {
            result.outcome = SendResult::Outcome::Retry;
        } else {
            result.outcome = SendResult::Outcome::Rejected;
        }
        return result;
    }
}

} // namespace qx::server
