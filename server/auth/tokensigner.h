#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <memory>

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
 * EVP. Verification accepts exactly that algorithm and this signer's key id, and checks
 * issuer, audience, expiry and token type. The private key lives in a PEM file readable only by
 * its owner. Immutable after construction; usable from any thread.
 */
class TokenSigner
{
public:
    static constexpr int kAccessTokenSeconds = 15 * 60;

    ~TokenSigner();
    TokenSigner(TokenSigner &&) noexcept;

    /// Creates a new Ed25519 key in `pemPath` (mode 0600) unless one is already there.
    static core::Result<void> createKeyFile(const QString &pemPath);
    static core::Result<TokenSigner> fromKeyFile(const QString &pemPath);

    QString keyId() const { return m_keyId; }
    core::Result<QString> issue(const QString &subject, const QString &role,
                                std::int64_t generation, const QDateTime &now) const;
    /// invalid_token with a reason, or the claims.
    core::Result<TokenClaims> verify(const QString &token, const QDateTime &now) const;

private:
    struct KeyDeleter
    {
        void operator()(evp_pkey_st *key) const;
    };
    TokenSigner(evp_pkey_st *key, QString keyId);

    std::unique_ptr<evp_pkey_st, KeyDeleter> m_key;
    QString m_keyId;
};

} // namespace qx::server
