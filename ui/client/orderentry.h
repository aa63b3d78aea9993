#pragma once

#include "core/protocol/deals.h"
#include "core/protocol/messages.h"
#include "core/result.h"

#include <QList>
#include <QObject>
#include <QString>

namespace qx::client {

/**
 * The order entry part of a trading client: the user's orders and fills as last known, the
 * order actions (place, cancel, modify, cancel all) and their outcomes. The ticket, the
 * blotters and the positions take this (and MarketData for the instruments' units). Plain
 * values only.
 *
 * GUI thread only; every action returns at once and its outcome arrives as a signal.
 */
class OrderEntry : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// The user's orders as last known, in no particular order.
    virtual QList<core::protocol::Order> orders() const = 0;
    /// The user's fills as last known, newest first (a trade with oneself: both sides).
    virtual QList<core::protocol::Trade> trades() const = 0;

    /// The user's live deals (booked by hand or from a document), in no particular order.
    /// They are in the positions like fills.
    virtual QList<core::protocol::Deal> deals() const { return {}; }

    /// Outcome: orderChanged() with the accepted order, or orderRejected().
    virtual void placeOrder(const core::protocol::NewOrder &order) = 0;
    /// Outcome: orderChanged() with the cancelled order, or cancelRejected().
    virtual void cancelOrder(const QString &orderId) = 0;
    /// Changes a live order's price or quantity (in its place in the queue when only the
    /// quantity goes down). Outcome: orderChanged() with the changed order, or modifyRejected().
    virtual void modifyOrder(const QString &orderId, const core::protocol::OrderModify &change) = 0;
    /// Cancels every live order of the user, on every server of a cluster. Outcome:
    /// orderChanged() for each, then allCancelled(); or cancelRejected() with no order id.
    virtual void cancelAllOrders() = 0;

    /// A fresh idempotency key for NewOrder::clientOrderId.
    static QString newClientOrderId();

Q_SIGNALS:
    /// The whole order list was (re)loaded; replaces everything known before.
    void ordersReset(const QList<qx::core::protocol::Order> &orders);
    /// One order was added or changed; match it to earlier ones by id.
    void orderChanged(const qx::core::protocol::Order &order);
    /// The whole list of fills was (re)loaded; replaces everything known before.
    void tradesReset(const QList<qx::core::protocol::Trade> &trades);
    /// A fill of one of the user's orders not announced before: new on the stream, or one a
    /// reload found that the stream missed (which may be older than fills announced already:
    /// its time says where it goes).
    void tradeAdded(const qx::core::protocol::Trade &trade);
    /// The live deals changed (one booked or cancelled, or a reload): the whole list.
    void dealsReset(const QList<qx::core::protocol::Deal> &deals);
    void orderRejected(const QString &clientOrderId, const qx::core::Error &error);
    void cancelRejected(const QString &orderId, const qx::core::Error &error);
    void modifyRejected(const QString &orderId, const qx::core::Error &error);
    /// The answer to cancelAllOrders(): how many orders it cancelled.
    void allCancelled(int count);
};

} // namespace qx::client
