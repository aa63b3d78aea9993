// Notifications on a real quantenergx-server: a fill lands in its owner's inbox (and only
// theirs) and on their stream's "notifications" channel; a rejected order is told too; marking
// read counts down; settings are read whole and changed in part; bad settings are refused and
// change nothing; a user who wants no fills gets none; an acknowledged fill's notification
// survives kill -9.
#include "fakeproviders.h"
#include "testapi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using qx::test::FakeSmtp;
using qx::test::FakeTelegram;
using qx::test::FakeTwilio;
using qx::test::FakeWhatsApp;
using qx::test::Reply;
using qx::test::TestServer;

namespace {

const auto limit = qx::test::limitOrder;

} // namespace

class tst_Notifications : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_server;
    QString m_alice;
    QString m_bob;
    QString m_root;
    QStringList m_months;
    int m_next = 0;

    QJsonObject inbox(const QString &token, const QString &query = {})
    {
        return m_server->request("GET", u"/api/v1/notifications"_s + query, {}, token).json;
    }
    QJsonArray notificationsOf(const QString &token, const QString &type)
    {
        QJsonArray found;
        for (const QJsonValue &value : inbox(token).value(u"notifications").toArray()) {
            if (value.toObject().value(u"type").toString() == type)
                found.append(value);
        }
        return found;
    }
    // Bob rests `quantity` at `price`; alice takes it whole: both orders filled.
    QString cross(const QString &symbol, const QString &quantity, const QString &price)
    {
        const QString n = QString::number(++m_next);
        const Reply resting = m_server->requestJson(
            "POST", u"/api/v1/orders"_s, limit(u"b"_s + n, symbol, "sell", quantity, price), m_bob);
        if (resting.status != 201)
            return {};
        const Reply taken
            = m_server->requestJson("POST", u"/api/v1/orders"_s,
                                    limit(u"a"_s + n, symbol, "buy", quantity, price), m_alice);
        return taken.status == 201 ? taken.json.value(u"id").toString() : QString();
    }
    // An admin's token (made once).
    QString adminToken()
    {
        if (m_root.isEmpty())
            m_root = m_server->addUser(u"root"_s, u"root's long passphrase"_s, u"admin"_s);
        return m_root;
    }
    Reply putSettings(const QJsonObject &settings, const QString &token)
    {
        return m_server->requestJson("PUT", u"/api/v1/notifications/preferences"_s, settings,
                                     token);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<TestServer>(m_dir.filePath(u"data"_s));
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        m_alice = m_server->aliceToken();
        m_bob = m_server->addTrader(u"bob"_s, u"bob's long passphrase"_s);
        QVERIFY(!m_bob.isEmpty());
        for (const qx::core::Instrument &instrument : m_server->tradableInstruments()) {
            if (instrument.symbol.startsWith(u"DE.BASE.M."))
                m_months.append(instrument.symbol);
        }
        QVERIFY(m_months.size() >= 4);
    }

    // The fill is in alice's inbox with what happened, pushed to her stream as it comes;
    // bob hears of his own fill, not of hers.
    void aFillReachesItsOwnerInboxAndStream()
    {
        QList<QJsonObject> messages;
        auto stream = m_server->openStream(messages, m_alice, { u"notifications"_s });
        QTRY_COMPARE(messages.size(), 2); // authenticated, subscribed
        const QString symbol = m_months.takeFirst();
        const QString order = cross(symbol, u"5"_s, u"81.5"_s);
        QVERIFY(!order.isEmpty());

        QTRY_COMPARE(messages.size(), 3);
        QCOMPARE(messages.last().value(u"type").toString(), u"notification"_s);
        const QJsonObject pushed = messages.last().value(u"notification").toObject();
        QCOMPARE(pushed.value(u"type").toString(), u"order.filled"_s);
        QCOMPARE(pushed.value(u"facts").toObject().value(u"order_id").toString(), order);

        const QJsonArray fills = notificationsOf(m_alice, u"order.filled"_s);
        QCOMPARE(fills.size(), 1);
        const QJsonObject fill = fills.first().toObject();
        QCOMPARE(fill.value(u"id"), pushed.value(u"id"));
        QCOMPARE(fill.value(u"severity").toString(), u"info"_s);
        const QJsonObject facts = fill.value(u"facts").toObject();
        QCOMPARE(facts.value(u"symbol").toString(), symbol);
        QCOMPARE(facts.value(u"side").toString(), u"buy"_s);
        QCOMPARE(facts.value(u"filled_quantity").toString(), u"5"_s);
        QCOMPARE(facts.value(u"average_price").toString(), u"81.5"_s);
        QVERIFY(!fill.contains(u"read_at"));

        const QJsonArray bobs = notificationsOf(m_bob, u"order.filled"_s);
        QCOMPARE(bobs.size(), 1);
        QCOMPARE(bobs.first().toObject().value(u"facts").toObject().value(u"side").toString(),
                 u"sell"_s);
        QVERIFY(bobs.first().toObject().value(u"id") != fill.value(u"id"));
    }

    void aRejectedOrderIsToldWithItsReason()
    {
        const Reply refused = m_server->requestJson(
            "POST", u"/api/v1/orders"_s,
            limit(u"off-tick"_s, m_months.first(), "buy", u"1"_s, u"80.001"_s), m_alice);
        QCOMPARE(refused.status, 422);
        QTRY_COMPARE(notificationsOf(m_alice, u"order.rejected"_s).size(), 1);
        const QJsonObject facts = notificationsOf(m_alice, u"order.rejected"_s)
                                      .first()
                                      .toObject()
                                      .value(u"facts")
                                      .toObject();
        QCOMPARE(facts.value(u"code").toString(), refused.errorCode());
        QCOMPARE(facts.value(u"client_order_id").toString(), u"off-tick"_s);
        QCOMPARE(
            inbox(m_alice).value(u"notifications").toArray().first().toObject().value(u"severity"),
            QJsonValue(u"warning"_s));
    }

    void markingReadCountsDownAndIsTheOwnersAlone()
    {
        const QJsonObject before = inbox(m_alice);
        const int unread = before.value(u"unread").toInt();
        QVERIFY(unread >= 2);
        const QString id
            = before.value(u"notifications").toArray().first().toObject().value(u"id").toString();
        const Reply notBobs
            = m_server->request("POST", u"/api/v1/notifications/"_s + id + u"/read"_s, {}, m_bob);
        QCOMPARE(notBobs.status, 404);
        QCOMPARE(inbox(m_alice).value(u"unread").toInt(), unread);
        const Reply read
            = m_server->request("POST", u"/api/v1/notifications/"_s + id + u"/read"_s, {}, m_alice);
        QCOMPARE(read.status, 200);
        QCOMPARE(read.json.value(u"unread").toInt(), unread - 1);
        QCOMPARE(inbox(m_alice, u"?unread=true"_s).value(u"notifications").toArray().size(),
                 unread - 1);
        QVERIFY(inbox(m_alice)
                    .value(u"notifications")
                    .toArray()
                    .first()
                    .toObject()
                    .contains(u"read_at"));
        QCOMPARE(m_server->request("GET", u"/api/v1/notifications?limit=0"_s, {}, m_alice).status,
                 400);
        const Reply all
            = m_server->request("POST", u"/api/v1/notifications/read-all"_s, {}, m_alice);
        QCOMPARE(all.status, 200);
        QCOMPARE(all.json.value(u"marked").toInt(), unread - 1);
        QCOMPARE(inbox(m_alice).value(u"unread").toInt(), 0);
        QVERIFY(inbox(m_bob).value(u"unread").toInt() > 0);
    }

    // Every event type is answered with where its setting comes from; a change of some types
    // and the contact keeps the rest; bad settings are refused whole.
    void settingsAreReadWholeAndChangedInPart()
    {
        const Reply initial
            = m_server->request("GET", u"/api/v1/notifications/preferences"_s, {}, m_alice);
        QCOMPARE(initial.status, 200);
        const QJsonArray all = initial.json.value(u"preferences").toArray();
        QCOMPARE(all.size(), 16);
        QCOMPARE(initial.json.value(u"time_zone").toString(), u"UTC"_s);
        for (const QJsonValue &value : all)
            QCOMPARE(value.toObject().value(u"source").toString(), u"built_in"_s);

        const QJsonObject change {
            { u"preferences"_s,
              QJsonArray { QJsonObject { { u"type"_s, u"order.filled"_s },
                                         { u"channels"_s, QJsonArray { u"in_app"_s, u"sms"_s } },
                                         { u"quiet_start"_s, u"22:00"_s },
                                         { u"quiet_end"_s, u"07:00"_s },
                                         { u"digest_minutes"_s, 60 } } } },
            { u"time_zone"_s, u"Europe/Berlin"_s },
            { u"phone"_s, u"+4915112345678"_s },
            { u"language"_s, u"de"_s }
        };
        const Reply changed = putSettings(change, m_alice);
        QCOMPARE(changed.status, 200);
        QCOMPARE(changed.json.value(u"time_zone").toString(), u"Europe/Berlin"_s);
        QCOMPARE(changed.json.value(u"phone").toString(), u"+4915112345678"_s);
        QCOMPARE(changed.json.value(u"email").toString(), QString());
        for (const QJsonValue &value : changed.json.value(u"preferences").toArray()) {
            const QJsonObject preference = value.toObject();
            if (preference.value(u"type").toString() != u"order.filled")
                continue;
            QCOMPARE(preference.value(u"source").toString(), u"user"_s);
            QCOMPARE(preference.value(u"channels").toArray(),
                     (QJsonArray { u"in_app"_s, u"sms"_s }));
            QCOMPARE(preference.value(u"quiet_start").toString(), u"22:00"_s);
            QCOMPARE(preference.value(u"digest_minutes").toInt(), 60);
        }

        // Each of these is refused, and nothing of it is kept.
        const QList<QJsonObject> bad {
            { { u"time_zone"_s, u"Mars/Olympus"_s } },
            { { u"phone"_s, u"0151 1234"_s } },
            { { u"language"_s, u"tlh"_s } },
            { { u"preferences"_s,
                QJsonArray { QJsonObject { { u"type"_s, u"order.filled"_s },
                                           { u"channels"_s, QJsonArray { u"pager"_s } } } } } },
            { { u"preferences"_s,
                QJsonArray { QJsonObject { { u"type"_s, u"order.filled"_s },
                                           { u"channels"_s, QJsonArray {} },
                                           { u"quiet_start"_s, u"22:00"_s } } } } },
            { { u"preferences"_s,
                QJsonArray { QJsonObject { { u"type"_s, u"order.eaten"_s },
                                           { u"channels"_s, QJsonArray {} } } } } },
            { { u"email"_s, u"alice"_s }, { u"time_zone"_s, u"UTC"_s } },
        };
        for (const QJsonObject &settings : bad) {
            const Reply refused = putSettings(settings, m_alice);
            QCOMPARE(refused.status, 400);
            QCOMPARE(refused.errorCode(), u"invalid_request"_s);
        }
        const Reply after
            = m_server->request("GET", u"/api/v1/notifications/preferences"_s, {}, m_alice);
        QCOMPARE(after.json, changed.json);
    }

    // Bob wants no fills: his next fill is in nobody's inbox; alice's still is in hers.
    void aUserWhoWantsNoFillsGetsNone()
    {
        const QJsonObject none { { u"preferences"_s,
                                   QJsonArray {
                                       QJsonObject { { u"type"_s, u"order.filled"_s },
                                                     { u"channels"_s, QJsonArray {} } } } } };
        QCOMPARE(putSettings(none, m_bob).status, 200);
        const int bobs = notificationsOf(m_bob, u"order.filled"_s).size();
        const int alices = notificationsOf(m_alice, u"order.filled"_s).size();
        QVERIFY(!cross(m_months.takeFirst(), u"2"_s, u"79"_s).isEmpty());
        QTRY_COMPARE(notificationsOf(m_alice, u"order.filled"_s).size(), alices + 1);
        QCOMPARE(notificationsOf(m_bob, u"order.filled"_s).size(), bobs);
    }

    // An admin configures Telegram (a bad configuration is refused, the token is never shown
    // or logged) and binds alice's chat; the running server takes it, without a restart, and
    // her fills reach the chat, in French.
    void aConfiguredTelegramChannelReachesTheUsersChat()
    {
        FakeTelegram telegram;
        QVERIFY(!telegram.start().isEmpty());
        const QByteArray token = "987654:secret-bot-token";
        const auto admin = [this](const QStringList &arguments, const QByteArray &input = {}) {
            return m_server->runAdmin(QStringList { u"notify"_s } + arguments, input);
        };
        // No token: not enabled, nothing stored.
        QCOMPARE(admin({ u"channel"_s, u"set"_s, u"--channel"_s, u"telegram"_s, u"--enable"_s })
                     .exitCode,
                 2);
        QCOMPARE(admin({ u"channel"_s, u"set"_s, u"--channel"_s, u"telegram"_s, u"--set"_s,
                         u"colour=blue"_s })
                     .exitCode,
                 2);
        const qx::test::CliResult set
            = admin({ u"channel"_s, u"set"_s, u"--channel"_s, u"telegram"_s, u"--enable"_s,
                      u"--set"_s, u"base_url="_s + telegram.baseUrl(), u"--set"_s,
                      u"per_chat_ms=0"_s, u"--secrets-stdin"_s },
                    "{\"token\": \"" + token + "\"}");
        QVERIFY2(set.exitCode == 0, qPrintable(set.err));
        const qx::test::CliResult shown = admin({ u"channel"_s, u"show"_s, u"--json"_s });
        QCOMPARE(shown.exitCode, 0);
        QVERIFY(shown.out.contains(u"\"secrets_set\": true"));
        QVERIFY(!shown.out.contains(QString::fromLatin1(token)));
        QCOMPARE(admin({ u"contact"_s, u"set"_s, u"alice"_s, u"--telegram-chat"_s, u"4242"_s,
                         u"--language"_s, u"fr"_s })
                     .exitCode,
                 0);
        QCOMPARE(admin({ u"contact"_s, u"set"_s, u"alice"_s, u"--phone"_s, u"0151"_s }).exitCode,
                 2);

        const QJsonObject telegramFills {
            { u"preferences"_s,
              QJsonArray {
                  QJsonObject { { u"type"_s, u"order.filled"_s },
                                { u"channels"_s, QJsonArray { u"in_app"_s, u"telegram"_s } } } } }
        };
        QCOMPARE(putSettings(telegramFills, m_alice).status, 200);
        QVERIFY(!cross(m_months.takeFirst(), u"2"_s, u"79.5"_s).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(telegram.accepted().size(), 1, 10'000);
        const FakeTelegram::Message message = telegram.accepted().constFirst();
        QCOMPARE(message.token, QString::fromLatin1(token));
        QCOMPARE(message.chatId, u"4242"_s);
        QCOMPARE(message.parseMode, u"HTML"_s);
        QVERIFY2(message.text.startsWith(u"<b>Achat de 2 "), qPrintable(message.text));
        QVERIFY(message.text.contains(u" à 79,5</b>"));
        QVERIFY(!m_server->log().contains(QString::fromLatin1(token)));
    }

    // Email from the CLI: configured while the server runs, tried straight through the channel,
    // then a test notification through the outbox; a refused one is a dead letter that is
    // listed, retried once the mailbox exists, and audited; the relay's password is never
    // shown or logged.
    void anAdminTestsEmailAndWorksTheDeadLetters()
    {
        FakeSmtp smtp(u"relay"_s, u"relay-secret"_s);
        QVERIFY(!smtp.start().isEmpty());
        const auto admin = [this](const QStringList &arguments, const QByteArray &input = {}) {
            return m_server->runAdmin(QStringList { u"notify"_s } + arguments, input);
        };
        // STARTTLS is not optional: a URL without a host, or of another scheme, is refused.
        QCOMPARE(
            admin({ u"channel"_s, u"set"_s, u"--channel"_s, u"email"_s, u"--enable"_s, u"--set"_s,
                    u"url=http://127.0.0.1:25"_s, u"--set"_s, u"from=alerts@qx.test"_s })
                .exitCode,
            2);
        const qx::test::CliResult set
            = admin({ u"channel"_s, u"set"_s, u"--channel"_s, u"email"_s, u"--enable"_s, u"--set"_s,
                      u"url="_s + smtp.url(), u"--set"_s, u"from=alerts@qx.test"_s, u"--set"_s,
                      u"ca_file="_s + smtp.certificate(), u"--secrets-stdin"_s },
                    "{\"username\": \"relay\", \"password\": \"relay-secret\"}");
        QVERIFY2(set.exitCode == 0, qPrintable(set.err));

        const qx::test::CliResult tried = admin(
            { u"channel"_s, u"test"_s, u"--channel"_s, u"email"_s, u"--to"_s, u"ops@desk.test"_s });
        QVERIFY2(tried.exitCode == 0, qPrintable(tried.err));
        QVERIFY(tried.out.contains(u"accepted by the provider"));
        QCOMPARE(smtp.mails().size(), 1);
        QCOMPARE(smtp.mails().constFirst().to, QStringList { u"ops@desk.test"_s });
        QCOMPARE(smtp.mails().constFirst().header("Subject"),
                 QByteArray("[QuantEnergx] Test message from QuantEnergx"));

        QCOMPARE(admin({ u"contact"_s, u"set"_s, u"alice"_s, u"--email"_s, u"alice@desk.test"_s })
                     .exitCode,
                 0);
        const qx::test::CliResult sent = admin(
            { u"send-test"_s, u"alice"_s, u"--channel"_s, u"email"_s, u"--wait"_s, u"20"_s });
        QVERIFY2(sent.exitCode == 0, qPrintable(sent.out + sent.err));
        QVERIFY2(sent.out.contains(u"email: sent"), qPrintable(sent.out));
        QCOMPARE(smtp.mails().size(), 2);
        QCOMPARE(smtp.mails().last().to, QStringList { u"alice@desk.test"_s });

        // The mailbox does not exist (550): a dead letter with the server's reply.
        smtp.setMode(u"reject-rcpt"_s);
        const qx::test::CliResult refused = admin(
            { u"send-test"_s, u"alice"_s, u"--channel"_s, u"email"_s, u"--wait"_s, u"20"_s });
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.out.contains(u"email: dead"), qPrintable(refused.out));
        const qx::test::CliResult listed = admin({ u"dlq"_s, u"list"_s, u"--json"_s });
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray dead = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        QCOMPARE(dead.size(), 1);
        const QJsonObject letter = dead.first().toObject();
        QCOMPARE(letter.value(u"channel").toString(), u"email"_s);
        QCOMPARE(letter.value(u"state").toString(), u"dead"_s);
        QVERIFY(letter.value(u"last_error").toString().contains(u"User unknown"));
        const QString id = QString::number(letter.value(u"id").toInteger());

        const qx::test::CliResult status = admin({ u"status"_s, u"--json"_s });
        QCOMPARE(status.exitCode, 0);
        bool seen = false;
        for (const QJsonValue &value : QJsonDocument::fromJson(status.out.toUtf8()).array()) {
            const QJsonObject channel = value.toObject();
            if (channel.value(u"channel").toString() != u"email")
                continue;
            seen = true;
            QCOMPARE(channel.value(u"enabled").toBool(), true);
            QCOMPARE(channel.value(u"queue").toObject().value(u"dead").toInteger(), 1);
            const QJsonArray servers = channel.value(u"servers").toArray();
            QCOMPARE(servers.size(), 1);
            QCOMPARE(servers.first().toObject().value(u"running").toBool(), true);
            QCOMPARE(servers.first().toObject().value(u"breaker").toString(), u"closed"_s);
        }
        QVERIFY(seen);

        // The mailbox exists now: retried, delivered once, audited.
        smtp.setMode(u"ok"_s);
        QCOMPARE(admin({ u"dlq"_s, u"retry"_s }).exitCode, 2); // which ones?
        const qx::test::CliResult retried = admin({ u"dlq"_s, u"retry"_s, u"--id"_s, id });
        QVERIFY2(retried.exitCode == 0, qPrintable(retried.err));
        QTRY_COMPARE_WITH_TIMEOUT(smtp.mails().size(), 3, 10'000);
        QTRY_VERIFY(
            QJsonDocument::fromJson(admin({ u"dlq"_s, u"list"_s, u"--json"_s }).out.toUtf8())
                .array()
                .isEmpty());
        QCOMPARE(admin({ u"dlq"_s, u"discard"_s, u"--id"_s, id }).exitCode, 1); // sent by now
        const qx::test::CliResult audit
            = m_server->runAdmin({ u"audit"_s, u"list"_s, u"--limit"_s, u"100000"_s, u"--json"_s });
        QVERIFY(audit.out.contains(u"notification_retry"));
        QVERIFY(audit.out.contains(u"notification_test"));
        QVERIFY(!audit.out.contains(u"relay-secret"));
        QVERIFY(!m_server->log().contains(u"relay-secret"));
        QVERIFY(!admin({ u"channel"_s, u"show"_s, u"--json"_s }).out.contains(u"relay-secret"));
    }

    // The same over REST for an admin: a channel's secrets are written and never answered; a
    // bad change is refused whole and changes nothing; the status and the outbox show a dead
    // letter, which is retried once (a second retry is refused), all audited.
    void anAdminWorksChannelsAndTheOutboxOverRest()
    {
        const QString root = adminToken();
        QVERIFY(!root.isEmpty());
        FakeTelegram telegram;
        QVERIFY(!telegram.start().isEmpty());
        const QString path = u"/api/v1/admin/notifications/channels/telegram"_s;
        const Reply set = m_server->requestJson(
            "PUT", path,
            { { u"enabled"_s, true },
              { u"settings"_s,
                QJsonObject { { u"base_url"_s, telegram.baseUrl() },
                              { u"per_chat_ms"_s, u"0"_s } } },
              { u"secrets"_s, QJsonObject { { u"token"_s, u"555:rest-secret-token"_s } } } },
            root);
        QVERIFY2(set.status == 200,
                 qPrintable(QString::fromUtf8(set.raw) + m_server->log().right(1500)));
        QCOMPARE(set.json.value(u"enabled").toBool(), true);
        QCOMPARE(set.json.value(u"secrets_set").toBool(), true);
        QCOMPARE(set.json.value(u"settings").toObject().value(u"base_url").toString(),
                 telegram.baseUrl());
        QVERIFY(!set.raw.contains("rest-secret-token"));

        const Reply before
            = m_server->request("GET", u"/api/v1/admin/notifications/channels"_s, {}, root);
        QCOMPARE(before.status, 200);
        QVERIFY(!before.raw.contains("rest-secret-token"));
        const QList<QJsonObject> bad {
            { { u"settings"_s, QJsonObject { { u"colour"_s, u"blue"_s } } } },
            { { u"secrets"_s, QJsonObject { { u"token"_s, QJsonValue() } } } }, // enabled, no token
            { { u"enabled"_s, u"yes"_s } },
            { { u"base_url"_s, u"http://elsewhere"_s } },
        };
        for (const QJsonObject &change : bad) {
            const Reply refused = m_server->requestJson("PUT", path, change, root);
            QCOMPARE(refused.status, 400);
            QCOMPARE(refused.errorCode(), u"invalid_request"_s);
        }
        QCOMPARE(
            m_server->requestJson("PUT", u"/api/v1/admin/notifications/channels/pager"_s, {}, root)
                .status,
            404);
        QCOMPARE(m_server->request("GET", u"/api/v1/admin/notifications/channels"_s, {}, root).json,
                 before.json);

        // A blocked bot: a dead letter. (The fake answers on this thread: no --wait here.)
        telegram.failNext(FakeTelegram::Mode::Blocked);
        const qx::test::CliResult sent = m_server->runAdmin(
            { u"notify"_s, u"send-test"_s, u"alice"_s, u"--channel"_s, u"telegram"_s });
        QVERIFY2(sent.exitCode == 0, qPrintable(sent.err));
        const QString deadLetters
            = u"/api/v1/admin/notifications/outbox?state=dead&channel=telegram"_s;
        QTRY_COMPARE_WITH_TIMEOUT(m_server->request("GET", deadLetters, {}, root)
                                      .json.value(u"deliveries")
                                      .toArray()
                                      .size(),
                                  1, 10'000);
        const QJsonArray letters
            = m_server->request("GET", deadLetters, {}, root).json.value(u"deliveries").toArray();
        QVERIFY(letters.first().toObject().value(u"last_error").toString().contains(u"403"));
        const QString id = QString::number(letters.first().toObject().value(u"id").toInteger());

        const Reply status
            = m_server->request("GET", u"/api/v1/admin/notifications/status"_s, {}, root);
        QCOMPARE(status.status, 200);
        for (const QJsonValue &value : status.json.value(u"channels").toArray()) {
            const QJsonObject channel = value.toObject();
            if (channel.value(u"channel").toString() == u"telegram") {
                QCOMPARE(channel.value(u"queue").toObject().value(u"dead").toInteger(), 1);
                QVERIFY(!channel.value(u"servers").toArray().isEmpty());
            }
        }

        const QString retry = u"/api/v1/admin/notifications/outbox/"_s + id + u"/retry"_s;
        const Reply retried = m_server->request("POST", retry, {}, root);
        QCOMPARE(retried.status, 200);
        QCOMPARE(retried.json.value(u"state").toString(), u"pending"_s);
        QTRY_COMPARE_WITH_TIMEOUT(telegram.accepted().size(), 1, 10'000);
        QTRY_COMPARE(m_server->request("POST", retry, {}, root).errorCode(),
                     u"delivery_not_failed"_s);
        QCOMPARE(
            m_server
                ->request("POST", u"/api/v1/admin/notifications/outbox/999999/discard"_s, {}, root)
                .status,
            404);
        const QString audit
            = m_server->runAdmin({ u"audit"_s, u"list"_s, u"--limit"_s, u"100000"_s, u"--json"_s })
                  .out;
        QVERIFY(audit.contains(u"notification_channel_set"));
        QVERIFY(!audit.contains(u"rest-secret-token"));
        QVERIFY(!m_server->log().contains(u"rest-secret-token"));
    }

    // SMS through Twilio: sent once, "sent" on acceptance, moved to delivered by Twilio's
    // signed status report; a report late, repeated or out of order does not move it back;
    // a forged or unsigned report is refused and changes nothing.
    void smsIsDeliveredAndOnlySignedReportsMoveItForward()
    {
        const QString root = adminToken();
        FakeTwilio twilio(u"AC00000000000000000000000000000001"_s, u"twilio-secret-token"_s);
        QVERIFY(!twilio.start().isEmpty());
        const QString callback = m_server->url().toString() + u"/api/v1/webhooks/twilio/status"_s;
        const Reply set = m_server->requestJson(
            "PUT", u"/api/v1/admin/notifications/channels/sms"_s,
            { { u"enabled"_s, true },
              { u"settings"_s,
                QJsonObject { { u"base_url"_s, twilio.baseUrl() },
                              { u"account_sid"_s, u"AC00000000000000000000000000000001"_s },
                              { u"from"_s, u"+4930123456"_s },
                              { u"status_callback_url"_s, callback },
                              { u"per_second"_s, u"0"_s } } },
              { u"secrets"_s, QJsonObject { { u"auth_token"_s, u"twilio-secret-token"_s } } } },
            root);
        QVERIFY2(set.status == 200, set.raw.constData());
        QCOMPARE(m_server
                     ->runAdmin({ u"notify"_s, u"contact"_s, u"set"_s, u"alice"_s, u"--phone"_s,
                                  u"+4915112345678"_s })
                     .exitCode,
                 0);
        QCOMPARE(
            m_server
                ->runAdmin({ u"notify"_s, u"send-test"_s, u"alice"_s, u"--channel"_s, u"sms"_s })
                .exitCode,
            0);
        QTRY_COMPARE_WITH_TIMEOUT(twilio.accepted().size(), 1, 10'000);
        const FakeTwilio::Message message = twilio.accepted().constFirst();
        QCOMPARE(message.to, u"+4915112345678"_s);
        QCOMPARE(message.statusCallback, callback);
        const auto delivery = [&]() {
            return m_server
                ->request("GET", u"/api/v1/admin/notifications/outbox?channel=sms"_s, {}, root)
                .json.value(u"deliveries")
                .toArray()
                .first()
                .toObject();
        };
        QTRY_COMPARE(delivery().value(u"state").toString(), u"sent"_s);
        QCOMPARE(delivery().value(u"status").toString(), u"sent"_s); // accepted, no more
        QCOMPARE(delivery().value(u"provider_id").toString(), message.sid);

        QCOMPARE(twilio.reportStatus(message, u"delivered"_s), 200);
        QCOMPARE(delivery().value(u"status").toString(), u"delivered"_s);
        QCOMPARE(twilio.reportStatus(message, u"sent"_s), 200); // late, out of order
        QCOMPARE(twilio.reportStatus(message, u"delivered"_s), 200); // again
        QCOMPARE(delivery().value(u"status").toString(), u"delivered"_s);
        QCOMPARE(twilio.reportStatus(message, u"failed"_s, u"30008"_s, true), 403); // forged
        QCOMPARE(m_server
                     ->request("POST", u"/api/v1/webhooks/twilio/status"_s,
                               "MessageSid=" + message.sid.toUtf8() + "&MessageStatus=failed")
                     .status,
                 403); // unsigned
        QCOMPARE(delivery().value(u"status").toString(), u"delivered"_s);
        QVERIFY(!m_server->log().contains(u"twilio-secret-token"));
    }

    // The Telegram deep link: a user asks for a link, the bot's webhook (only with the secret)
    // gets "/start TOKEN" from a chat, binds it and says so in the chat; the same link again,
    // or an unknown one, binds nothing.
    void aTelegramLinkBindsTheChatItIsOpenedIn()
    {
        const QString root = adminToken();
        const Reply set = m_server->requestJson(
            "PUT", u"/api/v1/admin/notifications/channels/telegram"_s,
            { { u"enabled"_s, true },
              { u"settings"_s, QJsonObject { { u"bot_name"_s, u"QuantEnergxBot"_s } } },
              { u"secrets"_s,
                QJsonObject { { u"token"_s, u"555:link-token"_s },
                              { u"webhook_secret"_s, u"hook-secret"_s } } } },
            root);
        QVERIFY2(set.status == 200, set.raw.constData());
        const Reply link = m_server->request(
            "POST", u"/api/v1/notifications/channels/telegram/link"_s, {}, m_bob);
        QCOMPARE(link.status, 201);
        const QString url = link.json.value(u"url").toString();
        QVERIFY2(url.startsWith(u"https://t.me/QuantEnergxBot?start="), qPrintable(url));
        const QString token = url.section(u'=', 1);
        QCOMPARE(token.size(), 32);
        QVERIFY(link.json.value(u"expires_at").toString().endsWith(u'Z'));

        const auto update = [&](const QString &text, const QByteArray &secret) {
            QNetworkRequest request(
                QUrl(m_server->url().toString() + u"/api/v1/webhooks/telegram"_s));
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/json"));
            if (!secret.isEmpty())
                request.setRawHeader("X-Telegram-Bot-Api-Secret-Token", secret);
            const QJsonObject body {
                { u"update_id"_s, 1 },
                { u"message"_s,
                  QJsonObject {
                      { u"message_id"_s, 5 },
                      { u"chat"_s,
                        QJsonObject { { u"id"_s, 777001 }, { u"type"_s, u"private"_s } } },
                      { u"text"_s, text } } }
            };
            QNetworkAccessManager network;
            QNetworkReply *reply = network.post(request, QJsonDocument(body).toJson());
            QSignalSpy done(reply, &QNetworkReply::finished);
            done.wait(10'000);
            reply->deleteLater();
            return std::pair { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                               QJsonDocument::fromJson(reply->readAll()).object() };
        };
        QCOMPARE(update(u"/start "_s + token, {}).first, 403);
        QCOMPARE(update(u"/start "_s + token, "guess").first, 403);
        const auto bound = update(u"/start "_s + token, "hook-secret");
        QCOMPARE(bound.first, 200);
        QCOMPARE(bound.second.value(u"method").toString(), u"sendMessage"_s);
        QCOMPARE(bound.second.value(u"chat_id").toInteger(), 777001);
        QCOMPARE(bound.second.value(u"text").toString(),
                 u"This chat now receives your QuantEnergx notifications."_s);
        QCOMPARE(m_server->request("GET", u"/api/v1/notifications/preferences"_s, {}, m_bob)
                     .json.value(u"telegram_linked")
                     .toBool(),
                 true);
        const auto again = update(u"/start "_s + token, "hook-secret");
        QCOMPARE(again.first, 200);
        QVERIFY(again.second.value(u"text").toString().startsWith(u"This link is unknown"));
        QVERIFY(!m_server->log().contains(u"hook-secret"));
    }

    // WhatsApp: Meta's subscription check answered only with the verify token; outside the
    // 24-hour window the template goes; a message from the user (signed) opens the window and
    // the next goes as free text; a signed "delivered" moves it forward and a forged one is
    // refused; a late 131047 failure of free text sends the template instead, once.
    void whatsappKeepsToTheWindowAndItsSignedWebhook()
    {
        const QString root = adminToken();
        FakeWhatsApp whatsapp(u"meta-secret-token"_s, u"meta-app-secret"_s);
        QVERIFY(!whatsapp.start().isEmpty());
        const Reply set = m_server->requestJson(
            "PUT", u"/api/v1/admin/notifications/channels/whatsapp"_s,
            { { u"enabled"_s, true },
              { u"settings"_s,
                QJsonObject { { u"base_url"_s, whatsapp.baseUrl() },
                              { u"phone_number_id"_s, u"106540352242922"_s },
                              { u"per_second"_s, u"0"_s } } },
              { u"secrets"_s,
                QJsonObject { { u"access_token"_s, u"meta-secret-token"_s },
                              { u"app_secret"_s, u"meta-app-secret"_s },
                              { u"verify_token"_s, u"verify-me"_s } } } },
            root);
        QVERIFY2(set.status == 200, set.raw.constData());
        const QString hook = u"/api/v1/webhooks/whatsapp"_s;
        const Reply verified = m_server->request(
            "GET",
            hook + u"?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444"_s);
        QCOMPARE(verified.status, 200);
        QCOMPARE(verified.raw, QByteArray("1158201444"));
        QCOMPARE(
            m_server
                ->request("GET",
                          hook + u"?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1"_s)
                .status,
            403);

        QCOMPARE(m_server
                     ->runAdmin({ u"notify"_s, u"contact"_s, u"set"_s, u"alice"_s, u"--whatsapp"_s,
                                  u"+4915112345678"_s, u"--language"_s, u"en"_s })
                     .exitCode,
                 0);
        const auto sendTest = [this] {
            return m_server
                ->runAdmin(
                    { u"notify"_s, u"send-test"_s, u"alice"_s, u"--channel"_s, u"whatsapp"_s })
                .exitCode;
        };
        QCOMPARE(sendTest(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(whatsapp.accepted().size(), 1, 10'000);
        QCOMPARE(whatsapp.accepted().last().type, u"template"_s);
        QCOMPARE(whatsapp.accepted().last().parameters.value(0),
                 u"Test message from QuantEnergx"_s);

        const QString url = m_server->url().toString() + hook;
        QCOMPARE(whatsapp.post(url,
                               FakeWhatsApp::inboundPayload(u"4915112345678"_s, u"hi"_s,
                                                            QDateTime::currentSecsSinceEpoch())),
                 200);
        QCOMPARE(sendTest(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(whatsapp.accepted().size(), 2, 10'000);
        const FakeWhatsApp::Message text = whatsapp.accepted().last();
        QCOMPARE(text.type, u"text"_s);
        QVERIFY(text.text.startsWith(u"*Test message from QuantEnergx*"));

        const auto statusOf = [&](const QString &providerId) {
            for (const QJsonValue &value :
                 m_server
                     ->request("GET", u"/api/v1/admin/notifications/outbox?channel=whatsapp"_s, {},
                               root)
                     .json.value(u"deliveries")
                     .toArray()) {
                if (value.toObject().value(u"provider_id").toString() == providerId)
                    return value.toObject().value(u"status").toString();
            }
            return QString();
        };
        const QString first = whatsapp.accepted().first().id;
        QTRY_COMPARE(statusOf(first), u"sent"_s);
        QCOMPARE(whatsapp.post(url, FakeWhatsApp::statusPayload(first, u"delivered"_s)), 200);
        QCOMPARE(statusOf(first), u"delivered"_s);
        QCOMPARE(whatsapp.post(url, FakeWhatsApp::statusPayload(first, u"read"_s), true), 403);
        QCOMPARE(statusOf(first), u"delivered"_s);
        QCOMPARE(whatsapp.post(url, FakeWhatsApp::statusPayload(first, u"sent"_s)), 200);
        QCOMPARE(statusOf(first), u"delivered"_s);

        // The free text was taken, then failed: the window had closed. The template goes.
        QTRY_COMPARE(statusOf(text.id), u"sent"_s);
        QCOMPARE(whatsapp.post(url, FakeWhatsApp::statusPayload(text.id, u"failed"_s, 131047)),
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(whatsapp.accepted().size(), 3, 10'000);
        QCOMPARE(whatsapp.accepted().last().type, u"template"_s);
        QTest::qWait(300);
        QCOMPARE(whatsapp.accepted().size(), 3);
        QVERIFY(!m_server->log().contains(u"meta-secret-token"));
        QVERIFY(!m_server->log().contains(u"meta-app-secret"));
    }

    // The fill was acknowledged, so its notification was stored with it: kill -9 loses
    // neither.
    void anAcknowledgedFillsNotificationSurvivesAKill()
    {
        const int alices = notificationsOf(m_alice, u"order.filled"_s).size();
        const QString order = cross(m_months.takeFirst(), u"3"_s, u"82"_s);
        QVERIFY(!order.isEmpty());
        m_server->kill();
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        m_alice = m_server->aliceToken();
        m_bob = m_server->login(u"bob"_s, u"bob's long passphrase"_s)
                    .json.value(u"access_token")
                    .toString();
        const QJsonArray fills = notificationsOf(m_alice, u"order.filled"_s);
        QCOMPARE(fills.size(), alices + 1);
        QCOMPARE(fills.first().toObject().value(u"facts").toObject().value(u"order_id").toString(),
                 order);
    }
};

QTEST_GUILESS_MAIN(tst_Notifications)
#include "tst_notifications.moc"
