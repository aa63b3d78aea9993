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

    static QJsonObject lastOf(const QList<QJsonObject> &inbox, const QString &type)
    {
        for (auto it = inbox.rbegin(); it != inbox.rend(); ++it) {
            if (it->value(u"type").toString() == type)
                return *it;
        }
        return {};
    }
    static void send(QWebSocket &socket, const QJsonObject &message)
    {
        socket.sendTextMessage(
            QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_postgres.start(), qPrintable(m_postgres.error()));
        QVERIFY2(m_redis.start(), qPrintable(m_redis.error()));
        const QString url = m_postgres.createDatabase(u"cluster"_s);
        QVERIFY(!url.isEmpty());
        // Every server and command this test runs uses the one database.
        qputenv("QX_DATABASE", url.toUtf8());
    }

    void booksAreSharedForwardedAndTakenOver()
    {
        const QStringList clusterArguments { u"--cluster"_s, u"--redis"_s, m_redis.url() };
        TestServer first(m_dir.filePath(u"first"_s), clusterArguments);
        QVERIFY2(first.start(), qPrintable(first.error()));
        // One signing key for both, so a token of one is good at the other.
        QVERIFY(QDir().mkpath(m_dir.filePath(u"second"_s)));
        QVERIFY(QFile::copy(first.dataDir() + u"/signing-key-ed25519.pem"_s,
                            m_dir.filePath(u"second/signing-key-ed25519.pem"_s)));
        TestServer second(m_dir.filePath(u"second"_s), clusterArguments);
        QVERIFY2(second.start(), qPrintable(second.error()));
        const QString alice = second.aliceToken();
        const QString bob = second.addTrader(u"bob"_s, u"bob's long passphrase"_s);
        QString power;
        for (const qx::core::Instrument &instrument : second.tradableInstruments()) {
            if (instrument.symbol.startsWith(u"DE.BASE.M.")) {
                power = instrument.symbol;
                break;
            }
        }
        QVERIFY(!power.isEmpty());

        // The first server took every book; the second forwards to it.
        const Reply resting = second.requestJson(
            "POST", u"/api/v1/orders"_s,
            qx::test::limitOrder(u"c1"_s, power, "buy", u"10"_s, u"50.00"_s), alice);
        QVERIFY2(resting.status == 201, resting.raw.constData());
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

        // A client of the second server hears of what happens on the first.
        QList<QJsonObject> inbox;
        auto stream
            = second.openStream(inbox, alice, { u"orders"_s, u"trades"_s, u"book:"_s + power });
        QTRY_VERIFY(!lastOf(inbox, u"book"_s).isEmpty());
        const Reply crossing = first.requestJson(
            "POST", u"/api/v1/orders"_s,
            qx::test::limitOrder(u"b1"_s, power, "sell", u"4"_s, u"50.00"_s), bob);
        QCOMPARE(crossing.json.value(u"status").toString(), u"filled"_s);
        QTRY_COMPARE(lastOf(inbox, u"order.partially_filled"_s)
                         .value(u"order")
                         .toObject()
                         .value(u"client_order_id")
                         .toString(),
                     u"c1"_s);
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
        QTRY_COMPARE(lastOf(inbox, u"order.filled"_s)
                         .value(u"order")
                         .toObject()
                         .value(u"client_order_id")
                         .toString(),
                     u"c1"_s);
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
};

QTEST_GUILESS_MAIN(tst_Cluster)
#include "tst_cluster.moc"
