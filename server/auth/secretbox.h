#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace qx::server {

/**
 * Secrets the server must read back (TOTP seeds) kept encrypted at rest: AES-256-GCM under a
 * key in the data directory (secrets-key, mode 0600), so a copy of the database alone (a
 * backup, a replica) does not give away anyone's second factor. Each sealed value carries
 * its own random nonce and is bound to `context` (the user it belongs to), so a value moved
 * to another row does not open. The servers of a cluster share the key file, as they share
 * the signing key. Value type.
 */
class SecretBox
{
public:
    /// The key at `path`, made first when `create` and missing. Errors: key_unreadable.
    static core::Result<SecretBox> fromKeyFile(const QString &path, bool create);

    /// "qxs1", the nonce, the ciphertext and the tag.
    QByteArray seal(const QByteArray &plain, const QByteArray &context) const;
    /// The plain value, or secret_unreadable (another key, another context, or changed).
    core::Result<QByteArray> open(const QByteArray &sealed, const QByteArray &context) const;
    /// A sealed JSON object (a notification channel's secrets) opened; nothing sealed is an
    /// empty object.
    core::Result<QJsonObject> openObject(const QByteArray &sealed, const QByteArray &context) const;
    /// Whether `value` was made by seal() (a value stored before encryption was not).
    static bool isSealed(const QByteArray &value);

private:
    explicit SecretBox(QByteArray key)
        : m_key(std::move(key))
    { }

    QByteArray m_key;
};

} // namespace qx::server
