#include "core/clock.h"
#include "desktopsupport.h"
#include "tcpproxy.h"
#include "ui/client/localserver.h"
#include "ui/client/remotetradingservice.h"
#include "ui/client/tokenvault.h"
#include "ui/widgets/logindialog.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/workstation.h"

#include <QAction>
#include <QCheckBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include "testapi.h"
#include <QTest>

using qx::client::LocalServer;
using qx::client::OrderEntry;
using qx::client::RemoteTradingService;
using qx::client::Session;
using qx::client::TokenVault;
using qx::client::TradingService;
using qx::test::kNetworkTimeoutMs;

namespace {

// Access tokens of the test server live this long (its minimum), so that a token runs out on
// the server within a test that waits for it on purpose; the client renews at half-life.
constexpr int kTokenSeconds = 5;
constexpr qint64 kRenewalMs = kTokenSeconds * 1000 / 2;

// A client clock of the test's own, moved on by hand: the client's planned renewals come when
// the test says, not seconds later.
void useManualClock(RemoteTradingService &service, qx::core::ManualClock &clock)
{
    service.setClock(clock, std::chrono::milliseconds(5));
}

// What the OS keychain holds for `account` of `service`, asked outside our process and
// library (libsecret's own tool, as a user would): empty when nothing.
QString keychainEntry(const QString &service, const QString &account)
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"),
               { QStringLiteral("lookup"), QStringLiteral("server"), service,
                 QStringLiteral("user"), account });
    if (!tool.waitForFinished(10000))
        return QStringLiteral("(secret-tool did not answer)");
    return QString::fromUtf8(tool.readAllStandardOutput()).trimmed();
}

qx::core::protocol::NewOrder restingBid(const QString &symbol)
{
    return qx::test::limitOrder(symbol, qx::core::protocol::Side::Buy, u"1", u"20.00");
}

} // namespace

/**
 * The trader's session over a working day: the short-lived access token is renewed before it
 * runs out, also across a suspended machine and a dropped stream, and a session the trader
 * asked to keep is resumed after a restart from the OS keychain (a real gnome-keyring in a
 * private D-Bus session: see tests/support/with-keyring.sh), never from a file. Planned
 * renewals follow a ManualClock the tests move on; only the two tests about a token the
 * server itself has seen run out wait for it in real time.
 */
class TestSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void theAccessTokenIsRenewedBeforeItRunsOut();
    void anOrderAfterASuspendedMachineStillGoesThrough();
    void theStreamComesBackAfterTheFirstTokenExpired();
    void aRememberedSessionResumesWithoutThePassword();
    void aSessionNotRememberedLeavesNothingInTheKeychain();
    void signingOutEverywhereEndsTheRememberedSession();
    void theDesktopResumesTheSessionAtItsNextStart();
    void aServerWithItsOwnCertificateIsTrustedWhenNamed();
    void anAccountWithAnAuthenticatorSignsInWithItsCode();

private:
    /// Signs `service` in (remembering the session or not) and waits for the stream.
    bool signIn(RemoteTradingService &service, bool remember = false, QUrl url = {});

    QTemporaryDir m_dataDir;
    std::unique_ptr<LocalServer> m_server;
    // One keychain service name of our own: the entries are the test's alone.
    TokenVault m_vault { QStringLiteral("QuantEnergx-tst_session") };
};

void TestSession::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QuantEnergxTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_session"));
    QSettings().clear();
    QVERIFY(m_dataDir.isValid());
    LocalServer::Options options;
    options.serverProgram = QStringLiteral(QX_SERVER_BINARY);
    options.dataDir = m_dataDir.filePath(QStringLiteral("server"));
    options.extraServeArguments
        = { QStringLiteral("--access-token-seconds"), QString::number(kTokenSeconds) };
    m_server = std::make_unique<LocalServer>(options);
    QSignalSpy ready(m_server.get(), &LocalServer::ready);
    QSignalSpy failed(m_server.get(), &LocalServer::failed);
    m_server->start();
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 60000);
    QVERIFY2(failed.isEmpty(), qPrintable(m_server->log()));
}

void TestSession::cleanupTestCase()
{
    if (m_server)
        m_server->stop();
}

bool TestSession::signIn(RemoteTradingService &service, bool remember, QUrl url)
{
    QSignalSpy signedIn(&service, &RemoteTradingService::signedIn);
    QSignalSpy failed(&service, &RemoteTradingService::signInFailed);
    service.signIn(url.isEmpty() ? m_server->url() : url, m_server->username(),
                   m_server->password(), remember);
    if (!QTest::qWaitFor([&] { return !signedIn.isEmpty() || !failed.isEmpty(); },
                         kNetworkTimeoutMs)
        || !failed.isEmpty()) {
        qWarning() << "sign-in failed";
        return false;
    }
    return QTest::qWaitFor(
        [&] { return service.connectionState() == TradingService::ConnectionState::Connected; },
        kNetworkTimeoutMs);
}

void TestSession::theAccessTokenIsRenewedBeforeItRunsOut()
{
    qx::core::ManualClock clock(QDateTime::currentDateTimeUtc());
    RemoteTradingService service;
    useManualClock(service, clock);
    QSignalSpy renewed(&service, &RemoteTradingService::tokensRenewed);
    QSignalSpy expired(&service.session(), &Session::sessionExpired);
    QVERIFY(signIn(service));

    // Three lifetimes of the first token, half a second at a time: renewed at each half-life
    // (each renewal a rotation the server accepts), never expired. (A token this short is
    // also renewed before the stream signs in with it: that one came with the sign-in.)
    const int atSignIn = renewed.count();
    for (qint64 elapsed = 500; elapsed <= 3 * kTokenSeconds * 1000; elapsed += 500) {
        clock.advance(500);
        QTRY_COMPARE_WITH_TIMEOUT(renewed.count(), atSignIn + int(elapsed / kRenewalMs),
                                  kNetworkTimeoutMs);
    }
    QCOMPARE(renewed.count(), atSignIn + 6);
    QVERIFY(expired.isEmpty());
    QCOMPARE(service.connectionState(), TradingService::ConnectionState::Connected);

    // The trader can still trade, and the order's stream event still arrives.
    const qx::core::protocol::NewOrder bid = restingBid(qx::test::euroPowerMonth(service));
    QVERIFY(qx::test::placeAndWait(service, bid, *m_server));
    QVERIFY(expired.isEmpty());
}

void TestSession::anOrderAfterASuspendedMachineStillGoesThrough()
{
    RemoteTradingService service;
    QSignalSpy expired(&service.session(), &Session::sessionExpired);
    QVERIFY(signIn(service));
    const QString symbol = qx::test::euroPowerMonth(service);

    // No event loop for longer than the token lives, as when a laptop's lid was closed: no
    // planned renewal ran, and the order goes out with a dead token. The server refuses it;
    // the client renews and sends it again under the same client order id.
    QThread::sleep(kTokenSeconds + 2);
    const qx::core::protocol::NewOrder bid = restingBid(symbol);
    QVERIFY(qx::test::placeAndWait(service, bid, *m_server));
    QVERIFY(expired.isEmpty());
    const QList<qx::core::protocol::Order> orders = service.orderEntry().orders();
    QCOMPARE(
        std::count_if(orders.cbegin(), orders.cend(),
                      [&](const auto &order) { return order.clientOrderId == bid.clientOrderId; }),
        1);
}

void TestSession::theStreamComesBackAfterTheFirstTokenExpired()
{
    qx::test::TcpProxy proxy(static_cast<quint16>(m_server->url().port()));
    QUrl viaProxy = m_server->url();
    viaProxy.setPort(proxy.port());
    RemoteTradingService service;
    QSignalSpy expired(&service.session(), &Session::sessionExpired);
    QVERIFY(signIn(service, false, viaProxy));

    // The stream was authenticated with a token that is long dead when it reconnects.
    QTest::qWait((kTokenSeconds + 1) * 1000);
    proxy.dropAll();
    QTRY_COMPARE_WITH_TIMEOUT(service.connectionState(),
                              TradingService::ConnectionState::Reconnecting, kNetworkTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(service.connectionState(), TradingService::ConnectionState::Connected,
                              kNetworkTimeoutMs);
    QVERIFY(expired.isEmpty());

    // And it carries the trader's order events again.
    QSignalSpy changed(&service.orderEntry(), &OrderEntry::orderChanged);
    RemoteTradingService elsewhere;
    QVERIFY(signIn(elsewhere));
    const qx::core::protocol::NewOrder bid = restingBid(qx::test::euroPowerMonth(elsewhere));
    QVERIFY(qx::test::placeAndWait(elsewhere, bid, *m_server));
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(changed.cbegin(), changed.cend(),
                    [&](const QList<QVariant> &signal) {
                        return signal.first().value<qx::core::protocol::Order>().clientOrderId
                            == bid.clientOrderId;
                    }),
        kNetworkTimeoutMs);
}

void TestSession::aRememberedSessionResumesWithoutThePassword()
{
    const QString account = TokenVault::account(m_server->url(), m_server->username());
    {
        qx::core::ManualClock clock(QDateTime::currentDateTimeUtc());
        RemoteTradingService yesterday;
        useManualClock(yesterday, clock);
        yesterday.setTokenVault(&m_vault);
        QSignalSpy renewed(&yesterday, &RemoteTradingService::tokensRenewed);
        QSignalSpy notRemembered(&yesterday, &RemoteTradingService::sessionNotRemembered);
        QVERIFY(signIn(yesterday, true));
        // The token in the keychain is replaced at each renewal: the one there now is the
        // only one the server still takes.
        const int atSignIn = renewed.count();
        for (int renewal = 1; renewal <= 2; ++renewal) {
            clock.advance(kRenewalMs);
            QTRY_COMPARE_WITH_TIMEOUT(renewed.count(), atSignIn + renewal, kNetworkTimeoutMs);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!keychainEntry(m_vault.service(), account).isEmpty(),
                                 kNetworkTimeoutMs);
        QVERIFY(notRemembered.isEmpty());
        // The desktop is closed without signing out.
    }

    RemoteTradingService today;
    today.setTokenVault(&m_vault);
    QSignalSpy signedIn(&today, &RemoteTradingService::signedIn);
    QSignalSpy failed(&today, &RemoteTradingService::signInFailed);
    today.resumeSession(m_server->url(), m_server->username());
    QTRY_VERIFY_WITH_TIMEOUT(!signedIn.isEmpty() || !failed.isEmpty(), kNetworkTimeoutMs);
    QVERIFY2(failed.isEmpty(),
             failed.isEmpty()
                 ? ""
                 : qPrintable(failed.first().first().value<qx::core::Error>().message));
    QCOMPARE(today.username(), m_server->username());
    QVERIFY(!today.marketData().instruments().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(today.connectionState(), TradingService::ConnectionState::Connected,
                              kNetworkTimeoutMs);

    // Signing out on purpose forgets it: next time the password is asked for.
    today.forgetSession();
    QTRY_VERIFY_WITH_TIMEOUT(keychainEntry(m_vault.service(), account).isEmpty(),
                             kNetworkTimeoutMs);
    RemoteTradingService tomorrow;
    tomorrow.setTokenVault(&m_vault);
    QSignalSpy tomorrowFailed(&tomorrow, &RemoteTradingService::signInFailed);
    tomorrow.resumeSession(m_server->url(), m_server->username());
    QTRY_VERIFY_WITH_TIMEOUT(!tomorrowFailed.isEmpty(), kNetworkTimeoutMs);
    QCOMPARE(tomorrowFailed.first().first().value<qx::core::Error>().code,
             QStringLiteral("no_saved_session"));
    QCOMPARE(tomorrow.connectionState(), TradingService::ConnectionState::Disconnected);
}

void TestSession::aSessionNotRememberedLeavesNothingInTheKeychain()
{
    qx::core::ManualClock clock(QDateTime::currentDateTimeUtc());
    RemoteTradingService service;
    useManualClock(service, clock);
    service.setTokenVault(&m_vault);
    QSignalSpy renewed(&service, &RemoteTradingService::tokensRenewed);
    QVERIFY(signIn(service, false));
    const int atSignIn = renewed.count();
    clock.advance(kRenewalMs);
    QTRY_COMPARE_WITH_TIMEOUT(renewed.count(), atSignIn + 1, kNetworkTimeoutMs);
    QCOMPARE(keychainEntry(m_vault.service(),
                           TokenVault::account(m_server->url(), m_server->username())),
             QString());
}

void TestSession::signingOutEverywhereEndsTheRememberedSession()
{
    const QString account = TokenVault::account(m_server->url(), m_server->username());
    qx::core::ManualClock clock(QDateTime::currentDateTimeUtc());
    RemoteTradingService atTheDesk;
    useManualClock(atTheDesk, clock);
    atTheDesk.setTokenVault(&m_vault);
    QVERIFY(signIn(atTheDesk, true));
    QTRY_VERIFY_WITH_TIMEOUT(!keychainEntry(m_vault.service(), account).isEmpty(),
                             kNetworkTimeoutMs);

    // From another machine (with its own keychain), the trader signs out everywhere.
    RemoteTradingService onTheRoad;
    QVERIFY(signIn(onTheRoad));
    QSignalSpy signedOut(&onTheRoad, &RemoteTradingService::signedOutEverywhere);
    onTheRoad.signOutEverywhere();
    QTRY_VERIFY_WITH_TIMEOUT(!signedOut.isEmpty(), kNetworkTimeoutMs);
    QVERIFY(!signedOut.first().first().value<std::optional<qx::core::Error>>());
    QCOMPARE(onTheRoad.connectionState(), TradingService::ConnectionState::Disconnected);

    // The desk's session ends at its next renewal; the dead token leaves the keychain.
    QSignalSpy expired(&atTheDesk.session(), &Session::sessionExpired);
    clock.advance(kRenewalMs);
    QTRY_VERIFY_WITH_TIMEOUT(!expired.isEmpty(), kNetworkTimeoutMs);
    QCOMPARE(atTheDesk.connectionState(), TradingService::ConnectionState::Disconnected);
    QTRY_VERIFY_WITH_TIMEOUT(keychainEntry(m_vault.service(), account).isEmpty(),
                             kNetworkTimeoutMs);
}

void TestSession::theDesktopResumesTheSessionAtItsNextStart()
{
    using qx::widgets::LoginDialog;
    using qx::widgets::Workstation;
    const Workstation::Options options { m_server->url(), QStringLiteral(QX_SERVER_BINARY), {} };
    // The desktop's own keychain entries (in the test's throwaway keyring).
    const QString service = TokenVault().service();
    const QString account = TokenVault::account(m_server->url(), m_server->username());
    {
        // First start: the password is asked for, and "stay signed in" is ticked already.
        Workstation firstDay(options);
        firstDay.start();
        LoginDialog *login = nullptr;
        QTRY_VERIFY((login = firstDay.mainWindow()->findChild<LoginDialog *>()));
        QTRY_VERIFY(login->isVisible());
        QVERIFY(login->findChild<QCheckBox *>(QStringLiteral("rememberCheck"))->isChecked());
        login->findChild<QLineEdit *>(QStringLiteral("userEdit"))->setText(m_server->username());
        login->findChild<QLineEdit *>(QStringLiteral("passwordEdit"))
            ->setText(m_server->password());
        QTest::keyClick(login, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(firstDay.service()->connectionState(),
                                  TradingService::ConnectionState::Connected, kNetworkTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!keychainEntry(service, account).isEmpty(), kNetworkTimeoutMs);
        // Closed without signing out.
    }

    // Next start: signed in from the keychain, no dialog.
    Workstation nextDay(options);
    nextDay.start();
    QTRY_COMPARE_WITH_TIMEOUT(nextDay.service()->connectionState(),
                              TradingService::ConnectionState::Connected, kNetworkTimeoutMs);
    QCOMPARE(nextDay.service()->username(), m_server->username());
    const LoginDialog *dialog = nextDay.mainWindow()->findChild<LoginDialog *>();
    QVERIFY(!dialog || !dialog->isVisible());

    // Session → Sign out: the keychain forgets it and the dialog asks again.
    auto *signOut = nextDay.mainWindow()->findChild<QAction *>(QStringLiteral("signOutAction"));
    QVERIFY(signOut && signOut->isEnabled());
    signOut->trigger();
    QCOMPARE(nextDay.service()->connectionState(), TradingService::ConnectionState::Disconnected);
    QTRY_VERIFY_WITH_TIMEOUT(keychainEntry(service, account).isEmpty(), kNetworkTimeoutMs);
    QTRY_VERIFY((dialog = nextDay.mainWindow()->findChild<LoginDialog *>()) && dialog->isVisible());
    QVERIFY(!signOut->isEnabled());
}

void TestSession::aServerWithItsOwnCertificateIsTrustedWhenNamed()
{
    // A server with a self-signed certificate (its data directory's, from init).
    const QString dataDir = m_dataDir.filePath(QStringLiteral("tls-server"));
    QCOMPARE(qx::test::runCli({ QStringLiteral("init"), QStringLiteral("--data-dir"), dataDir,
                                QStringLiteral("--tls-self-signed") })
                 .exitCode,
             0);
    const QString certificate = dataDir + QStringLiteral("/tls/server.crt");
    LocalServer::Options options;
    options.serverProgram = QStringLiteral(QX_SERVER_BINARY);
    options.dataDir = dataDir;
    options.extraServeArguments
        = { QStringLiteral("--tls-cert"), certificate, QStringLiteral("--tls-key"),
            dataDir + QStringLiteral("/tls/server.key") };
    LocalServer server(options);
    QSignalSpy ready(&server, &LocalServer::ready);
    QSignalSpy failed(&server, &LocalServer::failed);
    server.start();
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 60000);
    QVERIFY2(failed.isEmpty(), qPrintable(server.log()));
    QCOMPARE(server.url().scheme(), u"https");

    // Not trusted by the system: refused, and the trader is told why.
    RemoteTradingService stranger;
    QSignalSpy refused(&stranger, &RemoteTradingService::signInFailed);
    stranger.signIn(server.url(), server.username(), server.password());
    QTRY_VERIFY_WITH_TIMEOUT(!refused.isEmpty(), kNetworkTimeoutMs);
    QCOMPARE(refused.first().first().value<qx::core::Error>().code, u"tls_untrusted");

    // With its certificate named (Settings → Servers): REST over HTTPS, the stream over WSS.
    RemoteTradingService trusting;
    trusting.setTrustedCertificates(QSslCertificate::fromPath(certificate));
    QSignalSpy signedIn(&trusting, &RemoteTradingService::signedIn);
    trusting.signIn(server.url(), server.username(), server.password());
    QTRY_VERIFY_WITH_TIMEOUT(!signedIn.isEmpty(), kNetworkTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(trusting.connectionState(),
                              TradingService::ConnectionState::Connected, kNetworkTimeoutMs);
    QVERIFY(!trusting.serverVersion().isEmpty());
    server.stop();
}

namespace {
// A blocking JSON request, as an admin's script would make it.
QJsonObject postJson(const QUrl &server, const QString &path, const QJsonObject &body,
                     const QString &token = {})
{
    QNetworkAccessManager network;
    QUrl url = server;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    QNetworkReply *reply = network.post(request, QJsonDocument(body).toJson());
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, kNetworkTimeoutMs))
        qWarning() << "no answer to" << path;
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    delete reply;
    return answer;
}

// What an authenticator app shows for `secret`, `steps` of 30 s from `now`.
QString authenticatorCode(const QString &secret, const QDateTime &now, int steps)
{
    QProcess oathtool;
    oathtool.start(QStringLiteral("oathtool"),
                   { QStringLiteral("--totp"), QStringLiteral("-b"),
                     QStringLiteral("--now=")
                         + now.addSecs(30 * steps).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                         + QStringLiteral(" UTC"),
                     secret });
    oathtool.waitForFinished(10000);
    return QString::fromLatin1(oathtool.readAllStandardOutput()).trimmed();
}
} // namespace

void TestSession::anAccountWithAnAuthenticatorSignsInWithItsCode()
{
    // Mona has turned on multi-factor sign-in.
    const QString password = QStringLiteral("mona's long passphrase");
    QVERIFY(qx::test::addTrader(m_dataDir.filePath(QStringLiteral("server")),
                                QStringLiteral("mona"), password));
    // Clear of a step's edge, so that "now" stays one step through what follows; before
    // signing in, as the test server's access tokens live only kTokenSeconds.
    if (const qint64 into = QDateTime::currentSecsSinceEpoch() % 30; into > 20)
        QTest::qWait(int(31 - into) * 1000);
    const QString token = postJson(m_server->url(), QStringLiteral("/api/v1/auth/login"),
                                   { { QStringLiteral("username"), QStringLiteral("mona") },
                                     { QStringLiteral("password"), password } })
                              .value(u"access_token")
                              .toString();
    QVERIFY(!token.isEmpty());
    const QString secret
        = postJson(m_server->url(), QStringLiteral("/api/v1/auth/mfa/enroll"), {}, token)
              .value(u"secret")
              .toString();
    QVERIFY(!secret.isEmpty());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(postJson(m_server->url(), QStringLiteral("/api/v1/auth/mfa/confirm"),
                     { { QStringLiteral("code"), authenticatorCode(secret, now, -1) } }, token)
                .contains(u"recovery_codes"));

    // The desktop: user and password first, then the dialog asks for the code.
    qx::widgets::Workstation desktop(
        { m_server->url(), QStringLiteral(QX_SERVER_BINARY), QString() });
    desktop.start();
    qx::widgets::LoginDialog *login = nullptr;
    QTRY_VERIFY((login = desktop.mainWindow()->findChild<qx::widgets::LoginDialog *>()));
    auto *code = login->findChild<QLineEdit *>(QStringLiteral("codeEdit"));
    QVERIFY(code->isHidden());
    login->findChild<QLineEdit *>(QStringLiteral("userEdit"))->setText(QStringLiteral("mona"));
    login->findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(password);
    login->findChild<QCheckBox *>(QStringLiteral("rememberCheck"))->setChecked(false);
    QTest::keyClick(login, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!code->isHidden(), kNetworkTimeoutMs);
    QVERIFY(login->isVisible());
    QVERIFY(login->findChild<QLabel *>(QStringLiteral("messageLabel"))
                ->text()
                .contains(u"authenticator"));
    QCOMPARE(desktop.service()->connectionState(), TradingService::ConnectionState::Disconnected);

    // A wrong code is refused and asked for again; the right one signs in.
    code->setText(QStringLiteral("000000") == authenticatorCode(secret, now, 0)
                      ? QStringLiteral("111111")
                      : QStringLiteral("000000"));
    QTest::keyClick(login, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(
        login->findChild<QLabel *>(QStringLiteral("messageLabel"))->text().contains(u"wrong"),
        kNetworkTimeoutMs);
    code->setText(authenticatorCode(secret, now, 0));
    QTest::keyClick(login, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(desktop.service()->connectionState(),
                              TradingService::ConnectionState::Connected, kNetworkTimeoutMs);
    QCOMPARE(desktop.service()->username(), u"mona");
}

QTEST_MAIN(TestSession)
#include "tst_session.moc"
