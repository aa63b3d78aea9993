#include "server/notifications/smschannel.h"

#include "core/notifications/delivery.h"
#include "core/notifications/messagetext.h"
#include "server/notifications/planning.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace qx::server {

namespace {

/// A form value percent-encoded as application/x-www-form-urlencoded wants it.
QByteArray formValue(const QString &value)
{
    return QUrl::toPercentEncoding(value);
}

} // namespace

SmsChannel::SmsChannel(Options options)
    : m_options(std::move(options))
    , m_http(std::chrono::milliseconds(std::min<qint64>(5'000, m_options.timeout.count())),
             m_options.timeout)
    , m_pacer(std::chrono::milliseconds(0), m_options.perSecond)
{ }

QString SmsChannel::fitted(const QString &text, int maxParts)
{
    if (core::notifications::smsParts(text).size() <= maxParts)
        return text;
    // From a cut that surely fits (a part holds at least 67 characters) a character longer at
    // a time, to the longest that does. "..." rather than "…", which is not GSM-7 and would
    // halve what fits.
    const QString ellipsis = QStringLiteral("...");
    qsizetype keep = std::max<qsizetype>(0, qsizetype(maxParts) * 67 - ellipsis.size());
    while (keep < text.size()
           && core::notifications::smsParts(text.left(keep + 1) + ellipsis).size() <= maxParts)
        ++keep;
    return text.left(keep) + ellipsis;
}

SendResult SmsChannel::send(const OutgoingMessage &message)
{
    const core::notifications::Templates templates
        = core::notifications::templatesFor(message.contact.language, zoneOf(message.contact));
    const core::notifications::Text text = textOf(templates, message.notifications);
    const QString body = fitted(templates.sms(text, severityOf(message.notifications),
                                              message.notifications.constFirst().createdAt),
                                m_options.maxParts);
    QByteArray form = "To=" + formValue(message.address) + "&Body=" + formValue(body);
    if (!m_options.messagingServiceSid.isEmpty())
        form += "&MessagingServiceSid=" + formValue(m_options.messagingServiceSid);
    else
        form += "&From=" + formValue(m_options.from);
    if (!m_options.statusCallback.isEmpty())
        form += "&StatusCallback=" + formValue(m_options.statusCallback);

    m_pacer.wait(message.address);
    HttpClient::Request request;
    request.url = m_options.baseUrl + QStringLiteral("/2010-04-01/Accounts/") + m_options.accountSid
        + QStringLiteral("/Messages.json");
    request.headers = { { "Content-Type", "application/x-www-form-urlencoded" },
                        { "Accept", "application/json" } };
    request.body = form;
    request.user = m_options.accountSid;
    request.password = m_options.authToken;
    const HttpClient::Response response = m_http.send(request);
    switch (response.outcome) {
    case HttpClient::Response::Outcome::NotSent:
        return { SendResult::Outcome::Retry, {}, response.error, {} };
    case HttpClient::Response::Outcome::Unknown:
        return { SendResult::Outcome::Unknown, {}, response.error, {} };
    case HttpClient::Response::Outcome::Answered:
        break;
    }
    const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
    if (response.status == 201 || response.status == 200) {
        const QString sid = answer.value(QStringLiteral("sid")).toString();
        if (!sid.isEmpty())
            return { SendResult::Outcome::Accepted, sid, {}, {} };
    }
    const int code = answer.value(QStringLiteral("code")).toInt();
    SendResult result;
    result.error = QStringLiteral("Twilio %1%2: %3")
                       .arg(response.status)
                       .arg(code > 0 ? QStringLiteral(" (%1)").arg(code) : QString())
                       .arg(answer.value(QStringLiteral("message")).toString().left(300));
    if (response.status == 429 || code == 20429) {
        result.outcome = SendResult::Outcome::Retry;
        if (const auto wait = core::notifications::parseRetryAfter(
                QString::fromLatin1(response.retryAfter), QDateTime::currentDateTimeUtc()))
            result.retryAfter = *wait;
    } else if (response.status >= 500 || response.status == 401 || response.status == 403
               || response.status == 0) {
        result.outcome = SendResult::Outcome::Retry; // down, or an account an admin must fix
    } else {
        result.outcome = SendResult::Outcome::Rejected; // 21211, 21610, 21614, ...
    }
    return result;
}

} // namespace qx::server
