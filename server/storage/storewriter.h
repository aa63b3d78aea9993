#pragma once

#include "core/result.h"
#include "server/storage/store.h"

#include <QObject>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace qx::server {

/**
 * Group commit: the one thread that writes trading state. A command hands what it changed
 * over as a TradingWrite and gets a ticket; the writer merges every write that arrived while
 * it was busy (an order touched twice is stored once, in its last state) and stores the batch
 * with a few multi-row statements in one transaction, so durability costs one commit (one
 * fsync) per batch, not per order. Each batch ends in committed(lastTicket) or
 * failed(lastTicket, error), delivered on the owner's thread: only then may the owner
 * acknowledge the commands of the batch.
 *
 * After a failure nothing is written until reset(): the owner first answers every pending
 * command, rebuilds its state from storage, then resets. Writes submitted before the reset
 * are dropped (they were computed on state that never reached storage).
 *
 * The writer has its own store connection, opened on its thread by `open`. submit() and
 * reset() are for the owner's thread only.
 */
class StoreWriter : public QObject
{
    Q_OBJECT

public:
    using Opener = std::function<Result<std::unique_ptr<Store>>()>;

    explicit StoreWriter(Opener open, QObject *parent = nullptr);
    /// Commits what is queued, then stops the thread.
    ~StoreWriter() override;

    /// Starts the thread and opens its connection; fails if it cannot.
    Result<void> start();
    /// Queues a write; tickets increase by one per call.
    quint64 submit(TradingWrite write);
    void reset();
    /// Called on the writer's thread after a batch that stored notifications committed (the
    /// dispatcher's wake-up: it must be safe from any thread). Set before start().
    void setNotificationsStored(std::function<void()> stored)
    {
        m_notificationsStored = std::move(stored);
    }
    /// Blocks until everything submitted so far is committed or dropped (shutdown, tests).
    void flush();

    /// What the writer has done so far: for metrics and benchmarks.
    struct Stats
    {
        quint64 batches = 0;
        quint64 writes = 0; ///< submitted writes stored (one per command)
        std::chrono::nanoseconds storing { 0 }; ///< time in commitTrading, all batches
        std::chrono::nanoseconds longest { 0 }; ///< the slowest batch
    };
    Stats stats() const;

Q_SIGNALS:
    void committed(quint64 lastTicket);
    void failed(quint64 lastTicket, const core::Error &error);

private:
    struct Item
    {
        quint64 ticket = 0;
        quint64 epoch = 0;
        TradingWrite write;
    };

    void run(std::unique_ptr<Store> store);

    Opener m_open;
    std::function<void()> m_notificationsStored;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    Stats m_stats;
    std::condition_variable m_wake; ///< work queued, or stopping
    std::condition_variable m_idle; ///< a batch finished
    std::vector<Item> m_queue;
    quint64 m_nextTicket = 1;
    quint64 m_doneTicket = 0; ///< every ticket up to this one is committed or dropped
    quint64 m_epoch = 0; ///< raised by reset()
    bool m_refusing = false; ///< a batch failed and reset() has not come yet
    bool m_stopping = false;
};

} // namespace qx::server
