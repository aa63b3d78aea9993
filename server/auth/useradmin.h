#pragma once

#include "core/result.h"
#include "server/storage/store.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace qx::server {

/**
 * Managing users, the one way the command line (`user ...`) and the admin routes
 * (/api/v1/admin/users) both go: every input checked before anything is written, every change
 * written to the audit log with its actor, and the last enabled admin kept (last_admin), so
 * an installation is never left without someone who can manage it.
 *
 * Errors: not_found, user_exists, invalid_request (a bad name, role, counterparty or
 * self-trade mode), password_too_short/long/common, last_admin, storage errors. Password
 * hashing runs on the caller's thread (an admin's occasional request).
 */
class UserAdmin
{
    Q_DECLARE_TR_FUNCTIONS(qx::server::UserAdmin)

public:
    struct NewUser
    {
        QString username;
        QString role;
        QString password;
        QString selfTrade = QStringLiteral("cancel_newest");
        QString counterparty;
    };
    /// What to change; what is unset stays as it is.
    struct Change
    {
        std::optional<QString> role;
        std::optional<bool> disabled;
        std::optional<QString> password; ///< signs the user out everywhere
        bool resetMfa = false; ///< multi-factor sign-in off; signs the user out everywhere
        std::optional<QString> selfTrade;
        std::optional<QString> counterparty; ///< empty: none
    };
    struct Changed
    {
        UserRecord user;
        QStringList done; ///< what changed, for people: "role trader -> risk", ...
    };

    explicit UserAdmin(Store &store)
        : m_store(store)
    { }

    Result<QList<UserRecord>> users();
    Result<UserRecord> user(const QString &username);
    Result<UserRecord> add(const Actor &actor, const NewUser &user);
    Result<Changed> change(const Actor &actor, const QString &username, const Change &change);

    /// A user as the admin routes and `user show --json` print it (never secrets).
    static QJsonObject toJson(const UserRecord &user);

    /// invalid_request unless `username` is 1-64 letters, digits, . _ -.
    static Result<void> checkName(const QString &username);
    /// Checks every field of `change` that is set (the password against the policy for
    /// `username`); nothing is written.
    static Result<void> check(const QString &username, const Change &change);

private:
    /// last_admin if making `after` of `before` leaves no enabled admin.
    Result<void> keepsAnAdmin(const UserRecord &before, const UserRecord &after);
    Result<void> audit(const Actor &actor, const QString &action, const QString &target,
                       const QJsonObject &detail);

    Store &m_store;
};

} // namespace qx::server
