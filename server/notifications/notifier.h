#pragma once

#include "core/clock.h"
#include "server/notifications/dispatcher.h"
#include "server/notifications/planning.h"
#include "server/storage/storereaders.h"

#include <QObject>

#include <future>
#include <map>
#include <memory>
#include <vector>

namespace qx::server {

/**
 * Notifications as the server's main thread sees them: which events are written at all
 * (wants(), OrderService's filter: every user's preferences, kept in memory, read again when
 * the configuration version moves and taken at once when saved through this server), the
 * dispatchers that send the outbox (a planner, and one per channel, each on its own thread),
 * and what the inbox channel pushes (inApp(), emitted here for the stream).
 *
 * Lives on the main thread; wake() may be called from any.
 */
class Notifier : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString instance = QStringLiteral("server"); ///< this server's name in claims
        NotificationDispatcher::Options dispatch;
        /// Opens a configured channel's sealed secrets (SecretBox under the server's key,
        /// context secretContext()); channels are configured in storage (notify channel set).
        std::function<Result<QJsonObject>(const NotificationChannelRecord &)> openSecrets;
    };

    Notifier(Store &store, StoreReaders &readers, StoreWriter::Opener open,
             const core::Clock &clock, Options options, QObject *parent = nullptr);
    ~Notifier() override;

    /// Reads the preferences and the channels configured (here, before the server listens)
    /// and starts the dispatchers: the inbox's, which also plans, and one per channel that is
    /// enabled and configured well (one that is not is skipped, said in the log).
    Result<void> start();

    bool wants(std::int64_t userId, core::notifications::EventType type) const
    {
        return m_preferences.wants(userId, type);
    }
    const PreferenceSet &preferences() const { return m_preferences; }
    /// Preferences just saved through this server: in force now (a read under way that
    /// started before is dropped, so it cannot take them back).
    void adopt(const QList<NotificationPreferenceRecord> &records);
    /// A round of every dispatcher soon: notifications were stored. Any thread.
    void wake();

public Q_SLOTS:
    /// Reads the preferences and the channels' configuration again on a store reader
    /// (another server or the CLI changed them, or an admin's defaults): a channel whose
    /// configuration changed gets a new dispatcher, one disabled loses its own.
    void configurationChanged();

Q_SIGNALS:
    /// A notification for its user's live sessions (the inbox channel sent it).
    void inApp(const qx::server::NotificationRecord &notification);

private:
    /// Starts, replaces or stops the channels' dispatchers to match `configured`.
    void applyChannels(const QList<NotificationChannelRecord> &configured);
    /// The dispatcher `configured` asks for, started; nullptr (said in the log) when it
    /// cannot send as configured.
    std::unique_ptr<NotificationDispatcher> dispatcherFor(const NotificationChannelRecord &record);

    struct Running
    {
        NotificationChannelRecord record;
        std::unique_ptr<NotificationDispatcher> dispatcher;
    };

    Store &m_store;
    StoreReaders &m_readers;
    StoreWriter::Opener m_open;
    const core::Clock &m_clock;
    Options m_options;
    PreferenceSet m_preferences;
    quint64 m_generation = 0; ///< raised by adopt(): older reads are dropped
    bool m_reading = false;
    bool m_readAgain = false;
    std::unique_ptr<NotificationDispatcher> m_planner; ///< plans, and sends to the inbox
    std::map<core::notifications::Channel, Running> m_channels;
    /// Dispatchers replaced or stopped, finishing the message in hand off this thread.
    std::vector<std::future<void>> m_retiring;
};

} // namespace qx::server
