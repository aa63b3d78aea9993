#pragma once

#include "core/result.h"
#include "server/api/documentupload.h"
#include "server/api/requestguard.h"
#include "server/api/route.h"
#include "server/auth/permissions.h"
#include "server/auth/secretbox.h"
#include "server/cache/ratelimiter.h"
#include "server/documents/documentservice.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QJsonObject>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace qx::server {

class AuthService;
class Cluster;
class Forwarder;
class Notifier;
class OrderService;
class StreamGateway;
class Store;
class StoreReaders;
struct Principal;
namespace rest {
class LaterReply;
}

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
    /// The most entries one page of a list answers.
    static constexpr int kMaxPage = 1000;

    /// The API reads storage only through the readers (setReaders()), never on its thread.
    HttpApi(AuthService &auth, OrderService &orders, StreamGateway &stream,
            QObject *parent = nullptr);

    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    /// Serves HTTPS only, with `configuration` (before listen()): plain HTTP gets no answer,
    /// and every answer carries Strict-Transport-Security.
    void setTls(const QSslConfiguration &configuration) { m_tls = configuration; }
    /// Lets browser pages from `origins` (exactly, e.g. https://desk.example.com) call the
    /// API: CORS headers for them and answers to their preflight requests. None: CORS off.
    void setCorsOrigins(const QStringList &origins) { m_corsOrigins = origins; }

    /// Every route served, as documented at /api/v1/openapi.json.
    const QList<Route> &routes() const { return m_routes; }

    /// The port actually bound (useful with port 0), or listen_failed.
    core::Result<quint16> listen(const QHostAddress &address, quint16 port);

    /// The HTTP status for an error code of the API.
    static QHttpServerResponse::StatusCode statusFor(const QString &code);
    /// What a client is told of an error: the error itself when the API names it; else (a
    /// storage or internal failure, 500) internal_error with a reference to the server's log,
    /// where the details are: they may name tables, files or queries.
    static core::Error publicError(const core::Error &error);
    /// Several servers on one database: forward through `forwarder` to the owners `cluster`
    /// names.
    void setCluster(const Cluster *cluster, Forwarder *forwarder);
    /// Where listings read storage: off this thread (required before serving).
    void setReaders(StoreReaders *readers) { m_readers = readers; }
    /// Limits each account's requests (authenticated routes) to `perAccount`, counted through
    /// `limiter`; beyond, 429 rate_limited with Retry-After. Requests another server of the
    /// cluster forwards were counted where they came in.
    void setRateLimiter(RateLimiter *limiter, const RateLimiter::Rule &perAccount);
    /// Serves documents through `documents`: uploads (POST /api/v1/documents, streamed to
    /// disk past QHttpServer) and the document routes. Without, those answer 503.
    void setDocuments(DocumentService *documents);
    /// Preferences saved through the API are in force in `notifier` at once.
    void setNotifier(Notifier *notifier) { m_notifier = notifier; }
    /// Seals the notification channels' secrets an admin sets (the server's secrets key).
    void setSecretBox(const SecretBox &box) { m_secretBox = box; }

private:
    /// A JSON answer made away from this thread: its body and status.
    struct Answer
    {
        QJsonObject body;
        QHttpServerResponse::StatusCode status = QHttpServerResponse::StatusCode::Ok;
    };
    using StorageWork = std::function<core::Result<Answer>(Store &)>;
    /// Runs `work` on a store reader thread, with a connection of its own (what may block:
    /// SQL, password hashing, an audit chain walked), then answers `reply` with its answer
    /// or its error on this thread; after a success, `then` runs here first.
    void answerOffThread(const std::shared_ptr<rest::LaterReply> &reply, StorageWork work,
                         std::function<void()> then = {});

    /// The route table, an area at a time; each area's routes are in server/api/routes/.
    void addRoutes();
    void addServiceRoutes();
    void addAuthRoutes();
    void addMarketRoutes();
    void addOrderRoutes();
    void addAdminRoutes();
    void addAuditRoutes();
    void addRiskRoutes();
    void addDealRoutes();
    void addDocumentRoutes();
    void addNotificationRoutes();
    void addNotificationAdminRoutes();
    void addWebhookRoutes();
    /// An upload's head came (RequestGuard): admits it, then streams its body to disk.
    void receiveUpload(QTcpSocket *socket, const UploadStart &start);
    /// Why `principal` may not upload a body of `contentType` and `length` bytes, if not.
    std::optional<core::Error> checkUpload(const Principal &principal,
                                           const QByteArray &contentType, qint64 length);
    /// An upload's answer: its status and JSON body.
    using UploadAnswer = std::function<void(int status, const QByteArray &json)>;
    /// Takes a received upload to DocumentService::accept and answers it.
    void acceptUpload(const Principal &principal, core::Result<DocumentUpload::Received> received,
                      const QString &filename, UploadAnswer answer);
    /// The caller's document `id`, read off this thread: not_found when it is not theirs.
    void withDocument(const Principal &principal, const QString &id,
                      const std::shared_ptr<rest::LaterReply> &reply,
                      std::function<void(const DocumentRecord &)> then);
    /// Serves `route` with `handler` and documents it. A handler taking a Principal is for a
    /// signed-in route: it runs once the caller is admitted (admit()). One taking a
    /// LaterReply answers through it, when it can; one taking a QString first gets the
    /// path's parameter. Any other handler is QHttpServer's own (a public route).
    template<typename Handler>
    void serve(const Route &route, Handler handler);
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
    /// The headers every answer to `request` carries: security headers, HSTS under TLS, and
    /// CORS for an allowed origin.
    Headers responseHeaders(const QHttpServerRequest &request) const;
    /// Whether `request` was forwarded by another server of the cluster (it carries the
    /// cluster's forward secret).
    bool forwardedByCluster(const QHttpServerRequest &request) const;
    /// rate_limited if `principal` has made too many requests; else counts this one.
    std::optional<core::Error> throttle(const Principal &principal,
                                        const QHttpServerRequest &request);
    std::optional<core::Error> throttle(const Principal &principal);

    AuthService &m_auth;
    OrderService &m_orders;
    StreamGateway &m_stream;
    QList<Route> m_routes;
    const Cluster *m_cluster = nullptr;
    Forwarder *m_forwarder = nullptr;
    RateLimiter *m_limiter = nullptr;
    StoreReaders *m_readers = nullptr;
    RateLimiter::Rule m_requestsPerAccount;
    std::optional<QSslConfiguration> m_tls;
    QStringList m_corsOrigins;
    RequestGuard m_guard { RequestLimits {} };
    DocumentService *m_documents = nullptr;
    Notifier *m_notifier = nullptr;
    std::optional<SecretBox> m_secretBox;
    QHttpServer m_server;
};

} // namespace qx::server
