#pragma once

#include "core/candles.h"
#include "core/clock.h"
#include "core/instrument.h"
#include "core/protocol/messages.h"

#include <QFlags>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QVarLengthArray>

#include <map>
#include <memory>
#include <optional>

namespace qx::client {

class MarketData;

/**
 * One view's interest in one market, as a handle: made by MarketData::subscribe(), it emits
 * that market's depth, ticker, time and sales and candles (those of its streams()), each first
 * with the current state, then with every change, also after a reconnect; destroying it ends
 * the interest. Two handles on the same market are independent: each gets everything, and one
 * going does not stop the other.
 *
 * GUI thread only.
 */
class MarketSubscription : public QObject
{
    Q_OBJECT

public:
    enum class Stream {
        Book = 0x1, ///< bookChanged
        Ticker = 0x2, ///< tickerChanged
        Trades = 0x4, ///< marketTradesReset, marketTradeAdded
        Candles = 0x8, ///< candlesReset, candleChanged at interval()
        /// The ticker through MarketData::tickerChanged, one signal shared by every market
        /// fed this way: for views of many markets at once (a board), so that an update costs
        /// one emission however many markets are shown. The handle emits nothing itself.
        TickerBoard = 0x10,
    };
    Q_DECLARE_FLAGS(Streams, Stream)
    Q_FLAG(Streams)

    /// Tells the MarketData it came from (if that still exists) that it is no longer wanted.
    ~MarketSubscription() override;

    QString symbol() const { return m_symbol; }
    Streams streams() const { return m_streams; }
    bool wants(Stream stream) const { return m_streams.testFlag(stream); }
    core::CandleInterval interval() const { return m_interval; }

Q_SIGNALS:
    /// The market's aggregated depth (replaces the previous one).
    void bookChanged(const qx::core::protocol::BookSnapshot &book);
    /// Best bid and offer, the last trade and the day's volume.
    void tickerChanged(const qx::core::protocol::Ticker &ticker);
    /// The market's latest trades, newest first; replaces what was shown.
    void marketTradesReset(const QString &symbol,
                           const QList<qx::core::protocol::MarketTrade> &trades);
    /// A new trade in the market.
    void marketTradeAdded(const qx::core::protocol::MarketTrade &trade);
    /// The market's candles at interval(), oldest first; replaces what was shown.
    void candlesReset(const QString &symbol, qx::core::CandleInterval interval,
                      const QList<qx::core::Candle> &candles);
    /// A candle was started or changed by a trade.
    void candleChanged(const QString &symbol, qx::core::CandleInterval interval,
                       const qx::core::Candle &candle);

private:
    friend class MarketData;
    MarketSubscription(MarketData *source, const QString &symbol, Streams streams,
                       core::CandleInterval interval);

    QPointer<MarketData> m_source;
    QString m_symbol;
    Streams m_streams;
    core::CandleInterval m_interval;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(MarketSubscription::Streams)

/**
 * The market data part of a trading client: the tradable instruments, and subscriptions to
 * markets (MarketSubscription handles). An implementation shares whatever it fetches between
 * the handles on the same market and stops fetching once the last of them is gone.
 *
 * GUI thread only.
 */
class MarketData : public QObject
{
    Q_OBJECT

public:
    explicit MarketData(QObject *parent = nullptr);
    ~MarketData() override;

    virtual QList<core::Instrument> instruments() const = 0;
    /// What "now" is for the views of this market data: which instruments still trade, the
    /// clocks on screen. The system's unless set (the session sets its own, which tests
    /// drive); it must outlive its use.
    const core::Clock &clock() const { return *m_clock; }
    void setClock(const core::Clock &clock) { m_clock = &clock; }
    /// The instrument with that symbol, if listed. A hash look-up (the list is indexed again
    /// after instrumentsChanged): views ask for every ticker.
    std::optional<core::Instrument> instrument(const QString &symbol) const;

    /// A handle on `symbol`'s `streams` (candles at `interval`), live until destroyed. Its
    /// signals follow from the next turn of the event loop on, so the caller connects first.
    [[nodiscard]] std::unique_ptr<MarketSubscription> subscribe(const QString &symbol,
                                                                MarketSubscription::Streams streams,
                                                                core::CandleInterval interval
                                                                = core::CandleInterval::OneMinute);

    /// The live handles on `symbol` that want `stream` (for candles: at any interval), oldest
    /// first. On the stack for the few a market has: asked for on every event.
    using Handles = QVarLengthArray<MarketSubscription *, 8>;
    Handles subscribers(const QString &symbol, MarketSubscription::Stream stream) const;
    /// Whether some live handle on `symbol` wants `stream`.
    bool isSubscribed(const QString &symbol, MarketSubscription::Stream stream) const;
    /// The symbols with live handles.
    QList<QString> subscribedSymbols() const { return m_subscriptions.keys(); }

    /// For implementations: a market's new ticker to the handles that want it, and to
    /// tickerChanged.
    void publishTicker(const core::protocol::Ticker &ticker);

Q_SIGNALS:
    void instrumentsChanged();
    /// A ticker of a market some handle holds with Stream::TickerBoard: its current one once
    /// such a handle is made (and after a reconnect), then every change. Receivers pick the
    /// markets they show.
    void tickerChanged(const qx::core::protocol::Ticker &ticker);

protected:
    /// A handle was made: start what it needs, and give it the current state (after
    /// subscribe() returned, e.g. by a queued call with the handle as context).
    virtual void started(MarketSubscription *subscription) = 0;
    /// A handle is being destroyed: stop what only it needed. It is no longer in
    /// subscriptions().
    virtual void stopped(MarketSubscription *subscription) = 0;

private:
    friend class MarketSubscription;
    void release(MarketSubscription *subscription);

    /// A live handle with what it wants, kept beside it: an event is routed without reading
    /// the handles it does not go to.
    struct Subscriber
    {
        MarketSubscription *handle;
        MarketSubscription::Streams streams;
    };
    QHash<QString, QList<Subscriber>> m_subscriptions; ///< by symbol
    const core::Clock *m_clock = &core::Clock::system();
    mutable QHash<QString, core::Instrument> m_instrumentIndex; ///< by symbol
    mutable bool m_instrumentIndexStale = true;
};

/**
 * A board's ticker handles (Stream::TickerBoard), one per market it shows, kept in step with
 * them: a market still shown keeps its handle (and the server its subscription), one no longer
 * shown lets go of it, a new one gets one. The tickers reach the view through
 * MarketData::tickerChanged, connected once; the view picks its markets. GUI thread only.
 */
class TickerHandles
{
public:
    template<typename Receiver, typename Slot>
    void follow(MarketData &market, const QSet<QString> &symbols, const Receiver *receiver,
                Slot slot)
    {
        if (m_market != &market) {
            QObject::disconnect(m_feed);
            m_handles.clear();
            m_market = &market;
            m_feed = QObject::connect(&market, &MarketData::tickerChanged, receiver, slot);
        }
        std::erase_if(m_handles,
                      [&symbols](const auto &handle) { return !symbols.contains(handle.first); });
        for (const QString &symbol : symbols) {
            if (!m_handles.count(symbol))
                m_handles.emplace(
                    symbol, market.subscribe(symbol, MarketSubscription::Stream::TickerBoard));
        }
    }

private:
    QPointer<MarketData> m_market;
    QMetaObject::Connection m_feed;
    std::map<QString, std::unique_ptr<MarketSubscription>> m_handles;
};

} // namespace qx::client
