// The group-commit writer on a real SQLite file: what it commits is there in the order it was
// submitted, a batch that fails is answered as failed and nothing of it is stored, and after a
// failure nothing more is written until the owner resets it.
#include "server/storage/sqlstore.h"
#include "server/storage/storewriter.h"

#include <QCoreApplication>
#include <QSet>
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

    static StoreWriter::Opener opener(const QString &path)
    {
        return [path]() -> Result<std::unique_ptr<Store>> {
            Result<std::unique_ptr<SqlStore>> store = SqlStore::open(u"sqlite:"_s + path);
            if (!store)
                return store.error();
            return std::unique_ptr<Store>(std::move(store).value());
        };
    }

    // A write that adds a user (any small row would do).
    static StoreWriter::Write addUser(const QString &name)
    {
        return [name](Store &store) -> Result<void> {
            Result<UserRecord> added = store.addUser(name, u"trader"_s, "$argon2id$unused");
            if (!added)
                return added.error();
            return {};
        };
    }

    static QStringList userNames(Store &store)
    {
        QStringList names;
        const Result<QList<UserRecord>> users = store.users();
        for (const UserRecord &user : users.value_or(QList<UserRecord>()))
            names.append(user.username);
        return names;
    }

    static StoreWriter::Write failing()
    {
        return [](Store &) -> Result<void> {
            return makeError(u"storage_error"_s, u"disk full"_s);
        };
    }

private Q_SLOTS:
    void everyWriteIsCommittedInOrderAndAnnouncedOnce()
    {
        const QString path = m_dir.filePath(u"writes.db"_s);
        StoreWriter writer(opener(path));
        QVERIFY(writer.start().ok());
        Reports reports(writer);
        QStringList submitted;
        quint64 last = 0;
        for (int i = 0; i < 500; ++i) {
            submitted.append(u"user%1"_s.arg(i, 3, 10, QLatin1Char('0')));
            last = writer.submit(addUser(submitted.last()));
        }
        QCOMPARE(last, quint64(500));
        QTRY_VERIFY(!reports.committed.isEmpty() && reports.committed.last() == last);
        // Each batch announces the last ticket it holds, rising.
        QVERIFY(std::is_sorted(reports.committed.begin(), reports.committed.end()));
        QCOMPARE(QSet<quint64>(reports.committed.begin(), reports.committed.end()).size(),
                 reports.committed.size());
        QVERIFY(reports.failed.isEmpty());
        // All there, numbered in the order they were submitted.
        std::unique_ptr<SqlStore> reader = std::move(SqlStore::open(u"sqlite:"_s + path)).value();
        QList<UserRecord> users = *reader->users();
        std::sort(users.begin(), users.end(),
                  [](const UserRecord &a, const UserRecord &b) { return a.id < b.id; });
        QStringList stored;
        for (const UserRecord &user : std::as_const(users))
            stored.append(user.username);
        QCOMPARE(stored, submitted);
    }

    void aFailedBatchStoresNothingAndRefusesUntilReset()
    {
        const QString path = m_dir.filePath(u"failing.db"_s);
        StoreWriter writer(opener(path));
        QVERIFY(writer.start().ok());
        Reports reports(writer);
        std::unique_ptr<SqlStore> reader = std::move(SqlStore::open(u"sqlite:"_s + path)).value();

        writer.flush(); // an empty queue: returns at once
        // A write that fails halfway: its whole batch is rolled back, the good write with it.
        writer.submit([](Store &store) {
            Result<void> added = addUser(u"half_written"_s)(store);
            return added ? failing()(store) : added;
        });
        QTRY_COMPARE(reports.failed.size(), 1);
        QCOMPARE(reports.failed.first().message, u"disk full"_s);
        QVERIFY(userNames(*reader).isEmpty());

        // Until reset, what was submitted (on state that never reached storage) is dropped.
        writer.submit(addUser(u"dropped"_s));
        writer.flush();
        QCoreApplication::processEvents(); // deliver anything the writer reported
        QVERIFY(userNames(*reader).isEmpty());
        QVERIFY(reports.committed.isEmpty());
        QCOMPARE(reports.failed.size(), 1); // reported once, not per dropped batch

        writer.reset();
        const quint64 ticket = writer.submit(addUser(u"after_reset"_s));
        QTRY_COMPARE(reports.committed.size(), 1);
        QCOMPARE(reports.committed.first(), ticket);
        QCOMPARE(userNames(*reader), QStringList { u"after_reset"_s });
    }

    void stoppingCommitsWhatIsQueued()
    {
        const QString path = m_dir.filePath(u"stopping.db"_s);
        {
            StoreWriter writer(opener(path));
            QVERIFY(writer.start().ok());
            for (int i = 0; i < 100; ++i)
                writer.submit(addUser(u"user%1"_s.arg(i)));
        } // destroyed at once, with writes still queued
        std::unique_ptr<SqlStore> reader = std::move(SqlStore::open(u"sqlite:"_s + path)).value();
        QCOMPARE(userNames(*reader).size(), 100);
    }

    void aWriterThatCannotOpenItsStoreDoesNotStart()
    {
        StoreWriter writer(opener(m_dir.filePath(u"no/such/folder/x.db"_s)));
        const Result<void> started = writer.start();
        QVERIFY(!started);
        QCOMPARE(started.error().code, u"storage_error"_s);
    }
};

QTEST_GUILESS_MAIN(tst_StoreWriter)
#include "tst_storewriter.moc"
