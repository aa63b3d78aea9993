#include "server/marketdata/simulatedmarket.h"

#include "core/productcatalog.h"
#include "server/auth/passwordhasher.h"
#include "server/trading/orderservice.h"

#include <cmath>
#include <numbers>

namespace qx::server {

namespace protocol = core::protocol;

namespace {

// Steps per simulated day: the walk runs faster than the clock so that a screen moves.
constexpr double kStepsPerDay = 2000.0;

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

Result<void> SimulatedMarket::start()
{
    Result<Principal> maker = participant(QStringLiteral("sim-maker"));
    if (!maker)
        return maker.error();
    Result<Principal> taker = participant(QStringLiteral("sim-taker"));
    if (!taker)
        return taker.error();
    m_maker = *maker;
    m_taker = *taker;
    quoteNewInstruments();
    connect(&m_orders, &OrderService::instrumentsChanged, this,
            &SimulatedMarket::quoteNewInstruments);
    m_timer.start();
    return {};
}

void SimulatedMarket::quoteNewInstruments()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDate today = now.date();
    const qsizetype known = m_markets.size();
    for (const core::Instrument &instrument : m_orders.instruments()) {
        if (instrument.isExpired(now) || m_quoted.contains(instrument.symbol))
            continue;
        m_quoted.insert(instrument.symbol);
        Quoted market;
        market.instrument = instrument;
        market.character = characterOf(instrument);
        const double tick = double(instrument.tickSize.decimal().units());
        const double reference = market.character.referencePrice * core::Decimal::kOne / tick;
        // Later delivery trades a little away from the front, so a curve board has a shape.
        const double tenor = double(today.daysTo(instrument.delivery.start)) / 365.0;
        market.meanTicks = reference * (1.0 + 0.03 * std::sin(tenor * 6.3) - 0.02 * tenor)
            * intradayShape(instrument);
        if (auto ticker = m_orders.ticker(instrument.symbol); ticker && ticker->last)
            market.fairTicks = double(ticker->last->decimal().units()) / tick;
        else
            market.fairTicks = market.meanTicks;
        m_markets.append(market);
    }
    reweigh();
    for (qsizetype i = known; i < m_markets.size(); ++i)
        requote(m_markets[i]);
}

void SimulatedMarket::reweigh()
{
    // Rank of each tenor among its product's of the same kind: the front one first.
    QHash<QString, QList<qsizetype>> byProduct;
    for (qsizetype i = 0; i < m_markets.size(); ++i) {
        const core::Instrument &instrument = m_markets[i].instrument;
        const QString product
            = core::parseSymbol(instrument.symbol).value_or(core::SymbolParts {}).product;
        byProduct[product + u'/' + QString::number(int(instrument.delivery.kind))].append(i);
    }
    m_totalWeight = 0;
    for (QList<qsizetype> &tenors : byProduct) {
        std::sort(tenors.begin(), tenors.end(), [this](qsizetype a, qsizetype b) {
            return m_markets[a].instrument.delivery.start < m_markets[b].instrument.delivery.start;
        });
        for (qsizetype rank = 0; rank < tenors.size(); ++rank) {
            Quoted &market = m_markets[tenors[rank]];
            const bool intraday = market.instrument.delivery.isIntraday();
            const double boost = intraday ? 1.0 : rank == 0 ? 4.0 : rank == 1 ? 2.0 : 1.0;
            market.weight = kindWeight(market.instrument) * boost;
            m_totalWeight += market.weight;
        }
    }
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
        if (m_markets[index].instrument.isExpired(QDateTime::currentDateTimeUtc())) {
            // Its orders expired with it (the book closes at the end of trading).
            m_quotes.remove(m_markets[index].instrument.symbol);
            m_markets.removeAt(index);
            reweigh();
            continue;
        }
        Quoted &market = m_markets[index];
        const Character &c = market.character;
        const double dt = 1.0 / kStepsPerDay;
        double move = c.meanReversion * (market.meanTicks - market.fairTicks) * dt
            + c.dailyVolatility * market.fairTicks * std::sqrt(dt) * gaussian(m_random);
        if (m_random.generateDouble() < c.jumpProbability)
            move += market.fairTicks * 0.08 * (m_random.generateDouble() < 0.7 ? 1 : -1);
        market.fairTicks = std::max(1.0, market.fairTicks + move);
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
        order.clientOrderId = QStringLiteral("sim-%1-%2").arg(++m_orderCount).arg(m_options.seed);
        order.symbol = symbol;
        order.side = bid ? protocol::Side::Buy : protocol::Side::Sell;
        order.quantity = quantity;
        order.price = price;
        m_orders.place(m_maker, order,
                       [this, symbol, slot](Result<OrderService::Placement> placed) {
                           if (placed && protocol::isLive(placed->order.status))
                               m_quotes[symbol][std::size_t(slot)] = placed->order.id;
                       });
    }
}

void SimulatedMarket::takeLiquidity(Quoted &market)
{
    const core::Instrument &instrument = market.instrument;
    protocol::NewOrder order;
    order.clientOrderId = QStringLiteral("sim-%1-%2").arg(++m_orderCount).arg(m_options.seed);
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
