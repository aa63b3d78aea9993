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
};

QTEST_GUILESS_MAIN(tst_PasswordHasher)
#include "tst_passwordhasher.moc"
