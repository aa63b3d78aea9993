#pragma once

#include <QDateTime>
#include <QString>
#include <QStringView>

#include <chrono>
#include <optional>

class QRandomGenerator;

/**
 * How a notification's delivery goes, as plain rules the dispatcher follows: the status only
 * ever moves forward whatever order (and however often) providers report it; retries wait an
 * exponentially growing, fully jittered time, never less than the provider asked for; and a
 * channel whose provider keeps failing is given a rest (a circuit breaker) and probed before
 * it is used again. No I/O and no clock of their own: times are passed in.
 */
namespace qx::core::notifications {

/// queued → sent (the provider accepted it) → delivered → read; or failed, with the
/// provider's reason. Never "delivered" on acceptance alone.
enum class DeliveryStatus { Queued, Sent, Delivered, Read, Failed };
QString toString(DeliveryStatus status);
std::optional<DeliveryStatus> deliveryStatusFromString(QStringView text);

/// The status once `reported` arrives for a message that is at `current`: the later of the
/// two; a failure ends a message not yet delivered (a failure reported after acceptance
/// included), and nothing moves a failed one or brings one back to an earlier state.
DeliveryStatus advance(DeliveryStatus current, DeliveryStatus reported);

/// Where a message stands in the outbox: pending (to send when due), sending (claimed by a
/// dispatcher), sent (the provider took it), in doubt (a send whose outcome is unknown on a
/// channel that cannot deduplicate: not retried blindly), dead (given up after the configured
/// attempts), discarded (by an admin), skipped (the user has no address on the channel).
enum class OutboxState { Pending, Sending, Sent, InDoubt, Dead, Discarded, Skipped };
QString toString(OutboxState state);
std::optional<OutboxState> outboxStateFromString(QStringView text);

/// The wait before retry `attempt` (1 for the first): uniform in [0, min(cap, base ×
/// 2^(attempt−1))]
/// ("full jitter"), and never less than `floor` (what the provider asked for).
std::chrono::milliseconds retryDelay(int attempt, std::chrono::milliseconds base,
                                     std::chrono::milliseconds cap, QRandomGenerator &random,
                                     std::chrono::milliseconds floor = {});

/// An HTTP Retry-After value (seconds, or an HTTP date, read against `now`) as the wait it
/// asks for; nullopt when it is neither. A date in the past asks for none.
std::optional<std::chrono::seconds> parseRetryAfter(QStringView value, const QDateTime &now);

/**
 * A channel's circuit breaker. Closed: the provider is called. After `threshold` failures in
 * a row it opens: nothing is sent for `cooldown` (the queue is kept), then one message goes
 * as a probe (half open); the probe's success closes it, its failure opens it again for
 * twice as long (up to `maxCooldown`).
 */
class CircuitBreaker
{
public:
    enum class State { Closed, Open, HalfOpen };

    CircuitBreaker(int threshold, std::chrono::milliseconds cooldown,
                   std::chrono::milliseconds maxCooldown);

    /// Whether a message may be sent at `nowMs` (a monotonic time): closed, or the cooldown
    /// over and no probe out yet (this call then takes the probe).
    bool allow(qint64 nowMs);
    void succeeded();
    void failed(qint64 nowMs);

    State state() const { return m_state; }
    /// When an open breaker lets a probe through (monotonic ms).
    qint64 reopensAt() const { return m_reopensAt; }

private:
    int m_threshold;
    std::chrono::milliseconds m_baseCooldown;
    std::chrono::milliseconds m_maxCooldown;
    std::chrono::milliseconds m_cooldown;
    State m_state = State::Closed;
    int m_failures = 0;
    qint64 m_reopensAt = 0;
    bool m_probeOut = false;
};
/// "closed", "open", "half_open".
QString toString(CircuitBreaker::State state);

} // namespace qx::core::notifications
