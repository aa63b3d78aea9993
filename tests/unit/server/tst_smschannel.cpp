// SMS through the dispatcher, against a local Twilio Messages API that fails as told: a fill
// reaches the user's phone once, in their language, from the configured number with the
// status callback; an invalid or unsubscribed number is a dead letter with Twilio's message;
// 429 (20429) waits out Retry-After; a message taken whose answer never comes is held in
// doubt; a text too long for the parts allowed is cut to fit them.
#include "core/notifications/messagetext.h"
#include "fakeproviders.h"
#include "server/notifications/dispatcher.h"
#include "server/notifications/smschannel.h"
#include "server/storage/sqlstore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace qx::server;
using namespace qx::core;
using namespace qx::core::notifications;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using qx::test::FakeTwilio;

class tst_SmsChannel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;
    QString m_url;
    std::unique_ptr<SqlStore> m_store;
    std::unique_ptr<FakeTwilio> m_twilio;
    int m_events = 0;

    std::unique_ptr<NotificationDispatcher> dispatcher(SmsChannel::Options channel = {})
    {
        channel.baseUrl = m_twilio->baseUrl();
        channel.accountSid = u"AC0123456789abcdef0123456789abcdef"_s;
        channel.authToken = u"twilio-auth-token"_s;
        channel.from = u"+4930123456"_s;
        channel.statusCallback = u"https://qx.example/api/v1/webhooks/twilio/status"_s;
        channel.perSecond = 0;
        if (channel.timeout == 15'000ms)
            channel.timeout = 3'000ms;
        NotificationDispatcher::Options options;
        options.instance = u"test"_s;
        options.plan = true;
        options.poll = 50ms;
        options.retryBase = 100ms;
        options.retryCap = 200ms;
        options.breakerThreshold = 3;
        options.breakerCooldown = 300ms;
        const QString url = m_url;
        auto made = std::make_unique<NotificationDispatcher>(
            [url]() -> Result<std::unique_ptr<Store>> {
                Result<std::unique_ptr<SqlStore>> store = SqlStore::open(url);
                if (!store)
                    return store.error();
                return std::unique_ptr<Store>(std::move(store).value());
            },
            Clock::system(), std::make_unique<SmsChannel>(channel), options);
        return made->start().ok() ? std::move(made) : nullptr;
    }

    void fill()
    {
        NotificationRecord record;
        record.eventKey = u"order.filled:%1"_s.arg(++m_events);
        record.userId = 7;
        record.type = EventType::OrderFilled;
        record.facts = { { u"order_id"_s, QString::number(m_events) },
                         { u"symbol"_s, u"DE.BASE.M.2027-03"_s },
                         { u"side"_s, u"buy"_s },
                         { u"quantity"_s, u"5"_s },
                         { u"filled_quantity"_s, u"5"_s },
                         { u"average_price"_s, u"81.5"_s } };
        record.createdAt = QDateTime::currentDateTimeUtc();
        QVERIFY(m_store->addNotifications({ record }).ok());
    }
    QList<DeliveryRecord> outbox(std::optional<OutboxState> state = std::nullopt)
    {
        return m_store->deliveries({ state, Channel::Sms, 0, 0, 1000 }).value_or({});
    }

private Q_SLOTS:
    void init()
    {
        m_url = u"sqlite:"_s + m_dir.filePath(u"s%1.db"_s.arg(++m_files));
        m_store = std::move(SqlStore::open(m_url)).value();
        m_twilio = std::make_unique<FakeTwilio>(u"AC0123456789abcdef0123456789abcdef"_s,
                                                u"twilio-auth-token"_s);
        QVERIFY(!m_twilio->start().isEmpty());
        NotificationPreferenceRecord sms;
        sms.userId = 7;
        sms.type = EventType::OrderFilled;
        sms.channels = { Channel::Sms };
        QVERIFY(m_store->saveNotificationPreferences(7, { sms }).ok());
        NotificationContact contact;
        contact.userId = 7;
        contact.language = u"de"_s;
        contact.timeZone = u"Europe/Berlin"_s;
        contact.phone = u"+4915112345678"_s;
        QVERIFY(m_store->saveNotificationContact(contact).ok());
    }

    void aFillReachesThePhoneOnceInTheUsersLanguage()
    {
        auto sms = dispatcher();
        QVERIFY(sms);
        fill();
        sms->wake();
        QTRY_COMPARE(outbox(OutboxState::Sent).size(), 1);
        QCOMPARE(m_twilio->accepted().size(), 1);
        const FakeTwilio::Message message = m_twilio->accepted().constFirst();
        QCOMPARE(message.to, u"+4915112345678"_s); // "+" survives the form encoding
        QCOMPARE(message.from, u"+4930123456"_s);
        QCOMPARE(message.statusCallback, u"https://qx.example/api/v1/webhooks/twilio/status"_s);
        QVERIFY2(message.body.startsWith(u"QuantEnergx: 5 DE.BASE.M.2027-03 gekauft zu 81,5"),
                 qPrintable(message.body));
        QCOMPARE(smsParts(message.body).size(), 1); // one SMS
        QCOMPARE(outbox().constFirst().providerId, message.sid);
        QVERIFY(outbox().constFirst().status == DeliveryStatus::Sent); // not "delivered" yet
    }

    void anInvalidOrUnsubscribedNumberIsADeadLetter()
    {
        auto sms = dispatcher();
        QVERIFY(sms);
        m_twilio->failNext(FakeTwilio::Mode::InvalidNumber);
        m_twilio->failNext(FakeTwilio::Mode::Unsubscribed);
        fill();
        fill();
        sms->wake();
        QTRY_COMPARE(outbox(OutboxState::Dead).size(), 2);
        QStringList errors;
        for (const DeliveryRecord &delivery : outbox())
            errors.append(delivery.lastError);
        errors.sort();
        QVERIFY2(errors[0].contains(u"21211") && errors[1].contains(u"21610"),
                 qPrintable(errors.join(u" | ")));
        QCOMPARE(m_twilio->requests(), 2);
    }

    void tooManyRequestsWaitsOutRetryAfter()
    {
        auto sms = dispatcher();
        QVERIFY(sms);
        m_twilio->failNext(FakeTwilio::Mode::TooMany, 1, 1);
        fill();
        sms->wake();
        QTRY_COMPARE(m_twilio->requests(), 1);
        QTRY_COMPARE(outbox(OutboxState::Pending).size(), 1);
        const DeliveryRecord waiting = outbox().constFirst();
        QVERIFY(waiting.dueAt >= waiting.updatedAt.addMSecs(1'000));
        QVERIFY(waiting.lastError.contains(u"20429"));
        QTRY_COMPARE_WITH_TIMEOUT(outbox(OutboxState::Sent).size(), 1, 5'000);
        QCOMPARE(m_twilio->accepted().size(), 1);
    }

    void aMessageTakenWithoutAnAnswerIsHeldInDoubt()
    {
        SmsChannel::Options options;
        options.timeout = 500ms;
        auto sms = dispatcher(options);
        QVERIFY(sms);
        m_twilio->failNext(FakeTwilio::Mode::AcceptThenHang);
        fill();
        sms->wake();
        QTRY_COMPARE(outbox(OutboxState::InDoubt).size(), 1);
        QTest::qWait(700);
        QCOMPARE(m_twilio->accepted().size(), 1);
        QCOMPARE(m_twilio->requests(), 1);
    }

    void aLongTextIsCutToThePartsAllowed()
    {
        const QString gsm = QString(500, u'a');
        QCOMPARE(SmsChannel::fitted(u"short"_s, 1), u"short"_s);
        const QString one = SmsChannel::fitted(gsm, 1);
        QCOMPARE(one.size(), 160); // 157 + "..."
        QVERIFY(one.endsWith(u"..."));
        QCOMPARE(smsParts(SmsChannel::fitted(gsm, 3)).size(), 3);
        QCOMPARE(SmsChannel::fitted(gsm, 3).size(), 3 * 153);
        // Not GSM-7 (a Cyrillic name): UCS-2, 70 to a message.
        const QString ucs2 = QString(200, QChar(0x0416));
        QCOMPARE(SmsChannel::fitted(ucs2, 1).size(), 70);
        QCOMPARE(smsParts(SmsChannel::fitted(ucs2, 2)).size(), 2);
    }

    void cleanup()
    {
        m_twilio.reset();
        m_store.reset();
    }
};

QTEST_GUILESS_MAIN(tst_SmsChannel)
#include "tst_smschannel.moc"
