#include "core/documents/reconciliation.h"

#include "core/delivery.h"

#include <QCoreApplication>

namespace qx::core::documents {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("qx::core::documents::reconciliation", text);
}

/// The energy `line` delivers between `first` and `last` (inclusive days).
Result<Decimal> energyWithin(const Delivered &line, QDate first, QDate last)
{
    const Instrument &instrument = line.instrument;
    const QDate start = instrument.delivery.start;
    const QDate end = instrument.delivery.end.addDays(-1); // the period's end is exclusive
    if (end < first || start > last)
        return Decimal();
    if (instrument.unit == QuantityUnit::Barrel || instrument.unit == QuantityUnit::TonneCO2)
        return start >= first ? line.booked.quantity : Decimal();
    if (start >= first && end <= last) {
        Result<Quantity> whole = energyVolume(instrument, Quantity(line.booked.quantity));
        return whole ? Result<Decimal>(whole->decimal()) : Result<Decimal>(whole.error());
    }
    Decimal total;
    for (QDate day = std::max(start, first); day <= std::min(end, last); day = day.addDays(1)) {
        Instrument oneDay = instrument;
        oneDay.delivery = DeliveryPeriod::day(day);
        Result<Quantity> energy = energyVolume(oneDay, Quantity(line.booked.quantity));
        if (!energy)
            return energy.error();
        Result<Decimal> sum = total.plus(energy->decimal());
        if (!sum)
            return sum.error();
        total = *sum;
    }
    return total;
}

} // namespace

Reconciliation reconcileInvoice(const QMap<QString, Field> &fields, const QString &firm,
                                const QList<Delivered> &delivered)
{
    const auto value = [&fields](const char *name) {
        return valueOf(fields, name);
    };
    Reconciliation result;
    const QDate first = QDate::fromString(value("period_start"), Qt::ISODate);
    const QDate last = QDate::fromString(value("period_end"), Qt::ISODate);
    if (!first.isValid() || !last.isValid() || last < first) {
        result.reason = tr("The invoice's period could not be read.");
        return result;
    }
    QString counterparty;
    QString positiveSide;
    if (sameParty(value("recipient"), firm)) {
        counterparty = value("issuer");
        positiveSide = QStringLiteral("buy");
    } else if (sameParty(value("issuer"), firm)) {
        counterparty = value("recipient");
        positiveSide = QStringLiteral("sell");
    } else {
        result.reason = tr("Neither the issuer nor the recipient is %1.").arg(firm);
        return result;
    }
    for (const Delivered &line : delivered) {
        if (!sameParty(line.booked.counterparty, counterparty))
            continue;
        Result<Decimal> energy = energyWithin(line, first, last);
        if (energy && energy->isZero())
            continue;
        const QString unit = energyUnit(line.instrument.unit);
        if (!result.unit.isEmpty()
            && (unit != result.unit || line.instrument.currency != result.currency)) {
            result.reason = tr("The deals of this period are in different units or currencies; "
                               "they are not added up.");
            result.counted.clear();
            return result;
        }
        result.unit = unit;
        result.currency = line.instrument.currency;
        Result<Decimal> amount
            = energy ? energy->times(line.booked.price, Rounding::HalfUp) : energy;
        if (!energy || !amount) {
            result.reason = tr("Deal %1 is too large to add up.").arg(line.booked.id);
            return result;
        }
        const bool positive = line.booked.side == positiveSide;
        const Result<Decimal> quantity
            = result.expectedQuantity.plus(positive ? *energy : energy->negated());
        const Result<Decimal> total
            = result.expectedAmount.plus(positive ? *amount : amount->negated());
        if (!quantity || !total) {
            result.reason = tr("The deals of this period are too large to add up.");
            return result;
        }
        result.expectedQuantity = *quantity;
        result.expectedAmount = *total;
        result.counted.append(line.booked.id);
    }
    if (result.counted.isEmpty()) {
        result.reason = tr("Nothing booked with %1 delivers in this period.").arg(counterparty);
        return result;
    }
    const Result<Decimal> invoicedQuantity = Decimal::parse(value("quantity"));
    const QString invoicedUnit = value("quantity_unit");
    if (invoicedQuantity && (invoicedUnit.isEmpty() || invoicedUnit == result.unit)) {
        if (Result<Decimal> difference = invoicedQuantity->minus(result.expectedQuantity))
            result.quantityDifference = *difference;
    } else if (invoicedQuantity) {
        result.reason = tr("The invoice counts %1, the deals %2: quantities not compared.")
                            .arg(invoicedUnit, result.unit);
    }
    const Result<Decimal> invoicedAmount = Decimal::parse(value("net_amount"));
    const QString currency = value("currency");
    if (invoicedAmount && (currency.isEmpty() || currency == result.currency)) {
        if (Result<Decimal> difference = invoicedAmount->minus(result.expectedAmount))
            result.amountDifference = *difference;
    }
    return result;
}

} // namespace qx::core::documents
