#include "server/notifications/channels.h"

#include "server/notifications/emailchannel.h"
#include "server/notifications/smschannel.h"
#include "server/notifications/telegramchannel.h"
#include "server/notifications/whatsappchannel.h"

#include <QFileInfo>

#include <QUrl>

namespace qx::server {

using core::notifications::Channel;

ChannelSchema channelSchema(Channel channel)
{
    switch (channel) {
    case Channel::InApp:
        return {};
    case Channel::Email:
        return { { QStringLiteral("url"), QStringLiteral("from"), QStringLiteral("ca_file"),
                   QStringLiteral("per_second"), QStringLiteral("timeout_ms") },
                 { QStringLiteral("username"), QStringLiteral("password") } };
    case Channel::Sms:
        return { { QStringLiteral("base_url"), QStringLiteral("account_sid"),
                   QStringLiteral("from"), QStringLiteral("messaging_service_sid"),
                   QStringLiteral("status_callback_url"), QStringLiteral("max_parts"),
                   QStringLiteral("per_second"), QStringLiteral("timeout_ms") },
                 { QStringLiteral("auth_token") } };
    case Channel::Telegram:
        return { { QStringLiteral("base_url"), QStringLiteral("bot_name"),
                   QStringLiteral("per_chat_ms"), QStringLiteral("per_second"),
                   QStringLiteral("timeout_ms") },
                 { QStringLiteral("token"), QStringLiteral("webhook_secret") } };
    case Channel::WhatsApp:
        return { { QStringLiteral("base_url"), QStringLiteral("phone_number_id"),
                   QStringLiteral("api_version"), QStringLiteral("template"),
                   QStringLiteral("per_second"), QStringLiteral("timeout_ms") },
                 { QStringLiteral("access_token"), QStringLiteral("app_secret"),
                   QStringLiteral("verify_token") } };
    }
    return {};
}

bool channelDeduplicates(Channel channel)
{
    return channel == Channel::InApp;
}

QByteArray secretContext(Channel channel)
{
    return "notification_channel:" + core::notifications::toString(channel).toUtf8();
}

namespace {

/// A setting as a whole number within [low, high], else `fallback` (absent) or a problem.
std::optional<int> number(const QJsonObject &settings, const QString &key, int fallback, int low,
                          int high, QString &problem)
{
    const QJsonValue value = settings.value(key);
    if (value.isUndefined())
        return fallback;
    bool ok = true;
    const int n = value.isDouble() ? value.toInt() : value.toString().toInt(&ok);
    if (!ok || n < low || n > high) {
        problem
            = QStringLiteral("%1 must be a whole number from %2 to %3").arg(key).arg(low).arg(high);
        return std::nullopt;
    }
    return n;
}

/// A setting that is an http(s) URL, into `url` when set (else it keeps its default).
bool httpUrl(const QJsonObject &settings, const QString &key, QString &url, QString &problem)
{
    if (settings.contains(key))
        url = settings.value(key).toString();
    const QUrl parsed(url);
    if (!parsed.isValid() || (parsed.scheme() != u"https" && parsed.scheme() != u"http")
        || parsed.host().isEmpty()) {
        problem = QStringLiteral("%1 must be an http or https URL").arg(key);
        return false;
    }
    return true;
}

} // namespace

std::unique_ptr<NotificationChannel> makeChannel(const NotificationChannelRecord &record,
                                                 const QJsonObject &secrets, QString &problem)
{
    const QJsonObject &settings = record.settings;
    switch (record.channel) {
    case Channel::Telegram: {
        TelegramChannel::Options options;
        if (!httpUrl(settings, QStringLiteral("base_url"), options.baseUrl, problem))
            return nullptr;
        options.token = secrets.value(QStringLiteral("token")).toString();
        if (options.token.isEmpty()) {
            problem = QStringLiteral("the bot's token is not set (secret \"token\")");
            return nullptr;
        }
        const auto perChat
            = number(settings, QStringLiteral("per_chat_ms"), 1'000, 0, 60'000, problem);
        const auto perSecond
            = number(settings, QStringLiteral("per_second"), 30, 1, 1'000, problem);
        const auto timeout
            = number(settings, QStringLiteral("timeout_ms"), 15'000, 100, 120'000, problem);
        if (!perChat || !perSecond || !timeout)
            return nullptr;
        options.perChat = std::chrono::milliseconds(*perChat);
        options.perSecond = *perSecond;
        options.timeout = std::chrono::milliseconds(*timeout);
        return std::make_unique<TelegramChannel>(options);
    }
    case Channel::Email: {
        EmailChannel::Options options;
        options.url = settings.value(QStringLiteral("url")).toString();
        const QUrl url(options.url);
        if (!url.isValid() || (url.scheme() != u"smtp" && url.scheme() != u"smtps")
            || url.host().isEmpty()) {
            problem = QStringLiteral("url must be smtp://HOST:PORT (STARTTLS) or "
                                     "smtps://HOST:PORT");
            return nullptr;
        }
        options.from = settings.value(QStringLiteral("from")).toString();
        if (!options.from.contains(u'@') || options.from.contains(u'<')
            || options.from.contains(u' ')) {
            problem = QStringLiteral("from must be the sender's address (name@domain)");
            return nullptr;
        }
        options.caFile = settings.value(QStringLiteral("ca_file")).toString();
        if (!options.caFile.isEmpty() && !QFileInfo(options.caFile).isReadable()) {
            problem = QStringLiteral("ca_file cannot be read: %1").arg(options.caFile);
            return nullptr;
        }
        options.username = secrets.value(QStringLiteral("username")).toString();
        options.password = secrets.value(QStringLiteral("password")).toString();
        if (options.username.isEmpty() != options.password.isEmpty()) {
            problem = QStringLiteral("set both the username and the password, or neither");
            return nullptr;
        }
        const auto perSecond = number(settings, QStringLiteral("per_second"), 0, 0, 1'000, problem);
        const auto timeout
            = number(settings, QStringLiteral("timeout_ms"), 30'000, 100, 300'000, problem);
        if (!perSecond || !timeout)
            return nullptr;
        options.perSecond = *perSecond;
        options.timeout = std::chrono::milliseconds(*timeout);
        return std::make_unique<EmailChannel>(options);
    }
    case Channel::InApp:
        problem = QStringLiteral("the inbox needs no configuration");
        return nullptr;
    case Channel::Sms: {
        SmsChannel::Options options;
        if (!httpUrl(settings, QStringLiteral("base_url"), options.baseUrl, problem))
            return nullptr;
        options.accountSid = settings.value(QStringLiteral("account_sid")).toString();
        options.authToken = secrets.value(QStringLiteral("auth_token")).toString();
        options.from = settings.value(QStringLiteral("from")).toString();
        options.messagingServiceSid
            = settings.value(QStringLiteral("messaging_service_sid")).toString();
        if (options.accountSid.isEmpty() || options.authToken.isEmpty()) {
            problem = QStringLiteral("account_sid and the secret auth_token are needed");
            return nullptr;
        }
        if (options.from.isEmpty() == options.messagingServiceSid.isEmpty()) {
            problem = QStringLiteral("set from (a number) or messaging_service_sid, one of them");
            return nullptr;
        }
        if (settings.contains(QStringLiteral("status_callback_url"))
            && !httpUrl(settings, QStringLiteral("status_callback_url"), options.statusCallback,
                        problem))
            return nullptr;
        const auto parts = number(settings, QStringLiteral("max_parts"), 3, 1, 10, problem);
        const auto perSecond = number(settings, QStringLiteral("per_second"), 1, 0, 1'000, problem);
        const auto timeout
            = number(settings, QStringLiteral("timeout_ms"), 15'000, 100, 120'000, problem);
        if (!parts || !perSecond || !timeout)
            return nullptr;
        options.maxParts = *parts;
        options.perSecond = *perSecond;
        options.timeout = std::chrono::milliseconds(*timeout);
        return std::make_unique<SmsChannel>(options);
    }
    case Channel::WhatsApp: {
        WhatsAppChannel::Options options;
        if (!httpUrl(settings, QStringLiteral("base_url"), options.baseUrl, problem))
            return nullptr;
        options.phoneNumberId = settings.value(QStringLiteral("phone_number_id")).toString();
        options.accessToken = secrets.value(QStringLiteral("access_token")).toString();
        if (options.phoneNumberId.isEmpty() || options.accessToken.isEmpty()) {
            problem = QStringLiteral("phone_number_id and the secret access_token are needed");
            return nullptr;
        }
        options.apiVersion
            = settings.value(QStringLiteral("api_version")).toString(options.apiVersion);
        options.templateName
            = settings.value(QStringLiteral("template")).toString(options.templateName);
        const auto perSecond
            = number(settings, QStringLiteral("per_second"), 20, 0, 1'000, problem);
        const auto timeout
            = number(settings, QStringLiteral("timeout_ms"), 15'000, 100, 120'000, problem);
        if (!perSecond || !timeout)
            return nullptr;
        options.perSecond = *perSecond;
        options.timeout = std::chrono::milliseconds(*timeout);
        return std::make_unique<WhatsAppChannel>(options);
    }
    }
    return nullptr;
}

} // namespace qx::server
