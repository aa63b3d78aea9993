#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace qx::server {

/**
 * Argon2id password hashing through libargon2 (m = 19 MiB, t = 2, p = 1: OWASP's minimum).
 * The result is the PHC string "$argon2id$v=19$m=...,t=...,p=...$salt$hash", so the parameters
 * travel with each hash and can be raised later. Stateless; callable from any thread.
 */
class PasswordHasher
{
public:
    static constexpr quint32 kMemoryKiB = 19 * 1024;
    static constexpr quint32 kIterations = 2;
    static constexpr quint32 kParallelism = 1;

    /// 8 to 128 characters (not bytes) of any Unicode: password_too_short / password_too_long.
    static core::Result<void> checkPolicy(const QString &password);
    static core::Result<QByteArray> hash(const QString &password);
    /// Constant-time comparison inside libargon2; false for a malformed hash.
    static bool verify(const QByteArray &encodedHash, const QString &password);
};

} // namespace qx::server
