#include "server/api/streamgateway.h"

#include "server/notifications/planning.h"

#include "server/api/httpapi.h"

#include "server/auth/permissions.h"

#include "server/cluster/cluster.h"
#include "server/cluster/forwarder.h"
#include "server/trading/orderservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

#include <QTimer>
#include <QWebSocket>
#include <algorithm>

namespace qx::server {

namespace protocol = core::protocol;
namespace stream = core::protocol::stream;
using protocol::StreamMessage;

namespace {

StreamMessage errorMessage(core::ErrorCode code, const QString &message)
{
    return StreamMessage::error(core::makeError(code, message));
}

} // namespace

StreamGateway::StreamGateway(AuthService &auth, OrderService &orders, QObject *parent)
    : QObject(parent)
    , m_auth(auth)
    , m_orders(orders)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kCoalesceMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &StreamGateway::flushMarkets);
}

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
        send(raw, errorMessage(core::ErrorCode::InvalidMessage, tr("Messages must be JSON text.")));
    });
    connect(raw, &QWebSocket::disconnected, this, [this, raw] { drop(raw); });
    QTimer::singleShot(kAuthTimeoutMs, raw, [this, raw] {
        auto found = m_sessions.find(raw);
        if (found != m_sessions.end() && !found->second.principal)
            raw->close(QWebSocketProtocol::CloseCodePolicyViolated,
                       QStringLiteral("authentication timeout"));
    });
    Session session;
    session.socket = std::move(socket);
    session.messagesPerSecond = m_rates.perSecond;
    m_sessions.emplace(raw, std::move(session));
}

void StreamGateway::onMessage(QWebSocket *socket, const QString &text)
{
    auto found = m_sessions.find(socket);
    if (found == m_sessions.end())
        return;
    Session &session = found->second;
    // A client that floods is told, then cut off: it would take the loop from everyone.
    if (!session.window.isValid() || session.window.elapsed() >= 1000) {
        session.window.start();
        session.messages = 0;
    }
    const int perSecond = session.messagesPerSecond;
    if (++session.messages > perSecond) {
        if (session.messages > 2 * perSecond) {
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated,
                          QStringLiteral("too many messages"));
            return;
        }
        core::Error limited = core::makeError(
            core::ErrorCode::RateLimited,
            tr("More than %1 messages a second: this one was not read.").arg(perSecond));
        limited.retryAfterSeconds = 1;
        send(socket, StreamMessage::error(limited));
        return;
    }
    const core::Result<StreamMessage> message = StreamMessage::parse(text.toUtf8());
    if (!message) {
        send(socket, StreamMessage::error(message.error()));
        return;
    }
    if (message->type == stream::kAuth) {
        core::Result<Principal> principal
            = m_auth.authenticateToken(message->body.value(u"token").toString());
        if (!principal) {
            send(socket, StreamMessage::error(principal.error()));
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated,
                          QStringLiteral("authentication failed"));
            return;
        }
        session.principal = *principal;
        session.principal->source = addressOf(socket->peerAddress());
        session.messagesPerSecond = m_rates.forRole(principal->role);
        session.token = message->body.value(u"token").toString();
        send(socket, StreamMessage::authOk(principal->username));
        return;
    }
    if (!session.principal) {
        send(socket, errorMessage(core::ErrorCode::MissingToken, tr("Authenticate first.")));
        return;
    }
    if (message->type == stream::kSubscribe)
        return subscribe(session, *message);
    if (message->type == stream::kUnsubscribe)
        return unsubscribe(session, *message);
    if (message->type == stream::kOrderNew || message->type == stream::kOrderModify
        || message->type == stream::kOrderCancel) {
        if (!allowed(session, Permission::OrdersWrite))
            return;
        return enterOrder(session, *message);
    }
    send(socket,
         errorMessage(core::ErrorCode::InvalidMessage,
                      tr("Unknown message type \"%1\".").arg(message->type.left(64))));
}

std::optional<QString> StreamGateway::checkChannel(const QString &channel) const
{
    if (isOwnChannel(channel))
        return std::nullopt;
    const QStringList parts = channel.split(u':');
    const bool known = parts.size() >= 2 && m_orders.instrument(parts[1]).has_value();
    if ((channel.startsWith(stream::kBookChannelPrefix)
         || channel.startsWith(stream::kTickerChannelPrefix)
         || channel.startsWith(stream::kMarketTradesChannelPrefix))
        && parts.size() == 2 && known) {
        return std::nullopt;
    }
    if (channel.startsWith(stream::kCandlesChannelPrefix) && parts.size() == 3 && known
        && core::candleIntervalFromString(parts[2])) {
        return std::nullopt;
    }
    return tr("No channel \"%1\" (orders, trades, deals, documents, notifications, book:SYMBOL, "
              "ticker:SYMBOL, trades:SYMBOL, candles:SYMBOL:1m|5m|1h|1d).")
        .arg(channel.left(64));
}

std::optional<QStringList> StreamGateway::channelsOf(Session &session, const StreamMessage &message)
{
    const QJsonValue list = message.body.value(u"channels");
    if (!list.isArray()) {
        send(session.socket.get(),
             errorMessage(core::ErrorCode::InvalidMessage,
                          tr("\"channels\" must be a list of names.")));
        return std::nullopt;
    }
    QStringList channels;
    for (const QJsonValue &value : list.toArray()) {
        const QString channel = value.toString();
        if (const std::optional<QString> problem = checkChannel(channel)) {
            send(session.socket.get(), errorMessage(core::ErrorCode::UnknownChannel, *problem));
            return std::nullopt;
        }
        channels.append(channel);
    }
    return channels;
}

bool StreamGateway::allowed(Session &session, Permission needed)
{
    if (session.principal->can(needed))
        return true;
    send(session.socket.get(),
         errorMessage(core::ErrorCode::Forbidden,
                      tr("The %1 role does not have the %2 permission this needs.")
                          .arg(session.principal->role, toString(needed))));
    return false;
}

void StreamGateway::subscribe(Session &session, const StreamMessage &message)
{
    const std::optional<QStringList> accepted = channelsOf(session, message);
    if (!accepted)
        return; // nothing subscribed: one bad name refuses the whole request
    for (const QString &channel : *accepted) {
        if (!allowed(session,
                     isOwnChannel(channel) ? Permission::AccountRead : Permission::MarketRead))
            return;
    }
    for (const QString &channel : *accepted)
        join(session, channel);
    send(session.socket.get(), StreamMessage::subscribed(*accepted));
    for (const QString &channel : *accepted) {
        if (const std::optional<StreamMessage> current = snapshot(channel))
            send(session.socket.get(), *current);
    }
}

void StreamGateway::unsubscribe(Session &session, const StreamMessage &message)
{
    const std::optional<QStringList> channels = channelsOf(session, message);
    if (!channels)
        return;
    for (const QString &channel : *channels)
        leave(session, channel);
    send(session.socket.get(), StreamMessage::unsubscribed(*channels));
}

std::optional<StreamMessage> StreamGateway::snapshot(const QString &channel) const
{
    const QString symbol = channel.section(u':', 1, 1);
    // A book matched elsewhere: as its server last published it.
    if (const auto remote = m_remoteMarkets.constFind(symbol);
        remote != m_remoteMarkets.cend() && !m_orders.owns(symbol)) {
        if (channel.startsWith(stream::kBookChannelPrefix))
            return StreamMessage::of(stream::kBook, { { QStringLiteral("book"), remote->first } });
        if (channel.startsWith(stream::kTickerChannelPrefix)) {
            return StreamMessage::of(stream::kTicker,
                                     { { QStringLiteral("ticker"), remote->second } });
        }
    }
    if (channel.startsWith(stream::kBookChannelPrefix)) {
        if (auto book = m_orders.book(symbol, kBookDepth))
            return StreamMessage::of(stream::kBook, { { QStringLiteral("book"), book->toJson() } });
    } else if (channel.startsWith(stream::kTickerChannelPrefix)) {
        if (auto ticker = m_orders.ticker(symbol)) {
            return StreamMessage::of(stream::kTicker,
                                     { { QStringLiteral("ticker"), ticker->toJson() } });
        }
    } else if (channel.startsWith(stream::kMarketTradesChannelPrefix)) {
        if (auto trades = m_orders.recentTrades(symbol)) {
            QJsonArray list;
            for (const protocol::MarketTrade &trade : std::as_const(*trades))
                list.append(trade.toJson());
            return StreamMessage::of(
                stream::kMarketTrades,
                { { QStringLiteral("symbol"), symbol }, { QStringLiteral("trades"), list } });
        }
    }
    return std::nullopt;
}

void StreamGateway::enterOrder(Session &session, const StreamMessage &message)
{
    const Principal &principal = *session.principal;
    // Answered once the order is stored; the socket may be gone by then.
    const QPointer<QWebSocket> socket = session.socket.get();
    const auto reject = [this, socket](const QString &clientOrderId, const QString &orderId,
                                       const core::Error &error) {
        if (!socket)
            return;
        QJsonObject body = protocol::errorToJson(HttpApi::publicError(error));
        body.insert(QStringLiteral("client_order_id"), clientOrderId);
        if (!orderId.isEmpty())
            body.insert(QStringLiteral("order_id"), orderId);
        send(socket, StreamMessage::of(stream::kOrderReject, body));
    };
    const auto acknowledge = [this, socket](const protocol::Order &order) {
        if (!socket)
            return;
        send(socket,
             StreamMessage::of(stream::kOrderAck,
                               { { QStringLiteral("client_order_id"), order.clientOrderId },
                                 { QStringLiteral("order"), order.toJson() } }));
    };
    // A book matched by another server: the same request, as REST, to that server.
    const auto forwarded = [&](const QString &symbol, const QByteArray &method, const QString &path,
                               const QJsonObject &body, const QString &clientOrderId,
                               const QString &orderId) {
        const std::optional<QUrl> owner = m_cluster ? m_cluster->ownerOf(symbol) : std::nullopt;
        if (!owner || !m_forwarder)
            return false;
        m_forwarder->send(
            *owner, method, path,
            body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact),
            "Bearer " + session.token.toUtf8(), principal.source,
            [=](int status, const QByteArray &answer) {
                const QJsonObject json = QJsonDocument::fromJson(answer).object();
                if (status == 200 || status == 201) {
                    if (const auto order = protocol::Order::fromJson(json))
                        return acknowledge(*order);
                }
                reject(clientOrderId, orderId,
                       protocol::errorFromJson(json).value_or(core::makeError(
                           core::ErrorCode::StorageUnavailable,
                           tr("The server that matches %1 did not answer.").arg(symbol))));
            });
        return true;
    };
    if (message.type == stream::kOrderNew) {
        const QJsonObject fields = message.body.value(u"order").toObject();
        const QString clientOrderId = fields.value(u"client_order_id").toString();
        core::Result<protocol::NewOrder> request = protocol::NewOrder::fromJson(fields);
        if (!request)
            return reject(clientOrderId, {}, request.error());
        if (forwarded(request->symbol, "POST", QStringLiteral("/api/v1/orders"), fields,
                      clientOrderId, {}))
            return;
        return m_orders.place(principal, *request,
                              [=](core::Result<OrderService::Placement> placed) {
                                  if (!placed)
                                      return reject(clientOrderId, {}, placed.error());
                                  acknowledge(placed->order);
                              });
    }
    const QString orderId = message.body.value(u"order_id").toString();
    const auto answer = [=](core::Result<protocol::Order> changed) {
        if (!changed)
            return reject({}, orderId, changed.error());
        acknowledge(*changed);
    };
    const std::optional<QString> symbol
        = m_cluster ? m_orders.symbolOfOrder(orderId) : std::nullopt;
    const QString path
        = QStringLiteral("/api/v1/orders/") + QString::fromLatin1(QUrl::toPercentEncoding(orderId));
    if (message.type == stream::kOrderCancel) {
        if (symbol && forwarded(*symbol, "DELETE", path, {}, {}, orderId))
            return;
        return m_orders.cancel(principal, orderId, answer);
    }
    QJsonObject fields = message.body;
    fields.remove(QStringLiteral("type"));
    fields.remove(QStringLiteral("order_id"));
    core::Result<protocol::OrderModify> change = protocol::OrderModify::fromJson(fields);
    if (!change)
        return reject({}, orderId, change.error());
    if (symbol && forwarded(*symbol, "PATCH", path, fields, {}, orderId))
        return;
    m_orders.modify(principal, orderId, *change, answer);
}

void StreamGateway::publishOrderEvent(const QString &type, const protocol::Order &order,
                                      qint64 userId)
{
    broadcast(
        stream::kOrdersChannel.toString(), [&] { return StreamMessage::orderEvent(type, order); },
        [userId](const Session &session) {
            return session.principal && session.principal->userId == userId;
        });
}

void StreamGateway::publishTrade(const protocol::Trade &trade, qint64 userId)
{
    broadcast(
        stream::kTradesChannel.toString(),
        [&] {
            return StreamMessage::of(stream::kTrade,
                                     { { QStringLiteral("trade"), trade.toJson() } });
        },
        [userId](const Session &session) {
            return session.principal && session.principal->userId == userId;
        });
}

void StreamGateway::publishDealEvent(const QString &type, const protocol::Deal &deal, qint64 userId)
{
    broadcast(
        stream::kDealsChannel.toString(),
        [&] {
            return StreamMessage::of(type, { { QStringLiteral("deal"), deal.toJson() } });
        },
        [userId](const Session &session) {
            return session.principal && session.principal->userId == userId;
        });
}

void StreamGateway::publishDocumentEvent(const QString &type, const DocumentRecord &document)
{
    broadcast(
        stream::kDocumentsChannel.toString(),
        [&] {
            return StreamMessage::of(
                type, { { QStringLiteral("document"), DocumentService::toJson(document) } });
        },
        [&document](const Session &session) {
            return session.principal
                && documentOwner(session.principal->userId, session.principal->counterparty)
                == document.owner;
        });
}

void StreamGateway::publishNotification(const NotificationRecord &notification)
{
    broadcast(
        stream::kNotificationsChannel.toString(),
        [&] {
            return StreamMessage::of(
                stream::kNotification,
                { { QStringLiteral("notification"), toProtocol(notification).toJson() } });
        },
        [userId = notification.userId](const Session &session) {
            return session.principal && session.principal->userId == userId;
        });
}

bool StreamGateway::isOwnChannel(QStringView channel)
{
    return channel == stream::kOrdersChannel || channel == stream::kTradesChannel
        || channel == stream::kDealsChannel || channel == stream::kDocumentsChannel
        || channel == stream::kNotificationsChannel;
}

void StreamGateway::marketUpdated(const QString &symbol)
{
    m_dirtyMarkets.insert(symbol);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void StreamGateway::flushMarkets()
{
    const QSet<QString> dirty = std::exchange(m_dirtyMarkets, {});
    for (const QString &symbol : dirty) {
        for (const QStringView prefix :
             { stream::kBookChannelPrefix, stream::kTickerChannelPrefix }) {
            const QString channel = prefix.toString() + symbol;
            // Built once per channel, whatever the number of subscribers.
            if (!watched(channel))
                continue;
            if (const std::optional<StreamMessage> current = snapshot(channel))
                broadcast(channel, [&current] { return *current; });
        }
    }
}

void StreamGateway::candleUpdated(const QString &symbol, core::CandleInterval interval,
                                  const core::Candle &candle)
{
    const QString channel
        = stream::kCandlesChannelPrefix.toString() + symbol + u':' + core::toString(interval);
    broadcast(channel, [&] {
        return StreamMessage::of(stream::kCandle,
                                 { { QStringLiteral("symbol"), symbol },
                                   { QStringLiteral("interval"), core::toString(interval) },
                                   { QStringLiteral("candle"), protocol::toJson(candle) } });
    });
}

void StreamGateway::publishMarketTrade(const protocol::MarketTrade &trade)
{
    broadcast(stream::kMarketTradesChannelPrefix.toString() + trade.symbol, [&trade] {
        return StreamMessage::of(stream::kMarketTrade,
                                 { { QStringLiteral("trade"), trade.toJson() } });
    });
}

void StreamGateway::remoteMarket(const QString &symbol, const QJsonObject &book,
                                 const QJsonObject &ticker)
{
    // A cached snapshot read from Redis may arrive after a newer published one.
    if (const auto shown = m_remoteMarkets.constFind(symbol); shown != m_remoteMarkets.cend()
        && shown->first.value(u"sequence").toInteger() > book.value(u"sequence").toInteger())
        return;
    m_remoteMarkets.insert(symbol, { book, ticker });
    broadcast(stream::kBookChannelPrefix.toString() + symbol, [&book] {
        return StreamMessage::of(stream::kBook, { { QStringLiteral("book"), book } });
    });
    broadcast(stream::kTickerChannelPrefix.toString() + symbol, [&ticker] {
        return StreamMessage::of(stream::kTicker, { { QStringLiteral("ticker"), ticker } });
    });
}

void StreamGateway::setCluster(const Cluster *cluster, Forwarder *forwarder)
{
    m_cluster = cluster;
    m_forwarder = forwarder;
}

template<typename Build, typename Wanted>
void StreamGateway::broadcast(const QString &channel, Build build, Wanted wanted)
{
    if (!watched(channel))
        return;
    std::optional<StreamMessage> message;
    for (auto &[socket, session] : m_sessions) {
        if (!session.channels.contains(channel) || !wanted(session))
            continue;
        if (!message)
            message = build();
        send(socket, *message);
    }
}

void StreamGateway::join(Session &session, const QString &channel)
{
    if (!session.channels.contains(channel)) {
        session.channels.insert(channel);
        ++m_watchers[channel];
    }
}

void StreamGateway::leave(Session &session, const QString &channel)
{
    if (!session.channels.remove(channel))
        return;
    if (auto count = m_watchers.find(channel); count != m_watchers.end() && --*count == 0)
        m_watchers.erase(count);
}

void StreamGateway::send(QWebSocket *socket, const StreamMessage &message)
{
    socket->sendTextMessage(QString::fromUtf8(message.serialize()));
}

void StreamGateway::restartSessions(const QString &reason)
{
    QList<QWebSocket *> sockets;
    for (const auto &[socket, session] : m_sessions)
        sockets.append(socket);
    // close() may drop the session at once: not while walking the map.
    for (QWebSocket *socket : std::as_const(sockets))
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, reason);
}

void StreamGateway::drop(QWebSocket *socket)
{
    auto found = m_sessions.find(socket);
    if (found == m_sessions.end())
        return;
    for (const QString &channel : QSet<QString>(found->second.channels))
        leave(found->second, channel);
    // Deleted later: this runs inside the socket's own signal.
    found->second.socket.release()->deleteLater();
    m_sessions.erase(found);
}

} // namespace qx::server
