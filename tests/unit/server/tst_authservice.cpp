// Sign-in in process, on a real SQLite file: a password hashed with weaker parameters than
// today's is re-hashed with today's when its user signs in (and still signs in afterwards).
#include "server/auth/authservice.h"
#include "server/auth/passwordhasher.h"
#include "server/storage/sqlstore.h"

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
                                                                  const QString &password)
    {
        std::optional<qx::core::Result<qx::core::protocol::TokenPair>> answer;
        qx::core::protocol::LoginRequest request;
        request.username = u"olga"_s;
        request.password = password;
        auth.login(request, QHostAddress::LocalHost,
                   [&answer](qx::core::Result<qx::core::protocol::TokenPair> result) {
                       answer = std::move(result);
                   });
        if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 10'000))
            return qx::core::makeError(u"timeout"_s, u"no answer"_s);
        return *answer;
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
};

QTEST_GUILESS_MAIN(tst_AuthService)
#include "tst_authservice.moc"
