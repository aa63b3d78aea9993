#pragma once

#include "server/storage/records.h"

namespace qx::server {

/**
 * Deals: bilateral trades booked by hand or from a confirmation. Booking and cancelling write
 * the deal and its audit entries in one transaction, and raise the configuration version (a
 * trigger), so every server learns of them. A deal is never deleted.
 * Part of Store (store.h); a service that needs only this takes a DealStore &.
 */
class DealStore
{
public:
    virtual ~DealStore() = default;

    /// Books `deal` (live, its id the store's) with `audit` (each entry's target, if empty,
    /// set to "deal:ID"): the deal as stored. Error unique_violation when a live deal was
    /// booked from its document already.
    virtual Result<DealRecord> bookDeal(const DealRecord &deal, QList<AuditEntry> audit) = 0;
    /// Cancels live deal `id` (by user `by`, 0 the command line, at `at`, for `reason`) with
    /// `audit`: the deal as it now is, or nullopt when it is not live (cancelled, or unknown).
    virtual Result<std::optional<DealRecord>> cancelDeal(std::int64_t id, std::int64_t by,
                                                         const QDateTime &at, const QString &reason,
                                                         const AuditEntry &audit)
        = 0;
    virtual Result<std::optional<DealRecord>> findDeal(std::int64_t id) = 0;

    /// Which deals deals() lists, newest first: ids below `before` (0: from the newest), at
    /// most `limit` (0: all), of user `userId` or of the users of firm `firm` (neither:
    /// everyone's), in one status, instrument or document when given, traded from
    /// `tradedFrom` to `tradedTo` when valid.
    struct DealQuery
    {
        std::int64_t userId = 0;
        QString firm;
        std::int64_t before = 0;
        int limit = 0;
        std::optional<core::protocol::DealStatus> status;
        QString symbol;
        QString documentId;
        QDate tradedFrom;
        QDate tradedTo;
    };
    virtual Result<QList<DealRecord>> deals(const DealQuery &query) = 0;
    /// Every live deal, oldest booking first: to rebuild positions.
    virtual Result<QList<DealRecord>> liveDeals() = 0;
};

} // namespace qx::server
