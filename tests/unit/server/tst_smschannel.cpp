// SMS through the dispatcher, against a local Twilio Messages API that fails as told: a fill
// reaches the user's phone once, in their language, from the configured number with the
// status callback; an invalid or unsubscribed number is a dead letter with Twilio's message;
// 429 (20429) waits out Retry-After; a message taken whose answer never comes is held in
// doubt; a text too long for the parts allowed is cut to fit them.
#include "channelfixture.h"
#include "core/notifications/messagetext.h"
#include "fakeproviders.h"
#include "server/notifications/dispatcher.h"
#include "server/notifications/smschannel.h"

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

    qx::test::ChannelFixture m_fixture { Channel::Sms };
    std::unique_ptr<FakeTwilio> m_twilio;

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
        return m_fixture.dispatcher(std::make_unique<SmsChannel>(channel));
    }

    void fill() { QVERIFY(!m_fixture.fill(u"DE.BASE.M.2027-03"_s, u"buy"_s).isEmpty()); }
    QList<DeliveryRecord> outbox(std::optional<OutboxState> state = std::nullopt)
    {
        return m_fixture.outbox(state);
    }

private Q_SLOTS:
    void init()
    {
        m_twilio = std::make_unique<FakeTwilio>(u"AC0123456789abcdef0123456789abcdef"_s,
                                                u"twilio-auth-token"_s);
        QVERIFY(!m_twilio->start().isEmpty());
        NotificationContact contact;
        contact.language = u"de"_s;
        contact.timeZone = u"Europe/Berlin"_s;
        contact.phone = u"+4915112345678"_s;
        QVERIFY(m_fixture.prepare(contact));
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
        m_fixture.close();
    }
};

QTEST_GUILESS_MAIN(tst_SmsChannel)
#include "tst_smschannel.moc"
