#pragma once

#include "core/clock.h"
#include "ui/client/clocktimer.h"
#include "ui/client/reconnectbackoff.h"
#include "ui/client/tradingservice.h"

#include <QDateTime>
#include <QElapsedTimer>
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
 * history and order actions, one WebSocket for pushed order events and the watched market. The
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
class RemoteTradingService : public TradingService
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

    QUrl serverUrl() const override { return m_server; }
    QString serverVersion() const override { return m_serverVersion; }
    /// How long each REST request may take before it fails with a timeout.
    void setRequestTimeout(std::chrono::milliseconds timeout) { m_requestTimeout = timeout; }

    ConnectionState connectionState() const override { return m_state; }
    QString username() const override { return m_username; }
    QString role() const override { return m_role; }
    QList<core::Instrument> instruments() const override { return m_instruments; }
    QList<core::protocol::Order> orders() const override { return m_orders; }
    QList<core::protocol::Trade> trades() const override { return m_trades; }
    void placeOrder(const core::protocol::NewOrder &order) override;
    void cancelOrder(const QString &orderId) override;
    void modifyOrder(const QString &orderId, const core::protocol::OrderModify &change) override;
    void cancelAllOrders() override;
    void watchMarket(const QString &symbol, core::CandleInterval interval) override;
    QString watchedSymbol() const override { return m_watched.symbol; }
    void watchTickers(const QStringList &symbols) override;

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
    using JsonHandler = std::function<void(const core::Result<QJsonObject> &)>;

    enum class Verb { Get, Post, Patch, Delete };
    /// Whether a request carries the access token; one the server refuses for its token is
    /// sent again once after renewing it (Renewed: that was the second try).
    enum class Auth { None, Token, Renewed };
    void send(Verb verb, const QString &path, const QJsonObject &body, JsonHandler handler,
              Auth auth = Auth::Token);
    core::Result<QJsonObject> parseReply(QNetworkReply *reply) const;
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
    void postOrder(const core::protocol::NewOrder &order, int attempt);

    void openStream();
    void scheduleReconnect();
    void onStreamConnected();
    void onStreamDisconnected();
    void onStreamMessage(const QString &text);
    void onHeartbeat();

    /// The stream channels of the watched market (none when nothing is watched).
    QStringList marketChannels() const;
    /// Those and the market watch's tickers, each once.
    QStringList wantedChannels() const;
    /// Subscribes to what wantedChannels() gained since `before` and unsubscribes from what it
    /// lost (once the stream is up; until then there is nothing to change).
    void changeSubscriptions(const QStringList &before);
    /// Loads the watched market's candle history; live candles that arrive meanwhile are
    /// merged into it before it is announced.
    void fetchCandles();
    void onMarketMessage(const core::protocol::StreamMessage &message);

    void upsert(const core::protocol::Order &order);
    void setState(ConnectionState state);
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
    struct Watched
    {
        QString symbol;
        core::CandleInterval interval = core::CandleInterval::OneMinute;
        quint64 generation = 0; ///< raised on every change: later answers for older ones drop
        bool loadingCandles = false;
        QList<core::Candle> liveCandles; ///< arrived while the history was loading
    } m_watched;
    QStringList m_tickerSymbols; ///< the market watch's
    QSet<QString> m_tickerSet; ///< the same, for the look-up each ticker costs
    ConnectionState m_state = ConnectionState::Disconnected;
    QString m_username;
    QString m_role;
    QString m_serverVersion;
    QList<core::Instrument> m_instruments;
    QList<core::protocol::Order> m_orders;
    /// Where each of m_orders is, by id: a stream event or a reload finds its order in O(1)
    /// (with 100,000 orders a scan per event would freeze the window).
    QHash<QString, qsizetype> m_orderIndex;
    QList<core::protocol::Trade> m_trades; ///< newest first
    /// Every fill of m_trades (trade id, order id): both sides of a trade with oneself are
    /// two fills, the same fill twice is one.
    QSet<QPair<QString, QString>> m_fills;
    void setOrders(QList<core::protocol::Order> orders);
    void setTrades(QList<core::protocol::Trade> trades);
};

} // namespace qx::client
