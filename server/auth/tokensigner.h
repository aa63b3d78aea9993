#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <QJsonObject>

#include <memory>
#include <vector>

struct evp_pkey_st;

namespace qx::server {

/// What a verified access token says about its bearer.
struct TokenClaims
{
    QString subject; ///< username
    QString role;
    QString tokenId;
    std::int64_t generation = 0; ///< the user's token generation when it was issued
    QDateTime expiresAt;
};

/**
 * Issues and verifies access tokens: JWTs signed with Ed25519 (`alg: EdDSA`) through OpenSSL
 * EVP. Verification accepts exactly that algorithm, a key id of this signer's key ring, and
 * checks issuer, audience, expiry and token type; nothing in a token chooses a key or an
 * algorithm (no `none`, no HMAC, no `jku`/`x5u`/`jwk` headers: the header must be exactly
 * alg, typ, kid).
 *
 * The ring: the current private key (a PEM file readable only by its owner) signs; keys
 * retired by rotateKeyFile() stay, as public keys in `signing-keys-retired/` beside it, to
 * verify tokens issued before their retirement until those expire. jwks() publishes the
 * ring's public keys. Immutable after construction; usable from any thread.
 */
class TokenSigner
{
public:
    /// How long an access token lives unless the server is told otherwise.
    static constexpr int kDefaultAccessTokenSeconds = 15 * 60;
    /// Retired keys are kept this long (far past the last token they signed), then removed.
    static constexpr qint64 kRetiredKeepSeconds = 24 * 3600;

    ~TokenSigner();
    TokenSigner(TokenSigner &&) noexcept;
    TokenSigner &operator=(TokenSigner &&) noexcept;

    /// Creates a new Ed25519 key in `pemPath` (mode 0600) unless one is already there.
    static core::Result<void> createKeyFile(const QString &pemPath);
    /// The ring of `pemPath`: its key, and the retired ones beside it.
    static core::Result<TokenSigner> fromKeyFile(const QString &pemPath);
    /// Retires the key in `pemPath` (its public key kept beside it) and puts a new one in its
    /// place; returns the new key id. Tokens signed before stay valid until they expire.
    static core::Result<QString> rotateKeyFile(const QString &pemPath);
    /// Where rotateKeyFile() keeps the retired public keys of `pemPath`.
    static QString retiredDirectory(const QString &pemPath);

    QString keyId() const { return m_keyId; }
    /// An access token valid from `now` for `lifetimeSeconds`.
    core::Result<QString> issue(const QString &subject, const QString &role,
                                std::int64_t generation, const QDateTime &now,
                                int lifetimeSeconds = kDefaultAccessTokenSeconds) const;
    /// invalid_token with a reason, or the claims.
    core::Result<TokenClaims> verify(const QString &token, const QDateTime &now) const;
    /// {"keys":[{"kty":"OKP","crv":"Ed25519","x","kid","alg":"EdDSA","use":"sig"}]}: every
    /// key a token of this server may be signed with (RFC 8037), for other services.
    QJsonObject jwks() const;

private:
    struct KeyDeleter
    {
        void operator()(evp_pkey_st *key) const;
    };
    using Key = std::unique_ptr<evp_pkey_st, KeyDeleter>;
    struct RetiredKey
    {
        QString keyId;
        Key key;
        QDateTime retiredAt; ///< tokens issued later are not its
    };
    TokenSigner(Key key, QString keyId);

    Key m_key;
    QString m_keyId;
    std::vector<RetiredKey> m_retired;
};

} // namespace qx::server
