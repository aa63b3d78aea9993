// Risk administration: traders' pre-trade limits and counterparties' credit lines, changed
// through RiskAdmin as the command line changes them, audited, on a store reader.

#include "server/api/routing.h"

#include "core/protocol/objectreader.h"
#include "server/auth/permissions.h"
#include "server/trading/orderservice.h"
#include "server/trading/pretraderisk.h"
#include "server/trading/riskadmin.h"

namespace qx::server {

using namespace rest;

namespace {

/// A limit of a JSON body: absent keeps it, null removes it, else a positive decimal string
/// (a problem is left in `reader`, for finish()).
template<typename T>
void readEdit(protocol::ObjectReader &reader, const QJsonObject &body, const QString &key,
              RiskAdmin::Edit<T> &edit)
{
    if (!body.contains(key))
        return;
    if (!reader.has(key)) { // null, read as such
        edit = std::optional<T>();
        return;
    }
    const T value = reader.template decimal<T>(key);
    if (!value.isPositive())
        return reader.reject(key, QStringLiteral("must be positive, or null for no limit"));
    edit = std::optional<T>(value);
}

/// The risk settings as storage holds them right after a change, read beside it on the store
/// reader (none if that read failed, said in the log: the settings poll then brings them).
using Settings = std::optional<PreTradeRisk::Settings>;

Settings readSettings(Store &store)
{
    core::Result<std::optional<PreTradeRisk::Settings>> read = PreTradeRisk::read(store, 0);
    if (!read) {
        qWarning().noquote() << "Cannot read the risk settings back after a change (in force "
                                "at the next settings poll):"
                             << read.error().message;
        return std::nullopt;
    }
    return std::move(*read);
}

} // namespace

void HttpApi::addRiskRoutes()
{
    using Access = Route::Access;
    // Run on this thread before the answer goes out: the next order is checked against the
    // settings the change produced, not those of the last poll.
    const auto inForceHere = [this](std::shared_ptr<Settings> settings) {
        return [this, settings = std::move(settings)] {
            if (*settings)
                m_orders.adoptSettings(std::move(**settings));
        };
    };

    serve({ Method::Get,
            QStringLiteral("/api/v1/admin/limits/{username}"),
            tr("A trader's pre-trade limits, a product each"),
            Access::Permitted,
            Permission::RiskAdmin,
            {},
            QStringLiteral("RiskLimitsList"),
            200,
            { core::ErrorCode::NotFound, core::ErrorCode::StorageUnavailable } },
          [this](const QString &username, const Principal &, const QHttpServerRequest &,
                 const Later &reply) {
              answerOffThread(reply, [username](Store &store) -> core::Result<Answer> {
                  core::Result<QList<RiskLimits>> limits = RiskAdmin(store).limits(username);
                  if (!limits)
                      return limits.error();
                  QJsonArray list;
                  for (const RiskLimits &limit : std::as_const(*limits))
                      list.append(RiskAdmin::toJson(limit));
                  return Answer { QJsonObject { { QStringLiteral("username"), username },
                                                { QStringLiteral("limits"), list } } };
              });
          });

    serve({ Method::Patch,
            QStringLiteral("/api/v1/admin/limits/{username}"),
            tr("Changes a trader's limits in one product (absent keeps a limit, null removes "
               "it); audited, in force on this server when answered and on every other "
               "within the settings poll"),
            Access::Permitted,
            Permission::RiskAdmin,
            QStringLiteral("RiskLimitsChange"),
            QStringLiteral("RiskLimits"),
            200,
            { core::ErrorCode::NotFound, core::ErrorCode::StorageUnavailable } },
          [this, inForceHere](const QString &username, const Principal &principal,
                              const QHttpServerRequest &request, const Later &reply) {
              core::Result<QJsonObject> body = jsonBody(request);
              if (!body)
                  return reply->fail(body.error());
              protocol::ObjectReader reader(*body);
              RiskAdmin::LimitsChange change;
              change.product = reader.string(QStringLiteral("product"));
              readEdit(reader, *body, QStringLiteral("max_order_quantity"),
                       change.maxOrderQuantity);
              readEdit(reader, *body, QStringLiteral("max_notional"), change.maxNotional);
              readEdit(reader, *body, QStringLiteral("max_position"), change.maxPosition);
              readEdit(reader, *body, QStringLiteral("credit_limit"), change.creditLimit);
              if (core::Result<void> read = reader.finish(); !read)
                  return reply->fail(read.error());
              auto settings = std::make_shared<Settings>();
              answerOffThread(
                  reply,
                  [by = actorOf(principal), username, change,
                   settings](Store &store) -> core::Result<Answer> {
                      core::Result<RiskLimits> saved
                          = RiskAdmin(store).setLimits(by, username, change);
                      if (!saved)
                          return saved.error();
                      *settings = readSettings(store);
                      return Answer { RiskAdmin::toJson(*saved) };
                  },
                  inForceHere(settings));
          });

    serve({ Method::Get,
            QStringLiteral("/api/v1/admin/credit"),
            tr("The counterparties' credit lines, with the users trading under each"),
            Access::Permitted,
            Permission::RiskAdmin,
            {},
            QStringLiteral("CreditLineList"),
            200,
            { core::ErrorCode::StorageUnavailable } },
          [this](const Principal &, const QHttpServerRequest &, const Later &reply) {
              answerOffThread(reply, [](Store &store) -> core::Result<Answer> {
                  core::Result<QList<RiskAdmin::Line>> lines = RiskAdmin(store).creditLines();
                  if (!lines)
                      return lines.error();
                  QJsonArray list;
                  for (const RiskAdmin::Line &line : std::as_const(*lines))
                      list.append(RiskAdmin::toJson(line));
                  return Answer { QJsonObject { { QStringLiteral("lines"), list } } };
              });
          });

    serve({ Method::Put,
            QStringLiteral("/api/v1/admin/credit/{counterparty}"),
            tr("Sets (or, with a null limit, removes) a counterparty's credit line in one "
               "currency; audited"),
            Access::Permitted,
            Permission::RiskAdmin,
            QStringLiteral("CreditLineChange"),
            QStringLiteral("CreditLineSet"),
            200,
            { core::ErrorCode::NotFound, core::ErrorCode::StorageUnavailable } },
          [this, inForceHere](const QString &counterparty, const Principal &principal,
                              const QHttpServerRequest &request, const Later &reply) {
              core::Result<QJsonObject> body = jsonBody(request);
              if (!body)
                  return reply->fail(body.error());
              protocol::ObjectReader reader(*body);
              const QString currency = reader.string(QStringLiteral("currency"));
              RiskAdmin::Edit<core::Money> limit;
              readEdit(reader, *body, QStringLiteral("limit"), limit);
              if (!body->contains(u"limit"))
                  reader.reject(QStringLiteral("limit"),
                                QStringLiteral("is required: an amount such as \"5000000\", or "
                                               "null to remove the line"));
              if (core::Result<void> read = reader.finish(); !read)
                  return reply->fail(read.error());
              auto settings = std::make_shared<Settings>();
              answerOffThread(
                  reply,
                  [by = actorOf(principal), counterparty, currency, line = *limit,
                   settings](Store &store) -> core::Result<Answer> {
                      if (core::Result<void> set
                          = RiskAdmin(store).setCreditLine(by, counterparty, currency, line);
                          !set)
                          return set.error();
                      *settings = readSettings(store);
                      return Answer { QJsonObject {
                          { QStringLiteral("counterparty"), counterparty },
                          { QStringLiteral("currency"), currency },
                          { QStringLiteral("limit"),
                            line ? QJsonValue(line->toString()) : QJsonValue() } } };
                  },
                  inForceHere(settings));
          });
}

} // namespace qx::server
