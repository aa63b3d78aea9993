#pragma once

#include "core/candles.h"
#include "core/protocol/deals.h"
#include "core/protocol/messages.h"
#include "server/auth/authservice.h"
#include "server/cluster/cluster.h"
#include "server/documents/documentservice.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <map>
#include <memory>
#include <optional>

class QWebSocket;

namespace qx::server {

class Cluster;
class Forwarder;
class OrderService;
enum class Permission;

/**
 * The WebSocket stream (/api/v1/stream). A client authenticates with {"type":"auth","token"}
 * within kAuthTimeoutMs, then subscribes to channels:
 *   orders, trades               its own order events and fills, as they become durable
 *   book:{symbol}               aggregated depth (kBookDepth levels), a snapshot at once
 *   ticker:{symbol}             best bid/offer, last trade and volume, a snapshot at once
 *   candles:{symbol}:{interval} the current candle whenever a trade changes it
 *   trades:{symbol}             the market's trades (time and sales): the latest at once,
 *                               then each as it becomes durable
 * {"type":"unsubscribe","channels"} stops channels (answered "unsubscribed").
 * Book and ticker updates are coalesced per symbol to at most one per kCoalesceMs. Orders can
 * be entered over the socket: order.new {"order":{...}}, order.modify {"order_id",
 * "price"?, "quantity"?}, order.cancel {"order_id"}, each answered by order.ack or
 * order.reject carrying the client's client_order_id. Oversized messages are refused by
 * QWebSocket itself (close 1009).
 *
 * Lives on the server's event-loop thread with every socket it owns.
 */
class StreamGateway : public QObject
{
    Q_OBJECT

public:
    static constexpr int kAuthTimeoutMs = 10'000;
    static constexpr qint64 kMaxMessageBytes = 64 * 1024;
    /// Messages a client may send per second, by its role (`serve --stream-rate`): beyond,
    /// each is refused (rate_limited); beyond twice as many, the connection is closed (1008).
    /// A trading program entering orders on the stream needs far more than a screen.
    struct MessageRates
    {
        static constexpr int kDefault = 1000;
        int perSecond = kDefault; ///< for a role not named, and before authentication
        QHash<QString, int> byRole;
        int forRole(const QString &role) const { return byRole.value(role, perSecond); }
    };
    static constexpr int kBookDepth = 10;
    static constexpr int kCoalesceMs = 50;
    static_assert(kBookDepth == Cluster::kBookDepth && kCoalesceMs == Cluster::kCoalesceMs,
                  "clients see other servers' books as deep and as often as this one's");

    StreamGateway(AuthService &auth, OrderService &orders, QObject *parent = nullptr);
    ~StreamGateway() override;

    void accept(std::unique_ptr<QWebSocket> socket);
    void publishOrderEvent(const QString &type, const core::protocol::Order &order, qint64 userId);
    void publishTrade(const core::protocol::Trade &trade, qint64 userId);
    void publishDealEvent(const QString &type, const core::protocol::Deal &deal, qint64 userId);
    /// A document of a firm changed: to the sessions of its users.
    void publishDocumentEvent(const QString &type, const qx::server::DocumentRecord &document);
    /// A notification to its user's sessions on "notifications".
    void publishNotification(const qx::server::NotificationRecord &notification);
    void marketUpdated(const QString &symbol);
    void candleUpdated(const QString &symbol, core::CandleInterval interval,
                       const core::Candle &candle);
    void publishMarketTrade(const core::protocol::MarketTrade &trade);
    /// Depth and ticker of a book another server matches (through the Cluster): sent to the
    /// subscribers here and kept for those who subscribe later.
    void remoteMarket(const QString &symbol, const QJsonObject &book, const QJsonObject &ticker);
    /// Order entry on the socket for books another server matches goes through `forwarder`
    /// to the owner `cluster` names.
    void setCluster(const Cluster *cluster, Forwarder *forwarder);
    /// Closes every session (1001, going away) with `reason`: its client reconnects and reads
    /// again what it shows, after this server missed events it should have passed on.
    void restartSessions(const QString &reason);
    qsizetype sessionCount() const { return qsizetype(m_sessions.size()); }
    /// The message rates of the sessions that authenticate from now on.
    void setMessageRates(MessageRates rates) { m_rates = std::move(rates); }

private:
    struct Session
    {
        std::unique_ptr<QWebSocket> socket;
        std::optional<Principal> principal;
        QString token; ///< for order entry forwarded to another server
        QSet<QString> channels;
        QElapsedTimer window; ///< the current second
        int messages = 0; ///< received in it
        int messagesPerSecond = MessageRates::kDefault; ///< allowed, by its role
    };

    void onMessage(QWebSocket *socket, const QString &text);
    /// Whether the session's role has `needed`; if not, it is told so (forbidden).
    bool allowed(Session &session, Permission needed);
    void subscribe(Session &session, const core::protocol::StreamMessage &message);
    void unsubscribe(Session &session, const core::protocol::StreamMessage &message);
    /// The message's "channels", each checked; or the problem, sent to the session.
    std::optional<QStringList> channelsOf(Session &session,
                                          const core::protocol::StreamMessage &message);
    void enterOrder(Session &session, const core::protocol::StreamMessage &message);
    std::optional<QString> checkChannel(const QString &channel) const;
    /// The caller's own orders, fills or deals: account:read, delivered to their sessions.
    static bool isOwnChannel(QStringView channel);
    /// The current book, ticker or latest trades of a book:/ticker:/trades: channel.
    std::optional<core::protocol::StreamMessage> snapshot(const QString &channel) const;
    void flushMarkets();
    /// Channel membership, counted per channel so that an event nobody watches costs a
    /// look-up, not a message built and dropped (a backfilled history announces 100,000).
    void join(Session &session, const QString &channel);
    void leave(Session &session, const QString &channel);
    bool watched(const QString &channel) const { return m_watchers.contains(channel); }
    /// Sends `build()` to every session on `channel` that `wanted` accepts, building it once
    /// and only if one is there.
    template<typename Build, typename Wanted>
    void broadcast(const QString &channel, Build build, Wanted wanted);
    template<typename Build>
    void broadcast(const QString &channel, Build build)
    {
        broadcast(channel, std::move(build), [](const Session &) { return true; });
    }
    void send(QWebSocket *socket, const core::protocol::StreamMessage &message);
    void drop(QWebSocket *socket);

    AuthService &m_auth;
    OrderService &m_orders;
    std::map<QWebSocket *, Session> m_sessions;
    QHash<QString, int> m_watchers; ///< sessions on each channel that has any
    QSet<QString> m_dirtyMarkets;
    /// The latest depth and ticker messages of books matched elsewhere, by symbol.
    QHash<QString, QPair<QJsonObject, QJsonObject>> m_remoteMarkets;
    const Cluster *m_cluster = nullptr;
    Forwarder *m_forwarder = nullptr;
    QTimer m_flushTimer;
    MessageRates m_rates;
};

} // namespace qx::server
