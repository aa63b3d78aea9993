#include "server/auth/permissions.h"

#include <QHash>
#include <QList>

namespace qx::server {

namespace {

constexpr Permission kAll[] { Permission::MarketRead,      Permission::AccountRead,
                              Permission::OrdersWrite,     Permission::BooksAudit,
                              Permission::AuditRead,       Permission::UsersAdmin,
                              Permission::RiskAdmin,       Permission::DealsBook,
                              Permission::DocumentsUpload, Permission::NotificationsAdmin };

const QHash<QString, QList<Permission>> &roles()
{
    static const QHash<QString, QList<Permission>> table {
        { QStringLiteral("viewer"), { Permission::MarketRead, Permission::AccountRead } },
        { QStringLiteral("trader"),
          { Permission::MarketRead, Permission::AccountRead, Permission::OrdersWrite,
            Permission::DealsBook, Permission::DocumentsUpload } },
        { QStringLiteral("risk"),
          { Permission::MarketRead, Permission::AccountRead, Permission::BooksAudit,
            Permission::AuditRead, Permission::RiskAdmin } },
        { QStringLiteral("admin"), QList<Permission>(std::begin(kAll), std::end(kAll)) },
    };
    return table;
}

} // namespace

QString toString(Permission permission)
{
    switch (permission) {
    case Permission::MarketRead:
        return QStringLiteral("market:read");
    case Permission::AccountRead:
        return QStringLiteral("account:read");
    case Permission::OrdersWrite:
        return QStringLiteral("orders:write");
    case Permission::BooksAudit:
        return QStringLiteral("books:audit");
    case Permission::AuditRead:
        return QStringLiteral("audit:read");
    case Permission::UsersAdmin:
        return QStringLiteral("users:admin");
    case Permission::RiskAdmin:
        return QStringLiteral("risk:admin");
    case Permission::DealsBook:
        return QStringLiteral("deals:book");
    case Permission::DocumentsUpload:
        return QStringLiteral("documents:upload");
    case Permission::NotificationsAdmin:
        return QStringLiteral("notifications:admin");
    }
    return {};
}

const QStringList &roleNames()
{
    static const QStringList names { QStringLiteral("viewer"), QStringLiteral("trader"),
                                     QStringLiteral("risk"), QStringLiteral("admin") };
    return names;
}

QStringList permissionNames(const QString &role)
{
    QStringList names;
    for (const Permission permission : roles().value(role))
        names.append(toString(permission));
    return names;
}

bool roleAllows(const QString &role, Permission permission)
{
    return roles().value(role).contains(permission);
}

} // namespace qx::server
