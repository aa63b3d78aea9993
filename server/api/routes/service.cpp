// The server itself: health, signing keys, this API's document, and the stream's upgrade.

#include "server/api/routing.h"

#include "core/protocol/objectreader.h"
#include "server/auth/permissions.h"

#include "server/api/openapi.h"
#include "server/api/streamgateway.h"

#include <QCoreApplication>
#include <QWebSocket>

namespace qx::server {

using namespace rest;

void HttpApi::addServiceRoutes()
{
    using Access = Route::Access;

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
}

} // namespace qx::server
