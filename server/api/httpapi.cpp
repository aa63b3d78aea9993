#include "server/api/httpapi.h"

#include "core/protocol/messages.h"
#include "server/api/streamgateway.h"
#include "server/auth/authservice.h"
#include "server/trading/orderservice.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QWebSocket>

namespace qx::server {

namespace protocol = core::protocol;
using Method = QHttpServerRequest::Method;
using Status = QHttpServerResponse::StatusCode;

namespace {

QHttpServerResponse errorResponse(const core::Error &error)
{
    return QHttpServerResponse(protocol::errorToJson(error), HttpApi::statusFor(error.code));
}

// Reads a request body as one JSON object, refusing oversized or malformed input.
core::Result<QJsonObject> jsonBody(const QHttpServerRequest &request)
{
    if (request.body().size() > HttpApi::kMaxBodyBytes) {
        return core::makeError(
            QStringLiteral("payload_too_large"),
            HttpApi::tr("The request body is larger than %1 bytes.").arg(HttpApi::kMaxBodyBytes));
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return core::makeError(QStringLiteral("malformed_json"),
                               HttpApi::tr("The request body is not a JSON object."));
    }
    return document.object();
}

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

// Paths the API serves, for telling "wrong method" (405) from "no such thing" (404).
bool isKnownPath(const QString &path)
{
    static const QStringList exact {
        QStringLiteral("/healthz"),       QStringLiteral("/api/v1/auth/login"),
        QStringLiteral("/api/v1/me"),     QStringLiteral("/api/v1/instruments"),
        QStringLiteral("/api/v1/orders"), QStringLiteral("/api/v1/stream")
    };
    return exact.contains(path) || path.startsWith(u"/api/v1/orders/");
}

} // namespace

HttpApi::HttpApi(AuthService &auth, OrderService &orders, StreamGateway &stream, QObject *parent)
    : QObject(parent)
    , m_auth(auth)
    , m_orders(orders)
    , m_stream(stream)
{
    addRoutes();
}

QHttpServerResponse::StatusCode HttpApi::statusFor(const QString &code)
{
    static const QHash<QString, Status> statuses {
        { QStringLiteral("malformed_json"), Status::BadRequest },
        { QStringLiteral("invalid_request"), Status::BadRequest },
        { QStringLiteral("missing_token"), Status::Unauthorized },
        { QStringLiteral("invalid_token"), Status::Unauthorized },
        { QStringLiteral("invalid_credentials"), Status::Unauthorized },
        { QStringLiteral("not_found"), Status::NotFound },
        { QStringLiteral("method_not_allowed"), Status::MethodNotAllowed },
        { QStringLiteral("order_not_live"), Status::Conflict },
        { QStringLiteral("duplicate_client_order_id"), Status::Conflict },
        { QStringLiteral("payload_too_large"), Status::PayloadTooLarge },
        { QStringLiteral("unknown_symbol"), Status::UnprocessableEntity },
        { QStringLiteral("instrument_expired"), Status::UnprocessableEntity },
        { QStringLiteral("quantity_not_positive"), Status::UnprocessableEntity },
        { QStringLiteral("quantity_off_lot"), Status::UnprocessableEntity },
        { QStringLiteral("price_off_tick"), Status::UnprocessableEntity },
        { QStringLiteral("storage_unavailable"), Status::ServiceUnavailable },
    };
    return statuses.value(code, Status::InternalServerError);
}

core::Result<quint16> HttpApi::listen(const QHostAddress &address, quint16 port)
{
    const quint16 bound = m_server.listen(address, port);
    if (bound == 0) {
        return core::makeError(QStringLiteral("listen_failed"),
                               tr("Cannot listen on %1:%2.").arg(address.toString()).arg(port));
    }
    return bound;
}

void HttpApi::addRoutes()
{
    // Every route that needs a user goes through here: authenticate, then run the handler.
    const auto authenticated = [this](auto handler) {
        return [this, handler](const QHttpServerRequest &request) {
            core::Result<Principal> principal
                = m_auth.authenticateHeader(request.value("Authorization"));
            if (!principal)
                return errorResponse(principal.error());
            return handler(*principal, request);
        };
    };

    m_server.route(QStringLiteral("/healthz"), Method::Get, [] {
        return QHttpServerResponse(
            QJsonObject { { QStringLiteral("status"), QStringLiteral("ok") },
                          { QStringLiteral("version"), QCoreApplication::applicationVersion() } });
    });

    m_server.route(QStringLiteral("/api/v1/auth/login"), Method::Post,
                   [this](const QHttpServerRequest &request) {
                       core::Result<QJsonObject> body = jsonBody(request);
                       if (!body)
                           return errorResponse(body.error());
                       core::Result<protocol::LoginRequest> login
                           = protocol::LoginRequest::fromJson(*body);
                       if (!login)
                           return errorResponse(login.error());
                       core::Result<protocol::TokenPair> tokens = m_auth.login(*login);
                       if (!tokens)
                           return errorResponse(tokens.error());
                       return QHttpServerResponse(tokens->toJson());
                   });

    m_server.route(QStringLiteral("/api/v1/me"), Method::Get,
                   authenticated([](const Principal &principal, const QHttpServerRequest &) {
                       return QHttpServerResponse(
                           QJsonObject { { QStringLiteral("username"), principal.username },
                                         { QStringLiteral("role"), principal.role } });
                   }));

    m_server.route(
        QStringLiteral("/api/v1/instruments"), Method::Get,
        authenticated([this](const Principal &, const QHttpServerRequest &) {
            return QHttpServerResponse(QJsonObject {
                { QStringLiteral("instruments"), toJsonArray(m_orders.instruments()) } });
        }));

    m_server.route(
        QStringLiteral("/api/v1/orders"), Method::Post,
        authenticated([this](const Principal &principal, const QHttpServerRequest &request) {
            core::Result<QJsonObject> body = jsonBody(request);
            if (!body)
                return errorResponse(body.error());
            core::Result<protocol::NewOrder> order = protocol::NewOrder::fromJson(*body);
            if (!order)
                return errorResponse(order.error());
            core::Result<OrderService::Placement> placed = m_orders.place(principal, *order);
            if (!placed)
                return errorResponse(placed.error());
            return QHttpServerResponse(placed->order.toJson(),
                                       placed->created ? Status::Created : Status::Ok);
        }));

    m_server.route(QStringLiteral("/api/v1/orders"), Method::Get,
                   authenticated([this](const Principal &principal, const QHttpServerRequest &) {
                       core::Result<QList<protocol::Order>> orders = m_orders.orders(principal);
                       if (!orders)
                           return errorResponse(orders.error());
                       return QHttpServerResponse(
                           QJsonObject { { QStringLiteral("orders"), toJsonArray(*orders) } });
                   }));

    m_server.route(
        QStringLiteral("/api/v1/orders/<arg>"), Method::Delete,
        [this, authenticated](const QString &orderId, const QHttpServerRequest &request) {
            return authenticated(
                [this, orderId](const Principal &principal, const QHttpServerRequest &) {
                    core::Result<protocol::Order> cancelled = m_orders.cancel(principal, orderId);
                    if (!cancelled)
                        return errorResponse(cancelled.error());
                    return QHttpServerResponse(cancelled->toJson());
                })(request);
        });

    // The upgrade itself is QHttpServer's; this route only has to exist and write nothing.
    m_server.route(QStringLiteral("/api/v1/stream"), Method::Get,
                   [](const QHttpServerRequest &, QHttpServerResponder &&) {});
    connect(&m_server, &QAbstractHttpServer::newWebSocketConnection, this, [this] {
        while (std::unique_ptr<QWebSocket> socket = m_server.nextPendingWebSocketConnection())
            m_stream.accept(std::move(socket));
    });

    m_server.setMissingHandler(
        [](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            const bool knownPath = isKnownPath(request.url().path());
            const core::Error error = knownPath
                ? core::makeError(QStringLiteral("method_not_allowed"),
                                  tr("This method is not allowed here."))
                : core::makeError(QStringLiteral("not_found"), tr("No such endpoint."));
            responder.write(QJsonDocument(protocol::errorToJson(error)),
                            QHttpServerResponder::StatusCode(statusFor(error.code)));
        });

    m_server.afterRequest([](QHttpServerResponse &&response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", "default-src 'none'");
        return std::move(response);
    });
}

} // namespace qx::server
