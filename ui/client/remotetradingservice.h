#pragma once

#include "core/clock.h"
#include "ui/client/clocktimer.h"
#include "ui/client/reconnectbackoff.h"
#include "ui/client/tradingservice.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <functional>
#include <optional>

class QNetworkReply;

namespace qx::client {

class TokenVault;

/**
 * The trading session against a quantenergx-server: REST for sign-in, snapshots, candle
 * history and order actions, one WebSocket for pushed order events and the markets that
 * MarketSubscription handles ask for. It is a TradingService of three parts, session(),
 * orderEntry() and marketData(), QObjects it owns. Market channels are counted: two handles on
 * the same market share one server subscription, and the last one gone unsubscribes. The
 * stream reconnects by itself (exponential backoff, capped, jittered), authenticates and subscribes
 * again, and then reloads the order list so that events sent while it was away are not missed.
 *
 * The access token is short-lived (15 minutes by default): it is renewed with the refresh token
 * a minute before it expires, and on demand when the server refuses it anyway (after the
 * machine slept, say), the refused request then being sent once more. Renewals are never run
 * twice at once, since a refresh token is used up by its first use. With a TokenVault the
 * refresh token of a remembered session is kept in the OS keychain, replaced on every renewal,
 * so that resumeSession() signs the trader in again after a restart.
 *
 * Lives on the GUI thread and never blocks it: every request is asynchronous and has a
 * transfer timeout. Replies that belong to an earlier sign-in are ignored (m_session).
 */
class RemoteTradingService : public QObject, public TradingService
{
    Q_OBJECT

public:
    explicit RemoteTradingService(QObject *parent = nullptr);
    ~RemoteTradingService() override;

    /// Certificates trusted for HTTPS and WSS besides the system's authorities (a server with a
    /// certificate of its own, or of a private authority). For the next sign-in on.
    void setTrustedCertificates(const QList<QSslCertificate> &certificates);

    /// Where remembered sessions are kept (none: never remembered). Not owned.
    void setTokenVault(TokenVault *vault);

    /// Where time comes from (the system's clock by default): the access token's expiry, the
    /// renewal planned before it, the reconnection's backoff and the chart's history. The
    /// planned renewal and reconnection look at it when they are due and at least every
    /// `pollInterval` meanwhile, so tests drive them with a core::ManualClock (and a few
    /// milliseconds) instead of waiting. The heartbeat stays on real time: it watches a real
    /// connection. Not owned; it must outlive this service.
    void setClock(const core::Clock &clock,
                  std::chrono::milliseconds pollInterval = std::chrono::seconds(1));

    /// Signs in and loads identity, instruments and orders; then opens the stream.
    /// Outcome: signedIn() or signInFailed() (mfa_required: the account wants a code from its
    /// authenticator app, invalid_mfa_code: that one was wrong). With `remember` the session is
    /// kept in the token vault for resumeSession(). `oneTimeCode`: six digits from the
    /// authenticator app, or one of the account's recovery codes.
    void signIn(const QUrl &server, const QString &username, const QString &password,
                bool remember = false, const QString &oneTimeCode = {});
    /// Signs in again with the refresh token the vault keeps for `username` on `server`.
    /// Outcome: signedIn(), or signInFailed() (no_saved_session when there is none, or the
    /// server's reason when it no longer accepts it, which also forgets it).
    void resumeSession(const QUrl &server, const QString &username);
    /// Closes the session here; a remembered one stays remembered.
    void signOut();
    /// Signs out and forgets the remembered session of this user on this server.
    void forgetSession();
    /// Signs the user out on the server everywhere (every token of theirs, on every machine,
    /// stops working), then forgets the session here. Outcome: signedOutEverywhere().
    void signOutEverywhere();

    QUrl serverUrl() const { return m_server; }
    QString serverVersion() const { return m_serverVersion; }
    /// How long each REST request may take before it fails with a timeout.
    void setRequestTimeout(std::chrono::milliseconds timeout) { m_requestTimeout = timeout; }

    /// The session's state and identity, as session() has them (for the client's owner).
    ConnectionState connectionState() const { return m_state; }
    QString username() const { return m_username; }
    QString role() const { return m_role; }

    Session &session() override { return m_sessionPart; }
    OrderEntry &orderEntry() override { return m_orderPart; }
    MarketData &marketData() override { return m_marketPart; }
    DocumentDesk &documents() override { return m_documentPart; }
    NotificationInbox &notifications() override { return m_notificationPart; }
    /// The server channels subscribed to (or to be, once the stream is up), each with how many
    /// handles want it.
    QHash<QString, int> marketChannels() const { return m_channelRefs; }

Q_SIGNALS:
    void signedIn();
    void signInFailed(const qx::core::Error &error);
    /// The access token was renewed with the refresh token.
    void tokensRenewed();
    /// The session could not be kept in the keychain (it works, but will not be resumed).
    void sessionNotRemembered(const QString &message);
    /// The server's answer to signOutEverywhere(): empty error when every token was revoked.
    void signedOutEverywhere(const std::optional<qx::core::Error> &error);

private:
    class SessionPart final : public Session
    {
    public:
        explicit SessionPart(RemoteTradingService &client)
            : m_client(client)
        { }
        ConnectionState connectionState() const override { return m_client.m_state; }
        QString username() const override { return m_client.m_username; }
        QString role() const override { return m_client.m_role; }
        QStringList permissions() const override { return m_client.m_permissions; }
        QUrl serverUrl() const override { return m_client.m_server; }
        QString serverVersion() const override { return m_client.m_serverVersion; }

    private:
        RemoteTradingService &m_client;
    };
    class OrderPart final : public OrderEntry
    {
    public:
        explicit OrderPart(RemoteTradingService &client)
            : m_client(client)
        { }
        QList<core::protocol::Order> orders() const override { return m_client.m_orders; }
        QList<core::protocol::Trade> trades() const override { return m_client.m_trades; }
        QList<core::protocol::Deal> deals() const override { return m_client.m_deals; }
        void placeOrder(const core::protocol::NewOrder &order) override
        {
            m_client.placeOrder(order);
        }
        void cancelOrder(const QString &orderId) override { m_client.cancelOrder(orderId); }
        void modifyOrder(const QString &orderId, const core::protocol::OrderModify &change) override
        {
            m_client.modifyOrder(orderId, change);
        }
        void cancelAllOrders() override { m_client.cancelAllOrders(); }

    private:
        RemoteTradingService &m_client;
    };
    class MarketPart final : public MarketData
    {
    public:
        explicit MarketPart(RemoteTradingService &client)
            : m_client(client)
        { }
        QList<core::Instrument> instruments() const override { return m_client.m_instruments; }

    protected:
        void started(MarketSubscription *subscription) override
        {
            m_client.startSubscription(subscription);
        }
        void stopped(MarketSubscription *subscription) override
        {
            m_client.stopSubscription(subscription);
        }

    private:
        RemoteTradingService &m_client;
    };

    class DocumentPart final : public DocumentDesk
    {
    public:
        explicit DocumentPart(RemoteTradingService &client)
            : m_client(client)
        { }
        QList<core::protocol::Document> documents() const override { return m_client.m_documents; }
        void upload(const QString &filePath) override { m_client.uploadDocument(filePath); }
        void loadPage(const QString &documentId, int page) override
        {
            m_client.loadDocumentPage(documentId, page);
        }
        void review(const QString &documentId, bool accept) override
        {
            m_client.reviewDocument(documentId, accept);
        }
        void book(const QString &documentId, const QMap<QString, QString> &corrections) override
        {
            m_client.bookDocument(documentId, corrections);
        }
        void remove(const QString &documentId) override { m_client.removeDocument(documentId); }

    private:
        RemoteTradingService &m_client;
    };

    class NotificationPart final : public NotificationInbox
    {
    public:
        explicit NotificationPart(RemoteTradingService &client)
            : m_client(client)
        { }
        QList<core::protocol::Notification> notifications() const override
        {
            return m_client.m_notifications;
        }
        int unread() const override { return m_client.m_unread; }
        void markRead(const QString &id) override { m_client.markNotificationRead(id); }
        void markAllRead() override { m_client.markAllNotificationsRead(); }

    private:
        RemoteTradingService &m_client;
    };

    using JsonHandler = std::function<void(const core::Result<QJsonObject> &)>;

    enum class Verb { Get, Post, Patch, Delete };
    /// Whether a request carries the access token; one the server refuses for its token is
    /// sent again once after renewing it (Renewed: that was the second try).
    enum class Auth { None, Token, Renewed };
    void send(Verb verb, const QString &path, const QJsonObject &body, JsonHandler handler,
              Auth auth = Auth::Token);
    /// A request as transfer() sends it: a JSON body, or (a POST) the bytes of `file` as
    /// `contentType`; the answer is asked for as `accept`.
    struct Outgoing
    {
        Verb verb = Verb::Get;
        QString path;
        QJsonObject json;
        QString file;
        QByteArray contentType;
        QByteArray accept = QByteArrayLiteral("application/json");
    };
    using BytesHandler = std::function<void(const core::Result<QByteArray> &)>;
    /// Sends `outgoing` and hands its answer's body to `handler` (an error status as the
    /// server's error), renewing the token and sending once more when it was refused for
    /// it, as send(). Returns the reply (for its progress), or nullptr when the file cannot
    /// be read (`handler` was told).
    QNetworkReply *transfer(const Outgoing &outgoing, BytesHandler handler,
                            Auth auth = Auth::Token);
    /// The body of a finished reply, or what went wrong: no answer, or an error status.
    core::Result<QByteArray> replyBody(QNetworkReply *reply) const;
    /// The server URL with `path` appended to whatever base path it has; a "?query" at the
    /// end of `path` (already percent-encoded) becomes the URL's query.
    QUrl endpoint(const QString &path) const;
    /// True when the error means our token is no longer valid (and reports it once).
    bool handleUnauthorised(const core::Error &error);

    /// A fresh pair: the access token is used from now on, the refresh token kept (and
    /// remembered), the next renewal planned and the stream told.
    void adoptTokens(const core::protocol::TokenPair &tokens);
    /// Exchanges the refresh token for a new pair, then calls `done` (each caller's, when
    /// several ask while one renewal runs). A refusal ends the session for good.
    void renewTokens(std::function<void(core::Result<void>)> done);
    /// A renewal nobody waits for (planned, or for the stream): a refusal expires the session.
    void renewInBackground();
    /// Keeps the refresh token in the vault when the session is to be remembered.
    void rememberSession();
    /// Clears what the sign-in shows (identity, instruments, orders) before a new one.
    void beginSignIn(const QUrl &server);

    void fetchIdentity();
    void fetchInstruments();
    void fetchOrders(std::function<void()> done = {});
    void fetchTrades(std::function<void()> done = {});
    /// Loads the user's live deals (they are in the positions), then calls `done`.
    void fetchDeals(std::function<void()> done = {});
    /// Loads the documents of the user's firm, newest first.
    void fetchDocuments();
    void onDealMessage(const core::protocol::StreamMessage &message);
    /// A deal booked or cancelled into the live deals (announced when it changes them).
    void adoptDeal(const core::protocol::Deal &deal);
    void onDocumentMessage(const core::protocol::StreamMessage &message);
    /// Puts `document` in the list (by id, a new one first) and announces it.
    void upsertDocument(const core::protocol::Document &document);
    void uploadDocument(const QString &filePath);
    void loadDocumentPage(const QString &documentId, int page);
    void reviewDocument(const QString &documentId, bool accept);
    void bookDocument(const QString &documentId, const QMap<QString, QString> &corrections);
    void removeDocument(const QString &documentId);
    /// Loads the inbox's latest page and the unread count.
    void fetchNotifications();
    void onNotificationMessage(const core::protocol::StreamMessage &message);
    void markNotificationRead(const QString &id);
    void markAllNotificationsRead();
    void setUnread(int unread);
    /// An action on a document failed: reported, unless it ended the session.
    void documentFailed(const QString &documentId, const core::Error &error);
    /// A document's answer (review, upload) read and announced, or the failure reported.
    void documentAnswered(const QString &documentId, const core::Result<QJsonObject> &reply);
    /// The items of a paged list (`key` of `path`, read as Item) that `news` says are news, a
    /// page at a time from `before` on onto `items`, then `done` with them all (or the first
    /// error).
    template<typename Item>
    void fetchAll(const QString &path, const QString &key, QList<Item> items, const QString &before,
                  std::function<bool(const Item &)> news,
                  std::function<void(core::Result<QList<Item>>)> done);
    /// Whether `order` is not known, or known otherwise.
    bool isNews(const core::protocol::Order &order) const;
    /// A reload's orders that are news into what is known: as the whole list at the first load
    /// (ordersReset), else with orderChanged for each.
    void mergeOrders(QList<core::protocol::Order> newestFirst);
    /// A reload's fills the stream missed into their places by time: tradeAdded for each, or
    /// tradesReset at the first load and after a long absence (more than kMaxFillsAnnounced).
    void mergeTrades(QList<core::protocol::Trade> missedNewestFirst);
    /// A failed reload: a failed sign-in while signing in, else logged.
    void reloadFailed(const char *what, const core::Error &error);
    void placeOrder(const core::protocol::NewOrder &order);
    void cancelOrder(const QString &orderId);
    void modifyOrder(const QString &orderId, const core::protocol::OrderModify &change);
    void cancelAllOrders();
    void postOrder(const core::protocol::NewOrder &order, int attempt);

    void openStream();
    void scheduleReconnect();
    void onStreamConnected();
    void onStreamDisconnected();
    void onStreamMessage(const QString &text);
    void onHeartbeat();

    /// The server channels a handle needs.
    static QStringList channelsOf(const MarketSubscription &subscription);
    void startSubscription(MarketSubscription *subscription);
    void stopSubscription(MarketSubscription *subscription);
    /// Gives a new handle what is known of its market already (queued, after subscribe()).
    void announce(MarketSubscription *subscription);
    /// Brings the server's subscriptions in line with m_channelRefs (a turn of the event loop
    /// after a handle came or went, so that a board of hundreds costs one message): subscribes
    /// what is wanted and not subscribed, loads its candle history, unsubscribes what is no
    /// longer wanted and forgets what was kept of it.
    void scheduleChannelSync();
    void syncChannels();
    /// Loads the candle history of a candles: channel; live candles that arrive meanwhile are
    /// merged into it before it is announced.
    void fetchCandles(const QString &channel);
    void onMarketMessage(const core::protocol::StreamMessage &message);

    void upsert(const core::protocol::Order &order);
    void setState(Session::ConnectionState state);
    void failSignIn(const core::Error &error);

    QNetworkAccessManager m_network;
    QWebSocket m_socket;
    const core::Clock *m_clock = &core::Clock::system();
    ClockTimer m_reconnectTimer; ///< the backoff's wait, on m_clock
    QTimer m_heartbeatTimer;
    ReconnectBackoff m_backoff;
    std::chrono::milliseconds m_requestTimeout { 10000 };

    QUrl m_server;
    QSslConfiguration m_tls = QSslConfiguration::defaultConfiguration();
    QString m_accessToken;
    QString m_refreshToken;
    qint64 m_accessTokenExpiryMs = 0; ///< on m_clock
    /// The planned renewal, on m_clock: a wall clock, so it still comes after the machine
    /// slept (monotonic timers stand still meanwhile).
    ClockTimer m_renewTimer;
    bool m_renewing = false;
    QList<std::function<void(core::Result<void>)>> m_renewWaiters;
    TokenVault *m_vault = nullptr;
    QString m_vaultAccount; ///< this session's account in the vault
    bool m_remember = false;
    quint64 m_session = 0;
    bool m_signingIn = false;
    bool m_streamWanted = false;
    bool m_pongPending = false;
    bool m_streamReady = false; ///< authenticated and first subscribed since (re)connecting
    /// Handles wanting each server channel (book:, ticker:, trades:, candles:).
    QHash<QString, int> m_channelRefs;
    /// What the server was asked to send on this stream.
    QSet<QString> m_serverChannels;
    bool m_channelSyncPending = false;
    /// The latest of each market channel, for handles that come later. By symbol.
    QHash<QString, core::protocol::BookSnapshot> m_books;
    QHash<QString, core::protocol::Ticker> m_tickers;
    QHash<QString, QList<core::protocol::MarketTrade>> m_marketTrades; ///< newest first
    struct CandleFeed
    {
        QString symbol;
        core::CandleInterval interval = core::CandleInterval::OneMinute;
        quint64 generation = 0; ///< raised on every load: answers for older ones drop
        bool loading = false;
        bool loaded = false;
        QList<core::Candle> candles; ///< oldest first, once loaded
        QList<core::Candle> liveCandles; ///< arrived while the history was loading
    };
    QHash<QString, CandleFeed> m_candleFeeds; ///< by candles: channel
    quint64 m_candleGeneration = 0;
    Session::ConnectionState m_state = Session::ConnectionState::Disconnected;
    QString m_username;
    QString m_role;
    QStringList m_permissions;
    QString m_serverVersion;
    QList<core::Instrument> m_instruments;
    QList<core::protocol::Order> m_orders;
    /// Where each of m_orders is, by id: a stream event or a reload finds its order in O(1)
    /// (with 100,000 orders a scan per event would freeze the window).
    QHash<QString, qsizetype> m_orderIndex;
    QList<core::protocol::Trade> m_trades; ///< newest first
    QList<core::protocol::Deal> m_deals; ///< live ones, newest booking first
    QList<core::protocol::Document> m_documents; ///< newest first
    QList<core::protocol::Notification> m_notifications; ///< the latest page, newest first
    int m_unread = 0;
    /// Every fill of m_trades (trade id, order id): both sides of a trade with oneself are
    /// two fills, the same fill twice is one.
    QSet<QPair<QString, QString>> m_fills;
    void setOrders(QList<core::protocol::Order> orders);
    void setTrades(QList<core::protocol::Trade> trades);

    SessionPart m_sessionPart { *this };
    OrderPart m_orderPart { *this };
    MarketPart m_marketPart { *this };
    DocumentPart m_documentPart { *this };
    NotificationPart m_notificationPart { *this };
};

} // namespace qx::client
