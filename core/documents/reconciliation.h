#pragma once

#include "core/decimal.h"
#include "core/documents/extraction.h"
#include "core/documents/matching.h"
#include "core/instrument.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace qx::core::documents {

/// A deal or trade that may be invoiced, with its contract (for the hours it delivers).
struct Delivered
{
    Candidate booked;
    Instrument instrument;
};

/// What the deals and trades of an invoice's period and counterparty come to, against what the
/// invoice says.
struct Reconciliation
{
    Decimal expectedQuantity; ///< energy delivered in the period, in `unit`
    QString unit; ///< MWh, MMBtu, bbl or t
    Decimal expectedAmount; ///< its value at the booked prices, in `currency`
    QString currency;
    /// Invoice minus expected, where the invoice states a comparable figure.
    std::optional<Decimal> quantityDifference;
    std::optional<Decimal> amountDifference;
    QStringList counted; ///< the ids of the deals and trades counted
    QString reason; ///< why nothing could be compared, or what could not be (units differ)
};

/// Reconciles an invoice's fields against `delivered`: the firm is the invoice's recipient
/// (what it bought from the issuer counts positive, what it sold negative) or its issuer (the
/// other way round); only deals and trades with the other party count, each for the part of
/// its delivery inside the invoice's period (hours on the market's clock for MW contracts, days
/// for MMBtu/d, whole barrels and tonnes delivered in the period). The amount compared is the
/// net amount.
Reconciliation reconcileInvoice(const QMap<QString, Field> &fields, const QString &firm,
                                const QList<Delivered> &delivered);

} // namespace qx::core::documents
