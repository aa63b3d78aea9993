// Signing in and staying signed in, against a real quantenergx-server on loopback: refresh
// tokens used once and rotated, a stolen copy's reuse revoking its whole sign-in, fifty
// parallel refreshes with one token giving exactly one successor, sign-out or a new
// password ending every token of the user; access tokens verified by PyJWT through the
// JWKS, forged ones refused on REST and WebSocket, and a key rotation keeping issued tokens
// valid.
#include "testapi.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace Qt::StringLiterals;
using qx::test::CliResult;
using qx::test::Reply;
using qx::test::TestServer;

namespace {

// The PyJWT side of the tests (tests/support/jwt_tool.py).
CliResult jwtTool(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("/usr/bin/python3"),
                  QStringList { QStringLiteral(QX_JWT_TOOL) } + arguments);
    process.waitForFinished(30'000);
    return { process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()).trimmed(),
             QString::fromUtf8(process.readAllStandardError()) };
}

QJsonObject headerOf(const QString &token)
{
    return QJsonDocument::fromJson(QByteArray::fromBase64(token.section(u'.', 0, 0).toLatin1(),
                                                          QByteArray::Base64UrlEncoding))
        .object();
}

} // namespace

class tst_Security : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_server;

    struct Pair
    {
        QString access;
        QString refresh;
    };
    static Pair pairOf(const Reply &reply)
    {
        return { reply.json.value(u"access_token").toString(),
                 reply.json.value(u"refresh_token").toString() };
    }
    Pair signIn(const QString &username, const QString &password)
    {
        return pairOf(m_server->login(username, password));
    }
    Reply refresh(const QString &refreshToken)
    {
        return m_server->requestJson("POST", u"/api/v1/auth/refresh"_s,
                                     { { u"refresh_token"_s, refreshToken } }, {});
    }
    int meStatus(const QString &accessToken)
    {
        return m_server->request("GET", u"/api/v1/me"_s, {}, accessToken).status;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(m_dir.filePath(u"data"_s));
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
    }

    void refreshRotatesAndReuseRevokesTheSignIn()
    {
        const QString password = u"bob's long passphrase"_s;
        (void)m_server->addTrader(u"bob"_s, password);
        const Pair first = signIn(u"bob"_s, password);
        const Pair other = signIn(u"bob"_s, password); // another device
        QVERIFY(!first.refresh.isEmpty());

        const Reply rotated = refresh(first.refresh);
        QCOMPARE(rotated.status, 200);
        const Pair second = pairOf(rotated);
        QVERIFY(second.refresh != first.refresh);
        QCOMPARE(meStatus(second.access), 200);

        // Again at once: a request racing the first, refused without harm.
        const Reply racing = refresh(first.refresh);
        QCOMPARE(racing.status, 409);
        QCOMPARE(racing.errorCode(), u"refresh_token_used"_s);
        // Later: a copy is loose. That sign-in ends (its newest token too); others stay.
        QTest::qWait(int(2000 + 200)); // past AuthService::kRefreshGraceMs
        const Reply reused = refresh(first.refresh);
        QCOMPARE(reused.status, 401);
        QCOMPARE(reused.errorCode(), u"token_reused"_s);
        QCOMPARE(refresh(second.refresh).errorCode(), u"invalid_token"_s);
        QCOMPARE(refresh(other.refresh).status, 200);
    }

    void parallelRefreshesGiveOneSuccessor()
    {
        const QString password = u"carol's long passphrase"_s;
        (void)m_server->addTrader(u"carol"_s, password);
        const Pair pair = signIn(u"carol"_s, password);
        QNetworkAccessManager network;
        QList<QNetworkReply *> replies;
        const QByteArray body
            = QJsonDocument(QJsonObject { { u"refresh_token"_s, pair.refresh } }).toJson();
        for (int i = 0; i < 50; ++i) {
            QNetworkRequest request(m_server->url().resolved(QUrl(u"/api/v1/auth/refresh"_s)));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            replies.append(network.post(request, body));
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(replies.cbegin(), replies.cend(),
                                             [](QNetworkReply *r) { return r->isFinished(); }),
                                 20000);
        QStringList successors;
        int refused = 0;
        for (QNetworkReply *reply : std::as_const(replies)) {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
            if (status == 200)
                successors.append(json.value(u"refresh_token").toString());
            else if (status == 409)
                ++refused;
            reply->deleteLater();
        }
        QCOMPARE(successors.size(), 1);
        QCOMPARE(refused, 49);
        QCOMPARE(refresh(successors.first()).status, 200); // and it is good
    }

    void signingOutEndsEveryTokenOfTheUser()
    {
        const QString password = u"dave's long passphrase"_s;
        (void)m_server->addTrader(u"dave"_s, password);
        const Pair laptop = signIn(u"dave"_s, password);
        const Pair phone = signIn(u"dave"_s, password);
        QCOMPARE(meStatus(phone.access), 200);
        QCOMPARE(m_server->request("POST", u"/api/v1/auth/logout"_s, {}, laptop.access).status,
                 200);
        for (const Pair &session : { laptop, phone }) {
            QCOMPARE(meStatus(session.access), 401);
            QCOMPARE(refresh(session.refresh).status, 401);
        }
        const Pair again = signIn(u"dave"_s, password);
        QCOMPARE(meStatus(again.access), 200);
    }

    void aNewPasswordEndsEveryTokenOfTheUser()
    {
        const QString password = u"erin's long passphrase"_s;
        (void)m_server->addTrader(u"erin"_s, password);
        const Pair before = signIn(u"erin"_s, password);
        const QString renewed = u"erin's newer passphrase"_s;
        QCOMPARE(m_server->addTrader(u"erin"_s, renewed).isEmpty(), false); // user add --update
        QCOMPARE(meStatus(before.access), 401);
        QCOMPARE(refresh(before.refresh).status, 401);
    }

    void badRefreshRequestsChangeNothingAndAreThrottled()
    {
        QCOMPARE(m_server->request("POST", u"/api/v1/auth/refresh"_s, "{").errorCode(),
                 u"malformed_json"_s);
        const Reply unknownField
            = m_server->requestJson("POST", u"/api/v1/auth/refresh"_s,
                                    { { u"refresh_token"_s, u"x"_s }, { u"user_id"_s, 1 } }, {});
        QCOMPARE(unknownField.status, 400);
        QCOMPARE(refresh({}).status, 400);
        // Guessing tokens: refused, then throttled with Retry-After.
        int lastStatus = 0;
        Reply last;
        for (int i = 0; i < 40 && lastStatus != 429; ++i) {
            last = refresh(u"guess-%1"_s.arg(i));
            lastStatus = last.status;
            QVERIFY(lastStatus == 401 || lastStatus == 429);
        }
        QCOMPARE(lastStatus, 429);
        QVERIFY(last.headers.value("retry-after").toInt() > 0);
    }

    // Every route against every role: a role without the route's permission is answered
    // 403 forbidden and nothing happens; one with it gets past the check (bodies here are
    // empty on purpose: an allowed write is then refused as invalid, changing nothing).
    void everyRouteChecksItsPermissionForEveryRole()
    {
        QString symbol;
        for (const qx::core::Instrument &instrument : m_server->tradableInstruments()) {
            if (instrument.symbol.startsWith(u"DE.BASE.M."))
                symbol = instrument.symbol;
        }
        QVERIFY(!symbol.isEmpty());
        struct Route
        {
            QByteArray method;
            QString path;
            QString permission; ///< empty: any signed-in user
        };
        const QList<Route> routes {
            { "GET", u"/api/v1/me"_s, {} },
            { "GET", u"/api/v1/instruments"_s, u"market:read"_s },
            { "GET", u"/api/v1/markets/"_s + symbol + u"/book"_s, u"market:read"_s },
            { "GET", u"/api/v1/markets/"_s + symbol + u"/candles?interval=1h"_s, u"market:read"_s },
            { "GET", u"/api/v1/orders"_s, u"account:read"_s },
            { "GET", u"/api/v1/trades"_s, u"account:read"_s },
            { "GET", u"/api/v1/positions"_s, u"account:read"_s },
            { "POST", u"/api/v1/orders"_s, u"orders:write"_s },
            { "PATCH", u"/api/v1/orders/999999"_s, u"orders:write"_s },
            { "DELETE", u"/api/v1/orders/999999"_s, u"orders:write"_s },
            { "DELETE", u"/api/v1/orders"_s, u"orders:write"_s },
            { "GET", u"/api/v1/admin/books/"_s + symbol + u"/hash"_s, u"books:audit"_s },
        };
        for (const QString &role : { u"viewer"_s, u"trader"_s, u"risk"_s, u"admin"_s }) {
            const QString token
                = m_server->addUser(u"rbac-"_s + role, role + u"'s long passphrase"_s, role);
            const QStringList granted = m_server->request("GET", u"/api/v1/me"_s, {}, token)
                                            .json.value(u"permissions")
                                            .toVariant()
                                            .toStringList();
            QVERIFY2(!granted.isEmpty(), qPrintable(role));
            for (const Route &route : routes) {
                const Reply reply = m_server->request(route.method, route.path, "{}", token);
                const bool allowed
                    = route.permission.isEmpty() || granted.contains(route.permission);
                const QString what = role + u' ' + QString::fromLatin1(route.method) + u' '
                    + route.path + u" -> "_s + QString::number(reply.status);
                QVERIFY2(allowed == (reply.status != 403), qPrintable(what));
                if (!allowed)
                    QVERIFY2(reply.errorCode() == u"forbidden", qPrintable(what));
            }
            // The same on the stream: a viewer may watch, not trade.
            QList<QJsonObject> inbox;
            const auto stream = m_server->openStream(inbox, token, { u"orders"_s });
            QTRY_VERIFY(!inbox.isEmpty());
            stream->sendTextMessage(
                QString::fromUtf8(QJsonDocument(QJsonObject { { u"type"_s, u"order.cancel"_s },
                                                              { u"order_id"_s, u"999999"_s } })
                                      .toJson(QJsonDocument::Compact)));
            QTRY_VERIFY(std::any_of(inbox.cbegin(), inbox.cend(), [](const QJsonObject &m) {
                return m.value(u"type").toString() == u"error"_s
                    || m.value(u"type").toString().startsWith(u"order."_s);
            }));
            const bool refused = std::any_of(
                inbox.cbegin(), inbox.cend(), [](const QJsonObject &m) {
                    return m.value(u"error").toObject().value(u"code").toString() == u"forbidden"_s;
                });
            QVERIFY2(refused == !granted.contains(u"orders:write"_s), qPrintable(role));
        }
        QCOMPARE(m_server->request("GET", u"/api/v1/me"_s, {}, m_server->aliceToken())
                     .json.value(u"permissions")
                     .toArray()
                     .size(),
                 3); // a trader: market:read, account:read, orders:write
    }

    // Multi-factor sign-in with codes made by oathtool, as an authenticator app makes them:
    // one step either side of now is accepted, two is not, and a code counts once.
    void signInWithAnAuthenticatorApp()
    {
        const QString password = u"mona's long passphrase"_s;
        const QString token = m_server->addTrader(u"mona"_s, password);
        const Reply enrolled = m_server->request("POST", u"/api/v1/auth/mfa/enroll"_s, {}, token);
        QCOMPARE(enrolled.status, 200);
        const QString secret = enrolled.json.value(u"secret"_s).toString();
        QVERIFY(enrolled.json.value(u"otpauth_uri")
                    .toString()
                    .startsWith(u"otpauth://totp/QuantEnergx:mona?secret="_s + secret));

        // Clear of a step's edge, so that "now" stays one step through the checks below.
        const qint64 into = QDateTime::currentSecsSinceEpoch() % 30;
        if (into > 20)
            QTest::qWait(int(31 - into) * 1000);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto codeAt = [&secret, &now](int steps) {
            QProcess oathtool;
            oathtool.start(u"oathtool"_s,
                           { u"--totp"_s, u"-b"_s,
                             u"--now="_s
                                 + now.addSecs(30 * steps).toString(u"yyyy-MM-dd HH:mm:ss"_s)
                                 + u" UTC"_s,
                             secret });
            oathtool.waitForFinished(10'000);
            return QString::fromLatin1(oathtool.readAllStandardOutput()).trimmed();
        };
        const auto confirm = [&](const QString &code) {
            return m_server->requestJson("POST", u"/api/v1/auth/mfa/confirm"_s,
                                         { { u"code"_s, code } }, token);
        };
        const auto signInWith = [&](const char *field, const QString &code) {
            return m_server->requestJson("POST", u"/api/v1/auth/login"_s,
                                         { { u"username"_s, u"mona"_s },
                                           { u"password"_s, password },
                                           { QString::fromLatin1(field), code } },
                                         {});
        };
        QVERIFY(codeAt(0).size() == 6);
        QCOMPARE(confirm(codeAt(2)).errorCode(), u"invalid_mfa_code"_s);
        QCOMPARE(confirm(codeAt(-2)).errorCode(), u"invalid_mfa_code"_s);
        const Reply confirmed = confirm(codeAt(-1));
        QCOMPARE(confirmed.status, 200);
        const QJsonArray recovery = confirmed.json.value(u"recovery_codes").toArray();
        QCOMPARE(recovery.size(), 10);
        QCOMPARE(m_server->request("GET", u"/api/v1/me"_s, {}, token)
                     .json.value(u"mfa_enabled")
                     .toBool(),
                 true);

        const Reply asked = m_server->login(u"mona"_s, password);
        QCOMPARE(asked.status, 401);
        QCOMPARE(asked.errorCode(), u"mfa_required"_s);
        QCOMPARE(signInWith("totp_code", codeAt(0)).status, 200);
        QCOMPARE(signInWith("totp_code", codeAt(0)).errorCode(), u"invalid_mfa_code"_s); // replay
        QCOMPARE(signInWith("totp_code", codeAt(1)).status, 200);
        QCOMPARE(signInWith("totp_code", codeAt(-1)).errorCode(), u"invalid_mfa_code"_s);
        const QString spare = recovery.first().toString();
        QCOMPARE(signInWith("recovery_code", spare).status, 200);
        QCOMPARE(signInWith("recovery_code", spare).errorCode(), u"invalid_mfa_code"_s);
        QCOMPARE(m_server->request("POST", u"/api/v1/auth/mfa/enroll"_s, {}, token).status, 409);
    }

    // API keys for programs: scoped within the role, shown once, used with
    // "Authorization: ApiKey", their last use recorded, revocable only by their user.
    void apiKeysForPrograms()
    {
        const QString token = m_server->addTrader(u"paul"_s, u"paul's long passphrase"_s);
        const Reply made = m_server->requestJson("POST", u"/api/v1/apikeys"_s,
                                                 { { u"name"_s, u"quotes bot"_s },
                                                   { u"scopes"_s, QJsonArray { u"market:read"_s } },
                                                   { u"expires_in_days"_s, 30 } },
                                                 token);
        QCOMPARE(made.status, 201);
        const QString key = u"ApiKey "_s + made.json.value(u"key").toString();
        QVERIFY(key.startsWith(u"ApiKey qx_"));
        const QString id = made.json.value(u"id").toString();

        QCOMPARE(m_server->request("GET", u"/api/v1/instruments"_s, {}, key).status, 200);
        for (const auto &[method, path] :
             { std::pair<QByteArray, QString> { "GET", u"/api/v1/orders"_s },
               { "POST", u"/api/v1/orders"_s },
               { "POST", u"/api/v1/apikeys"_s } }) {
            const Reply refused = m_server->request(method, path, "{}", key);
            QCOMPARE(refused.status, 403);
        }
        const Reply tooMuch = m_server->requestJson(
            "POST", u"/api/v1/apikeys"_s,
            { { u"name"_s, u"admin bot"_s }, { u"scopes"_s, QJsonArray { u"books:audit"_s } } },
            token);
        QCOMPARE(tooMuch.status, 422);
        QCOMPARE(tooMuch.errorCode(), u"invalid_scope"_s);

        const QJsonArray listed = m_server->request("GET", u"/api/v1/apikeys"_s, {}, token)
                                      .json.value(u"keys")
                                      .toArray();
        QCOMPARE(listed.size(), 1);
        QVERIFY(!listed.first().toObject().contains(u"key"));
        QVERIFY(listed.first().toObject().value(u"last_used_at").isString());

        const QString other = m_server->addTrader(u"quinn"_s, u"quinn's long passphrase"_s);
        QCOMPARE(m_server->request("DELETE", u"/api/v1/apikeys/"_s + id, {}, other).status, 404);
        QCOMPARE(m_server->request("GET", u"/api/v1/instruments"_s, {}, key).status, 200);
        QCOMPARE(m_server->request("DELETE", u"/api/v1/apikeys/"_s + id, {}, token).status, 200);
        QCOMPARE(m_server->request("GET", u"/api/v1/instruments"_s, {}, key).status, 401);
        QCOMPARE(
            m_server->request("GET", u"/api/v1/instruments"_s, {}, u"ApiKey qx_forged"_s).status,
            401);
    }

    void tokensVerifyElsewhereThroughJwks()
    {
        const CliResult verified
            = jwtTool({ u"verify"_s, m_server->url().toString(), m_server->aliceToken() });
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.err));
        const QJsonObject claims = QJsonDocument::fromJson(verified.out.toUtf8()).object();
        QCOMPARE(claims.value(u"sub").toString(), u"alice"_s);
        QCOMPARE(claims.value(u"exp").toInteger() - claims.value(u"iat").toInteger(), 900);
        QVERIFY(!claims.value(u"jti").toString().isEmpty());
    }

    void forgedTokensAreRefused_data()
    {
        QTest::addColumn<QString>("kind");
        for (const char *kind : { "none", "hs256", "bad_signature", "expired", "audience",
                                  "unknown_kid", "jwk_header" })
            QTest::newRow(kind) << QString::fromLatin1(kind);
    }
    void forgedTokensAreRefused()
    {
        QFETCH(QString, kind);
        const QString keyId = headerOf(m_server->aliceToken()).value(u"kid").toString();
        const CliResult forged = jwtTool(
            { u"forge"_s, kind, m_server->dataDir() + u"/signing-key-ed25519.pem"_s, keyId });
        QVERIFY2(forged.exitCode == 0, qPrintable(forged.err));
        const Reply rest = m_server->request("GET", u"/api/v1/me"_s, {}, forged.out);
        QCOMPARE(rest.status, 401);
        QCOMPARE(rest.errorCode(), u"invalid_token"_s);
        QList<QJsonObject> inbox;
        const std::unique_ptr<QWebSocket> stream = m_server->openStream(inbox, forged.out);
        QTRY_VERIFY(!inbox.isEmpty());
        QCOMPARE(inbox.first().value(u"error").toObject().value(u"code").toString(),
                 u"invalid_token"_s);
    }

    // Last: it changes the key. Tokens issued before stay good until they expire; new ones
    // carry the new key id; the JWKS lists both; the retired key signs nothing new.
    void aRotatedKeyKeepsIssuedTokensValid()
    {
        const QString keyFile = m_server->dataDir() + u"/signing-key-ed25519.pem"_s;
        const QString oldKeyCopy = m_dir.filePath(u"old-key.pem"_s);
        QVERIFY(QFile::copy(keyFile, oldKeyCopy));
        const QString before = m_server->aliceToken();
        const QString oldKeyId = headerOf(before).value(u"kid").toString();
        const CliResult rotated
            = qx::test::runCli({ u"keys"_s, u"rotate"_s, u"--data-dir"_s, m_server->dataDir() });
        QVERIFY2(rotated.exitCode == 0, qPrintable(rotated.err));
        const QString newKeyId = rotated.out.trimmed().section(u' ', -1);
        QVERIFY(!newKeyId.isEmpty() && newKeyId != oldKeyId);

        QTRY_COMPARE(m_server->request("GET", u"/.well-known/jwks.json"_s)
                         .json.value(u"keys")
                         .toArray()
                         .size(),
                     2);
        const Pair after = signIn(u"alice"_s, m_server->alicePassword());
        QCOMPARE(headerOf(after.access).value(u"kid").toString(), newKeyId);
        for (const QString &token : { before, after.access }) {
            QCOMPARE(meStatus(token), 200);
            QCOMPARE(jwtTool({ u"verify"_s, m_server->url().toString(), token }).exitCode, 0);
        }
        const CliResult late = jwtTool({ u"forge"_s, u"future"_s, oldKeyCopy, oldKeyId });
        QVERIFY2(late.exitCode == 0, qPrintable(late.err));
        QCOMPARE(meStatus(late.out), 401);
    }

    void cleanupTestCase() { m_server.reset(); }
};

QTEST_GUILESS_MAIN(tst_Security)
#include "tst_security.moc"
