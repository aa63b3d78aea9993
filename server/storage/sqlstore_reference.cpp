// SqlStore, reference data (ReferenceStore): instruments and settlement prices.

#include "server/storage/sqlstore.h"

#include "server/storage/sqlstore_p.h"

#include <QJsonDocument>

namespace qx::server {

namespace protocol = core::protocol;
using namespace sqlstore;

Result<void> SqlStore::saveInstruments(const QList<core::Instrument> &instruments)
{
    return inTransaction(*m_database, [&]() -> Result<void> {
        for (const core::Instrument &instrument : instruments) {
            const QString definition = QString::fromUtf8(
                QJsonDocument(protocol::toJson(instrument)).toJson(QJsonDocument::Compact));
            Result<void> saved = m_database->run(
                "INSERT INTO instruments (symbol, commodity, last_trading_day, definition) "
                "VALUES ($1, $2, $3, $4) ON CONFLICT (symbol) DO UPDATE SET "
                "commodity = excluded.commodity, last_trading_day = excluded.last_trading_day, "
                "definition = excluded.definition",
                instrument.symbol, core::toString(instrument.commodity),
                instrument.lastTradingDay.toString(Qt::ISODate), definition);
            if (!saved)
                return saved;
        }
        return {};
    });
}

Result<QList<core::Instrument>> SqlStore::instruments()
{
    return collect<core::Instrument>(
        m_database->query("SELECT definition FROM instruments ORDER BY symbol"),
        [](const SqlRows &row) {
            return protocol::instrumentFromJson(
                QJsonDocument::fromJson(row.text(0).toUtf8()).object());
        });
}

Result<void> SqlStore::saveSettlement(const QString &symbol, QDate tradingDay, core::Price price)
{
    return m_database->run(
        "INSERT INTO settlement_prices (symbol, trading_day, price_units) VALUES ($1, $2, $3) "
        "ON CONFLICT (symbol, trading_day) DO UPDATE SET price_units = excluded.price_units",
        symbol, tradingDay.toString(Qt::ISODate), price.decimal().units());
}

Result<QHash<QString, core::Price>> SqlStore::latestSettlements()
{
    // ISO dates sort as text: the greatest trading day per symbol is the latest.
    Result<QList<std::pair<QString, core::Price>>> rows = collect<std::pair<QString, core::Price>>(
        m_database->query("SELECT s.symbol, s.price_units FROM settlement_prices s "
                          "JOIN (SELECT symbol, MAX(trading_day) AS day FROM settlement_prices "
                          "GROUP BY symbol) latest "
                          "ON latest.symbol = s.symbol AND latest.day = s.trading_day"),
        [](const SqlRows &row) {
            return std::pair { row.text(0), core::Price(core::Decimal::fromUnits(row.int64(1))) };
        });
    if (!rows)
        return rows.error();
    QHash<QString, core::Price> latest;
    for (const auto &[symbol, price] : std::as_const(*rows))
        latest.insert(symbol, price);
    return latest;
}

} // namespace qx::server
