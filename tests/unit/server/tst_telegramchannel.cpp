// Telegram through the dispatcher, against a local Bot API that fails as told: a fill reaches
// the user's chat once, as escaped HTML in their language; 429's retry_after is waited out;
// a blocked bot makes a dead letter with Telegram's reason; a message taken whose answer never
// comes is held in doubt, not sent twice; a provider down and back delivers everything once;
// one chat gets at most one message per interval.
#include "channelfixture.h"
#include "fakeproviders.h"
#include "server/notifications/dispatcher.h"
#include "server/notifications/telegramchannel.h"

#include <QTest>

using namespace qx::server;
using namespace qx::core;
using namespace qx::core::notifications;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using qx::test::FakeTelegram;

class tst_TelegramChannel : public QObject
{
    Q_OBJECT

    qx::test::ChannelFixture m_fixture { Channel::Telegram };
    std::unique_ptr<FakeTelegram> m_telegram;

    std::unique_ptr<NotificationDispatcher> dispatcher(TelegramChannel::Options channel = {})
    {
        channel.baseUrl = m_telegram->baseUrl();
        channel.token = u"123456:test-token"_s;
        if (channel.perChat == 1'000ms)
            channel.perChat = 0ms;
        return m_fixture.dispatcher(std::make_unique<TelegramChannel>(channel));
    }

    void fill(const QString &symbol = u"DE.BASE.M.2027-03"_s)
    {
        QVERIFY(!m_fixture.fill(symbol, u"sell"_s).isEmpty());
    }
    QList<DeliveryRecord> outbox(std::optional<OutboxState> state = std::nullopt)
    {
        return m_fixture.outbox(state);
    }

private Q_SLOTS:
    void init()
    {
        m_telegram = std::make_unique<FakeTelegram>();
        QVERIFY(!m_telegram->start().isEmpty());
        NotificationContact contact;
        contact.language = u"de"_s;
        contact.timeZone = u"Europe/Berlin"_s;
        contact.telegramChat = u"424242"_s;
        QVERIFY(m_fixture.prepare(contact));
    }

    void aFillReachesTheChatOnceInTheUsersLanguage()
    {
        auto telegram = dispatcher();
        QVERIFY(telegram);
        fill(u"DE.<BASE>.M"_s);
        telegram->wake();
        QTRY_COMPARE(outbox(OutboxState::Sent).size(), 1);
        QCOMPARE(m_telegram->accepted().size(), 1);
        const FakeTelegram::Message message = m_telegram->accepted().constFirst();
        QCOMPARE(message.token, u"123456:test-token"_s);
        QCOMPARE(message.chatId, u"424242"_s);
        QCOMPARE(message.parseMode, u"HTML"_s);
        QVERIFY2(message.text.startsWith(u"<b>5 DE.&lt;BASE&gt;.M verkauft zu 81,5</b>"),
                 qPrintable(message.text));
        QCOMPARE(outbox().constFirst().providerId, u"424242:1"_s);
    }

    void tooManyRequestsIsWaitedOut()
    {
        auto telegram = dispatcher();
        QVERIFY(telegram);
        m_telegram->failNext(FakeTelegram::Mode::TooMany, 1, 1);
        fill();
        telegram->wake();
        QTRY_COMPARE(m_telegram->requests(), 1);
        QTRY_COMPARE(outbox(OutboxState::Pending).size(), 1);
        const DeliveryRecord waiting = outbox().constFirst();
        QVERIFY(waiting.dueAt >= waiting.updatedAt.addMSecs(1'000)); // retry_after: 1 s
        QVERIFY(waiting.lastError.contains(u"429"));
        QTRY_COMPARE_WITH_TIMEOUT(outbox(OutboxState::Sent).size(), 1, 5'000);
        QCOMPARE(m_telegram->accepted().size(), 1);
    }

    void aBlockedBotMakesADeadLetterWithTheReason()
    {
        auto telegram = dispatcher();
        QVERIFY(telegram);
        m_telegram->failNext(FakeTelegram::Mode::Blocked);
        fill();
        telegram->wake();
        QTRY_COMPARE(outbox(OutboxState::Dead).size(), 1);
        QVERIFY(outbox().constFirst().lastError.contains(u"bot was blocked by the user"));
        QCOMPARE(m_telegram->requests(), 1);
    }

    // Taken, but the answer never came: the Bot API cannot tell a repeat, so the message is
    // held in doubt rather than risk a second copy in the user's chat.
    void aMessageTakenWithoutAnAnswerIsHeldInDoubt()
    {
        TelegramChannel::Options options;
        options.timeout = 500ms;
        auto telegram = dispatcher(options);
        QVERIFY(telegram);
        m_telegram->failNext(FakeTelegram::Mode::AcceptThenHang);
        fill();
        telegram->wake();
        QTRY_COMPARE(outbox(OutboxState::InDoubt).size(), 1);
        QTest::qWait(700);
        QCOMPARE(m_telegram->accepted().size(), 1);
        QCOMPARE(m_telegram->requests(), 1);
    }

    // Down (500 six times: the breaker opens, its probes fail, it rests longer each time),
    // then back: everything is delivered, once each.
    void aProviderDownAndBackDeliversEverythingOnce()
    {
        auto telegram = dispatcher();
        QVERIFY(telegram);
        m_telegram->failNext(FakeTelegram::Mode::ServerError, 6);
        for (int i = 0; i < 5; ++i)
            fill();
        telegram->wake();
        QTRY_COMPARE_WITH_TIMEOUT(outbox(OutboxState::Sent).size(), 5, 10'000);
        QCOMPARE(m_telegram->accepted().size(), 5);
        QSet<QString> texts; // five fills (each its own order), each delivered once
        for (const FakeTelegram::Message &message : m_telegram->accepted())
            texts.insert(message.text);
        QCOMPARE(texts.size(), 5);
        QCOMPARE(m_telegram->requests(), 11);
    }

    void oneChatGetsAtMostOneMessagePerInterval()
    {
        TelegramChannel::Options options;
        options.perChat = 300ms;
        auto telegram = dispatcher(options);
        QVERIFY(telegram);
        for (int i = 0; i < 3; ++i)
            fill();
        telegram->wake();
        QTRY_COMPARE(m_telegram->accepted().size(), 3);
        const QList<FakeTelegram::Message> &messages = m_telegram->accepted();
        for (int i = 1; i < 3; ++i)
            QVERIFY(messages[i].receivedAtMs - messages[i - 1].receivedAtMs >= 280);
    }

    void cleanup()
    {
        m_telegram.reset();
        m_fixture.close();
    }
};

QTEST_GUILESS_MAIN(tst_TelegramChannel)
#include "tst_telegramchannel.moc"
