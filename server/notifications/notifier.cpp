#include "server/notifications/notifier.h"

#include "server/notifications/channels.h"
#include "server/notifications/inappchannel.h"

#include <QDebug>
#include <QPointer>

#include <algorithm>

namespace qx::server {

Notifier::Notifier(Store &store, StoreReaders &readers, StoreWriter::Opener open,
                   const core::Clock &clock, Options options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_readers(readers)
    , m_open(std::move(open))
    , m_clock(clock)
    , m_options(std::move(options))
{ }

Notifier::~Notifier()
{
    // Every dispatcher finishes the message in hand and stops.
    m_channels.clear();
    m_planner.reset();
    for (std::future<void> &retiring : m_retiring)
        retiring.wait();
}

Result<void> Notifier::start()
{
    Result<QList<NotificationPreferenceRecord>> preferences = m_store.allNotificationPreferences();
    if (!preferences)
        return preferences.error();
    m_preferences = PreferenceSet(*preferences);
    Result<QList<NotificationChannelRecord>> configured = m_store.notificationChannels();
    if (!configured)
        return configured.error();

    NotificationDispatcher::Options options = m_options.dispatch;
    options.instance = m_options.instance;
    options.plan = true;
    options.deduplicating.clear();
    for (const core::notifications::Channel channel : core::notifications::allChannels()) {
        if (channelDeduplicates(channel))
            options.deduplicating.append(channel);
    }
    // The inbox: pushed to the user's sessions from this thread.
    QPointer<Notifier> self(this);
    // What the planner planned goes out at once, not at the channels' next poll.
    options.planned = [self] {
        QMetaObject::invokeMethod(
            self.data(),
            [self] {
                if (!self)
                    return;
                for (const auto &[channel, running] : self->m_channels)
                    running.dispatcher->wake();
            },
            Qt::QueuedConnection);
    };
    auto inbox = std::make_unique<InAppChannel>([self](const NotificationRecord &notification) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, notification] {
                if (self)
                    Q_EMIT self->inApp(notification);
            },
            Qt::QueuedConnection);
    });
    m_planner
        = std::make_unique<NotificationDispatcher>(m_open, m_clock, std::move(inbox), options);
    if (Result<void> started = m_planner->start(); !started)
        return started;
    applyChannels(*configured);
    return {};
}

std::unique_ptr<NotificationDispatcher> Notifier::dispatcherFor(
    const NotificationChannelRecord &record)
{
    const QString name = core::notifications::toString(record.channel);
    Result<QJsonObject> secrets = m_options.openSecrets ? m_options.openSecrets(record)
                                                        : Result<QJsonObject>(QJsonObject());
    if (!secrets) {
        qWarning().noquote() << "notifications:" << name
                             << "not started, its secrets do not open:" << secrets.error().message;
        return nullptr;
    }
    QString problem;
    std::unique_ptr<NotificationChannel> channel = makeChannel(record, *secrets, problem);
    if (!channel) {
        qWarning().noquote() << "notifications:" << name << "not started:" << problem;
        return nullptr;
    }
    NotificationDispatcher::Options options = m_options.dispatch;
    options.instance = m_options.instance;
    options.plan = false;
    auto dispatcher
        = std::make_unique<NotificationDispatcher>(m_open, m_clock, std::move(channel), options);
    if (Result<void> started = dispatcher->start(); !started) {
        qWarning().noquote() << "notifications:" << name
                             << "not started:" << started.error().message;
        return nullptr;
    }
    qInfo().noquote() << "notifications: sending on" << name;
    return dispatcher;
}

void Notifier::applyChannels(const QList<NotificationChannelRecord> &configured)
{
    std::erase_if(m_retiring, [](const std::future<void> &retiring) {
        return retiring.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    });
    const auto retire = [this](std::unique_ptr<NotificationDispatcher> dispatcher) {
        // Off this thread: it may be waiting on a provider up to the channel's time limit.
        m_retiring.push_back(std::async(
            std::launch::async, [retired = std::move(dispatcher)]() mutable { retired.reset(); }));
    };
    for (const core::notifications::Channel channel : core::notifications::allChannels()) {
        if (channel == core::notifications::Channel::InApp)
            continue;
        const auto wanted = std::find_if(configured.cbegin(), configured.cend(),
                                         [channel](const NotificationChannelRecord &record) {
                                             return record.channel == channel && record.enabled;
                                         });
        const auto running = m_channels.find(channel);
        if (running != m_channels.end() && wanted != configured.cend()
            && running->second.record.updatedAt == wanted->updatedAt) {
            continue; // as it was
        }
        if (running != m_channels.end()) {
            qInfo().noquote() << "notifications: stopping" << core::notifications::toString(channel)
                              << (wanted != configured.cend() ? "to take its new configuration"
                                                              : "(disabled)");
            retire(std::move(running->second.dispatcher));
            m_channels.erase(running);
        }
        if (wanted == configured.cend())
            continue;
        if (std::unique_ptr<NotificationDispatcher> dispatcher = dispatcherFor(*wanted))
            m_channels.emplace(channel, Running { *wanted, std::move(dispatcher) });
    }
}

void Notifier::adopt(const QList<NotificationPreferenceRecord> &records)
{
    ++m_generation;
    m_preferences.set(records);
}

void Notifier::wake()
{
    if (m_planner)
        m_planner->wake();
    for (const auto &[channel, running] : m_channels)
        running.dispatcher->wake();
}

void Notifier::configurationChanged()
{
    if (m_reading) {
        m_readAgain = true;
        return;
    }
    m_reading = true;
    const quint64 generation = m_generation;
    struct Configuration
    {
        QList<NotificationPreferenceRecord> preferences;
        QList<NotificationChannelRecord> channels;
    };
    m_readers.read<Configuration>(
        [](Store &store) -> Result<Configuration> {
            Result<QList<NotificationPreferenceRecord>> preferences
                = store.allNotificationPreferences();
            if (!preferences)
                return preferences.error();
            Result<QList<NotificationChannelRecord>> channels = store.notificationChannels();
            if (!channels)
                return channels.error();
            return Configuration { std::move(preferences).value(), std::move(channels).value() };
        },
        this,
        [this, generation](Result<Configuration> read) {
            m_reading = false;
            if (!read) {
                qWarning().noquote()
                    << "notification configuration not read again:" << read.error().message;
            } else if (generation == m_generation) {
                m_preferences = PreferenceSet(read->preferences);
                if (m_planner) // started
                    applyChannels(read->channels);
            } else {
                m_readAgain = true; // a change made here meanwhile: read what includes it
            }
            if (std::exchange(m_readAgain, false))
                configurationChanged();
        });
}

} // namespace qx::server
