// The notifications' storage, run on SQLite and on a real PostgreSQL started for it: an event
// notifies only if its trading write stands, each user's inbox is their own, and every message
// of the outbox is claimed by one dispatcher at a time and recorded only while it holds it.
#include "server/ops/datadirectory.h"
#include "server/storage/sqlstore.h"
#include "testservices.h"

#include <QTemporaryDir>
#include <QTest>

#include <future>

using namespace qx::server;
using namespace qx::core;
using namespace qx::core::notifications;
using namespace Qt::StringLiterals;

class tst_NotificationStore : public QObject
{
    Q_OBJECT

public:
    explicit tst_NotificationStore(QString backend)
        : m_backend(std::move(backend))
    {
        setObjectName(u"tst_NotificationStore("_s + m_backend + u')');
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<qx::test::PostgresServer> m_postgres;
    int m_databases = 0;
    QString m_backend; ///< sqlite or postgresql
    const QDateTime m_now { QDate(2026, 12, 7), QTime(9, 0), QTimeZone::utc() };

    QString newDatabase()
    {
        const QString name = u"n%1"_s.arg(++m_databases);
        if (m_backend == u"sqlite")
            return u"sqlite:"_s + m_dir.filePath(name + u".db"_s);
        return m_postgres->createDatabase(name);
    }
    static std::unique_ptr<SqlStore> open(const QString &url)
    {
        Result<std::unique_ptr<SqlStore>> store = SqlStore::open(url);
        if (!store)
            qWarning() << store.error().message;
        return store ? std::move(store).value() : nullptr;
    }

    NotificationRecord filled(std::int64_t userId, const QString &orderId)
    {
        NotificationRecord record;
        record.eventKey = u"order.filled:"_s + orderId;
        record.userId = userId;
        record.type = EventType::OrderFilled;
        record.facts = { { u"order_id"_s, orderId }, { u"symbol"_s, u"DE.BASE.M.2027-03"_s } };
        record.createdAt = m_now;
        return record;
    }

    /// A trading write of `orders` new orders (from `firstId`) of `userId`, each notifying.
    TradingWrite ordersThatNotify(std::int64_t userId, qint64 firstId, int orders)
    {
        TradingWrite write;
        for (qint64 id = firstId; id < firstId + orders; ++id) {
            StoredOrder stored;
            stored.userId = userId;
            stored.requestHash = "h";
            stored.order.id = QString::number(id);
            stored.order.clientOrderId = u"c%1"_s.arg(id);
            stored.order.symbol = u"DE.BASE.M.2027-03"_s;
            stored.order.quantity = *Quantity::parse(u"5");
            stored.order.price = *Price::parse(u"80");
            stored.order.createdAt = m_now;
            stored.order.updatedAt = m_now;
            stored.remaining = stored.order.quantity;
            stored.visible = stored.remaining;
            stored.priority = quint64(id);
            write.newOrders.append(stored);
            write.notifications.append(filled(userId, QString::number(id)));
        }
        return write;
    }

    DeliveryRecord delivery(const NotificationRecord &notification, Channel channel,
                            const QDateTime &due, bool digest = false)
    {
        DeliveryRecord record;
        record.userId = notification.userId;
        record.channel = channel;
        record.idempotencyKey = notification.eventKey + u':' + toString(channel);
        record.dueAt = due;
        record.digest = digest;
        return record;
    }

    DeliveryOutcome finished(std::int64_t id, const QString &claimer, OutboxState state,
                             DeliveryStatus status)
    {
        DeliveryOutcome outcome;
        outcome.id = id;
        outcome.claimer = claimer;
        outcome.state = state;
        outcome.status = status;
        outcome.at = m_now;
        return outcome;
    }

    /// Stores `count` notifications of `userId` and plans each on `channels`, due now.
    QList<NotificationRecord> planned(SqlStore &store, std::int64_t userId, int count,
                                      const QList<Channel> &channels, const QString &prefix)
    {
        QList<NotificationRecord> records;
        for (int i = 0; i < count; ++i)
            records.append(filled(userId, prefix + QString::number(i)));
        if (!store.addNotifications(records).ok())
            return {};
        const QList<NotificationRecord> stored = *store.unplannedNotifications(1000);
        for (const NotificationRecord &notification : stored) {
            QList<DeliveryRecord> deliveries;
            for (Channel channel : channels)
                deliveries.append(delivery(notification, channel, m_now));
            if (!store.planNotification(notification.id, deliveries).ok())
                return {};
        }
        return stored;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (m_backend == u"postgresql") {
            m_postgres = std::make_unique<qx::test::PostgresServer>();
            QVERIFY2(m_postgres->start(), qPrintable(m_postgres->error()));
        }
    }

    // A fill's notification is stored with the fill, in both of PostgreSQL's write paths (one
    // statement, or a transaction with COPY); a write the fence refuses stores neither; the
    // same event written again does not fail the write and notifies no one twice.
    void notificationsStandOrFallWithTheirTradingWrite_data()
    {
        QTest::addColumn<int>("orders");
        QTest::newRow("small batch") << 1;
        QTest::newRow("large batch") << int(SqlStore::kOneStatementRows) + 1;
    }
    void notificationsStandOrFallWithTheirTradingWrite()
    {
        QFETCH(int, orders);
        const QString url = newDatabase();
        auto a = open(url);
        auto b = open(url);
        QVERIFY(a && b);
        QVERIFY(listDefaultCatalog(*a, QDate(2026, 11, 25)).ok());
        const UserRecord alice = *a->addUser(u"alice"_s, u"trader"_s, "h");
        const QString symbol = u"DE.BASE.M.2027-03"_s;
        const auto fenced = [&](qint64 firstId, std::int64_t epoch) {
            TradingWrite write = ordersThatNotify(alice.id, firstId, orders);
            write.books.append({ symbol, quint64(firstId), std::nullopt });
            write.fences.append({ symbol, epoch });
            return write;
        };
        const std::int64_t epochA = *a->saveBookOwner({ symbol, u"a"_s, u"http://a"_s });
        QVERIFY(a->commitTrading(fenced(1, epochA)).ok());
        QCOMPARE(*a->unreadNotifications(alice.id), std::int64_t(orders));

        // Server B takes the book: A's next write is refused whole, its notifications too.
        const std::int64_t epochB = *b->saveBookOwner({ symbol, u"b"_s, u"http://b"_s });
        const Result<void> stale = a->commitTrading(fenced(1000, epochA));
        QVERIFY(!stale);
        QCOMPARE(stale.error().code, u"book_moved"_s);
        QCOMPARE(*b->unreadNotifications(alice.id), std::int64_t(orders));

        // The same events again, with new orders: the orders are stored, and the repeated
        // notifications go when planned, since their messages are held already.
        TradingWrite again = fenced(2000, epochB);
        again.notifications = ordersThatNotify(alice.id, 1, orders).notifications;
        QVERIFY(b->commitTrading(again).ok());
        QCOMPARE(b->orders(alice.id)->size(), 2 * orders);
        QCOMPARE(*b->unreadNotifications(alice.id), std::int64_t(2 * orders));
        const QList<NotificationRecord> unplanned = *b->unplannedNotifications(1000);
        for (const NotificationRecord &notification : unplanned) {
            QVERIFY(b->planNotification(notification.id,
                                        { delivery(notification, Channel::InApp, m_now) })
                        .ok());
        }
        QCOMPARE(*b->unreadNotifications(alice.id), std::int64_t(orders));
        QCOMPARE(b->deliveries({ std::nullopt, std::nullopt, 0, 0, 1000 })->size(), orders);
        const NotificationRecord first = b->inbox({ alice.id, 0, 1000, false })->constLast();
        QCOMPARE(first.eventKey, u"order.filled:1"_s);
        QCOMPARE(first.facts.value(u"symbol"_s).toString(), symbol);
        QCOMPARE(first.createdAt, m_now);
        QVERIFY(!first.readAt.isValid());
    }

    // Each user sees and marks only their own; the inbox pages newest first.
    void inboxesAreTheirOwnersAndPageNewestFirst()
    {
        auto store = open(newDatabase());
        QVERIFY(store);
        QList<NotificationRecord> records;
        for (int i = 1; i <= 5; ++i)
            records.append(filled(7, u"a%1"_s.arg(i)));
        records.append(filled(8, u"b1"_s));
        QVERIFY(store->addNotifications(records).ok());

        const QList<NotificationRecord> page = *store->inbox({ 7, 0, 2, false });
        QCOMPARE(page.size(), 2);
        QCOMPARE(page[0].eventKey, u"order.filled:a5"_s);
        const QList<NotificationRecord> next = *store->inbox({ 7, page.last().id, 10, false });
        QCOMPARE(next.size(), 3);
        QCOMPARE(next.last().eventKey, u"order.filled:a1"_s);

        const std::int64_t bobs = store->inbox({ 8, 0, 10, false })->constFirst().id;
        QCOMPARE(*store->markNotificationsRead(7, bobs, m_now), std::int64_t(0));
        QCOMPARE(*store->unreadNotifications(8), std::int64_t(1));
        QCOMPARE(*store->markNotificationsRead(7, page[0].id, m_now), std::int64_t(1));
        QCOMPARE(*store->markNotificationsRead(7, page[0].id, m_now), std::int64_t(0));
        QCOMPARE(*store->unreadNotifications(7), std::int64_t(4));
        QCOMPARE(store->inbox({ 7, 0, 10, true })->size(), 4);
        QCOMPARE(store->inbox({ 7, 0, 10, false })->constFirst().readAt, m_now);
        QCOMPARE(*store->markNotificationsRead(7, 0, m_now), std::int64_t(4));
        QCOMPARE(*store->unreadNotifications(7), std::int64_t(0));
        QCOMPARE(*store->unreadNotifications(8), std::int64_t(1));
    }

    void preferencesContactsAndCriticalTypesRoundTrip()
    {
        auto store = open(newDatabase());
        QVERIFY(store);
        NotificationPreferenceRecord fills;
        fills.type = EventType::OrderFilled;
        fills.channels = { Channel::InApp, Channel::Telegram };
        fills.minimum = Severity::Warning;
        fills.quietStart = QTime(22, 0);
        fills.quietEnd = QTime(7, 30);
        fills.digest = std::chrono::minutes(60);
        NotificationPreferenceRecord breaches;
        breaches.type = EventType::LimitBreach;
        breaches.channels = { Channel::Sms };
        QVERIFY(store->saveNotificationPreferences(7, { fills, breaches }).ok());
        breaches.channels = { Channel::Sms, Channel::Email };
        QVERIFY(store->saveNotificationPreferences(7, { breaches }).ok());
        QVERIFY(store->notificationPreferences(0)->isEmpty());

        const QList<NotificationPreferenceRecord> stored = *store->notificationPreferences(7);
        QCOMPARE(stored.size(), 2);
        const auto of = [&](EventType type) {
            return *std::find_if(stored.cbegin(), stored.cend(),
                                 [type](const auto &p) { return p.type == type; });
        };
        QVERIFY(of(EventType::OrderFilled).channels == fills.channels);
        QVERIFY(of(EventType::OrderFilled).minimum == Severity::Warning);
        QCOMPARE(of(EventType::OrderFilled).quietStart, QTime(22, 0));
        QCOMPARE(of(EventType::OrderFilled).quietEnd, QTime(7, 30));
        QCOMPARE(of(EventType::OrderFilled).digest.count(), 60);
        QVERIFY(of(EventType::LimitBreach).channels
                == QList<Channel>({ Channel::Sms, Channel::Email }));
        QVERIFY(!of(EventType::LimitBreach).quietStart.isValid());

        QVERIFY(store->saveCriticalEventTypes({ EventType::LimitUtilisation }).ok());
        QVERIFY(
            store->saveCriticalEventTypes({ EventType::ConfirmationBreak, EventType::FeedStale })
                .ok());
        const QList<EventType> critical = *store->criticalEventTypes();
        QCOMPARE(critical.size(), 2);
        QVERIFY(!critical.contains(EventType::LimitUtilisation));

        const NotificationContact none = *store->notificationContact(7);
        QCOMPARE(none.language, u"en"_s);
        QCOMPARE(none.timeZone, u"UTC"_s);
        NotificationContact contact = none;
        contact.language = u"de"_s;
        contact.timeZone = u"Europe/Berlin"_s;
        contact.phone = u"+4915112345678"_s;
        contact.whatsappInbound = m_now;
        QVERIFY(store->saveNotificationContact(contact).ok());
        const NotificationContact back = *store->notificationContact(7);
        QCOMPARE(back.language, u"de"_s);
        QCOMPARE(back.timeZone, u"Europe/Berlin"_s);
        QCOMPARE(back.phone, contact.phone);
        QCOMPARE(back.whatsappInbound, m_now);
    }

    // A channel's configuration round-trips whole; its secrets are bytes as sealed.
    void channelConfigurationRoundTrips()
    {
        auto store = open(newDatabase());
        QVERIFY(store);
        QVERIFY(store->notificationChannels()->isEmpty());
        NotificationChannelRecord telegram;
        telegram.channel = Channel::Telegram;
        telegram.enabled = true;
        telegram.settings = { { u"base_url"_s, u"http://127.0.0.1:1"_s }, { u"per_second"_s, 30 } };
        telegram.sealedSecrets = QByteArray("qxs1\x00\xff sealed", 13);
        QVERIFY(store->saveNotificationChannel(telegram).ok());
        telegram.enabled = false;
        QVERIFY(store->saveNotificationChannel(telegram).ok());
        NotificationChannelRecord email;
        email.channel = Channel::Email;
        QVERIFY(store->saveNotificationChannel(email).ok());
        const QList<NotificationChannelRecord> channels = *store->notificationChannels();
        QCOMPARE(channels.size(), 2);
        const NotificationChannelRecord back
            = channels[0].channel == Channel::Telegram ? channels[0] : channels[1];
        QVERIFY(!back.enabled);
        QCOMPARE(back.settings, telegram.settings);
        QCOMPARE(back.sealedSecrets, telegram.sealedSecrets);
        QVERIFY(back.updatedAt.isValid());
        const NotificationChannelRecord none
            = channels[0].channel == Channel::Email ? channels[0] : channels[1];
        QVERIFY(none.sealedSecrets.isEmpty());
    }

    // A Telegram link binds the chat that uses it, once, before it expires; a new link
    // replaces the user's last.
    void aTelegramLinkBindsOnceBeforeItExpires()
    {
        auto store = open(newDatabase());
        QVERIFY(store);
        const QDateTime expires = m_now.addSecs(900);
        QVERIFY(store->addTelegramLink(u"hash-old"_s, 7, expires, m_now).ok());
        QVERIFY(store->addTelegramLink(u"hash-new"_s, 7, expires, m_now).ok()); // replaces
        QVERIFY(store->addTelegramLink(u"hash-late"_s, 8, m_now.addSecs(60), m_now).ok());
        QVERIFY(!store->useTelegramLink(u"hash-old"_s, u"111"_s, m_now)->has_value());
        QCOMPARE(store->useTelegramLink(u"hash-new"_s, u"4242"_s, m_now)->value_or(0), 7);
        QCOMPARE(store->notificationContact(7)->telegramChat, u"4242"_s);
        QCOMPARE(store->notificationContact(7)->language, u"en"_s); // a new contact's defaults
        QVERIFY(!store->useTelegramLink(u"hash-new"_s, u"999"_s, m_now)->has_value()); // used
        QCOMPARE(store->notificationContact(7)->telegramChat, u"4242"_s);
        QVERIFY(!store->useTelegramLink(u"hash-late"_s, u"555"_s, m_now.addSecs(61))->has_value());
        QVERIFY(store->notificationContact(8)->telegramChat.isEmpty());
    }

    // Two dispatchers claiming at once never get the same message; a message is planned once
    // per channel however often planning runs; an outcome needs the claim.
    void everyMessageIsClaimedByOneDispatcher()
    {
        const QString url = newDatabase();
        auto a = open(url);
        auto b = open(url);
        QVERIFY(a && b);
        const QList<NotificationRecord> notifications
            = planned(*a, 7, 200, { Channel::InApp, Channel::Email }, u"x"_s);
        QCOMPARE(notifications.size(), 200);
        QVERIFY(a->unplannedNotifications(10)->isEmpty());
        // Planned again (a second server that read it before the first marked it): no more.
        QVERIFY(b->planNotification(notifications[0].id,
                                    { delivery(notifications[0], Channel::Email, m_now) })
                    .ok());
        QCOMPARE(a->deliveries({ std::nullopt, std::nullopt, 0, 0, 1000 })->size(), 400);

        const QDateTime until = m_now.addSecs(30);
        const auto claimAll = [&](SqlStore *store, const QString &name) {
            QSet<std::int64_t> ids;
            for (;;) {
                const Result<QList<DeliveryRecord>> claimed
                    = store->claimDeliveries(name, m_now, until, 7);
                if (!claimed || claimed->isEmpty())
                    return ids;
                for (const DeliveryRecord &record : *claimed) {
                    if (record.claimedBy != name || record.attempts != 1)
                        return QSet<std::int64_t> { -1 };
                    ids.insert(record.id);
                }
            }
        };
        auto other = std::async(std::launch::async, [&] { return claimAll(b.get(), u"b"_s); });
        const QSet<std::int64_t> mine = claimAll(a.get(), u"a"_s);
        const QSet<std::int64_t> theirs = other.get();
        QVERIFY(!mine.contains(-1) && !theirs.contains(-1));
        QVERIFY(!mine.intersects(theirs));
        QCOMPARE(mine.size() + theirs.size(), 400);

        // One of them took a message (perhaps all): only its claimer may say how it went.
        const bool aHolds = !mine.isEmpty();
        const std::int64_t id = aHolds ? *mine.cbegin() : *theirs.cbegin();
        const QString holder = aHolds ? u"a"_s : u"b"_s;
        DeliveryOutcome outcome
            = finished(id, aHolds ? u"b"_s : u"a"_s, OutboxState::Sent, DeliveryStatus::Sent);
        outcome.providerId = u"p1"_s;
        QVERIFY(!*a->finishDelivery(outcome)); // not the holder
        outcome.claimer = holder;
        QVERIFY(*a->finishDelivery(outcome));
        QVERIFY(!*a->finishDelivery(outcome)); // once
        const DeliveryRecord sent = **a->findDelivery(id);
        QVERIFY(sent.state == OutboxState::Sent);
        QCOMPARE(sent.providerId, u"p1"_s);
        QVERIFY(a->claimDeliveries(u"a"_s, m_now.addSecs(3600), until, 10)->isEmpty());

        const auto depths = *a->outboxDepths();
        QCOMPARE(depths.value(Channel::Email).sending + depths.value(Channel::InApp).sending,
                 std::int64_t(399));
    }

    // A dispatcher that died mid-send: where the channel deduplicates, the message is sent
    // again under the same key; where it cannot, it is in doubt and waits for an admin, who
    // may retry or discard it (as a dead letter).
    void aClaimThatRunsOutIsRetriedOnlyWhereTheChannelDeduplicates()
    {
        auto store = open(newDatabase());
        QVERIFY(store);
        planned(*store, 7, 1, { Channel::InApp, Channel::Sms }, u"k"_s);
        const QList<DeliveryRecord> claimed
            = *store->claimDeliveries(u"dead"_s, m_now, m_now.addSecs(30), 10);
        QCOMPARE(claimed.size(), 2);
        QCOMPARE(*store->recoverExpiredClaims(m_now.addSecs(29), { Channel::InApp }),
                 std::int64_t(0));
        QCOMPARE(*store->recoverExpiredClaims(m_now.addSecs(30), { Channel::InApp }),
                 std::int64_t(2));
        const QList<DeliveryRecord> again
            = *store->claimDeliveries(u"next"_s, m_now.addSecs(31), m_now.addSecs(60), 10);
        QCOMPARE(again.size(), 1);
        QVERIFY(again[0].channel == Channel::InApp);
        QCOMPARE(again[0].idempotencyKey,
                 claimed[0].channel == Channel::InApp ? claimed[0].idempotencyKey
                                                      : claimed[1].idempotencyKey);
        QCOMPARE(again[0].attempts, 2);

        const QList<DeliveryRecord> doubtful
            = *store->deliveries({ OutboxState::InDoubt, std::nullopt, 0, 0, 10 });
        QCOMPARE(doubtful.size(), 1);
        QVERIFY(doubtful[0].channel == Channel::Sms);
        QVERIFY(doubtful[0].lastError.contains(u"unknown"));
        QCOMPARE(store->outboxDepths()->value(Channel::Sms).inDoubt, std::int64_t(1));
        QVERIFY(!*store->discardDelivery(again[0].id, m_now)); // being sent: not a dead letter
        QVERIFY(*store->retryDelivery(doubtful[0].id, m_now.addSecs(40)));
        QVERIFY(!*store->retryDelivery(doubtful[0].id, m_now.addSecs(40)));
        const QList<DeliveryRecord> retried
            = *store->claimDeliveries(u"admin"_s, m_now.addSecs(41), m_now.addSecs(70), 10);
        QCOMPARE(retried.size(), 1);
        QCOMPARE(retried[0].attempts, 1);

        DeliveryOutcome dead
            = finished(retried[0].id, u"admin"_s, OutboxState::Dead, DeliveryStatus::Failed);
        dead.error = u"21610: unsubscribed"_s;
        QVERIFY(*store->finishDelivery(dead));
        QCOMPARE(store->outboxDepths()->value(Channel::Sms).dead, std::int64_t(1));
        QVERIFY(*store->discardDelivery(retried[0].id, m_now.addSecs(43)));
        QVERIFY((*store->findDelivery(retried[0].id))->state == OutboxState::Discarded);
        QCOMPARE(store->outboxDepths()->value(Channel::Sms).dead, std::int64_t(0));
    }

    // A digest goes out whole: its messages of one user and channel are claimed together,
    // however small the batch asked for, and only when due.
    void aDigestIsClaimedWhole()
    {
        auto store = open(newDatabase());
        QVERIFY(store);
        QList<NotificationRecord> records;
        for (int i = 0; i < 4; ++i)
            records.append(filled(7, u"d%1"_s.arg(i)));
        QVERIFY(store->addNotifications(records).ok());
        const QDateTime digestAt = m_now.addSecs(3600);
        const QList<NotificationRecord> unplanned = *store->unplannedNotifications(10);
        for (const NotificationRecord &notification : unplanned) {
            QVERIFY(store
                        ->planNotification(notification.id,
                                           { delivery(notification, Channel::Email, digestAt, true),
                                             delivery(notification, Channel::InApp, m_now) })
                        .ok());
        }
        QCOMPARE(store->claimDeliveries(u"a"_s, m_now, m_now.addSecs(30), 100)->size(), 4);
        QVERIFY(store->claimDeliveries(u"a"_s, digestAt.addSecs(-1), digestAt, 100)->isEmpty());
        const QList<DeliveryRecord> digest
            = *store->claimDeliveries(u"a"_s, digestAt, digestAt.addSecs(30), 1);
        QCOMPARE(digest.size(), 4);
        for (const DeliveryRecord &record : digest)
            QVERIFY(record.digest && record.channel == Channel::Email);
    }

    // A provider's reports move a message's status forward only, in whatever order they come.
    void providerReportsOnlyMoveTheStatusForward()
    {
        auto store = open(newDatabase());
        QVERIFY(store);
        planned(*store, 7, 1, { Channel::WhatsApp }, u"w"_s);
        const DeliveryRecord record
            = store->claimDeliveries(u"a"_s, m_now, m_now.addSecs(30), 1)->constFirst();
        DeliveryOutcome sent = finished(record.id, u"a"_s, OutboxState::Sent, DeliveryStatus::Sent);
        sent.providerId = u"wamid.1"_s;
        QVERIFY(*store->finishDelivery(sent));
        QVERIFY(*store->reportDeliveryStatus(Channel::WhatsApp, u"wamid.1"_s, DeliveryStatus::Read,
                                             {}, m_now));
        QVERIFY(*store->reportDeliveryStatus(Channel::WhatsApp, u"wamid.1"_s,
                                             DeliveryStatus::Delivered, {}, m_now));
        QVERIFY(!*store->reportDeliveryStatus(Channel::WhatsApp, u"wamid.2"_s, DeliveryStatus::Read,
                                              {}, m_now));
        QVERIFY(!*store->reportDeliveryStatus(Channel::Sms, u"wamid.1"_s, DeliveryStatus::Read, {},
                                              m_now));
        QVERIFY((*store->findDelivery(record.id))->status == DeliveryStatus::Read);
    }

    void cleanupTestCase() { m_postgres.reset(); }
};

// The whole suite once per backend.
int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    int failures = 0;
    for (const QString &backend : { u"sqlite"_s, u"postgresql"_s }) {
        tst_NotificationStore suite(backend);
        failures += QTest::qExec(&suite, argc, argv);
    }
    return failures;
}
#include "tst_notificationstore.moc"
