#include "server/api/httpapi.h"

#include "server/api/routing.h"
#include "server/cluster/cluster.h"
#include "server/storage/storereaders.h"

#include <openssl/crypto.h>

#include <atomic>

namespace qx::server {

using namespace rest;

HttpApi::HttpApi(AuthService &auth, OrderService &orders, StreamGateway &stream, QObject *parent)
    : QObject(parent)
    , m_auth(auth)
    , m_orders(orders)
    , m_stream(stream)
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
    if (forwardedByCluster(request))
        return std::nullopt; // counted by the server it came in at
    return throttle(principal);
}

std::optional<core::Error> HttpApi::throttle(const Principal &principal)
{
    if (!m_limiter)
        return std::nullopt;
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

void HttpApi::answerOffThread(const Later &reply, StorageWork work, std::function<void()> then)
{
    m_readers->read<Answer>(std::move(work), this,
                            [reply, then = std::move(then)](core::Result<Answer> answer) {
                                if (!answer)
                                    return reply->fail(answer.error());
                                if (then)
                                    then();
                                reply->send(answer->body, answer->status);
                            });
}

void HttpApi::addRoutes()
{
    // The one route table, by area: each area's routes in server/api/routes/.
    addServiceRoutes();
    addAuthRoutes();
    addMarketRoutes();
    addOrderRoutes();
    addAdminRoutes();
    addAuditRoutes();
    addRiskRoutes();
    addDealRoutes();
    addDocumentRoutes();
    addNotificationRoutes();
    addNotificationAdminRoutes();
    addWebhookRoutes();

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
                response.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE");
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

} // namespace qx::server
