// PostgreSQL goes away under a running server and comes back: meanwhile traders still read
// their books, orders, fills and positions (from memory, marked as such), new orders are
// refused with 503 storage_unavailable and change nothing, and once the database is back
// the server reconnects by itself and takes orders again. Nothing acknowledged is lost.
#include "testapi.h"
#include "testservices.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using qx::test::Reply;
using qx::test::TestServer;

class tst_Outage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsGoOnOrdersWaitForTheDatabase()
    {
        qputenv("QX_TEST_DATABASE", "postgresql");
        QTemporaryDir dir;
        TestServer server(dir.filePath(u"data"_s));
        QVERIFY2(server.start(), qPrintable(server.error()));
        QVERIFY(server.postgres());
        const QString alice = server.aliceToken();
        const QString bob = server.addTrader(u"bob"_s, u"bob's long passphrase"_s);
        QString power;
        for (const qx::core::Instrument &instrument : server.tradableInstruments()) {
            if (instrument.symbol.startsWith(u"DE.BASE.M.")) {
                power = instrument.symbol;
                break;
            }
        }
        const auto place
            = [&](const char *id, const char *side, const char *quantity, const QString &token) {
                  return server.requestJson(
                      "POST", u"/api/v1/orders"_s,
                      qx::test::limitOrder(QString::fromLatin1(id), power, side,
                                           QString::fromLatin1(quantity), u"50.00"_s),
                      token);
              };
        const Reply resting = place("o1", "buy", "10", alice);
        QCOMPARE(resting.status, 201);
        QCOMPARE(place("o2", "sell", "4", bob).status, 201); // fills 4 of alice's 10
        const QString bookPath = u"/api/v1/markets/"_s + power + u"/book"_s;
        const QJsonObject bookBefore = server.request("GET", bookPath, {}, alice).json;
        QCOMPARE(bookBefore.value(u"bids").toArray().first().toObject().value(u"quantity"), u"6"_s);
        QCOMPARE(server.request("GET", u"/api/v1/orders"_s, {}, alice).json.value(u"source"),
                 u"storage"_s);

        // The database goes down as in a crash.
        QVERIFY(server.postgres()->stop(true));

        // Reads answer from memory.
        QCOMPARE(server.request("GET", bookPath, {}, alice).json, bookBefore);
        const Reply orders = server.request("GET", u"/api/v1/orders"_s, {}, alice);
        QCOMPARE(orders.status, 200);
        QCOMPARE(orders.json.value(u"source"), u"memory"_s);
        const QJsonObject mine = orders.json.value(u"orders").toArray().first().toObject();
        QCOMPARE(mine.value(u"client_order_id").toString(), u"o1"_s);
        QCOMPARE(mine.value(u"filled_quantity").toString(), u"4"_s);
        const Reply trades = server.request("GET", u"/api/v1/trades"_s, {}, alice);
        QCOMPARE(trades.status, 200);
        QCOMPARE(trades.json.value(u"trades").toArray().size(), 1);
        QCOMPARE(server.request("GET", u"/api/v1/positions"_s, {}, alice).status, 200);
        QCOMPARE(server.request("GET", u"/healthz"_s).status, 200);

        // Orders cannot be stored: refused, clearly, and nothing moves.
        for (const char *id : { "down1", "down2" }) {
            const Reply refused = place(id, "sell", "1", bob);
            QCOMPARE(refused.status, 503);
            QCOMPARE(refused.errorCode(), u"storage_unavailable"_s);
        }

        // Back again: the server reconnects by itself (within its backoff, under 5 s) and
        // trades.
        QVERIFY2(server.postgres()->start(), qPrintable(server.postgres()->error()));
        // (A loop, not QTRY: placing has a side effect, and QTRY evaluates once more.)
        Reply after;
        for (int attempt = 0; attempt < 200; ++attempt) {
            after = place("o3", "sell", "1", bob);
            if (after.status != 503)
                break;
            QTest::qWait(100);
        }
        QVERIFY2(after.status == 201, qPrintable(QString::fromUtf8(after.raw) + server.log()));
        QCOMPARE(after.json.value(u"status").toString(), u"filled"_s); // against alice's rest
        const QJsonArray stored
            = server.request("GET", u"/api/v1/orders"_s, {}, bob).json.value(u"orders").toArray();
        QStringList ids;
        for (const QJsonValue &order : stored)
            ids.append(order.toObject().value(u"client_order_id").toString());
        QCOMPARE(ids, (QStringList { u"o3"_s, u"o2"_s })); // the refused ones never existed
        QCOMPARE(server.request("GET", bookPath, {}, alice)
                     .json.value(u"bids")
                     .toArray()
                     .first()
                     .toObject()
                     .value(u"quantity"),
                 u"5"_s);
        QCOMPARE(server.request("GET", u"/api/v1/orders"_s, {}, alice).json.value(u"source"),
                 u"storage"_s);
    }
};

QTEST_GUILESS_MAIN(tst_Outage)
#include "tst_outage.moc"
