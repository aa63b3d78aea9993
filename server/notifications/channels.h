#pragma once

#include "server/notifications/channel.h"

#include <QJsonObject>
#include <QStringList>

#include <memory>

namespace qx::server {

/// What a channel's configuration holds: the settings (nothing secret) and the secrets each
/// channel takes. The CLI and the admin routes accept these keys and no others.
struct ChannelSchema
{
    QStringList settings;
    QStringList secrets;
};
ChannelSchema channelSchema(core::notifications::Channel channel);

/// Whether `channel`'s provider takes a message sent again under the same idempotency key as
/// the same message (NotificationChannel::deduplicates()): only the inbox does. SMTP, Twilio's
/// Messages API, the Telegram Bot API and the WhatsApp Cloud API take no idempotency key, so a
/// message on them whose outcome is unknown is held in doubt, never sent again unasked.
bool channelDeduplicates(core::notifications::Channel channel);

/// What a channel's sealed secrets are bound to (SecretBox's context): a value sealed for one
/// channel does not open for another.
QByteArray secretContext(core::notifications::Channel channel);

/// The channel a configuration makes, with its opened `secrets`; nullptr with `problem` set
/// when it cannot (a secret or setting missing or wrong, or a channel not built yet).
std::unique_ptr<NotificationChannel> makeChannel(const NotificationChannelRecord &record,
                                                 const QJsonObject &secrets, QString &problem);

} // namespace qx::server
