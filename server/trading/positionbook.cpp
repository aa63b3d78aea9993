#include "server/trading/positionbook.h"

#include <QCoreApplication>

namespace qx::server {

core::Result<void> PositionBook::applySide(qint64 user, const QString &symbol,
                                           core::matching::Side side, core::Price price,
                                           core::Quantity quantity, const core::Decimal &multiplier,
                                           const QString &what)
{
    auto position = m_positions.find({ user, symbol });
    if (position == m_positions.end())
        position = m_positions.insert({ user, symbol }, core::Position(multiplier));
    core::Result<core::Money> applied = position->apply(side, price, quantity);
    if (applied)
        return {};
    core::Error error = applied.error();
    error.message = QCoreApplication::translate("qx::server::PositionBook",
                                                "The position of user %1 in %2 cannot take %3: "
                                                "%4")
                        .arg(user)
                        .arg(symbol, what, error.message);
    return error;
}

core::Result<void> PositionBook::apply(const TradeRecord &trade, const core::Decimal &multiplier)
{
    const QString what = QStringLiteral("trade %1").arg(trade.id);
    core::Result<void> buy = applySide(trade.buyUserId, trade.symbol, core::matching::Side::Buy,
                                       trade.price, trade.quantity, multiplier, what);
    core::Result<void> sell = applySide(trade.sellUserId, trade.symbol, core::matching::Side::Sell,
                                        trade.price, trade.quantity, multiplier, what);
    return buy ? sell : buy;
}

core::Result<void> PositionBook::apply(const DealRecord &deal, const core::Decimal &multiplier)
{
    const core::protocol::NewDeal &terms = deal.deal.terms;
    return applySide(deal.userId, terms.symbol,
                     terms.side == core::protocol::Side::Buy ? core::matching::Side::Buy
                                                             : core::matching::Side::Sell,
                     terms.price, terms.quantity, multiplier,
                     QStringLiteral("deal %1").arg(deal.id));
}

core::Result<void> PositionBook::rebuild(const Key &key, const QList<TradeRecord> &trades,
                                         const QList<DealRecord> &deals,
                                         const core::Decimal &multiplier)
{
    m_positions.remove(key);
    std::optional<core::Error> failed;
    const auto note = [&failed](core::Result<void> applied) {
        if (!applied && !failed)
            failed = applied.error();
    };
    inPositionOrder(
        trades, deals,
        [&](const TradeRecord &trade) {
            for (const auto &[user, side] :
                 { std::pair { trade.buyUserId, core::matching::Side::Buy },
                   std::pair { trade.sellUserId, core::matching::Side::Sell } }) {
                if (user == key.first)
                    note(applySide(user, key.second, side, trade.price, trade.quantity, multiplier,
                                   QStringLiteral("trade %1").arg(trade.id)));
            }
        },
        [&](const DealRecord &deal) { note(apply(deal, multiplier)); });
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
