#pragma once

#include "core/decimal.h"
#include "core/documents/extraction.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>

/**
 * A confirmation held against what the system booked for the firm: deals and order-book
 * trades. Exact on contract, side, counterparty (when both name one) and trade date; quantity
 * and price within a tolerance. A false match is worse than none: two candidates that fit
 * equally make a break naming both, never a match.
 */
namespace qx::core::documents {

/// A deal or an order-book trade of the firm, as matching sees it.
struct Candidate
{
    QString id;
    QString kind; ///< "deal" or "trade"
    QString symbol;
    QString side; ///< the firm's: "buy" or "sell"
    QString counterparty; ///< the other side's name; empty when unknown (an exchange trade)
    QDate tradeDate;
    Decimal quantity; ///< in the instrument's unit
    QString unit; ///< that unit: MW, MMBtu/d, bbl, tCO2
    Decimal price;
};

/// How far quantity and price may be from the booked ones and still match (absolute).
struct Tolerance
{
    Decimal quantity;
    Decimal price;
};

struct Difference
{
    QString field; ///< symbol, side, counterparty, trade_date, quantity, quantity_unit, price
    QString document;
    QString booked;
};

struct MatchResult
{
    enum class State { Matched, Break, Unmatched };
    State state = State::Unmatched;
    /// Matched: the one; break: the candidates it is held against (two or more: ambiguous).
    QList<Candidate> candidates;
    /// Break against one candidate: every field that differs, with both values.
    QList<Difference> differences;
    /// Unmatched: why (no candidate, or what the document does not say).
    QString reason;
};
QString toString(MatchResult::State state);

/// The same party, however written: case, accents, punctuation and legal form aside
/// ("Alpha Energie GmbH" is "ALPHA ENERGIE", "Nordlicht Trading A/S" is "Nordlicht Trading AS").
bool sameParty(const QString &a, const QString &b);
/// What sameParty() compares: two names are the same party when their keys are equal and not
/// empty (a name of legal forms alone has none).
QString partyKey(const QString &name);

/// A confirmation's fields (with "symbol" resolved) held against the firm's candidates. The
/// firm's side is the one of buyer and seller that names `firm`; the other is the
/// counterparty.
MatchResult matchConfirmation(const QMap<QString, Field> &fields, const QString &firm,
                              const QList<Candidate> &candidates, const Tolerance &tolerance = {});

} // namespace qx::core::documents
