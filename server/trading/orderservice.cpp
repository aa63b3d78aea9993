#include "server/trading/orderservice.h"

#include "server/trading/ordernotifications.h"

#include "server/storage/storereaders.h"

#include "core/delivery.h"
#include "core/documents/matching.h"
#include "core/productcatalog.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSet>
#include <QTimeZone>
#include <QtEndian>

#include <algorithm>
#include <span>

namespace qx::server {

namespace protocol = core::protocol;
namespace matching = core::matching;
using core::Price;
using core::Quantity;

namespace {

constexpr int kIntradayRetentionDays = 7;

core::Error failure(core::ErrorCode code, const QString &message)
{
    return core::makeError(code, message);
}

core::Error unknownSymbol(const QString &symbol)
{
    return failure(core::ErrorCode::UnknownSymbol,
                   OrderService::tr("No instrument %1.").arg(symbol));
}

core::Error notFound(const QString &orderId)
{
    return failure(core::ErrorCode::NotFound,
                   OrderService::tr("No order %1.").arg(orderId.left(32)));
}

// Every field of the entry in a fixed order, each prefixed by its size, so equal requests
// hash equally and different ones differently. (Written field by field: building the JSON of
// each order for it cost a tenth of the trading thread.)
QByteArray requestHash(const protocol::NewOrder &request)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const auto add = [&hash](QByteArrayView field) {
        const quint32 size = qToBigEndian(quint32(field.size()));
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(&size), sizeof size));
        hash.addData(field);
    };
    const auto addNumber = [&add](std::optional<std::int64_t> number) {
        if (!number)
            return add({});
        const std::int64_t big = qToBigEndian(*number);
        add(QByteArrayView(reinterpret_cast<const char *>(&big), sizeof big));
    };
    add(request.clientOrderId.toUtf8());
    add(request.symbol.toUtf8());
    addNumber(int(request.side));
    addNumber(int(request.type));
    addNumber(int(request.timeInForce));
    addNumber(request.quantity.decimal().units());
    addNumber(request.price.decimal().units());
    addNumber(request.stopPrice ? std::optional(request.stopPrice->decimal().units())
                                : std::nullopt);
    addNumber(request.displayQuantity ? std::optional(request.displayQuantity->decimal().units())
                                      : std::nullopt);
    addNumber(request.expiresAt.isValid() ? std::optional(request.expiresAt.toMSecsSinceEpoch())
                                          : std::nullopt);
    return hash.result();
}

matching::Side toEngine(protocol::Side side)
{
    return side == protocol::Side::Buy ? matching::Side::Buy : matching::Side::Sell;
}

protocol::Side fromEngine(matching::Side side)
{
    return side == matching::Side::Buy ? protocol::Side::Buy : protocol::Side::Sell;
}

matching::OrderKind toEngine(protocol::OrderType type)
{
    switch (type) {
    case protocol::OrderType::Limit:
        return matching::OrderKind::Limit;
    case protocol::OrderType::Market:
        return matching::OrderKind::Market;
    case protocol::OrderType::Stop:
        return matching::OrderKind::Stop;
    case protocol::OrderType::StopLimit:
        return matching::OrderKind::StopLimit;
    }
    return matching::OrderKind::Limit;
}

matching::TimeInForce toEngine(protocol::TimeInForce timeInForce)
{
    switch (timeInForce) {
    case protocol::TimeInForce::GoodTillCancel:
        return matching::TimeInForce::GoodTillCancel;
    case protocol::TimeInForce::GoodTillDate:
        return matching::TimeInForce::GoodTillDate;
    case protocol::TimeInForce::Day:
        return matching::TimeInForce::Day;
    case protocol::TimeInForce::ImmediateOrCancel:
        return matching::TimeInForce::ImmediateOrCancel;
    case protocol::TimeInForce::FillOrKill:
        return matching::TimeInForce::FillOrKill;
    }
    return matching::TimeInForce::GoodTillCancel;
}

QString reasonName(matching::Reason reason, matching::EventType type)
{
    switch (reason) {
    case matching::Reason::UserRequest:
        return QStringLiteral("user");
    case matching::Reason::ImmediateOrCancel:
        return QStringLiteral("ioc");
    case matching::Reason::NoLiquidity:
        return QStringLiteral("no_liquidity");
    case matching::Reason::FillOrKillNotFillable:
        return QStringLiteral("fok");
    case matching::Reason::SelfTrade:
        return QStringLiteral("self_trade");
    case matching::Reason::EndOfTrading:
        return QStringLiteral("end_of_day");
    case matching::Reason::InstrumentClosed:
        return QStringLiteral("instrument_closed");
    default:
        return type == matching::EventType::Expired ? QStringLiteral("expired") : QString();
    }
}

// What everyone may see of a trade: no orders, no users.
protocol::MarketTrade publicTrade(const TradeRecord &trade)
{
    return { QString::number(trade.id), trade.symbol, trade.price, trade.quantity,
             trade.aggressor,           trade.time };
}

// The end of the market's trading day: its next local midnight.
QDateTime endOfDay(const core::Instrument &instrument, const QDateTime &now)
{
    const QTimeZone zone(instrument.timeZone);
    const QDate today = now.toTimeZone(zone).date();
    return QDateTime(today.addDays(1), QTime(0, 0), zone).toUTC();
}

} // namespace

OrderService::OrderService(Store &store, StoreWriter &writer, TradingRules rules, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_writer(writer)
    , m_rules(rules)
{
    m_events.reserve(256);
    m_expiryTimer.setInterval(1000);
    connect(&m_expiryTimer, &QTimer::timeout, this, [this] { expireOrders(nowUtc()); });
    connect(&m_writer, &StoreWriter::committed, this, &OrderService::onCommitted);
    connect(&m_writer, &StoreWriter::failed, this, &OrderService::onFailed);
    m_replayedTimer.setSingleShot(true);
    m_replayedTimer.setInterval(kReplayOverlapMs);
    connect(&m_replayedTimer, &QTimer::timeout, this, [this] { m_replayedTrades.clear(); });
    m_settingsTimer.setInterval(kSettingsPollMs);
    connect(&m_settingsTimer, &QTimer::timeout, this, &OrderService::pollSettings);
    // Deals booked or cancelled elsewhere raise the configuration version.
    connect(this, &OrderService::configurationChanged, this, &OrderService::readDeals);
    m_reloadTimer.setSingleShot(true);
    connect(&m_reloadTimer, &QTimer::timeout, this, [this] {
        if (Result<void> loaded = load(); !loaded) {
            // Half a second, then doubling up to five: quick after a blip, quiet in an outage.
            m_reloadTimer.start(std::min(m_reloadTimer.interval() * 2, 5000));
            qWarning().noquote() << "Storage still unavailable, next try in"
                                 << m_reloadTimer.interval() << "ms:" << loaded.error().message;
            return;
        }
        qWarning().noquote() << "Storage is back: state reloaded, taking orders again.";
        m_unavailable = false;
        m_writer.reset();
    });
}

OrderService::~OrderService() = default;

Result<QList<Market *>> OrderService::addMarkets()
{
    Result<QList<core::Instrument>> instruments = m_store.instruments();
    if (!instruments)
        return instruments.error();
    const QDateTime now = nowUtc();
    // Hours and quarter-hours are listed ~200 a day: those delivered a while ago are history
    // (their trades stay in storage), not markets to keep in memory.
    const QDate oldestIntraday = now.date().addDays(-kIntradayRetentionDays);
    QList<Market *> added;
    for (const core::Instrument &instrument : std::as_const(*instruments)) {
        if (m_bySymbol.contains(instrument.symbol)
            || (instrument.delivery.isIntraday() && instrument.delivery.end < oldestIntraday))
            continue;
        m_markets.push_back(std::make_unique<Market>(instrument));
        Market *market = m_markets.back().get();
        market->owned = m_ownsAll;
        m_bySymbol.insert(instrument.symbol, market);
        added.append(market);
    }
    std::sort(m_markets.begin(), m_markets.end(), [](const auto &a, const auto &b) {
        return core::boardOrderLess(a->instrument(), b->instrument());
    });
    return added;
}

Result<void> OrderService::refreshInstruments()
{
    Result<QList<Market *>> added = addMarkets();
    if (!added)
        return added.error();
    if (Result<void> rebuilt = rebuild(*added); !rebuilt)
        return rebuilt;
    if (!added->isEmpty())
        Q_EMIT instrumentsChanged();
    return {};
}

Result<void> OrderService::start()
{
    if (Result<void> loaded = load(); !loaded)
        return loaded;
    // What was rebuilt, for the log: a book that differs from the one before the stop has a
    // different hash (GET /api/v1/admin/books/{symbol}/hash answers the same while running).
    qsizetype orders = 0;
    for (const std::unique_ptr<Market> &market : m_markets) {
        if (market->book.orderCount() == 0)
            continue;
        orders += qsizetype(market->book.orderCount());
        qInfo().noquote() << QStringLiteral("book %1: %2 orders, sequence %3, state hash %4")
                                 .arg(market->symbol())
                                 .arg(market->book.orderCount())
                                 .arg(market->book.lastSequence())
                                 .arg(market->book.stateHash(), 16, 16, QLatin1Char('0'));
    }
    qInfo().noquote() << QStringLiteral("rebuilt %1 books with %2 resting orders")
                             .arg(m_markets.size())
                             .arg(orders);
    expireOrders(nowUtc()); // whatever expired while the server was down
    m_expiryTimer.start();
    m_settingsTimer.start();
    return {};
}

Result<void> OrderService::load()
{
    // Storage answers before anything is thrown away: while it is down, reads are served from
    // what memory holds. (If it fails in the middle of the reads below, the reload timer
    // retries until it is back.)
    if (Result<std::int64_t> reachable = m_store.configVersion(); !reachable)
        return reachable.error();
    m_markets.clear();
    m_bySymbol.clear();
    m_live.clear();
    m_remoteLive.clear();
    m_positions.clear();
    m_rebuilding.clear();
    m_pendingClientIds.clear();
    m_closing.clear();
    m_clientKeys.clear();
    m_risk.reset();
    if (Result<void> settings = refreshSettings(); !settings)
        return settings;
    if (Result<void> keys
        = m_store.forEachClientOrderId([this](std::int64_t user, const QString &id) {
              m_clientKeys.insert(clientKey(user, id));
          });
        !keys) {
        return keys;
    }
    // New blocks of ids: whatever was handed out before a failure is never reused.
    m_orderIds = IdSupply();
    m_tradeIds = IdSupply();
    ++m_idEpoch;
    Result<QList<Market *>> added = addMarkets();
    if (!added)
        return added.error();
    if (Result<void> rebuilt = rebuild(*added); !rebuilt)
        return rebuilt;
    if (Result<void> remote = reloadRemoteLive(); !remote)
        return remote;
    Result<QList<DealRecord>> deals = m_store.liveDeals();
    if (!deals)
        return deals.error();
    m_deals.clear();
    m_dealSums.clear();
    for (const DealRecord &deal : std::as_const(*deals)) {
        m_deals.insert(deal.id, deal);
        countDeal(deal);
    }
    ++m_dealChanges;
    return replayTrades([](const Market &) { return true; });
}

Result<void> OrderService::reloadRemoteLive()
{
    m_remoteLive.clear();
    if (m_ownsAll)
        return {};
    Result<QList<StoredOrder>> live = m_store.liveOrders();
    if (!live)
        return live.error();
    for (const StoredOrder &stored : std::as_const(*live)) {
        const Market *market = findMarket(stored.order.symbol);
        if (market && !market->owned)
            m_remoteLive.insert(stored.order.id.toLongLong(), stored);
    }
    return {};
}

void OrderService::rememberRemote(qint64 userId, const protocol::Order &order)
{
    m_history.remember(userId, order);
    const Market *market = findMarket(order.symbol);
    if (!market || market->owned)
        return; // a stale message about a book this server matches itself now
    const qint64 id = order.id.toLongLong();
    if (!protocol::isLive(order.status)) {
        m_remoteLive.remove(id);
        return;
    }
    StoredOrder &stored = m_remoteLive[id];
    stored.userId = userId;
    stored.order = order;
    stored.remaining = order.quantity.minus(order.filledQuantity).value_or(Quantity());
}

Result<void> OrderService::replayTrades(const std::function<bool(const Market &)> &which)
{
    Result<QList<TradeRecord>> trades = m_store.allTrades();
    if (!trades)
        return trades.error();
    m_positions.removeIf([this, &which](const QString &symbol) {
        const Market *market = findMarket(symbol);
        return !market || which(*market);
    });
    for (const std::unique_ptr<Market> &market : m_markets) {
        if (which(*market))
            market->clearTrades();
    }
    // Trades this recent may still be on their way by Redis: applyRemoteTrade skips them.
    const QDateTime recent = nowUtc().addMSecs(-kReplayOverlapMs);
    m_replayedTrades.clear();
    // A market's trades (stored by symbol, each book's in its order) with its live deals.
    const QHash<QString, QList<DealRecord>> deals = dealsBySymbol();
    const auto replay = [&](Market &market, std::span<const TradeRecord> trades) {
        inPositionOrder(
            trades, deals.value(market.symbol()),
            [&](const TradeRecord &trade) {
                record(market, trade); // rebuilt, not news: nothing to announce
                market.remember(publicTrade(trade));
                if (!market.owned && trade.time >= recent)
                    m_replayedTrades.insert(trade.id);
            },
            [&](const DealRecord &deal) {
                if (Result<void> held = m_positions.apply(deal, market.multiplier()); !held)
                    qCritical().noquote() << held.error().message;
            });
    };
    QSet<QString> replayed;
    for (qsizetype begin = 0, end = 0; begin < trades->size(); begin = end) {
        const QString &symbol = trades->at(begin).symbol;
        for (end = begin; end < trades->size() && trades->at(end).symbol == symbol;)
            ++end;
        Market *market = findMarket(symbol);
        if (!market || !which(*market))
            continue;
        replay(*market,
               std::span<const TradeRecord>(trades->constData() + begin, std::size_t(end - begin)));
        replayed.insert(symbol);
    }
    for (auto dealt = deals.cbegin(); dealt != deals.cend(); ++dealt) {
        Market *market = findMarket(dealt.key());
        if (market && which(*market) && !replayed.contains(dealt.key()))
            replay(*market, {});
    }
    if (!m_replayedTrades.isEmpty())
        m_replayedTimer.start();
    return {};
}

Result<void> OrderService::catchUpRemote()
{
    if (Result<void> remote = reloadRemoteLive(); !remote)
        return remote;
    return replayTrades([](const Market &market) { return !market.owned; });
}

Result<void> OrderService::rebuild(const QList<Market *> &candidates)
{
    // Only books this server matches are kept in memory.
    QList<Market *> markets;
    for (Market *market : candidates) {
        if (market->owned)
            markets.append(market);
    }
    if (markets.isEmpty())
        return {};
    Result<QList<StoredOrder>> live = m_store.liveOrders();
    if (!live)
        return live.error();
    Result<QList<BookState>> states = m_store.bookStates();
    if (!states)
        return states.error();
    Result<QList<UserRecord>> users = m_store.users();
    if (!users)
        return users.error();
    QSet<qint64> cancelOldest; // accounts whose self-trade prevention keeps the new order
    for (const UserRecord &user : std::as_const(*users)) {
        if (user.selfTrade == u"cancel_oldest")
            cancelOldest.insert(user.id);
    }
    const QSet<Market *> rebuilding(markets.begin(), markets.end());
    const QDateTime now = nowUtc();
    for (Market *market : markets) {
        market->book = matching::OrderBook();
        if (!market->instrument().isExpired(now))
            market->book.reserve(market->instrument().delivery.isIntraday() ? 256 : 4096);
    }
    for (const BookState &state : std::as_const(*states)) {
        Market *market = findMarket(state.symbol);
        if (!market || !rebuilding.contains(market))
            continue;
        market->book.restoreSequence(state.lastSequence);
        if (state.lastTrade)
            market->book.restoreLastTrade(market->ticks(*state.lastTrade));
    }
    // Stored in ascending priority: restoring in that order rebuilds every queue as it was.
    for (const StoredOrder &stored : std::as_const(*live)) {
        Market *found = findMarket(stored.order.symbol);
        if (!found || !rebuilding.contains(found))
            continue;
        Market &market = *found;
        const protocol::Order &order = stored.order;
        matching::OrderBook::OrderView view;
        view.id = matching::OrderId(order.id.toLongLong());
        view.account = matching::AccountId(stored.userId);
        view.side = toEngine(order.side);
        view.kind = toEngine(order.type);
        if (!stored.pendingStop && order.type == protocol::OrderType::StopLimit)
            view.kind = matching::OrderKind::Limit; // triggered before the restart
        view.timeInForce = toEngine(order.timeInForce);
        view.price = market.ticks(order.price);
        view.stopPrice = order.stopPrice ? market.ticks(*order.stopPrice) : 0;
        view.quantity = market.lots(order.quantity);
        view.remaining = market.lots(stored.remaining);
        view.visible = market.lots(stored.visible);
        view.displayQuantity = order.displayQuantity ? market.lots(*order.displayQuantity) : 0;
        view.expiresAt = order.expiresAt.isValid() ? order.expiresAt.toMSecsSinceEpoch() : 0;
        view.pendingStop = stored.pendingStop;
        view.selfTrade = cancelOldest.contains(stored.userId)
            ? matching::SelfTradePrevention::CancelOldest
            : matching::SelfTradePrevention::CancelNewest;
        market.book.restore(view);
        m_live.insert(order.id.toLongLong(), stored);
    }
    for (Market *market : markets)
        market->applyRules(m_rules);
    return {};
}

Result<void> OrderService::refreshSettings()
{
    Result<std::optional<PreTradeRisk::Settings>> read
        = PreTradeRisk::read(m_store, m_risk.version());
    if (!read)
        return read.error();
    if (*read)
        applySettings(std::move(**read));
    return {};
}

void OrderService::pollSettings()
{
    const auto done = [this](Result<std::optional<PreTradeRisk::Settings>> read) {
        if (!read && !m_settingsFailing)
            qWarning().noquote() << "Cannot refresh limits and users (the cached ones apply):"
                                 << read.error().message;
        m_settingsFailing = !read;
        if (read && *read)
            applySettings(std::move(**read));
    };
    if (!m_readers)
        return done(PreTradeRisk::read(m_store, m_risk.version()));
    if (m_settingsReading)
        return; // the last poll is still on its way: a slow database, not a reason to queue
    m_settingsReading = true;
    m_readers->read<std::optional<PreTradeRisk::Settings>>(
        [known = m_risk.version()](Store &store) { return PreTradeRisk::read(store, known); }, this,
        [this, done](Result<std::optional<PreTradeRisk::Settings>> read) {
            m_settingsReading = false;
            done(std::move(read));
        });
}

void OrderService::applySettings(PreTradeRisk::Settings settings)
{
    if (m_risk.apply(std::move(settings)))
        Q_EMIT configurationChanged(m_risk.version());
}

quint64 OrderService::clientKey(qint64 userId, const QString &clientOrderId)
{
    // FNV-1a: stable, fast, and 64 bits make collisions (which only cost a lookup) negligible.
    quint64 hash = 14695981039346656037ull;
    const auto add = [&hash](quint64 byte) {
        hash ^= byte;
        hash *= 1099511628211ull;
    };
    for (int shift = 0; shift < 64; shift += 8)
        add((quint64(userId) >> shift) & 0xff);
    for (const QChar c : clientOrderId) {
        add(c.unicode() & 0xff);
        add(c.unicode() >> 8);
    }
    return hash;
}

Result<qint64> OrderService::nextId(Store::IdKind kind)
{
    if (Result<void> reserved = reserveIds(kind, 1); !reserved)
        return reserved.error();
    return supply(kind).block.next++;
}

Result<void> OrderService::reserveIds(Store::IdKind kind, qint64 count)
{
    IdSupply &ids = supply(kind);
    if (ids.block.left() < count) {
        // A new block (the rest of the old one is skipped: ids need not be dense).
        if (ids.spare && ids.spare->left() >= count) {
            ids.block = *ids.spare;
            ids.spare.reset();
        } else {
            const qint64 size = std::max(m_idBlock, count);
            Result<std::int64_t> first = m_store.reserveIds(kind, size);
            if (!first)
                return first.error();
            ids.block = IdBlock { *first, *first + size };
        }
    }
    reserveSpare(kind);
    return {};
}

void OrderService::reserveSpare(Store::IdKind kind)
{
    IdSupply &ids = supply(kind);
    if (!m_readers || ids.spare || ids.reserving || ids.block.left() > m_idBlock / 4)
        return;
    ids.reserving = true;
    const auto reserve = [kind, size = m_idBlock](Store &store) {
        return store.reserveIds(kind, size);
    };
    const auto reserved
        = [this, kind, size = m_idBlock, epoch = m_idEpoch](Result<std::int64_t> first) {
              if (epoch != m_idEpoch)
                  return; // reserved before a reload, which starts afresh
              IdSupply &ids = supply(kind);
              ids.reserving = false;
              if (!first) {
                  // Tried again at the next id taken; the block in use goes on meanwhile.
                  qWarning().noquote()
                      << "Cannot reserve the next block of ids:" << first.error().message;
                  return;
              }
              if (*first < ids.block.end) {
                  // The block in use ran out first and one was taken in line: this one lies
                  // below it, and ids must not run backwards (listings page by them). It is
                  // skipped (ids need not be dense) and another reserved after it.
                  reserveSpare(kind);
                  return;
              }
              ids.spare = IdBlock { *first, *first + size };
          };
    m_readers->read<std::int64_t>(reserve, this, reserved);
}

void OrderService::shutdown()
{
    m_settingsTimer.stop();
    m_expiryTimer.stop();
    m_reloadTimer.stop();
    m_commits.clear();
}

void OrderService::onCommitted(quint64 lastTicket)
{
    m_closing.removeIf([lastTicket](const auto &closing) { return closing->first <= lastTicket; });
    m_commits.committed(lastTicket);
}

void OrderService::onFailed(quint64, const core::Error &error)
{
    // A fenced write refused: another server took one of this server's books over while this
    // one still matched it (its lock connection dropped, or it stalled). Storage is fine.
    const bool moved = error.is(core::ErrorCode::BookMoved);
    qWarning().noquote() << "Storing trading state failed:" << error.message;
    m_storageError = error;
    m_unavailable = true;
    // Nothing waiting was stored, and later commands built on it: answer them all, then take
    // memory back to what storage holds (in a cluster, without books until it takes its own
    // again).
    const core::Error failed = moved
        ? failure(core::ErrorCode::BookMoved,
                  tr("The book was taken over by another server while this order was on its "
                     "way, so nothing was done: send it again."))
        : storageUnavailable();
    m_commits.failAll(failed);
    if (Result<void> loaded = load(); !loaded) {
        qWarning().noquote() << "Cannot reload from storage:" << loaded.error().message;
        m_reloadTimer.start(500);
        return;
    }
    m_unavailable = false;
    m_writer.reset();
}

core::Error OrderService::storageUnavailable() const
{
    return failure(core::ErrorCode::StorageUnavailable,
                   tr("Orders cannot be stored right now, so nothing was done: %1")
                       .arg(m_storageError.message));
}

QList<core::Instrument> OrderService::instruments(const QDateTime &now, bool expired) const
{
    QList<core::Instrument> list;
    list.reserve(qsizetype(m_markets.size()));
    for (const std::unique_ptr<Market> &market : m_markets) {
        if (expired || !market->instrument().isExpired(now))
            list.append(market->instrument());
    }
    return list;
}

std::optional<Result<protocol::Order>> OrderService::orderInMemory(const Principal &principal,
                                                                   const QString &orderId) const
{
    // Another user's order is as unknown as one that does not exist.
    bool numeric = false;
    const qint64 id = orderId.toLongLong(&numeric);
    if (!numeric || id <= 0)
        return notFound(orderId);
    if (const auto live = m_live.constFind(id); live != m_live.cend()) {
        if (live->userId != principal.userId)
            return notFound(orderId);
        return live->order;
    }
    if (const auto closing = m_closing.constFind(id); closing != m_closing.cend()) {
        if (closing->second.userId != principal.userId)
            return notFound(orderId);
        return closing->second.order;
    }
    if (std::optional<protocol::Order> known = m_history.order(principal.userId, orderId))
        return *known;
    return std::nullopt;
}

Result<protocol::Order> OrderService::orderFrom(Result<std::optional<StoredOrder>> stored,
                                                const Principal &principal, const QString &orderId)
{
    if (!stored)
        return stored.error();
    if (!*stored || (*stored)->userId != principal.userId)
        return notFound(orderId);
    return (*stored)->order;
}

std::optional<core::Instrument> OrderService::instrument(const QString &symbol) const
{
    if (const Market *market = findMarket(symbol))
        return market->instrument();
    return std::nullopt;
}

Market *OrderService::findMarket(const QString &symbol) const
{
    return m_bySymbol.value(symbol, nullptr);
}

QString OrderService::audited(const Principal &principal, QStringView action,
                              const QString &orderId, QStringView detail) const
{
    return orderAuditLine(m_clock->nowMs(), action, orderId, principal.username,
                          principal.source.isEmpty() ? QStringView(u"local") : principal.source,
                          detail);
}

template<typename Command>
Result<OrderService::Applied> OrderService::run(Market &market, Command command, qint64 createdId,
                                                QStringList audit)
{
    if (m_unavailable)
        return storageUnavailable();
    // Ids for every trade the command could make (one per order resting on the book, and one
    // more), taken before it runs: once the engine has matched, nothing may fail any more.
    if (Result<void> ids = reserveIds(Store::IdKind::Trade, qint64(market.book.orderCount()) + 1);
        !ids) {
        return ids.error();
    }
    m_events.clear();
    command(market.book, m_events);
    if (m_events.empty() || m_events.front().type == matching::EventType::Rejected) {
        Applied nothing;
        nothing.market = &market;
        if (!m_events.empty())
            nothing.rejection = m_events.front();
        return nothing;
    }
    Applied applied = apply(market, m_events);
    market.applyRules(m_rules);

    // The writer stores the command's outcome, by value: every touched order whole as it now
    // is (the new one included), the trades and the book's counters.
    TradingWrite write;
    for (const Change &change : std::as_const(applied.changes)) {
        (change.order.order.id.toLongLong() == createdId ? write.newOrders : write.orders)
            .append(change.order);
    }
    write.trades = applied.trades;
    BookState state;
    state.symbol = market.symbol();
    state.lastSequence = market.book.lastSequence();
    if (const auto last = market.book.lastTradePrice())
        state.lastTrade = market.price(*last);
    write.books.append(state);
    if (market.epoch)
        write.fences.append({ market.symbol(), *market.epoch });
    write.audit = std::move(audit);
    if (m_notify) {
        for (const Change &change : std::as_const(applied.changes)) {
            std::optional<NotificationRecord> notification
                = orderNotification(change.type, change.order, change.order.order.updatedAt);
            if (notification && m_notify(notification->userId, notification->type))
                write.notifications.append(std::move(*notification));
        }
    }
    applied.ticket = m_writer.submit(std::move(write));
    for (const Change &change : std::as_const(applied.changes)) {
        if (!protocol::isLive(change.order.order.status))
            m_closing.insert(change.order.order.id.toLongLong(), { applied.ticket, change.order });
    }
    m_commits.whenDurable(applied.ticket, [this, applied](const core::Error *failed) {
        if (!failed)
            announce(applied);
    });
    return applied;
}

OrderService::Applied OrderService::apply(Market &market,
                                          const std::vector<matching::Event> &events)
{
    const QDateTime now = nowUtc();
    Applied applied;
    applied.market = &market;
    QList<qint64> touched;
    QHash<qint64, QString> lastType;
    QHash<qint64, matching::Lots> lastRemaining;
    QHash<qint64, QString> reasons;
    // Σ price × quantity per order in this command; none for one whose sum overflowed.
    QHash<qint64, std::optional<core::Decimal>> tradedValue;
    QSet<qint64> averageBroken;
    const auto note = [&](matching::OrderId id, QStringView type, matching::Lots remaining) {
        const qint64 key = qint64(id);
        if (!lastType.contains(key))
            touched.append(key);
        lastType.insert(key, type.toString());
        lastRemaining.insert(key, remaining);
    };
    for (const matching::Event &event : events) {
        switch (event.type) {
        case matching::EventType::Accepted:
            note(event.orderId, protocol::stream::kOrderAccepted, event.remaining);
            break;
        case matching::EventType::Modified:
            note(event.orderId, protocol::stream::kOrderModified, event.remaining);
            break;
        case matching::EventType::Triggered:
            note(event.orderId, protocol::stream::kOrderTriggered, event.remaining);
            break;
        case matching::EventType::Cancelled:
        case matching::EventType::Expired:
            note(event.orderId,
                 event.type == matching::EventType::Cancelled ? protocol::stream::kOrderCancelled
                                                              : protocol::stream::kOrderExpired,
                 event.remaining);
            reasons.insert(qint64(event.orderId), reasonName(event.reason, event.type));
            break;
        case matching::EventType::Trade: {
            TradeRecord trade;
            trade.symbol = market.symbol();
            trade.price = market.price(event.price);
            trade.quantity = market.quantity(event.quantity);
            const bool takerBuys = event.side == matching::Side::Buy;
            trade.buyOrderId = qint64(takerBuys ? event.orderId : event.makerOrderId);
            trade.sellOrderId = qint64(takerBuys ? event.makerOrderId : event.orderId);
            trade.buyUserId = takerBuys ? event.account : event.makerAccount;
            trade.sellUserId = takerBuys ? event.makerAccount : event.account;
            trade.aggressor = fromEngine(event.side);
            trade.sequence = event.sequence;
            trade.time = now;
            // Reserved before the command ran (run()): taking one cannot fail.
            Q_ASSERT(m_tradeIds.block.left() > 0);
            trade.id = m_tradeIds.block.next++;
            applied.trades.append(trade);
            // Σ price × quantity per order, for its average price; an average that cannot be
            // computed is left out and said in the log, never shown wrong.
            const Result<core::Decimal> value
                = trade.price.decimal().times(trade.quantity.decimal());
            for (const matching::OrderId side : { event.orderId, event.makerOrderId }) {
                std::optional<core::Decimal> &sum = tradedValue[qint64(side)];
                Result<core::Decimal> added
                    = value && sum ? sum->plus(*value) : Result<core::Decimal>(value);
                if (!added) {
                    qCritical().noquote()
                        << "order" << qint64(side) << "on" << trade.symbol
                        << "gets no average price: its traded value" << added.error().message;
                    sum.reset();
                    averageBroken.insert(qint64(side));
                    continue;
                }
                if (!averageBroken.contains(qint64(side)))
                    sum = *added;
            }
            note(event.orderId,
                 event.remaining == 0 ? protocol::stream::kOrderFilled
                                      : protocol::stream::kOrderPartiallyFilled,
                 event.remaining);
            note(event.makerOrderId,
                 event.makerRemaining == 0 ? protocol::stream::kOrderFilled
                                           : protocol::stream::kOrderPartiallyFilled,
                 event.makerRemaining);
            break;
        }
        case matching::EventType::Rejected:
            break;
        }
    }
    for (qint64 id : std::as_const(touched)) {
        auto found = m_live.find(id);
        if (found == m_live.end()) {
            // Every order the engine knows is live here: if one is not, memory and the engine
            // disagree, and the next reload from storage sets it right.
            qCritical().noquote() << "order" << id << "of" << market.symbol()
                                  << "changed in the book but is not live here";
            continue;
        }
        StoredOrder &stored = *found;
        protocol::Order &order = stored.order;
        const QString type = lastType.value(id);
        if (const auto view = market.book.order(matching::OrderId(id))) {
            order.quantity = market.quantity(view->quantity);
            if (protocol::hasLimitPrice(order.type))
                order.price = market.price(view->price);
            stored.remaining = market.quantity(view->remaining);
            stored.visible = market.quantity(view->visible);
            stored.priority = view->priority;
            stored.pendingStop = view->pendingStop;
            order.filledQuantity = market.quantity(view->quantity - view->remaining);
            order.status = view->remaining < view->quantity ? protocol::OrderStatus::PartiallyFilled
                                                            : protocol::OrderStatus::Open;
        } else {
            const matching::Lots remaining = lastRemaining.value(id);
            order.filledQuantity
                = Quantity(*order.quantity.decimal().minus(market.quantity(remaining).decimal()));
            stored.remaining = Quantity();
            stored.visible = Quantity();
            stored.pendingStop = false;
            order.reason = reasons.value(id);
            if (type == protocol::stream::kOrderCancelled)
                order.status = protocol::OrderStatus::Cancelled;
            else if (type == protocol::stream::kOrderExpired)
                order.status = protocol::OrderStatus::Expired;
            else
                order.status = protocol::OrderStatus::Filled;
        }
        if (averageBroken.contains(id)) {
            order.averagePrice.reset(); // unknown rather than wrong (logged above)
        } else if (const auto traded = tradedValue.constFind(id); traded != tradedValue.cend()) {
            const Result<core::Decimal> total = stored.filledValue.plus(**traded);
            const Result<core::Decimal> average = total
                ? total->dividedBy(order.filledQuantity.decimal())
                : Result<core::Decimal>(total.error());
            if (average) {
                stored.filledValue = *total;
                order.averagePrice = Price(*average);
            } else {
                qCritical().noquote()
                    << "order" << id << "gets no average price:" << average.error().message;
                order.averagePrice.reset();
            }
        }
        order.updatedAt = now;
        applied.changes.append(Change { type, stored });
    }
    // Everything in memory moves now, so the next command (and its risk check) sees it; the
    // world hears of it in announce(), once it is stored.
    for (const Change &change : std::as_const(applied.changes)) {
        const qint64 id = change.order.order.id.toLongLong();
        if (protocol::isLive(change.order.order.status))
            m_live.insert(id, change.order);
        else
            m_live.remove(id);
    }
    for (const TradeRecord &trade : std::as_const(applied.trades))
        applied.candles.append(record(market, trade));
    return applied;
}

Market::CandleChanges OrderService::record(Market &market, const TradeRecord &trade)
{
    if (Result<void> held = m_positions.apply(trade, market.multiplier()); !held) {
        // The trade stands (it is matched and stored); the position's P&L cannot follow.
        qCritical().noquote() << held.error().message;
    }
    if (!m_rebuilding.isEmpty()) [[unlikely]] {
        const auto note = [this, &trade](qint64 user) {
            if (const auto rebuilding = m_rebuilding.find({ user, trade.symbol });
                rebuilding != m_rebuilding.end())
                rebuilding->since.append(trade);
        };
        note(trade.buyUserId);
        if (trade.sellUserId != trade.buyUserId) // a trade with oneself is noted once
            note(trade.sellUserId);
    }
    return market.record(trade, nowUtc().date());
}

void OrderService::announceFills(const TradeRecord &trade, const QString &buyClientId,
                                 const QString &sellClientId)
{
    for (const auto &[user, side, orderId, clientId] :
         { std::tuple { trade.buyUserId, protocol::Side::Buy, trade.buyOrderId, buyClientId },
           std::tuple { trade.sellUserId, protocol::Side::Sell, trade.sellOrderId,
                        sellClientId } }) {
        protocol::Trade own;
        own.id = QString::number(trade.id);
        own.symbol = trade.symbol;
        own.side = side;
        own.price = trade.price;
        own.quantity = trade.quantity;
        own.orderId = QString::number(orderId);
        own.clientOrderId = clientId;
        own.aggressor = trade.aggressor == side;
        own.time = trade.time;
        m_history.remember(user, own);
        Q_EMIT tradeEvent(own, user);
    }
}

bool OrderService::owns(const QString &symbol) const
{
    const Market *market = findMarket(symbol);
    return market && market->owned;
}

void OrderService::release(const QString &symbol)
{
    Market *market = findMarket(symbol);
    if (!market || !market->owned)
        return;
    market->owned = false;
    market->epoch.reset();
    market->book = matching::OrderBook();
    // Still open, on the book's next owner.
    m_live.removeIf([this, &symbol](const auto &live) {
        if (live->order.symbol != symbol)
            return false;
        m_remoteLive.insert(live.key(), live.value());
        return true;
    });
}

Result<void> OrderService::acquire(const QList<BookFence> &fences)
{
    QList<Market *> markets;
    for (const BookFence &fence : fences) {
        Market *market = findMarket(fence.symbol);
        if (market && !market->owned) {
            market->epoch = fence.epoch;
            markets.append(market);
        }
    }
    if (markets.isEmpty())
        return {};
    // As the previous owner left them in storage: its last commands may not have reached
    // this server by Redis, so trades are replayed too.
    for (Market *market : std::as_const(markets)) {
        const auto onIt = [market](const auto &live) {
            return live->order.symbol == market->symbol();
        };
        m_live.removeIf(onIt);
        m_remoteLive.removeIf(onIt);
        market->owned = true;
    }
    if (Result<void> rebuilt = rebuild(markets); !rebuilt)
        return rebuilt;
    if (Result<void> keys
        = m_store.forEachClientOrderId([this](std::int64_t user, const QString &id) {
              m_clientKeys.insert(clientKey(user, id));
          });
        !keys) {
        return keys;
    }
    // Only the books taken over: trades of this server's own books may still be on their way
    // to storage.
    const QSet<const Market *> taken(markets.cbegin(), markets.cend());
    return replayTrades([&taken](const Market &market) { return taken.contains(&market); });
}

void OrderService::applyRemoteTrade(const TradeRecord &trade, const QString &buyClientId,
                                    const QString &sellClientId)
{
    Market *market = findMarket(trade.symbol);
    if (!market || market->owned)
        return; // a stale message about a book this server matches itself now
    if (m_replayedTrades.contains(trade.id))
        return; // read from storage already
    for (const auto &[interval, candle] : record(*market, trade))
        Q_EMIT candleUpdated(trade.symbol, interval, candle);
    const protocol::MarketTrade seen = publicTrade(trade);
    market->remember(seen);
    Q_EMIT marketTrade(seen);
    announceFills(trade, buyClientId, sellClientId);
}

std::optional<QString> OrderService::symbolOfOrder(const QString &orderId)
{
    const qint64 id = orderId.toLongLong();
    if (const auto live = m_live.constFind(id); live != m_live.cend())
        return live->order.symbol;
    Result<std::optional<StoredOrder>> stored = m_store.findOrder(id);
    if (!stored || !*stored)
        return std::nullopt;
    return (*stored)->order.symbol;
}

void OrderService::announce(const Applied &applied)
{
    const QString &symbol = applied.market->symbol();
    for (const auto &[interval, candle] : applied.candles)
        Q_EMIT candleUpdated(symbol, interval, candle);
    for (const TradeRecord &trade : applied.trades) {
        // The time and sales shows only what is durable, like everything announced.
        const protocol::MarketTrade seen = publicTrade(trade);
        applied.market->remember(seen);
        Q_EMIT marketTrade(seen);
        const auto clientIdOf = [&applied](qint64 orderId) {
            for (const Change &change : applied.changes) {
                if (change.order.order.id.toLongLong() == orderId)
                    return change.order.order.clientOrderId;
            }
            return QString();
        };
        const QString buyClientId = clientIdOf(trade.buyOrderId);
        const QString sellClientId = clientIdOf(trade.sellOrderId);
        announceFills(trade, buyClientId, sellClientId);
        Q_EMIT tradeStored(trade, buyClientId, sellClientId);
    }
    for (const Change &change : applied.changes) {
        m_history.remember(change.order.userId, change.order.order);
        Q_EMIT orderEvent(change.type, change.order.order, change.order.userId);
    }
    Q_EMIT marketUpdated(symbol);
}

Result<std::pair<Quantity, Quantity>> OrderService::openQuantities(qint64 user,
                                                                   const QString &symbol,
                                                                   qint64 replacing) const
{
    Quantity buying;
    Quantity selling;
    for (const StoredOrder &live : std::as_const(m_live)) {
        if (live.userId != user || live.order.id.toLongLong() == replacing
            || live.order.symbol != symbol)
            continue;
        Quantity &open = live.order.side == protocol::Side::Buy ? buying : selling;
        Result<Quantity> more = open.plus(live.remaining);
        if (!more)
            return PreTradeRisk::overflow(tr("open quantity"));
        open = *more;
    }
    return std::pair { buying, selling };
}

Quantity OrderService::netPosition(qint64 user, const QString &symbol) const
{
    return m_positions.net(user, symbol);
}

Result<core::Money> OrderService::exposure(const QList<std::int64_t> &users,
                                           const PreTradeRisk::MarketFilter &accept,
                                           qint64 replacing, const QString &dealsWith) const
{
    core::Money total;
    const auto add = [&total](const Result<core::Money> &value) -> Result<void> {
        if (!value)
            return PreTradeRisk::overflow(tr("credit exposure"));
        Result<core::Money> more = total.plus(value->isNegative() ? value->negated() : *value);
        if (!more)
            return PreTradeRisk::overflow(tr("credit exposure"));
        total = *more;
        return {};
    };
    // Open orders on every book, this server's and (in a cluster) the others'.
    for (const QHash<qint64, StoredOrder> *orders : { &m_live, &m_remoteLive }) {
        for (const StoredOrder &live : *orders) {
            if (!users.contains(live.userId) || live.order.id.toLongLong() == replacing)
                continue;
            const Market *market = findMarket(live.order.symbol);
            if (!market || !accept(market->instrument(), market->product()))
                continue;
            const Price at = protocol::hasLimitPrice(live.order.type)
                ? live.order.price
                : live.order.stopPrice.value_or(Price());
            if (Result<void> added = add(market->value(at, live.remaining)); !added)
                return added.error();
        }
    }
    if (Result<void> held = m_positions.forEach(
            [&](const PositionBook::Key &key, const core::Position &position) -> Result<void> {
                if (!users.contains(key.first))
                    return {};
                const Market *market = findMarket(key.second);
                if (!market || !accept(market->instrument(), market->product())
                    || !market->lastPrice())
                    return {};
                return add(market->value(*market->lastPrice(), position.net()));
            });
        !held) {
        return held.error();
    }
    if (dealsWith.isEmpty())
        return total;
    // What the counterparty owes or is owed on the deals booked with it, each at the last
    // trade of its market (the same valuation as a position): summed per symbol as deals
    // come and go (m_dealSums), so this costs a step per symbol, not per deal.
    const QString party = core::documents::partyKey(dealsWith);
    const auto sums = party.isEmpty() ? m_dealSums.cend() : m_dealSums.constFind(party);
    if (sums == m_dealSums.cend())
        return total;
    for (auto sum = sums->cbegin(); sum != sums->cend(); ++sum) {
        const Market *market = findMarket(sum.key());
        if (!market || !accept(market->instrument(), market->product()) || !market->lastPrice())
            continue;
        if (Result<void> added = add(dealsValue(*sum, *market, *market->lastPrice())); !added)
            return added.error();
    }
    return total;
}

Result<void> OrderService::checkRisk(const Principal &principal, const Market &market,
                                     protocol::Side side, std::optional<Price> price,
                                     Quantity quantity, Quantity remaining, qint64 replacing)
{
    // Value at the order's price; a market order at the best price it would meet.
    if (!price) {
        const auto level = market.book.best(side == protocol::Side::Buy ? matching::Side::Sell
                                                                        : matching::Side::Buy);
        if (level)
            price = market.price(level->price);
    }
    const PreTradeRisk::Market seen { market.instrument(), market.product(),
                                      [&market](Price at, Quantity quantity) {
                                          return market.value(at, quantity);
                                      } };
    const PreTradeRisk::Holdings &holdings = *this;
    return m_risk.check(principal, seen, holdings, side, price, quantity, remaining, replacing);
}

void OrderService::place(const Principal &principal, const protocol::NewOrder &request,
                         Reply<Placement> reply)
{
    Result<Placement> placed = placeNow(principal, request, reply);
    if (!placed)
        notifyRejection(principal, request, placed.error());
    if (!placed || !placed->created)
        reply(std::move(placed)); // refused before the book was touched, or a stored replay
}

Result<OrderService::Placement> OrderService::placeNow(const Principal &principal,
                                                       const protocol::NewOrder &request,
                                                       const Reply<Placement> &reply)
{
    if (m_unavailable)
        return storageUnavailable();
    Market *market = findMarket(request.symbol);
    if (!market)
        return unknownSymbol(request.symbol);
    if (!market->owned)
        return notOwner(request.symbol);
    const core::Instrument &instrument = market->instrument();
    const QDateTime now = nowUtc();
    if (instrument.isExpired(now)) {
        return failure(
            core::ErrorCode::InstrumentExpired,
            instrument.tradingEnd.isValid()
                ? tr("%1 stopped trading at %2 UTC (gate closure).")
                      .arg(instrument.symbol, instrument.tradingEnd.toString(u"yyyy-MM-dd HH:mm"))
                : tr("%1 stopped trading on %2.")
                      .arg(instrument.symbol, instrument.lastTradingDay.toString(Qt::ISODate)));
    }
    const Price gridPrice = protocol::hasLimitPrice(request.type)
        ? request.price
        : request.stopPrice.value_or(instrument.tickSize);
    if (Result<void> valid = instrument.checkOrder(gridPrice, request.quantity); !valid)
        return valid.error();
    if (request.stopPrice && !request.stopPrice->isMultipleOf(instrument.tickSize)) {
        return failure(core::ErrorCode::PriceOffTick,
                       tr("The stop price %1 is not on the tick size %2.")
                           .arg(request.stopPrice->toString(), instrument.tickSize.toString()));
    }
    if (request.displayQuantity && !request.displayQuantity->isMultipleOf(instrument.lotSize)) {
        return failure(
            core::ErrorCode::QuantityOffLot,
            tr("The display quantity %1 is not a multiple of the lot size %2.")
                .arg(request.displayQuantity->toString(), instrument.lotSize.toString()));
    }
    QDateTime expiresAt;
    if (request.timeInForce == protocol::TimeInForce::GoodTillDate) {
        if (request.expiresAt <= now)
            return failure(core::ErrorCode::InvalidExpiry, tr("The expiry time is in the past."));
        expiresAt = request.expiresAt;
    } else if (request.timeInForce == protocol::TimeInForce::Day) {
        expiresAt = endOfDay(instrument, now);
    }

    const QByteArray hash = requestHash(request);
    const QPair<qint64, QString> key { principal.userId, request.clientOrderId };
    if (const auto pending = m_pendingClientIds.constFind(key);
        pending != m_pendingClientIds.cend()) {
        if (pending->requestHash != hash) {
            return failure(core::ErrorCode::DuplicateClientOrderId,
                           tr("The client order id %1 was already used for a different order.")
                               .arg(request.clientOrderId));
        }
        // The same order again before the first is stored: answered with it, once stored.
        m_commits.whenDurable(pending->ticket, [this, key, reply](const core::Error *failed) {
            if (failed)
                return reply(*failed);
            Result<std::optional<StoredOrder>> stored
                = m_store.findOrderByClientId(key.first, key.second);
            if (!stored)
                return reply(stored.error());
            if (!*stored)
                return reply(storageUnavailable());
            reply(Placement { (*stored)->order, false });
        });
        return Placement { {}, true }; // answered later
    }
    // Only an id seen before needs storage: was it this order, or another one?
    Result<std::optional<StoredOrder>> earlier = std::optional<StoredOrder>();
    if (m_clientKeys.contains(clientKey(principal.userId, request.clientOrderId)))
        earlier = m_store.findOrderByClientId(principal.userId, request.clientOrderId);
    if (!earlier)
        return earlier.error();
    if (*earlier) {
        if ((*earlier)->requestHash != hash) {
            return failure(core::ErrorCode::DuplicateClientOrderId,
                           tr("The client order id %1 was already used for a different order.")
                               .arg(request.clientOrderId));
        }
        return Placement { (*earlier)->order, false };
    }

    const std::optional<Price> valuation
        = protocol::hasLimitPrice(request.type) ? std::optional(request.price) : request.stopPrice;
    if (Result<void> allowed = checkRisk(principal, *market, request.side, valuation,
                                         request.quantity, request.quantity);
        !allowed) {
        return allowed.error();
    }

    protocol::Order order;
    order.clientOrderId = request.clientOrderId;
    order.username = principal.username;
    order.symbol = request.symbol;
    order.side = request.side;
    order.type = request.type;
    order.timeInForce = request.timeInForce;
    order.quantity = request.quantity;
    order.price = protocol::hasLimitPrice(request.type) ? request.price : Price();
    order.stopPrice = request.stopPrice;
    order.displayQuantity = request.displayQuantity;
    order.expiresAt = expiresAt;
    order.status = protocol::OrderStatus::Open;
    order.createdAt = now;
    order.updatedAt = now;

    Result<qint64> nextOrderId = nextId(Store::IdKind::Order);
    if (!nextOrderId)
        return storageUnavailable();
    const qint64 id = *nextOrderId;
    order.id = QString::number(id);
    StoredOrder stored;
    stored.userId = principal.userId;
    stored.requestHash = hash;
    stored.order = order;
    stored.remaining = order.quantity;
    stored.visible = order.quantity;
    m_live.insert(id, stored);

    matching::OrderRequest engineRequest;
    engineRequest.id = matching::OrderId(id);
    engineRequest.account = matching::AccountId(principal.userId);
    engineRequest.side = toEngine(request.side);
    engineRequest.kind = toEngine(request.type);
    engineRequest.timeInForce = toEngine(request.timeInForce);
    engineRequest.selfTrade = principal.selfTrade == u"cancel_oldest"
        ? matching::SelfTradePrevention::CancelOldest
        : matching::SelfTradePrevention::CancelNewest;
    engineRequest.price = market->ticks(order.price);
    engineRequest.stopPrice = request.stopPrice ? market->ticks(*request.stopPrice) : 0;
    engineRequest.quantity = market->lots(request.quantity);
    engineRequest.displayQuantity
        = request.displayQuantity ? market->lots(*request.displayQuantity) : 0;
    engineRequest.expiresAt = expiresAt.isValid() ? expiresAt.toMSecsSinceEpoch() : 0;

    // A rejection by the engine's market-wide checks changes nothing and writes nothing.    // The
    // command as the audit log keeps it: "buy 10 SYMBOL limit 42.5 client=ID" (the client order id
    // last: it may hold spaces).
    QString detail = protocol::toString(order.side) + u' ' + order.quantity.toString() + u' '
        + order.symbol + u' ' + protocol::toString(order.type);
    if (protocol::hasLimitPrice(order.type))
        detail += u' ' + order.price.toString();
    detail += u" client=" + order.clientOrderId;
    Result<Applied> applied
        = run(*market,
              [&](matching::OrderBook &book, auto &events) { book.submit(engineRequest, events); },
              id, { audited(principal, u"order_placed", order.id, detail) });
    if (applied && applied->rejection) {
        m_live.remove(id);
        const matching::Event &rejection = *applied->rejection;
        if (rejection.reason == matching::Reason::PriceBand) {
            const Price last = market->price(market->book.lastTradePrice().value_or(0));
            return failure(
                core::ErrorCode::PriceBand,
                tr("The price %1 is %2 from the last trade %3; the band allows %4.")
                    .arg(order.price.toString(),
                         market->price(std::abs(engineRequest.price - market->ticks(last)))
                             .toString(),
                         last.toString(),
                         market->price(market->book.rules().priceBand).toString()));
        }
        if (rejection.reason == matching::Reason::MaxOrderQuantity) {
            return failure(core::ErrorCode::MaxOrderQuantity,
                           tr("The quantity %1 is above the maximum of %2 per order.")
                               .arg(request.quantity.toString(),
                                    market->quantity(m_rules.maxOrderLots).toString()));
        }
        return failure(core::ErrorCode::InvalidRequest, tr("The order was refused."));
    }
    if (!applied) {
        m_live.remove(id);
        return applied.error();
    }
    protocol::Order current = order;
    for (const Change &change : applied->changes) {
        if (change.order.order.id == order.id)
            current = change.order.order;
    }
    m_pendingClientIds.insert(key, PendingOrder { id, hash, applied->ticket });
    m_clientKeys.insert(clientKey(principal.userId, request.clientOrderId));
    m_commits.whenDurable(applied->ticket, [this, key, current, reply](const core::Error *failed) {
        m_pendingClientIds.remove(key);
        if (failed)
            return reply(*failed);
        reply(Placement { current, true });
    });
    return Placement { current, true }; // answered once stored
}

void OrderService::notifyRejection(const Principal &principal, const protocol::NewOrder &request,
                                   const core::Error &error)
{
    // Storage or the cluster failing is not the order's fault: the health events tell of it.
    const bool notTheOrders = error.is(core::ErrorCode::StorageUnavailable)
        || error.is(core::ErrorCode::StorageError) || error.is(core::ErrorCode::BookMoved)
        || error.is(core::ErrorCode::NotOwner);
    if (!m_notify || notTheOrders
        || !m_notify(principal.userId, core::notifications::EventType::OrderRejected)) {
        return;
    }
    TradingWrite write;
    write.notifications.append(
        rejectionNotification(principal.userId, request, requestHash(request), error, nowUtc()));
    m_writer.submit(std::move(write));
}

core::Error OrderService::notOwner(const QString &symbol)
{
    return failure(core::ErrorCode::NotOwner,
                   tr("Another server matches %1 right now; try again in a moment.").arg(symbol));
}

Result<StoredOrder> OrderService::ownLiveOrder(const Principal &principal, const QString &orderId)
{
    bool numeric = false;
    const qint64 id = orderId.toLongLong(&numeric);
    if (!numeric || id <= 0)
        return notFound(orderId);
    const auto live = m_live.constFind(id);
    if (live != m_live.cend()) {
        if (live->userId != principal.userId)
            return notFound(orderId); // another user's order answers like a missing one
        return *live;
    }
    std::optional<StoredOrder> ended;
    if (const auto closing = m_closing.constFind(id); closing != m_closing.cend()) {
        ended = closing->second;
    } else {
        Result<std::optional<StoredOrder>> stored = m_store.findOrder(id);
        if (!stored)
            return stored.error();
        ended = *stored;
    }
    if (!ended || ended->userId != principal.userId)
        return notFound(orderId);
    if (protocol::isLive(ended->order.status) && !owns(ended->order.symbol))
        return notOwner(ended->order.symbol); // live in another server's book
    return failure(
        core::ErrorCode::OrderNotLive,
        tr("Order %1 is already %2.").arg(orderId, protocol::toString(ended->order.status)));
}

void OrderService::modify(const Principal &principal, const QString &orderId,
                          const protocol::OrderModify &change, Reply<protocol::Order> reply)
{
    answerWhenDurable(modifyNow(principal, orderId, change), reply);
}

Result<OrderService::Answer<protocol::Order>> OrderService::modifyNow(
    const Principal &principal, const QString &orderId, const protocol::OrderModify &change)
{
    Result<StoredOrder> stored = ownLiveOrder(principal, orderId);
    if (!stored)
        return stored.error();
    Market *market = findMarket(stored->order.symbol);
    const core::Instrument &instrument = market->instrument();
    const Price price = change.price.value_or(stored->order.price);
    const Quantity quantity = change.quantity.value_or(stored->order.quantity);
    if (change.price && !protocol::hasLimitPrice(stored->order.type)) {
        return failure(core::ErrorCode::NotModifiable,
                       tr("A %1 order has no limit price to change.")
                           .arg(protocol::toString(stored->order.type)));
    }
    if (Result<void> valid = instrument.checkOrder(price, quantity); !valid)
        return valid.error();
    if (quantity > stored->order.quantity || price != stored->order.price) {
        const Quantity remaining
            = quantity.minus(stored->order.filledQuantity).value_or(Quantity());
        if (Result<void> allowed
            = checkRisk(principal, *market, stored->order.side,
                        protocol::hasLimitPrice(stored->order.type) ? std::optional(price)
                                                                    : stored->order.stopPrice,
                        quantity, remaining, orderId.toLongLong());
            !allowed) {
            return allowed.error();
        }
    }
    Result<Applied> applied = run(
        *market,
        [&](matching::OrderBook &book, auto &events) {
            book.modify(matching::OrderId(orderId.toLongLong()), market->ticks(price),
                        market->lots(quantity), events);
        },
        0,
        { audited(principal, u"order_modified", orderId,
                  QString(u"quantity " + quantity.toString() + u" price " + price.toString())) });
    if (applied && applied->rejection) {
        switch (applied->rejection->reason) {
        case matching::Reason::QuantityBelowFilled:
            return failure(core::ErrorCode::QuantityBelowFilled,
                           tr("The new quantity %1 is not above the %2 already filled.")
                               .arg(quantity.toString(), stored->order.filledQuantity.toString()));
        case matching::Reason::PriceBand:
            return failure(core::ErrorCode::PriceBand,
                           tr("The price %1 is outside the band of %2 around the last trade.")
                               .arg(price.toString(),
                                    market->price(market->book.rules().priceBand).toString()));
        case matching::Reason::MaxOrderQuantity:
            return failure(
                core::ErrorCode::MaxOrderQuantity,
                tr("The quantity %1 is above the maximum of %2 per order.")
                    .arg(quantity.toString(), market->quantity(m_rules.maxOrderLots).toString()));
        default:
            return failure(core::ErrorCode::NotModifiable, tr("This order cannot be modified."));
        }
    }
    if (!applied)
        return applied.error();
    for (const Change &changed : applied->changes) {
        if (changed.order.order.id == orderId)
            return Answer<protocol::Order> { changed.order.order, applied->ticket };
    }
    return Answer<protocol::Order> { stored->order, applied->ticket };
}

void OrderService::cancel(const Principal &principal, const QString &orderId,
                          Reply<protocol::Order> reply)
{
    answerWhenDurable(cancelNow(principal, orderId), reply);
}

Result<OrderService::Answer<protocol::Order>> OrderService::cancelNow(const Principal &principal,
                                                                      const QString &orderId)
{
    Result<StoredOrder> stored = ownLiveOrder(principal, orderId);
    if (!stored)
        return stored.error();
    Market *market = findMarket(stored->order.symbol);
    Result<Applied> applied = run(*market,
                                  [&](matching::OrderBook &book, auto &events) {
                                      book.cancel(matching::OrderId(orderId.toLongLong()), events);
                                  },
                                  0, { audited(principal, u"order_cancelled", orderId) });
    if (!applied)
        return applied.error();
    for (const Change &changed : applied->changes) {
        if (changed.order.order.id == orderId)
            return Answer<protocol::Order> { changed.order.order, applied->ticket };
    }
    return notFound(orderId);
}

void OrderService::cancelAll(const Principal &principal, Reply<QList<protocol::Order>> reply)
{
    answerWhenDurable(cancelAllNow(principal), reply);
}

Result<OrderService::Answer<QList<protocol::Order>>> OrderService::cancelAllNow(
    const Principal &principal)
{
    Answer<QList<protocol::Order>> answer;
    for (const std::unique_ptr<Market> &market : m_markets) {
        if (!market->owned)
            continue; // the other servers cancel in their books
        // Each order it cancels, in the audit log.
        QStringList audit;
        for (const StoredOrder &live : std::as_const(m_live)) {
            if (live.userId == principal.userId && live.order.symbol == market->symbol()) {
                audit.append(audited(principal, u"order_cancelled", live.order.id, u"cancel all"));
            }
        }
        if (audit.isEmpty())
            continue;
        Result<Applied> applied = run(
            *market,
            [&](matching::OrderBook &book, auto &events) {
                book.cancelAll(matching::AccountId(principal.userId), events);
            },
            0, std::move(audit));
        if (!applied)
            return applied.error();
        for (const Change &change : applied->changes)
            answer.value.append(change.order.order);
        answer.ticket = std::max(answer.ticket, applied->ticket);
    }
    return answer;
}

template<typename T>
void OrderService::answerWhenDurable(Result<Answer<T>> answer, const Reply<T> &reply)
{
    if (!answer)
        return reply(answer.error());
    if (answer->ticket == 0) // nothing was written
        return reply(std::move(answer->value));
    m_commits.whenDurable(answer->ticket,
                          [reply, value = answer->value](const core::Error *failed) {
                              if (failed)
                                  return reply(*failed);
                              reply(value);
                          });
}

void OrderService::expireOrders(const QDateTime &now)
{
    const qint64 millis = now.toMSecsSinceEpoch();
    for (const std::unique_ptr<Market> &market : m_markets) {
        if (!market->owned)
            continue; // its owner expires its orders
        // At an instrument's end of trading (an hour's gate closure) its book empties.
        if (market->book.orderCount() > 0 && market->instrument().isExpired(now)) {
            (void)run(*market, [](matching::OrderBook &book, auto &events) { book.close(events); });
            continue;
        }
        // Most books have nothing due: no transaction for them every second.
        const std::optional<matching::Millis> next = market->book.nextExpiry();
        if (!next || *next > millis)
            continue;
        (void)run(*market,
                  [&](matching::OrderBook &book, auto &events) { book.expire(millis, events); });
    }
}

Result<OrderService::Listing<protocol::Order>> OrderService::orders(const Principal &principal,
                                                                    const Page &page)
{
    return ordersFrom(m_store.orders(principal.userId, page.before, page.limit), principal, page);
}

Result<OrderService::Listing<protocol::Trade>> OrderService::trades(const Principal &principal,
                                                                    const Page &page)
{
    return tradesFrom(m_store.trades(principal.userId, page.before, page.limit), principal, page);
}

Result<OrderService::Listing<protocol::Order>> OrderService::ordersFrom(
    Result<QList<protocol::Order>> stored, const Principal &principal, const Page &page)
{
    if (stored)
        return storedPage(std::move(stored).value(), page);
    if (!stored.error().is(core::ErrorCode::StorageUnavailable))
        return stored.error();
    // From memory: the live orders, and every order touched since the start.
    QList<protocol::Order> live;
    for (const StoredOrder &order : std::as_const(m_live)) {
        if (order.userId == principal.userId)
            live.append(order.order);
    }
    return m_history.orders(principal.userId, live, page);
}

Result<OrderService::Listing<protocol::Trade>> OrderService::tradesFrom(
    Result<QList<protocol::Trade>> stored, const Principal &principal, const Page &page)
{
    if (stored)
        return storedPage(std::move(stored).value(), page);
    if (!stored.error().is(core::ErrorCode::StorageUnavailable))
        return stored.error();
    return m_history.trades(principal.userId, page);
}

template<typename Read>
auto OrderService::readMarket(const QString &symbol, Read read) const
    -> Result<std::invoke_result_t<Read, const Market &>>
{
    const Market *market = findMarket(symbol);
    if (!market)
        return unknownSymbol(symbol);
    return read(*market);
}

Result<protocol::BookSnapshot> OrderService::book(const QString &symbol, int depth) const
{
    return readMarket(symbol, [depth](const Market &market) { return market.snapshot(depth); });
}

Result<OrderService::BookFingerprint> OrderService::fingerprint(const QString &symbol) const
{
    return readMarket(symbol, [](const Market &market) {
        return BookFingerprint { market.symbol(), market.book.stateHash(),
                                 qsizetype(market.book.orderCount()), market.book.lastSequence() };
    });
}

Result<protocol::Ticker> OrderService::ticker(const QString &symbol) const
{
    return readMarket(symbol, [this](const Market &market) { return market.ticker(nowUtc()); });
}

Result<QList<protocol::MarketTrade>> OrderService::recentTrades(const QString &symbol) const
{
    return readMarket(symbol, [](const Market &market) { return market.recentTrades(); });
}

Result<QList<core::Candle>> OrderService::candles(const QString &symbol,
                                                  core::CandleInterval interval, qint64 fromMs,
                                                  qint64 toMs) const
{
    return readMarket(symbol,
                      [=](const Market &market) { return market.candles(interval, fromMs, toMs); });
}

QList<OrderService::PositionReport> OrderService::positions(
    const Principal &principal, const std::optional<Settlements> &settlements) const
{
    QList<PositionReport> reports;
    for (const std::unique_ptr<Market> &market : m_markets) {
        const core::Position *position = m_positions.find(principal.userId, market->symbol());
        if (!position)
            continue;
        PositionReport report { market->instrument(), *position, std::nullopt };
        if (!settlements)
            report.mark = market->lastPrice();
        else if (const auto settled = settlements->constFind(market->symbol());
                 settled != settlements->cend())
            report.mark = *settled;
        reports.append(report);
    }
    return reports;
}

} // namespace qx::server
