#include "server/trading/riskadmin.h"

#include "core/productcatalog.h"
#include "server/auth/useradmin.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace qx::server {

namespace {

core::Error invalid(const QString &message)
{
    return core::makeError(core::ErrorCode::InvalidRequest, message);
}

template<typename T>
QJsonValue amount(const std::optional<T> &value)
{
    return value ? QJsonValue(value->toString()) : QJsonValue();
}

/// Applies `edit` to `limit`, recording it in `detail` under `key`; false if the new value
/// is not positive.
template<typename T>
bool apply(const RiskAdmin::Edit<T> &edit, std::optional<T> &limit, QJsonObject &detail,
           const QString &key)
{
    if (!edit)
        return true;
    if (*edit && !(*edit)->isPositive())
        return false;
    limit = *edit;
    detail.insert(key, amount(limit));
    return true;
}

} // namespace

Result<void> RiskAdmin::checkProduct(const QString &product)
{
    if (product.isEmpty())
        return invalid(tr("A product is required (DE.BASE, TTF, EUA...)."));
    // A limit on a product nothing is listed in would never apply: most likely a typo.
    Result<QList<core::Instrument>> instruments = m_store.instruments();
    if (!instruments)
        return instruments.error();
    QSet<QString> products;
    for (const core::Instrument &instrument : std::as_const(*instruments)) {
        if (Result<core::SymbolParts> parts = core::parseSymbol(instrument.symbol))
            products.insert(parts->product);
    }
    if (!products.contains(product)) {
        QStringList known(products.cbegin(), products.cend());
        known.sort();
        return invalid(tr("No instrument of product %1 is listed; the products are: %2.")
                           .arg(product, known.join(QStringLiteral(", "))));
    }
    return {};
}

Result<QList<RiskLimits>> RiskAdmin::limits(const QString &username)
{
    Result<UserRecord> trader = UserAdmin(m_store).user(username);
    if (!trader)
        return trader.error();
    return m_store.allRiskLimits(trader->id);
}

Result<RiskLimits> RiskAdmin::setLimits(const Actor &actor, const QString &username,
                                        const LimitsChange &change)
{
    Result<UserRecord> trader = UserAdmin(m_store).user(username);
    if (!trader)
        return trader.error();
    if (Result<void> known = checkProduct(change.product); !known)
        return known.error();
    Result<std::optional<RiskLimits>> existing = m_store.riskLimits(trader->id, change.product);
    if (!existing)
        return existing.error();
    RiskLimits limits = existing->value_or(RiskLimits {});
    limits.product = change.product;
    QJsonObject detail { { QStringLiteral("product"), change.product } };
    if (!apply(change.maxOrderQuantity, limits.maxOrderQuantity, detail,
               QStringLiteral("max_order_quantity"))
        || !apply(change.maxNotional, limits.maxNotional, detail, QStringLiteral("max_notional"))
        || !apply(change.maxPosition, limits.maxPosition, detail, QStringLiteral("max_position"))
        || !apply(change.creditLimit, limits.creditLimit, detail, QStringLiteral("credit_limit"))) {
        return invalid(tr("A limit is a positive amount such as 50 or 2500000.00, or none."));
    }
    if (Result<void> saved = m_store.saveRiskLimits(trader->id, limits); !saved)
        return saved.error();
    if (Result<void> audited
        = m_store.appendAudit(auditEntry(actor, QStringLiteral("limits_set"), username, detail));
        !audited)
        return audited.error();
    return limits;
}

Result<QList<RiskAdmin::Line>> RiskAdmin::creditLines()
{
    Result<QList<CreditLine>> lines = m_store.creditLines();
    if (!lines)
        return lines.error();
    Result<QList<UserRecord>> users = m_store.users();
    if (!users)
        return users.error();
    QList<Line> answer;
    answer.reserve(lines->size());
    for (const CreditLine &line : std::as_const(*lines)) {
        Line entry { line, {} };
        for (const UserRecord &user : std::as_const(*users)) {
            if (user.counterparty == line.counterparty)
                entry.users.append(user.username);
        }
        answer.append(entry);
    }
    return answer;
}

Result<void> RiskAdmin::setCreditLine(const Actor &actor, const QString &counterparty,
                                      const QString &currency, std::optional<core::Money> limit)
{
    if (Result<void> checked = checkCurrency(currency); !checked)
        return checked;
    if (limit && !limit->isPositive())
        return invalid(tr("A credit line is a positive amount such as 5000000, or none."));
    Result<QList<std::int64_t>> members = m_store.counterpartyMembers(counterparty);
    if (!members)
        return members.error();
    if (members->isEmpty() && limit) {
        return core::makeError(
            core::ErrorCode::NotFound,
            tr("No user trades for %1: set a user's counterparty first.").arg(counterparty));
    }
    if (Result<void> saved = m_store.saveCreditLine(counterparty, currency, limit); !saved)
        return saved.error();
    return m_store.appendAudit(auditEntry(
        actor, QStringLiteral("credit_line_set"), counterparty,
        { { QStringLiteral("currency"), currency }, { QStringLiteral("limit"), amount(limit) } }));
}

Result<void> RiskAdmin::checkCurrency(const QString &currency)
{
    static const QRegularExpression currencyPattern(QStringLiteral("^[A-Z]{3}$"));
    if (!currencyPattern.match(currency).hasMatch())
        return invalid(tr("The currency is an ISO 4217 code such as EUR."));
    return {};
}

QJsonObject RiskAdmin::toJson(const RiskLimits &limits)
{
    return { { QStringLiteral("product"), limits.product },
             { QStringLiteral("max_order_quantity"), amount(limits.maxOrderQuantity) },
             { QStringLiteral("max_notional"), amount(limits.maxNotional) },
             { QStringLiteral("max_position"), amount(limits.maxPosition) },
             { QStringLiteral("credit_limit"), amount(limits.creditLimit) } };
}

QJsonObject RiskAdmin::toJson(const Line &line)
{
    return { { QStringLiteral("counterparty"), line.line.counterparty },
             { QStringLiteral("currency"), line.line.currency },
             { QStringLiteral("limit"), line.line.limit.toString() },
             { QStringLiteral("users"), QJsonArray::fromStringList(line.users) } };
}

} // namespace qx::server
