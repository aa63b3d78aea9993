#include "server/auth/tokensigner.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

namespace qx::server {

namespace {

const QString kIssuer = QStringLiteral("quantenergx");
const QString kAudience = QStringLiteral("quantenergx-api");
constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

core::Error invalidToken(const QString &reason)
{
    return core::makeError(QStringLiteral("invalid_token"), reason);
}

core::Error keyError(const QString &message)
{
    return core::makeError(QStringLiteral("key_error"), message);
}

struct BioDeleter
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
struct DigestContextDeleter
{
    void operator()(EVP_MD_CTX *context) const { EVP_MD_CTX_free(context); }
};
using Bio = std::unique_ptr<BIO, BioDeleter>;
using DigestContext = std::unique_ptr<EVP_MD_CTX, DigestContextDeleter>;

QByteArray encodeSegment(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toBase64(kBase64Url);
}

std::optional<QByteArray> decodeSegment(const QByteArray &segment)
{
    auto decoded = QByteArray::fromBase64Encoding(
        segment, kBase64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

std::optional<QJsonObject> decodeObject(const QByteArray &segment)
{
    const std::optional<QByteArray> json = decodeSegment(segment);
    if (!json)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

} // namespace

void TokenSigner::KeyDeleter::operator()(evp_pkey_st *key) const
{
    EVP_PKEY_free(key);
}

TokenSigner::TokenSigner(evp_pkey_st *key, QString keyId)
    : m_key(key)
    , m_keyId(std::move(keyId))
{ }

TokenSigner::~TokenSigner() = default;
TokenSigner::TokenSigner(TokenSigner &&) noexcept = default;

core::Result<void> TokenSigner::createKeyFile(const QString &pemPath)
{
    if (QFile::exists(pemPath))
        return {};
    std::unique_ptr<EVP_PKEY, KeyDeleter> key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
    Bio bio(BIO_new(BIO_s_mem()));
    if (!key || !bio
        || PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)
            != 1) {
        return keyError(QStringLiteral("Cannot generate an Ed25519 signing key."));
    }
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    // Created with owner-only permissions from the first byte, not chmod-ed afterwards.
    QFile file(pemPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(data, size) != size || !file.flush()) {
        return keyError(
            QStringLiteral("Cannot write the signing key %1: %2").arg(pemPath, file.errorString()));
    }
    return {};
}

core::Result<TokenSigner> TokenSigner::fromKeyFile(const QString &pemPath)
{
    QFile file(pemPath);
    if (!file.open(QIODevice::ReadOnly))
        return keyError(
            QStringLiteral("Cannot read the signing key %1: %2").arg(pemPath, file.errorString()));
    const QByteArray pem = file.readAll();
    Bio bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
    if (!key || EVP_PKEY_get_base_id(key) != EVP_PKEY_ED25519) {
        EVP_PKEY_free(key);
        return keyError(QStringLiteral("%1 is not an Ed25519 private key.").arg(pemPath));
    }
    unsigned char publicKey[32];
    std::size_t publicKeySize = sizeof publicKey;
    EVP_PKEY_get_raw_public_key(key, publicKey, &publicKeySize);
    // The key id names the public key, so verifiers can pick it from a key set.
    const QByteArray digest = QCryptographicHash::hash(
        QByteArrayView(publicKey, qsizetype(publicKeySize)), QCryptographicHash::Sha256);
    return TokenSigner(key, QString::fromLatin1(digest.left(12).toBase64(kBase64Url)));
}

core::Result<QString> TokenSigner::issue(const QString &subject, const QString &role,
                                         std::int64_t generation, const QDateTime &now) const
{
    unsigned char tokenId[16];
    if (RAND_bytes(tokenId, sizeof tokenId) != 1)
        return keyError(QStringLiteral("The system random generator failed."));
    const qint64 issuedAt = now.toSecsSinceEpoch();
    const QByteArray signingInput
        = encodeSegment({ { QStringLiteral("alg"), QStringLiteral("EdDSA") },
                          { QStringLiteral("typ"), QStringLiteral("JWT") },
                          { QStringLiteral("kid"), m_keyId } })
        + '.'
        + encodeSegment(
              { { QStringLiteral("iss"), kIssuer },
                { QStringLiteral("aud"), kAudience },
                { QStringLiteral("sub"), subject },
                { QStringLiteral("role"), role },
                { QStringLiteral("gen"), qint64(generation) },
                { QStringLiteral("iat"), issuedAt },
                { QStringLiteral("exp"), issuedAt + kAccessTokenSeconds },
                { QStringLiteral("jti"),
                  QString::fromLatin1(
                      QByteArray(reinterpret_cast<const char *>(tokenId), 16).toHex()) } });
    DigestContext context(EVP_MD_CTX_new());
    unsigned char signature[64];
    std::size_t signatureSize = sizeof signature;
    if (!context || EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr, m_key.get()) != 1
        || EVP_DigestSign(context.get(), signature, &signatureSize,
                          reinterpret_cast<const unsigned char *>(signingInput.constData()),
                          std::size_t(signingInput.size()))
            != 1) {
        return keyError(QStringLiteral("Signing the access token failed."));
    }
    const QByteArray encodedSignature
        = QByteArray(reinterpret_cast<const char *>(signature), qsizetype(signatureSize))
              .toBase64(kBase64Url);
    return QString::fromLatin1(signingInput + '.' + encodedSignature);
}

core::Result<TokenClaims> TokenSigner::verify(const QString &token, const QDateTime &now) const
{
    const QByteArray compact = token.toLatin1();
    const QList<QByteArray> parts = compact.split('.');
    if (token.size() > 4096 || parts.size() != 3)
        return invalidToken(QStringLiteral("The token is not a compact JWS."));
    const std::optional<QJsonObject> header = decodeObject(parts[0]);
    if (!header)
        return invalidToken(QStringLiteral("The token header is malformed."));
    // Only our algorithm and key: no "none", no HMAC, no keys carried in the token.
    const QJsonObject expectedHeader { { QStringLiteral("alg"), QStringLiteral("EdDSA") },
                                       { QStringLiteral("typ"), QStringLiteral("JWT") },
                                       { QStringLiteral("kid"), m_keyId } };
    if (*header != expectedHeader)
        return invalidToken(QStringLiteral("The token was not signed by this server."));
    const std::optional<QByteArray> signature = decodeSegment(parts[2]);
    const QByteArray signingInput = parts[0] + '.' + parts[1];
    DigestContext context(EVP_MD_CTX_new());
    if (!signature || signature->size() != 64 || !context
        || EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, m_key.get()) != 1
        || EVP_DigestVerify(context.get(),
                            reinterpret_cast<const unsigned char *>(signature->constData()),
                            std::size_t(signature->size()),
                            reinterpret_cast<const unsigned char *>(signingInput.constData()),
                            std::size_t(signingInput.size()))
            != 1) {
        return invalidToken(QStringLiteral("The token signature is invalid."));
    }
    const std::optional<QJsonObject> payload = decodeObject(parts[1]);
    if (!payload)
        return invalidToken(QStringLiteral("The token payload is malformed."));
    const qint64 nowSeconds = now.toSecsSinceEpoch();
    const qint64 expiresAt = payload->value(u"exp").toInteger();
    if (payload->value(u"iss").toString() != kIssuer
        || payload->value(u"aud").toString() != kAudience)
        return invalidToken(QStringLiteral("The token is meant for another service."));
    if (expiresAt <= nowSeconds)
        return invalidToken(QStringLiteral("The token has expired; sign in again."));
    TokenClaims claims;
    claims.subject = payload->value(u"sub").toString();
    claims.role = payload->value(u"role").toString();
    claims.tokenId = payload->value(u"jti").toString();
    claims.generation = payload->value(u"gen").toInteger();
    claims.expiresAt = QDateTime::fromSecsSinceEpoch(expiresAt, Qt::UTC);
    if (claims.subject.isEmpty() || claims.role.isEmpty())
        return invalidToken(QStringLiteral("The token names no user."));
    return claims;
}

} // namespace qx::server
