#include "server/server.h"

#include "server/api/httpapi.h"
#include "server/api/streamgateway.h"
#include "server/cache/redisclient.h"
#include "server/cluster/cluster.h"
#include "server/cluster/forwarder.h"
#include "server/notifications/channels.h"
#include "server/notifications/notifier.h"
#include "server/ops/servinglock.h"
#include "server/storage/storereaders.h"
#include "server/trading/orderservice.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSysInfo>
#include <QThread>

namespace qx::server {

namespace {
// Threads (each with its own connection) that read listings from storage.
constexpr int kReaderThreads = 2;
} // namespace

core::Result<std::unique_ptr<Server>> Server::create(const DataDirectory &dataDirectory,
                                                     const ServerOptions &options)
{
    // First of all: one server per data directory (and database), or none.
    core::Result<std::unique_ptr<ServingLock>> servingLock = ServingLock::acquire(
        dataDirectory,
        options.cluster ? ServingLock::Mode::ClusterMember : ServingLock::Mode::Alone);
    if (!servingLock)
        return servingLock.error();
    core::Result<std::unique_ptr<Store>> store = dataDirectory.openStore();
    if (!store)
        return store.error();
    core::Result<TokenSigner> signer = TokenSigner::fromKeyFile(dataDirectory.signingKeyPath());
    if (!signer)
        return signer.error();
    const QString signingKeyId = signer->keyId();
    // The listing rolls forward with the calendar on every start, and each day while running.
    const QDate today = QDateTime::currentDateTimeUtc().date();
    if (core::Result<void> listed = listDefaultCatalog(**store, today); !listed)
        return listed.error();

    std::unique_ptr<Server> server(new Server);
    server->m_servingLock = std::move(servingLock).value();
    server->m_listedOn = today;
    server->m_store = std::move(store).value();
    // Redis carries the cluster's events and the rate counts the servers share.
    if (!options.redisUrl.isEmpty()) {
        server->m_redis = std::make_unique<RedisClient>(options.redisUrl);
        if (core::Result<void> started = server->m_redis->start(); !started)
            return started.error();
    }
    server->m_limiter = std::make_unique<RateLimiter>(server->m_redis.get());
    server->m_auth = std::make_unique<AuthService>(*server->m_store, std::move(signer).value());
    server->m_auth->setRateLimiter(server->m_limiter.get(), options.loginThrottles);
    server->m_auth->setAccessTokenLifetime(options.accessTokenSeconds);
    server->m_auth->watchKeyFile(dataDirectory.signingKeyPath());
    // TOTP secrets encrypted at rest; those stored before, encrypted now.
    core::Result<SecretBox> secrets = SecretBox::fromKeyFile(dataDirectory.secretsKeyPath(), true);
    if (!secrets)
        return secrets.error();
    server->m_auth->setSecretBox(*secrets);
    if (core::Result<int> sealed = server->m_auth->sealStoredSecrets(); !sealed)
        return sealed.error();
    else if (*sealed > 0)
        qInfo().noquote() << "encrypted" << *sealed << "stored TOTP secret(s)";
    // Every user and API key in memory before the first request: none waits for storage.
    if (core::Result<void> directory = server->m_auth->loadDirectory(); !directory)
        return directory.error();
    // Trading state is written by a group-commit thread on a connection of its own.
    server->m_writer
        = std::make_unique<StoreWriter>([dataDirectory] { return dataDirectory.openStore(); });
    server->m_writer->setNotificationsStored([wake = &server->m_wakeOnNotifications] {
        if (Notifier *notifier = wake->load())
            notifier->wake();
    });
    if (core::Result<void> started = server->m_writer->start(); !started)
        return started.error();
    server->m_orders
        = std::make_unique<OrderService>(*server->m_store, *server->m_writer, options.rules);
    // The users and API keys authentication keeps are read afresh (on a store reader) when
    // an admin changes any, here, through the CLI or on another server.
    connect(server->m_orders.get(), &OrderService::configurationChanged, server->m_auth.get(),
            &AuthService::configurationChanged);
    // In a cluster a book is matched once its lock is taken, not before.
    server->m_orders->setOwnsAllBooks(!options.cluster);
    if (core::Result<void> loaded = server->m_orders->start(); !loaded)
        return loaded.error();
    server->m_stream = std::make_unique<StreamGateway>(*server->m_auth, *server->m_orders);
    server->m_stream->setMessageRates(options.streamRates);
    StreamGateway *stream = server->m_stream.get();
    OrderService *orders = server->m_orders.get();
    connect(orders, &OrderService::orderEvent, stream, &StreamGateway::publishOrderEvent);
    connect(orders, &OrderService::tradeEvent, stream, &StreamGateway::publishTrade);
    connect(orders, &OrderService::dealEvent, stream, &StreamGateway::publishDealEvent);
    connect(orders, &OrderService::marketUpdated, stream, &StreamGateway::marketUpdated);
    connect(orders, &OrderService::candleUpdated, stream, &StreamGateway::candleUpdated);
    connect(orders, &OrderService::marketTrade, stream, &StreamGateway::publishMarketTrade);
    server->m_http
        = std::make_unique<HttpApi>(*server->m_auth, *server->m_orders, *server->m_stream);
    server->m_http->setRateLimiter(server->m_limiter.get(), options.requestsPerAccount);
    // Listings read storage on connections and threads of their own: a client reading a
    // thousand orders does not hold up matching.
    server->m_readers = std::make_unique<StoreReaders>(
        [dataDirectory] { return dataDirectory.openStore(); }, kReaderThreads);
    server->m_http->setReaders(server->m_readers.get());
    server->m_orders->setReaders(server->m_readers.get());
    server->m_auth->setReaders(server->m_readers.get());
    // Documents are read by worker processes, one per core, never in this one.
    OcrWorkers::Options ocr;
    ocr.program = options.ocrWorkerProgram.isEmpty()
        ? QCoreApplication::applicationDirPath() + QStringLiteral("/quantenergx-ocr-worker")
        : options.ocrWorkerProgram;
    ocr.workers
        = options.ocrWorkers > 0 ? options.ocrWorkers : std::max(1, QThread::idealThreadCount());
    ocr.maxPages = options.documents.maxPages;
    server->m_ocr = std::make_unique<OcrWorkers>(ocr);
    core::Result<core::ProductCatalog> catalog = defaultCatalog();
    if (!catalog)
        return catalog.error();
    DocumentService::Options documents = options.documents;
    documents.root = dataDirectory.path() + QStringLiteral("/documents");
    documents.concurrent = ocr.workers;
    server->m_documents = std::make_unique<DocumentService>(
        documents, *server->m_ocr, *server->m_readers, std::move(catalog).value(),
        [orders = server->m_orders.get()](const QString &symbol) {
            return orders->instrument(symbol);
        });
    connect(server->m_documents.get(), &DocumentService::documentEvent, stream,
            &StreamGateway::publishDocumentEvent);
    if (core::Result<void> resumed = server->m_documents->resume(*server->m_store); !resumed)
        return resumed.error();
    server->m_http->setDocuments(server->m_documents.get());
    if (options.tls)
        server->m_http->setTls(*options.tls);
    server->m_http->setCorsOrigins(options.corsOrigins);
    if (options.cluster) {
        core::Result<std::unique_ptr<Cluster>> cluster
            = Cluster::create({ dataDirectory.databaseUrl(), server->m_redis.get(),
                                options.preferredProducts, signingKeyId },
                              *server->m_orders);
        if (!cluster)
            return cluster.error();
        server->m_cluster = std::move(cluster).value();
        Cluster *fanOut = server->m_cluster.get();
        connect(fanOut, &Cluster::remoteMarket, stream, &StreamGateway::remoteMarket);
        connect(fanOut, &Cluster::remoteOrderEvent, stream, &StreamGateway::publishOrderEvent);
        connect(fanOut, &Cluster::eventsMissed, stream, &StreamGateway::restartSessions);
        server->m_forwarder = std::make_unique<Forwarder>();
        server->m_forwarder->setSecret(server->m_cluster->forwardSecret());
        server->m_http->setCluster(server->m_cluster.get(), server->m_forwarder.get());
        server->m_stream->setCluster(server->m_cluster.get(), server->m_forwarder.get());
        server->m_advertisedUrl = options.advertisedUrl;
    }
    if (options.simulate) {
        server->m_simulation = std::make_unique<SimulatedMarket>(
            *server->m_orders, *server->m_store, options.simulation);
        if (core::Result<void> prepared = server->m_simulation->prepare(); !prepared)
            return prepared.error();
    }
    // Notifications: written with the events that cause them for the users who want them,
    // then planned and sent by dispatchers on threads of their own.
    Notifier::Options notifications;
    notifications.instance = QStringLiteral("%1:%2")
                                 .arg(QSysInfo::machineHostName())
                                 .arg(QCoreApplication::applicationPid());
    // Channels' secrets are sealed like the TOTP seeds, bound to their channel.
    notifications.openSecrets = [box = *secrets](const NotificationChannelRecord &record) {
        return box.openObject(record.sealedSecrets, secretContext(record.channel));
    };
    server->m_notifier = std::make_unique<Notifier>(
        *server->m_store, *server->m_readers, [dataDirectory] { return dataDirectory.openStore(); },
        core::Clock::system(), notifications);
    if (core::Result<void> started = server->m_notifier->start(); !started)
        return started.error();
    Notifier *notifier = server->m_notifier.get();
    server->m_wakeOnNotifications = notifier;
    server->m_orders->setNotificationFilter(
        [notifier](std::int64_t userId, core::notifications::EventType type) {
            return notifier->wants(userId, type);
        });
    connect(orders, &OrderService::configurationChanged, notifier, &Notifier::configurationChanged);
    connect(notifier, &Notifier::inApp, stream, &StreamGateway::publishNotification);
    server->m_http->setNotifier(notifier);
    server->m_http->setSecretBox(*secrets);
    if (server->m_simulation) {
        if (core::Result<void> started = server->m_simulation->start(); !started)
            return started.error();
    }
    server->m_listingTimer.setInterval(60'000);
    connect(&server->m_listingTimer, &QTimer::timeout, server.get(), &Server::rollListing);
    server->m_listingTimer.start();
    return server;
}

void Server::rollListing()
{
    const QDate today = m_orders->nowUtc().date(); // on the clock trading runs by
    if (today == m_listedOn)
        return;
    core::Result<void> listed = listDefaultCatalog(*m_store, today);
    if (listed)
        listed = m_orders->refreshInstruments();
    if (!listed) {
        // Tried again in a minute; the books open meanwhile keep trading.
        qWarning().noquote() << "Listing the catalog for" << today.toString(Qt::ISODate)
                             << "failed:" << listed.error().message;
        return;
    }
    m_listedOn = today;
}

Server::~Server()
{
    // The API and gateway hold references into the services: tear down front to back. Answers
    // still waiting for the writer are dropped while their sockets still exist; what is queued
    // is committed when the writer stops.
    m_simulation.reset();
    m_cluster.reset();
    if (m_orders)
        m_orders->shutdown();
    m_wakeOnNotifications = nullptr;
    if (m_orders)
        m_orders->setNotificationFilter({});
    m_notifier.reset(); // its dispatchers finish the message in hand
    m_readers.reset(); // waits for reads under way; their queued answers die with m_http
    m_http.reset();
    m_documents.reset();
    m_ocr.reset();
    m_stream.reset();
    m_orders.reset();
    m_writer.reset();
    m_auth.reset();
    m_limiter.reset();
    m_redis.reset();
}

core::Result<quint16> Server::listen(const QHostAddress &address, quint16 port)
{
    core::Result<quint16> bound = m_http->listen(address, port);
    if (bound && m_cluster) {
        // Reachable from the others: the address given, else where it listens.
        QUrl url = m_advertisedUrl;
        if (url.isEmpty()) {
            url = QUrl(QStringLiteral("http://localhost"));
            url.setHost(address.toString());
            url.setPort(*bound);
        }
        m_cluster->start(url);
    }
    return bound;
}

} // namespace qx::server
