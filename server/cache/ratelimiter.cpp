#include "server/cache/ratelimiter.h"

#include "server/cache/redisclient.h"

#include <QDateTime>

#include <cmath>
#include <memory>

namespace qx::server {

namespace {

QByteArray counterId(const RateLimiter::Rule &rule, const QString &key)
{
    return rule.name + '\0' + key.toUtf8();
}

} // namespace

RateLimiter::RateLimiter(RedisClient *redis, QObject *parent)
    : QObject(parent)
    , m_redis(redis)
{
    m_pruneTimer.setInterval(60'000);
    connect(&m_pruneTimer, &QTimer::timeout, this, &RateLimiter::prune);
    m_pruneTimer.start();
}

RateLimiter::Counter &RateLimiter::counter(const Rule &rule, const QString &key, qint64 now)
{
    const QByteArray id = counterId(rule, key);
    const qint64 window = now / rule.window.count();
    Counter &counter = m_counters[id];
    counter.length = rule.window.count();
    if (counter.window == window)
        return counter;
    const bool next = counter.window + 1 == window;
    counter.local[1] = next ? counter.local[0] : 0;
    counter.shared[1] = next ? counter.shared[0] : 0;
    counter.local[0] = 0;
    counter.shared[0] = 0;
    counter.window = window;
    return counter;
}

RateLimiter::Milliseconds RateLimiter::wait(const Rule &rule, const Counter &counter, qint64 now)
{
    if (rule.limit <= 0)
        return Milliseconds(0);
    const double length = double(rule.window.count());
    const double elapsed = double(now % rule.window.count());
    const double limit = rule.limit;
    const double current = std::max(counter.local[0], counter.shared[0]);
    const double previous = std::max(counter.local[1], counter.shared[1]);
    if (previous * (length - elapsed) / length + current < limit)
        return Milliseconds(0);
    // Too much in this window alone: it must end, and enough of it slide out of the next.
    if (current >= limit) {
        const double intoNext = length * (1.0 - limit / current);
        return Milliseconds(qint64(std::ceil(length - elapsed + intoNext)) + 1);
    }
    // Enough of the previous window must slide out.
    const double at = length - (limit - current) * length / previous;
    return Milliseconds(qint64(std::ceil(at - elapsed)) + 1);
}

QByteArray RateLimiter::redisKey(const Rule &rule, const QString &key, qint64 window)
{
    return "qx:rate:" + rule.name + ':' + key.toUtf8() + ':' + QByteArray::number(window);
}

RateLimiter::Milliseconds RateLimiter::retryAfter(const Rule &rule, const QString &key)
{
    const qint64 now = m_clock->nowMs();
    return wait(rule, counter(rule, key, now), now);
}

void RateLimiter::hit(const Rule &rule, const QString &key)
{
    if (rule.limit <= 0)
        return;
    Counter &counted = counter(rule, key, m_clock->nowMs());
    ++counted.local[0];
    if (!m_redis || !m_redis->isConnected())
        return;
    const QByteArray shared = redisKey(rule, key, counted.window);
    m_redis->command({ "INCR", shared },
                     [self = QPointer(this), id = counterId(rule, key),
                      window = counted.window](core::Result<std::optional<QByteArray>> total) {
                         if (self && total && *total)
                             self->learn(id, window, (*total)->toInt());
                     });
    m_redis->command({ "PEXPIRE", shared, QByteArray::number(2 * qint64(rule.window.count())) });
}

void RateLimiter::checkFresh(const Rule &rule, const QString &key,
                             std::function<void(Milliseconds)> done)
{
    const qint64 window = counter(rule, key, m_clock->nowMs()).window;
    if (rule.limit <= 0 || !m_redis || !m_redis->isConnected())
        return done(retryAfter(rule, key));
    // Decided once: when both counts are in, or on the timeout with what is known.
    struct Waiting
    {
        int answers = 0;
        bool decided = false;
    };
    auto waiting = std::make_shared<Waiting>();
    const auto decide = [self = QPointer(this), waiting, rule, key, done] {
        if (!self || std::exchange(waiting->decided, true))
            return;
        done(self->retryAfter(rule, key));
    };
    for (const qint64 which : { window, window - 1 }) {
        m_redis->command({ "GET", redisKey(rule, key, which) },
                         [self = QPointer(this), id = counterId(rule, key), which, waiting,
                          decide](core::Result<std::optional<QByteArray>> total) {
                             if (self && total && *total)
                                 self->learn(id, which, (*total)->toInt());
                             if (++waiting->answers == 2)
                                 decide();
                         });
    }
    QTimer::singleShot(kFreshTimeout, this, decide);
}

void RateLimiter::learn(const QByteArray &id, qint64 window, int total)
{
    const auto found = m_counters.find(id);
    if (found == m_counters.end())
        return;
    Counter &counter = *found;
    if (counter.window == window)
        counter.shared[0] = std::max(counter.shared[0], total);
    else if (counter.window == window + 1)
        counter.shared[1] = std::max(counter.shared[1], total);
}

void RateLimiter::prune()
{
    const qint64 now = m_clock->nowMs();
    // Both windows over: the counter says nothing any more.
    m_counters.removeIf(
        [now](const auto &entry) { return entry.value().window + 1 < now / entry.value().length; });
}

} // namespace qx::server
