// The one store suite, run on SQLite and on a real PostgreSQL 15 started for it: each test
// gets a new database of each kind. Behaviour a user would notice: data kept across opens,
// unique keys, atomic transactions, queue order, exact decimals and times, concurrent
// migrations, and a PostgreSQL that would not make commits durable refused.
#include "server/ops/datadirectory.h"
#include "server/storage/migrations.h"
#include "server/storage/sqlstore.h"
#include "testservices.h"

#include <QTemporaryDir>
#include <QTest>

#include <future>

using namespace qx::server;
using namespace qx::core;
using namespace Qt::StringLiterals;

class tst_SqlStore : public QObject
{
    Q_OBJECT

public:
    explicit tst_SqlStore(QString backend)
        : m_backend(std::move(backend))
    {
        setObjectName(u"tst_SqlStore("_s + m_backend + u')');
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<qx::test::PostgresServer> m_postgres;
    int m_databases = 0;

    // A new, empty database of the backend under test.
    QString m_backend; ///< sqlite or postgresql

    QString newDatabase()
    {
        const QString name = u"t%1"_s.arg(++m_databases);
        if (m_backend == u"sqlite")
            return u"sqlite:"_s + m_dir.filePath(name + u".db"_s);
        return m_postgres->createDatabase(name);
    }
    std::unique_ptr<SqlStore> openNew()
    {
        Result<std::unique_ptr<SqlStore>> store = SqlStore::open(newDatabase());
        if (!store)
            qWarning() << store.error().message;
        return store ? std::move(store).value() : nullptr;
    }

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

    /// `count` new orders of `userId` from id `firstId`, as the trading writer hands them over.
    TradingWrite newOrders(std::int64_t userId, qint64 firstId, int count)
    {
        TradingWrite write;
        for (qint64 id = firstId; id < firstId + count; ++id) {
            StoredOrder stored;
            stored.userId = userId;
            stored.requestHash = "h";
            stored.order = order(u"c%1"_s.arg(id));
            stored.order.id = QString::number(id);
            stored.remaining = stored.order.quantity;
            stored.visible = stored.remaining;
            stored.priority = quint64(id);
            write.newOrders.append(stored);
        }
        return write;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (m_backend == u"postgresql") {
            m_postgres = std::make_unique<qx::test::PostgresServer>();
            QVERIFY2(m_postgres->start(), qPrintable(m_postgres->error()));
        }
    }

    void migratesOnceAndReopens()
    {
        const QString path = newDatabase();
        auto store = SqlStore::open(path);
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().message));
        QCOMPARE(*(*store)->schemaVersion(), 22);
        QVERIFY((*store)->addUser(u"alice"_s, u"trader"_s, "$argon2id$x").ok());
        store = SqlStore::open(path); // second open: no migration re-run, data kept
        QVERIFY(store.ok());
        QCOMPARE(*(*store)->schemaVersion(), 22);
        QCOMPARE((*store)->users()->size(), 1);
    }

    void reportsMigrationsAndRefusesANewerSchema()
    {
        const QString url = newDatabase();
        // Left alone, nothing is applied: every migration is pending.
        auto untouched = SqlStore::open(url, false, SqlStore::Migration::Leave);
        QVERIFY(untouched.ok());
        const auto pending = SchemaMigrations((*untouched)->database()).list();
        QVERIFY(pending.ok());
        QCOMPARE(pending->size(), 22);
        QVERIFY(std::none_of(pending->cbegin(), pending->cend(),
                             [](const auto &state) { return state.appliedAt.isValid(); }));
        QCOMPARE(pending->last().name, u"0022_notification_health.sql"_s);
        (*untouched).reset();

        auto store = SqlStore::open(url);
        QVERIFY(store.ok());
        const auto applied = SchemaMigrations((*store)->database()).list();
        QVERIFY(applied.ok());
        QVERIFY(std::all_of(applied->cbegin(), applied->cend(), [](const auto &state) {
            return state.known && state.appliedAt.isValid();
        }));
        // The first to propose a cluster setting sets it; later ones learn it.
        QCOMPARE(*(*store)->agreeClusterSetting(u"signing_key_id"_s, u"abc"_s), u"abc"_s);
        QCOMPARE(*(*store)->agreeClusterSetting(u"signing_key_id"_s, u"xyz"_s), u"abc"_s);
        // A newer build migrated it since: this one refuses rather than misread its data.
        QVERIFY((*store)->database().run("INSERT INTO schema_migrations VALUES ($1, $2, $3)", 99,
                                         u"0099_future.sql"_s, qint64(0)));
        const auto listed = SchemaMigrations((*store)->database()).list();
        QVERIFY(listed.ok());
        QCOMPARE(listed->size(), 23);
        QVERIFY(!listed->last().known);
        (*store).reset();
        auto refused = SqlStore::open(url);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"schema_too_new"_s);
    }

    void enforcesUniqueKeys()
    {
        auto store = openNew();
        QVERIFY(store);
        QVERIFY(listDefaultCatalog(*store, QDate(2026, 11, 25)).ok());
        const UserRecord alice = *store->addUser(u"alice"_s, u"trader"_s, "h");
        QCOMPARE(store->addUser(u"alice"_s, u"admin"_s, "h").error().code, u"user_exists"_s);
        QVERIFY(!store->addUser(u"eve"_s, u"emperor"_s, "h").ok()); // role constraint

        const auto saved = store->insertOrder(alice.id, order(u"c1"_s), "hash");
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
        QCOMPARE(store->insertOrder(alice.id, order(u"c1"_s), "hash").error().code,
                 u"duplicate_client_order_id"_s);
        if (m_backend == u"sqlite") {
            // PostgreSQL's trading tables carry no foreign keys (schema 11): the trading
            // service refuses an unknown symbol before anything is stored (unknown_symbol).
            protocol::Order unlisted = order(u"c2"_s);
            unlisted.symbol = u"NOT.LISTED"_s;
            QVERIFY(!store->insertOrder(alice.id, unlisted, "hash").ok());
        }

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
        auto store = openNew();
        QVERIFY(store);
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
        auto store = openNew();
        QVERIFY(store);
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

    // A server's trading writes carry the epoch at which it took each book over. Once another
    // server has taken the book (raising the epoch), a stale write is refused whole — in one
    // statement or in a transaction — and the new owner's writes go through.
    void fencedWritesStandOnlyWhileTheBookIsHeld_data()
    {
        QTest::addColumn<int>("orders");
        QTest::newRow("small batch") << 1;
        QTest::newRow("large batch") << int(SqlStore::kOneStatementRows) + 1;
    }
    void fencedWritesStandOnlyWhileTheBookIsHeld()
    {
        QFETCH(int, orders);
        const QString url = newDatabase();
        auto first = SqlStore::open(url); // server A's writer
        auto second = SqlStore::open(url); // server B's
        QVERIFY(first && second);
        QVERIFY(listDefaultCatalog(**first, QDate(2026, 11, 25)).ok());
        const UserRecord alice = *(*first)->addUser(u"alice"_s, u"trader"_s, "h");
        const QString symbol = order(u"x"_s).symbol;
        const auto writeOf = [&](qint64 firstId, std::int64_t epoch) {
            TradingWrite write = newOrders(alice.id, firstId, orders);
            write.books.append({ symbol, quint64(firstId), std::nullopt });
            write.fences.append({ symbol, epoch });
            return write;
        };
        const std::int64_t epochA = *(*first)->saveBookOwner({ symbol, u"a"_s, u"http://a"_s });
        QVERIFY((*first)->commitTrading(writeOf(1, epochA)).ok());
        QCOMPARE((*first)->orders(alice.id)->size(), orders);

        const std::int64_t epochB = *(*second)->saveBookOwner({ symbol, u"b"_s, u"http://b"_s });
        QCOMPARE(epochB, epochA + 1);
        const Result<void> stale = (*first)->commitTrading(writeOf(1000, epochA));
        QVERIFY(!stale);
        QCOMPARE(stale.error().code, u"book_moved"_s);
        QCOMPARE((*second)->orders(alice.id)->size(), orders);
        QCOMPARE((*second)->bookStates()->constFirst().lastSequence, quint64(1));

        QVERIFY((*second)->commitTrading(writeOf(2000, epochB)).ok());
        QCOMPARE((*second)->orders(alice.id)->size(), 2 * orders);
        const QList<Store::BookOwner> owners = *(*second)->bookOwners();
        QCOMPARE(owners.size(), 1);
        QCOMPARE(owners[0].instance, u"b"_s);
        QCOMPARE(owners[0].epoch, epochB);
    }

    // The audit log is append-only, and its hash chain shows any change made around that
    // (by someone who could drop the guard): the first entry that no longer matches.
    void theAuditLogShowsTampering()
    {
        auto store = openNew();
        QVERIFY(store);
        for (const QString &action : { u"login"_s, u"user_added"_s, u"keys_rotated"_s })
            QVERIFY(store->appendAudit({ 0, {}, u"cli"_s, u"local"_s, action, u"x"_s, {}, {} }));
        const QList<AuditEntry> entries = *store->auditEntries(0, 10);
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries[2].id, 3);
        QCOMPARE(entries[1].action, u"user_added"_s);
        QCOMPARE(*store->verifyAudit(), std::optional<std::int64_t>());
        SqlDatabase &database = store->database();
        QVERIFY(!database.run("UPDATE audit_log SET detail = 'x' WHERE id = 2"));
        QVERIFY(!database.run("DELETE FROM audit_log WHERE id = 2"));
        QVERIFY(database
                    .execute(m_backend == u"sqlite"
                                 ? "DROP TRIGGER audit_log_no_update; "
                                   "DROP TRIGGER audit_log_no_delete"
                                 : "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change")
                    .ok());
        QVERIFY(database.run("UPDATE audit_log SET detail = 'x' WHERE id = 2"));
        QCOMPARE(*store->verifyAudit(), std::optional<std::int64_t>(2));
        QVERIFY(database.run("UPDATE audit_log SET detail = '' WHERE id = 2"));
        QCOMPARE(*store->verifyAudit(), std::optional<std::int64_t>());
        QVERIFY(database.run("DELETE FROM audit_log WHERE id = 2"));
        QCOMPARE(*store->verifyAudit(), std::optional<std::int64_t>(2));
    }

    // Trading commands go into the audit log with their orders, in the same transaction: a
    // chain per writer, anchored in audit_log, a sealed entry per batch. An order's commands
    // are found by its id; a changed or removed entry is found by verification; a write that
    // fails stores none of its commands and the chain goes on unbroken.
    void tradingCommandsAreChainedWithTheirOrders_data()
    {
        QTest::addColumn<int>("orders");
        QTest::newRow("one statement") << 1;
        QTest::newRow("transaction") << int(SqlStore::kOneStatementRows) + 1;
    }
    void tradingCommandsAreChainedWithTheirOrders()
    {
        QFETCH(int, orders);
        auto store = openNew();
        QVERIFY(store);
        QVERIFY(listDefaultCatalog(*store, QDate(2026, 11, 25)).ok());
        const UserRecord alice = *store->addUser(u"alice"_s, u"trader"_s, "h");
        const auto writeOf = [&](qint64 firstId) {
            TradingWrite write = newOrders(alice.id, firstId, orders);
            for (const StoredOrder &stored : std::as_const(write.newOrders)) {
                write.audit.append(orderAuditLine(QDateTime::currentMSecsSinceEpoch(),
                                                  u"order_placed", stored.order.id, u"alice",
                                                  u"10.0.0.7", u"buy 5 X limit 42 client=c 1"));
            }
            return write;
        };
        QVERIFY(store->commitTrading(writeOf(1)).ok());
        QVERIFY(store->commitTrading(writeOf(1000)).ok());
        // A write that fails (order 1 again) stores nothing of its commands.
        QVERIFY(!store->commitTrading(writeOf(1)));
        QVERIFY(store->commitTrading(writeOf(2000)).ok());

        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QList<AuditEntry> placed
            = *store->orderAudit({ now - 60'000, now, 100, u"1000"_s, {} });
        QCOMPARE(placed.size(), 1);
        QCOMPARE(placed[0].actor, u"alice"_s);
        QCOMPARE(placed[0].source, u"10.0.0.7"_s);
        QCOMPARE(placed[0].action, u"order_placed"_s);
        QCOMPARE(placed[0].detail, u"buy 5 X limit 42 client=c 1"_s);
        QCOMPARE(store->orderAudit({ now - 60'000, now, 1000, {}, u"alice"_s })->size(),
                 3 * orders);
        QCOMPARE(store->orderAudit({ now - 60'000, now, 2, {}, {} })->size(), 2);
        QVERIFY(store->orderAudit({ now - 60'000, now, 100, u"999999"_s, {} })->isEmpty());
        QVERIFY(store->orderAudit({ now - 60'000, now, 100, {}, u"bob"_s })->isEmpty());
        QCOMPARE(*store->verifyOrderAudit(), std::optional<QString>());
        const QList<AuditEntry> anchors = *store->auditEntries(0, 10);
        QCOMPARE(anchors.size(), 1);
        QCOMPARE(anchors[0].action, u"order_chain_started"_s);

        SqlDatabase &database = store->database();
        QVERIFY(!database.run("UPDATE order_audit SET detail = 'x' WHERE seq = 2"));
        QVERIFY(database
                    .execute(m_backend == u"sqlite"
                                 ? "DROP TRIGGER order_audit_no_update; "
                                   "DROP TRIGGER order_audit_no_delete"
                                 : "ALTER TABLE order_audit DISABLE TRIGGER order_audit_no_change")
                    .ok());
        QVERIFY(database.run("UPDATE order_audit SET detail = replace(detail, '10.0.0.7', "
                             "'10.0.0.8') WHERE seq = 2"));
        QCOMPARE(*store->verifyOrderAudit(),
                 std::optional(u"order chain %1, entry 2"_s.arg(anchors[0].id)));
        QVERIFY(database.run("UPDATE order_audit SET detail = replace(detail, '10.0.0.8', "
                             "'10.0.0.7') WHERE seq = 2"));
        QCOMPARE(*store->verifyOrderAudit(), std::optional<QString>());
        QVERIFY(database.run("DELETE FROM order_audit WHERE seq = 2"));
        QCOMPARE(*store->verifyOrderAudit(),
                 std::optional(u"order chain %1, entry 2"_s.arg(anchors[0].id)));
    }

    void relistingKeepsEarlierInstruments()
    {
        auto store = openNew();
        QVERIFY(store);
        QVERIFY(listDefaultCatalog(*store, QDate(2026, 11, 25)).ok());
        const qsizetype november = store->instruments()->size();
        QVERIFY(listDefaultCatalog(*store, QDate(2026, 11, 25)).ok()); // idempotent
        QCOMPARE(store->instruments()->size(), november);
        QVERIFY(listDefaultCatalog(*store, QDate(2027, 1, 2)).ok());
        QVERIFY(store->instruments()->size() > november);
    }

    // Two servers starting on one new database at once: one migrates, the other waits for it
    // and finds the schema in place.
    void concurrentOpensMigrateOnce()
    {
        const QString url = newDatabase();
        auto open = [url] {
            return SqlStore::open(url);
        };
        std::future<Result<std::unique_ptr<SqlStore>>> first = std::async(std::launch::async, open);
        std::future<Result<std::unique_ptr<SqlStore>>> second
            = std::async(std::launch::async, open);
        Result<std::unique_ptr<SqlStore>> a = first.get();
        Result<std::unique_ptr<SqlStore>> b = second.get();
        QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.error().message));
        QVERIFY2(b.ok(), qPrintable(b.ok() ? QString() : b.error().message));
        QCOMPARE(*(*a)->schemaVersion(), 22);
        QCOMPARE(*(*b)->schemaVersion(), 22);
        auto versions = (*a)->database().query("SELECT COUNT(*) FROM schema_migrations");
        QVERIFY(versions && (*versions)->next().value_or(false));
        QCOMPARE((*versions)->int64(0), 22);
    }

    void refusesAServerThatWouldNotMakeCommitsDurable()
    {
        if (m_backend == u"sqlite")
            QSKIP("SQLite durability is set by the connection itself (tested in WAL and FULL).");
        const QString url = newDatabase();
        auto admin = SqlStore::open(url);
        QVERIFY(admin);
        const QString name = url.section(u'/', -1);
        QVERIFY(
            (*admin)
                ->database()
                .execute("ALTER DATABASE \"" + name.toUtf8() + "\" SET synchronous_commit = off")
                .ok());
        const Result<std::unique_ptr<SqlStore>> refused = SqlStore::open(url);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, u"unsafe_storage"_s);
        QVERIFY(refused.error().message.contains(u"synchronous_commit"));
        QVERIFY(SqlStore::open(url, true).ok()); // --unsafe-fast accepts it
    }

    void badUrlsSayWhatIsExpected()
    {
        for (const QString &url : { u"mysql://x"_s, u"sqlite:"_s, u"/tmp/x.db"_s }) {
            const Result<std::unique_ptr<SqlStore>> store = SqlStore::open(url);
            QVERIFY(!store);
            QCOMPARE(store.error().code, u"invalid_database"_s);
        }
        const Result<std::unique_ptr<SqlStore>> nobody
            = SqlStore::open(u"postgresql://postgres@127.0.0.1:1/none"_s);
        QCOMPARE(nobody.error().code, u"storage_unavailable"_s);
    }

    void cleanupTestCase() { m_postgres.reset(); }
};

// The whole suite once per backend.
int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    int failures = 0;
    for (const QString &backend : { u"sqlite"_s, u"postgresql"_s }) {
        tst_SqlStore suite(backend);
        failures += QTest::qExec(&suite, argc, argv);
    }
    return failures;
}
#include "tst_sqlstore.moc"
