#pragma once

#include "core/clock.h"
#include "core/protocol/messages.h"
#include "server/auth/permissions.h"
#include "server/auth/secretbox.h"
#include "server/auth/tokensigner.h"
#include "server/cache/ratelimiter.h"
#include "server/storage/store.h"

#include <QByteArrayView>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <functional>
#include <mutex>
#include <optional>

namespace qx::server {

class StoreReaders;

/// An API key as its owner reads it (never the key): id, name, scopes, times, revoked.
QJsonObject toJson(const ApiKeyRecord &key);

/// Who is calling: established from a verified token and the user's current record.
/// A client's address as throttling and the audit log name it (IPv4-mapped IPv6 as IPv4).
QString addressOf(const QHostAddress &source);

struct Principal
{
    std::int64_t userId = 0;
    QString username;
    QString role;
    QString selfTrade = QStringLiteral("cancel_newest"); ///< the account's setting
    QString counterparty; ///< the firm traded for; empty: the user alone
    bool mfaEnabled = false;
    std::int64_t apiKeyId = 0; ///< signed in with this API key; 0: a session
    std::optional<QStringList> scopes; ///< an API key's: they narrow the role
    QString source; ///< the address the request came from, for the audit log

    static Principal of(const UserRecord &user)
    {
        Principal principal;
        principal.userId = user.id;
        principal.username = user.username;
        principal.role = user.role;
        principal.selfTrade = user.selfTrade;
        principal.counterparty = user.counterparty;
        principal.mfaEnabled = user.totpEnabled;
        return principal;
    }
    /// Whether the role, narrowed by an API key's scopes, has `permission`.
    bool can(Permission permission) const
    {
        return roleAllows(role, permission) && (!scopes || scopes->contains(toString(permission)));
    }
};

/**
 * Sign-in and request authentication: checks passwords (Argon2id), issues access tokens
 * (Ed25519 JWT) and opaque refresh tokens (kept only as SHA-256 hashes), and turns a bearer
 * token back into a Principal. Errors: invalid_credentials, missing_token, invalid_token,
 * rate_limited, server_busy.
 *
 * Passwords are checked on a pool of at most hashingThreads() threads, so logins cannot take
 * every core from trading; beyond kMaxWaitingLogins waiting, a login is refused (server_busy).
 * Failed logins are throttled per account and source address (an attacker elsewhere cannot
 * lock the account's owner out) and per source address, through the RateLimiter, which the
 * servers of a cluster share.
 *
 * Lives on the server's event-loop thread; login answers arrive there.
 */
class AuthService : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxWaitingLogins = 64;
    /// Failed logins allowed per account and source address, and per source address.
    struct Throttles
    {
        RateLimiter::Rule failuresPerAccount { "login-failures", 10, std::chrono::minutes(15) };
        RateLimiter::Rule failuresPerAddress { "login-failures-address", 100,
                                               std::chrono::minutes(15) };
        /// Refresh tokens presented in vain (unknown, revoked, reused) per source address.
        RateLimiter::Rule badRefreshesPerAddress { "refresh-failures-address", 30,
                                                   std::chrono::minutes(15) };
    };
    /// A refresh token presented again within this long of its use is taken for a race
    /// between two requests of its holder (refused, nothing revoked); later, for a stolen
    /// copy (its whole family revoked).
    static constexpr qint64 kRefreshGraceMs = 2000;
    using LoginReply = std::function<void(core::Result<core::protocol::TokenPair>)>;
    /// How the operations below answer: on this thread, once their storage work (on a store
    /// reader once readers are set, else in line) is done.
    template<typename T>
    using Reply = std::function<void(core::Result<T>)>;
    /// What one of those operations answered, for tools that set no store readers (the CLI,
    /// unit tests): their answer comes before the call returns.
    template<typename T, typename Operation>
    static core::Result<T> answerNow(Operation &&operation)
    {
        std::optional<core::Result<T>> answer;
        std::forward<Operation>(operation)(
            Reply<T>([&answer](core::Result<T> result) { answer = std::move(result); }));
        if (!answer)
            return core::makeError(core::ErrorCode::Internal,
                                   QStringLiteral("The operation did not answer in line."));
        return std::move(*answer);
    }

    AuthService(Store &store, TokenSigner signer, QObject *parent = nullptr);
    ~AuthService() override;

    /// Keeps TOTP secrets encrypted with `box` (none: as they are, for tools that never
    /// enrol anyone).
    void setSecretBox(const SecretBox &box) { m_secrets = box; }
    /// Encrypts the TOTP secrets stored before they were (at start): how many.
    core::Result<int> sealStoredSecrets();
    /// Throttles failed logins through `limiter` (none: unthrottled).
    void setRateLimiter(RateLimiter *limiter, const Throttles &throttles);
    /// How long the access tokens issued from now on live (clients renew them before then
    /// with their refresh token).
    void setAccessTokenLifetime(int seconds) { m_accessTokenSeconds = seconds; }
    static int hashingThreads();

    void login(const core::protocol::LoginRequest &request, const QHostAddress &source,
               LoginReply reply);
    /// A new pair for a refresh token, which is used up: invalid_token, token_reused (its
    /// family is revoked), refresh_token_used (a racing request got the successor).
    void refresh(const core::protocol::RefreshRequest &request, const QHostAddress &source,
                 LoginReply reply);
    /// Signs the user out everywhere: every refresh and access token of theirs stops working.
    void logout(const Principal &principal, Reply<void> reply);
    /// Multi-factor sign-in (TOTP): enrolment gives the secret (base32, for typing) and an
    /// otpauth:// URI (for a QR code); confirming with a first code turns it on and answers
    /// kRecoveryCodes single-use recovery codes, shown this once. From then on sign-in needs
    /// a code (mfa_required without; invalid_mfa_code for a wrong or used one).
    struct Enrolment
    {
        QString secret;
        QString uri;
    };
    static constexpr int kRecoveryCodes = 10;
    void enrollMfa(const Principal &principal, Reply<Enrolment> reply);
    void confirmMfa(const Principal &principal, const QString &code, Reply<QStringList> reply);
    /// API keys for programs ("Authorization: ApiKey qx_..."): made by a signed-in user (not
    /// by a key) with a name, scopes among their role's permissions and a lifetime of 1 to
    /// 366 days; the key is answered this once and kept only as a hash.
    struct NewApiKey
    {
        ApiKeyRecord record;
        QString key;
    };
    /// forbidden for a principal signed in with an API key.
    static core::Result<void> mayMakeApiKeys(const Principal &principal);
    void createApiKey(const Principal &principal, const QString &name, const QStringList &scopes,
                      int days, Reply<NewApiKey> reply);
    void apiKeys(const Principal &principal, Reply<QList<ApiKeyRecord>> reply);
    /// not_found unless it is a live key of the principal's (of anyone's, with `anyUser`: an
    /// admin's).
    void revokeApiKey(const Principal &principal, std::int64_t keyId, bool anyUser,
                      Reply<void> reply);
    /// The public keys tokens are signed with (GET /.well-known/jwks.json).
    QJsonObject jwks() const { return m_signer.jwks(); }
    /// Reloads the signing keys when `pemPath` changes (`keys rotate`), checking every second.
    void watchKeyFile(const QString &pemPath);
    /// From an "Authorization: Bearer ..." header value.
    core::Result<Principal> authenticateHeader(QByteArrayView authorization);
    /// An access token's user, as they are now. The token's signature is verified once and
    /// its claims kept until it expires; the user comes from the directory, so a request
    /// costs neither a signature check nor a storage read. Revocation (token generation), a
    /// disabled account and a role change made through this server apply at once, those made
    /// elsewhere (the CLI, another server) within the settings poll. A user the directory
    /// does not know yet (made on another server a moment ago, whose token that server
    /// issued) is read in line, once per directory version.
    core::Result<Principal> authenticateToken(const QString &token);

    /// What requests are authenticated against, as storage held it at one configuration
    /// version: every user by name, every API key not revoked by its hash. Kept whole in
    /// memory and replaced whole, so that no request waits for storage.
    struct Directory
    {
        qint64 version = -1;
        QHash<QString, UserRecord> users;
        QHash<QByteArray, ApiKeyRecord> apiKeys;
    };
    /// Reads the directory (any thread, on the connection given).
    static core::Result<Directory> readDirectory(Store &store);
    /// Reads the directory here, in line: at start, before the server listens.
    core::Result<void> loadDirectory();
    /// Puts a directory read elsewhere in force, unless the one in force is newer.
    void adoptDirectory(Directory directory);
    /// A user's record as storage answered it right after a change made through this server
    /// (a sign-in, a sign-out, an admin's change): in force at once, and kept until a
    /// directory read started after it comes in.
    void adoptUser(const UserRecord &user);
    /// Where the directory is read when the configuration moves: off this thread. Without
    /// readers (a unit test, a tool) it is read here.
    void setReaders(StoreReaders *readers) { m_readers = readers; }
    /// The users or API keys changed in storage (the configuration version moved): the
    /// directory is read again, on a store reader once readers are set.
    void configurationChanged();
    /// The time tokens are issued and checked by (the system's unless set; it must outlive
    /// its use).
    void setClock(const core::Clock &clock) { m_clock = &clock; }
    /// Access tokens kept verified at the most; beyond, the expired ones go, then all.
    static constexpr qsizetype kMaxVerifiedTokens = 20'000;

private:
    /// The password checked on the pool: tokens, or invalid_credentials counted against
    /// `throttleKeys` (account@address, address; empty: not counted).
    void verify(const core::protocol::LoginRequest &request,
                const std::pair<QString, QString> &throttleKeys, LoginReply reply);
    core::Result<Principal> authenticateApiKey(const QByteArray &key);
    /// The user a verified token names that the directory does not hold: read from storage
    /// here and adopted, unless already looked for in vain at this directory version.
    core::Result<std::optional<UserRecord>> userNotInDirectory(const QString &username);
    /// Notes a key's use for its owner, at most once a minute per key, on a store reader.
    void noteApiKeyUse(std::int64_t keyId, const QDateTime &now);
    /// Appends to the audit log on `store`; a failure to do so is logged.
    static void audit(Store &store, const QString &actor, const QString &source,
                      const QString &action, const QString &target);
    /// Runs `work` on a store reader (in line without readers), then `done` here.
    template<typename T>
    void onStore(std::function<core::Result<T>(Store &)> work,
                 std::function<void(core::Result<T>)> done);
    /// The password of `request` checked on the hashing pool against `user` (none: a decoy).
    void checkPassword(const core::protocol::LoginRequest &request,
                       const std::optional<UserRecord> &user,
                       const std::pair<QString, QString> &throttleKeys, LoginReply reply);
    /// The end of a sign-in whose password matched `user`'s (none: it did not): the stronger
    /// hash, the second factor, the audit line and a new refresh token family stored on a
    /// store reader, then the token pair (or the refusal, throttled) here.
    void conclude(const core::protocol::LoginRequest &request,
                  const std::optional<UserRecord> &user, const QByteArray &upgraded,
                  const std::pair<QString, QString> &throttleKeys, LoginReply reply);
    /// The code that must come with the password of a user with multi-factor sign-in, at
    /// TOTP step `step`. Any thread, on the store given.
    static core::Result<void> secondFactor(Store &store, const std::optional<SecretBox> &secrets,
                                           qint64 step, const UserRecord &user,
                                           const QString &totpCode, const QString &recoveryCode);
    /// The user's TOTP secret in the clear (opened if sealed); empty if none.
    static core::Result<QByteArray> totpSecretOf(const std::optional<SecretBox> &secrets,
                                                 const UserRecord &user);
    /// An access token for `user`, paired with `refreshToken`.
    core::Result<core::protocol::TokenPair> pairFor(const UserRecord &user,
                                                    const QByteArray &refreshToken);

    Store &m_store;
    TokenSigner m_signer;
    int m_accessTokenSeconds = TokenSigner::kDefaultAccessTokenSeconds;
    RateLimiter *m_limiter = nullptr;
    std::optional<SecretBox> m_secrets;
    Throttles m_throttles;
    /// Verified against for unknown users, so timing reveals nothing; made once, on the pool.
    QByteArray m_decoyHash;
    std::once_flag m_decoyMade;
    int m_waitingLogins = 0;
    Directory m_directory;
    QHash<std::int64_t, QString> m_usernames; ///< the directory's users' names, by id
    /// Names of verified tokens storage did not know either, with the directory version then.
    QHash<QString, qint64> m_absentUsers;
    StoreReaders *m_readers = nullptr;
    bool m_directoryReading = false; ///< a read is under way on a reader
    bool m_directoryStale = false; ///< and the configuration moved again meanwhile
    /// Changes made here and put in the directory at once (adoptUser(), a key made or
    /// revoked): a read started before the latest would take it back, so it is read again.
    quint64 m_localEdits = 0;
    /// Access tokens verified already, by their text, with their claims, until they expire.
    QHash<QString, TokenClaims> m_verifiedTokens;
    const core::Clock *m_clock = &core::Clock::system();
    QHash<std::int64_t, QDateTime> m_apiKeyUseNoted; ///< last_used_at is written once a minute
    QString m_keyFile;
    QDateTime m_keyFileChanged;
    QTimer m_keyWatch;
    QThreadPool m_hashing; ///< last: its threads finish before the rest goes
};

} // namespace qx::server
