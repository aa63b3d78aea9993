#include "core/protocol/messages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace qx::core;
using namespace qx::core::protocol;
using namespace Qt::StringLiterals;

namespace {

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class tst_Protocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newOrderRoundTrips()
    {
        const Result<NewOrder> order = NewOrder::fromJson(
            object(R"({"client_order_id":"abc-1","symbol":"TTF.M.2027-01","side":"sell",
                       "type":"limit","quantity":"25","price":"31.255"})"));
        QVERIFY2(order.ok(), qPrintable(order.ok() ? QString() : order.error().message));
        QVERIFY(order->side == Side::Sell);
        QCOMPARE(order->price.toString(), u"31.255"_s);
        QVERIFY(NewOrder::fromJson(order->toJson()).value() == order.value());
    }

    void newOrderRejectsBadFields_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("missing symbol") << QByteArray(
            R"({"client_order_id":"a","side":"buy","type":"limit","quantity":"1","price":"1"})")
                                        << u"symbol"_s;
        QTest::newRow("number, not decimal string") << QByteArray(
            R"({"client_order_id":"a","symbol":"S","side":"buy","type":"limit","quantity":1,"price":"1"})")
                                                    << u"quantity"_s;
        QTest::newRow("bad side") << QByteArray(
            R"({"client_order_id":"a","symbol":"S","side":"long","type":"limit","quantity":"1","price":"1"})")
                                  << u"side"_s;
        QTest::newRow("server-owned field") << QByteArray(
            R"({"client_order_id":"a","symbol":"S","side":"buy","type":"limit","quantity":"1","price":"1","status":"filled"})")
                                            << u"status"_s;
        QTest::newRow("bad decimal") << QByteArray(
            R"({"client_order_id":"a","symbol":"S","side":"buy","type":"limit","quantity":"1","price":"4,2"})")
                                     << u"price"_s;
        QTest::newRow("client id with spaces") << QByteArray(
            R"({"client_order_id":"a b","symbol":"S","side":"buy","type":"limit","quantity":"1","price":"1"})")
                                               << u"client_order_id"_s;
    }
    void newOrderRejectsBadFields()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const Result<NewOrder> order = NewOrder::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!order.ok());
        QCOMPARE(order.error().code, u"invalid_request"_s);
        QVERIFY2(order.error().message.contains(field), qPrintable(order.error().message));
    }

    void orderTypesCarryTheRightPrices_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("problem"); // empty: accepted
        const auto order = [](const char *fields) -> QByteArray {
            return QByteArray(R"({"client_order_id":"a","symbol":"S","side":"buy","quantity":"5",)")
                + fields + '}';
        };
        QTest::newRow("limit") << order(R"("type":"limit","price":"42.5")") << QString();
        QTest::newRow("market") << order(R"("type":"market")") << QString();
        QTest::newRow("market with a price")
            << order(R"("type":"market","price":"42.5")") << u"price"_s;
        QTest::newRow("market good till cancel")
            << order(R"("type":"market","time_in_force":"gtc")") << u"time_in_force"_s;
        QTest::newRow("stop") << order(R"("type":"stop","stop_price":"45")") << QString();
        QTest::newRow("stop without trigger") << order(R"("type":"stop")") << u"stop_price"_s;
        QTest::newRow("stop limit")
            << order(R"("type":"stop_limit","price":"46","stop_price":"45","time_in_force":"day")")
            << QString();
        QTest::newRow("trigger on a limit")
            << order(R"("type":"limit","price":"1","stop_price":"45")") << u"stop_price"_s;
        QTest::newRow("iceberg") << order(R"("type":"limit","price":"1","display_quantity":"2")")
                                 << QString();
        QTest::newRow("iceberg clip above quantity")
            << order(R"("type":"limit","price":"1","display_quantity":"6")")
            << u"display_quantity"_s;
        QTest::newRow("gtd") << order(R"("type":"limit","price":"1","time_in_force":"gtd",
                                          "expires_at":"2027-01-01T12:00:00.000Z")")
                             << QString();
        QTest::newRow("gtd without expiry")
            << order(R"("type":"limit","price":"1","time_in_force":"gtd")") << u"expires_at"_s;
        QTest::newRow("expiry without gtd")
            << order(R"("type":"limit","price":"1","expires_at":"2027-01-01T12:00:00.000Z")")
            << u"expires_at"_s;
        QTest::newRow("unknown time in force")
            << order(R"("type":"limit","price":"1","time_in_force":"forever")")
            << u"time_in_force"_s;
    }
    void orderTypesCarryTheRightPrices()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, problem);
        const Result<NewOrder> order = NewOrder::fromJson(QJsonDocument::fromJson(json).object());
        if (problem.isEmpty()) {
            QVERIFY2(order.ok(), qPrintable(order.ok() ? QString() : order.error().message));
            QVERIFY(NewOrder::fromJson(order->toJson()).value() == order.value());
        } else {
            QVERIFY(!order.ok());
            QVERIFY2(order.error().message.contains(problem), qPrintable(order.error().message));
        }
    }

    void marketOrdersDefaultToImmediateOrCancel()
    {
        const Result<NewOrder> order = NewOrder::fromJson(
            object(R"({"client_order_id":"m","symbol":"S","side":"sell","type":"market",
                       "quantity":"5"})"));
        QVERIFY(order->timeInForce == TimeInForce::ImmediateOrCancel);
        QVERIFY(!order->toJson().contains(u"price"));
    }

    void modifyNeedsAPriceOrAQuantity()
    {
        QVERIFY(!OrderModify::fromJson(object("{}")).ok());
        QVERIFY(!OrderModify::fromJson(object(R"({"status":"filled"})")).ok());
        const Result<OrderModify> modify = OrderModify::fromJson(object(R"({"quantity":"3"})"));
        QVERIFY(modify.ok() && !modify->price && modify->quantity->toString() == u"3");
    }

    void tradesAndBooksRoundTrip()
    {
        Trade trade;
        trade.id = u"9"_s;
        trade.symbol = u"TTF.M.2027-01"_s;
        trade.side = Side::Sell;
        trade.price = *Price::parse(u"31.255");
        trade.quantity = *Quantity::parse(u"10");
        trade.orderId = u"4"_s;
        trade.clientOrderId = u"C4"_s;
        trade.aggressor = true;
        trade.time = QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
        QCOMPARE(trade.toJson().value(u"liquidity").toString(), u"taker"_s);
        QVERIFY(Trade::fromJson(trade.toJson()).value() == trade);

        BookSnapshot book;
        book.symbol = u"TTF.M.2027-01"_s;
        book.bids = { BookLevel { *Price::parse(u"31.25"), *Quantity::parse(u"15"), 2 } };
        book.asks = { BookLevel { *Price::parse(u"31.27"), *Quantity::parse(u"5"), 1 } };
        book.sequence = 77;
        const Result<BookSnapshot> parsed = BookSnapshot::fromJson(book.toJson());
        QVERIFY(parsed.ok());
        QVERIFY(parsed->bids == book.bids && parsed->asks == book.asks);
        QCOMPARE(parsed->sequence, quint64(77));
    }

    // What the workstation reads of a market: ticker, time and sales and candles.
    void marketDataRoundTrips()
    {
        Ticker ticker;
        ticker.symbol = u"TTF.M.2027-01"_s;
        ticker.bid = BookLevel { *Price::parse(u"31.25"), *Quantity::parse(u"15"), 0 };
        ticker.last = *Price::parse(u"31.26");
        ticker.lastQuantity = *Quantity::parse(u"5");
        ticker.volume = *Quantity::parse(u"120");
        ticker.previousClose = *Price::parse(u"30.90");
        ticker.time = QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
        const Result<Ticker> parsed = Ticker::fromJson(ticker.toJson());
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QVERIFY(parsed->bid == ticker.bid);
        QVERIFY(!parsed->ask); // no offer: absent, not zero
        QCOMPARE(parsed->last->toString(), u"31.26"_s);
        QCOMPARE(parsed->volume.toString(), u"120"_s);
        QCOMPARE(parsed->previousClose->toString(), u"30.9"_s); // today's change is from here
        QCOMPARE(parsed->time, ticker.time);
        QJsonObject halfLevel = ticker.toJson();
        halfLevel.remove(u"bid_quantity"_s);
        QCOMPARE(Ticker::fromJson(halfLevel).error().code, u"invalid_request"_s);

        const MarketTrade trade {
            u"12"_s,    u"TTF.M.2027-01"_s, *Price::parse(u"31.26"), *Quantity::parse(u"5"),
            Side::Sell, ticker.time
        };
        QVERIFY(MarketTrade::fromJson(trade.toJson()).value() == trade);
        QJsonObject withUser = trade.toJson();
        withUser.insert(u"username"_s, u"alice"_s);
        QVERIFY(!MarketTrade::fromJson(withUser));

        const Candle candle { ticker.time.toMSecsSinceEpoch(),
                              *Price::parse(u"31"),
                              *Price::parse(u"31.5"),
                              *Price::parse(u"30.9"),
                              *Price::parse(u"31.26"),
                              *Quantity::parse(u"40"),
                              3 };
        QVERIFY(candleFromJson(toJson(candle)).value() == candle);
        QJsonObject badStart = toJson(candle);
        badStart.insert(u"start"_s, u"yesterday"_s);
        QVERIFY(!candleFromJson(badStart));
    }

    void orderRoundTrips()
    {
        Order order;
        order.id = u"17"_s;
        order.clientOrderId = u"c-17"_s;
        order.username = u"alice"_s;
        order.symbol = u"DE.BASE.M.2027-03"_s;
        order.side = Side::Buy;
        order.quantity = *Quantity::parse(u"25");
        order.price = *Price::parse(u"-3.50");
        order.status = OrderStatus::Cancelled;
        order.createdAt = QDateTime(QDate(2026, 11, 25), QTime(9, 30, 0, 125), Qt::UTC);
        order.updatedAt = order.createdAt.addSecs(5);
        const QJsonObject json = order.toJson();
        QCOMPARE(json.value(u"created_at").toString(), u"2026-11-25T09:30:00.125Z"_s);
        QCOMPARE(json.value(u"price").toString(), u"-3.5"_s);
        QCOMPARE(json.value(u"status").toString(), u"cancelled"_s);
        QVERIFY(Order::fromJson(json).value() == order);

        // A day order as the server answers it: with the end of its day, which an entry
        // may not name.
        order.timeInForce = TimeInForce::Day;
        order.status = OrderStatus::Open;
        order.expiresAt = QDateTime(QDate(2026, 11, 25), QTime(23, 0), Qt::UTC);
        QVERIFY(Order::fromJson(order.toJson()).value() == order);
        QJsonObject entry { { u"client_order_id"_s, u"c-18"_s },
                            { u"symbol"_s, order.symbol },
                            { u"side"_s, u"buy"_s },
                            { u"type"_s, u"limit"_s },
                            { u"quantity"_s, u"25"_s },
                            { u"price"_s, u"-3.5"_s },
                            { u"time_in_force"_s, u"day"_s },
                            { u"expires_at"_s, json.value(u"created_at") } };
        QCOMPARE(NewOrder::fromJson(entry).error().code, u"invalid_request"_s);
    }

    void instrumentRoundTrips()
    {
        Instrument instrument;
        instrument.symbol = u"HH.M.2027-01"_s;
        instrument.description = u"Henry Hub natural gas, 2027-01"_s;
        instrument.commodity = Commodity::NaturalGas;
        instrument.area = u"HH"_s;
        instrument.delivery = DeliveryPeriod::month(2027, 1);
        instrument.timeZone = "America/Chicago";
        instrument.unit = QuantityUnit::MMBtuPerDay;
        instrument.currency = u"USD"_s;
        instrument.tickSize = *Price::parse(u"0.001");
        instrument.lotSize = *Quantity::parse(u"2500");
        instrument.lastTradingDay = QDate(2026, 12, 31);
        const QJsonObject json = toJson(instrument);
        QCOMPARE(json.value(u"quantity_unit").toString(), u"MMBtu/d"_s);
        QVERIFY(instrumentFromJson(json).value() == instrument);

        // An hour: its wall-clock start, which pass of a repeated hour, and its gate closure.
        Instrument hour = instrument;
        hour.symbol = u"DE.H.2027-10-31T02B"_s;
        hour.commodity = Commodity::Power;
        hour.area = u"DE"_s;
        hour.delivery = DeliveryPeriod::hour(QDate(2027, 10, 31), 2, true);
        hour.timeZone = "Europe/Berlin";
        hour.unit = QuantityUnit::Megawatt;
        hour.tradingEnd = QDateTime(QDate(2027, 10, 31), QTime(0, 55), Qt::UTC);
        const QJsonObject hourJson = toJson(hour);
        QCOMPARE(hourJson.value(u"delivery").toObject().value(u"start_time").toString(),
                 u"02:00"_s);
        QCOMPARE(hourJson.value(u"trading_end").toString(), u"2027-10-31T00:55:00.000Z"_s);
        QVERIFY(instrumentFromJson(hourJson).value() == hour);
    }

    void errorsHaveOneShape()
    {
        const QJsonObject json
            = errorToJson(makeError(qx::core::ErrorCode::PriceOffTick, u"Off tick."_s));
        QCOMPARE(QJsonDocument(json).toJson(QJsonDocument::Compact),
                 QByteArray(R"({"error":{"code":"price_off_tick","message":"Off tick."}})"));
        QCOMPARE(errorFromJson(json)->code, u"price_off_tick"_s);
        QVERIFY(!errorFromJson(object(R"({"status":"ok"})")).has_value());
    }

    void streamMessagesRoundTrip()
    {
        const StreamMessage subscribe = StreamMessage::subscribe({ u"orders"_s });
        const Result<StreamMessage> parsed = StreamMessage::parse(subscribe.serialize());
        QCOMPARE(parsed->type, u"subscribe"_s);
        QCOMPARE(parsed->body.value(u"channels").toArray().first().toString(), u"orders"_s);
        QCOMPARE(StreamMessage::parse("[1,2]").error().code, u"invalid_message"_s);
        QCOMPARE(StreamMessage::parse(R"({"token":"x"})").error().code, u"invalid_message"_s);
        QCOMPARE(StreamMessage::parse("not json").error().code, u"invalid_message"_s);
    }

    void tokenPairNeedsEveryField()
    {
        TokenPair pair;
        pair.accessToken = u"a.b.c"_s;
        pair.refreshToken = u"r"_s;
        pair.expiresIn = 900;
        QCOMPARE(TokenPair::fromJson(pair.toJson())->expiresIn, 900);
        QVERIFY(!TokenPair::fromJson(object(R"({"access_token":"x"})")).ok());
    }
};

QTEST_GUILESS_MAIN(tst_Protocol)
#include "tst_protocol.moc"
