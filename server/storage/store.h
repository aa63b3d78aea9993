#pragma once

#include "core/instrument.h"
#include "core/protocol/messages.h"
#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <optional>

namespace qx::server {

using core::Error;
using core::Result;

struct UserRecord
{
    std::int64_t id = 0;
    QString username;
    QString role;
    QByteArray passwordHash;
    bool disabled = false;
    QDateTime createdAt;
    /// cancel_newest or cancel_oldest: the account's self-trade prevention.
    QString selfTrade = QStringLiteral("cancel_newest");
    /// The firm the user trades for; empty: the user alone.
    QString counterparty;
    /// In every access token issued to the user; raised (only ever, by revokeUserTokens)
    /// to invalidate them all. updateUser() leaves it alone.
    std::int64_t tokenGeneration = 0;
    /// TOTP: the secret (set at enrolment), whether sign-in asks for codes (once confirmed),
    /// and the last step whose code was accepted.
    QByteArray totpSecret;
    bool totpEnabled = false;
    std::int64_t totpLastStep = 0;
};

/// Who does an administrative action, as the audit log records it: a user and the address
/// they came from, or the command line ("cli", "local").
struct Actor
{
    QString name;
    QString source;
    static Actor commandLine() { return { QStringLiteral("cli"), QStringLiteral("local") }; }
};

/// One entry of the audit log: who did what, from where, when. The store numbers it, dates it
/// and chains it (hash: SHA-256 over the previous entry's hash and these fields).
struct AuditEntry
{
    std::int64_t id = 0;
    QDateTime at;
    QString actor; ///< a user name, or "cli"
    QString source; ///< the client's address, or "local"
    QString action;
    QString target;
    QString detail; ///< JSON, or empty
    QByteArray hash;
};

/// An administrative action by `actor` as the audit log takes it (Store::appendAudit): what
/// was done to what, with its details as compact JSON.
inline AuditEntry auditEntry(const Actor &actor, const QString &action, const QString &target,
                             const QJsonObject &detail)
{
    return { 0,
             {},
             actor.name,
             actor.source,
             action,
             target,
             QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)),
             {} };
}

/// A trading command as the audit log keeps it (TradingWrite::audit): the detail last, as it
/// may hold spaces.
inline QString orderAuditLine(qint64 atMs, QStringView action, QStringView orderId,
                              QStringView user, QStringView address, QStringView detail)
{
    return QString::number(atMs) + u' ' + action + u' ' + orderId + u' ' + user + u' ' + address
        + u' ' + detail;
}

/// An audit entry as `audit list --json` and GET /api/v1/admin/audit print it.
inline QJsonObject toJson(const AuditEntry &entry)
{
    return { { QStringLiteral("id"), qint64(entry.id) },
             { QStringLiteral("at"), entry.at.toString(Qt::ISODateWithMs) },
             { QStringLiteral("actor"), entry.actor },
             { QStringLiteral("source"), entry.source },
             { QStringLiteral("action"), entry.action },
             { QStringLiteral("target"), entry.target },
             { QStringLiteral("detail"), entry.detail },
             { QStringLiteral("hash"), QString::fromLatin1(entry.hash.toHex()) } };
}

/// An API key as stored: never the key itself, only its hash.
struct ApiKeyRecord
{
    std::int64_t id = 0;
    std::int64_t userId = 0;
    QString name;
    QStringList scopes; ///< permission names
    QDateTime createdAt;
    QDateTime expiresAt;
    QDateTime lastUsedAt; ///< invalid: never
    QDateTime revokedAt; ///< invalid: live
};

/// What presenting a refresh token came to (Store::rotateRefreshToken).
struct RefreshRotation
{
    enum class Outcome {
        Rotated, ///< it was good: used now, its successor stored
        JustUsed, ///< used moments ago by a request racing this one: nothing changed
        Reused, ///< used before: a copy is loose, so its whole family is revoked now
        Invalid, ///< unknown, expired or revoked
    };
    Outcome outcome = Outcome::Invalid;
    std::int64_t userId = 0;
    QString family;
};

/// What a counterparty's users together may have at risk in one currency: open orders plus
/// positions, valued.
struct CreditLine
{
    QString counterparty;
    QString currency;
    core::Money limit;
};

struct StoredOrder
{
    std::int64_t userId = 0;
    QByteArray requestHash;
    core::protocol::Order order;
    // The matching engine's state, so that a book rebuilds exactly after a restart.
    core::Quantity remaining; ///< open quantity, hidden iceberg part included
    core::Quantity visible; ///< the part shown in the book
    quint64 priority = 0; ///< queue position: ascending is first come, first served
    bool pendingStop = false; ///< a stop waiting for its trigger
    core::Decimal filledValue; ///< Σ price × quantity of the fills: the average's numerator
};

struct TradeRecord
{
    std::int64_t id = 0;
    QString symbol;
    core::Price price;
    core::Quantity quantity;
    std::int64_t buyOrderId = 0;
    std::int64_t sellOrderId = 0;
    std::int64_t buyUserId = 0; ///< filled in when read back
    std::int64_t sellUserId = 0; ///< filled in when read back
    core::protocol::Side aggressor = core::protocol::Side::Buy;
    quint64 sequence = 0; ///< the book's event sequence of the fill
    QDateTime time;
};

/// Pre-trade limits of one user in one product, in the product's unit and currency.
struct RiskLimits
{
    QString product;
    std::optional<core::Quantity> maxOrderQuantity;
    std::optional<core::Money> maxNotional; ///< price × energy of one order
    std::optional<core::Quantity> maxPosition; ///< net plus open orders, either direction
    std::optional<core::Money> creditLimit; ///< open orders plus position, valued
};

/// A book's counters, kept with its orders so the event numbering and the last price survive.
struct BookState
{
    QString symbol;
    quint64 lastSequence = 0;
    std::optional<core::Price> lastTrade;
};

/// A fencing token: the epoch at which this server took the book over (cluster only).
struct BookFence
{
    QString symbol;
    std::int64_t epoch = 0;
};

/// What trading changed, for one durable write: orders as they now are, whole (new ones apart:
/// they are inserted, the others updated), new trades, and the books' counters. With fences,
/// the write stands only if every book is still at its epoch, else none of it (book_moved).
struct TradingWrite
{
    QList<StoredOrder> newOrders;
    QList<StoredOrder> orders;
    QList<TradeRecord> trades;
    QList<BookState> books;
    QList<BookFence> fences; /// The trading commands behind it, for the audit log, a line each:
                             /// "AT_MS ACTION ORDER_ID
    /// USER ADDRESS DETAIL" (orderAuditLine()). Stored with it, in the same transaction,
    /// chained by the store.
    QStringList audit;
};

/**
 * The system of record. Every write is durable when the call returns (the SQLite store commits
 * with synchronous=FULL), which is what lets the server acknowledge an order only after it.
 * Errors: storage_error, plus user_exists / duplicate_client_order_id on unique keys and
 * book_moved when a fenced trading write is refused.
 * An implementation is used from one thread.
 */
class Store
{
public:
    virtual ~Store() = default;

    /// Groups the writes that follow into one durable unit. Nothing is visible or durable
    /// until commit(); rollback() undoes it all. Not nested.
    virtual Result<void> begin() = 0;
    virtual Result<void> commit() = 0;
    virtual void rollback() = 0;

    /// The applied schema version.
    virtual Result<int> schemaVersion() = 0;

    virtual Result<UserRecord> addUser(const QString &username, const QString &role,
                                       const QByteArray &passwordHash)
        = 0;
    /// Updates role, password hash, disabled flag and self-trade prevention of `user.id`.
    virtual Result<void> updateUser(const UserRecord &user) = 0;
    virtual Result<std::optional<UserRecord>> findUser(const QString &username) = 0;
    virtual Result<std::optional<UserRecord>> findUserById(std::int64_t userId) = 0;
    /// Replaces the user's password hash with `newHash` if it is still `oldHash` (a stronger
    /// hash of the same password, made at sign-in); false if it changed meanwhile.
    virtual Result<bool> upgradePasswordHash(std::int64_t userId, const QByteArray &oldHash,
                                             const QByteArray &newHash)
        = 0;
    virtual Result<QList<UserRecord>> users() = 0;

    /// Inserts or updates by symbol, all in one transaction.
    virtual Result<void> saveInstruments(const QList<core::Instrument> &instruments) = 0;
    virtual Result<QList<core::Instrument>> instruments() = 0;

    /// Inserts a new order and returns it with its id: the order's own if it has one (the
    /// trading service numbers orders itself), else a new one.
    virtual Result<core::protocol::Order> insertOrder(std::int64_t userId,
                                                      const core::protocol::Order &order,
                                                      const QByteArray &requestHash)
        = 0;
    /// Updates what can change of an existing order: price, quantity, status, reason, filled
    /// quantity, update time and the engine state.
    virtual Result<void> updateOrder(const StoredOrder &order) = 0;
    /// Open and partially filled orders of every user, in ascending queue priority.
    virtual Result<QList<StoredOrder>> liveOrders() = 0;
    virtual Result<std::optional<StoredOrder>> findOrder(std::int64_t orderId) = 0;
    virtual Result<std::optional<StoredOrder>> findOrderByClientId(std::int64_t userId,
                                                                   const QString &clientOrderId)
        = 0;
    /// A user's orders, newest first: those with ids below `beforeId` (0: from the newest), at
    /// most `limit` (0: all).
    virtual Result<QList<core::protocol::Order>> orders(std::int64_t userId,
                                                        std::int64_t beforeId = 0, int limit = 0)
        = 0;

    /// Stores a TradingWrite in one transaction of its own, durable when this returns: new
    /// orders and trades inserted, changed orders and book states upserted, in bulk. The
    /// trading service's orders and trades carry their ids.
    virtual Result<void> commitTrading(const TradingWrite &write) = 0;
    /// Inserts a trade and returns its id (the trade's own if set).
    virtual Result<std::int64_t> insertTrade(const TradeRecord &trade) = 0;
    struct LastIds
    {
        std::int64_t order = 0;
        std::int64_t trade = 0;
    };
    /// The highest order and trade ids stored (0 when none).
    virtual Result<LastIds> lastIds() = 0;
    enum class IdKind { Order, Trade };
    /// Reserves `count` ids of `kind` for this server alone, durably: returns the first.
    virtual Result<std::int64_t> reserveIds(IdKind kind, std::int64_t count) = 0;

    /// Who matches which book when several servers share the database.
    struct BookOwner
    {
        QString symbol;
        QString instance;
        QString url;
        std::int64_t epoch = 0; ///< raised by every takeover
    };
    /// Records `owner` as the book's owner and raises its epoch, which it returns: the
    /// owner's fence for its writes (TradingWrite::fences).
    virtual Result<std::int64_t> saveBookOwner(const BookOwner &owner) = 0;
    virtual Result<QList<BookOwner>> bookOwners() = 0;
    /// The cluster's value of setting `name`: `proposed`, stored, when it had none.
    virtual Result<QString> agreeClusterSetting(const QString &name, const QString &proposed) = 0;
    /// Every trade, each book's in the order it matched them (by its sequence: ids do not
    /// follow that order once a book changed server), users included: to rebuild positions
    /// and candles.
    virtual Result<QList<TradeRecord>> allTrades() = 0;
    /// A user's own fills, newest first, paged as orders() (a trade with themselves, both
    /// sides, is never split between pages).
    virtual Result<QList<core::protocol::Trade>> trades(std::int64_t userId,
                                                        std::int64_t beforeId = 0, int limit = 0)
        = 0;
    virtual Result<void> saveBookState(const BookState &state) = 0;
    virtual Result<QList<BookState>> bookStates() = 0;

    virtual Result<std::optional<RiskLimits>> riskLimits(std::int64_t userId,
                                                         const QString &product)
        = 0;
    virtual Result<QList<RiskLimits>> allRiskLimits(std::int64_t userId) = 0;
    /// Every user's limits, by user id.
    virtual Result<QHash<std::int64_t, QList<RiskLimits>>> everyonesRiskLimits() = 0;
    /// Raised by every change to users, risk limits or credit lines (by whoever makes it).
    virtual Result<std::int64_t> configVersion() = 0;
    /// Calls `each` with the user id and client order id of every stored order, oldest first,
    /// without holding them all at once.
    virtual Result<void> forEachClientOrderId(
        const std::function<void(std::int64_t, const QString &)> &each)
        = 0;
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

    /// Records (or corrects) an instrument's settlement price for a trading day.
    virtual Result<void> saveSettlement(const QString &symbol, QDate tradingDay, core::Price price)
        = 0;
    /// The most recent settlement of each instrument that has one.
    virtual Result<QHash<QString, core::Price>> latestSettlements() = 0;

    /// Stores a refresh token (its hash only) of `family`, the sign-in it descends from.
    virtual Result<void> saveRefreshToken(std::int64_t userId, const QByteArray &tokenHash,
                                          const QString &family, const QDateTime &expiresAt)
        = 0;
    /// Uses the refresh token `oldHash` and, in the same transaction, stores `newHash` as its
    /// successor, if it is still good. A token used less than `graceMs` ago answers JustUsed
    /// (two requests raced with one token: one got the successor); used longer ago, Reused,
    /// and its family is revoked.
    virtual Result<RefreshRotation> rotateRefreshToken(const QByteArray &oldHash,
                                                       const QByteArray &newHash,
                                                       const QDateTime &expiresAt, qint64 graceMs)
        = 0;
    /// Multi-factor sign-in. setTotpSecret() starts an enrolment (codes not asked yet);
    /// enableTotp() confirms it with the step of the first code and replaces the recovery
    /// codes (their hashes); disableTotp() ends it (an admin's reset).
    virtual Result<void> setTotpSecret(std::int64_t userId, const QByteArray &secret) = 0;
    virtual Result<void> enableTotp(std::int64_t userId, std::int64_t step,
                                    const QList<QByteArray> &recoveryCodeHashes)
        = 0;
    virtual Result<void> disableTotp(std::int64_t userId) = 0;
    /// Replaces a user's TOTP secret as stored with `sealed` (the same secret, encrypted) if
    /// it is still `stored`: false if it changed meanwhile. Nothing else changes.
    virtual Result<bool> sealTotpSecret(std::int64_t userId, const QByteArray &stored,
                                        const QByteArray &sealed)
        = 0;
    /// Takes `step` as used if it is later than the last one (a code counts once): false if not.
    virtual Result<bool> useTotpStep(std::int64_t userId, std::int64_t step) = 0;
    /// Uses the recovery code with `hash` up: false if it is not the user's or was used.
    virtual Result<bool> useRecoveryCode(std::int64_t userId, const QByteArray &hash) = 0;
    /// API keys: stored by hash, listed per user, found by hash (to authenticate), revoked
    /// by their user (false: not the user's, or revoked already), and their last use noted.
    /// A user id of 0 in apiKeys() and revokeApiKey() is any user's (an admin's).
    virtual Result<std::int64_t> addApiKey(const ApiKeyRecord &key, const QByteArray &keyHash) = 0;
    virtual Result<QList<ApiKeyRecord>> apiKeys(std::int64_t userId) = 0;
    virtual Result<std::optional<ApiKeyRecord>> findApiKey(const QByteArray &keyHash) = 0;
    virtual Result<bool> revokeApiKey(std::int64_t userId, std::int64_t keyId) = 0;
    virtual Result<void> noteApiKeyUse(std::int64_t keyId, const QDateTime &at) = 0;
    /// Appends to the audit log (id, time and hash are the store's), under a lock so that
    /// the servers of a cluster append one after the other.
    virtual Result<void> appendAudit(const AuditEntry &entry) = 0;
    /// Entries after `afterId`, oldest first, at most `limit`.
    virtual Result<QList<AuditEntry>> auditEntries(std::int64_t afterId, int limit) = 0;
    /// Recomputes the audit log's chain: the id of the first entry that does not match (it
    /// or one before it was changed, removed or inserted), or none.
    virtual Result<std::optional<std::int64_t>> verifyAudit() = 0;
    /// The trading commands' chains (order_audit) recomputed: where the first break is
    /// ("chain C, entry N", or a chain without its anchor in the audit log), or none.
    virtual Result<std::optional<QString>> verifyOrderAudit() = 0;
    /// The trading commands made from `fromMs` to `toMs` (inclusive), oldest first, at most
    /// `limit`; only those on order `orderId` and by `user` when these are given. Each as an
    /// entry: id the number of its batch in its writer's chain, target the order id.
    struct OrderAuditQuery
    {
        qint64 fromMs = 0;
        qint64 toMs = 0;
        int limit = 100;
        QString orderId;
        QString user;
    };
    virtual Result<QList<AuditEntry>> orderAudit(const OrderAuditQuery &query) = 0;
    /// Every token of the user invalid from now: refresh tokens revoked, token generation
    /// raised (sign-out, password change, account disabled). The new generation.
    virtual Result<std::int64_t> revokeUserTokens(std::int64_t userId) = 0;
};

} // namespace qx::server
