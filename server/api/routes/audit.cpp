// The audit log: its entries, the verification of its chain, and the order audit trail.

#include "server/api/routing.h"

#include "core/protocol/objectreader.h"
#include "server/auth/permissions.h"

#include <QUrlQuery>

namespace qx::server {

using namespace rest;

void HttpApi::addAuditRoutes()
{
    using Access = Route::Access;
    serve(
        { Method::Get,
          QStringLiteral("/api/v1/admin/audit"),
          tr("The audit log, oldest first, a page at a time"),
          Access::Permitted,
          Permission::AuditRead,
          {},
          QStringLiteral("AuditEntryList"),
          200,
          { core::ErrorCode::StorageUnavailable },
          { { QStringLiteral("after"), QStringLiteral("integer"),
              tr("only entries after this id (default 0); next_after of the last page") },
            { QStringLiteral("limit"), QStringLiteral("integer"),
              tr("at most this many, 1-%1 (default 100)").arg(kMaxPage) } } },
        [this](const Principal &, const QHttpServerRequest &request, const Later &reply) {
            const QUrlQuery query = request.query();
            bool afterOk = true, limitOk = true;
            const QString afterText = query.queryItemValue(QStringLiteral("after"));
            const QString limitText = query.queryItemValue(QStringLiteral("limit"));
            const qint64 after = afterText.isEmpty() ? 0 : afterText.toLongLong(&afterOk);
            const int limit = limitText.isEmpty() ? 100 : limitText.toInt(&limitOk);
            if (!afterOk || !limitOk || after < 0 || limit < 1 || limit > kMaxPage) {
                return reply->fail(badQuery(
                    tr("after must be a whole number and limit one from 1 to %1.").arg(kMaxPage)));
            }
            answerOffThread(reply, [after, limit](Store &store) -> core::Result<Answer> {
                core::Result<QList<AuditEntry>> entries = store.auditEntries(after, limit);
                if (!entries)
                    return entries.error();
                QJsonArray list;
                for (const AuditEntry &entry : std::as_const(*entries))
                    list.append(toJson(entry));
                return Answer { QJsonObject {
                    { QStringLiteral("entries"), list },
                    { QStringLiteral("next_after"),
                      qint64(entries->isEmpty() ? after : entries->constLast().id) } } };
            });
        });

    serve({ Method::Get,
            QStringLiteral("/api/v1/admin/audit/verify"),
            tr("Recomputes the audit log's hash chains (administration and trading): intact, "
               "or the first entry that is not"),
            Access::Permitted,
            Permission::AuditRead,
            {},
            QStringLiteral("AuditVerification"),
            200,
            { core::ErrorCode::StorageUnavailable } },
          [this](const Principal &, const QHttpServerRequest &, const Later &reply) {
              // The chains are walked on a store reader: this can take seconds on a long log.
              answerOffThread(reply, [](Store &store) -> core::Result<Answer> {
                  core::Result<std::optional<std::int64_t>> broken = store.verifyAudit();
                  if (!broken)
                      return broken.error();
                  core::Result<std::optional<QString>> ordersBroken = store.verifyOrderAudit();
                  if (!ordersBroken)
                      return ordersBroken.error();
                  return Answer { QJsonObject {
                      { QStringLiteral("intact"),
                        !broken->has_value() && !ordersBroken->has_value() },
                      { QStringLiteral("first_broken"),
                        *broken ? QJsonValue(qint64(**broken)) : QJsonValue() },
                      { QStringLiteral("orders_first_broken"),
                        *ordersBroken ? QJsonValue(**ordersBroken) : QJsonValue() } } };
              });
          });

    // Orders and cancels, as the trading writers chained them, by time and optionally by
    // order or user.
    serve({ Method::Get,
            QStringLiteral("/api/v1/admin/audit/orders"),
            tr("Trading commands (orders placed, changed, cancelled) by time, user and order"),
            Access::Permitted,
            Permission::AuditRead,
            {},
            QStringLiteral("OrderAuditList"),
            200,
            { core::ErrorCode::StorageUnavailable },
            { { QStringLiteral("from"), QStringLiteral("string"),
                tr("ISO 8601 start (default: an hour before to)") },
              { QStringLiteral("to"), QStringLiteral("string"), tr("ISO 8601 end (default: now)") },
              { QStringLiteral("order_id"), QStringLiteral("string"), tr("only this order") },
              { QStringLiteral("user"), QStringLiteral("string"), tr("only this user") },
              { QStringLiteral("limit"), QStringLiteral("integer"),
                tr("at most this many, 1-%1 (default 100)").arg(kMaxPage) } } },
          [this](const Principal &, const QHttpServerRequest &request, const Later &reply) {
              const QUrlQuery query = request.query();
              const QString fromText = query.queryItemValue(QStringLiteral("from"));
              const QString toText = query.queryItemValue(QStringLiteral("to"));
              const QString limitText = query.queryItemValue(QStringLiteral("limit"));
              const QDateTime to
                  = toText.isEmpty() ? m_orders.nowUtc() : protocol::fromWireTime(toText);
              const QDateTime from
                  = fromText.isEmpty() ? to.addSecs(-3600) : protocol::fromWireTime(fromText);
              bool limitOk = true;
              const int limit = limitText.isEmpty() ? 100 : limitText.toInt(&limitOk);
              if (!from.isValid() || !to.isValid() || from > to || !limitOk || limit < 1
                  || limit > kMaxPage) {
                  return reply->fail(
                      badQuery(tr("from and to must be ISO 8601 times, from not after to, and "
                                  "limit from 1 to %1.")
                                   .arg(kMaxPage)));
              }
              const Store::OrderAuditQuery wanted {
                  from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch(), limit,
                  query.queryItemValue(QStringLiteral("order_id")),
                  query.queryItemValue(QStringLiteral("user"))
              };
              answerOffThread(reply, [wanted](Store &store) -> core::Result<Answer> {
                  core::Result<QList<AuditEntry>> entries = store.orderAudit(wanted);
                  if (!entries)
                      return entries.error();
                  QJsonArray list;
                  for (const AuditEntry &entry : std::as_const(*entries)) {
                      list.append(
                          QJsonObject { { QStringLiteral("at"), protocol::toWireTime(entry.at) },
                                        { QStringLiteral("user"), entry.actor },
                                        { QStringLiteral("source"), entry.source },
                                        { QStringLiteral("action"), entry.action },
                                        { QStringLiteral("order_id"), entry.target },
                                        { QStringLiteral("detail"), entry.detail } });
                  }
                  return Answer { QJsonObject { { QStringLiteral("entries"), list } } };
              });
          });
}

} // namespace qx::server
