#pragma once

#include "core/result.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>

namespace qx::server {

class AuthService;
class OrderService;
class StreamGateway;
struct Principal;

/**
 * The REST API and the WebSocket upgrade on one port (QHttpServer). Every route validates its
 * input before it touches a service and answers errors as
 * {"error":{"code","message"}} with the matching HTTP status; a rejected request changes
 * nothing. Lives on the server's event-loop thread.
 */
class HttpApi : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype kMaxBodyBytes = 64 * 1024;

    HttpApi(AuthService &auth, OrderService &orders, StreamGateway &stream,
            QObject *parent = nullptr);

    /// The port actually bound (useful with port 0), or listen_failed.
    core::Result<quint16> listen(const QHostAddress &address, quint16 port);

    /// The HTTP status for an error code of the API.
    static QHttpServerResponse::StatusCode statusFor(const QString &code);

private:
    void addRoutes();

    AuthService &m_auth;
    OrderService &m_orders;
    StreamGateway &m_stream;
    QHttpServer m_server;
};

} // namespace qx::server
