#include "server/cache/redisclient.h"

#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QUrl>

#include <hiredis/async.h>
#include <hiredis/hiredis.h>

#include <vector>

namespace qx::server {

namespace {

Q_LOGGING_CATEGORY(lcRedis, "qx.server.redis")

core::Error unavailable(const QString &why)
{
    return core::makeError(core::ErrorCode::CacheUnavailable,
                           QStringLiteral("Redis is not reachable: %1").arg(why));
}

// A command waiting for its answer; owned by hiredis's callback list until it comes.
struct Pending
{
    RedisClient *client;
    const bool *closing;
    RedisClient::Reply reply;
};

} // namespace

/// One hiredis connection and the two notifiers that drive it. hiredis owns the context: it
/// frees it after a disconnection (cleanup() is then called), never this.
struct RedisClient::Connection
{
    RedisClient *client = nullptr;
    bool subscriber = false;
    redisAsyncContext *context = nullptr;
    QSocketNotifier *reader = nullptr;
    QSocketNotifier *writer = nullptr;
    bool ready = false;

    static Connection *of(void *data) { return static_cast<Connection *>(data); }
    static void addRead(void *data)
    {
        if (Connection *c = of(data); c->reader)
            c->reader->setEnabled(true);
    }
    static void delRead(void *data)
    {
        if (Connection *c = of(data); c->reader)
            c->reader->setEnabled(false);
    }
    static void addWrite(void *data)
    {
        if (Connection *c = of(data); c->writer)
            c->writer->setEnabled(true);
    }
    static void delWrite(void *data)
    {
        if (Connection *c = of(data); c->writer)
            c->writer->setEnabled(false);
    }
    // hiredis is about to free the context: this may run inside a notifier's own signal, so
    // the notifiers go later.
    static void cleanup(void *data)
    {
        Connection *c = of(data);
        for (QSocketNotifier *notifier : { c->reader, c->writer }) {
            if (notifier) {
                notifier->setEnabled(false);
                notifier->deleteLater();
            }
        }
        c->reader = c->writer = nullptr;
        c->context = nullptr;
        c->ready = false;
    }
};

RedisClient::RedisClient(QString url, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_commands(std::make_unique<Connection>())
    , m_subscriber(std::make_unique<Connection>())
{
    m_commands->client = this;
    m_subscriber->client = this;
    m_subscriber->subscriber = true;
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &RedisClient::connectBoth);
}

RedisClient::~RedisClient()
{
    // Freeing a context answers its pending commands with nothing and calls the disconnect
    // callback: both look at m_closing and do no more.
    m_closing = true;
    for (Connection *connection : { m_commands.get(), m_subscriber.get() }) {
        if (connection->context)
            redisAsyncFree(connection->context);
    }
}

core::Result<void> RedisClient::checkUrl(const QString &url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    bool numeric = true;
    const QString path = parsed.path().mid(1);
    if (parsed.scheme() != u"redis" || parsed.host().isEmpty() || parsed.port() == 0
        || (!path.isEmpty() && (path.toInt(&numeric) < 0 || !numeric))) {
        return core::makeError(core::ErrorCode::InvalidRedis,
                               QStringLiteral("Redis must be redis://HOST:PORT[/DB], not "
                                              "\"%1\".")
                                   .arg(url.left(200)));
    }
    return {};
}

core::Result<void> RedisClient::start()
{
    if (core::Result<void> valid = checkUrl(m_url); !valid)
        return valid;
    const QUrl parsed(m_url);
    m_host = parsed.host().toUtf8();
    m_port = parsed.port(6379);
    m_database = parsed.path().mid(1).toInt();
    connectBoth();
    return {};
}

bool RedisClient::isConnected() const
{
    return m_connected;
}

void RedisClient::connectBoth()
{
    for (Connection *connection : { m_commands.get(), m_subscriber.get() }) {
        if (!connection->context)
            open(*connection);
    }
}

void RedisClient::open(Connection &connection)
{
    redisAsyncContext *context = redisAsyncConnect(m_host.constData(), m_port);
    if (!context || context->err) {
        qCInfo(lcRedis) << "cannot connect:" << (context ? context->errstr : "out of memory");
        if (context)
            redisAsyncFree(context);
        return scheduleReconnect();
    }
    connection.context = context;
    context->data = &connection;
    const qintptr socket = context->c.fd;
    connection.reader = new QSocketNotifier(socket, QSocketNotifier::Read, this);
    connection.writer = new QSocketNotifier(socket, QSocketNotifier::Write, this);
    connection.reader->setEnabled(false);
    Connection *c = &connection;
    connect(connection.reader, &QSocketNotifier::activated, this, [c] {
        if (c->context)
            redisAsyncHandleRead(c->context);
    });
    connect(connection.writer, &QSocketNotifier::activated, this, [c] {
        if (c->context)
            redisAsyncHandleWrite(c->context);
    });
    context->ev.data = &connection;
    context->ev.addRead = &Connection::addRead;
    context->ev.delRead = &Connection::delRead;
    context->ev.addWrite = &Connection::addWrite;
    context->ev.delWrite = &Connection::delWrite;
    context->ev.cleanup = &Connection::cleanup;
    redisAsyncSetConnectCallback(context, [](const redisAsyncContext *context, int status) {
        Connection *c = Connection::of(context->data);
        c->client->onConnected(*c, status == REDIS_OK);
    });
    redisAsyncSetDisconnectCallback(context, [](const redisAsyncContext *context, int) {
        Connection *c = Connection::of(context->data);
        c->client->onDisconnected(*c);
    });
    // The connection completes when the socket turns writable: hiredis learns it there.
    connection.writer->setEnabled(true);
}

void RedisClient::onConnected(Connection &connection, bool ok)
{
    if (!ok) {
        // hiredis frees the context after this callback.
        connection.context = nullptr;
        if (!m_closing)
            scheduleReconnect();
        return;
    }
    m_backoffMs = 100;
    if (m_database != 0) {
        const QByteArray database = QByteArray::number(m_database);
        const char *argv[] = { "SELECT", database.constData() };
        const size_t lengths[] = { 6, size_t(database.size()) };
        redisAsyncCommandArgv(connection.context, nullptr, nullptr, 2, argv, lengths);
    }
    if (connection.subscriber)
        sendSubscribe(connection, QList<QByteArray>(m_channels.begin(), m_channels.end()));
    connection.ready = true;
    updateConnected();
}

void RedisClient::sendSubscribe(Connection &connection, const QList<QByteArray> &channels)
{
    if (channels.isEmpty())
        return;
    std::vector<const char *> argv { "SUBSCRIBE" };
    std::vector<size_t> lengths { 9 };
    for (const QByteArray &channel : channels) {
        argv.push_back(channel.constData());
        lengths.push_back(size_t(channel.size()));
    }
    // hiredis calls this for every message on these channels from now on.
    redisAsyncCommandArgv(
        connection.context,
        [](redisAsyncContext *, void *raw, void *data) {
            const auto *reply = static_cast<redisReply *>(raw);
            auto *client = static_cast<RedisClient *>(data);
            if (!reply || client->m_closing || reply->type != REDIS_REPLY_ARRAY
                || reply->elements != 3)
                return;
            if (QByteArrayView(reply->element[0]->str, qsizetype(reply->element[0]->len))
                != "message")
                return;
            Q_EMIT client->message(
                QByteArray(reply->element[1]->str, qsizetype(reply->element[1]->len)),
                QByteArray(reply->element[2]->str, qsizetype(reply->element[2]->len)));
        },
        this, int(argv.size()), argv.data(), lengths.data());
}

void RedisClient::onDisconnected(Connection &connection)
{
    connection.context = nullptr; // hiredis frees it after this callback
    connection.ready = false;
    if (m_closing)
        return;
    qCInfo(lcRedis) << "connection lost";
    updateConnected();
    scheduleReconnect();
}

void RedisClient::scheduleReconnect()
{
    if (m_closing || m_reconnectTimer.isActive())
        return;
    m_reconnectTimer.start(m_backoffMs);
    m_backoffMs = std::min(m_backoffMs * 2, 5000);
}

void RedisClient::updateConnected()
{
    const bool connected = m_commands->ready && m_subscriber->ready;
    if (connected == m_connected)
        return;
    m_connected = connected;
    qCInfo(lcRedis) << (connected ? "connected to" : "disconnected from") << m_url;
    Q_EMIT connectedChanged(connected);
}

void RedisClient::command(const QList<QByteArray> &arguments, Reply reply)
{
    if (!m_commands->ready || !m_commands->context) {
        if (reply) {
            QMetaObject::invokeMethod(
                this, [reply] { reply(unavailable(QStringLiteral("not connected"))); },
                Qt::QueuedConnection);
        }
        return;
    }
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    for (const QByteArray &argument : arguments) {
        argv.push_back(argument.constData());
        lengths.push_back(size_t(argument.size()));
    }
    auto *pending = new Pending { this, &m_closing, std::move(reply) };
    const int sent = redisAsyncCommandArgv(
        m_commands->context,
        [](redisAsyncContext *, void *raw, void *data) {
            std::unique_ptr<Pending> pending(static_cast<Pending *>(data));
            if (*pending->closing || !pending->reply)
                return;
            const auto *reply = static_cast<redisReply *>(raw);
            if (!reply)
                return pending->reply(unavailable(QStringLiteral("connection lost")));
            switch (reply->type) {
            case REDIS_REPLY_NIL:
                return pending->reply(std::optional<QByteArray>());
            case REDIS_REPLY_INTEGER:
                return pending->reply(std::optional(QByteArray::number(reply->integer)));
            case REDIS_REPLY_ERROR:
                return pending->reply(
                    core::makeError(core::ErrorCode::CacheError,
                                    QString::fromUtf8(reply->str, qsizetype(reply->len))));
            default:
                return pending->reply(
                    std::optional(QByteArray(reply->str ? reply->str : "", qsizetype(reply->len))));
            }
        },
        pending, int(argv.size()), argv.data(), lengths.data());
    if (sent != REDIS_OK) {
        // Not queued: hiredis never calls back for it.
        std::unique_ptr<Pending> refused(pending);
        if (refused->reply) {
            Reply answer = std::move(refused->reply);
            QMetaObject::invokeMethod(
                this, [answer] { answer(unavailable(QStringLiteral("command refused"))); },
                Qt::QueuedConnection);
        }
    }
}

void RedisClient::subscribe(const QByteArray &channel)
{
    if (m_channels.contains(channel))
        return;
    m_channels.insert(channel);
    if (m_subscriber->ready && m_subscriber->context)
        sendSubscribe(*m_subscriber, { channel });
    // else: subscribed with the others once connected
}

} // namespace qx::server
