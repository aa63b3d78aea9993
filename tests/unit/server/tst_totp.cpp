// RFC 6238 one-time passwords: the standard's Appendix B vectors (SHA-1), the six-digit
// codes apps show, a window of one step either side and nothing beyond, and the secret in
// the form apps import.
#include "server/auth/totp.h"

#include <QTest>

using namespace qx::server;
using namespace Qt::StringLiterals;

class tst_Totp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc6238AppendixB_data()
    {
        QTest::addColumn<qint64>("time");
        QTest::addColumn<QString>("expected");
        QTest::newRow("59") << qint64(59) << u"94287082"_s;
        QTest::newRow("1111111109") << qint64(1111111109) << u"07081804"_s;
        QTest::newRow("1111111111") << qint64(1111111111) << u"14050471"_s;
        QTest::newRow("1234567890") << qint64(1234567890) << u"89005924"_s;
        QTest::newRow("2000000000") << qint64(2000000000) << u"69279037"_s;
        QTest::newRow("20000000000") << qint64(20000000000) << u"65353130"_s;
    }
    void rfc6238AppendixB()
    {
        QFETCH(qint64, time);
        QFETCH(QString, expected);
        const QByteArray secret = "12345678901234567890";
        const qint64 step = totp::stepAt(QDateTime::fromSecsSinceEpoch(time, Qt::UTC));
        QCOMPARE(totp::code(secret, step, 8), expected);
        QCOMPARE(totp::code(secret, step), expected.right(6)); // what apps show
    }

    void acceptsOneStepEitherSideOnly()
    {
        const QByteArray secret = totp::newSecret();
        QCOMPARE(secret.size(), totp::kSecretBytes);
        const qint64 now = 60'000'000;
        for (const qint64 step : { now - 1, now, now + 1 })
            QCOMPARE(totp::matchingStep(secret, totp::code(secret, step), now), step);
        for (const qint64 step : { now - 2, now + 2 }) {
            const QString far = totp::code(secret, step);
            // (a far code may equal a near one by chance: one in a million)
            if (far != totp::code(secret, now - 1) && far != totp::code(secret, now)
                && far != totp::code(secret, now + 1))
                QVERIFY(!totp::matchingStep(secret, far, now));
        }
        QVERIFY(!totp::matchingStep(secret, u"12345"_s, now));
        QVERIFY(!totp::matchingStep(secret, u"abcdef"_s, now));
    }

    void secretsAreOfferedAsAppsImportThem()
    {
        QCOMPARE(totp::toBase32("Hello!\xde\xad\xbe\xef"), u"JBSWY3DPEHPK3PXP"_s);
        const QString uri = totp::provisioningUri("Hello!\xde\xad\xbe\xef", u"alice"_s);
        QVERIFY2(uri.startsWith(u"otpauth://totp/QuantEnergx:alice?secret=JBSWY3DPEHPK3PXP"),
                 qPrintable(uri));
        QVERIFY(uri.contains(u"issuer=QuantEnergx"));
        QVERIFY(uri.contains(u"period=30"));
    }
};

QTEST_GUILESS_MAIN(tst_Totp)
#include "tst_totp.moc"
