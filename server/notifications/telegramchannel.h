#pragma once

#include "server/notifications/channel.h"
#include "server/notifications/httpclient.h"
#include "server/notifications/pacer.h"

#include <chrono>

namespace qx::server {

/**
 * Telegram through the Bot API's sendMessage: the message as HTML (parse_mode HTML, escaped,
 * within 4,096 characters) in the user's language, to the chat the deep link bound. Paced as
 * Telegram asks: at most one message a second to a chat and 30 a second in all (both
 * settable), waiting on the dispatcher's thread. Answers: ok → accepted (the chat and message
 * id); 429 → retried after parameters.retry_after; 5xx, 401 (a wrong token: the breaker
 * opens until an admin fixes it) and no connection → retried; 400/403 (chat not found, bot
 * blocked) → a dead letter with Telegram's description. The Bot API takes no idempotency key,
 * so a send with no answer is held in doubt, never sent again blindly.
 */
class TelegramChannel final : public NotificationChannel
{
public:
    struct Options
    {
        QString baseUrl = QStringLiteral("https://api.telegram.org");
        QString token; ///< the bot's, secret
        std::chrono::milliseconds perChat { 1'000 };
        int perSecond = 30;
        std::chrono::milliseconds timeout { 15'000 };
    };

    explicit TelegramChannel(Options options);

    core::notifications::Channel channel() const override
    {
        return core::notifications::Channel::Telegram;
    }
    bool deduplicates() const override { return false; }
    SendResult send(const OutgoingMessage &message) override;

private:
    Options m_options;
    HttpClient m_http;
    Pacer m_pacer;
};

} // namespace qx::server
