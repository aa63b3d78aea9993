#include "core/notifications/policy.h"

#include "core/enumnames.h"

namespace qx::core::notifications {

namespace {

constexpr EnumNames<EventType, 17> kEventNames { {
    { EventType::OrderFilled, u"order.filled" },
    { EventType::OrderPartiallyFilled, u"order.partially_filled" },
    { EventType::OrderRejected, u"order.rejected" },
    { EventType::OrderExpired, u"order.expired" },
    { EventType::DealBooked, u"deal.booked" },
    { EventType::LimitUtilisation, u"limit.utilisation" },
    { EventType::LimitBreach, u"limit.breach" },
    { EventType::ConfirmationBreak, u"document.break" },
    { EventType::DocumentUnmatched, u"document.unmatched" },
    { EventType::DocumentProcessed, u"document.processed" },
    { EventType::DocumentFailed, u"document.failed" },
    { EventType::NewSignInAddress, u"security.new_address" },
    { EventType::MfaChanged, u"security.mfa_changed" },
    { EventType::StorageUnavailable, u"health.storage_unavailable" },
    { EventType::ClusterBookMoved, u"health.book_moved" },
    { EventType::FeedStale, u"health.feed_stale" },
    { EventType::Test, u"test" },
} };

constexpr EnumNames<Severity, 3> kSeverityNames { {
    { Severity::Info, u"info" },
    { Severity::Warning, u"warning" },
    { Severity::Critical, u"critical" },
} };

constexpr EnumNames<Channel, 5> kChannelNames { {
    { Channel::InApp, u"in_app" },
    { Channel::Email, u"email" },
    { Channel::Sms, u"sms" },
    { Channel::Telegram, u"telegram" },
    { Channel::WhatsApp, u"whatsapp" },
} };

// `time` on `date` on `zone`'s clock; in a spring-forward gap, the first instant after it.
QDateTime wallClock(const QDate &date, const QTime &time, const QTimeZone &zone)
{
    QDateTime instant(date, time, zone);
    if (instant.isValid() && instant.time() == time)
        return instant;
    // The gap's end: an hour on (no zone in use moves its clock by more than that).
    for (int minutes = 1; minutes <= 120; ++minutes) {
        const QDateTime later(date, time.addSecs(minutes * 60), zone);
        if (later.isValid() && later.time() == time.addSecs(minutes * 60))
            return later;
    }
    return instant;
}

} // namespace

QList<EventType> allEventTypes()
{
    QList<EventType> types;
    for (const auto &[type, name] : kEventNames) {
        if (type != EventType::Test)
            types.append(type);
    }
    return types;
}

QString toString(EventType type)
{
    return enumName(kEventNames, type);
}

std::optional<EventType> eventTypeFromString(QStringView text)
{
    return enumFromName(kEventNames, text);
}

QString toString(Severity severity)
{
    return enumName(kSeverityNames, severity);
}

std::optional<Severity> severityFromString(QStringView text)
{
    return enumFromName(kSeverityNames, text);
}

QList<Channel> allChannels()
{
    QList<Channel> channels;
    for (const auto &[channel, name] : kChannelNames)
        channels.append(channel);
    return channels;
}

QString toString(Channel channel)
{
    return enumName(kChannelNames, channel);
}

std::optional<Channel> channelFromString(QStringView text)
{
    return enumFromName(kChannelNames, text);
}

Severity defaultSeverity(EventType type)
{
    switch (type) {
    case EventType::LimitBreach:
    case EventType::StorageUnavailable:
    case EventType::FeedStale:
        return Severity::Critical;
    case EventType::LimitUtilisation:
    case EventType::OrderRejected:
    case EventType::ConfirmationBreak:
    case EventType::DocumentFailed:
    case EventType::NewSignInAddress:
    case EventType::MfaChanged:
    case EventType::ClusterBookMoved:
        return Severity::Warning;
    case EventType::OrderFilled:
    case EventType::OrderPartiallyFilled:
    case EventType::OrderExpired:
    case EventType::DealBooked:
    case EventType::DocumentUnmatched:
    case EventType::DocumentProcessed:
    case EventType::Test:
        return Severity::Info;
    }
    return Severity::Info;
}

bool QuietHours::contains(const QDateTime &at) const
{
    if (!start.isValid() || !end.isValid() || start == end)
        return false;
    const QTime local = at.toTimeZone(zone).time();
    return start < end ? local >= start && local < end : local >= start || local < end;
}

QDateTime QuietHours::endAfter(const QDateTime &at) const
{
    if (!contains(at))
        return at.toUTC();
    const QDateTime local = at.toTimeZone(zone);
    // Over midnight and before it: the quiet hours end tomorrow.
    const QDate day = start > end && local.time() >= start ? local.date().addDays(1) : local.date();
    return wallClock(day, end, zone).toUTC();
}

QDateTime nextDigest(std::chrono::minutes interval, const QTimeZone &zone, const QDateTime &now)
{
    const QDate today = now.toTimeZone(zone).date();
    const qint64 step = std::max<qint64>(interval.count(), 1);
    for (const QDate &day : { today, today.addDays(1) }) {
        for (qint64 minutes = 0; minutes < 24 * 60; minutes += step) {
            const QTime time = QTime(0, 0).addSecs(int(minutes * 60));
            const QDateTime instant(day, time, zone);
            if (!instant.isValid() || instant.time() != time)
                continue; // skipped by the clocks going forward
            if (instant > now)
                return instant.toUTC();
        }
    }
    return wallClock(today.addDays(2), QTime(0, 0), zone).toUTC();
}

Decision decide(const Preference &preference, Severity severity, bool markedCritical,
                const QDateTime &now)
{
    Decision decision;
    if (preference.channels.isEmpty() || severity < preference.minimum)
        return decision;
    decision.channels = preference.channels;
    decision.when = Decision::When::Now;
    decision.notBefore = now.toUTC();
    if (severity == Severity::Critical || markedCritical)
        return decision; // bypasses quiet hours and digests
    if (preference.digest.count() > 0) {
        decision.when = Decision::When::InDigest;
        decision.notBefore = nextDigest(preference.digest, preference.zone, now);
    }
    if (preference.quiet && preference.quiet->contains(decision.notBefore)) {
        if (decision.when == Decision::When::Now)
            decision.when = Decision::When::AfterQuietHours;
        decision.notBefore = preference.quiet->endAfter(decision.notBefore);
    }
    return decision;
}

} // namespace qx::core::notifications
