#include "server/cluster/cluster.h"

#include "server/cache/redisclient.h"
#include "server/storage/sqlstore.h"
#include "server/trading/orderservice.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QUuid>

#include <openssl/rand.h>

namespace qx::server {

namespace protocol = core::protocol;

namespace {

Q_LOGGING_CATEGORY(lcCluster, "qx.server.cluster")

constexpr QByteArrayView kChannel = "qx:events";
/// + symbol: the book's last "market" event, for servers that start later.
constexpr QByteArrayView kMarketKeyPrefix = "qx:market:";

// The advisory lock key of a book: 64 bits of FNV-1a over its symbol, stable across servers.
std::int64_t lockKey(const QString &symbol)
{
    quint64 hash = 14695981039346656037ull;
    for (const char byte : symbol.toUtf8()) {
        hash ^= quint8(byte);
        hash *= 1099511628211ull;
    }
    return std::int64_t(hash);
}

// A bigint[] parameter: digits and commas only, nothing to escape.
QString keyArray(const QList<std::int64_t> &keys)
{
    QStringList text;
    for (const std::int64_t key : keys)
        text.append(QString::number(key));
    return u'{' + text.join(u',') + u'}';
}

QJsonObject tradeToJson(const TradeRecord &trade, const QString &buyClientId,
                        const QString &sellClientId)
{
    return { { QStringLiteral("id"), QString::number(trade.id) },
             { QStringLiteral("symbol"), trade.symbol },
             { QStringLiteral("price"), trade.price.toString() },
             { QStringLiteral("quantity"), trade.quantity.toString() },
             { QStringLiteral("buy_order"), QString::number(trade.buyOrderId) },
             { QStringLiteral("sell_order"), QString::number(trade.sellOrderId) },
             { QStringLiteral("buy_user"), QString::number(trade.buyUserId) },
             { QStringLiteral("sell_user"), QString::number(trade.sellUserId) },
             { QStringLiteral("buy_client"), buyClientId },
             { QStringLiteral("sell_client"), sellClientId },
             { QStringLiteral("aggressor"), protocol::toString(trade.aggressor) },
             { QStringLiteral("sequence"), QString::number(trade.sequence) },
             { QStringLiteral("time"), protocol::toWireTime(trade.time) } };
}

std::optional<TradeRecord> tradeFromJson(const QJsonObject &json)
{
    TradeRecord trade;
    trade.id = json.value(u"id").toString().toLongLong();
    trade.symbol = json.value(u"symbol").toString();
    const core::Result<core::Price> price = core::Price::parse(json.value(u"price").toString());
    const core::Result<core::Quantity> quantity
        = core::Quantity::parse(json.value(u"quantity").toString());
    const std::optional<protocol::Side> aggressor
        = protocol::sideFromString(json.value(u"aggressor").toString());
    trade.time = protocol::fromWireTime(json.value(u"time").toString());
    if (!price || !quantity || !aggressor || !trade.time.isValid() || trade.symbol.isEmpty())
        return std::nullopt;
    trade.price = *price;
    trade.quantity = *quantity;
    trade.aggressor = *aggressor;
    trade.buyOrderId = json.value(u"buy_order").toString().toLongLong();
    trade.sellOrderId = json.value(u"sell_order").toString().toLongLong();
    trade.buyUserId = json.value(u"buy_user").toString().toLongLong();
    trade.sellUserId = json.value(u"sell_user").toString().toLongLong();
    trade.sequence = json.value(u"sequence").toString().toULongLong();
    return trade;
}

} // namespace

Cluster::Cluster(const Options &options, OrderService &orders)
    : m_options(options)
    , m_orders(orders)
    , m_instanceId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_lockThread.setMaxThreadCount(1); // one statement at a time on the lock session
    m_lockThread.setObjectName(QStringLiteral("cluster locks"));
    m_pollTimer.setInterval(kPollMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &Cluster::poll);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kCoalesceMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &Cluster::flushMarkets);
}

Cluster::~Cluster()
{
    m_lockThread.waitForDone(); // its answer, queued to this object, goes with it
}

core::Result<std::unique_ptr<Cluster>> Cluster::create(const Options &options, OrderService &orders)
{
    const core::Result<std::pair<SqlDatabase::Dialect, QString>> location
        = SqlStore::parseUrl(options.databaseUrl);
    if (!location)
        return location.error();
    if (location->first != SqlDatabase::Dialect::Postgresql) {
        return core::makeError(core::ErrorCode::InvalidCluster,
                               QStringLiteral("Several servers share a PostgreSQL database; "
                                              "SQLite belongs to one server."));
    }
    std::unique_ptr<Cluster> cluster(new Cluster(options, orders));
    core::Result<std::unique_ptr<SqlStore>> locks = SqlStore::open(options.databaseUrl);
    if (!locks)
        return locks.error();
    cluster->m_locks = std::move(locks).value();
    // A token issued by one server is sent on to others: all must sign with one key.
    const core::Result<QString> clusterKey = cluster->m_locks->agreeClusterSetting(
        QStringLiteral("signing_key_id"), options.signingKeyId);
    if (!clusterKey)
        return clusterKey.error();
    if (*clusterKey != options.signingKeyId) {
        return core::makeError(
            core::ErrorCode::ClusterKeyMismatch,
            QStringLiteral("This server's signing key (id %1) is not the cluster's (id %2): copy "
                           "signing-key-ed25519.pem from a data directory of the cluster into "
                           "this one.")
                .arg(options.signingKeyId, *clusterKey));
    }
    QByteArray proposed(32, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(proposed.data()), int(proposed.size())) != 1)
        return core::makeError(core::ErrorCode::Internal,
                               QStringLiteral("The system random generator failed."));
    const core::Result<QString> secret = cluster->m_locks->agreeClusterSetting(
        QStringLiteral("forward_secret"), QString::fromLatin1(proposed.toHex()));
    if (!secret)
        return secret.error();
    cluster->m_forwardSecret = secret->toLatin1();
    if (options.redis) {
        cluster->m_redis = options.redis;
        cluster->m_redis->subscribe(kChannel.toByteArray());
        Cluster *self = cluster.get();
        connect(
            cluster->m_redis, &RedisClient::message, self,
            [self](const QByteArray &, const QByteArray &payload) { self->onMessage(payload); });
        connect(cluster->m_redis, &RedisClient::connectedChanged, self, [self](bool connected) {
            if (connected)
                self->catchUp();
            else
                qCWarning(lcCluster) << "Redis lost: events of other servers missed "
                                        "until it is back";
        });
    } else {
        qCWarning(lcCluster) << "no --redis: clients see only what their own server does";
    }
    Cluster *self = cluster.get();
    connect(&orders, &OrderService::orderEvent, self,
            [self](const QString &type, const protocol::Order &order, qint64 userId) {
                self->publish({ { QStringLiteral("k"), QStringLiteral("order") },
                                { QStringLiteral("type"), type },
                                { QStringLiteral("user"), QString::number(userId) },
                                { QStringLiteral("order"), order.toJson() } });
            });
    connect(
        &orders, &OrderService::tradeStored, self,
        [self](const TradeRecord &trade, const QString &buyClientId, const QString &sellClientId) {
            self->publish(
                { { QStringLiteral("k"), QStringLiteral("trade") },
                  { QStringLiteral("trade"), tradeToJson(trade, buyClientId, sellClientId) } });
        });
    connect(&orders, &OrderService::marketUpdated, self, [self](const QString &symbol) {
        if (!self->m_orders.owns(symbol))
            return;
        self->m_dirtyMarkets.insert(symbol);
        if (!self->m_flushTimer.isActive())
            self->m_flushTimer.start();
    });
    return cluster;
}

void Cluster::start(const QUrl &url)
{
    m_url = url;
    qCInfo(lcCluster).noquote() << "server" << m_instanceId << "at" << url.toString();
    // The first step here, before the server serves: its books are its own from the start.
    apply(lockStep(lockRequest()));
    m_pollTimer.start();
}

std::optional<QUrl> Cluster::ownerOf(const QString &symbol) const
{
    if (m_orders.owns(symbol))
        return std::nullopt;
    const auto found = m_owners.constFind(symbol);
    if (found == m_owners.cend())
        return std::nullopt;
    return *found;
}

QList<QUrl> Cluster::otherOwners() const
{
    QList<QUrl> urls;
    for (const QUrl &url : m_owners) {
        if (!urls.contains(url))
            urls.append(url);
    }
    return urls;
}

void Cluster::releaseAll()
{
    qsizetype released = 0;
    for (const core::Instrument &instrument : m_orders.instruments()) {
        if (m_orders.owns(instrument.symbol)) {
            m_orders.release(instrument.symbol);
            ++released;
        }
    }
    if (released > 0)
        qCWarning(lcCluster) << "lock connection lost: let" << released << "books go";
}

void Cluster::poll()
{
    if (m_polling)
        return; // the last one is still waiting for the database: no queue behind it
    m_polling = true;
    const LockRequest request = lockRequest();
    m_lockThread.start([this, request] {
        LockOutcome outcome = lockStep(request);
        QMetaObject::invokeMethod(
            this,
            [this, outcome = std::move(outcome)] {
                m_polling = false;
                apply(outcome);
            },
            Qt::QueuedConnection);
    });
}

Cluster::LockRequest Cluster::lockRequest() const
{
    LockRequest request;
    request.nowMs = m_orders.clock().nowMs();
    for (const core::Instrument &instrument : m_orders.instruments()) {
        if (!m_orders.owns(instrument.symbol))
            request.free.insert(lockKey(instrument.symbol), instrument.symbol);
    }
    return request;
}

Cluster::LockOutcome Cluster::lockStep(const LockRequest &request)
{
    LockOutcome outcome;
    SqlDatabase &database = m_locks->database();
    // The locks live as long as the session that took them: a new session holds none.
    core::Result<std::unique_ptr<SqlRows>> session = database.query("SELECT pg_backend_pid()");
    std::optional<std::int64_t> pid;
    if (session && (*session)->next().value_or(false))
        pid = (*session)->int64(0);
    if (!pid || pid != m_lockSession) {
        outcome.sessionChanged = true;
        m_lockSession = pid;
        if (!pid)
            return outcome; // the database is away: no book can be proven ours
    }

    QStringList taken;
    QList<std::int64_t> givenBack;
    if (!request.free.isEmpty()) {
        core::Result<std::unique_ptr<SqlRows>> locked = database.query(
            "SELECT k, pg_try_advisory_lock(k)::int FROM unnest($1::bigint[]) AS k",
            keyArray(request.free.keys()));
        while (locked && (*locked)->next().value_or(false)) {
            const QString symbol = request.free.value((*locked)->int64(0));
            if ((*locked)->int64(1) == 0) {
                m_freeSince.remove(symbol); // somebody matches it
                continue;
            }
            const bool preferred = m_options.preferredProducts.isEmpty()
                || std::any_of(m_options.preferredProducts.cbegin(),
                               m_options.preferredProducts.cend(),
                               [&](const QString &prefix) { return symbol.startsWith(prefix); });
            const qint64 since = m_freeSince.value(symbol, request.nowMs);
            m_freeSince.insert(symbol, since);
            if (preferred || request.nowMs - since >= kGraceMs)
                taken.append(symbol);
            else
                givenBack.append((*locked)->int64(0)); // its preferring server may come
        }
    }
    if (!givenBack.isEmpty()) {
        (void)database.query("SELECT pg_advisory_unlock(k)::int FROM unnest($1::bigint[]) AS k",
                             keyArray(givenBack));
    }
    // Recorded first, raising each book's epoch: from then on the previous owner's writes
    // are refused (or, already under way, finish first), so the book read next is final.
    for (const QString &symbol : std::as_const(taken)) {
        const core::Result<std::int64_t> epoch
            = m_locks->saveBookOwner({ symbol, m_instanceId, m_url.toString() });
        if (!epoch) {
            // Not taken: the next poll tries again (after releasing all if the lock
            // connection is the trouble).
            outcome.problem
                = QStringLiteral("cannot record owning %1: %2").arg(symbol, epoch.error().message);
            outcome.taken.clear();
            return outcome;
        }
        m_freeSince.remove(symbol);
        outcome.taken.append({ symbol, *epoch });
    }
    if (core::Result<QList<Store::BookOwner>> owners = m_locks->bookOwners(); owners) {
        QHash<QString, QUrl> others;
        for (const Store::BookOwner &owner : std::as_const(*owners)) {
            if (owner.instance != m_instanceId)
                others.insert(owner.symbol, QUrl(owner.url));
        }
        outcome.owners = std::move(others);
    }
    return outcome;
}

void Cluster::apply(const LockOutcome &outcome)
{
    if (outcome.sessionChanged)
        releaseAll();
    if (!outcome.problem.isEmpty()) {
        qCWarning(lcCluster).noquote() << outcome.problem;
        return;
    }
    if (!outcome.taken.isEmpty()) {
        // Taking a book over reads it from storage here, on the thread that matches: a book
        // must be whole before its first order, and this happens once per takeover.
        if (core::Result<void> acquired = m_orders.acquire(outcome.taken); !acquired) {
            qCWarning(lcCluster) << "cannot take books over:" << acquired.error().message;
            releaseAll();
            return;
        }
        qCInfo(lcCluster) << "matching" << outcome.taken.size() << "more books";
    }
    if (outcome.owners)
        m_owners = *outcome.owners;
}

void Cluster::publish(const QJsonObject &event)
{
    if (!m_redis)
        return;
    QJsonObject stamped = event;
    stamped.insert(QStringLiteral("o"), m_instanceId);
    m_redis->command({ "PUBLISH", kChannel.toByteArray(),
                       QJsonDocument(stamped).toJson(QJsonDocument::Compact) });
}

void Cluster::flushMarkets()
{
    const QSet<QString> dirty = std::exchange(m_dirtyMarkets, {});
    for (const QString &symbol : dirty) {
        const core::Result<protocol::BookSnapshot> book = m_orders.book(symbol, kBookDepth);
        const core::Result<protocol::Ticker> ticker = m_orders.ticker(symbol);
        if (!book || !ticker)
            continue;
        const QJsonObject event { { QStringLiteral("k"), QStringLiteral("market") },
                                  { QStringLiteral("symbol"), symbol },
                                  { QStringLiteral("book"), book->toJson() },
                                  { QStringLiteral("ticker"), ticker->toJson() } };
        publish(event);
        // The last of each stays in Redis for servers that start later.
        if (m_redis) {
            m_redis->command({ "SET", kMarketKeyPrefix.toByteArray() + symbol.toUtf8(),
                               QJsonDocument(event).toJson(QJsonDocument::Compact) });
        }
    }
}

void Cluster::showRemoteMarket(const QJsonObject &event)
{
    const QString symbol = event.value(u"symbol").toString();
    if (!m_orders.owns(symbol)) {
        Q_EMIT remoteMarket(symbol, event.value(u"book").toObject(),
                            event.value(u"ticker").toObject());
    }
}

void Cluster::catchUp()
{
    if (core::Result<void> replayed = m_orders.catchUpRemote(); !replayed)
        qCWarning(lcCluster) << "cannot read other servers' trades:" << replayed.error().message;
    for (const core::Instrument &instrument : m_orders.instruments()) {
        if (m_orders.owns(instrument.symbol))
            m_dirtyMarkets.insert(instrument.symbol);
    }
    if (!m_dirtyMarkets.isEmpty() && !m_flushTimer.isActive())
        m_flushTimer.start();
    // Other servers' books as they last published them, until they change.
    for (const core::Instrument &instrument : m_orders.instruments()) {
        if (m_orders.owns(instrument.symbol))
            continue;
        m_redis->command({ "GET", kMarketKeyPrefix.toByteArray() + instrument.symbol.toUtf8() },
                         [this](core::Result<std::optional<QByteArray>> cached) {
                             if (cached && *cached)
                                 showRemoteMarket(QJsonDocument::fromJson(**cached).object());
                         });
    }
    // Clients connected before Redis ever was have seen little: only later losses matter.
    if (std::exchange(m_redisConnectedBefore, true))
        Q_EMIT eventsMissed(tr("Events from other servers were missed: reconnect."));
}

void Cluster::onMessage(const QByteArray &payload)
{
    const QJsonObject event = QJsonDocument::fromJson(payload).object();
    if (event.value(u"o").toString() == m_instanceId)
        return; // our own, back from Redis
    const QString kind = event.value(u"k").toString();
    if (kind == u"order") {
        const core::Result<protocol::Order> order
            = protocol::Order::fromJson(event.value(u"order").toObject());
        if (!order)
            return;
        const qint64 user = event.value(u"user").toString().toLongLong();
        m_orders.rememberRemote(user, *order);
        Q_EMIT remoteOrderEvent(event.value(u"type").toString(), *order, user);
    } else if (kind == u"trade") {
        const QJsonObject json = event.value(u"trade").toObject();
        if (const std::optional<TradeRecord> trade = tradeFromJson(json)) {
            m_orders.applyRemoteTrade(*trade, json.value(u"buy_client").toString(),
                                      json.value(u"sell_client").toString());
        }
    } else if (kind == u"market") {
        showRemoteMarket(event);
    }
}

} // namespace qx::server
