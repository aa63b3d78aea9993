#pragma once

#include "core/result.h"
#include "server/api/streamgateway.h"
#include "server/auth/authservice.h"
#include "server/cache/ratelimiter.h"
#include "server/documents/documentservice.h"
#include "server/documents/ocrworkers.h"
#include "server/marketdata/simulatedmarket.h"
#include "server/ops/datadirectory.h"
#include "server/trading/orderservice.h"

#include <QDate>
#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>

#include <atomic>
#include <memory>

namespace qx::server {

class Cluster;
class Forwarder;
class HttpApi;
class Notifier;
class RedisClient;
class ServingLock;
class Store;
class StoreReaders;
class StoreWriter;

struct ServerOptions
{
    TradingRules rules;
    /// Run the simulated market (market maker and taker) inside this server.
    bool simulate = false;
    SimulatedMarket::Options simulation;
    /// Share the database with other servers (PostgreSQL): match only the books this server
    /// holds the lock of, forward the rest.
    bool cluster = false;
    QString redisUrl; ///< the cluster's events and shared rate counts; empty: none
    QStringList preferredProducts; ///< books this server takes first (symbol prefixes)
    QUrl advertisedUrl; ///< where the other servers reach this one; empty: where it listens
    AuthService::Throttles loginThrottles;
    int accessTokenSeconds = TokenSigner::kDefaultAccessTokenSeconds;
    /// Requests per account on the authenticated routes.
    RateLimiter::Rule requestsPerAccount { "requests", 3000, std::chrono::minutes(1) };
    /// HTTPS only, with this certificate and key; none: plain HTTP (behind a TLS proxy, or
    /// on loopback).
    std::optional<QSslConfiguration> tls;
    QStringList corsOrigins; ///< browser origins allowed to call the API; none: CORS off
    /// Messages a second a stream client may send, by role.
    StreamGateway::MessageRates streamRates;
    /// Uploads and reading (root is set to the data directory's documents/).
    DocumentService::Options documents;
    int ocrWorkers = 0; ///< processes reading documents; 0: one per core
    /// The worker executable; empty: quantenergx-ocr-worker beside this program.
    QString ocrWorkerProgram;
};

/**
 * One running quantenergx-server: the store, authentication, order service, WebSocket gateway
 * and HTTP API of a data directory, wired together.
 *
 * Threads: everything here lives on the thread that created it (the main thread of `serve`),
 * whose event loop is the single writer of all order state.
 */
class Server : public QObject
{
    Q_OBJECT

public:
    static core::Result<std::unique_ptr<Server>> create(const DataDirectory &dataDirectory,
                                                        const ServerOptions &options = {});
    ~Server() override;

    core::Result<quint16> listen(const QHostAddress &address, quint16 port);

private:
    Server() = default;
    /// Lists the catalog for a new (UTC) day and opens books for what it adds: the next
    /// day's hours, the next month once this one starts delivering...
    void rollListing();

    /// Released last, once nothing of this server writes any more.
    std::unique_ptr<ServingLock> m_servingLock;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<RedisClient> m_redis;
    std::unique_ptr<RateLimiter> m_limiter;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<StoreWriter> m_writer;
    std::unique_ptr<StoreReaders> m_readers;
    std::unique_ptr<OrderService> m_orders;
    std::unique_ptr<SimulatedMarket> m_simulation;
    std::unique_ptr<StreamGateway> m_stream;
    std::unique_ptr<Notifier> m_notifier;
    /// Whom the writer wakes when it stored notifications (set once the notifier runs, cleared
    /// before it goes; read on the writer's thread).
    std::atomic<Notifier *> m_wakeOnNotifications { nullptr };
    std::unique_ptr<OcrWorkers> m_ocr;
    std::unique_ptr<DocumentService> m_documents;
    std::unique_ptr<HttpApi> m_http;
    std::unique_ptr<Forwarder> m_forwarder;
    std::unique_ptr<Cluster> m_cluster;
    QUrl m_advertisedUrl;
    QTimer m_listingTimer;
    QDate m_listedOn;
};

} // namespace qx::server
