// Reference and market data: instruments, books, candles, and a book's state hash.

#include "server/api/routing.h"

#include "core/protocol/objectreader.h"
#include "server/auth/permissions.h"
#include "server/cluster/cluster.h"

#include "core/delivery.h"

namespace qx::server {

using namespace rest;

void HttpApi::addMarketRoutes()
{
    using Access = Route::Access;

    serve({ Method::Get,
            QStringLiteral("/api/v1/instruments"),
            tr("The instruments that can be traded now, in board order"),
            Access::Permitted,
            Permission::MarketRead,
            {},
            QStringLiteral("InstrumentList"),
            200,
            {},
            { { QStringLiteral("expired"), QStringLiteral("boolean"),
                tr("true: those whose trading has ended too (default false)") } } },
          [this](const Principal &, const QHttpServerRequest &request) {
              const QString expired = request.query().queryItemValue(QStringLiteral("expired"));
              if (!expired.isEmpty() && expired != u"true" && expired != u"false")
                  return errorResponse(badQuery(tr("expired must be true or false.")));
              return QHttpServerResponse(QJsonObject {
                  { QStringLiteral("instruments"),
                    toJsonArray(m_orders.instruments(m_orders.nowUtc(), expired == u"true")) } });
          });
    serve({ Method::Get,
            QStringLiteral("/api/v1/instruments/{symbol}"),
            tr("One instrument, tradable or expired"),
            Access::Permitted,
            Permission::MarketRead,
            {},
            QStringLiteral("Instrument"),
            200,
            { core::ErrorCode::NotFound } },
          [this](const QString &symbol, const Principal &, const QHttpServerRequest &) {
              const std::optional<core::Instrument> instrument = m_orders.instrument(symbol);
              if (!instrument) {
                  return errorResponse(core::makeError(
                      core::ErrorCode::NotFound, tr("No instrument %1.").arg(symbol.left(64))));
              }
              return QHttpServerResponse(protocol::toJson(*instrument));
          });

    serve({ Method::Get,
            QStringLiteral("/api/v1/markets/{symbol}/book"),
            tr("An instrument's order book, aggregated by price"),
            Access::Permitted,
            Permission::MarketRead,
            {},
            QStringLiteral("BookSnapshot"),
            200,
            { core::ErrorCode::UnknownSymbol, core::ErrorCode::StorageUnavailable },
            { { QStringLiteral("depth"), QStringLiteral("integer"),
                tr("price levels a side, 1-100 (default 10)") } } },
          [this](const QString &symbol, const Principal &, const QHttpServerRequest &request,
                 const Later &reply) {
              const QString text = request.query().queryItemValue(QStringLiteral("depth"));
              bool numeric = true;
              const int depth = text.isEmpty() ? 10 : text.toInt(&numeric);
              if (!numeric || depth < 1 || depth > 100)
                  return reply->fail(badQuery(tr("depth must be a number from 1 to 100.")));
              // Only the owner's book is current.
              if (const auto owner = ownerElsewhere(request, symbol))
                  return reply->forward(*m_forwarder, *owner, "GET", request, request.url().path());
              core::Result<protocol::BookSnapshot> book = m_orders.book(symbol, depth);
              if (!book)
                  return reply->fail(book.error());
              reply->send(book->toJson(), Status::Ok);
          });

    serve({ Method::Get,
            QStringLiteral("/api/v1/markets/{symbol}/candles"),
            tr("An instrument's candles (open, high, low, close, volume)"),
            Access::Permitted,
            Permission::MarketRead,
            {},
            QStringLiteral("CandleList"),
            200,
            { core::ErrorCode::UnknownSymbol },
            { { QStringLiteral("interval"), QStringLiteral("string"), tr("1m, 5m, 1h or 1d") },
              { QStringLiteral("from"), QStringLiteral("string"),
                tr("ISO 8601 start (default: a day before to)") },
              { QStringLiteral("to"), QStringLiteral("string"),
                tr("ISO 8601 end (default: now)") } } },
          [this](const QString &symbol, const Principal &, const QHttpServerRequest &request) {
              const QUrlQuery query = request.query();
              const std::optional<core::CandleInterval> interval = core::candleIntervalFromString(
                  query.queryItemValue(QStringLiteral("interval")));
              if (!interval)
                  return errorResponse(badQuery(tr("interval must be 1m, 5m, 1h or 1d.")));
              const QDateTime now = m_orders.nowUtc();
              const QString fromText = query.queryItemValue(QStringLiteral("from"));
              const QString toText = query.queryItemValue(QStringLiteral("to"));
              const QDateTime to
                  = toText.isEmpty() ? now.addSecs(60) : protocol::fromWireTime(toText);
              const QDateTime from
                  = fromText.isEmpty() ? to.addDays(-1) : protocol::fromWireTime(fromText);
              if (!from.isValid() || !to.isValid() || from >= to) {
                  return errorResponse(
                      badQuery(tr("from and to must be ISO 8601 times with from before to.")));
              }
              core::Result<QList<core::Candle>> candles = m_orders.candles(
                  symbol, *interval, from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch());
              if (!candles)
                  return errorResponse(candles.error());
              QJsonArray list;
              for (const core::Candle &candle : *candles)
                  list.append(protocol::toJson(candle));
              return QHttpServerResponse(
                  QJsonObject { { QStringLiteral("symbol"), symbol },
                                { QStringLiteral("interval"), core::toString(*interval) },
                                { QStringLiteral("candles"), list } });
          });

    // For admins checking a recovery: the book's state hash, as logged at start.
    serve({ Method::Get,
            QStringLiteral("/api/v1/admin/books/{symbol}/hash"),
            tr("A book's state hash, as logged at start (checking a recovery)"),
            Access::Permitted,
            Permission::BooksAudit,
            {},
            QStringLiteral("BookHash"),
            200,
            { core::ErrorCode::UnknownSymbol, core::ErrorCode::NotOwner } },
          [this](const QString &symbol, const Principal &, const QHttpServerRequest &) {
              core::Result<OrderService::BookFingerprint> book = m_orders.fingerprint(symbol);
              if (!book)
                  return errorResponse(book.error());
              return QHttpServerResponse(
                  QJsonObject { { QStringLiteral("symbol"), book->symbol },
                                { QStringLiteral("hash"),
                                  QStringLiteral("%1").arg(book->hash, 16, 16, QLatin1Char('0')) },
                                { QStringLiteral("orders"), qint64(book->orders) },
                                { QStringLiteral("sequence"), qint64(book->sequence) } });
          });
}

} // namespace qx::server
