// OrderService, deals: booking and cancelling them, and keeping the positions they are in.

#include "server/trading/orderservice.h"

#include "core/documents/matching.h"
#include "server/storage/storereaders.h"

#include <QDebug>
#include <QTimer>

#include <algorithm>
#include <limits>
#include <numeric>

namespace qx::server {

namespace protocol = core::protocol;

namespace {

constexpr int kRebuildRetryMs = 1000;

Error unknownDeal(const QString &id)
{
    return core::makeError(core::ErrorCode::NotFound, DealDesk::tr("You have no deal %1.").arg(id));
}

bool bookedFirst(const DealRecord &a, const DealRecord &b)
{
    return a.deal.bookedAt != b.deal.bookedAt ? a.deal.bookedAt < b.deal.bookedAt : a.id < b.id;
}

__extension__ typedef __int128 Int128;
constexpr Int128 kOne = 100'000'000; // Decimal units in one

// |quantity| in Decimal units, or nothing for the one value whose magnitude does not fit.
std::optional<qint64> magnitude(core::Quantity quantity)
{
    const qint64 units = quantity.decimal().units();
    if (units == std::numeric_limits<qint64>::min())
        return std::nullopt;
    return units < 0 ? -units : units;
}

} // namespace

void OrderService::bookDeal(const Principal &principal, const protocol::NewDeal &terms,
                            const QList<DealDesk::Correction> &corrections,
                            Reply<protocol::Deal> reply)
{
    const Market *market = findMarket(terms.symbol);
    if (!market) {
        return reply(core::makeError(core::ErrorCode::UnknownSymbol,
                                     tr("No instrument %1.").arg(terms.symbol)));
    }
    const QDateTime now = nowUtc();
    if (Result<void> checked = DealDesk::check(market->instrument(), terms, now.date()); !checked)
        return reply(checked.error());
    const DealDesk::Booking booking { principal.userId, principal.username, principal.userId, terms,
                                      corrections };
    const Actor actor { principal.username, principal.source };
    const auto book = [actor, instrument = market->instrument(), booking,
                       now](Store &store) -> Result<DealRecord> {
        return DealDesk(store).book(actor, instrument, booking, now);
    };
    const auto done = [this, reply](Result<DealRecord> booked) {
        if (!booked)
            return reply(booked.error());
        adoptDeal(*booked, true);
        reply(booked->deal);
    };
    offThread<DealRecord>(book, done);
}

void OrderService::cancelDeal(const Principal &principal, const QString &dealId,
                              const QString &reason, Reply<protocol::Deal> reply)
{
    bool numeric = false;
    const qint64 id = dealId.toLongLong(&numeric);
    if (!numeric || id <= 0)
        return reply(unknownDeal(dealId));
    const Actor actor { principal.username, principal.source };
    const auto cancel = [actor, by = principal.userId, id, reason,
                         now = nowUtc()](Store &store) -> Result<DealRecord> {
        return DealDesk(store).cancel(actor, by, id, by, reason, now);
    };
    const auto done = [this, reply](Result<DealRecord> cancelled) {
        if (!cancelled)
            return reply(cancelled.error());
        dropDeal(*cancelled, true);
        reply(cancelled->deal);
    };
    offThread<DealRecord>(cancel, done);
}

QList<DealRecord> OrderService::liveDeals() const
{
    QList<DealRecord> deals = m_deals.values();
    std::sort(deals.begin(), deals.end(), bookedFirst);
    return deals;
}

QHash<QString, QList<DealRecord>> OrderService::dealsBySymbol() const
{
    QHash<QString, QList<DealRecord>> bySymbol;
    for (const DealRecord &deal : liveDeals())
        bySymbol[deal.deal.terms.symbol].append(deal);
    return bySymbol;
}

void OrderService::countDeal(const DealRecord &deal)
{
    const protocol::NewDeal &terms = deal.deal.terms;
    const QString party = core::documents::partyKey(terms.counterparty);
    if (party.isEmpty())
        return; // the same party as no name: never in a credit-line check
    DealSum &sum = m_dealSums[party][terms.symbol];
    sum.ids.insert(deal.id);
    const std::optional<qint64> units = magnitude(terms.quantity);
    if (!units || __builtin_add_overflow(sum.quantityUnits, *units, &sum.quantityUnits))
        sum.summed = false;
    else
        sum.gcdUnits = std::gcd(sum.gcdUnits, *units);
}

void OrderService::uncountDeal(const DealRecord &deal)
{
    const protocol::NewDeal &terms = deal.deal.terms;
    const auto party = m_dealSums.find(core::documents::partyKey(terms.counterparty));
    if (party == m_dealSums.end())
        return;
    const auto symbol = party->find(terms.symbol);
    if (symbol == party->end() || !symbol->ids.remove(deal.id))
        return;
    if (symbol->ids.isEmpty()) {
        party->erase(symbol);
        if (party->isEmpty())
            m_dealSums.erase(party);
        return;
    }
    // Summed again from those left (a cancel is rare; a gcd cannot be taken back).
    DealSum &sum = *symbol;
    sum.quantityUnits = 0;
    sum.gcdUnits = 0;
    sum.summed = true;
    for (const qint64 id : std::as_const(sum.ids)) {
        const std::optional<qint64> units = magnitude(m_deals.value(id).deal.terms.quantity);
        if (!units || __builtin_add_overflow(sum.quantityUnits, *units, &sum.quantityUnits)) {
            sum.summed = false;
            break;
        }
        sum.gcdUnits = std::gcd(sum.gcdUnits, *units);
    }
}

Result<core::Money> OrderService::dealsValue(const DealSum &sum, const Market &market,
                                             core::Price price) const
{
    // Each deal is worth |price × (quantity × multiplier)|, both products rounded to Decimal
    // units. When neither rounds for any deal, the values add up to |price| × (Σ|quantity| ×
    // multiplier) exactly. quantity × multiplier is exact for every quantity when it is for
    // their gcd, and price × that for every deal when it is for the gcd's.
    const Int128 multiplier = market.multiplier().units();
    const Int128 priceUnits = price.decimal().units();
    const Int128 gcdEnergy = Int128(sum.gcdUnits) * multiplier;
    const bool exact = sum.summed && multiplier >= 0 && gcdEnergy % kOne == 0
        && gcdEnergy / kOne <= std::numeric_limits<qint64>::max()
        && (priceUnits * (gcdEnergy / kOne)) % kOne == 0;
    if (exact) {
        const Result<core::Money> value
            = market.value(price, core::Quantity(core::Decimal::fromUnits(sum.quantityUnits)));
        if (value)
            return value->isNegative() ? value->negated() : *value;
        // Too large as one product: deal by deal, which fails the same way or adds up.
    }
    core::Money total;
    for (const qint64 id : std::as_const(sum.ids)) {
        const Result<core::Money> value
            = market.value(price, m_deals.value(id).deal.terms.quantity);
        if (!value)
            return value.error();
        Result<core::Money> more = total.plus(value->isNegative() ? value->negated() : *value);
        if (!more)
            return more.error();
        total = *more;
    }
    return total;
}

void OrderService::adoptDeal(const DealRecord &deal, bool announce)
{
    if (m_deals.contains(deal.id))
        return;
    m_deals.insert(deal.id, deal);
    countDeal(deal);
    ++m_dealChanges;
    if (const Market *market = findMarket(deal.deal.terms.symbol)) {
        if (Result<void> held = m_positions.apply(deal, market->multiplier()); !held)
            qCritical().noquote() << held.error().message;
    }
    if (announce)
        Q_EMIT dealEvent(QStringLiteral("deal.booked"), deal.deal, deal.userId);
}

void OrderService::dropDeal(const DealRecord &deal, bool announce)
{
    const auto found = m_deals.find(deal.id);
    if (found == m_deals.end())
        return;
    const DealRecord counted = *found; // as it was adopted
    m_deals.erase(found);
    uncountDeal(counted);
    ++m_dealChanges;
    rebuildPosition({ deal.userId, deal.deal.terms.symbol });
    if (announce)
        Q_EMIT dealEvent(QStringLiteral("deal.cancelled"), deal.deal, deal.userId);
}

void OrderService::rebuildPosition(const PositionBook::Key &key)
{
    // Trades stored by the time the read begins are in it; those applied since the rebuild
    // began are noted by record() (both, if they are stored meanwhile: told apart by id).
    ++m_rebuilding[key].reads;
    const QString symbol = key.second;
    const auto read = [symbol](Store &store) {
        return store.tradesIn(symbol);
    };
    offThread<QList<TradeRecord>>(read, [this, key](Result<QList<TradeRecord>> stored) {
        finishRebuild(key, std::move(stored));
    });
}

void OrderService::finishRebuild(const PositionBook::Key &key, Result<QList<TradeRecord>> stored)
{
    const auto rebuilding = m_rebuilding.find(key);
    if (rebuilding == m_rebuilding.end())
        return; // everything was reloaded meanwhile
    if (!stored) {
        qWarning().noquote() << "Cannot read the trades of" << key.second
                             << "to rebuild a position after a deal was cancelled (retrying):"
                             << stored.error().message;
        QTimer::singleShot(kRebuildRetryMs, this, [this, key] {
            if (const auto again = m_rebuilding.find(key); again != m_rebuilding.end()) {
                --again->reads;
                rebuildPosition(key);
            }
        });
        return;
    }
    QList<TradeRecord> trades = std::move(*stored);
    QSet<std::int64_t> known;
    for (const TradeRecord &trade : std::as_const(trades))
        known.insert(trade.id);
    for (const TradeRecord &trade : std::as_const(rebuilding->since)) {
        if (!known.contains(trade.id))
            trades.append(trade); // matched after the read began: later in the book
    }
    QList<DealRecord> deals;
    for (const DealRecord &deal : liveDeals()) {
        if (deal.userId == key.first && deal.deal.terms.symbol == key.second)
            deals.append(deal);
    }
    if (const Market *market = findMarket(key.second)) {
        if (Result<void> rebuilt = m_positions.rebuild(key, trades, deals, market->multiplier());
            !rebuilt)
            qCritical().noquote() << rebuilt.error().message;
    }
    if (--rebuilding->reads <= 0)
        m_rebuilding.erase(rebuilding);
}

void OrderService::readDeals()
{
    if (m_dealsReading) {
        m_dealsReadAgain = true; // the read under way may have begun before the change
        return;
    }
    m_dealsReading = true;
    const quint64 changes = m_dealChanges;
    const auto done = [this, changes](Result<QList<DealRecord>> live) {
        m_dealsReading = false;
        if (!live) {
            qWarning().noquote() << "Cannot read the deals (those known apply):"
                                 << live.error().message;
        } else if (changes == m_dealChanges) {
            followDeals(*live);
        } else {
            m_dealsReadAgain = true; // a deal changed here meanwhile: the read may predate it
        }
        if (std::exchange(m_dealsReadAgain, false))
            readDeals();
    };
    offThread<QList<DealRecord>>([](Store &store) { return store.liveDeals(); }, done);
}

void OrderService::followDeals(const QList<DealRecord> &live)
{
    QSet<qint64> stillLive;
    for (const DealRecord &deal : live) {
        stillLive.insert(deal.id);
        adoptDeal(deal, true);
    }
    QList<DealRecord> gone;
    for (const DealRecord &deal : std::as_const(m_deals)) {
        if (!stillLive.contains(deal.id))
            gone.append(deal);
    }
    for (DealRecord deal : std::as_const(gone)) {
        deal.deal.status = protocol::DealStatus::Cancelled;
        dropDeal(deal, true);
    }
}

} // namespace qx::server
