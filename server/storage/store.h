#pragma once

#include "core/instrument.h"
#include "core/protocol/messages.h"
#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace qx::server {

using core::Error;
using core::Result;

struct UserRecord
{
    std::int64_t id = 0;
    QString username;
    QString role;
    QByteArray passwordHash;
    bool disabled = false;
    QDateTime createdAt;
};

struct StoredOrder
{
    std::int64_t userId = 0;
    QByteArray requestHash;
    core::protocol::Order order;
};

/**
 * The system of record. Every write is durable when the call returns (the SQLite store commits
 * with synchronous=FULL), which is what lets the server acknowledge an order only after it.
 * Errors: storage_error, plus user_exists / duplicate_client_order_id on unique keys.
 * An implementation is used from one thread.
 */
class Store
{
public:
    virtual ~Store() = default;

    /// The applied schema version.
    virtual Result<int> schemaVersion() = 0;

    virtual Result<UserRecord> addUser(const QString &username, const QString &role,
                                       const QByteArray &passwordHash)
        = 0;
    /// Updates role, password hash and the disabled flag of the user with `user.id`.
    virtual Result<void> updateUser(const UserRecord &user) = 0;
    virtual Result<std::optional<UserRecord>> findUser(const QString &username) = 0;
    virtual Result<QList<UserRecord>> users() = 0;

    /// Inserts or updates by symbol, all in one transaction.
    virtual Result<void> saveInstruments(const QList<core::Instrument> &instruments) = 0;
    virtual Result<QList<core::Instrument>> instruments() = 0;

    /// Inserts a new order and returns it with its id.
    virtual Result<core::protocol::Order> insertOrder(std::int64_t userId,
                                                      const core::protocol::Order &order,
                                                      const QByteArray &requestHash)
        = 0;
    /// Updates the status, filled quantity and update time of an existing order.
    virtual Result<void> updateOrder(const core::protocol::Order &order) = 0;
    virtual Result<std::optional<StoredOrder>> findOrder(std::int64_t orderId) = 0;
    virtual Result<std::optional<StoredOrder>> findOrderByClientId(std::int64_t userId,
                                                                   const QString &clientOrderId)
        = 0;
    /// A user's orders, newest first.
    virtual Result<QList<core::protocol::Order>> orders(std::int64_t userId) = 0;

    virtual Result<void> saveRefreshToken(std::int64_t userId, const QByteArray &tokenHash,
                                          const QDateTime &expiresAt)
        = 0;
};

} // namespace qx::server
