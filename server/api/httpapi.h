#pragma once

#include "core/result.h"
#include "server/api/requestguard.h"
#include "server/auth/permissions.h"
#include "server/cache/ratelimiter.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>
#include <QUrl>

#include <optional>

namespace qx::server {

class AuthService;
class Cluster;
class Forwarder;
class OrderService;
class StreamGateway;
struct Principal;

/**
 * The REST API and the WebSocket upgrade on one port (QHttpServer). Every route validates its
 * input before it touches a service and answers errors as
 * {"error":{"code","message"}} with the matching HTTP status; a rejected request changes
 * nothing. In a cluster, what concerns a book another server matches (orders, its depth) is
 * forwarded to that server and its answer passed back. Lives on the server's event-loop
 * thread.
 */
class HttpApi : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype kMaxBodyBytes = 64 * 1024;
    static_assert(kMaxBodyBytes == RequestLimits {}.maxBodyBytes);

    HttpApi(AuthService &auth, OrderService &orders, StreamGateway &stream,
            QObject *parent = nullptr);

    /// The port actually bound (useful with port 0), or listen_failed.
    core::Result<quint16> listen(const QHostAddress &address, quint16 port);

    /// The HTTP status for an error code of the API.
    static QHttpServerResponse::StatusCode statusFor(const QString &code);
    /// Several servers on one database: forward through `forwarder` to the owners `cluster`
    /// names.
    void setCluster(const Cluster *cluster, Forwarder *forwarder);
    /// Limits each account's requests (authenticated routes) to `perAccount`, counted through
    /// `limiter`; beyond, 429 rate_limited with Retry-After. Requests another server of the
    /// cluster forwards were counted where they came in.
    void setRateLimiter(RateLimiter *limiter, const RateLimiter::Rule &perAccount);

private:
    void addRoutes();
    /// The server to send a request about `symbol` to, if not this one. A request that was
    /// forwarded here already is never sent on.
    std::optional<QUrl> ownerElsewhere(const QHttpServerRequest &request,
                                       const QString &symbol) const;
    /// The same for the book of order `orderId`.
    std::optional<QUrl> orderElsewhere(const QHttpServerRequest &request, const QString &orderId);
    /// The caller of `request`, authenticated, allowed `needed` (if any) and within its
    /// request rate: or missing_token, invalid_token, forbidden, rate_limited.
    core::Result<Principal> admit(const QHttpServerRequest &request,
                                  std::optional<Permission> needed);
    /// rate_limited if `principal` has made too many requests; else counts this one.
    std::optional<core::Error> throttle(const Principal &principal,
                                        const QHttpServerRequest &request);

    AuthService &m_auth;
    OrderService &m_orders;
    StreamGateway &m_stream;
    const Cluster *m_cluster = nullptr;
    Forwarder *m_forwarder = nullptr;
    RateLimiter *m_limiter = nullptr;
    RateLimiter::Rule m_requestsPerAccount;
    RequestGuard m_guard { RequestLimits {} };
    QHttpServer m_server;
};

} // namespace qx::server
