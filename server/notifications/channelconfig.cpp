#include "server/notifications/channelconfig.h"

#include "server/notifications/channels.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace qx::server {

namespace {

core::Error invalid(const QString &message)
{
    return core::makeError(core::ErrorCode::InvalidRequest, message);
}

QStringList keysOf(const QMap<QString, std::optional<QString>> &values)
{
    return values.keys();
}

} // namespace

QJsonObject ChannelChange::auditDetail(const NotificationChannelRecord &result) const
{
    return { { QStringLiteral("enabled"), result.enabled },
             { QStringLiteral("settings"), QJsonArray::fromStringList(keysOf(settings)) },
             { QStringLiteral("secrets"), QJsonArray::fromStringList(keysOf(secrets)) } };
}

core::Result<NotificationChannelRecord> applyChannelChange(NotificationChannelRecord record,
                                                           const ChannelChange &change,
                                                           const SecretBox &box)
{
    const ChannelSchema schema = channelSchema(record.channel);
    const QString name = core::notifications::toString(record.channel);
    for (auto it = change.settings.cbegin(); it != change.settings.cend(); ++it) {
        if (!schema.settings.contains(it.key()))
            return invalid(QStringLiteral("%1 takes the settings %2, not %3")
                               .arg(name, schema.settings.join(u", "), it.key()));
        if (it.value() && !it.value()->trimmed().isEmpty())
            record.settings.insert(it.key(), it.value()->trimmed());
        else
            record.settings.remove(it.key());
    }
    core::Result<QJsonObject> secrets
        = box.openObject(record.sealedSecrets, secretContext(record.channel));
    if (!secrets)
        return secrets.error();
    for (auto it = change.secrets.cbegin(); it != change.secrets.cend(); ++it) {
        if (!schema.secrets.contains(it.key()))
            return invalid(QStringLiteral("%1 takes the secrets %2, not %3")
                               .arg(name, schema.secrets.join(u", "), it.key()));
        if (it.value() && !it.value()->isEmpty())
            secrets->insert(it.key(), *it.value());
        else
            secrets->remove(it.key());
    }
    if (!change.secrets.isEmpty()) {
        record.sealedSecrets = secrets->isEmpty()
            ? QByteArray()
            : box.seal(QJsonDocument(*secrets).toJson(QJsonDocument::Compact),
                       secretContext(record.channel));
    }
    if (change.enabled)
        record.enabled = *change.enabled;
    if (record.enabled) {
        QString problem;
        if (!makeChannel(record, *secrets, problem))
            return invalid(QStringLiteral("%1 cannot be enabled: %2").arg(name, problem));
    }
    return record;
}

} // namespace qx::server
