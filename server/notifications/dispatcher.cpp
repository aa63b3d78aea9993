#include "server/notifications/dispatcher.h"

#include "server/notifications/planning.h"
#include "server/storage/storethread.h"

#include <QDebug>

namespace qx::server {

namespace notifications = core::notifications;
using notifications::OutboxState;

NotificationDispatcher::NotificationDispatcher(StoreWriter::Opener open, const core::Clock &clock,
                                               std::unique_ptr<NotificationChannel> channel,
                                               Options options)
    : m_open(std::move(open))
    , m_clock(clock)
    , m_channel(std::move(channel))
    , m_options(std::move(options))
    , m_claimer(
          m_options.instance + u'/'
          + (m_channel ? notifications::toString(m_channel->channel()) : QStringLiteral("planner")))
    , m_breaker(m_options.breakerThreshold, m_options.breakerCooldown, m_options.breakerMaxCooldown)
{
    if (m_channel) {
        m_health.channel = m_channel->channel();
        m_health.instance = m_options.instance;
    }
}

NotificationDispatcher::~NotificationDispatcher()
{
    stopStoreThread(m_thread, m_mutex, m_stopping, m_wakeUp);
}

Result<void> NotificationDispatcher::start()
{
    return startStoreThread(m_thread, m_open,
                            [this](std::unique_ptr<Store> store) { run(std::move(store)); });
}

void NotificationDispatcher::wake()
{
    {
        const std::lock_guard lock(m_mutex);
        m_woken = true;
    }
    m_wakeUp.notify_one();
}

qint64 NotificationDispatcher::monotonicMs() const
{
    return m_clock.nowMs();
}

void NotificationDispatcher::run(std::unique_ptr<Store> store)
{
    for (;;) {
        {
            const std::lock_guard lock(m_mutex);
            if (m_stopping)
                break;
            m_woken = false;
        }
        const bool busy = round(*store);
        reportHealth(*store);
        if (busy)
            continue;
        // Nothing to do: until woken, the poll, or the breaker lets a probe through.
        auto wait = m_options.poll;
        if (m_breaker.state() == notifications::CircuitBreaker::State::Open) {
            wait = std::min(wait,
                            std::chrono::milliseconds(
                                std::max<qint64>(1, m_breaker.reopensAt() - monotonicMs())));
        }
        std::unique_lock lock(m_mutex);
        m_wakeUp.wait_for(lock, wait, [this] { return m_stopping || m_woken; });
    }
    m_health.running = false;
    reportHealth(*store, true);
}

void NotificationDispatcher::reportHealth(Store &store, bool force)
{
    if (!m_channel)
        return;
    const QString breaker = notifications::toString(m_breaker.state());
    const bool moved = breaker != m_health.breaker;
    const qint64 now = monotonicMs();
    // News at most every 5 s; and once a minute regardless, so a row that stops moving
    // tells of a server that died.
    const qint64 since = now - m_healthWrittenMs;
    if (!force && !moved && !(m_healthChanged && since >= 5'000) && since < 60'000)
        return;
    m_health.breaker = breaker;
    if (Result<void> saved = store.saveChannelHealth(m_health); !saved) {
        qWarning().noquote() << "notifications:" << m_claimer
                             << "health not recorded:" << saved.error().message;
        return;
    }
    m_healthChanged = false;
    m_healthWrittenMs = now;
}

bool NotificationDispatcher::round(Store &store)
{
    int done = 0;
    if (m_options.plan) {
        const qint64 now = monotonicMs();
        if (now - m_lastRecovery >= m_options.poll.count()) {
            m_lastRecovery = now;
            if (Result<std::int64_t> recovered
                = store.recoverExpiredClaims(m_clock.nowUtc(), m_options.deduplicating);
                !recovered) {
                qWarning().noquote()
                    << "notifications: expired claims not recovered:" << recovered.error().message;
            } else if (*recovered > 0) {
                qWarning().noquote() << "notifications:" << *recovered
                                     << "messages whose dispatcher stopped mid-send taken back";
                done += int(*recovered);
            }
        }
        done += planSome(store);
    }
    if (m_channel)
        done += sendSome(store);
    return done > 0;
}

int NotificationDispatcher::planSome(Store &store)
{
    const Result<QList<NotificationRecord>> unplanned
        = store.unplannedNotifications(m_options.planBatch);
    if (!unplanned || unplanned->isEmpty()) {
        if (!unplanned)
            qWarning().noquote() << "notifications: not planned:" << unplanned.error().message;
        return 0;
    }
    const Result<std::int64_t> version = store.configVersion();
    if (!version || *version != m_rules.version) {
        const Result<QList<NotificationPreferenceRecord>> preferences
            = store.allNotificationPreferences();
        const Result<QList<notifications::EventType>> critical = store.criticalEventTypes();
        if (!version || !preferences || !critical) {
            qWarning().noquote() << "notifications: preferences unreadable:"
                                 << (!version           ? version.error()
                                         : !preferences ? preferences.error()
                                                        : critical.error())
                                        .message;
            return 0;
        }
        m_rules = { *version, PreferenceSet(*preferences), *critical };
    }
    QHash<std::int64_t, NotificationContact> contacts;
    const QDateTime now = m_clock.nowUtc();
    QList<NotificationStore::Plan> plans;
    for (const NotificationRecord &notification : *unplanned) {
        auto contact = contacts.find(notification.userId);
        if (contact == contacts.end()) {
            Result<NotificationContact> read = store.notificationContact(notification.userId);
            if (!read) {
                qWarning().noquote()
                    << "notifications: contact unreadable:" << read.error().message;
                return 0;
            }
            contact = contacts.insert(notification.userId, *read);
        }
        const bool test = notification.type == notifications::EventType::Test;
        plans.append(
            { notification.id,
              planDeliveries(
                  notification,
                  test ? testPreference(notification)
                       : m_rules.preferences.effective(notification.userId, notification.type),
                  test || m_rules.critical.contains(notification.type), *contact, now) });
    }
    // One transaction for the batch: on SQLite it waits for the trading writer's lock once.
    if (Result<void> stored = store.planNotifications(plans); !stored) {
        qWarning().noquote() << "notifications: not planned:" << stored.error().message;
        return 0;
    }
    if (m_options.planned)
        m_options.planned();
    return int(plans.size());
}

int NotificationDispatcher::sendSome(Store &store)
{
    // A resting channel claims nothing until its cooldown is over; then one message, the
    // probe, whose outcome closes the breaker or opens it again.
    const bool resting = m_breaker.state() != notifications::CircuitBreaker::State::Closed;
    if (resting && monotonicMs() < m_breaker.reopensAt())
        return 0;
    const QDateTime now = m_clock.nowUtc();
    const Result<QList<DeliveryRecord>> claimed
        = store.claimDeliveries(m_claimer, now, now.addMSecs(m_options.claimFor.count()),
                                resting ? 1 : m_options.batch, { m_channel->channel() });
    if (!claimed) {
        qWarning().noquote() << "notifications:" << m_claimer
                             << "claimed nothing:" << claimed.error().message;
        return 0;
    }
    if (claimed->isEmpty())
        return 0;
    if (!m_breaker.allow(monotonicMs())) { // cannot happen: checked above, one thread
        giveBack(store, *claimed);
        return 0;
    }
    // A digest's deliveries (same user, due time) go as one message, the others one by one.
    QList<QList<DeliveryRecord>> groups;
    QHash<QPair<std::int64_t, qint64>, qsizetype> digests;
    for (const DeliveryRecord &delivery : *claimed) {
        if (!delivery.digest) {
            groups.append({ delivery });
            continue;
        }
        const QPair key { delivery.userId, delivery.dueAt.toMSecsSinceEpoch() };
        if (const auto found = digests.constFind(key); found != digests.cend()) {
            groups[*found].append(delivery);
        } else {
            digests.insert(key, groups.size());
            groups.append({ delivery });
        }
    }
    // Where a message sent twice is taken once, the batch's outcomes are stored in one commit
    // (lost with it if the server dies: the claims run out and the messages go again, once);
    // elsewhere each outcome is stored as soon as it is known.
    const bool together = m_channel->deduplicates() && store.begin().ok();
    for (qsizetype i = 0; i < groups.size(); ++i) {
        if (m_breaker.state() == notifications::CircuitBreaker::State::Open) {
            // The provider went down mid-batch: the rest goes back unsent, uncounted.
            for (qsizetype j = i; j < groups.size(); ++j)
                giveBack(store, groups[j]);
            break;
        }
        sendGroup(store, groups[i]);
    }
    if (together) {
        if (Result<void> committed = store.commit(); !committed) {
            store.rollback();
            qWarning().noquote() << "notifications:" << m_claimer
                                 << "outcomes not stored:" << committed.error().message;
        }
    }
    m_breakerState = m_breaker.state();
    return int(claimed->size());
}

void NotificationDispatcher::sendGroup(Store &store, const QList<DeliveryRecord> &group)
{
    const DeliveryRecord &first = group.constFirst();
    QList<std::int64_t> ids;
    for (const DeliveryRecord &delivery : group)
        ids.append(delivery.notificationId);
    const Result<QList<NotificationRecord>> notifications = store.notificationsById(ids);
    const Result<NotificationContact> contact = store.notificationContact(first.userId);
    if (!notifications || !contact) {
        // Storage failed under us: the claim runs out and the message is taken back then.
        qWarning().noquote() << "notifications: message" << first.id << "not read:"
                             << (!notifications ? notifications.error() : contact.error()).message;
        return;
    }
    OutgoingMessage message;
    message.channel = first.channel;
    message.idempotencyKey = first.digest ? QStringLiteral("digest:%1:%2:%3")
                                                .arg(first.userId)
                                                .arg(notifications::toString(first.channel))
                                                .arg(first.dueAt.toMSecsSinceEpoch())
                                          : first.idempotencyKey;
    message.contact = *contact;
    message.address = addressOf(*contact, first.channel);
    message.notifications = *notifications;
    message.attempt = first.attempts;
    SendResult result;
    if (message.notifications.isEmpty()) {
        result = {
            SendResult::Outcome::Rejected, {}, QStringLiteral("The notification is gone."), {}
        };
    } else if (message.address.isEmpty()) {
        result = { SendResult::Outcome::Rejected,
                   {},
                   QStringLiteral("No address on this channel in the user's contact details."),
                   {} };
    } else {
        result = m_channel->send(message);
    }
    finish(store, group, result);
}

void NotificationDispatcher::finish(Store &store, const QList<DeliveryRecord> &group,
                                    const SendResult &result)
{
    const QDateTime now = m_clock.nowUtc();
    SendResult::Outcome outcome = result.outcome;
    if (outcome == SendResult::Outcome::Unknown && m_channel->deduplicates())
        outcome = SendResult::Outcome::Retry; // sent again under the same key: taken once
    switch (outcome) {
    case SendResult::Outcome::Accepted:
    case SendResult::Outcome::Rejected:
        m_breaker.succeeded(); // the provider answered
        break;
    case SendResult::Outcome::Retry:
    case SendResult::Outcome::Unknown:
        m_breaker.failed(monotonicMs());
        break;
    }
    m_healthChanged = true;
    if (outcome == SendResult::Outcome::Accepted) {
        ++m_health.sent;
        m_health.lastSentAt = now;
    } else {
        ++m_health.failed;
        m_health.lastFailedAt = now;
        m_health.lastError = result.error;
    }
    for (const DeliveryRecord &delivery : group) {
        DeliveryOutcome done;
        done.id = delivery.id;
        done.claimer = m_claimer;
        done.providerId = result.providerId;
        done.error = result.error;
        done.at = now;
        switch (outcome) {
        case SendResult::Outcome::Accepted:
            done.state = OutboxState::Sent;
            done.status = notifications::DeliveryStatus::Sent;
            break;
        case SendResult::Outcome::Rejected:
            done.state = OutboxState::Dead;
            done.status = notifications::DeliveryStatus::Failed;
            break;
        case SendResult::Outcome::Unknown:
            done.state = OutboxState::InDoubt;
            done.status = notifications::DeliveryStatus::Queued;
            break;
        case SendResult::Outcome::Retry:
            if (delivery.attempts >= m_options.maxAttempts) {
                done.state = OutboxState::Dead;
                done.status = notifications::DeliveryStatus::Failed;
            } else {
                done.state = OutboxState::Pending;
                done.status = notifications::DeliveryStatus::Queued;
                done.dueAt = now.addMSecs(
                    notifications::retryDelay(delivery.attempts, m_options.retryBase,
                                              m_options.retryCap, m_random, result.retryAfter)
                        .count());
            }
            break;
        }
        const Result<bool> recorded = store.finishDelivery(done);
        if (!recorded) {
            qWarning().noquote() << "notifications: outcome of message" << delivery.id
                                 << "not recorded:" << recorded.error().message;
        } else if (!*recorded) {
            qWarning().noquote() << "notifications: message" << delivery.id
                                 << "was taken back before its outcome was recorded";
        }
    }
}

void NotificationDispatcher::giveBack(Store &store, const QList<DeliveryRecord> &deliveries)
{
    const QDateTime now = m_clock.nowUtc();
    const QDateTime reopens
        = now.addMSecs(std::max<qint64>(0, m_breaker.reopensAt() - monotonicMs()));
    for (const DeliveryRecord &delivery : deliveries) {
        DeliveryOutcome back;
        back.id = delivery.id;
        back.claimer = m_claimer;
        back.state = OutboxState::Pending;
        back.status = notifications::DeliveryStatus::Queued;
        back.error = QStringLiteral("The channel's provider is failing; waiting to try again.");
        back.dueAt = reopens;
        back.at = now;
        back.notAttempted = true;
        if (Result<bool> recorded = store.finishDelivery(back); !recorded)
            qWarning().noquote() << "notifications: message" << delivery.id
                                 << "not given back:" << recorded.error().message;
    }
}

} // namespace qx::server
