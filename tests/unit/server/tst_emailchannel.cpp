// Email through the dispatcher, against a real SMTP server (aiosmtpd) that requires STARTTLS
// and AUTH: a fill arrives once, in the user's language, as plain text and HTML with the
// headers a mail reader needs; a certificate the server does not trust, a wrong password or a
// temporary refusal send nothing and are retried; an unknown mailbox makes a dead letter with
// the server's reply; a message taken whose reply never comes is held in doubt.
#include "channelfixture.h"
#include "fakeproviders.h"
#include "server/notifications/dispatcher.h"
#include "server/notifications/emailchannel.h"

#include <QTest>

using namespace qx::server;
using namespace qx::core;
using namespace qx::core::notifications;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using qx::test::FakeSmtp;

class tst_EmailChannel : public QObject
{
    Q_OBJECT

    qx::test::ChannelFixture m_fixture { Channel::Email };
    std::unique_ptr<FakeSmtp> m_smtp;

    EmailChannel::Options options() const
    {
        EmailChannel::Options options;
        options.url = m_smtp->url();
        options.from = u"alerts@quantenergx.test"_s;
        options.username = u"relay"_s;
        options.password = u"relay-secret"_s;
        options.caFile = m_smtp->certificate();
        options.timeout = 3'000ms;
        return options;
    }

    std::unique_ptr<NotificationDispatcher> dispatcher(const EmailChannel::Options &channel)
    {
        return m_fixture.dispatcher(std::make_unique<EmailChannel>(channel));
    }

    QString fill() { return m_fixture.fill(u"FR.<PEAK>.Q"_s, u"sell"_s); }
    QList<DeliveryRecord> outbox(std::optional<OutboxState> state = std::nullopt)
    {
        return m_fixture.outbox(state);
    }

private Q_SLOTS:
    void init()
    {
        m_smtp = std::make_unique<FakeSmtp>(u"relay"_s, u"relay-secret"_s);
        QVERIFY(!m_smtp->start().isEmpty());
        NotificationContact contact;
        contact.language = u"fr"_s;
        contact.timeZone = u"Europe/Paris"_s;
        contact.email = u"trader@desk.test"_s;
        QVERIFY(m_fixture.prepare(contact));
    }

    void aFillArrivesOnceWithBothPartsAndTheRightHeaders()
    {
        auto email = dispatcher(options());
        QVERIFY(email);
        const QString key = fill();
        email->wake();
        QTRY_COMPARE(outbox(OutboxState::Sent).size(), 1);
        QCOMPARE(m_smtp->mails().size(), 1);
        const FakeSmtp::Mail mail = m_smtp->mails().constFirst();
        QCOMPARE(mail.login, u"relay"_s); // AUTH, which the server offers only after STARTTLS
        QCOMPARE(mail.from, u"alerts@quantenergx.test"_s);
        QCOMPARE(mail.to, QStringList { u"trader@desk.test"_s });
        QCOMPARE(mail.header("To"), QByteArray("<trader@desk.test>"));
        QCOMPARE(mail.header("From"), QByteArray("QuantEnergx <alerts@quantenergx.test>"));
        QCOMPARE(mail.header("Auto-Submitted"), QByteArray("auto-generated"));
        QVERIFY(!mail.header("Date").isEmpty());
        // The same Message-ID on every attempt: derived from the delivery's idempotency key.
        const QString messageId = emailMessageId(key + u":email"_s, u"alerts@quantenergx.test"_s);
        QCOMPARE(QString::fromLatin1(mail.header("Message-ID")), messageId);
        QCOMPARE(outbox().constFirst().providerId, messageId);
        // A French subject with "à": RFC 2047 words, which decode to the text.
        const QByteArray subject = mail.header("Subject");
        QVERIFY2(subject.startsWith("=?UTF-8?B?"), subject.constData());
        QString decoded;
        for (const QByteArray &word : subject.split(' '))
            decoded += QString::fromUtf8(QByteArray::fromBase64(word.mid(10, word.size() - 12)));
        QCOMPARE(decoded, u"[QuantEnergx] Vente de 5 FR.<PEAK>.Q à 81,5"_s);
        QVERIFY(mail.raw.contains("multipart/alternative"));
        QVERIFY(mail.raw.contains("Content-Type: text/plain; charset=UTF-8"));
        QVERIFY(mail.raw.contains("Content-Type: text/html; charset=UTF-8"));
        QVERIFY(mail.raw.contains("FR.&lt;PEAK&gt;.Q")); // escaped in the HTML part
        QVERIFY(mail.raw.indexOf("text/plain") < mail.raw.indexOf("text/html"));
    }

    void anUntrustedCertificateSendsNothing()
    {
        EmailChannel::Options untrusted = options();
        untrusted.caFile.clear(); // the system's CAs do not know the test's certificate
        auto email = dispatcher(untrusted);
        QVERIFY(email);
        fill();
        email->wake();
        // Tried and its outcome recorded (a claim counts the attempt before the send).
        QTRY_VERIFY(!outbox(OutboxState::Pending).isEmpty()
                    && outbox(OutboxState::Pending).constFirst().attempts >= 1);
        QTest::qWait(300);
        QVERIFY(m_smtp->mails().isEmpty());
        QVERIFY(outbox(OutboxState::Sent).isEmpty());
        QVERIFY(outbox(OutboxState::Dead).isEmpty()); // retried: an admin can fix the relay
    }

    void aWrongPasswordIsRetriedAndNeverLogged()
    {
        EmailChannel::Options wrong = options();
        wrong.password = u"not-the-password"_s;
        auto email = dispatcher(wrong);
        QVERIFY(email);
        fill();
        email->wake();
        // Tried and its outcome recorded (a claim counts the attempt before the send).
        QTRY_VERIFY(!outbox(OutboxState::Pending).isEmpty()
                    && outbox(OutboxState::Pending).constFirst().attempts >= 1);
        const DeliveryRecord waiting = outbox().constFirst();
        QVERIFY2(waiting.lastError.contains(u"535"), qPrintable(waiting.lastError));
        QVERIFY(!waiting.lastError.contains(u"not-the-password"));
        QVERIFY(waiting.state == OutboxState::Pending);
        QVERIFY(m_smtp->mails().isEmpty());
    }

    void aTemporaryRefusalIsSentOnceLater()
    {
        auto email = dispatcher(options());
        QVERIFY(email);
        m_smtp->setMode(u"tempfail"_s);
        fill();
        email->wake();
        // Tried and its outcome recorded (a claim counts the attempt before the send).
        QTRY_VERIFY(!outbox(OutboxState::Pending).isEmpty()
                    && outbox(OutboxState::Pending).constFirst().attempts >= 1);
        QVERIFY(outbox().constFirst().lastError.contains(u"451"));
        m_smtp->setMode(u"ok"_s);
        QTRY_COMPARE_WITH_TIMEOUT(outbox(OutboxState::Sent).size(), 1, 10'000);
        QCOMPARE(m_smtp->mails().size(), 1);
    }

    void anUnknownMailboxMakesADeadLetterWithTheReply()
    {
        auto email = dispatcher(options());
        QVERIFY(email);
        m_smtp->setMode(u"reject-rcpt"_s);
        fill();
        email->wake();
        QTRY_COMPARE(outbox(OutboxState::Dead).size(), 1);
        const QString error = outbox().constFirst().lastError;
        QVERIFY2(error.contains(u"550") && error.contains(u"User unknown"), qPrintable(error));
        QCOMPARE(outbox().constFirst().attempts, 1);
    }

    // The server took the message and never replied: SMTP cannot tell a repeat, so the
    // delivery is held in doubt, not sent again.
    void aMessageTakenWithoutAReplyIsHeldInDoubt()
    {
        EmailChannel::Options quick = options();
        quick.timeout = 800ms;
        auto email = dispatcher(quick);
        QVERIFY(email);
        m_smtp->setMode(u"accept-then-hang"_s);
        fill();
        email->wake();
        QTRY_COMPARE(outbox(OutboxState::InDoubt).size(), 1);
        QTest::qWait(1'000);
        QCOMPARE(m_smtp->mails().size(), 1);
        QCOMPARE(outbox().constFirst().attempts, 1);
    }

    void cleanup()
    {
        m_smtp.reset();
        m_fixture.close();
    }
};

QTEST_GUILESS_MAIN(tst_EmailChannel)
#include "tst_emailchannel.moc"
