#pragma once

#include <QString>
#include <QStringList>

namespace qx::server {

/**
 * What a role may do, named. Every REST route and WebSocket message names the one it needs
 * (HttpApi, StreamGateway); nothing else decides.
 *
 *   market:read   instruments, books, tickers, candles, time and sales
 *   account:read  one's own orders, fills and positions (and their stream channels)
 *   orders:write  placing, changing and cancelling one's own orders
 *   books:audit   a book's state hash (checking a recovery)
 *   audit:read    the audit log and its verification
 *   users:admin   users, their roles and API keys (the admin routes)
 *   risk:admin    traders' pre-trade limits and counterparties' credit lines
 *   deals:book    booking and cancelling one's own deals (bilateral trades), by hand or
 *                 from a confirmation, and deciding on a document's match
 *   documents:upload  uploading the firm's documents (confirmations, invoices) and deleting
 *                 them
 *   notifications:admin  the notification channels' configuration, the outbox and its dead
 *                 letters
 *
 * Roles: viewer (market:read, account:read), trader (viewer's, orders:write, deals:book and
 * documents:upload), risk (viewer's, books:audit, audit:read and risk:admin), admin (all).
 */
enum class Permission {
    MarketRead,
    AccountRead,
    OrdersWrite,
    BooksAudit,
    AuditRead,
    UsersAdmin,
    RiskAdmin,
    DealsBook,
    DocumentsUpload,
    NotificationsAdmin
};

QString toString(Permission permission);
/// The roles there are, least first.
const QStringList &roleNames();
/// The permissions of `role`, by name; none for a role that does not exist.
QStringList permissionNames(const QString &role);
bool roleAllows(const QString &role, Permission permission);

} // namespace qx::server
