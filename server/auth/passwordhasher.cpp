#include "server/auth/passwordhasher.h"

#include <QCoreApplication>

#include <argon2.h>
#include <openssl/rand.h>

namespace qx::server {

namespace {
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;
} // namespace

core::Result<void> PasswordHasher::checkPolicy(const QString &password)
{
    const qsizetype characters = password.toUcs4().size();
    if (characters < 8) {
        return core::makeError(
            QStringLiteral("password_too_short"),
            QCoreApplication::translate("qx::server::PasswordHasher",
                                        "The password must have at least 8 characters."));
    }
    if (characters > 128) {
        return core::makeError(
            QStringLiteral("password_too_long"),
            QCoreApplication::translate("qx::server::PasswordHasher",
                                        "The password must have at most 128 characters."));
    }
    return {};
}

core::Result<QByteArray> PasswordHasher::hash(const QString &password)
{
    unsigned char salt[kSaltBytes];
    if (RAND_bytes(salt, sizeof salt) != 1)
        return core::makeError(QStringLiteral("internal"),
                               QStringLiteral("The system random generator failed."));
    const QByteArray utf8 = password.toUtf8();
    QByteArray encoded(qsizetype(argon2_encodedlen(kIterations, kMemoryKiB, kParallelism,
                                                   kSaltBytes, kHashBytes, Argon2_id)),
                       '\0');
    const int rc = argon2id_hash_encoded(kIterations, kMemoryKiB, kParallelism, utf8.constData(),
                                         std::size_t(utf8.size()), salt, kSaltBytes, kHashBytes,
                                         encoded.data(), std::size_t(encoded.size()));
    if (rc != ARGON2_OK)
        return core::makeError(QStringLiteral("internal"),
                               QStringLiteral("Argon2id failed: %1")
                                   .arg(QString::fromLatin1(argon2_error_message(rc))));
    encoded.truncate(qsizetype(qstrlen(encoded.constData())));
    return encoded;
}

bool PasswordHasher::verify(const QByteArray &encodedHash, const QString &password)
{
    const QByteArray utf8 = password.toUtf8();
    return argon2id_verify(encodedHash.constData(), utf8.constData(), std::size_t(utf8.size()))
        == ARGON2_OK;
}

} // namespace qx::server
