#pragma once

#include "core/instrument.h"
#include "core/protocol/messages.h"
#include "server/auth/authservice.h"
#include "server/storage/store.h"

#include <QHash>
#include <QObject>

namespace qx::server {

/**
 * Order entry and cancellation. Validates against the instrument listing, makes every change
 * durable in the Store first, and only then returns it and emits orderEvent(), so nothing is
 * acknowledged or broadcast that a crash could take back. client_order_id is an idempotency
 * key per user: the same key and body give back the same order, another body is a conflict.
 * Errors: unknown_symbol, instrument_expired, quantity_not_positive, quantity_off_lot,
 * price_off_tick, duplicate_client_order_id, not_found, order_not_live, storage_error.
 *
 * Single writer: lives on the server's event-loop thread, which owns all order state.
 */
class OrderService : public QObject
{
    Q_OBJECT

public:
    struct Placement
    {
        core::protocol::Order order;
        bool created = false; ///< false when an identical earlier request is replayed
    };

    explicit OrderService(Store &store, QObject *parent = nullptr);

    /// Loads the tradable instruments from the store.
    Result<void> loadInstruments();
    QList<core::Instrument> instruments() const { return m_instruments; }

    Result<Placement> place(const Principal &principal, const core::protocol::NewOrder &request);
    Result<core::protocol::Order> cancel(const Principal &principal, const QString &orderId);
    Result<QList<core::protocol::Order>> orders(const Principal &principal);

Q_SIGNALS:
    /// After the change is durable. `type` is one of protocol::stream's order event names.
    void orderEvent(const QString &type, const core::protocol::Order &order, qint64 userId);

private:
    Store &m_store;
    QList<core::Instrument> m_instruments;
    QHash<QString, qsizetype> m_bySymbol;
};

} // namespace qx::server
