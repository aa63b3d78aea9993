// The group-commit writer on a real SQLite file: what it commits is there, an order touched in
// several writes is stored in its last state, a batch that fails is answered as failed and
// nothing of it is stored, and after a failure nothing more is written until the owner resets
// it.
#include "server/ops/datadirectory.h"
#include "server/storage/sqlstore.h"
#include "server/storage/storewriter.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>

using namespace qx::server;
using namespace qx::core;
using namespace Qt::StringLiterals;

// What the writer reported, received on the test's thread (the writer emits from its own, so
// a QSignalSpy, which records on the emitting thread, would race with the test reading it).
class Reports : public QObject
{
public:
    explicit Reports(StoreWriter &writer)
    {
        connect(&writer, &StoreWriter::committed, this,
                [this](quint64 ticket) { committed.append(ticket); });
        connect(&writer, &StoreWriter::failed, this,
                [this](quint64, const Error &error) { failed.append(error); });
    }
    QList<quint64> committed;
    QList<Error> failed;
};

class tst_StoreWriter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A database with the listing and a trader, and the writer's connection to it.
    struct Fixture
    {
        std::unique_ptr<SqlStore> reader;
        std::int64_t trader = 0;
        QString url;
    };
    Fixture fixture(const QString &name)
    {
        Fixture f;
        f.url = u"sqlite:"_s + m_dir.filePath(name);
        f.reader = std::move(SqlStore::open(f.url)).value();
        (void)listDefaultCatalog(*f.reader, QDate(2026, 11, 25));
        f.trader = f.reader->addUser(u"alice"_s, u"trader"_s, "$argon2id$unused")->id;
        return f;
    }
    static StoreWriter::Opener opener(const QString &url)
    {
        return [url]() -> Result<std::unique_ptr<Store>> {
            Result<std::unique_ptr<SqlStore>> store = SqlStore::open(url);
            if (!store)
                return store.error();
            return std::unique_ptr<Store>(std::move(store).value());
        };
    }

    // Order `id` of the trader, open or filled, in a power month (or `symbol`).
    static StoredOrder order(std::int64_t trader, qint64 id, protocol::OrderStatus status,
                             const QString &symbol = u"DE.BASE.M.2027-03"_s)
    {
        StoredOrder stored;
        stored.userId = trader;
        stored.requestHash = "hash";
        protocol::Order &order = stored.order;
        order.id = QString::number(id);
        order.clientOrderId = u"c%1"_s.arg(id);
        order.symbol = symbol;
        order.side = protocol::Side::Buy;
        order.quantity = *Quantity::parse(u"5");
        order.price = *Price::parse(u"42.5");
        order.status = status;
        order.createdAt = QDateTime(QDate(2026, 11, 25), QTime(9, 0), Qt::UTC);
        order.updatedAt = order.createdAt;
        const bool filled = status == protocol::OrderStatus::Filled;
        order.filledQuantity = filled ? order.quantity : Quantity();
        stored.remaining = filled ? Quantity() : order.quantity;
        stored.visible = stored.remaining;
        stored.priority = quint64(id);
        return stored;
    }
    static TradingWrite writing(QList<StoredOrder> orders)
    {
        TradingWrite write;
        write.orders = std::move(orders);
        return write;
    }

private Q_SLOTS:
    // Each write adds an order and fills the one before: batches fold them, last state wins.
    void everyWriteIsCommittedAndTheLastStateWins()
    {
        Fixture f = fixture(u"writes.db"_s);
        StoreWriter writer(opener(f.url));
        QVERIFY(writer.start().ok());
        Reports reports(writer);
        quint64 last = 0;
        for (qint64 id = 1; id <= 500; ++id) {
            QList<StoredOrder> orders { order(f.trader, id, protocol::OrderStatus::Open) };
            if (id > 1)
                orders.prepend(order(f.trader, id - 1, protocol::OrderStatus::Filled));
            last = writer.submit(writing(orders));
        }
        QCOMPARE(last, quint64(500));
        QTRY_VERIFY(!reports.committed.isEmpty() && reports.committed.last() == last);
        // Each batch announces the last ticket it holds, rising.
        QVERIFY(std::is_sorted(reports.committed.begin(), reports.committed.end()));
        QVERIFY(reports.failed.isEmpty());
        const QList<protocol::Order> stored = *f.reader->orders(f.trader);
        QCOMPARE(stored.size(), 500);
        QVERIFY(stored.first().status == protocol::OrderStatus::Open); // newest first: 500
        QCOMPARE(stored.first().id, u"500"_s);
        for (qsizetype i = 1; i < stored.size(); ++i)
            QVERIFY(stored[i].status == protocol::OrderStatus::Filled);
        QCOMPARE(f.reader->liveOrders()->size(), 1);
    }

    void aFailedBatchStoresNothingAndRefusesUntilReset()
    {
        Fixture f = fixture(u"failing.db"_s);
        StoreWriter writer(opener(f.url));
        QVERIFY(writer.start().ok());
        Reports reports(writer);

        writer.flush(); // an empty queue: returns at once
        // A write that fails halfway: a good order, then one in an unlisted instrument.
        writer.submit(writing({ order(f.trader, 1, protocol::OrderStatus::Open),
                                order(f.trader, 2, protocol::OrderStatus::Open, u"NOPE"_s) }));
        QTRY_COMPARE(reports.failed.size(), 1);
        QVERIFY(reports.failed.first().message.contains(u"FOREIGN KEY"));
        QVERIFY(f.reader->orders(f.trader)->isEmpty());

        // Until reset, what was submitted (on state that never reached storage) is dropped.
        writer.submit(writing({ order(f.trader, 3, protocol::OrderStatus::Open) }));
        writer.flush();
        QCoreApplication::processEvents(); // deliver anything the writer reported
        QVERIFY(f.reader->orders(f.trader)->isEmpty());
        QVERIFY(reports.committed.isEmpty());
        QCOMPARE(reports.failed.size(), 1); // reported once, not per dropped batch

        writer.reset();
        const quint64 ticket
            = writer.submit(writing({ order(f.trader, 4, protocol::OrderStatus::Open) }));
        QTRY_COMPARE(reports.committed.size(), 1);
        QCOMPARE(reports.committed.first(), ticket);
        QCOMPARE(f.reader->orders(f.trader)->size(), 1);
        QCOMPARE(f.reader->orders(f.trader)->first().id, u"4"_s);
    }

    void stoppingCommitsWhatIsQueued()
    {
        Fixture f = fixture(u"stopping.db"_s);
        {
            StoreWriter writer(opener(f.url));
            QVERIFY(writer.start().ok());
            for (qint64 id = 1; id <= 100; ++id)
                writer.submit(writing({ order(f.trader, id, protocol::OrderStatus::Open) }));
        } // destroyed at once, with writes still queued
        QCOMPARE(f.reader->orders(f.trader)->size(), 100);
    }

    void aWriterThatCannotOpenItsStoreDoesNotStart()
    {
        StoreWriter writer(opener(u"sqlite:"_s + m_dir.filePath(u"no/such/folder/x.db"_s)));
        const Result<void> started = writer.start();
        QVERIFY(!started);
        QCOMPARE(started.error().code, u"storage_error"_s);
    }
};

QTEST_GUILESS_MAIN(tst_StoreWriter)
#include "tst_storewriter.moc"
