#pragma once

#include "server/storage/records.h"

namespace qx::server {

/**
 * Reference data: the instruments listed and their settlement prices.
 * Part of Store (store.h); a service that needs only this takes a ReferenceStore &.
 */
class ReferenceStore
{
public:
    virtual ~ReferenceStore() = default;

    /// Inserts or updates by symbol, all in one transaction.
    virtual Result<void> saveInstruments(const QList<core::Instrument> &instruments) = 0;
    virtual Result<QList<core::Instrument>> instruments() = 0;
    /// Records (or corrects) an instrument's settlement price for a trading day.
    virtual Result<void> saveSettlement(const QString &symbol, QDate tradingDay, core::Price price)
        = 0;
    /// The most recent settlement of each instrument that has one.
    virtual Result<QHash<QString, core::Price>> latestSettlements() = 0;
};

} // namespace qx::server
