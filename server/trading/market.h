#pragma once

#include "core/candles.h"
#include "core/decimal.h"
#include "core/instrument.h"
#include "core/matching/orderbook.h"
#include "core/protocol/messages.h"
#include "core/result.h"
#include "server/storage/records.h"

#include <QDate>
#include <QList>
#include <QPair>
#include <QString>

#include <array>
#include <deque>
#include <optional>

namespace qx::server {

/// Market-wide checks applied to every instrument's book.
struct TradingRules
{
    /// Orders priced further than this from the last trade are rejected (0: no band).
    int priceBandPercent = 20;
    /// Largest order, in lots of the instrument (0: no limit).
    qint64 maxOrderLots = 100'000;
};

/**
 * One instrument's market as this server knows it: its matching-engine book (when this server
 * matches it) and what the trades on it built: candles at every interval, the ticker's last
 * price, quantity and day volume, the previous close and the time and sales. Converts between
 * the engine's integer ticks and lots and the instrument's prices and quantities.
 *
 * Plain state with no clock of its own: the caller passes the day it is. Owned by the
 * OrderService on the book thread.
 */
class Market
{
public:
    /// The candle intervals every market keeps, shortest first.
    static constexpr std::array kIntervals { core::CandleInterval::OneMinute,
                                             core::CandleInterval::FiveMinutes,
                                             core::CandleInterval::OneHour,
                                             core::CandleInterval::OneDay };
    /// How many of the latest trades the time and sales keeps.
    static constexpr qsizetype kRecentTrades = 50;
    using CandleChanges = QList<QPair<core::CandleInterval, core::Candle>>;

    explicit Market(const core::Instrument &definition);

    const core::Instrument &instrument() const { return m_instrument; }
    const QString &symbol() const { return m_instrument.symbol; }
    /// The symbol's product: risk limits are set per product.
    const QString &product() const { return m_product; }
    /// Delivered hours (or days) per unit of quantity, as core::volumeMultiplier.
    const core::Decimal &multiplier() const { return m_multiplier; }

    core::matching::Ticks ticks(core::Price price) const;
    core::matching::Lots lots(core::Quantity quantity) const;
    core::Price price(core::matching::Ticks ticks) const;
    core::Quantity quantity(core::matching::Lots lots) const;
    /// price × quantity × delivered hours (or days), as core::contractValue. An error when it
    /// does not fit.
    core::Result<core::Money> value(core::Price price, core::Quantity quantity) const;

    /// The engine's book: empty while another server matches it.
    core::matching::OrderBook book;
    /// This server matches the book (alone on its database it matches them all).
    bool owned = true;
    /// In a cluster, the epoch this server took the book at: its writes' fence.
    std::optional<std::int64_t> epoch;

    /// Sets the book's price band around its last trade and its largest order.
    void applyRules(const TradingRules &rules);

    /// What a trade changes in the market (wherever it was matched): the candles (the changed
    /// ones returned), the last price and quantity, the day's volume (UTC `today`'s) and the
    /// previous close. Not the time and sales: remember() once the trade is announced.
    CandleChanges record(const TradeRecord &trade, QDate today);
    /// Adds a trade to the time and sales (forgetting the oldest beyond kRecentTrades).
    void remember(const core::protocol::MarketTrade &trade);
    /// Forgets what trades built, to replay them.
    void clearTrades();

    /// Aggregated depth, `depth` levels a side.
    core::protocol::BookSnapshot snapshot(int depth) const;
    /// Best bid and offer, last trade and the day's volume, as at `now`.
    core::protocol::Ticker ticker(const QDateTime &now) const;
    /// The latest trades, newest first.
    QList<core::protocol::MarketTrade> recentTrades() const;
    /// The candles at `interval` starting in [fromMs, toMs), oldest first.
    QList<core::Candle> candles(core::CandleInterval interval, qint64 fromMs, qint64 toMs) const;
    /// The last trade's price, wherever the book is matched (this server's book knows only
    /// its own trades).
    std::optional<core::Price> lastPrice() const { return m_lastPrice; }

private:
    core::Instrument m_instrument;
    core::Decimal m_multiplier;
    QString m_product;
    std::array<core::CandleSeries, kIntervals.size()> m_candles;
    core::Quantity m_lastQuantity;
    core::Quantity m_volumeToday;
    QDate m_volumeDate;
    /// The UTC day of the latest trade, and the last price of the trading day before it.
    QDate m_lastTradeDate;
    std::optional<core::Price> m_previousClose;
    std::optional<core::Price> m_lastPrice;
    std::deque<core::protocol::MarketTrade> m_recentTrades; ///< newest at the back
};

} // namespace qx::server
