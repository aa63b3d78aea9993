// Notifications: the caller's inbox (paged, read or unread, marked read one by one or all) and
// their settings (per event type the channels, least severity, quiet hours and digest; how to
// reach them).

#include "server/api/routing.h"

#include "core/protocol/notifications.h"
#include "server/auth/permissions.h"
#include "server/notifications/adminview.h"
#include "server/notifications/notifier.h"
#include "server/storage/storereaders.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QUrlQuery>

namespace qx::server {

using namespace rest;
namespace notifications = core::notifications;

namespace {

/// The caller's settings as GET answers them: every event type as it applies (their own, an
/// admin's default or the built-in one), and their contact.
protocol::NotificationSettings settingsOf(std::int64_t userId, const PreferenceSet &stored,
                                          const QList<NotificationPreferenceRecord> &own,
                                          const QList<notifications::EventType> &critical,
                                          const NotificationContact &contact)
{
    protocol::NotificationSettings settings;
    for (notifications::EventType type : notifications::allEventTypes()) {
        const NotificationPreferenceRecord record = stored.effective(userId, type);
        protocol::NotificationPreference preference;
        preference.type = type;
        preference.channels = record.channels;
        preference.minimum = record.minimum;
        preference.quietStart = record.quietStart;
        preference.quietEnd = record.quietEnd;
        preference.digestMinutes = int(record.digest.count());
        const bool isOwn = std::any_of(own.cbegin(), own.cend(),
                                       [type](const auto &mine) { return mine.type == type; });
        preference.source = isOwn                                  ? QStringLiteral("user")
            : stored.effective(0, type) == builtInPreference(type) ? QStringLiteral("built_in")
                                                                   : QStringLiteral("default");
        preference.critical = critical.contains(type);
        settings.preferences.append(preference);
    }
    settings.language = contact.language;
    settings.timeZone = contact.timeZone;
    settings.email = contact.email;
    settings.phone = contact.phone;
    settings.whatsapp = contact.whatsapp;
    settings.telegramLinked = !contact.telegramChat.isEmpty();
    return settings;
}

/// Reads what settingsOf() needs for `userId` and answers it.
core::Result<QJsonObject> readSettings(Store &store, std::int64_t userId)
{
    const Result<QList<NotificationPreferenceRecord>> all = store.allNotificationPreferences();
    if (!all)
        return all.error();
    const Result<QList<notifications::EventType>> critical = store.criticalEventTypes();
    if (!critical)
        return critical.error();
    const Result<NotificationContact> contact = store.notificationContact(userId);
    if (!contact)
        return contact.error();
    QList<NotificationPreferenceRecord> own;
    for (const NotificationPreferenceRecord &record : *all) {
        if (record.userId == userId)
            own.append(record);
    }
    return settingsOf(userId, PreferenceSet(*all), own, *critical, *contact).toJson();
}

} // namespace

void HttpApi::addNotificationRoutes()
{
    using Access = Route::Access;

    serve(
        { Method::Get,
          QStringLiteral("/api/v1/notifications"),
          tr("The caller's inbox, newest first, with how many are unread"),
          Access::Permitted,
          Permission::AccountRead,
          {},
          QStringLiteral("NotificationList"),
          200,
          {},
          { { QStringLiteral("before"), QStringLiteral("string"),
              tr("only ids below this one: next_before of the page before") },
            { QStringLiteral("limit"), QStringLiteral("integer"),
              tr("at most this many, 1-%1 (default 100)").arg(kMaxPage) },
            { QStringLiteral("unread"), QStringLiteral("boolean"),
              tr("true: only those not read yet") } } },
        [this](const Principal &principal, const QHttpServerRequest &request, const Later &reply) {
            const QUrlQuery query = request.query();
            const QString beforeText = query.queryItemValue(QStringLiteral("before"));
            const QString limitText = query.queryItemValue(QStringLiteral("limit"));
            const QString unreadText = query.queryItemValue(QStringLiteral("unread"));
            bool beforeOk = true, limitOk = true;
            NotificationStore::InboxQuery inbox;
            inbox.userId = principal.userId;
            inbox.before = beforeText.isEmpty() ? 0 : beforeText.toLongLong(&beforeOk);
            inbox.limit = limitText.isEmpty() ? 100 : limitText.toInt(&limitOk);
            if (!beforeOk || !limitOk || inbox.before < 0 || inbox.limit < 1
                || inbox.limit > kMaxPage) {
                return reply->fail(badQuery(
                    tr("before must be an id and limit a number from 1 to %1.").arg(kMaxPage)));
            }
            if (!unreadText.isEmpty() && unreadText != u"true" && unreadText != u"false")
                return reply->fail(badQuery(tr("unread must be true or false.")));
            inbox.unreadOnly = unreadText == u"true";
            answerOffThread(reply, [inbox](Store &store) -> core::Result<Answer> {
                const core::Result<QList<NotificationRecord>> rows = store.inbox(inbox);
                if (!rows)
                    return rows.error();
                const core::Result<std::int64_t> unread = store.unreadNotifications(inbox.userId);
                if (!unread)
                    return unread.error();
                QJsonArray list;
                for (const NotificationRecord &row : *rows)
                    list.append(toProtocol(row).toJson());
                const bool more = rows->size() == inbox.limit;
                return Answer { { { QStringLiteral("notifications"), list },
                                  { QStringLiteral("unread"), qint64(*unread) },
                                  { QStringLiteral("next_before"),
                                    more ? QJsonValue(QString::number(rows->constLast().id))
                                         : QJsonValue() } } };
            });
        });

    serve({ Method::Post,
            QStringLiteral("/api/v1/notifications/{id}/read"),
            tr("Marks one of the caller's notifications read"),
            Access::Permitted,
            Permission::AccountRead,
            {},
            QStringLiteral("UnreadCount"),
            200,
            { core::ErrorCode::NotFound } },
          [this](const QString &idText, const Principal &principal, const QHttpServerRequest &,
                 const Later &reply) {
              bool ok = false;
              const std::int64_t id = idText.toLongLong(&ok);
              const std::int64_t userId = principal.userId;
              const QDateTime now = m_orders.nowUtc();
              answerOffThread(
                  reply, [id, ok, userId, idText, now](Store &store) -> core::Result<Answer> {
                      const auto notFound = [&idText] {
                          return core::makeError(core::ErrorCode::NotFound,
                                                 tr("You have no notification %1.").arg(idText));
                      };
                      if (!ok || id <= 0)
                          return notFound();
                      const core::Result<QList<NotificationRecord>> found
                          = store.notificationsById({ id });
                      if (!found)
                          return found.error();
                      if (found->isEmpty() || found->constFirst().userId != userId)
                          return notFound();
                      if (const core::Result<std::int64_t> marked
                          = store.markNotificationsRead(userId, id, now);
                          !marked) {
                          return marked.error();
                      }
                      const core::Result<std::int64_t> unread = store.unreadNotifications(userId);
                      if (!unread)
                          return unread.error();
                      return Answer { { { QStringLiteral("unread"), qint64(*unread) } } };
                  });
          });

    serve({ Method::Post,
            QStringLiteral("/api/v1/notifications/read-all"),
            tr("Marks all of the caller's notifications read"),
            Access::Permitted,
            Permission::AccountRead,
            {},
            QStringLiteral("UnreadCount"),
            200 },
          [this](const Principal &principal, const QHttpServerRequest &, const Later &reply) {
              answerOffThread(
                  reply,
                  [userId = principal.userId,
                   now = m_orders.nowUtc()](Store &store) -> core::Result<Answer> {
                      const core::Result<std::int64_t> marked
                          = store.markNotificationsRead(userId, 0, now);
                      if (!marked)
                          return marked.error();
                      return Answer { { { QStringLiteral("unread"), 0 },
                                        { QStringLiteral("marked"), qint64(*marked) } } };
                  });
          });

    serve({ Method::Post,
            QStringLiteral("/api/v1/notifications/channels/telegram/link"),
            tr("A one-time link (15 minutes) that binds the Telegram chat it is opened in to "
               "the caller: t.me/BOT?start=TOKEN; a new link replaces the last"),
            Access::Permitted,
            Permission::AccountRead,
            {},
            QStringLiteral("TelegramLink"),
            201,
            { core::ErrorCode::NotFound } },
          [this](const Principal &principal, const QHttpServerRequest &, const Later &reply) {
              // 24 random bytes, as the start parameter allows them (base64url, 32 characters);
              // only their hash is stored.
              QByteArray random(24, Qt::Uninitialized);
              QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()),
                                                    random.size() / 4);
              const QByteArray token
                  = random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
              const QString hash = QString::fromLatin1(
                  QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex());
              const QDateTime now = m_orders.nowUtc();
              answerOffThread(
                  reply,
                  [userId = principal.userId, token, hash,
                   now](Store &store) -> core::Result<Answer> {
                      core::Result<QList<NotificationChannelRecord>> configured
                          = store.notificationChannels();
                      if (!configured)
                          return configured.error();
                      const NotificationChannelRecord telegram
                          = configuredOrDefault(*configured, notifications::Channel::Telegram);
                      const QString bot
                          = telegram.settings.value(QStringLiteral("bot_name")).toString();
                      if (!telegram.enabled || bot.isEmpty()) {
                          return core::makeError(core::ErrorCode::NotFound,
                                                 tr("Telegram is not set up on this server (an "
                                                    "admin enables it with its bot_name)."));
                      }
                      const QDateTime expires = now.addSecs(15 * 60);
                      if (core::Result<void> added
                          = store.addTelegramLink(hash, userId, expires, now);
                          !added)
                          return added.error();
                      return Answer { { { QStringLiteral("url"),
                                          QStringLiteral("https://t.me/%1?start=%2")
                                              .arg(bot, QString::fromLatin1(token)) },
                                        { QStringLiteral("expires_at"),
                                          protocol::toWireTime(expires) } },
                                      Status::Created };
                  });
          });

    serve({ Method::Get,
            QStringLiteral("/api/v1/notifications/preferences"),
            tr("The caller's notification settings: every event type, and how to reach them"),
            Access::Permitted,
            Permission::AccountRead,
            {},
            QStringLiteral("NotificationSettings"),
            200 },
          [this](const Principal &principal, const QHttpServerRequest &, const Later &reply) {
              answerOffThread(reply,
                              [userId = principal.userId](Store &store) -> core::Result<Answer> {
                                  core::Result<QJsonObject> settings = readSettings(store, userId);
                                  if (!settings)
                                      return settings.error();
                                  return Answer { *settings };
                              });
          });

    serve(
        { Method::Put, QStringLiteral("/api/v1/notifications/preferences"),
          tr("Changes the caller's notification settings: the event types and contact "
             "fields given; the rest stay"),
          Access::Permitted, Permission::AccountRead, QStringLiteral("NotificationSettings"),
          QStringLiteral("NotificationSettings"), 200 },
        [this](const Principal &principal, const QHttpServerRequest &request, const Later &reply) {
            core::Result<QJsonObject> body = jsonBody(request);
            if (!body)
                return reply->fail(body.error());
            core::Result<protocol::NotificationSettings> settings
                = protocol::NotificationSettings::fromJson(*body);
            if (!settings)
                return reply->fail(settings.error());
            QList<NotificationPreferenceRecord> records;
            for (const protocol::NotificationPreference &preference : settings->preferences) {
                NotificationPreferenceRecord record;
                record.userId = principal.userId;
                record.type = preference.type;
                record.channels = preference.channels;
                record.minimum = preference.minimum;
                record.quietStart = preference.quietStart;
                record.quietEnd = preference.quietEnd;
                record.digest = std::chrono::minutes(preference.digestMinutes);
                records.append(record);
            }
            const std::int64_t userId = principal.userId;
            // In force here as soon as it is stored; the other servers follow the
            // configuration version.
            answerOffThread(
                reply,
                [userId, records, settings = *settings](Store &store) -> core::Result<Answer> {
                    // Checked whole before: only storage can fail from here.
                    Result<void> saved = store.saveNotificationPreferences(userId, records);
                    Result<NotificationContact> contact = saved
                        ? store.notificationContact(userId)
                        : Result<NotificationContact>(saved.error());
                    if (contact) {
                        contact->language = settings.language.value_or(contact->language);
                        contact->timeZone = settings.timeZone.value_or(contact->timeZone);
                        contact->email = settings.email.value_or(contact->email);
                        contact->phone = settings.phone.value_or(contact->phone);
                        contact->whatsapp = settings.whatsapp.value_or(contact->whatsapp);
                        saved = store.saveNotificationContact(*contact);
                    } else {
                        saved = contact.error();
                    }
                    if (!saved)
                        return saved.error();
                    core::Result<QJsonObject> stored = readSettings(store, userId);
                    if (!stored)
                        return stored.error();
                    return Answer { *stored };
                },
                [notifier = m_notifier, records] {
                    if (notifier)
                        notifier->adopt(records);
                });
        });
}

} // namespace qx::server
