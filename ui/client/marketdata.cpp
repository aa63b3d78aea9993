#include "ui/client/marketdata.h"

#include <algorithm>

namespace qx::client {

MarketSubscription::MarketSubscription(MarketData *source, const QString &symbol, Streams streams,
                                       core::CandleInterval interval)
    : m_source(source)
    , m_symbol(symbol)
    , m_streams(streams)
    , m_interval(interval)
{ }

MarketSubscription::~MarketSubscription()
{
    if (m_source)
        m_source->release(this);
}

MarketData::MarketData(QObject *parent)
    : QObject(parent)
{
    connect(this, &MarketData::instrumentsChanged, this, [this] { m_instrumentIndexStale = true; });
}

MarketData::~MarketData()
{
    // Handles that outlive their source stay quiet: nothing is told when they go.
    for (const QList<Subscriber> &subscribers : std::as_const(m_subscriptions)) {
        for (const Subscriber &subscriber : subscribers)
            subscriber.handle->m_source = nullptr;
    }
}

std::optional<core::Instrument> MarketData::instrument(const QString &symbol) const
{
    if (m_instrumentIndexStale) {
        m_instrumentIndex.clear();
        const QList<core::Instrument> all = instruments();
        m_instrumentIndex.reserve(all.size());
        for (const core::Instrument &candidate : all) {
            if (!m_instrumentIndex.contains(candidate.symbol)) // the first listed, as before
                m_instrumentIndex.insert(candidate.symbol, candidate);
        }
        m_instrumentIndexStale = false;
    }
    const auto found = m_instrumentIndex.constFind(symbol);
    return found == m_instrumentIndex.cend() ? std::nullopt : std::optional(*found);
}

std::unique_ptr<MarketSubscription> MarketData::subscribe(const QString &symbol,
                                                          MarketSubscription::Streams streams,
                                                          core::CandleInterval interval)
{
    std::unique_ptr<MarketSubscription> handle(
        new MarketSubscription(this, symbol, streams, interval));
    m_subscriptions[symbol].append({ handle.get(), streams });
    started(handle.get());
    return handle;
}

MarketData::Handles MarketData::subscribers(const QString &symbol,
                                            MarketSubscription::Stream stream) const
{
    Handles wanting;
    const auto found = m_subscriptions.constFind(symbol);
    if (found == m_subscriptions.cend())
        return wanting;
    for (const Subscriber &subscriber : *found) {
        if (subscriber.streams.testFlag(stream))
            wanting.append(subscriber.handle);
    }
    return wanting;
}

bool MarketData::isSubscribed(const QString &symbol, MarketSubscription::Stream stream) const
{
    const auto found = m_subscriptions.constFind(symbol);
    return found != m_subscriptions.cend()
        && std::any_of(found->cbegin(), found->cend(), [stream](const Subscriber &subscriber) {
               return subscriber.streams.testFlag(stream);
           });
}

void MarketData::publishTicker(const core::protocol::Ticker &ticker)
{
    for (MarketSubscription *handle :
         subscribers(ticker.symbol, MarketSubscription::Stream::Ticker))
        Q_EMIT handle->tickerChanged(ticker);
    Q_EMIT tickerChanged(ticker);
}

void MarketData::release(MarketSubscription *subscription)
{
    const auto found = m_subscriptions.find(subscription->symbol());
    if (found == m_subscriptions.end())
        return;
    found->removeIf(
        [subscription](const Subscriber &subscriber) { return subscriber.handle == subscription; });
    if (found->isEmpty())
        m_subscriptions.erase(found);
    stopped(subscription);
}

} // namespace qx::client
