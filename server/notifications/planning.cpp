#include "server/notifications/planning.h"

#include <QJsonArray>

namespace qx::server {

namespace notifications = core::notifications;
using notifications::Channel;
using notifications::EventType;

NotificationPreferenceRecord builtInPreference(EventType type)
{
    NotificationPreferenceRecord record;
    record.type = type;
    record.channels = { Channel::InApp };
    if (type == EventType::LimitBreach || type == EventType::StorageUnavailable
        || type == EventType::FeedStale) {
        record.channels.append(Channel::Email);
    }
    return record;
}

PreferenceSet::PreferenceSet(const QList<NotificationPreferenceRecord> &records)
{
    set(records);
}

void PreferenceSet::set(const QList<NotificationPreferenceRecord> &records)
{
    for (const NotificationPreferenceRecord &record : records)
        m_records.insert(key(record.userId, record.type), record);
}

NotificationPreferenceRecord PreferenceSet::effective(std::int64_t userId, EventType type) const
{
    if (const auto own = m_records.constFind(key(userId, type)); own != m_records.cend())
        return *own;
    if (const auto defaults = m_records.constFind(key(0, type)); defaults != m_records.cend()) {
        NotificationPreferenceRecord record = *defaults;
        record.userId = userId;
        return record;
    }
    NotificationPreferenceRecord record = builtInPreference(type);
    record.userId = userId;
    return record;
}

QTimeZone zoneOf(const NotificationContact &contact)
{
    const QTimeZone zone(contact.timeZone.toUtf8());
    return zone.isValid() ? zone : QTimeZone::utc();
}

notifications::Preference preferenceOf(const NotificationPreferenceRecord &record,
                                       const QTimeZone &zone)
{
    notifications::Preference preference;
    preference.channels = record.channels;
    preference.minimum = record.minimum;
    if (record.quietStart.isValid() && record.quietEnd.isValid())
        preference.quiet = notifications::QuietHours { record.quietStart, record.quietEnd, zone };
    preference.digest = record.digest;
    preference.zone = zone;
    return preference;
}

QString addressOf(const NotificationContact &contact, Channel channel)
{
    switch (channel) {
    case Channel::InApp:
        return QString::number(contact.userId);
    case Channel::Email:
        return contact.email;
    case Channel::Sms:
        return contact.phone;
    case Channel::Telegram:
        return contact.telegramChat;
    case Channel::WhatsApp:
        return contact.whatsapp;
    }
    return {};
}

QList<DeliveryRecord> planDeliveries(const NotificationRecord &notification,
                                     const NotificationPreferenceRecord &preference,
                                     bool markedCritical, const NotificationContact &contact,
                                     const QDateTime &now)
{
    const notifications::Decision decision = notifications::decide(
        preferenceOf(preference, zoneOf(contact)), notification.severity, markedCritical, now);
    QList<DeliveryRecord> deliveries;
    if (decision.when == notifications::Decision::When::Never)
        return deliveries;
    for (Channel channel : decision.channels) {
        DeliveryRecord delivery;
        delivery.notificationId = notification.id;
        delivery.userId = notification.userId;
        delivery.channel = channel;
        delivery.idempotencyKey = notification.eventKey + u':' + notifications::toString(channel);
        delivery.dueAt = decision.notBefore;
        delivery.digest = decision.when == notifications::Decision::When::InDigest;
        if (addressOf(contact, channel).isEmpty()) {
            delivery.state = notifications::OutboxState::Skipped;
            delivery.lastError = QStringLiteral("No address on this channel in the user's "
                                                "contact details.");
            delivery.dueAt = now;
        }
        deliveries.append(delivery);
    }
    return deliveries;
}

NotificationPreferenceRecord testPreference(const NotificationRecord &notification)
{
    NotificationPreferenceRecord preference;
    preference.userId = notification.userId;
    preference.type = notification.type;
    for (const QJsonValue &name : notification.facts.value(QStringLiteral("channels")).toArray()) {
        const std::optional<Channel> channel = notifications::channelFromString(name.toString());
        if (channel && !preference.channels.contains(*channel))
            preference.channels.append(*channel);
    }
    return preference;
}

notifications::Severity severityOf(const QList<NotificationRecord> &notifications)
{
    notifications::Severity gravest = notifications::Severity::Info;
    for (const NotificationRecord &record : notifications)
        gravest = std::max(gravest, record.severity);
    return gravest;
}

notifications::Content contentOf(const NotificationRecord &record)
{
    return { record.type, record.severity, record.facts, record.createdAt };
}

notifications::Text textOf(const notifications::Templates &templates,
                           const QList<NotificationRecord> &records)
{
    if (records.size() == 1)
        return templates.text(contentOf(records.constFirst()));
    QList<notifications::Content> contents;
    for (const NotificationRecord &record : records)
        contents.append(contentOf(record));
    return templates.digest(contents);
}

core::protocol::Notification toProtocol(const NotificationRecord &record)
{
    core::protocol::Notification notification;
    notification.id = QString::number(record.id);
    notification.type = record.type;
    notification.severity = record.severity;
    notification.facts = record.facts;
    notification.createdAt = record.createdAt;
    notification.readAt = record.readAt;
    return notification;
}

} // namespace qx::server
