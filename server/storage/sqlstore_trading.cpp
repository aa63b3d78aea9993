// SqlStore, trading (TradingStore): orders, trades, book states, ids, and the group-committed
// trading write with its audit chain.

#include "server/storage/sqlstore.h"

#include "server/storage/sqlstore_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

namespace qx::server {

namespace protocol = core::protocol;
using namespace sqlstore;

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

// Every trade query for positions selects these columns (tradeFromRow reads them).
#define QX_TRADE_COLUMNS \
    "SELECT t.id, t.symbol, t.price_units, t.quantity_units, t.buy_order_id, t.sell_order_id, " \
    "t.aggressor_side, t.book_sequence, t.executed_at_ms, b.user_id, s.user_id FROM trades t " \
    "JOIN orders b ON b.id = t.buy_order_id JOIN orders s ON s.id = t.sell_order_id "

Result<QList<TradeRecord>> SqlStore::allTrades()
{
    return collect<TradeRecord>(
        m_database->query(QX_TRADE_COLUMNS "ORDER BY t.symbol, t.book_sequence, t.id"),
        tradeFromRow);
}

Result<QList<TradeRecord>> SqlStore::tradesIn(const QString &symbol)
{
    return collect<TradeRecord>(
        m_database->query(QX_TRADE_COLUMNS "WHERE t.symbol = $1 ORDER BY t.book_sequence, t.id",
                          symbol),
        tradeFromRow);
}

#undef QX_TRADE_COLUMNS

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
            + "), trades AS (" + insertFromJson("trades", kTradeColumns, "trades")
            + "), notifications AS ("
            + insertFromJson("notifications", kNotificationColumns, "notifications") + ") "
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
        + "), notifications AS ("
        + insertFromJson("notifications", kNotificationColumns, "notifications", "", held)
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
    const QDateTime now = m_clock->nowUtc();
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
            + write.audit.size() + write.notifications.size();
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
                { QStringLiteral("notifications"),
                  jsonRows(kNotificationColumns, notificationRows(write.notifications)) },
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
    // Notifications (COPY on PostgreSQL: no unique key to skip, see schema 21).
    if (Result<void> inserted = m_database->bulkInsert("notifications", kNotificationColumns,
                                                       notificationRows(write.notifications));
        !inserted) {
        return inserted;
    }
    return m_database->insertRows("book_state", kBookStateColumns, bookRows(write.books),
                                  kBookStateUpsert);
}

} // namespace qx::server
