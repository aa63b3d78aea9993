#include "server/api/streamgateway.h"

#include <QJsonArray>
#include <QTimer>
#include <QWebSocket>

namespace qx::server {

namespace protocol = core::protocol;
namespace stream = core::protocol::stream;

StreamGateway::StreamGateway(AuthService &auth, QObject *parent)
    : QObject(parent)
    , m_auth(auth)
{ }

StreamGateway::~StreamGateway()
{
    for (auto &[socket, session] : m_sessions)
        socket->disconnect(this);
}

void StreamGateway::accept(std::unique_ptr<QWebSocket> socket)
{
    QWebSocket *raw = socket.get();
    raw->setMaxAllowedIncomingMessageSize(kMaxMessageBytes);
    raw->setMaxAllowedIncomingFrameSize(kMaxMessageBytes);
    connect(raw, &QWebSocket::textMessageReceived, this,
            [this, raw](const QString &text) { onMessage(raw, text); });
    connect(raw, &QWebSocket::binaryMessageReceived, this, [this, raw] {
        send(raw,
             protocol::StreamMessage::error(core::makeError(QStringLiteral("invalid_message"),
                                                            tr("Messages must be JSON text."))));
    });
    connect(raw, &QWebSocket::disconnected, this, [this, raw] { drop(raw); });
    QTimer::singleShot(kAuthTimeoutMs, raw, [this, raw] {
        auto found = m_sessions.find(raw);
        if (found != m_sessions.end() && !found->second.principal)
            raw->close(QWebSocketProtocol::CloseCodePolicyViolated,
                       QStringLiteral("authentication timeout"));
    });
    m_sessions.emplace(raw, Session { std::move(socket), std::nullopt, {} });
}

void StreamGateway::onMessage(QWebSocket *socket, const QString &text)
{
    auto found = m_sessions.find(socket);
    if (found == m_sessions.end())
        return;
    Session &session = found->second;
    const core::Result<protocol::StreamMessage> message
        = protocol::StreamMessage::parse(text.toUtf8());
    if (!message) {
        send(socket, protocol::StreamMessage::error(message.error()));
        return;
    }
    if (message->type == stream::kAuth) {
        core::Result<Principal> principal
            = m_auth.authenticateToken(message->body.value(u"token").toString());
        if (!principal) {
            send(socket, protocol::StreamMessage::error(principal.error()));
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated,
                          QStringLiteral("authentication failed"));
            return;
        }
        session.principal = *principal;
        send(socket, protocol::StreamMessage::authOk(principal->username));
        return;
    }
    if (!session.principal) {
        send(socket,
             protocol::StreamMessage::error(
                 core::makeError(QStringLiteral("missing_token"), tr("Authenticate first."))));
        return;
    }
    if (message->type == stream::kSubscribe) {
        const QJsonArray channels = message->body.value(u"channels").toArray();
        QStringList accepted;
        for (const QJsonValue &channel : channels) {
            if (channel.toString() != stream::kOrdersChannel) {
                send(socket,
                     protocol::StreamMessage::error(core::makeError(
                         QStringLiteral("unknown_channel"),
                         tr("No channel \"%1\".").arg(channel.toString().left(64)))));
                return;
            }
            accepted.append(channel.toString());
        }
        for (const QString &channel : accepted)
            session.channels.insert(channel);
        send(socket, protocol::StreamMessage::subscribed(accepted));
        return;
    }
    send(socket,
         protocol::StreamMessage::error(
             core::makeError(QStringLiteral("invalid_message"),
                             tr("Unknown message type \"%1\".").arg(message->type.left(64)))));
}

void StreamGateway::publishOrderEvent(const QString &type, const protocol::Order &order,
                                      qint64 userId)
{
    const protocol::StreamMessage message = protocol::StreamMessage::orderEvent(type, order);
    for (auto &[socket, session] : m_sessions) {
        if (session.principal && session.principal->userId == userId
            && session.channels.contains(stream::kOrdersChannel.toString())) {
            send(socket, message);
        }
    }
}

void StreamGateway::send(QWebSocket *socket, const protocol::StreamMessage &message)
{
    socket->sendTextMessage(QString::fromUtf8(message.serialize()));
}

void StreamGateway::drop(QWebSocket *socket)
{
    auto found = m_sessions.find(socket);
    if (found == m_sessions.end())
        return;
    // Deleted later: this runs inside the socket's own signal.
    found->second.socket.release()->deleteLater();
    m_sessions.erase(found);
}

} // namespace qx::server
