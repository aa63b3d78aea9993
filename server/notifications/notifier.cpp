#include "server/notifications/notifier.h"

#include "server/notifications/channels.h"
#include "server/notifications/inappchannel.h"

#include <QDebug>
#include <QPointer>

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

Notifier::~Notifier() = default; // the dispatchers finish the message in hand and stop

Result<void> Notifier::start()
{
    Result<QList<NotificationPreferenceRecord>> preferences = m_store.allNotificationPreferences();
    if (!preferences)
        return preferences.error();
    m_preferences = PreferenceSet(*preferences);

    NotificationDispatcher::Options options = m_options.dispatch;
    options.instance = m_options.instance;
    options.plan = true;
    // The inbox: pushed to the user's sessions from this thread.
    QPointer<Notifier> self(this);
    auto inbox = std::make_unique<InAppChannel>([self](const NotificationRecord &notification) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, notification] {
                if (self)
                    Q_EMIT self->inApp(notification);
            },
            Qt::QueuedConnection);
    });
    // The configured channels, each on a dispatcher of its own.
    Result<QList<NotificationChannelRecord>> configured = m_store.notificationChannels();
    if (!configured)
        return configured.error();
    std::vector<std::unique_ptr<NotificationChannel>> channels;
    for (const NotificationChannelRecord &record : *configured) {
        if (!record.enabled)
            continue;
        const QString name = core::notifications::toString(record.channel);
        Result<QJsonObject> secrets = m_options.openSecrets ? m_options.openSecrets(record)
                                                            : Result<QJsonObject>(QJsonObject());
        if (!secrets) {
            qWarning().noquote() << "notifications:" << name
                                 << "not started, its secrets do not open:"
                                 << secrets.error().message;
            continue;
        }
        QString problem;
        std::unique_ptr<NotificationChannel> channel = makeChannel(record, *secrets, problem);
        if (!channel) {
            qWarning().noquote() << "notifications:" << name << "not started:" << problem;
            continue;
        }
        qInfo().noquote() << "notifications: sending on" << name;
        if (channel->deduplicates())
            options.deduplicating.append(channel->channel());
        channels.push_back(std::move(channel));
    }
    m_dispatchers.push_back(
        std::make_unique<NotificationDispatcher>(m_open, m_clock, std::move(inbox), options));
    NotificationDispatcher::Options sending = options;
    sending.plan = false;
    for (std::unique_ptr<NotificationChannel> &channel : channels) {
        m_dispatchers.push_back(
            std::make_unique<NotificationDispatcher>(m_open, m_clock, std::move(channel), sending));
    }
    for (const std::unique_ptr<NotificationDispatcher> &dispatcher : m_dispatchers) {
        if (Result<void> started = dispatcher->start(); !started)
            return started;
    }
    return {};
}

void Notifier::adopt(const QList<NotificationPreferenceRecord> &records)
{
    ++m_generation;
    m_preferences.set(records);
}

void Notifier::wake()
{
    for (const std::unique_ptr<NotificationDispatcher> &dispatcher : m_dispatchers)
        dispatcher->wake();
}

void Notifier::configurationChanged()
{
    if (m_reading) {
        m_readAgain = true;
        return;
    }
    m_reading = true;
    const quint64 generation = m_generation;
    m_readers.read<QList<NotificationPreferenceRecord>>(
        [](Store &store) { return store.allNotificationPreferences(); }, this,
        [this, generation](Result<QList<NotificationPreferenceRecord>> read) {
            m_reading = false;
            if (!read) {
                qWarning().noquote()
                    << "notification preferences not read again:" << read.error().message;
            } else if (generation == m_generation) {
                m_preferences = PreferenceSet(*read);
            } else {
                m_readAgain = true; // a change made here meanwhile: read what includes it
            }
            if (std::exchange(m_readAgain, false))
                configurationChanged();
        });
}

} // namespace qx::server
