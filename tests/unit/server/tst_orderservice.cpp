// The trading service in process, on a real SQLite file: what happens to an intraday hour's
// orders at its gate closure, and how the listing rolls forward while the server runs. Time is
// passed in explicitly here; the integration tests drive the same code through the real server.
#include "server/ops/datadirectory.h"
#include "server/storage/sqlitestore.h"
#include "server/trading/orderservice.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace qx::server;
using namespace qx::core;
using namespace Qt::StringLiterals;

class tst_OrderService : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static Principal trader(Store &store, const QString &name)
    {
        return Principal::of(*store.addUser(name, u"trader"_s, "$argon2id$unused"));
    }

    static protocol::NewOrder limit(const QString &id, const QString &symbol, protocol::Side side,
                                    const char *quantity, const char *price)
    {
        protocol::NewOrder order;
        order.clientOrderId = id;
        order.symbol = symbol;
        order.side = side;
        order.quantity = *Quantity::parse(QString::fromLatin1(quantity));
        order.price = *Price::parse(QString::fromLatin1(price));
        return order;
    }

    // The first German hour that trades for at least another minute.
    static Instrument openHour(const OrderService &orders)
    {
        const QDateTime soon = QDateTime::currentDateTimeUtc().addSecs(60);
        for (const Instrument &instrument : orders.instruments()) {
            if (instrument.delivery.kind == DeliveryPeriod::Kind::Hour
                && instrument.tradingEnd > soon)
                return instrument;
        }
        return {};
    }

private Q_SLOTS:
    void anHoursOrdersExpireAtItsGateClosure()
    {
        const QString path = m_dir.filePath(u"gate.db"_s);
        std::unique_ptr<SqliteStore> store = std::move(SqliteStore::open(path)).value();
        QVERIFY(listDefaultCatalog(*store, QDateTime::currentDateTimeUtc().date()).ok());
        const Principal alice = trader(*store, u"alice"_s);
        const Principal bob = trader(*store, u"bob"_s);
        const QString symbol = [&] {
            OrderService orders(*store);
            if (!orders.start().ok())
                return QString();
            const Instrument hour = openHour(orders);
            if (!orders.place(alice, limit(u"a1"_s, hour.symbol, protocol::Side::Buy, "0.5", "80"))
                || !orders.place(bob, limit(u"b1"_s, hour.symbol, protocol::Side::Sell, "1", "90")))
                return QString();
            return hour.symbol;
        }();
        QVERIFY(!symbol.isEmpty());

        // A restart later: the books come back, then the clock passes the gate.
        OrderService orders(*store);
        QVERIFY(orders.start().ok());
        const Instrument hour = *orders.instrument(symbol);
        QCOMPARE(orders.book(symbol, 5)->bids.size(), 1);
        QSignalSpy events(&orders, &OrderService::orderEvent);
        orders.expireOrders(hour.tradingEnd.addSecs(-1));
        QCOMPARE(events.size(), 0);
        orders.expireOrders(hour.tradingEnd);
        QCOMPARE(events.size(), 2);
        QVERIFY(orders.book(symbol, 5)->bids.isEmpty());
        QVERIFY(orders.book(symbol, 5)->asks.isEmpty());
        for (const Principal &who : { alice, bob }) {
            const QList<protocol::Order> own = *orders.orders(who);
            QCOMPARE(own.size(), 1);
            QVERIFY(own.first().status == protocol::OrderStatus::Expired);
            QCOMPARE(own.first().reason, u"instrument_closed"_s);
        }

        // Durable: a further restart finds them expired and the book empty.
        OrderService again(*store);
        QVERIFY(again.start().ok());
        QVERIFY(again.book(symbol, 5)->bids.isEmpty());
        QVERIFY(again.orders(alice)->first().status == protocol::OrderStatus::Expired);
    }

    void theListingRollsForwardWhileRunning()
    {
        std::unique_ptr<SqliteStore> store
            = std::move(SqliteStore::open(m_dir.filePath(u"roll.db"_s))).value();
        const QDate today = QDateTime::currentDateTimeUtc().date();
        QVERIFY(listDefaultCatalog(*store, today).ok());
        OrderService orders(*store);
        QVERIFY(orders.start().ok());
        const QString later = u"DE.H."_s + today.addDays(2).toString(Qt::ISODate) + u"T12"_s;
        QVERIFY(!orders.instrument(later));
        QSignalSpy changed(&orders, &OrderService::instrumentsChanged);

        QVERIFY(orders.refreshInstruments().ok()); // nothing new listed yet
        QCOMPARE(changed.size(), 0);
        QVERIFY(listDefaultCatalog(*store, today.addDays(1)).ok()); // the next day's listing
        QVERIFY(orders.refreshInstruments().ok());
        QCOMPARE(changed.size(), 1);
        QVERIFY(orders.instrument(later));
        QVERIFY(orders.book(later, 5).ok());
        // Still in board order: that hour comes after today's and before the day contracts.
        const QList<Instrument> all = orders.instruments();
        const auto indexOf = [&all](const QString &wanted) {
            return std::find_if(all.begin(), all.end(),
                                [&](const Instrument &i) { return i.symbol == wanted; })
                - all.begin();
        };
        QVERIFY(indexOf(u"DE.H."_s + today.toString(Qt::ISODate) + u"T12"_s) < indexOf(later));
        QVERIFY(indexOf(later) < indexOf(u"DE.BASE.D."_s + today.addDays(2).toString(Qt::ISODate)));
    }
};

QTEST_GUILESS_MAIN(tst_OrderService)
#include "tst_orderservice.moc"
