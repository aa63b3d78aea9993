#include "server/auth/authservice.h"

#include "server/auth/passwordhasher.h"
#include "server/auth/totp.h"
#include "server/storage/storereaders.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonArray>
#include <QThread>

#include <openssl/rand.h>

namespace qx::server {

namespace {

constexpr qint64 kRefreshTokenDays = 30;

core::Error invalidCredentials()
{
    return core::makeError(
        core::ErrorCode::InvalidCredentials,
        QCoreApplication::translate("qx::server::AuthService", "Wrong username or password."));
}

// A new opaque refresh token: 256 random bits, base64url.
core::Result<QByteArray> newRefreshToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), int(bytes.size())) != 1)
        return core::makeError(core::ErrorCode::Internal,
                               QStringLiteral("The system random generator failed."));
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray hashOf(const QByteArray &refreshToken)
{
    return QCryptographicHash::hash(refreshToken, QCryptographicHash::Sha256);
}

} // namespace

QString addressOf(const QHostAddress &source)
{
    // An IPv4 client on a dual-stack socket counts as its IPv4 address.
    bool mapped = false;
    const quint32 v4 = source.toIPv4Address(&mapped);
    return mapped ? QHostAddress(v4).toString() : source.toString();
}

QJsonObject toJson(const ApiKeyRecord &key)
{
    namespace protocol = core::protocol;
    return { { QStringLiteral("id"), QString::number(key.id) },
             { QStringLiteral("name"), key.name },
             { QStringLiteral("scopes"), QJsonArray::fromStringList(key.scopes) },
             { QStringLiteral("created_at"), protocol::toWireTime(key.createdAt) },
             { QStringLiteral("expires_at"), protocol::toWireTime(key.expiresAt) },
             { QStringLiteral("last_used_at"),
               key.lastUsedAt.isValid() ? QJsonValue(protocol::toWireTime(key.lastUsedAt))
                                        : QJsonValue(QJsonValue::Null) },
             { QStringLiteral("revoked"), key.revokedAt.isValid() } };
}

AuthService::AuthService(Store &store, TokenSigner signer, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_signer(std::move(signer))
{
    m_hashing.setMaxThreadCount(hashingThreads());
}

AuthService::~AuthService()
{
    m_hashing.waitForDone();
}

void AuthService::watchKeyFile(const QString &pemPath)
{
    m_keyFile = pemPath;
    m_keyFileChanged = QFileInfo(pemPath).lastModified();
    m_keyWatch.setInterval(1000);
    connect(&m_keyWatch, &QTimer::timeout, this, [this] {
        const QDateTime changed = QFileInfo(m_keyFile).lastModified();
        if (changed == m_keyFileChanged)
            return;
        core::Result<TokenSigner> signer = TokenSigner::fromKeyFile(m_keyFile);
        if (!signer) {
            qWarning().noquote() << "Cannot reload the signing key:" << signer.error().message;
            return; // tried again at the next change
        }
        m_keyFileChanged = changed;
        m_signer = std::move(signer).value();
        qInfo().noquote() << "Signing key rotated: now" << m_signer.keyId();
    });
    m_keyWatch.start();
}

void AuthService::audit(Store &store, const QString &actor, const QString &source,
                        const QString &action, const QString &target)
{
    const Result<void> written
        = store.appendAudit({ 0,
                              {},
                              actor,
                              source.isEmpty() ? QStringLiteral("api") : source,
                              action,
                              target,
                              {},
                              {} });
    if (!written)
        qWarning().noquote() << "Cannot write to the audit log:" << action << actor
                             << written.error().message;
}

int AuthService::hashingThreads()
{
    // Half the cores (one on two): trading keeps the rest.
    return std::max(1, QThread::idealThreadCount() / 2);
}

void AuthService::setRateLimiter(RateLimiter *limiter, const Throttles &throttles)
{
    m_limiter = limiter;
    m_throttles = throttles;
}

void AuthService::login(const core::protocol::LoginRequest &request, const QHostAddress &source,
                        LoginReply reply)
{
    const QString address = addressOf(source);
    const QString account = request.username.toCaseFolded() + u'@' + address;
    if (!m_limiter)
        return verify(request, { account, address }, std::move(reply));
    const auto refuseOrVerify = [this, request, account, address,
                                 reply = std::move(reply)](RateLimiter::Milliseconds wait) {
        if (wait.count() > 0) {
            core::Error refused
                = core::makeError(core::ErrorCode::RateLimited,
                                  tr("Too many failed sign-ins from here: try again later."));
            refused.retryAfterSeconds = int((wait.count() + 999) / 1000);
            return reply(refused);
        }
        verify(request, { account, address }, reply);
    };
    // Both counts as the cluster knows them: a login is worth the round trip to Redis.
    m_limiter->checkFresh(m_throttles.failuresPerAccount, account,
                          [this, address, refuseOrVerify](RateLimiter::Milliseconds first) {
                              m_limiter->checkFresh(
                                  m_throttles.failuresPerAddress, address,
                                  [first, refuseOrVerify](RateLimiter::Milliseconds second) {
                                      refuseOrVerify(std::max(first, second));
                                  });
                          });
}

void AuthService::verify(const core::protocol::LoginRequest &request,
                         const std::pair<QString, QString> &throttleKeys, LoginReply reply)
{
    if (m_waitingLogins >= kMaxWaitingLogins) {
        core::Error busy = core::makeError(core::ErrorCode::ServerBusy,
                                           tr("Too many sign-ins at once: try again shortly."));
        busy.retryAfterSeconds = 1;
        return reply(busy);
    }
    ++m_waitingLogins;
    // The user read on a store reader, the password checked on the hashing pool, what the
    // sign-in writes stored on a reader again: the main thread only hands over.
    onStore<std::optional<UserRecord>>(
        [username = request.username](Store &store) { return store.findUser(username); },
        [this, request, throttleKeys, reply](Result<std::optional<UserRecord>> found) {
            if (!found) {
                --m_waitingLogins;
                return reply(found.error());
            }
            std::optional<UserRecord> user = *found;
            if (user && user->disabled)
                user.reset();
            checkPassword(request, user, throttleKeys, reply);
        });
}

void AuthService::checkPassword(const core::protocol::LoginRequest &request,
                                const std::optional<UserRecord> &user,
                                const std::pair<QString, QString> &throttleKeys, LoginReply reply)
{
    // An unknown user costs a hash too, so timing tells nothing.
    m_hashing.start([this, user, request, throttleKeys, reply = std::move(reply)] {
        std::call_once(m_decoyMade, [this] {
            m_decoyHash = PasswordHasher::hash(QStringLiteral("decoy password")).value_or({});
        });
        const bool matches
            = PasswordHasher::verify(user ? user->passwordHash : m_decoyHash, request.password)
            && user;
        // Made with less than today's parameters: a stronger hash of it, while at hand.
        QByteArray upgraded;
        if (matches && PasswordHasher::needsRehash(user->passwordHash))
            upgraded = PasswordHasher::hash(request.password).value_or(QByteArray());
        QMetaObject::invokeMethod(
            this,
            [this, user, request, matches, upgraded, throttleKeys, reply] {
                --m_waitingLogins;
                conclude(request, matches ? user : std::nullopt, upgraded, throttleKeys, reply);
            },
            Qt::QueuedConnection);
    });
}

void AuthService::conclude(const core::protocol::LoginRequest &request,
                           const std::optional<UserRecord> &user, const QByteArray &upgraded,
                           const std::pair<QString, QString> &throttleKeys, LoginReply reply)
{
    // What the sign-in came to, once its writes are stored: the refresh token of a new
    // family, or why not (`counted`: a failure throttled and audited as one).
    struct Concluded
    {
        std::optional<core::Error> refused;
        bool counted = false;
    };
    const core::Result<QByteArray> refreshToken = newRefreshToken();
    const core::Result<QByteArray> family = newRefreshToken();
    if (!refreshToken || !family)
        return reply((refreshToken ? family : refreshToken).error());
    const QString &address = throttleKeys.second;
    onStore<Concluded>(
        [request, user, upgraded, address, secrets = m_secrets,
         step = totp::stepAt(m_clock->nowUtc()), hash = hashOf(*refreshToken),
         familyId = QString::fromLatin1(*family),
         expiresAt
         = m_clock->nowUtc().addDays(kRefreshTokenDays)](Store &store) -> Result<Concluded> {
            const auto failed = [&](core::Error error) {
                audit(store, request.username, address,
                      error.is(core::ErrorCode::InvalidMfaCode) ? QStringLiteral("mfa_failed")
                                                                : QStringLiteral("login_failed"),
                      request.username);
                return Concluded { std::move(error), true };
            };
            if (!user)
                return failed(invalidCredentials());
            if (!upgraded.isEmpty()) {
                const Result<bool> stored
                    = store.upgradePasswordHash(user->id, user->passwordHash, upgraded);
                if (!stored)
                    qWarning().noquote() << "Cannot store the stronger password hash of"
                                         << user->username << stored.error().message;
            }
            if (user->totpEnabled) {
                const Result<void> second = secondFactor(store, secrets, step, *user,
                                                         request.totpCode, request.recoveryCode);
                if (!second) {
                    // Asking is not failing: the password was right.
                    if (second.error().is(core::ErrorCode::MfaRequired))
                        return Concluded { second.error(), false };
                    return failed(second.error());
                }
            }
            audit(store, user->username, address, QStringLiteral("login"), user->username);
            if (Result<void> saved = store.saveRefreshToken(user->id, hash, familyId, expiresAt);
                !saved)
                return saved.error();
            return Concluded {};
        },
        [this, user, throttleKeys, refreshToken = *refreshToken,
         reply](Result<Concluded> concluded) {
            if (!concluded)
                return reply(concluded.error());
            if (concluded->refused) {
                if (concluded->counted && m_limiter && !throttleKeys.first.isEmpty()) {
                    m_limiter->hit(m_throttles.failuresPerAccount, throttleKeys.first);
                    m_limiter->hit(m_throttles.failuresPerAddress, throttleKeys.second);
                }
                return reply(*concluded->refused);
            }
            reply(pairFor(*user, refreshToken));
        });
}

core::Result<void> AuthService::secondFactor(Store &store, const std::optional<SecretBox> &secrets,
                                             qint64 step, const UserRecord &user,
                                             const QString &totpCode, const QString &recoveryCode)
{
    if (totpCode.isEmpty() && recoveryCode.isEmpty()) {
        return core::makeError(core::ErrorCode::MfaRequired,
                               tr("This account signs in with a code from its authenticator "
                                  "app: send it as totp_code (or a recovery_code)."));
    }
    const core::Error wrong = core::makeError(core::ErrorCode::InvalidMfaCode,
                                              tr("The code is wrong, expired or used already."));
    if (!totpCode.isEmpty()) {
        const Result<QByteArray> secret = totpSecretOf(secrets, user);
        if (!secret)
            return secret.error();
        const std::optional<qint64> matched = totp::matchingStep(*secret, totpCode, step);
        if (!matched)
            return wrong;
        const Result<bool> fresh = store.useTotpStep(user.id, *matched); // once only
        if (!fresh)
            return fresh.error();
        return *fresh ? Result<void>() : Result<void>(wrong);
    }
    const Result<bool> used = store.useRecoveryCode(user.id, hashOf(recoveryCode.toLatin1()));
    if (!used)
        return used.error();
    return *used ? Result<void>() : Result<void>(wrong);
}

core::Result<QByteArray> AuthService::totpSecretOf(const std::optional<SecretBox> &secrets,
                                                   const UserRecord &user)
{
    if (!SecretBox::isSealed(user.totpSecret))
        return user.totpSecret; // stored before secrets were sealed (and sealed at start)
    if (!secrets)
        return core::makeError(core::ErrorCode::SecretUnreadable,
                               QStringLiteral("No secrets-key to open a TOTP secret with."));
    return secrets->open(user.totpSecret, QByteArray("totp:") + QByteArray::number(user.id));
}

core::Result<int> AuthService::sealStoredSecrets()
{
    if (!m_secrets)
        return 0;
    const Result<QList<UserRecord>> users = m_store.users();
    if (!users)
        return users.error();
    int sealed = 0;
    for (const UserRecord &user : std::as_const(*users)) {
        if (user.totpSecret.isEmpty() || SecretBox::isSealed(user.totpSecret))
            continue;
        const QByteArray box
            = m_secrets->seal(user.totpSecret, QByteArray("totp:") + QByteArray::number(user.id));
        const Result<bool> done = m_store.sealTotpSecret(user.id, user.totpSecret, box);
        if (!done)
            return done.error();
        sealed += *done ? 1 : 0;
    }
    return sealed;
}

template<typename T>
void AuthService::onStore(std::function<Result<T>(Store &)> work,
                          std::function<void(Result<T>)> done)
{
    if (!m_readers)
        return done(work(m_store));
    m_readers->read<T>(std::move(work), this, std::move(done));
}

void AuthService::enrollMfa(const Principal &principal, Reply<Enrolment> reply)
{
    const QByteArray secret = totp::newSecret();
    if (secret.isEmpty())
        return reply(core::makeError(core::ErrorCode::Internal,
                                     QStringLiteral("The system random generator failed.")));
    const QByteArray stored = m_secrets
        ? m_secrets->seal(secret, QByteArray("totp:") + QByteArray::number(principal.userId))
        : secret;
    if (stored.isEmpty())
        return reply(
            core::makeError(core::ErrorCode::Internal, QStringLiteral("Encryption failed.")));
    const Enrolment enrolment { totp::toBase32(secret),
                                totp::provisioningUri(secret, principal.username) };
    onStore<bool>(
        [id = principal.userId, stored](Store &store) -> Result<bool> {
            const Result<std::optional<UserRecord>> user = store.findUserById(id);
            if (!user)
                return user.error();
            if (*user && (*user)->totpEnabled) {
                return core::makeError(
                    core::ErrorCode::MfaAlreadyEnabled,
                    tr("Multi-factor sign-in is on already; an admin can reset it."));
            }
            if (Result<void> saved = store.setTotpSecret(id, stored); !saved)
                return saved.error();
            return true;
        },
        [enrolment, reply](Result<bool> saved) {
            if (!saved)
                return reply(saved.error());
            reply(enrolment);
        });
}

void AuthService::confirmMfa(const Principal &principal, const QString &code,
                             Reply<QStringList> reply)
{
    struct Confirmed
    {
        QStringList codes;
        UserRecord user;
    };
    const qint64 step = totp::stepAt(m_clock->nowUtc());
    onStore<Confirmed>(
        [principal, code, step, secrets = m_secrets](Store &store) -> Result<Confirmed> {
            const Result<std::optional<UserRecord>> user = store.findUserById(principal.userId);
            if (!user)
                return user.error();
            if (!*user || (*user)->totpSecret.isEmpty()) {
                return core::makeError(core::ErrorCode::MfaNotEnrolled,
                                       tr("Start with POST /api/v1/auth/mfa/enroll."));
            }
            if ((*user)->totpEnabled) {
                return core::makeError(core::ErrorCode::MfaAlreadyEnabled,
                                       tr("Multi-factor sign-in is on already."));
            }
            const Result<QByteArray> secret = totpSecretOf(secrets, **user);
            if (!secret)
                return secret.error();
            const std::optional<qint64> matched = totp::matchingStep(*secret, code, step);
            if (!matched) {
                return core::makeError(core::ErrorCode::InvalidMfaCode,
                                       tr("The code does not match: check the app's clock."));
            }
            // Ten single-use codes for a lost phone, shown once: 80 random bits each.
            Confirmed confirmed;
            QList<QByteArray> hashes;
            for (int i = 0; i < kRecoveryCodes; ++i) {
                QByteArray bytes(10, Qt::Uninitialized);
                if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), 10) != 1)
                    return core::makeError(core::ErrorCode::Internal,
                                           QStringLiteral("The system random generator failed."));
                const QString recovery = totp::toBase32(bytes).toLower();
                confirmed.codes.append(recovery.left(8) + u'-' + recovery.mid(8));
                hashes.append(hashOf(confirmed.codes.last().toLatin1()));
            }
            if (Result<void> enabled = store.enableTotp(principal.userId, *matched, hashes);
                !enabled)
                return enabled.error();
            audit(store, principal.username, principal.source, QStringLiteral("mfa_enabled"),
                  principal.username);
            confirmed.user = **user;
            confirmed.user.totpEnabled = true;
            return confirmed;
        },
        [this, reply](Result<Confirmed> confirmed) {
            if (!confirmed)
                return reply(confirmed.error());
            adoptUser(confirmed->user); // GET /me says so at once
            reply(confirmed->codes);
        });
}

core::Result<core::protocol::TokenPair> AuthService::pairFor(const UserRecord &user,
                                                             const QByteArray &refreshToken)
{
    Result<QString> accessToken = m_signer.issue(user.username, user.role, user.tokenGeneration,
                                                 m_clock->nowUtc(), m_accessTokenSeconds);
    if (!accessToken)
        return accessToken.error();
    core::protocol::TokenPair pair;
    pair.accessToken = *accessToken;
    pair.refreshToken = QString::fromLatin1(refreshToken);
    pair.expiresIn = m_accessTokenSeconds;
    // The record the pair was issued from is the newest read of its user: requests with the
    // new token are checked against it, not a directory read before a change.
    adoptUser(user);
    return pair;
}

void AuthService::refresh(const core::protocol::RefreshRequest &request, const QHostAddress &source,
                          LoginReply reply)
{
    const QString address = addressOf(source);
    if (m_limiter) {
        if (const RateLimiter::Milliseconds wait
            = m_limiter->retryAfter(m_throttles.badRefreshesPerAddress, address);
            wait.count() > 0) {
            core::Error refused
                = core::makeError(core::ErrorCode::RateLimited,
                                  tr("Too many bad refresh tokens from here: try again later."));
            refused.retryAfterSeconds = int((wait.count() + 999) / 1000);
            return reply(refused);
        }
    }
    const core::Result<QByteArray> successor = newRefreshToken();
    if (!successor)
        return reply(successor.error());
    // The rotation and the user's record on a store reader; the access token is signed here.
    struct Rotated
    {
        RefreshRotation rotation;
        std::optional<UserRecord> user;
    };
    onStore<Rotated>(
        [oldHash = hashOf(request.refreshToken.toLatin1()), newHash = hashOf(*successor),
         expiresAt = m_clock->nowUtc().addDays(kRefreshTokenDays),
         address](Store &store) -> Result<Rotated> {
            Result<RefreshRotation> rotation
                = store.rotateRefreshToken(oldHash, newHash, expiresAt, kRefreshGraceMs);
            if (!rotation)
                return rotation.error();
            Rotated rotated { *rotation, std::nullopt };
            if (rotation->outcome == RefreshRotation::Outcome::Reused) {
                audit(store, QStringLiteral("user %1").arg(rotation->userId), address,
                      QStringLiteral("token_reused"), rotation->family.left(12));
            } else if (rotation->outcome == RefreshRotation::Outcome::Rotated) {
                Result<std::optional<UserRecord>> user = store.findUserById(rotation->userId);
                if (!user)
                    return user.error();
                rotated.user = *user;
            }
            return rotated;
        },
        [this, address, successor = *successor, reply](Result<Rotated> rotated) {
            const auto failed = [this, &address, &reply](core::Error error) {
                if (m_limiter)
                    m_limiter->hit(m_throttles.badRefreshesPerAddress, address);
                reply(std::move(error));
            };
            if (!rotated)
                return reply(rotated.error());
            switch (rotated->rotation.outcome) {
            case RefreshRotation::Outcome::Rotated:
                break;
            case RefreshRotation::Outcome::JustUsed:
                return reply(core::makeError(
                    core::ErrorCode::RefreshTokenUsed,
                    tr("This refresh token was used a moment ago by another request, which got "
                       "the new tokens.")));
            case RefreshRotation::Outcome::Reused:
                qWarning().noquote()
                    << "A used refresh token of user" << rotated->rotation.userId
                    << "was presented again from" << address << "- its sign-in is revoked.";
                return failed(core::makeError(
                    core::ErrorCode::TokenReused,
                    tr("This refresh token was used before: the sign-in it belongs to has been "
                       "revoked; sign in again.")));
            case RefreshRotation::Outcome::Invalid:
                return failed(
                    core::makeError(core::ErrorCode::InvalidToken,
                                    tr("The refresh token is unknown, expired or revoked.")));
            }
            if (!rotated->user || rotated->user->disabled) {
                return failed(core::makeError(core::ErrorCode::InvalidToken,
                                              tr("The account is no longer active.")));
            }
            reply(pairFor(*rotated->user, successor));
        });
}

void AuthService::logout(const Principal &principal, Reply<void> reply)
{
    onStore<std::int64_t>(
        [principal](Store &store) -> Result<std::int64_t> {
            const Result<std::int64_t> generation = store.revokeUserTokens(principal.userId);
            if (generation)
                audit(store, principal.username, principal.source, QStringLiteral("logout"),
                      principal.username);
            return generation;
        },
        [this, username = principal.username, reply](Result<std::int64_t> generation) {
            if (!generation)
                return reply(generation.error());
            // Its tokens stop working at once, not at the next poll.
            if (const auto user = m_directory.users.constFind(username);
                user != m_directory.users.cend()) {
                UserRecord signedOut = *user;
                signedOut.tokenGeneration = *generation;
                adoptUser(signedOut);
            }
            reply({});
        });
}

core::Result<void> AuthService::mayMakeApiKeys(const Principal &principal)
{
    if (principal.apiKeyId != 0) {
        return core::makeError(core::ErrorCode::Forbidden,
                               tr("An API key cannot make API keys: sign in."));
    }
    return {};
}

void AuthService::createApiKey(const Principal &principal, const QString &name,
                               const QStringList &scopes, int days, Reply<NewApiKey> reply)
{
    if (core::Result<void> may = mayMakeApiKeys(principal); !may)
        return reply(may.error());
    if (name.trimmed().isEmpty() || name.size() > 64)
        return reply(core::makeError(core::ErrorCode::InvalidRequest,
                                     tr("An API key needs a name of 1 to 64 characters.")));
    if (days < 1 || days > 366)
        return reply(core::makeError(core::ErrorCode::InvalidRequest,
                                     tr("An API key lives 1 to 366 days.")));
    const QStringList allowed = permissionNames(principal.role);
    if (scopes.isEmpty())
        return reply(core::makeError(core::ErrorCode::InvalidRequest,
                                     tr("An API key needs at least one scope.")));
    for (const QString &scope : scopes) {
        if (!allowed.contains(scope)) {
            return reply(core::makeError(core::ErrorCode::InvalidScope,
                                         tr("\"%1\" is not a permission of your role (%2).")
                                             .arg(scope.left(64), allowed.join(u", "))));
        }
    }
    const core::Result<QByteArray> secret = newRefreshToken(); // 256 random bits, base64url
    if (!secret)
        return reply(secret.error());
    const QByteArray key = "qx_" + *secret;
    NewApiKey made;
    made.record.userId = principal.userId;
    made.record.name = name.trimmed();
    made.record.scopes = scopes;
    made.record.createdAt = m_clock->nowUtc();
    made.record.expiresAt = made.record.createdAt.addDays(days);
    made.key = QString::fromLatin1(key);
    onStore<std::int64_t>(
        [principal, record = made.record,
         hash = hashOf(key)](Store &store) -> Result<std::int64_t> {
            const Result<std::int64_t> id = store.addApiKey(record, hash);
            if (id)
                audit(store, principal.username, principal.source,
                      QStringLiteral("api_key_created"), QString::number(*id) + u' ' + record.name);
            return id;
        },
        [this, made, hash = hashOf(key), reply](Result<std::int64_t> id) mutable {
            if (!id)
                return reply(id.error());
            made.record.id = *id;
            m_directory.apiKeys.insert(hash, made.record); // usable at once
            ++m_localEdits;
            reply(made);
        });
}

void AuthService::apiKeys(const Principal &principal, Reply<QList<ApiKeyRecord>> reply)
{
    onStore<QList<ApiKeyRecord>>(
        [id = principal.userId](Store &store) { return store.apiKeys(id); }, std::move(reply));
}

void AuthService::revokeApiKey(const Principal &principal, std::int64_t keyId, bool anyUser,
                               Reply<void> reply)
{
    onStore<bool>(
        [principal, keyId, anyUser](Store &store) -> Result<bool> {
            const Result<bool> revoked = store.revokeApiKey(anyUser ? 0 : principal.userId, keyId);
            if (revoked && *revoked)
                audit(store, principal.username, principal.source,
                      QStringLiteral("api_key_revoked"), QString::number(keyId));
            return revoked;
        },
        [this, keyId, reply](Result<bool> revoked) {
            if (!revoked)
                return reply(revoked.error());
            if (!*revoked)
                return reply(core::makeError(core::ErrorCode::NotFound,
                                             tr("No live API key %1.").arg(keyId)));
            m_directory.apiKeys.removeIf([keyId](const auto &key) { return key->id == keyId; });
            ++m_localEdits;
            reply({});
        });
}

core::Result<Principal> AuthService::authenticateApiKey(const QByteArray &key)
{
    const core::Error refused = core::makeError(core::ErrorCode::InvalidToken,
                                                tr("The API key is unknown, expired or revoked."));
    if (!key.startsWith("qx_") || key.size() > 128)
        return refused;
    const auto found = m_directory.apiKeys.constFind(hashOf(key));
    const QDateTime now = m_clock->nowUtc();
    if (found == m_directory.apiKeys.cend() || found->expiresAt <= now)
        return refused;
    const auto user = m_directory.users.constFind(m_usernames.value(found->userId));
    if (user == m_directory.users.cend() || user->disabled)
        return refused;
    noteApiKeyUse(found->id, now);
    Principal principal = Principal::of(*user);
    principal.apiKeyId = found->id;
    principal.scopes = found->scopes;
    return principal;
}

void AuthService::noteApiKeyUse(std::int64_t keyId, const QDateTime &now)
{
    QDateTime &noted = m_apiKeyUseNoted[keyId];
    if (noted.isValid() && noted.secsTo(now) < 60)
        return;
    noted = now; // a failed write is tried again a minute later, not at every request
    const auto note = [keyId, now](Store &store) -> Result<bool> {
        if (Result<void> written = store.noteApiKeyUse(keyId, now); !written)
            return written.error();
        return true;
    };
    const auto done = [keyId](const Result<bool> &written) {
        if (!written)
            qWarning().noquote() << "Cannot note the use of API key" << keyId << ":"
                                 << written.error().message;
    };
    if (!m_readers)
        return done(note(m_store));
    m_readers->read<bool>(note, this, done);
}

core::Result<Principal> AuthService::authenticateHeader(QByteArrayView authorization)
{
    static constexpr QByteArrayView kScheme = "Bearer ";
    static constexpr QByteArrayView kApiKeyScheme = "ApiKey ";
    if (authorization.startsWith(kApiKeyScheme))
        return authenticateApiKey(
            authorization.sliced(kApiKeyScheme.size()).trimmed().toByteArray());
    if (authorization.isEmpty()) {
        return core::makeError(
            core::ErrorCode::MissingToken,
            QCoreApplication::translate("qx::server::AuthService",
                                        "This request needs an \"Authorization: Bearer\" token."));
    }
    if (!authorization.startsWith(kScheme)) {
        return core::makeError(
            core::ErrorCode::InvalidToken,
            QCoreApplication::translate("qx::server::AuthService",
                                        "The Authorization header must use the Bearer (or "
                                        "ApiKey) scheme."));
    }
    return authenticateToken(QString::fromLatin1(authorization.sliced(kScheme.size()).trimmed()));
}

core::Result<Principal> AuthService::authenticateToken(const QString &token)
{
    const QDateTime now = m_clock->nowUtc();
    auto verified = m_verifiedTokens.constFind(token);
    if (verified == m_verifiedTokens.cend() || verified->expiresAt <= now) {
        Result<TokenClaims> claims = m_signer.verify(token, now);
        if (!claims) {
            m_verifiedTokens.remove(token);
            return claims.error();
        }
        if (m_verifiedTokens.size() >= kMaxVerifiedTokens) {
            m_verifiedTokens.removeIf(
                [&now](const auto &entry) { return entry.value().expiresAt <= now; });
            if (m_verifiedTokens.size() >= kMaxVerifiedTokens)
                m_verifiedTokens.clear();
        }
        verified = m_verifiedTokens.insert(token, *claims);
    }
    const TokenClaims &claims = *verified;
    // The user's record in the directory wins over the token: a disabled user is out at once.
    // A token newer than the record (its user signed in again after a new password set on
    // another server, which the settings poll has not brought yet) is ours and stands.
    std::optional<UserRecord> user;
    if (const auto known = m_directory.users.constFind(claims.subject);
        known != m_directory.users.cend()) {
        user = *known;
    } else {
        Result<std::optional<UserRecord>> read = userNotInDirectory(claims.subject);
        if (!read)
            return read.error();
        user = std::move(read).value();
    }
    if (!user || user->disabled) {
        return core::makeError(core::ErrorCode::InvalidToken,
                               QCoreApplication::translate("qx::server::AuthService",
                                                           "The account is no longer active."));
    }
    if (claims.generation < user->tokenGeneration) {
        return core::makeError(core::ErrorCode::InvalidToken,
                               QCoreApplication::translate("qx::server::AuthService",
                                                           "The token was revoked (signed out, "
                                                           "or the password changed)."));
    }
    return Principal::of(*user);
}

core::Result<std::optional<UserRecord>> AuthService::userNotInDirectory(const QString &username)
{
    // Only a token this cluster signed gets here, so the reads are as rare as users made on
    // another server in the last poll (then adopted) or tokens outliving their user.
    if (m_absentUsers.value(username, -2) == m_directory.version)
        return std::optional<UserRecord>();
    Result<std::optional<UserRecord>> user = m_store.findUser(username);
    if (!user)
        return user.error();
    if (*user) {
        adoptUser(**user);
    } else {
        if (m_absentUsers.size() >= 1'000)
            m_absentUsers.clear();
        m_absentUsers.insert(username, m_directory.version);
    }
    return user;
}

void AuthService::adoptUser(const UserRecord &user)
{
    if (const QString previous = m_usernames.value(user.id);
        !previous.isEmpty() && previous != user.username)
        m_directory.users.remove(previous);
    m_directory.users.insert(user.username, user);
    m_usernames.insert(user.id, user.username);
    ++m_localEdits;
}

core::Result<AuthService::Directory> AuthService::readDirectory(Store &store)
{
    // The version first: a change landing during the reads raises it again, and the next
    // poll reads the directory afresh.
    Result<std::int64_t> version = store.configVersion();
    if (!version)
        return version.error();
    Result<QList<UserRecord>> users = store.users();
    if (!users)
        return users.error();
    Result<QHash<QByteArray, ApiKeyRecord>> keys = store.liveApiKeys();
    if (!keys)
        return keys.error();
    Directory directory;
    directory.version = *version;
    directory.users.reserve(users->size());
    for (UserRecord &user : *users)
        directory.users.insert(user.username, std::move(user));
    directory.apiKeys = std::move(keys).value();
    return directory;
}

core::Result<void> AuthService::loadDirectory()
{
    Result<Directory> directory = readDirectory(m_store);
    if (!directory)
        return directory.error();
    adoptDirectory(std::move(directory).value());
    return {};
}

void AuthService::adoptDirectory(Directory directory)
{
    // A reader's answer may arrive after a newer one was read in line.
    if (directory.version < m_directory.version)
        return;
    m_directory = std::move(directory);
    m_usernames.clear();
    m_usernames.reserve(m_directory.users.size());
    for (const UserRecord &user : std::as_const(m_directory.users))
        m_usernames.insert(user.id, user.username);
}

void AuthService::configurationChanged()
{
    if (!m_readers) {
        if (Result<void> loaded = loadDirectory(); !loaded)
            qWarning().noquote() << "Cannot read the users and API keys:" << loaded.error().message;
        return;
    }
    if (m_directoryReading) {
        m_directoryStale = true; // read again once this read is in
        return;
    }
    m_directoryReading = true;
    const auto read = [this, edits = m_localEdits](Result<Directory> directory) {
        m_directoryReading = false;
        // Read before a change made here was put in memory, it would take that change back
        // (a sign-out's tokens working again): a read started after it is taken instead.
        const bool overtaken = edits != m_localEdits;
        if (!directory) {
            qWarning().noquote() << "Cannot read the users and API keys, keeping those known:"
                                 << directory.error().message;
        } else if (!overtaken) {
            adoptDirectory(std::move(directory).value());
        }
        if (std::exchange(m_directoryStale, false) || overtaken)
            configurationChanged();
    };
    m_readers->read<Directory>(&AuthService::readDirectory, this, read);
}

} // namespace qx::server
