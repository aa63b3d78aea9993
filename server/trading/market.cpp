#include "server/trading/market.h"

#include "core/delivery.h"
#include "core/productcatalog.h"

#include <QDebug>

#include <algorithm>

namespace qx::server {

namespace protocol = core::protocol;
namespace matching = core::matching;
using core::Price;
using core::Quantity;

namespace {

std::array<core::CandleSeries, Market::kIntervals.size()> emptyCandles(const QByteArray &timeZone)
{
    return { core::CandleSeries(Market::kIntervals[0], timeZone),
             core::CandleSeries(Market::kIntervals[1], timeZone),
             core::CandleSeries(Market::kIntervals[2], timeZone),
             core::CandleSeries(Market::kIntervals[3], timeZone) };
}

} // namespace

Market::Market(const core::Instrument &definition)
    : m_instrument(definition)
    , m_multiplier(core::volumeMultiplier(definition))
    , m_product(core::parseSymbol(definition.symbol)
                    .value_or(core::SymbolParts { definition.symbol, {} })
                    .product)
    , m_candles(emptyCandles(definition.timeZone))
{ }

matching::Ticks Market::ticks(Price price) const
{
    return price.decimal().units() / m_instrument.tickSize.decimal().units();
}

matching::Lots Market::lots(Quantity quantity) const
{
    return quantity.decimal().units() / m_instrument.lotSize.decimal().units();
}

Price Market::price(matching::Ticks ticks) const
{
    return Price(core::Decimal::fromUnits(ticks * m_instrument.tickSize.decimal().units()));
}

Quantity Market::quantity(matching::Lots lots) const
{
    return Quantity(core::Decimal::fromUnits(lots * m_instrument.lotSize.decimal().units()));
}

core::Result<core::Money> Market::value(Price price, Quantity quantity) const
{
    const core::Result<core::Decimal> energy = quantity.decimal().times(m_multiplier);
    if (!energy)
        return energy.error();
    return core::notional(price, Quantity(*energy));
}

void Market::applyRules(const TradingRules &rules)
{
    matching::OrderBook::Rules bookRules;
    bookRules.maxOrderQuantity = rules.maxOrderLots;
    if (const std::optional<matching::Ticks> last = book.lastTradePrice();
        last && rules.priceBandPercent > 0) {
        const matching::Ticks magnitude = *last < 0 ? -*last : *last;
        // At least a few ticks, so that prices near zero can still move.
        bookRules.priceBand
            = std::max<matching::Ticks>(magnitude * rules.priceBandPercent / 100, 20);
    }
    book.setRules(bookRules);
}

Market::CandleChanges Market::record(const TradeRecord &trade, QDate today)
{
    // A trade that cannot be counted somewhere stands (it is matched and stored); what it
    // cannot change is said in the log, never papered over.
    const auto uncounted = [&trade](const char *what, const core::Error &error) {
        qCritical().noquote() << "trade" << trade.id << "in" << trade.symbol << "is not in the"
                              << what << ":" << error.message;
    };
    CandleChanges changed;
    const qint64 time = trade.time.toMSecsSinceEpoch();
    for (std::size_t i = 0; i < kIntervals.size(); ++i) {
        core::CandleSeries &series = m_candles[i];
        if (core::Result<void> added = series.addTrade(time, trade.price, trade.quantity); !added) {
            uncounted("candles", added.error());
            continue;
        }
        // Live trades go into the newest candle; a late one into the candle of its time.
        const qint64 start = series.bucketStart(time);
        if (std::optional<core::Candle> last = series.last(); last && last->start == start) {
            changed.append({ kIntervals[i], *last });
        } else if (const QList<core::Candle> at = series.candles(start, start + 1); !at.isEmpty()) {
            changed.append({ kIntervals[i], at.first() });
        }
    }
    if (const QDate day = trade.time.toUTC().date(); day > m_lastTradeDate) {
        m_previousClose = m_lastPrice;
        m_lastTradeDate = day;
    }
    m_lastQuantity = trade.quantity;
    m_lastPrice = trade.price;
    // The ticker's volume is today's (UTC).
    if (trade.time.toUTC().date() == today) {
        if (m_volumeDate != today) {
            m_volumeDate = today;
            m_volumeToday = Quantity();
        }
        if (core::Result<Quantity> volume = m_volumeToday.plus(trade.quantity))
            m_volumeToday = *volume;
        else
            uncounted("day's volume", volume.error());
    }
    return changed;
}

void Market::remember(const protocol::MarketTrade &trade)
{
    if (m_recentTrades.size() == std::size_t(kRecentTrades))
        m_recentTrades.pop_front();
    m_recentTrades.push_back(trade);
}

void Market::clearTrades()
{
    m_candles = emptyCandles(m_instrument.timeZone);
    m_lastQuantity = Quantity();
    m_lastPrice.reset();
    m_volumeToday = Quantity();
    m_volumeDate = QDate();
    m_lastTradeDate = QDate();
    m_previousClose.reset();
    m_recentTrades.clear();
}

protocol::BookSnapshot Market::snapshot(int depth) const
{
    protocol::BookSnapshot snapshot;
    snapshot.symbol = m_instrument.symbol;
    snapshot.sequence = book.lastSequence();
    for (const auto &[side, levels] : { std::pair { matching::Side::Buy, &snapshot.bids },
                                        std::pair { matching::Side::Sell, &snapshot.asks } }) {
        for (const matching::OrderBook::LevelView &level : book.depth(side, std::size_t(depth))) {
            levels->append(protocol::BookLevel { price(level.price), quantity(level.quantity),
                                                 int(level.orders) });
        }
    }
    return snapshot;
}

protocol::Ticker Market::ticker(const QDateTime &now) const
{
    protocol::Ticker ticker;
    ticker.symbol = m_instrument.symbol;
    for (const auto &[side, best] : { std::pair { matching::Side::Buy, &ticker.bid },
                                      std::pair { matching::Side::Sell, &ticker.ask } }) {
        if (const auto level = book.best(side)) {
            *best = protocol::BookLevel { price(level->price), quantity(level->quantity),
                                          int(level->orders) };
        }
    }
    ticker.last = m_lastPrice;
    ticker.lastQuantity = m_lastQuantity;
    const QDate today = now.toUTC().date();
    ticker.volume = m_volumeDate == today ? m_volumeToday : Quantity();
    // Before today's first trade, yesterday's last price is the close to measure from.
    ticker.previousClose = m_lastTradeDate == today ? m_previousClose : m_lastPrice;
    ticker.time = now;
    return ticker;
}

QList<protocol::MarketTrade> Market::recentTrades() const
{
    return QList<protocol::MarketTrade>(m_recentTrades.rbegin(), m_recentTrades.rend());
}

QList<core::Candle> Market::candles(core::CandleInterval interval, qint64 fromMs, qint64 toMs) const
{
    const auto index = std::find(kIntervals.begin(), kIntervals.end(), interval);
    return m_candles[std::size_t(index - kIntervals.begin())].candles(fromMs, toMs);
}

} // namespace qx::server
