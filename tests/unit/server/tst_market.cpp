// The state OrderService keeps beside its commands, each class on its own: a market's candles,
// ticker and time and sales as trades build them, the users' positions, and the order in which
// what waits for the writer is answered.
#include "server/trading/committracker.h"
#include "server/trading/market.h"
#include "server/trading/positionbook.h"

#include <QTest>

using namespace qx::server;
using namespace qx::core;
using namespace Qt::StringLiterals;

namespace {

Price price(QStringView text)
{
    return *Price::parse(text);
}

Quantity quantity(QStringView text)
{
    return *Quantity::parse(text);
}

Instrument germanMarch()
{
    Instrument instrument;
    instrument.symbol = u"DE.BASE.M.2027-03"_s;
    instrument.commodity = Commodity::Power;
    instrument.area = u"DE"_s;
    instrument.load = LoadShape::Base;
    instrument.delivery = DeliveryPeriod::month(2027, 3);
    instrument.timeZone = "Europe/Berlin";
    instrument.unit = QuantityUnit::Megawatt;
    instrument.currency = u"EUR"_s;
    instrument.tickSize = price(u"0.01");
    instrument.lotSize = quantity(u"1");
    instrument.lastTradingDay = QDate(2027, 2, 26);
    return instrument;
}

TradeRecord trade(qint64 id, const QDateTime &time, QStringView at, QStringView size)
{
    TradeRecord trade;
    trade.id = id;
    trade.symbol = u"DE.BASE.M.2027-03"_s;
    trade.price = price(at);
    trade.quantity = quantity(size);
    trade.buyUserId = 1;
    trade.sellUserId = 2;
    trade.time = time;
    return trade;
}

QDateTime utc(int day, int hour, int minute, int second = 0)
{
    return QDateTime(QDate(2026, 12, day), QTime(hour, minute, second), Qt::UTC);
}

} // namespace

class tst_Market : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void liveTradesBuildEveryIntervalsNewestCandle()
    {
        Market market(germanMarch());
        QCOMPARE(market.product(), u"DE.BASE"_s);
        market.record(trade(1, utc(7, 9, 0, 5), u"80.00", u"5"), QDate(2026, 12, 7));
        const Market::CandleChanges changed
            = market.record(trade(2, utc(7, 9, 0, 40), u"82.50", u"3"), QDate(2026, 12, 7));
        QCOMPARE(changed.size(), qsizetype(Market::kIntervals.size()));
        for (const auto &[interval, candle] : changed) {
            QCOMPARE(candle.open, price(u"80.00"));
            QCOMPARE(candle.close, price(u"82.50"));
            QCOMPARE(candle.volume, quantity(u"8"));
        }
        const protocol::Ticker ticker = market.ticker(utc(7, 9, 1));
        QCOMPARE(ticker.last, std::optional(price(u"82.50")));
        QCOMPARE(ticker.lastQuantity, quantity(u"3"));
        QCOMPARE(ticker.volume, quantity(u"8"));
    }

    // A trade that arrives late (from another server of a cluster) lands in the candle of its
    // time, and that candle is the one announced: the chart must not redraw the newest one with
    // an old trade's figures.
    void aLateTradeAnnouncesTheCandleItBelongsTo()
    {
        Market market(germanMarch());
        market.record(trade(1, utc(7, 9, 0), u"80.00", u"5"), QDate(2026, 12, 7));
        market.record(trade(2, utc(7, 9, 5), u"81.00", u"5"), QDate(2026, 12, 7));
        const Market::CandleChanges changed
            = market.record(trade(3, utc(7, 9, 0, 30), u"79.00", u"2"), QDate(2026, 12, 7));
        const auto minute = std::find_if(changed.cbegin(), changed.cend(), [](const auto &change) {
            return change.first == CandleInterval::OneMinute;
        });
        QVERIFY(minute != changed.cend());
        QCOMPARE(minute->second.start, utc(7, 9, 0).toMSecsSinceEpoch());
        QCOMPARE(minute->second.low, price(u"79.00"));
        QCOMPARE(minute->second.volume, quantity(u"7"));
        const QList<Candle> latest
            = market.candles(CandleInterval::OneMinute, utc(7, 9, 5).toMSecsSinceEpoch(),
                             utc(7, 9, 6).toMSecsSinceEpoch());
        QCOMPARE(latest.size(), 1);
        QCOMPARE(latest.first().volume, quantity(u"5")); // untouched
    }

    // The ticker measures change from the last price of the day before, and its volume is
    // today's only.
    void theTickersDayStartsAtUtcMidnight()
    {
        Market market(germanMarch());
        market.record(trade(1, utc(6, 15, 0), u"75.00", u"10"), QDate(2026, 12, 6));
        protocol::Ticker ticker = market.ticker(utc(7, 8, 0));
        QCOMPARE(ticker.previousClose, std::optional(price(u"75.00")));
        QCOMPARE(ticker.volume, Quantity()); // nothing traded yet today
        market.record(trade(2, utc(7, 9, 0), u"77.00", u"4"), QDate(2026, 12, 7));
        ticker = market.ticker(utc(7, 9, 1));
        QCOMPARE(ticker.previousClose, std::optional(price(u"75.00")));
        QCOMPARE(ticker.last, std::optional(price(u"77.00")));
        QCOMPARE(ticker.volume, quantity(u"4"));
        market.remember({ u"2"_s, u"DE.BASE.M.2027-03"_s, price(u"77.00"), quantity(u"4"),
                          protocol::Side::Buy, utc(7, 9, 0) });
        QCOMPARE(market.recentTrades().size(), 1);
        market.clearTrades();
        QVERIFY(!market.ticker(utc(7, 9, 2)).last);
        QVERIFY(market.recentTrades().isEmpty());
    }

    // The time and sales keeps the latest kRecentTrades, newest first.
    void theTimeAndSalesKeepsTheLatest()
    {
        Market market(germanMarch());
        for (int i = 0; i < Market::kRecentTrades + 5; ++i) {
            market.remember({ QString::number(i), u"DE.BASE.M.2027-03"_s, price(u"80.00"),
                              quantity(u"1"), protocol::Side::Sell, utc(7, 9, 0) });
        }
        const QList<protocol::MarketTrade> recent = market.recentTrades();
        QCOMPARE(recent.size(), Market::kRecentTrades);
        QCOMPARE(recent.first().id, QString::number(Market::kRecentTrades + 4));
    }

    void positionsFollowBothSides()
    {
        Market market(germanMarch());
        PositionBook positions;
        QVERIFY(positions.apply(trade(1, utc(7, 9, 0), u"80.00", u"5"), market.multiplier()));
        QVERIFY(positions.apply(trade(2, utc(7, 9, 1), u"82.00", u"2"), market.multiplier()));
        QCOMPARE(positions.net(1, market.symbol()), quantity(u"7"));
        QCOMPARE(positions.net(2, market.symbol()), quantity(u"-7"));
        QCOMPARE(positions.net(3, market.symbol()), Quantity());
        QVERIFY(!positions.find(3, market.symbol()));
        QVERIFY(positions.find(1, market.symbol()));
        int held = 0;
        QVERIFY(positions.forEach([&held](const PositionBook::Key &, const Position &) {
            ++held;
            return Result<void>();
        }));
        QCOMPARE(held, 2);
        positions.removeIf([](const QString &symbol) { return symbol.startsWith(u"DE."); });
        QVERIFY(!positions.find(1, market.symbol()));
    }

    // Replies and announcements run in ticket order once their batch is stored; a failed batch
    // answers everything still waiting with its error, and nothing runs twice.
    void commitsSettleInTicketOrder()
    {
        CommitTracker tracker;
        QStringList ran;
        const auto step = [&ran](const QString &name) {
            return [&ran, name](const Error *failure) {
                ran.append(failure ? name + u":"_s + failure->code : name);
            };
        };
        tracker.whenDurable(2, step(u"b"_s));
        tracker.whenDurable(1, step(u"a"_s));
        tracker.whenDurable(2, step(u"b2"_s));
        tracker.whenDurable(5, step(u"e"_s));
        tracker.committed(2);
        QCOMPARE(ran, (QStringList { u"a"_s, u"b"_s, u"b2"_s }));
        tracker.whenDurable(6, step(u"f"_s));
        tracker.failAll(makeError(ErrorCode::StorageUnavailable, u"disk gone"_s));
        QCOMPARE(ran,
                 (QStringList { u"a"_s, u"b"_s, u"b2"_s, u"e:storage_unavailable"_s,
                                u"f:storage_unavailable"_s }));
        QVERIFY(tracker.isEmpty());
        tracker.committed(10);
        QCOMPARE(ran.size(), 5);
    }
};

QTEST_GUILESS_MAIN(tst_Market)
#include "tst_market.moc"
