// The rate limiter alone and with a real redis-server on loopback: a key is refused once it
// reaches its limit and told how long to wait, other keys are not, two servers sharing Redis
// count each other's hits, and with Redis gone each counts alone and nothing fails.
#include "server/cache/ratelimiter.h"
#include "server/cache/redisclient.h"
#include "testservices.h"

#include <QTest>

using namespace qx::server;
using namespace Qt::StringLiterals;
using Milliseconds = RateLimiter::Milliseconds;

namespace {

// Long windows: the test never crosses one's edge except where it says so.
const RateLimiter::Rule kFailures { "test-failures", 3, Milliseconds(3'600'000) };

Milliseconds fresh(RateLimiter &limiter, const RateLimiter::Rule &rule, const QString &key)
{
    std::optional<Milliseconds> answer;
    limiter.checkFresh(rule, key, [&answer](Milliseconds wait) { answer = wait; });
    (void)QTest::qWaitFor([&answer] { return answer.has_value(); }, 5000);
    return answer.value_or(Milliseconds(-1));
}

} // namespace

class tst_RateLimiter : public QObject
{
    Q_OBJECT

private:
    qx::test::RedisServer m_redis;

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_redis.start(), qPrintable(m_redis.error())); }

    void aKeyIsRefusedAtItsLimitAndToldHowLongToWait()
    {
        RateLimiter limiter;
        for (int i = 0; i < kFailures.limit; ++i) {
            QCOMPARE(limiter.retryAfter(kFailures, u"alice@10.0.0.1"_s), Milliseconds(0));
            limiter.hit(kFailures, u"alice@10.0.0.1"_s);
        }
        const Milliseconds wait = limiter.retryAfter(kFailures, u"alice@10.0.0.1"_s);
        QVERIFY(wait > Milliseconds(0));
        QVERIFY(wait <= 2 * kFailures.window);
        QCOMPARE(limiter.retryAfter(kFailures, u"alice@10.0.0.2"_s), Milliseconds(0));
        QCOMPARE(limiter.retryAfter(kFailures, u"bob@10.0.0.1"_s), Milliseconds(0));
        const RateLimiter::Rule unlimited { "test-none", 0, Milliseconds(1000) };
        for (int i = 0; i < 100; ++i)
            limiter.hit(unlimited, u"x"_s);
        QCOMPARE(limiter.retryAfter(unlimited, u"x"_s), Milliseconds(0));
    }

    // The window slides: hits of the previous window weigh less as it moves on, and a key
    // refused now may act again once the wait it was told has passed.
    void theWindowSlides()
    {
        RateLimiter limiter;
        const RateLimiter::Rule rule { "test-slide", 2, Milliseconds(400) };
        // Just after a window's edge, so both hits land in one window; time as the test says.
        const qint64 length = rule.window.count();
        qx::core::ManualClock clock(1'700'000'000'000 / length * length + 5);
        limiter.setClock(clock);
        limiter.hit(rule, u"k"_s);
        limiter.hit(rule, u"k"_s);
        const Milliseconds wait = limiter.retryAfter(rule, u"k"_s);
        QVERIFY(wait > Milliseconds(0));
        clock.advance(wait.count() / 2);
        QVERIFY(limiter.retryAfter(rule, u"k"_s) > Milliseconds(0)); // not yet
        clock.advance(wait.count() - wait.count() / 2);
        QCOMPARE(limiter.retryAfter(rule, u"k"_s), Milliseconds(0));
    }

    void serversSharingRedisCountEachOthersHits()
    {
        RedisClient first(m_redis.url());
        RedisClient second(m_redis.url());
        QVERIFY(first.start().ok() && second.start().ok());
        QTRY_VERIFY_WITH_TIMEOUT(first.isConnected() && second.isConnected(), 15000);
        RateLimiter a(&first);
        RateLimiter b(&second);
        const QString key = u"carol@10.0.0.3"_s;
        a.hit(kFailures, key);
        b.hit(kFailures, key);
        a.hit(kFailures, key);
        // Neither reached the limit alone; together they did, as b learns by asking Redis.
        QTRY_VERIFY_WITH_TIMEOUT(fresh(b, kFailures, key) > Milliseconds(0), 15000);
        QVERIFY(fresh(a, kFailures, key) > Milliseconds(0));
        QCOMPARE(fresh(a, kFailures, u"dave@10.0.0.3"_s), Milliseconds(0));
    }

    void withRedisGoneEachServerCountsAlone()
    {
        qx::test::RedisServer redis;
        QVERIFY2(redis.start(), qPrintable(redis.error()));
        RedisClient client(redis.url());
        QVERIFY(client.start().ok());
        QTRY_VERIFY_WITH_TIMEOUT(client.isConnected(), 15000);
        RateLimiter limiter(&client);
        redis.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!client.isConnected(), 15000);
        const QString key = u"erin@10.0.0.4"_s;
        for (int i = 0; i < kFailures.limit; ++i) {
            QCOMPARE(fresh(limiter, kFailures, key), Milliseconds(0));
            limiter.hit(kFailures, key);
        }
        QVERIFY(fresh(limiter, kFailures, key) > Milliseconds(0));
    }
};

QTEST_GUILESS_MAIN(tst_RateLimiter)
#include "tst_ratelimiter.moc"
