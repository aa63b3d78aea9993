#pragma once

#include "core/decimal.h"
#include "core/result.h"
#include "server/storage/store.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace qx::server {

/**
 * Pre-trade limits and counterparty credit lines: the one way the command line (`limits set`,
 * `credit set`) and the admin routes (/api/v1/admin/limits, /api/v1/admin/credit) change
 * them. Every input is checked before anything is written (a trader, product or counterparty
 * that does not exist, an amount that is not positive: invalid_request or not_found, and
 * nothing changes); every change goes to the audit log with its actor and what it became.
 * Storage raises the configuration version with each change, so every server applies it
 * within its settings poll (OrderService::kSettingsPollMs).
 *
 * Runs on the caller's thread with the caller's Store: a store reader for the REST routes.
 */
class RiskAdmin
{
    Q_DECLARE_TR_FUNCTIONS(qx::server::RiskAdmin)

public:
    /// One limit to change: unset keeps it, an empty optional inside removes it.
    template<typename T>
    using Edit = std::optional<std::optional<T>>;

    struct LimitsChange
    {
        QString product; ///< DE.BASE, TTF, EUA...: a product of a listed instrument
        Edit<core::Quantity> maxOrderQuantity;
        Edit<core::Money> maxNotional;
        Edit<core::Quantity> maxPosition;
        Edit<core::Money> creditLimit;
    };

    /// A counterparty's line in one currency, and the users trading under it.
    struct Line
    {
        CreditLine line;
        QStringList users;
    };

    explicit RiskAdmin(Store &store)
        : m_store(store)
    { }

    /// `username`'s limits, a product each; not_found for no such user.
    Result<QList<RiskLimits>> limits(const QString &username);
    /// Changes `username`'s limits in one product, and answers them as they are now.
    Result<RiskLimits> setLimits(const Actor &actor, const QString &username,
                                 const LimitsChange &change);

    Result<QList<Line>> creditLines();
    /// Sets `counterparty`'s line in `currency` (ISO 4217), or removes it (`limit` empty).
    /// A line is only set for a counterparty some user trades for.
    Result<void> setCreditLine(const Actor &actor, const QString &counterparty,
                               const QString &currency, std::optional<core::Money> limit);

    /// invalid_request unless `currency` is an ISO 4217 code (three capitals).
    static Result<void> checkCurrency(const QString &currency);

    /// As the routes and `--json` print them: amounts as decimal strings, null for none.
    static QJsonObject toJson(const RiskLimits &limits);
    static QJsonObject toJson(const Line &line);

private:
    Result<void> checkProduct(const QString &product);

    Store &m_store;
};

} // namespace qx::server
