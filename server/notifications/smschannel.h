#pragma once

#include "server/notifications/channel.h"
#include "server/notifications/httpclient.h"
#include "server/notifications/pacer.h"

#include <chrono>

namespace qx::server {

/**
 * SMS through Twilio's Messages API: POST /2010-04-01/Accounts/{AccountSid}/Messages.json,
 * form-encoded To, From (or MessagingServiceSid), Body and StatusCallback, under HTTP basic
 * authentication (the account SID and its auth token). The body is the SMS template in the
 * user's language: within one 160-character GSM-7 message (70 in UCS-2) as a rule, else sent
 * as one concatenated message of at most `maxParts` parts (Twilio splits it and the phone
 * joins it), cut to fit.
 *
 * Answers: 201 → accepted (the message SID names it; the status webhook moves it on to
 * delivered or failed); 429 and error 20429 → retried after Retry-After (else the backoff);
 * 5xx, no connection and 401 (a wrong token: the breaker holds the queue) → retried; 400 with
 * 21211 (not a valid number), 21610 (the recipient unsubscribed, STOP), 21614 (not a mobile)
 * and the other 4xx → a dead letter with Twilio's message. Twilio takes no idempotency key
 * for a new message, so a request sent without an answer is held in doubt.
 */
class SmsChannel final : public NotificationChannel
{
public:
    struct Options
    {
        QString baseUrl = QStringLiteral("https://api.twilio.com");
        QString accountSid;
        QString authToken; ///< secret
        QString from; ///< the sender number (E.164), or empty with messagingServiceSid
        QString messagingServiceSid;
        QString
            statusCallback; ///< this server's /api/v1/webhooks/twilio/status as Twilio reaches it
        int maxParts = 3;
        int perSecond = 1; ///< a long code's rate; more for a short code or a service
        std::chrono::milliseconds timeout { 15'000 };
    };

    explicit SmsChannel(Options options);

    core::notifications::Channel channel() const override
    {
        return core::notifications::Channel::Sms;
    }
    bool deduplicates() const override { return false; }
    SendResult send(const OutgoingMessage &message) override;

    /// The body sent for `text`: whole when it fits `maxParts` parts, else cut (with "...").
    static QString fitted(const QString &text, int maxParts);

private:
    Options m_options;
    HttpClient m_http;
    Pacer m_pacer;
};

} // namespace qx::server
