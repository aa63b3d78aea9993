#pragma once

#include "server/storage/records.h"

namespace qx::server {

/**
 * The audit log: administrative actions chained by hash, and the trading commands' chains.
 * Part of Store (store.h); a service that needs only this takes a AuditStore &.
 */
class AuditStore
{
public:
    virtual ~AuditStore() = default;

    /// Appends to the audit log (id, time and hash are the store's), under a lock so that
    /// the servers of a cluster append one after the other.
    virtual Result<void> appendAudit(const AuditEntry &entry) = 0;
    /// Appends every entry, one after the other, in one transaction.
    virtual Result<void> appendAudit(const QList<AuditEntry> &entries) = 0;
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
};

} // namespace qx::server
