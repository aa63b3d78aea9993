#pragma once

#include "core/clock.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>

namespace qx::server {

class RedisClient;

/**
 * Counts what callers do (failed logins, requests) per key and says when one has done too
 * much, over a sliding window: the current fixed window's count plus the previous window's,
 * weighted by how much of it the sliding window still covers (no burst of twice the limit at
 * a window's edge).
 *
 * With Redis, the servers of a cluster share their counts: each hit is also an INCR of the
 * window's key in Redis (qx:rate:RULE:KEY:WINDOW, expiring after two windows), whose answer
 * — everyone's hits — is kept; a decision takes the larger of that and this server's own
 * count, so it never waits for Redis. checkFresh() asks Redis first, for decisions worth a
 * round trip (a login). Redis down, or none: each server counts alone; no request fails
 * because of Redis.
 *
 * Lives on one thread, with the RedisClient it is given.
 */
class RateLimiter : public QObject
{
    Q_OBJECT

public:
    using Milliseconds = std::chrono::milliseconds;
    struct Rule
    {
        QByteArray name; ///< part of the Redis key: letters and dashes
        int limit = 0; ///< hits allowed per window; 0: no limit
        Milliseconds window { 60'000 };
    };
    /// How long checkFresh() waits for Redis before deciding on what it knows.
    static constexpr Milliseconds kFreshTimeout { 250 };

    explicit RateLimiter(RedisClient *redis = nullptr, QObject *parent = nullptr);
    /// The clock windows are counted by: wall-clock time (the system's, unless set; it must
    /// outlive its use), since the servers of a cluster must agree on which window is current.
    void setClock(const core::Clock &clock) { m_clock = &clock; }

    /// Zero if `key` may act now under `rule`; else how long until it may.
    Milliseconds retryAfter(const Rule &rule, const QString &key);
    /// Counts one hit of `key`.
    void hit(const Rule &rule, const QString &key);
    /// retryAfter(), once the other servers' hits have been read from Redis (at once without
    /// it). `done` runs on this object's thread, unless this object is gone first.
    void checkFresh(const Rule &rule, const QString &key, std::function<void(Milliseconds)> done);

private:
    const core::Clock *m_clock = &core::Clock::system();
    struct Counter
    {
        qint64 length = 1; ///< of a window, in ms
        qint64 window = 0; ///< index of the current fixed window (time / length)
        int local[2] {}; ///< this server's hits: current, previous window
        int shared[2] {}; ///< everyone's, as Redis last said
    };
    Counter &counter(const Rule &rule, const QString &key, qint64 now);
    static Milliseconds wait(const Rule &rule, const Counter &counter, qint64 now);
    static QByteArray redisKey(const Rule &rule, const QString &key, qint64 window);
    /// Keeps Redis's count `total` for `window` (current or previous) of `id`.
    void learn(const QByteArray &id, qint64 window, int total);
    void prune();

    QPointer<RedisClient> m_redis;
    QHash<QByteArray, Counter> m_counters; ///< by rule name and key
    QTimer m_pruneTimer;
};

} // namespace qx::server
