// How the desktop comes to a session, without its widgets: a remembered session resumed from
// the keychain at the next start, a failed sign-in asking for credentials again, a session the
// server ended asking for them (remote) or renewed silently (the bundled local server), and
// signing out forgetting the remembered session. Remote servers are FakeServer, in process,
// with a ManualClock that client and server share; the local one is a real
// quantenergx-server started by the controller. The keychain is a real gnome-keyring in a
// private D-Bus session (with-keyring.sh).
#include "fakeserver.h"
#include "ui/client/remotetradingservice.h"
#include "ui/client/signincontroller.h"
#include "ui/client/tokenvault.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using qx::client::LocalServer;
using qx::client::RemoteTradingService;
using qx::client::SignInController;
using qx::client::TokenVault;
using qx::core::ManualClock;
using qx::test::FakeServer;
using State = qx::client::Session::ConnectionState;
using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeoutMs = 10000;
constexpr int kLocalServerTimeoutMs = 60000;

} // namespace

class TestSignInController : public QObject
{
    Q_OBJECT

private:
    /// The token the keychain keeps for `username` on `server` (empty: none), waited for.
    QString keptToken(const QUrl &server, const QString &username)
    {
        std::optional<QString> token;
        m_vault.load(
            TokenVault::account(server, username), [&](const qx::core::Result<QString> &loaded) {
                token = loaded ? *loaded : u"(keychain error: %1)"_s.arg(loaded.error().message);
            });
        if (!QTest::qWaitFor([&] { return token.has_value(); }, kTimeoutMs))
            return u"(keychain did not answer)"_s;
        return *token;
    }
    static bool connected(const RemoteTradingService &service)
    {
        return QTest::qWaitFor([&] { return service.connectionState() == State::Connected; },
                               kTimeoutMs);
    }
    SignInController::Options options() const
    {
        SignInController::Options options;
        options.localServer.serverProgram = QStringLiteral(QX_SERVER_BINARY);
        options.localServer.dataDir = m_dataDir.filePath(u"local-server"_s);
        return options;
    }
    /// A sign-in through `controller` to `server` with the right password.
    static bool signIn(SignInController &controller, RemoteTradingService &service,
                       const FakeServer &server, bool remember)
    {
        QSignalSpy signedIn(&controller, &SignInController::signedIn);
        controller.signIn(server.url(), FakeServer::kUsername.toString(),
                          FakeServer::kPassword.toString(), remember);
        return QTest::qWaitFor([&] { return !signedIn.isEmpty(); }, kTimeoutMs)
            && connected(service);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"QuantEnergxTest"_s);
        QCoreApplication::setApplicationName(u"tst_signincontroller"_s);
        QVERIFY(m_dataDir.isValid());
    }
    void init() { QSettings().clear(); }

    void aRememberedSessionIsResumedAtTheNextStart()
    {
        FakeServer server;
        QVERIFY(server.listen());
        {
            // First start: nothing remembered, so the form is asked for, for that server.
            RemoteTradingService service;
            SignInController controller(service, m_vault, options());
            QSignalSpy needed(&controller, &SignInController::credentialsNeeded);
            controller.start(server.url());
            QCOMPARE(needed.size(), 1);
            QCOMPARE(needed.first().at(0).toString(), QString());
            QCOMPARE(needed.first().at(1).toUrl(), server.url());

            QVERIFY(signIn(controller, service, server, true));
            QTRY_VERIFY_WITH_TIMEOUT(
                !keptToken(server.url(), FakeServer::kUsername.toString()).isEmpty(), kTimeoutMs);
            QCOMPARE(SignInController::remembered().server, server.url());
            QCOMPARE(SignInController::remembered().username, FakeServer::kUsername);
            QVERIFY(SignInController::remembered().staySignedIn);
            QVERIFY(!SignInController::remembered().useLocalServer);
            // Closed without signing out.
        }
        QCOMPARE(server.signIns(), 1);

        // Next start: resumed from the keychain, no password, no form.
        RemoteTradingService service;
        SignInController controller(service, m_vault, options());
        QSignalSpy needed(&controller, &SignInController::credentialsNeeded);
        QSignalSpy signedIn(&controller, &SignInController::signedIn);
        QSignalSpy status(&controller, &SignInController::status);
        controller.start(server.url());
        QVERIFY(!status.isEmpty());
        QCOMPARE(status.first().at(0).toString(), u"Resuming your session on 127.0.0.1…"_s);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, kTimeoutMs);
        QVERIFY(connected(service));
        QCOMPARE(service.username(), FakeServer::kUsername);
        QVERIFY(needed.isEmpty());
        QCOMPARE(server.signIns(), 1);
        QVERIFY(server.refreshes() >= 1);
        QCOMPARE(status.last().at(0).toString(), u"Signed in as trader."_s);
        controller.signOut(false); // leaves nothing in the keychain for the next test
    }

    void aFailedSignInAsksForCredentialsAgain()
    {
        FakeServer server;
        QVERIFY(server.listen());
        RemoteTradingService service;
        SignInController controller(service, m_vault, options());
        QSignalSpy failed(&controller, &SignInController::failed);
        QSignalSpy needed(&controller, &SignInController::credentialsNeeded);
        QSignalSpy signedIn(&controller, &SignInController::signedIn);
        controller.signIn(server.url(), FakeServer::kUsername.toString(), u"wrong"_s, true);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kTimeoutMs);
        QVERIFY(failed.first().first().value<qx::core::Error>().is(
            qx::core::ErrorCode::InvalidCredentials));
        QCOMPARE(needed.size(), 1);
        QVERIFY(needed.first().at(0).toString().startsWith(u"Sign-in failed: "_s));
        QVERIFY(signedIn.isEmpty());
        QCOMPARE(service.connectionState(), State::Disconnected);
        // Nothing is remembered of a sign-in that did not happen.
        QVERIFY(SignInController::remembered().username.isEmpty());
    }

    void anEndedRemoteSessionAsksForCredentials()
    {
        ManualClock clock(QDateTime(QDate(2027, 1, 4), QTime(9, 0), Qt::UTC));
        FakeServer server;
        QVERIFY(server.listen());
        server.setClock(clock);
        RemoteTradingService service;
        service.setClock(clock, std::chrono::milliseconds(5));
        SignInController controller(service, m_vault, options());
        QVERIFY(signIn(controller, service, server, false));

        // The server ends the session: the next renewal is refused.
        QSignalSpy needed(&controller, &SignInController::credentialsNeeded);
        QSignalSpy signedIn(&controller, &SignInController::signedIn);
        server.revokeRefreshTokens();
        clock.advance(15 * 60 * 1000); // past the renewal planned before the token runs out
        QTRY_COMPARE_WITH_TIMEOUT(needed.size(), 1, kTimeoutMs);
        QVERIFY(!needed.first().at(0).toString().isEmpty());
        QVERIFY(signedIn.isEmpty());
        QCOMPARE(server.signIns(), 1);
        QVERIFY(!controller.usingLocalServer());
    }

    void anEndedLocalSessionIsRenewedSilently()
    {
        ManualClock clock(QDateTime::currentDateTimeUtc());
        RemoteTradingService service;
        service.setClock(clock, std::chrono::milliseconds(5));
        SignInController controller(service, m_vault, options());
        QSignalSpy needed(&controller, &SignInController::credentialsNeeded);
        QSignalSpy signedIn(&controller, &SignInController::signedIn);
        controller.start(); // nothing remembered: the bundled server
        QTRY_VERIFY_WITH_TIMEOUT(!signedIn.isEmpty() || !needed.isEmpty(), kLocalServerTimeoutMs);
        QVERIFY2(needed.isEmpty(),
                 qPrintable(needed.isEmpty() ? QString() : needed.first().at(0).toString()));
        QVERIFY(controller.usingLocalServer());
        QVERIFY(connected(service));
        QVERIFY(SignInController::remembered().useLocalServer);
        LocalServer *local = controller.localServer();
        QVERIFY(local && local->isRunning());

        // The trader's sessions end (signed out everywhere from elsewhere); at its next
        // renewal the desktop's is refused, and a new one is had without asking anyone.
        QSignalSpy expired(&service.session(), &qx::client::Session::sessionExpired);
        RemoteTradingService elsewhere;
        QSignalSpy elsewhereIn(&elsewhere, &RemoteTradingService::signedIn);
        elsewhere.signIn(local->url(), local->username(), local->password());
        QTRY_VERIFY_WITH_TIMEOUT(!elsewhereIn.isEmpty(), kTimeoutMs);
        QSignalSpy signedOut(&elsewhere, &RemoteTradingService::signedOutEverywhere);
        elsewhere.signOutEverywhere();
        QTRY_VERIFY_WITH_TIMEOUT(!signedOut.isEmpty(), kTimeoutMs);

        clock.advance(15 * 60 * 1000); // past the renewal planned before the token runs out
        QTRY_VERIFY_WITH_TIMEOUT(!expired.isEmpty(), kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 2, kTimeoutMs);
        QVERIFY(connected(service));
        QVERIFY(needed.isEmpty());
        QCOMPARE(controller.localServer(), local); // the same server, not a new one
    }

    void signingOutForgetsTheRememberedSession()
    {
        FakeServer server;
        QVERIFY(server.listen());
        {
            RemoteTradingService service;
            SignInController controller(service, m_vault, options());
            QVERIFY(signIn(controller, service, server, true));
            QTRY_VERIFY_WITH_TIMEOUT(
                !keptToken(server.url(), FakeServer::kUsername.toString()).isEmpty(), kTimeoutMs);

            QSignalSpy needed(&controller, &SignInController::credentialsNeeded);
            controller.signOut(false);
            QCOMPARE(service.connectionState(), State::Disconnected);
            QCOMPARE(needed.size(), 1);
            QCOMPARE(needed.first().at(0).toString(), QString());
            QTRY_VERIFY_WITH_TIMEOUT(
                keptToken(server.url(), FakeServer::kUsername.toString()).isEmpty(), kTimeoutMs);
        }

        // The next start finds nothing to resume and asks, without a word of error.
        RemoteTradingService service;
        SignInController controller(service, m_vault, options());
        QSignalSpy needed(&controller, &SignInController::credentialsNeeded);
        QSignalSpy failed(&controller, &SignInController::failed);
        controller.start(server.url());
        QTRY_COMPARE_WITH_TIMEOUT(needed.size(), 1, kTimeoutMs);
        QCOMPARE(needed.first().at(0).toString(), QString());
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.first().first().value<qx::core::Error>().is(
            qx::core::ErrorCode::NoSavedSession));
        QCOMPARE(server.signIns(), 1);
        QCOMPARE(service.connectionState(), State::Disconnected);
    }

private:
    QTemporaryDir m_dataDir;
    // One keychain service name of our own: the entries are the test's alone.
    TokenVault m_vault { u"QuantEnergx-tst_signincontroller"_s };
};

QTEST_GUILESS_MAIN(TestSignInController)
#include "tst_signincontroller.moc"
