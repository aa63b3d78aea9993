#pragma once

#include "core/result.h"
#include "server/storage/store.h"

#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace qx::server {

/**
 * Reads from storage away from the thread that owns the books: listings and other reads
 * that may take a database round trip (or wait for SQLite's writer) run on a small pool of
 * threads, each query on a connection of its own, and their answers come back to the
 * caller's thread as a queued call on `context`. Destroy the readers before `context`: the
 * destructor waits for the queries under way, and an answer queued to an object that is
 * then destroyed goes with it.
 *
 * Connections are opened by `open` as the pool needs them (at most `threads`) and reused;
 * one is used by one query at a time. Owned by one thread (the server's event loop); the
 * queries run on the pool's threads and must only touch the Store they are given and the
 * values they captured.
 */
class StoreReaders : public QObject
{
    Q_OBJECT

public:
    using Opener = std::function<Result<std::unique_ptr<Store>>()>;

    StoreReaders(Opener open, int threads, QObject *parent = nullptr);
    /// Waits for the queries under way (their answers are dropped).
    ~StoreReaders() override;

    /// Runs `query` on a pool thread with a connection of its own, then `done` with its
    /// result on `context`'s thread. A connection that cannot be opened is answered with the
    /// opener's error.
    template<typename T>
    void read(std::function<Result<T>(Store &)> query, QObject *context,
              std::function<void(Result<T>)> done)
    {
        m_pool.start([this, query = std::move(query), context = QPointer<QObject>(context),
                      done = std::move(done)]() mutable {
            Result<T> result = withConnection<T>(query);
            if (!context)
                return;
            QMetaObject::invokeMethod(
                context.data(),
                [context, done = std::move(done), result = std::move(result)]() mutable {
                    if (context)
                        done(std::move(result));
                },
                Qt::QueuedConnection);
        });
    }

private:
    template<typename T>
    Result<T> withConnection(const std::function<Result<T>(Store &)> &query)
    {
        Result<std::unique_ptr<Store>> connection = take();
        if (!connection)
            return connection.error();
        Result<T> result = query(**connection);
        give(std::move(connection).value());
        return result;
    }
    /// A free connection, or a new one.
    Result<std::unique_ptr<Store>> take();
    void give(std::unique_ptr<Store> connection);

    Opener m_open;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<Store>> m_free; ///< guarded by m_mutex
    QThreadPool m_pool; ///< last: its threads finish before the rest goes
};

} // namespace qx::server
