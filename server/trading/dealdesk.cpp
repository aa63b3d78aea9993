#include "server/trading/dealdesk.h"

namespace qx::server {

namespace protocol = core::protocol;

namespace {

Error invalidField(const QString &field, const QString &problem)
{
    return core::makeError(core::ErrorCode::InvalidRequest,
                           QStringLiteral("Field \"%1\": %2").arg(field, problem));
}

Error notFound(std::int64_t id)
{
    return core::makeError(core::ErrorCode::NotFound, DealDesk::tr("You have no deal %1.").arg(id));
}

QJsonObject termsJson(const DealRecord &deal)
{
    QJsonObject json = deal.deal.terms.toJson();
    json.insert(QStringLiteral("user"), deal.deal.username);
    return json;
}

} // namespace

Result<void> DealDesk::check(const core::Instrument &instrument, const protocol::NewDeal &terms,
                             const QDate &today)
{
    if (terms.symbol != instrument.symbol)
        return invalidField(QStringLiteral("symbol"), tr("is not the contract checked"));
    if (terms.tradeDate > today)
        return invalidField(QStringLiteral("trade_date"),
                            tr("%1 is in the future").arg(terms.tradeDate.toString(Qt::ISODate)));
    if (instrument.delivery.end.isValid() && terms.tradeDate >= instrument.delivery.end) {
        return invalidField(QStringLiteral("trade_date"),
                            tr("%1 is after the delivery of %2 ended")
                                .arg(terms.tradeDate.toString(Qt::ISODate), instrument.symbol));
    }
    return {};
}

Result<DealRecord> DealDesk::book(const Actor &actor, const core::Instrument &instrument,
                                  const Booking &booking, const QDateTime &now)
{
    if (Result<void> checked = check(instrument, booking.terms, now.date()); !checked)
        return checked.error();
    DealRecord deal;
    deal.userId = booking.userId;
    deal.bookedBy = booking.bookedBy;
    deal.deal.username = booking.username;
    deal.deal.terms = booking.terms;
    deal.deal.bookedAt = now;
    QList<AuditEntry> audit { auditEntry(actor, QStringLiteral("deal.book"), {}, termsJson(deal)) };
    for (const Correction &correction : booking.corrections) {
        audit.append(auditEntry(actor, QStringLiteral("deal.correct"), {},
                                { { QStringLiteral("document"), booking.terms.documentId },
                                  { QStringLiteral("field"), correction.field },
                                  { QStringLiteral("read"), correction.read },
                                  { QStringLiteral("booked"), correction.booked } }));
    }
    Result<DealRecord> booked = m_store.bookDeal(deal, audit);
    if (!booked && booked.error().is(core::ErrorCode::UniqueViolation)) {
        return core::makeError(
            core::ErrorCode::DocumentBooked,
            tr("A live deal was booked from document %1 already.").arg(booking.terms.documentId));
    }
    return booked;
}

Result<DealRecord> DealDesk::cancel(const Actor &actor, std::int64_t by, std::int64_t id,
                                    std::int64_t ownerId, const QString &reason,
                                    const QDateTime &now)
{
    Result<std::optional<DealRecord>> found = m_store.findDeal(id);
    if (!found)
        return found.error();
    if (!*found || (ownerId != 0 && (*found)->userId != ownerId))
        return notFound(id);
    const auto cancelledBefore = [id] {
        return core::makeError(core::ErrorCode::DealCancelled,
                               tr("Deal %1 is cancelled already.").arg(id));
    };
    if ((*found)->deal.status != protocol::DealStatus::Live)
        return cancelledBefore();
    QJsonObject detail = termsJson(**found);
    detail.insert(QStringLiteral("reason"), reason);
    Result<std::optional<DealRecord>> cancelled
        = m_store.cancelDeal(id, by, now, reason,
                             auditEntry(actor, QStringLiteral("deal.cancel"),
                                        QStringLiteral("deal:%1").arg(id), detail));
    if (!cancelled)
        return cancelled.error();
    if (!*cancelled)
        return cancelledBefore(); // another request cancelled it meanwhile
    return **cancelled;
}

} // namespace qx::server
