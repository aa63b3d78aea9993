#include "fakeserver.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QUrlQuery>
#include <QWebSocket>

#include <algorithm>

namespace qx::test {

namespace protocol = core::protocol;
using Method = QHttpServerRequest::Method;
using Status = QHttpServerResponse::StatusCode;

namespace {

QHttpServerResponse errorResponse(core::ErrorCode code, const QString &message)
{
    const core::Error error = core::makeError(code, message);
    return QHttpServerResponse(protocol::errorToJson(error), Status(core::httpStatusOf(code)));
}

QString channelOfCandles(const QString &symbol, core::CandleInterval interval)
{
    return protocol::stream::kCandlesChannelPrefix.toString() + symbol + u':'
        + core::toString(interval);
}

} // namespace

FakeServer::FakeServer(QObject *parent)
    : QObject(parent)
    , m_http(this)
{
    addRoutes();
    connect(&m_http, &QAbstractHttpServer::newWebSocketConnection, this, [this] {
        while (std::unique_ptr<QWebSocket> socket = m_http.nextPendingWebSocketConnection()) {
            QWebSocket *raw = socket.get();
            connect(raw, &QWebSocket::textMessageReceived, this,
                    [this, raw](const QString &text) { onStreamMessage(raw, text); });
            connect(raw, &QWebSocket::disconnected, this, [this, raw] {
                // Not inside the socket's own signal: it is still emitting.
                QMetaObject::invokeMethod(
                    this,
                    [this, raw] {
                        if (const auto found = m_sessions.find(raw); found != m_sessions.end()) {
                            found->second.socket.release()->deleteLater();
                            m_sessions.erase(found);
                        }
                    },
                    Qt::QueuedConnection);
            });
            m_sessions.emplace(raw, Session { std::move(socket), false, {} });
        }
    });
}

FakeServer::~FakeServer()
{
    for (auto &[raw, session] : m_sessions) {
        session.socket->disconnect(this);
        session.socket->abort();
    }
}

bool FakeServer::listen()
{
    const quint16 port = m_http.listen(QHostAddress::LocalHost, 0);
    if (port == 0)
        return false;
    m_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    return true;
}

void FakeServer::setInstruments(const QList<core::Instrument> &instruments)
{
    m_instruments = instruments;
}

void FakeServer::setCandles(const QString &symbol, core::CandleInterval interval,
                            const QList<core::Candle> &candles)
{
    m_candles.insert(symbol + u':' + core::toString(interval), candles);
}

void FakeServer::storeOrder(const protocol::Order &order)
{
    if (const auto found = m_orderIndex.constFind(order.id); found != m_orderIndex.cend()) {
        m_orders[*found] = order;
        return;
    }
    m_orderIndex.insert(order.id, m_orders.size());
    m_orders.append(order);
}

void FakeServer::storeTrade(const protocol::Trade &trade)
{
    m_trades.append(trade);
}

void FakeServer::setTrades(const QList<protocol::Trade> &oldestFirst)
{
    m_trades = oldestFirst;
}

void FakeServer::storeNotification(const protocol::Notification &notification, bool push)
{
    m_notifications.prepend(notification);
    if (push) {
        this->push(protocol::stream::kNotificationsChannel.toString(),
                   protocol::StreamMessage::of(
                       protocol::stream::kNotification,
                       { { QStringLiteral("notification"), notification.toJson() } }));
    }
}

void FakeServer::publishOrder(QStringView type, const protocol::Order &order)
{
    storeOrder(order);
    push(protocol::stream::kOrdersChannel.toString(),
         protocol::StreamMessage::orderEvent(type, order));
}

void FakeServer::publishTrade(const protocol::Trade &trade)
{
    storeTrade(trade);
    push(protocol::stream::kTradesChannel.toString(),
         protocol::StreamMessage::of(protocol::stream::kTrade,
                                     { { QStringLiteral("trade"), trade.toJson() } }));
}

void FakeServer::publishTicker(const protocol::Ticker &ticker)
{
    m_tickers.insert(ticker.symbol, ticker);
    push(protocol::stream::kTickerChannelPrefix.toString() + ticker.symbol,
         protocol::StreamMessage::of(protocol::stream::kTicker,
                                     { { QStringLiteral("ticker"), ticker.toJson() } }));
}

void FakeServer::publishCandle(const QString &symbol, core::CandleInterval interval,
                               const core::Candle &candle)
{
    push(channelOfCandles(symbol, interval),
         protocol::StreamMessage::of(protocol::stream::kCandle,
                                     { { QStringLiteral("symbol"), symbol },
                                       { QStringLiteral("interval"), core::toString(interval) },
                                       { QStringLiteral("candle"), protocol::toJson(candle) } }));
}

void FakeServer::push(const QString &channel, const protocol::StreamMessage &message)
{
    for (auto &[raw, session] : m_sessions) {
        if (session.authenticated && session.channels.contains(channel))
            send(raw, message);
    }
}

void FakeServer::dropStreams()
{
    for (auto &[raw, session] : m_sessions)
        raw->abort();
}

void FakeServer::expireAccessTokens()
{
    m_accessTokens.clear();
}

void FakeServer::revokeRefreshTokens()
{
    m_refreshTokens.clear();
}

int FakeServer::streamSessions() const
{
    return int(std::count_if(m_sessions.cbegin(), m_sessions.cend(), [](const auto &entry) {
        return entry.second.authenticated
            && entry.second.socket->state() == QAbstractSocket::ConnectedState;
    }));
}

QStringList FakeServer::subscribedChannels() const
{
    QSet<QString> channels;
    for (const auto &[raw, session] : m_sessions) {
        if (raw->state() == QAbstractSocket::ConnectedState)
            channels.unite(session.channels);
    }
    QStringList sorted(channels.cbegin(), channels.cend());
    sorted.sort();
    return sorted;
}

std::optional<QHttpServerResponse> FakeServer::admit(const QHttpServerRequest &request)
{
    m_requests[request.url().path()] += 1;
    const QByteArray header = request.value("Authorization");
    if (!header.startsWith("Bearer "))
        return errorResponse(core::ErrorCode::MissingToken, QStringLiteral("No token."));
    if (!accepts(QString::fromLatin1(header.mid(7))))
        return errorResponse(core::ErrorCode::InvalidToken, QStringLiteral("Token expired."));
    return std::nullopt;
}

bool FakeServer::accepts(const QString &token)
{
    const auto found = m_accessTokens.constFind(token);
    if (found == m_accessTokens.cend())
        return false;
    if (m_clock->nowMs() < *found)
        return true;
    ++m_expiredTokensRefused;
    return false;
}

QHttpServerResponse FakeServer::issueTokens()
{
    protocol::TokenPair pair;
    pair.accessToken = QStringLiteral("access-%1").arg(m_nextToken);
    pair.refreshToken = QStringLiteral("refresh-%1").arg(m_nextToken);
    ++m_nextToken;
    pair.expiresIn = m_accessTokenSeconds;
    m_accessTokens.insert(pair.accessToken, m_clock->nowMs() + qint64(m_accessTokenSeconds) * 1000);
    m_refreshTokens.insert(pair.refreshToken);
    return QHttpServerResponse(pair.toJson());
}

template<typename Item>
QHttpServerResponse FakeServer::page(const QList<Item> &items, const QString &key,
                                     const QHttpServerRequest &request) const
{
    // The cursor is a position in the oldest-first list: what is before it is older.
    const QUrlQuery query = request.query();
    qsizetype end = items.size();
    if (query.hasQueryItem(QStringLiteral("before")))
        end = std::clamp<qsizetype>(query.queryItemValue(QStringLiteral("before")).toLongLong(), 0,
                                    items.size());
    int limit = m_pageSize;
    if (query.hasQueryItem(QStringLiteral("limit")))
        limit = std::clamp(query.queryItemValue(QStringLiteral("limit")).toInt(), 1, 1000);
    const qsizetype begin = std::max<qsizetype>(0, end - limit);
    QJsonArray array;
    for (qsizetype i = end - 1; i >= begin; --i)
        array.append(items[i].toJson());
    QJsonObject body { { key, array }, { QStringLiteral("source"), QStringLiteral("storage") } };
    body.insert(QStringLiteral("next_before"),
                begin > 0 ? QJsonValue(QString::number(begin)) : QJsonValue());
    return QHttpServerResponse(body);
}

void FakeServer::addRoutes()
{
    m_http.route(QStringLiteral("/healthz"), Method::Get, [] {
        return QHttpServerResponse(
            QJsonObject { { QStringLiteral("status"), QStringLiteral("ok") },
                          { QStringLiteral("version"), QStringLiteral("fake") } });
    });
    m_http.route(QStringLiteral("/api/v1/auth/login"), Method::Post,
                 [this](const QHttpServerRequest &request) {
                     const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
                     const core::Result<protocol::LoginRequest> login
                         = protocol::LoginRequest::fromJson(body);
                     if (!login || login->username != kUsername || login->password != kPassword) {
                         return errorResponse(core::ErrorCode::InvalidCredentials,
                                              QStringLiteral("Wrong user name or password."));
                     }
                     ++m_signIns;
                     return issueTokens();
                 });
    m_http.route(QStringLiteral("/api/v1/auth/refresh"), Method::Post,
                 [this](const QHttpServerRequest &request) {
                     const QString token = QJsonDocument::fromJson(request.body())
                                               .object()
                                               .value(u"refresh_token")
                                               .toString();
                     if (m_usedRefreshTokens.contains(token)) {
                         return errorResponse(core::ErrorCode::TokenReused,
                                              QStringLiteral("Used before."));
                     }
                     if (!m_refreshTokens.remove(token)) {
                         return errorResponse(core::ErrorCode::InvalidToken,
                                              QStringLiteral("Unknown refresh token."));
                     }
                     m_usedRefreshTokens.insert(token);
                     ++m_refreshes;
                     return issueTokens();
                 });
    m_http.route(QStringLiteral("/api/v1/me"), Method::Get,
                 [this](const QHttpServerRequest &request) {
                     if (auto refused = admit(request))
                         return std::move(*refused);
                     return QHttpServerResponse(
                         QJsonObject { { QStringLiteral("username"), kUsername.toString() },
                                       { QStringLiteral("role"), QStringLiteral("trader") },
                                       { QStringLiteral("permissions"), QJsonArray() },
                                       { QStringLiteral("mfa_enabled"), false } });
                 });
    m_http.route(
        QStringLiteral("/api/v1/instruments"), Method::Get,
        [this](const QHttpServerRequest &request) {
            if (auto refused = admit(request))
                return std::move(*refused);
            QJsonArray list;
            for (const core::Instrument &instrument : std::as_const(m_instruments))
                list.append(protocol::toJson(instrument));
            return QHttpServerResponse(QJsonObject { { QStringLiteral("instruments"), list } });
        });
    m_http.route(QStringLiteral("/api/v1/orders"), Method::Get,
                 [this](const QHttpServerRequest &request) {
                     if (auto refused = admit(request))
                         return std::move(*refused);
                     return page(m_orders, QStringLiteral("orders"), request);
                 });
    m_http.route(
        QStringLiteral("/api/v1/orders"), Method::Post, [this](const QHttpServerRequest &request) {
            if (auto refused = admit(request))
                return std::move(*refused);
            const core::Result<protocol::NewOrder> entry
                = protocol::NewOrder::fromJson(QJsonDocument::fromJson(request.body()).object());
            if (!entry)
                return errorResponse(core::ErrorCode::InvalidRequest, entry.error().message);
            const auto known
                = std::find_if(m_orders.cbegin(), m_orders.cend(), [&](const auto &order) {
                      return order.clientOrderId == entry->clientOrderId;
                  });
            if (known != m_orders.cend())
                return QHttpServerResponse(known->toJson(), Status::Ok);
            protocol::Order order;
            order.id = QString::number(m_nextOrderId++);
            order.clientOrderId = entry->clientOrderId;
            order.username = kUsername.toString();
            order.symbol = entry->symbol;
            order.side = entry->side;
            order.type = entry->type;
            order.timeInForce = entry->timeInForce;
            order.quantity = entry->quantity;
            order.price = entry->price;
            order.createdAt = order.updatedAt = QDateTime::currentDateTimeUtc();
            publishOrder(protocol::stream::kOrderAccepted, order);
            return QHttpServerResponse(order.toJson(), Status::Created);
        });
    m_http.route(QStringLiteral("/api/v1/trades"), Method::Get,
                 [this](const QHttpServerRequest &request) {
                     if (auto refused = admit(request))
                         return std::move(*refused);
                     return page(m_trades, QStringLiteral("trades"), request);
                 });
    const auto unreadCount = [this] {
        return qint64(std::count_if(m_notifications.cbegin(), m_notifications.cend(),
                                    [](const auto &held) { return !held.readAt.isValid(); }));
    };
    m_http.route(QStringLiteral("/api/v1/notifications"), Method::Get,
                 [this, unreadCount](const QHttpServerRequest &request) {
                     if (auto refused = admit(request))
                         return std::move(*refused);
                     QJsonArray list;
                     for (const protocol::Notification &held : std::as_const(m_notifications))
                         list.append(held.toJson());
                     return QHttpServerResponse(
                         QJsonObject { { QStringLiteral("notifications"), list },
                                       { QStringLiteral("unread"), unreadCount() },
                                       { QStringLiteral("next_before"), QJsonValue() } });
                 });
    m_http.route(
        QStringLiteral("/api/v1/notifications/<arg>/read"), Method::Post,
        [this, unreadCount](const QString &id, const QHttpServerRequest &request) {
            if (auto refused = admit(request))
                return std::move(*refused);
            for (protocol::Notification &held : m_notifications) {
                if (held.id == id && !held.readAt.isValid())
                    held.readAt = m_clock->nowUtc();
            }
            return QHttpServerResponse(QJsonObject { { QStringLiteral("unread"), unreadCount() } });
        });
    m_http.route(QStringLiteral("/api/v1/notifications/read-all"), Method::Post,
                 [this](const QHttpServerRequest &request) {
                     if (auto refused = admit(request))
                         return std::move(*refused);
                     for (protocol::Notification &held : m_notifications) {
                         if (!held.readAt.isValid())
                             held.readAt = m_clock->nowUtc();
                     }
                     return QHttpServerResponse(QJsonObject { { QStringLiteral("unread"), 0 } });
                 });
    // Deals and documents: none here (the real server's are tested against it).
    for (const QString &list : { QStringLiteral("deals"), QStringLiteral("documents") }) {
        m_http.route(u"/api/v1/" + list, Method::Get,
                     [this, list](const QHttpServerRequest &request) {
                         if (auto refused = admit(request))
                             return std::move(*refused);
                         return QHttpServerResponse(QJsonObject { { list, QJsonArray() } });
                     });
    }
    m_http.route(
        QStringLiteral("/api/v1/markets/<arg>/candles"), Method::Get,
        [this](const QString &symbol, const QHttpServerRequest &request) {
            if (auto refused = admit(request))
                return std::move(*refused);
            const QString interval = request.query().queryItemValue(QStringLiteral("interval"));
            QJsonArray candles;
            for (const core::Candle &candle : m_candles.value(symbol + u':' + interval))
                candles.append(protocol::toJson(candle));
            return QHttpServerResponse(QJsonObject { { QStringLiteral("symbol"), symbol },
                                                     { QStringLiteral("interval"), interval },
                                                     { QStringLiteral("candles"), candles } });
        });
    // The upgrade itself is QHttpServer's (newWebSocketConnection); in Qt 6.4 the request
    // must still be one a route takes, writing nothing.
    m_http.route(QStringLiteral("/api/v1/stream"), Method::Get,
                 [](const QHttpServerRequest &, QHttpServerResponder &&) {});
    m_http.setMissingHandler([](const QHttpServerRequest &, QHttpServerResponder &&responder) {
        const core::Error error
            = core::makeError(core::ErrorCode::NotFound, QStringLiteral("No such route."));
        responder.write(QJsonDocument(protocol::errorToJson(error)),
                        QHttpServerResponder::StatusCode::NotFound);
    });
}

void FakeServer::onStreamMessage(QWebSocket *socket, const QString &text)
{
    const auto found = m_sessions.find(socket);
    if (found == m_sessions.end())
        return;
    Session &session = found->second;
    const core::Result<protocol::StreamMessage> message
        = protocol::StreamMessage::parse(text.toUtf8());
    if (!message)
        return send(socket, protocol::StreamMessage::error(message.error()));
    const QString &type = message->type;
    if (type == protocol::stream::kAuth) {
        const QString token = message->body.value(u"token").toString();
        if (!accepts(token)) {
            send(socket,
                 protocol::StreamMessage::error(core::makeError(core::ErrorCode::InvalidToken,
                                                                QStringLiteral("Token expired."))));
            socket->close();
            return;
        }
        const bool first = !session.authenticated;
        session.authenticated = true;
        if (first)
            ++m_streamAuthentications;
        send(socket, protocol::StreamMessage::authOk(kUsername.toString()));
        return;
    }
    if (!session.authenticated) {
        send(socket,
             protocol::StreamMessage::error(
                 core::makeError(core::ErrorCode::MissingToken, QStringLiteral("Sign in first."))));
        return;
    }
    QStringList channels;
    for (const QJsonValue &channel : message->body.value(u"channels").toArray())
        channels.append(channel.toString());
    if (type == protocol::stream::kSubscribe) {
        for (const QString &channel : std::as_const(channels))
            session.channels.insert(channel);
        send(socket, protocol::StreamMessage::subscribed(channels));
        // As the server does: the current state of what was subscribed to.
        for (const QString &channel : std::as_const(channels)) {
            if (!channel.startsWith(protocol::stream::kTickerChannelPrefix))
                continue;
            const QString symbol = channel.mid(protocol::stream::kTickerChannelPrefix.size());
            if (const auto ticker = m_tickers.constFind(symbol); ticker != m_tickers.cend()) {
                send(socket,
                     protocol::StreamMessage::of(
                         protocol::stream::kTicker,
                         { { QStringLiteral("ticker"), ticker->toJson() } }));
            }
        }
        Q_EMIT subscribed(channels);
    } else if (type == protocol::stream::kUnsubscribe) {
        for (const QString &channel : std::as_const(channels))
            session.channels.remove(channel);
        send(socket, protocol::StreamMessage::unsubscribed(channels));
    }
}

void FakeServer::send(QWebSocket *socket, const protocol::StreamMessage &message)
{
    socket->sendTextMessage(QString::fromUtf8(message.serialize()));
}

} // namespace qx::test
