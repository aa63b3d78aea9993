#pragma once

#include "core/protocol/messages.h"

#include <QHash>
#include <QList>
#include <QString>

#include <deque>
#include <optional>

namespace qx::server {

/// Where a listing was read: storage, or while storage cannot be reached memory (the live
/// orders and what happened since the server started, at most OrderHistory::kRecentPerUser of
/// each).
enum class ListingSource { Storage, Memory };

/// A user's orders or fills, newest first.
template<typename T>
struct Listing
{
    QList<T> items;
    ListingSource source = ListingSource::Storage;
    QString nextBefore; ///< where the next page starts (an id); empty: this was the last
};

/// A page of a listing: ids below `before` (0: from the newest), at most `limit` (0: all).
struct Page
{
    qint64 before = 0;
    int limit = 0;
};

/// A page read from storage: full, so there may be more from its last id on. Pure: any
/// thread.
template<typename T>
Listing<T> storedPage(QList<T> items, const Page &page)
{
    Listing<T> listing { std::move(items), ListingSource::Storage, {} };
    if (page.limit > 0 && listing.items.size() >= page.limit)
        listing.nextBefore = listing.items.constLast().id;
    return listing;
}

/**
 * What each user's orders and fills became since the server started, the newest
 * kRecentPerUser of each: what a listing or a single order is answered from while storage
 * cannot be reached. Single thread: the one that owns the books, which remembers each order
 * and fill once it is announced.
 */
class OrderHistory
{
public:
    static constexpr qsizetype kRecentPerUser = 1000;

    void remember(qint64 userId, const core::protocol::Order &order);
    void remember(qint64 userId, const core::protocol::Trade &trade);
    /// `userId`'s order `orderId` as last remembered.
    std::optional<core::protocol::Order> order(qint64 userId, const QString &orderId) const;
    /// A page of `userId`'s orders from memory: those remembered and `live` (their open ones,
    /// which may be older than the history), newest first.
    Listing<core::protocol::Order> orders(qint64 userId, const QList<core::protocol::Order> &live,
                                          const Page &page) const;
    /// A page of `userId`'s fills from memory, newest first.
    Listing<core::protocol::Trade> trades(qint64 userId, const Page &page) const;

private:
    struct Recent
    {
        QHash<QString, core::protocol::Order> orders;
        std::deque<QString> orderIds; ///< in the order first seen, oldest at the front
        std::deque<core::protocol::Trade> trades; ///< newest at the back
    };
    QHash<qint64, Recent> m_recent;
};

} // namespace qx::server
