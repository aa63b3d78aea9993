// Signing in and staying signed in, against a real quantenergx-server on loopback: refresh
// tokens used once and rotated, a stolen copy's reuse revoking its whole sign-in, fifty
// parallel refreshes with one token giving exactly one successor, sign-out or a new
// password ending every token of the user; access tokens verified by PyJWT through the
// JWKS, forged ones refused on REST and WebSocket, and a key rotation keeping issued tokens
// valid.
#include "testapi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
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

    /// Every route the server serves: its method, its documented path, a path to call it
    /// with, and the permission it needs ("" any signed-in user, "public" anyone).
    struct MatrixRoute
    {
        QByteArray method;
        QString path;
        QString concrete;
        QString permission;
    };
    QList<MatrixRoute> matrixRoutes()
    {
        QString symbol;
        for (const qx::core::Instrument &instrument : m_server->tradableInstruments()) {
            if (instrument.symbol.startsWith(u"DE.BASE.M."))
                symbol = instrument.symbol;
        }
        const QString book = u"/api/v1/markets/"_s + symbol;
        const QString publicRoute = u"public"_s;
        return {
            { "GET", u"/healthz"_s, u"/healthz"_s, publicRoute },
            { "GET", u"/.well-known/jwks.json"_s, u"/.well-known/jwks.json"_s, publicRoute },
            { "GET", u"/api/v1/openapi.json"_s, u"/api/v1/openapi.json"_s, publicRoute },
            { "GET", u"/api/v1/stream"_s, u"/api/v1/stream"_s, publicRoute },
            { "POST", u"/api/v1/auth/login"_s, u"/api/v1/auth/login"_s, publicRoute },
            { "POST", u"/api/v1/auth/refresh"_s, u"/api/v1/auth/refresh"_s, publicRoute },
            // Public, but only a call signed with the channel's secret does anything
            // (tst_notifications).
            { "POST", u"/api/v1/webhooks/twilio/status"_s, u"/api/v1/webhooks/twilio/status"_s,
              publicRoute },
            { "GET", u"/api/v1/webhooks/whatsapp"_s, u"/api/v1/webhooks/whatsapp"_s, publicRoute },
            { "POST", u"/api/v1/webhooks/telegram"_s, u"/api/v1/webhooks/telegram"_s, publicRoute },
            { "POST", u"/api/v1/webhooks/whatsapp"_s, u"/api/v1/webhooks/whatsapp"_s, publicRoute },
            { "POST", u"/api/v1/auth/logout"_s, u"/api/v1/auth/logout"_s, {} },
            { "POST", u"/api/v1/auth/mfa/enroll"_s, u"/api/v1/auth/mfa/enroll"_s, {} },
            { "POST", u"/api/v1/auth/mfa/confirm"_s, u"/api/v1/auth/mfa/confirm"_s, {} },
            { "GET", u"/api/v1/me"_s, u"/api/v1/me"_s, {} },
            { "POST", u"/api/v1/apikeys"_s, u"/api/v1/apikeys"_s, {} },
            { "GET", u"/api/v1/apikeys"_s, u"/api/v1/apikeys"_s, {} },
            { "DELETE", u"/api/v1/apikeys/{id}"_s, u"/api/v1/apikeys/999999"_s, {} },
            { "GET", u"/api/v1/instruments"_s, u"/api/v1/instruments"_s, u"market:read"_s },
            { "GET", u"/api/v1/instruments/{symbol}"_s, u"/api/v1/instruments/"_s + symbol,
              u"market:read"_s },
            { "GET", u"/api/v1/markets/{symbol}/book"_s, book + u"/book"_s, u"market:read"_s },
            { "GET", u"/api/v1/markets/{symbol}/candles"_s, book + u"/candles?interval=1h"_s,
              u"market:read"_s },
            { "GET", u"/api/v1/orders"_s, u"/api/v1/orders"_s, u"account:read"_s },
            { "GET", u"/api/v1/trades"_s, u"/api/v1/trades"_s, u"account:read"_s },
            { "GET", u"/api/v1/positions"_s, u"/api/v1/positions"_s, u"account:read"_s },
            { "POST", u"/api/v1/orders"_s, u"/api/v1/orders"_s, u"orders:write"_s },
            { "GET", u"/api/v1/orders/{id}"_s, u"/api/v1/orders/999999"_s, u"account:read"_s },
            { "PATCH", u"/api/v1/orders/{id}"_s, u"/api/v1/orders/999999"_s, u"orders:write"_s },
            { "DELETE", u"/api/v1/orders/{id}"_s, u"/api/v1/orders/999999"_s, u"orders:write"_s },
            { "DELETE", u"/api/v1/orders"_s, u"/api/v1/orders"_s, u"orders:write"_s },
            { "GET", u"/api/v1/admin/books/{symbol}/hash"_s,
              u"/api/v1/admin/books/"_s + symbol + u"/hash"_s, u"books:audit"_s },
            { "GET", u"/api/v1/admin/users"_s, u"/api/v1/admin/users"_s, u"users:admin"_s },
            { "POST", u"/api/v1/admin/users"_s, u"/api/v1/admin/users"_s, u"users:admin"_s },
            { "GET", u"/api/v1/admin/users/{username}"_s, u"/api/v1/admin/users/alice"_s,
              u"users:admin"_s },
            { "PATCH", u"/api/v1/admin/users/{username}"_s, u"/api/v1/admin/users/nobody"_s,
              u"users:admin"_s },
            { "POST", u"/api/v1/admin/users/{username}/password"_s,
              u"/api/v1/admin/users/nobody/password"_s, u"users:admin"_s },
            { "DELETE", u"/api/v1/admin/users/{username}/mfa"_s,
              u"/api/v1/admin/users/nobody/mfa"_s, u"users:admin"_s },
            { "GET", u"/api/v1/admin/roles"_s, u"/api/v1/admin/roles"_s, u"users:admin"_s },
            { "GET", u"/api/v1/admin/apikeys"_s, u"/api/v1/admin/apikeys"_s, u"users:admin"_s },
            { "DELETE", u"/api/v1/admin/apikeys/{id}"_s, u"/api/v1/admin/apikeys/999999"_s,
              u"users:admin"_s },
            { "GET", u"/api/v1/admin/audit"_s, u"/api/v1/admin/audit?limit=5"_s, u"audit:read"_s },
            { "GET", u"/api/v1/admin/audit/verify"_s, u"/api/v1/admin/audit/verify"_s,
              u"audit:read"_s },
            { "GET", u"/api/v1/admin/audit/orders"_s, u"/api/v1/admin/audit/orders"_s,
              u"audit:read"_s },
            { "GET", u"/api/v1/admin/limits/{username}"_s, u"/api/v1/admin/limits/alice"_s,
              u"risk:admin"_s },
            { "PATCH", u"/api/v1/admin/limits/{username}"_s, u"/api/v1/admin/limits/alice"_s,
              u"risk:admin"_s },
            { "GET", u"/api/v1/admin/credit"_s, u"/api/v1/admin/credit"_s, u"risk:admin"_s },
            { "PUT", u"/api/v1/admin/credit/{counterparty}"_s, u"/api/v1/admin/credit/Nobody"_s,
              u"risk:admin"_s },
            { "GET", u"/api/v1/deals"_s, u"/api/v1/deals"_s, u"account:read"_s },
            { "GET", u"/api/v1/deals/{id}"_s, u"/api/v1/deals/999999"_s, u"account:read"_s },
            { "POST", u"/api/v1/deals"_s, u"/api/v1/deals"_s, u"deals:book"_s },
            { "POST", u"/api/v1/deals/{id}/cancel"_s, u"/api/v1/deals/999999/cancel"_s,
              u"deals:book"_s },
            { "POST", u"/api/v1/documents"_s, u"/api/v1/documents"_s, u"documents:upload"_s },
            { "GET", u"/api/v1/documents"_s, u"/api/v1/documents"_s, u"account:read"_s },
            { "GET", u"/api/v1/documents/{id}"_s, u"/api/v1/documents/999999"_s,
              u"account:read"_s },
            { "GET", u"/api/v1/documents/{id}/pages/{n}"_s, u"/api/v1/documents/999999/pages/1"_s,
              u"account:read"_s },
            { "GET", u"/api/v1/documents/{id}/original"_s, u"/api/v1/documents/999999/original"_s,
              u"account:read"_s },
            { "DELETE", u"/api/v1/documents/{id}"_s, u"/api/v1/documents/999999"_s,
              u"documents:upload"_s },
            { "POST", u"/api/v1/documents/{id}/review"_s, u"/api/v1/documents/999999/review"_s,
              u"deals:book"_s },
            { "POST", u"/api/v1/documents/{id}/book"_s, u"/api/v1/documents/999999/book"_s,
              u"deals:book"_s },
            { "GET", u"/api/v1/notifications"_s, u"/api/v1/notifications"_s, u"account:read"_s },
            { "POST", u"/api/v1/notifications/{id}/read"_s, u"/api/v1/notifications/999999/read"_s,
              u"account:read"_s },
            { "POST", u"/api/v1/notifications/read-all"_s, u"/api/v1/notifications/read-all"_s,
              u"account:read"_s },
            { "GET", u"/api/v1/notifications/preferences"_s, u"/api/v1/notifications/preferences"_s,
              u"account:read"_s },
            { "PUT", u"/api/v1/notifications/preferences"_s, u"/api/v1/notifications/preferences"_s,
              u"account:read"_s },
            { "POST", u"/api/v1/notifications/channels/telegram/link"_s,
              u"/api/v1/notifications/channels/telegram/link"_s, u"account:read"_s },
            { "GET", u"/api/v1/admin/notifications/channels"_s,
              u"/api/v1/admin/notifications/channels"_s, u"notifications:admin"_s },
            { "PUT", u"/api/v1/admin/notifications/channels/{channel}"_s,
              u"/api/v1/admin/notifications/channels/pager"_s, u"notifications:admin"_s },
            { "GET", u"/api/v1/admin/notifications/status"_s,
              u"/api/v1/admin/notifications/status"_s, u"notifications:admin"_s },
            { "GET", u"/api/v1/admin/notifications/outbox"_s,
              u"/api/v1/admin/notifications/outbox"_s, u"notifications:admin"_s },
            { "POST", u"/api/v1/admin/notifications/outbox/{id}/retry"_s,
              u"/api/v1/admin/notifications/outbox/999999/retry"_s, u"notifications:admin"_s },
            { "POST", u"/api/v1/admin/notifications/outbox/{id}/discard"_s,
              u"/api/v1/admin/notifications/outbox/999999/discard"_s, u"notifications:admin"_s },
        };
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(m_dir.filePath(u"data"_s));
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
    }

    void refreshRotatesAndARaceIsRefusedHarmlessly()
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
        // The same later is a loose copy that ends the sign-in: tst_authservice drives that
        // on a test clock rather than waiting out AuthService::kRefreshGraceMs here.
        QCOMPARE(refresh(second.refresh).status, 200);
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
    // The list is checked against the OpenAPI document: it holds every route served.
    void everyRouteChecksItsPermissionForEveryRole()
    {
        const QList<MatrixRoute> routes = matrixRoutes();
        for (const QString &role : { u"viewer"_s, u"trader"_s, u"risk"_s, u"admin"_s }) {
            const QString token
                = m_server->addUser(u"rbac-"_s + role, role + u"'s long passphrase"_s, role);
            const QStringList granted = m_server->request("GET", u"/api/v1/me"_s, {}, token)
                                            .json.value(u"permissions")
                                            .toVariant()
                                            .toStringList();
            QVERIFY2(!granted.isEmpty(), qPrintable(role));
            for (const MatrixRoute &route : routes) {
                if (route.permission == u"public" || route.path.endsWith(u"/logout"))
                    continue; // nothing to check; signing out is tested on its own
                const Reply reply = m_server->request(route.method, route.concrete, "{}", token);
                const bool allowed
                    = route.permission.isEmpty() || granted.contains(route.permission);
                const QString what = role + u' ' + QString::fromLatin1(route.method) + u' '
                    + route.concrete + u" -> "_s + QString::number(reply.status);
                QVERIFY2(allowed == (reply.status != 403), qPrintable(what));
                QVERIFY2(reply.status != 405 && reply.status < 500, qPrintable(what));
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
                 5); // a trader: market:read, account:read, orders:write, deals:book,
                     // documents:upload
    }

    // GET /api/v1/openapi.json documents exactly the routes served, each with the
    // permission it checks, and every schema and error it names exists; what a GET answers
    // has every field its schema says it always has.
    void theOpenApiDocumentDescribesEveryRoute()
    {
        const Reply fetched = m_server->request("GET", u"/api/v1/openapi.json"_s);
        QCOMPARE(fetched.status, 200);
        const QJsonObject document = fetched.json;
        QCOMPARE(document.value(u"openapi").toString(), u"3.0.3"_s);
        const QJsonObject schemas
            = document.value(u"components").toObject().value(u"schemas").toObject();

        // Every $ref anywhere resolves.
        QStringList refs;
        const std::function<void(const QJsonValue &)> collect = [&](const QJsonValue &value) {
            if (value.isObject()) {
                const QJsonObject object = value.toObject();
                for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
                    if (it.key() == u"$ref")
                        refs.append(it->toString());
                    else
                        collect(*it);
                }
            } else if (value.isArray()) {
                for (const QJsonValue &item : value.toArray())
                    collect(item);
            }
        };
        collect(document);
        QVERIFY(refs.size() > 50);
        for (const QString &ref : std::as_const(refs)) {
            QVERIFY2(ref.startsWith(u"#/components/schemas/"), qPrintable(ref));
            QVERIFY2(schemas.contains(ref.section(u'/', -1)), qPrintable(ref));
        }

        // The document's operations and the matrix's routes are the same set, with the same
        // permissions.
        QSet<QString> documented;
        const QJsonObject paths = document.value(u"paths").toObject();
        for (auto path = paths.constBegin(); path != paths.constEnd(); ++path) {
            const QJsonObject item = path->toObject();
            for (auto op = item.constBegin(); op != item.constEnd(); ++op) {
                const QJsonObject operation = op->toObject();
                const bool open = operation.value(u"security").toArray().isEmpty();
                const QString permission
                    = open ? u"public"_s : operation.value(u"x-permission").toString();
                documented.insert(op.key().toUpper() + u' ' + path.key() + u' ' + permission);
                // Each error answer names codes, and every operation has a success answer.
                const QJsonObject responses = operation.value(u"responses").toObject();
                const QStringList statuses = responses.keys();
                QVERIFY2(std::any_of(statuses.cbegin(), statuses.cend(),
                                     [](const QString &status) {
                                         return status.startsWith(u'1') || status.startsWith(u'2');
                                     }),
                         qPrintable(path.key()));
                for (auto answer = responses.constBegin(); answer != responses.constEnd();
                     ++answer) {
                    if (answer.key().toInt() >= 400) {
                        QVERIFY2(!answer->toObject().value(u"x-error-codes").toArray().isEmpty(),
                                 qPrintable(path.key() + u' ' + answer.key()));
                    }
                }
            }
        }
        QSet<QString> tested;
        for (const MatrixRoute &route : matrixRoutes()) {
            tested.insert(QString::fromLatin1(route.method) + u' ' + route.path + u' '
                          + route.permission);
        }
        QCOMPARE(documented - tested, QSet<QString>());
        QCOMPARE(tested - documented, QSet<QString>());

        // An admin's GETs answer what their schemas promise.
        const QString admin
            = m_server->addUser(u"openapi-admin"_s, u"oa's long passphrase"_s, u"admin"_s);
        int checked = 0;
        for (const MatrixRoute &route : matrixRoutes()) {
            if (route.method != "GET" || route.path == u"/api/v1/stream")
                continue;
            const Reply reply = m_server->request("GET", route.concrete, {}, admin);
            if (reply.status != 200)
                continue;
            const QJsonObject operation
                = paths.value(route.path).toObject().value(u"get").toObject();
            const QString ref = operation.value(u"responses")
                                    .toObject()
                                    .value(u"200")
                                    .toObject()
                                    .value(u"content")
                                    .toObject()
                                    .value(u"application/json")
                                    .toObject()
                                    .value(u"schema")
                                    .toObject()
                                    .value(u"$ref")
                                    .toString();
            const QJsonObject schema = schemas.value(ref.section(u'/', -1)).toObject();
            for (const QJsonValue &field : schema.value(u"required").toArray()) {
                QVERIFY2(reply.json.contains(field.toString()),
                         qPrintable(route.concrete + u" lacks "_s + field.toString()));
            }
            ++checked;
        }
        QVERIFY2(checked >= 15, qPrintable(QString::number(checked)));
    }

    // Multi-factor sign-in with codes made by oathtool, as an authenticator app makes them:
    // one step either side of now is accepted, two is not, and a code counts once.
    void signInWithAnAuthenticatorApp()
    {
        // What the server answered, seen from one TOTP step. The checks take a second or two;
        // if a step's edge passed meanwhile they ran astride two steps, so they run again for
        // a new user (once: steps are 30 s long) rather than waiting for the edge to pass.
        struct Seen
        {
            QStringList answers;
            int recoveryCodes = 0;
            bool mfaShown = false;
        };
        const auto run = [this](const QString &name) {
            Seen seen;
            const QString password = name + u"'s long passphrase"_s;
            const QString token = m_server->addTrader(name, password);
            const Reply enrolled
                = m_server->request("POST", u"/api/v1/auth/mfa/enroll"_s, {}, token);
            const QString secret = enrolled.json.value(u"secret"_s).toString();
            seen.answers.append(QString::number(enrolled.status));
            seen.answers.append(QString::number(
                enrolled.json.value(u"otpauth_uri")
                    .toString()
                    .startsWith(u"otpauth://totp/QuantEnergx:"_s + name + u"?secret="_s + secret)));
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
            const auto answer = [](const Reply &reply) {
                return reply.status == 200 ? u"200"_s : reply.errorCode();
            };
            const auto confirm = [&](const QString &code) {
                return m_server->requestJson("POST", u"/api/v1/auth/mfa/confirm"_s,
                                             { { u"code"_s, code } }, token);
            };
            const auto signInWith = [&](const char *field, const QString &code) {
                return answer(m_server->requestJson("POST", u"/api/v1/auth/login"_s,
                                                    { { u"username"_s, name },
                                                      { u"password"_s, password },
                                                      { QString::fromLatin1(field), code } },
                                                    {}));
            };
            seen.answers.append(QString::number(codeAt(0).size()));
            seen.answers.append(answer(confirm(codeAt(2))));
            seen.answers.append(answer(confirm(codeAt(-2))));
            const Reply confirmed = confirm(codeAt(-1));
            seen.answers.append(answer(confirmed));
            const QJsonArray recovery = confirmed.json.value(u"recovery_codes").toArray();
            seen.recoveryCodes = int(recovery.size());
            seen.mfaShown = m_server->request("GET", u"/api/v1/me"_s, {}, token)
                                .json.value(u"mfa_enabled")
                                .toBool();
            seen.answers.append(answer(m_server->login(name, password)));
            seen.answers.append(signInWith("totp_code", codeAt(0)));
            seen.answers.append(signInWith("totp_code", codeAt(0))); // a replay
            seen.answers.append(signInWith("totp_code", codeAt(1)));
            seen.answers.append(signInWith("totp_code", codeAt(-1)));
            const QString spare = recovery.isEmpty() ? QString() : recovery.first().toString();
            seen.answers.append(signInWith("recovery_code", spare));
            seen.answers.append(signInWith("recovery_code", spare));
            seen.answers.append(QString::number(
                m_server->request("POST", u"/api/v1/auth/mfa/enroll"_s, {}, token).status));
            return seen;
        };
        const auto step = [] {
            return QDateTime::currentSecsSinceEpoch() / 30;
        };
        qint64 started = step();
        Seen seen = run(u"mona"_s);
        if (step() != started) {
            started = step();
            seen = run(u"mona2"_s);
            QCOMPARE(step(), started);
        }
        QCOMPARE(
            seen.answers,
            (QStringList { u"200"_s, u"1"_s, u"6"_s, u"invalid_mfa_code"_s, u"invalid_mfa_code"_s,
                           u"200"_s, u"mfa_required"_s, u"200"_s, u"invalid_mfa_code"_s, u"200"_s,
                           u"invalid_mfa_code"_s, u"200"_s, u"invalid_mfa_code"_s, u"409"_s }));
        QCOMPARE(seen.recoveryCodes, 10);
        QVERIFY(seen.mfaShown);
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

        const auto listed = [this, &token] {
            return m_server->request("GET", u"/api/v1/apikeys"_s, {}, token)
                .json.value(u"keys")
                .toArray();
        };
        QCOMPARE(listed().size(), 1);
        QVERIFY(!listed().first().toObject().contains(u"key"));
        // Its use is noted beside the request, on a store reader.
        QTRY_VERIFY(listed().first().toObject().value(u"last_used_at").isString());

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

    // An admin manages users over REST: adds one (a weak password or unknown field is
    // refused and adds nobody), changes their role (in force at their next request),
    // disables them (their token stops at once), lists and revokes their API keys, and
    // cannot leave the installation without an enabled admin. All of it in the audit log,
    // read a page at a time by a risk officer, its chain intact.
    void anAdminManagesUsersOverRest()
    {
        const QString admin = m_server->addUser(u"ada"_s, u"ada's long passphrase"_s, u"admin"_s);
        const auto post = [this, &admin](const QString &path, const QJsonObject &body) {
            return m_server->requestJson("POST", path, body, admin);
        };
        const auto patch = [this, &admin](const QString &path, const QJsonObject &body) {
            return m_server->requestJson("PATCH", path, body, admin);
        };
        const QJsonObject newUser { { u"username"_s, u"tom"_s },
                                    { u"password"_s, u"tom's long passphrase"_s },
                                    { u"role"_s, u"trader"_s } };
        QJsonObject weak = newUser;
        weak.insert(u"password"_s, u"password123"_s);
        QCOMPARE(post(u"/api/v1/admin/users"_s, weak).errorCode(), u"password_too_common"_s);
        QJsonObject sneaky = newUser;
        sneaky.insert(u"token_generation"_s, 0);
        QCOMPARE(post(u"/api/v1/admin/users"_s, sneaky).status, 400);
        QJsonObject badRole = newUser;
        badRole.insert(u"role"_s, u"root"_s);
        QCOMPARE(post(u"/api/v1/admin/users"_s, badRole).status, 400);
        QCOMPARE(m_server->request("GET", u"/api/v1/admin/users/tom"_s, {}, admin).status, 404);

        const Reply added = post(u"/api/v1/admin/users"_s, newUser);
        QCOMPARE(added.status, 201);
        QCOMPARE(added.json.value(u"role").toString(), u"trader"_s);
        QVERIFY(!added.json.contains(u"password_hash"));
        QCOMPARE(post(u"/api/v1/admin/users"_s, newUser).errorCode(), u"user_exists"_s);
        const QString tom = signIn(u"tom"_s, u"tom's long passphrase"_s).access;
        QCOMPARE(meStatus(tom), 200);
        const Reply key = m_server->requestJson(
            "POST", u"/api/v1/apikeys"_s,
            { { u"name"_s, u"tom's bot"_s }, { u"scopes"_s, QJsonArray { u"market:read"_s } } },
            tom);
        QCOMPARE(key.status, 201);
        const QString keyAuth = u"ApiKey "_s + key.json.value(u"key").toString();

        const Reply demoted = patch(u"/api/v1/admin/users/tom"_s, { { u"role"_s, u"viewer"_s } });
        QCOMPARE(demoted.status, 200);
        QCOMPARE(demoted.json.value(u"user").toObject().value(u"role").toString(), u"viewer"_s);
        QCOMPARE(m_server->request("GET", u"/api/v1/me"_s, {}, tom).json.value(u"role").toString(),
                 u"viewer"_s);
        QCOMPARE(patch(u"/api/v1/admin/users/tom"_s, { { u"filled_quantity"_s, 1 } }).status, 400);

        // Every key, with its user; one revoked by the admin stops working.
        const QJsonArray keys = m_server->request("GET", u"/api/v1/admin/apikeys"_s, {}, admin)
                                    .json.value(u"keys")
                                    .toArray();
        const auto tomsKey = std::find_if(keys.cbegin(), keys.cend(), [](const QJsonValue &k) {
            return k.toObject().value(u"username").toString() == u"tom"_s;
        });
        QVERIFY(tomsKey != keys.cend());
        QCOMPARE(m_server->request("GET", u"/api/v1/instruments"_s, {}, keyAuth).status, 200);
        QCOMPARE(
            m_server
                ->request("DELETE",
                          u"/api/v1/admin/apikeys/"_s + tomsKey->toObject().value(u"id").toString(),
                          {}, admin)
                .status,
            200);
        QCOMPARE(m_server->request("GET", u"/api/v1/instruments"_s, {}, keyAuth).status, 401);

        const Reply disabled = patch(u"/api/v1/admin/users/tom"_s, { { u"disabled"_s, true } });
        QCOMPARE(disabled.status, 200);
        QCOMPARE(meStatus(tom), 401);
        QCOMPARE(m_server->login(u"tom"_s, u"tom's long passphrase"_s).status, 401);
        QCOMPARE(patch(u"/api/v1/admin/users/tom"_s, { { u"disabled"_s, false } }).status, 200);
        const Reply reset = post(u"/api/v1/admin/users/tom/password"_s,
                                 { { u"password"_s, u"tom's newer passphrase"_s } });
        QCOMPARE(reset.status, 200);
        QCOMPARE(m_server->login(u"tom"_s, u"tom's long passphrase"_s).status, 401);
        QCOMPARE(m_server->login(u"tom"_s, u"tom's newer passphrase"_s).status, 200);

        // The last enabled admin stays one: the other admins disabled, ada cannot step down.
        const QJsonArray users = m_server->request("GET", u"/api/v1/admin/users"_s, {}, admin)
                                     .json.value(u"users")
                                     .toArray();
        QStringList otherAdmins;
        for (const QJsonValue &user : users) {
            const QJsonObject u = user.toObject();
            if (u.value(u"role").toString() == u"admin"_s && !u.value(u"disabled").toBool()
                && u.value(u"username").toString() != u"ada"_s)
                otherAdmins.append(u.value(u"username").toString());
        }
        for (const QString &other : std::as_const(otherAdmins)) {
            QCOMPARE(patch(u"/api/v1/admin/users/"_s + other, { { u"disabled"_s, true } }).status,
                     200);
        }
        const Reply stepDown = patch(u"/api/v1/admin/users/ada"_s, { { u"role"_s, u"risk"_s } });
        QCOMPARE(stepDown.status, 409);
        QCOMPARE(stepDown.errorCode(), u"last_admin"_s);
        QCOMPARE(meStatus(admin), 200);
        for (const QString &other : std::as_const(otherAdmins)) {
            QCOMPARE(patch(u"/api/v1/admin/users/"_s + other, { { u"disabled"_s, false } }).status,
                     200);
        }

        // A risk officer reads the log a page at a time; ada's changes are there, from her
        // address, and the chain holds.
        const QString risk = m_server->addUser(u"rita"_s, u"rita's long passphrase"_s, u"risk"_s);
        QJsonArray entries;
        qint64 after = 0;
        for (int page = 0; page < 1000; ++page) {
            const Reply read = m_server->request(
                "GET", u"/api/v1/admin/audit?limit=50&after="_s + QString::number(after), {}, risk);
            QCOMPARE(read.status, 200);
            const QJsonArray some = read.json.value(u"entries").toArray();
            QVERIFY(some.size() <= 50);
            if (some.isEmpty())
                break;
            for (const QJsonValue &entry : some)
                entries.append(entry);
            after = read.json.value(u"next_after").toInteger();
        }
        const auto logged = [&entries](const QString &action, const QString &target) {
            return std::any_of(entries.cbegin(), entries.cend(), [&](const QJsonValue &entry) {
                const QJsonObject e = entry.toObject();
                return e.value(u"action").toString() == action
                    && e.value(u"target").toString() == target
                    && e.value(u"actor").toString() == u"ada"_s
                    && e.value(u"source").toString() == u"127.0.0.1"_s;
            });
        };
        QVERIFY(logged(u"user_added"_s, u"tom"_s));
        QVERIFY(logged(u"role_changed"_s, u"tom"_s));
        QVERIFY(logged(u"user_disabled"_s, u"tom"_s));
        QVERIFY(logged(u"password_reset"_s, u"tom"_s));
        QVERIFY(logged(u"api_key_revoked"_s, tomsKey->toObject().value(u"id").toString()));
        QCOMPARE(m_server->request("GET", u"/api/v1/admin/audit?limit=1001"_s, {}, risk).status,
                 400);
        const Reply verified = m_server->request("GET", u"/api/v1/admin/audit/verify"_s, {}, risk);
        QCOMPARE(verified.json.value(u"intact").toBool(), true);
        QVERIFY(verified.json.value(u"first_broken").isNull());
    }

    // Orders placed, changed and cancelled are in the audit log with who and from where,
    // found by order and by user, the chain intact; an order refused is not.
    void ordersAndCancelsAreAudited()
    {
        const QString trader = m_server->addTrader(u"olga"_s, u"olga's long passphrase"_s);
        QString symbol;
        for (const qx::core::Instrument &instrument : m_server->tradableInstruments()) {
            if (instrument.symbol.startsWith(u"DE.BASE.M."))
                symbol = instrument.symbol;
        }
        const Reply placed = m_server->requestJson(
            "POST", u"/api/v1/orders"_s,
            qx::test::limitOrder(u"olga-1"_s, symbol, "buy", u"5"_s, u"1.00"_s), trader);
        QCOMPARE(placed.status, 201);
        const QString id = placed.json.value(u"id").toString();
        QCOMPARE(m_server
                     ->requestJson("PATCH", u"/api/v1/orders/"_s + id,
                                   { { u"quantity"_s, u"7"_s } }, trader)
                     .status,
                 200);
        QCOMPARE(m_server->request("DELETE", u"/api/v1/orders/"_s + id, {}, trader).status, 200);
        QCOMPARE(
            m_server
                ->requestJson("POST", u"/api/v1/orders"_s,
                              qx::test::limitOrder(u"olga-2"_s, symbol, "buy", u"5"_s, u"1.001"_s),
                              trader)
                .status,
            422); // off tick: refused, nothing to audit

        const QString risk = m_server->addUser(u"rick"_s, u"rick's long passphrase"_s, u"risk"_s);
        const Reply audited
            = m_server->request("GET", u"/api/v1/admin/audit/orders?order_id="_s + id, {}, risk);
        QCOMPARE(audited.status, 200);
        const QJsonArray entries = audited.json.value(u"entries").toArray();
        QStringList actions;
        for (const QJsonValue &entry : entries) {
            const QJsonObject e = entry.toObject();
            QCOMPARE(e.value(u"user").toString(), u"olga"_s);
            QCOMPARE(e.value(u"source").toString(), u"127.0.0.1"_s);
            QCOMPARE(e.value(u"order_id").toString(), id);
            actions.append(e.value(u"action").toString());
        }
        QCOMPARE(actions,
                 QStringList({ u"order_placed"_s, u"order_modified"_s, u"order_cancelled"_s }));
        QVERIFY(entries[0].toObject().value(u"detail").toString().startsWith(u"buy 5 "_s + symbol));
        QVERIFY(entries[0].toObject().value(u"detail").toString().endsWith(u"client=olga-1"));
        QCOMPARE(m_server->request("GET", u"/api/v1/admin/audit/orders?user=olga"_s, {}, risk)
                     .json.value(u"entries")
                     .toArray()
                     .size(),
                 3);
        QCOMPARE(m_server->request("GET", u"/api/v1/admin/audit/orders?from=yesterday"_s, {}, risk)
                     .status,
                 400);
        const Reply verified = m_server->request("GET", u"/api/v1/admin/audit/verify"_s, {}, risk);
        QVERIFY(verified.json.value(u"intact").toBool());
        QVERIFY(verified.json.value(u"orders_first_broken").isNull());
        const CliResult listed
            = qx::test::runCli({ u"audit"_s, u"orders"_s, u"--order"_s, id, u"--json"_s,
                                 u"--data-dir"_s, m_server->dataDir() });
        QCOMPARE(QJsonDocument::fromJson(listed.out.toUtf8()).array().size(), 3);
    }

    // JSON nested past the limit is refused before it is parsed, on REST and the stream.
    void deeplyNestedJsonIsRefused()
    {
        const QString token = m_server->aliceToken();
        const QByteArray deep = "{\"a\":" + QByteArray(5000, '[') + QByteArray(5000, ']') + "}";
        const Reply refused = m_server->request("POST", u"/api/v1/orders"_s, deep, token);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.errorCode(), u"malformed_json"_s);
        QVERIFY(
            refused.json.value(u"error").toObject().value(u"message").toString().contains(u"16"));
        // Within the limit it is read, and refused for what it says.
        const QByteArray shallow = "{\"a\":" + QByteArray(10, '[') + QByteArray(10, ']') + "}";
        QCOMPARE(m_server->request("POST", u"/api/v1/orders"_s, shallow, token).errorCode(),
                 u"invalid_request"_s);

        QList<QJsonObject> inbox;
        const auto stream = m_server->openStream(inbox, token, { u"orders"_s });
        QTRY_VERIFY(!inbox.isEmpty());
        const qsizetype before = inbox.size();
        stream->sendTextMessage(QString::fromLatin1(deep));
        QTRY_VERIFY(std::any_of(inbox.cbegin() + before, inbox.cend(), [](const QJsonObject &m) {
            return m.value(u"error").toObject().value(u"code").toString() == u"invalid_message"_s;
        }));
    }

    void cleanupTestCase() { m_server.reset(); }
};

QTEST_GUILESS_MAIN(tst_Security)
#include "tst_security.moc"
