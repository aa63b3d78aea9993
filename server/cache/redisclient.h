#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>

namespace qx::server {

/**
 * An asynchronous Redis client on hiredis, driven by Qt's event loop through a small
 * QSocketNotifier adapter of its own (hiredis's Qt adapter frees memory it still uses when
 * destroyed). Two connections: one for commands, one for the channels subscribed to.
 *
 * Redis is never the only copy of anything here, so an outage must not fail a request: while
 * disconnected every command answers cache_unavailable at once, and the client reconnects by
 * itself (backing off from 100 ms to 5 s), selects its database, subscribes again and says
 * so with connectedChanged(). Messages published while it was away are lost (Redis pub/sub
 * keeps none); the owner resynchronises from its own state.
 *
 * Lives on one thread (the one that created it); replies and messages arrive there.
 */
class RedisClient : public QObject
{
    Q_OBJECT

public:
    /// The answer to a command: a string, status, integer (as text) or bulk reply; an empty
    /// optional for nil. Errors: cache_unavailable (not connected, or the connection broke
    /// before the answer), cache_error (Redis answered with an error).
    using Reply = std::function<void(core::Result<std::optional<QByteArray>>)>;

    /// `url`: redis://HOST:PORT[/DB]. Connects when start() is called.
    explicit RedisClient(QString url, QObject *parent = nullptr);
    ~RedisClient() override;

    /// A problem with the URL, or success; the connection itself comes later.
    core::Result<void> start();
    bool isConnected() const;

    void command(const QList<QByteArray> &arguments, Reply reply = {});
    /// Delivers what is published on `channel` with message(), now and after reconnects.
    void subscribe(const QByteArray &channel);

    static core::Result<void> checkUrl(const QString &url);

Q_SIGNALS:
    /// Both connections up (true), or one of them lost (false).
    void connectedChanged(bool connected);
    void message(const QByteArray &channel, const QByteArray &payload);

private:
    struct Connection;
    void connectBoth();
    void open(Connection &connection);
    void onConnected(Connection &connection, bool ok);
    void onDisconnected(Connection &connection);
    void sendSubscribe(Connection &connection, const QList<QByteArray> &channels);
    void scheduleReconnect();
    void updateConnected();

    QString m_url;
    QByteArray m_host;
    int m_port = 6379;
    int m_database = 0;
    std::unique_ptr<Connection> m_commands;
    std::unique_ptr<Connection> m_subscriber;
    QSet<QByteArray> m_channels;
    QTimer m_reconnectTimer;
    int m_backoffMs = 100;
    bool m_connected = false;
    bool m_closing = false;
};

} // namespace qx::server
