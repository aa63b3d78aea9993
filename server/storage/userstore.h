#pragma once

#include "server/storage/records.h"

namespace qx::server {

/**
 * Users and what signs them in: accounts, password hashes, refresh tokens, TOTP, recovery
 * codes and API keys.
 * Part of Store (store.h); a service that needs only this takes a UserStore &.
 */
class UserStore
{
public:
    virtual ~UserStore() = default;

    virtual Result<UserRecord> addUser(const QString &username, const QString &role,
                                       const QByteArray &passwordHash)
        = 0;
    /// Updates role, password hash, disabled flag and self-trade prevention of `user.id`.
    virtual Result<void> updateUser(const UserRecord &user) = 0;
    virtual Result<std::optional<UserRecord>> findUser(const QString &username) = 0;
    virtual Result<std::optional<UserRecord>> findUserById(std::int64_t userId) = 0;
    /// Replaces the user's password hash with `newHash` if it is still `oldHash` (a stronger
    /// hash of the same password, made at sign-in); false if it changed meanwhile.
    virtual Result<bool> upgradePasswordHash(std::int64_t userId, const QByteArray &oldHash,
                                             const QByteArray &newHash)
        = 0;
    virtual Result<QList<UserRecord>> users() = 0;
    /// Stores a refresh token (its hash only) of `family`, the sign-in it descends from.
    virtual Result<void> saveRefreshToken(std::int64_t userId, const QByteArray &tokenHash,
                                          const QString &family, const QDateTime &expiresAt)
        = 0;
    /// Uses the refresh token `oldHash` and, in the same transaction, stores `newHash` as its
    /// successor, if it is still good. A token used less than `graceMs` ago answers JustUsed
    /// (two requests raced with one token: one got the successor); used longer ago, Reused,
    /// and its family is revoked.
    virtual Result<RefreshRotation> rotateRefreshToken(const QByteArray &oldHash,
                                                       const QByteArray &newHash,
                                                       const QDateTime &expiresAt, qint64 graceMs)
        = 0;
    /// Multi-factor sign-in. setTotpSecret() starts an enrolment (codes not asked yet);
    /// enableTotp() confirms it with the step of the first code and replaces the recovery
    /// codes (their hashes); disableTotp() ends it (an admin's reset).
    virtual Result<void> setTotpSecret(std::int64_t userId, const QByteArray &secret) = 0;
    virtual Result<void> enableTotp(std::int64_t userId, std::int64_t step,
                                    const QList<QByteArray> &recoveryCodeHashes)
        = 0;
    virtual Result<void> disableTotp(std::int64_t userId) = 0;
    /// Replaces a user's TOTP secret as stored with `sealed` (the same secret, encrypted) if
    /// it is still `stored`: false if it changed meanwhile. Nothing else changes.
    virtual Result<bool> sealTotpSecret(std::int64_t userId, const QByteArray &stored,
                                        const QByteArray &sealed)
        = 0;
    /// Takes `step` as used if it is later than the last one (a code counts once): false if not.
    virtual Result<bool> useTotpStep(std::int64_t userId, std::int64_t step) = 0;
    /// Uses the recovery code with `hash` up: false if it is not the user's or was used.
    virtual Result<bool> useRecoveryCode(std::int64_t userId, const QByteArray &hash) = 0;
    /// API keys: stored by hash, listed per user, found by hash (to authenticate), revoked
    /// by their user (false: not the user's, or revoked already), and their last use noted.
    /// A user id of 0 in apiKeys() and revokeApiKey() is any user's (an admin's).
    virtual Result<std::int64_t> addApiKey(const ApiKeyRecord &key, const QByteArray &keyHash) = 0;
    virtual Result<QList<ApiKeyRecord>> apiKeys(std::int64_t userId) = 0;
    virtual Result<std::optional<ApiKeyRecord>> findApiKey(const QByteArray &keyHash) = 0;
    /// Every key not revoked (expired ones included), by hash: what requests are checked
    /// against. Adding or revoking a key raises the configuration version.
    virtual Result<QHash<QByteArray, ApiKeyRecord>> liveApiKeys() = 0;
    virtual Result<bool> revokeApiKey(std::int64_t userId, std::int64_t keyId) = 0;
    virtual Result<void> noteApiKeyUse(std::int64_t keyId, const QDateTime &at) = 0;
    /// Every token of the user invalid from now: refresh tokens revoked, token generation
    /// raised (sign-out, password change, account disabled). The new generation.
    virtual Result<std::int64_t> revokeUserTokens(std::int64_t userId) = 0;
};

} // namespace qx::server
