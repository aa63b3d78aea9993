// The dispatcher on a real SQLite file, its thread and its store connection, against a channel
// the test scripts: what a user is sent follows their preference, a message goes once, retries
// wait, a failing provider is rested and its queue kept, a send of unknown outcome is sent
// again only where the channel deduplicates, and a digest goes as one message.
#include "server/notifications/dispatcher.h"
#include "server/notifications/planning.h"
#include "server/storage/sqlstore.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <deque>

using namespace qx::server;
using namespace qx::core;
using namespace qx::core::notifications;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

/// A channel whose provider answers as the test says, and remembers what it was sent.
class ScriptedChannel final : public NotificationChannel
{
public:
    struct State
    {
        std::mutex mutex;
        std::deque<SendResult::Outcome> script; ///< next answers; Accepted when empty
        QList<OutgoingMessage> sent; ///< every call, whatever the answer
        QSet<QString> accepted; ///< keys the provider took (deduplicated where it does)
        int copies = 0; ///< messages the user actually got
    };

    ScriptedChannel(Channel channel, bool deduplicates, std::shared_ptr<State> state)
        : m_channel(channel)
        , m_deduplicates(deduplicates)
        , m_state(std::move(state))
    { }
    Channel channel() const override { return m_channel; }
    bool deduplicates() const override { return m_deduplicates; }
    SendResult send(const OutgoingMessage &message) override
    {
        const std::lock_guard lock(m_state->mutex);
        m_state->sent.append(message);
        SendResult::Outcome outcome = SendResult::Outcome::Accepted;
        if (!m_state->script.empty()) {
            outcome = m_state->script.front();
            m_state->script.pop_front();
        }
        // Taken by the provider: accepted, or accepted and then the answer lost.
        if (outcome == SendResult::Outcome::Accepted || outcome == SendResult::Outcome::Unknown) {
            if (!m_deduplicates || !m_state->accepted.contains(message.idempotencyKey))
                ++m_state->copies;
            m_state->accepted.insert(message.idempotencyKey);
        }
        return { outcome,
                 u"p-"_s + message.idempotencyKey,
                 outcome == SendResult::Outcome::Accepted ? QString() : u"scripted"_s,
                 {} };
    }

private:
    Channel m_channel;
    bool m_deduplicates;
    std::shared_ptr<State> m_state;
};

} // namespace

class tst_NotificationDispatcher : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;
    QString m_url;
    std::unique_ptr<SqlStore> m_store; ///< the test's own connection
    ManualClock m_clock { QDateTime(QDate(2026, 12, 7), QTime(12, 0), QTimeZone::utc()) };
    std::shared_ptr<ScriptedChannel::State> m_provider;

    std::unique_ptr<NotificationDispatcher> dispatcher(Channel channel, bool deduplicates,
                                                       NotificationDispatcher::Options options = {})
    {
        options.instance = u"test"_s;
        options.plan = true;
        options.poll = 20ms;
        options.deduplicating = { Channel::InApp };
        if (deduplicates)
            options.deduplicating.append(channel);
        const QString url = m_url;
        auto made = std::make_unique<NotificationDispatcher>(
            [url]() -> Result<std::unique_ptr<Store>> {
                Result<std::unique_ptr<SqlStore>> store = SqlStore::open(url);
                if (!store)
                    return store.error();
                return std::unique_ptr<Store>(std::move(store).value());
            },
            m_clock, std::make_unique<ScriptedChannel>(channel, deduplicates, m_provider), options);
        if (!made->start().ok())
            return nullptr;
        return made;
    }

    void notify(std::int64_t userId, const QString &key, EventType type = EventType::OrderFilled,
                Severity severity = Severity::Info)
    {
        NotificationRecord record;
        record.eventKey = key;
        record.userId = userId;
        record.type = type;
        record.severity = severity;
        record.facts = { { u"symbol"_s, u"DE.BASE.M.2027-03"_s } };
        record.createdAt = m_clock.nowUtc();
        QVERIFY(m_store->addNotifications({ record }).ok());
    }

    void prefer(std::int64_t userId, EventType type, QList<Channel> channels,
                std::chrono::minutes digest = {}, QTime quietStart = {}, QTime quietEnd = {})
    {
        NotificationPreferenceRecord preference;
        preference.userId = userId;
        preference.type = type;
        preference.channels = std::move(channels);
        preference.digest = digest;
        preference.quietStart = quietStart;
        preference.quietEnd = quietEnd;
        QVERIFY(m_store->saveNotificationPreferences(userId, { preference }).ok());
    }

    QList<DeliveryRecord> outbox(std::optional<OutboxState> state = std::nullopt)
    {
        return m_store->deliveries({ state, std::nullopt, 0, 0, 1000 }).value_or({});
    }
    int copies()
    {
        const std::lock_guard lock(m_provider->mutex);
        return m_provider->copies;
    }
    int calls()
    {
        const std::lock_guard lock(m_provider->mutex);
        return int(m_provider->sent.size());
    }
    void script(std::initializer_list<SendResult::Outcome> outcomes)
    {
        const std::lock_guard lock(m_provider->mutex);
        m_provider->script.insert(m_provider->script.end(), outcomes);
    }

private Q_SLOTS:
    void init()
    {
        m_url = u"sqlite:"_s + m_dir.filePath(u"d%1.db"_s.arg(++m_files));
        m_store = std::move(SqlStore::open(m_url)).value();
        m_provider = std::make_shared<ScriptedChannel::State>();
        NotificationContact contact;
        contact.userId = 7;
        contact.phone = u"+4915112345678"_s;
        contact.timeZone = u"Europe/Berlin"_s;
        QVERIFY(m_store->saveNotificationContact(contact).ok());
    }

    // The user chose SMS for fills: one message, with what the event said, under its key; a
    // user who chose nothing for the type gets nothing; one without a number is skipped with
    // the reason.
    void aNotificationGoesWhereTheUserChoseOnce()
    {
        prefer(7, EventType::OrderFilled, { Channel::Sms });
        prefer(8, EventType::OrderFilled, { Channel::Sms });
        prefer(9, EventType::OrderFilled, {});
        auto sms = dispatcher(Channel::Sms, false);
        QVERIFY(sms);
        notify(7, u"order.filled:1"_s);
        notify(8, u"order.filled:2"_s);
        notify(9, u"order.filled:3"_s);
        sms->wake();
        QTRY_COMPARE(outbox(OutboxState::Sent).size(), 1);
        QTRY_COMPARE(outbox(OutboxState::Skipped).size(), 1);
        QCOMPARE(outbox().size(), 2);
        QCOMPARE(calls(), 1);
        const OutgoingMessage message = m_provider->sent.constFirst();
        QCOMPARE(message.idempotencyKey, u"order.filled:1:sms"_s);
        QCOMPARE(message.address, u"+4915112345678"_s);
        QCOMPARE(message.notifications.constFirst().facts.value(u"symbol"_s).toString(),
                 u"DE.BASE.M.2027-03"_s);
        const DeliveryRecord skipped = outbox(OutboxState::Skipped).constFirst();
        QCOMPARE(skipped.userId, std::int64_t(8));
        QVERIFY(skipped.lastError.contains(u"No address"));
        const DeliveryRecord sent = outbox(OutboxState::Sent).constFirst();
        QCOMPARE(sent.providerId, u"p-order.filled:1:sms"_s);
        QVERIFY(sent.status == DeliveryStatus::Sent);
    }

    // A provider that refuses for now: the message waits (longer each time) and goes once it
    // answers; one that keeps refusing makes it a dead letter after the attempts allowed.
    void refusedMessagesWaitAndEndAsDeadLetters()
    {
        prefer(7, EventType::OrderFilled, { Channel::Sms });
        NotificationDispatcher::Options options;
        options.maxAttempts = 3;
        options.retryBase = 1000ms;
        options.breakerThreshold = 100;
        auto sms = dispatcher(Channel::Sms, false, options);
        QVERIFY(sms);
        script(
            { SendResult::Outcome::Retry, SendResult::Outcome::Retry, SendResult::Outcome::Retry });
        notify(7, u"order.filled:1"_s);
        sms->wake();
        QTRY_COMPARE(calls(), 1);
        QTRY_COMPARE(outbox(OutboxState::Pending).size(), 1);
        const DeliveryRecord waiting = outbox().constFirst();
        QCOMPARE(waiting.attempts, 1);
        QVERIFY(waiting.dueAt > m_clock.nowUtc().addMSecs(-1)); // not before now
        QVERIFY(waiting.dueAt <= m_clock.nowUtc().addSecs(1));
        // Each wait is at most a second (full jitter on 1 s, 2 s): the clock moves past it.
        for (int step = 0; step < 3 && outbox(OutboxState::Dead).isEmpty(); ++step) {
            m_clock.advance(5'000);
            sms->wake();
            QTest::qWait(100);
        }
        QTRY_COMPARE(outbox(OutboxState::Dead).size(), 1);
        QCOMPARE(calls(), 3);
        QCOMPARE(outbox().constFirst().attempts, 3);
        QCOMPARE(copies(), 0);
        QCOMPARE(m_store->outboxDepths()->value(Channel::Sms).dead, std::int64_t(1));
    }

    // A provider down: after the threshold the breaker opens, nothing more is tried, the queue
    // is kept; after the cooldown one probe goes, and once it is taken the rest follows.
    void aDownProviderIsRestedAndItsQueueKept()
    {
        prefer(7, EventType::OrderFilled, { Channel::Sms });
        NotificationDispatcher::Options options;
        options.breakerThreshold = 2;
        options.breakerCooldown = 10'000ms;
        options.retryBase = 100ms;
        options.retryCap = 100ms;
        options.maxAttempts = 50;
        options.batch = 10;
        auto sms = dispatcher(Channel::Sms, false, options);
        QVERIFY(sms);
        script({ SendResult::Outcome::Retry, SendResult::Outcome::Retry });
        for (int i = 0; i < 5; ++i)
            notify(7, u"order.filled:%1"_s.arg(i));
        sms->wake();
        QTRY_VERIFY(sms->breakerState() == CircuitBreaker::State::Open);
        QTest::qWait(100);
        QCOMPARE(calls(), 2); // no more while open
        QTRY_COMPARE(outbox(OutboxState::Pending).size(), 5); // kept, the rest not counted
        for (const DeliveryRecord &delivery : outbox()) {
            if (delivery.attempts == 0)
                QVERIFY(delivery.lastError.contains(u"failing"));
        }
        m_clock.advance(10'000);
        sms->wake();
        QTRY_COMPARE(outbox(OutboxState::Sent).size(), 5);
        QVERIFY(sms->breakerState() == CircuitBreaker::State::Closed);
        QCOMPARE(copies(), 5);
    }

    // The provider took the message but the answer was lost: sent again under the same key
    // where the provider deduplicates (the user gets one), left in doubt where it cannot.
    void anUnknownOutcomeIsRetriedOnlyWhereTheProviderDeduplicates()
    {
        prefer(7, EventType::OrderFilled, { Channel::Telegram });
        NotificationContact contact = *m_store->notificationContact(7);
        contact.telegramChat = u"4242"_s;
        QVERIFY(m_store->saveNotificationContact(contact).ok());
        NotificationDispatcher::Options options;
        options.retryBase = 10ms;
        options.retryCap = 10ms;
        {
            auto deduplicating = dispatcher(Channel::Telegram, true, options);
            QVERIFY(deduplicating);
            script({ SendResult::Outcome::Unknown });
            notify(7, u"order.filled:1"_s);
            deduplicating->wake();
            QTRY_VERIFY(calls() >= 1);
            m_clock.advance(1'000); // past the retry's wait (if it did not come at once)
            deduplicating->wake();
            QTRY_COMPARE(outbox(OutboxState::Sent).size(), 1);
            QCOMPARE(calls(), 2);
            QCOMPARE(copies(), 1);
        }
        auto blind = dispatcher(Channel::Telegram, false, options);
        QVERIFY(blind);
        script({ SendResult::Outcome::Unknown });
        notify(7, u"order.filled:2"_s);
        blind->wake();
        QTRY_COMPARE(outbox(OutboxState::InDoubt).size(), 1);
        QTest::qWait(100);
        QCOMPARE(calls(), 3); // not retried blindly
        QCOMPARE(copies(), 2);
    }

    // 1,000 events through a provider that fails 30 % of the calls (half refused, half taken
    // with the answer lost), by a fixed seed: every event reaches the user, none twice; where
    // the provider deduplicates every one ends sent, where it does not those whose answer was
    // lost are held in doubt (and were taken once), the rest sent.
    void aThousandEventsThroughThirtyPercentFaultsArriveOnce_data()
    {
        QTest::addColumn<bool>("deduplicates");
        QTest::newRow("deduplicating provider") << true;
        QTest::newRow("provider without idempotency") << false;
    }
    void aThousandEventsThroughThirtyPercentFaultsArriveOnce()
    {
        QFETCH(bool, deduplicates);
        constexpr int kEvents = 1'000;
        prefer(7, EventType::OrderFilled, { Channel::Telegram });
        NotificationContact contact = *m_store->notificationContact(7);
        contact.telegramChat = u"4242"_s;
        QVERIFY(m_store->saveNotificationContact(contact).ok());
        QRandomGenerator random(20261208);
        {
            const std::lock_guard lock(m_provider->mutex);
            for (int i = 0; i < 4 * kEvents; ++i) {
                const int roll = int(random.bounded(100));
                m_provider->script.push_back(roll < 15       ? SendResult::Outcome::Retry
                                                 : roll < 30 ? SendResult::Outcome::Unknown
                                                             : SendResult::Outcome::Accepted);
            }
        }
        for (int i = 0; i < kEvents; ++i)
            notify(7, u"order.filled:%1"_s.arg(i));
        NotificationDispatcher::Options options;
        options.retryBase = 1'000ms;
        options.retryCap = 10'000ms;
        options.maxAttempts = 50;
        options.batch = 100;
        auto telegram = dispatcher(Channel::Telegram, deduplicates, options);
        QVERIFY(telegram);
        // Time moves a minute a step: retries fall due, a resting breaker lets its probe go.
        const auto settled = [&] {
            const QList<DeliveryRecord> all
                = m_store->deliveries({ std::nullopt, Channel::Telegram, 0, 0, 2 * kEvents })
                      .value_or({});
            return all.size() == kEvents
                && std::all_of(all.cbegin(), all.cend(), [](const DeliveryRecord &delivery) {
                       return delivery.state == OutboxState::Sent
                           || delivery.state == OutboxState::InDoubt;
                   });
        };
        for (int step = 0; step < 600 && !settled(); ++step) {
            m_clock.advance(60'000);
            telegram->wake();
            QTest::qWait(20);
        }
        QVERIFY(settled());
        telegram.reset();
        const QList<DeliveryRecord> all
            = m_store->deliveries({ std::nullopt, Channel::Telegram, 0, 0, 2 * kEvents })
                  .value_or({});
        const auto inDoubt = std::count_if(all.cbegin(), all.cend(), [](const DeliveryRecord &d) {
            return d.state == OutboxState::InDoubt;
        });
        {
            const std::lock_guard lock(m_provider->mutex);
            QCOMPARE(m_provider->accepted.size(), kEvents); // every event reached the provider
            QCOMPARE(m_provider->copies, kEvents); // and the user, once each
            QVERIFY(m_provider->sent.size() > kEvents + kEvents / 10); // the faults happened
        }
        if (deduplicates) {
            QCOMPARE(inDoubt, 0);
        } else {
            QVERIFY2(inDoubt > kEvents / 10 && inDoubt < kEvents / 4,
                     qPrintable(QString::number(inDoubt)));
            qInfo("%lld of %d held in doubt, each taken once by the provider", qlonglong(inDoubt),
                  kEvents);
        }
    }

    // A digest: non-urgent events wait for the user's next digest time (on their clock) and
    // go as one message; a critical one goes at once.
    void aDigestGoesAsOneMessageAndCriticalEventsDoNotWait()
    {
        prefer(7, EventType::OrderFilled, { Channel::Sms }, std::chrono::minutes(60));
        prefer(7, EventType::LimitBreach, { Channel::Sms }, std::chrono::minutes(60));
        auto sms = dispatcher(Channel::Sms, false);
        QVERIFY(sms);
        m_clock.set(QDateTime(QDate(2026, 12, 7), QTime(12, 10), QTimeZone::utc()));
        for (int i = 0; i < 3; ++i)
            notify(7, u"order.filled:%1"_s.arg(i));
        notify(7, u"limit.breach:1"_s, EventType::LimitBreach, Severity::Critical);
        sms->wake();
        QTRY_COMPARE(calls(), 1);
        QVERIFY(m_provider->sent.constFirst().notifications.constFirst().type
                == EventType::LimitBreach);
        QTRY_COMPARE(outbox(OutboxState::Pending).size(), 3);
        const QDateTime due = outbox(OutboxState::Pending).constFirst().dueAt;
        // 12:10 UTC is 13:10 in Berlin: the next hour on the user's clock is 14:00, 13:00 UTC.
        QCOMPARE(due, QDateTime(QDate(2026, 12, 7), QTime(13, 0), QTimeZone::utc()));
        QTest::qWait(100);
        QCOMPARE(calls(), 1);
        m_clock.set(due);
        sms->wake();
        QTRY_COMPARE(calls(), 2);
        const OutgoingMessage digest = m_provider->sent.at(1);
        QCOMPARE(digest.notifications.size(), 3);
        QVERIFY(digest.idempotencyKey.startsWith(u"digest:7:sms:"));
        QTRY_COMPARE(outbox(OutboxState::Sent).size(), 4);
    }

    void cleanup()
    {
        m_store.reset();
        m_provider.reset();
    }
};

QTEST_GUILESS_MAIN(tst_NotificationDispatcher)
#include "tst_notificationdispatcher.moc"
