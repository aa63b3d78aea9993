#include "server/api/httpapi.h"

#include "core/protocol/messages.h"
#include "core/protocol/objectreader.h"
#include "server/api/openapi.h"
#include "server/api/streamgateway.h"
#include "server/auth/authservice.h"
#include "server/auth/permissions.h"
#include "server/auth/useradmin.h"
#include "server/cluster/cluster.h"
#include "server/cluster/forwarder.h"
#include "server/storage/storereaders.h"
#include "server/trading/orderservice.h"

#include "core/delivery.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QWebSocket>

#include <openssl/crypto.h>

#include <atomic>
#include <memory>

namespace qx::server {

namespace protocol = core::protocol;
using Method = QHttpServerRequest::Method;
using Status = QHttpServerResponse::StatusCode;

namespace {

QHttpServerResponse errorResponse(const core::Error &rawError)
{
    const core::Error error = HttpApi::publicError(rawError);
    QHttpServerResponse response(protocol::errorToJson(error), HttpApi::statusFor(error.code));
    if (error.retryAfterSeconds > 0)
        response.setHeader("Retry-After", QByteArray::number(error.retryAfterSeconds));
    return response;
}

// Reads a request body as one JSON object, refusing oversized or malformed input.
core::Result<QJsonObject> jsonBody(const QHttpServerRequest &request)
{
    if (request.body().size() > HttpApi::kMaxBodyBytes) {
        return core::makeError(
            core::ErrorCode::PayloadTooLarge,
            HttpApi::tr("The request body is larger than %1 bytes.").arg(HttpApi::kMaxBodyBytes));
    }
    return protocol::parseObject(request.body(), core::ErrorCode::MalformedJson);
}

/**
 * An answer given later: order entry is acknowledged once the order is stored. Carries the
 * headers every answer to its request carries (HttpApi::responseHeaders), and writes nothing
 * at all if the client has gone in the meantime.
 */
class LaterReply : public std::enable_shared_from_this<LaterReply>
{
public:
    LaterReply(QHttpServerResponder &&responder, HttpApi::Headers headers)
        : m_socket(responder.socket())
        , m_responder(std::move(responder))
        , m_headers(std::move(headers))
    { }

    void send(const QJsonObject &body, Status status)
    {
        sendRaw(QJsonDocument(body).toJson(QJsonDocument::Compact), int(status));
    }
    /// A JSON body as it is: another server's answer, say.
    void sendRaw(const QByteArray &json, int status, int retryAfterSeconds = 0)
    {
        if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
            return;
        QHttpServerResponse response(QByteArrayLiteral("application/json"), json,
                                     QHttpServerResponse::StatusCode(status));
        for (const auto &[name, value] : std::as_const(m_headers))
            response.setHeader(name, value);
        if (retryAfterSeconds > 0)
            response.setHeader(QByteArrayLiteral("Retry-After"),
                               QByteArray::number(retryAfterSeconds));
        response.write(std::move(m_responder));
    }
    void fail(const core::Error &rawError)
    {
        const core::Error error = HttpApi::publicError(rawError);
        sendRaw(QJsonDocument(protocol::errorToJson(error)).toJson(QJsonDocument::Compact),
                int(HttpApi::statusFor(error.code)), error.retryAfterSeconds);
    }
    /// The request on to `owner` (another server), and its answer back.
    void forward(Forwarder &forwarder, const QUrl &owner, const QByteArray &method,
                 const QHttpServerRequest &request, const QString &path)
    {
        QString pathAndQuery = path;
        if (!request.query().isEmpty())
            pathAndQuery += u'?' + request.query().toString(QUrl::FullyEncoded);
        forwarder.send(owner, method, pathAndQuery, request.body(), request.value("Authorization"),
                       addressOf(request.remoteAddress()),
                       [self = shared_from_this()](int status, const QByteArray &body) {
                           if (status == 0) {
                               return self->fail(core::makeError(
                                   core::ErrorCode::StorageUnavailable,
                                   HttpApi::tr("The server that matches this book did not "
                                               "answer.")));
                           }
                           self->sendRaw(body, status);
                       });
    }

private:
    QPointer<QTcpSocket> m_socket;
    QHttpServerResponder m_responder;
    HttpApi::Headers m_headers;
};
using Later = std::shared_ptr<LaterReply>;

template<typename Item>
QJsonArray toJsonArray(const QList<Item> &items)
{
    QJsonArray array;
    for (const Item &item : items) {
        if constexpr (requires { item.toJson(); })
            array.append(item.toJson());
        else
            array.append(protocol::toJson(item));
    }
    return array;
}

// A page of a listing as GET /api/v1/orders and /trades answer it: {key: [...], "source",
// "next_before"}, compact. Pure: the store readers write it.
template<typename Item>
QByteArray listingBody(const QString &key, const OrderService::Listing<Item> &listing)
{
    QJsonObject json { { key, toJsonArray(listing.items) },
                       { QStringLiteral("source"),
                         listing.source == OrderService::Source::Storage
                             ? QStringLiteral("storage")
                             : QStringLiteral("memory") } };
    json.insert(QStringLiteral("next_before"),
                listing.nextBefore.isEmpty() ? QJsonValue() : QJsonValue(listing.nextBefore));
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

core::Error badQuery(const QString &message)
{
    return core::makeError(core::ErrorCode::InvalidRequest, message);
}

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

HttpApi::HttpApi(AuthService &auth, OrderService &orders, StreamGateway &stream, Store &store,
                 QObject *parent)
    : QObject(parent)
    , m_auth(auth)
    , m_orders(orders)
    , m_stream(stream)
    , m_store(store)
{
    addRoutes();
}

void HttpApi::setCluster(const Cluster *cluster, Forwarder *forwarder)
{
    m_cluster = cluster;
    m_forwarder = forwarder;
}

void HttpApi::setRateLimiter(RateLimiter *limiter, const RateLimiter::Rule &perAccount)
{
    m_limiter = limiter;
    m_requestsPerAccount = perAccount;
}

core::Result<Principal> HttpApi::admit(const QHttpServerRequest &request,
                                       std::optional<Permission> needed)
{
    core::Result<Principal> principal = m_auth.authenticateHeader(request.value("Authorization"));
    if (!principal)
        return principal.error();
    principal->source = addressOf(request.remoteAddress());
    // Forwarded by another server of the cluster: where the request really came from.
    if (forwardedByCluster(request)) {
        const QHostAddress client(
            QString::fromLatin1(request.value(Forwarder::kClientAddressHeader.toByteArray())));
        if (!client.isNull())
            principal->source = addressOf(client);
    }
    if (needed && !principal->can(*needed)) {
        return core::makeError(
            core::ErrorCode::Forbidden,
            principal->scopes
                ? tr("This API key's scopes do not include %1.").arg(toString(*needed))
                : tr("The %1 role does not have the %2 permission this needs.")
                      .arg(principal->role, toString(*needed)));
    }
    if (std::optional<core::Error> limited = throttle(*principal, request))
        return *limited;
    return principal;
}

std::optional<core::Error> HttpApi::throttle(const Principal &principal,
                                             const QHttpServerRequest &request)
{
    if (!m_limiter)
        return std::nullopt;
    if (forwardedByCluster(request))
        return std::nullopt; // counted by the server it came in at
    const QString account = QString::number(principal.userId);
    const RateLimiter::Milliseconds wait = m_limiter->retryAfter(m_requestsPerAccount, account);
    if (wait.count() > 0) {
        core::Error limited
            = core::makeError(core::ErrorCode::RateLimited,
                              tr("Too many requests: at most %1 every %2 s per account.")
                                  .arg(m_requestsPerAccount.limit)
                                  .arg(m_requestsPerAccount.window.count() / 1000));
        limited.retryAfterSeconds = int((wait.count() + 999) / 1000);
        return limited;
    }
    m_limiter->hit(m_requestsPerAccount, account);
    return std::nullopt;
}

bool HttpApi::forwardedByCluster(const QHttpServerRequest &request) const
{
    const QByteArray forwarded = request.value(Forwarder::kForwardedHeader.toByteArray());
    return m_cluster && !forwarded.isEmpty()
        && forwarded.size() == m_cluster->forwardSecret().size()
        && CRYPTO_memcmp(forwarded.constData(), m_cluster->forwardSecret().constData(),
                         std::size_t(forwarded.size()))
        == 0;
}

std::optional<QUrl> HttpApi::orderElsewhere(const QHttpServerRequest &request,
                                            const QString &orderId)
{
    if (!m_cluster)
        return std::nullopt;
    const std::optional<QString> symbol = m_orders.symbolOfOrder(orderId);
    return symbol ? ownerElsewhere(request, *symbol) : std::nullopt;
}

std::optional<QUrl> HttpApi::ownerElsewhere(const QHttpServerRequest &request,
                                            const QString &symbol) const
{
    if (!m_cluster || !m_forwarder
        || !request.value(Forwarder::kForwardedHeader.toByteArray()).isEmpty())
        return std::nullopt;
    return m_cluster->ownerOf(symbol);
}

QHttpServerResponse::StatusCode HttpApi::statusFor(const QString &code)
{
    // The table's status for a code of the API; anything else (a failure inside, or a code
    // from a newer peer) is a 500.
    const std::optional<core::ErrorCode> known = core::errorCodeNamed(code);
    const int status = known ? core::httpStatusOf(*known) : 0;
    return status > 0 ? Status(status) : Status::InternalServerError;
}

HttpApi::Headers HttpApi::responseHeaders(const QHttpServerRequest &request) const
{
    Headers headers {
        { "X-Content-Type-Options", "nosniff" },
        { "Cache-Control", "no-store" },
        { "Content-Security-Policy", "default-src 'none'" },
    };
    if (m_tls)
        headers.emplaceBack("Strict-Transport-Security", "max-age=31536000");
    const QByteArray origin = request.value("Origin");
    if (!origin.isEmpty() && m_corsOrigins.contains(QString::fromLatin1(origin))) {
        headers.emplaceBack("Access-Control-Allow-Origin", origin);
        headers.emplaceBack("Access-Control-Expose-Headers", "Retry-After");
        headers.emplaceBack("Vary", "Origin");
    }
    return headers;
}

core::Error HttpApi::publicError(const core::Error &error)
{
    if (statusFor(error.code) != Status::InternalServerError)
        return error;
    static std::atomic<quint64> references { 0 };
    const quint64 reference = ++references;
    qWarning().noquote() << "internal error" << reference << error.code << error.message;
    return core::makeError(
        core::ErrorCode::InternalError,
        tr("The server failed to do this (reference %1 in its log).").arg(reference));
}

core::Result<quint16> HttpApi::listen(const QHostAddress &address, quint16 port)
{
    // Every connection passes the request guard before QHttpServer sees it.
    auto *server = new GuardedServer(m_guard, m_tls);
    if (!server->listen(address, port)) {
        const QString why = server->errorString();
        delete server;
        return core::makeError(
            core::ErrorCode::ListenFailed,
            tr("Cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(why));
    }
    m_server.bind(server); // which owns it
    return server->serverPort();
}

template<typename Handler>
void HttpApi::serve(const Route &route, Handler handler)
{
    using Request = const QHttpServerRequest &;
    Q_ASSERT((route.access == Route::Access::Permitted) == route.permission.has_value());
    m_routes.append(route);
    const std::optional<Permission> needed = route.permission;
    const QString pattern = route.pattern();
    if constexpr (std::is_invocable_v<Handler, const QString &, const Principal &, Request,
                                      const Later &>) {
        m_server.route(pattern, route.method,
                       [this, needed, handler](const QString &argument, Request request,
                                               QHttpServerResponder &&responder) {
                           auto reply = std::make_shared<LaterReply>(std::move(responder),
                                                                     responseHeaders(request));
                           core::Result<Principal> principal = admit(request, needed);
                           if (!principal)
                               return reply->fail(principal.error());
                           handler(argument, *principal, request, reply);
                       });
    } else if constexpr (std::is_invocable_v<Handler, const Principal &, Request, const Later &>) {
        m_server.route(pattern, route.method,
                       [this, needed, handler](Request request, QHttpServerResponder &&responder) {
                           auto reply = std::make_shared<LaterReply>(std::move(responder),
                                                                     responseHeaders(request));
                           core::Result<Principal> principal = admit(request, needed);
                           if (!principal)
                               return reply->fail(principal.error());
                           handler(*principal, request, reply);
                       });
    } else if constexpr (std::is_invocable_v<Handler, const QString &, const Principal &,
                                             Request>) {
        m_server.route(pattern, route.method,
                       [this, needed, handler](const QString &argument, Request request) {
                           core::Result<Principal> principal = admit(request, needed);
                           if (!principal)
                               return errorResponse(principal.error());
                           return handler(argument, *principal, request);
                       });
    } else if constexpr (std::is_invocable_v<Handler, const Principal &, Request>) {
        m_server.route(pattern, route.method, [this, needed, handler](Request request) {
            core::Result<Principal> principal = admit(request, needed);
            if (!principal)
                return errorResponse(principal.error());
            return handler(*principal, request);
        });
    } else {
        Q_ASSERT(route.access == Route::Access::Public);
        m_server.route(pattern, route.method, handler);
    }
}

void HttpApi::addRoutes()
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

    // config_version: the users, limits and credit lines in force, for an admin (or a test)
    // waiting for a change made from the command line to apply.
    serve({ Method::Get,
            QStringLiteral("/healthz"),
            tr("Whether the server is up, and its version"),
            Access::Public,
            {},
            {},
            QStringLiteral("Health") },
          [this] {
              return QHttpServerResponse(QJsonObject {
                  { QStringLiteral("status"), QStringLiteral("ok") },
                  { QStringLiteral("version"), QCoreApplication::applicationVersion() },
                  { QStringLiteral("config_version"), m_orders.configVersion() } });
          });

    // The public keys access tokens are signed with, for services that verify them.
    serve({ Method::Get,
            QStringLiteral("/.well-known/jwks.json"),
            tr("The public keys access tokens are signed with (JWKS)"),
            Access::Public,
            {},
            {},
            QStringLiteral("Jwks") },
          [this] { return QHttpServerResponse(m_auth.jwks()); });

    // This API, as OpenAPI 3.0, made from the routes above and below.
    serve({ Method::Get,
            QStringLiteral("/api/v1/openapi.json"),
            tr("This API as an OpenAPI 3.0 document"),
            Access::Public,
            {},
            {},
            QStringLiteral("OpenApi") },
          [this] {
              return QHttpServerResponse(
                  openApiDocument(m_routes, QCoreApplication::applicationVersion()));
          });

    // Sign-in and refresh: a JSON request in, a token pair out once AuthService is done.
    const auto tokenRoute = [this]<typename Request>(
                                const Route &route,
                                void (AuthService::*issue)(const Request &, const QHostAddress &,
                                                           AuthService::LoginReply)) {
        serve(route,
              [this, issue](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                  auto reply = std::make_shared<LaterReply>(std::move(responder),
                                                            responseHeaders(request));
                  core::Result<QJsonObject> body = jsonBody(request);
                  if (!body)
                      return reply->fail(body.error());
                  core::Result<Request> parsed = Request::fromJson(*body);
                  if (!parsed)
                      return reply->fail(parsed.error());
                  (m_auth.*issue)(*parsed, request.remoteAddress(),
                                  [reply](core::Result<protocol::TokenPair> tokens) {
                                      if (!tokens)
                                          return reply->fail(tokens.error());
                                      reply->send(tokens->toJson(), Status::Ok);
                                  });
              });
    };
    tokenRoute({ Method::Post,
                 QStringLiteral("/api/v1/auth/login"),
                 tr("Signs in: an access token and a refresh token"),
                 Access::Public,
                 {},
                 QStringLiteral("LoginRequest"),
                 QStringLiteral("TokenPair"),
                 200,
                 { core::ErrorCode::InvalidCredentials, core::ErrorCode::MfaRequired,
                   core::ErrorCode::InvalidMfaCode, core::ErrorCode::RateLimited,
                   core::ErrorCode::ServerBusy, core::ErrorCode::StorageUnavailable } },
               &AuthService::login);
    tokenRoute({ Method::Post,
                 QStringLiteral("/api/v1/auth/refresh"),
                 tr("A new token pair for a refresh token, which is used up"),
                 Access::Public,
                 {},
                 QStringLiteral("RefreshRequest"),
                 QStringLiteral("TokenPair"),
                 200,
                 { core::ErrorCode::InvalidToken, core::ErrorCode::TokenReused,
                   core::ErrorCode::RefreshTokenUsed, core::ErrorCode::RateLimited,
                   core::ErrorCode::StorageUnavailable } },
               &AuthService::refresh);

    // Signs the caller out everywhere: all their refresh and access tokens stop working.
    serve({ Method::Post,
            QStringLiteral("/api/v1/auth/logout"),
            tr("Signs out everywhere: every token of the caller stops working"),
            Access::SignedIn,
            {},
            {},
            QStringLiteral("SignedOut"),
            200,
            { core::ErrorCode::StorageUnavailable } },
          [this](const Principal &principal, const QHttpServerRequest &) {
              if (core::Result<void> done = m_auth.logout(principal); !done)
                  return errorResponse(done.error());
              return QHttpServerResponse(QJsonObject { { QStringLiteral("signed_out"), true } });
          });

    // Multi-factor sign-in: enrol (secret and URI), then confirm with a first code.
    serve({ Method::Post,
            QStringLiteral("/api/v1/auth/mfa/enroll"),
            tr("Starts multi-factor sign-in: the TOTP secret and its otpauth:// URI"),
            Access::SignedIn,
            {},
            {},
            QStringLiteral("MfaEnrolment"),
            200,
            { core::ErrorCode::MfaAlreadyEnabled, core::ErrorCode::StorageUnavailable } },
          [this](const Principal &principal, const QHttpServerRequest &) {
              core::Result<AuthService::Enrolment> enrolment = m_auth.enrollMfa(principal);
              if (!enrolment)
                  return errorResponse(enrolment.error());
              return QHttpServerResponse(
                  QJsonObject { { QStringLiteral("secret"), enrolment->secret },
                                { QStringLiteral("otpauth_uri"), enrolment->uri } });
          });
    serve({ Method::Post,
            QStringLiteral("/api/v1/auth/mfa/confirm"),
            tr("Turns multi-factor sign-in on with a first code: the recovery codes, once"),
            Access::SignedIn,
            {},
            QStringLiteral("MfaConfirmation"),
            QStringLiteral("RecoveryCodes"),
            200,
            { core::ErrorCode::InvalidMfaCode, core::ErrorCode::MfaNotEnrolled,
              core::ErrorCode::MfaAlreadyEnabled, core::ErrorCode::StorageUnavailable } },
          [this](const Principal &principal, const QHttpServerRequest &request) {
              core::Result<QJsonObject> body = jsonBody(request);
              if (!body)
                  return errorResponse(body.error());
              protocol::ObjectReader reader(*body);
              const QString code = reader.string(QStringLiteral("code"));
              if (core::Result<void> read = reader.finish(); !read)
                  return errorResponse(read.error());
              core::Result<QStringList> codes = m_auth.confirmMfa(principal, code);
              if (!codes)
                  return errorResponse(codes.error());
              return QHttpServerResponse(QJsonObject {
                  { QStringLiteral("recovery_codes"), QJsonArray::fromStringList(*codes) } });
          });

    serve({ Method::Get,
            QStringLiteral("/api/v1/me"),
            tr("The caller: user name, role, permissions and multi-factor state"),
            Access::SignedIn,
            {},
            {},
            QStringLiteral("Me") },
          [](const Principal &principal, const QHttpServerRequest &) {
              // What the caller may do: the role's permissions, narrowed by an API key's scopes.
              QStringList permissions = permissionNames(principal.role);
              if (principal.scopes) {
                  permissions.removeIf([&principal](const QString &name) {
                      return !principal.scopes->contains(name);
                  });
              }
              return QHttpServerResponse(QJsonObject {
                  { QStringLiteral("username"), principal.username },
                  { QStringLiteral("role"), principal.role },
                  { QStringLiteral("permissions"), QJsonArray::fromStringList(permissions) },
                  { QStringLiteral("mfa_enabled"), principal.mfaEnabled } });
          });

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
                                  core::Result<QList<Item>> (Store::*stored)(std::int64_t,
                                                                             std::int64_t, int),
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

    // API keys: made, listed and revoked by their user.
    serve({ Method::Post,
            QStringLiteral("/api/v1/apikeys"),
            tr("Makes an API key for a program (not with an API key); the key is shown this "
               "once"),
            Access::SignedIn,
            {},
            QStringLiteral("ApiKeyRequest"),
            QStringLiteral("NewApiKey"),
            201,
            { core::ErrorCode::Forbidden, core::ErrorCode::InvalidScope,
              core::ErrorCode::StorageUnavailable } },
          [this](const Principal &principal, const QHttpServerRequest &request) {
              if (core::Result<void> may = AuthService::mayMakeApiKeys(principal); !may)
                  return errorResponse(may.error());
              core::Result<QJsonObject> body = jsonBody(request);
              if (!body)
                  return errorResponse(body.error());
              protocol::ObjectReader reader(*body);
              const QString name = reader.string(QStringLiteral("name"));
              const QStringList scopes = reader.stringList(QStringLiteral("scopes"));
              const qint64 days = reader.has(QStringLiteral("expires_in_days"))
                  ? reader.integer(QStringLiteral("expires_in_days"))
                  : 90;
              if (core::Result<void> read = reader.finish(); !read)
                  return errorResponse(read.error());
              core::Result<AuthService::NewApiKey> made = m_auth.createApiKey(
                  principal, name, scopes, int(std::clamp<qint64>(days, -1, 367)));
              if (!made)
                  return errorResponse(made.error());
              QJsonObject json = toJson(made->record);
              json.insert(QStringLiteral("key"), made->key);
              return QHttpServerResponse(json, Status::Created);
          });
    serve({ Method::Get,
            QStringLiteral("/api/v1/apikeys"),
            tr("The caller's API keys"),
            Access::SignedIn,
            {},
            {},
            QStringLiteral("ApiKeyList"),
            200,
            { core::ErrorCode::StorageUnavailable } },
          [this](const Principal &principal, const QHttpServerRequest &) {
              core::Result<QList<ApiKeyRecord>> keys = m_auth.apiKeys(principal);
              if (!keys)
                  return errorResponse(keys.error());
              QJsonArray list;
              for (const ApiKeyRecord &key : std::as_const(*keys))
                  list.append(toJson(key));
              return QHttpServerResponse(QJsonObject { { QStringLiteral("keys"), list } });
          });
    serve({ Method::Delete,
            QStringLiteral("/api/v1/apikeys/{id}"),
            tr("Revokes one of the caller's API keys"),
            Access::SignedIn,
            {},
            {},
            QStringLiteral("Revoked"),
            200,
            { core::ErrorCode::NotFound, core::ErrorCode::StorageUnavailable } },
          [this](const QString &keyId, const Principal &principal, const QHttpServerRequest &) {
              if (core::Result<void> revoked = m_auth.revokeApiKey(principal, keyId.toLongLong());
                  !revoked)
                  return errorResponse(revoked.error());
              return QHttpServerResponse(QJsonObject { { QStringLiteral("revoked"), true } });
          });

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

    serve({ Method::Get,
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
          [this](const Principal &principal, const QHttpServerRequest &request) {
              const QString markName = request.query().queryItemValue(QStringLiteral("mark"));
              if (!markName.isEmpty() && markName != u"last" && markName != u"settlement")
                  return errorResponse(badQuery(tr("mark must be last or settlement.")));
              const auto mark = markName == u"settlement" ? OrderService::Mark::Settlement
                                                          : OrderService::Mark::LastTrade;
              core::Result<QList<OrderService::PositionReport>> reports
                  = m_orders.positions(principal, mark);
              if (!reports)
                  return errorResponse(reports.error());
              QJsonArray positions;
              QList<core::MarkedPosition> marked;
              for (const OrderService::PositionReport &report : *reports) {
                  positions.append(summarise(report).toJson());
                  if (report.mark)
                      marked.append({ report.instrument, report.position, *report.mark });
              }
              // P&L per commodity and currency; currencies are never added together.
              QJsonArray totals;
              if (auto sums = core::totalsByCommodityAndCurrency(marked)) {
                  for (const core::PnlTotal &total : *sums) {
                      totals.append(QJsonObject {
                          { QStringLiteral("commodity"), core::toString(total.commodity) },
                          { QStringLiteral("currency"), total.currency },
                          { QStringLiteral("realised_pnl"), total.realised.toString(2) },
                          { QStringLiteral("unrealised_pnl"), total.unrealised.toString(2) } });
                  }
              }
              return QHttpServerResponse(QJsonObject { { QStringLiteral("positions"), positions },
                                                       { QStringLiteral("totals"), totals },
                                                       { QStringLiteral("mark"),
                                                         mark == OrderService::Mark::Settlement
                                                             ? QStringLiteral("settlement")
                                                             : QStringLiteral("last") } });
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

    addAdminRoutes();

    // The upgrade itself is QHttpServer's; this route only has to exist and write nothing.
    serve({ Method::Get,
            QStringLiteral("/api/v1/stream"),
            tr("The WebSocket stream (upgrade): market data and the caller's orders and fills; "
               "the first message signs in"),
            Access::Public,
            {},
            {},
            {},
            101 },
          [](const QHttpServerRequest &, QHttpServerResponder &&) {});
    connect(&m_server, &QAbstractHttpServer::newWebSocketConnection, this, [this] {
        while (std::unique_ptr<QWebSocket> socket = m_server.nextPendingWebSocketConnection())
            m_stream.accept(std::move(socket));
    });

    // "Wrong method" (405) for a path that is served with another, else "no such thing".
    m_server.setMissingHandler([this](const QHttpServerRequest &request,
                                      QHttpServerResponder &&responder) {
        const QString path = request.url().path();
        // A browser's CORS preflight, from an allowed origin, for a path that is served.
        if (request.method() == Method::Options && !m_corsOrigins.isEmpty()) {
            const QByteArray origin = request.value("Origin");
            if (m_corsOrigins.contains(QString::fromLatin1(origin))
                && std::any_of(m_routes.cbegin(), m_routes.cend(),
                               [&path](const Route &route) { return route.matches(path); })) {
                QHttpServerResponse response(Status::NoContent);
                for (const auto &[name, value] : responseHeaders(request))
                    response.setHeader(name, value);
                response.setHeader("Access-Control-Allow-Methods", "GET, POST, PATCH, DELETE");
                response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type");
                response.setHeader("Access-Control-Max-Age", "600");
                return response.write(std::move(responder));
            }
        }
        const bool knownPath
            = std::any_of(m_routes.cbegin(), m_routes.cend(),
                          [&path](const Route &route) { return route.matches(path); });
        const core::Error error = knownPath
            ? core::makeError(core::ErrorCode::MethodNotAllowed,
                              tr("This method is not allowed here."))
            : core::makeError(core::ErrorCode::NotFound, tr("No such endpoint."));
        std::make_shared<LaterReply>(std::move(responder), responseHeaders(request))->fail(error);
    });

    m_server.afterRequest(
        [this](QHttpServerResponse &&response, const QHttpServerRequest &request) {
            for (const auto &[name, value] : responseHeaders(request))
                response.setHeader(name, value);
            return std::move(response);
        });
}

void HttpApi::addAdminRoutes()
{
    using Access = Route::Access;
    const QList<core::ErrorCode> passwordRejections { core::ErrorCode::PasswordTooShort,
                                                      core::ErrorCode::PasswordTooLong,
                                                      core::ErrorCode::PasswordTooCommon };
    const auto actor = [](const Principal &principal) {
        return Actor { principal.username, principal.source };
    };
    // A user changed here applies to their next request, not only after the settings poll.
    const auto changedAnswer = [this](const core::Result<UserAdmin::Changed> &changed) {
        if (!changed)
            return errorResponse(changed.error());
        m_auth.configurationChanged();
        return QHttpServerResponse(
            QJsonObject { { QStringLiteral("user"), UserAdmin::toJson(changed->user) },
                          { QStringLiteral("done"), QJsonArray::fromStringList(changed->done) } });
    };

    serve({ Method::Get,
            QStringLiteral("/api/v1/admin/users"),
            tr("Every user"),
            Access::Permitted,
            Permission::UsersAdmin,
            {},
            QStringLiteral("UserList"),
            200,
            { core::ErrorCode::StorageUnavailable } },
          [this](const Principal &, const QHttpServerRequest &) {
              core::Result<QList<UserRecord>> users = UserAdmin(m_store).users();
              if (!users)
                  return errorResponse(users.error());
              QJsonArray list;
              for (const UserRecord &user : std::as_const(*users))
                  list.append(UserAdmin::toJson(user));
              return QHttpServerResponse(QJsonObject { { QStringLiteral("users"), list } });
          });

    serve({ Method::Post, QStringLiteral("/api/v1/admin/users"), tr("Adds a user"),
            Access::Permitted, Permission::UsersAdmin, QStringLiteral("NewUser"),
            QStringLiteral("User"), 201,
            passwordRejections
                + QList<core::ErrorCode> { core::ErrorCode::UserExists,
                                           core::ErrorCode::StorageUnavailable } },
          [this, actor](const Principal &principal, const QHttpServerRequest &request) {
              core::Result<QJsonObject> body = jsonBody(request);
              if (!body)
                  return errorResponse(body.error());
              protocol::ObjectReader reader(*body);
              UserAdmin::NewUser user;
              user.username = reader.string(QStringLiteral("username"));
              user.password = reader.string(QStringLiteral("password"));
              user.role = reader.string(QStringLiteral("role"));
              if (reader.has(QStringLiteral("self_trade")))
                  user.selfTrade = reader.string(QStringLiteral("self_trade"));
              if (reader.has(QStringLiteral("counterparty")))
                  user.counterparty = reader.string(QStringLiteral("counterparty"));
              if (core::Result<void> read = reader.finish(); !read)
                  return errorResponse(read.error());
              core::Result<UserRecord> added = UserAdmin(m_store).add(actor(principal), user);
              if (!added)
                  return errorResponse(added.error());
              return QHttpServerResponse(UserAdmin::toJson(*added), Status::Created);
          });

    serve({ Method::Get,
            QStringLiteral("/api/v1/admin/users/{username}"),
            tr("One user"),
            Access::Permitted,
            Permission::UsersAdmin,
            {},
            QStringLiteral("User"),
            200,
            { core::ErrorCode::NotFound, core::ErrorCode::StorageUnavailable } },
          [this](const QString &username, const Principal &, const QHttpServerRequest &) {
              core::Result<UserRecord> user = UserAdmin(m_store).user(username);
              if (!user)
                  return errorResponse(user.error());
              return QHttpServerResponse(UserAdmin::toJson(*user));
          });

    serve({ Method::Patch,
            QStringLiteral("/api/v1/admin/users/{username}"),
            tr("Changes a user's role, state (disabled signs them out everywhere), self-trade "
               "mode or counterparty; applies at their next request"),
            Access::Permitted,
            Permission::UsersAdmin,
            QStringLiteral("UserChange"),
            QStringLiteral("UserChanged"),
            200,
            { core::ErrorCode::NotFound, core::ErrorCode::LastAdmin,
              core::ErrorCode::StorageUnavailable } },
          [this, actor, changedAnswer](const QString &username, const Principal &principal,
                                       const QHttpServerRequest &request) {
              core::Result<QJsonObject> body = jsonBody(request);
              if (!body)
                  return errorResponse(body.error());
              protocol::ObjectReader reader(*body);
              UserAdmin::Change change;
              if (reader.has(QStringLiteral("role")))
                  change.role = reader.string(QStringLiteral("role"));
              if (reader.has(QStringLiteral("disabled")))
                  change.disabled = reader.boolean(QStringLiteral("disabled"));
              if (reader.has(QStringLiteral("self_trade")))
                  change.selfTrade = reader.string(QStringLiteral("self_trade"));
              if (reader.has(QStringLiteral("counterparty")))
                  change.counterparty = reader.string(QStringLiteral("counterparty"));
              if (core::Result<void> read = reader.finish(); !read)
                  return errorResponse(read.error());
              return changedAnswer(UserAdmin(m_store).change(actor(principal), username, change));
          });

    serve({ Method::Post, QStringLiteral("/api/v1/admin/users/{username}/password"),
            tr("Sets a user's password and signs them out everywhere"), Access::Permitted,
            Permission::UsersAdmin, QStringLiteral("PasswordReset"), QStringLiteral("UserChanged"),
            200,
            passwordRejections
                + QList<core::ErrorCode> { core::ErrorCode::NotFound,
                                           core::ErrorCode::StorageUnavailable } },
          [this, actor, changedAnswer](const QString &username, const Principal &principal,
                                       const QHttpServerRequest &request) {
              core::Result<QJsonObject> body = jsonBody(request);
              if (!body)
                  return errorResponse(body.error());
              protocol::ObjectReader reader(*body);
              UserAdmin::Change change;
              change.password = reader.string(QStringLiteral("password"));
              if (core::Result<void> read = reader.finish(); !read)
                  return errorResponse(read.error());
              return changedAnswer(UserAdmin(m_store).change(actor(principal), username, change));
          });

    serve({ Method::Delete,
            QStringLiteral("/api/v1/admin/users/{username}/mfa"),
            tr("Turns a user's multi-factor sign-in off (a lost phone) and signs them out "
               "everywhere"),
            Access::Permitted,
            Permission::UsersAdmin,
            {},
            QStringLiteral("UserChanged"),
            200,
            { core::ErrorCode::NotFound, core::ErrorCode::StorageUnavailable } },
          [this, actor, changedAnswer](const QString &username, const Principal &principal,
                                       const QHttpServerRequest &) {
              UserAdmin::Change change;
              change.resetMfa = true;
              return changedAnswer(UserAdmin(m_store).change(actor(principal), username, change));
          });

    serve({ Method::Get,
            QStringLiteral("/api/v1/admin/roles"),
            tr("The roles and the permissions each grants"),
            Access::Permitted,
            Permission::UsersAdmin,
            {},
            QStringLiteral("RoleList") },
          [](const Principal &, const QHttpServerRequest &) {
              QJsonArray roles;
              for (const QString &role : roleNames()) {
                  roles.append(
                      QJsonObject { { QStringLiteral("name"), role },
                                    { QStringLiteral("permissions"),
                                      QJsonArray::fromStringList(permissionNames(role)) } });
              }
              return QHttpServerResponse(QJsonObject { { QStringLiteral("roles"), roles } });
          });

    serve({ Method::Get,
            QStringLiteral("/api/v1/admin/apikeys"),
            tr("Every API key, with its user"),
            Access::Permitted,
            Permission::UsersAdmin,
            {},
            QStringLiteral("AdminApiKeyList"),
            200,
            { core::ErrorCode::StorageUnavailable } },
          [this](const Principal &, const QHttpServerRequest &) {
              core::Result<QList<ApiKeyRecord>> keys = m_store.apiKeys(0);
              if (!keys)
                  return errorResponse(keys.error());
              core::Result<QList<UserRecord>> users = m_store.users();
              if (!users)
                  return errorResponse(users.error());
              QHash<std::int64_t, QString> names;
              for (const UserRecord &user : std::as_const(*users))
                  names.insert(user.id, user.username);
              QJsonArray list;
              for (const ApiKeyRecord &key : std::as_const(*keys)) {
                  QJsonObject json = toJson(key);
                  json.insert(QStringLiteral("username"), names.value(key.userId));
                  list.append(json);
              }
              return QHttpServerResponse(QJsonObject { { QStringLiteral("keys"), list } });
          });

    serve({ Method::Delete,
            QStringLiteral("/api/v1/admin/apikeys/{id}"),
            tr("Revokes anyone's API key"),
            Access::Permitted,
            Permission::UsersAdmin,
            {},
            QStringLiteral("Revoked"),
            200,
            { core::ErrorCode::NotFound, core::ErrorCode::StorageUnavailable } },
          [this](const QString &keyId, const Principal &principal, const QHttpServerRequest &) {
              if (core::Result<void> revoked
                  = m_auth.revokeApiKey(principal, keyId.toLongLong(), true);
                  !revoked)
                  return errorResponse(revoked.error());
              return QHttpServerResponse(QJsonObject { { QStringLiteral("revoked"), true } });
          });

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
        [this](const Principal &, const QHttpServerRequest &request) {
            const QUrlQuery query = request.query();
            bool afterOk = true, limitOk = true;
            const QString afterText = query.queryItemValue(QStringLiteral("after"));
            const QString limitText = query.queryItemValue(QStringLiteral("limit"));
            const qint64 after = afterText.isEmpty() ? 0 : afterText.toLongLong(&afterOk);
            const int limit = limitText.isEmpty() ? 100 : limitText.toInt(&limitOk);
            if (!afterOk || !limitOk || after < 0 || limit < 1 || limit > kMaxPage) {
                return errorResponse(badQuery(
                    tr("after must be a whole number and limit one from 1 to %1.").arg(kMaxPage)));
            }
            core::Result<QList<AuditEntry>> entries = m_store.auditEntries(after, limit);
            if (!entries)
                return errorResponse(entries.error());
            QJsonArray list;
            for (const AuditEntry &entry : std::as_const(*entries))
                list.append(toJson(entry));
            return QHttpServerResponse(
                QJsonObject { { QStringLiteral("entries"), list },
                              { QStringLiteral("next_after"),
                                qint64(entries->isEmpty() ? after : entries->constLast().id) } });
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
          [this](const Principal &, const QHttpServerRequest &) {
              core::Result<std::optional<std::int64_t>> broken = m_store.verifyAudit();
              if (!broken)
                  return errorResponse(broken.error());
              core::Result<std::optional<QString>> ordersBroken = m_store.verifyOrderAudit();
              if (!ordersBroken)
                  return errorResponse(ordersBroken.error());
              return QHttpServerResponse(QJsonObject {
                  { QStringLiteral("intact"), !broken->has_value() && !ordersBroken->has_value() },
                  { QStringLiteral("first_broken"),
                    *broken ? QJsonValue(qint64(**broken)) : QJsonValue() },
                  { QStringLiteral("orders_first_broken"),
                    *ordersBroken ? QJsonValue(**ordersBroken) : QJsonValue() } });
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
          [this](const Principal &, const QHttpServerRequest &request) {
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
                  return errorResponse(
                      badQuery(tr("from and to must be ISO 8601 times, from not after to, and "
                                  "limit from 1 to %1.")
                                   .arg(kMaxPage)));
              }
              core::Result<QList<AuditEntry>> entries
                  = m_store.orderAudit({ from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch(), limit,
                                         query.queryItemValue(QStringLiteral("order_id")),
                                         query.queryItemValue(QStringLiteral("user")) });
              if (!entries)
                  return errorResponse(entries.error());
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
              return QHttpServerResponse(QJsonObject { { QStringLiteral("entries"), list } });
          });
}

} // namespace qx::server
