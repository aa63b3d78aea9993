// WhatsApp through the dispatcher, against a local Cloud API that fails as told: outside the
// user's 24-hour window a fill goes as the approved template in their language with the
// title and details as parameters; inside it as free text; when Meta says the window closed
// after all (131047) the template goes at once, one message in all; 429 is waited out; an
// undeliverable number is a dead letter; a message taken without an answer is in doubt.
#include "channelfixture.h"
#include "fakeproviders.h"
#include "server/notifications/dispatcher.h"
#include "server/notifications/whatsappchannel.h"

#include <QTest>

using namespace qx::server;
using namespace qx::core;
using namespace qx::core::notifications;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using qx::test::FakeWhatsApp;

class tst_WhatsAppChannel : public QObject
{
    Q_OBJECT

    qx::test::ChannelFixture m_fixture { Channel::WhatsApp };
    std::unique_ptr<FakeWhatsApp> m_whatsapp;

    std::unique_ptr<NotificationDispatcher> dispatcher(WhatsAppChannel::Options channel = {})
    {
        channel.baseUrl = m_whatsapp->baseUrl();
        channel.phoneNumberId = u"106540352242922"_s;
        channel.accessToken = u"meta-access-token"_s;
        channel.perSecond = 0;
        if (channel.timeout == 15'000ms)
            channel.timeout = 3'000ms;
        return m_fixture.dispatcher(std::make_unique<WhatsAppChannel>(channel));
    }

    void fill() { QVERIFY(!m_fixture.fill(u"DE.BASE.M.2027-03"_s, u"sell"_s).isEmpty()); }
    QList<DeliveryRecord> outbox(std::optional<OutboxState> state = std::nullopt)
    {
        return m_fixture.outbox(state);
    }
    void userWrote(const QDateTime &at)
    {
        QVERIFY(m_fixture.store().recordWhatsAppInbound(u"+4915112345678"_s, at).ok());
    }

private Q_SLOTS:
    void init()
    {
        m_whatsapp = std::make_unique<FakeWhatsApp>(u"meta-access-token"_s, u"app-secret"_s);
        QVERIFY(!m_whatsapp->start().isEmpty());
        NotificationContact contact;
        contact.language = u"de"_s;
        contact.timeZone = u"Europe/Berlin"_s;
        contact.whatsapp = u"+4915112345678"_s;
        QVERIFY(m_fixture.prepare(contact));
    }

    void outsideTheWindowTheTemplateGoes()
    {
        auto whatsapp = dispatcher();
        QVERIFY(whatsapp);
        fill();
        whatsapp->wake();
        QTRY_COMPARE(outbox(OutboxState::Sent).size(), 1);
        QCOMPARE(m_whatsapp->accepted().size(), 1);
        const FakeWhatsApp::Message message = m_whatsapp->accepted().constFirst();
        QCOMPARE(message.to, u"4915112345678"_s);
        QCOMPARE(message.type, u"template"_s);
        QCOMPARE(message.templateName, u"qx_notification"_s);
        QCOMPARE(message.language, u"de"_s);
        QCOMPARE(message.parameters.size(), 2);
        QCOMPARE(message.parameters[0], u"5 DE.BASE.M.2027-03 verkauft zu 81,5"_s);
        QVERIFY2(message.parameters[1].startsWith(u"Kontrakt: DE.BASE.M.2027-03 · Seite: Verkauf"),
                 qPrintable(message.parameters[1]));
        QVERIFY(!message.parameters[1].contains(u'\n')); // Meta refuses new lines there
        QCOMPARE(outbox().constFirst().providerId, message.id);
    }

    void insideTheWindowFreeTextGoes()
    {
        userWrote(QDateTime::currentDateTimeUtc().addSecs(-3'600));
        auto whatsapp = dispatcher();
        QVERIFY(whatsapp);
        fill();
        whatsapp->wake();
        QTRY_COMPARE(outbox(OutboxState::Sent).size(), 1);
        const FakeWhatsApp::Message message = m_whatsapp->accepted().constFirst();
        QCOMPARE(message.type, u"text"_s);
        QVERIFY2(message.text.startsWith(u"*5 DE.BASE.M.2027-03 verkauft zu 81,5*\n"),
                 qPrintable(message.text));
    }

    void theWindowIsTwentyFourHours()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        NotificationContact contact;
        QVERIFY(!WhatsAppChannel::windowOpen(contact, now));
        contact.whatsappInbound = now.addSecs(-(24 * 3'600 - 60));
        QVERIFY(WhatsAppChannel::windowOpen(contact, now));
        contact.whatsappInbound = now.addSecs(-24 * 3'600);
        QVERIFY(!WhatsAppChannel::windowOpen(contact, now));
    }

    // Our record says the window is open, Meta says it closed (131047): the template at once,
    // in the same attempt; the user gets one message.
    void aClosedWindowFallsBackToTheTemplateAtOnce()
    {
        userWrote(QDateTime::currentDateTimeUtc().addSecs(-60));
        m_whatsapp->failNext(FakeWhatsApp::Mode::WindowClosed);
        auto whatsapp = dispatcher();
        QVERIFY(whatsapp);
        fill();
        whatsapp->wake();
        QTRY_COMPARE(outbox(OutboxState::Sent).size(), 1);
        QCOMPARE(m_whatsapp->requests(), 2);
        QCOMPARE(m_whatsapp->accepted().size(), 1);
        QCOMPARE(m_whatsapp->accepted().constFirst().type, u"template"_s);
        QCOMPARE(outbox().constFirst().attempts, 1);
    }

    void throttlingIsWaitedOutAndAnUndeliverableNumberIsADeadLetter()
    {
        auto whatsapp = dispatcher();
        QVERIFY(whatsapp);
        m_whatsapp->failNext(FakeWhatsApp::Mode::TooMany);
        fill();
        whatsapp->wake();
        QTRY_COMPARE_WITH_TIMEOUT(outbox(OutboxState::Sent).size(), 1, 5'000);
        QCOMPARE(m_whatsapp->requests(), 2);
        m_whatsapp->failNext(FakeWhatsApp::Mode::Undeliverable);
        fill();
        whatsapp->wake();
        QTRY_COMPARE(outbox(OutboxState::Dead).size(), 1);
        QVERIFY(outbox(OutboxState::Dead).constFirst().lastError.contains(u"131026"));
    }

    void aMessageTakenWithoutAnAnswerIsHeldInDoubt()
    {
        WhatsAppChannel::Options options;
        options.timeout = 500ms;
        auto whatsapp = dispatcher(options);
        QVERIFY(whatsapp);
        m_whatsapp->failNext(FakeWhatsApp::Mode::AcceptThenHang);
        fill();
        whatsapp->wake();
        QTRY_COMPARE(outbox(OutboxState::InDoubt).size(), 1);
        QTest::qWait(700);
        QCOMPARE(m_whatsapp->accepted().size(), 1);
    }

    void cleanup()
    {
        m_whatsapp.reset();
        m_fixture.close();
    }
};

QTEST_GUILESS_MAIN(tst_WhatsAppChannel)
#include "tst_whatsappchannel.moc"
