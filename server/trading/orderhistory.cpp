#include "server/trading/orderhistory.h"

#include <algorithm>

namespace qx::server {

namespace protocol = core::protocol;

namespace {

// The page of `newestFirst` (ids descending) that `page` asks for, and where the next starts.
template<typename T>
Listing<T> pageOf(const QList<T> &newestFirst, const Page &page)
{
    Listing<T> listing;
    listing.source = ListingSource::Memory;
    for (const T &item : newestFirst) {
        if (page.before > 0 && item.id.toLongLong() >= page.before)
            continue;
        if (page.limit > 0 && listing.items.size() == page.limit) {
            listing.nextBefore = listing.items.constLast().id;
            break;
        }
        listing.items.append(item);
    }
    return listing;
}

} // namespace

void OrderHistory::remember(qint64 userId, const protocol::Order &order)
{
    Recent &recent = m_recent[userId];
    if (!recent.orders.contains(order.id)) {
        recent.orderIds.push_back(order.id);
        if (recent.orderIds.size() > std::size_t(kRecentPerUser)) {
            recent.orders.remove(recent.orderIds.front());
            recent.orderIds.pop_front();
        }
    }
    recent.orders.insert(order.id, order);
}

void OrderHistory::remember(qint64 userId, const protocol::Trade &trade)
{
    std::deque<protocol::Trade> &trades = m_recent[userId].trades;
    trades.push_back(trade);
    if (trades.size() > std::size_t(kRecentPerUser))
        trades.pop_front();
}

std::optional<protocol::Order> OrderHistory::order(qint64 userId, const QString &orderId) const
{
    const auto recent = m_recent.constFind(userId);
    if (recent == m_recent.cend())
        return std::nullopt;
    const auto known = recent->orders.constFind(orderId);
    if (known == recent->orders.cend())
        return std::nullopt;
    return *known;
}

Listing<protocol::Order> OrderHistory::orders(qint64 userId, const QList<protocol::Order> &live,
                                              const Page &page) const
{
    QHash<QString, protocol::Order> known = m_recent.value(userId).orders;
    for (const protocol::Order &order : live)
        known.insert(order.id, order);
    QList<protocol::Order> newestFirst = known.values();
    std::sort(newestFirst.begin(), newestFirst.end(),
              [](const protocol::Order &a, const protocol::Order &b) {
                  return a.id.toLongLong() > b.id.toLongLong();
              });
    return pageOf(newestFirst, page);
}

Listing<protocol::Trade> OrderHistory::trades(qint64 userId, const Page &page) const
{
    const std::deque<protocol::Trade> &recent = m_recent.value(userId).trades;
    return pageOf(QList<protocol::Trade>(recent.rbegin(), recent.rend()), page);
}

} // namespace qx::server
