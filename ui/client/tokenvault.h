#pragma once

#include "core/result.h"

#include <QObject>
#include <QString>

#include <functional>

namespace qx::client {

/**
 * Where the desktop keeps the refresh token that lets a trader stay signed in across restarts:
 * the operating system's keychain (Secret Service on Linux, Keychain on macOS, Credential
 * Manager on Windows) through QtKeychain. Never QSettings or a file of ours, and QtKeychain's
 * plain-text fallback stays off: with no keychain the session is simply not remembered.
 *
 * One secret per account, an account being a user on a server (account()). Every call is
 * asynchronous; QtKeychain runs its jobs one at a time in the order they were started, so a
 * later store() always wins over an earlier one.
 *
 * GUI thread (QtKeychain's jobs talk to D-Bus from the thread that starts them).
 */
class TokenVault : public QObject
{
    Q_OBJECT

public:
    /// `service` names our entries in the keychain; tests use one of their own.
    explicit TokenVault(QString service = QStringLiteral("QuantEnergx"), QObject *parent = nullptr);

    /// The account name of `username` on `server` (its canonicalServerUrl(), so that one
    /// server has one name).
    static QString account(const QUrl &server, const QString &username);

    /// The stored token of `account`, empty when there is none; an error when the keychain
    /// cannot be asked.
    void load(const QString &account, std::function<void(core::Result<QString>)> done);
    /// Stores (replaces) the token of `account`. Failures are reported by failed().
    void store(const QString &account, const QString &token);
    /// Forgets the token of `account`, if any.
    void remove(const QString &account);

    QString service() const { return m_service; }

Q_SIGNALS:
    /// A store or remove did not work (the keychain is locked, absent, or refused).
    void failed(const QString &message);

private:
    QString m_service;
};

} // namespace qx::client
