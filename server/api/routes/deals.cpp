// Deals: the caller's bilateral trades, booked by hand or from a confirmation, and cancelled.

#include "server/api/routing.h"

#include "core/protocol/deals.h"
#include "server/auth/permissions.h"
#include "server/storage/storereaders.h"

#include <QUrlQuery>

namespace qx::server {

using namespace rest;

namespace {

// What a page of deals is asked for with: before, limit, status, symbol, document.
core::Result<DealStore::DealQuery> dealQuery(const QUrlQuery &query, int maxPage)
{
    const QString beforeText = query.queryItemValue(QStringLiteral("before"));
    const QString limitText = query.queryItemValue(QStringLiteral("limit"));
    const QString statusText = query.queryItemValue(QStringLiteral("status"));
    bool beforeOk = true, limitOk = true;
    DealStore::DealQuery deals;
    deals.before = beforeText.isEmpty() ? 0 : beforeText.toLongLong(&beforeOk);
    deals.limit = limitText.isEmpty() ? maxPage : limitText.toInt(&limitOk);
    if (!beforeOk || !limitOk || deals.before < 0 || deals.limit < 1 || deals.limit > maxPage) {
        return badQuery(
            HttpApi::tr("before must be an id and limit a number from 1 to %1.").arg(maxPage));
    }
    if (!statusText.isEmpty()) {
        deals.status = protocol::dealStatusFromString(statusText);
        if (!deals.status)
            return badQuery(HttpApi::tr("status must be live or cancelled."));
    }
    deals.symbol = query.queryItemValue(QStringLiteral("symbol"));
    deals.documentId = query.queryItemValue(QStringLiteral("document"));
    return deals;
}

} // namespace

void HttpApi::addDealRoutes()
{
    using Access = Route::Access;
    const auto dealReply = [](const Later &reply, Status status) {
        return [reply, status](core::Result<protocol::Deal> deal) {
            if (!deal)
                return reply->fail(deal.error());
            reply->send(deal->toJson(), status);
        };
    };

    serve(
        { Method::Get,
          QStringLiteral("/api/v1/deals"),
          tr("The caller's deals, newest first"),
          Access::Permitted,
          Permission::AccountRead,
          {},
          QStringLiteral("DealList"),
          200,
          {},
          { { QStringLiteral("before"), QStringLiteral("string"),
              tr("only ids below this one: next_before of the page before") },
            { QStringLiteral("limit"), QStringLiteral("integer"),
              tr("at most this many, 1-%1 (default %1)").arg(kMaxPage) },
            { QStringLiteral("status"), QStringLiteral("string"), tr("live or cancelled") },
            { QStringLiteral("symbol"), QStringLiteral("string"), tr("one instrument's") },
            { QStringLiteral("document"), QStringLiteral("string"),
              tr("those booked from this document") } } },
        [this](const Principal &principal, const QHttpServerRequest &request, const Later &reply) {
            core::Result<DealStore::DealQuery> query = dealQuery(request.query(), kMaxPage);
            if (!query)
                return reply->fail(query.error());
            query->userId = principal.userId;
            answerOffThread(reply, [query = *query](Store &store) -> core::Result<Answer> {
                core::Result<QList<DealRecord>> rows = store.deals(query);
                if (!rows)
                    return rows.error();
                QList<protocol::Deal> deals;
                for (const DealRecord &row : std::as_const(*rows))
                    deals.append(row.deal);
                return Answer { listingJson(
                    QStringLiteral("deals"),
                    OrderService::storedPage(std::move(deals), { query.before, query.limit })) };
            });
        });

    serve({ Method::Get,
            QStringLiteral("/api/v1/deals/{id}"),
            tr("One of the caller's deals"),
            Access::Permitted,
            Permission::AccountRead,
            {},
            QStringLiteral("Deal"),
            200,
            { core::ErrorCode::NotFound } },
          [this](const QString &dealId, const Principal &principal, const QHttpServerRequest &,
                 const Later &reply) {
              m_readers->read<std::optional<DealRecord>>(
                  [id = dealId.toLongLong()](Store &store) { return store.findDeal(id); }, this,
                  [reply, dealId,
                   userId = principal.userId](core::Result<std::optional<DealRecord>> found) {
                      if (!found)
                          return reply->fail(found.error());
                      if (!*found || (*found)->userId != userId) {
                          return reply->fail(
                              core::makeError(core::ErrorCode::NotFound,
                                              DealDesk::tr("You have no deal %1.").arg(dealId)));
                      }
                      reply->send((*found)->deal.toJson(), Status::Ok);
                  });
          });

    serve({ Method::Post,
            QStringLiteral("/api/v1/deals"),
            tr("Books a deal in the caller's position; answered once it is stored"),
            Access::Permitted,
            Permission::DealsBook,
            QStringLiteral("NewDeal"),
            QStringLiteral("Deal"),
            201,
            { core::ErrorCode::UnknownSymbol, core::ErrorCode::DocumentBooked } },
          [this, dealReply](const Principal &principal, const QHttpServerRequest &request,
                            const Later &reply) {
              core::Result<QJsonObject> body = jsonBody(request);
              if (!body)
                  return reply->fail(body.error());
              core::Result<protocol::NewDeal> deal = protocol::NewDeal::fromJson(*body);
              if (!deal)
                  return reply->fail(deal.error());
              m_orders.bookDeal(principal, *deal, {}, dealReply(reply, Status::Created));
          });

    serve({ Method::Post,
            QStringLiteral("/api/v1/deals/{id}/cancel"),
            tr("Cancels one of the caller's deals (a deal is never deleted)"),
            Access::Permitted,
            Permission::DealsBook,
            QStringLiteral("DealCancel"),
            QStringLiteral("Deal"),
            200,
            { core::ErrorCode::NotFound, core::ErrorCode::DealCancelled } },
          [this, dealReply](const QString &dealId, const Principal &principal,
                            const QHttpServerRequest &request, const Later &reply) {
              core::Result<QJsonObject> body = jsonBody(request);
              if (!body)
                  return reply->fail(body.error());
              core::Result<protocol::DealCancel> cancel = protocol::DealCancel::fromJson(*body);
              if (!cancel)
                  return reply->fail(cancel.error());
              m_orders.cancelDeal(principal, dealId, cancel->reason, dealReply(reply, Status::Ok));
          });
}

} // namespace qx::server
