#pragma once

#include "core/decimal.h"
#include "core/instrument.h"
#include "core/matching/ordertypes.h"
#include "core/result.h"

#include <QList>
#include <QString>

#include <optional>

namespace qx::core {

/**
 * One account's holding in one instrument, with first-in-first-out profit and loss: a fill
 * against the position closes its oldest lots first, and each closed lot realises
 * (sell price − buy price) × quantity × volume multiplier in the instrument's currency.
 * The multiplier (core::volumeMultiplier: delivered hours for MW, days for MMBtu/d, 1 for
 * barrels and tonnes) turns a price per MWh and a quantity in MW into money.
 *
 * Value type with no locking: it belongs to whichever thread applies the account's fills.
 * A failed operation leaves the position exactly as it was.
 */
class Position
{
public:
    /// An open lot: the price it was opened at and its quantity, signed like net() (positive
    /// in a long position, negative in a short one). All open lots share one sign.
    struct Lot
    {
        Price price;
        Quantity quantity;

        bool operator==(const Lot &) const = default;
    };

    /// Multiplier 1: P&L per unit of quantity, as for barrels.
    Position() = default;
    explicit Position(Decimal volumeMultiplier);
    /// A flat position in the instrument, with its volume multiplier.
    static Position forInstrument(const Instrument &instrument);

    /// Applies a fill and returns the P&L it realised (zero when it only opened or added).
    /// A fill larger than the open position closes it and opens the rest the other way.
    /// Errors: quantity_not_positive, out_of_range (nothing changed).
    Result<Money> apply(matching::Side side, Price price, Quantity quantity);

    Decimal volumeMultiplier() const { return m_multiplier; }
    /// Long positive, short negative, zero when flat.
    Quantity net() const { return m_net; }
    bool isFlat() const { return m_net.isZero(); }
    /// Cumulative P&L of every lot closed so far.
    Money realised() const { return m_realised; }
    /// (mark − lot price) × lot quantity × multiplier over the open lots: a short loses as the
    /// mark rises. Error: out_of_range.
    Result<Money> unrealised(Price mark) const;
    /// Quantity-weighted average price of the open lots, rounded half-even to 8 decimals;
    /// nullopt when flat.
    std::optional<Price> averageOpenPrice() const;
    /// net × multiplier, e.g. MWh. Error: out_of_range.
    Result<Quantity> energyVolume() const;
    /// Oldest first.
    const QList<Lot> &openLots() const { return m_lots; }

private:
    Decimal m_multiplier = Decimal::fromUnits(Decimal::kOne);
    QList<Lot> m_lots;
    Quantity m_net;
    Money m_realised;
};

/// A position with the instrument it is in and the price it is marked at.
struct MarkedPosition
{
    Instrument instrument;
    Position position;
    Price mark;
};

/// P&L summed over positions of one commodity in one currency; amounts in different
/// currencies are never added together.
struct PnlTotal
{
    Commodity commodity = Commodity::Power;
    QString currency;
    Money realised;
    Money unrealised;

    bool operator==(const PnlTotal &) const = default;
};

/// One total per commodity and currency that occurs, ordered by commodity then currency.
/// Error: out_of_range.
Result<QList<PnlTotal>> totalsByCommodityAndCurrency(const QList<MarkedPosition> &positions);

/// A position's share of one calendar month of its delivery period.
struct MonthExposure
{
    DeliveryPeriod month; ///< a day contract's entry is the day itself
    qint64 hours = 0; ///< delivered hours of the load shape for MW contracts, else 0
    Quantity quantity; ///< the net position, as delivered in this month
    Quantity energy; ///< MWh, MMBtu, bbl or t delivered in this month

    bool operator==(const MonthExposure &) const = default;
};

/**
 * Splits a net position over the months it delivers in, so that positions in months,
 * quarters and years can be added up month by month. A rate (MW, MMBtu/d) delivers in every
 * month of the period: 10 MW of a Q1 base contract shows in January, February and March with
 * each month's hours on the market's clock (March: 743 h, 7,430 MWh). Barrels and tonnes are
 * a total, not a rate, so they show once, in the first month, and the months always add up to
 * core::energyVolume(). Error: out_of_range.
 */
Result<QList<MonthExposure>> exposureByMonth(const Instrument &instrument, Quantity net);

} // namespace qx::core
