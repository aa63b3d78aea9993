// The server as its users meet it: the admin CLI, REST and the WebSocket stream of a real
// quantenergx-server process on loopback, with restarts and a kill -9 in between.
#include "core/protocol/messages.h"
#include "testapi.h"
#include "testservices.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <csignal>
#include <sys/types.h>

using namespace Qt::StringLiterals;
using qx::test::CliResult;
using qx::test::Reply;
using qx::test::runCli;
using qx::test::TestServer;

namespace {

// The front German power month of the listing, read from the server: listings roll with the
// calendar, so no test may name a delivery month.
QString frontMonth;

QJsonObject newOrder(const QString &clientOrderId, const QString &price = u"42.50"_s,
                     const QString &quantity = u"25"_s)
{
    return qx::test::limitOrder(clientOrderId, frontMonth, "buy", quantity, price);
}

} // namespace

class tst_Server : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_server;
    QString m_token;

    QString dataDir() const { return m_dir.filePath(u"data"_s); }

    void startServer()
    {
        if (!m_server)
            m_server = std::make_unique<TestServer>(dataDir());
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        m_token = m_server->aliceToken();
    }
    Reply request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                  const QString &token = {})
    {
        return m_server->request(method, path, body, token);
    }
    Reply requestJson(const QByteArray &method, const QString &path, const QJsonObject &body,
                      const QString &token)
    {
        return m_server->requestJson(method, path, body, token);
    }
    Reply login(const QString &username, const QString &password)
    {
        return m_server->login(username, password);
    }
    QJsonArray orders()
    {
        return request("GET", u"/api/v1/orders"_s, {}, m_token).json.value(u"orders").toArray();
    }
    std::unique_ptr<QWebSocket> openStream(QList<QJsonObject> &inbox, const QString &token)
    {
        return m_server->openStream(inbox, token);
    }
    // Where a `serve` process (or one of its children) says it listens; invalid if it does
    // not within 15 s.
    static QUrl listeningUrl(QProcess &process)
    {
        QByteArray output;
        QDeadlineTimer deadline(15'000);
        while (!deadline.hasExpired() && process.waitForReadyRead(int(deadline.remainingTime()))) {
            output += process.readAllStandardOutput();
            const qsizetype at = output.indexOf("listening on ");
            const qsizetype end = output.indexOf('\n', at);
            if (at >= 0 && end > at)
                return QUrl(QString::fromUtf8(output.mid(at + 13, end - at - 13).trimmed()));
        }
        return {};
    }
    // GET /healthz at `url`: its status, 0 when nothing answers.
    static int healthStatus(const QUrl &url)
    {
        QNetworkAccessManager network;
        QNetworkRequest request(url.resolved(QUrl(u"/healthz"_s)));
        request.setTransferTimeout(2000);
        std::unique_ptr<QNetworkReply> reply(network.get(request));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        finished.wait(3000);
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        startServer();
        for (const QJsonValue &value : request("GET", u"/api/v1/instruments"_s, {}, m_token)
                                           .json.value(u"instruments")
                                           .toArray()) {
            const QString symbol = value.toObject().value(u"symbol").toString();
            if (frontMonth.isEmpty() && symbol.startsWith(u"DE.BASE.M."))
                frontMonth = symbol;
        }
        QVERIFY(!frontMonth.isEmpty());
    }

    void cliAnswersHelpAndUsageErrors()
    {
        // Every command answers --help, with its usage.
        const QStringList commands {
            u""_s,
            u"init"_s,
            u"serve"_s,
            u"migrate"_s,
            u"status"_s,
            u"deal book"_s,
            u"deal list"_s,
            u"deal cancel"_s,
            u"settle"_s,
            u"backup"_s,
            u"restore"_s,
            u"user add"_s,
            u"user list"_s,
            u"user show"_s,
            u"user disable"_s,
            u"user enable"_s,
            u"user set-role"_s,
            u"user reset-password"_s,
            u"user reset-mfa"_s,
            u"apikey create"_s,
            u"apikey list"_s,
            u"apikey revoke"_s,
            u"keys rotate"_s,
            u"audit list"_s,
            u"audit verify"_s,
            u"audit orders"_s,
            u"config check"_s,
            u"limits set"_s,
            u"limits list"_s,
            u"credit set"_s,
            u"credit list"_s,
            u"notify channel set"_s,
            u"notify channel show"_s,
            u"notify channel test"_s,
            u"notify contact set"_s,
            u"notify send-test"_s,
            u"notify dlq list"_s,
            u"notify dlq retry"_s,
            u"notify dlq discard"_s,
            u"notify status"_s,
        };
        // The overview lists exactly these, each with what it does.
        QStringList listed;
        for (const QString &line : runCli({ u"--help"_s }).out.split(u'\n')) {
            if (line.startsWith(u"  "_s) && line.size() > 24)
                listed.append(line.left(24).trimmed());
        }
        QStringList expected = commands.mid(1);
        std::sort(listed.begin(), listed.end());
        std::sort(expected.begin(), expected.end());
        QCOMPARE(listed, expected);
        for (const QString &command : commands) {
            const CliResult result
                = runCli(command.split(u' ', Qt::SkipEmptyParts) + QStringList { u"--help"_s });
            QVERIFY2(result.exitCode == 0, qPrintable(command + u": "_s + result.err));
            QVERIFY2(result.out.contains(u"Usage: quantenergx-server"),
                     qPrintable(command + u": "_s + result.out));
        }
        const CliResult unknown = runCli({ u"frobnicate"_s });
        QCOMPARE(unknown.exitCode, 2);
        QCOMPARE(unknown.err.count(u'\n'), 1);
        QCOMPARE(runCli({}).exitCode, 2);
        QCOMPARE(runCli({ u"init"_s }).exitCode, 2); // no --data-dir
        QCOMPARE(runCli({ u"serve"_s, u"--data-dir"_s, dataDir(), u"--listen"_s, u"localhost"_s })
                     .exitCode,
                 2);
        // Access tokens live 5 s to a day: the option says so rather than serving nonsense.
        for (const QString &seconds : { u"4"_s, u"86401"_s, u"soon"_s }) {
            const CliResult lifetime
                = runCli({ u"serve"_s, u"--data-dir"_s, dataDir(), u"--access-token-seconds"_s,
                           seconds, u"--listen"_s, u"127.0.0.1:0"_s });
            QCOMPARE(lifetime.exitCode, 2);
            QVERIFY2(lifetime.err.contains(u"--access-token-seconds takes 5 to 86400"),
                     qPrintable(lifetime.err));
        }
        QCOMPARE(runCli({ u"user"_s, u"add"_s, u"bob"_s, u"--role"_s, u"king"_s,
                          u"--password-stdin"_s, u"--data-dir"_s, dataDir() })
                     .exitCode,
                 2);
        const CliResult uninitialised
            = runCli({ u"serve"_s, u"--data-dir"_s, m_dir.filePath(u"nothing-here"_s) });
        QCOMPARE(uninitialised.exitCode, 1);
        QVERIFY(uninitialised.err.contains(u"init"));
    }

    void cliManagesUsers()
    {
        const QStringList addBob { u"user"_s,       u"add"_s,    u"bob"_s,
                                   u"--role"_s,     u"trader"_s, u"--password-stdin"_s,
                                   u"--data-dir"_s, dataDir() };
        const CliResult tooShort = runCli(addBob, "short\n");
        QCOMPARE(tooShort.exitCode, 1);
        QVERIFY(tooShort.err.contains(u"8 characters"));
        QVERIFY(!runCli({ u"user"_s, u"list"_s, u"--data-dir"_s, dataDir() }).out.contains(u"bob"));

        QCOMPARE(runCli(addBob, "correct horse battery\n").exitCode, 0);
        const CliResult again = runCli(addBob, "correct horse battery\n");
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains(u"already exists"));
        const CliResult list
            = runCli({ u"user"_s, u"list"_s, u"--json"_s, u"--data-dir"_s, dataDir() });
        QCOMPARE(list.exitCode, 0);
        const QJsonArray users = QJsonDocument::fromJson(list.out.toUtf8()).array();
        QCOMPARE(users.size(), 2);
        QCOMPARE(users[1].toObject().value(u"username").toString(), u"bob"_s);
        QCOMPARE(users[1].toObject().value(u"role").toString(), u"trader"_s);

        // The stored hash is Argon2id, never the password.
        QCOMPARE(login(u"bob"_s, u"correct horse battery"_s).status, 200);
        QCOMPARE(login(u"bob"_s, u"wrong horse battery"_s).status, 401);
        QCOMPARE(login(u"nobody"_s, u"correct horse battery"_s).errorCode(),
                 u"invalid_credentials"_s);
        QByteArray bytes;
        if (qx::test::PostgresServer *postgres = m_server->postgres()) {
            bytes = postgres->psql(u"qx"_s, u"SELECT * FROM users"_s).value_or(QString()).toUtf8();
        } else {
            QFile database(dataDir() + u"/quantenergx.db"_s);
            QVERIFY(database.open(QIODevice::ReadOnly));
            bytes = database.readAll();
        }
        QVERIFY(!bytes.contains("correct horse battery"));
        QVERIFY(bytes.contains("$argon2id$v=19$m=19456,t=2,p=1$"));
    }

    void healthAndInstruments()
    {
        const Reply health = request("GET", u"/healthz"_s);
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json.value(u"status").toString(), u"ok"_s);
        QCOMPARE(request("GET", u"/api/v1/instruments"_s).status, 401);
        const Reply instruments = request("GET", u"/api/v1/instruments"_s, {}, m_token);
        QCOMPARE(instruments.status, 200);
        QStringList symbols;
        for (const QJsonValue &value : instruments.json.value(u"instruments").toArray())
            symbols.append(value.toObject().value(u"symbol").toString());
        for (const QString &prefix :
             { u"DE.BASE.M."_s, u"TTF.M."_s, u"HH.M."_s, u"BRENT.M."_s, u"EUA.DEC."_s }) {
            QVERIFY2(!symbols.filter(prefix).isEmpty(), qPrintable(prefix));
        }
        // Board order: a power desk sees German power first, shortest delivery first (intraday
        // quarter-hours, until the day's last has closed), and emissions last.
        QVERIFY2(symbols.first().startsWith(u"DE."), qPrintable(symbols.first()));
        QVERIFY2(symbols.last().startsWith(u"EUA.DEC."), qPrintable(symbols.last()));
        // Only what can still be traded, unless the expired are asked for too (the day's
        // first quarter-hours close the evening before, so a listing made today has some).
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QStringList withExpired;
        int expired = 0;
        for (const QJsonValue &value :
             request("GET", u"/api/v1/instruments?expired=true"_s, {}, m_token)
                 .json.value(u"instruments")
                 .toArray()) {
            const auto instrument = qx::core::protocol::instrumentFromJson(value.toObject());
            QVERIFY(instrument.ok());
            withExpired.append(instrument->symbol);
            if (instrument->isExpired(now)) {
                ++expired;
                QVERIFY2(!symbols.contains(instrument->symbol), qPrintable(instrument->symbol));
            }
        }
        QCOMPARE(withExpired.size(), symbols.size() + expired);
        QCOMPARE(request("GET", u"/api/v1/instruments?expired=maybe"_s, {}, m_token).status, 400);
        // One instrument, by its symbol.
        const Reply one = request("GET", u"/api/v1/instruments/"_s + frontMonth, {}, m_token);
        QCOMPARE(one.status, 200);
        QCOMPARE(one.json.value(u"symbol").toString(), frontMonth);
        QCOMPARE(one.json.value(u"currency").toString(), u"EUR"_s);
        const Reply unknown
            = request("GET", u"/api/v1/instruments/DE.BASE.M.1999-01"_s, {}, m_token);
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.errorCode(), u"not_found"_s);

        const Reply me = request("GET", u"/api/v1/me"_s, {}, m_token);
        QCOMPARE(me.json.value(u"username").toString(), u"alice"_s);
        QCOMPARE(me.json.value(u"role").toString(), u"trader"_s);
    }

    void rejectsBadTokens()
    {
        QCOMPARE(request("GET", u"/api/v1/orders"_s).errorCode(), u"missing_token"_s);
        Reply forged = request("GET", u"/api/v1/orders"_s, {}, m_token.chopped(4) + u"AAAA"_s);
        QCOMPARE(forged.status, 401);
        QCOMPARE(forged.errorCode(), u"invalid_token"_s);
        // An unsigned token ("alg": "none") is refused whatever it claims.
        const QList<QString> parts = m_token.split(u'.');
        const QString unsigned_
            = QString::fromLatin1(
                  QByteArray(R"({"alg":"none","typ":"JWT"})")
                      .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
            + u'.' + parts[1] + u'.';
        QCOMPARE(request("GET", u"/api/v1/orders"_s, {}, unsigned_).status, 401);
    }

    void placesAndCancelsOrdersWithEvents()
    {
        QList<QJsonObject> inbox;
        std::unique_ptr<QWebSocket> stream = openStream(inbox, m_token);
        QTRY_COMPARE(inbox.size(), 2);
        QCOMPARE(inbox[0].value(u"type").toString(), u"auth.ok"_s);
        QCOMPARE(inbox[1].value(u"type").toString(), u"subscribed"_s);

        const Reply placed
            = requestJson("POST", u"/api/v1/orders"_s, newOrder(u"ticket-1"_s), m_token);
        QCOMPARE(placed.status, 201);
        // Answered once durable, on a responder kept past the route: still every header.
        for (const Reply &answer : { placed, request("GET", u"/api/v1/orders"_s, {}, m_token) }) {
            QCOMPARE(answer.headers.value("x-content-type-options"), "nosniff");
            QCOMPARE(answer.headers.value("cache-control"), "no-store");
            QCOMPARE(answer.headers.value("content-security-policy"), "default-src 'none'");
            QCOMPARE(answer.headers.value("content-type"), "application/json");
        }
        const QString id = placed.json.value(u"id").toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(placed.json.value(u"status").toString(), u"open"_s);
        QCOMPARE(placed.json.value(u"price").toString(), u"42.5"_s);
        QCOMPARE(placed.json.value(u"quantity").toString(), u"25"_s);
        QVERIFY(qx::core::protocol::fromWireTime(placed.json.value(u"created_at").toString())
                    .isValid());
        QTRY_COMPARE(inbox.size(), 3);
        QCOMPARE(inbox[2].value(u"type").toString(), u"order.accepted"_s);
        QCOMPARE(inbox[2].value(u"order").toObject(), placed.json);

        // Same key, same body: the same order again, not a second one.
        const Reply replayed
            = requestJson("POST", u"/api/v1/orders"_s, newOrder(u"ticket-1"_s), m_token);
        QCOMPARE(replayed.status, 200);
        QCOMPARE(replayed.json.value(u"id").toString(), id);
        const Reply conflicting = requestJson("POST", u"/api/v1/orders"_s,
                                              newOrder(u"ticket-1"_s, u"43.00"_s), m_token);
        QCOMPARE(conflicting.status, 409);
        QCOMPARE(conflicting.errorCode(), u"duplicate_client_order_id"_s);
        QCOMPARE(orders().size(), 1);

        const Reply cancelled = request("DELETE", u"/api/v1/orders/"_s + id, {}, m_token);
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(cancelled.json.value(u"status").toString(), u"cancelled"_s);
        QTRY_COMPARE(inbox.size(), 4);
        QCOMPARE(inbox[3].value(u"type").toString(), u"order.cancelled"_s);
        QCOMPARE(inbox[3].value(u"order").toObject().value(u"id").toString(), id);

        const Reply twice = request("DELETE", u"/api/v1/orders/"_s + id, {}, m_token);
        QCOMPARE(twice.status, 409);
        QCOMPARE(twice.errorCode(), u"order_not_live"_s);
        QCOMPARE(request("DELETE", u"/api/v1/orders/999999"_s, {}, m_token).status, 404);
        QCOMPARE(request("DELETE", u"/api/v1/orders/abc"_s, {}, m_token).status, 404);
    }

    void badInputIsRejectedAndChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const auto json = [](QJsonObject object) {
            return QJsonDocument(object).toJson(QJsonDocument::Compact);
        };
        QJsonObject unknownSymbol = newOrder(u"bad-1"_s);
        unknownSymbol[u"symbol"_s] = u"XX.NOPE.M.2027-03"_s;
        QJsonObject serverOwned = newOrder(u"bad-2"_s);
        serverOwned[u"status"_s] = u"filled"_s;
        QJsonObject numericPrice = newOrder(u"bad-3"_s);
        numericPrice[u"price"_s] = 42.5;
        QTest::newRow("malformed JSON")
            << QByteArray("{\"client_order_id\":") << 400 << u"malformed_json"_s;
        QTest::newRow("not an object") << QByteArray("[1,2,3]") << 400 << u"malformed_json"_s;
        QTest::newRow("server-owned field") << json(serverOwned) << 400 << u"invalid_request"_s;
        QTest::newRow("price as a JSON number")
            << json(numericPrice) << 400 << u"invalid_request"_s;
        QTest::newRow("unknown symbol") << json(unknownSymbol) << 422 << u"unknown_symbol"_s;
        QTest::newRow("zero quantity")
            << json(newOrder(u"bad-4"_s, u"42.50"_s, u"0"_s)) << 422 << u"quantity_not_positive"_s;
        QTest::newRow("negative quantity")
            << json(newOrder(u"bad-5"_s, u"42.50"_s, u"-5"_s)) << 422 << u"quantity_not_positive"_s;
        QTest::newRow("price off tick")
            << json(newOrder(u"bad-6"_s, u"42.505"_s)) << 422 << u"price_off_tick"_s;
        QTest::newRow("quantity off lot")
            << json(newOrder(u"bad-7"_s, u"42.50"_s, u"2.5"_s)) << 422 << u"quantity_off_lot"_s;
        QTest::newRow("too large") << QByteArray(100 * 1024, ' ') << 413 << u"payload_too_large"_s;
    }
    void badInputIsRejectedAndChangesNothing()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        const QJsonArray before = orders();
        const Reply reply = request("POST", u"/api/v1/orders"_s, body, m_token);
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.errorCode(), code);
        QVERIFY(!reply.errorMessage().isEmpty());
        QCOMPARE(orders(), before);
    }

    void anotherUsersOrderIsInvisible()
    {
        const Reply placed = requestJson("POST", u"/api/v1/orders"_s, newOrder(u"mine"_s), m_token);
        QCOMPARE(placed.status, 201);
        const QString bobToken
            = login(u"bob"_s, u"correct horse battery"_s).json.value(u"access_token").toString();
        QList<QJsonObject> bobInbox;
        std::unique_ptr<QWebSocket> bobStream = openStream(bobInbox, bobToken);
        QTRY_COMPARE(bobInbox.size(), 2);
        const QString id = placed.json.value(u"id").toString();
        // Alice reads her order as it stands; to bob it does not exist.
        const Reply mine = request("GET", u"/api/v1/orders/"_s + id, {}, m_token);
        QCOMPARE(mine.status, 200);
        QCOMPARE(mine.json.value(u"client_order_id").toString(), u"mine"_s);
        QCOMPARE(mine.json.value(u"status").toString(), u"open"_s);
        const Reply hidden = request("GET", u"/api/v1/orders/"_s + id, {}, bobToken);
        QCOMPARE(hidden.status, 404);
        QCOMPARE(hidden.errorCode(), u"not_found"_s);
        QCOMPARE(request("GET", u"/api/v1/orders/not-an-id"_s, {}, m_token).status, 404);
        QCOMPARE(request("DELETE", u"/api/v1/orders/"_s + id, {}, bobToken).status, 404);
        QVERIFY(request("GET", u"/api/v1/orders"_s, {}, bobToken)
                    .json.value(u"orders")
                    .toArray()
                    .isEmpty());
        QCOMPARE(request("DELETE", u"/api/v1/orders/"_s + id, {}, m_token).status, 200);
        QCOMPARE(request("GET", u"/api/v1/orders/"_s + id, {}, m_token).json.value(u"status"),
                 u"cancelled"_s);
        QTest::qWait(200);
        QCOMPARE(bobInbox.size(), 2); // alice's events never reach bob
    }

    // Long lists come a page at a time, newest first: each page says where the next starts,
    // the last that there is none; a page too big or a bad cursor is refused.
    void ordersComeAPageAtATime()
    {
        const QString token = m_server->addTrader(u"pia"_s, u"pia's long passphrase"_s);
        QStringList placedIds;
        for (int i = 0; i < 5; ++i) {
            const Reply placed
                = requestJson("POST", u"/api/v1/orders"_s, newOrder(u"pia-%1"_s.arg(i)), token);
            QCOMPARE(placed.status, 201);
            placedIds.prepend(placed.json.value(u"id").toString());
        }
        QStringList seen;
        QString before;
        int pages = 0;
        do {
            const Reply page
                = request("GET",
                          u"/api/v1/orders?limit=2"_s
                              + (before.isEmpty() ? QString() : u"&before="_s + before),
                          {}, token);
            QCOMPARE(page.status, 200);
            const QJsonArray orders = page.json.value(u"orders").toArray();
            QVERIFY(orders.size() <= 2);
            for (const QJsonValue &order : orders)
                seen.append(order.toObject().value(u"id").toString());
            before = page.json.value(u"next_before").toString();
            ++pages;
        } while (!before.isEmpty() && pages < 10);
        QCOMPARE(seen, placedIds); // all five, newest first, once each
        QCOMPARE(pages, 3);
        QCOMPARE(request("GET", u"/api/v1/orders?limit=0"_s, {}, token).status, 400);
        QCOMPARE(request("GET", u"/api/v1/orders?limit=1001"_s, {}, token).status, 400);
        QCOMPARE(request("GET", u"/api/v1/trades?before=x"_s, {}, token).status, 400);
        QVERIFY(request("GET", u"/api/v1/orders"_s, {}, token).json.value(u"next_before").isNull());
        QCOMPARE(request("DELETE", u"/api/v1/orders"_s, {}, token).status, 200);
    }

    // Guessing a password is throttled per account and source address: after ten failures
    // from one address even the right password is answered 429 with Retry-After there, while
    // the owner signs in from elsewhere.
    void failedSignInsAreThrottled()
    {
        const QString password = u"victor's long passphrase"_s;
        (void)m_server->addTrader(u"victor"_s, password);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(login(u"victor"_s, u"wrong guess %1"_s.arg(i)).status, 401);
        const Reply refused = login(u"victor"_s, password);
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.errorCode(), u"rate_limited"_s);
        const int wait = refused.headers.value("retry-after").toInt();
        QVERIFY(wait > 0 && wait <= 30 * 60);
        QCOMPARE(refused.json.value(u"error").toObject().value(u"retry_after").toInt(), wait);
        const QByteArray body = QJsonDocument(QJsonObject { { u"username"_s, u"victor"_s },
                                                            { u"password"_s, password } })
                                    .toJson(QJsonDocument::Compact);
        const Reply elsewhere = m_server->requestFrom(QHostAddress(u"127.0.0.2"_s), "POST",
                                                      u"/api/v1/auth/login"_s, body);
        QCOMPARE(elsewhere.status, 200);
        QVERIFY(!elsewhere.json.value(u"access_token").toString().isEmpty());
    }

    // Sign-ins, their failures and admin commands are in the audit log, with where they came
    // from, and its hash chain holds.
    void theAuditLogRecordsSignInsAndAdminCommands()
    {
        const CliResult listed = runCli({ u"audit"_s, u"list"_s, u"--json"_s, u"--limit"_s,
                                          u"10000"_s, u"--data-dir"_s, dataDir() });
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray entries = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        const auto has = [&entries](const QString &action, const QString &target,
                                    const QString &source) {
            return std::any_of(entries.cbegin(), entries.cend(), [&](const QJsonValue &entry) {
                const QJsonObject e = entry.toObject();
                return e.value(u"action").toString() == action
                    && e.value(u"target").toString() == target
                    && (source.isEmpty() || e.value(u"source").toString() == source);
            });
        };
        QVERIFY(has(u"user_added"_s, u"victor"_s, u"local"_s));
        QVERIFY(has(u"login_failed"_s, u"victor"_s, u"127.0.0.1"_s));
        QVERIFY(has(u"login"_s, u"victor"_s, u"127.0.0.2"_s));
        const CliResult verified = runCli({ u"audit"_s, u"verify"_s, u"--data-dir"_s, dataDir() });
        QCOMPARE(verified.exitCode, 0);
        QVERIFY(verified.out.contains(u"intact"));
    }

    // An admin's commands for one user, applied to the running server at once: a new role
    // at the next request, a disabled account out at once and back when enabled, a reset
    // password ending the old one's sessions. Each is in the audit log.
    void adminCommandsChangeOneUser()
    {
        const QString password = u"walt's long passphrase"_s;
        const QString token = m_server->addTrader(u"walt"_s, password);
        const CliResult shown
            = m_server->runAdmin({ u"user"_s, u"show"_s, u"walt"_s, u"--json"_s });
        QCOMPARE(shown.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(shown.out.toUtf8()).object().value(u"role").toString(),
                 u"trader"_s);
        QCOMPARE(m_server->runAdmin({ u"user"_s, u"show"_s, u"nobody"_s }).exitCode, 1);
        QCOMPARE(m_server->runAdmin({ u"user"_s, u"set-role"_s, u"walt"_s, u"boss"_s }).exitCode,
                 2);

        QCOMPARE(m_server->runAdmin({ u"user"_s, u"set-role"_s, u"walt"_s, u"viewer"_s }).exitCode,
                 0);
        QCOMPARE(request("GET", u"/api/v1/me"_s, {}, token).json.value(u"role").toString(),
                 u"viewer"_s);
        QCOMPARE(requestJson("POST", u"/api/v1/orders"_s, newOrder(u"walt-1"_s), token).status,
                 403);

        QCOMPARE(m_server->runAdmin({ u"user"_s, u"disable"_s, u"walt"_s }).exitCode, 0);
        QCOMPARE(request("GET", u"/api/v1/me"_s, {}, token).status, 401);
        QCOMPARE(login(u"walt"_s, password).status, 401);
        QCOMPARE(m_server->runAdmin({ u"user"_s, u"enable"_s, u"walt"_s }).exitCode, 0);
        const QString again = login(u"walt"_s, password).json.value(u"access_token").toString();
        QCOMPARE(request("GET", u"/api/v1/me"_s, {}, again).status, 200);

        const QString renewed = u"walt's newer passphrase"_s;
        QCOMPARE(
            m_server
                ->runAdmin({ u"user"_s, u"reset-password"_s, u"walt"_s }, renewed.toUtf8() + '\n')
                .exitCode,
            0);
        QCOMPARE(request("GET", u"/api/v1/me"_s, {}, again).status, 401);
        QCOMPARE(login(u"walt"_s, password).status, 401);
        QCOMPARE(login(u"walt"_s, renewed).status, 200);
        const CliResult audit = runCli(
            { u"audit"_s, u"list"_s, u"--limit"_s, u"10000"_s, u"--data-dir"_s, dataDir() });
        for (const char *action :
             { "role_changed", "user_disabled", "user_enabled", "password_reset" })
            QVERIFY2(audit.out.contains(QString::fromLatin1(action)), action);
    }

    // An admin makes an API key for a user's program, lists and revokes it.
    void adminMakesApiKeysForAProgram()
    {
        (void)m_server->addTrader(u"xena"_s, u"xena's long passphrase"_s);
        const CliResult made = runCli({ u"apikey"_s, u"create"_s, u"xena"_s, u"--name"_s,
                                        u"price feed"_s, u"--scope"_s, u"market:read"_s,
                                        u"--days"_s, u"7"_s, u"--data-dir"_s, dataDir() });
        QCOMPARE(made.exitCode, 0);
        const QString key = u"ApiKey "_s + made.out.trimmed();
        QVERIFY(key.startsWith(u"ApiKey qx_"));
        // Made by another process: the running server learns of it at its next settings poll.
        QTRY_COMPARE(request("GET", u"/api/v1/instruments"_s, {}, key).status, 200);
        QCOMPARE(request("GET", u"/api/v1/orders"_s, {}, key).status, 403);

        const CliResult listed
            = runCli({ u"apikey"_s, u"list"_s, u"xena"_s, u"--data-dir"_s, dataDir() });
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray keys = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        QCOMPARE(keys.size(), 1);
        QCOMPARE(keys.first().toObject().value(u"name").toString(), u"price feed"_s);
        const QString id = keys.first().toObject().value(u"id").toString();
        QCOMPARE(runCli({ u"apikey"_s, u"revoke"_s, u"xena"_s, id, u"--data-dir"_s, dataDir() })
                     .exitCode,
                 0);
        QTRY_COMPARE(request("GET", u"/api/v1/instruments"_s, {}, key).status, 401);

        QCOMPARE(runCli({ u"apikey"_s, u"create"_s, u"xena"_s, u"--name"_s, u"x"_s, u"--scope"_s,
                          u"books:audit"_s, u"--data-dir"_s, dataDir() })
                     .exitCode,
                 2);
        QCOMPARE(
            runCli({ u"apikey"_s, u"list"_s, u"nobody"_s, u"--data-dir"_s, dataDir() }).exitCode,
            1);
    }

    // status asks the data directory's running server how it is; a server that does not
    // answer is exit 1.
    void statusAsksTheRunningServer()
    {
        const CliResult running = runCli({ u"status"_s, u"--json"_s, u"--data-dir"_s, dataDir() });
        QCOMPARE(running.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(running.out.toUtf8()).object();
        QCOMPARE(report.value(u"status").toString(), u"ok"_s);
        QCOMPARE(QUrl(report.value(u"url").toString()).port(), m_server->url().port());
        QCOMPARE(runCli({ u"status"_s, u"--url"_s, u"http://127.0.0.1:1"_s }).exitCode, 1);
    }

    // config check: what is in effect, secrets masked, and whether it works.
    // serve's settings: flags over the environment (QX_...) over the data directory's
    // configuration file over the defaults. serve reads each level (a bad TLS file named at
    // each level is the one it refuses), and config check shows where each came from.
    void oneServerPerDataDirectory()
    {
        // A second server on the same data directory would match the same books: refused
        // before it listens, and the first goes on.
        const CliResult second
            = runCli({ u"serve"_s, u"--data-dir"_s, dataDir(), u"--listen"_s, u"127.0.0.1:0"_s });
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(second.err.contains(u"is in use by another server (process "),
                 qPrintable(second.err));
        QVERIFY2(!second.out.contains(u"listening"), qPrintable(second.out));
        QCOMPARE(request("GET", u"/healthz"_s).status, 200);
        // Nor is its database replaced under it.
        const CliResult restore = runCli({ u"restore"_s, u"--from"_s, m_dir.filePath(u"none"_s),
                                           u"--force"_s, u"--data-dir"_s, dataDir() });
        QCOMPARE(restore.exitCode, 1);
        QVERIFY2(restore.err.contains(u"in use"), qPrintable(restore.err));
        // On PostgreSQL the database is held too: another data directory on the same one.
        if (m_server->postgres()) {
            const QString other = m_dir.filePath(u"other-directory"_s);
            QCOMPARE(runCli({ u"init"_s, u"--data-dir"_s, other }).exitCode, 0);
            const CliResult elsewhere
                = runCli({ u"serve"_s, u"--data-dir"_s, other, u"--listen"_s, u"127.0.0.1:0"_s });
            QCOMPARE(elsewhere.exitCode, 1);
            QVERIFY2(elsewhere.err.contains(u"database is in use"), qPrintable(elsewhere.err));
        }
    }

    void aBundledServerEndsWithItsParent()
    {
        if (m_server->postgres())
            QSKIP("The parent watch does not depend on the database (tested on SQLite).");
        const QString directory = m_dir.filePath(u"bundled"_s);
        QCOMPARE(runCli({ u"init"_s, u"--data-dir"_s, directory }).exitCode, 0);
        const QStringList serve { u"serve"_s,    u"--data-dir"_s,  directory,
                                  u"--listen"_s, u"127.0.0.1:0"_s, u"--exit-with-parent"_s };
        const QString program = QStringLiteral(QX_SERVER_BINARY);

        // The parent's end of the pipe closes (it exits, or crashes and the kernel closes it).
        QProcess server;
        server.start(program, serve);
        QVERIFY(listeningUrl(server).isValid());
        server.closeWriteChannel();
        QVERIFY(server.waitForFinished(10'000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);

        // The parent is killed outright while another process still holds the pipe open:
        // the kernel's parent-death signal ends the server.
        QProcess parent;
        parent.start(u"/bin/sh"_s,
                     QStringList { u"-c"_s, u"\"$0\" \"$@\"; exit 0"_s, program } + serve);
        const QUrl url = listeningUrl(parent);
        QVERIFY(url.isValid());
        QCOMPARE(healthStatus(url), 200);
        ::kill(pid_t(parent.processId()), SIGKILL);
        QTRY_VERIFY_WITH_TIMEOUT(healthStatus(url) == 0, 10'000);
        // ... and has let go of the directory: it serves again.
        QProcess again;
        again.start(program, serve);
        QVERIFY(listeningUrl(again).isValid());
        again.closeWriteChannel();
        QVERIFY(again.waitForFinished(10'000));
    }

    void aSecondDesktopReusesTheRunningBundledServer()
    {
        if (m_server->postgres())
            QSKIP("The bundled server runs on SQLite.");
        const QString directory = m_dir.filePath(u"shared-desk"_s);
        TestServer first(directory);
        QVERIFY2(first.start(), qPrintable(first.error()));
        qx::client::LocalServer::Options options;
        options.serverProgram = QStringLiteral(QX_SERVER_BINARY);
        options.dataDir = directory;
        options.username = u"alice"_s;
        qx::client::LocalServer second(options);
        QSignalSpy ready(&second, &qx::client::LocalServer::ready);
        QSignalSpy failed(&second, &qx::client::LocalServer::failed);
        second.start();
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 30'000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QCOMPARE(ready[0][0].toUrl(), first.url());
        QVERIFY(second.reused());
        // The trader it set up signs in there.
        QCOMPARE(first.login(u"alice"_s, second.password()).status, 200);
    }

    void settingsComeFromFlagsEnvironmentFileAndDefaults()
    {
        QTemporaryDir other;
        const QString dir = other.filePath(u"data"_s);
        QCOMPARE(runCli({ u"init"_s, u"--data-dir"_s, dir }).exitCode, 0);
        QFile config(dir + u"/quantenergx.conf"_s);
        QVERIFY(config.open(QIODevice::Append));
        config.write("[serve]\nlisten=127.0.0.1:9999\nmax-login-failures=5\n"
                     "tls-cert=/from/file.crt\ntls-key=/from/file.key\n"
                     "cors-origin=https://a.example, https://b.example\n");
        config.close();
        const auto serveRefusal = [&dir](const QStringList &flags) {
            const CliResult refused
                = runCli(QStringList { u"serve"_s, u"--data-dir"_s, dir } + flags);
            return refused.exitCode == 2 ? refused.err : QString();
        };
        QVERIFY(serveRefusal({}).contains(u"/from/file.crt"));
        qputenv("QX_TLS_CERT", "/from/environment.crt");
        QVERIFY(serveRefusal({}).contains(u"/from/environment.crt"));
        QVERIFY(serveRefusal({ u"--tls-cert"_s, u"/from/flag.crt"_s }).contains(u"/from/flag.crt"));
        qunsetenv("QX_TLS_CERT");
        QVERIFY(config.open(QIODevice::Append));
        config.write("redis=redis://:hunter2@127.0.0.1:6390/0\n"); // a secret, to be masked
        config.close();

        qputenv("QX_MAX_LOGIN_FAILURES", "7");
        const CliResult checked
            = runCli({ u"config"_s, u"check"_s, u"--json"_s, u"--data-dir"_s, dir });
        qunsetenv("QX_MAX_LOGIN_FAILURES");
        QVERIFY(!checked.out.contains(u"hunter2"));
        const QJsonObject serve
            = QJsonDocument::fromJson(checked.out.toUtf8()).object().value(u"serve").toObject();
        const auto setting = [&serve](const QString &name) {
            const QJsonObject found = serve.value(name).toObject();
            return std::pair(found.value(u"value"), found.value(u"from").toString());
        };
        QCOMPARE(setting(u"max-login-failures"_s),
                 std::pair(QJsonValue(u"7"_s), u"QX_MAX_LOGIN_FAILURES"_s));
        QCOMPARE(setting(u"listen"_s),
                 std::pair(QJsonValue(u"127.0.0.1:9999"_s), u"configuration file"_s));
        QCOMPARE(setting(u"price-band-pct"_s), std::pair(QJsonValue(u"20"_s), u"default"_s));
        QCOMPARE(setting(u"cors-origin"_s).first,
                 QJsonValue(QJsonArray { u"https://a.example"_s, u"https://b.example"_s }));
        QCOMPARE(setting(u"simulate"_s), std::pair(QJsonValue(false), u"default"_s));
    }

    void configCheckShowsTheConfigurationMasked()
    {
        const CliResult checked
            = runCli({ u"config"_s, u"check"_s, u"--json"_s, u"--data-dir"_s, dataDir() });
        QCOMPARE(checked.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(checked.out.toUtf8()).object();
        QCOMPARE(report.value(u"pending_migrations").toInt(), 0);
        QVERIFY(report.value(u"problems").toArray().isEmpty());
        const QString keyId = request("GET", u"/.well-known/jwks.json"_s)
                                  .json.value(u"keys")
                                  .toArray()
                                  .first()
                                  .toObject()
                                  .value(u"kid")
                                  .toString();
        QCOMPARE(report.value(u"signing_key_id").toString(), keyId);

        const CliResult elsewhere
            = runCli({ u"config"_s, u"check"_s, u"--json"_s, u"--database"_s,
                       u"postgresql://u:secret@127.0.0.1:1/x"_s, u"--data-dir"_s, dataDir() });
        QCOMPARE(elsewhere.exitCode, 1); // nobody listens there
        QVERIFY(!elsewhere.out.contains(u"secret"));
        const QJsonObject masked = QJsonDocument::fromJson(elsewhere.out.toUtf8()).object();
        QCOMPARE(masked.value(u"database").toString(), u"postgresql://u:***@127.0.0.1:1/x"_s);
        QCOMPARE(masked.value(u"database_from").toString(), u"--database"_s);
    }

    // Each account's requests are limited per minute (here five, by a flag); another
    // account is unaffected.
    void requestsPerAccountAreLimited()
    {
        TestServer limited(m_dir.filePath(u"limited"_s),
                           { u"--max-requests-per-minute"_s, u"5"_s });
        QVERIFY2(limited.start(), qPrintable(limited.error()));
        const QString rita = limited.addTrader(u"rita"_s, u"rita's long passphrase"_s);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(limited.request("GET", u"/api/v1/me"_s, {}, rita).status, 200);
        const Reply refused = limited.request("GET", u"/api/v1/orders"_s, {}, rita);
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.errorCode(), u"rate_limited"_s);
        QVERIFY(refused.headers.value("retry-after").toInt() > 0);
        const QString sam = limited.addTrader(u"sam"_s, u"sam's long passphrase"_s);
        QCOMPARE(limited.request("GET", u"/api/v1/me"_s, {}, sam).status, 200);
    }

    void streamRefusesBadTokens()
    {
        QList<QJsonObject> inbox;
        std::unique_ptr<QWebSocket> stream = openStream(inbox, u"not-a-token"_s);
        QSignalSpy closed(stream.get(), &QWebSocket::disconnected);
        QTRY_VERIFY(!inbox.isEmpty());
        QCOMPARE(inbox[0].value(u"type").toString(), u"error"_s);
        QCOMPARE(inbox[0].value(u"error").toObject().value(u"code").toString(), u"invalid_token"_s);
        QTRY_COMPARE(closed.size(), 1);
    }

    void unknownRoutesAnswerJson()
    {
        const Reply missing = request("GET", u"/api/v1/nothing"_s);
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.errorCode(), u"not_found"_s);
        const Reply wrongMethod = request("PUT", u"/api/v1/orders"_s, {}, m_token);
        QCOMPARE(wrongMethod.status, 405);
        QCOMPARE(wrongMethod.errorCode(), u"method_not_allowed"_s);
    }

    // An admin backs up while trading goes on, trading moves on, and a restore takes the
    // database (and so the books) back to the moment of the backup.
    void migrateListsTheSchema()
    {
        const CliResult status
            = runCli({ u"migrate"_s, u"--status"_s, u"--data-dir"_s, dataDir() });
        QVERIFY2(status.exitCode == 0, qPrintable(status.err));
        // One line per migration, each applied at a time, then the count of pending ones.
        static const QRegularExpression applied(
            u"^\\d{4}  \\d{4}_\\w+\\.sql +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC$"_s);
        const QStringList lines = status.out.trimmed().split(u'\n');
        QVERIFY(lines.size() > 1);
        for (const QString &line : lines.first(lines.size() - 1))
            QVERIFY2(applied.match(line).hasMatch(), qPrintable(line));
        QVERIFY2(lines.last().startsWith(u"0 "), qPrintable(lines.last()));
        const QJsonArray listed
            = QJsonDocument::fromJson(
                  runCli({ u"migrate"_s, u"--status"_s, u"--json"_s, u"--data-dir"_s, dataDir() })
                      .out.toUtf8())
                  .array();
        QCOMPARE(listed.size(), lines.size() - 1);
        QVERIFY(std::all_of(listed.cbegin(), listed.cend(), [](const QJsonValue &migration) {
            return migration.toObject().value(u"applied_at").isString()
                && migration.toObject().value(u"known").toBool();
        }));
        const CliResult migrate = runCli({ u"migrate"_s, u"--data-dir"_s, dataDir() });
        QVERIFY2(migrate.exitCode == 0, qPrintable(migrate.err));
        QVERIFY2(migrate.out.contains(u"schema version "_s + QString::number(lines.size() - 1)),
                 qPrintable(migrate.out));
    }

    void backupAndRestoreRoundTrip()
    {
        const QString file = m_dir.filePath(u"backup.qx"_s);
        QCOMPARE(
            requestJson("POST", u"/api/v1/orders"_s, newOrder(u"before-backup"_s), m_token).status,
            201);
        const QJsonArray atBackup = orders();
        const CliResult backup
            = runCli({ u"backup"_s, u"--out"_s, file, u"--data-dir"_s, dataDir() });
        QVERIFY2(backup.exitCode == 0, qPrintable(backup.err));
        QVERIFY(QFileInfo(file).size() > 0);
        const CliResult again
            = runCli({ u"backup"_s, u"--out"_s, file, u"--data-dir"_s, dataDir() });
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains(u"exists"));
        QCOMPARE(
            requestJson("POST", u"/api/v1/orders"_s, newOrder(u"after-backup"_s), m_token).status,
            201);
        QCOMPARE(orders().size(), atBackup.size() + 1);

        m_server->stop();
        const QStringList restore { u"restore"_s, u"--from"_s, file, u"--data-dir"_s, dataDir() };
        const CliResult refused = runCli(restore);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.err.contains(u"--force"));
        const CliResult restored = runCli(restore + QStringList { u"--force"_s });
        QVERIFY2(restored.exitCode == 0, qPrintable(restored.err));
        QCOMPARE(runCli({ u"restore"_s, u"--from"_s, m_dir.filePath(u"none"_s), u"--force"_s,
                          u"--data-dir"_s, dataDir() })
                     .exitCode,
                 1);
        startServer();
        QCOMPARE(orders(), atBackup); // "after-backup" is gone, everything before is there
    }

    void ordersSurviveARestart()
    {
        const QJsonArray before = orders();
        QVERIFY(!before.isEmpty());
        m_server->stop();
        // init again on the same directory: idempotent, keeps users and orders.
        QCOMPARE(runCli({ u"init"_s, u"--data-dir"_s, dataDir() }).exitCode, 0);
        startServer();
        QCOMPARE(orders(), before);
        // One order by id, now from storage (memory holds only the live ones): hers, not bob's.
        QJsonObject oldest;
        for (const QJsonValue &order : before) {
            const QString status = order.toObject().value(u"status").toString();
            if (status != u"open"_s && status != u"partially_filled"_s)
                oldest = order.toObject(); // finished: no longer in memory after the restart
        }
        QVERIFY(!oldest.isEmpty());
        const QString oldestId = oldest.value(u"id").toString();
        const Reply one = request("GET", u"/api/v1/orders/"_s + oldestId, {}, m_token);
        QCOMPARE(one.status, 200);
        QCOMPARE(one.json, oldest);
        const Reply bob = login(u"bob"_s, u"correct horse battery"_s);
        QVERIFY(bob.status == 200);
        QCOMPARE(request("GET", u"/api/v1/orders/"_s + oldestId, {},
                         bob.json.value(u"access_token").toString())
                     .status,
                 404);
        QCOMPARE(request("GET", u"/api/v1/orders/99999999"_s, {}, m_token).status, 404);
    }

    void acknowledgedOrdersSurviveKill9()
    {
        QStringList acknowledged;
        for (int i = 0; i < 20; ++i) {
            const Reply placed
                = requestJson("POST", u"/api/v1/orders"_s, newOrder(u"crash-%1"_s.arg(i)), m_token);
            QCOMPARE(placed.status, 201);
            acknowledged.append(placed.json.value(u"id").toString());
        }
        m_server->kill(); // SIGKILL straight after the last acknowledgement
        startServer();
        QStringList listed;
        for (const QJsonValue &order : orders())
            listed.append(order.toObject().value(u"id").toString());
        for (const QString &id : acknowledged)
            QVERIFY2(listed.contains(id), qPrintable(id));
    }

    void cleanupTestCase() { m_server.reset(); }
};

QTEST_GUILESS_MAIN(tst_Server)
#include "tst_server.moc"
