#include "faketradingservice.h"

#include <algorithm>

namespace qx::test {

namespace {
QString candleKey(const QString &symbol, core::CandleInterval interval)
{
    return symbol + u':' + core::toString(interval);
}
} // namespace

void FakeTradingService::FakeMarketData::started(client::MarketSubscription *subscription)
{
    ++startedCount;
    // The last of each pushed, read when the call runs, as the real client announces.
    QMetaObject::invokeMethod(
        subscription,
        [this, subscription] {
            const QString symbol = subscription->symbol();
            if (subscription->wants(Stream::Book) && books.contains(symbol))
                Q_EMIT subscription->bookChanged(books.value(symbol));
            if (subscription->wants(Stream::Ticker) && tickers.contains(symbol))
                Q_EMIT subscription->tickerChanged(tickers.value(symbol));
            if (subscription->wants(Stream::TickerBoard) && tickers.contains(symbol))
                Q_EMIT tickerChanged(tickers.value(symbol));
            if (subscription->wants(Stream::Trades) && marketTrades.contains(symbol))
                Q_EMIT subscription->marketTradesReset(symbol, marketTrades.value(symbol));
            const QString key = candleKey(symbol, subscription->interval());
            if (subscription->wants(Stream::Candles) && candles.contains(key)) {
                Q_EMIT subscription->candlesReset(symbol, subscription->interval(),
                                                  candles.value(key));
            }
        },
        Qt::QueuedConnection);
}

void FakeTradingService::setConnectionState(ConnectionState state)
{
    m_session.state = state;
    Q_EMIT m_session.connectionStateChanged(state);
}

void FakeTradingService::setIdentity(const QString &username, const QString &role)
{
    m_session.name = username;
    m_session.roleName = role;
    Q_EMIT m_session.identityChanged();
}

void FakeTradingService::setInstruments(const QList<core::Instrument> &instruments)
{
    m_market.instrumentList = instruments;
    Q_EMIT m_market.instrumentsChanged();
}

void FakeTradingService::resetOrders(const QList<core::protocol::Order> &orders)
{
    m_orders.orderList = orders;
    Q_EMIT m_orders.ordersReset(orders);
}

void FakeTradingService::resetTrades(const QList<core::protocol::Trade> &newestFirst)
{
    m_orders.tradeList = newestFirst;
    Q_EMIT m_orders.tradesReset(newestFirst);
}

void FakeTradingService::pushTrade(const core::protocol::Trade &trade)
{
    m_orders.tradeList.prepend(trade);
    Q_EMIT m_orders.tradeAdded(trade);
}

void FakeTradingService::resetDeals(const QList<core::protocol::Deal> &deals)
{
    m_orders.dealList = deals;
    Q_EMIT m_orders.dealsReset(deals);
}

void FakeTradingService::pushBook(const core::protocol::BookSnapshot &book)
{
    m_market.books.insert(book.symbol, book);
    for (client::MarketSubscription *handle : m_market.subscribers(book.symbol, Stream::Book))
        Q_EMIT handle->bookChanged(book);
}

void FakeTradingService::pushTicker(const core::protocol::Ticker &ticker)
{
    m_market.tickers.insert(ticker.symbol, ticker);
    m_market.publishTicker(ticker);
}

void FakeTradingService::pushMarketTrades(const QString &symbol,
                                          const QList<core::protocol::MarketTrade> &trades)
{
    m_market.marketTrades.insert(symbol, trades);
    for (client::MarketSubscription *handle : m_market.subscribers(symbol, Stream::Trades))
        Q_EMIT handle->marketTradesReset(symbol, trades);
}

void FakeTradingService::pushMarketTrade(const core::protocol::MarketTrade &trade)
{
    m_market.marketTrades[trade.symbol].prepend(trade);
    for (client::MarketSubscription *handle : m_market.subscribers(trade.symbol, Stream::Trades))
        Q_EMIT handle->marketTradeAdded(trade);
}

void FakeTradingService::pushCandles(const QString &symbol, core::CandleInterval interval,
                                     const QList<core::Candle> &candles)
{
    m_market.candles.insert(candleKey(symbol, interval), candles);
    for (client::MarketSubscription *handle : m_market.subscribers(symbol, Stream::Candles)) {
        if (handle->interval() == interval)
            Q_EMIT handle->candlesReset(symbol, interval, candles);
    }
}

void FakeTradingService::pushCandle(const QString &symbol, core::CandleInterval interval,
                                    const core::Candle &candle)
{
    QList<core::Candle> &kept = m_market.candles[candleKey(symbol, interval)];
    const auto at = std::find_if(kept.begin(), kept.end(),
                                 [&](const core::Candle &c) { return c.start == candle.start; });
    if (at != kept.end())
        *at = candle;
    else
        kept.append(candle);
    for (client::MarketSubscription *handle : m_market.subscribers(symbol, Stream::Candles)) {
        if (handle->interval() == interval)
            Q_EMIT handle->candleChanged(symbol, interval, candle);
    }
}

QStringList FakeTradingService::subscribedSymbols(Stream stream) const
{
    QStringList symbols;
    for (const QString &symbol : m_market.subscribedSymbols()) {
        if (m_market.isSubscribed(symbol, stream)
            || (stream == Stream::Ticker && m_market.isSubscribed(symbol, Stream::TickerBoard)))
            symbols.append(symbol);
    }
    symbols.sort();
    return symbols;
}

QString FakeTradingService::watched() const
{
    const QStringList symbols = subscribedSymbols(Stream::Candles);
    return symbols.isEmpty() ? QString() : symbols.constFirst();
}

core::CandleInterval FakeTradingService::watchedInterval() const
{
    const client::MarketData::Handles handles = m_market.subscribers(watched(), Stream::Candles);
    return handles.isEmpty() ? core::CandleInterval::OneMinute : handles.last()->interval();
}

core::protocol::Trade FakeTradingService::trade(const QString &id, const QString &symbol,
                                                core::protocol::Side side, const QString &quantity,
                                                const QString &price, const QDateTime &time,
                                                bool aggressor)
{
    core::protocol::Trade trade;
    trade.id = id;
    trade.symbol = symbol;
    trade.side = side;
    trade.quantity = *core::Quantity::parse(quantity);
    trade.price = *core::Price::parse(price);
    trade.orderId = u"o" + id;
    trade.clientOrderId = u"c" + id;
    trade.aggressor = aggressor;
    trade.time = time;
    return trade;
}

void FakeTradingService::pushOrder(const core::protocol::Order &order)
{
    auto it
        = std::find_if(m_orders.orderList.begin(), m_orders.orderList.end(),
                       [&](const core::protocol::Order &known) { return known.id == order.id; });
    if (it != m_orders.orderList.end())
        *it = order;
    else
        m_orders.orderList.append(order);
    Q_EMIT m_orders.orderChanged(order);
}

core::Instrument FakeTradingService::power()
{
    core::Instrument instrument;
    instrument.symbol = QStringLiteral("DE.BASE.M.2027-03");
    instrument.description = QStringLiteral("German power base load, March 2027");
    instrument.commodity = core::Commodity::Power;
    instrument.area = QStringLiteral("DE");
    instrument.load = core::LoadShape::Base;
    instrument.delivery = core::DeliveryPeriod::month(2027, 3);
    instrument.timeZone = QByteArrayLiteral("Europe/Berlin");
    instrument.unit = core::QuantityUnit::Megawatt;
    instrument.currency = QStringLiteral("EUR");
    instrument.tickSize = *core::Price::parse(u"0.01");
    instrument.lotSize = *core::Quantity::parse(u"1");
    instrument.lastTradingDay = QDate(2099, 12, 31); // never expires under the tests
    return instrument;
}

core::Instrument FakeTradingService::gas()
{
    core::Instrument instrument;
    instrument.symbol = QStringLiteral("HH.M.2027-03");
    instrument.description = QStringLiteral("Henry Hub natural gas, March 2027");
    instrument.commodity = core::Commodity::NaturalGas;
    instrument.area = QStringLiteral("HH");
    instrument.delivery = core::DeliveryPeriod::month(2027, 3);
    instrument.timeZone = QByteArrayLiteral("America/Chicago");
    instrument.unit = core::QuantityUnit::MMBtuPerDay;
    instrument.currency = QStringLiteral("USD");
    instrument.tickSize = *core::Price::parse(u"0.001");
    instrument.lotSize = *core::Quantity::parse(u"0.5");
    instrument.lastTradingDay = QDate(2099, 12, 31);
    return instrument;
}

core::protocol::Order FakeTradingService::order(const QString &id, const QString &symbol,
                                                core::protocol::Side side, const QString &quantity,
                                                const QString &price,
                                                core::protocol::OrderStatus status,
                                                const QDateTime &createdAt)
{
    core::protocol::Order order;
    order.id = id;
    order.clientOrderId = QStringLiteral("client-") + id;
    order.username = QStringLiteral("trader");
    order.symbol = symbol;
    order.side = side;
    order.quantity = *core::Quantity::parse(quantity);
    order.price = *core::Price::parse(price);
    order.status = status;
    order.createdAt
        = createdAt.isValid() ? createdAt : QDateTime(QDate(2027, 1, 4), QTime(9, 30, 15), Qt::UTC);
    order.updatedAt = order.createdAt;
    return order;
}

} // namespace qx::test
