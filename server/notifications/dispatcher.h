#pragma once

#include "core/clock.h"
#include "core/notifications/delivery.h"
#include "server/notifications/channel.h"
#include "server/notifications/planning.h"
#include "server/storage/storewriter.h"

#include <QRandomGenerator>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace qx::server {

/**
 * Sends the outbox, on a thread of its own with a store connection of its own: one per
 * channel, so a provider that hangs holds up no other. The one made with `plan` also turns
 * new notifications into messages (planDeliveries(), from each user's preferences and
 * contact) and gives back the messages of dispatchers that died mid-send
 * (recoverExpiredClaims: sent again where the channel deduplicates, in doubt where not).
 *
 * A round: plan what is new; claim due messages of its channel (every server's dispatchers
 * share the outbox; a claim is theirs alone for `claimFor`); send each (a digest as one);
 * record the outcome, which only holds while the claim does. Retries wait with full jitter,
 * never less than the provider asked; after `maxAttempts` a message is a dead letter. A
 * channel whose provider keeps failing rests (its CircuitBreaker): nothing is claimed for it
 * until a probe may go, and what was claimed is given back unsent.
 *
 * It sleeps between rounds until woken (wake(), from any thread: a trading write stored
 * notifications) or `poll` passes (retries falling due, other servers' notifications).
 */
class NotificationDispatcher
{
public:
    struct Options
    {
        QString instance; ///< this server's name: claims are made as INSTANCE/CHANNEL
        bool plan = false; ///< plan new notifications and recover expired claims too
        /// The channels that deduplicate by idempotency key (for recovered claims).
        QList<core::notifications::Channel> deduplicating { core::notifications::Channel::InApp };
        int batch = 64; ///< messages claimed at once
        int planBatch = 500; ///< notifications planned at once, in one transaction
        std::chrono::milliseconds claimFor { 60'000 };
        std::chrono::milliseconds poll { 1'000 };
        int maxAttempts = 8;
        std::chrono::milliseconds retryBase { 2'000 };
        std::chrono::milliseconds retryCap { 600'000 };
        int breakerThreshold = 5;
        std::chrono::milliseconds breakerCooldown { 5'000 };
        std::chrono::milliseconds breakerMaxCooldown { 300'000 };
        /// Called on the dispatcher's thread after it planned messages (the planner's): wakes
        /// the channels' dispatchers, which would otherwise find them at their next poll.
        std::function<void()> planned;
    };

    /// `channel` may be null for a dispatcher that only plans.
    NotificationDispatcher(StoreWriter::Opener open, const core::Clock &clock,
                           std::unique_ptr<NotificationChannel> channel, Options options);
    /// Stops after the message in hand.
    ~NotificationDispatcher();

    /// Opens its connection and starts the thread; fails if the connection does.
    Result<void> start();
    /// Runs a round soon. Any thread.
    void wake();

    /// The channel's breaker state, for `notify status` and health. Any thread.
    core::notifications::CircuitBreaker::State breakerState() const { return m_breakerState; }

private:
    void run(std::unique_ptr<Store> store);
    /// One round: whether it did anything (then the next follows at once).
    bool round(Store &store);
    int planSome(Store &store);
    int sendSome(Store &store);
    /// Sends one message (the deliveries of a digest together) and records the outcome.
    void sendGroup(Store &store, const QList<DeliveryRecord> &group);
    void finish(Store &store, const QList<DeliveryRecord> &group, const SendResult &result);
    void giveBack(Store &store, const QList<DeliveryRecord> &deliveries);
    /// Writes the channel's health (notify status) when the breaker moved, when it stops,
    /// every few seconds while there is news, and every minute regardless.
    void reportHealth(Store &store, bool force = false);
    qint64 monotonicMs() const;

    StoreWriter::Opener m_open;
    const core::Clock &m_clock;
    std::unique_ptr<NotificationChannel> m_channel;
    Options m_options;
    QString m_claimer;
    core::notifications::CircuitBreaker m_breaker;
    std::atomic<core::notifications::CircuitBreaker::State> m_breakerState {
        core::notifications::CircuitBreaker::State::Closed
    };
    QRandomGenerator m_random { QRandomGenerator::securelySeeded() };
    qint64 m_lastRecovery = 0;
    /// The preferences and critical types planning reads, kept while the configuration
    /// version stays where it was when they were read (thread's own).
    struct Rules
    {
        std::int64_t version = -1;
        PreferenceSet preferences;
        QList<core::notifications::EventType> critical;
    };
    Rules m_rules;
    ChannelHealth m_health;
    bool m_healthChanged = true;
    qint64 m_healthWrittenMs = 0;

    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wakeUp;
    bool m_woken = false;
    bool m_stopping = false;
};

} // namespace qx::server
