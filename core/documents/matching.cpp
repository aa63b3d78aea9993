#include "core/documents/matching.h"

#include "core/documents/normalise.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace qx::core::documents {

namespace {

/// A party's name without its legal form, folded.
QStringList partyWords(const QString &name)
{
    static const QSet<QString> legalForms {
        QStringLiteral("gmbh"),    QStringLiteral("ag"),          QStringLiteral("se"),
        QStringLiteral("kg"),      QStringLiteral("co"),          QStringLiteral("ltd"),
        QStringLiteral("limited"), QStringLiteral("plc"),         QStringLiteral("as"),
        QStringLiteral("asa"),     QStringLiteral("a"),           QStringLiteral("s"),
        QStringLiteral("sa"),      QStringLiteral("sas"),         QStringLiteral("bv"),
        QStringLiteral("nv"),      QStringLiteral("llc"),         QStringLiteral("inc"),
        QStringLiteral("corp"),    QStringLiteral("corporation"), QStringLiteral("spa"),
        QStringLiteral("srl"),     QStringLiteral("ab"),          QStringLiteral("oy"),
        QStringLiteral("oyj"),     QStringLiteral("lp"),          QStringLiteral("llp"),
        QStringLiteral("the"),
    };
    QStringList words = foldForMatching(name).split(u' ', Qt::SkipEmptyParts);
    words.removeIf([](const QString &word) { return legalForms.contains(word); });
    return words;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("qx::core::documents::matching", text);
}

/// Every field in which `candidate` differs from the document beyond `tolerance`.
QList<Difference> differencesFrom(const Candidate &candidate, const QString &symbol,
                                  const QString &side, const QString &counterparty,
                                  const QDate &tradeDate, const std::optional<Decimal> &quantity,
                                  const QString &unit, const std::optional<Decimal> &price,
                                  const Tolerance &tolerance)
{
    QList<Difference> differences;
    if (candidate.symbol != symbol)
        differences.append({ QStringLiteral("symbol"), symbol, candidate.symbol });
    if (candidate.side != side)
        differences.append({ QStringLiteral("side"), side, candidate.side });
    if (!counterparty.isEmpty() && !candidate.counterparty.isEmpty()
        && !sameParty(counterparty, candidate.counterparty))
        differences.append(
            { QStringLiteral("counterparty"), counterparty, candidate.counterparty });
    if (tradeDate.isValid() && candidate.tradeDate != tradeDate) {
        differences.append({ QStringLiteral("trade_date"), tradeDate.toString(Qt::ISODate),
                             candidate.tradeDate.toString(Qt::ISODate) });
    }
    if (!unit.isEmpty() && !candidate.unit.isEmpty() && unit != candidate.unit)
        differences.append({ QStringLiteral("quantity_unit"), unit, candidate.unit });
    const auto beyond = [](Decimal a, Decimal b, Decimal allowed) {
        const Result<Decimal> gap = a.minus(b);
        return !gap || (gap->isNegative() ? gap->negated() : *gap) > allowed;
    };
    if (quantity && beyond(*quantity, candidate.quantity, tolerance.quantity)) {
        differences.append(
            { QStringLiteral("quantity"), quantity->toString(), candidate.quantity.toString() });
    }
    if (price && beyond(*price, candidate.price, tolerance.price))
        differences.append(
            { QStringLiteral("price"), price->toString(), candidate.price.toString() });
    return differences;
}

bool isKey(const Difference &difference)
{
    return difference.field == u"symbol" || difference.field == u"side"
        || difference.field == u"counterparty" || difference.field == u"trade_date";
}

} // namespace

QString toString(MatchResult::State state)
{
    switch (state) {
    case MatchResult::State::Matched:
        return QStringLiteral("matched");
    case MatchResult::State::Break:
        return QStringLiteral("break");
    case MatchResult::State::Unmatched:
        break;
    }
    return QStringLiteral("unmatched");
}

bool sameParty(const QString &a, const QString &b)
{
    const QStringList left = partyWords(a);
    const QStringList right = partyWords(b);
    return !left.isEmpty() && left == right;
}

QString partyKey(const QString &name)
{
    return partyWords(name).join(u' '); // words hold no spaces: the same words, the same key
}

MatchResult matchConfirmation(const QMap<QString, Field> &fields, const QString &firm,
                              const QList<Candidate> &candidates, const Tolerance &tolerance)
{
    const auto value = [&fields](const char *name) {
        return valueOf(fields, name);
    };
    MatchResult result;
    const QString symbol = value("symbol");
    const QString buyer = value("buyer");
    const QString seller = value("seller");
    const QDate tradeDate = QDate::fromString(value("trade_date"), Qt::ISODate);
    QString side;
    QString counterparty;
    if (!buyer.isEmpty() && sameParty(buyer, firm)) {
        side = QStringLiteral("buy");
        counterparty = seller;
    } else if (!seller.isEmpty() && sameParty(seller, firm)) {
        side = QStringLiteral("sell");
        counterparty = buyer;
    }
    if (symbol.isEmpty()) {
        result.reason = tr("The contract could not be read from the document.");
        return result;
    }
    if (side.isEmpty()) {
        result.reason = tr("Neither the buyer nor the seller is %1.").arg(firm);
        return result;
    }
    if (!tradeDate.isValid()) {
        result.reason = tr("The trade date could not be read from the document.");
        return result;
    }
    const auto decimal = [&value](const char *name) -> std::optional<Decimal> {
        const Result<Decimal> parsed = Decimal::parse(value(name));
        return parsed ? std::optional(*parsed) : std::nullopt;
    };
    const std::optional<Decimal> quantity = decimal("quantity");
    const std::optional<Decimal> price = decimal("price");
    const QString unit = value("quantity_unit");

    // Held against every candidate: those equal on every key, and among them those that fit.
    struct Held
    {
        const Candidate *candidate;
        QList<Difference> differences;
    };
    QList<Held> keyed;
    QList<Held> nearly; // one key differs (a date typed wrong, the other side's name)
    for (const Candidate &candidate : candidates) {
        Held held { &candidate,
                    differencesFrom(candidate, symbol, side, counterparty, tradeDate, quantity,
                                    unit, price, tolerance) };
        const qsizetype keys
            = std::count_if(held.differences.cbegin(), held.differences.cend(), isKey);
        if (keys == 0)
            keyed.append(held);
        else if (keys == 1 && candidate.symbol == symbol && candidate.side == side)
            nearly.append(held);
    }
    QList<Held> fitting;
    std::copy_if(keyed.cbegin(), keyed.cend(), std::back_inserter(fitting),
                 [](const Held &held) { return held.differences.isEmpty(); });
    if (fitting.size() == 1) {
        result.state = MatchResult::State::Matched;
        result.candidates = { *fitting.front().candidate };
        return result;
    }
    // Ambiguous, or the closest of the rest: fewest differences; a tie names all tied.
    const QList<Held> &pool = !fitting.isEmpty() ? fitting : !keyed.isEmpty() ? keyed : nearly;
    if (pool.isEmpty()) {
        result.reason
            = tr("Nothing booked for %1 on %2 fits.").arg(symbol, tradeDate.toString(Qt::ISODate));
        return result;
    }
    const qsizetype fewest
        = std::min_element(pool.cbegin(), pool.cend(), [](const Held &a, const Held &b) {
              return a.differences.size() < b.differences.size();
          })->differences.size();
    result.state = MatchResult::State::Break;
    for (const Held &held : pool) {
        if (held.differences.size() == fewest)
            result.candidates.append(*held.candidate);
    }
    if (result.candidates.size() > 1) {
        result.reason
            = tr("%1 booked deals or trades fit equally well: taking one would be a guess.")
                  .arg(result.candidates.size());
    } else {
        const auto closest = std::find_if(pool.cbegin(), pool.cend(), [fewest](const Held &held) {
            return held.differences.size() == fewest;
        });
        result.differences = closest->differences;
    }
    return result;
}

} // namespace qx::core::documents
