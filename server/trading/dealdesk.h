#pragma once

#include "core/instrument.h"
#include "core/protocol/deals.h"
#include "server/storage/store.h"

#include <QCoreApplication>

namespace qx::server {

/**
 * Booking and cancelling deals in storage, each with its audit entries in the same
 * transaction: who booked what (and which of a document's fields they corrected by hand
 * first, with the value read and the value booked), who cancelled it and why. The caller
 * checks permissions; this checks the deal.
 *
 * Runs on the caller's thread with the caller's Store: a store reader for the server (which
 * then applies the deal to its positions), the command line's own.
 */
class DealDesk
{
    Q_DECLARE_TR_FUNCTIONS(qx::server::DealDesk)

public:
    /// A field of a document's confirmation changed by hand before booking.
    struct Correction
    {
        QString field;
        QString read; ///< as the document was read
        QString booked; ///< as booked
    };

    struct Booking
    {
        std::int64_t userId = 0; ///< whose position it goes in
        QString username; ///< theirs
        std::int64_t bookedBy = 0; ///< 0: the command line
        core::protocol::NewDeal terms;
        QList<Correction> corrections;
    };

    explicit DealDesk(Store &store)
        : m_store(store)
    { }

    /// Whether `terms` can be booked in `instrument` (its symbol) on `today`: traded on or
    /// before today and before the contract's delivery ended. invalid_request names the field.
    static Result<void> check(const core::Instrument &instrument,
                              const core::protocol::NewDeal &terms, const QDate &today);

    /// Books a deal at `now` (checked with check() first: `instrument` is its contract): as
    /// stored. document_booked when a live deal was booked from its document already.
    Result<DealRecord> book(const Actor &actor, const core::Instrument &instrument,
                            const Booking &booking, const QDateTime &now);
    /// Cancels deal `id` at `now` for `reason`: not_found when it is not `ownerId`'s (0:
    /// anyone's), deal_cancelled when it was cancelled before.
    Result<DealRecord> cancel(const Actor &actor, std::int64_t by, std::int64_t id,
                              std::int64_t ownerId, const QString &reason, const QDateTime &now);

private:
    Store &m_store;
};

} // namespace qx::server
