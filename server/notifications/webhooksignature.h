#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace qx::server {

/**
 * How the providers sign the webhooks they call, checked before a webhook may change anything
 * (a webhook without a valid signature is refused). Comparisons take constant time.
 */

/// Twilio's X-Twilio-Signature: Base64 of HMAC-SHA1 under the account's auth token over the
/// URL Twilio called (as configured: StatusCallback) followed by every POST parameter's name
/// and value, sorted by name.
QByteArray twilioSignature(const QString &url, QList<std::pair<QString, QString>> parameters,
                           const QByteArray &authToken);
bool twilioSignatureValid(const QString &url, const QList<std::pair<QString, QString>> &parameters,
                          const QByteArray &authToken, const QByteArray &header);

/// Meta's X-Hub-Signature-256 (WhatsApp Cloud API): "sha256=" and the hex HMAC-SHA256 of the
/// raw body under the app secret.
QByteArray metaSignature(const QByteArray &body, const QByteArray &appSecret);
bool metaSignatureValid(const QByteArray &body, const QByteArray &appSecret,
                        const QByteArray &header);

/// Whether two secrets are the same, in constant time.
bool sameSecret(const QByteArray &a, const QByteArray &b);

/// `body` (application/x-www-form-urlencoded) as name/value pairs, decoded ("+" is a space).
QList<std::pair<QString, QString>> formParameters(const QByteArray &body);

} // namespace qx::server
