// SqlStore, users and auth (UserStore): accounts, refresh tokens, TOTP, API keys.

#include "server/storage/sqlstore.h"

#include "server/storage/sqlstore_p.h"

namespace qx::server {

namespace protocol = core::protocol;
using namespace sqlstore;

Result<UserRecord> SqlStore::addUser(const QString &username, const QString &role,
                                     const QByteArray &passwordHash)
{
    const qint64 now = m_clock->nowMs();
    Result<std::int64_t> inserted = returnedInteger(
        m_database->query("INSERT INTO users (username, role, password_hash, created_at_ms) "
                          "VALUES ($1, $2, $3, $4) RETURNING id",
                          username, role, QString::fromUtf8(passwordHash), now));
    if (!inserted) {
        if (isUniqueViolation(inserted.error()))
            return core::makeError(core::ErrorCode::UserExists,
                                   QStringLiteral("The user %1 already exists.").arg(username));
        return inserted.error();
    }
    UserRecord user;
    user.id = *inserted;
    user.username = username;
    user.role = role;
    user.passwordHash = passwordHash;
    user.createdAt = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    return user;
}

Result<void> SqlStore::updateUser(const UserRecord &user)
{
    return m_database->run(
        "UPDATE users SET role = $2, password_hash = $3, disabled = $4, self_trade = $5, "
        "counterparty = NULLIF($6, '') WHERE id = $1",
        user.id, user.role, QString::fromUtf8(user.passwordHash), user.disabled, user.selfTrade,
        user.counterparty);
}

Result<std::optional<UserRecord>> SqlStore::findUser(const QString &username)
{
    return findOne<UserRecord>(
        m_database->query("SELECT " QX_USER_COLUMNS " FROM users WHERE username = $1", username),
        userFromRow);
}

Result<std::optional<UserRecord>> SqlStore::findUserById(std::int64_t userId)
{
    return findOne<UserRecord>(
        m_database->query("SELECT " QX_USER_COLUMNS " FROM users WHERE id = $1", userId),
        userFromRow);
}

Result<bool> SqlStore::upgradePasswordHash(std::int64_t userId, const QByteArray &oldHash,
                                           const QByteArray &newHash)
{
    return m_database->changeOne(
        "UPDATE users SET password_hash = $3 WHERE id = $1 AND password_hash = $2", userId,
        QString::fromUtf8(oldHash), QString::fromUtf8(newHash));
}

Result<bool> SqlStore::sealTotpSecret(std::int64_t userId, const QByteArray &stored,
                                      const QByteArray &sealed)
{
    return m_database->changeOne(
        "UPDATE users SET totp_secret = $3 WHERE id = $1 AND totp_secret = $2", userId, stored,
        sealed);
}

Result<QList<UserRecord>> SqlStore::users()
{
    return collect<UserRecord>(
        m_database->query("SELECT " QX_USER_COLUMNS " FROM users ORDER BY username"), userFromRow);
}

Result<void> SqlStore::saveRefreshToken(std::int64_t userId, const QByteArray &tokenHash,
                                        const QString &family, const QDateTime &expiresAt)
{
    return m_database->run("INSERT INTO refresh_tokens (token_hash, user_id, issued_at_ms, "
                           "expires_at_ms, family) VALUES ($1, $2, $3, $4, $5)",
                           tokenHash, userId, m_clock->nowMs(), expiresAt.toMSecsSinceEpoch(),
                           family);
}

Result<RefreshRotation> SqlStore::rotateRefreshToken(const QByteArray &oldHash,
                                                     const QByteArray &newHash,
                                                     const QDateTime &expiresAt, qint64 graceMs)
{
    const qint64 now = m_clock->nowMs();
    return inTransaction(*m_database, [&]() -> Result<RefreshRotation> {
        // Used once: of requests racing with one token, exactly one changes the row.
        Result<std::optional<std::pair<std::int64_t, QString>>> taken
            = findOne<std::pair<std::int64_t, QString>>(
                m_database->query("UPDATE refresh_tokens SET used_at_ms = $2 "
                                  "WHERE token_hash = $1 AND used_at_ms IS NULL "
                                  "AND revoked_at_ms IS NULL AND expires_at_ms > $2 "
                                  "RETURNING user_id, family",
                                  oldHash, now),
                [](const SqlRows &row) { return std::pair(row.int64(0), row.text(1)); });
        if (!taken)
            return taken.error();
        RefreshRotation rotation;
        if (*taken) {
            rotation.outcome = RefreshRotation::Outcome::Rotated;
            rotation.userId = (*taken)->first;
            rotation.family = (*taken)->second;
            if (Result<void> saved = m_database->run(
                    "INSERT INTO refresh_tokens (token_hash, user_id, issued_at_ms, "
                    "expires_at_ms, family) VALUES ($1, $2, $3, $4, $5)",
                    newHash, rotation.userId, now, expiresAt.toMSecsSinceEpoch(), rotation.family);
                !saved) {
                return saved.error();
            }
            return rotation;
        }
        struct Seen
        {
            std::int64_t userId;
            QString family;
            std::optional<qint64> usedAt;
            bool live;
        };
        Result<std::optional<Seen>> seen = findOne<Seen>(
            m_database->query(
                "SELECT user_id, family, used_at_ms, "
                "CASE WHEN revoked_at_ms IS NULL AND expires_at_ms > $2 THEN 1 ELSE 0 END "
                "FROM refresh_tokens WHERE token_hash = $1",
                oldHash, now),
            [](const SqlRows &row) {
                return Seen { row.int64(0), row.text(1),
                              row.isNull(2) ? std::nullopt : std::optional(row.int64(2)),
                              row.int64(3) != 0 };
            });
        if (!seen)
            return seen.error();
        if (!*seen || !(*seen)->usedAt || !(*seen)->live)
            return rotation; // Invalid
        rotation.userId = (*seen)->userId;
        rotation.family = (*seen)->family;
        if (now - *(*seen)->usedAt < graceMs) {
            rotation.outcome = RefreshRotation::Outcome::JustUsed;
            return rotation;
        }
        rotation.outcome = RefreshRotation::Outcome::Reused;
        if (Result<void> revoked = m_database->run("UPDATE refresh_tokens SET revoked_at_ms = $2 "
                                                   "WHERE family = $1 AND revoked_at_ms IS NULL",
                                                   rotation.family, now);
            !revoked) {
            return revoked.error();
        }
        return rotation;
    });
}

Result<void> SqlStore::setTotpSecret(std::int64_t userId, const QByteArray &secret)
{
    return m_database->run("UPDATE users SET totp_secret = $2, totp_enabled = 0, "
                           "totp_last_step = 0 WHERE id = $1",
                           userId, secret);
}

Result<void> SqlStore::enableTotp(std::int64_t userId, std::int64_t step,
                                  const QList<QByteArray> &recoveryCodeHashes)
{
    return inTransaction(*m_database, [&]() -> Result<void> {
        if (Result<void> enabled = m_database->run(
                "UPDATE users SET totp_enabled = 1, totp_last_step = $2 WHERE id = $1", userId,
                step);
            !enabled) {
            return enabled;
        }
        if (Result<void> cleared
            = m_database->run("DELETE FROM recovery_codes WHERE user_id = $1", userId);
            !cleared) {
            return cleared;
        }
        for (const QByteArray &hash : recoveryCodeHashes) {
            if (Result<void> saved
                = m_database->run("INSERT INTO recovery_codes (code_hash, user_id) VALUES ($1, $2)",
                                  hash, userId);
                !saved) {
                return saved;
            }
        }
        return {};
    });
}

Result<void> SqlStore::disableTotp(std::int64_t userId)
{
    return inTransaction(*m_database, [&]() -> Result<void> {
        if (Result<void> cleared
            = m_database->run("DELETE FROM recovery_codes WHERE user_id = $1", userId);
            !cleared) {
            return cleared;
        }
        return m_database->run("UPDATE users SET totp_secret = NULL, totp_enabled = 0, "
                               "totp_last_step = 0 WHERE id = $1",
                               userId);
    });
}

Result<bool> SqlStore::useTotpStep(std::int64_t userId, std::int64_t step)
{
    return m_database->changeOne(
        "UPDATE users SET totp_last_step = $2 WHERE id = $1 AND totp_enabled = 1 "
        "AND totp_last_step < $2",
        userId, step);
}

Result<bool> SqlStore::useRecoveryCode(std::int64_t userId, const QByteArray &hash)
{
    return m_database->changeOne(
        "UPDATE recovery_codes SET used_at_ms = $3 WHERE user_id = $1 AND code_hash = $2 "
        "AND used_at_ms IS NULL",
        userId, hash, m_clock->nowMs());
}

namespace {

constexpr const char *kApiKeyColumns = "id, user_id, name, scopes, created_at_ms, expires_at_ms, "
                                       "last_used_at_ms, revoked_at_ms";

QDateTime timeOrInvalid(const SqlRows &row, int column)
{
    return row.isNull(column) ? QDateTime()
                              : QDateTime::fromMSecsSinceEpoch(row.int64(column), Qt::UTC);
}

ApiKeyRecord apiKeyFromRow(const SqlRows &row)
{
    return ApiKeyRecord { row.int64(0),          row.int64(1),
                          row.text(2),           row.text(3).split(u',', Qt::SkipEmptyParts),
                          timeOrInvalid(row, 4), timeOrInvalid(row, 5),
                          timeOrInvalid(row, 6), timeOrInvalid(row, 7) };
}

} // namespace

Result<std::int64_t> SqlStore::addApiKey(const ApiKeyRecord &key, const QByteArray &keyHash)
{
    return returnedInteger(m_database->query(
        "INSERT INTO api_keys (user_id, name, key_hash, scopes, created_at_ms, expires_at_ms) "
        "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        key.userId, key.name, keyHash, key.scopes.join(u','), key.createdAt.toMSecsSinceEpoch(),
        key.expiresAt.toMSecsSinceEpoch()));
}

Result<QList<ApiKeyRecord>> SqlStore::apiKeys(std::int64_t userId)
{
    const QByteArray sql = QByteArray("SELECT ") + kApiKeyColumns
        + " FROM api_keys WHERE ($1 = 0 OR user_id = $1) ORDER BY id";
    return collect<ApiKeyRecord>(m_database->query(sql.constData(), userId), apiKeyFromRow);
}

Result<std::optional<ApiKeyRecord>> SqlStore::findApiKey(const QByteArray &keyHash)
{
    const QByteArray sql
        = QByteArray("SELECT ") + kApiKeyColumns + " FROM api_keys WHERE key_hash = $1";
    return findOne<ApiKeyRecord>(m_database->query(sql.constData(), keyHash), apiKeyFromRow);
}

Result<QHash<QByteArray, ApiKeyRecord>> SqlStore::liveApiKeys()
{
    const QByteArray sql = QByteArray("SELECT ") + kApiKeyColumns
        + ", key_hash FROM api_keys WHERE revoked_at_ms IS NULL";
    Result<QList<std::pair<QByteArray, ApiKeyRecord>>> keys
        = collect<std::pair<QByteArray, ApiKeyRecord>>(
            m_database->query(sql.constData()), [](const SqlRows &row) {
                return std::pair { row.blob(8), apiKeyFromRow(row) };
            });
    if (!keys)
        return keys.error();
    QHash<QByteArray, ApiKeyRecord> byHash;
    byHash.reserve(keys->size());
    for (auto &[hash, key] : *keys)
        byHash.insert(hash, std::move(key));
    return byHash;
}

Result<bool> SqlStore::revokeApiKey(std::int64_t userId, std::int64_t keyId)
{
    return m_database->changeOne(
        "UPDATE api_keys SET revoked_at_ms = $3 WHERE id = $1 AND ($2 = 0 OR user_id = $2) "
        "AND revoked_at_ms IS NULL",
        keyId, userId, m_clock->nowMs());
}

Result<void> SqlStore::noteApiKeyUse(std::int64_t keyId, const QDateTime &at)
{
    return m_database->run("UPDATE api_keys SET last_used_at_ms = $2 WHERE id = $1", keyId,
                           at.toMSecsSinceEpoch());
}

Result<std::int64_t> SqlStore::revokeUserTokens(std::int64_t userId)
{
    const qint64 now = m_clock->nowMs();
    return inTransaction(*m_database, [&]() -> Result<std::int64_t> {
        if (Result<void> revoked = m_database->run("UPDATE refresh_tokens SET revoked_at_ms = $2 "
                                                   "WHERE user_id = $1 AND revoked_at_ms IS NULL",
                                                   userId, now);
            !revoked) {
            return revoked.error();
        }
        return returnedInteger(m_database->query("UPDATE users SET token_generation = "
                                                 "token_generation + 1 WHERE id = $1 "
                                                 "RETURNING token_generation",
                                                 userId));
    });
}

} // namespace qx::server
