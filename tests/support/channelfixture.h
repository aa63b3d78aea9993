#pragma once

#include "server/notifications/dispatcher.h"
#include "server/storage/sqlstore.h"

#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace qx::test {

/**
 * What the tests of one notification channel (email, SMS, Telegram, WhatsApp) share: a new
 * SQLite file per test where user 7 wants fills on the channel, a dispatcher over it that
 * plans and sends on that channel with quick retries and a quick breaker (3 failures, 300 ms),
 * fills to store, and the channel's outbox as the test's own connection reads it.
 */
class ChannelFixture
{
public:
    explicit ChannelFixture(core::notifications::Channel channel)
        : m_channel(channel)
    { }

    /// A new database (from the test's init()): user 7 wants fills on the channel, and is
    /// reached as `contact` says (its user id is set).
    bool prepare(server::NotificationContact contact);
    /// Drops the test's connection (from cleanup()).
    void close() { m_store.reset(); }

    server::SqlStore &store() { return *m_store; }
    /// Started over `channel`, on a connection of its own; nullptr when it did not start.
    std::unique_ptr<server::NotificationDispatcher> dispatcher(
        std::unique_ptr<server::NotificationChannel> channel);
    /// Stores user 7's fill of 5 `symbol` at 81.5 (order n, counted from 1): its event key,
    /// empty when storing failed.
    QString fill(const QString &symbol, const QString &side);
    QList<server::DeliveryRecord> outbox(std::optional<core::notifications::OutboxState> state
                                         = std::nullopt);

private:
    core::notifications::Channel m_channel;
    QTemporaryDir m_dir;
    int m_files = 0;
    QString m_url;
    std::unique_ptr<server::SqlStore> m_store;
    int m_events = 0;
};

} // namespace qx::test
