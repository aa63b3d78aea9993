#pragma once

#include "core/candles.h"
#include "core/instrument.h"
#include "core/protocol/messages.h"
#include "core/result.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

namespace qx::client {

/// A server's address as one name, whatever way it was typed: no user info, no trailing slash
/// ("https://host/" is "https://host"). What a remembered session and a saved server are
/// matched by.
QUrl canonicalServerUrl(const QUrl &url);

/**
 * What the workstation's widgets see of a trading session: connection state, who is signed in,
 * the tradable instruments and the user's orders, the two order actions, and the one market
 * the trader is watching (depth, ticker, time and sales, candles). Plain values only, so the
 * real service (REST + WebSocket) and the tests' fake are interchangeable.
 *
 * Lives on the GUI thread; every call returns at once and its outcome arrives as a signal.
 */
class TradingService : public QObject
{
    Q_OBJECT

public:
    enum class ConnectionState { Disconnected, Connecting, Connected, Reconnecting };
    Q_ENUM(ConnectionState)

    explicit TradingService(QObject *parent = nullptr);

    virtual ConnectionState connectionState() const = 0;
    /// Empty until the server has said who we are.
    virtual QString username() const = 0;
    virtual QString role() const = 0;
    /// Where the session is, and the version that server reports (empty when unknown).
    virtual QUrl serverUrl() const { return {}; }
    virtual QString serverVersion() const { return {}; }
    virtual QList<core::Instrument> instruments() const = 0;
    /// The user's orders as last known, in no particular order.
    virtual QList<core::protocol::Order> orders() const = 0;
    /// The user's fills as last known, newest first (a trade with oneself: both sides).
    virtual QList<core::protocol::Trade> trades() const = 0;

    /// Outcome: orderChanged() with the accepted order, or orderRejected().
    virtual void placeOrder(const core::protocol::NewOrder &order) = 0;
    /// Outcome: orderChanged() with the cancelled order, or cancelRejected().
    virtual void cancelOrder(const QString &orderId) = 0;
    /// Changes a live order's price or quantity (in its place in the queue when only the
    /// quantity goes down). Outcome: orderChanged() with the changed order, or modifyRejected().
    virtual void modifyOrder(const QString &orderId, const core::protocol::OrderModify &change) = 0;
    /// Cancels every live order of the user, on every server of a cluster. Outcome:
    /// orderChanged() for each, then allCancelled(); or cancelRejected() with no order id.
    virtual void cancelAllOrders() = 0;

    /// Watches one market: bookChanged, tickerChanged, marketTradesReset/marketTradeAdded and
    /// candlesReset/candleChanged (at `interval`) follow for it, each first with the current
    /// state, then with every change, also after a reconnect. Another symbol or interval
    /// replaces the previous one; an empty symbol stops watching.
    virtual void watchMarket(const QString &symbol, core::CandleInterval interval) = 0;
    virtual QString watchedSymbol() const = 0;
    /// The market watch: tickerChanged follows for each of `symbols` as for the watched market,
    /// first with its current state, then with every change, also after a reconnect. Replaces
    /// the previous list; an empty one stops them.
    virtual void watchTickers(const QStringList &symbols) = 0;

    /// The instrument with that symbol, if the service lists it. A hash look-up (the list is
    /// indexed again after instrumentsChanged): views ask for every ticker.
    std::optional<core::Instrument> instrument(const QString &symbol) const;
    /// A fresh idempotency key for NewOrder::clientOrderId.
    static QString newClientOrderId();

Q_SIGNALS:
    void connectionStateChanged(qx::client::TradingService::ConnectionState state);
    /// username() and role() changed.
    void identityChanged();
    void instrumentsChanged();
    /// The whole order list was (re)loaded; replaces everything known before.
    void ordersReset(const QList<qx::core::protocol::Order> &orders);
    /// One order was added or changed; match it to earlier ones by id.
    void orderChanged(const qx::core::protocol::Order &order);
    /// The whole list of fills was (re)loaded; replaces everything known before.
    void tradesReset(const QList<qx::core::protocol::Trade> &trades);
    /// A fill of one of the user's orders not announced before: new on the stream, or one a
    /// reload found that the stream missed (which may be older than fills announced already:
    /// its time says where it goes).
    void tradeAdded(const qx::core::protocol::Trade &trade);
    void orderRejected(const QString &clientOrderId, const qx::core::Error &error);
    void cancelRejected(const QString &orderId, const qx::core::Error &error);
    void modifyRejected(const QString &orderId, const qx::core::Error &error);
    /// The answer to cancelAllOrders(): how many orders it cancelled.
    void allCancelled(int count);
    /// The server no longer accepts our credentials; the user has to sign in again.
    void sessionExpired(const QString &message);
    /// The watched market's aggregated depth (replaces the previous one).
    void bookChanged(const qx::core::protocol::BookSnapshot &book);
    /// Best bid and offer and the last trade of the watched market or of one the market watch
    /// follows: look at its symbol.
    void tickerChanged(const qx::core::protocol::Ticker &ticker);
    /// The watched market's latest trades, newest first; replaces what was shown.
    void marketTradesReset(const QString &symbol,
                           const QList<qx::core::protocol::MarketTrade> &trades);
    /// A new trade in the watched market.
    void marketTradeAdded(const qx::core::protocol::MarketTrade &trade);
    /// The watched market's candles, oldest first; replaces what was shown.
    void candlesReset(const QString &symbol, qx::core::CandleInterval interval,
                      const QList<qx::core::Candle> &candles);
    /// A candle of the watched market was started or changed by a trade.
    void candleChanged(const QString &symbol, qx::core::CandleInterval interval,
                       const qx::core::Candle &candle);
    /// Round trip to the server, for the status bar.
    void latencyMeasured(int milliseconds);

private:
    mutable QHash<QString, core::Instrument> m_instrumentIndex; ///< by symbol
    mutable bool m_instrumentIndexStale = true;
};

} // namespace qx::client
