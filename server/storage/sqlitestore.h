#pragma once

#include "server/storage/sqlitedatabase.h"
#include "server/storage/store.h"

#include <memory>

namespace qx::server {

/**
 * The embedded store: one SQLite file in WAL mode with synchronous=FULL, so a committed
 * write survives a crash or power loss. Migrations (":/qx/migrations/sqlite/NNNN_*.sql") are
 * applied on open inside one write-locked transaction, so two processes never migrate at once.
 * Used from the thread that opened it.
 */
class SqliteStore final : public Store
{
public:
    static Result<std::unique_ptr<SqliteStore>> open(const QString &path);

    Result<void> begin() override;
    Result<void> commit() override;
    void rollback() override;
    Result<int> schemaVersion() override;
    Result<UserRecord> addUser(const QString &username, const QString &role,
                               const QByteArray &passwordHash) override;
    Result<void> updateUser(const UserRecord &user) override;
    Result<std::optional<UserRecord>> findUser(const QString &username) override;
    Result<QList<UserRecord>> users() override;
    Result<void> saveInstruments(const QList<core::Instrument> &instruments) override;
    Result<QList<core::Instrument>> instruments() override;
    Result<core::protocol::Order> insertOrder(std::int64_t userId,
                                              const core::protocol::Order &order,
                                              const QByteArray &requestHash) override;
    Result<void> updateOrder(const StoredOrder &order) override;
    Result<QList<StoredOrder>> liveOrders() override;
    Result<std::optional<StoredOrder>> findOrder(std::int64_t orderId) override;
    Result<std::optional<StoredOrder>> findOrderByClientId(std::int64_t userId,
                                                           const QString &clientOrderId) override;
    Result<QList<core::protocol::Order>> orders(std::int64_t userId) override;
    Result<std::int64_t> insertTrade(const TradeRecord &trade) override;
    Result<QList<TradeRecord>> allTrades() override;
    Result<QList<core::protocol::Trade>> trades(std::int64_t userId) override;
    Result<void> saveBookState(const BookState &state) override;
    Result<QList<BookState>> bookStates() override;
    Result<std::optional<RiskLimits>> riskLimits(std::int64_t userId,
                                                 const QString &product) override;
    Result<QList<RiskLimits>> allRiskLimits(std::int64_t userId) override;
    Result<void> saveRiskLimits(std::int64_t userId, const RiskLimits &limits) override;
    Result<LastIds> lastIds() override;
    Result<QList<std::int64_t>> counterpartyMembers(const QString &counterparty) override;
    Result<std::optional<core::Money>> creditLine(const QString &counterparty,
                                                  const QString &currency) override;
    Result<QList<CreditLine>> creditLines() override;
    Result<void> saveCreditLine(const QString &counterparty, const QString &currency,
                                std::optional<core::Money> limit) override;
    Result<void> saveSettlement(const QString &symbol, QDate tradingDay,
                                core::Price price) override;
    Result<QHash<QString, core::Price>> latestSettlements() override;
    Result<void> saveRefreshToken(std::int64_t userId, const QByteArray &tokenHash,
                                  const QDateTime &expiresAt) override;

private:
    explicit SqliteStore(std::unique_ptr<SqliteDatabase> database)
        : m_database(std::move(database))
    { }
    Result<void> migrate();

    std::unique_ptr<SqliteDatabase> m_database;
};

} // namespace qx::server
