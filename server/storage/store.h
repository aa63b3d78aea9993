#pragma once

#include "server/storage/auditstore.h"
#include "server/storage/clusterstore.h"
#include "server/storage/dealstore.h"
#include "server/storage/documentstore.h"
#include "server/storage/notificationstore.h"
#include "server/storage/records.h"
#include "server/storage/referencestore.h"
#include "server/storage/riskstore.h"
#include "server/storage/tradingstore.h"
#include "server/storage/userstore.h"

namespace qx::server {

/**
 * The system of record. Every write is durable when the call returns (the SQLite store commits
 * with synchronous=FULL), which is what lets the server acknowledge an order only after it.
 * Errors: storage_error, plus user_exists / duplicate_client_order_id on unique keys and
 * book_moved when a fenced trading write is refused.
 * An implementation is used from one thread.
 *
 * It gathers one interface per role (users and auth, reference data, trading, risk and
 * credit, cluster, audit, deals, documents,
 * notifications), each in its own header, plus transactions and the
 * schema version.
 */
class Store : public UserStore,
              public ReferenceStore,
              public TradingStore,
              public RiskStore,
              public ClusterStore,
              public AuditStore,
              public DealStore,
              public DocumentStore,
              public NotificationStore
{
public:
    ~Store() override = default;

    /// Groups the writes that follow into one durable unit. Nothing is visible or durable
    /// until commit(); rollback() undoes it all. Not nested.
    virtual Result<void> begin() = 0;
    virtual Result<void> commit() = 0;
    virtual void rollback() = 0;

    /// The applied schema version.
    virtual Result<int> schemaVersion() = 0;
};

} // namespace qx::server
