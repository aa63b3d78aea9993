#pragma once

#include "core/protocol/messages.h"
#include "server/auth/authservice.h"

#include <QObject>
#include <QSet>

#include <map>
#include <memory>
#include <optional>

class QWebSocket;

namespace qx::server {

/**
 * The WebSocket stream (/api/v1/stream). A client authenticates with {"type":"auth","token"}
 * within kAuthTimeoutMs, subscribes to channels ("orders": its own order events) and then
 * receives events as they become durable. Oversized messages are refused by QWebSocket itself
 * (close 1009). Lives on the server's event-loop thread with every socket it owns.
 */
class StreamGateway : public QObject
{
    Q_OBJECT

public:
    static constexpr int kAuthTimeoutMs = 10'000;
    static constexpr qint64 kMaxMessageBytes = 64 * 1024;

    explicit StreamGateway(AuthService &auth, QObject *parent = nullptr);
    ~StreamGateway() override;

    void accept(std::unique_ptr<QWebSocket> socket);
    /// Sends an order event to the owner's sockets subscribed to "orders".
    void publishOrderEvent(const QString &type, const core::protocol::Order &order, qint64 userId);
    qsizetype sessionCount() const { return qsizetype(m_sessions.size()); }

private:
    struct Session
    {
        std::unique_ptr<QWebSocket> socket;
        std::optional<Principal> principal;
        QSet<QString> channels;
    };

    void onMessage(QWebSocket *socket, const QString &text);
    void send(QWebSocket *socket, const core::protocol::StreamMessage &message);
    void drop(QWebSocket *socket);

    AuthService &m_auth;
    std::map<QWebSocket *, Session> m_sessions;
};

} // namespace qx::server
