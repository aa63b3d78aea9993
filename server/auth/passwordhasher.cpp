#include "server/auth/passwordhasher.h"

#include <QCoreApplication>
#include <QFile>
#include <QSet>

#include <argon2.h>
#include <openssl/rand.h>

namespace qx::server {

namespace {
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;
} // namespace

namespace {

// The shipped list, read once: lower-case, comments and blank lines left out.
const QSet<QString> &commonPasswords()
{
    static const QSet<QString> passwords = [] {
        QSet<QString> set;
        QFile file(QStringLiteral(":/qx/security/common-passwords.txt"));
        if (file.open(QIODevice::ReadOnly | QIODevice::Text)) {
            while (!file.atEnd()) {
                const QString line = QString::fromUtf8(file.readLine()).trimmed();
                if (!line.isEmpty() && !line.startsWith(u'#'))
                    set.insert(line.toCaseFolded());
            }
        }
        Q_ASSERT(!set.isEmpty());
        return set;
    }();
    return passwords;
}

} // namespace

core::Result<void> PasswordHasher::checkPolicy(const QString &password, const QString &username)
{
    const qsizetype characters = password.toUcs4().size();
    if (characters < 8) {
        return core::makeError(
            core::ErrorCode::PasswordTooShort,
            QCoreApplication::translate("qx::server::PasswordHasher",
                                        "The password must have at least 8 characters."));
    }
    if (characters > 128) {
        return core::makeError(
            core::ErrorCode::PasswordTooLong,
            QCoreApplication::translate("qx::server::PasswordHasher",
                                        "The password must have at most 128 characters."));
    }
    const QString folded = password.toCaseFolded();
    if (commonPasswords().contains(folded)
        || (!username.isEmpty() && folded == username.toCaseFolded())) {
        return core::makeError(
            core::ErrorCode::PasswordTooCommon,
            QCoreApplication::translate("qx::server::PasswordHasher",
                                        "This password is among the first that attackers try: "
                                        "choose another."));
    }
    return {};
}

core::Result<QByteArray> PasswordHasher::hash(const QString &password,
                                              const Argon2Parameters &parameters)
{
    unsigned char salt[kSaltBytes];
    if (RAND_bytes(salt, sizeof salt) != 1)
        return core::makeError(core::ErrorCode::Internal,
                               QStringLiteral("The system random generator failed."));
    const QByteArray utf8 = password.toUtf8();
    QByteArray encoded(
        qsizetype(argon2_encodedlen(parameters.iterations, parameters.memoryKiB,
                                    parameters.parallelism, kSaltBytes, kHashBytes, Argon2_id)),
        '\0');
    const int rc
        = argon2id_hash_encoded(parameters.iterations, parameters.memoryKiB, parameters.parallelism,
                                utf8.constData(), std::size_t(utf8.size()), salt, kSaltBytes,
                                kHashBytes, encoded.data(), std::size_t(encoded.size()));
    if (rc != ARGON2_OK)
        return core::makeError(core::ErrorCode::Internal,
                               QStringLiteral("Argon2id failed: %1")
                                   .arg(QString::fromLatin1(argon2_error_message(rc))));
    encoded.truncate(qsizetype(qstrlen(encoded.constData())));
    return encoded;
}

bool PasswordHasher::needsRehash(const QByteArray &encodedHash)
{
    // $argon2id$v=19$m=19456,t=2,p=1$salt$hash
    const QList<QByteArray> fields = encodedHash.split('$');
    if (fields.size() != 6 || fields[1] != "argon2id" || fields[2] != "v=19")
        return true;
    Argon2Parameters used { 0, 0, 0 };
    for (const QByteArray &setting : fields[3].split(',')) {
        const quint32 value = setting.mid(2).toUInt();
        if (setting.startsWith("m="))
            used.memoryKiB = value;
        else if (setting.startsWith("t="))
            used.iterations = value;
        else if (setting.startsWith("p="))
            used.parallelism = value;
    }
    return used.memoryKiB < kMemoryKiB || used.iterations < kIterations
        || used.parallelism < kParallelism;
}

bool PasswordHasher::verify(const QByteArray &encodedHash, const QString &password)
{
    const QByteArray utf8 = password.toUtf8();
    return argon2id_verify(encodedHash.constData(), utf8.constData(), std::size_t(utf8.size()))
        == ARGON2_OK;
}

} // namespace qx::server
