#pragma once

// What the files of SqlStore (sqlstore*.cpp, one per storage role) share: row mappers, the
// transaction and collection helpers, value conversions. Private to server/storage.

#include "server/storage/sqlstore.h"

#include <QByteArray>
#include <QDateTime>

#include <limits>
#include <optional>
#include <vector>

namespace qx::server::sqlstore {

namespace protocol = core::protocol;

constexpr const char *kOrderColumns
    = "o.id, o.user_id, o.request_hash, o.client_order_id, u.username, o.symbol, o.side, "
      "o.type, o.quantity_units, o.price_units, o.filled_units, o.status, o.created_at_ms, "
      "o.updated_at_ms, o.time_in_force, o.stop_price_units, o.display_units, o.expires_at_ms, "
      "o.reason, o.remaining_units, o.visible_units, o.priority, o.pending_stop, "
      "o.filled_value_units "
      "FROM orders o JOIN users u ON u.id = o.user_id";

inline QByteArray orderQuery(const char *condition)
{
    return QByteArray("SELECT ") + kOrderColumns + ' ' + condition;
}

inline StoredOrder orderFromRow(const SqlRows &row)
{
    StoredOrder stored;
    stored.userId = row.int64(1);
    stored.requestHash = row.blob(2);
    protocol::Order &order = stored.order;
    order.id = QString::number(row.int64(0));
    order.clientOrderId = row.text(3);
    order.username = row.text(4);
    order.symbol = row.text(5);
    order.side = protocol::sideFromString(row.text(6)).value_or(protocol::Side::Buy);
    order.type = protocol::orderTypeFromString(row.text(7)).value_or(protocol::OrderType::Limit);
    order.quantity = core::Quantity(core::Decimal::fromUnits(row.int64(8)));
    order.price = core::Price(core::Decimal::fromUnits(row.int64(9)));
    order.filledQuantity = core::Quantity(core::Decimal::fromUnits(row.int64(10)));
    order.status
        = protocol::orderStatusFromString(row.text(11)).value_or(protocol::OrderStatus::Open);
    order.createdAt = QDateTime::fromMSecsSinceEpoch(row.int64(12), Qt::UTC);
    order.updatedAt = QDateTime::fromMSecsSinceEpoch(row.int64(13), Qt::UTC);
    order.timeInForce = protocol::timeInForceFromString(row.text(14))
                            .value_or(protocol::TimeInForce::GoodTillCancel);
    if (!row.isNull(15))
        order.stopPrice = core::Price(core::Decimal::fromUnits(row.int64(15)));
    if (!row.isNull(16))
        order.displayQuantity = core::Quantity(core::Decimal::fromUnits(row.int64(16)));
    if (!row.isNull(17))
        order.expiresAt = QDateTime::fromMSecsSinceEpoch(row.int64(17), Qt::UTC);
    order.reason = row.text(18);
    stored.remaining = core::Quantity(core::Decimal::fromUnits(row.int64(19)));
    stored.visible = core::Quantity(core::Decimal::fromUnits(row.int64(20)));
    stored.priority = quint64(row.int64(21));
    stored.pendingStop = row.int64(22) != 0;
    stored.filledValue = core::Decimal::fromUnits(row.int64(23));
    if (!order.filledQuantity.isZero()) {
        if (auto average = stored.filledValue.dividedBy(order.filledQuantity.decimal()))
            order.averagePrice = core::Price(*average);
    }
    return stored;
}

inline UserRecord userFromRow(const SqlRows &row)
{
    UserRecord user;
    user.id = row.int64(0);
    user.username = row.text(1);
    user.role = row.text(2);
    user.passwordHash = row.text(3).toUtf8();
    user.disabled = row.int64(4) != 0;
    user.createdAt = QDateTime::fromMSecsSinceEpoch(row.int64(5), Qt::UTC);
    user.selfTrade = row.text(6);
    user.counterparty = row.text(7);
    user.tokenGeneration = row.int64(8);
    user.totpSecret = row.isNull(9) ? QByteArray() : row.blob(9);
    user.totpEnabled = row.int64(10) != 0;
    user.totpLastStep = row.int64(11);
    return user;
}

// userFromRow's columns, in its order.
#define QX_USER_COLUMNS \
    "id, username, role, password_hash, disabled, created_at_ms, self_trade, counterparty, " \
    "token_generation, totp_secret, totp_enabled, totp_last_step"

inline bool isUniqueViolation(const Error &error)
{
    return error.is(core::ErrorCode::UniqueViolation);
}

// A notification's columns as every INSERT of notifications lists them (notificationRows).
inline const std::vector<const char *> kNotificationColumns { "event_key", "user_id",
                                                              "type",      "severity",
                                                              "facts",     "created_at_ms" };
std::vector<SqlDatabase::Value> notificationRows(const QList<NotificationRecord> &records);

// The migration lock's key (PostgreSQL advisory lock; SQLite needs none beyond its own).
constexpr std::int64_t kMigrationLock = 0x51584d4947524154; // "QXMIGRAT"
constexpr std::int64_t kAuditLock = 0x5158415544495421; // "QXAUDIT!"

// Runs `work` in one transaction, committed if it succeeds and rolled back if not.
template<typename Work>
inline auto inTransaction(SqlDatabase &database, Work work) -> decltype(work())
{
    if (Result<void> begun = database.begin(); !begun)
        return begun.error();
    auto result = work();
    if (!result) {
        database.rollback();
        return result;
    }
    if (Result<void> committed = database.commit(); !committed) {
        database.rollback();
        return committed.error();
    }
    return result;
}

// Reads every row of `rows` through `fromRow` (which returns T or Result<T>).
template<typename T, typename FromRow>
inline Result<QList<T>> collect(Result<std::unique_ptr<SqlRows>> rows, FromRow fromRow)
{
    if (!rows)
        return rows.error();
    QList<T> list;
    for (;;) {
        Result<bool> more = (*rows)->next();
        if (!more)
            return more.error();
        if (!*more)
            return list;
        Result<T> item = fromRow(**rows);
        if (!item)
            return item.error();
        list.append(std::move(item).value());
    }
}

// collect() for rows a newer server may have written that this one cannot read (a channel or
// event type it does not know): `fromRow` returns std::optional<T>, and those rows are left out.
template<typename T, typename FromRow>
inline Result<QList<T>> collectKnown(Result<std::unique_ptr<SqlRows>> rows, FromRow fromRow)
{
    Result<QList<std::optional<T>>> read = collect<std::optional<T>>(std::move(rows), fromRow);
    if (!read)
        return read.error();
    QList<T> list;
    for (std::optional<T> &item : *read) {
        if (item)
            list.append(std::move(*item));
    }
    return list;
}

inline std::optional<std::int64_t> unitsOf(const std::optional<core::Price> &value)
{
    return value ? std::optional(value->decimal().units()) : std::nullopt;
}

inline std::optional<std::int64_t> unitsOf(const std::optional<core::Quantity> &value)
{
    return value ? std::optional(value->decimal().units()) : std::nullopt;
}

inline std::optional<std::int64_t> millisOf(const QDateTime &time)
{
    return time.isValid() ? std::optional(time.toMSecsSinceEpoch()) : std::nullopt;
}

inline std::optional<std::int64_t> unitsOf(const std::optional<core::Money> &value)
{
    return value ? std::optional(value->decimal().units()) : std::nullopt;
}

template<typename T>
inline std::optional<T> optionalUnits(const SqlRows &row, int column)
{
    if (row.isNull(column))
        return std::nullopt;
    return T(core::Decimal::fromUnits(row.int64(column)));
}

inline RiskLimits limitsFromRow(const SqlRows &row)
{
    RiskLimits limits;
    limits.product = row.text(0);
    limits.maxOrderQuantity = optionalUnits<core::Quantity>(row, 1);
    limits.maxNotional = optionalUnits<core::Money>(row, 2);
    limits.maxPosition = optionalUnits<core::Quantity>(row, 3);
    limits.creditLimit = optionalUnits<core::Money>(row, 4);
    return limits;
}

inline TradeRecord tradeFromRow(const SqlRows &row)
{
    TradeRecord trade;
    trade.id = row.int64(0);
    trade.symbol = row.text(1);
    trade.price = core::Price(core::Decimal::fromUnits(row.int64(2)));
    trade.quantity = core::Quantity(core::Decimal::fromUnits(row.int64(3)));
    trade.buyOrderId = row.int64(4);
    trade.sellOrderId = row.int64(5);
    trade.aggressor = protocol::sideFromString(row.text(6)).value_or(protocol::Side::Buy);
    trade.sequence = quint64(row.int64(7));
    trade.time = QDateTime::fromMSecsSinceEpoch(row.int64(8), Qt::UTC);
    trade.buyUserId = row.int64(9);
    trade.sellUserId = row.int64(10);
    return trade;
}

// The first row of `row` through `fromRow`, or nullopt when there is none.
template<typename T, typename FromRow>
inline Result<std::optional<T>> findOne(Result<std::unique_ptr<SqlRows>> row, FromRow fromRow)
{
    if (!row)
        return row.error();
    Result<bool> found = (*row)->next();
    if (!found)
        return found.error();
    if (!*found)
        return std::optional<T>();
    return std::optional<T>(fromRow(**row));
}

inline SqlDatabase::Value nullable(const std::optional<std::int64_t> &value)
{
    return value ? SqlDatabase::Value(*value) : SqlDatabase::Value(nullptr);
}

// An order's columns from user_id to visible_units, as every INSERT of orders lists them.
inline void appendOrderFields(std::vector<SqlDatabase::Value> &values, std::int64_t userId,
                              const protocol::Order &order, const QByteArray &requestHash,
                              std::int64_t remainingUnits, std::int64_t visibleUnits)
{
    values.insert(values.end(),
                  { userId, order.clientOrderId, requestHash, order.symbol,
                    protocol::toString(order.side), protocol::toString(order.type),
                    order.quantity.decimal().units(), order.price.decimal().units(),
                    order.filledQuantity.decimal().units(), protocol::toString(order.status),
                    order.createdAt.toMSecsSinceEpoch(), order.updatedAt.toMSecsSinceEpoch(),
                    protocol::toString(order.timeInForce), nullable(unitsOf(order.stopPrice)),
                    nullable(unitsOf(order.displayQuantity)), nullable(millisOf(order.expiresAt)),
                    order.reason, remainingUnits, visibleUnits });
}

// The integer in the first column of a statement's one row: the id an INSERT ... RETURNING id
// gave, say.
inline Result<std::int64_t> returnedInteger(Result<std::unique_ptr<SqlRows>> rows)
{
    Result<std::optional<std::int64_t>> id
        = findOne<std::int64_t>(std::move(rows), [](const SqlRows &row) { return row.int64(0); });
    if (!id)
        return id.error();
    if (!*id)
        return core::makeError(core::ErrorCode::StorageError,
                               QStringLiteral("The database returned no row where it must."));
    return **id;
}

// A batch's trading commands as one entry of its chain: a line each, "AT_MS ACTION ORDER_ID
// USER ADDRESS DETAIL" (the detail last: it may hold spaces), hashed as one.
inline AuditEntry orderAuditEntry(std::int64_t seq, const QDateTime &at, qsizetype commands,
                                  const QString &lines)
{
    return { seq,
             at,
             QStringLiteral("server"),
             QStringLiteral("local"),
             QStringLiteral("orders"),
             QString::number(commands),
             lines,
             {} };
}

} // namespace qx::server::sqlstore
