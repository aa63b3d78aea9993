#include "server/auth/tokensigner.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace qx::server;
using namespace Qt::StringLiterals;

namespace {

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QJsonObject decodePart(const QString &token, int index)
{
    return QJsonDocument::fromJson(QByteArray::fromBase64(token.split(u'.')[index].toLatin1(),
                                                          QByteArray::Base64UrlEncoding))
        .object();
}

} // namespace

class tst_TokenSigner : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QDateTime m_now = QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC);

    TokenSigner signer(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        [&] {
            QVERIFY(TokenSigner::createKeyFile(path).ok());
        }();
        return std::move(TokenSigner::fromKeyFile(path)).value();
    }

private Q_SLOTS:
    void keyFileIsPrivateAndStable()
    {
        const QString path = m_dir.filePath(u"a.pem"_s);
        QVERIFY(TokenSigner::createKeyFile(path).ok());
        QVERIFY(!(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther)));
        const QString keyId = TokenSigner::fromKeyFile(path)->keyId();
        QVERIFY(TokenSigner::createKeyFile(path).ok()); // never overwrites
        QCOMPARE(TokenSigner::fromKeyFile(path)->keyId(), keyId);
        QCOMPARE(TokenSigner::fromKeyFile(m_dir.filePath(u"missing.pem"_s)).error().code,
                 u"key_error"_s);
    }

    void issuesVerifiableEdDsaTokens()
    {
        const TokenSigner tokens = signer(u"b.pem"_s);
        const QString token = *tokens.issue(u"alice"_s, u"trader"_s, 7, m_now);
        const QJsonObject header = decodePart(token, 0);
        QCOMPARE(header.value(u"alg").toString(), u"EdDSA"_s);
        QCOMPARE(header.value(u"kid").toString(), tokens.keyId());
        const QJsonObject claims = decodePart(token, 1);
        QCOMPARE(claims.value(u"exp").toInteger() - claims.value(u"iat").toInteger(), 900);
        QVERIFY(!claims.value(u"jti").toString().isEmpty());
        const auto verified = tokens.verify(token, m_now.addSecs(60));
        QVERIFY(verified.ok());
        QCOMPARE(verified->subject, u"alice"_s);
        QCOMPARE(verified->role, u"trader"_s);
        QCOMPARE(verified->generation,
                 std::int64_t(7)); // the user's token generation, checked per request
    }

    void refusesExpiredTamperedAndForeignTokens()
    {
        const TokenSigner tokens = signer(u"c.pem"_s);
        const TokenSigner other = signer(u"d.pem"_s);
        const QString token = *tokens.issue(u"alice"_s, u"trader"_s, 7, m_now);
        QCOMPARE(tokens.verify(token, m_now.addSecs(900)).error().code, u"invalid_token"_s);
        QVERIFY(!other.verify(token, m_now).ok());

        // Promote oneself to admin by editing the payload: the signature no longer matches.
        QJsonObject claims = decodePart(token, 1);
        claims[u"role"_s] = u"admin"_s;
        QStringList parts = token.split(u'.');
        parts[1] = QString::fromLatin1(base64Url(QJsonDocument(claims).toJson()));
        QVERIFY(!tokens.verify(parts.join(u'.'), m_now).ok());

        // "alg":"none" with no signature, and HS256 "signed" with the public key id.
        for (const char *alg : { "none", "HS256" }) {
            QJsonObject header = decodePart(token, 0);
            header[u"alg"_s] = QString::fromLatin1(alg);
            QStringList forged = token.split(u'.');
            forged[0] = QString::fromLatin1(base64Url(QJsonDocument(header).toJson()));
            QVERIFY2(!tokens.verify(forged.join(u'.'), m_now).ok(), alg);
        }
        for (const QString &junk : { u""_s, u"a.b"_s, u"a.b.c.d"_s, u"!!.??.**"_s })
            QVERIFY(!tokens.verify(junk, m_now).ok());
    }
};

QTEST_GUILESS_MAIN(tst_TokenSigner)
#include "tst_tokensigner.moc"
