#pragma once

#include "core/clock.h"
#include "server/storage/sqldatabase.h"
#include "server/storage/store.h"

#include <memory>

namespace qx::server {

/**
 * The Store on a SQL database: SQLite (the embedded default: one file in WAL mode with
 * synchronous=FULL) or PostgreSQL (synchronous_commit on), chosen by the database URL:
 *
 *   sqlite:PATH                         a file, created if needed
 *   postgresql://user@host:port/name    (or postgres://, or any libpq URI)
 *
 * One set of queries serves both, written for both dialects; the methods of each storage role
 * are in sqlstore_<role>.cpp. The schema is brought up to date on open (SchemaMigrations,
 * migrations.h). Used from the thread that opened it.
 */
class SqlStore final : public Store
{
public:
    enum class Migration { Apply, Leave };
    /// Trading writes of at most this many rows go to PostgreSQL as one statement (one round
    /// trip); bigger ones in a transaction with COPY, which costs the server less per row.
    static constexpr qsizetype kOneStatementRows = 64;
    /// Opens the database at `url` and (unless told to leave it) migrates it; a database a
    /// newer build migrated is refused (schema_too_new). `unsafeFast` lets it run without
    /// durable commits (SQLite synchronous=OFF; PostgreSQL fsync or synchronous_commit off
    /// allowed).
    static Result<std::unique_ptr<SqlStore>> open(const QString &url, bool unsafeFast = false,
                                                  Migration migration = Migration::Apply);
    /// What `url` names, checked: sqlite or postgresql, and the file path or the URL itself.
    static Result<std::pair<SqlDatabase::Dialect, QString>> parseUrl(const QString &url);

    SqlDatabase &database() { return *m_database; }
    /// The clock rows are stamped by (created, issued, revoked, used, audited: the system's
    /// unless set; it must outlive its use). Tests share one with the services they drive.
    void setClock(const core::Clock &clock) { m_clock = &clock; }

    /// Writes a consistent copy of the whole database to `file`, while the server may go on:
    /// SQLite's online backup API, or pg_dump (custom format) for PostgreSQL when installed.
    Result<void> backup(const QString &file);
    /// Replaces the whole database with the backup in `file` (made by backup()), then brings
    /// its schema up to date. Stop the servers using the database first.
    Result<void> restore(const QString &file);

    /// Applies the migrations the database lacks (SchemaMigrations::apply).
    Result<void> migrate();

    Result<void> begin() override;
    Result<void> commit() override;
    void rollback() override;
    Result<int> schemaVersion() override;
    Result<UserRecord> addUser(const QString &username, const QString &role,
                               const QByteArray &passwordHash) override;
    Result<void> updateUser(const UserRecord &user) override;
    Result<std::optional<UserRecord>> findUser(const QString &username) override;
    Result<std::optional<UserRecord>> findUserById(std::int64_t userId) override;
    Result<bool> upgradePasswordHash(std::int64_t userId, const QByteArray &oldHash,
                                     const QByteArray &newHash) override;
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
    Result<QList<core::protocol::Order>> orders(std::int64_t userId, std::int64_t beforeId = 0,
                                                int limit = 0) override;
    Result<std::int64_t> insertTrade(const TradeRecord &trade) override;
    Result<void> commitTrading(const TradingWrite &write) override;
    Result<QList<TradeRecord>> allTrades() override;
    Result<QList<TradeRecord>> tradesIn(const QString &symbol) override;
    Result<QList<core::protocol::Trade>> trades(std::int64_t userId, std::int64_t beforeId = 0,
                                                int limit = 0) override;
    Result<void> saveBookState(const BookState &state) override;
    Result<QList<BookState>> bookStates() override;
    Result<std::optional<RiskLimits>> riskLimits(std::int64_t userId,
                                                 const QString &product) override;
    Result<QList<RiskLimits>> allRiskLimits(std::int64_t userId) override;
    Result<QHash<std::int64_t, QList<RiskLimits>>> everyonesRiskLimits() override;
    Result<std::int64_t> configVersion() override;
    Result<void> forEachClientOrderId(
        const std::function<void(std::int64_t, const QString &)> &each) override;
    Result<void> saveRiskLimits(std::int64_t userId, const RiskLimits &limits) override;
    Result<LastIds> lastIds() override;
    Result<std::int64_t> reserveIds(IdKind kind, std::int64_t count) override;
    Result<std::int64_t> saveBookOwner(const BookOwner &owner) override;
    Result<QList<BookOwner>> bookOwners() override;
    Result<QString> agreeClusterSetting(const QString &name, const QString &proposed) override;
    /// Sets cluster setting `name` to `value` whatever it was (after a key rotation).
    Result<void> setClusterSetting(const QString &name, const QString &value);
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
                                  const QString &family, const QDateTime &expiresAt) override;
    Result<RefreshRotation> rotateRefreshToken(const QByteArray &oldHash, const QByteArray &newHash,
                                               const QDateTime &expiresAt, qint64 graceMs) override;
    Result<std::int64_t> revokeUserTokens(std::int64_t userId) override;
    Result<std::int64_t> addApiKey(const ApiKeyRecord &key, const QByteArray &keyHash) override;
    Result<QList<ApiKeyRecord>> apiKeys(std::int64_t userId) override;
    Result<std::optional<ApiKeyRecord>> findApiKey(const QByteArray &keyHash) override;
    Result<QHash<QByteArray, ApiKeyRecord>> liveApiKeys() override;
    Result<bool> revokeApiKey(std::int64_t userId, std::int64_t keyId) override;
    Result<void> noteApiKeyUse(std::int64_t keyId, const QDateTime &at) override;
    Result<void> appendAudit(const AuditEntry &entry) override;
    Result<void> appendAudit(const QList<AuditEntry> &entries) override;
    Result<QList<AuditEntry>> auditEntries(std::int64_t afterId, int limit) override;
    Result<std::optional<std::int64_t>> verifyAudit() override;
    Result<std::optional<QString>> verifyOrderAudit() override;
    Result<QList<AuditEntry>> orderAudit(const OrderAuditQuery &query) override;
    /// An entry's hash, chained to the one before.
    static QByteArray auditHash(const QByteArray &previous, const AuditEntry &entry);
    Result<void> setTotpSecret(std::int64_t userId, const QByteArray &secret) override;
    Result<void> enableTotp(std::int64_t userId, std::int64_t step,
                            const QList<QByteArray> &recoveryCodeHashes) override;
    Result<void> disableTotp(std::int64_t userId) override;
    Result<bool> sealTotpSecret(std::int64_t userId, const QByteArray &stored,
                                const QByteArray &sealed) override;
    Result<bool> useTotpStep(std::int64_t userId, std::int64_t step) override;
    Result<bool> useRecoveryCode(std::int64_t userId, const QByteArray &hash) override;
    Result<DealRecord> bookDeal(const DealRecord &deal, QList<AuditEntry> audit) override;
    Result<std::optional<DealRecord>> cancelDeal(std::int64_t id, std::int64_t by,
                                                 const QDateTime &at, const QString &reason,
                                                 const AuditEntry &audit) override;
    Result<std::optional<DealRecord>> findDeal(std::int64_t id) override;
    Result<QList<DealRecord>> deals(const DealQuery &query) override;
    Result<QList<DealRecord>> liveDeals() override;
    Result<std::pair<DocumentRecord, bool>> addDocument(const DocumentRecord &document) override;
    Result<std::optional<DocumentRecord>> findDocument(std::int64_t id) override;
    Result<QList<DocumentRecord>> documents(const DocumentQuery &query) override;
    Result<QList<DocumentRecord>> pendingDocuments() override;
    Result<void> setDocumentStatus(std::int64_t id, const QString &status,
                                   const QString &reason) override;
    Result<void> saveDocumentReading(const DocumentRecord &document,
                                     const QList<DocumentPage> &pages) override;
    Result<void> saveDocumentReview(const DocumentRecord &document) override;
    Result<QList<DocumentPage>> documentPages(std::int64_t id) override;
    Result<bool> deleteDocument(std::int64_t id) override;
    Result<void> addNotifications(const QList<NotificationRecord> &notifications) override;
    Result<QList<NotificationRecord>> inbox(const InboxQuery &query) override;
    Result<std::int64_t> unreadNotifications(std::int64_t userId) override;
    Result<std::int64_t> markNotificationsRead(std::int64_t userId, std::int64_t id,
                                               const QDateTime &at) override;
    Result<QList<NotificationPreferenceRecord>> notificationPreferences(
        std::int64_t userId) override;
    Result<QList<NotificationPreferenceRecord>> allNotificationPreferences() override;
    Result<void> saveNotificationPreferences(
        std::int64_t userId, const QList<NotificationPreferenceRecord> &preferences) override;
    Result<QList<core::notifications::EventType>> criticalEventTypes() override;
    Result<void> saveCriticalEventTypes(
        const QList<core::notifications::EventType> &types) override;
    Result<NotificationContact> notificationContact(std::int64_t userId) override;
    Result<void> saveNotificationContact(const NotificationContact &contact) override;
    Result<QList<NotificationChannelRecord>> notificationChannels() override;
    Result<void> saveNotificationChannel(const NotificationChannelRecord &channel) override;
    Result<QList<NotificationRecord>> notificationsById(const QList<std::int64_t> &ids) override;
    Result<QList<NotificationRecord>> unplannedNotifications(int limit) override;
    Result<void> planNotifications(const QList<Plan> &plans) override;
    Result<QList<DeliveryRecord>> claimDeliveries(
        const QString &claimer, const QDateTime &now, const QDateTime &until, int limit,
        const QList<core::notifications::Channel> &channels = {}) override;
    Result<std::int64_t> recoverExpiredClaims(
        const QDateTime &now, const QList<core::notifications::Channel> &deduplicating) override;
    Result<bool> finishDelivery(const DeliveryOutcome &outcome) override;
    Result<bool> reportDeliveryStatus(core::notifications::Channel channel,
                                      const QString &providerId,
                                      core::notifications::DeliveryStatus status,
                                      const QString &error, const QDateTime &at) override;
    Result<QList<DeliveryRecord>> deliveries(const OutboxQuery &query) override;
    Result<std::optional<DeliveryRecord>> findDelivery(std::int64_t id) override;
    Result<bool> retryDelivery(std::int64_t id, const QDateTime &at) override;
    Result<bool> discardDelivery(std::int64_t id, const QDateTime &at) override;
    Result<QMap<core::notifications::Channel, QueueDepth>> outboxDepths() override;
    Result<void> addTelegramLink(const QString &tokenHash, std::int64_t userId,
                                 const QDateTime &expiresAt, const QDateTime &now) override;
    Result<std::optional<std::int64_t>> useTelegramLink(const QString &tokenHash,
                                                        const QString &chatId,
                                                        const QDateTime &now) override;
    Result<std::int64_t> recordWhatsAppInbound(const QString &number, const QDateTime &at) override;
    Result<bool> resendDelivery(core::notifications::Channel channel, const QString &providerId,
                                const QDateTime &at) override;
    Result<void> saveChannelHealth(const ChannelHealth &health) override;
    Result<QList<ChannelHealth>> channelHealth() override;

private:
    /// This connection's chain of trading commands (order_audit): its id, last number and
    /// last hash, as committed.
    struct OrderChain
    {
        std::int64_t id = 0; ///< its anchor's id in audit_log
        std::int64_t seq = 0;
        QByteArray head;
    };
    /// commitTrading's statements, in the caller's transaction; `audit`: the order_audit rows.
    Result<void> writeTrading(const TradingWrite &write,
                              const std::vector<SqlDatabase::Value> &audit);
    /// Appends one entry to audit_log under its lock, in its own transaction: as stored.
    Result<AuditEntry> appendAuditEntry(const AuditEntry &entry);
    /// The same in the caller's transaction.
    Result<AuditEntry> appendAuditRow(const AuditEntry &entry);
    /// `write.audit` chained onto m_orderChain (started, and anchored, if it is not yet): the
    /// rows to store and the chain as it will be once they are.
    Result<std::pair<std::vector<SqlDatabase::Value>, OrderChain>> chainOrderAudit(
        const QStringList &entries);
    explicit SqlStore(std::unique_ptr<SqlDatabase> database)
        : m_database(std::move(database))
    { }

    std::unique_ptr<SqlDatabase> m_database;
    const core::Clock *m_clock = &core::Clock::system();
    QString m_url;
    std::optional<OrderChain> m_orderChain;
};

} // namespace qx::server
