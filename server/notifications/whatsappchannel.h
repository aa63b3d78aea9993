#pragma once

#include "server/notifications/channel.h"
#include "server/notifications/httpclient.h"
#include "server/notifications/pacer.h"

#include <chrono>

namespace qx::server {

/**
 * WhatsApp through Meta's Cloud API: POST /{api_version}/{phone_number_id}/messages with a
 * bearer token. Free text is allowed only inside the 24-hour customer-service window that
 * opens when the user writes to the business (the webhook records it per user): then the
 * message is the notification's text; outside it, the approved template `templateName` in
 * the user's language with two body parameters, {{1}} the title and {{2}} the details.
 *
 * Answers: 200 with messages[0].id → accepted (the webhook's statuses move it to delivered,
 * read or failed); 429 and the throughput codes (130429, 131056, 80007, 4) → retried after
 * the backoff; 5xx, no connection, an expired or wrong token (190, 401) → retried (the
 * breaker holds the queue while an admin fixes it); 131047 (the window closed after all) →
 * retried at once as a template; other 4xx (an unknown number, a template that does not
 * exist) → a dead letter with Meta's message. The Cloud API takes no idempotency key, so a
 * request sent without an answer is held in doubt.
 */
class WhatsAppChannel final : public NotificationChannel
{
public:
    struct Options
    {
        QString baseUrl = QStringLiteral("https://graph.facebook.com");
        QString apiVersion = QStringLiteral("v19.0");
        QString phoneNumberId;
        QString accessToken; ///< secret
        QString templateName = QStringLiteral("qx_notification");
        int perSecond = 20;
        std::chrono::milliseconds timeout { 15'000 };
    };

    explicit WhatsAppChannel(Options options);

    core::notifications::Channel channel() const override
    {
        return core::notifications::Channel::WhatsApp;
    }
    bool deduplicates() const override { return false; }
    SendResult send(const OutgoingMessage &message) override;

    /// Whether `contact` wrote to the business within the last 24 hours at `now`.
    static bool windowOpen(const NotificationContact &contact, const QDateTime &now);

private:
    HttpClient::Response post(const QJsonObject &body);

    Options m_options;
    HttpClient m_http;
    Pacer m_pacer;
};

} // namespace qx::server
