#include "server/trading/positionbook.h"

#include <QCoreApplication>

namespace qx::server {

core::Result<void> PositionBook::apply(const TradeRecord &trade, const core::Decimal &multiplier)
{
    std::optional<core::Error> failed;
    for (const auto &[user, side] :
         { std::pair { trade.buyUserId, core::matching::Side::Buy },
           std::pair { trade.sellUserId, core::matching::Side::Sell } }) {
        auto position = m_positions.find({ user, trade.symbol });
        if (position == m_positions.end())
            position = m_positions.insert({ user, trade.symbol }, core::Position(multiplier));
        if (core::Result<core::Money> applied = position->apply(side, trade.price, trade.quantity);
            !applied && !failed) {
            core::Error error = applied.error();
            error.message = QCoreApplication::translate("qx::server::PositionBook",
                                                        "The position of user %1 in %2 cannot "
                                                        "take trade %3: %4")
                                .arg(user)
                                .arg(trade.symbol)
                                .arg(trade.id)
                                .arg(error.message);
            failed = std::move(error);
        }
    }
    if (failed)
        return *failed;
    return {};
}

core::Quantity PositionBook::net(qint64 user, const QString &symbol) const
{
    const core::Position *position = find(user, symbol);
    return position ? position->net() : core::Quantity();
}

const core::Position *PositionBook::find(qint64 user, const QString &symbol) const
{
    const auto found = m_positions.constFind({ user, symbol });
    return found == m_positions.cend() ? nullptr : &*found;
}

core::Result<void> PositionBook::forEach(
    const std::function<core::Result<void>(const Key &, const core::Position &)> &visit) const
{
    for (auto position = m_positions.cbegin(); position != m_positions.cend(); ++position) {
        if (core::Result<void> visited = visit(position.key(), *position); !visited)
            return visited;
    }
    return {};
}

void PositionBook::removeIf(const std::function<bool(const QString &symbol)> &drop)
{
    m_positions.removeIf([&drop](const auto &position) { return drop(position.key().second); });
}

} // namespace qx::server
