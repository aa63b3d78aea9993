#pragma once

#include "core/decimal.h"
#include "core/position.h"
#include "core/result.h"
#include "server/storage/records.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>

namespace qx::server {

/**
 * Every user's position in every instrument, as the trades this server knows of built them
 * (those it matched and, in a cluster, those the other servers announced or stored) and the
 * live deals (booked by hand or from a confirmation, on any server or the command line).
 * A position takes a deal like a fill, first in first out; replayed from storage, each deal
 * takes its place before the first trade of its instrument executed after it was booked.
 *
 * Plain state: owned by the OrderService on the book thread.
 */
class PositionBook
{
public:
    /// The user and the instrument a position is held in.
    using Key = QPair<qint64, QString>;

    /// Applies a trade to both sides' positions, each created at `multiplier` (the
    /// instrument's core::volumeMultiplier) on its first trade. An error names a side whose
    /// P&L cannot follow (the trade still stands: it is matched and stored); the other side
    /// is applied all the same.
    core::Result<void> apply(const TradeRecord &trade, const core::Decimal &multiplier);
    /// Applies a deal to its holder's position, as apply() a trade.
    core::Result<void> apply(const DealRecord &deal, const core::Decimal &multiplier);
    /// Builds `key`'s position again from `trades` (its instrument's, in the order the book
    /// matched them: the user's sides are taken) and `deals` (its live deals, oldest booking
    /// first), in position order (inPositionOrder): after a deal in it was cancelled.
    core::Result<void> rebuild(const Key &key, const QList<TradeRecord> &trades,
                               const QList<DealRecord> &deals, const core::Decimal &multiplier);

    /// The user's net quantity in the instrument (zero without a position).
    core::Quantity net(qint64 user, const QString &symbol) const;
    /// The user's position in the instrument, if there is one.
    const core::Position *find(qint64 user, const QString &symbol) const;
    /// Calls `visit` with every position held, up to the first error it returns (returned).
    core::Result<void> forEach(
        const std::function<core::Result<void>(const Key &, const core::Position &)> &visit) const;

    /// Forgets the positions in the instruments `drop` picks (to replay their trades).
    void removeIf(const std::function<bool(const QString &symbol)> &drop);
    void clear() { m_positions.clear(); }

private:
    core::Result<void> applySide(qint64 user, const QString &symbol, core::matching::Side side,
                                 core::Price price, core::Quantity quantity,
                                 const core::Decimal &multiplier, const QString &what);

    QHash<Key, core::Position> m_positions;
};

/// Calls `onTrade` and `onDeal` in the order a position takes one instrument's trades (in the
/// order its book matched them) and live deals (oldest booking first): each deal before the
/// first trade executed after it was booked, the rest after the last trade.
template<typename Trades, typename OnTrade, typename OnDeal>
void inPositionOrder(const Trades &trades, const QList<DealRecord> &deals, OnTrade onTrade,
                     OnDeal onDeal)
{
    auto deal = deals.cbegin();
    for (const TradeRecord &trade : trades) {
        for (; deal != deals.cend() && deal->deal.bookedAt < trade.time; ++deal)
            onDeal(*deal);
        onTrade(trade);
    }
    for (; deal != deals.cend(); ++deal)
        onDeal(*deal);
}

} // namespace qx::server
