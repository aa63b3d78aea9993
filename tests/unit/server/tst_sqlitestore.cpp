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
        QCOMPARE(*(*store)->schemaVersion(), 1);
        QVERIFY((*store)->addUser(u"alice"_s, u"trader"_s, "$argon2id$x").ok());
        store = SqliteStore::open(path); // second open: no migration re-run, data kept
        QVERIFY(store.ok());
        QCOMPARE(*(*store)->schemaVersion(), 1);
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
