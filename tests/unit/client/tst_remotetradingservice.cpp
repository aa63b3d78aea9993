// The session against a server, as the trader sees it through the blotters: every page of a
// long history loaded in order, the stream back after the server drops it with the same
// subscriptions and nothing shown twice, an event that arrives twice (twice on the stream, or
// on the stream and in a reload) shown once, and a session that outlives its access tokens.
// Against FakeServer, in process; time (token lifetimes, reconnection backoff) is a
// ManualClock that client and server share, moved on by the tests.
#include "fakeserver.h"
#include "ui/client/remotetradingservice.h"
#include "ui/models/ordersmodel.h"
#include "ui/models/tradesmodel.h"

#include <QSignalSpy>
#include <QStringList>
#include <QTest>

using qx::client::MarketSubscription;
using qx::client::OrderEntry;
using qx::client::RemoteTradingService;
using qx::client::Session;
using qx::client::TradingService;
using qx::core::Instrument;
using qx::core::ManualClock;
using qx::core::Price;
using qx::core::Quantity;
using qx::core::protocol::Order;
using qx::core::protocol::OrderStatus;
using qx::core::protocol::Side;
using qx::core::protocol::StreamMessage;
using qx::core::protocol::Ticker;
using qx::core::protocol::Trade;
using qx::test::FakeServer;
using State = qx::client::TradingService::ConnectionState;
using namespace Qt::StringLiterals;
namespace stream = qx::core::protocol::stream;

namespace {

constexpr int kTimeoutMs = 10000;
const QDateTime kMorning(QDate(2027, 1, 4), QTime(9, 0), Qt::UTC);

Instrument power()
{
    Instrument instrument;
    instrument.symbol = u"DE.BASE.M.2027-03"_s;
    instrument.description = u"German power base load, March 2027"_s;
    instrument.commodity = qx::core::Commodity::Power;
    instrument.area = u"DE"_s;
    instrument.load = qx::core::LoadShape::Base;
    instrument.delivery = qx::core::DeliveryPeriod::month(2027, 3);
    instrument.timeZone = QByteArrayLiteral("Europe/Berlin");
    instrument.unit = qx::core::QuantityUnit::Megawatt;
    instrument.currency = u"EUR"_s;
    instrument.tickSize = *Price::parse(u"0.01");
    instrument.lotSize = *Quantity::parse(u"1");
    instrument.lastTradingDay = QDate(2099, 12, 31);
    return instrument;
}

Order order(int id, int second = 0, OrderStatus status = OrderStatus::Open)
{
    Order order;
    order.id = QString::number(id);
    order.clientOrderId = u"C%1"_s.arg(id);
    order.username = FakeServer::kUsername.toString();
    order.symbol = power().symbol;
    order.side = id % 2 ? Side::Buy : Side::Sell;
    order.quantity = *Quantity::parse(u"5");
    order.price = *Price::parse(u"42.50");
    order.status = status;
    order.createdAt = kMorning.addSecs(id);
    order.updatedAt = kMorning.addSecs(id + second);
    return order;
}

// The fill of order `orderId` in trade `id`, `second`s into the morning.
Trade fill(int id, int orderId, int second)
{
    Trade trade;
    trade.id = QString::number(id);
    trade.symbol = power().symbol;
    trade.side = orderId % 2 ? Side::Buy : Side::Sell;
    trade.price = *Price::parse(u"42.50");
    trade.quantity = *Quantity::parse(u"1");
    trade.orderId = QString::number(orderId);
    trade.clientOrderId = u"C%1"_s.arg(orderId);
    trade.aggressor = orderId % 2;
    trade.time = kMorning.addSecs(second);
    return trade;
}

QStringList tradeIds(const QList<Trade> &trades)
{
    QStringList ids;
    for (const Trade &trade : trades)
        ids.append(trade.id + u'/' + trade.orderId);
    return ids;
}

} // namespace

class TestRemoteTradingService : public QObject
{
    Q_OBJECT

private:
    /// Signs `service` in to `server` and waits until its stream is up.
    static bool signIn(RemoteTradingService &service, const FakeServer &server)
    {
        service.signIn(server.url(), FakeServer::kUsername.toString(),
                       FakeServer::kPassword.toString());
        return QTest::qWaitFor([&] { return service.connectionState() == State::Connected; },
                               kTimeoutMs);
    }
    static void startServer(FakeServer &server)
    {
        QVERIFY(server.listen());
        server.setInstruments({ power() });
    }
    /// Client and server on one hand-moved clock; the client looks at it every few ms.
    static void shareClock(ManualClock &clock, FakeServer &server, RemoteTradingService &service)
    {
        server.setClock(clock);
        service.setClock(clock, std::chrono::milliseconds(5));
    }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void aLongHistoryIsLoadedPageByPageInOrder()
    {
        FakeServer server;
        startServer(server);
        server.setPageSize(7);
        for (int id = 1; id <= 20; ++id)
            server.storeOrder(order(id));
        QList<Trade> fills;
        for (int id = 1; id <= 24; ++id)
            fills.append(fill(id, id % 20 + 1, id));
        // A trade with oneself: two fills of one trade, both shown.
        fills.append(fill(25, 3, 25));
        fills.append(fill(25, 4, 25));
        server.setTrades(fills);

        RemoteTradingService service;
        QVERIFY(signIn(service, server));
        // Every page (26 fills, 7 a page: 4 pages) and nothing twice, newest first.
        QVERIFY(server.requests(u"/api/v1/trades"_s) >= 4);
        const QList<Trade> shown = service.orderEntry().trades();
        QList<Trade> newestFirst(fills.crbegin(), fills.crend());
        QCOMPARE(tradeIds(shown), tradeIds(newestFirst));
        QCOMPARE(service.orderEntry().orders().size(), 20);

        // The blotters show them all.
        qx::models::TradesModel fillsBlotter(&service.marketData(), &service.orderEntry());
        QCOMPARE(fillsBlotter.rowCount(), 26);
        qx::models::OrdersModel ordersBlotter(&service.marketData(), &service.orderEntry());
        QCOMPARE(ordersBlotter.rowCount(), 20);
        QVERIFY(ordersBlotter.rowOf(u"1"_s) >= 0);
        QVERIFY(ordersBlotter.rowOf(u"20"_s) >= 0);
    }

    void theStreamComesBackWithItsSubscriptionsAndNothingTwice()
    {
        FakeServer server;
        startServer(server);
        server.storeOrder(order(1));
        server.storeTrade(fill(1, 1, 1));
        ManualClock clock(QDateTime::currentDateTimeUtc());
        RemoteTradingService service;
        shareClock(clock, server, service);
        qx::models::TradesModel fillsBlotter(&service.marketData(), &service.orderEntry());
        qx::models::OrdersModel ordersBlotter(&service.marketData(), &service.orderEntry());
        QVERIFY(signIn(service, server));
        using Stream = MarketSubscription::Stream;
        const auto chart = service.marketData().subscribe(
            power().symbol, Stream::Book | Stream::Ticker | Stream::Trades | Stream::Candles,
            qx::core::CandleInterval::FiveMinutes);
        const auto board = service.marketData().subscribe(power().symbol, Stream::Ticker);
        const QStringList wanted { u"book:"_s + power().symbol,
                                   u"candles:"_s + power().symbol + u":5m"_s,
                                   u"deals"_s,
                                   u"documents"_s,
                                   u"notifications"_s,
                                   u"orders"_s,
                                   u"ticker:"_s + power().symbol,
                                   u"trades"_s,
                                   u"trades:"_s + power().symbol };
        QTRY_COMPARE_WITH_TIMEOUT(server.subscribedChannels(), wanted, kTimeoutMs);
        QSignalSpy states(&service.session(), &Session::connectionStateChanged);

        // The server drops the stream; meanwhile an order is filled, which only a reload shows.
        server.dropStreams();
        server.storeOrder(order(1, 5, OrderStatus::Filled));
        server.storeOrder(order(2));
        server.storeTrade(fill(2, 1, 5));
        QTRY_COMPARE_WITH_TIMEOUT(states.size(), 1, kTimeoutMs);
        QCOMPARE(states.at(0).first().value<State>(), State::Reconnecting);
        // The backoff waits on the client's clock: nothing until it moves past the first wait
        // (half a second at most).
        QTest::qWait(50);
        QCOMPARE(service.connectionState(), State::Reconnecting);
        QCOMPARE(server.streamSessions(), 0);
        clock.advance(500);
        QTRY_COMPARE_WITH_TIMEOUT(states.size(), 2, kTimeoutMs);
        QCOMPARE(states.at(1).first().value<State>(), State::Connected);

        // One session again, subscribed to what it was.
        QCOMPARE(server.streamSessions(), 1);
        QCOMPARE(server.subscribedChannels(), wanted);
        // What happened while it was away is shown, once.
        fillsBlotter.flush();
        ordersBlotter.flush();
        QCOMPARE(fillsBlotter.rowCount(), 2);
        QCOMPARE(tradeIds(service.orderEntry().trades()), QStringList({ u"2/1"_s, u"1/1"_s }));
        QCOMPARE(ordersBlotter.rowCount(), 2);
        QCOMPARE(ordersBlotter.index(ordersBlotter.rowOf(u"1"_s), qx::models::OrdersModel::Status)
                     .data()
                     .toString(),
                 u"filled"_s);

        // And the stream carries the trader's events again, and the market's.
        QSignalSpy added(&service.orderEntry(), &OrderEntry::tradeAdded);
        QSignalSpy tickers(board.get(), &MarketSubscription::tickerChanged);
        server.publishTrade(fill(3, 2, 9));
        Ticker ticker;
        ticker.symbol = power().symbol;
        ticker.last = *Price::parse(u"43");
        ticker.time = kMorning;
        server.publishTicker(ticker);
        QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(tickers.size(), 1, kTimeoutMs);
        fillsBlotter.flush();
        QCOMPARE(fillsBlotter.rowCount(), 3);
    }

    void anEventDeliveredTwiceShowsOnce()
    {
        FakeServer server;
        startServer(server);
        RemoteTradingService service;
        qx::models::TradesModel fillsBlotter(&service.marketData(), &service.orderEntry());
        qx::models::OrdersModel ordersBlotter(&service.marketData(), &service.orderEntry());
        QVERIFY(signIn(service, server));
        QSignalSpy added(&service.orderEntry(), &OrderEntry::tradeAdded);
        QSignalSpy changed(&service.orderEntry(), &OrderEntry::orderChanged);

        const Order accepted = order(7);
        const Trade trade = fill(70, 7, 8);
        const StreamMessage orderEvent
            = StreamMessage::orderEvent(stream::kOrderAccepted, accepted);
        const StreamMessage tradeEvent
            = StreamMessage::of(stream::kTrade, { { u"trade"_s, trade.toJson() } });
        for (int twice = 0; twice < 2; ++twice) {
            server.push(u"orders"_s, orderEvent);
            server.push(u"trades"_s, tradeEvent);
        }
        // Then something else, so that both copies have surely arrived.
        const Trade later = fill(71, 7, 9);
        server.publishTrade(later);
        QTRY_COMPARE_WITH_TIMEOUT(added.size(), 2, kTimeoutMs);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(tradeIds(service.orderEntry().trades()), QStringList({ u"71/7"_s, u"70/7"_s }));
        fillsBlotter.flush();
        ordersBlotter.flush();
        QCOMPARE(fillsBlotter.rowCount(), 2);
        QCOMPARE(ordersBlotter.rowCount(), 1);
    }

    // The inbox is loaded with the stream; one pushed live comes on top and counts as unread
    // (once, though it came twice); marking one read and all read tells the server and
    // counts down.
    void theInboxLoadsArrivesAndIsMarkedRead()
    {
        FakeServer server;
        startServer(server);
        qx::core::protocol::Notification stored;
        stored.id = u"5"_s;
        stored.type = qx::core::notifications::EventType::OrderExpired;
        stored.facts = { { u"symbol"_s, power().symbol } };
        stored.createdAt = QDateTime::currentDateTimeUtc();
        server.storeNotification(stored, false);
        RemoteTradingService service;
        qx::client::NotificationInbox &inbox = service.notifications();
        QVERIFY(signIn(service, server));
        QTRY_COMPARE_WITH_TIMEOUT(inbox.notifications().size(), 1, kTimeoutMs);
        QTRY_COMPARE(inbox.unread(), 1);

        QSignalSpy arrived(&inbox, &qx::client::NotificationInbox::notificationArrived);
        qx::core::protocol::Notification live = stored;
        live.id = u"6"_s;
        live.type = qx::core::notifications::EventType::OrderFilled;
        server.storeNotification(live, true);
        server.push(
            u"notifications"_s,
            StreamMessage::of(stream::kNotification, { { u"notification"_s, live.toJson() } }));
        server.publishTrade(fill(80, 8, 1)); // after both copies
        QTRY_COMPARE_WITH_TIMEOUT(service.orderEntry().trades().size(), 1, kTimeoutMs);
        QCOMPARE(arrived.size(), 1);
        QCOMPARE(inbox.notifications().first().id, u"6"_s);
        QCOMPARE(inbox.unread(), 2);

        inbox.markRead(u"6"_s);
        QTRY_COMPARE_WITH_TIMEOUT(inbox.unread(), 1, kTimeoutMs);
        QVERIFY(inbox.notifications().first().readAt.isValid());
        QVERIFY(server.storedNotifications().first().readAt.isValid());
        inbox.markAllRead();
        QTRY_COMPARE_WITH_TIMEOUT(inbox.unread(), 0, kTimeoutMs);
        QVERIFY(server.storedNotifications().last().readAt.isValid());
        QVERIFY(inbox.notifications().last().readAt.isValid());
    }

    void aFillOnTheStreamAndInAReloadShowsOnce()
    {
        FakeServer server;
        startServer(server);
        server.storeTrade(fill(1, 1, 1));
        ManualClock clock(QDateTime::currentDateTimeUtc());
        RemoteTradingService service;
        shareClock(clock, server, service);
        qx::models::TradesModel fillsBlotter(&service.marketData(), &service.orderEntry());
        QVERIFY(signIn(service, server));
        QSignalSpy added(&service.orderEntry(), &OrderEntry::tradeAdded);

        // Shown as it happens, then listed again by the reload after a dropped stream.
        server.publishTrade(fill(2, 1, 2));
        // And two the listing does not have yet (it was read before they were stored): they
        // stay, newest first, ahead of what it lists.
        for (const Trade &trade : { fill(3, 1, 3), fill(4, 1, 4) }) {
            server.push(u"trades"_s,
                        StreamMessage::of(stream::kTrade, { { u"trade"_s, trade.toJson() } }));
        }
        QTRY_COMPARE_WITH_TIMEOUT(added.size(), 3, kTimeoutMs);
        server.dropStreams();
        QTRY_COMPARE_WITH_TIMEOUT(service.connectionState(), State::Reconnecting, kTimeoutMs);
        clock.advance(500);
        QTRY_COMPARE_WITH_TIMEOUT(service.connectionState(), State::Connected, kTimeoutMs);
        QCOMPARE(tradeIds(service.orderEntry().trades()),
                 QStringList({ u"4/1"_s, u"3/1"_s, u"2/1"_s, u"1/1"_s }));
        fillsBlotter.flush();
        QCOMPARE(fillsBlotter.rowCount(), 4);
        QCOMPARE(added.size(), 3);
    }

    void theTokenIsRenewedBeforeItRunsOutAndTheSessionGoesOn()
    {
        // 15-minute access tokens, renewed a minute before they run out: three of their
        // lifetimes, a minute at a time, as the trader's day goes by.
        FakeServer server;
        startServer(server);
        ManualClock clock(QDateTime::currentDateTimeUtc());
        RemoteTradingService service;
        shareClock(clock, server, service);
        QSignalSpy renewed(&service, &RemoteTradingService::tokensRenewed);
        QSignalSpy expired(&service.session(), &Session::sessionExpired);
        QVERIFY(signIn(service, server));
        for (int minute = 1; minute <= 45; ++minute) {
            clock.advance(60'000);
            // Renewed at 14, 28 and 42 minutes: each token a minute before its end.
            QTRY_COMPARE_WITH_TIMEOUT(server.refreshes(), minute / 14, kTimeoutMs);
        }
        QCOMPARE(renewed.size(), 3);
        // Never a request with a token that had run out, and the session never ended.
        QCOMPARE(server.expiredTokensRefused(), 0);
        QVERIFY(expired.isEmpty());
        QCOMPARE(service.connectionState(), State::Connected);

        // The trader still trades, and the stream still brings their fills.
        QSignalSpy changed(&service.orderEntry(), &OrderEntry::orderChanged);
        QSignalSpy added(&service.orderEntry(), &OrderEntry::tradeAdded);
        qx::core::protocol::NewOrder bid;
        bid.clientOrderId = OrderEntry::newClientOrderId();
        bid.symbol = power().symbol;
        bid.quantity = *Quantity::parse(u"1");
        bid.price = *Price::parse(u"40");
        service.orderEntry().placeOrder(bid);
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), kTimeoutMs);
        server.publishTrade(fill(90, 1, 90));
        QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, kTimeoutMs);
        QCOMPARE(server.expiredTokensRefused(), 0);
    }

    void anOrderAfterTheMachineSleptGoesThroughOnce()
    {
        // The lid was closed for half an hour: both the token and the renewal planned for it
        // are long past. The order goes out with the dead token, is refused, and is sent again
        // with a renewed one under the same client order id.
        FakeServer server;
        startServer(server);
        ManualClock clock(QDateTime::currentDateTimeUtc());
        RemoteTradingService service;
        shareClock(clock, server, service);
        QSignalSpy expired(&service.session(), &Session::sessionExpired);
        QVERIFY(signIn(service, server));
        QSignalSpy changed(&service.orderEntry(), &OrderEntry::orderChanged);
        clock.advance(30 * 60'000);
        qx::core::protocol::NewOrder bid;
        bid.clientOrderId = OrderEntry::newClientOrderId();
        bid.symbol = power().symbol;
        bid.quantity = *Quantity::parse(u"1");
        bid.price = *Price::parse(u"40");
        service.orderEntry().placeOrder(bid);
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), kTimeoutMs);
        QVERIFY(server.expiredTokensRefused() >= 1);
        QVERIFY(expired.isEmpty());
        const QList<Order> stored = server.storedOrders();
        QCOMPARE(std::count_if(
                     stored.cbegin(), stored.cend(),
                     [&](const Order &order) { return order.clientOrderId == bid.clientOrderId; }),
                 1);
        QCOMPARE(changed.first().first().value<Order>().clientOrderId, bid.clientOrderId);
        QCOMPARE(service.connectionState(), State::Connected);
    }

    void aSessionWhoseRefreshTokenIsRefusedEnds()
    {
        // Signed out everywhere from another machine: the next renewal is refused and the
        // trader is asked to sign in again, once.
        FakeServer server;
        startServer(server);
        ManualClock clock(QDateTime::currentDateTimeUtc());
        RemoteTradingService service;
        shareClock(clock, server, service);
        QSignalSpy expired(&service.session(), &Session::sessionExpired);
        QVERIFY(signIn(service, server));
        server.revokeRefreshTokens();
        clock.advance(14 * 60'000);
        QTRY_COMPARE_WITH_TIMEOUT(expired.size(), 1, kTimeoutMs);
        QCOMPARE(service.connectionState(), State::Disconnected);
    }
};

QTEST_MAIN(TestRemoteTradingService)
#include "tst_remotetradingservice.moc"
