#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringView>
#include <QTime>
#include <QTimeZone>

#include <chrono>
#include <optional>

/**
 * Who is told what, when: the events that notify, how grave each is, the channels, and a
 * user's preferences for an event type (channels, a minimum severity, quiet hours in their own
 * time zone, a digest). decide() turns an event and a preference into a delivery plan: now,
 * after the quiet hours, with the next digest, or never. Critical events (Severity::Critical,
 * or a type an admin marked critical) bypass quiet hours and digests.
 *
 * Plain values, no I/O; times are instants (UTC) in and out, local only inside the user's
 * zone, so a day of 23 or 25 hours keeps quiet hours and digests on the user's wall clock.
 */
namespace qx::core::notifications {

enum class EventType {
    OrderFilled,
    OrderPartiallyFilled,
    OrderRejected,
    OrderExpired,
    DealBooked,
    LimitUtilisation, ///< a risk limit used beyond its threshold (80 % by default)
    LimitBreach,
    ConfirmationBreak,
    DocumentUnmatched,
    DocumentProcessed,
    DocumentFailed,
    NewSignInAddress,
    MfaChanged,
    StorageUnavailable,
    ClusterBookMoved,
    FeedStale,
    Test, ///< an admin's test message (notify send-test): to the channels it names, at once
};
/// Every event type users choose preferences for, in the order above (all but Test).
QList<EventType> allEventTypes();
/// "order.filled", "limit.breach", "health.feed_stale", ...: the wire names.
QString toString(EventType type);
std::optional<EventType> eventTypeFromString(QStringView text);

enum class Severity { Info, Warning, Critical };
QString toString(Severity severity);
std::optional<Severity> severityFromString(QStringView text);
/// How grave an event of `type` is unless its source says otherwise: a breach, storage
/// unavailable and a stale feed are critical; utilisation, rejections, breaks, failed
/// documents, a new sign-in address and MFA changes warnings; the rest information.
Severity defaultSeverity(EventType type);

enum class Channel { InApp, Email, Sms, Telegram, WhatsApp };
/// Every channel, in the order above.
QList<Channel> allChannels();
QString toString(Channel channel);
std::optional<Channel> channelFromString(QStringView text);

/// A daily span of wall-clock time in a zone when only critical events are delivered: from
/// `start` to `end`, over midnight when `end` is not after `start` (22:00–07:00).
struct QuietHours
{
    QTime start;
    QTime end;
    QTimeZone zone;

    /// Whether the instant `at` falls in the quiet hours, read on the zone's clock.
    bool contains(const QDateTime &at) const;
    /// The first instant at or after `at` that is not in the quiet hours (`at` itself when it
    /// is not): the quiet hours' end on the zone's clock that day, whatever the day's length.
    QDateTime endAfter(const QDateTime &at) const;
};

/// A user's choice for one event type.
struct Preference
{
    QList<Channel> channels; ///< none: not notified
    Severity minimum = Severity::Info; ///< events below it are not notified
    std::optional<QuietHours> quiet;
    /// Non-urgent events collected into one message at each multiple of this from midnight
    /// on the user's clock (0: none; critical events never wait for it).
    std::chrono::minutes digest { 0 };
    QTimeZone zone = QTimeZone::utc(); ///< the user's, for the digest's midnight
};

struct Decision
{
    enum class When {
        Never, ///< below the minimum, or no channel chosen
        Now,
        AfterQuietHours, ///< at notBefore, the quiet hours' end
        InDigest, ///< with the digest sent at notBefore
    };
    When when = When::Never;
    QDateTime notBefore; ///< UTC; `now` for Now
    QList<Channel> channels;
};

/// What happens to an event of `severity` (critical also when its type is marked so:
/// `markedCritical`) for a user with `preference`, the event being at `now` (UTC).
Decision decide(const Preference &preference, Severity severity, bool markedCritical,
                const QDateTime &now);

/// The next digest after `now`: the first multiple of `interval` from midnight on `zone`'s
/// clock that is later than `now` (a wall-clock time a spring-forward gap skips is skipped).
QDateTime nextDigest(std::chrono::minutes interval, const QTimeZone &zone, const QDateTime &now);

} // namespace qx::core::notifications
