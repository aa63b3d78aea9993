#include "server/trading/pretraderisk.h"

#include <QLoggingCategory>

namespace qx::server {

namespace protocol = core::protocol;
using core::Money;
using core::Price;
using core::Quantity;

namespace {

Q_LOGGING_CATEGORY(lcRisk, "qx.server.risk")

core::Error failure(core::ErrorCode code, const QString &message)
{
    return core::makeError(code, message);
}

/// The result of a checked sum or difference, or the overflow error naming `what`.
template<typename T>
Result<T> checked(Result<T> result, const QString &what)
{
    if (!result)
        return PreTradeRisk::overflow(what);
    return result;
}

template<typename T>
T magnitude(T value)
{
    return value.isNegative() ? value.negated() : value;
}

} // namespace

core::Error PreTradeRisk::overflow(const QString &what)
{
    qCCritical(lcRisk).noquote() << "arithmetic overflow in the pre-trade checks:" << what;
    return failure(
        core::ErrorCode::InternalError,
        tr("The %1 of this order cannot be computed (too large), so it was refused.").arg(what));
}

Result<std::optional<PreTradeRisk::Settings>> PreTradeRisk::read(Store &store, qint64 known)
{
    Result<std::int64_t> version = store.configVersion();
    if (!version)
        return version.error();
    if (*version == known)
        return std::optional<Settings>();
    Settings settings;
    settings.version = *version;
    Result<QHash<std::int64_t, QList<RiskLimits>>> limits = store.everyonesRiskLimits();
    if (!limits)
        return limits.error();
    for (auto user = limits->cbegin(); user != limits->cend(); ++user) {
        for (const RiskLimits &limit : *user)
            settings.limits[user.key()].insert(limit.product, limit);
    }
    Result<QList<CreditLine>> lines = store.creditLines();
    if (!lines)
        return lines.error();
    for (const CreditLine &line : std::as_const(*lines))
        settings.creditLines[line.counterparty].insert(line.currency, line.limit);
    Result<QList<UserRecord>> users = store.users();
    if (!users)
        return users.error();
    for (const UserRecord &user : std::as_const(*users)) {
        if (!user.counterparty.isEmpty())
            settings.members[user.counterparty].append(user.id);
    }
    return std::optional<Settings>(std::move(settings));
}

bool PreTradeRisk::apply(Settings settings)
{
    // A reader's answer may arrive after a newer version was read in line (a reload).
    if (settings.version <= m_settings.version)
        return false;
    m_settings = std::move(settings);
    return true;
}

Result<void> PreTradeRisk::check(const Principal &principal, const Market &market,
                                 const Holdings &holdings, protocol::Side side,
                                 std::optional<Price> price, Quantity quantity, Quantity remaining,
                                 qint64 replacing) const
{
    Money orderValue; // of what stays open, which is what can still fill
    if (price) {
        Result<Money> value = market.value(*price, remaining);
        if (!value)
            return overflow(tr("value"));
        orderValue = magnitude(*value);
    }
    if (Result<void> allowed = checkUserLimits(principal, market, holdings, side, price, quantity,
                                               remaining, orderValue, replacing);
        !allowed)
        return allowed;
    return checkCreditLine(principal, market, holdings, orderValue, replacing);
}

Result<void> PreTradeRisk::checkUserLimits(const Principal &principal, const Market &market,
                                           const Holdings &holdings, protocol::Side side,
                                           std::optional<Price> price, Quantity quantity,
                                           Quantity remaining, Money orderValue,
                                           qint64 replacing) const
{
    const auto mine = m_settings.limits.constFind(principal.userId);
    if (mine == m_settings.limits.cend())
        return {};
    const auto found = mine->constFind(market.product);
    if (found == mine->cend())
        return {};
    const RiskLimits &limits = *found;
    const core::Instrument &instrument = market.instrument;
    const QString unit = core::toString(instrument.unit);
    const auto over = [&](core::ErrorCode code, const QString &what, const auto &value,
                          const auto &limit, const QString &suffix) -> core::Error {
        // value > limit ≥ 0, so the excess fits.
        const auto excess = value.minus(limit);
        return failure(code,
                       tr("This order would take your %1 for %2 to %3 %5, %4 %5 above "
                          "your limit of %6 %5.")
                           .arg(what, market.product, value.toString(),
                                excess ? excess->toString() : QStringLiteral("?"), suffix,
                                limit.toString()));
    };
    if (limits.maxOrderQuantity && quantity > *limits.maxOrderQuantity) {
        return over(core::ErrorCode::LimitMaxOrderQuantity, tr("order quantity"), quantity,
                    *limits.maxOrderQuantity, unit);
    }
    if (price && limits.maxNotional) {
        Result<Money> value = market.value(*price, quantity);
        if (!value)
            return overflow(tr("order value"));
        if (magnitude(*value) > *limits.maxNotional) {
            return over(core::ErrorCode::LimitMaxNotional, tr("order value"), magnitude(*value),
                        *limits.maxNotional, instrument.currency);
        }
    }
    if (limits.maxPosition) {
        // Worst case: everything open on one side fills.
        Result<std::pair<Quantity, Quantity>> open
            = holdings.openQuantities(principal.userId, instrument.symbol, replacing);
        if (!open)
            return open.error();
        auto [buying, selling] = *open;
        Result<Quantity> adding = checked(
            (side == protocol::Side::Buy ? buying : selling).plus(remaining), tr("position"));
        if (!adding)
            return adding.error();
        (side == protocol::Side::Buy ? buying : selling) = *adding;
        const Quantity net = holdings.netPosition(principal.userId, instrument.symbol);
        Result<Quantity> longest = checked(net.plus(buying), tr("position"));
        Result<Quantity> shortest = checked(net.minus(selling), tr("position"));
        if (!longest)
            return longest.error();
        if (!shortest)
            return shortest.error();
        const Quantity worst = *longest > shortest->negated() ? *longest : shortest->negated();
        if (worst > *limits.maxPosition)
            return over(core::ErrorCode::LimitMaxPosition, tr("position"), worst,
                        *limits.maxPosition, unit);
    }
    if (limits.creditLimit) {
        Result<Money> held = holdings.exposure(
            { principal.userId },
            [&](const core::Instrument &, const QString &product) {
                return product == market.product;
            },
            replacing);
        if (!held)
            return held.error();
        Result<Money> exposure = checked(orderValue.plus(*held), tr("credit exposure"));
        if (!exposure)
            return exposure.error();
        if (*exposure > *limits.creditLimit) {
            return over(core::ErrorCode::LimitCredit, tr("credit exposure"), *exposure,
                        *limits.creditLimit, instrument.currency);
        }
    }
    return {};
}

Result<void> PreTradeRisk::checkCreditLine(const Principal &principal, const Market &market,
                                           const Holdings &holdings, Money orderValue,
                                           qint64 replacing) const
{
    if (principal.counterparty.isEmpty())
        return {};
    const QString &currency = market.instrument.currency;
    const auto lines = m_settings.creditLines.constFind(principal.counterparty);
    if (lines == m_settings.creditLines.cend() || !lines->contains(currency))
        return {};
    const Money line = lines->value(currency);
    const QList<std::int64_t> members = m_settings.members.value(principal.counterparty);
    Result<Money> held = holdings.exposure(
        members,
        [&](const core::Instrument &instrument, const QString &) {
            return instrument.currency == currency;
        },
        replacing, principal.counterparty);
    if (!held)
        return held.error();
    Result<Money> exposure = checked(orderValue.plus(*held), tr("credit exposure"));
    if (!exposure)
        return exposure.error();
    if (*exposure <= line)
        return {};
    const Result<Money> excess = exposure->minus(line);
    return failure(core::ErrorCode::LimitCounterpartyCredit,
                   tr("This order would take the credit exposure of %1 in %2 to %3 %2, %4 %2 "
                      "above its credit line of %5 %2.")
                       .arg(principal.counterparty, currency, exposure->toString(),
                            excess ? excess->toString() : QStringLiteral("?"), line.toString()));
}

} // namespace qx::server
