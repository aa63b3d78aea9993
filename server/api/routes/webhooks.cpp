// The providers' webhooks: delivery reports pushed by Twilio (and, later, WhatsApp and
// Telegram). Public, but nothing is done for a call whose signature does not check out under
// the channel's secret: forged or unsigned calls are refused (403) and change nothing. A
// report only moves a message's status forward (queued → sent → delivered → read, or failed),
// so reports arriving late, twice or out of order do no harm.

#include "server/api/routing.h"

#include "core/notifications/templates.h"
#include "server/notifications/adminview.h"
#include "server/notifications/channels.h"
#include "server/notifications/webhooksignature.h"
#include "server/storage/storereaders.h"

#include <QCryptographicHash>
#include <QTimeZone>
#include <QUrlQuery>

namespace qx::server {

using namespace rest;
namespace notifications = core::notifications;

namespace {

core::Error refused()
{
    return core::makeError(core::ErrorCode::Forbidden,
                           HttpApi::tr("The webhook's signature does not check out."));
}

/// Twilio's MessageStatus as ours: nothing for those that say no more than "queued".
std::optional<notifications::DeliveryStatus> twilioStatus(const QString &status)
{
    if (status == u"sent")
        return notifications::DeliveryStatus::Sent;
    if (status == u"delivered")
        return notifications::DeliveryStatus::Delivered;
    if (status == u"read")
        return notifications::DeliveryStatus::Read;
    if (status == u"failed" || status == u"undelivered")
        return notifications::DeliveryStatus::Failed;
    return std::nullopt; // accepted, queued, sending, scheduled, ...
}

/// WhatsApp's status as ours.
std::optional<notifications::DeliveryStatus> whatsappStatus(const QString &status)
{
    if (status == u"sent")
        return notifications::DeliveryStatus::Sent;
    if (status == u"delivered")
        return notifications::DeliveryStatus::Delivered;
    if (status == u"read")
        return notifications::DeliveryStatus::Read;
    if (status == u"failed")
        return notifications::DeliveryStatus::Failed;
    return std::nullopt;
}

constexpr int kReengagement = 131047; ///< free text outside the 24-hour window

/// The channel's configuration and opened secrets, for a webhook of it.
struct Configured
{
    NotificationChannelRecord record;
    QJsonObject secrets;
};
core::Result<Configured> configured(Store &store, const SecretBox &box,
                                    notifications::Channel channel)
{
    core::Result<QList<NotificationChannelRecord>> records = store.notificationChannels();
    if (!records)
        return records.error();
    const NotificationChannelRecord record = configuredOrDefault(*records, channel);
    core::Result<QJsonObject> secrets
        = box.openObject(record.sealedSecrets, secretContext(channel));
    if (!secrets)
        return secrets.error();
    return Configured { record, *secrets };
}

/// The items of one kind ("statuses", "messages") a WhatsApp webhook call carries, from every
/// entry's every change.
QList<QJsonObject> whatsappItems(const QJsonObject &report, const QString &kind)
{
    QList<QJsonObject> items;
    for (const QJsonValue &entry : report.value(QStringLiteral("entry")).toArray()) {
        for (const QJsonValue &change :
             entry.toObject().value(QStringLiteral("changes")).toArray()) {
            const QJsonObject value = change.toObject().value(QStringLiteral("value")).toObject();
            for (const QJsonValue &item : value.value(kind).toArray())
                items.append(item.toObject());
        }
    }
    return items;
}

/// A message's status as WhatsApp reports it: whether it named a message of ours. A late
/// 131047 failure of free text makes the message pending again, as the template.
core::Result<bool> applyWhatsAppStatus(Store &store, const QJsonObject &status,
                                       const QDateTime &now)
{
    const QString id = status.value(QStringLiteral("id")).toString();
    const auto reported = whatsappStatus(status.value(QStringLiteral("status")).toString());
    if (id.isEmpty() || !reported)
        return false;
    const QJsonObject error = status.value(QStringLiteral("errors")).toArray().first().toObject();
    const int code = error.value(QStringLiteral("code")).toInt();
    if (*reported == notifications::DeliveryStatus::Failed && code == kReengagement) {
        core::Result<bool> again = store.resendDelivery(notifications::Channel::WhatsApp, id, now);
        if (!again || *again)
            return again;
    }
    const QString why = error.isEmpty()
        ? QString()
        : QStringLiteral("WhatsApp error %1: %2")
              .arg(code)
              .arg(error.value(QStringLiteral("title")).toString().left(300));
    return store.reportDeliveryStatus(notifications::Channel::WhatsApp, id, *reported, why, now);
}

/// What one WhatsApp webhook call reports: statuses of messages sent, and messages users
/// wrote (which open their 24-hour window). Whether any status named a message of ours.
core::Result<bool> applyWhatsAppReport(Store &store, const QJsonObject &report,
                                       const QDateTime &now)
{
    bool known = false;
    for (const QJsonObject &status : whatsappItems(report, QStringLiteral("statuses"))) {
        core::Result<bool> applied = applyWhatsAppStatus(store, status, now);
        if (!applied)
            return applied.error();
        known = known || *applied;
    }
    for (const QJsonObject &message : whatsappItems(report, QStringLiteral("messages"))) {
        const QString from = message.value(QStringLiteral("from")).toString();
        bool ok = false;
        const qint64 seconds
            = message.value(QStringLiteral("timestamp")).toString().toLongLong(&ok);
        if (from.isEmpty() || !ok)
            continue;
        // Never later than now: a clock ahead must not hold the window open.
        const QDateTime at = std::min(QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC), now);
        if (core::Result<std::int64_t> opened = store.recordWhatsAppInbound(u'+' + from, at);
            !opened)
            return opened.error();
    }
    return known;
}

QString parameter(const QList<std::pair<QString, QString>> &parameters, const QString &name)
{
    for (const auto &[key, value] : parameters) {
        if (key == name)
            return value;
    }
    return {};
}

} // namespace

void HttpApi::addWebhookRoutes()
{
    serve({ Method::Post,
            QStringLiteral("/api/v1/webhooks/twilio/status"),
            tr("Twilio's StatusCallback for an SMS: checked against X-Twilio-Signature (the "
               "SMS channel's auth token over its status_callback_url); moves the message's "
               "status forward only"),
            Route::Access::Public,
            {},
            QStringLiteral("application/x-www-form-urlencoded"),
            QStringLiteral("WebhookReceipt"),
            200,
            { core::ErrorCode::Forbidden } },
          [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
              auto reply
                  = std::make_shared<LaterReply>(std::move(responder), responseHeaders(request));
              if (request.body().size() > kMaxBodyBytes || !m_secretBox)
                  return reply->fail(refused());
              const QList<std::pair<QString, QString>> parameters = formParameters(request.body());
              const QByteArray signature = request.value("X-Twilio-Signature");
              answerOffThread(
                  reply,
                  [parameters, signature, box = *m_secretBox,
                   now = m_orders.nowUtc()](Store &store) -> core::Result<Answer> {
                      core::Result<Configured> sms
                          = configured(store, box, notifications::Channel::Sms);
                      const QString url = sms
                          ? sms->record.settings.value(QStringLiteral("status_callback_url"))
                                .toString()
                          : QString();
                      if (!sms || url.isEmpty()
                          || !twilioSignatureValid(
                              url, parameters,
                              sms->secrets.value(QStringLiteral("auth_token")).toString().toUtf8(),
                              signature)) {
                          return refused();
                      }
                      const QString sid = parameter(parameters, QStringLiteral("MessageSid"));
                      const auto status
                          = twilioStatus(parameter(parameters, QStringLiteral("MessageStatus")));
                      bool known = false;
                      if (!sid.isEmpty() && status) {
                          const QString code = parameter(parameters, QStringLiteral("ErrorCode"));
                          const QString error = code.isEmpty()
                              ? QString()
                              : QStringLiteral("Twilio error %1 (%2)")
                                    .arg(code,
                                         parameter(parameters, QStringLiteral("MessageStatus")));
                          core::Result<bool> reported = store.reportDeliveryStatus(
                              notifications::Channel::Sms, sid, *status, error, now);
                          if (!reported)
                              return reported.error();
                          known = *reported;
                      }
                      return Answer { { { QStringLiteral("received"), true },
                                        { QStringLiteral("known"), known } } };
                  });
          });

    serve({ Method::Post,
            QStringLiteral("/api/v1/webhooks/telegram"),
            tr("The Telegram bot's webhook (setWebhook with secret_token): taken only with the "
               "channel's webhook_secret in X-Telegram-Bot-Api-Secret-Token; \"/start TOKEN\" "
               "from a one-time link binds the chat to the link's user, answered in the chat"),
            Route::Access::Public,
            {},
            QStringLiteral("application/json"),
            QStringLiteral("TelegramWebhookAnswer"),
            200,
            { core::ErrorCode::Forbidden } },
          [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
              auto reply
                  = std::make_shared<LaterReply>(std::move(responder), responseHeaders(request));
              if (request.body().size() > kMaxBodyBytes || !m_secretBox)
                  return reply->fail(refused());
              const QByteArray body = request.body();
              const QByteArray secret = request.value("X-Telegram-Bot-Api-Secret-Token");
              answerOffThread(
                  reply,
                  [body, secret, box = *m_secretBox,
                   now = m_orders.nowUtc()](Store &store) -> core::Result<Answer> {
                      core::Result<Configured> telegram
                          = configured(store, box, notifications::Channel::Telegram);
                      const QByteArray expected = telegram
                          ? telegram->secrets.value(QStringLiteral("webhook_secret"))
                                .toString()
                                .toUtf8()
                          : QByteArray();
                      if (expected.isEmpty() || !sameSecret(expected, secret))
                          return refused();
                      core::Result<QJsonObject> update
                          = protocol::parseObject(body, core::ErrorCode::MalformedJson);
                      if (!update)
                          return update.error();
                      const QJsonObject message
                          = update->value(QStringLiteral("message")).toObject();
                      const QString text = message.value(QStringLiteral("text")).toString();
                      const QJsonValue chatId = message.value(QStringLiteral("chat"))
                                                    .toObject()
                                                    .value(QStringLiteral("id"));
                      if (!text.startsWith(u"/start ") || !chatId.isDouble())
                          return Answer { QJsonObject() }; // nothing for the bot to do
                      const QString chat = QString::number(chatId.toInteger());
                      const QString hash = QString::fromLatin1(
                          QCryptographicHash::hash(text.mid(7).trimmed().toUtf8(),
                                                   QCryptographicHash::Sha256)
                              .toHex());
                      core::Result<std::optional<std::int64_t>> user
                          = store.useTelegramLink(hash, chat, now);
                      if (!user)
                          return user.error();
                      QString language = QStringLiteral("en");
                      if (*user) {
                          core::Result<NotificationContact> contact
                              = store.notificationContact(**user);
                          if (contact)
                              language = contact->language;
                      }
                      const notifications::Templates templates
                          = notifications::templatesFor(language, QTimeZone::utc());
                      // Answered in the webhook's reply: Telegram makes the call itself.
                      return Answer { { { QStringLiteral("method"), QStringLiteral("sendMessage") },
                                        { QStringLiteral("chat_id"), chatId },
                                        { QStringLiteral("text"),
                                          *user ? templates.telegramLinked()
                                                : templates.telegramLinkRefused() } } };
                  });
          });

    serve(
        { Method::Get,
          QStringLiteral("/api/v1/webhooks/whatsapp"),
          tr("Meta's subscription check for the WhatsApp webhook: answers hub.challenge when "
             "hub.verify_token is the channel's verify_token"),
          Route::Access::Public,
          {},
          {},
          QStringLiteral("text/plain"),
          200,
          { core::ErrorCode::Forbidden },
          { { QStringLiteral("hub.mode"), QStringLiteral("string"), tr("subscribe") },
            { QStringLiteral("hub.verify_token"), QStringLiteral("string"),
              tr("the channel's verify_token") },
            { QStringLiteral("hub.challenge"), QStringLiteral("string"), tr("what to answer") } } },
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            auto reply
                = std::make_shared<LaterReply>(std::move(responder), responseHeaders(request));
            if (!m_secretBox)
                return reply->fail(refused());
            const QUrlQuery query = request.query();
            const QString mode = query.queryItemValue(QStringLiteral("hub.mode"));
            const QByteArray token
                = query.queryItemValue(QStringLiteral("hub.verify_token"), QUrl::FullyDecoded)
                      .toUtf8();
            const QByteArray challenge
                = query.queryItemValue(QStringLiteral("hub.challenge"), QUrl::FullyDecoded)
                      .toUtf8();
            m_readers->read<QByteArray>(
                [box = *m_secretBox](Store &store) -> core::Result<QByteArray> {
                    core::Result<Configured> whatsapp
                        = configured(store, box, notifications::Channel::WhatsApp);
                    if (!whatsapp)
                        return whatsapp.error();
                    return whatsapp->secrets.value(QStringLiteral("verify_token"))
                        .toString()
                        .toUtf8();
                },
                this,
                [reply, mode, token, challenge](core::Result<QByteArray> expected) {
                    if (!expected || expected->isEmpty() || mode != u"subscribe"
                        || !sameSecret(*expected, token) || challenge.isEmpty()
                        || challenge.size() > 256)
                        return reply->fail(refused());
                    reply->sendBytes("text/plain", challenge, 200);
                });
        });

    serve({ Method::Post,
            QStringLiteral("/api/v1/webhooks/whatsapp"),
            tr("The WhatsApp Cloud API's webhook: checked against X-Hub-Signature-256 (the "
               "channel's app secret over the body); statuses move messages forward only (a "
               "131047 failure of free text sends it again as the template), and messages "
               "users write open their 24-hour window"),
            Route::Access::Public,
            {},
            QStringLiteral("application/json"),
            QStringLiteral("WebhookReceipt"),
            200,
            { core::ErrorCode::Forbidden } },
          [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
              auto reply
                  = std::make_shared<LaterReply>(std::move(responder), responseHeaders(request));
              if (request.body().size() > kMaxBodyBytes || !m_secretBox)
                  return reply->fail(refused());
              const QByteArray body = request.body();
              const QByteArray signature = request.value("X-Hub-Signature-256");
              answerOffThread(reply,
                              [body, signature, box = *m_secretBox,
                               now = m_orders.nowUtc()](Store &store) -> core::Result<Answer> {
                                  core::Result<Configured> whatsapp
                                      = configured(store, box, notifications::Channel::WhatsApp);
                                  if (!whatsapp
                                      || !metaSignatureValid(
                                          body,
                                          whatsapp->secrets.value(QStringLiteral("app_secret"))
                                              .toString()
                                              .toUtf8(),
                                          signature))
                                      return refused();
                                  // Signed: only now is the body read (parseObject refuses deep
                                  // nesting).
                                  core::Result<QJsonObject> report
                                      = protocol::parseObject(body, core::ErrorCode::MalformedJson);
                                  if (!report)
                                      return report.error();
                                  core::Result<bool> known
                                      = applyWhatsAppReport(store, *report, now);
                                  if (!known)
                                      return known.error();
                                  return Answer { { { QStringLiteral("received"), true },
                                                    { QStringLiteral("known"), *known } } };
                              });
          });
}

} // namespace qx::server
