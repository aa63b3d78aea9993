// Notifications for admins: the channels' configuration (secrets written, never read), each
// channel's queue and breaker on every server, and the outbox with its dead letters and
// messages in doubt, retried or discarded one by one, each audited. The CLI's notify commands
// do the same from the data directory.

#include "server/api/routing.h"

#include "server/auth/permissions.h"
#include "server/notifications/adminview.h"
#include "server/notifications/channelconfig.h"
#include "server/notifications/channels.h"
#include "server/storage/storereaders.h"

#include <QUrlQuery>

namespace qx::server {

using namespace rest;
namespace notifications = core::notifications;

namespace {

core::Error noSuchChannel(const QString &name)
{
    return core::makeError(
        core::ErrorCode::NotFound,
        HttpApi::tr("No channel %1: email, sms, telegram or whatsapp.").arg(name));
}

/// A channel change as the body says it: {"enabled", "settings": {KEY: "value"|null},
/// "secrets": {KEY: "value"|null}}; refused whole when any part is wrong.
core::Result<ChannelChange> channelChangeOf(const QJsonObject &body)
{
    ChannelChange change;
    const auto values = [](const QJsonValue &value, const QString &what,
                           QMap<QString, std::optional<QString>> &into) -> core::Result<void> {
        if (value.isUndefined())
            return {};
        if (!value.isObject())
            return core::makeError(core::ErrorCode::InvalidRequest,
                                   HttpApi::tr("%1 must be an object of strings.").arg(what));
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!it.value().isString() && !it.value().isNull())
                return core::makeError(core::ErrorCode::InvalidRequest,
                                       HttpApi::tr("%1.%2 must be a string, or null to remove it.")
                                           .arg(what, it.key()));
            into.insert(it.key(),
                        it.value().isNull() ? std::optional<QString>() : it.value().toString());
        }
        return {};
    };
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (it.key() != u"enabled" && it.key() != u"settings" && it.key() != u"secrets")
            return core::makeError(core::ErrorCode::InvalidRequest,
                                   HttpApi::tr("Unknown field %1.").arg(it.key()));
    }
    if (body.contains(QStringLiteral("enabled"))) {
        if (!body.value(QStringLiteral("enabled")).isBool())
            return core::makeError(core::ErrorCode::InvalidRequest,
                                   HttpApi::tr("enabled must be true or false."));
        change.enabled = body.value(QStringLiteral("enabled")).toBool();
    }
    if (core::Result<void> read = values(body.value(QStringLiteral("settings")),
                                         QStringLiteral("settings"), change.settings);
        !read)
        return read.error();
    if (core::Result<void> read
        = values(body.value(QStringLiteral("secrets")), QStringLiteral("secrets"), change.secrets);
        !read)
        return read.error();
    return change;
}

/// Retries or discards the dead letter or message in doubt `idText`, audited as `action`.
core::Result<QJsonObject> settleDelivery(Store &store, const QString &idText, bool retry,
                                         const Actor &by, const QDateTime &now)
{
    bool ok = false;
    const std::int64_t id = idText.toLongLong(&ok);
    const auto notFound = [&idText] {
        return core::makeError(core::ErrorCode::NotFound,
                               HttpApi::tr("No message %1 in the outbox.").arg(idText));
    };
    if (!ok || id <= 0)
        return notFound();
    core::Result<std::optional<DeliveryRecord>> found = store.findDelivery(id);
    if (!found)
        return found.error();
    if (!*found)
        return notFound();
    const DeliveryRecord before = **found;
    core::Result<bool> changed
        = retry ? store.retryDelivery(id, now) : store.discardDelivery(id, now);
    if (!changed)
        return changed.error();
    if (!*changed) {
        return core::makeError(core::ErrorCode::DeliveryNotFailed,
                               HttpApi::tr("Message %1 is %2: only a dead letter or a message in "
                                           "doubt is retried or discarded.")
                                   .arg(idText, notifications::toString(before.state)));
    }
    if (core::Result<void> audited = store.appendAudit(auditEntry(
            by,
            retry ? QStringLiteral("notification_retry") : QStringLiteral("notification_discard"),
            idText,
            { { QStringLiteral("channel"), notifications::toString(before.channel) },
              { QStringLiteral("idempotency_key"), before.idempotencyKey },
              { QStringLiteral("was"), notifications::toString(before.state) } }));
        !audited)
        return audited.error();
    core::Result<std::optional<DeliveryRecord>> after = store.findDelivery(id);
    if (!after)
        return after.error();
    return deliveryJson(after->value_or(before));
}

} // namespace

void HttpApi::addNotificationAdminRoutes()
{
    using Access = Route::Access;

    serve({ Method::Get,
            QStringLiteral("/api/v1/admin/notifications/channels"),
            tr("The notification channels' configuration; secrets only as set or not"),
            Access::Permitted,
            Permission::NotificationsAdmin,
            {},
            QStringLiteral("NotificationChannelList"),
            200 },
          [this](const Principal &, const QHttpServerRequest &, const Later &reply) {
              answerOffThread(reply, [](Store &store) -> core::Result<Answer> {
                  core::Result<QList<NotificationChannelRecord>> configured
                      = store.notificationChannels();
                  if (!configured)
                      return configured.error();
                  QJsonArray list;
                  for (const notifications::Channel channel : notifications::allChannels()) {
                      if (channel != notifications::Channel::InApp)
                          list.append(
                              channelConfigurationJson(configuredOrDefault(*configured, channel)));
                  }
                  return Answer { { { QStringLiteral("channels"), list } } };
              });
          });

    serve({ Method::Put,
            QStringLiteral("/api/v1/admin/notifications/channels/{channel}"),
            tr("Changes a channel: on or off, settings and secrets by key (null removes one); "
               "enabled only when it can send as configured; every server takes it within "
               "seconds. Secrets are sealed and never answered"),
            Access::Permitted,
            Permission::NotificationsAdmin,
            QStringLiteral("NotificationChannelChange"),
            QStringLiteral("NotificationChannel"),
            200,
            { core::ErrorCode::NotFound } },
          [this](const QString &name, const Principal &principal, const QHttpServerRequest &request,
                 const Later &reply) {
              const std::optional<notifications::Channel> channel
                  = notifications::channelFromString(name);
              if (!channel || *channel == notifications::Channel::InApp)
                  return reply->fail(noSuchChannel(name));
              core::Result<QJsonObject> body = jsonBody(request);
              if (!body)
                  return reply->fail(body.error());
              core::Result<ChannelChange> change = channelChangeOf(*body);
              if (!change)
                  return reply->fail(change.error());
              if (!m_secretBox)
                  return reply->fail(core::makeError(core::ErrorCode::InternalError,
                                                     tr("The server has no secrets key.")));
              answerOffThread(
                  reply,
                  [channel = *channel, change = *change, box = *m_secretBox,
                   by = actorOf(principal)](Store &store) -> core::Result<Answer> {
                      core::Result<QList<NotificationChannelRecord>> configured
                          = store.notificationChannels();
                      if (!configured)
                          return configured.error();
                      core::Result<NotificationChannelRecord> record = applyChannelChange(
                          configuredOrDefault(*configured, channel), change, box);
                      if (!record)
                          return record.error();
                      const QString channelName = notifications::toString(channel);
                      // Audited as the users' changes are: the change, then its line (the
                      // audit chain takes a transaction of its own).
                      if (core::Result<void> saved = store.saveNotificationChannel(*record); !saved)
                          return saved.error();
                      if (core::Result<void> audited = store.appendAudit(
                              auditEntry(by, QStringLiteral("notification_channel_set"),
                                         channelName, change.auditDetail(*record)));
                          !audited)
                          return audited.error();
                      core::Result<QList<NotificationChannelRecord>> stored
                          = store.notificationChannels();
                      if (!stored)
                          return stored.error();
                      return Answer { channelConfigurationJson(
                          configuredOrDefault(*stored, channel)) };
                  });
          });

    serve({ Method::Get,
            QStringLiteral("/api/v1/admin/notifications/status"),
            tr("Each channel's queue (pending, being sent, in doubt, dead) and, per server, its "
               "circuit breaker, what it sent and failed, and its last failure"),
            Access::Permitted,
            Permission::NotificationsAdmin,
            {},
            QStringLiteral("NotificationStatus"),
            200 },
          [this](const Principal &, const QHttpServerRequest &, const Later &reply) {
              answerOffThread(reply, [](Store &store) -> core::Result<Answer> {
                  core::Result<QList<NotificationChannelRecord>> configured
                      = store.notificationChannels();
                  if (!configured)
                      return configured.error();
                  const auto depths = store.outboxDepths();
                  if (!depths)
                      return depths.error();
                  core::Result<QList<ChannelHealth>> health = store.channelHealth();
                  if (!health)
                      return health.error();
                  return Answer { { { QStringLiteral("channels"),
                                      channelStatusJson(*configured, *depths, *health) } } };
              });
          });

    serve({ Method::Get,
            QStringLiteral("/api/v1/admin/notifications/outbox"),
            tr("The outbox, newest first: every message of every notification on every channel, "
               "with its state, attempts and the provider's last words"),
            Access::Permitted,
            Permission::NotificationsAdmin,
            {},
            QStringLiteral("OutboxList"),
            200,
            {},
            { { QStringLiteral("state"), QStringLiteral("string"),
                tr("pending, sending, sent, in_doubt, dead, discarded or skipped") },
              { QStringLiteral("channel"), QStringLiteral("string"),
                tr("in_app, email, sms, telegram or whatsapp") },
              { QStringLiteral("notification"), QStringLiteral("string"),
                tr("only this notification's messages") },
              { QStringLiteral("before"), QStringLiteral("string"),
                tr("only ids below this one: next_before of the page before") },
              { QStringLiteral("limit"), QStringLiteral("integer"),
                tr("at most this many, 1-%1 (default 100)").arg(kMaxPage) } } },
          [this](const Principal &, const QHttpServerRequest &request, const Later &reply) {
              const QUrlQuery query = request.query();
              NotificationStore::OutboxQuery outbox;
              const QString state = query.queryItemValue(QStringLiteral("state"));
              const QString channel = query.queryItemValue(QStringLiteral("channel"));
              if (!state.isEmpty()) {
                  outbox.state = notifications::outboxStateFromString(state);
                  if (!outbox.state)
                      return reply->fail(badQuery(tr("state must be pending, sending, sent, "
                                                     "in_doubt, dead, discarded or skipped.")));
              }
              if (!channel.isEmpty()) {
                  outbox.channel = notifications::channelFromString(channel);
                  if (!outbox.channel)
                      return reply->fail(badQuery(tr("channel must be in_app, email, sms, "
                                                     "telegram or whatsapp.")));
              }
              bool ok = true, okBefore = true, okLimit = true;
              const QString notification = query.queryItemValue(QStringLiteral("notification"));
              const QString before = query.queryItemValue(QStringLiteral("before"));
              const QString limit = query.queryItemValue(QStringLiteral("limit"));
              outbox.notificationId = notification.isEmpty() ? 0 : notification.toLongLong(&ok);
              outbox.before = before.isEmpty() ? 0 : before.toLongLong(&okBefore);
              outbox.limit = limit.isEmpty() ? 100 : limit.toInt(&okLimit);
              if (!ok || !okBefore || !okLimit || outbox.notificationId < 0 || outbox.before < 0
                  || outbox.limit < 1 || outbox.limit > kMaxPage) {
                  return reply->fail(badQuery(tr("notification and before must be ids and limit a "
                                                 "number from 1 to %1.")
                                                  .arg(kMaxPage)));
              }
              answerOffThread(reply, [outbox](Store &store) -> core::Result<Answer> {
                  core::Result<QList<DeliveryRecord>> rows = store.deliveries(outbox);
                  if (!rows)
                      return rows.error();
                  QJsonArray list;
                  for (const DeliveryRecord &row : *rows)
                      list.append(deliveryJson(row));
                  const bool more = rows->size() == outbox.limit;
                  return Answer { { { QStringLiteral("deliveries"), list },
                                    { QStringLiteral("next_before"),
                                      more ? QJsonValue(QString::number(rows->constLast().id))
                                           : QJsonValue() } } };
              });
          });

    for (const bool retry : { true, false }) {
        serve({ Method::Post,
                retry ? QStringLiteral("/api/v1/admin/notifications/outbox/{id}/retry")
                      : QStringLiteral("/api/v1/admin/notifications/outbox/{id}/discard"),
                retry ? tr("Sends a dead letter or a message in doubt again (pending at once, "
                           "attempts from zero); audited")
                      : tr("Gives up on a dead letter or a message in doubt; audited"),
                Access::Permitted,
                Permission::NotificationsAdmin,
                {},
                QStringLiteral("OutboxDelivery"),
                200,
                { core::ErrorCode::NotFound, core::ErrorCode::DeliveryNotFailed } },
              [this, retry](const QString &id, const Principal &principal,
                            const QHttpServerRequest &, const Later &reply) {
                  answerOffThread(reply,
                                  [id, retry, by = actorOf(principal),
                                   now = m_orders.nowUtc()](Store &store) -> core::Result<Answer> {
                                      core::Result<QJsonObject> settled
                                          = settleDelivery(store, id, retry, by, now);
                                      if (!settled)
                                          return settled.error();
                                      return Answer { *settled };
                                  });
              });
    }
}

} // namespace qx::server
