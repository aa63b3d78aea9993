#pragma once

#include "server/storage/records.h"

namespace qx::server {

/**
 * Risk and credit: traders' pre-trade limits, counterparties' credit lines, and the
 * configuration version every change to them (or to users) raises.
 * Part of Store (store.h); a service that needs only this takes a RiskStore &.
 */
class RiskStore
{
public:
    virtual ~RiskStore() = default;

    virtual Result<std::optional<RiskLimits>> riskLimits(std::int64_t userId,
                                                         const QString &product)
        = 0;
    virtual Result<QList<RiskLimits>> allRiskLimits(std::int64_t userId) = 0;
    /// Every user's limits, by user id.
    virtual Result<QHash<std::int64_t, QList<RiskLimits>>> everyonesRiskLimits() = 0;
    /// Raised by every change to users, risk limits or credit lines (by whoever makes it).
    virtual Result<std::int64_t> configVersion() = 0;
    virtual Result<void> saveRiskLimits(std::int64_t userId, const RiskLimits &limits) = 0;
    /// The ids of the users trading for `counterparty`.
    virtual Result<QList<std::int64_t>> counterpartyMembers(const QString &counterparty) = 0;
    virtual Result<std::optional<core::Money>> creditLine(const QString &counterparty,
                                                          const QString &currency)
        = 0;
    virtual Result<QList<CreditLine>> creditLines() = 0;
    /// Sets a line, or removes it when `limit` is nullopt.
    virtual Result<void> saveCreditLine(const QString &counterparty, const QString &currency,
                                        std::optional<core::Money> limit)
        = 0;
};

} // namespace qx::server
