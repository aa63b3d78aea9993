#pragma once

// The records storage keeps, as the store interfaces (store.h and the role interfaces it
// gathers) read and write them.

#include "core/documents/extraction.h"
#include "core/instrument.h"
#include "core/notifications/policy.h"
#include "core/protocol/deals.h"
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

/// A deal as stored: its terms and who it belongs to, booked it and cancelled it, by id (the
/// names in `deal` are filled in when read back).
struct DealRecord
{
    std::int64_t id = 0;
    std::int64_t userId = 0; ///< whose position it is in
    std::int64_t bookedBy = 0; ///< 0: the command line
    std::int64_t cancelledBy = 0;
    core::protocol::Deal deal;
};

/// An uploaded document (a broker's confirmation, an invoice) and what was read of it. Its
/// original and page images are files under the data directory, by `sha256`.
struct DocumentRecord
{
    std::int64_t id = 0;
    QString owner; ///< "firm:NAME", or "user:ID" for a user trading alone
    QString sha256; ///< of the original, hex
    std::int64_t uploadedBy = 0;
    QString uploadedByName; ///< filled in when read back
    QString filename;
    QString contentType;
    qint64 size = 0;
    QString status = QStringLiteral("queued"); ///< queued, processing, processed, failed
    QString reason; ///< why it failed
    QString type = QStringLiteral("unknown"); ///< confirmation, invoice, unknown
    int pages = 0;
    QJsonObject fields; ///< name -> {value, confidence, page, box}
    QString matchState; ///< matched, break, unmatched; empty until processed
    QJsonObject match;
    QString review; ///< accepted, rejected or booked; empty until someone decides
    QDateTime uploadedAt;
    QDateTime processedAt;
};

/// One page of a document as read: from the PDF's text layer or by OCR, with its words.
struct DocumentPage
{
    int number = 0;
    bool textLayer = false;
    double skewDegrees = 0;
    QList<core::documents::Word> words;
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
/// An event that notifies one user, written in the same transaction as its cause; also the
/// user's inbox. `eventKey` names the event and the user ("order.filled:ORDER"), so a second
/// write of the same event for the same user is no second notification.
struct NotificationRecord
{
    std::int64_t id = 0; ///< given by storage
    QString eventKey;
    std::int64_t userId = 0;
    core::notifications::EventType type = core::notifications::EventType::OrderFilled;
    core::notifications::Severity severity = core::notifications::Severity::Info;
    QJsonObject facts; ///< what the message says: symbol, side, quantity, price, reason, ...
    QDateTime createdAt;
    QDateTime readAt; ///< invalid: unread
};

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
    /// The notifications these commands cause (a fill, an expiry), stored with them.
    QList<NotificationRecord> notifications;
};

} // namespace qx::server
