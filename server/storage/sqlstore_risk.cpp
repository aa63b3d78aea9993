// SqlStore, risk and credit (RiskStore): limits, credit lines, the configuration version.

#include "server/storage/sqlstore.h"

#include "server/storage/sqlstore_p.h"

namespace qx::server {

namespace protocol = core::protocol;
using namespace sqlstore;

Result<std::optional<RiskLimits>> SqlStore::riskLimits(std::int64_t userId, const QString &product)
{
    return findOne<RiskLimits>(
        m_database->query("SELECT product, max_order_quantity_units, max_notional_units, "
                          "max_position_units, credit_limit_units FROM risk_limits "
                          "WHERE user_id = $1 AND product = $2",
                          userId, product),
        limitsFromRow);
}

Result<QList<RiskLimits>> SqlStore::allRiskLimits(std::int64_t userId)
{
    return collect<RiskLimits>(
        m_database->query("SELECT product, max_order_quantity_units, max_notional_units, "
                          "max_position_units, credit_limit_units FROM risk_limits "
                          "WHERE user_id = $1 ORDER BY product",
                          userId),
        limitsFromRow);
}

Result<QHash<std::int64_t, QList<RiskLimits>>> SqlStore::everyonesRiskLimits()
{
    Result<QList<std::pair<std::int64_t, RiskLimits>>> rows
        = collect<std::pair<std::int64_t, RiskLimits>>(
            m_database->query("SELECT product, max_order_quantity_units, max_notional_units, "
                              "max_position_units, credit_limit_units, user_id FROM risk_limits"),
            [](const SqlRows &row) {
                return std::pair { row.int64(5), limitsFromRow(row) };
            });
    if (!rows)
        return rows.error();
    QHash<std::int64_t, QList<RiskLimits>> limits;
    for (const auto &[user, limit] : std::as_const(*rows))
        limits[user].append(limit);
    return limits;
}

Result<std::int64_t> SqlStore::configVersion()
{
    Result<std::optional<std::int64_t>> version
        = findOne<std::int64_t>(m_database->query("SELECT version FROM config_version"),
                                [](const SqlRows &row) { return row.int64(0); });
    if (!version)
        return version.error();
    return version->value_or(0);
}

Result<void> SqlStore::saveRiskLimits(std::int64_t userId, const RiskLimits &limits)
{
    return m_database->run(
        "INSERT INTO risk_limits (user_id, product, max_order_quantity_units, "
        "max_notional_units, max_position_units, credit_limit_units) "
        "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (user_id, product) DO UPDATE SET "
        "max_order_quantity_units = excluded.max_order_quantity_units, "
        "max_notional_units = excluded.max_notional_units, "
        "max_position_units = excluded.max_position_units, "
        "credit_limit_units = excluded.credit_limit_units",
        userId, limits.product, unitsOf(limits.maxOrderQuantity), unitsOf(limits.maxNotional),
        unitsOf(limits.maxPosition), unitsOf(limits.creditLimit));
}

Result<QList<std::int64_t>> SqlStore::counterpartyMembers(const QString &counterparty)
{
    return collect<std::int64_t>(
        m_database->query("SELECT id FROM users WHERE counterparty = $1 ORDER BY id", counterparty),
        [](const SqlRows &row) { return row.int64(0); });
}

Result<std::optional<core::Money>> SqlStore::creditLine(const QString &counterparty,
                                                        const QString &currency)
{
    return findOne<core::Money>(
        m_database->query("SELECT limit_units FROM credit_lines "
                          "WHERE counterparty = $1 AND currency = $2",
                          counterparty, currency),
        [](const SqlRows &row) { return core::Money(core::Decimal::fromUnits(row.int64(0))); });
}

Result<QList<CreditLine>> SqlStore::creditLines()
{
    return collect<CreditLine>(
        m_database->query("SELECT counterparty, currency, limit_units FROM credit_lines "
                          "ORDER BY counterparty, currency"),
        [](const SqlRows &row) {
            return CreditLine { row.text(0), row.text(1),
                                core::Money(core::Decimal::fromUnits(row.int64(2))) };
        });
}

Result<void> SqlStore::saveCreditLine(const QString &counterparty, const QString &currency,
                                      std::optional<core::Money> limit)
{
    if (!limit) {
        return m_database->run("DELETE FROM credit_lines WHERE counterparty = $1 AND currency = $2",
                               counterparty, currency);
    }
    return m_database->run(
        "INSERT INTO credit_lines (counterparty, currency, limit_units) VALUES ($1, $2, $3) "
        "ON CONFLICT (counterparty, currency) DO UPDATE SET limit_units = excluded.limit_units",
        counterparty, currency, limit->decimal().units());
}

} // namespace qx::server
