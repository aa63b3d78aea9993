#include "core/notifications/delivery.h"

#include "core/enumnames.h"

#include <QRandomGenerator>

#include <algorithm>

namespace qx::core::notifications {

namespace {

constexpr EnumNames<DeliveryStatus, 5> kStatusNames { {
    { DeliveryStatus::Queued, u"queued" },
    { DeliveryStatus::Sent, u"sent" },
    { DeliveryStatus::Delivered, u"delivered" },
    { DeliveryStatus::Read, u"read" },
    { DeliveryStatus::Failed, u"failed" },
} };

constexpr EnumNames<OutboxState, 7> kOutboxNames { {
    { OutboxState::Pending, u"pending" },
    { OutboxState::Sending, u"sending" },
    { OutboxState::Sent, u"sent" },
    { OutboxState::InDoubt, u"in_doubt" },
    { OutboxState::Dead, u"dead" },
    { OutboxState::Discarded, u"discarded" },
    { OutboxState::Skipped, u"skipped" },
} };

} // namespace

QString toString(DeliveryStatus status)
{
    return enumName(kStatusNames, status);
}

std::optional<DeliveryStatus> deliveryStatusFromString(QStringView text)
{
    return enumFromName(kStatusNames, text);
}

QString toString(OutboxState state)
{
    return enumName(kOutboxNames, state);
}

std::optional<OutboxState> outboxStateFromString(QStringView text)
{
    return enumFromName(kOutboxNames, text);
}

DeliveryStatus advance(DeliveryStatus current, DeliveryStatus reported)
{
    if (current == DeliveryStatus::Failed)
        return current;
    if (reported == DeliveryStatus::Failed) {
        // It reached the user already: a late failure report does not undo that.
        return current == DeliveryStatus::Delivered || current == DeliveryStatus::Read
            ? current
            : DeliveryStatus::Failed;
    }
    return std::max(current, reported); // the enum is in the order of the states
}

std::chrono::milliseconds retryDelay(int attempt, std::chrono::milliseconds base,
                                     std::chrono::milliseconds cap, QRandomGenerator &random,
                                     std::chrono::milliseconds floor)
{
    // base × 2^(attempt − 1), without overflowing: past the cap it is the cap.
    qint64 ceiling = std::max<qint64>(base.count(), 0);
    for (int doubling = 1; doubling < attempt && ceiling < cap.count(); ++doubling)
        ceiling *= 2;
    ceiling = std::min<qint64>(ceiling, cap.count());
    const qint64 jittered = ceiling > 0 ? qint64(random.bounded(quint64(ceiling) + 1)) : 0;
    return std::chrono::milliseconds(std::max(jittered, qint64(floor.count())));
}

std::optional<std::chrono::seconds> parseRetryAfter(QStringView value, const QDateTime &now)
{
    const QStringView text = value.trimmed();
    bool number = false;
    const qint64 seconds = text.toLongLong(&number);
    if (number)
        return seconds >= 0 ? std::optional(std::chrono::seconds(seconds)) : std::nullopt;
    // An HTTP date: "Wed, 21 Oct 2026 07:28:00 GMT" (RFC 9110's IMF-fixdate).
    // Qt reads RFC 2822 dates, whose zone is an offset: an HTTP date's is always "GMT".
    QString date = text.toString();
    if (date.endsWith(u" GMT"))
        date = date.chopped(3) + u"+0000";
    const QDateTime at = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!at.isValid())
        return std::nullopt;
    return std::chrono::seconds(std::max<qint64>(now.secsTo(at), 0));
}

CircuitBreaker::CircuitBreaker(int threshold, std::chrono::milliseconds cooldown,
                               std::chrono::milliseconds maxCooldown)
    : m_threshold(std::max(threshold, 1))
    , m_baseCooldown(cooldown)
    , m_maxCooldown(std::max(maxCooldown, cooldown))
    , m_cooldown(cooldown)
{ }

bool CircuitBreaker::allow(qint64 nowMs)
{
    switch (m_state) {
    case State::Closed:
        return true;
    case State::Open:
        if (nowMs < m_reopensAt)
            return false;
        m_state = State::HalfOpen;
        m_probeOut = true;
        return true;
    case State::HalfOpen:
        if (m_probeOut)
            return false; // one probe at a time
        m_probeOut = true;
        return true;
    }
    return false;
}

void CircuitBreaker::succeeded()
{
    m_state = State::Closed;
    m_failures = 0;
    m_probeOut = false;
    m_cooldown = m_baseCooldown;
}

void CircuitBreaker::failed(qint64 nowMs)
{
    if (m_state == State::HalfOpen) {
        // The probe failed: rest longer.
        m_cooldown = std::min(m_cooldown * 2, m_maxCooldown);
    } else if (++m_failures < m_threshold) {
        return;
    }
    m_state = State::Open;
    m_probeOut = false;
    m_reopensAt = nowMs + m_cooldown.count();
}

QString toString(CircuitBreaker::State state)
{
    switch (state) {
    case CircuitBreaker::State::Closed:
        return QStringLiteral("closed");
    case CircuitBreaker::State::Open:
        return QStringLiteral("open");
    case CircuitBreaker::State::HalfOpen:
        return QStringLiteral("half_open");
    }
    return {};
}

} // namespace qx::core::notifications
