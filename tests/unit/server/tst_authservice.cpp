// Sign-in in process, on a real SQLite file: a password hashed with weaker parameters than
// today's is re-hashed with today's when its user signs in (and still signs in afterwards);
// TOTP secrets are stored encrypted, those stored before are encrypted at start, and a
// sealed secret opens only with its key, for its user, unchanged.
#include "core/clock.h"
#include "server/auth/authservice.h"
#include "server/auth/passwordhasher.h"
#include "server/auth/secretbox.h"
#include "server/auth/totp.h"
#include "server/storage/sqlstore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace qx::server;
using namespace Qt::StringLiterals;

class tst_AuthService : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static qx::core::Result<qx::core::protocol::TokenPair> signIn(AuthService &auth,
                                                                  const QString &password,
                                                                  const QString &totpCode = {})
    {
        std::optional<qx::core::Result<qx::core::protocol::TokenPair>> answer;
        qx::core::protocol::LoginRequest request;
        request.username = u"olga"_s;
        request.password = password;
        request.totpCode = totpCode;
        auth.login(request, QHostAddress::LocalHost,
                   [&answer](qx::core::Result<qx::core::protocol::TokenPair> result) {
                       answer = std::move(result);
                   });
        if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 10'000))
            return qx::core::makeError(qx::core::ErrorCode::Timeout, u"no answer"_s);
        return *answer;
    }

    static qx::core::Result<qx::core::protocol::TokenPair> refreshed(AuthService &auth,
                                                                     const QString &token)
    {
        std::optional<qx::core::Result<qx::core::protocol::TokenPair>> answer;
        auth.refresh({ token }, QHostAddress::LocalHost,
                     [&answer](qx::core::Result<qx::core::protocol::TokenPair> result) {
                         answer = std::move(result);
                     });
        if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 10'000))
            return qx::core::makeError(qx::core::ErrorCode::Timeout, u"no answer"_s);
        return *answer;
    }

    // A SQLite store in `dir`, and a token signer with its key there.
    static std::unique_ptr<SqlStore> storeIn(const QTemporaryDir &dir)
    {
        return std::move(SqlStore::open(u"sqlite:"_s + dir.filePath(u"auth.db"_s))).value();
    }
    static TokenSigner signerIn(const QTemporaryDir &dir)
    {
        const QString key = dir.filePath(u"key.pem"_s);
        const qx::core::Result<void> made
            = QFile::exists(key) ? qx::core::Result<void>() : TokenSigner::createKeyFile(key);
        if (!made)
            qFatal("cannot make a signing key: %s", qPrintable(made.error().message));
        return std::move(TokenSigner::fromKeyFile(key)).value();
    }

private Q_SLOTS:
    void aWeakerHashIsUpgradedAtSignIn()
    {
        const QString key = m_dir.filePath(u"key.pem"_s);
        QVERIFY(TokenSigner::createKeyFile(key).ok());
        std::unique_ptr<SqlStore> store
            = std::move(SqlStore::open(u"sqlite:"_s + m_dir.filePath(u"auth.db"_s))).value();
        const QString password = u"olga's long passphrase"_s;
        const QByteArray weaker = *PasswordHasher::hash(password, { 8192, 1, 1 });
        QVERIFY(store->addUser(u"olga"_s, u"trader"_s, weaker).ok());
        AuthService auth(*store, std::move(TokenSigner::fromKeyFile(key)).value());

        QCOMPARE(signIn(auth, u"wrong passphrase"_s).error().code, u"invalid_credentials"_s);
        QCOMPARE((*store->findUser(u"olga"_s))->passwordHash, weaker); // untouched
        QVERIFY(signIn(auth, password).ok());
        const QByteArray upgraded = (*store->findUser(u"olga"_s))->passwordHash;
        QVERIFY(upgraded.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
        QVERIFY(PasswordHasher::verify(upgraded, password));
        QVERIFY(signIn(auth, password).ok());
        QCOMPARE((*store->findUser(u"olga"_s))->passwordHash, upgraded); // once only
    }

    void totpSecretsAreEncryptedAtRest()
    {
        QTemporaryDir dir;
        const QString password = u"olga's long passphrase"_s;
        std::unique_ptr<SqlStore> store = storeIn(dir);
        const UserRecord olga
            = *store->addUser(u"olga"_s, u"trader"_s, *PasswordHasher::hash(password));
        // Enrolled before secrets were sealed: stored as it is.
        const QByteArray secret = qx::server::totp::newSecret();
        QVERIFY(store->setTotpSecret(olga.id, secret).ok());
        QVERIFY(store->enableTotp(olga.id, 1, {}).ok());

        const auto box = SecretBox::fromKeyFile(dir.filePath(u"secrets-key"_s), true);
        QVERIFY(box.ok());
        QCOMPARE(QFile(dir.filePath(u"secrets-key"_s)).permissions()
                     & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        AuthService auth(*store, signerIn(dir));
        auth.setSecretBox(*box);
        QCOMPARE(*auth.sealStoredSecrets(), 1);
        QCOMPARE(*auth.sealStoredSecrets(), 0); // once
        const QByteArray stored = (*store->findUser(u"olga"_s))->totpSecret;
        QVERIFY(SecretBox::isSealed(stored));
        QVERIFY(!stored.contains(secret));
        QVERIFY((*store->findUser(u"olga"_s))->totpEnabled); // nothing else changed

        // Time as the test says, in the middle of a 30 s step: no race with the step's edge.
        const qx::core::ManualClock clock(QDateTime(QDate(2026, 12, 3), QTime(9, 0, 15), Qt::UTC));
        auth.setClock(clock);
        const qint64 now = qx::server::totp::stepAt(clock.nowUtc());
        QCOMPARE(signIn(auth, password).error().code, u"mfa_required"_s);
        QVERIFY(signIn(auth, password, qx::server::totp::code(secret, now)).ok());

        // A sealed value opens only for its user, unchanged, with its key.
        const QByteArray context = "totp:" + QByteArray::number(olga.id);
        QCOMPARE(*box->open(stored, context), secret);
        QCOMPARE(box->open(stored, "totp:999").error().code, u"secret_unreadable"_s);
        QByteArray flipped = stored;
        flipped[flipped.size() - 20] = char(flipped[flipped.size() - 20] ^ 1);
        QVERIFY(!box->open(flipped, context));
        const auto other = SecretBox::fromKeyFile(dir.filePath(u"other-key"_s), true);
        QVERIFY(!other->open(stored, context));
        QVERIFY(box->seal(secret, context) != box->seal(secret, context)); // a nonce each
    }

    // Each request used to verify the token's signature and read its user from storage. Now
    // both are kept, and what must end a session still ends it: a revoked token at once, a
    // disabled account or a new role once the configuration moved, an expired token by the
    // clock.
    void aTokenIsVerifiedOnceAndStillEndsWhenItMust()
    {
        QTemporaryDir dir;
        const QString password = u"olga's long passphrase"_s;
        std::unique_ptr<SqlStore> store = storeIn(dir);
        UserRecord olga = *store->addUser(u"olga"_s, u"trader"_s, *PasswordHasher::hash(password));
        AuthService auth(*store, signerIn(dir));
        qx::core::ManualClock clock(QDateTime(QDate(2026, 12, 3), QTime(9, 0), Qt::UTC));
        auth.setClock(clock);
        const QString token = signIn(auth, password)->accessToken;
        QCOMPARE(auth.authenticateToken(token)->role, u"trader"_s);

        // An admin elsewhere (the CLI) disables her: refused once the change is seen.
        olga = **store->findUser(u"olga"_s);
        olga.disabled = true;
        QVERIFY(store->updateUser(olga).ok());
        auth.configurationChanged();
        QCOMPARE(auth.authenticateToken(token).error().code, u"invalid_token"_s);
        // Back, as a risk manager.
        olga.disabled = false;
        olga.role = u"risk"_s;
        QVERIFY(store->updateUser(olga).ok());
        auth.configurationChanged();
        QCOMPARE(auth.authenticateToken(token)->role, u"risk"_s);
        // A forged token is never taken for the real one.
        QString forged = token;
        forged[forged.size() - 3] = forged[forged.size() - 3] == u'A' ? u'B' : u'A';
        QCOMPARE(auth.authenticateToken(forged).error().code, u"invalid_token"_s);
        QVERIFY(auth.authenticateToken(token).ok());

        // The token's lifetime ends by the clock, cached or not.
        clock.advance(qint64(TokenSigner::kDefaultAccessTokenSeconds) * 1000 + 1000);
        QCOMPARE(auth.authenticateToken(token).error().code, u"invalid_token"_s);

        // Signing out ends every token of hers at once.
        const QString fresh = signIn(auth, password)->accessToken;
        const Principal principal = *auth.authenticateToken(fresh);
        QVERIFY(AuthService::answerNow<void>([&](auto reply) { auth.logout(principal, reply); }));
        QCOMPARE(auth.authenticateToken(fresh).error().code, u"invalid_token"_s);
    }

    // Two servers of a cluster share storage and signing key: a user made and signed in on
    // one a moment ago is served by the other at once, before its directory is read again
    // (a load balancer may send the next request anywhere); a name storage does not hold is
    // still refused.
    void aUserMadeOnAnotherServerIsServedAtOnce()
    {
        QTemporaryDir dir;
        const QString password = u"olga's long passphrase"_s;
        std::unique_ptr<SqlStore> store = storeIn(dir);
        std::unique_ptr<SqlStore> otherStore = storeIn(dir);
        AuthService here(*store, signerIn(dir));
        QVERIFY(here.loadDirectory().ok());
        AuthService there(*otherStore, signerIn(dir));
        const UserRecord olga
            = *otherStore->addUser(u"olga"_s, u"trader"_s, *PasswordHasher::hash(password));
        const auto signedIn = signIn(there, password);
        QVERIFY(signedIn.ok());
        const QString token = signedIn->accessToken;
        const qx::core::Result<Principal> served = here.authenticateToken(token);
        QVERIFY(served.ok());
        QCOMPARE(served->userId, olga.id);
        QCOMPARE(served->role, u"trader"_s);

        // A database without her (restored from before she was made): her token, however
        // well signed, names nobody there.
        QTemporaryDir restored;
        std::unique_ptr<SqlStore> restoredStore = storeIn(restored);
        AuthService third(*restoredStore, signerIn(dir));
        QVERIFY(third.loadDirectory().ok());
        QCOMPARE(third.authenticateToken(token).error().code, u"invalid_token"_s);
        QCOMPARE(third.authenticateToken(token).error().code, u"invalid_token"_s);
    }

    // API keys are checked against the keys kept in memory, so a program's requests never
    // wait for storage: one made here works at once, one revoked elsewhere (the CLI, another
    // server) stops once the configuration moved, which revoking raises; expiry goes by the
    // clock, and a disabled owner takes their keys down with them.
    void apiKeysAreCheckedFromMemory()
    {
        QTemporaryDir dir;
        const QString password = u"olga's long passphrase"_s;
        std::unique_ptr<SqlStore> store = storeIn(dir);
        UserRecord olga = *store->addUser(u"olga"_s, u"trader"_s, *PasswordHasher::hash(password));
        AuthService auth(*store, signerIn(dir));
        qx::core::ManualClock clock(QDateTime(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC));
        auth.setClock(clock);
        const Principal owner = *auth.authenticateToken(signIn(auth, password)->accessToken);
        const auto made = AuthService::answerNow<AuthService::NewApiKey>([&](auto reply) {
            auth.createApiKey(owner, u"quotes bot"_s, { u"market:read"_s }, 1, reply);
        });
        QVERIFY(made.ok());
        const QByteArray header = "ApiKey " + made->key.toLatin1();
        const auto program = auth.authenticateHeader(header);
        QVERIFY(program.ok());
        QCOMPARE(program->apiKeyId, made->record.id);
        QCOMPARE(program->scopes, std::optional(QStringList { u"market:read"_s }));
        QCOMPARE(auth.authenticateHeader("ApiKey qx_forged").error().code, u"invalid_token"_s);

        const qint64 before = *store->configVersion();
        QVERIFY(*store->revokeApiKey(0, made->record.id));
        QVERIFY(*store->configVersion() > before);
        auth.configurationChanged();
        QCOMPARE(auth.authenticateHeader(header).error().code, u"invalid_token"_s);

        const auto daily = AuthService::answerNow<AuthService::NewApiKey>([&](auto reply) {
            auth.createApiKey(owner, u"daily bot"_s, { u"market:read"_s }, 1, reply);
        });
        const QByteArray dailyHeader = "ApiKey " + daily->key.toLatin1();
        QVERIFY(auth.authenticateHeader(dailyHeader).ok());
        olga = **store->findUser(u"olga"_s);
        olga.disabled = true;
        QVERIFY(store->updateUser(olga).ok());
        auth.configurationChanged();
        QCOMPARE(auth.authenticateHeader(dailyHeader).error().code, u"invalid_token"_s);
        olga.disabled = false;
        QVERIFY(store->updateUser(olga).ok());
        auth.configurationChanged();
        QVERIFY(auth.authenticateHeader(dailyHeader).ok());
        clock.advance(qint64(24 * 3600 + 1) * 1000);
        QCOMPARE(auth.authenticateHeader(dailyHeader).error().code, u"invalid_token"_s);
    }

    // A refresh token is used up: presented again at once (two requests of its holder
    // racing) it is refused and nothing else happens; presented again later, it is taken for
    // a stolen copy and its whole sign-in ends, the successor too. The store stamps uses by the
    // same clock the service reads, so the grace passes when the test says.
    void aRefreshTokenReusedAfterItsGraceEndsTheSignIn()
    {
        QTemporaryDir dir;
        const QString password = u"olga's long passphrase"_s;
        std::unique_ptr<SqlStore> store = storeIn(dir);
        QVERIFY(store->addUser(u"olga"_s, u"trader"_s, *PasswordHasher::hash(password)).ok());
        qx::core::ManualClock clock(QDateTime(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC));
        store->setClock(clock);
        AuthService auth(*store, signerIn(dir));
        auth.setClock(clock);
        const auto first = signIn(auth, password);
        const auto otherDevice = signIn(auth, password);
        QVERIFY(first.ok() && otherDevice.ok());

        const auto second = refreshed(auth, first->refreshToken);
        QVERIFY(second.ok());
        QVERIFY(auth.authenticateToken(second->accessToken).ok());
        clock.advance(AuthService::kRefreshGraceMs - 1);
        QCOMPARE(refreshed(auth, first->refreshToken).error().code, u"refresh_token_used"_s);
        QVERIFY(auth.authenticateToken(second->accessToken).ok()); // untouched by the race

        clock.advance(2);
        QCOMPARE(refreshed(auth, first->refreshToken).error().code, u"token_reused"_s);
        QCOMPARE(refreshed(auth, second->refreshToken).error().code, u"invalid_token"_s);
        QVERIFY(refreshed(auth, otherDevice->refreshToken).ok()); // another sign-in stays
    }
};

QTEST_GUILESS_MAIN(tst_AuthService)
#include "tst_authservice.moc"
