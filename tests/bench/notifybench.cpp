// qx-bench-notify: the notification dispatcher against a local Telegram Bot API (FakeTelegram,
// in this process, on its own thread), on a new SQLite file or a PostgreSQL it starts itself.
// Prints one JSON line per database.
//
//   qx-bench-notify [--database sqlite|postgresql]... [--burst N] [--events N] [--interval-ms M]
//
// Two figures, with the server's own pieces: a planning dispatcher (the inbox's) and the
// Telegram channel's dispatcher, each on its thread with its store connection, over libcurl.
// - Dispatch throughput: N notifications for 100 users stored at once, then the time until the
//   provider has taken every one (no pacing: the fake does not limit; Telegram's real limit of
//   30 a second would be the ceiling in production).
// - Event to provider: events stored one at a time every M ms, each waking the dispatchers as
//   the trading writer does after its commit; the time from the write to the provider taking
//   the message, p50 and p99, with no retries.
// The outbox's cost to the trading group commit is qx-bench-store --notify yes|no (A/B).
#include "fakeproviders.h"
#include "server/notifications/dispatcher.h"
#include "server/notifications/inappchannel.h"
#include "server/notifications/telegramchannel.h"
#include "server/storage/sqlstore.h"
#include "testservices.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>

using namespace qx::server;
using namespace qx::core;
using namespace qx::core::notifications;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr int kUsers = 100;

struct Options
{
    QStringList databases;
    int burst = 5'000;
    int events = 500;
    int intervalMs = 20;
};

/// FakeTelegram on a thread of its own, so it answers while this one waits.
class ProviderThread
{
public:
    ProviderThread()
    {
        m_context->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
        m_thread.start();
        QMetaObject::invokeMethod(
            m_context,
            [this] {
                m_telegram = std::make_unique<qx::test::FakeTelegram>();
                m_url = m_telegram->start();
            },
            Qt::BlockingQueuedConnection);
    }
    ~ProviderThread()
    {
        QMetaObject::invokeMethod(
            m_context, [this] { m_telegram.reset(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    QString url() const { return m_url; }
    /// What the provider took, each with when (steadyNowMs).
    QList<qx::test::FakeTelegram::Message> accepted()
    {
        QList<qx::test::FakeTelegram::Message> list;
        QMetaObject::invokeMethod(
            m_context, [&] { list = m_telegram->accepted(); }, Qt::BlockingQueuedConnection);
        return list;
    }
    qsizetype count()
    {
        qsizetype size = 0;
        QMetaObject::invokeMethod(
            m_context, [&] { size = m_telegram->accepted().size(); }, Qt::BlockingQueuedConnection);
        return size;
    }

private:
    QThread m_thread;
    QObject *m_context = new QObject; ///< lives on m_thread, deleted when it ends
    std::unique_ptr<qx::test::FakeTelegram> m_telegram;
    QString m_url;
};

NotificationRecord event(int n)
{
    NotificationRecord record;
    record.eventKey = u"bench:%1"_s.arg(n);
    record.userId = 1 + n % kUsers;
    record.type = EventType::OrderFilled;
    record.facts = { { u"order_id"_s, QString::number(n) },
                     { u"symbol"_s, u"DE.BASE.M.2027-03"_s },
                     { u"side"_s, u"buy"_s },
                     { u"quantity"_s, u"5"_s },
                     { u"filled_quantity"_s, u"5"_s },
                     { u"average_price"_s, u"81.5"_s } };
    record.createdAt = QDateTime::currentDateTimeUtc();
    return record;
}

/// The n of a message's event (its order id, in the text), or -1.
int eventOf(const QString &text)
{
    const qsizetype at = text.indexOf(u"Order: ");
    if (at < 0)
        return -1;
    bool ok = false;
    const int n = text.mid(at + 7).section(u'\n', 0, 0).trimmed().toInt(&ok);
    return ok ? n : -1;
}

double percentile(QList<qint64> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return double(
        values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size())))));
}

bool run(const QString &name, const QString &url, const Options &options)
{
    Result<std::unique_ptr<SqlStore>> opened = SqlStore::open(url);
    if (!opened) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(name), qPrintable(opened.error().message));
        return false;
    }
    SqlStore &store = **opened;
    for (int user = 1; user <= kUsers; ++user) {
        NotificationPreferenceRecord preference;
        preference.userId = user;
        preference.type = EventType::OrderFilled;
        preference.channels = { Channel::Telegram };
        NotificationContact contact;
        contact.userId = user;
        contact.telegramChat = QString::number(100'000 + user);
        if (!store.saveNotificationPreferences(user, { preference }).ok()
            || !store.saveNotificationContact(contact).ok())
            return false;
    }
    ProviderThread provider;
    const auto opener = [url]() -> Result<std::unique_ptr<Store>> {
        Result<std::unique_ptr<SqlStore>> store = SqlStore::open(url);
        if (!store)
            return store.error();
        return std::unique_ptr<Store>(std::move(store).value());
    };
    NotificationDispatcher::Options common;
    common.instance = u"bench"_s;
    common.poll = 1'000ms;
    NotificationDispatcher::Options planning = common;
    planning.plan = true;
    NotificationDispatcher *wakeAfterPlanning = nullptr; // as the server's Notifier does
    planning.planned = [&wakeAfterPlanning] {
        if (wakeAfterPlanning)
            wakeAfterPlanning->wake();
    };
    NotificationDispatcher planner(
        opener, Clock::system(), std::make_unique<InAppChannel>([](const NotificationRecord &) {}),
        planning);
    TelegramChannel::Options telegram;
    telegram.baseUrl = provider.url();
    telegram.token = u"1:bench"_s;
    telegram.perChat = 0ms;
    telegram.perSecond = 0;
    NotificationDispatcher sender(opener, Clock::system(),
                                  std::make_unique<TelegramChannel>(telegram), common);
    wakeAfterPlanning = &sender;
    if (!planner.start().ok() || !sender.start().ok())
        return false;
    const auto waitFor = [&](int count) {
        QElapsedTimer waited;
        waited.start();
        while (provider.count() < count && waited.elapsed() < 300'000)
            QThread::msleep(2);
        return provider.count() >= count;
    };

    // Throughput: a burst stored at once.
    QList<NotificationRecord> burst;
    for (int n = 0; n < options.burst; ++n)
        burst.append(event(n));
    QElapsedTimer clock;
    clock.start();
    if (!store.addNotifications(burst).ok())
        return false;
    planner.wake();
    sender.wake();
    if (!waitFor(options.burst))
        return false;
    const double seconds = double(clock.nsecsElapsed()) / 1e9;

    // Latency: one event at a time, as the trading writer wakes the dispatchers.
    QHash<int, qint64> writtenAt;
    for (int i = 0; i < options.events; ++i) {
        const int n = options.burst + i;
        writtenAt.insert(n, qx::test::steadyNowMs());
        if (!store.addNotifications({ event(n) }).ok())
            return false;
        planner.wake();
        sender.wake();
        QThread::msleep(options.intervalMs);
    }
    if (!waitFor(options.burst + options.events))
        return false;
    QList<qint64> latencies;
    for (const qx::test::FakeTelegram::Message &message : provider.accepted()) {
        const int n = eventOf(message.text);
        if (writtenAt.contains(n))
            latencies.append(message.receivedAtMs - writtenAt.value(n));
    }
    std::printf("{\"database\":\"%s\",\"burst\":%d,\"dispatch_per_s\":%.0f,\"events\":%d,"
                "\"interval_ms\":%d,\"event_to_provider_ms\":{\"p50\":%.0f,\"p99\":%.0f,"
                "\"max\":%.0f}}\n",
                qPrintable(name), options.burst, double(options.burst) / seconds,
                int(latencies.size()), options.intervalMs, percentile(latencies, 0.50),
                percentile(latencies, 0.99), percentile(latencies, 1.0));
    std::fflush(stdout);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Options options;
    const QStringList arguments = app.arguments();
    for (int i = 1; i + 1 < arguments.size(); i += 2) {
        const QString &flag = arguments.at(i);
        const QString &value = arguments.at(i + 1);
        if (flag == u"--database")
            options.databases.append(value);
        else if (flag == u"--burst")
            options.burst = value.toInt();
        else if (flag == u"--events")
            options.events = value.toInt();
        else if (flag == u"--interval-ms")
            options.intervalMs = value.toInt();
        else {
            std::fprintf(stderr,
                         "usage: qx-bench-notify [--database sqlite|postgresql]... "
                         "[--burst N] [--events N] [--interval-ms M]\n");
            return 2;
        }
    }
    if (options.databases.isEmpty())
        options.databases = { u"sqlite"_s, u"postgresql"_s };
    bool ok = true;
    for (const QString &database : std::as_const(options.databases)) {
        QTemporaryDir dir;
        if (database == u"postgresql") {
            qx::test::PostgresServer postgres;
            if (!postgres.start()) {
                std::fprintf(stderr, "postgresql: %s\n", qPrintable(postgres.error()));
                return 1;
            }
            ok = run(database, postgres.createDatabase(u"notify"_s), options) && ok;
        } else {
            ok = run(database, u"sqlite:"_s + dir.filePath(u"notify.db"_s), options) && ok;
        }
    }
    return ok ? 0 : 1;
}
