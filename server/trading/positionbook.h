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
 * (those it matched and, in a cluster, those the other servers announced or stored).
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
    QHash<Key, core::Position> m_positions;
};

} // namespace qx::server
