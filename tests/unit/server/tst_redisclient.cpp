// The Redis client against a real redis-server on loopback: commands and their answers,
// publish and subscribe, an outage answered at once without blocking, and a reconnection
// that subscribes again by itself.
#include "server/cache/redisclient.h"
#include "testservices.h"

#include <QSignalSpy>
#include <QTest>

using namespace qx::server;
using namespace Qt::StringLiterals;

namespace {

using Answer = qx::core::Result<std::optional<QByteArray>>;

// Sends a command and waits for its answer.
std::optional<Answer> ask(RedisClient &client, const QList<QByteArray> &arguments)
{
    std::optional<Answer> answer;
    client.command(arguments, [&answer](Answer result) { answer = std::move(result); });
    (void)QTest::qWaitFor([&answer] { return answer.has_value(); }, 5000);
    return answer;
}

} // namespace

class tst_RedisClient : public QObject
{
    Q_OBJECT

private:
    qx::test::RedisServer m_redis;

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_redis.start(), qPrintable(m_redis.error())); }

    void commandsAnswer()
    {
        RedisClient client(m_redis.url());
        QSignalSpy connected(&client, &RedisClient::connectedChanged);
        QVERIFY(client.start().ok());
        QTRY_VERIFY(client.isConnected());
        QCOMPARE(ask(client, { "SET", "qx:test", QByteArray("v\\0binary", 8) })->value(),
                 std::optional<QByteArray>("OK"));
        QCOMPARE(ask(client, { "GET", "qx:test" })->value(),
                 std::optional<QByteArray>(QByteArray("v\\0binary", 8)));
        QCOMPARE(ask(client, { "GET", "qx:none" })->value(), std::optional<QByteArray>());
        QCOMPARE(ask(client, { "INCR", "qx:count" })->value(), std::optional<QByteArray>("1"));
        QCOMPARE(ask(client, { "NOSUCHCOMMAND" })->error().code, u"cache_error"_s);
    }

    void publishedMessagesArrive()
    {
        RedisClient publisher(m_redis.url());
        RedisClient subscriber(m_redis.url());
        QSignalSpy messages(&subscriber, &RedisClient::message);
        subscriber.subscribe("qx:events");
        QVERIFY(publisher.start().ok());
        QVERIFY(subscriber.start().ok());
        QTRY_VERIFY(publisher.isConnected() && subscriber.isConnected());
        subscriber.subscribe("qx:more"); // while connected
        QTest::qWait(100); // the SUBSCRIBE reaches Redis before the PUBLISH
        QCOMPARE(ask(publisher, { "PUBLISH", "qx:events", "one" })->value(),
                 std::optional<QByteArray>("1"));
        ask(publisher, { "PUBLISH", "qx:more", "two" });
        QTRY_COMPARE(messages.size(), 2);
        QCOMPARE(messages[0][0].toByteArray(), "qx:events");
        QCOMPARE(messages[0][1].toByteArray(), "one");
        QCOMPARE(messages[1][1].toByteArray(), "two");
    }

    // Redis dies: commands are answered at once, nothing waits on it; it comes back on the
    // same port: the client reconnects and is subscribed again.
    void anOutageIsAnsweredAtOnceAndOutlived()
    {
        RedisClient client(m_redis.url());
        QSignalSpy messages(&client, &RedisClient::message);
        client.subscribe("qx:events");
        QVERIFY(client.start().ok());
        QTRY_VERIFY(client.isConnected());
        m_redis.stop();
        QTRY_VERIFY(!client.isConnected());
        // Answered on the next turn of the event loop, with nothing sent or waited for.
        std::optional<Answer> answer;
        client.command({ "GET", "qx:test" },
                       [&answer](Answer result) { answer = std::move(result); });
        QCoreApplication::sendPostedEvents(&client, QEvent::MetaCall);
        QVERIFY(answer.has_value());
        QCOMPARE(answer->error().code, u"cache_unavailable"_s);

        QVERIFY2(m_redis.start(), qPrintable(m_redis.error()));
        QTRY_VERIFY_WITH_TIMEOUT(client.isConnected(), 10000);
        RedisClient publisher(m_redis.url());
        QVERIFY(publisher.start().ok());
        QTRY_VERIFY(publisher.isConnected());
        QTest::qWait(100);
        ask(publisher, { "PUBLISH", "qx:events", "after" });
        QTRY_COMPARE(messages.size(), 1);
        QCOMPARE(messages[0][1].toByteArray(), "after");
    }

    void badUrlsAreRefused()
    {
        for (const QString &url : { u"http://x:1"_s, u"redis://:6379"_s, u"redis://h:1/x"_s })
            QCOMPARE(RedisClient(url).start().error().code, u"invalid_redis"_s);
    }
};

QTEST_GUILESS_MAIN(tst_RedisClient)
#include "tst_redisclient.moc"
