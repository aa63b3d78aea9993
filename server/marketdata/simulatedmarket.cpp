#include "server/marketdata/simulatedmarket.h"

#include "core/clock.h"
#include "core/productcatalog.h"
#include "server/auth/passwordhasher.h"
#include "server/trading/orderservice.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace qx::server {

namespace protocol = core::protocol;

namespace {

// A quote slot whose order is placed but not yet stored (so it has no id to modify yet): a
// requote meanwhile leaves it alone rather than placing a second order for the same level.
const QString kPendingQuote = QStringLiteral("pending");

// Steps per simulated day: the walk runs faster than the clock so that a screen moves.
constexpr double kStepsPerDay = 2000.0;
// The history's trades jump this much less often than a live step: a German power front month
// then spikes about once in the day, not every few hours.
constexpr double kHistoryJumpScale = 0.1;

double gaussian(QRandomGenerator &random)
{
    // Box–Muller from two uniforms in (0, 1].
    const double u1 = 1.0 - random.generateDouble();
    const double u2 = random.generateDouble();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

// The day's price shape of an hour or quarter-hour of power: low at night, a morning and an
// evening ramp, a dip at midday when solar output peaks. 1 for everything else.
double intradayShape(const core::Instrument &instrument)
{
    if (!instrument.delivery.isIntraday() || instrument.commodity != core::Commodity::Power)
        return 1.0;
    const double hour = instrument.delivery.startMinute / 60.0;
    const auto bump = [hour](double centre, double width) {
        return std::exp(-(hour - centre) * (hour - centre) / width);
    };
    return 0.85 + 0.3 * bump(8.0, 4.0) + 0.45 * bump(19.0, 4.0) - 0.2 * bump(13.0, 6.0);
}

// How much of the market's activity a tenor draws, before its rank among its product's tenors.
double kindWeight(const core::Instrument &instrument)
{
    using Kind = core::DeliveryPeriod::Kind;
    switch (instrument.delivery.kind) {
    case Kind::QuarterHour:
        return 0.03;
    case Kind::Hour:
        return 0.15;
    case Kind::Day:
    case Kind::Month:
        return 2.0;
    case Kind::Weekend:
    case Kind::Week:
        return 0.5;
    case Kind::Quarter:
        return 1.0;
    case Kind::Season:
        return 0.8;
    case Kind::Year:
        // The December allowance is the carbon benchmark.
        return instrument.commodity == core::Commodity::Emissions ? 2.0 : 0.8;
    }
    return 1.0;
}

} // namespace

SimulatedMarket::SimulatedMarket(OrderService &orders, Store &store, Options options,
                                 QObject *parent)
    : QObject(parent)
    , m_orders(orders)
    , m_store(store)
    , m_options(options)
    , m_random(quint32(options.seed))
{
    m_timer.setInterval(options.intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &SimulatedMarket::step);
}

SimulatedMarket::Character SimulatedMarket::characterOf(const core::Instrument &instrument)
{
    switch (instrument.commodity) {
    case core::Commodity::Power:
        // Peak trades above base; all jump on outages and wind lulls; hydro keeps the Nordic
        // price lower and calmer.
        if (instrument.area == u"NORDIC")
            return { 42.0, 0.03, 3.0, 0.002, 10 };
        if (instrument.currency == u"GBP")
            return { 78.0, 0.045, 3.0, 0.004, 10 };
        return { instrument.load == core::LoadShape::Peak ? 105.0 : 88.0, 0.045, 3.0, 0.004, 10 };
    case core::Commodity::NaturalGas:
        if (instrument.currency == u"USD")
            return { 3.20, 0.035, 2.0, 0.001, 1 };
        if (instrument.currency == u"GBP")
            return { 30.0, 0.03, 2.0, 0.001, 10 };
        return { 36.0, 0.03, 2.0, 0.001, 10 };
    case core::Commodity::CrudeOil:
        return { instrument.area == u"WTI" ? 72.0 : 76.0, 0.015, 1.0, 0.0, 2 };
    case core::Commodity::Emissions:
        return { 71.0, 0.022, 1.5, 0.0005, 2 };
    }
    return { 50.0, 0.02, 1.0, 0.0, 1 };
}

Result<Principal> SimulatedMarket::participant(const QString &username)
{
    Result<std::optional<UserRecord>> existing = m_store.findUser(username);
    if (!existing)
        return existing.error();
    if (*existing)
        return Principal::of(**existing);
    // Nobody signs in as a simulated participant: its password is random and forgotten.
    QByteArray secret(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(secret.begin(), secret.end());
    Result<QByteArray> hash = PasswordHasher::hash(QString::fromLatin1(secret.toBase64()));
    if (!hash)
        return hash.error();
    Result<UserRecord> added = m_store.addUser(username, QStringLiteral("trader"), *hash);
    if (!added)
        return added.error();
    return Principal::of(*added);
}

Result<void> SimulatedMarket::prepare()
{
    if (m_maker.userId != 0)
        return {};
    Result<Principal> maker = participant(QStringLiteral("sim-maker"));
    if (!maker)
        return maker.error();
    Result<Principal> taker = participant(QStringLiteral("sim-taker"));
    if (!taker)
        return taker.error();
    for (const Principal &principal : { *maker, *taker }) {
        Result<QList<NotificationPreferenceRecord>> stored
            = m_store.notificationPreferences(principal.userId);
        if (!stored)
            return stored.error();
        if (!stored->isEmpty())
            continue;
        QList<NotificationPreferenceRecord> none;
        for (core::notifications::EventType type : core::notifications::allEventTypes()) {
            NotificationPreferenceRecord preference;
            preference.userId = principal.userId;
            preference.type = type;
            none.append(preference);
        }
        if (Result<void> saved = m_store.saveNotificationPreferences(principal.userId, none);
            !saved) {
            return saved;
        }
    }
    m_maker = *maker;
    m_taker = *taker;
    return {};
}

Result<void> SimulatedMarket::start()
{
    if (Result<void> prepared = prepare(); !prepared)
        return prepared;
    // Client order ids unique across runs: a restarted server must not take its first orders
    // for repeats of the last run's (they would be refused as duplicates).
    m_runId = QString::number(m_orders.clock().nowMs(), 36);
    backfill();
    quoteNewInstruments();
    connect(&m_orders, &OrderService::instrumentsChanged, this,
            &SimulatedMarket::quoteNewInstruments);
    m_timer.start();
    return {};
}

SimulatedMarket::Quoted SimulatedMarket::quotedFor(const core::Instrument &instrument, QDate today)
{
    Quoted market;
    market.instrument = instrument;
    market.character = characterOf(instrument);
    const double tick = double(instrument.tickSize.decimal().units());
    const double reference = market.character.referencePrice * core::Decimal::kOne / tick;
    // Later delivery trades a little away from the front, so a curve board has a shape.
    const double tenor = double(today.daysTo(instrument.delivery.start)) / 365.0;
    market.meanTicks = reference * (1.0 + 0.03 * std::sin(tenor * 6.3) - 0.02 * tenor)
        * intradayShape(instrument);
    market.fairTicks = market.meanTicks;
    return market;
}

void SimulatedMarket::walk(Quoted &market, double days, double jumpScale)
{
    const Character &c = market.character;
    double move = c.meanReversion * (market.meanTicks - market.fairTicks) * days
        + c.dailyVolatility * market.fairTicks * std::sqrt(days) * gaussian(m_random);
    if (m_random.generateDouble() < c.jumpProbability * jumpScale)
        move += market.fairTicks * 0.08 * (m_random.generateDouble() < 0.7 ? 1 : -1);
    market.fairTicks = std::max(1.0, market.fairTicks + move);
}

void SimulatedMarket::backfill()
{
    if (m_options.historyHours <= 0)
        return;
    const QDateTime now = m_orders.nowUtc();
    // Delivery periods of a day or more (intraday hours are listed a day ahead and trade
    // near delivery) that have never traded; once any has, this is not a fresh market.
    QList<Quoted> markets;
    for (const core::Instrument &instrument : m_orders.instruments(now)) {
        if (instrument.delivery.isIntraday())
            continue;
        if (auto ticker = m_orders.ticker(instrument.symbol); ticker && ticker->last)
            return;
        markets.append(quotedFor(instrument, now.date()));
    }
    if (markets.isEmpty())
        return;
    // About two trades a minute in the front months, one every hour or two far out, as
    // liquidity goes (the same weights as live): each minute's trades at their seconds, in
    // time order across markets, each market's walk moving between its trades.
    reweigh(markets);
    // The orders are stamped by a clock of the backfill's own; the service goes back to its
    // own clock before anything else runs.
    core::ManualClock clock(now.addSecs(-3600LL * m_options.historyHours));
    const core::Clock &ownClock = m_orders.clock();
    m_orders.setClock(clock);
    qint64 trades = 0;
    struct Due
    {
        qint64 atMs;
        qsizetype market;
    };
    std::vector<Due> minute;
    constexpr double kMsPerDay = 86'400'000.0;
    // Each market's walk is moved on to each of its trades, and to the end of every minute.
    std::vector<qint64> walkedTo(std::size_t(markets.size()), clock.nowMs());
    const auto walkTo = [&](qsizetype i, qint64 atMs, double jumpScale) {
        const std::size_t index = std::size_t(i);
        if (atMs > walkedTo[index])
            walk(markets[i], double(atMs - walkedTo[index]) / kMsPerDay, jumpScale);
        walkedTo[index] = atMs;
    };
    for (qint64 start = clock.nowMs(); start < now.toMSecsSinceEpoch(); start += 60'000) {
        minute.clear();
        for (qsizetype i = 0; i < markets.size(); ++i) {
            const double rate = std::min(2.0, 0.03 * markets[i].weight * markets[i].weight);
            const int count = int(rate + m_random.generateDouble());
            for (int n = 0; n < count; ++n)
                minute.push_back({ start + qint64(m_random.bounded(60'000)), i });
        }
        std::sort(minute.begin(), minute.end(),
                  [](const Due &a, const Due &b) { return a.atMs < b.atMs; });
        for (const Due &due : minute) {
            if (due.atMs >= now.toMSecsSinceEpoch())
                break;
            clock.set(QDateTime::fromMSecsSinceEpoch(due.atMs, Qt::UTC));
            walkTo(due.market, due.atMs, kHistoryJumpScale);
            tradeAtFair(markets[due.market]);
            ++trades;
        }
        // The markets that did not trade drift all the same.
        for (qsizetype i = 0; i < markets.size(); ++i)
            walkTo(i, start + 60'000, 0.0);
    }
    m_orders.setClock(ownClock);
    // Stored before the server listens: a first sign-in would otherwise wait behind a hundred
    // thousand queued writes for the database.
    m_orders.flushWrites();
    qInfo().noquote() << "simulated market: backfilled" << trades << "trades over the last"
                      << m_options.historyHours << "hours";
}

QString SimulatedMarket::nextClientOrderId()
{
    return QStringLiteral("sim-%1-%2").arg(m_runId).arg(++m_orderCount);
}

void SimulatedMarket::tradeAtFair(Quoted &market)
{
    // The maker rests an order on one side of its spread and the taker takes all of it: one
    // trade, at the bid or the ask as the aggressor's side says, and an empty book after.
    const core::Instrument &instrument = market.instrument;
    const qint64 tick = instrument.tickSize.decimal().units();
    const qint64 halfSpread = std::max<qint64>(1, std::llround(market.fairTicks * 0.0015));
    const bool takerBuys = m_random.generateDouble() < 0.5;
    const qint64 ticks = std::llround(market.fairTicks) + (takerBuys ? halfSpread : -halfSpread);
    if (ticks < 1)
        return;
    const qint64 lots
        = std::max<qint64>(1, market.character.quoteLots / 2) * (1 + qint64(m_random.bounded(3)));
    protocol::NewOrder resting;
    resting.clientOrderId = nextClientOrderId();
    resting.symbol = instrument.symbol;
    resting.side = takerBuys ? protocol::Side::Sell : protocol::Side::Buy;
    resting.quantity
        = core::Quantity(core::Decimal::fromUnits(lots * instrument.lotSize.decimal().units()));
    resting.price = core::Price(core::Decimal::fromUnits(ticks * tick));
    m_orders.place(m_maker, resting, [](const Result<OrderService::Placement> &) {});
    protocol::NewOrder taking = resting;
    taking.clientOrderId = nextClientOrderId();
    taking.side = takerBuys ? protocol::Side::Buy : protocol::Side::Sell;
    taking.type = protocol::OrderType::Market;
    taking.timeInForce = protocol::TimeInForce::ImmediateOrCancel;
    taking.price = {};
    m_orders.place(m_taker, taking, [](const Result<OrderService::Placement> &) {});
}

void SimulatedMarket::quoteNewInstruments()
{
    const QDateTime now = m_orders.nowUtc();
    const QDate today = now.date();
    const qsizetype known = m_markets.size();
    for (const core::Instrument &instrument : m_orders.instruments()) {
        if (instrument.isExpired(now) || m_quoted.contains(instrument.symbol))
            continue;
        m_quoted.insert(instrument.symbol);
        Quoted market = quotedFor(instrument, today);
        const double tick = double(instrument.tickSize.decimal().units());
        if (auto ticker = m_orders.ticker(instrument.symbol); ticker && ticker->last)
            market.fairTicks = double(ticker->last->decimal().units()) / tick;
        m_markets.append(market);
    }
    m_totalWeight = reweigh(m_markets);
    for (qsizetype i = known; i < m_markets.size(); ++i)
        requote(m_markets[i]);
}

double SimulatedMarket::reweigh(QList<Quoted> &markets)
{
    // Rank of each tenor among its product's of the same kind: the front one first.
    QHash<QString, QList<qsizetype>> byProduct;
    for (qsizetype i = 0; i < markets.size(); ++i) {
        const core::Instrument &instrument = markets[i].instrument;
        const QString product
            = core::parseSymbol(instrument.symbol).value_or(core::SymbolParts {}).product;
        byProduct[product + u'/' + QString::number(int(instrument.delivery.kind))].append(i);
    }
    double total = 0;
    for (QList<qsizetype> &tenors : byProduct) {
        std::sort(tenors.begin(), tenors.end(), [&markets](qsizetype a, qsizetype b) {
            return markets[a].instrument.delivery.start < markets[b].instrument.delivery.start;
        });
        for (qsizetype rank = 0; rank < tenors.size(); ++rank) {
            Quoted &market = markets[tenors[rank]];
            const bool intraday = market.instrument.delivery.isIntraday();
            const double boost = intraday ? 1.0 : rank == 0 ? 4.0 : rank == 1 ? 2.0 : 1.0;
            market.weight = kindWeight(market.instrument) * boost;
            total += market.weight;
        }
    }
    return total;
}

qsizetype SimulatedMarket::pick()
{
    double point = m_random.generateDouble() * m_totalWeight;
    for (qsizetype i = 0; i < m_markets.size(); ++i) {
        point -= m_markets[i].weight;
        if (point < 0)
            return i;
    }
    return m_markets.isEmpty() ? -1 : m_markets.size() - 1;
}

void SimulatedMarket::step()
{
    if (m_markets.isEmpty())
        return;
    // Five markets a round (twenty a second at the default interval): the front months then
    // move every second or two and trade every few seconds.
    for (int i = 0; i < 5; ++i) {
        const qsizetype index = pick();
        if (index < 0)
            return;
        if (m_markets[index].instrument.isExpired(m_orders.nowUtc())) {
            // Its orders expired with it (the book closes at the end of trading).
            m_quotes.remove(m_markets[index].instrument.symbol);
            m_markets.removeAt(index);
            m_totalWeight = reweigh(m_markets);
            continue;
        }
        Quoted &market = m_markets[index];
        walk(market, 1.0 / kStepsPerDay, 1.0);
        requote(market);
        if (m_random.generateDouble() < 0.35)
            takeLiquidity(market);
    }
}

void SimulatedMarket::requote(Quoted &market)
{
    const core::Instrument &instrument = market.instrument;
    const qint64 tick = instrument.tickSize.decimal().units();
    const qint64 fair = std::llround(market.fairTicks);
    // A spread of about 0.3 % of the price, at least two ticks; the levels behind the best
    // one a tick or more apart, each holding more than the one before.
    const qint64 halfSpread = std::max<qint64>(1, std::llround(market.fairTicks * 0.0015));
    const qint64 levelGap = std::max<qint64>(1, halfSpread / 2);
    for (int slot = 0; slot < 2 * kLevels; ++slot) {
        const bool bid = slot < kLevels;
        const int level = slot % kLevels;
        const qint64 away = halfSpread + level * levelGap;
        const qint64 ticks = bid ? fair - away : fair + away;
        if (ticks < 1)
            continue; // no price at or below zero
        const core::Price price(core::Decimal::fromUnits(ticks * tick));
        const qint64 lots
            = market.character.quoteLots * (1 + level / 2 + qint64(m_random.bounded(4)));
        const core::Quantity quantity(
            core::Decimal::fromUnits(lots * instrument.lotSize.decimal().units()));
        // Answers come once stored, and the market may have expired by then: they find the
        // quote again by symbol and slot.
        const QString symbol = instrument.symbol;
        const QString id = m_quotes[symbol][std::size_t(slot)];
        if (id == kPendingQuote)
            continue; // placed, not stored yet: its id comes with the answer
        if (!id.isEmpty()) {
            protocol::OrderModify change;
            change.price = price;
            change.quantity = quantity;
            m_orders.modify(
                m_maker, id, change, [this, symbol, slot, id](Result<protocol::Order> modified) {
                    QString &quote = m_quotes[symbol][std::size_t(slot)];
                    if ((!modified || !protocol::isLive(modified->status)) && quote == id)
                        quote.clear(); // filled or gone: quoted afresh next time
                });
            continue;
        }
        protocol::NewOrder order;
        order.clientOrderId = nextClientOrderId();
        order.symbol = symbol;
        order.side = bid ? protocol::Side::Buy : protocol::Side::Sell;
        order.quantity = quantity;
        order.price = price;
        m_quotes[symbol][std::size_t(slot)] = kPendingQuote;
        m_orders.place(
            m_maker, order, [this, symbol, slot](Result<OrderService::Placement> placed) {
                QString &quote = m_quotes[symbol][std::size_t(slot)];
                if (quote != kPendingQuote)
                    return; // the market expired meanwhile
                quote = placed && protocol::isLive(placed->order.status) ? placed->order.id
                                                                         : QString();
            });
    }
}

void SimulatedMarket::takeLiquidity(Quoted &market)
{
    const core::Instrument &instrument = market.instrument;
    protocol::NewOrder order;
    order.clientOrderId = nextClientOrderId();
    order.symbol = instrument.symbol;
    order.side = m_random.generateDouble() < 0.5 ? protocol::Side::Buy : protocol::Side::Sell;
    order.type = protocol::OrderType::Market;
    order.timeInForce = protocol::TimeInForce::ImmediateOrCancel;
    const qint64 lots
        = std::max<qint64>(1, market.character.quoteLots / 2) * (1 + qint64(m_random.bounded(3)));
    order.quantity
        = core::Quantity(core::Decimal::fromUnits(lots * instrument.lotSize.decimal().units()));
    m_orders.place(m_taker, order, [](const Result<OrderService::Placement> &) {});
}

} // namespace qx::server
