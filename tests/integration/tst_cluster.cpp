// Two quantenergx-server processes on one PostgreSQL and one Redis, both started here: each
// book is matched by one of them, orders sent to the other are forwarded to it (REST and the
// stream alike), a client on one sees the trades and depth made on the other, and when the
// owner dies the survivor takes its books over, as storage holds them, and trading goes on.
#include "testapi.h"
#include "testservices.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using qx::test::Reply;
using qx::test::TestServer;

class tst_Cluster : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    qx::test::PostgresServer m_postgres;
    qx::test::RedisServer m_redis;

    static QString positionOf(TestServer &server, const QString &symbol, const QString &token)
    {
        for (const QJsonValue &position : server.request("GET", u"/api/v1/positions"_s, {}, token)
                                              .json.value(u"positions")
                                              .toArray()) {
            if (position.toObject().value(u"symbol").toString() == symbol)
                return position.toObject().value(u"quantity").toString();
        }
        return {};
    }
    static QJsonObject lastOf(const QList<QJsonObject> &inbox, const QString &type)
    {
        for (auto it = inbox.rbegin(); it != inbox.rend(); ++it) {
            if (it->value(u"type").toString() == type)
                return *it;
        }
        return {};
    }
    /// The client order id of the last order event of `type` in `inbox`.
    static QString clientIdOfLast(const QList<QJsonObject> &inbox, const QString &type)
    {
        return lastOf(inbox, type).value(u"order").toObject().value(u"client_order_id").toString();
    }
    static void send(QWebSocket &socket, const QJsonObject &message)
    {
        socket.sendTextMessage(
            QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    }
    static QString frontMonth(TestServer &server)
    {
        for (const qx::core::Instrument &instrument : server.tradableInstruments()) {
            if (instrument.symbol.startsWith(u"DE.BASE.M."))
                return instrument.symbol;
        }
        return {};
    }
    /// Two servers in a cluster on a database of their own (called `name`) and the one Redis;
    /// the first takes every book.
    void startPair(const QString &name, std::unique_ptr<TestServer> &first,
                   std::unique_ptr<TestServer> &second)
    {
        const QString url = m_postgres.createDatabase(name);
        QVERIFY(!url.isEmpty());
        // Every server and command of this test uses the one database.
        qputenv("QX_DATABASE", url.toUtf8());
        const QStringList arguments { u"--cluster"_s, u"--redis"_s, m_redis.url() };
        first = std::make_unique<TestServer>(m_dir.filePath(name + u"-first"_s), arguments);
        QVERIFY2(first->start(), qPrintable(first->error()));
        // One signing key for both, so a token of one is good at the other.
        const QString secondDir = m_dir.filePath(name + u"-second"_s);
        QVERIFY(QDir().mkpath(secondDir));
        QVERIFY(QFile::copy(first->dataDir() + u"/signing-key-ed25519.pem"_s,
                            secondDir + u"/signing-key-ed25519.pem"_s));
        second = std::make_unique<TestServer>(secondDir, arguments);
        QVERIFY2(second->start(), qPrintable(second->error()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_postgres.start(), qPrintable(m_postgres.error()));
        QVERIFY2(m_redis.start(), qPrintable(m_redis.error()));
    }
    // A test that failed with Redis stopped leaves it to the next one running.
    void cleanup()
    {
        if (!m_redis.running())
            QVERIFY2(m_redis.start(), qPrintable(m_redis.error()));
    }

    void booksAreSharedForwardedAndTakenOver()
    {
        std::unique_ptr<TestServer> firstServer;
        std::unique_ptr<TestServer> secondServer;
        startPair(u"shared"_s, firstServer, secondServer);
        if (QTest::currentTestFailed())
            return;
        TestServer &first = *firstServer;
        TestServer &second = *secondServer;
        QString alice = second.aliceToken();
        const QString bob = second.addTrader(u"bob"_s, u"bob's long passphrase"_s);
        const QString power = frontMonth(second);
        QVERIFY(!power.isEmpty());

        // The first server took every book; the second forwards to it, saying where the order
        // came from (for the audit log there).
        const Reply resting = second.requestFrom(
            QHostAddress(u"127.0.0.2"_s), "POST", u"/api/v1/orders"_s,
            QJsonDocument(qx::test::limitOrder(u"c1"_s, power, "buy", u"10"_s, u"50.00"_s))
                .toJson(QJsonDocument::Compact),
            alice);
        QVERIFY2(resting.status == 201, resting.raw.constData());
        const QString risk = first.addUser(u"rita"_s, u"rita's long passphrase"_s, u"risk"_s);
        const QJsonArray audited = first
                                       .request("GET",
                                                u"/api/v1/admin/audit/orders?order_id="_s
                                                    + resting.json.value(u"id").toString(),
                                                {}, risk)
                                       .json.value(u"entries")
                                       .toArray();
        QCOMPARE(audited.size(), 1);
        QCOMPARE(audited[0].toObject().value(u"source").toString(), u"127.0.0.2"_s);
        const QString bookPath = u"/api/v1/markets/"_s + power + u"/book"_s;
        QCOMPARE(first.request("GET", bookPath, {}, alice).json,
                 second.request("GET", bookPath, {}, alice).json);
        QCOMPARE(second.request("GET", bookPath, {}, alice)
                     .json.value(u"bids")
                     .toArray()
                     .first()
                     .toObject()
                     .value(u"quantity"),
                 u"10"_s);

        // A server that starts later shows the book at once, as Redis keeps it.
        {
            const QString thirdDir = m_dir.filePath(u"shared-third"_s);
            QVERIFY(QDir().mkpath(thirdDir));
            QVERIFY(QFile::copy(first.dataDir() + u"/signing-key-ed25519.pem"_s,
                                thirdDir + u"/signing-key-ed25519.pem"_s));
            TestServer third(thirdDir, { u"--cluster"_s, u"--redis"_s, m_redis.url() });
            QVERIFY2(third.start(), qPrintable(third.error()));
            // Its start gave alice a new password, which signed her out everywhere.
            alice = third.aliceToken();
            QList<QJsonObject> thirdInbox;
            auto thirdStream = third.openStream(thirdInbox, alice, { u"book:"_s + power });
            QTRY_COMPARE(lastOf(thirdInbox, u"book"_s)
                             .value(u"book")
                             .toObject()
                             .value(u"bids")
                             .toArray()
                             .size(),
                         1);
        }

        // A client of the second server hears of what happens on the first.
        QList<QJsonObject> inbox;
        auto stream
            = second.openStream(inbox, alice, { u"orders"_s, u"trades"_s, u"book:"_s + power });
        QTRY_VERIFY(!lastOf(inbox, u"book"_s).isEmpty());
        const Reply crossing = first.requestJson(
            "POST", u"/api/v1/orders"_s,
            qx::test::limitOrder(u"b1"_s, power, "sell", u"4"_s, u"50.00"_s), bob);
        QCOMPARE(crossing.json.value(u"status").toString(), u"filled"_s);
        QTRY_COMPARE(clientIdOfLast(inbox, u"order.partially_filled"_s), u"c1"_s);
        QTRY_COMPARE(lastOf(inbox, u"trade"_s).value(u"trade").toObject().value(u"quantity"),
                     u"4"_s);
        QTRY_COMPARE(lastOf(inbox, u"book"_s)
                         .value(u"book")
                         .toObject()
                         .value(u"bids")
                         .toArray()
                         .first()
                         .toObject()
                         .value(u"quantity"),
                     u"6"_s);
        // Positions follow trades made elsewhere too.
        QTRY_COMPARE(second.request("GET", u"/api/v1/positions"_s, {}, alice)
                         .json.value(u"positions")
                         .toArray()
                         .size(),
                     1);

        // Order entry on the second server's stream goes to the first, and is answered.
        send(*stream,
             { { u"type"_s, u"order.new"_s },
               { u"order"_s, qx::test::limitOrder(u"c2"_s, power, "buy", u"1"_s, u"49.00"_s) } });
        QTRY_COMPARE(lastOf(inbox, u"order.ack"_s).value(u"client_order_id").toString(), u"c2"_s);
        const QString c2
            = lastOf(inbox, u"order.ack"_s).value(u"order").toObject().value(u"id").toString();
        send(*stream, { { u"type"_s, u"order.cancel"_s }, { u"order_id"_s, c2 } });
        QTRY_COMPARE(
            lastOf(inbox, u"order.ack"_s).value(u"order").toObject().value(u"status").toString(),
            u"cancelled"_s);
        const QJsonObject bookBefore = second.request("GET", bookPath, {}, alice).json;

        // The owner dies: the second server takes its books over, as storage holds them.
        first.kill();
        QJsonObject bookAfter;
        for (int waited = 0; waited < 100; ++waited) {
            const Reply answer = second.request("GET", bookPath, {}, alice);
            if (answer.status == 200 && answer.json.value(u"bids").toArray().size() == 1) {
                bookAfter = answer.json;
                break;
            }
            QTest::qWait(100);
        }
        QCOMPARE(bookAfter.value(u"bids"), bookBefore.value(u"bids"));
        QCOMPARE(bookAfter.value(u"sequence"), bookBefore.value(u"sequence"));
        Reply after;
        for (int attempt = 0; attempt < 100; ++attempt) {
            after = second.requestJson(
                "POST", u"/api/v1/orders"_s,
                qx::test::limitOrder(u"b2"_s, power, "sell", u"6"_s, u"50.00"_s), bob);
            if (after.status != 503)
                break;
            QTest::qWait(100);
        }
        QVERIFY2(after.status == 201, after.raw.constData());
        QCOMPARE(after.json.value(u"status").toString(), u"filled"_s); // against alice's rest
        QTRY_COMPARE(clientIdOfLast(inbox, u"order.filled"_s), u"c1"_s);
        // Every order once, with its own id, whichever server numbered it.
        QStringList ids;
        for (const QString &token : { alice, bob }) {
            for (const QJsonValue &order : second.request("GET", u"/api/v1/orders"_s, {}, token)
                                               .json.value(u"orders")
                                               .toArray())
                ids.append(order.toObject().value(u"id").toString());
        }
        QCOMPARE(ids.size(), 4);
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), 4);
    }

    void redisDownLosesNothing()
    {
        std::unique_ptr<TestServer> first;
        std::unique_ptr<TestServer> second;
        startPair(u"redis-down"_s, first, second);
        if (QTest::currentTestFailed())
            return;
        const QString alice = second->aliceToken();
        const QString bob = second->addTrader(u"bob"_s, u"bob's long passphrase"_s);
        const QString power = frontMonth(*second);
        QVERIFY(!power.isEmpty());
        QList<QJsonObject> secondInbox;
        auto secondStream = second->openStream(secondInbox, alice);
        QList<QJsonObject> firstInbox;
        auto firstStream = first->openStream(firstInbox, alice);
        QTRY_VERIFY(!lastOf(secondInbox, u"subscribed"_s).isEmpty());
        QTRY_VERIFY(!lastOf(firstInbox, u"subscribed"_s).isEmpty());

        // Without Redis, orders are still forwarded to the owner and matched there.
        m_redis.stop();
        const Reply resting = second->requestJson(
            "POST", u"/api/v1/orders"_s,
            qx::test::limitOrder(u"c1"_s, power, "buy", u"5"_s, u"50.00"_s), alice);
        QVERIFY2(resting.status == 201, resting.raw.constData());
        const Reply crossing = first->requestJson(
            "POST", u"/api/v1/orders"_s,
            qx::test::limitOrder(u"b1"_s, power, "sell", u"3"_s, u"50.00"_s), bob);
        QVERIFY2(crossing.status == 201, crossing.raw.constData());
        QCOMPARE(crossing.json.value(u"status").toString(), u"filled"_s);
        QCOMPARE(second->request("GET", u"/api/v1/orders"_s, {}, alice)
                     .json.value(u"orders")
                     .toArray()
                     .first()
                     .toObject()
                     .value(u"status")
                     .toString(),
                 u"partially_filled"_s);

        // Redis back: both servers send their stream clients to catch up, and the second's
        // positions hold the trade it never heard of.
        QVERIFY2(m_redis.start(), qPrintable(m_redis.error()));
        QTRY_COMPARE_WITH_TIMEOUT(secondStream->state(), QAbstractSocket::UnconnectedState, 15'000);
        QTRY_COMPARE_WITH_TIMEOUT(firstStream->state(), QAbstractSocket::UnconnectedState, 15'000);
        QCOMPARE(positionOf(*second, power, alice), u"3"_s);
        QCOMPARE(positionOf(*second, power, bob), u"-3"_s);

        // And events flow again: a fill on the first reaches a client of the second.
        secondInbox.clear();
        secondStream = second->openStream(secondInbox, alice);
        QTRY_VERIFY(!lastOf(secondInbox, u"subscribed"_s).isEmpty());
        const Reply rest = first->requestJson(
            "POST", u"/api/v1/orders"_s,
            qx::test::limitOrder(u"b2"_s, power, "sell", u"2"_s, u"50.00"_s), bob);
        QCOMPARE(rest.json.value(u"status").toString(), u"filled"_s);
        QTRY_COMPARE(clientIdOfLast(secondInbox, u"order.filled"_s), u"c1"_s);
        QTRY_COMPARE(positionOf(*second, power, alice), u"5"_s);
    }

    // Failed sign-ins count across the servers through Redis: guesses spread over both are
    // throttled as if made at one. (A success never counts, so the check may be repeated
    // until the last failure has reached Redis.)
    void failedSignInsCountAcrossServers()
    {
        std::unique_ptr<TestServer> firstServer;
        std::unique_ptr<TestServer> secondServer;
        startPair(u"throttle"_s, firstServer, secondServer);
        if (QTest::currentTestFailed())
            return;
        const QString password = u"bob's long passphrase"_s;
        (void)firstServer->addTrader(u"bob"_s, password);
        for (int i = 0; i < 10; ++i) {
            TestServer &server = i % 2 == 0 ? *firstServer : *secondServer;
            QCOMPARE(server.login(u"bob"_s, u"guess %1"_s.arg(i)).status, 401);
        }
        QTRY_COMPARE(secondServer->login(u"bob"_s, password).status, 429);
        QCOMPARE(firstServer->login(u"bob"_s, password).status, 429);
    }

    void aServerWithAnotherSigningKeyIsRefused()
    {
        const QString url = m_postgres.createDatabase(u"keys"_s);
        QVERIFY(!url.isEmpty());
        qputenv("QX_DATABASE", url.toUtf8());
        const QStringList arguments { u"--cluster"_s };
        TestServer first(m_dir.filePath(u"keys-first"_s), arguments);
        QVERIFY2(first.start(), qPrintable(first.error()));
        // Its own key: its tokens would fail at the other server, so it does not start.
        TestServer stranger(m_dir.filePath(u"keys-stranger"_s), arguments);
        QVERIFY(!stranger.start());
        QVERIFY2(stranger.error().contains(u"signing-key-ed25519.pem"),
                 qPrintable(stranger.error()));
    }
};

QTEST_GUILESS_MAIN(tst_Cluster)
#include "tst_cluster.moc"
