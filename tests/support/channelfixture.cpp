#include "channelfixture.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace qx::test {

using namespace server;
using core::notifications::EventType;

bool ChannelFixture::prepare(NotificationContact contact)
{
    m_url = u"sqlite:"_s + m_dir.filePath(u"channel%1.db"_s.arg(++m_files));
    core::Result<std::unique_ptr<SqlStore>> opened = SqlStore::open(m_url);
    if (!opened)
        return false;
    m_store = std::move(opened).value();
    NotificationPreferenceRecord preference;
    preference.userId = 7;
    preference.type = EventType::OrderFilled;
    preference.channels = { m_channel };
    contact.userId = 7;
    return m_store->saveNotificationPreferences(7, { preference }).ok()
        && m_store->saveNotificationContact(contact).ok();
}

std::unique_ptr<NotificationDispatcher> ChannelFixture::dispatcher(
    std::unique_ptr<NotificationChannel> channel)
{
    NotificationDispatcher::Options options;
    options.instance = u"test"_s;
    options.plan = true;
    options.poll = 50ms;
    options.retryBase = 100ms;
    options.retryCap = 200ms;
    options.breakerThreshold = 3;
    options.breakerCooldown = 300ms;
    const QString url = m_url;
    auto made = std::make_unique<NotificationDispatcher>(
        [url]() -> core::Result<std::unique_ptr<Store>> {
            core::Result<std::unique_ptr<SqlStore>> store = SqlStore::open(url);
            if (!store)
                return store.error();
            return std::unique_ptr<Store>(std::move(store).value());
        },
        core::Clock::system(), std::move(channel), options);
    return made->start().ok() ? std::move(made) : nullptr;
}

QString ChannelFixture::fill(const QString &symbol, const QString &side)
{
    NotificationRecord record;
    record.eventKey = u"order.filled:%1"_s.arg(++m_events);
    record.userId = 7;
    record.type = EventType::OrderFilled;
    record.facts = { { u"order_id"_s, QString::number(m_events) },
                     { u"symbol"_s, symbol },
                     { u"side"_s, side },
                     { u"quantity"_s, u"5"_s },
                     { u"filled_quantity"_s, u"5"_s },
                     { u"average_price"_s, u"81.5"_s } };
    record.createdAt = QDateTime::currentDateTimeUtc();
    return m_store->addNotifications({ record }).ok() ? record.eventKey : QString();
}

QList<DeliveryRecord> ChannelFixture::outbox(std::optional<core::notifications::OutboxState> state)
{
    return m_store->deliveries({ state, m_channel, 0, 0, 1000 }).value_or({});
}

} // namespace qx::test
