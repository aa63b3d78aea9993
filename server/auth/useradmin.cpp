#include "server/auth/useradmin.h"

#include "core/protocol/messages.h"
#include "server/auth/passwordhasher.h"
#include "server/auth/permissions.h"

#include <QHash>
#include <QJsonDocument>
#include <QRegularExpression>

namespace qx::server {

namespace {

core::Error invalid(const QString &message)
{
    return core::makeError(core::ErrorCode::InvalidRequest, message);
}

bool isEnabledAdmin(const UserRecord &user)
{
    return user.role == u"admin" && !user.disabled;
}

} // namespace

Result<QList<UserRecord>> UserAdmin::users()
{
    return m_store.users();
}

Result<UserRecord> UserAdmin::user(const QString &username)
{
    Result<std::optional<UserRecord>> found = m_store.findUser(username);
    if (!found)
        return found.error();
    if (!*found)
        return core::makeError(core::ErrorCode::NotFound, tr("There is no user %1.").arg(username));
    return **found;
}

Result<void> UserAdmin::check(const QString &username, const Change &change)
{
    static const QRegularExpression firmPattern(
        QStringLiteral("^[A-Za-z0-9][A-Za-z0-9 ._&-]{0,63}$"));
    if (change.role && !roleNames().contains(*change.role))
        return invalid(tr("The role must be one of: %1.").arg(roleNames().join(u", ")));
    if (change.selfTrade && *change.selfTrade != u"cancel_newest"
        && *change.selfTrade != u"cancel_oldest")
        return invalid(tr("The self-trade mode must be cancel_newest or cancel_oldest."));
    if (change.counterparty && !change.counterparty->isEmpty()
        && !firmPattern.match(*change.counterparty).hasMatch())
        return invalid(tr("A counterparty is 1-64 letters, digits, spaces, . _ & -."));
    if (change.password)
        return PasswordHasher::checkPolicy(*change.password, username);
    return {};
}

Result<void> UserAdmin::checkName(const QString &username)
{
    static const QRegularExpression namePattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    if (!namePattern.match(username).hasMatch())
        return invalid(tr("A user name is 1-64 letters, digits, . _ -."));
    return {};
}

Result<UserRecord> UserAdmin::add(const Actor &actor, const NewUser &user)
{
    if (Result<void> checked = checkName(user.username); !checked)
        return checked.error();
    const Change fields { user.role, std::nullopt,   user.password,
                          false,     user.selfTrade, user.counterparty };
    if (Result<void> checked = check(user.username, fields); !checked)
        return checked.error();
    Result<std::optional<UserRecord>> existing = m_store.findUser(user.username);
    if (!existing)
        return existing.error();
    if (*existing) {
        return core::makeError(core::ErrorCode::UserExists,
                               tr("There is a user %1 already.").arg(user.username));
    }
    Result<QByteArray> hash = PasswordHasher::hash(user.password);
    if (!hash)
        return hash.error();
    Result<UserRecord> added = m_store.addUser(user.username, user.role, *hash);
    if (!added)
        return added.error();
    added->selfTrade = user.selfTrade;
    added->counterparty = user.counterparty;
    if (Result<void> saved = m_store.updateUser(*added); !saved)
        return saved.error();
    if (Result<void> audited = audit(actor, QStringLiteral("user_added"), user.username,
                                     { { QStringLiteral("role"), user.role } });
        !audited)
        return audited.error();
    return added;
}

Result<UserAdmin::Changed> UserAdmin::change(const Actor &actor, const QString &username,
                                             const Change &change)
{
    if (Result<void> checked = check(username, change); !checked)
        return checked.error();
    Result<UserRecord> found = user(username);
    if (!found)
        return found.error();
    const UserRecord before = *found;
    Changed changed { before, {} };
    UserRecord &after = changed.user;
    QJsonObject detail;
    if (change.role && *change.role != before.role) {
        after.role = *change.role;
        detail.insert(QStringLiteral("role"), after.role);
        changed.done.append(tr("role %1 -> %2").arg(before.role, after.role));
    }
    if (change.disabled && *change.disabled != before.disabled) {
        after.disabled = *change.disabled;
        detail.insert(QStringLiteral("disabled"), after.disabled);
        changed.done.append(after.disabled ? tr("disabled") : tr("enabled"));
    }
    if (change.selfTrade && *change.selfTrade != before.selfTrade) {
        after.selfTrade = *change.selfTrade;
        detail.insert(QStringLiteral("self_trade"), after.selfTrade);
        changed.done.append(tr("self-trade %1").arg(after.selfTrade));
    }
    if (change.counterparty && *change.counterparty != before.counterparty) {
        after.counterparty = *change.counterparty;
        detail.insert(QStringLiteral("counterparty"), after.counterparty);
        changed.done.append(tr("counterparty %1").arg(after.counterparty));
    }
    if (change.password) {
        Result<QByteArray> hash = PasswordHasher::hash(*change.password);
        if (!hash)
            return hash.error();
        after.passwordHash = *hash;
        detail.insert(QStringLiteral("password"), QStringLiteral("reset"));
        changed.done.append(tr("new password"));
    }
    if (change.resetMfa) {
        after.totpEnabled = false;
        detail.insert(QStringLiteral("mfa"), QStringLiteral("reset"));
        changed.done.append(tr("multi-factor sign-in off"));
    }
    if (changed.done.isEmpty()) {
        changed.done.append(tr("nothing to change"));
        return changed;
    }
    if (Result<void> kept = keepsAnAdmin(before, after); !kept)
        return kept.error();

    if (Result<void> saved = m_store.updateUser(after); !saved)
        return saved.error();
    if (change.resetMfa) {
        if (Result<void> off = m_store.disableTotp(after.id); !off)
            return off.error();
    }
    // A new password, a disabled account or a reset second factor: every token of the user
    // stops working (a role change applies at their next request without that).
    if (change.password || change.resetMfa || after.disabled) {
        Result<std::int64_t> revoked = m_store.revokeUserTokens(after.id);
        if (!revoked)
            return revoked.error();
        after.tokenGeneration = *revoked;
        changed.done.append(tr("signed out everywhere"));
    }
    // One thing changed has its own name in the log (role_changed, ...); several, user_changed.
    static const QHash<QString, QString> actions {
        { QStringLiteral("role"), QStringLiteral("role_changed") },
        { QStringLiteral("password"), QStringLiteral("password_reset") },
        { QStringLiteral("mfa"), QStringLiteral("mfa_reset") },
        { QStringLiteral("self_trade"), QStringLiteral("self_trade_changed") },
        { QStringLiteral("counterparty"), QStringLiteral("counterparty_changed") },
    };
    QString action = QStringLiteral("user_changed");
    if (detail.size() == 1 && detail.contains(u"disabled"))
        action = after.disabled ? QStringLiteral("user_disabled") : QStringLiteral("user_enabled");
    else if (detail.size() == 1)
        action = actions.value(detail.constBegin().key());
    if (Result<void> audited = audit(actor, action, username, detail); !audited)
        return audited.error();
    return changed;
}

Result<void> UserAdmin::keepsAnAdmin(const UserRecord &before, const UserRecord &after)
{
    if (!isEnabledAdmin(before) || isEnabledAdmin(after))
        return {};
    Result<QList<UserRecord>> all = m_store.users();
    if (!all)
        return all.error();
    for (const UserRecord &other : std::as_const(*all)) {
        if (other.id != before.id && isEnabledAdmin(other))
            return {};
    }
    return core::makeError(
        core::ErrorCode::LastAdmin,
        tr("%1 is the last enabled admin: make another admin first.").arg(before.username));
}

Result<void> UserAdmin::audit(const Actor &actor, const QString &action, const QString &target,
                              const QJsonObject &detail)
{
    return m_store.appendAudit(auditEntry(actor, action, target, detail));
}

QJsonObject UserAdmin::toJson(const UserRecord &user)
{
    return { { QStringLiteral("username"), user.username },
             { QStringLiteral("role"), user.role },
             { QStringLiteral("disabled"), user.disabled },
             { QStringLiteral("mfa_enabled"), user.totpEnabled },
             { QStringLiteral("self_trade"), user.selfTrade },
             { QStringLiteral("counterparty"),
               user.counterparty.isEmpty() ? QJsonValue() : QJsonValue(user.counterparty) },
             { QStringLiteral("created_at"), core::protocol::toWireTime(user.createdAt) } };
}

} // namespace qx::server
