#pragma once

#include "core/protocol/messages.h"
#include "server/auth/tokensigner.h"
#include "server/storage/store.h"

#include <QByteArrayView>
#include <QHash>

namespace qx::server {

/// Who is calling: established from a verified token and the user's current record.
struct Principal
{
    std::int64_t userId = 0;
    QString username;
    QString role;
    QString selfTrade = QStringLiteral("cancel_newest"); ///< the account's setting
    QString counterparty; ///< the firm traded for; empty: the user alone

    static Principal of(const UserRecord &user)
    {
        return { user.id, user.username, user.role, user.selfTrade, user.counterparty };
    }
};

/**
 * Sign-in and request authentication: checks passwords (Argon2id), issues access tokens
 * (Ed25519 JWT) and opaque refresh tokens (kept only as SHA-256 hashes), and turns a bearer
 * token back into a Principal. Errors: invalid_credentials, missing_token, invalid_token.
 * Used from the server's event-loop thread.
 */
class AuthService
{
public:
    AuthService(Store &store, TokenSigner signer);

    core::Result<core::protocol::TokenPair> login(const core::protocol::LoginRequest &request);
    /// From an "Authorization: Bearer ..." header value.
    core::Result<Principal> authenticateHeader(QByteArrayView authorization);
    core::Result<Principal> authenticateToken(const QString &token);

private:
    Store &m_store;
    TokenSigner m_signer;
    QByteArray m_decoyHash; ///< verified against for unknown users, so timing reveals nothing
    /// Each user as last read, by name: a token is still checked against its user while
    /// storage cannot be reached (disabled as of the last read).
    QHash<QString, UserRecord> m_users;
};

} // namespace qx::server
