#pragma once

#include "core/result.h"

#include <QSslConfiguration>
#include <QString>
#include <QStringList>

namespace qx::server {

/**
 * TLS for the API: the server's certificate and key read into a configuration (TLS 1.2 or
 * later), and a self-signed pair made for local use (`init --tls-self-signed`).
 */
namespace tls {

/// The certificate chain (PEM, the server's first) and its private key (PEM, RSA or EC,
/// unencrypted). Errors: tls_invalid with what is wrong (unreadable, not PEM, the key not the
/// certificate's, expired).
core::Result<QSslConfiguration> serverConfiguration(const QString &certificatePath,
                                                    const QString &keyPath);

/// Writes a new self-signed certificate (ECDSA P-256, SHA-256) for `hosts` (DNS names and IP
/// addresses, as subject alternative names) valid for `days`, and its key (mode 0600).
core::Result<void> writeSelfSigned(const QString &certificatePath, const QString &keyPath,
                                   const QStringList &hosts, int days);

} // namespace tls

} // namespace qx::server
