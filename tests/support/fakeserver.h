#pragma once

#include "core/candles.h"
#include "core/clock.h"
#include "core/instrument.h"
#include "core/protocol/messages.h"
#include "core/protocol/notifications.h"

#include <QHash>
#include <QHttpServer>
#include <QObject>
#include <QSet>
#include <QUrl>

#include <map>
#include <memory>

class QWebSocket;

namespace qx::test {

/**
 * A stand-in for quantenergx-server inside the test process, speaking the API's shape (README,
 * "API") on one loopback port: sign-in and refresh-token rotation, the caller's identity, the
 * instruments, the paged listings of orders and fills (newest first, `next_before`), candle
 * history, order entry, and the stream at /api/v1/stream (auth, subscribe and unsubscribe,
 * order events, fills, tickers and candles pushed on the channels a session subscribed to).
 * No storage, matching or risk: the test says what the server holds and what it pushes, and
 * can cut the stream or make every access token stale, as a restarted server or a long sleep
 * would. One user, kUsername with kPassword.
 *
 * REST and the WebSocket upgrade are QHttpServer's (its QWebSocketServer hands over the
 * upgraded sockets), as in the real server. Lives on one thread (the one that created it, or
 * the one it was moved to before listen()).
 */
class FakeServer : public QObject
{
    Q_OBJECT

public:
    static constexpr QStringView kUsername = u"trader";
    static constexpr QStringView kPassword = u"trader's passphrase";

    explicit FakeServer(QObject *parent = nullptr);
    ~FakeServer() override;

    /// Listens on a free loopback port; false if none could be had.
    bool listen();
    /// http://127.0.0.1:PORT
    QUrl url() const { return m_url; }

    /// Lifetime of the access tokens issued from now on (expires_in; 900 s by default).
    void setAccessTokenSeconds(int seconds) { m_accessTokenSeconds = seconds; }
    /// Where time comes from for the tokens' expiry (the system's clock by default): the
    /// client's core::ManualClock, say, so that both see the same time pass. Not owned.
    void setClock(const core::Clock &clock) { m_clock = &clock; }
    /// Items per page of the listings when the client asks for no limit (1000, as the server).
    void setPageSize(int items) { m_pageSize = items; }

    void setInstruments(const QList<core::Instrument> &instruments);
    /// What GET /api/v1/markets/{symbol}/candles answers for `symbol` at `interval`.
    void setCandles(const QString &symbol, core::CandleInterval interval,
                    const QList<core::Candle> &candles);
    /// Adds or replaces (by id) an order the listing shows; nothing is pushed.
    void storeOrder(const core::protocol::Order &order);
    /// Adds a fill the listing shows (newer than every fill before); nothing is pushed.
    void storeTrade(const core::protocol::Trade &trade);
    /// Replaces every fill, oldest first.
    void setTrades(const QList<core::protocol::Trade> &oldestFirst);
    QList<core::protocol::Order> storedOrders() const { return m_orders; }

    /// Stores a notification in the inbox (GET /api/v1/notifications, newest first) and, with
    /// `push`, sends it on "notifications"; POST .../{id}/read and read-all mark them read.
    void storeNotification(const core::protocol::Notification &notification, bool push);
    QList<core::protocol::Notification> storedNotifications() const { return m_notifications; }

    /// Stores the order and pushes `type` (order.accepted, order.filled...) on "orders".
    void publishOrder(QStringView type, const core::protocol::Order &order);
    /// Stores the fill and pushes it on "trades".
    void publishTrade(const core::protocol::Trade &trade);
    /// Pushes a message on the stream as it is, on `channel`, without storing anything (the
    /// same event twice, say).
    void push(const QString &channel, const core::protocol::StreamMessage &message);
    /// Keeps the ticker (the snapshot a subscription gets) and pushes it on ticker:{symbol}.
    void publishTicker(const core::protocol::Ticker &ticker);
    /// Pushes a changed candle on candles:{symbol}:{interval}.
    void publishCandle(const QString &symbol, core::CandleInterval interval,
                       const core::Candle &candle);

    /// Cuts every stream connection at once (no close handshake), as a restart or a broken
    /// network does. REST keeps working.
    void dropStreams();
    /// Every access token issued so far is refused from now on (401 invalid_token), as if it
    /// had expired; refresh tokens still work.
    void expireAccessTokens();
    /// Refresh tokens are refused from now on (401 invalid_token): the session has ended.
    void revokeRefreshTokens();

    /// Stream connections that have authenticated and are still open.
    int streamSessions() const;
    /// The channels of the open sessions, each once, sorted.
    QStringList subscribedChannels() const;
    /// How many times the stream was authenticated (every connection counts).
    int streamAuthentications() const { return m_streamAuthentications; }
    /// Requests to `path` (no query), e.g. "/api/v1/trades": one per page of a listing.
    int requests(const QString &path) const { return m_requests.value(path); }
    int signIns() const { return m_signIns; }
    int refreshes() const { return m_refreshes; }
    /// Requests and stream sign-ins refused because their access token had run out.
    int expiredTokensRefused() const { return m_expiredTokensRefused; }

Q_SIGNALS:
    /// A stream session subscribed to `channels` (and was told so).
    void subscribed(const QStringList &channels);

private:
    struct Session
    {
        std::unique_ptr<QWebSocket> socket;
        bool authenticated = false;
        QSet<QString> channels;
    };

    void addRoutes();
    /// Counts the request and checks its bearer token: empty when admitted, else the 401.
    std::optional<QHttpServerResponse> admit(const QHttpServerRequest &request);
    /// Whether `token` is an access token issued and not expired (counting an expired one).
    bool accepts(const QString &token);
    QHttpServerResponse issueTokens();
    /// A page of `items` (oldest first) as the listings answer: newest first, from before
    /// the cursor `before`.
    template<typename Item>
    QHttpServerResponse page(const QList<Item> &items, const QString &key,
                             const QHttpServerRequest &request) const;
    void onStreamMessage(QWebSocket *socket, const QString &text);
    void send(QWebSocket *socket, const core::protocol::StreamMessage &message);

    QHttpServer m_http;
    QUrl m_url;
    const core::Clock *m_clock = &core::Clock::system();
    int m_accessTokenSeconds = 900;
    int m_pageSize = 1000;
    quint64 m_nextToken = 1;
    QHash<QString, qint64> m_accessTokens; ///< each one's expiry, on m_clock
    QSet<QString> m_refreshTokens;
    QSet<QString> m_usedRefreshTokens;
    int m_signIns = 0;
    int m_refreshes = 0;
    int m_streamAuthentications = 0;
    int m_expiredTokensRefused = 0;
    QHash<QString, int> m_requests;

    QList<core::Instrument> m_instruments;
    QHash<QString, QList<core::Candle>> m_candles; ///< by symbol + ':' + interval
    QList<core::protocol::Order> m_orders; ///< oldest first
    QList<core::protocol::Notification> m_notifications; ///< newest first
    QHash<QString, qsizetype> m_orderIndex;
    QList<core::protocol::Trade> m_trades; ///< oldest first
    QHash<QString, core::protocol::Ticker> m_tickers;
    quint64 m_nextOrderId = 1;
    std::map<QWebSocket *, Session> m_sessions;
};

} // namespace qx::test
