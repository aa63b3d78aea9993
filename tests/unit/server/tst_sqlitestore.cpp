#include "server/ops/datadirectory.h"
#include "server/storage/sqlitestore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace qx::server;
using namespace qx::core;
using namespace Qt::StringLiterals;

class tst_SqliteStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    protocol::Order order(const QString &clientOrderId)
    {
        protocol::Order order;
        order.clientOrderId = clientOrderId;
        order.symbol = u"DE.BASE.M.2027-03"_s;
        order.side = protocol::Side::Sell;
        order.quantity = *Quantity::parse(u"10");
        order.price = *Price::parse(u"-12.34");
        order.createdAt = QDateTime(QDate(2026, 11, 25), QTime(9, 0, 0, 7), Qt::UTC);
        order.updatedAt = order.createdAt;
        return order;
    }

private Q_SLOTS:
    void migratesOnceAndReopens()
    {
        const QString path = m_dir.filePath(u"a.db"_s);
        auto store = SqliteStore::open(path);
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().message));
        QCOMPARE(*(*store)->schemaVersion(), 7);
        QVERIFY((*store)->addUser(u"alice"_s, u"trader"_s, "$argon2id$x").ok());
        store = SqliteStore::open(path); // second open: no migration re-run, data kept
        QVERIFY(store.ok());
        QCOMPARE(*(*store)->schemaVersion(), 7);
        QCOMPARE((*store)->users()->size(), 1);
    }

    void enforcesUniqueKeys()
    {
        auto store = std::move(SqliteStore::open(m_dir.filePath(u"b.db"_s))).value();
        QVERIFY(listDefaultCatalog(*store, QDate(2026, 11, 25)).ok());
        const UserRecord alice = *store->addUser(u"alice"_s, u"trader"_s, "h");
        QCOMPARE(store->addUser(u"alice"_s, u"admin"_s, "h").error().code, u"user_exists"_s);
        QVERIFY(!store->addUser(u"eve"_s, u"emperor"_s, "h").ok()); // role constraint

        const auto saved = store->insertOrder(alice.id, order(u"c1"_s), "hash");
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
        QCOMPARE(store->insertOrder(alice.id, order(u"c1"_s), "hash").error().code,
                 u"duplicate_client_order_id"_s);
        protocol::Order unlisted = order(u"c2"_s);
        unlisted.symbol = u"NOT.LISTED"_s;
        QVERIFY(!store->insertOrder(alice.id, unlisted, "hash").ok()); // foreign key

        // Read back exactly, negative price and milliseconds included.
        const auto found = store->findOrderByClientId(alice.id, u"c1"_s);
        QVERIFY(found.ok() && found->has_value());
        protocol::Order expected = *saved;
        expected.username = u"alice"_s;
        QVERIFY((*found)->order == expected);
        QCOMPARE((*found)->requestHash, QByteArray("hash"));
        QCOMPARE(store->orders(alice.id)->size(), 1);
    }

    void rollbackLeavesNothing()
    {
        auto store = std::move(SqliteStore::open(m_dir.filePath(u"d.db"_s))).value();
        QVERIFY(listDefaultCatalog(*store, QDate(2026, 11, 25)).ok());
        const UserRecord alice = *store->addUser(u"alice"_s, u"trader"_s, "h");
        QVERIFY(store->begin().ok());
        QVERIFY(store->insertOrder(alice.id, order(u"gone"_s), "hash").ok());
        store->rollback();
        QVERIFY(store->orders(alice.id)->isEmpty());
        QVERIFY(store->begin().ok());
        QVERIFY(store->insertOrder(alice.id, order(u"kept"_s), "hash").ok());
        QVERIFY(store->commit().ok());
        QCOMPARE(store->orders(alice.id)->size(), 1);
    }

    void liveOrdersComeBackInQueueOrderWithTheirTrades()
    {
        auto store = std::move(SqliteStore::open(m_dir.filePath(u"e.db"_s))).value();
        QVERIFY(listDefaultCatalog(*store, QDate(2026, 11, 25)).ok());
        const UserRecord alice = *store->addUser(u"alice"_s, u"trader"_s, "h");
        const UserRecord bob = *store->addUser(u"bob"_s, u"trader"_s, "h");
        protocol::Order first = *store->insertOrder(alice.id, order(u"a"_s), "h");
        protocol::Order bobsBuy = order(u"b"_s);
        bobsBuy.side = protocol::Side::Buy;
        protocol::Order second = *store->insertOrder(bob.id, bobsBuy, "h");
        // The second joined the queue first.
        for (const auto &[placed, priority] : { std::pair { second, 1 }, std::pair { first, 2 } }) {
            StoredOrder stored = **store->findOrder(placed.id.toLongLong());
            stored.priority = quint64(priority);
            stored.visible = *Quantity::parse(u"4");
            QVERIFY(store->updateOrder(stored).ok());
        }
        const QList<StoredOrder> live = *store->liveOrders();
        QCOMPARE(live.size(), 2);
        QCOMPARE(live[0].order.clientOrderId, u"b"_s);
        QCOMPARE(live[1].visible.toString(), u"4"_s);

        TradeRecord trade;
        trade.symbol = first.symbol;
        trade.price = *Price::parse(u"-12.34");
        trade.quantity = *Quantity::parse(u"3");
        trade.buyOrderId = second.id.toLongLong();
        trade.sellOrderId = first.id.toLongLong();
        trade.aggressor = protocol::Side::Sell;
        trade.sequence = 9;
        trade.time = QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
        QVERIFY(store->insertTrade(trade).ok());
        const QList<TradeRecord> all = *store->allTrades();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all[0].buyUserId, bob.id);
        QCOMPARE(all[0].sellUserId, alice.id);
        const QList<protocol::Trade> alices = *store->trades(alice.id);
        QCOMPARE(alices.size(), 1);
        QVERIFY(alices[0].side == protocol::Side::Sell && alices[0].aggressor);
        QVERIFY(store->trades(bob.id)->constFirst().side == protocol::Side::Buy);

        QVERIFY(store->saveBookState({ first.symbol, 42, *Price::parse(u"-12.34") }).ok());
        QVERIFY(store->saveBookState({ first.symbol, 43, *Price::parse(u"-12.35") }).ok());
        const QList<BookState> states = *store->bookStates();
        QCOMPARE(states.size(), 1);
        QCOMPARE(states[0].lastSequence, quint64(43));
        QCOMPARE(states[0].lastTrade->toString(), u"-12.35"_s);
    }

    void relistingKeepsEarlierInstruments()
    {
        auto store = std::move(SqliteStore::open(m_dir.filePath(u"c.db"_s))).value();
        QVERIFY(listDefaultCatalog(*store, QDate(2026, 11, 25)).ok());
        const qsizetype november = store->instruments()->size();
        QVERIFY(listDefaultCatalog(*store, QDate(2026, 11, 25)).ok()); // idempotent
        QCOMPARE(store->instruments()->size(), november);
        QVERIFY(listDefaultCatalog(*store, QDate(2027, 1, 2)).ok());
        QVERIFY(store->instruments()->size() > november);
    }
};

QTEST_GUILESS_MAIN(tst_SqliteStore)
#include "tst_sqlitestore.moc"
