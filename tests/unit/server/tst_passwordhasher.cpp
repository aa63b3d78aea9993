#include "server/auth/passwordhasher.h"

#include <QTest>

using namespace qx::server;
using namespace Qt::StringLiterals;

class tst_PasswordHasher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hashesWithArgon2idAndSalt()
    {
        const QByteArray first = *PasswordHasher::hash(u"correct horse"_s);
        const QByteArray second = *PasswordHasher::hash(u"correct horse"_s);
        QVERIFY(first.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
        QVERIFY(first != second); // a fresh salt every time
        QVERIFY(PasswordHasher::verify(first, u"correct horse"_s));
        QVERIFY(PasswordHasher::verify(second, u"correct horse"_s));
        QVERIFY(!PasswordHasher::verify(first, u"correct horsE"_s));
        QVERIFY(!PasswordHasher::verify("not a hash", u"correct horse"_s));
    }

    void countsCharactersNotBytes()
    {
        // Eight characters that take 32 bytes in UTF-8 and 16 UTF-16 units.
        const QString eightEmoji = QString::fromUtf8("🔥🔥🔥🔥🔥🔥🔥🔥");
        QVERIFY(PasswordHasher::checkPolicy(eightEmoji).ok());
        QCOMPARE(PasswordHasher::checkPolicy(eightEmoji.chopped(2)).error().code,
                 u"password_too_short"_s);
        QCOMPARE(PasswordHasher::checkPolicy(QString(129, u'x')).error().code,
                 u"password_too_long"_s);
        QVERIFY(PasswordHasher::checkPolicy(QString(128, u'x')).ok());
        const QByteArray hash = *PasswordHasher::hash(eightEmoji);
        QVERIFY(PasswordHasher::verify(hash, eightEmoji));
    }

    void refusesCommonPasswordsAndTheUsersName()
    {
        for (const QString &common : { u"password1"_s, u"PassWord123"_s, u"12345678"_s,
                                       u"qwertyuiop"_s, u"P@ssw0rd"_s, u"quantenergx"_s }) {
            QCOMPARE(PasswordHasher::checkPolicy(common).error().code, u"password_too_common"_s);
        }
        QCOMPARE(PasswordHasher::checkPolicy(u"Margarethe"_s, u"margarethe"_s).error().code,
                 u"password_too_common"_s);
        QVERIFY(PasswordHasher::checkPolicy(u"Margarethe"_s, u"alice"_s).ok());
        QVERIFY(PasswordHasher::checkPolicy(u"correct horse battery"_s).ok());
    }

    // Hashes made with less than today's parameters are to be made again at sign-in.
    void tellsAWeakerHashFromTodays()
    {
        QVERIFY(!PasswordHasher::needsRehash(*PasswordHasher::hash(u"correct horse"_s)));
        const QByteArray weaker = *PasswordHasher::hash(u"correct horse"_s, { 8192, 1, 1 });
        QVERIFY(weaker.startsWith("$argon2id$v=19$m=8192,t=1,p=1$"));
        QVERIFY(PasswordHasher::verify(weaker, u"correct horse"_s));
        QVERIFY(PasswordHasher::needsRehash(weaker));
        QVERIFY(PasswordHasher::needsRehash(*PasswordHasher::hash(u"x"_s, { 19 * 1024, 1, 1 })));
        QVERIFY(PasswordHasher::needsRehash("$2b$12$bcryptlooking"));
    }
};

QTEST_GUILESS_MAIN(tst_PasswordHasher)
#include "tst_passwordhasher.moc"
