#include "server/storage/sqlstore.h"

#include "server/storage/postgresdatabase.h"
#include "server/storage/sqlitedatabase.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QUrl>

#include <openssl/evp.h>

#include <limits>

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

StoredOrder orderFromRow(const SqlRows &row)
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

UserRecord userFromRow(const SqlRows &row)
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

bool isUniqueViolation(const Error &error)
{
    return error.is(core::ErrorCode::UniqueViolation);
}

// The migration lock's key (PostgreSQL advisory lock; SQLite needs none beyond its own).
constexpr std::int64_t kMigrationLock = 0x51584d4947524154; // "QXMIGRAT"
constexpr std::int64_t kAuditLock = 0x5158415544495421; // "QXAUDIT!"

// Runs `work` in one transaction, committed if it succeeds and rolled back if not.
template<typename Work>
auto inTransaction(SqlDatabase &database, Work work) -> decltype(work())
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
Result<QList<T>> collect(Result<std::unique_ptr<SqlRows>> rows, FromRow fromRow)
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
std::optional<T> optionalUnits(const SqlRows &row, int column)
{
    if (row.isNull(column))
        return std::nullopt;
    return T(core::Decimal::fromUnits(row.int64(column)));
}

RiskLimits limitsFromRow(const SqlRows &row)
{
    RiskLimits limits;
    limits.product = row.text(0);
    limits.maxOrderQuantity = optionalUnits<core::Quantity>(row, 1);
    limits.maxNotional = optionalUnits<core::Money>(row, 2);
    limits.maxPosition = optionalUnits<core::Quantity>(row, 3);
    limits.creditLimit = optionalUnits<core::Money>(row, 4);
    return limits;
}

TradeRecord tradeFromRow(const SqlRows &row)
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
Result<std::optional<T>> findOne(Result<std::unique_ptr<SqlRows>> row, FromRow fromRow)
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

SqlDatabase::Value nullable(const std::optional<std::int64_t> &value)
{
    return value ? SqlDatabase::Value(*value) : SqlDatabase::Value(nullptr);
}

// An order's columns from user_id to visible_units, as every INSERT of orders lists them.
void appendOrderFields(std::vector<SqlDatabase::Value> &values, std::int64_t userId,
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
Result<std::int64_t> returnedInteger(Result<std::unique_ptr<SqlRows>> rows)
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

} // namespace

Result<std::pair<SqlDatabase::Dialect, QString>> SqlStore::parseUrl(const QString &url)
{
    if (url.startsWith(u"sqlite:")) {
        const QString path = url.mid(7);
        if (!path.isEmpty())
            return std::pair { SqlDatabase::Dialect::Sqlite, path };
    } else if (url.startsWith(u"postgresql://") || url.startsWith(u"postgres://")) {
        return std::pair { SqlDatabase::Dialect::Postgresql, url };
    }
    return core::makeError(core::ErrorCode::InvalidDatabase,
                           QStringLiteral("The database must be sqlite:PATH or "
                                          "postgresql://USER@HOST:PORT/NAME, not \"%1\".")
                               .arg(url.left(200)));
}

Result<std::unique_ptr<SqlStore>> SqlStore::open(const QString &url, bool unsafeFast,
                                                 Migration migration)
{
    Result<std::pair<SqlDatabase::Dialect, QString>> location = parseUrl(url);
    if (!location)
        return location.error();
    std::unique_ptr<SqlDatabase> database;
    if (location->first == SqlDatabase::Dialect::Sqlite) {
        Result<std::unique_ptr<SqliteDatabase>> opened
            = SqliteDatabase::open(location->second, unsafeFast);
        if (!opened)
            return opened.error();
        database = std::move(opened).value();
    } else {
        Result<std::unique_ptr<PostgresDatabase>> opened
            = PostgresDatabase::open(location->second, unsafeFast);
        if (!opened)
            return opened.error();
        database = std::move(opened).value();
    }
    std::unique_ptr<SqlStore> store(new SqlStore(std::move(database)));
    store->m_url = location->second;
    if (migration == Migration::Leave)
        return store;
    if (Result<void> migrated = store->migrate(); !migrated)
        return migrated.error();
    return store;
}

namespace {

// Runs one of PostgreSQL's client programs (pg_dump, pg_restore) to completion on the database
// at `url`; a password in the URL goes through the environment, not the command line (which
// every user of the machine can read).
Result<void> runPostgresTool(const QString &program, QStringList arguments, const QString &url)
{
    QUrl location(url);
    QProcess process;
    if (!location.password().isEmpty()) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PGPASSWORD"), location.password());
        process.setProcessEnvironment(environment);
        location.setPassword({});
    }
    arguments << QStringLiteral("--dbname") << location.toString();
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForStarted(10'000)) {
        return core::makeError(core::ErrorCode::ToolMissing,
                               QStringLiteral("%1 is needed for PostgreSQL backups and is not "
                                              "installed (Debian: postgresql-client).")
                                   .arg(program));
    }
    process.waitForFinished(-1);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return core::makeError(
            core::ErrorCode::StorageError,
            QStringLiteral("%1 failed: %2")
                .arg(program, QString::fromLocal8Bit(process.readAll()).trimmed().left(2000)));
    }
    return {};
}

} // namespace

Result<void> SqlStore::backup(const QString &file)
{
    if (QFile::exists(file)) {
        return core::makeError(
            core::ErrorCode::FileExists,
            QStringLiteral("%1 exists already; the backup writes a new file.").arg(file));
    }
    if (auto *sqlite = dynamic_cast<SqliteDatabase *>(m_database.get()))
        return sqlite->backupTo(file);
    return runPostgresTool(QStringLiteral("pg_dump"),
                           { QStringLiteral("--format=custom"), QStringLiteral("--file"), file },
                           m_url);
}

Result<void> SqlStore::restore(const QString &file)
{
    if (!QFile::exists(file)) {
        return core::makeError(core::ErrorCode::NotFound,
                               QStringLiteral("No backup at %1.").arg(file));
    }
    if (auto *sqlite = dynamic_cast<SqliteDatabase *>(m_database.get())) {
        if (Result<void> restored = sqlite->restoreFrom(file); !restored)
            return restored;
    } else if (Result<void> restored = runPostgresTool(
                   QStringLiteral("pg_restore"),
                   { QStringLiteral("--clean"), QStringLiteral("--if-exists"),
                     QStringLiteral("--no-owner"), QStringLiteral("--single-transaction"), file },
                   m_url);
               !restored) {
        return restored;
    }
    return migrate(); // a backup of an older version gets the newer schema
}

namespace {

/// This build's migrations for `dialect`: version → file, in the resources.
QMap<int, QString> knownMigrations(SqlDatabase::Dialect dialect)
{
    static const QRegularExpression namePattern(QStringLiteral("^(\\d{4})_\\w+\\.sql$"));
    const QDir directory(dialect == SqlDatabase::Dialect::Sqlite
                             ? QStringLiteral(":/qx/migrations/sqlite")
                             : QStringLiteral(":/qx/migrations/postgresql"));
    QMap<int, QString> files;
    for (const QString &file : directory.entryList(QDir::Files, QDir::Name)) {
        const QRegularExpressionMatch match = namePattern.match(file);
        if (match.hasMatch())
            files.insert(match.captured(1).toInt(), directory.filePath(file));
    }
    return files;
}

constexpr const char *kCreateMigrationsTable
    = "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
      "name TEXT NOT NULL, applied_at_ms BIGINT NOT NULL)";

} // namespace

Result<void> SqlStore::migrate()
{
    const QMap<int, QString> files = knownMigrations(m_database->dialect());
    return inTransaction(*m_database, [&]() -> Result<void> {
        if (Result<void> locked = m_database->lockForTransaction(kMigrationLock); !locked)
            return locked;
        if (Result<void> table = m_database->execute(QByteArray(kCreateMigrationsTable)); !table)
            return table;
        Result<int> current = schemaVersion();
        if (!current)
            return current.error();
        const int latest = files.isEmpty() ? 0 : files.lastKey();
        if (*current > latest) {
            return core::makeError(
                core::ErrorCode::SchemaTooNew,
                QStringLiteral("The database has schema version %1; this build knows up to %2. "
                               "Run a build at least as new as the one that migrated it.")
                    .arg(*current)
                    .arg(latest));
        }
        for (auto file = files.upperBound(*current); file != files.cend(); ++file) {
            const QString name = QFileInfo(file.value()).fileName();
            QFile script(file.value());
            if (!script.open(QIODevice::ReadOnly))
                return core::makeError(core::ErrorCode::StorageError,
                                       QStringLiteral("Cannot read migration %1").arg(name));
            if (Result<void> applied = m_database->execute(script.readAll()); !applied)
                return core::makeError(
                    core::ErrorCode::StorageError,
                    QStringLiteral("Migration %1 failed: %2").arg(name, applied.error().message));
            if (Result<void> recorded
                = m_database->run("INSERT INTO schema_migrations VALUES ($1, $2, $3)", file.key(),
                                  name, QDateTime::currentMSecsSinceEpoch());
                !recorded) {
                return recorded;
            }
        }
        return {};
    });
}

Result<QList<SqlStore::MigrationState>> SqlStore::migrations()
{
    QMap<int, MigrationState> states;
    const QMap<int, QString> files = knownMigrations(m_database->dialect());
    for (auto file = files.cbegin(); file != files.cend(); ++file)
        states.insert(file.key(), { file.key(), QFileInfo(file.value()).fileName(), true, {} });
    // A database never migrated has no table yet, and that is no error here.
    Result<std::unique_ptr<SqlRows>> tables = m_database->query(
        m_database->dialect() == SqlDatabase::Dialect::Sqlite
            ? "SELECT COUNT(*) FROM sqlite_master WHERE name = 'schema_migrations'"
            : "SELECT COUNT(*) FROM pg_tables WHERE tablename = 'schema_migrations' "
              "AND schemaname = current_schema()");
    if (!tables)
        return tables.error();
    if (!(*tables)->next().value_or(false) || (*tables)->int64(0) == 0)
        return states.values();
    Result<std::unique_ptr<SqlRows>> applied = m_database->query(
        "SELECT version, name, applied_at_ms FROM schema_migrations ORDER BY version");
    if (!applied)
        return applied.error();
    while (true) {
        Result<bool> row = (*applied)->next();
        if (!row)
            return row.error();
        if (!*row)
            break;
        const int version = int((*applied)->int64(0));
        MigrationState &state = states[version];
        state.version = version;
        if (!state.known)
            state.name = (*applied)->text(1);
        state.appliedAt = QDateTime::fromMSecsSinceEpoch((*applied)->int64(2), Qt::UTC);
    }
    return states.values();
}

Result<int> SqlStore::schemaVersion()
{
    Result<std::optional<int>> version
        = findOne<int>(m_database->query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"),
                       [](const SqlRows &row) { return int(row.int64(0)); });
    if (!version)
        return version.error();
    return version->value_or(0);
}

Result<UserRecord> SqlStore::addUser(const QString &username, const QString &role,
                                     const QByteArray &passwordHash)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Result<std::int64_t> inserted = returnedInteger(
        m_database->query("INSERT INTO users (username, role, password_hash, created_at_ms) "
                          "VALUES ($1, $2, $3, $4) RETURNING id",
                          username, role, QString::fromUtf8(passwordHash), now));
    if (!inserted) {
        if (isUniqueViolation(inserted.error()))
            return core::makeError(core::ErrorCode::UserExists,
                                   QStringLiteral("The user %1 already exists.").arg(username));
        return inserted.error();
    }
    UserRecord user;
    user.id = *inserted;
    user.username = username;
    user.role = role;
    user.passwordHash = passwordHash;
    user.createdAt = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    return user;
}

Result<void> SqlStore::updateUser(const UserRecord &user)
{
    return m_database->run(
        "UPDATE users SET role = $2, password_hash = $3, disabled = $4, self_trade = $5, "
        "counterparty = NULLIF($6, '') WHERE id = $1",
        user.id, user.role, QString::fromUtf8(user.passwordHash), user.disabled, user.selfTrade,
        user.counterparty);
}

Result<std::optional<UserRecord>> SqlStore::findUser(const QString &username)
{
    return findOne<UserRecord>(
        m_database->query("SELECT " QX_USER_COLUMNS " FROM users WHERE username = $1", username),
        userFromRow);
}

Result<std::optional<UserRecord>> SqlStore::findUserById(std::int64_t userId)
{
    return findOne<UserRecord>(
        m_database->query("SELECT " QX_USER_COLUMNS " FROM users WHERE id = $1", userId),
        userFromRow);
}

Result<bool> SqlStore::upgradePasswordHash(std::int64_t userId, const QByteArray &oldHash,
                                           const QByteArray &newHash)
{
    return m_database->changeOne(
        "UPDATE users SET password_hash = $3 WHERE id = $1 AND password_hash = $2", userId,
        QString::fromUtf8(oldHash), QString::fromUtf8(newHash));
}

Result<bool> SqlStore::sealTotpSecret(std::int64_t userId, const QByteArray &stored,
                                      const QByteArray &sealed)
{
    return m_database->changeOne(
        "UPDATE users SET totp_secret = $3 WHERE id = $1 AND totp_secret = $2", userId, stored,
        sealed);
}

Result<QList<UserRecord>> SqlStore::users()
{
    return collect<UserRecord>(
        m_database->query("SELECT " QX_USER_COLUMNS " FROM users ORDER BY username"), userFromRow);
}

Result<void> SqlStore::saveInstruments(const QList<core::Instrument> &instruments)
{
    return inTransaction(*m_database, [&]() -> Result<void> {
        for (const core::Instrument &instrument : instruments) {
            const QString definition = QString::fromUtf8(
                QJsonDocument(protocol::toJson(instrument)).toJson(QJsonDocument::Compact));
            Result<void> saved = m_database->run(
                "INSERT INTO instruments (symbol, commodity, last_trading_day, definition) "
                "VALUES ($1, $2, $3, $4) ON CONFLICT (symbol) DO UPDATE SET "
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

Result<QList<core::Instrument>> SqlStore::instruments()
{
    return collect<core::Instrument>(
        m_database->query("SELECT definition FROM instruments ORDER BY symbol"),
        [](const SqlRows &row) {
            return protocol::instrumentFromJson(
                QJsonDocument::fromJson(row.text(0).toUtf8()).object());
        });
}

Result<void> SqlStore::begin()
{
    return m_database->begin();
}

Result<void> SqlStore::commit()
{
    return m_database->commit();
}

void SqlStore::rollback()
{
    m_database->rollback();
}

Result<protocol::Order> SqlStore::insertOrder(std::int64_t userId, const protocol::Order &order,
                                              const QByteArray &requestHash)
{
    const std::int64_t remaining
        = order.quantity.decimal().units() - order.filledQuantity.decimal().units();
    // The trading service numbers orders itself; anyone else gets the next number.
    const std::int64_t id = order.id.toLongLong();
    const char *sql = id > 0
        ? "INSERT INTO orders (user_id, client_order_id, request_hash, symbol, side, type, "
          "quantity_units, price_units, filled_units, status, created_at_ms, updated_at_ms, "
          "time_in_force, stop_price_units, display_units, expires_at_ms, reason, "
          "remaining_units, visible_units, id) "
          "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, "
          "$18, $19, $20)"
        : "INSERT INTO orders (user_id, client_order_id, request_hash, symbol, side, type, "
          "quantity_units, price_units, filled_units, status, created_at_ms, updated_at_ms, "
          "time_in_force, stop_price_units, display_units, expires_at_ms, reason, "
          "remaining_units, visible_units) "
          "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, "
          "$18, $19) RETURNING id";
    std::vector<SqlDatabase::Value> values;
    values.reserve(20);
    appendOrderFields(values, userId, order, requestHash, remaining,
                      order.displayQuantity
                          ? std::min(order.displayQuantity->decimal().units(), remaining)
                          : remaining);
    Result<std::int64_t> inserted = id;
    if (id > 0) {
        // The hot path of the trading writer: a kept statement, no row to read back.
        values.emplace_back(id);
        if (Result<std::int64_t> changed = m_database->change(sql, values); !changed)
            inserted = changed.error();
    } else {
        inserted = returnedInteger(m_database->select(sql, values));
    }
    if (!inserted) {
        if (isUniqueViolation(inserted.error()))
            return core::makeError(core::ErrorCode::DuplicateClientOrderId,
                                   QStringLiteral("The client order id %1 is already in use.")
                                       .arg(order.clientOrderId));
        return inserted.error();
    }
    protocol::Order saved = order;
    saved.id = QString::number(*inserted);
    return saved;
}

Result<void> SqlStore::updateOrder(const StoredOrder &stored)
{
    const protocol::Order &order = stored.order;
    return m_database->run(
        "UPDATE orders SET price_units = $2, quantity_units = $3, filled_units = $4, "
        "status = $5, reason = $6, updated_at_ms = $7, remaining_units = $8, "
        "visible_units = $9, priority = $10, pending_stop = $11, filled_value_units = $12 "
        "WHERE id = $1",
        order.id.toLongLong(), order.price.decimal().units(), order.quantity.decimal().units(),
        order.filledQuantity.decimal().units(), protocol::toString(order.status), order.reason,
        order.updatedAt.toMSecsSinceEpoch(), stored.remaining.decimal().units(),
        stored.visible.decimal().units(), std::int64_t(stored.priority), stored.pendingStop,
        stored.filledValue.units());
}

Result<QList<StoredOrder>> SqlStore::liveOrders()
{
    return collect<StoredOrder>(
        m_database->query(
            orderQuery("WHERE o.status IN ('open', 'partially_filled') ORDER BY o.priority, o.id")
                .constData()),
        orderFromRow);
}

Result<std::optional<StoredOrder>> SqlStore::findOrder(std::int64_t orderId)
{
    return findOne<StoredOrder>(
        m_database->query(orderQuery("WHERE o.id = $1").constData(), orderId), orderFromRow);
}

Result<std::optional<StoredOrder>> SqlStore::findOrderByClientId(std::int64_t userId,
                                                                 const QString &clientOrderId)
{
    return findOne<StoredOrder>(
        m_database->query(orderQuery("WHERE o.user_id = $1 AND o.client_order_id = $2").constData(),
                          userId, clientOrderId),
        orderFromRow);
}

Result<QList<protocol::Order>> SqlStore::orders(std::int64_t userId, std::int64_t beforeId,
                                                int limit)
{
    return collect<protocol::Order>(
        m_database->query(
            orderQuery("WHERE o.user_id = $1 AND ($2 = 0 OR o.id < $2) ORDER BY o.id DESC "
                       "LIMIT $3")
                .constData(),
            userId, beforeId,
            limit > 0 ? std::int64_t(limit) : std::numeric_limits<std::int64_t>::max()),
        [](const SqlRows &row) { return orderFromRow(row).order; });
}

Result<std::int64_t> SqlStore::insertTrade(const TradeRecord &trade)
{
    std::vector<SqlDatabase::Value> values {
        trade.symbol,
        trade.price.decimal().units(),
        trade.quantity.decimal().units(),
        trade.buyOrderId,
        trade.sellOrderId,
        protocol::toString(trade.aggressor),
        std::int64_t(trade.sequence),
        trade.time.toMSecsSinceEpoch(),
    };
    if (trade.id > 0) { // numbered by the trading service: as insertOrder
        values.emplace_back(trade.id);
        Result<std::int64_t> changed = m_database->change(
            "INSERT INTO trades (symbol, price_units, quantity_units, buy_order_id, "
            "sell_order_id, aggressor_side, book_sequence, executed_at_ms, id) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            values);
        if (!changed)
            return changed.error();
        return trade.id;
    }
    return returnedInteger(
        m_database->select("INSERT INTO trades (symbol, price_units, quantity_units, "
                           "buy_order_id, sell_order_id, aggressor_side, book_sequence, "
                           "executed_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                           values));
}

Result<Store::LastIds> SqlStore::lastIds()
{
    Result<std::optional<LastIds>> ids
        = findOne<LastIds>(m_database->query("SELECT (SELECT COALESCE(MAX(id), 0) FROM orders), "
                                             "(SELECT COALESCE(MAX(id), 0) FROM trades)"),
                           [](const SqlRows &row) {
                               return LastIds { row.int64(0), row.int64(1) };
                           });
    if (!ids)
        return ids.error();
    return ids->value_or(LastIds {});
}

Result<std::int64_t> SqlStore::reserveIds(IdKind kind, std::int64_t count)
{
    return returnedInteger(m_database->query(
        "UPDATE id_blocks SET next = next + $2 WHERE kind = $1 RETURNING next - $2",
        kind == IdKind::Order ? QStringLiteral("order") : QStringLiteral("trade"), count));
}

Result<std::int64_t> SqlStore::saveBookOwner(const BookOwner &owner)
{
    return returnedInteger(m_database->query(
        "INSERT INTO book_owners (symbol, instance, url, since_ms, epoch) VALUES ($1, $2, $3, $4, "
        "1) "
        "ON CONFLICT (symbol) DO UPDATE SET instance = excluded.instance, url = excluded.url, "
        "since_ms = excluded.since_ms, epoch = book_owners.epoch + 1 RETURNING epoch",
        owner.symbol, owner.instance, owner.url, QDateTime::currentMSecsSinceEpoch()));
}

Result<QString> SqlStore::agreeClusterSetting(const QString &name, const QString &proposed)
{
    if (Result<void> claimed = m_database->run("INSERT INTO cluster_settings (name, value) "
                                               "VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
                                               name, proposed);
        !claimed) {
        return claimed.error();
    }
    Result<std::optional<QString>> value = findOne<QString>(
        m_database->query("SELECT value FROM cluster_settings WHERE name = $1", name),
        [](const SqlRows &row) { return row.text(0); });
    if (!value)
        return value.error();
    return value->value_or(proposed);
}

Result<void> SqlStore::setClusterSetting(const QString &name, const QString &value)
{
    return m_database->run("INSERT INTO cluster_settings (name, value) VALUES ($1, $2) "
                           "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                           name, value);
}

Result<QList<Store::BookOwner>> SqlStore::bookOwners()
{
    return collect<BookOwner>(
        m_database->query("SELECT symbol, instance, url, epoch FROM book_owners"),
        [](const SqlRows &row) {
            return BookOwner { row.text(0), row.text(1), row.text(2), row.int64(3) };
        });
}

Result<QList<TradeRecord>> SqlStore::allTrades()
{
    return collect<TradeRecord>(
        m_database->query("SELECT t.id, t.symbol, t.price_units, t.quantity_units, "
                          "t.buy_order_id, t.sell_order_id, t.aggressor_side, t.book_sequence, "
                          "t.executed_at_ms, b.user_id, s.user_id FROM trades t "
                          "JOIN orders b ON b.id = t.buy_order_id "
                          "JOIN orders s ON s.id = t.sell_order_id "
                          "ORDER BY t.symbol, t.book_sequence, t.id"),
        tradeFromRow);
}

Result<QList<protocol::Trade>> SqlStore::trades(std::int64_t userId, std::int64_t beforeId,
                                                int limit)
{
    // Each fill seen from the user's side; a user trading with themselves sees both sides.
    Result<QList<protocol::Trade>> trades = collect<protocol::Trade>(
        m_database->query(
            "SELECT t.id, t.symbol, o.side, t.price_units, t.quantity_units, o.id, "
            "o.client_order_id, CASE WHEN t.aggressor_side = o.side THEN 1 ELSE 0 END, "
            "t.executed_at_ms FROM trades t "
            "JOIN orders o ON o.id = t.buy_order_id OR o.id = t.sell_order_id "
            "WHERE o.user_id = $1 AND ($2 = 0 OR t.id < $2) ORDER BY t.id DESC, o.side LIMIT $3",
            userId, beforeId,
            limit > 0 ? std::int64_t(limit) + 1 : std::numeric_limits<std::int64_t>::max()),
        [](const SqlRows &row) {
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
    if (!trades || limit <= 0 || trades->size() <= limit)
        return trades;
    // One row past the page was read: if it is the other side of the page's last trade, that
    // trade goes to the next page whole (unless it is all the page holds).
    const QString split = trades->at(limit).id;
    qsizetype keep = limit;
    while (keep > 0 && trades->at(keep - 1).id == split)
        --keep;
    trades->resize(keep > 0 ? keep : limit + 1);
    return trades;
}

Result<void> SqlStore::saveBookState(const BookState &state)
{
    return m_database->run(
        "INSERT INTO book_state (symbol, last_sequence, last_trade_units) VALUES ($1, $2, $3) "
        "ON CONFLICT (symbol) DO UPDATE SET last_sequence = excluded.last_sequence, "
        "last_trade_units = excluded.last_trade_units",
        state.symbol, std::int64_t(state.lastSequence), unitsOf(state.lastTrade));
}

Result<QList<BookState>> SqlStore::bookStates()
{
    return collect<BookState>(
        m_database->query("SELECT symbol, last_sequence, last_trade_units FROM book_state"),
        [](const SqlRows &row) {
            BookState state;
            state.symbol = row.text(0);
            state.lastSequence = quint64(row.int64(1));
            if (!row.isNull(2))
                state.lastTrade = core::Price(core::Decimal::fromUnits(row.int64(2)));
            return state;
        });
}

Result<std::optional<RiskLimits>> SqlStore::riskLimits(std::int64_t userId, const QString &product)
{
    return findOne<RiskLimits>(
        m_database->query("SELECT product, max_order_quantity_units, max_notional_units, "
                          "max_position_units, credit_limit_units FROM risk_limits "
                          "WHERE user_id = $1 AND product = $2",
                          userId, product),
        limitsFromRow);
}

Result<QList<RiskLimits>> SqlStore::allRiskLimits(std::int64_t userId)
{
    return collect<RiskLimits>(
        m_database->query("SELECT product, max_order_quantity_units, max_notional_units, "
                          "max_position_units, credit_limit_units FROM risk_limits "
                          "WHERE user_id = $1 ORDER BY product",
                          userId),
        limitsFromRow);
}

Result<QHash<std::int64_t, QList<RiskLimits>>> SqlStore::everyonesRiskLimits()
{
    Result<QList<std::pair<std::int64_t, RiskLimits>>> rows
        = collect<std::pair<std::int64_t, RiskLimits>>(
            m_database->query("SELECT product, max_order_quantity_units, max_notional_units, "
                              "max_position_units, credit_limit_units, user_id FROM risk_limits"),
            [](const SqlRows &row) {
                return std::pair { row.int64(5), limitsFromRow(row) };
            });
    if (!rows)
        return rows.error();
    QHash<std::int64_t, QList<RiskLimits>> limits;
    for (const auto &[user, limit] : std::as_const(*rows))
        limits[user].append(limit);
    return limits;
}

Result<std::int64_t> SqlStore::configVersion()
{
    Result<std::optional<std::int64_t>> version
        = findOne<std::int64_t>(m_database->query("SELECT version FROM config_version"),
                                [](const SqlRows &row) { return row.int64(0); });
    if (!version)
        return version.error();
    return version->value_or(0);
}

Result<void> SqlStore::forEachClientOrderId(
    const std::function<void(std::int64_t, const QString &)> &each)
{
    Result<std::unique_ptr<SqlRows>> rows
        = m_database->query("SELECT user_id, client_order_id FROM orders ORDER BY id");
    if (!rows)
        return rows.error();
    for (;;) {
        Result<bool> more = (*rows)->next();
        if (!more)
            return more.error();
        if (!*more)
            return {};
        each((*rows)->int64(0), (*rows)->text(1));
    }
}

Result<void> SqlStore::saveRiskLimits(std::int64_t userId, const RiskLimits &limits)
{
    return m_database->run(
        "INSERT INTO risk_limits (user_id, product, max_order_quantity_units, "
        "max_notional_units, max_position_units, credit_limit_units) "
        "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (user_id, product) DO UPDATE SET "
        "max_order_quantity_units = excluded.max_order_quantity_units, "
        "max_notional_units = excluded.max_notional_units, "
        "max_position_units = excluded.max_position_units, "
        "credit_limit_units = excluded.credit_limit_units",
        userId, limits.product, unitsOf(limits.maxOrderQuantity), unitsOf(limits.maxNotional),
        unitsOf(limits.maxPosition), unitsOf(limits.creditLimit));
}

Result<QList<std::int64_t>> SqlStore::counterpartyMembers(const QString &counterparty)
{
    return collect<std::int64_t>(
        m_database->query("SELECT id FROM users WHERE counterparty = $1 ORDER BY id", counterparty),
        [](const SqlRows &row) { return row.int64(0); });
}

Result<std::optional<core::Money>> SqlStore::creditLine(const QString &counterparty,
                                                        const QString &currency)
{
    return findOne<core::Money>(
        m_database->query("SELECT limit_units FROM credit_lines "
                          "WHERE counterparty = $1 AND currency = $2",
                          counterparty, currency),
        [](const SqlRows &row) { return core::Money(core::Decimal::fromUnits(row.int64(0))); });
}

Result<QList<CreditLine>> SqlStore::creditLines()
{
    return collect<CreditLine>(
        m_database->query("SELECT counterparty, currency, limit_units FROM credit_lines "
                          "ORDER BY counterparty, currency"),
        [](const SqlRows &row) {
            return CreditLine { row.text(0), row.text(1),
                                core::Money(core::Decimal::fromUnits(row.int64(2))) };
        });
}

Result<void> SqlStore::saveCreditLine(const QString &counterparty, const QString &currency,
                                      std::optional<core::Money> limit)
{
    if (!limit) {
        return m_database->run("DELETE FROM credit_lines WHERE counterparty = $1 AND currency = $2",
                               counterparty, currency);
    }
    return m_database->run(
        "INSERT INTO credit_lines (counterparty, currency, limit_units) VALUES ($1, $2, $3) "
        "ON CONFLICT (counterparty, currency) DO UPDATE SET limit_units = excluded.limit_units",
        counterparty, currency, limit->decimal().units());
}

Result<void> SqlStore::saveSettlement(const QString &symbol, QDate tradingDay, core::Price price)
{
    return m_database->run(
        "INSERT INTO settlement_prices (symbol, trading_day, price_units) VALUES ($1, $2, $3) "
        "ON CONFLICT (symbol, trading_day) DO UPDATE SET price_units = excluded.price_units",
        symbol, tradingDay.toString(Qt::ISODate), price.decimal().units());
}

Result<QHash<QString, core::Price>> SqlStore::latestSettlements()
{
    // ISO dates sort as text: the greatest trading day per symbol is the latest.
    Result<QList<std::pair<QString, core::Price>>> rows = collect<std::pair<QString, core::Price>>(
        m_database->query("SELECT s.symbol, s.price_units FROM settlement_prices s "
                          "JOIN (SELECT symbol, MAX(trading_day) AS day FROM settlement_prices "
                          "GROUP BY symbol) latest "
                          "ON latest.symbol = s.symbol AND latest.day = s.trading_day"),
        [](const SqlRows &row) {
            return std::pair { row.text(0), core::Price(core::Decimal::fromUnits(row.int64(1))) };
        });
    if (!rows)
        return rows.error();
    QHash<QString, core::Price> latest;
    for (const auto &[symbol, price] : std::as_const(*rows))
        latest.insert(symbol, price);
    return latest;
}

Result<void> SqlStore::saveRefreshToken(std::int64_t userId, const QByteArray &tokenHash,
                                        const QString &family, const QDateTime &expiresAt)
{
    return m_database->run("INSERT INTO refresh_tokens (token_hash, user_id, issued_at_ms, "
                           "expires_at_ms, family) VALUES ($1, $2, $3, $4, $5)",
                           tokenHash, userId, QDateTime::currentMSecsSinceEpoch(),
                           expiresAt.toMSecsSinceEpoch(), family);
}

Result<RefreshRotation> SqlStore::rotateRefreshToken(const QByteArray &oldHash,
                                                     const QByteArray &newHash,
                                                     const QDateTime &expiresAt, qint64 graceMs)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    return inTransaction(*m_database, [&]() -> Result<RefreshRotation> {
        // Used once: of requests racing with one token, exactly one changes the row.
        Result<std::optional<std::pair<std::int64_t, QString>>> taken
            = findOne<std::pair<std::int64_t, QString>>(
                m_database->query("UPDATE refresh_tokens SET used_at_ms = $2 "
                                  "WHERE token_hash = $1 AND used_at_ms IS NULL "
                                  "AND revoked_at_ms IS NULL AND expires_at_ms > $2 "
                                  "RETURNING user_id, family",
                                  oldHash, now),
                [](const SqlRows &row) { return std::pair(row.int64(0), row.text(1)); });
        if (!taken)
            return taken.error();
        RefreshRotation rotation;
        if (*taken) {
            rotation.outcome = RefreshRotation::Outcome::Rotated;
            rotation.userId = (*taken)->first;
            rotation.family = (*taken)->second;
            if (Result<void> saved = m_database->run(
                    "INSERT INTO refresh_tokens (token_hash, user_id, issued_at_ms, "
                    "expires_at_ms, family) VALUES ($1, $2, $3, $4, $5)",
                    newHash, rotation.userId, now, expiresAt.toMSecsSinceEpoch(), rotation.family);
                !saved) {
                return saved.error();
            }
            return rotation;
        }
        struct Seen
        {
            std::int64_t userId;
            QString family;
            std::optional<qint64> usedAt;
            bool live;
        };
        Result<std::optional<Seen>> seen = findOne<Seen>(
            m_database->query(
                "SELECT user_id, family, used_at_ms, "
                "CASE WHEN revoked_at_ms IS NULL AND expires_at_ms > $2 THEN 1 ELSE 0 END "
                "FROM refresh_tokens WHERE token_hash = $1",
                oldHash, now),
            [](const SqlRows &row) {
                return Seen { row.int64(0), row.text(1),
                              row.isNull(2) ? std::nullopt : std::optional(row.int64(2)),
                              row.int64(3) != 0 };
            });
        if (!seen)
            return seen.error();
        if (!*seen || !(*seen)->usedAt || !(*seen)->live)
            return rotation; // Invalid
        rotation.userId = (*seen)->userId;
        rotation.family = (*seen)->family;
        if (now - *(*seen)->usedAt < graceMs) {
            rotation.outcome = RefreshRotation::Outcome::JustUsed;
            return rotation;
        }
        rotation.outcome = RefreshRotation::Outcome::Reused;
        if (Result<void> revoked = m_database->run("UPDATE refresh_tokens SET revoked_at_ms = $2 "
                                                   "WHERE family = $1 AND revoked_at_ms IS NULL",
                                                   rotation.family, now);
            !revoked) {
            return revoked.error();
        }
        return rotation;
    });
}

Result<void> SqlStore::setTotpSecret(std::int64_t userId, const QByteArray &secret)
{
    return m_database->run("UPDATE users SET totp_secret = $2, totp_enabled = 0, "
                           "totp_last_step = 0 WHERE id = $1",
                           userId, secret);
}

Result<void> SqlStore::enableTotp(std::int64_t userId, std::int64_t step,
                                  const QList<QByteArray> &recoveryCodeHashes)
{
    return inTransaction(*m_database, [&]() -> Result<void> {
        if (Result<void> enabled = m_database->run(
                "UPDATE users SET totp_enabled = 1, totp_last_step = $2 WHERE id = $1", userId,
                step);
            !enabled) {
            return enabled;
        }
        if (Result<void> cleared
            = m_database->run("DELETE FROM recovery_codes WHERE user_id = $1", userId);
            !cleared) {
            return cleared;
        }
        for (const QByteArray &hash : recoveryCodeHashes) {
            if (Result<void> saved
                = m_database->run("INSERT INTO recovery_codes (code_hash, user_id) VALUES ($1, $2)",
                                  hash, userId);
                !saved) {
                return saved;
            }
        }
        return {};
    });
}

Result<void> SqlStore::disableTotp(std::int64_t userId)
{
    return inTransaction(*m_database, [&]() -> Result<void> {
        if (Result<void> cleared
            = m_database->run("DELETE FROM recovery_codes WHERE user_id = $1", userId);
            !cleared) {
            return cleared;
        }
        return m_database->run("UPDATE users SET totp_secret = NULL, totp_enabled = 0, "
                               "totp_last_step = 0 WHERE id = $1",
                               userId);
    });
}

Result<bool> SqlStore::useTotpStep(std::int64_t userId, std::int64_t step)
{
    return m_database->changeOne(
        "UPDATE users SET totp_last_step = $2 WHERE id = $1 AND totp_enabled = 1 "
        "AND totp_last_step < $2",
        userId, step);
}

Result<bool> SqlStore::useRecoveryCode(std::int64_t userId, const QByteArray &hash)
{
    return m_database->changeOne(
        "UPDATE recovery_codes SET used_at_ms = $3 WHERE user_id = $1 AND code_hash = $2 "
        "AND used_at_ms IS NULL",
        userId, hash, QDateTime::currentMSecsSinceEpoch());
}

namespace {

constexpr const char *kApiKeyColumns = "id, user_id, name, scopes, created_at_ms, expires_at_ms, "
                                       "last_used_at_ms, revoked_at_ms";

QDateTime timeOrInvalid(const SqlRows &row, int column)
{
    return row.isNull(column) ? QDateTime()
                              : QDateTime::fromMSecsSinceEpoch(row.int64(column), Qt::UTC);
}

ApiKeyRecord apiKeyFromRow(const SqlRows &row)
{
    return ApiKeyRecord { row.int64(0),          row.int64(1),
                          row.text(2),           row.text(3).split(u',', Qt::SkipEmptyParts),
                          timeOrInvalid(row, 4), timeOrInvalid(row, 5),
                          timeOrInvalid(row, 6), timeOrInvalid(row, 7) };
}

} // namespace

Result<std::int64_t> SqlStore::addApiKey(const ApiKeyRecord &key, const QByteArray &keyHash)
{
    return returnedInteger(m_database->query(
        "INSERT INTO api_keys (user_id, name, key_hash, scopes, created_at_ms, expires_at_ms) "
        "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        key.userId, key.name, keyHash, key.scopes.join(u','), key.createdAt.toMSecsSinceEpoch(),
        key.expiresAt.toMSecsSinceEpoch()));
}

Result<QList<ApiKeyRecord>> SqlStore::apiKeys(std::int64_t userId)
{
    const QByteArray sql = QByteArray("SELECT ") + kApiKeyColumns
        + " FROM api_keys WHERE ($1 = 0 OR user_id = $1) ORDER BY id";
    return collect<ApiKeyRecord>(m_database->query(sql.constData(), userId), apiKeyFromRow);
}

Result<std::optional<ApiKeyRecord>> SqlStore::findApiKey(const QByteArray &keyHash)
{
    const QByteArray sql
        = QByteArray("SELECT ") + kApiKeyColumns + " FROM api_keys WHERE key_hash = $1";
    return findOne<ApiKeyRecord>(m_database->query(sql.constData(), keyHash), apiKeyFromRow);
}

Result<bool> SqlStore::revokeApiKey(std::int64_t userId, std::int64_t keyId)
{
    return m_database->changeOne(
        "UPDATE api_keys SET revoked_at_ms = $3 WHERE id = $1 AND ($2 = 0 OR user_id = $2) "
        "AND revoked_at_ms IS NULL",
        keyId, userId, QDateTime::currentMSecsSinceEpoch());
}

Result<void> SqlStore::noteApiKeyUse(std::int64_t keyId, const QDateTime &at)
{
    return m_database->run("UPDATE api_keys SET last_used_at_ms = $2 WHERE id = $1", keyId,
                           at.toMSecsSinceEpoch());
}

QByteArray SqlStore::auditHash(const QByteArray &previous, const AuditEntry &entry)
{
    // Each field with its length first: no two different entries hash alike. Built in one
    // buffer and hashed at once (a trading batch hashes hundreds).
    QByteArray buffer;
    buffer.reserve(previous.size() + 256);
    const auto add = [&buffer](QByteArrayView field) {
        buffer.append(QByteArray::number(field.size())).append(':').append(field);
    };
    add(previous);
    add(QByteArray::number(entry.id));
    add(QByteArray::number(entry.at.toMSecsSinceEpoch()));
    for (const QString *field :
         { &entry.actor, &entry.source, &entry.action, &entry.target, &entry.detail })
        add(field->toUtf8());
    // OpenSSL's SHA-256 (SHA-NI where the CPU has it): several times Qt's own, and a trading
    // batch hashes its commands whole.
    QByteArray digest(32, Qt::Uninitialized);
    unsigned int length = 0;
    if (EVP_Digest(buffer.constData(), std::size_t(buffer.size()),
                   reinterpret_cast<unsigned char *>(digest.data()), &length, EVP_sha256(), nullptr)
        != 1)
        return QCryptographicHash::hash(buffer, QCryptographicHash::Sha256); // the same value
    return digest;
}

Result<void> SqlStore::appendAudit(const AuditEntry &entry)
{
    Result<AuditEntry> appended = appendAuditEntry(entry);
    if (!appended)
        return appended.error();
    return {};
}

Result<AuditEntry> SqlStore::appendAuditEntry(const AuditEntry &entry)
{
    AuditEntry stored = entry;
    Result<void> appended = inTransaction(*m_database, [&]() -> Result<void> {
        if (Result<void> locked = m_database->lockForTransaction(kAuditLock); !locked)
            return locked;
        Result<std::optional<std::pair<std::int64_t, QByteArray>>> last
            = findOne<std::pair<std::int64_t, QByteArray>>(
                m_database->query("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"),
                [](const SqlRows &row) { return std::pair(row.int64(0), row.blob(1)); });
        if (!last)
            return last.error();
        stored.id = *last ? (*last)->first + 1 : 1;
        stored.at = QDateTime::currentDateTimeUtc();
        stored.hash = auditHash(*last ? (*last)->second : QByteArray(), stored);
        return m_database->run("INSERT INTO audit_log (id, at_ms, actor, source, action, "
                               "target, detail, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                               stored.id, stored.at.toMSecsSinceEpoch(), stored.actor,
                               stored.source, stored.action, stored.target, stored.detail,
                               stored.hash);
    });
    if (!appended)
        return appended.error();
    return stored;
}

Result<QList<AuditEntry>> SqlStore::auditEntries(std::int64_t afterId, int limit)
{
    return collect<AuditEntry>(
        m_database->query("SELECT id, at_ms, actor, source, action, target, detail, hash "
                          "FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2",
                          afterId, limit),
        [](const SqlRows &row) {
            return AuditEntry { row.int64(0), QDateTime::fromMSecsSinceEpoch(row.int64(1), Qt::UTC),
                                row.text(2),  row.text(3),
                                row.text(4),  row.text(5),
                                row.text(6),  row.blob(7) };
        });
}

Result<std::optional<std::int64_t>> SqlStore::verifyAudit()
{
    QByteArray previous;
    std::int64_t expectedId = 1;
    for (std::int64_t after = 0;;) {
        Result<QList<AuditEntry>> page = auditEntries(after, 1000);
        if (!page)
            return page.error();
        if (page->isEmpty())
            return std::optional<std::int64_t>();
        for (const AuditEntry &entry : std::as_const(*page)) {
            if (entry.id != expectedId || auditHash(previous, entry) != entry.hash)
                return std::optional(entry.id == expectedId ? entry.id : expectedId);
            previous = entry.hash;
            ++expectedId;
        }
        after = page->last().id;
    }
}

Result<std::int64_t> SqlStore::revokeUserTokens(std::int64_t userId)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    return inTransaction(*m_database, [&]() -> Result<std::int64_t> {
        if (Result<void> revoked = m_database->run("UPDATE refresh_tokens SET revoked_at_ms = $2 "
                                                   "WHERE user_id = $1 AND revoked_at_ms IS NULL",
                                                   userId, now);
            !revoked) {
            return revoked.error();
        }
        return returnedInteger(m_database->query("UPDATE users SET token_generation = "
                                                 "token_generation + 1 WHERE id = $1 "
                                                 "RETURNING token_generation",
                                                 userId));
    });
}

namespace {

const std::vector<const char *> kOrderRowColumns { "id",
                                                   "user_id",
                                                   "client_order_id",
                                                   "request_hash",
                                                   "symbol",
                                                   "side",
                                                   "type",
                                                   "quantity_units",
                                                   "price_units",
                                                   "filled_units",
                                                   "status",
                                                   "created_at_ms",
                                                   "updated_at_ms",
                                                   "time_in_force",
                                                   "stop_price_units",
                                                   "display_units",
                                                   "expires_at_ms",
                                                   "reason",
                                                   "remaining_units",
                                                   "visible_units",
                                                   "priority",
                                                   "pending_stop",
                                                   "filled_value_units" };

const std::vector<const char *> kTradeColumns { "id",
                                                "symbol",
                                                "price_units",
                                                "quantity_units",
                                                "buy_order_id",
                                                "sell_order_id",
                                                "aggressor_side",
                                                "book_sequence",
                                                "executed_at_ms" };

// Every column of kOrderRowColumns for each order, row after row.
std::vector<SqlDatabase::Value> orderRows(const QList<StoredOrder> &orders)
{
    std::vector<SqlDatabase::Value> values;
    values.reserve(std::size_t(orders.size()) * kOrderRowColumns.size());
    for (const StoredOrder &stored : orders) {
        const protocol::Order &order = stored.order;
        values.emplace_back(order.id.toLongLong());
        appendOrderFields(values, stored.userId, order, stored.requestHash,
                          stored.remaining.decimal().units(), stored.visible.decimal().units());
        values.insert(values.end(),
                      { std::int64_t(stored.priority), std::int64_t(stored.pendingStop),
                        stored.filledValue.units() });
    }
    return values;
}

std::vector<SqlDatabase::Value> tradeRows(const QList<TradeRecord> &trades)
{
    std::vector<SqlDatabase::Value> values;
    values.reserve(std::size_t(trades.size()) * kTradeColumns.size());
    for (const TradeRecord &trade : trades) {
        values.insert(values.end(),
                      { trade.id, trade.symbol, trade.price.decimal().units(),
                        trade.quantity.decimal().units(), trade.buyOrderId, trade.sellOrderId,
                        protocol::toString(trade.aggressor), std::int64_t(trade.sequence),
                        trade.time.toMSecsSinceEpoch() });
    }
    return values;
}

std::vector<SqlDatabase::Value> bookRows(const QList<BookState> &books)
{
    std::vector<SqlDatabase::Value> values;
    for (const BookState &state : books) {
        values.insert(
            values.end(),
            { state.symbol, std::int64_t(state.lastSequence), nullable(unitsOf(state.lastTrade)) });
    }
    return values;
}

constexpr const char *kOrderUpsert
    = "ON CONFLICT (id) DO UPDATE SET price_units = excluded.price_units, "
      "quantity_units = excluded.quantity_units, filled_units = excluded.filled_units, "
      "status = excluded.status, reason = excluded.reason, "
      "updated_at_ms = excluded.updated_at_ms, remaining_units = excluded.remaining_units, "
      "visible_units = excluded.visible_units, priority = excluded.priority, "
      "pending_stop = excluded.pending_stop, filled_value_units = excluded.filled_value_units";
const std::vector<const char *> kBookStateColumns { "symbol", "last_sequence", "last_trade_units" };
constexpr const char *kBookStateUpsert
    = "ON CONFLICT (symbol) DO UPDATE SET last_sequence = excluded.last_sequence, "
      "last_trade_units = excluded.last_trade_units";

// Rows as JSON objects keyed by column, every value as its column's input text (integers as
// strings: JSON numbers are doubles, and amounts in 10^-8 units need all 64 bits).
QJsonArray jsonRows(const std::vector<const char *> &columns,
                    const std::vector<SqlDatabase::Value> &values)
{
    QJsonArray rows;
    QJsonObject row;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const QString column = QLatin1StringView(columns[i % columns.size()]);
        row.insert(column,
                   std::visit(
                       [](const auto &value) -> QJsonValue {
                           using T = std::decay_t<decltype(value)>;
                           if constexpr (std::is_same_v<T, std::nullptr_t>)
                               return QJsonValue::Null;
                           else if constexpr (std::is_same_v<T, std::int64_t>)
                               return QString::number(value);
                           else if constexpr (std::is_same_v<T, QString>)
                               return value;
                           else
                               return QString::fromLatin1("\\x" + value.toHex());
                       },
                       values[i]));
        if ((i + 1) % columns.size() == 0)
            rows.append(std::exchange(row, {}));
    }
    return rows;
}

// INSERT INTO `table` the rows of $1's `key` (a JSON array of objects) `where`, then `tail`.
QByteArray insertFromJson(const char *table, const std::vector<const char *> &columns,
                          const char *key, const char *tail = "", const char *where = "")
{
    QByteArrayList names;
    for (const char *column : columns)
        names.append(column);
    const QByteArray list = names.join(", ");
    return QByteArray("INSERT INTO ") + table + " (" + list + ") SELECT " + list
        + " FROM jsonb_populate_recordset(NULL::" + table + ", $1::jsonb -> '" + key + "') " + where
        + ' ' + tail;
}

const std::vector<const char *> kFenceColumns { "symbol", "epoch" };
const std::vector<const char *> kOrderAuditColumns { "chain",    "seq",    "at_ms",
                                                     "commands", "detail", "hash" };

// A batch's trading commands as one entry of its chain: a line each, "AT_MS ACTION ORDER_ID
// USER ADDRESS DETAIL" (the detail last: it may hold spaces), hashed as one.
AuditEntry orderAuditEntry(std::int64_t seq, const QDateTime &at, qsizetype commands,
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

// Locks the fenced books' owner rows, each only if still at the writer's epoch, so a takeover
// (which raises the epoch) waits for this write or makes it fail. Parameter: a JSON array of
// {"symbol","epoch"}; changes as many rows as the books are still held.
const char *fenceStatement(SqlDatabase::Dialect dialect)
{
    if (dialect == SqlDatabase::Dialect::Postgresql) {
        return "UPDATE book_owners o SET epoch = o.epoch FROM jsonb_to_recordset($1::jsonb) "
               "AS f(symbol text, epoch bigint) WHERE o.symbol = f.symbol AND o.epoch = f.epoch";
    }
    return "UPDATE book_owners SET epoch = epoch WHERE EXISTS (SELECT 1 FROM json_each($1) AS f "
           "WHERE f.value ->> 'symbol' = book_owners.symbol "
           "AND f.value ->> 'epoch' = book_owners.epoch)";
}

// A whole TradingWrite as one PostgreSQL statement on one JSON parameter: one round trip and
// its own transaction, where BEGIN, a statement per table and COMMIT take six. Fenced, every
// insert depends on the fence holding, and the statement answers whether it did.
QByteArray oneStatementWrite(bool fenced)
{
    if (!fenced) {
        return "WITH audit AS (" + insertFromJson("order_audit", kOrderAuditColumns, "audit")
            + "), new_orders AS (" + insertFromJson("orders", kOrderRowColumns, "new_orders")
            + "), orders AS (" + insertFromJson("orders", kOrderRowColumns, "orders", kOrderUpsert)
            + "), trades AS (" + insertFromJson("trades", kTradeColumns, "trades") + ") "
            + insertFromJson("book_state", kBookStateColumns, "books", kBookStateUpsert);
    }
    constexpr const char *held = "WHERE (SELECT ok FROM held)";
    return "WITH fence AS (UPDATE book_owners o SET epoch = o.epoch FROM "
           "jsonb_to_recordset($1::jsonb -> 'fences') AS f(symbol text, epoch bigint) "
           "WHERE o.symbol = f.symbol AND o.epoch = f.epoch RETURNING 1), "
           "held AS (SELECT count(*) = jsonb_array_length($1::jsonb -> 'fences') AS ok "
           "FROM fence), new_orders AS ("
        + insertFromJson("orders", kOrderRowColumns, "new_orders", "", held) + "), orders AS ("
        + insertFromJson("orders", kOrderRowColumns, "orders", kOrderUpsert, held)
        + "), trades AS (" + insertFromJson("trades", kTradeColumns, "trades", "", held)
        + "), books AS ("
        + insertFromJson("book_state", kBookStateColumns, "books", kBookStateUpsert, held)
        + "), audit AS (" + insertFromJson("order_audit", kOrderAuditColumns, "audit", "", held)
        + ") SELECT ok::int FROM held";
}

std::vector<SqlDatabase::Value> fenceRows(const QList<BookFence> &fences)
{
    std::vector<SqlDatabase::Value> values;
    for (const BookFence &fence : fences)
        values.insert(values.end(), { fence.symbol, fence.epoch });
    return values;
}

core::Error bookMoved()
{
    return core::makeError(core::ErrorCode::BookMoved,
                           QStringLiteral("A book of this write is matched by another server "
                                          "now; nothing of it was stored."));
}

} // namespace

Result<std::pair<std::vector<SqlDatabase::Value>, SqlStore::OrderChain>> SqlStore::chainOrderAudit(
    const QStringList &entries)
{
    std::vector<SqlDatabase::Value> rows;
    if (entries.isEmpty())
        return std::pair(std::move(rows), m_orderChain.value_or(OrderChain {}));
    if (!m_orderChain) {
        // A new chain for this writer, anchored in the audit log (its number is the anchor's
        // id), so that a chain cannot be made up later.
        Result<AuditEntry> anchor = appendAuditEntry({ 0,
                                                       {},
                                                       QStringLiteral("server"),
                                                       QStringLiteral("local"),
                                                       QStringLiteral("order_chain_started"),
                                                       {},
                                                       {},
                                                       {} });
        if (!anchor)
            return anchor.error();
        m_orderChain = OrderChain { anchor->id, 0, anchor->hash };
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString lines = entries.join(u'\n');
    OrderChain chain = *m_orderChain;
    AuditEntry sealed = orderAuditEntry(++chain.seq, now, entries.size(), lines);
    chain.head = auditHash(chain.head, sealed);
    rows = {
        chain.id, sealed.id, now.toMSecsSinceEpoch(), qint64(entries.size()), lines, chain.head
    };
    return std::pair(std::move(rows), std::move(chain));
}

Result<void> SqlStore::commitTrading(const TradingWrite &write)
{
    auto chained = chainOrderAudit(write.audit);
    if (!chained)
        return chained.error();
    const std::vector<SqlDatabase::Value> &audit = chained->first;
    Result<void> written = [&]() -> Result<void> {
        const qsizetype rows = write.newOrders.size() + write.orders.size() + write.trades.size()
            + write.audit.size();
        if (m_database->dialect() == SqlDatabase::Dialect::Postgresql
            && rows <= kOneStatementRows) {
            static const QByteArray plain = oneStatementWrite(false);
            static const QByteArray fenced = oneStatementWrite(true);
            QJsonObject batch {
                { QStringLiteral("new_orders"),
                  jsonRows(kOrderRowColumns, orderRows(write.newOrders)) },
                { QStringLiteral("orders"), jsonRows(kOrderRowColumns, orderRows(write.orders)) },
                { QStringLiteral("trades"), jsonRows(kTradeColumns, tradeRows(write.trades)) },
                { QStringLiteral("books"), jsonRows(kBookStateColumns, bookRows(write.books)) },
                { QStringLiteral("audit"), jsonRows(kOrderAuditColumns, audit) },
            };
            if (write.fences.isEmpty()) {
                const Result<std::int64_t> written = m_database->change(
                    plain.constData(),
                    { QString::fromUtf8(QJsonDocument(batch).toJson(QJsonDocument::Compact)) });
                if (!written)
                    return written.error();
                return {};
            }
            batch.insert(QStringLiteral("fences"),
                         jsonRows(kFenceColumns, fenceRows(write.fences)));
            const Result<std::int64_t> held = returnedInteger(m_database->select(
                fenced.constData(),
                { QString::fromUtf8(QJsonDocument(batch).toJson(QJsonDocument::Compact)) }));
            if (!held)
                return held.error();
            return *held == 1 ? Result<void>() : Result<void>(bookMoved());
        }
        return inTransaction(*m_database, [&] { return writeTrading(write, audit); });
    }();
    if (written && !write.audit.isEmpty())
        m_orderChain = chained->second; // stored: the chain goes on from there
    return written;
}

Result<void> SqlStore::writeTrading(const TradingWrite &write,
                                    const std::vector<SqlDatabase::Value> &audit)
{
    // The fence first: its row locks keep a takeover waiting until this commits.
    if (!write.fences.isEmpty()) {
        const Result<std::int64_t> held = m_database->change(
            fenceStatement(m_database->dialect()),
            { QString::fromUtf8(QJsonDocument(jsonRows(kFenceColumns, fenceRows(write.fences)))
                                    .toJson(QJsonDocument::Compact)) });
        if (!held)
            return held.error();
        if (*held != write.fences.size())
            return bookMoved();
    }
    // New orders: plain inserts, in bulk (COPY on PostgreSQL).
    if (Result<void> inserted
        = m_database->bulkInsert("orders", kOrderRowColumns, orderRows(write.newOrders));
        !inserted) {
        return inserted;
    }
    // Orders stored before: brought up to date, whole.
    if (Result<void> updated
        = m_database->insertRows("orders", kOrderRowColumns, orderRows(write.orders), kOrderUpsert);
        !updated) {
        return updated;
    }
    // Trades, which refer to both.
    if (Result<void> inserted
        = m_database->bulkInsert("trades", kTradeColumns, tradeRows(write.trades));
        !inserted) {
        return inserted;
    }
    if (Result<void> inserted = m_database->bulkInsert("order_audit", kOrderAuditColumns, audit);
        !inserted) {
        return inserted;
    }
    return m_database->insertRows("book_state", kBookStateColumns, bookRows(write.books),
                                  kBookStateUpsert);
}

Result<std::optional<QString>> SqlStore::verifyOrderAudit()
{
    // Each chain from its anchor in audit_log, numbered from 1 without gaps.
    Result<QList<std::pair<std::int64_t, QByteArray>>> anchors
        = collect<std::pair<std::int64_t, QByteArray>>(
            m_database->query("SELECT id, hash FROM audit_log "
                              "WHERE action = 'order_chain_started' ORDER BY id"),
            [](const SqlRows &row) { return std::pair(row.int64(0), row.blob(1)); });
    if (!anchors)
        return anchors.error();
    QHash<std::int64_t, QByteArray> heads;
    for (const auto &[id, hash] : std::as_const(*anchors))
        heads.insert(id, hash);
    QHash<std::int64_t, std::int64_t> numbers;
    for (std::int64_t offset = 0;; offset += 100) {
        Result<QList<std::pair<std::int64_t, AuditEntry>>> page
            = collect<std::pair<std::int64_t, AuditEntry>>(
                m_database->query("SELECT chain, seq, at_ms, commands, detail, hash "
                                  "FROM order_audit ORDER BY chain, seq LIMIT 100 OFFSET $1",
                                  offset),
                [](const SqlRows &row) {
                    AuditEntry entry = orderAuditEntry(
                        row.int64(1), QDateTime::fromMSecsSinceEpoch(row.int64(2), Qt::UTC),
                        row.int64(3), row.text(4));
                    entry.hash = row.blob(5);
                    return std::pair(row.int64(0), entry);
                });
        if (!page)
            return page.error();
        if (page->isEmpty())
            return std::optional<QString>();
        for (const auto &[chain, entry] : std::as_const(*page)) {
            const auto head = heads.find(chain);
            const std::int64_t expected = numbers.value(chain) + 1;
            if (head == heads.end() || entry.id != expected
                || auditHash(*head, entry) != entry.hash) {
                return std::optional(
                    QStringLiteral("order chain %1, entry %2").arg(chain).arg(expected));
            }
            *head = entry.hash;
            numbers.insert(chain, expected);
        }
    }
}

Result<QList<AuditEntry>> SqlStore::orderAudit(const OrderAuditQuery &query)
{
    // A batch is stored after its commands were made: read from the first batch of the span
    // to a little past its end, a page of batches at a time.
    constexpr qint64 kCommitLagMs = 10'000;
    QList<AuditEntry> found;
    for (std::int64_t offset = 0; found.size() < query.limit; offset += 100) {
        Result<QList<std::pair<std::int64_t, QString>>> batches
            = collect<std::pair<std::int64_t, QString>>(
                m_database->query("SELECT seq, detail FROM order_audit WHERE at_ms BETWEEN $1 "
                                  "AND $2 ORDER BY at_ms, chain, seq LIMIT 100 OFFSET $3",
                                  query.fromMs, query.toMs + kCommitLagMs, offset),
                [](const SqlRows &row) { return std::pair(row.int64(0), row.text(1)); });
        if (!batches)
            return batches.error();
        if (batches->isEmpty())
            break;
        for (const auto &[seq, lines] : std::as_const(*batches)) {
            for (const QStringView line : QStringView(lines).split(u'\n', Qt::SkipEmptyParts)) {
                // AT_MS ACTION ORDER_ID USER ADDRESS DETAIL
                const QList<QStringView> fields = line.split(u' ');
                if (fields.size() < 5)
                    continue;
                const qint64 at = fields[0].toLongLong();
                if (at < query.fromMs || at > query.toMs
                    || (!query.orderId.isEmpty() && fields[2] != query.orderId)
                    || (!query.user.isEmpty() && fields[3] != query.user))
                    continue;
                qsizetype detailAt = 0;
                for (qsizetype i = 0; i < 5; ++i)
                    detailAt += fields[i].size() + 1;
                found.append({ seq,
                               QDateTime::fromMSecsSinceEpoch(at, Qt::UTC),
                               fields[3].toString(),
                               fields[4].toString(),
                               fields[1].toString(),
                               fields[2].toString(),
                               line.mid(detailAt).toString(),
                               {} });
                if (found.size() == query.limit)
                    return found;
            }
        }
    }
    return found;
}

} // namespace qx::server
