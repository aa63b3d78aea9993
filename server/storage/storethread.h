#pragma once

#include "server/storage/store.h"

#include <condition_variable>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

namespace qx::server {

/// Opens a store connection; called on the thread that will use it.
using StoreOpener = std::function<Result<std::unique_ptr<Store>>()>;

/**
 * Starts `thread` with a store connection of its own, opened there by `open`, then runs
 * `run` with it: returns once the connection is open, or with the opener's error (the thread
 * joined). For the threads that write on connections of their own (StoreWriter, the
 * notification dispatchers).
 */
template<typename Run>
Result<void> startStoreThread(std::thread &thread, const StoreOpener &open, Run run)
{
    std::promise<Result<void>> opened;
    std::future<Result<void>> result = opened.get_future();
    thread = std::thread([&open, &opened, run = std::move(run)]() mutable {
        Result<std::unique_ptr<Store>> store = open();
        if (!store) {
            opened.set_value(store.error());
            return;
        }
        opened.set_value(Result<void>()); // `open` and `opened` are not touched after this
        run(std::move(store).value());
    });
    Result<void> started = result.get();
    if (!started)
        thread.join();
    return started;
}

/// Stops such a thread, if it runs: sets `stopping` under `mutex`, wakes it, joins.
inline void stopStoreThread(std::thread &thread, std::mutex &mutex, bool &stopping,
                            std::condition_variable &wake)
{
    if (!thread.joinable())
        return;
    {
        const std::lock_guard lock(mutex);
        stopping = true;
    }
    wake.notify_one();
    thread.join();
}

} // namespace qx::server
