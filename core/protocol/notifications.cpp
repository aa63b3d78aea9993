#include "core/protocol/notifications.h"

#include "core/protocol/messages.h"
#include "core/protocol/objectreader.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>

namespace qx::core::protocol {

namespace {

QString names(const QStringList &list)
{
    return list.join(QStringLiteral(", "));
}

QString eventTypeNames()
{
    QStringList list;
    for (notifications::EventType type : notifications::allEventTypes())
        list.append(notifications::toString(type));
    return names(list);
}

const QString kSeverityNames = QStringLiteral("info, warning, critical");
const QString kChannelNames = QStringLiteral("in_app, email, sms, telegram, whatsapp");

QTime clockTime(ObjectReader &reader, const QString &key)
{
    if (!reader.has(key)) {
        reader.string(key, false); // counted as read
        return {};
    }
    const QString text = reader.string(key);
    const QTime time = QTime::fromString(text, u"HH:mm");
    if (!time.isValid())
        reader.reject(key, QStringLiteral("must be a time of day as HH:MM"));
    return time;
}

} // namespace

Result<Notification> Notification::fromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    Notification notification;
    notification.id = reader.string(QStringLiteral("id"));
    notification.type = reader.enumeration<notifications::EventType>(
        QStringLiteral("type"), notifications::eventTypeFromString, eventTypeNames());
    notification.severity = reader.enumeration<notifications::Severity>(
        QStringLiteral("severity"), notifications::severityFromString, kSeverityNames);
    notification.facts = reader.object(QStringLiteral("facts"));
    notification.createdAt = fromWireTime(reader.string(QStringLiteral("created_at")));
    notification.readAt = fromWireTime(reader.string(QStringLiteral("read_at"), false));
    if (Result<void> done = reader.finish(); !done)
        return done.error();
    return notification;
}

QJsonObject Notification::toJson() const
{
    QJsonObject json { { QStringLiteral("id"), id },
                       { QStringLiteral("type"), notifications::toString(type) },
                       { QStringLiteral("severity"), notifications::toString(severity) },
                       { QStringLiteral("facts"), facts },
                       { QStringLiteral("created_at"), toWireTime(createdAt) } };
    if (readAt.isValid())
        json.insert(QStringLiteral("read_at"), toWireTime(readAt));
    return json;
}

Result<NotificationPreference> NotificationPreference::fromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    NotificationPreference preference;
    // An admin's test message goes where the admin sends it: no one chooses for it.
    const auto choosable = [](QStringView name) {
        const auto type = notifications::eventTypeFromString(name);
        return type == notifications::EventType::Test ? std::nullopt : type;
    };
    preference.type = reader.enumeration<notifications::EventType>(QStringLiteral("type"),
                                                                   choosable, eventTypeNames());
    const QStringList channels = reader.stringList(QStringLiteral("channels"));
    for (const QString &name : channels) {
        const std::optional<notifications::Channel> channel
            = notifications::channelFromString(name);
        if (!channel) {
            reader.reject(QStringLiteral("channels"),
                          QStringLiteral("may hold only %1").arg(kChannelNames));
            break;
        }
        if (!preference.channels.contains(*channel))
            preference.channels.append(*channel);
    }
    if (reader.has(QStringLiteral("minimum_severity"))) {
        preference.minimum = reader.enumeration<notifications::Severity>(
            QStringLiteral("minimum_severity"), notifications::severityFromString, kSeverityNames);
    }
    preference.quietStart = clockTime(reader, QStringLiteral("quiet_start"));
    preference.quietEnd = clockTime(reader, QStringLiteral("quiet_end"));
    if (preference.quietStart.isValid() != preference.quietEnd.isValid()) {
        reader.reject(QStringLiteral("quiet_end"),
                      QStringLiteral("quiet hours need both quiet_start and quiet_end"));
    }
    if (reader.has(QStringLiteral("digest_minutes"))) {
        preference.digestMinutes = int(reader.integer(QStringLiteral("digest_minutes")));
        if (preference.digestMinutes != 0
            && (preference.digestMinutes < 5 || preference.digestMinutes > 1440)) {
            reader.reject(QStringLiteral("digest_minutes"),
                          QStringLiteral("must be 0 (no digest) or 5 to 1440 minutes"));
        }
    }
    preference.source = reader.string(QStringLiteral("source"), false);
    preference.critical = reader.boolean(QStringLiteral("critical"), false);
    if (Result<void> done = reader.finish(); !done)
        return done.error();
    return preference;
}

QJsonObject NotificationPreference::toJson() const
{
    QJsonArray channelNames;
    for (notifications::Channel channel : channels)
        channelNames.append(notifications::toString(channel));
    QJsonObject json { { QStringLiteral("type"), notifications::toString(type) },
                       { QStringLiteral("channels"), channelNames },
                       { QStringLiteral("minimum_severity"), notifications::toString(minimum) },
                       { QStringLiteral("digest_minutes"), digestMinutes } };
    if (quietStart.isValid() && quietEnd.isValid()) {
        json.insert(QStringLiteral("quiet_start"), quietStart.toString(u"HH:mm"));
        json.insert(QStringLiteral("quiet_end"), quietEnd.toString(u"HH:mm"));
    }
    if (!source.isEmpty()) {
        json.insert(QStringLiteral("source"), source);
        json.insert(QStringLiteral("critical"), critical);
    }
    return json;
}

Result<NotificationSettings> NotificationSettings::fromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    NotificationSettings settings;
    if (reader.has(QStringLiteral("preferences"))) {
        const QJsonArray preferences = reader.array(QStringLiteral("preferences"));
        for (const QJsonValue &value : preferences) {
            Result<NotificationPreference> preference
                = NotificationPreference::fromJson(value.toObject());
            if (!preference) {
                reader.reject(QStringLiteral("preferences"), preference.error().message);
                break;
            }
            settings.preferences.append(*preference);
        }
    }
    const auto optional = [&reader](const QString &key) -> std::optional<QString> {
        if (!reader.has(key))
            return std::nullopt;
        return reader.string(key).trimmed();
    };
    settings.language = optional(QStringLiteral("language"));
    if (settings.language
        && !QStringList { QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr") }
                .contains(*settings.language))
        reader.reject(QStringLiteral("language"), QStringLiteral("must be one of en, de, fr"));
    settings.timeZone = optional(QStringLiteral("time_zone"));
    if (settings.timeZone && !QTimeZone::isTimeZoneIdAvailable(settings.timeZone->toUtf8())) {
        reader.reject(QStringLiteral("time_zone"),
                      QStringLiteral("must be a time zone such as Europe/Berlin"));
    }
    settings.email = optional(QStringLiteral("email"));
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (settings.email && !settings.email->isEmpty()
        && (settings.email->size() > 254 || !email.match(*settings.email).hasMatch())) {
        reader.reject(QStringLiteral("email"), QStringLiteral("must be an email address"));
    }
    static const QRegularExpression e164(QStringLiteral("^\\+[1-9][0-9]{6,14}$"));
    for (const auto &[key, number] :
         { std::pair { QStringLiteral("phone"), &settings.phone },
           std::pair { QStringLiteral("whatsapp"), &settings.whatsapp } }) {
        *number = optional(key);
        if (*number && !(*number)->isEmpty() && !e164.match(**number).hasMatch()) {
            reader.reject(key,
                          QStringLiteral("must be a number in international form, such as "
                                         "+4915112345678"));
        }
    }
    settings.telegramLinked = reader.boolean(QStringLiteral("telegram_linked"), false);
    if (Result<void> done = reader.finish(); !done)
        return done.error();
    return settings;
}

QJsonObject NotificationSettings::toJson() const
{
    QJsonArray list;
    for (const NotificationPreference &preference : preferences)
        list.append(preference.toJson());
    QJsonObject json { { QStringLiteral("preferences"), list },
                       { QStringLiteral("telegram_linked"), telegramLinked } };
    for (const auto &[key, value] : { std::pair { QStringLiteral("language"), &language },
                                      std::pair { QStringLiteral("time_zone"), &timeZone },
                                      std::pair { QStringLiteral("email"), &email },
                                      std::pair { QStringLiteral("phone"), &phone },
                                      std::pair { QStringLiteral("whatsapp"), &whatsapp } }) {
        if (*value)
            json.insert(key, **value);
    }
    return json;
}

} // namespace qx::core::protocol
