#include "server/auth/authservice.h"

#include "server/auth/passwordhasher.h"

#include <QCoreApplication>
#include <QCryptographicHash>

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

AuthService::AuthService(Store &store, TokenSigner signer)
    : m_store(store)
    , m_signer(std::move(signer))
{ }

core::Result<core::protocol::TokenPair> AuthService::login(
    const core::protocol::LoginRequest &request)
{
    Result<std::optional<UserRecord>> user = m_store.findUser(request.username);
    if (!user)
        return user.error();
    if (!*user || (*user)->disabled) {
        if (m_decoyHash.isEmpty()) {
            if (Result<QByteArray> decoy = PasswordHasher::hash(QStringLiteral("decoy password")))
                m_decoyHash = *decoy;
        }
        PasswordHasher::verify(m_decoyHash, request.password);
        return invalidCredentials();
    }
    if (!PasswordHasher::verify((*user)->passwordHash, request.password))
        return invalidCredentials();

    const QDateTime now = QDateTime::currentDateTimeUtc();
    Result<QString> accessToken = m_signer.issue((*user)->username, (*user)->role, now);
    if (!accessToken)
        return accessToken.error();
    QByteArray refreshBytes(32, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(refreshBytes.data()), 32) != 1)
        return core::makeError(QStringLiteral("internal"),
                               QStringLiteral("The system random generator failed."));
    const QByteArray refreshToken
        = refreshBytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (Result<void> saved = m_store.saveRefreshToken(
            (*user)->id, QCryptographicHash::hash(refreshToken, QCryptographicHash::Sha256),
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
