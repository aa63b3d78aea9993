#include "core/position.h"

#include "core/delivery.h"

#include <QCoreApplication>

#include <algorithm>
#include <utility>

namespace qx::core {

namespace {

// GCC and Clang provide 128-bit integers; __extension__ tells -Wpedantic that we know.
__extension__ typedef __int128 Int128;

Quantity magnitude(Quantity quantity)
{
    return quantity.isNegative() ? quantity.negated() : quantity;
}

// (to − from) × signed quantity × multiplier. The quantity is turned into energy first, so
// with a whole multiplier (hours, days) the only rounding is the one of notional().
Result<Money> valueChange(Price from, Price to, Quantity quantity, Decimal multiplier)
{
    const Result<Price> difference = to.minus(from);
    if (!difference)
        return difference.error();
    const Result<Decimal> energy = quantity.decimal().times(multiplier);
    if (!energy)
        return energy.error();
    return notional(*difference, Quantity(*energy));
}

// Divides by a positive divisor, ties to the even quotient, as Decimal rounds.
Int128 divideHalfEven(Int128 value, Int128 divisor)
{
    Int128 quotient = value / divisor;
    const Int128 remainder = value % divisor;
    const Int128 twiceRemainder = (remainder < 0 ? -remainder : remainder) * 2;
    if (twiceRemainder > divisor || (twiceRemainder == divisor && quotient % 2 != 0))
        quotient += value < 0 ? -1 : 1;
    return quotient;
}

} // namespace

Position::Position(Decimal volumeMultiplier)
    : m_multiplier(volumeMultiplier)
{ }

Position Position::forInstrument(const Instrument &instrument)
{
    return Position(core::volumeMultiplier(instrument));
}

Result<Money> Position::apply(matching::Side side, Price price, Quantity quantity)
{
    if (!quantity.isPositive()) {
        return makeError(ErrorCode::QuantityNotPositive,
                         QCoreApplication::translate("qx::core::Position",
                                                     "A fill must have a positive quantity."));
    }
    const Quantity signedFill = side == matching::Side::Buy ? quantity : quantity.negated();

    if (m_net.isZero() || m_net.isNegative() == signedFill.isNegative()) {
        const Result<Quantity> net = m_net.plus(signedFill);
        if (!net)
            return net.error();
        m_lots.append(Lot { price, signedFill });
        m_net = *net;
        return Money();
    }

    // Work out the whole fill before touching anything, so that an overflow in any lot leaves
    // the position as it was.
    Money realised;
    Quantity remaining = quantity;
    qsizetype closedLots = 0;
    std::optional<Lot> partlyClosed;
    for (const Lot &lot : std::as_const(m_lots)) {
        if (remaining.isZero())
            break;
        const Quantity lotSize = magnitude(lot.quantity);
        const Quantity closing = std::min(lotSize, remaining);
        const Quantity signedClosing = lot.quantity.isNegative() ? closing.negated() : closing;
        const Result<Money> pnl = valueChange(lot.price, price, signedClosing, m_multiplier);
        if (!pnl)
            return pnl.error();
        const Result<Money> sum = realised.plus(*pnl);
        if (!sum)
            return sum.error();
        realised = *sum;
        // Both are within [0, lot size]: no overflow.
        remaining = remaining.minus(closing).value();
        if (closing == lotSize)
            ++closedLots;
        else
            partlyClosed = Lot { lot.price, lot.quantity.minus(signedClosing).value() };
    }
    const Result<Money> total = m_realised.plus(realised);
    if (!total)
        return total.error();

    m_lots.remove(0, closedLots);
    if (partlyClosed)
        m_lots.first() = *partlyClosed;
    if (remaining.isPositive()) {
        // Every lot is closed: the rest of the fill opens the position the other way.
        Q_ASSERT(m_lots.isEmpty());
        m_lots.append(Lot { price, signedFill.isNegative() ? remaining.negated() : remaining });
    }
    // Opposite signs: the sum cannot overflow.
    m_net = m_net.plus(signedFill).value();
    m_realised = *total;
    return realised;
}

Result<Money> Position::unrealised(Price mark) const
{
    Money total;
    for (const Lot &lot : m_lots) {
        const Result<Money> pnl = valueChange(lot.price, mark, lot.quantity, m_multiplier);
        if (!pnl)
            return pnl.error();
        const Result<Money> sum = total.plus(*pnl);
        if (!sum)
            return sum.error();
        total = *sum;
    }
    return total;
}

std::optional<Price> Position::averageOpenPrice() const
{
    if (m_lots.isEmpty())
        return std::nullopt;
    // Each |price × quantity| < 2^126 in units of 10^-16, and the quantities add up to the
    // net position, which fits in 63 bits: the sum stays below max|price| × |net| < 2^126.
    // The average lies between the lot prices, so it fits a Decimal too.
    Int128 weighted = 0;
    Int128 total = 0;
    for (const Lot &lot : m_lots) {
        const Int128 size = magnitude(lot.quantity).decimal().units();
        weighted += Int128(lot.price.decimal().units()) * size;
        total += size;
    }
    return Price(Decimal::fromUnits(std::int64_t(divideHalfEven(weighted, total))));
}

Result<Quantity> Position::energyVolume() const
{
    const Result<Decimal> volume = m_net.decimal().times(m_multiplier);
    if (!volume)
        return volume.error();
    return Quantity(*volume);
}

Result<QList<PnlTotal>> totalsByCommodityAndCurrency(const QList<MarkedPosition> &positions)
{
    QList<PnlTotal> totals;
    for (const MarkedPosition &marked : positions) {
        const Result<Money> unrealised = marked.position.unrealised(marked.mark);
        if (!unrealised)
            return unrealised.error();
        auto total = std::find_if(totals.begin(), totals.end(), [&](const PnlTotal &candidate) {
            return candidate.commodity == marked.instrument.commodity
                && candidate.currency == marked.instrument.currency;
        });
        if (total == totals.end()) {
            totals.append(PnlTotal { marked.instrument.commodity, marked.instrument.currency,
                                     Money(), Money() });
            total = totals.end() - 1;
        }
        const Result<Money> realisedSum = total->realised.plus(marked.position.realised());
        if (!realisedSum)
            return realisedSum.error();
        const Result<Money> unrealisedSum = total->unrealised.plus(*unrealised);
        if (!unrealisedSum)
            return unrealisedSum.error();
        total->realised = *realisedSum;
        total->unrealised = *unrealisedSum;
    }
    std::sort(totals.begin(), totals.end(), [](const PnlTotal &a, const PnlTotal &b) {
        if (a.commodity != b.commodity)
            return a.commodity < b.commodity;
        return a.currency < b.currency;
    });
    return totals;
}

Result<QList<MonthExposure>> exposureByMonth(const Instrument &instrument, Quantity net)
{
    const bool isRate
        = instrument.unit == QuantityUnit::Megawatt || instrument.unit == QuantityUnit::MMBtuPerDay;
    QList<MonthExposure> exposures;
    for (const DeliveryPeriod &month : monthsOf(instrument.delivery)) {
        if (!isRate) {
            exposures.append(MonthExposure { month, 0, net, net });
            break;
        }
        // The month as a contract of its own: volumeMultiplier() then counts its hours (or
        // days) exactly as it does for the whole period.
        Instrument share = instrument;
        share.delivery = month;
        const Decimal multiplier = volumeMultiplier(share);
        const Result<Decimal> energy = net.decimal().times(multiplier);
        if (!energy)
            return energy.error();
        const qint64 hours
            = instrument.unit == QuantityUnit::Megawatt ? multiplier.units() / Decimal::kOne : 0;
        exposures.append(MonthExposure { month, hours, net, Quantity(*energy) });
    }
    return exposures;
}

} // namespace qx::core
