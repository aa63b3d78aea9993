#pragma once

#include "server/notifications/channel.h"
#include "server/notifications/pacer.h"

#include <chrono>
#include <memory>

namespace qx::server {

/**
 * Email over SMTP through libcurl: smtp:// with STARTTLS required (never plain text), or
 * smtps:// (TLS from the start); AUTH PLAIN or LOGIN when a username is set; the message
 * multipart/alternative (plain text and HTML, UTF-8, quoted-printable), the subject as an
 * RFC 2047 word when it is not ASCII, and a Message-ID derived from the idempotency key, so
 * every attempt of a delivery carries the same one.
 *
 * What an answer means: 250 after the data → accepted (the Message-ID names it; SMTP reports
 * no delivery, so it stays "sent"); a 4xx reply, no connection, a TLS or AUTH failure (530,
 * 534, 535, 538: an admin must fix the account, and the breaker holds the queue meanwhile) →
 * retried; another 5xx (a mailbox that does not exist, a message refused) → a dead letter
 * with the server's reply. SMTP takes no idempotency key and a server does not deduplicate by
 * Message-ID, so once any of the message went out and no final reply came, the delivery is
 * held in doubt rather than sent again.
 */
class EmailChannel final : public NotificationChannel
{
public:
    struct Options
    {
        QString url; ///< smtp://host:587 or smtps://host:465
        QString from; ///< the sender's address ("alerts@example.com")
        QString username; ///< secret, with the password; empty: no AUTH
        QString password;
        QString caFile; ///< PEM to trust instead of the system's (a private CA)
        std::chrono::milliseconds timeout { 30'000 };
        int perSecond = 0; ///< the relay's limit; 0: none
    };

    explicit EmailChannel(Options options);
    ~EmailChannel() override;

    core::notifications::Channel channel() const override
    {
        return core::notifications::Channel::Email;
    }
    bool deduplicates() const override { return false; }
    SendResult send(const OutgoingMessage &message) override;

private:
    struct Private;
    std::unique_ptr<Private> d;
    Options m_options;
    Pacer m_pacer;
};

/// The Message-ID an email for `idempotencyKey` carries from `from` ("<hex@domain>").
QString emailMessageId(const QString &idempotencyKey, const QString &from);

} // namespace qx::server
