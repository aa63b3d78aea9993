#include "server/auth/tokensigner.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <filesystem>

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
    return core::makeError(core::ErrorCode::InvalidToken, reason);
}

core::Error keyError(const QString &message)
{
    return core::makeError(core::ErrorCode::KeyError, message);
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

// The key id names the public key, so verifiers can pick it from a key set.
QString keyIdOf(EVP_PKEY *key)
{
    unsigned char publicKey[32];
    std::size_t publicKeySize = sizeof publicKey;
    EVP_PKEY_get_raw_public_key(key, publicKey, &publicKeySize);
    const QByteArray digest = QCryptographicHash::hash(
        QByteArrayView(publicKey, qsizetype(publicKeySize)), QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.left(12).toBase64(kBase64Url));
}

QByteArray rawPublicKey(EVP_PKEY *key)
{
    QByteArray raw(32, Qt::Uninitialized);
    std::size_t size = std::size_t(raw.size());
    EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char *>(raw.data()), &size);
    raw.truncate(qsizetype(size));
    return raw;
}

// A PEM file written whole with owner-only permissions from its first byte.
core::Result<void> writeSecretFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(data) != data.size() || !file.flush()) {
        return keyError(
            QStringLiteral("Cannot write the signing key %1: %2").arg(path, file.errorString()));
    }
    return {};
}

QByteArray pemOf(EVP_PKEY *key, bool privatePart)
{
    Bio bio(BIO_new(BIO_s_mem()));
    if (!bio)
        return {};
    const int written = privatePart
        ? PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr)
        : PEM_write_bio_PUBKEY(bio.get(), key);
    if (written != 1)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, qsizetype(size));
}

} // namespace

void TokenSigner::KeyDeleter::operator()(evp_pkey_st *key) const
{
    EVP_PKEY_free(key);
}

TokenSigner::TokenSigner(Key key, QString keyId)
    : m_key(std::move(key))
    , m_keyId(std::move(keyId))
{ }

TokenSigner::~TokenSigner() = default;
TokenSigner::TokenSigner(TokenSigner &&) noexcept = default;
TokenSigner &TokenSigner::operator=(TokenSigner &&) noexcept = default;

QString TokenSigner::retiredDirectory(const QString &pemPath)
{
    return QFileInfo(pemPath).dir().filePath(QStringLiteral("signing-keys-retired"));
}

core::Result<void> TokenSigner::createKeyFile(const QString &pemPath)
{
    if (QFile::exists(pemPath))
        return {};
    Key key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
    const QByteArray pem = key ? pemOf(key.get(), true) : QByteArray();
    if (pem.isEmpty())
        return keyError(QStringLiteral("Cannot generate an Ed25519 signing key."));
    return writeSecretFile(pemPath, pem);
}

core::Result<TokenSigner> TokenSigner::fromKeyFile(const QString &pemPath)
{
    QFile file(pemPath);
    if (!file.open(QIODevice::ReadOnly))
        return keyError(
            QStringLiteral("Cannot read the signing key %1: %2").arg(pemPath, file.errorString()));
    const QByteArray pem = file.readAll();
    Bio bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    Key key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_ED25519)
        return keyError(QStringLiteral("%1 is not an Ed25519 private key.").arg(pemPath));
    const QString keyId = keyIdOf(key.get());
    TokenSigner signer(std::move(key), keyId);
    const QDir retired(retiredDirectory(pemPath));
    for (const QFileInfo &info : retired.entryInfoList({ QStringLiteral("*.pem") }, QDir::Files)) {
        QFile publicFile(info.filePath());
        if (!publicFile.open(QIODevice::ReadOnly))
            continue;
        const QByteArray publicPem = publicFile.readAll();
        Bio publicBio(BIO_new_mem_buf(publicPem.constData(), int(publicPem.size())));
        Key publicKey(PEM_read_bio_PUBKEY(publicBio.get(), nullptr, nullptr, nullptr));
        if (!publicKey || EVP_PKEY_get_base_id(publicKey.get()) != EVP_PKEY_ED25519)
            continue;
        const QString retiredId = keyIdOf(publicKey.get());
        if (retiredId != keyId)
            signer.m_retired.push_back({ retiredId, std::move(publicKey), info.lastModified() });
    }
    return signer;
}

core::Result<QString> TokenSigner::rotateKeyFile(const QString &pemPath)
{
    core::Result<TokenSigner> current = fromKeyFile(pemPath);
    if (!current)
        return current.error();
    // The old key's public half stays to verify what it signed; long-retired ones go.
    QDir retired(retiredDirectory(pemPath));
    if (!retired.mkpath(QStringLiteral(".")))
        return keyError(QStringLiteral("Cannot create %1.").arg(retired.path()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QFileInfo &info : retired.entryInfoList({ QStringLiteral("*.pem") }, QDir::Files)) {
        if (info.lastModified().secsTo(now) > kRetiredKeepSeconds)
            QFile::remove(info.filePath());
    }
    const QString keyFile = retired.filePath(current->keyId() + QStringLiteral(".pem"));
    QFile publicFile(keyFile);
    const QByteArray publicPem = pemOf(current->m_key.get(), false);
    if (publicPem.isEmpty() || !publicFile.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || publicFile.write(publicPem) != publicPem.size() || !publicFile.flush())
        return keyError(QStringLiteral("Cannot write %1.").arg(keyFile));
    publicFile.close();
    // The new key replaces the old in one rename: a server reading it sees one or the other.
    const QString fresh = pemPath + QStringLiteral(".new");
    QFile::remove(fresh);
    if (core::Result<void> created = createKeyFile(fresh); !created)
        return created.error();
    std::error_code error;
    std::filesystem::rename(fresh.toStdString(), pemPath.toStdString(), error);
    if (error)
        return keyError(QStringLiteral("Cannot replace %1: %2")
                            .arg(pemPath, QString::fromStdString(error.message())));
    core::Result<TokenSigner> rotated = fromKeyFile(pemPath);
    if (!rotated)
        return rotated.error();
    return rotated->keyId();
}

QJsonObject TokenSigner::jwks() const
{
    QJsonArray keys;
    const auto add = [&keys](const QString &keyId, EVP_PKEY *key) {
        keys.append(QJsonObject {
            { QStringLiteral("kty"), QStringLiteral("OKP") },
            { QStringLiteral("crv"), QStringLiteral("Ed25519") },
            { QStringLiteral("x"), QString::fromLatin1(rawPublicKey(key).toBase64(kBase64Url)) },
            { QStringLiteral("kid"), keyId },
            { QStringLiteral("alg"), QStringLiteral("EdDSA") },
            { QStringLiteral("use"), QStringLiteral("sig") } });
    };
    add(m_keyId, m_key.get());
    for (const RetiredKey &retired : m_retired)
        add(retired.keyId, retired.key.get());
    return { { QStringLiteral("keys"), keys } };
}

core::Result<QString> TokenSigner::issue(const QString &subject, const QString &role,
                                         std::int64_t generation, const QDateTime &now,
                                         int lifetimeSeconds) const
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
                { QStringLiteral("exp"), issuedAt + lifetimeSeconds },
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
    // Only our algorithm and keys: no "none", no HMAC, no keys carried in the token.
    const QString keyId = header->value(u"kid").toString();
    const QJsonObject expectedHeader { { QStringLiteral("alg"), QStringLiteral("EdDSA") },
                                       { QStringLiteral("typ"), QStringLiteral("JWT") },
                                       { QStringLiteral("kid"), keyId } };
    EVP_PKEY *key = keyId == m_keyId ? m_key.get() : nullptr;
    const RetiredKey *retired = nullptr;
    for (const RetiredKey &candidate : m_retired) {
        if (!key && candidate.keyId == keyId) {
            key = candidate.key.get();
            retired = &candidate;
        }
    }
    if (*header != expectedHeader || !key)
        return invalidToken(QStringLiteral("The token was not signed by this server."));
    const std::optional<QByteArray> signature = decodeSegment(parts[2]);
    const QByteArray signingInput = parts[0] + '.' + parts[1];
    DigestContext context(EVP_MD_CTX_new());
    if (!signature || signature->size() != 64 || !context
        || EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, key) != 1
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
    // A retired key signs nothing new: a token it signed after its retirement is forged.
    if (retired && payload->value(u"iat").toInteger() > retired->retiredAt.toSecsSinceEpoch() + 60)
        return invalidToken(QStringLiteral("The token was signed with a retired key."));
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
