#include "core/matching/orderbook.h"

#include <QTest>

#include <algorithm>

using namespace qx::core::matching;

namespace {

OrderRequest limit(OrderId id, Side side, Ticks price, Lots quantity, AccountId account = 0)
{
    OrderRequest request;
    request.id = id;
    request.account = account == 0 ? AccountId(id) : account; // distinct unless stated
    request.side = side;
    request.price = price;
    request.quantity = quantity;
    return request;
}

// Events of one call, and helpers to read them.
struct Calls
{
    OrderBook book;
    std::vector<Event> events;

    std::vector<Event> submit(const OrderRequest &request)
    {
        events.clear();
        book.submit(request, events);
        return events;
    }
    std::vector<Event> cancel(OrderId id)
    {
        events.clear();
        book.cancel(id, events);
        return events;
    }
    std::vector<Event> modify(OrderId id, Ticks price, Lots quantity)
    {
        events.clear();
        book.modify(id, price, quantity, events);
        return events;
    }
};

std::vector<Event> ofType(const std::vector<Event> &events, EventType type)
{
    std::vector<Event> found;
    for (const Event &event : events) {
        if (event.type == type)
            found.push_back(event);
    }
    return found;
}

// (maker, quantity) of each trade, in order.
std::vector<std::pair<OrderId, Lots>> fills(const std::vector<Event> &events)
{
    std::vector<std::pair<OrderId, Lots>> found;
    for (const Event &trade : ofType(events, EventType::Trade))
        found.emplace_back(trade.makerOrderId, trade.quantity);
    return found;
}

using Fills = std::vector<std::pair<OrderId, Lots>>;

} // namespace

class tst_OrderBook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pricesBeforeTime()
    {
        Calls c;
        c.submit(limit(1, Side::Sell, 101, 5));
        c.submit(limit(2, Side::Sell, 100, 5));
        c.submit(limit(3, Side::Sell, 100, 5));
        const auto events = c.submit(limit(4, Side::Buy, 101, 12));
        // Best price first, then first come first served, then the worse price.
        QVERIFY((fills(events) == Fills { { 2, 5 }, { 3, 5 }, { 1, 2 } }));
        const Event last = ofType(events, EventType::Trade).back();
        QCOMPARE(last.price, Ticks(101)); // at the maker's price
        QCOMPARE(last.remaining, Lots(0));
        QCOMPARE(last.makerRemaining, Lots(3));
        QCOMPARE(c.book.best(Side::Sell)->quantity, Lots(3));
        QVERIFY(!c.book.best(Side::Buy));
        QCOMPARE(c.book.lastTradePrice().value(), Ticks(101));
    }

    void restsWhatDoesNotTrade()
    {
        Calls c;
        c.submit(limit(1, Side::Sell, 100, 5));
        const auto events = c.submit(limit(2, Side::Buy, 100, 8));
        QVERIFY((fills(events) == Fills { { 1, 5 } }));
        QCOMPARE(c.book.best(Side::Buy)->price, Ticks(100));
        QCOMPARE(c.book.best(Side::Buy)->quantity, Lots(3));
        QCOMPARE(c.book.order(2)->remaining, Lots(3));
        QCOMPARE(c.book.order(2)->quantity, Lots(8));
        QVERIFY(!c.book.order(1)); // filled orders leave the book
    }

    void sequenceNumbersCountEveryEvent()
    {
        Calls c;
        c.submit(limit(1, Side::Sell, 100, 5));
        const auto events = c.submit(limit(2, Side::Buy, 100, 5));
        QCOMPARE(events.front().sequence, std::uint64_t(2));
        for (std::size_t i = 1; i < events.size(); ++i)
            QCOMPARE(events[i].sequence, events[i - 1].sequence + 1);
        QCOMPARE(c.book.lastSequence(), events.back().sequence);
    }

    void immediateOrCancelNeverRests()
    {
        Calls c;
        c.submit(limit(1, Side::Sell, 100, 5));
        OrderRequest ioc = limit(2, Side::Buy, 100, 8);
        ioc.timeInForce = TimeInForce::ImmediateOrCancel;
        const auto events = c.submit(ioc);
        QVERIFY((fills(events) == Fills { { 1, 5 } }));
        const auto cancelled = ofType(events, EventType::Cancelled);
        QCOMPARE(cancelled.size(), std::size_t(1));
        QCOMPARE(cancelled[0].remaining, Lots(3));
        QVERIFY(cancelled[0].reason == Reason::ImmediateOrCancel);
        QVERIFY(!c.book.best(Side::Buy));
    }

    void fillOrKillIsAllOrNothing()
    {
        Calls c;
        c.submit(limit(1, Side::Sell, 100, 5));
        OrderRequest iceberg = limit(2, Side::Sell, 101, 10);
        iceberg.displayQuantity = 2; // hidden quantity counts: it refills and trades
        c.submit(iceberg);
        OrderRequest fok = limit(3, Side::Buy, 101, 16);
        fok.timeInForce = TimeInForce::FillOrKill;
        auto events = c.submit(fok);
        QVERIFY(fills(events).empty());
        QVERIFY(ofType(events, EventType::Cancelled).front().reason
                == Reason::FillOrKillNotFillable);
        QCOMPARE(c.book.orderCount(), std::size_t(2)); // nothing changed

        fok.id = 4;
        fok.quantity = 15;
        events = c.submit(fok);
        Lots traded = 0;
        for (const auto &[maker, quantity] : fills(events))
            traded += quantity;
        QCOMPARE(traded, Lots(15));
        QCOMPARE(c.book.orderCount(), std::size_t(0));
    }

    void marketOrdersSweepAndNeverRest()
    {
        Calls c;
        c.submit(limit(1, Side::Sell, 100, 5));
        c.submit(limit(2, Side::Sell, 105, 5));
        OrderRequest market = limit(3, Side::Buy, 0, 7);
        market.kind = OrderKind::Market;
        auto events = c.submit(market);
        QVERIFY((fills(events) == Fills { { 1, 5 }, { 2, 2 } }));
        QVERIFY(ofType(events, EventType::Cancelled).empty());

        market.id = 4;
        market.quantity = 10;
        events = c.submit(market);
        QVERIFY((fills(events) == Fills { { 2, 3 } }));
        QVERIFY(ofType(events, EventType::Cancelled).front().reason == Reason::ImmediateOrCancel);

        market.id = 5;
        events = c.submit(market);
        QVERIFY(ofType(events, EventType::Cancelled).front().reason == Reason::NoLiquidity);
        QVERIFY(!c.book.best(Side::Buy));
    }

    void marketOrdersStayInsideThePriceBand()
    {
        Calls c;
        c.book.setRules({ 0, 10 });
        c.book.setReferencePrice(100);
        c.submit(limit(1, Side::Sell, 105, 5));
        c.submit(limit(2, Side::Sell, 110, 5));
        // The band rule itself: an ask at 111 is too far from 100.
        QVERIFY(c.submit(limit(9, Side::Sell, 111, 5)).front().reason == Reason::PriceBand);
        c.book.setRules({ 0, 8 });
        OrderRequest market = limit(3, Side::Buy, 0, 10);
        market.kind = OrderKind::Market;
        const auto events = c.submit(market);
        // The sweep stops at reference + band = 108: 105 trades, 110 does not.
        QVERIFY((fills(events) == Fills { { 1, 5 } }));
        const auto cancelled = ofType(events, EventType::Cancelled);
        QCOMPARE(cancelled.size(), std::size_t(1));
        QCOMPARE(cancelled[0].remaining, Lots(5));
        QCOMPARE(c.book.best(Side::Sell)->price, Ticks(110));
    }

    void priceBandAndMaximumQuantity()
    {
        Calls c;
        c.book.setRules({ 50, 20 });
        c.submit(limit(1, Side::Sell, 100, 5));
        c.submit(limit(2, Side::Buy, 100, 5)); // last trade 100
        auto events = c.submit(limit(3, Side::Buy, 79, 5));
        QCOMPARE(events.size(), std::size_t(1));
        QVERIFY(events[0].type == EventType::Rejected && events[0].reason == Reason::PriceBand);
        QVERIFY(c.submit(limit(4, Side::Buy, 80, 5)).front().type == EventType::Accepted);
        events = c.submit(limit(5, Side::Buy, 90, 51));
        QVERIFY(events[0].reason == Reason::MaxOrderQuantity);
        QCOMPARE(c.book.orderCount(), std::size_t(1));
    }

    void rejectsBadRequestsAndChangesNothing()
    {
        Calls c;
        c.submit(limit(1, Side::Buy, 100, 5));
        const std::uint64_t hash = c.book.stateHash();
        QVERIFY(c.submit(limit(1, Side::Buy, 99, 5)).front().reason == Reason::DuplicateOrderId);
        QVERIFY(c.submit(limit(2, Side::Buy, 99, 0)).front().reason == Reason::InvalidQuantity);
        OrderRequest iceberg = limit(3, Side::Buy, 99, 5);
        iceberg.displayQuantity = 6;
        QVERIFY(c.submit(iceberg).front().reason == Reason::InvalidQuantity);
        OrderRequest gtd = limit(4, Side::Buy, 99, 5);
        gtd.timeInForce = TimeInForce::GoodTillDate;
        QVERIFY(c.submit(gtd).front().reason == Reason::InvalidExpiry);
        QVERIFY(c.cancel(42).front().reason == Reason::UnknownOrder);
        QVERIFY(c.modify(42, 100, 5).front().reason == Reason::UnknownOrder);
        QVERIFY(c.modify(1, 100, 0).front().reason == Reason::InvalidQuantity);
        QCOMPARE(c.book.stateHash(), hash);
        QCOMPARE(c.book.lastSequence(), std::uint64_t(1)); // only the first acceptance counted
    }

    void icebergsShowAClipAndRefillAtTheBack()
    {
        Calls c;
        OrderRequest iceberg = limit(1, Side::Sell, 100, 10);
        iceberg.displayQuantity = 3;
        c.submit(iceberg);
        c.submit(limit(2, Side::Sell, 100, 4));
        QCOMPARE(c.book.best(Side::Sell)->quantity, Lots(7)); // 3 shown + 4
        // The clip trades first; its refill queues behind order 2.
        const auto events = c.submit(limit(3, Side::Buy, 100, 8));
        QVERIFY((fills(events) == Fills { { 1, 3 }, { 2, 4 }, { 1, 1 } }));
        QCOMPARE(c.book.order(1)->remaining, Lots(6));
        QCOMPARE(c.book.order(1)->visible, Lots(2));
        QCOMPARE(c.book.best(Side::Sell)->quantity, Lots(2));
    }

    void lonelyIcebergKeepsTrading()
    {
        Calls c;
        OrderRequest iceberg = limit(1, Side::Sell, 100, 10);
        iceberg.displayQuantity = 3;
        c.submit(iceberg);
        const auto events = c.submit(limit(2, Side::Buy, 100, 10));
        QVERIFY((fills(events) == Fills { { 1, 3 }, { 1, 3 }, { 1, 3 }, { 1, 1 } }));
        QCOMPARE(c.book.orderCount(), std::size_t(0));
    }

    void reducingKeepsPriorityIncreasingLosesIt()
    {
        Calls c;
        c.submit(limit(1, Side::Buy, 100, 10));
        c.submit(limit(2, Side::Buy, 100, 10));
        auto events = c.modify(1, 100, 6);
        QVERIFY(events.front().type == EventType::Modified);
        QCOMPARE(events.front().remaining, Lots(6));
        QVERIFY((fills(c.submit(limit(3, Side::Sell, 100, 1))) == Fills { { 1, 1 } }));

        c.modify(1, 100, 20); // more: to the back
        QVERIFY((fills(c.submit(limit(4, Side::Sell, 100, 1))) == Fills { { 2, 1 } }));
        QCOMPARE(c.book.order(1)->remaining, Lots(19)); // 20 − 1 filled before
        QCOMPARE(c.book.best(Side::Buy)->quantity, Lots(19 + 9));
    }

    void newPriceLosesPriorityAndMayTrade()
    {
        Calls c;
        c.submit(limit(1, Side::Buy, 100, 5));
        c.submit(limit(2, Side::Buy, 99, 5));
        c.modify(1, 99, 5); // joins 99 behind order 2
        QVERIFY((fills(c.submit(limit(3, Side::Sell, 99, 1))) == Fills { { 2, 1 } }));
        c.submit(limit(4, Side::Sell, 102, 5));
        const auto events = c.modify(1, 102, 5); // now crosses
        QVERIFY(events.front().type == EventType::Modified);
        QVERIFY((fills(events) == Fills { { 4, 5 } }));
    }

    void modifyBelowFilledIsRefused()
    {
        Calls c;
        c.submit(limit(1, Side::Buy, 100, 10));
        c.submit(limit(2, Side::Sell, 100, 6));
        const auto events = c.modify(1, 100, 6);
        QVERIFY(events.front().type == EventType::Rejected);
        QVERIFY(events.front().reason == Reason::QuantityBelowFilled);
        QCOMPARE(c.book.order(1)->remaining, Lots(4));
    }

    void stopsTriggerOnTheLastTrade()
    {
        Calls c;
        OrderRequest buyStop = limit(1, Side::Buy, 0, 3);
        buyStop.kind = OrderKind::Stop;
        buyStop.stopPrice = 105;
        c.submit(buyStop);
        OrderRequest sellStopLimit = limit(2, Side::Sell, 94, 2);
        sellStopLimit.kind = OrderKind::StopLimit;
        sellStopLimit.stopPrice = 95;
        c.submit(sellStopLimit);
        QVERIFY(!c.book.best(Side::Buy) && !c.book.best(Side::Sell)); // stops are not shown
        QVERIFY(c.book.order(1)->pendingStop);

        c.submit(limit(3, Side::Sell, 105, 1));
        c.submit(limit(4, Side::Sell, 106, 5));
        auto events = c.submit(limit(5, Side::Buy, 105, 1)); // trades at 105: trigger
        QCOMPARE(ofType(events, EventType::Triggered).size(), std::size_t(1));
        QVERIFY((fills(events) == Fills { { 3, 1 }, { 4, 3 } })); // the stop became a market order
        QVERIFY(!c.book.order(1));

        c.submit(limit(6, Side::Buy, 95, 1));
        events = c.submit(limit(7, Side::Sell, 95, 1)); // trades at 95: the stop-limit
        QCOMPARE(ofType(events, EventType::Triggered).front().orderId, OrderId(2));
        QCOMPARE(c.book.best(Side::Sell)->price, Ticks(94)); // rests as a limit at 94
    }

    void stopsCascade()
    {
        Calls c;
        for (OrderId id : { 1, 2 }) {
            OrderRequest stop = limit(id, Side::Sell, 0, 1);
            stop.kind = OrderKind::Stop;
            stop.stopPrice = id == 1 ? 99 : 98;
            c.submit(stop);
        }
        c.submit(limit(3, Side::Buy, 99, 1));
        c.submit(limit(4, Side::Buy, 98, 1));
        c.submit(limit(5, Side::Buy, 97, 1));
        const auto events = c.submit(limit(6, Side::Sell, 99, 1));
        // 6 trades at 99 → stop 1 sells at 98 → stop 2 sells at 97.
        QVERIFY((fills(events) == Fills { { 3, 1 }, { 4, 1 }, { 5, 1 } }));
        QCOMPARE(ofType(events, EventType::Triggered).size(), std::size_t(2));
    }

    void selfTradePreventionCancelNewest()
    {
        Calls c;
        c.submit(limit(1, Side::Sell, 100, 5, 7));
        c.submit(limit(2, Side::Sell, 101, 5, 8));
        OrderRequest own = limit(3, Side::Buy, 101, 8, 7);
        own.selfTrade = SelfTradePrevention::CancelNewest;
        const auto events = c.submit(own);
        QVERIFY(fills(events).empty());
        const auto cancelled = ofType(events, EventType::Cancelled);
        QCOMPARE(cancelled.front().orderId, OrderId(3));
        QVERIFY(cancelled.front().reason == Reason::SelfTrade);
        QCOMPARE(c.book.order(1)->remaining, Lots(5)); // the resting order is untouched
    }

    void selfTradePreventionCancelOldest()
    {
        Calls c;
        c.submit(limit(1, Side::Sell, 100, 5, 7));
        c.submit(limit(2, Side::Sell, 101, 5, 8));
        OrderRequest own = limit(3, Side::Buy, 101, 8, 7);
        own.selfTrade = SelfTradePrevention::CancelOldest;
        const auto events = c.submit(own);
        QCOMPARE(ofType(events, EventType::Cancelled).front().orderId, OrderId(1));
        QVERIFY((fills(events) == Fills { { 2, 5 } }));
        QCOMPARE(c.book.order(3)->remaining, Lots(3));
    }

    void cancelAllTakesOneAccountsOrders()
    {
        Calls c;
        c.submit(limit(1, Side::Buy, 99, 5, 7));
        c.submit(limit(2, Side::Sell, 101, 5, 8));
        OrderRequest stop = limit(3, Side::Buy, 0, 1, 7);
        stop.kind = OrderKind::Stop;
        stop.stopPrice = 120;
        c.submit(stop);
        c.events.clear();
        c.book.cancelAll(7, c.events);
        QCOMPARE(ofType(c.events, EventType::Cancelled).size(), std::size_t(2));
        QCOMPARE(c.book.orderCount(), std::size_t(1));
        QVERIFY(c.book.order(2));
    }

    void goodTillDateAndDayOrdersExpire()
    {
        Calls c;
        OrderRequest gtd = limit(1, Side::Buy, 99, 5);
        gtd.timeInForce = TimeInForce::GoodTillDate;
        gtd.expiresAt = 1'000;
        c.submit(gtd);
        OrderRequest day = limit(2, Side::Buy, 98, 5);
        day.timeInForce = TimeInForce::Day;
        day.expiresAt = 2'000;
        c.submit(day);
        QCOMPARE(c.book.nextExpiry().value(), Millis(1'000));
        c.events.clear();
        c.book.expire(999, c.events);
        QVERIFY(c.events.empty());
        c.book.expire(2'000, c.events);
        QCOMPARE(ofType(c.events, EventType::Expired).size(), std::size_t(2));
        QVERIFY(c.events[1].reason == Reason::EndOfTrading);
        QCOMPARE(c.book.orderCount(), std::size_t(0));
        QVERIFY(!c.book.nextExpiry());
    }

    void closingExpiresEveryOrderOldestFirst()
    {
        // An hour's gate closure: resting orders, a GTD order and a pending stop all go.
        Calls c;
        c.submit(limit(3, Side::Sell, 101, 5));
        c.submit(limit(1, Side::Buy, 99, 5));
        OrderRequest gtd = limit(2, Side::Buy, 98, 5);
        gtd.timeInForce = TimeInForce::GoodTillDate;
        gtd.expiresAt = 10'000;
        c.submit(gtd);
        OrderRequest stop = limit(4, Side::Buy, 0, 2);
        stop.kind = OrderKind::Stop;
        stop.stopPrice = 105;
        c.submit(stop);
        c.events.clear();
        c.book.close(c.events);
        const std::vector<Event> expired = ofType(c.events, EventType::Expired);
        QCOMPARE(expired.size(), std::size_t(4));
        for (std::size_t i = 0; i < expired.size(); ++i) {
            QCOMPARE(expired[i].orderId, OrderId(i + 1));
            QVERIFY(expired[i].reason == Reason::InstrumentClosed);
        }
        QCOMPARE(c.book.orderCount(), std::size_t(0));
        QCOMPARE(c.book.levelCount(), std::size_t(0));
        c.book.expire(10'000, c.events); // the GTD's expiry entry is stale, not an error
        QCOMPARE(ofType(c.events, EventType::Expired).size(), std::size_t(4));
    }

    void depthAggregatesLevelsBestFirst()
    {
        Calls c;
        c.submit(limit(1, Side::Buy, 99, 5));
        c.submit(limit(2, Side::Buy, 99, 7));
        c.submit(limit(3, Side::Buy, 98, 1));
        c.submit(limit(4, Side::Buy, 100, 2));
        const auto bids = c.book.depth(Side::Buy, 2);
        QCOMPARE(bids.size(), std::size_t(2));
        QCOMPARE(bids[0].price, Ticks(100));
        QCOMPARE(bids[1].price, Ticks(99));
        QCOMPARE(bids[1].quantity, Lots(12));
        QCOMPARE(bids[1].orders, std::uint32_t(2));
    }

    void restoredBookEqualsTheOriginal()
    {
        Calls c;
        OrderRequest iceberg = limit(1, Side::Sell, 101, 10);
        iceberg.displayQuantity = 3;
        c.submit(iceberg);
        c.submit(limit(2, Side::Sell, 101, 4));
        c.submit(limit(3, Side::Buy, 101, 4)); // iceberg clip refilled behind order 2
        c.submit(limit(4, Side::Buy, 99, 6));
        OrderRequest stop = limit(5, Side::Buy, 0, 2);
        stop.kind = OrderKind::Stop;
        stop.stopPrice = 105;
        c.submit(stop);

        OrderBook restored;
        std::vector<OrderBook::OrderView> views = c.book.orders();
        std::sort(views.begin(), views.end(),
                  [](const auto &a, const auto &b) { return a.priority < b.priority; });
        for (const OrderBook::OrderView &view : views)
            restored.restore(view);
        restored.restoreLastTrade(*c.book.lastTradePrice());
        QCOMPARE(restored.stateHash(), c.book.stateHash());
        // And it trades the same: order 2 (3 left) before the iceberg's refilled clip.
        std::vector<Event> events;
        restored.submit(limit(6, Side::Buy, 101, 5), events);
        QVERIFY((fills(events) == Fills { { 2, 3 }, { 1, 2 } }));
    }

    void sameInputSameOutput()
    {
        const auto run = [] {
            Calls c;
            std::vector<Event> all;
            for (OrderId id = 1; id <= 2000; ++id) {
                const Side side = (id * 7919) % 2 ? Side::Buy : Side::Sell;
                const Ticks price = 100 + Ticks((id * 104729) % 11) - 5;
                OrderRequest request = limit(id, side, price, Lots(1 + (id * 31) % 9), id % 5 + 1);
                if (id % 13 == 0)
                    request.displayQuantity = 1;
                c.submit(request);
                all.insert(all.end(), c.events.begin(), c.events.end());
                if (id % 4 == 0) {
                    c.cancel(id - 2);
                    all.insert(all.end(), c.events.begin(), c.events.end());
                }
            }
            return std::pair(all, c.book.stateHash());
        };
        const auto [first, firstHash] = run();
        const auto [second, secondHash] = run();
        QCOMPARE(first.size(), second.size());
        QVERIFY(std::equal(first.begin(), first.end(), second.begin(), [](auto &a, auto &b) {
            return a.sequence == b.sequence && a.type == b.type && a.orderId == b.orderId
                && a.makerOrderId == b.makerOrderId && a.price == b.price
                && a.quantity == b.quantity && a.remaining == b.remaining;
        }));
        QCOMPARE(firstHash, secondHash);
    }
};

QTEST_GUILESS_MAIN(tst_OrderBook)
#include "tst_orderbook.moc"
