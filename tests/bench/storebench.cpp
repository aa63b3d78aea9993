// qx-bench-store: acknowledged orders per second through the real trading path with durable
// persistence, on SQLite and on PostgreSQL, against the same rows written by a bare
// multi-row INSERT loop (the ceiling). Prints one JSON line per database.
//
//   qx-bench-store [--database sqlite|postgresql|URL]... [--orders N] [--clients C]
//                  [--in-flight W] [--ceiling no] [--latency-rate R] [--notify yes]
//
// The path measured is the server's: OrderService (validation, risk checks against cached
// limits, the matching engine, positions and candles) on one thread, StoreWriter group-
// committing on its own connection with synchronous durability (SQLite WAL + FULL, PostgreSQL
// synchronous_commit on), and the acknowledgement only once the batch holding the order is
// committed. HTTP and WebSocket are not in it: they are the gateway's cost, not storage's.
// C clients each keep W orders in flight and send the next as soon as one is acknowledged
// (throughput); then, on a new database, orders arrive at a steady rate (--latency-rate,
// 10,000/s by default, well below saturation) and the latency from place() to the
// acknowledgement is what persistence adds (on a PostgreSQL of its own, twice: with the
// fresh cluster's WAL, then after a checkpoint). About a third of the orders cross.
//
// With --notify yes every client wants to hear of its fills: each fill, partial fill and expiry
// is a notification row in the same group commit (the A/B of the outbox's cost to trading; the
// dispatcher, which sends them afterwards, is not running).
//
// Without --database it runs on a new SQLite file and on a PostgreSQL 15 it starts itself.
#include "server/ops/datadirectory.h"
#include "server/storage/sqlstore.h"
#include "server/storage/storewriter.h"
#include "server/trading/orderservice.h"
#include "testservices.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

using namespace qx::server;
using namespace qx::core;
using namespace Qt::StringLiterals;

namespace {

struct Options
{
    QStringList databases;
    int orders = 200'000;
    int clients = 8;
    int inFlight = 64;
    bool ceiling = true;
    int latencyRate = 10'000; ///< orders/s of the open-loop latency run (0: none)
    int latencyOrders = 50'000;
    bool notify = false; ///< every client wants its fills: notifications in the group commit
};

struct Figures
{
    int acknowledged = 0;
    int rejected = 0;
    double seconds = 0;
    std::vector<qint64> latenciesNs;
    int batches = 0;
    double tradingCpuSeconds = 0; ///< of the trading thread, while the load ran
    StoreWriter::Stats writer;
};

double threadCpuSeconds()
{
    timespec time {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time);
    return double(time.tv_sec) + double(time.tv_nsec) / 1e9;
}

QString symbolOf(OrderService &orders)
{
    for (const Instrument &instrument : orders.instruments()) {
        if (instrument.symbol.startsWith(u"DE.BASE.M.")
            && !instrument.isExpired(QDateTime::currentDateTimeUtc()))
            return instrument.symbol;
    }
    return {};
}

/// The trading path under load: orders in, acknowledgements out, once durable. Closed loop
/// (each client keeps its orders in flight) when `rate` is 0; else open loop at `rate` orders
/// a second, sent by a 1 ms pacer (latency from place(), since the pacer's millisecond steps
/// are not the server's).
Result<Figures> runServerPath(const QString &url, const Options &options, int rate = 0)
{
    Result<std::unique_ptr<SqlStore>> store = SqlStore::open(url);
    if (!store)
        return store.error();
    if (Result<void> listed = listDefaultCatalog(**store, QDateTime::currentDateTimeUtc().date());
        !listed)
        return listed.error();
    QList<Principal> clients;
    for (int i = 0; i < options.clients; ++i) {
        // A database given by URL may hold them from an earlier run.
        const QString name = u"bench%1"_s.arg(i);
        Result<std::optional<UserRecord>> known = (*store)->findUser(name);
        if (!known)
            return known.error();
        Result<UserRecord> user = *known ? Result<UserRecord>(**known)
                                         : (*store)->addUser(name, u"trader"_s, "$argon2id$unused");
        if (!user)
            return user.error();
        clients.append(Principal::of(*user));
    }
    StoreWriter writer([url]() -> Result<std::unique_ptr<Store>> {
        Result<std::unique_ptr<SqlStore>> own = SqlStore::open(url);
        if (!own)
            return own.error();
        return std::unique_ptr<Store>(std::move(own).value());
    });
    if (Result<void> started = writer.start(); !started)
        return started.error();
    Figures figures;
    QObject::connect(
        &writer, &StoreWriter::committed, &writer, [&figures] { ++figures.batches; },
        Qt::QueuedConnection);
    TradingRules rules;
    rules.priceBandPercent = 0; // the random walk below may wander
    OrderService orders(**store, writer, rules);
    if (options.notify)
        orders.setNotificationFilter([](std::int64_t, notifications::EventType) { return true; });
    if (Result<void> started = orders.start(); !started)
        return started.error();
    const QString symbol = symbolOf(orders);

    QRandomGenerator random(42);
    figures.latenciesNs.reserve(std::size_t(options.orders));
    int sent = 0;
    int outstanding = 0;
    using Clock = std::chrono::steady_clock;
    const int total = rate > 0 ? options.latencyOrders : options.orders;
    QElapsedTimer clock;
    std::function<void(int, Clock::time_point)> send = [&](int client, Clock::time_point start) {
        if (sent >= total)
            return;
        ++sent;
        ++outstanding;
        protocol::NewOrder order;
        order.clientOrderId = u"b%1-%2"_s.arg(QDateTime::currentMSecsSinceEpoch()).arg(sent);
        order.symbol = symbol;
        const bool buy = random.bounded(2) == 0;
        order.side = buy ? protocol::Side::Buy : protocol::Side::Sell;
        // A band of 30 cents; buyers a little high: about a third of the orders cross.
        const int cents = 5000 + int(random.bounded(30)) - 15 + (buy ? 2 : -2);
        order.price = Price(Decimal::fromUnits(qint64(cents) * Decimal::kOne / 100));
        order.quantity
            = Quantity(Decimal::fromUnits((1 + qint64(random.bounded(5))) * Decimal::kOne));
        orders.place(
            clients[client], order, [&, client, start](Result<OrderService::Placement> placed) {
                figures.latenciesNs.push_back(
                    std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start)
                        .count());
                placed ? ++figures.acknowledged : ++figures.rejected;
                --outstanding;
                if (rate == 0)
                    send(client, Clock::now());
            });
    };
    clock.start();
    const double cpuBefore = threadCpuSeconds();
    const Clock::time_point began = Clock::now();
    QTimer pacer;
    if (rate == 0) {
        for (int client = 0; client < options.clients; ++client) {
            for (int i = 0; i < options.inFlight; ++i)
                send(client, Clock::now());
        }
    } else {
        // Order n is due at began + n / rate; the pacer sends whatever is due.
        pacer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&pacer, &QTimer::timeout, [&] {
            const auto now = Clock::now();
            while (sent < total) {
                const auto due
                    = began + std::chrono::nanoseconds(qint64(sent) * 1'000'000'000 / rate);
                if (due > now)
                    break;
                send(sent % options.clients, Clock::now());
            }
        });
        pacer.start(1);
    }
    while (outstanding > 0 || sent < total)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    pacer.stop();
    figures.seconds = double(clock.nsecsElapsed()) / 1e9;
    figures.tradingCpuSeconds = threadCpuSeconds() - cpuBefore;
    figures.writer = writer.stats();
    orders.shutdown();
    return figures;
}

const std::vector<const char *> orderColumns { "id",
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
                                               "remaining_units",
                                               "visible_units",
                                               "priority",
                                               "filled_value_units" };
const std::vector<const char *> tradeColumns { "id",
                                               "symbol",
                                               "price_units",
                                               "quantity_units",
                                               "buy_order_id",
                                               "sell_order_id",
                                               "aggressor_side",
                                               "book_sequence",
                                               "executed_at_ms" };

std::vector<SqlDatabase::Value> orderValues(const QList<StoredOrder> &orders)
{
    std::vector<SqlDatabase::Value> values;
    for (const StoredOrder &stored : orders) {
        const protocol::Order &order = stored.order;
        values.insert(values.end(),
                      { order.id.toLongLong(), stored.userId, order.clientOrderId,
                        stored.requestHash, order.symbol, protocol::toString(order.side),
                        protocol::toString(order.type), order.quantity.decimal().units(),
                        order.price.decimal().units(), order.filledQuantity.decimal().units(),
                        protocol::toString(order.status), order.createdAt.toMSecsSinceEpoch(),
                        order.updatedAt.toMSecsSinceEpoch(), protocol::toString(order.timeInForce),
                        stored.remaining.decimal().units(), stored.visible.decimal().units(),
                        std::int64_t(stored.priority), stored.filledValue.units() });
    }
    return values;
}

std::vector<SqlDatabase::Value> tradeValues(const QList<TradeRecord> &trades)
{
    std::vector<SqlDatabase::Value> values;
    for (const TradeRecord &trade : trades) {
        values.insert(values.end(),
                      { trade.id, trade.symbol, trade.price.decimal().units(),
                        trade.quantity.decimal().units(), trade.buyOrderId, trade.sellOrderId,
                        protocol::toString(trade.aggressor), std::int64_t(trade.sequence),
                        trade.time.toMSecsSinceEpoch() });
    }
    return values;
}

/// The same rows as a bare loop writes them: 128-row INSERTs of the orders in their final state
/// and of the trades, a commit per 1,000 orders with their trades.
Result<double> runCeiling(const QString &sourceUrl, const QString &url)
{
    Result<std::unique_ptr<SqlStore>> source = SqlStore::open(sourceUrl);
    if (!source)
        return source.error();
    Result<std::unique_ptr<SqlStore>> target = SqlStore::open(url);
    if (!target)
        return target.error();
    if (Result<void> listed = listDefaultCatalog(**target, QDateTime::currentDateTimeUtc().date());
        !listed)
        return listed.error();
    Result<QList<UserRecord>> users = (*source)->users();
    if (!users)
        return users.error();
    QHash<std::int64_t, std::int64_t> userIds;
    for (const UserRecord &user : std::as_const(*users))
        userIds.insert(user.id, (*target)->addUser(user.username, user.role, "h")->id);
    // Every order in its final state, and every trade, as the server path stored them.
    QList<StoredOrder> rows;
    for (const UserRecord &user : std::as_const(*users)) {
        Result<QList<protocol::Order>> list = (*source)->orders(user.id);
        if (!list)
            return list.error();
        for (const protocol::Order &order : std::as_const(*list)) {
            Result<std::optional<StoredOrder>> stored = (*source)->findOrder(order.id.toLongLong());
            if (stored && *stored) {
                StoredOrder copy = **stored;
                copy.userId = userIds.value(user.id);
                rows.append(copy);
            }
        }
    }
    std::sort(rows.begin(), rows.end(), [](const StoredOrder &a, const StoredOrder &b) {
        return a.order.id.toLongLong() < b.order.id.toLongLong();
    });
    Result<QList<TradeRecord>> trades = (*source)->allTrades();
    if (!trades)
        return trades.error();

    QElapsedTimer clock;
    clock.start();
    qsizetype trade = 0;
    for (qsizetype first = 0; first < rows.size(); first += 1000) {
        TradingWrite write;
        write.newOrders = rows.mid(first, 1000);
        const qint64 lastId = write.newOrders.last().order.id.toLongLong();
        while (trade < trades->size() && (*trades)[trade].buyOrderId <= lastId
               && (*trades)[trade].sellOrderId <= lastId) {
            write.trades.append((*trades)[trade++]);
        }
        SqlDatabase &database = (*target)->database();
        if (Result<void> begun = database.begin(); !begun)
            return begun.error();
        if (Result<void> saved
            = database.insertRows("orders", orderColumns, orderValues(write.newOrders));
            !saved)
            return saved.error();
        if (Result<void> saved
            = database.insertRows("trades", tradeColumns, tradeValues(write.trades));
            !saved)
            return saved.error();
        if (Result<void> committed = database.commit(); !committed)
            return committed.error();
    }
    return double(rows.size()) / (double(clock.nsecsElapsed()) / 1e9);
}

qint64 percentile(std::vector<qint64> values, double fraction)
{
    if (values.empty())
        return 0;
    const std::size_t at
        = std::min(values.size() - 1, std::size_t(fraction * double(values.size())));
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(at), values.end());
    return values[at];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    Options options;
    const QStringList arguments = application.arguments();
    for (qsizetype i = 1; i + 1 < arguments.size(); i += 2) {
        const QString &name = arguments[i];
        const QString &value = arguments[i + 1];
        if (name == u"--database")
            options.databases.append(value);
        else if (name == u"--orders")
            options.orders = value.toInt();
        else if (name == u"--clients")
            options.clients = value.toInt();
        else if (name == u"--in-flight")
            options.inFlight = value.toInt();
        else if (name == u"--ceiling")
            options.ceiling = value != u"no";
        else if (name == u"--latency-rate")
            options.latencyRate = value.toInt();
        else if (name == u"--notify")
            options.notify = value == u"yes";
    }
    if (arguments.size() % 2 == 0 || options.orders <= 0 || options.clients <= 0
        || options.inFlight <= 0) {
        std::fprintf(stderr,
                     "usage: qx-bench-store [--database sqlite|postgresql|URL]... "
                     "[--orders N] [--clients C] [--in-flight W]\n");
        return 2;
    }
    if (options.databases.isEmpty())
        options.databases = { u"sqlite"_s, u"postgresql"_s };

    QTemporaryDir directory;
    std::unique_ptr<qx::test::PostgresServer> postgres;
    int failures = 0;
    int run = 0;
    for (const QString &database : std::as_const(options.databases)) {
        // Each run gets new databases: one for the server path, one for the ceiling.
        QString url[2];
        for (int i = 0; i < 2; ++i) {
            const QString name = u"bench%1_%2"_s.arg(++run).arg(i);
            if (database == u"sqlite") {
                url[i] = u"sqlite:"_s + directory.filePath(name + u".db"_s);
            } else if (database == u"postgresql") {
                if (!postgres) {
                    postgres = std::make_unique<qx::test::PostgresServer>();
                    if (!postgres->start()) {
                        std::fprintf(stderr, "qx-bench-store: %s\n", qPrintable(postgres->error()));
                        return 1;
                    }
                }
                url[i] = postgres->createDatabase(name);
            } else {
                url[i] = database; // as given: the ceiling then reuses it too
            }
        }
        const QString backend = url[0].startsWith(u"sqlite:") ? u"sqlite"_s : u"postgresql"_s;
        Result<Figures> figures = runServerPath(url[0], options);
        if (!figures) {
            std::fprintf(stderr, "qx-bench-store: %s: %s\n", qPrintable(backend),
                         qPrintable(figures.error().message));
            ++failures;
            continue;
        }
        Result<double> ceiling
            = options.ceiling ? runCeiling(url[0], url[1]) : Result<double>(makeError({}, {}));
        const double rate = figures->acknowledged / figures->seconds;
        std::printf("{\"backend\":\"%s\",\"mode\":\"throughput\",\"notify\":%s,\"orders\":%d,"
                    "\"rejected\":%d,"
                    "\"clients\":%d,"
                    "\"in_flight\":%d,\"acked_per_sec\":%.0f,\"batches\":%d,"
                    "\"orders_per_batch\":%.1f,\"ack_p50_us\":%.0f,\"ack_p99_us\":%.0f,"
                    "\"ack_p999_us\":%.0f,\"ceiling_orders_per_sec\":%.0f,"
                    "\"ratio_to_ceiling\":%.2f,\"trading_thread_busy\":%.2f,"
                    "\"writer_busy\":%.2f,\"commit_avg_us\":%.0f}\n",
                    qPrintable(backend), options.notify ? "true" : "false", figures->acknowledged,
                    figures->rejected, options.clients, options.inFlight, rate, figures->batches,
                    figures->batches ? double(figures->acknowledged) / figures->batches : 0.0,
                    percentile(figures->latenciesNs, 0.50) / 1e3,
                    percentile(figures->latenciesNs, 0.99) / 1e3,
                    percentile(figures->latenciesNs, 0.999) / 1e3, ceiling.value_or(0),
                    ceiling ? rate / *ceiling : 0.0, figures->tradingCpuSeconds / figures->seconds,
                    double(figures->writer.storing.count()) / 1e9 / figures->seconds,
                    figures->writer.batches
                        ? double(figures->writer.storing.count()) / figures->writer.batches / 1e3
                        : 0.0);
        std::fflush(stdout);
        if (!ceiling && options.ceiling)
            std::fprintf(stderr, "qx-bench-store: ceiling: %s\n",
                         qPrintable(ceiling.error().message));
        if (options.latencyRate <= 0)
            continue;
        // On a PostgreSQL the benchmark started, twice: on the fresh cluster, where every
        // 16 MB of WAL is a new file PostgreSQL fills with zeros first, and after a
        // checkpoint, which lets it recycle the files written so far, as any server that has
        // run a while does.
        const int latencyRuns = postgres && database == u"postgresql" ? 2 : 1;
        for (int pass = 0; pass < latencyRuns; ++pass) {
            if (pass == 1 && !postgres->psql(u"postgres"_s, u"CHECKPOINT"_s)) {
                std::fprintf(stderr, "qx-bench-store: CHECKPOINT failed\n");
                ++failures;
                break;
            }
            // A new database again: the same conditions as the throughput run had.
            const QString latencyUrl = database == u"sqlite"
                ? u"sqlite:"_s + directory.filePath(u"latency%1.db"_s.arg(run))
                : database == u"postgresql"
                ? postgres->createDatabase(u"latency%1_%2"_s.arg(run).arg(pass))
                : url[0];
            Result<Figures> paced = runServerPath(latencyUrl, options, options.latencyRate);
            if (!paced) {
                std::fprintf(stderr, "qx-bench-store: %s latency: %s\n", qPrintable(backend),
                             qPrintable(paced.error().message));
                ++failures;
                continue;
            }
            std::printf("{\"backend\":\"%s\",\"mode\":\"latency\",\"wal\":\"%s\","
                        "\"rate\":%d,\"orders\":%d,\"orders_per_batch\":%.1f,"
                        "\"ack_p50_us\":%.0f,\"ack_p99_us\":%.0f,\"ack_p999_us\":%.0f,"
                        "\"commit_avg_us\":%.0f,\"commit_max_us\":%.0f}\n",
                        qPrintable(backend),
                        latencyRuns == 1 ? "as_is"
                            : pass == 0  ? "fresh_cluster"
                                         : "recycled",
                        options.latencyRate, paced->acknowledged,
                        paced->batches ? double(paced->acknowledged) / paced->batches : 0.0,
                        percentile(paced->latenciesNs, 0.50) / 1e3,
                        percentile(paced->latenciesNs, 0.99) / 1e3,
                        percentile(paced->latenciesNs, 0.999) / 1e3,
                        paced->writer.batches
                            ? double(paced->writer.storing.count()) / paced->writer.batches / 1e3
                            : 0.0,
                        double(paced->writer.longest.count()) / 1e3);
            std::fflush(stdout);
        }
    }
    return failures;
}
