#include "server/auth/totp.h"

#include <QMessageAuthenticationCode>
#include <QUrl>
#include <QUrlQuery>
#include <QtEndian>

#include <openssl/crypto.h>
#include <openssl/rand.h>

namespace qx::server::totp {

QByteArray newSecret()
{
    QByteArray secret(kSecretBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(secret.data()), kSecretBytes) != 1)
        return {};
    return secret;
}

QString toBase32(const QByteArray &bytes)
{
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    QString text;
    quint32 buffer = 0;
    int bits = 0;
    for (const char byte : bytes) {
        buffer = (buffer << 8) | quint8(byte);
        bits += 8;
        while (bits >= 5) {
            text.append(QLatin1Char(kAlphabet[(buffer >> (bits - 5)) & 31]));
            bits -= 5;
        }
    }
    if (bits > 0)
        text.append(QLatin1Char(kAlphabet[(buffer << (5 - bits)) & 31]));
    return text;
}

qint64 stepAt(const QDateTime &time)
{
    return time.toSecsSinceEpoch() / kStepSeconds;
}

QString code(const QByteArray &secret, qint64 step, int digits)
{
    const quint64 counter = qToBigEndian(quint64(step));
    const QByteArray mac = QMessageAuthenticationCode::hash(
        QByteArray(reinterpret_cast<const char *>(&counter), sizeof counter), secret,
        QCryptographicHash::Sha1);
    // RFC 4226 5.3, dynamic truncation.
    const int offset = mac.back() & 0x0f;
    const quint32 binary = (quint32(quint8(mac[offset]) & 0x7f) << 24)
        | (quint32(quint8(mac[offset + 1])) << 16) | (quint32(quint8(mac[offset + 2])) << 8)
        | quint32(quint8(mac[offset + 3]));
    quint32 modulus = 1;
    for (int i = 0; i < digits; ++i)
        modulus *= 10;
    return QStringLiteral("%1").arg(binary % modulus, digits, 10, QLatin1Char('0'));
}

std::optional<qint64> matchingStep(const QByteArray &secret, const QString &candidate, qint64 now)
{
    const QByteArray given = candidate.trimmed().toLatin1();
    if (given.size() != kDigits)
        return std::nullopt;
    std::optional<qint64> found;
    for (const qint64 step : { now - 1, now, now + 1 }) {
        const QByteArray expected = code(secret, step).toLatin1();
        if (CRYPTO_memcmp(expected.constData(), given.constData(), std::size_t(kDigits)) == 0)
            found = step;
    }
    return found;
}

QString provisioningUri(const QByteArray &secret, const QString &account)
{
    const QString issuer = QStringLiteral("QuantEnergx");
    QUrl uri;
    uri.setScheme(QStringLiteral("otpauth"));
    uri.setHost(QStringLiteral("totp"));
    uri.setPath(u'/' + issuer + u':' + account);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("secret"), toBase32(secret));
    query.addQueryItem(QStringLiteral("issuer"), issuer);
    query.addQueryItem(QStringLiteral("algorithm"), QStringLiteral("SHA1"));
    query.addQueryItem(QStringLiteral("digits"), QString::number(kDigits));
    query.addQueryItem(QStringLiteral("period"), QString::number(kStepSeconds));
    uri.setQuery(query);
    return uri.toString(QUrl::FullyEncoded);
}

} // namespace qx::server::totp
