// SqlStore, deals (DealStore): booking, cancelling and listing bilateral trades.

#include "server/storage/sqlstore.h"

#include "server/storage/sqlstore_p.h"

namespace qx::server {

namespace protocol = core::protocol;
using namespace sqlstore;

namespace {

// Every deal query selects these columns, in this order (dealFromRow reads them).
#define QX_DEAL_COLUMNS \
    "SELECT d.id, d.user_id, u.username, d.symbol, d.side, d.quantity_units, d.price_units, " \
    "d.counterparty, d.broker, d.trade_date, d.external_id, d.document_id, d.booked_by, " \
    "b.username, d.booked_at_ms, d.status, d.cancelled_by, c.username, d.cancelled_at_ms, " \
    "d.cancel_reason FROM deals d JOIN users u ON u.id = d.user_id " \
    "LEFT JOIN users b ON b.id = d.booked_by LEFT JOIN users c ON c.id = d.cancelled_by "

// The name of who did something: a user, or the command line (user 0, no row).
QString actorName(const SqlRows &row, int column)
{
    return row.isNull(column) ? QStringLiteral("cli") : row.text(column);
}

DealRecord dealFromRow(const SqlRows &row)
{
    DealRecord record;
    protocol::Deal &deal = record.deal;
    record.id = row.int64(0);
    record.userId = row.int64(1);
    deal.id = QString::number(record.id);
    deal.username = row.text(2);
    deal.terms.symbol = row.text(3);
    deal.terms.side = protocol::sideFromString(row.text(4)).value_or(protocol::Side::Buy);
    deal.terms.quantity = core::Quantity(core::Decimal::fromUnits(row.int64(5)));
    deal.terms.price = core::Price(core::Decimal::fromUnits(row.int64(6)));
    deal.terms.counterparty = row.text(7);
    deal.terms.broker = row.text(8);
    deal.terms.tradeDate = QDate::fromString(row.text(9), Qt::ISODate);
    deal.terms.externalId = row.text(10);
    deal.terms.documentId = row.isNull(11) ? QString() : row.text(11);
    record.bookedBy = row.int64(12);
    deal.bookedBy = actorName(row, 13);
    deal.bookedAt = QDateTime::fromMSecsSinceEpoch(row.int64(14), Qt::UTC);
    deal.status = protocol::dealStatusFromString(row.text(15)).value_or(protocol::DealStatus::Live);
    if (deal.status == protocol::DealStatus::Cancelled) {
        record.cancelledBy = row.isNull(16) ? 0 : row.int64(16);
        deal.cancelledBy = actorName(row, 17);
        deal.cancelledAt = QDateTime::fromMSecsSinceEpoch(row.int64(18), Qt::UTC);
        deal.cancelReason = row.text(19);
    }
    return record;
}

SqlDatabase::Value textOrNull(const QString &text)
{
    return text.isEmpty() ? SqlDatabase::Value(nullptr) : SqlDatabase::Value(text);
}

} // namespace

Result<DealRecord> SqlStore::bookDeal(const DealRecord &deal, QList<AuditEntry> audit)
{
    Result<std::int64_t> id = inTransaction(*m_database, [&]() -> Result<std::int64_t> {
        const protocol::NewDeal &terms = deal.deal.terms;
        Result<std::int64_t> inserted = returnedInteger(m_database->select(
            "INSERT INTO deals (user_id, symbol, side, quantity_units, price_units, "
            "counterparty, broker, trade_date, external_id, document_id, booked_by, "
            "booked_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
            "RETURNING id",
            { deal.userId, terms.symbol, protocol::toString(terms.side),
              terms.quantity.decimal().units(), terms.price.decimal().units(), terms.counterparty,
              terms.broker, terms.tradeDate.toString(Qt::ISODate), terms.externalId,
              textOrNull(terms.documentId), deal.bookedBy,
              deal.deal.bookedAt.toMSecsSinceEpoch() }));
        if (!inserted)
            return inserted;
        for (AuditEntry &entry : audit) {
            if (entry.target.isEmpty())
                entry.target = QStringLiteral("deal:%1").arg(*inserted);
            if (Result<AuditEntry> appended = appendAuditRow(entry); !appended)
                return appended.error();
        }
        return inserted;
    });
    if (!id)
        return id.error();
    Result<std::optional<DealRecord>> stored = findDeal(*id);
    if (!stored)
        return stored.error();
    if (!*stored)
        return core::makeError(core::ErrorCode::StorageError,
                               QStringLiteral("The deal just booked cannot be read back."));
    return **stored;
}

Result<std::optional<DealRecord>> SqlStore::cancelDeal(std::int64_t id, std::int64_t by,
                                                       const QDateTime &at, const QString &reason,
                                                       const AuditEntry &audit)
{
    Result<bool> cancelled = inTransaction(*m_database, [&]() -> Result<bool> {
        Result<bool> changed = m_database->changeOne(
            "UPDATE deals SET status = 'cancelled', cancelled_by = $2, cancelled_at_ms = $3, "
            "cancel_reason = $4 WHERE id = $1 AND status = 'live'",
            id, by, at.toMSecsSinceEpoch(), reason);
        if (!changed || !*changed)
            return changed;
        if (Result<AuditEntry> appended = appendAuditRow(audit); !appended)
            return appended.error();
        return true;
    });
    if (!cancelled)
        return cancelled.error();
    if (!*cancelled)
        return std::optional<DealRecord>();
    return findDeal(id);
}

Result<std::optional<DealRecord>> SqlStore::findDeal(std::int64_t id)
{
    return findOne<DealRecord>(m_database->query(QX_DEAL_COLUMNS "WHERE d.id = $1", id),
                               dealFromRow);
}

Result<QList<DealRecord>> SqlStore::deals(const DealQuery &query)
{
    const auto dateText = [](const QDate &date) {
        return date.isValid() ? date.toString(Qt::ISODate) : QString();
    };
    return collect<DealRecord>(
        m_database->query(
            QX_DEAL_COLUMNS
            "WHERE ($1 = 0 OR d.user_id = $1) AND ($2 = '' OR u.counterparty = $2) "
            "AND ($3 = 0 OR d.id < $3) AND ($4 = '' OR d.status = $4) "
            "AND ($5 = '' OR d.symbol = $5) AND ($6 = '' OR d.document_id = $6) "
            "AND ($7 = '' OR d.trade_date >= $7) AND ($8 = '' OR d.trade_date <= $8) "
            "ORDER BY d.id DESC LIMIT $9",
            query.userId, query.firm, query.before,
            query.status ? protocol::toString(*query.status) : QString(), query.symbol,
            query.documentId, dateText(query.tradedFrom), dateText(query.tradedTo),
            query.limit > 0 ? std::int64_t(query.limit) : std::numeric_limits<std::int64_t>::max()),
        dealFromRow);
}

Result<QList<DealRecord>> SqlStore::liveDeals()
{
    return collect<DealRecord>(
        m_database->query(QX_DEAL_COLUMNS "WHERE d.status = 'live' ORDER BY d.booked_at_ms, d.id"),
        dealFromRow);
}

#undef QX_DEAL_COLUMNS

} // namespace qx::server
