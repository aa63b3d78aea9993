#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace qx::server {

/// The cost of an Argon2id hash; the defaults are today's (OWASP's minimum).
struct Argon2Parameters
{
    quint32 memoryKiB = 19 * 1024;
    quint32 iterations = 2;
    quint32 parallelism = 1;
};

/**
 * Argon2id password hashing through libargon2 (m = 19 MiB, t = 2, p = 1: OWASP's minimum).
 * The result is the PHC string "$argon2id$v=19$m=...,t=...,p=...$salt$hash", so the parameters
 * travel with each hash and can be raised later. Stateless; callable from any thread.
 */
class PasswordHasher
{
public:
    static constexpr quint32 kMemoryKiB = Argon2Parameters {}.memoryKiB;
    static constexpr quint32 kIterations = Argon2Parameters {}.iterations;
    static constexpr quint32 kParallelism = Argon2Parameters {}.parallelism;

    /// 8 to 128 characters (not bytes) of any Unicode (password_too_short, password_too_long),
    /// not one of the shipped list of common passwords nor the user's name, without case
    /// (password_too_common).
    static core::Result<void> checkPolicy(const QString &password, const QString &username = {});
    static core::Result<QByteArray> hash(const QString &password,
                                         const Argon2Parameters &parameters = {});
    /// Whether `encodedHash` was made with less than today's parameters (or is not a hash
    /// of ours): a sign-in that verifies it then stores a new hash.
    static bool needsRehash(const QByteArray &encodedHash);
    /// Constant-time comparison inside libargon2; false for a malformed hash.
    static bool verify(const QByteArray &encodedHash, const QString &password);
};

} // namespace qx::server
