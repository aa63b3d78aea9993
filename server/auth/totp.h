#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace qx::server::totp {

/// RFC 6238 time-based one-time passwords as authenticator apps make them: HMAC-SHA-1,
/// 6 digits, 30-second steps.
constexpr qint64 kStepSeconds = 30;
constexpr int kDigits = 6;
constexpr int kSecretBytes = 20; ///< 160 bits, as RFC 4226 recommends

/// A new random secret.
QByteArray newSecret();
/// RFC 4648 base32 without padding, as authenticator apps take secrets.
QString toBase32(const QByteArray &bytes);
/// The step `time` falls in (Unix time / 30 s).
qint64 stepAt(const QDateTime &time);
/// The code of `step` (RFC 4226 HOTP of the step counter), `digits` long.
QString code(const QByteArray &secret, qint64 step, int digits = kDigits);
/// The step within one of `now`'s (before, same, after: clocks drift) whose code is
/// `candidate`, if any, compared in constant time.
std::optional<qint64> matchingStep(const QByteArray &secret, const QString &candidate, qint64 now);
/// otpauth://totp/ISSUER:ACCOUNT?secret=...&issuer=... for a QR code or an app's import.
QString provisioningUri(const QByteArray &secret, const QString &account);

} // namespace qx::server::totp
