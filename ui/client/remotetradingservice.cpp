#include "ui/client/remotetradingservice.h"

#include "ui/client/tokenvault.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QUrlQuery>

#include <algorithm>
#include <iterator>

namespace qx::client {

using core::Error;
using core::Result;
namespace protocol = core::protocol;

namespace {

Q_LOGGING_CATEGORY(lcTrading, "qx.client.trading")

// A stream that shows no sign of life for two of these is treated as dead.
constexpr std::chrono::milliseconds kHeartbeatInterval { 10000 };
// A POST that got no answer at all is resent this many times under the same client order id;
// the server recognises the id and never books the order twice.
constexpr int kOrderRetries = 2;

bool isTokenError(const Error &error)
{
    return error.is(core::ErrorCode::InvalidToken) || error.is(core::ErrorCode::MissingToken);
}

// The server's refusals of a refresh token: it is unknown, expired or revoked, was used before
// (its sign-in is revoked), or its successor went to another request. None of them passes.
bool isRefreshRefusal(const Error &error)
{
    return isTokenError(error) || error.is(core::ErrorCode::TokenReused)
        || error.is(core::ErrorCode::RefreshTokenUsed);
}

// How long before its expiry an access token is renewed: a minute, or half its life when it
// lives two minutes or less.
std::chrono::milliseconds renewalDelay(int lifetimeSeconds)
{
    using namespace std::chrono;
    const seconds lifetime(std::max(lifetimeSeconds, 1));
    return lifetime > minutes(2) ? duration_cast<milliseconds>(lifetime - minutes(1))
                                 : duration_cast<milliseconds>(lifetime) / 2;
}
// A reload that finds more fills than this the stream missed shows them all anew (a reset)
// rather than announcing each (the views take what is announced a few thousand per frame).
constexpr qsizetype kMaxFillsAnnounced = 20000;
// A renewal that failed for want of a server is tried again after this long.
constexpr std::chrono::seconds kRenewalRetry { 10 };

// How far back the chart starts, per interval: a few hundred candles of each.
qint64 historySeconds(core::CandleInterval interval)
{
    switch (interval) {
    case core::CandleInterval::OneMinute:
        return 6 * 3600;
    case core::CandleInterval::FiveMinutes:
        return 2 * 86400;
    case core::CandleInterval::OneHour:
        return 14 * 86400;
    case core::CandleInterval::OneDay:
        return 365 * 86400;
    }
    return 86400;
}

// Puts `candle` into `candles` (oldest first): replaces the one with its start, else inserts.
void mergeCandle(QList<core::Candle> &candles, const core::Candle &candle)
{
    auto at = std::lower_bound(
        candles.begin(), candles.end(), candle.start,
        [](const core::Candle &known, qint64 start) { return known.start < start; });
    if (at != candles.end() && at->start == candle.start)
        *at = candle;
    else
        candles.insert(at, candle);
}

// Time and sales kept for a handle that comes later: as many as the server sends at first.
constexpr qsizetype kMaxMarketTradesKept = 50;

QString candleChannel(const QString &symbol, core::CandleInterval interval)
{
    return protocol::stream::kCandlesChannelPrefix.toString() + symbol + u':'
        + core::toString(interval);
}

bool isTransportError(const Error &error)
{
    return error.is(core::ErrorCode::NetworkError) || error.is(core::ErrorCode::Timeout);
}

} // namespace

RemoteTradingService::RemoteTradingService(QObject *parent)
    : QObject(parent)
{
    connect(&m_renewTimer, &ClockTimer::timeout, this, &RemoteTradingService::renewInBackground);
    connect(&m_reconnectTimer, &ClockTimer::timeout, this, &RemoteTradingService::openStream);
    m_heartbeatTimer.setInterval(kHeartbeatInterval);
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &RemoteTradingService::onHeartbeat);

    connect(&m_socket, &QWebSocket::connected, this, &RemoteTradingService::onStreamConnected);
    connect(&m_socket, &QWebSocket::disconnected, this,
            &RemoteTradingService::onStreamDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this,
            &RemoteTradingService::onStreamMessage);
    // A refused or failed connection attempt reports an error without `disconnected`.
    connect(&m_socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) {
                qCInfo(lcTrading) << "stream error:" << m_socket.errorString();
                onStreamDisconnected();
            });
    connect(&m_socket, &QWebSocket::pong, this, [this](quint64 elapsed, const QByteArray &) {
        m_pongPending = false;
        Q_EMIT m_sessionPart.latencyMeasured(static_cast<int>(elapsed));
    });
}

RemoteTradingService::~RemoteTradingService()
{
    // The socket signals its close while this object's other members are already gone.
    m_socket.disconnect(this);
    m_socket.abort();
}

void RemoteTradingService::setTrustedCertificates(const QList<QSslCertificate> &certificates)
{
    m_tls = QSslConfiguration::defaultConfiguration();
    if (!certificates.isEmpty())
        m_tls.addCaCertificates(certificates);
    m_socket.setSslConfiguration(m_tls);
}

void RemoteTradingService::setClock(const core::Clock &clock,
                                    std::chrono::milliseconds pollInterval)
{
    m_clock = &clock;
    m_marketPart.setClock(clock);
    for (ClockTimer *timer : { &m_renewTimer, &m_reconnectTimer }) {
        timer->setClock(clock);
        timer->setPollInterval(pollInterval);
    }
}

void RemoteTradingService::setTokenVault(TokenVault *vault)
{
    if (m_vault)
        m_vault->disconnect(this);
    m_vault = vault;
    if (m_vault)
        connect(m_vault, &TokenVault::failed, this, &RemoteTradingService::sessionNotRemembered);
}

void RemoteTradingService::beginSignIn(const QUrl &server)
{
    signOut();
    m_server = server;
    m_signingIn = true;
    m_vaultAccount.clear();
    m_serverVersion.clear();
    m_username.clear();
    m_role.clear();
    m_permissions.clear();
    m_instruments.clear();
    setOrders({});
    setTrades({});
    m_deals.clear();
    m_documents.clear();
    m_notifications.clear();
    m_unread = 0;
    // The handles stay; what they are sent comes from the new server.
    m_books.clear();
    m_tickers.clear();
    m_marketTrades.clear();
    for (CandleFeed &feed : m_candleFeeds) {
        feed.loaded = false;
        feed.candles.clear();
    }
    Q_EMIT m_sessionPart.identityChanged();
    Q_EMIT m_marketPart.instrumentsChanged();
    Q_EMIT m_orderPart.ordersReset(m_orders);
    Q_EMIT m_orderPart.dealsReset(m_deals);
    Q_EMIT m_documentPart.documentsReset(m_documents);
    Q_EMIT m_notificationPart.inboxReset(m_notifications);
    Q_EMIT m_notificationPart.unreadChanged(0);
    setState(Session::ConnectionState::Connecting);
}

void RemoteTradingService::signIn(const QUrl &server, const QString &username,
                                  const QString &password, bool remember,
                                  const QString &oneTimeCode)
{
    beginSignIn(server);
    m_remember = remember;
    protocol::LoginRequest login;
    login.username = username;
    login.password = password;
    static const QRegularExpression authenticatorCode(QStringLiteral("^[0-9]{6}$"));
    const QString code = oneTimeCode.trimmed();
    if (authenticatorCode.match(code).hasMatch())
        login.totpCode = code;
    else
        login.recoveryCode = code;
    send(
        Verb::Post, QStringLiteral("/api/v1/auth/login"), login.toJson(),
        [this](const Result<QJsonObject> &reply) {
            if (!reply)
                return failSignIn(reply.error());
            const Result<protocol::TokenPair> tokens = protocol::TokenPair::fromJson(*reply);
            if (!tokens)
                return failSignIn(tokens.error());
            adoptTokens(*tokens);
            fetchIdentity();
        },
        Auth::None);
}

void RemoteTradingService::resumeSession(const QUrl &server, const QString &username)
{
    beginSignIn(server);
    m_remember = true;
    m_vaultAccount = TokenVault::account(server, username);
    if (!m_vault) {
        return failSignIn(core::makeError(core::ErrorCode::NoSavedSession,
                                          tr("No session is remembered on this computer.")));
    }
    const quint64 session = m_session;
    m_vault->load(m_vaultAccount, [this, session](const Result<QString> &token) {
        if (session != m_session)
            return;
        if (!token)
            return failSignIn(token.error());
        if (token->isEmpty()) {
            return failSignIn(core::makeError(core::ErrorCode::NoSavedSession,
                                              tr("No session is remembered for this user.")));
        }
        m_refreshToken = *token;
        renewTokens([this](const Result<void> &renewed) {
            if (!renewed)
                return failSignIn(renewed.error());
            fetchIdentity();
        });
    });
}

void RemoteTradingService::signOut()
{
    ++m_session;
    m_signingIn = false;
    m_streamWanted = false;
    m_reconnectTimer.stop();
    m_heartbeatTimer.stop();
    m_renewTimer.stop();
    m_socket.abort();
    m_streamReady = false;
    m_accessToken.clear();
    m_refreshToken.clear();
    m_renewing = false;
    m_renewWaiters.clear();
    m_backoff.reset();
    setState(Session::ConnectionState::Disconnected);
}

void RemoteTradingService::forgetSession()
{
    if (m_vault && !m_vaultAccount.isEmpty())
        m_vault->remove(m_vaultAccount);
    m_remember = false;
    signOut();
}

void RemoteTradingService::signOutEverywhere()
{
    send(Verb::Post, QStringLiteral("/api/v1/auth/logout"), {},
         [this](const Result<QJsonObject> &reply) {
             std::optional<Error> error;
             if (!reply)
                 error = reply.error();
             forgetSession();
             Q_EMIT signedOutEverywhere(error);
         });
}

void RemoteTradingService::adoptTokens(const protocol::TokenPair &tokens)
{
    m_accessToken = tokens.accessToken;
    m_refreshToken = tokens.refreshToken;
    m_accessTokenExpiryMs = m_clock->nowMs() + qint64(tokens.expiresIn) * 1000;
    m_renewTimer.start(renewalDelay(tokens.expiresIn));
    if (!m_signingIn)
        rememberSession();
    // The stream's session keeps the token it was opened with for the orders it forwards.
    if (m_streamReady) {
        m_socket.sendTextMessage(
            QString::fromUtf8(protocol::StreamMessage::auth(m_accessToken).serialize()));
    }
}

void RemoteTradingService::rememberSession()
{
    if (!m_vault || m_vaultAccount.isEmpty())
        return;
    if (m_remember)
        m_vault->store(m_vaultAccount, m_refreshToken);
}

void RemoteTradingService::renewTokens(std::function<void(Result<void>)> done)
{
    m_renewWaiters.append(std::move(done));
    if (m_renewing)
        return;
    m_renewing = true;
    m_renewTimer.stop();
    const QJsonObject request { { QStringLiteral("refresh_token"), m_refreshToken } };
    send(
        Verb::Post, QStringLiteral("/api/v1/auth/refresh"), request,
        [this](const Result<QJsonObject> &reply) {
            m_renewing = false;
            Result<void> outcome;
            const Result<protocol::TokenPair> tokens = reply
                ? protocol::TokenPair::fromJson(*reply)
                : Result<protocol::TokenPair>(reply.error());
            if (tokens) {
                adoptTokens(*tokens);
                Q_EMIT tokensRenewed();
            } else if (isRefreshRefusal(tokens.error())) {
                // The refresh token is dead: so is the remembered session.
                qCInfo(lcTrading) << "refresh token refused:" << tokens.error().code;
                m_refreshToken.clear();
                if (m_vault && !m_vaultAccount.isEmpty())
                    m_vault->remove(m_vaultAccount);
                outcome = core::makeError(core::ErrorCode::InvalidToken, tokens.error().message);
            } else {
                qCInfo(lcTrading) << "token renewal failed:" << tokens.error().message;
                m_renewTimer.start(kRenewalRetry);
                outcome = tokens.error();
            }
            const quint64 session = m_session;
            for (const auto &waiter : std::exchange(m_renewWaiters, {})) {
                if (session != m_session)
                    break; // an earlier waiter ended the session
                waiter(outcome);
            }
        },
        Auth::None);
}

void RemoteTradingService::renewInBackground()
{
    if (m_refreshToken.isEmpty())
        return;
    renewTokens([this](const Result<void> &renewed) {
        if (!renewed)
            handleUnauthorised(renewed.error());
    });
}

void RemoteTradingService::failSignIn(const Error &error)
{
    m_signingIn = false;
    m_accessToken.clear();
    ++m_session;
    setState(Session::ConnectionState::Disconnected);
    Q_EMIT signInFailed(error);
}

void RemoteTradingService::fetchIdentity()
{
    send(Verb::Get, QStringLiteral("/api/v1/me"), {}, [this](const Result<QJsonObject> &reply) {
        if (!reply)
            return failSignIn(reply.error());
        m_username = reply->value(u"username").toString();
        m_role = reply->value(u"role").toString();
        m_permissions.clear();
        for (const QJsonValue &permission : reply->value(u"permissions").toArray())
            m_permissions.append(permission.toString());
        m_vaultAccount = TokenVault::account(m_server, m_username);
        Q_EMIT m_sessionPart.identityChanged();
        // For Help → About; the session does not depend on it.
        send(Verb::Get, QStringLiteral("/healthz"), {}, [this](const Result<QJsonObject> &health) {
            if (health)
                m_serverVersion = health->value(u"version").toString();
        });
        fetchInstruments();
    });
}

void RemoteTradingService::fetchInstruments()
{
    // Expired ones too: the blotters show old orders and fills in their units and names.
    send(Verb::Get, QStringLiteral("/api/v1/instruments?expired=true"), {},
         [this](const Result<QJsonObject> &reply) {
             if (!reply)
                 return failSignIn(reply.error());
             QList<core::Instrument> instruments;
             const QJsonArray list = reply->value(u"instruments").toArray();
             for (const QJsonValue &value : list) {
                 Result<core::Instrument> instrument
                     = protocol::instrumentFromJson(value.toObject());
                 // One instrument this client does not understand must not hide the rest.
                 if (instrument)
                     instruments.append(*instrument);
                 else
                     qCWarning(lcTrading) << "skipping instrument:" << instrument.error().message;
             }
             m_instruments = instruments;
             Q_EMIT m_marketPart.instrumentsChanged();
             fetchOrders([this] {
                 m_signingIn = false;
                 rememberSession();
                 Q_EMIT signedIn();
                 openStream();
             });
         });
}

namespace {
// A fill is one side of one trade: the same trade id twice is both sides of a trade with
// oneself.
QPair<QString, QString> fillKey(const protocol::Trade &trade)
{
    return { trade.id, trade.orderId };
}
} // namespace

template<typename Item>
void RemoteTradingService::fetchAll(const QString &path, const QString &key, QList<Item> items,
                                    const QString &before, std::function<bool(const Item &)> news,
                                    std::function<void(Result<QList<Item>>)> done)
{
    // A page at a time, newest first, until the server says there is no more. Each page is
    // read, and what it holds compared with what is known, as it comes: doing that for
    // 100,000 items at the end would hold the GUI up for most of a second.
    const QChar separator = path.contains(u'?') ? u'&' : u'?';
    send(Verb::Get, before.isEmpty() ? path : path + separator + QStringLiteral("before=") + before,
         {},
         [this, path, key, items = std::move(items), news = std::move(news),
          done = std::move(done)](const Result<QJsonObject> &reply) mutable {
             if (!reply)
                 return done(reply.error());
             const QJsonArray page = reply->value(key).toArray();
             for (const QJsonValue &value : page) {
                 Result<Item> item = Item::fromJson(value.toObject());
                 if (!item)
                     qCWarning(lcTrading) << "skipping" << key << "item:" << item.error().message;
                 else if (news(*item))
                     items.append(std::move(*item));
             }
             const QString next = reply->value(u"next_before").toString();
             if (!next.isEmpty()) {
                 return fetchAll(path, key, std::move(items), next, std::move(news),
                                 std::move(done));
             }
             done(std::move(items));
         });
}

void RemoteTradingService::reloadFailed(const char *what, const Error &error)
{
    if (m_signingIn)
        return failSignIn(error);
    if (!handleUnauthorised(error))
        qCWarning(lcTrading) << what << "reload failed:" << error.message;
}

bool RemoteTradingService::isNews(const protocol::Order &order) const
{
    const auto known = m_orderIndex.constFind(order.id);
    return known == m_orderIndex.cend() || !(m_orders[*known] == order);
}

void RemoteTradingService::fetchOrders(std::function<void()> done)
{
    fetchAll<protocol::Order>(
        QStringLiteral("/api/v1/orders"), QStringLiteral("orders"), {}, {},
        [this](const protocol::Order &order) { return isNews(order); },
        [this, done = std::move(done)](Result<QList<protocol::Order>> list) {
            if (!list)
                return reloadFailed("order", list.error());
            mergeOrders(std::move(*list));
            if (done)
                done();
        });
}

void RemoteTradingService::mergeOrders(QList<protocol::Order> newestFirst)
{
    if (m_orders.isEmpty()) {
        setOrders(std::move(newestFirst));
        Q_EMIT m_orderPart.ordersReset(m_orders);
        return;
    }
    // Each order the list has that is not known as it is, as an event would bring it, oldest
    // first: a newer state replaces the known one, an order not known is added; one the stream
    // brought while the requests were under way stays (it can be newer than the list, which
    // the server read when each page was asked for). A reconnect's reload of 100,000 orders
    // thus announces only the few that changed instead of making every view start again.
    for (auto order = newestFirst.crbegin(); order != newestFirst.crend(); ++order)
        upsert(*order);
}

void RemoteTradingService::setOrders(QList<protocol::Order> orders)
{
    m_orders = std::move(orders);
    m_orderIndex.clear();
    m_orderIndex.reserve(m_orders.size());
    for (qsizetype i = 0; i < m_orders.size(); ++i)
        m_orderIndex.insert(m_orders[i].id, i);
}

void RemoteTradingService::setTrades(QList<protocol::Trade> trades)
{
    m_trades = std::move(trades);
    m_fills.clear();
    m_fills.reserve(m_trades.size());
    for (const protocol::Trade &trade : std::as_const(m_trades))
        m_fills.insert(fillKey(trade));
}

void RemoteTradingService::fetchTrades(std::function<void()> done)
{
    fetchAll<protocol::Trade>(
        QStringLiteral("/api/v1/trades"), QStringLiteral("trades"), {}, {},
        [this](const protocol::Trade &trade) { return !m_fills.contains(fillKey(trade)); },
        [this, done = std::move(done)](Result<QList<protocol::Trade>> list) {
            if (!list)
                return reloadFailed("trade", list.error());
            mergeTrades(std::move(*list));
            if (done)
                done();
        });
}

void RemoteTradingService::mergeTrades(QList<protocol::Trade> missed)
{
    // What the stream brought since the page that listed it came is known by now.
    missed.removeIf(
        [this](const protocol::Trade &trade) { return m_fills.contains(fillKey(trade)); });
    if (missed.isEmpty())
        return;
    for (const protocol::Trade &trade : std::as_const(missed))
        m_fills.insert(fillKey(trade));
    if (m_trades.isEmpty()) {
        // The first load: the list as it is, one reset.
        m_trades = std::move(missed);
        Q_EMIT m_orderPart.tradesReset(m_trades);
        return;
    }
    // Into their places by time, newest first (the known before the missed at equal times).
    // Only the newest fills known can be newer than the oldest missed one: they are merged
    // with the missed ones and the result put back in front a fill at a time, where the list
    // keeps room, rather than the list made anew (100,000 fills copied into memory touched
    // for the first time cost the GUI some 50 ms).
    const auto newer = [](const protocol::Trade &a, const protocol::Trade &b) {
        return a.time > b.time;
    };
    const QDateTime oldestMissed = missed.last().time;
    const qsizetype before = std::partition_point(m_trades.cbegin(), m_trades.cend(),
                                                  [&](const protocol::Trade &known) {
                                                      return known.time >= oldestMissed;
                                                  })
        - m_trades.cbegin();
    QList<protocol::Trade> head;
    head.reserve(before + missed.size());
    std::merge(std::make_move_iterator(m_trades.begin()),
               std::make_move_iterator(m_trades.begin() + before), missed.cbegin(), missed.cend(),
               std::back_inserter(head), newer);
    m_trades.remove(0, before);
    for (auto trade = head.rbegin(); trade != head.rend(); ++trade)
        m_trades.prepend(std::move(*trade));
    // A long absence: one reset, not a storm of events.
    if (missed.size() > kMaxFillsAnnounced) {
        Q_EMIT m_orderPart.tradesReset(m_trades);
        return;
    }
    for (auto trade = missed.crbegin(); trade != missed.crend(); ++trade)
        Q_EMIT m_orderPart.tradeAdded(*trade);
}

void RemoteTradingService::placeOrder(const protocol::NewOrder &order)
{
    postOrder(order, 0);
}

void RemoteTradingService::postOrder(const protocol::NewOrder &order, int attempt)
{
    send(Verb::Post, QStringLiteral("/api/v1/orders"), order.toJson(),
         [this, order, attempt](const Result<QJsonObject> &reply) {
             if (!reply) {
                 if (isTransportError(reply.error()) && attempt < kOrderRetries) {
                     // Unknown whether the server booked it: resending with the same client
                     // order id either books it now or returns the order booked before.
                     const quint64 session = m_session;
                     QTimer::singleShot(500 * (attempt + 1), this, [this, order, attempt, session] {
                         if (session == m_session)
                             postOrder(order, attempt + 1);
                     });
                     return;
                 }
                 handleUnauthorised(reply.error());
                 Q_EMIT m_orderPart.orderRejected(order.clientOrderId, reply.error());
                 return;
             }
             Result<protocol::Order> accepted = protocol::Order::fromJson(*reply);
             if (!accepted) {
                 Q_EMIT m_orderPart.orderRejected(order.clientOrderId, accepted.error());
                 return;
             }
             upsert(*accepted);
         });
}

void RemoteTradingService::cancelOrder(const QString &orderId)
{
    const QString path
        = QStringLiteral("/api/v1/orders/") + QString::fromLatin1(QUrl::toPercentEncoding(orderId));
    send(Verb::Delete, path, {}, [this, orderId](const Result<QJsonObject> &reply) {
        if (!reply) {
            handleUnauthorised(reply.error());
            Q_EMIT m_orderPart.cancelRejected(orderId, reply.error());
            return;
        }
        Result<protocol::Order> cancelled = protocol::Order::fromJson(*reply);
        if (!cancelled) {
            Q_EMIT m_orderPart.cancelRejected(orderId, cancelled.error());
            return;
        }
        upsert(*cancelled);
    });
}

void RemoteTradingService::modifyOrder(const QString &orderId, const protocol::OrderModify &change)
{
    const QString path
        = QStringLiteral("/api/v1/orders/") + QString::fromLatin1(QUrl::toPercentEncoding(orderId));
    send(Verb::Patch, path, change.toJson(), [this, orderId](const Result<QJsonObject> &reply) {
        Result<protocol::Order> modified
            = reply ? protocol::Order::fromJson(*reply) : Result<protocol::Order>(reply.error());
        if (!modified) {
            handleUnauthorised(modified.error());
            Q_EMIT m_orderPart.modifyRejected(orderId, modified.error());
            return;
        }
        upsert(*modified);
    });
}

void RemoteTradingService::cancelAllOrders()
{
    send(Verb::Delete, QStringLiteral("/api/v1/orders"), {},
         [this](const Result<QJsonObject> &reply) {
             if (!reply) {
                 handleUnauthorised(reply.error());
                 Q_EMIT m_orderPart.cancelRejected(QString(), reply.error());
                 return;
             }
             const QJsonArray cancelled = reply->value(u"cancelled").toArray();
             for (const QJsonValue &value : cancelled) {
                 if (const Result<protocol::Order> order
                     = protocol::Order::fromJson(value.toObject()))
                     upsert(*order);
             }
             Q_EMIT m_orderPart.allCancelled(int(cancelled.size()));
         });
}

void RemoteTradingService::upsert(const protocol::Order &order)
{
    const auto found = m_orderIndex.constFind(order.id);
    if (found != m_orderIndex.cend()) {
        protocol::Order *it = &m_orders[*found];
        // The REST answer and the stream event for the same change race each other; an older
        // state must never overwrite a newer one, and a finished order never comes back.
        if (it->updatedAt > order.updatedAt)
            return;
        if (it->updatedAt == order.updatedAt && !protocol::isLive(it->status)
            && protocol::isLive(order.status)) {
            return;
        }
        if (*it == order)
            return;
        *it = order;
    } else {
        m_orderIndex.insert(order.id, m_orders.size());
        m_orders.append(order);
    }
    Q_EMIT m_orderPart.orderChanged(order);
}

void RemoteTradingService::send(Verb verb, const QString &path, const QJsonObject &body,
                                JsonHandler handler, Auth auth)
{
    transfer(
        { verb, path, body, {}, {}, QByteArrayLiteral("application/json") },
        [handler = std::move(handler)](const Result<QByteArray> &bytes) {
            if (!bytes)
                return handler(bytes.error());
            const QJsonDocument document = QJsonDocument::fromJson(*bytes);
            if (!document.isObject()) {
                return handler(core::makeError(core::ErrorCode::InvalidResponse,
                                               tr("The server's answer is not a JSON object.")));
            }
            handler(document.object());
        },
        auth);
}

QNetworkReply *RemoteTradingService::transfer(const Outgoing &outgoing, BytesHandler handler,
                                              Auth auth)
{
    QNetworkRequest request(endpoint(outgoing.path));
    request.setTransferTimeout(static_cast<int>(m_requestTimeout.count()));
    request.setSslConfiguration(m_tls);
    request.setRawHeader(QByteArrayLiteral("Accept"), outgoing.accept);
    if (auth != Auth::None) {
        request.setRawHeader(QByteArrayLiteral("Authorization"),
                             QByteArrayLiteral("Bearer ") + m_accessToken.toUtf8());
    }

    QNetworkReply *reply = nullptr;
    if (!outgoing.file.isEmpty()) {
        // Streamed from disk as it is sent: a 25 MB scan is never whole in memory.
        auto *file = new QFile(outgoing.file);
        if (!file->open(QIODevice::ReadOnly)) {
            const QString problem = file->errorString();
            delete file;
            handler(core::makeError(core::ErrorCode::IoError,
                                    tr("Cannot read %1: %2").arg(outgoing.file, problem)));
            return nullptr;
        }
        request.setHeader(QNetworkRequest::ContentTypeHeader, outgoing.contentType);
        request.setHeader(QNetworkRequest::ContentLengthHeader, file->size());
        reply = m_network.post(request, file);
        file->setParent(reply);
    } else {
        const QByteArray json = QJsonDocument(outgoing.json).toJson(QJsonDocument::Compact);
        switch (outgoing.verb) {
        case Verb::Get:
            reply = m_network.get(request);
            break;
        case Verb::Post:
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/json"));
            reply = m_network.post(request, json);
            break;
        case Verb::Patch:
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/json"));
            reply = m_network.sendCustomRequest(request, QByteArrayLiteral("PATCH"), json);
            break;
        case Verb::Delete:
            reply = m_network.deleteResource(request);
            break;
        }
    }
    const quint64 session = m_session;
    const QString sentToken = m_accessToken;
    connect(
        reply, &QNetworkReply::finished, this,
        [this, reply, session, outgoing, auth, sentToken, handler = std::move(handler)]() mutable {
            reply->deleteLater();
            if (session != m_session)
                return;
            Result<QByteArray> result = replyBody(reply);
            if (auth != Auth::Token || result || !isTokenError(result.error())
                || m_refreshToken.isEmpty()) {
                return handler(result);
            }
            // Refused for the token: once more with a renewed one (renewed already when
            // another request got there first). The server refuses a bad token before it
            // does anything, so sending the same request again cannot do it twice.
            const auto again
                = [this, outgoing, handler = std::move(handler)](const Result<void> &renewed) {
                      if (!renewed)
                          return handler(renewed.error());
                      transfer(outgoing, handler, Auth::Renewed);
                  };
            qCInfo(lcTrading) << outgoing.path << "refused for its token: renewing, then again";
            if (sentToken != m_accessToken)
                return again({});
            renewTokens(again);
        });
    return reply;
}

QUrl RemoteTradingService::endpoint(const QString &path) const
{
    QUrl url = m_server;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    const qsizetype question = path.indexOf(u'?');
    url.setPath(basePath + path.left(question), QUrl::TolerantMode);
    if (question >= 0)
        url.setQuery(path.mid(question + 1), QUrl::StrictMode);
    return url;
}

Result<QByteArray> RemoteTradingService::replyBody(QNetworkReply *reply) const
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        if (reply->error() == QNetworkReply::OperationCanceledError
            || reply->error() == QNetworkReply::TimeoutError) {
            return core::makeError(core::ErrorCode::Timeout,
                                   tr("The server did not answer within %1 seconds.")
                                       .arg(m_requestTimeout.count() / 1000.0));
        }
        if (reply->error() == QNetworkReply::SslHandshakeFailedError) {
            return core::makeError(
                core::ErrorCode::TlsUntrusted,
                tr("The server's TLS certificate is not trusted: %1").arg(reply->errorString()));
        }
        return core::makeError(core::ErrorCode::NetworkError,
                               tr("Cannot reach the server: %1").arg(reply->errorString()));
    }
    QByteArray body = reply->readAll();
    if (status >= 400) {
        if (std::optional<Error> error
            = protocol::errorFromJson(QJsonDocument::fromJson(body).object()))
            return *error;
        return core::makeError(core::ErrorCode::HttpError,
                               tr("The server answered with HTTP status %1.").arg(status));
    }
    return body;
}

bool RemoteTradingService::handleUnauthorised(const Error &error)
{
    if (!isTokenError(error) || m_accessToken.isEmpty())
        return false;
    const QString server = m_server.toString();
    signOut();
    m_server = QUrl(server);
    Q_EMIT m_sessionPart.sessionExpired(tr("Your session has expired. Sign in again."));
    return true;
}

void RemoteTradingService::openStream()
{
    m_streamWanted = true;
    QUrl url = endpoint(QStringLiteral("/api/v1/stream"));
    url.setScheme(m_server.scheme() == u"https" ? QStringLiteral("wss") : QStringLiteral("ws"));
    m_pongPending = false;
    m_heartbeatTimer.start();
    m_socket.open(url);
}

void RemoteTradingService::scheduleReconnect()
{
    if (!m_streamWanted || m_reconnectTimer.isActive())
        return;
    m_heartbeatTimer.stop();
    const auto delay = m_backoff.next();
    qCInfo(lcTrading) << "stream reconnect in" << delay.count() << "ms";
    m_reconnectTimer.start(delay);
}

void RemoteTradingService::onStreamConnected()
{
    const auto authenticate = [this] {
        m_socket.sendTextMessage(
            QString::fromUtf8(protocol::StreamMessage::auth(m_accessToken).serialize()));
    };
    // Back after a long outage (or a suspended machine) the token may have run out meanwhile.
    if (m_refreshToken.isEmpty() || m_accessTokenExpiryMs - m_clock->nowMs() > 10'000) {
        return authenticate();
    }
    renewTokens([this, authenticate](const Result<void> &renewed) {
        if (renewed)
            return authenticate();
        if (!handleUnauthorised(renewed.error()))
            m_socket.abort(); // no server to renew with: try the whole connection again later
    });
}

void RemoteTradingService::onStreamDisconnected()
{
    m_streamReady = false;
    m_serverChannels.clear();
    for (CandleFeed &feed : m_candleFeeds)
        feed.loading = false;
    if (!m_streamWanted)
        return;
    setState(Session::ConnectionState::Reconnecting);
    scheduleReconnect();
}

void RemoteTradingService::onStreamMessage(const QString &text)
{
    const Result<protocol::StreamMessage> message = protocol::StreamMessage::parse(text.toUtf8());
    if (!message) {
        qCWarning(lcTrading) << "unreadable stream message:" << message.error().message;
        return;
    }
    const QString &type = message->type;
    if (type == protocol::stream::kAuthOk) {
        if (m_streamReady)
            return; // the renewed token, on a stream that is subscribed already
        // Own orders and fills first and on their own: a market the server does not list must
        // not cost the trader their order events.
        const QStringList channels { protocol::stream::kOrdersChannel.toString(),
                                     protocol::stream::kTradesChannel.toString(),
                                     protocol::stream::kDealsChannel.toString(),
                                     protocol::stream::kDocumentsChannel.toString(),
                                     protocol::stream::kNotificationsChannel.toString() };
        m_socket.sendTextMessage(
            QString::fromUtf8(protocol::StreamMessage::subscribe(channels).serialize()));
    } else if (type == protocol::stream::kSubscribed) {
        if (m_streamReady)
            return; // market channels, after a handle came
        m_streamReady = true;
        m_backoff.reset();
        // Every market a handle follows, with the candle histories: what happened while the
        // stream was away (the server sends each book, ticker and time and sales anew).
        m_serverChannels.clear();
        syncChannels();
        // Whatever happened while the stream was down is only in the server's order list.
        const quint64 session = m_session;
        fetchOrders([this, session] {
            if (session != m_session)
                return;
            fetchTrades([this, session] {
                if (session != m_session)
                    return;
                fetchDeals([this, session] {
                    if (session != m_session)
                        return;
                    setState(Session::ConnectionState::Connected);
                    // A first latency reading now rather than one heartbeat later.
                    m_pongPending = true;
                    m_socket.ping();
                });
            });
            // Not needed to trade: loaded beside the rest, never holding the session up.
            fetchDocuments();
            fetchNotifications();
        });
    } else if (type.startsWith(u"order.") && message->body.contains(u"order")) {
        // Every order event (accepted, modified, partially filled, filled, triggered,
        // cancelled, expired) carries the whole order: one upsert serves them all.
        const Result<protocol::Order> order
            = protocol::Order::fromJson(message->body.value(u"order").toObject());
        if (order)
            upsert(*order);
        else
            qCWarning(lcTrading) << "unreadable order event:" << order.error().message;
    } else if (type == protocol::stream::kTrade && message->body.contains(u"trade")) {
        const Result<protocol::Trade> trade
            = protocol::Trade::fromJson(message->body.value(u"trade").toObject());
        if (!trade) {
            qCWarning(lcTrading) << "unreadable fill:" << trade.error().message;
        } else if (!m_fills.contains(fillKey(*trade))) {
            m_fills.insert(fillKey(*trade));
            m_trades.prepend(*trade);
            Q_EMIT m_orderPart.tradeAdded(*trade);
        }
    } else if (type.startsWith(u"deal.")) {
        onDealMessage(*message);
    } else if (type.startsWith(u"document.")) {
        onDocumentMessage(*message);
    } else if (type == protocol::stream::kNotification) {
        onNotificationMessage(*message);
    } else if (type == protocol::stream::kError) {
        const Error error = protocol::errorFromJson(message->body)
                                .value_or(core::makeError(core::ErrorCode::StreamError, QString()));
        if (isTokenError(error) && !m_refreshToken.isEmpty())
            renewInBackground(); // the server closes the stream; it comes back renewed
        else if (!handleUnauthorised(error))
            qCWarning(lcTrading) << "stream error:" << error.code << error.message;
    } else {
        onMarketMessage(*message);
    }
}

void RemoteTradingService::onMarketMessage(const protocol::StreamMessage &message)
{
    using Stream = MarketSubscription::Stream;
    const QString &type = message.type;
    const QJsonObject &body = message.body;
    const auto unreadable = [&type](const Error &error) {
        qCWarning(lcTrading) << "unreadable" << type << "message:" << error.message;
    };
    // A channel nobody wants any more may still bring a message or two: they are dropped.
    const auto wanted = [this](QStringView prefix, const QString &symbol) {
        return !symbol.isEmpty() && m_channelRefs.contains(prefix.toString() + symbol);
    };
    const auto handles = [this](const QString &symbol, Stream stream) {
        return m_marketPart.subscribers(symbol, stream);
    };
    if (type == protocol::stream::kBook) {
        const Result<protocol::BookSnapshot> book
            = protocol::BookSnapshot::fromJson(body.value(u"book").toObject());
        if (!book)
            return unreadable(book.error());
        if (!wanted(protocol::stream::kBookChannelPrefix, book->symbol))
            return;
        m_books.insert(book->symbol, *book);
        for (MarketSubscription *handle : handles(book->symbol, Stream::Book))
            Q_EMIT handle->bookChanged(*book);
    } else if (type == protocol::stream::kTicker) {
        const Result<protocol::Ticker> ticker
            = protocol::Ticker::fromJson(body.value(u"ticker").toObject());
        if (!ticker)
            return unreadable(ticker.error());
        if (!wanted(protocol::stream::kTickerChannelPrefix, ticker->symbol))
            return;
        m_tickers.insert(ticker->symbol, *ticker);
        m_marketPart.publishTicker(*ticker);
    } else if (type == protocol::stream::kMarketTrades) {
        const QString symbol = body.value(u"symbol").toString();
        if (!wanted(protocol::stream::kMarketTradesChannelPrefix, symbol))
            return;
        QList<protocol::MarketTrade> trades;
        for (const QJsonValue &value : body.value(u"trades").toArray()) {
            const Result<protocol::MarketTrade> trade
                = protocol::MarketTrade::fromJson(value.toObject());
            if (!trade)
                return unreadable(trade.error());
            trades.append(*trade);
        }
        m_marketTrades.insert(symbol, trades);
        for (MarketSubscription *handle : handles(symbol, Stream::Trades))
            Q_EMIT handle->marketTradesReset(symbol, trades);
    } else if (type == protocol::stream::kMarketTrade) {
        const Result<protocol::MarketTrade> trade
            = protocol::MarketTrade::fromJson(body.value(u"trade").toObject());
        if (!trade)
            return unreadable(trade.error());
        if (!wanted(protocol::stream::kMarketTradesChannelPrefix, trade->symbol))
            return;
        QList<protocol::MarketTrade> &kept = m_marketTrades[trade->symbol];
        kept.prepend(*trade);
        if (kept.size() > kMaxMarketTradesKept)
            kept.resize(kMaxMarketTradesKept);
        for (MarketSubscription *handle : handles(trade->symbol, Stream::Trades))
            Q_EMIT handle->marketTradeAdded(*trade);
    } else if (type == protocol::stream::kCandle) {
        const QString symbol = body.value(u"symbol").toString();
        const std::optional<core::CandleInterval> interval
            = core::candleIntervalFromString(body.value(u"interval").toString());
        if (symbol.isEmpty() || !interval)
            return;
        const auto feed = m_candleFeeds.find(candleChannel(symbol, *interval));
        if (feed == m_candleFeeds.end())
            return;
        const Result<core::Candle> candle
            = protocol::candleFromJson(body.value(u"candle").toObject());
        if (!candle)
            return unreadable(candle.error());
        if (feed->loading)
            mergeCandle(feed->liveCandles, *candle);
        else if (feed->loaded)
            mergeCandle(feed->candles, *candle);
        for (MarketSubscription *handle : handles(symbol, Stream::Candles)) {
            if (handle->interval() == *interval)
                Q_EMIT handle->candleChanged(symbol, *interval, *candle);
        }
    }
    // Anything else (unsubscribed, channels of a newer server) needs nothing from us.
}

QStringList RemoteTradingService::channelsOf(const MarketSubscription &subscription)
{
    using Stream = MarketSubscription::Stream;
    const QString &symbol = subscription.symbol();
    QStringList channels;
    if (subscription.wants(Stream::Book))
        channels.append(protocol::stream::kBookChannelPrefix.toString() + symbol);
    if (subscription.wants(Stream::Ticker) || subscription.wants(Stream::TickerBoard))
        channels.append(protocol::stream::kTickerChannelPrefix.toString() + symbol);
    if (subscription.wants(Stream::Trades))
        channels.append(protocol::stream::kMarketTradesChannelPrefix.toString() + symbol);
    if (subscription.wants(Stream::Candles))
        channels.append(candleChannel(symbol, subscription.interval()));
    return channels;
}

void RemoteTradingService::startSubscription(MarketSubscription *subscription)
{
    if (subscription->symbol().isEmpty())
        return; // follows nothing
    bool added = false;
    for (const QString &channel : channelsOf(*subscription)) {
        if (m_channelRefs[channel]++ == 0)
            added = true;
        if (channel.startsWith(protocol::stream::kCandlesChannelPrefix)
            && !m_candleFeeds.contains(channel)) {
            CandleFeed feed;
            feed.symbol = subscription->symbol();
            feed.interval = subscription->interval();
            m_candleFeeds.insert(channel, feed);
        }
    }
    if (added)
        scheduleChannelSync();
    // What is known of the market already, read when the call runs (so that it is never older
    // than a change the handle got meanwhile); a market new to us arrives from the server.
    QMetaObject::invokeMethod(
        subscription, [this, subscription] { announce(subscription); }, Qt::QueuedConnection);
}

void RemoteTradingService::announce(MarketSubscription *subscription)
{
    using Stream = MarketSubscription::Stream;
    const QString &symbol = subscription->symbol();
    if (subscription->wants(Stream::Book)) {
        if (const auto book = m_books.constFind(symbol); book != m_books.cend())
            Q_EMIT subscription->bookChanged(*book);
    }
    if (const auto ticker = m_tickers.constFind(symbol); ticker != m_tickers.cend()) {
        if (subscription->wants(Stream::Ticker))
            Q_EMIT subscription->tickerChanged(*ticker);
        if (subscription->wants(Stream::TickerBoard))
            Q_EMIT m_marketPart.tickerChanged(*ticker);
    }
    if (subscription->wants(Stream::Trades)) {
        if (const auto trades = m_marketTrades.constFind(symbol); trades != m_marketTrades.cend())
            Q_EMIT subscription->marketTradesReset(symbol, *trades);
    }
    if (subscription->wants(Stream::Candles)) {
        const auto feed = m_candleFeeds.constFind(candleChannel(symbol, subscription->interval()));
        if (feed != m_candleFeeds.cend() && feed->loaded)
            Q_EMIT subscription->candlesReset(symbol, feed->interval, feed->candles);
    }
}

void RemoteTradingService::stopSubscription(MarketSubscription *subscription)
{
    if (subscription->symbol().isEmpty())
        return;
    bool removed = false;
    for (const QString &channel : channelsOf(*subscription)) {
        const auto count = m_channelRefs.find(channel);
        if (count == m_channelRefs.end())
            continue;
        if (--*count == 0) {
            m_channelRefs.erase(count);
            removed = true;
        }
    }
    // What it leaves is forgotten at the sync, unless another handle wants it by then.
    if (removed)
        scheduleChannelSync();
}

void RemoteTradingService::scheduleChannelSync()
{
    if (std::exchange(m_channelSyncPending, true))
        return;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_channelSyncPending = false;
            syncChannels();
        },
        Qt::QueuedConnection);
}

void RemoteTradingService::syncChannels()
{
    // What nobody wants any more is forgotten: a handle coming later gets it anew.
    const auto unwanted = [this](QStringView prefix, const QString &symbol) {
        return !m_channelRefs.contains(prefix.toString() + symbol);
    };
    m_books.removeIf([&](const auto &entry) {
        return unwanted(protocol::stream::kBookChannelPrefix, entry.key());
    });
    m_tickers.removeIf([&](const auto &entry) {
        return unwanted(protocol::stream::kTickerChannelPrefix, entry.key());
    });
    m_marketTrades.removeIf([&](const auto &entry) {
        return unwanted(protocol::stream::kMarketTradesChannelPrefix, entry.key());
    });
    m_candleFeeds.removeIf(
        [this](const auto &entry) { return !m_channelRefs.contains(entry.key()); });
    if (!m_streamReady)
        return; // subscribed, and the histories loaded, once the stream is up
    // The board follows hundreds of tickers: sets, not a scan of one list per channel.
    QStringList stop;
    for (const QString &channel : std::as_const(m_serverChannels)) {
        if (!m_channelRefs.contains(channel))
            stop.append(channel);
    }
    QStringList start;
    for (auto channel = m_channelRefs.cbegin(); channel != m_channelRefs.cend(); ++channel) {
        if (!m_serverChannels.contains(channel.key()))
            start.append(channel.key());
    }
    std::sort(start.begin(), start.end());
    if (!stop.isEmpty()) {
        for (const QString &channel : std::as_const(stop))
            m_serverChannels.remove(channel);
        m_socket.sendTextMessage(
            QString::fromUtf8(protocol::StreamMessage::unsubscribe(stop).serialize()));
    }
    if (!start.isEmpty()) {
        for (const QString &channel : std::as_const(start))
            m_serverChannels.insert(channel);
        m_socket.sendTextMessage(
            QString::fromUtf8(protocol::StreamMessage::subscribe(start).serialize()));
        for (const QString &channel : std::as_const(start)) {
            if (channel.startsWith(protocol::stream::kCandlesChannelPrefix))
                fetchCandles(channel);
        }
    }
}

void RemoteTradingService::fetchCandles(const QString &channel)
{
    const auto feed = m_candleFeeds.find(channel);
    if (feed == m_candleFeeds.end())
        return;
    const quint64 generation = ++m_candleGeneration;
    feed->generation = generation;
    feed->loading = true;
    feed->liveCandles.clear();
    const QDateTime now = m_clock->nowUtc();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("interval"), core::toString(feed->interval));
    query.addQueryItem(QStringLiteral("from"),
                       protocol::toWireTime(now.addSecs(-historySeconds(feed->interval))));
    const QString path = QStringLiteral("/api/v1/markets/")
        + QString::fromLatin1(QUrl::toPercentEncoding(feed->symbol)) + QStringLiteral("/candles?")
        + query.toString(QUrl::FullyEncoded);
    send(Verb::Get, path, {}, [this, channel, generation](const Result<QJsonObject> &reply) {
        const auto feed = m_candleFeeds.find(channel);
        if (feed == m_candleFeeds.end() || generation != feed->generation)
            return; // nobody wants it any more, or a newer load runs
        feed->loading = false;
        if (!reply) {
            if (!handleUnauthorised(reply.error()))
                qCWarning(lcTrading) << "candle history failed:" << reply.error().message;
            return;
        }
        QList<core::Candle> candles;
        for (const QJsonValue &value : reply->value(u"candles").toArray()) {
            const Result<core::Candle> candle = protocol::candleFromJson(value.toObject());
            if (!candle) {
                qCWarning(lcTrading) << "unreadable candle:" << candle.error().message;
                return;
            }
            mergeCandle(candles, *candle);
        }
        // Live candles are newer than (or as new as) the history's version of them.
        for (const core::Candle &live : std::as_const(feed->liveCandles))
            mergeCandle(candles, live);
        feed->liveCandles.clear();
        feed->candles = candles;
        feed->loaded = true;
        const QString symbol = feed->symbol;
        const core::CandleInterval interval = feed->interval;
        for (MarketSubscription *handle :
             m_marketPart.subscribers(symbol, MarketSubscription::Stream::Candles)) {
            if (handle->interval() == interval)
                Q_EMIT handle->candlesReset(symbol, interval, candles);
        }
    });
}

void RemoteTradingService::onHeartbeat()
{
    if (m_socket.state() != QAbstractSocket::ConnectedState || m_pongPending) {
        // Stuck while connecting, or no pong for a whole interval: a half-open connection
        // would otherwise look healthy forever.
        m_socket.abort();
        onStreamDisconnected();
        return;
    }
    m_pongPending = true;
    m_socket.ping();
}

void RemoteTradingService::setState(Session::ConnectionState state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT m_sessionPart.connectionStateChanged(state);
}

// The lists remotetradingservice_documents.cpp loads.
template void RemoteTradingService::fetchAll<protocol::Deal>(
    const QString &, const QString &, QList<protocol::Deal>, const QString &,
    std::function<bool(const protocol::Deal &)>,
    std::function<void(Result<QList<protocol::Deal>>)>);
template void RemoteTradingService::fetchAll<protocol::Document>(
    const QString &, const QString &, QList<protocol::Document>, const QString &,
    std::function<bool(const protocol::Document &)>,
    std::function<void(Result<QList<protocol::Document>>)>);

} // namespace qx::client
