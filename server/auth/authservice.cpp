#include "server/auth/authservice.h"

#include "server/auth/passwordhasher.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QThread>

#include <openssl/rand.h>

namespace qx::server {

namespace {

constexpr qint64 kRefreshTokenDays = 30;

core::Error invalidCredentials()
{
    return core::makeError(
        QStringLiteral("invalid_credentials"),
        QCoreApplication::translate("qx::server::AuthService", "Wrong username or password."));
}

} // namespace

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
    if (!m_limiter)
        return verify(request, {}, std::move(reply));
    // An IPv4 client on a dual-stack socket counts as its IPv4 address.
    bool mapped = false;
    const quint32 v4 = source.toIPv4Address(&mapped);
    const QString address = mapped ? QHostAddress(v4).toString() : source.toString();
    const QString account = request.username.toCaseFolded() + u'@' + address;
    const auto refuseOrVerify = [this, request, account, address,
                                 reply = std::move(reply)](RateLimiter::Milliseconds wait) {
        if (wait.count() > 0) {
            core::Error refused
                = core::makeError(QStringLiteral("rate_limited"),
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
    Result<std::optional<UserRecord>> found = m_store.findUser(request.username);
    if (!found)
        return reply(found.error());
    std::optional<UserRecord> user = *found;
    if (user && user->disabled)
        user.reset();
    if (m_waitingLogins >= kMaxWaitingLogins) {
        core::Error busy = core::makeError(QStringLiteral("server_busy"),
                                           tr("Too many sign-ins at once: try again shortly."));
        busy.retryAfterSeconds = 1;
        return reply(busy);
    }
    ++m_waitingLogins;
    // An unknown user costs a hash too, so timing tells nothing.
    m_hashing.start(
        [this, user, password = request.password, throttleKeys, reply = std::move(reply)] {
            std::call_once(m_decoyMade, [this] {
                m_decoyHash = PasswordHasher::hash(QStringLiteral("decoy password")).value_or({});
            });
            const bool matches
                = PasswordHasher::verify(user ? user->passwordHash : m_decoyHash, password) && user;
            QMetaObject::invokeMethod(
                this,
                [this, user, matches, throttleKeys, reply] {
                    --m_waitingLogins;
                    if (!matches) {
                        if (m_limiter && !throttleKeys.first.isEmpty()) {
                            m_limiter->hit(m_throttles.failuresPerAccount, throttleKeys.first);
                            m_limiter->hit(m_throttles.failuresPerAddress, throttleKeys.second);
                        }
                        return reply(invalidCredentials());
                    }
                    reply(issueTokens(*user));
                },
                Qt::QueuedConnection);
        });
}

core::Result<core::protocol::TokenPair> AuthService::issueTokens(const UserRecord &user)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Result<QString> accessToken = m_signer.issue(user.username, user.role, now);
    if (!accessToken)
        return accessToken.error();
    QByteArray refreshBytes(32, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(refreshBytes.data()), 32) != 1)
        return core::makeError(QStringLiteral("internal"),
                               QStringLiteral("The system random generator failed."));
    const QByteArray refreshToken
        = refreshBytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (Result<void> saved = m_store.saveRefreshToken(
            user.id, QCryptographicHash::hash(refreshToken, QCryptographicHash::Sha256),
            now.addDays(kRefreshTokenDays));
        !saved) {
        return saved.error();
    }
    core::protocol::TokenPair pair;
    pair.accessToken = *accessToken;
    pair.refreshToken = QString::fromLatin1(refreshToken);
    pair.expiresIn = TokenSigner::kAccessTokenSeconds;
    return pair;
}

core::Result<Principal> AuthService::authenticateHeader(QByteArrayView authorization)
{
    static constexpr QByteArrayView kScheme = "Bearer ";
    if (authorization.isEmpty()) {
        return core::makeError(
            QStringLiteral("missing_token"),
            QCoreApplication::translate("qx::server::AuthService",
                                        "This request needs an \"Authorization: Bearer\" token."));
    }
    if (!authorization.startsWith(kScheme)) {
        return core::makeError(
            QStringLiteral("invalid_token"),
            QCoreApplication::translate("qx::server::AuthService",
                                        "The Authorization header must use the Bearer scheme."));
    }
    return authenticateToken(QString::fromLatin1(authorization.sliced(kScheme.size()).trimmed()));
}

core::Result<Principal> AuthService::authenticateToken(const QString &token)
{
    Result<TokenClaims> claims = m_signer.verify(token, QDateTime::currentDateTimeUtc());
    if (!claims)
        return claims.error();
    // The user's current record wins over the token: a disabled user is out at once.
    Result<std::optional<UserRecord>> user = m_store.findUser(claims->subject);
    if (!user && user.error().code == u"storage_unavailable" && m_users.contains(claims->subject))
        user = std::optional<UserRecord>(m_users.value(claims->subject));
    if (!user)
        return user.error();
    if (*user)
        m_users.insert(claims->subject, **user);
    if (!*user || (*user)->disabled) {
        return core::makeError(QStringLiteral("invalid_token"),
                               QCoreApplication::translate("qx::server::AuthService",
                                                           "The account is no longer active."));
    }
    return Principal::of(**user);
}

} // namespace qx::server
