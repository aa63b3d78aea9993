// The providers' webhooks: delivery reports pushed by Twilio (and, later, WhatsApp and
// Telegram). Public, but nothing is done for a call whose signature does not check out under
// the channel's secret: forged or unsigned calls are refused (403) and change nothing. A
// report only moves a message's status forward (queued → sent → delivered → read, or failed),
// so reports arriving late, twice or out of order do no harm.

#include "server/api/routing.h"

#include "server/notifications/adminview.h"
#include "server/notifications/channels.h"
#include "server/notifications/webhooksignature.h"
#include "server/storage/storereaders.h"

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
                      core::Result<QList<NotificationChannelRecord>> configured
                          = store.notificationChannels();
                      if (!configured)
                          return configured.error();
                      const NotificationChannelRecord sms
                          = configuredOrDefault(*configured, notifications::Channel::Sms);
                      core::Result<QJsonObject> secrets
                          = box.openObject(sms.sealedSecrets, secretContext(sms.channel));
                      const QString url
                          = sms.settings.value(QStringLiteral("status_callback_url")).toString();
                      if (!secrets || url.isEmpty()
                          || !twilioSignatureValid(
                              url, parameters,
                              secrets->value(QStringLiteral("auth_token")).toString().toUtf8(),
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
}

} // namespace qx::server
