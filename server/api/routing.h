#pragma once

// What the route files of the REST API (server/api/routes/*.cpp) share: the answer given
// later (LaterReply), the JSON helpers every route uses, and HttpApi::serve, which puts a
// route in the one table that serves and documents the API. Private to server/api.

#include "server/api/httpapi.h"

#include "core/protocol/messages.h"
#include "server/auth/authservice.h"
#include "server/cluster/forwarder.h"
#include "server/trading/orderservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>

#include <memory>

namespace qx::server {

namespace rest {

namespace protocol = core::protocol;
using Method = QHttpServerRequest::Method;
using Status = QHttpServerResponse::StatusCode;

/// Who an admin route's caller is, as the audit log records them.
inline Actor actorOf(const Principal &principal)
{
    return { principal.username, principal.source };
}

/// An error as its JSON answer, with the status the error table gives its code.
inline QHttpServerResponse errorResponse(const core::Error &rawError)
{
    const core::Error error = HttpApi::publicError(rawError);
    QHttpServerResponse response(protocol::errorToJson(error), HttpApi::statusFor(error.code));
    if (error.retryAfterSeconds > 0)
        response.setHeader("Retry-After", QByteArray::number(error.retryAfterSeconds));
    return response;
}

// Reads a request body as one JSON object, refusing oversized or malformed input.
inline core::Result<QJsonObject> jsonBody(const QHttpServerRequest &request)
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
        sendBytes(QByteArrayLiteral("application/json"), json, status, retryAfterSeconds);
    }
    /// A body of any type (a page image, a document's original).
    void sendBytes(const QByteArray &mimeType, const QByteArray &body, int status,
                   int retryAfterSeconds = 0)
    {
        if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
            return;
        QHttpServerResponse response(mimeType, body, QHttpServerResponse::StatusCode(status));
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
QJsonObject listingJson(const QString &key, const OrderService::Listing<Item> &listing)
{
    QJsonObject json { { key, toJsonArray(listing.items) },
                       { QStringLiteral("source"),
                         listing.source == OrderService::Source::Storage
                             ? QStringLiteral("storage")
                             : QStringLiteral("memory") } };
    json.insert(QStringLiteral("next_before"),
                listing.nextBefore.isEmpty() ? QJsonValue() : QJsonValue(listing.nextBefore));
    return json;
}

template<typename Item>
QByteArray listingBody(const QString &key, const OrderService::Listing<Item> &listing)
{
    return QJsonDocument(listingJson(key, listing)).toJson(QJsonDocument::Compact);
}

inline core::Error badQuery(const QString &message)
{
    return core::makeError(core::ErrorCode::InvalidRequest, message);
}

/// The answer to a revocation done later: {"revoked": true}, or its error.
inline std::function<void(core::Result<void>)> revokedAnswer(const Later &reply)
{
    return [reply](core::Result<void> revoked) {
        if (!revoked)
            return reply->fail(revoked.error());
        reply->send(QJsonObject { { QStringLiteral("revoked"), true } },
                    QHttpServerResponse::StatusCode::Ok);
    };
}

} // namespace rest

template<typename Handler>
void HttpApi::serve(const Route &route, Handler handler)
{
    using Request = const QHttpServerRequest &;
    Q_ASSERT((route.access == Route::Access::Permitted) == route.permission.has_value());
    m_routes.append(route);
    const std::optional<Permission> needed = route.permission;
    const QString pattern = route.pattern();
    if constexpr (std::is_invocable_v<Handler, const QString &, const Principal &, Request,
                                      const rest::Later &>) {
        m_server.route(pattern, route.method,
                       [this, needed, handler](const QString &argument, Request request,
                                               QHttpServerResponder &&responder) {
                           auto reply = std::make_shared<rest::LaterReply>(
                               std::move(responder), responseHeaders(request));
                           core::Result<Principal> principal = admit(request, needed);
                           if (!principal)
                               return reply->fail(principal.error());
                           handler(argument, *principal, request, reply);
                       });
    } else if constexpr (std::is_invocable_v<Handler, const QString &, const QString &,
                                             const Principal &, Request, const rest::Later &>) {
        m_server.route(pattern, route.method,
                       [this, needed, handler](const QString &first, const QString &second,
                                               Request request, QHttpServerResponder &&responder) {
                           auto reply = std::make_shared<rest::LaterReply>(
                               std::move(responder), responseHeaders(request));
                           core::Result<Principal> principal = admit(request, needed);
                           if (!principal)
                               return reply->fail(principal.error());
                           handler(first, second, *principal, request, reply);
                       });
    } else if constexpr (std::is_invocable_v<Handler, const Principal &, Request,
                                             const rest::Later &>) {
        m_server.route(pattern, route.method,
                       [this, needed, handler](Request request, QHttpServerResponder &&responder) {
                           auto reply = std::make_shared<rest::LaterReply>(
                               std::move(responder), responseHeaders(request));
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
                               return rest::errorResponse(principal.error());
                           return handler(argument, *principal, request);
                       });
    } else if constexpr (std::is_invocable_v<Handler, const Principal &, Request>) {
        m_server.route(pattern, route.method, [this, needed, handler](Request request) {
            core::Result<Principal> principal = admit(request, needed);
            if (!principal)
                return rest::errorResponse(principal.error());
            return handler(*principal, request);
        });
    } else {
        Q_ASSERT(route.access == Route::Access::Public);
        m_server.route(pattern, route.method, handler);
    }
}

} // namespace qx::server
