#include "server/storage/sqlitestore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>

namespace qx::server {

namespace protocol = core::protocol;

namespace {

constexpr const char *kOrderColumns
    = "o.id, o.user_id, o.request_hash, o.client_order_id, u.username, o.symbol, o.side, "
      "o.type, o.quantity_units, o.price_units, o.filled_units, o.status, o.created_at_ms, "
      "o.updated_at_ms, o.time_in_force, o.stop_price_units, o.display_units, o.expires_at_ms, "
      "o.reason, o.remaining_units, o.visible_units, o.priority, o.pending_stop, "
      "o.filled_value_units "
      "FROM orders o JOIN users u ON u.id = o.user_id";

QByteArray orderQuery(const char *condition)
{
    return QByteArray("SELECT ") + kOrderColumns + ' ' + condition;
}

StoredOrder orderFromRow(const SqliteDatabase::Statement &row)
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

UserRecord userFromRow(const SqliteDatabase::Statement &row)
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
    return user;
}

bool isUniqueViolation(const Error &error)
{
    return error.message.contains(u"UNIQUE constraint failed");
}

// Runs `work` inside BEGIN IMMEDIATE ... COMMIT, rolling back on any error.
template<typename Work>
auto inTransaction(SqliteDatabase &database, Work work) -> decltype(work())
{
    if (Result<void> begun = database.execute("BEGIN IMMEDIATE"); !begun)
        return begun.error();
    auto result = work();
    if (!result) {
        (void)database.execute("ROLLBACK");
        return result;
    }
    if (Result<void> committed = database.execute("COMMIT"); !committed) {
        (void)database.execute("ROLLBACK");
        return committed.error();
    }
    return result;
}

// Reads every row of `rows` through `fromRow` (which returns T or Result<T>).
template<typename T, typename FromRow>
Result<QList<T>> collect(Result<SqliteDatabase::Statement> rows, FromRow fromRow)
{
    if (!rows)
        return rows.error();
    QList<T> list;
    for (;;) {
        Result<bool> more = rows->step();
        if (!more)
            return more.error();
        if (!*more)
            return list;
        Result<T> item = fromRow(*rows);
        if (!item)
            return item.error();
        list.append(std::move(item).value());
    }
}

std::optional<std::int64_t> unitsOf(const std::optional<core::Price> &value)
{
    return value ? std::optional(value->decimal().units()) : std::nullopt;
}

std::optional<std::int64_t> unitsOf(const std::optional<core::Quantity> &value)
{
    return value ? std::optional(value->decimal().units()) : std::nullopt;
}

std::optional<std::int64_t> millisOf(const QDateTime &time)
{
    return time.isValid() ? std::optional(time.toMSecsSinceEpoch()) : std::nullopt;
}

std::optional<std::int64_t> unitsOf(const std::optional<core::Money> &value)
{
    return value ? std::optional(value->decimal().units()) : std::nullopt;
}

template<typename T>
std::optional<T> optionalUnits(const SqliteDatabase::Statement &row, int column)
{
    if (row.isNull(column))
        return std::nullopt;
    return T(core::Decimal::fromUnits(row.int64(column)));
}

RiskLimits limitsFromRow(const SqliteDatabase::Statement &row)
{
    RiskLimits limits;
    limits.product = row.text(0);
    limits.maxOrderQuantity = optionalUnits<core::Quantity>(row, 1);
    limits.maxNotional = optionalUnits<core::Money>(row, 2);
    limits.maxPosition = optionalUnits<core::Quantity>(row, 3);
    limits.creditLimit = optionalUnits<core::Money>(row, 4);
    return limits;
}

TradeRecord tradeFromRow(const SqliteDatabase::Statement &row)
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
Result<std::optional<T>> findOne(Result<SqliteDatabase::Statement> row, FromRow fromRow)
{
    if (!row)
        return row.error();
    Result<bool> found = row->step();
    if (!found)
        return found.error();
    if (!*found)
        return std::optional<T>();
    return std::optional<T>(fromRow(*row));
}

} // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const QString &path)
{
    Result<std::unique_ptr<SqliteDatabase>> database = SqliteDatabase::open(path);
    if (!database)
        return database.error();
    std::unique_ptr<SqliteStore> store(new SqliteStore(std::move(database).value()));
    if (Result<void> migrated = store->migrate(); !migrated)
        return migrated.error();
    return store;
}

Result<void> SqliteStore::migrate()
{
    static const QRegularExpression namePattern(QStringLiteral("^(\\d{4})_\\w+\\.sql$"));
    const QDir directory(QStringLiteral(":/qx/migrations/sqlite"));
    const QStringList files = directory.entryList(QDir::Files, QDir::Name);
    return inTransaction(*m_database, [&]() -> Result<void> {
        if (Result<void> table = m_database->execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                "name TEXT NOT NULL, applied_at_ms INTEGER NOT NULL)");
            !table) {
            return table;
        }
        Result<int> current = schemaVersion();
        if (!current)
            return current.error();
        for (const QString &file : files) {
            const QRegularExpressionMatch match = namePattern.match(file);
            if (!match.hasMatch())
                continue;
            const int version = match.captured(1).toInt();
            if (version <= *current)
                continue;
            QFile script(directory.filePath(file));
            if (!script.open(QIODevice::ReadOnly))
                return core::makeError(QStringLiteral("storage_error"),
                                       QStringLiteral("Cannot read migration %1").arg(file));
            if (Result<void> applied = m_database->execute(script.readAll()); !applied)
                return core::makeError(
                    QStringLiteral("storage_error"),
                    QStringLiteral("Migration %1 failed: %2").arg(file, applied.error().message));
            if (Result<void> recorded
                = m_database->run("INSERT INTO schema_migrations VALUES (?1, ?2, ?3)", version,
                                  file, QDateTime::currentMSecsSinceEpoch());
                !recorded) {
                return recorded;
            }
        }
        return {};
    });
}

Result<int> SqliteStore::schemaVersion()
{
    Result<SqliteDatabase::Statement> row
        = m_database->query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    if (!row)
        return row.error();
    if (Result<bool> stepped = row->step(); !stepped)
        return stepped.error();
    return int(row->int64(0));
}

Result<UserRecord> SqliteStore::addUser(const QString &username, const QString &role,
                                        const QByteArray &passwordHash)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Result<void> inserted = m_database->run(
        "INSERT INTO users (username, role, password_hash, created_at_ms) VALUES (?1, ?2, ?3, ?4)",
        username, role, QString::fromUtf8(passwordHash), now);
    if (!inserted) {
        if (isUniqueViolation(inserted.error()))
            return core::makeError(QStringLiteral("user_exists"),
                                   QStringLiteral("The user %1 already exists.").arg(username));
        return inserted.error();
    }
    UserRecord user;
    user.id = m_database->lastInsertRowId();
    user.username = username;
    user.role = role;
    user.passwordHash = passwordHash;
    user.createdAt = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    return user;
}

Result<void> SqliteStore::updateUser(const UserRecord &user)
{
    return m_database->run(
        "UPDATE users SET role = ?2, password_hash = ?3, disabled = ?4, self_trade = ?5, "
        "counterparty = NULLIF(?6, '') WHERE id = ?1",
        user.id, user.role, QString::fromUtf8(user.passwordHash), user.disabled, user.selfTrade,
        user.counterparty);
}

Result<std::optional<UserRecord>> SqliteStore::findUser(const QString &username)
{
    return findOne<UserRecord>(
        m_database->query("SELECT id, username, role, password_hash, disabled, created_at_ms, "
                          "self_trade, counterparty FROM users WHERE username = ?1",
                          username),
        userFromRow);
}

Result<QList<UserRecord>> SqliteStore::users()
{
    return collect<UserRecord>(
        m_database->query(
            "SELECT id, username, role, password_hash, disabled, created_at_ms, self_trade, "
            "counterparty FROM users ORDER BY username"),
        userFromRow);
}

Result<void> SqliteStore::saveInstruments(const QList<core::Instrument> &instruments)
{
    return inTransaction(*m_database, [&]() -> Result<void> {
        for (const core::Instrument &instrument : instruments) {
            const QString definition = QString::fromUtf8(
                QJsonDocument(protocol::toJson(instrument)).toJson(QJsonDocument::Compact));
            Result<void> saved = m_database->run(
                "INSERT INTO instruments (symbol, commodity, last_trading_day, definition) "
                "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (symbol) DO UPDATE SET "
                "commodity = excluded.commodity, last_trading_day = excluded.last_trading_day, "
                "definition = excluded.definition",
                instrument.symbol, core::toString(instrument.commodity),
                instrument.lastTradingDay.toString(Qt::ISODate), definition);
            if (!saved)
                return saved;
        }
        return {};
    });
}

Result<QList<core::Instrument>> SqliteStore::instruments()
{
    return collect<core::Instrument>(
        m_database->query("SELECT definition FROM instruments ORDER BY symbol"),
        [](const SqliteDatabase::Statement &row) {
            return protocol::instrumentFromJson(QJsonDocument::fromJson(row.blob(0)).object());
        });
}

Result<void> SqliteStore::begin()
{
    return m_database->execute("BEGIN IMMEDIATE");
}

Result<void> SqliteStore::commit()
{
    return m_database->execute("COMMIT");
}

void SqliteStore::rollback()
{
    (void)m_database->execute("ROLLBACK");
}

Result<protocol::Order> SqliteStore::insertOrder(std::int64_t userId, const protocol::Order &order,
                                                 const QByteArray &requestHash)
{
    const std::int64_t remaining
        = order.quantity.decimal().units() - order.filledQuantity.decimal().units();
    Result<void> inserted = m_database->run(
        "INSERT INTO orders (user_id, client_order_id, request_hash, symbol, side, type, "
        "quantity_units, price_units, filled_units, status, created_at_ms, updated_at_ms, "
        "time_in_force, stop_price_units, display_units, expires_at_ms, reason, "
        "remaining_units, visible_units, id) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
        "?18, ?19, NULLIF(?20, 0))",
        userId, order.clientOrderId, requestHash, order.symbol, protocol::toString(order.side),
        protocol::toString(order.type), order.quantity.decimal().units(),
        order.price.decimal().units(), order.filledQuantity.decimal().units(),
        protocol::toString(order.status), order.createdAt.toMSecsSinceEpoch(),
        order.updatedAt.toMSecsSinceEpoch(), protocol::toString(order.timeInForce),
        unitsOf(order.stopPrice), unitsOf(order.displayQuantity), millisOf(order.expiresAt),
        order.reason, remaining,
        order.displayQuantity ? std::min(order.displayQuantity->decimal().units(), remaining)
                              : remaining,
        order.id.toLongLong());
    if (!inserted) {
        if (isUniqueViolation(inserted.error()))
            return core::makeError(QStringLiteral("duplicate_client_order_id"),
                                   QStringLiteral("The client order id %1 is already in use.")
                                       .arg(order.clientOrderId));
        return inserted.error();
    }
    protocol::Order saved = order;
    saved.id = QString::number(m_database->lastInsertRowId());
    return saved;
}

Result<void> SqliteStore::updateOrder(const StoredOrder &stored)
{
    const protocol::Order &order = stored.order;
    return m_database->run(
        "UPDATE orders SET price_units = ?2, quantity_units = ?3, filled_units = ?4, "
        "status = ?5, reason = ?6, updated_at_ms = ?7, remaining_units = ?8, "
        "visible_units = ?9, priority = ?10, pending_stop = ?11, filled_value_units = ?12 "
        "WHERE id = ?1",
        order.id.toLongLong(), order.price.decimal().units(), order.quantity.decimal().units(),
        order.filledQuantity.decimal().units(), protocol::toString(order.status), order.reason,
        order.updatedAt.toMSecsSinceEpoch(), stored.remaining.decimal().units(),
        stored.visible.decimal().units(), std::int64_t(stored.priority), stored.pendingStop,
        stored.filledValue.units());
}

Result<QList<StoredOrder>> SqliteStore::liveOrders()
{
    return collect<StoredOrder>(
        m_database->query(
            orderQuery("WHERE o.status IN ('open', 'partially_filled') ORDER BY o.priority, o.id")
                .constData()),
        orderFromRow);
}

Result<std::optional<StoredOrder>> SqliteStore::findOrder(std::int64_t orderId)
{
    return findOne<StoredOrder>(
        m_database->query(orderQuery("WHERE o.id = ?1").constData(), orderId), orderFromRow);
}

Result<std::optional<StoredOrder>> SqliteStore::findOrderByClientId(std::int64_t userId,
                                                                    const QString &clientOrderId)
{
    return findOne<StoredOrder>(
        m_database->query(orderQuery("WHERE o.user_id = ?1 AND o.client_order_id = ?2").constData(),
                          userId, clientOrderId),
        orderFromRow);
}

Result<QList<protocol::Order>> SqliteStore::orders(std::int64_t userId)
{
    return collect<protocol::Order>(
        m_database->query(orderQuery("WHERE o.user_id = ?1 ORDER BY o.id DESC").constData(),
                          userId),
        [](const SqliteDatabase::Statement &row) { return orderFromRow(row).order; });
}

Result<std::int64_t> SqliteStore::insertTrade(const TradeRecord &trade)
{
    Result<void> inserted = m_database->run(
        "INSERT INTO trades (symbol, price_units, quantity_units, buy_order_id, sell_order_id, "
        "aggressor_side, book_sequence, executed_at_ms, id) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULLIF(?9, 0))",
        trade.symbol, trade.price.decimal().units(), trade.quantity.decimal().units(),
        trade.buyOrderId, trade.sellOrderId, protocol::toString(trade.aggressor),
        std::int64_t(trade.sequence), trade.time.toMSecsSinceEpoch(), trade.id);
    if (!inserted)
        return inserted.error();
    return m_database->lastInsertRowId();
}

Result<Store::LastIds> SqliteStore::lastIds()
{
    Result<std::optional<LastIds>> ids
        = findOne<LastIds>(m_database->query("SELECT (SELECT COALESCE(MAX(id), 0) FROM orders), "
                                             "(SELECT COALESCE(MAX(id), 0) FROM trades)"),
                           [](const SqliteDatabase::Statement &row) {
                               return LastIds { row.int64(0), row.int64(1) };
                           });
    if (!ids)
        return ids.error();
    return ids->value_or(LastIds {});
}

Result<QList<TradeRecord>> SqliteStore::allTrades()
{
    return collect<TradeRecord>(
        m_database->query("SELECT t.id, t.symbol, t.price_units, t.quantity_units, "
                          "t.buy_order_id, t.sell_order_id, t.aggressor_side, t.book_sequence, "
                          "t.executed_at_ms, b.user_id, s.user_id FROM trades t "
                          "JOIN orders b ON b.id = t.buy_order_id "
                          "JOIN orders s ON s.id = t.sell_order_id ORDER BY t.id"),
        tradeFromRow);
}

Result<QList<protocol::Trade>> SqliteStore::trades(std::int64_t userId)
{
    // Each fill seen from the user's side; a user trading with themselves sees both sides.
    return collect<protocol::Trade>(
        m_database->query(
            "SELECT t.id, t.symbol, o.side, t.price_units, t.quantity_units, o.id, "
            "o.client_order_id, t.aggressor_side = o.side, t.executed_at_ms FROM trades t "
            "JOIN orders o ON o.id = t.buy_order_id OR o.id = t.sell_order_id "
            "WHERE o.user_id = ?1 ORDER BY t.id DESC, o.side",
            userId),
        [](const SqliteDatabase::Statement &row) {
            protocol::Trade trade;
            trade.id = QString::number(row.int64(0));
            trade.symbol = row.text(1);
            trade.side = protocol::sideFromString(row.text(2)).value_or(protocol::Side::Buy);
            trade.price = core::Price(core::Decimal::fromUnits(row.int64(3)));
            trade.quantity = core::Quantity(core::Decimal::fromUnits(row.int64(4)));
            trade.orderId = QString::number(row.int64(5));
            trade.clientOrderId = row.text(6);
            trade.aggressor = row.int64(7) != 0;
            trade.time = QDateTime::fromMSecsSinceEpoch(row.int64(8), Qt::UTC);
            return trade;
        });
}

Result<void> SqliteStore::saveBookState(const BookState &state)
{
    return m_database->run(
        "INSERT INTO book_state (symbol, last_sequence, last_trade_units) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (symbol) DO UPDATE SET last_sequence = excluded.last_sequence, "
        "last_trade_units = excluded.last_trade_units",
        state.symbol, std::int64_t(state.lastSequence), unitsOf(state.lastTrade));
}

Result<QList<BookState>> SqliteStore::bookStates()
{
    return collect<BookState>(
        m_database->query("SELECT symbol, last_sequence, last_trade_units FROM book_state"),
        [](const SqliteDatabase::Statement &row) {
            BookState state;
            state.symbol = row.text(0);
            state.lastSequence = quint64(row.int64(1));
            if (!row.isNull(2))
                state.lastTrade = core::Price(core::Decimal::fromUnits(row.int64(2)));
            return state;
        });
}

Result<std::optional<RiskLimits>> SqliteStore::riskLimits(std::int64_t userId,
                                                          const QString &product)
{
    return findOne<RiskLimits>(
        m_database->query("SELECT product, max_order_quantity_units, max_notional_units, "
                          "max_position_units, credit_limit_units FROM risk_limits "
                          "WHERE user_id = ?1 AND product = ?2",
                          userId, product),
        limitsFromRow);
}

Result<QList<RiskLimits>> SqliteStore::allRiskLimits(std::int64_t userId)
{
    return collect<RiskLimits>(
        m_database->query("SELECT product, max_order_quantity_units, max_notional_units, "
                          "max_position_units, credit_limit_units FROM risk_limits "
                          "WHERE user_id = ?1 ORDER BY product",
                          userId),
        limitsFromRow);
}

Result<void> SqliteStore::saveRiskLimits(std::int64_t userId, const RiskLimits &limits)
{
    return m_database->run(
        "INSERT INTO risk_limits (user_id, product, max_order_quantity_units, "
        "max_notional_units, max_position_units, credit_limit_units) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (user_id, product) DO UPDATE SET "
        "max_order_quantity_units = excluded.max_order_quantity_units, "
        "max_notional_units = excluded.max_notional_units, "
        "max_position_units = excluded.max_position_units, "
        "credit_limit_units = excluded.credit_limit_units",
        userId, limits.product, unitsOf(limits.maxOrderQuantity), unitsOf(limits.maxNotional),
        unitsOf(limits.maxPosition), unitsOf(limits.creditLimit));
}

Result<QList<std::int64_t>> SqliteStore::counterpartyMembers(const QString &counterparty)
{
    return collect<std::int64_t>(
        m_database->query("SELECT id FROM users WHERE counterparty = ?1 ORDER BY id", counterparty),
        [](const SqliteDatabase::Statement &row) { return row.int64(0); });
}

Result<std::optional<core::Money>> SqliteStore::creditLine(const QString &counterparty,
                                                           const QString &currency)
{
    return findOne<core::Money>(m_database->query("SELECT limit_units FROM credit_lines "
                                                  "WHERE counterparty = ?1 AND currency = ?2",
                                                  counterparty, currency),
                                [](const SqliteDatabase::Statement &row) {
                                    return core::Money(core::Decimal::fromUnits(row.int64(0)));
                                });
}

Result<QList<CreditLine>> SqliteStore::creditLines()
{
    return collect<CreditLine>(
        m_database->query("SELECT counterparty, currency, limit_units FROM credit_lines "
                          "ORDER BY counterparty, currency"),
        [](const SqliteDatabase::Statement &row) {
            return CreditLine { row.text(0), row.text(1),
                                core::Money(core::Decimal::fromUnits(row.int64(2))) };
        });
}

Result<void> SqliteStore::saveCreditLine(const QString &counterparty, const QString &currency,
                                         std::optional<core::Money> limit)
{
    if (!limit) {
        return m_database->run("DELETE FROM credit_lines WHERE counterparty = ?1 AND currency = ?2",
                               counterparty, currency);
    }
    return m_database->run(
        "INSERT INTO credit_lines (counterparty, currency, limit_units) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (counterparty, currency) DO UPDATE SET limit_units = excluded.limit_units",
        counterparty, currency, limit->decimal().units());
}

Result<void> SqliteStore::saveSettlement(const QString &symbol, QDate tradingDay, core::Price price)
{
    return m_database->run(
        "INSERT INTO settlement_prices (symbol, trading_day, price_units) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (symbol, trading_day) DO UPDATE SET price_units = excluded.price_units",
        symbol, tradingDay.toString(Qt::ISODate), price.decimal().units());
}

Result<QHash<QString, core::Price>> SqliteStore::latestSettlements()
{
    // ISO dates sort as text: the greatest trading day per symbol is the latest.
    Result<QList<std::pair<QString, core::Price>>> rows = collect<std::pair<QString, core::Price>>(
        m_database->query("SELECT s.symbol, s.price_units FROM settlement_prices s "
                          "JOIN (SELECT symbol, MAX(trading_day) AS day FROM settlement_prices "
                          "GROUP BY symbol) latest "
                          "ON latest.symbol = s.symbol AND latest.day = s.trading_day"),
        [](const SqliteDatabase::Statement &row) {
            return std::pair { row.text(0), core::Price(core::Decimal::fromUnits(row.int64(1))) };
        });
    if (!rows)
        return rows.error();
    QHash<QString, core::Price> latest;
    for (const auto &[symbol, price] : std::as_const(*rows))
        latest.insert(symbol, price);
    return latest;
}

Result<void> SqliteStore::saveRefreshToken(std::int64_t userId, const QByteArray &tokenHash,
                                           const QDateTime &expiresAt)
{
    return m_database->run("INSERT INTO refresh_tokens (token_hash, user_id, issued_at_ms, "
                           "expires_at_ms) VALUES (?1, ?2, ?3, ?4)",
                           tokenHash, userId, QDateTime::currentMSecsSinceEpoch(),
                           expiresAt.toMSecsSinceEpoch());
}

} // namespace qx::server
