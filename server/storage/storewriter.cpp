#include "server/storage/storewriter.h"

#include "server/storage/storethread.h"

#include <QHash>

#include <algorithm>

namespace qx::server {

namespace {

/// Folds writes together as storing them in turn would: the last state of an order or a book
/// wins, trades add up.
class Batch
{
public:
    void add(const TradingWrite &write)
    {
        // An order new in this batch stays new, in its last state.
        for (const StoredOrder &order : write.newOrders)
            keepLast(m_write.newOrders, m_newOrders, order.order.id.toLongLong(), order);
        for (const StoredOrder &order : write.orders) {
            const qint64 id = order.order.id.toLongLong();
            if (m_newOrders.contains(id))
                keepLast(m_write.newOrders, m_newOrders, id, order);
            else
                keepLast(m_write.orders, m_orders, id, order);
        }
        m_write.trades.append(write.trades);
        m_write.audit.append(write.audit);
        m_write.notifications.append(write.notifications);
        for (const BookState &book : write.books)
            keepLast(m_write.books, m_books, book.symbol, book);
        // The batch stands only if every write's fence holds: epochs only rise, so the lowest
        // of a book's is the one to check.
        for (const BookFence &fence : write.fences) {
            const auto found = m_fences.constFind(fence.symbol);
            if (found == m_fences.cend()) {
                m_fences.insert(fence.symbol, m_write.fences.size());
                m_write.fences.append(fence);
            } else {
                std::int64_t &epoch = m_write.fences[*found].epoch;
                epoch = std::min(epoch, fence.epoch);
            }
        }
    }
    const TradingWrite &write() const { return m_write; }

private:
    template<typename Key, typename T>
    static void keepLast(QList<T> &list, QHash<Key, qsizetype> &index, const Key &key,
                         const T &value)
    {
        const auto found = index.constFind(key);
        if (found != index.cend()) {
            list[*found] = value;
            return;
        }
        index.insert(key, list.size());
        list.append(value);
    }

    TradingWrite m_write;
    QHash<qint64, qsizetype> m_newOrders;
    QHash<qint64, qsizetype> m_orders;
    QHash<QString, qsizetype> m_books;
    QHash<QString, qsizetype> m_fences;
};

} // namespace

StoreWriter::StoreWriter(Opener open, QObject *parent)
    : QObject(parent)
    , m_open(std::move(open))
{ }

StoreWriter::~StoreWriter()
{
    stopStoreThread(m_thread, m_mutex, m_stopping, m_wake);
}

Result<void> StoreWriter::start()
{
    return startStoreThread(m_thread, m_open,
                            [this](std::unique_ptr<Store> store) { run(std::move(store)); });
}

quint64 StoreWriter::submit(TradingWrite write)
{
    quint64 ticket = 0;
    {
        const std::lock_guard lock(m_mutex);
        ticket = m_nextTicket++;
        m_queue.push_back(Item { ticket, m_epoch, std::move(write) });
    }
    m_wake.notify_one();
    return ticket;
}

void StoreWriter::reset()
{
    const std::lock_guard lock(m_mutex);
    ++m_epoch;
    m_refusing = false;
}

StoreWriter::Stats StoreWriter::stats() const
{
    const std::lock_guard lock(m_mutex);
    return m_stats;
}

void StoreWriter::flush()
{
    std::unique_lock lock(m_mutex);
    const quint64 last = m_nextTicket - 1;
    m_idle.wait(lock, [&] { return m_doneTicket >= last || !m_thread.joinable(); });
}

void StoreWriter::run(std::unique_ptr<Store> store)
{
    std::vector<Item> batch;
    for (;;) {
        quint64 epoch = 0;
        bool refusing = false;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return; // stopping, and everything is written
            batch.swap(m_queue);
            epoch = m_epoch;
            refusing = m_refusing;
        }
        const quint64 last = batch.back().ticket;
        // Writes from before a reset were computed on state that was rolled back: dropped, as
        // is everything while refusing.
        const auto current = [epoch](const Item &item) {
            return item.epoch == epoch;
        };
        Batch merged;
        bool wroteAny = false;
        if (!refusing) {
            for (const Item &item : batch) {
                if (!current(item))
                    continue;
                wroteAny = true;
                merged.add(item.write);
            }
        }
        Result<void> written;
        std::chrono::nanoseconds took { 0 };
        if (wroteAny) {
            const auto start = std::chrono::steady_clock::now();
            written = store->commitTrading(merged.write());
            took = std::chrono::steady_clock::now() - start;
        }
        {
            const std::lock_guard lock(m_mutex);
            if (!written)
                m_refusing = true; // until the owner has answered, reloaded and reset
            m_doneTicket = last;
            if (wroteAny && written) {
                ++m_stats.batches;
                m_stats.writes += batch.size();
                m_stats.storing += took;
                m_stats.longest = std::max(m_stats.longest, took);
            }
        }
        m_idle.notify_all();
        if (wroteAny) {
            if (written && m_notificationsStored && !merged.write().notifications.isEmpty())
                m_notificationsStored();
            if (written)
                Q_EMIT committed(last);
            else
                Q_EMIT failed(last, written.error());
        }
        batch.clear();
    }
}

} // namespace qx::server
