#include "server/notifications/webhooksignature.h"

#include <QMessageAuthenticationCode>
#include <QUrlQuery>

#include <openssl/crypto.h>

#include <algorithm>

namespace qx::server {

bool sameSecret(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size()
        && CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

QByteArray twilioSignature(const QString &url, QList<std::pair<QString, QString>> parameters,
                           const QByteArray &authToken)
{
    std::stable_sort(parameters.begin(), parameters.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QByteArray data = url.toUtf8();
    for (const auto &[name, value] : parameters)
        data += name.toUtf8() + value.toUtf8();
    return QMessageAuthenticationCode::hash(data, authToken, QCryptographicHash::Sha1).toBase64();
}

bool twilioSignatureValid(const QString &url, const QList<std::pair<QString, QString>> &parameters,
                          const QByteArray &authToken, const QByteArray &header)
{
    return !authToken.isEmpty() && !header.isEmpty()
        && sameSecret(twilioSignature(url, parameters, authToken), header.trimmed());
}

QByteArray metaSignature(const QByteArray &body, const QByteArray &appSecret)
{
    return "sha256="
        + QMessageAuthenticationCode::hash(body, appSecret, QCryptographicHash::Sha256).toHex();
}

bool metaSignatureValid(const QByteArray &body, const QByteArray &appSecret,
                        const QByteArray &header)
{
    return !appSecret.isEmpty() && !header.isEmpty()
        && sameSecret(metaSignature(body, appSecret), header.trimmed().toLower());
}

QList<std::pair<QString, QString>> formParameters(const QByteArray &body)
{
    QByteArray spaced = body;
    spaced.replace('+', ' ');
    QList<std::pair<QString, QString>> parameters;
    for (const auto &[name, value] :
         QUrlQuery(QString::fromUtf8(spaced)).queryItems(QUrl::FullyDecoded))
        parameters.append({ name, value });
    return parameters;
}

} // namespace qx::server
