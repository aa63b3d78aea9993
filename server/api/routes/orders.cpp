// The caller's trading: order entry, changes and cancels, orders, trades and positions.

#include "server/api/routing.h"

#include "core/protocol/objectreader.h"
#include "server/auth/permissions.h"
#include "server/cluster/cluster.h"

#include "core/delivery.h"
#include "server/storage/storereaders.h"

#include <QUrlQuery>

namespace qx::server {

using namespace rest;

namespace {

// A position as the trader reads it: net, energy, average, mark, P&L, and its months.
protocol::PositionSummary summarise(const OrderService::PositionReport &report)
{
    const core::Instrument &instrument = report.instrument;
    const core::Position &position = report.position;
    protocol::PositionSummary summary;
    summary.symbol = instrument.symbol;
    summary.commodity = instrument.commodity;
    summary.currency = instrument.currency;
    summary.quantity = position.net();
    summary.energy = position.energyVolume().value_or(core::Quantity());
    summary.energyUnit = core::energyUnit(instrument.unit);
    summary.averagePrice = position.averageOpenPrice();
    summary.markPrice = report.mark;
    summary.realisedPnl = position.realised();
    if (report.mark) {
        if (core::Result<core::Money> unrealised = position.unrealised(*report.mark))
            summary.unrealisedPnl = *unrealised;
    }
    if (auto months = core::exposureByMonth(instrument, position.net())) {
        for (const core::MonthExposure &month : *months) {
            summary.months.append(protocol::PositionMonth { month.month.code(), month.hours,
                                                            month.quantity, month.energy });
        }
    }
    return summary;
}

} // namespace

void HttpApi::addOrderRoutes()
{
    using Access = Route::Access;
    // The reply to an order command: the order, or the error.
    const auto orderReply = [](const Later &reply) {
        return [reply](core::Result<protocol::Order> order) {
            if (!order)
                return reply->fail(order.error());
            reply->send(order->toJson(), Status::Ok);
        };
    };
    // What order entry and changes may be refused with, beyond the request's shape.
    const QList<core::ErrorCode> orderRejections {
        core::ErrorCode::UnknownSymbol,
        core::ErrorCode::InstrumentExpired,
        core::ErrorCode::QuantityNotPositive,
        core::ErrorCode::QuantityOffLot,
        core::ErrorCode::PriceOffTick,
        core::ErrorCode::PriceBand,
        core::ErrorCode::MaxOrderQuantity,
        core::ErrorCode::InvalidExpiry,
        core::ErrorCode::LimitMaxOrderQuantity,
        core::ErrorCode::LimitMaxNotional,
        core::ErrorCode::LimitMaxPosition,
        core::ErrorCode::LimitCredit,
        core::ErrorCode::LimitCounterpartyCredit,
        core::ErrorCode::StorageUnavailable,
        core::ErrorCode::NotOwner,
        core::ErrorCode::BookMoved,
    };
    const QList<core::ErrorCode> orderChangeRejections = orderRejections
        + QList<core::ErrorCode> { core::ErrorCode::NotFound, core::ErrorCode::OrderNotLive,
                                   core::ErrorCode::NotModifiable,
                                   core::ErrorCode::QuantityBelowFilled };

    serve(
        { Method::Post, QStringLiteral("/api/v1/orders"),
          tr("Places an order; acknowledged once it is stored (200: a retry of one placed "
             "already, by client_order_id)"),
          Access::Permitted, Permission::OrdersWrite, QStringLiteral("NewOrder"),
          QStringLiteral("Order"), 201,
          orderRejections + QList<core::ErrorCode> { core::ErrorCode::DuplicateClientOrderId } },
        [this](const Principal &principal, const QHttpServerRequest &request, const Later &reply) {
            core::Result<QJsonObject> body = jsonBody(request);
            if (!body)
                return reply->fail(body.error());
            core::Result<protocol::NewOrder> order = protocol::NewOrder::fromJson(*body);
            if (!order)
                return reply->fail(order.error());
            if (const auto owner = ownerElsewhere(request, order->symbol)) {
                return reply->forward(*m_forwarder, *owner, "POST", request,
                                      QStringLiteral("/api/v1/orders"));
            }
            m_orders.place(principal, *order,
                           [reply](core::Result<OrderService::Placement> placed) {
                               if (!placed)
                                   return reply->fail(placed.error());
                               reply->send(placed->order.toJson(),
                                           placed->created ? Status::Created : Status::Ok);
                           });
        });

    // The caller's orders and trades: as many as storage holds, or from memory while it
    // cannot be reached (source: memory).
    const auto listingRoute = [this]<typename Item>(
                                  const QString &path, const QString &summary,
                                  const QString &schema, const QString &key,
                                  core::Result<QList<Item>> (TradingStore::*stored)(
                                      std::int64_t, std::int64_t, int),
                                  core::Result<OrderService::Listing<Item>> (OrderService::*listed)(
                                      core::Result<QList<Item>>, const Principal &,
                                      const OrderService::Page &)) {
        serve(
            { Method::Get,
              path,
              summary,
              Access::Permitted,
              Permission::AccountRead,
              {},
              schema,
              200,
              { core::ErrorCode::StorageUnavailable },
              { { QStringLiteral("before"), QStringLiteral("string"),
                  tr("only ids below this one: next_before of the page before") },
                { QStringLiteral("limit"), QStringLiteral("integer"),
                  tr("at most this many, 1-%1 (default %1)").arg(kMaxPage) } } },
            [this, key, stored, listed](const Principal &principal,
                                        const QHttpServerRequest &request, const Later &reply) {
                const QUrlQuery query = request.query();
                const QString beforeText = query.queryItemValue(QStringLiteral("before"));
                const QString limitText = query.queryItemValue(QStringLiteral("limit"));
                bool beforeOk = true, limitOk = true;
                OrderService::Page page;
                page.before = beforeText.isEmpty() ? 0 : beforeText.toLongLong(&beforeOk);
                page.limit = limitText.isEmpty() ? kMaxPage : limitText.toInt(&limitOk);
                if (!beforeOk || !limitOk || page.before < 0 || page.limit < 1
                    || page.limit > kMaxPage) {
                    return reply->fail(badQuery(
                        tr("before must be an id and limit a number from 1 to %1.").arg(kMaxPage)));
                }
                // The rows are read, and their answer written, on a reader thread, not on
                // the one that matches; only while storage is away is the page made here,
                // from memory.
                const std::int64_t userId = principal.userId;
                m_readers->template read<QByteArray>(
                    [userId, page, stored, key](Store &store) -> core::Result<QByteArray> {
                        core::Result<QList<Item>> rows
                            = (store.*stored)(userId, page.before, page.limit);
                        if (!rows)
                            return rows.error();
                        return listingBody(key,
                                           OrderService::storedPage(std::move(rows).value(), page));
                    },
                    this,
                    [this, reply, key, listed, principal, page](core::Result<QByteArray> body) {
                        if (body)
                            return reply->sendRaw(*body, int(Status::Ok));
                        core::Result<OrderService::Listing<Item>> listing
                            = (m_orders.*listed)(body.error(), principal, page);
                        if (!listing)
                            return reply->fail(listing.error());
                        reply->sendRaw(listingBody(key, *listing), int(Status::Ok));
                    });
            });
    };
    listingRoute(QStringLiteral("/api/v1/orders"), tr("The caller's orders"),
                 QStringLiteral("OrderList"), QStringLiteral("orders"), &Store::orders,
                 &OrderService::ordersFrom);

    serve({ Method::Get,
            QStringLiteral("/api/v1/orders/{id}"),
            tr("One of the caller's orders as it stands"),
            Access::Permitted,
            Permission::AccountRead,
            {},
            QStringLiteral("Order"),
            200,
            { core::ErrorCode::NotFound, core::ErrorCode::StorageUnavailable } },
          [this](const QString &orderId, const Principal &principal,
                 const QHttpServerRequest &request, const Later &reply) {
              // The server matching its book knows its latest state.
              if (const auto owner = orderElsewhere(request, orderId))
                  return reply->forward(*m_forwarder, *owner, "GET", request, request.url().path());
              const auto answer = [reply](const core::Result<protocol::Order> &order) {
                  if (!order)
                      return reply->fail(order.error());
                  reply->send(order->toJson(), Status::Ok);
              };
              if (std::optional<core::Result<protocol::Order>> known
                  = m_orders.orderInMemory(principal, orderId)) {
                  return answer(*known);
              }
              // An older order: read on a reader thread, not on the one that matches.
              m_readers->read<std::optional<StoredOrder>>(
                  [id = orderId.toLongLong()](Store &store) { return store.findOrder(id); }, this,
                  [answer, principal, orderId](core::Result<std::optional<StoredOrder>> stored) {
                      answer(OrderService::orderFrom(std::move(stored), principal, orderId));
                  });
          });

    serve({ Method::Delete,
            QStringLiteral("/api/v1/orders/{id}"),
            tr("Cancels one of the caller's orders"),
            Access::Permitted,
            Permission::OrdersWrite,
            {},
            QStringLiteral("Order"),
            200,
            orderChangeRejections },
          [this, orderReply](const QString &orderId, const Principal &principal,
                             const QHttpServerRequest &request, const Later &reply) {
              if (const auto owner = orderElsewhere(request, orderId)) {
                  return reply->forward(*m_forwarder, *owner, "DELETE", request,
                                        request.url().path());
              }
              m_orders.cancel(principal, orderId, orderReply(reply));
          });

    serve({ Method::Patch, QStringLiteral("/api/v1/orders/{id}"),
            tr("Changes the quantity or price of one of the caller's orders"), Access::Permitted,
            Permission::OrdersWrite, QStringLiteral("OrderModify"), QStringLiteral("Order"), 200,
            orderChangeRejections },
          [this, orderReply](const QString &orderId, const Principal &principal,
                             const QHttpServerRequest &request, const Later &reply) {
              core::Result<QJsonObject> body = jsonBody(request);
              if (!body)
                  return reply->fail(body.error());
              core::Result<protocol::OrderModify> change = protocol::OrderModify::fromJson(*body);
              if (!change)
                  return reply->fail(change.error());
              if (const auto owner = orderElsewhere(request, orderId)) {
                  return reply->forward(*m_forwarder, *owner, "PATCH", request,
                                        request.url().path());
              }
              m_orders.modify(principal, orderId, *change, orderReply(reply));
          });

    serve(
        { Method::Delete,
          QStringLiteral("/api/v1/orders"),
          tr("Cancels every live order of the caller, on every server of a cluster"),
          Access::Permitted,
          Permission::OrdersWrite,
          {},
          QStringLiteral("CancelledOrders"),
          200,
          { core::ErrorCode::StorageUnavailable, core::ErrorCode::BookMoved } },
        [this](const Principal &principal, const QHttpServerRequest &request, const Later &reply) {
            // Here, and in a cluster on every other server that owns books: one answer with
            // everything cancelled once all have answered.
            QList<QUrl> others;
            if (m_cluster && m_forwarder
                && request.value(Forwarder::kForwardedHeader.toByteArray()).isEmpty())
                others = m_cluster->otherOwners();
            struct Gathering
            {
                QJsonArray cancelled;
                qsizetype waiting = 0;
                std::optional<core::Error> error;
            };
            auto gathering = std::make_shared<Gathering>();
            gathering->waiting = others.size() + 1;
            const auto oneDone = [reply, gathering] {
                if (--gathering->waiting > 0)
                    return;
                if (gathering->error)
                    return reply->fail(*gathering->error);
                reply->send(QJsonObject { { QStringLiteral("cancelled"), gathering->cancelled } },
                            Status::Ok);
            };
            m_orders.cancelAll(
                principal, [gathering, oneDone](core::Result<QList<protocol::Order>> cancelled) {
                    if (cancelled) {
                        for (const protocol::Order &order : std::as_const(*cancelled))
                            gathering->cancelled.append(order.toJson());
                    } else {
                        gathering->error = cancelled.error();
                    }
                    oneDone();
                });
            for (const QUrl &other : std::as_const(others)) {
                m_forwarder->send(
                    other, "DELETE", QStringLiteral("/api/v1/orders"), {},
                    request.value("Authorization"), principal.source,
                    [gathering, oneDone](int status, const QByteArray &body) {
                        const QJsonObject json = QJsonDocument::fromJson(body).object();
                        if (status == 200) {
                            for (const QJsonValue &order : json.value(u"cancelled").toArray())
                                gathering->cancelled.append(order);
                        } else {
                            gathering->error = protocol::errorFromJson(json).value_or(
                                core::makeError(core::ErrorCode::StorageUnavailable,
                                                tr("A server did not answer.")));
                        }
                        oneDone();
                    });
            }
        });

    listingRoute(QStringLiteral("/api/v1/trades"), tr("The caller's trades (fills)"),
                 QStringLiteral("TradeList"), QStringLiteral("trades"), &Store::trades,
                 &OrderService::tradesFrom);

    serve(
        { Method::Get,
          QStringLiteral("/api/v1/positions"),
          tr("The caller's positions by instrument and delivery month, with P&L"),
          Access::Permitted,
          Permission::AccountRead,
          {},
          QStringLiteral("PositionReport"),
          200,
          { core::ErrorCode::StorageUnavailable },
          { { QStringLiteral("mark"), QStringLiteral("string"),
              tr("last (the last trade, the default) or settlement") } } },
        [this](const Principal &principal, const QHttpServerRequest &request, const Later &reply) {
            const QString markName = request.query().queryItemValue(QStringLiteral("mark"));
            if (!markName.isEmpty() && markName != u"last" && markName != u"settlement")
                return reply->fail(badQuery(tr("mark must be last or settlement.")));
            // Positions are in memory; settlement prices are read on a store reader.
            const auto answer
                = [this, principal, reply](const std::optional<OrderService::Settlements> &marks) {
                      QJsonArray positions;
                      QList<core::MarkedPosition> marked;
                      for (const OrderService::PositionReport &report :
                           m_orders.positions(principal, marks)) {
                          positions.append(summarise(report).toJson());
                          if (report.mark)
                              marked.append({ report.instrument, report.position, *report.mark });
                      }
                      // P&L per commodity and currency; currencies are never added together.
                      core::Result<QList<core::PnlTotal>> sums
                          = core::totalsByCommodityAndCurrency(marked);
                      if (!sums)
                          return reply->fail(sums.error());
                      QJsonArray totals;
                      for (const core::PnlTotal &total : *sums) {
                          totals.append(QJsonObject {
                              { QStringLiteral("commodity"), core::toString(total.commodity) },
                              { QStringLiteral("currency"), total.currency },
                              { QStringLiteral("realised_pnl"), total.realised.toString(2) },
                              { QStringLiteral("unrealised_pnl"), total.unrealised.toString(2) } });
                      }
                      reply->send(QJsonObject { { QStringLiteral("positions"), positions },
                                                { QStringLiteral("totals"), totals },
                                                { QStringLiteral("mark"),
                                                  marks ? QStringLiteral("settlement")
                                                        : QStringLiteral("last") } },
                                  Status::Ok);
                  };
            if (markName != u"settlement")
                return answer(std::nullopt);
            m_readers->read<OrderService::Settlements>(
                [](Store &store) { return store.latestSettlements(); }, this,
                [answer, reply](core::Result<OrderService::Settlements> settlements) {
                    if (!settlements)
                        return reply->fail(settlements.error());
                    answer(*settlements);
                });
        });
}

} // namespace qx::server
