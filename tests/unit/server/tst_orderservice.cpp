// The trading service in process, on a real SQLite file: what happens to an intraday hour's
// orders at its gate closure, and how the listing rolls forward while the server runs. Time is
// passed in explicitly here; the integration tests drive the same code through the real server.
#include "server/ops/datadirectory.h"
#include "server/storage/sqlitedatabase.h"
#include "server/storage/sqlstore.h"
#include "server/storage/storereaders.h"
#include "server/storage/storewriter.h"
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

    // The writer that group-commits for an OrderService, on its own connection to `path`.
    static std::unique_ptr<StoreWriter> writerFor(const QString &path)
    {
        auto writer = std::make_unique<StoreWriter>([path]() -> Result<std::unique_ptr<Store>> {
            Result<std::unique_ptr<SqlStore>> store = SqlStore::open(u"sqlite:"_s + path);
            if (!store)
                return store.error();
            return std::unique_ptr<Store>(std::move(store).value());
        });
        return writer->start().ok() ? std::move(writer) : nullptr;
    }

    // A command's answer, which comes once its writes are committed.
    static Result<OrderService::Placement> placed(OrderService &orders, const Principal &who,
                                                  const protocol::NewOrder &order)
    {
        std::optional<Result<OrderService::Placement>> answer;
        orders.place(who, order, [&answer](Result<OrderService::Placement> result) {
            answer = std::move(result);
        });
        if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 5000))
            return makeError(qx::core::ErrorCode::Timeout, u"no answer within 5 s"_s);
        return *answer;
    }

    // The first German base month on the board.
    static Instrument baseMonth(const OrderService &orders)
    {
        for (const Instrument &instrument : orders.instruments()) {
            if (instrument.symbol.startsWith(u"DE.BASE.M."))
                return instrument;
        }
        return {};
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
        std::unique_ptr<SqlStore> store = std::move(SqlStore::open(u"sqlite:"_s + path)).value();
        QVERIFY(listDefaultCatalog(*store, QDateTime::currentDateTimeUtc().date()).ok());
        const Principal alice = trader(*store, u"alice"_s);
        const Principal bob = trader(*store, u"bob"_s);
        const QString symbol = [&] {
            const std::unique_ptr<StoreWriter> writer = writerFor(path);
            OrderService orders(*store, *writer);
            if (!writer || !orders.start().ok())
                return QString();
            const Instrument hour = openHour(orders);
            if (!placed(orders, alice,
                        limit(u"a1"_s, hour.symbol, protocol::Side::Buy, "0.5", "80"))
                || !placed(orders, bob,
                           limit(u"b1"_s, hour.symbol, protocol::Side::Sell, "1", "90")))
                return QString();
            return hour.symbol;
        }();
        QVERIFY(!symbol.isEmpty());

        // A restart later: the books come back, then the clock passes the gate.
        const std::unique_ptr<StoreWriter> writer = writerFor(path);
        OrderService orders(*store, *writer);
        QVERIFY(orders.start().ok());
        const Instrument hour = *orders.instrument(symbol);
        QCOMPARE(orders.book(symbol, 5)->bids.size(), 1);
        QSignalSpy events(&orders, &OrderService::orderEvent);
        orders.expireOrders(hour.tradingEnd.addSecs(-1));
        QCOMPARE(events.size(), 0);
        orders.expireOrders(hour.tradingEnd);
        QTRY_COMPARE(events.size(), 2); // announced once stored
        QVERIFY(orders.book(symbol, 5)->bids.isEmpty());
        QVERIFY(orders.book(symbol, 5)->asks.isEmpty());
        for (const Principal &who : { alice, bob }) {
            const QList<protocol::Order> own = orders.orders(who)->items;
            QCOMPARE(own.size(), 1);
            QVERIFY(own.first().status == protocol::OrderStatus::Expired);
            QCOMPARE(own.first().reason, u"instrument_closed"_s);
        }

        // Durable: a further restart finds them expired and the book empty.
        OrderService again(*store, *writer);
        QVERIFY(again.start().ok());
        QVERIFY(again.book(symbol, 5)->bids.isEmpty());
        QVERIFY(again.orders(alice)->items.first().status == protocol::OrderStatus::Expired);
    }

    // The disk fails under a command that trades, while more commands are waiting behind it:
    // every one of them is refused, none is acknowledged or announced, and memory goes back to
    // what storage holds. Once storage works again the same orders go through.
    void aFailedCommitAnswersEveryWaitingCommandAndChangesNothing()
    {
        const QString path = m_dir.filePath(u"failing.db"_s);
        std::unique_ptr<SqlStore> store = std::move(SqlStore::open(u"sqlite:"_s + path)).value();
        QVERIFY(listDefaultCatalog(*store, QDateTime::currentDateTimeUtc().date()).ok());
        const Principal alice = trader(*store, u"alice"_s);
        const Principal bob = trader(*store, u"bob"_s);
        const std::unique_ptr<StoreWriter> writer = writerFor(path);
        QVERIFY(writer);
        OrderService orders(*store, *writer);
        QVERIFY(orders.start().ok());
        const QString symbol = baseMonth(orders).symbol;
        QVERIFY(placed(orders, alice, limit(u"a1"_s, symbol, protocol::Side::Buy, "5", "80")));

        // A trigger stands in for the failing disk: any trade row cannot be written.
        std::unique_ptr<SqliteDatabase> admin = std::move(SqliteDatabase::open(path)).value();
        QVERIFY(admin
                    ->execute("CREATE TRIGGER disk_full BEFORE INSERT ON trades "
                              "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
                    .ok());
        QSignalSpy events(&orders, &OrderService::orderEvent);
        QSignalSpy trades(&orders, &OrderService::tradeEvent);
        std::optional<Result<OrderService::Placement>> sell, behind;
        orders.place(bob, limit(u"b1"_s, symbol, protocol::Side::Sell, "2", "80"),
                     [&](Result<OrderService::Placement> result) { sell = std::move(result); });
        orders.place(bob, limit(u"b2"_s, symbol, protocol::Side::Sell, "1", "95"),
                     [&](Result<OrderService::Placement> result) { behind = std::move(result); });
        QTRY_VERIFY(sell && behind);
        QCOMPARE(sell->error().code, u"storage_unavailable"_s);
        QCOMPARE(behind->error().code, u"storage_unavailable"_s);
        QCOMPARE(events.size(), 0);
        QCOMPARE(trades.size(), 0);
        const protocol::BookSnapshot book = *orders.book(symbol, 5);
        QCOMPARE(book.bids.size(), 1);
        QCOMPARE(book.bids.first().quantity.toString(), u"5"_s); // alice's bid, untouched
        QVERIFY(book.asks.isEmpty());
        QVERIFY(orders.orders(bob)->items.isEmpty());
        QVERIFY(orders.positions(alice).isEmpty());

        // The disk is back: the same orders, under the same client order ids, now trade.
        QVERIFY(admin->execute("DROP TRIGGER disk_full").ok());
        QTRY_VERIFY(orders.isAvailable());
        const Result<OrderService::Placement> again
            = placed(orders, bob, limit(u"b1"_s, symbol, protocol::Side::Sell, "2", "80"));
        QVERIFY(again);
        QVERIFY(again->order.status == protocol::OrderStatus::Filled);
        QCOMPARE(orders.book(symbol, 5)->bids.first().quantity.toString(), u"3"_s);
        QCOMPARE(trades.size(), 2); // one per side
    }

    // In a cluster another server took a book over while this one still matched it (its lock
    // connection dropped between two polls, say). This server's next order on the book is
    // refused, stored nowhere and never announced, and the book leaves its memory.
    void anOrderOnABookTakenOverElsewhereIsRefused()
    {
        const QString path = m_dir.filePath(u"moved.db"_s);
        std::unique_ptr<SqlStore> store = std::move(SqlStore::open(u"sqlite:"_s + path)).value();
        QVERIFY(listDefaultCatalog(*store, QDateTime::currentDateTimeUtc().date()).ok());
        const Principal alice = trader(*store, u"alice"_s);
        const std::unique_ptr<StoreWriter> writer = writerFor(path);
        QVERIFY(writer);
        OrderService orders(*store, *writer);
        orders.setOwnsAllBooks(false);
        QVERIFY(orders.start().ok());
        const QString symbol = baseMonth(orders).symbol;
        const Result<std::int64_t> epoch = store->saveBookOwner({ symbol, u"a"_s, u"http://a"_s });
        QVERIFY(epoch && orders.acquire({ { symbol, *epoch } }).ok());
        QVERIFY(placed(orders, alice, limit(u"a1"_s, symbol, protocol::Side::Buy, "5", "80")));

        std::unique_ptr<SqlStore> other = std::move(SqlStore::open(u"sqlite:"_s + path)).value();
        QVERIFY(other->saveBookOwner({ symbol, u"b"_s, u"http://b"_s }).ok());
        QSignalSpy events(&orders, &OrderService::orderEvent);
        const Result<OrderService::Placement> refused
            = placed(orders, alice, limit(u"a2"_s, symbol, protocol::Side::Buy, "1", "81"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, u"book_moved"_s);
        QCOMPARE(events.size(), 0);
        QVERIFY(!orders.owns(symbol));
        const QList<protocol::Order> stored = *other->orders(alice.userId);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().clientOrderId, u"a1"_s);
    }

    // In a cluster a trader's credit exposure counts the open orders on books other servers
    // match (read from storage on catching up, then followed by their events), and positions
    // there are marked at their last trade.
    void creditCountsOpenOrdersOnBooksMatchedElsewhere()
    {
        const QString path = m_dir.filePath(u"credit.db"_s);
        std::unique_ptr<SqlStore> store = std::move(SqlStore::open(u"sqlite:"_s + path)).value();
        QVERIFY(listDefaultCatalog(*store, QDateTime::currentDateTimeUtc().date()).ok());
        const Principal alice = trader(*store, u"alice"_s);
        RiskLimits limits;
        limits.product = u"DE.BASE"_s;
        limits.creditLimit = *Money::parse(u"1000000"_s);
        QVERIFY(store->saveRiskLimits(alice.userId, limits).ok());
        const std::unique_ptr<StoreWriter> writer = writerFor(path);
        QVERIFY(writer);
        OrderService orders(*store, *writer);
        orders.setOwnsAllBooks(false);
        QVERIFY(orders.start().ok());
        QStringList months;
        for (const Instrument &instrument : orders.instruments()) {
            if (instrument.symbol.startsWith(u"DE.BASE.M."))
                months.append(instrument.symbol);
        }
        QVERIFY(months.size() >= 2);
        const Result<std::int64_t> epoch = store->saveBookOwner({ months[0], u"a"_s, u"h"_s });
        QVERIFY(epoch && orders.acquire({ { months[0], *epoch } }).ok());

        // Another server holds alice's bid of 10 MW at 80 for the next month (≈ 0.6 M EUR).
        protocol::Order elsewhere;
        elsewhere.clientOrderId = u"r1"_s;
        elsewhere.symbol = months[1];
        elsewhere.quantity = *Quantity::parse(u"10"_s);
        elsewhere.price = *Price::parse(u"80"_s);
        elsewhere.createdAt = QDateTime::currentDateTimeUtc();
        elsewhere.updatedAt = elsewhere.createdAt;
        elsewhere.id = QString::number(*store->reserveIds(Store::IdKind::Order, 1)); // its block
        elsewhere = *store->insertOrder(alice.userId, elsewhere, "hash");
        QVERIFY(orders.catchUpRemote().ok());
        const protocol::NewOrder bid = limit(u"a1"_s, months[0], protocol::Side::Buy, "10", "80");
        const Result<OrderService::Placement> refused = placed(orders, alice, bid);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, u"limit_credit"_s);

        // Its server says it was cancelled: the same bid now fits.
        elsewhere.status = protocol::OrderStatus::Cancelled;
        orders.rememberRemote(alice.userId, elsewhere);
        const Result<OrderService::Placement> accepted = placed(orders, alice, bid);
        QVERIFY2(accepted, qPrintable(accepted ? QString() : accepted.error().message));

        // A fill there: alice's position in that month is marked at its price, here too.
        TradeRecord trade;
        trade.id = *store->reserveIds(Store::IdKind::Trade, 1);
        trade.symbol = months[1];
        trade.price = *Price::parse(u"81.5"_s);
        trade.quantity = *Quantity::parse(u"2"_s);
        trade.buyOrderId = elsewhere.id.toLongLong();
        trade.buyUserId = alice.userId;
        trade.aggressor = protocol::Side::Sell;
        trade.time = QDateTime::currentDateTimeUtc();
        orders.applyRemoteTrade(trade, u"r1"_s, u"x"_s);
        const auto positions = orders.positions(alice);
        const auto there = std::find_if(positions.cbegin(), positions.cend(), [&](const auto &p) {
            return p.instrument.symbol == months[1];
        });
        QVERIFY(there != positions.cend());
        QVERIFY(there->mark);
        QCOMPARE(there->mark->toString(), u"81.5"_s);
        QCOMPARE(orders.ticker(months[1])->last->toString(), u"81.5"_s);
    }

    // A counterparty's credit line counts, with its traders' orders, the deals the firm
    // booked with it however its name is written, each at the last trade of its market; a
    // deal with another party does not count, and a cancelled one no longer does.
    void aCreditLineCountsTheDealsBookedWithTheCounterparty()
    {
        const QString path = m_dir.filePath(u"creditline.db"_s);
        std::unique_ptr<SqlStore> store = std::move(SqlStore::open(u"sqlite:"_s + path)).value();
        QVERIFY(listDefaultCatalog(*store, QDateTime::currentDateTimeUtc().date()).ok());
        const Principal alice = trader(*store, u"alice"_s); // books the firm's deals
        const Principal carol = trader(*store, u"carol"_s);
        UserRecord bobRecord = *store->addUser(u"bob"_s, u"trader"_s, "$argon2id$unused");
        bobRecord.counterparty = u"Acme Energy"_s;
        QVERIFY(store->updateUser(bobRecord).ok());
        const Principal bob = Principal::of(bobRecord);
        QVERIFY(store->saveCreditLine(u"Acme Energy"_s, u"EUR"_s, *Money::parse(u"300000"_s)).ok());
        const std::unique_ptr<StoreWriter> writer = writerFor(path);
        QVERIFY(writer);
        OrderService orders(*store, *writer);
        QVERIFY(orders.start().ok());
        const QString month = baseMonth(orders).symbol;
        QVERIFY(!month.isEmpty());
        // The last trade, at 80.
        QVERIFY(placed(orders, alice, limit(u"s1"_s, month, protocol::Side::Sell, "1", "80")));
        QVERIFY(placed(orders, carol, limit(u"b1"_s, month, protocol::Side::Buy, "1", "80")));

        const auto book = [&](const QString &counterparty, const char *quantity) {
            protocol::NewDeal terms;
            terms.symbol = month;
            terms.side = protocol::Side::Buy;
            terms.quantity = *Quantity::parse(QString::fromLatin1(quantity));
            terms.price = *Price::parse(u"70"_s);
            terms.counterparty = counterparty;
            terms.tradeDate = QDate::currentDate().addDays(-1);
            std::optional<Result<protocol::Deal>> booked;
            orders.bookDeal(alice, terms, {},
                            [&booked](Result<protocol::Deal> deal) { booked = std::move(deal); });
            return booked && *booked ? (*booked)->id : QString();
        };
        // A month is 672 to 744 hours: 1 MW at 80 is worth 53,760 to 59,520 EUR. The line of
        // 300,000 takes 4 MW (at most 238,080) but not 7 (at least 376,320), nor 11.
        QVERIFY(!book(u"Other Trading Ltd"_s, "10").isEmpty());
        const Result<OrderService::Placement> first
            = placed(orders, bob, limit(u"o1"_s, month, protocol::Side::Buy, "1", "80"));
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        const QString large = book(u"ACME ENERGY GmbH"_s, "3");
        QVERIFY(!large.isEmpty());
        QVERIFY(!book(u"Acme Energy AG"_s, "2").isEmpty());
        const Result<OrderService::Placement> refused
            = placed(orders, bob, limit(u"o2"_s, month, protocol::Side::Buy, "1", "80"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, u"limit_counterparty_credit"_s);

        std::optional<Result<protocol::Deal>> cancelled;
        orders.cancelDeal(
            alice, large, u"booked twice"_s,
            [&cancelled](Result<protocol::Deal> deal) { cancelled = std::move(deal); });
        QVERIFY(cancelled && *cancelled);
        const Result<OrderService::Placement> accepted
            = placed(orders, bob, limit(u"o2"_s, month, protocol::Side::Buy, "1", "80"));
        QVERIFY2(accepted, qPrintable(accepted ? QString() : accepted.error().message));
    }

    // An order whose value does not fit in a Money (no band, no lot limit to stop it first)
    // cannot be checked against a credit limit: it is refused, not valued at zero and let
    // through, and the book is left as it was.
    void anOrderTooLargeToValueIsRefused()
    {
        const QString path = m_dir.filePath(u"overflow.db"_s);
        std::unique_ptr<SqlStore> store = std::move(SqlStore::open(u"sqlite:"_s + path)).value();
        QVERIFY(listDefaultCatalog(*store, QDateTime::currentDateTimeUtc().date()).ok());
        const Principal alice = trader(*store, u"alice"_s);
        RiskLimits limits;
        limits.product = u"DE.BASE"_s;
        limits.creditLimit = *Money::parse(u"1000000"_s);
        QVERIFY(store->saveRiskLimits(alice.userId, limits).ok());
        const std::unique_ptr<StoreWriter> writer = writerFor(path);
        QVERIFY(writer);
        OrderService orders(*store, *writer, TradingRules { 0, 0 });
        QVERIFY(orders.start().ok());
        QString year;
        for (const Instrument &instrument : orders.instruments()) {
            if (instrument.symbol.startsWith(u"DE.BASE.Y."))
                year = instrument.symbol;
        }
        QVERIFY(!year.isEmpty());
        // 9,000,000 MW at 9,000,000 EUR/MWh over ~8,760 hours: about 7e17 EUR.
        const Result<OrderService::Placement> refused = placed(
            orders, alice, limit(u"huge"_s, year, protocol::Side::Buy, "9000000", "9000000"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, u"internal_error"_s);
        QVERIFY(refused.error().message.contains(u"too large"));
        QVERIFY(orders.book(year, 10)->bids.isEmpty());
        QVERIFY(orders.orders(alice)->items.isEmpty());
        // A sensible order on the same book still goes through the same checks.
        QVERIFY(placed(orders, alice, limit(u"fine"_s, year, protocol::Side::Buy, "1", "50")));
    }

    // Order and trade ids come from blocks reserved in storage; the next block is reserved on
    // a store reader before the one in use runs out, so taking an id never waits for the
    // database. Across many blocks, and a restart, no id is handed out twice and they only
    // grow (clients sort by them).
    void idsRollOverToBlocksReservedInTheBackground()
    {
        const QString path = m_dir.filePath(u"ids.db"_s);
        std::unique_ptr<SqlStore> store = std::move(SqlStore::open(u"sqlite:"_s + path)).value();
        QVERIFY(listDefaultCatalog(*store, QDateTime::currentDateTimeUtc().date()).ok());
        const Principal alice = trader(*store, u"alice"_s);
        const Principal bob = trader(*store, u"bob"_s);
        QList<qint64> orderIds;
        QList<qint64> tradeIds;
        for (int run = 0; run < 2; ++run) { // the second after a restart
            const std::unique_ptr<StoreWriter> writer = writerFor(path);
            QVERIFY(writer);
            StoreReaders readers(
                [path]() -> Result<std::unique_ptr<Store>> {
                    Result<std::unique_ptr<SqlStore>> reader = SqlStore::open(u"sqlite:"_s + path);
                    if (!reader)
                        return reader.error();
                    return std::unique_ptr<Store>(std::move(reader).value());
                },
                2);
            OrderService orders(*store, *writer, TradingRules { 0, 0 });
            orders.setReaders(&readers);
            orders.setIdBlock(8);
            QVERIFY(orders.start().ok());
            const QString month = baseMonth(orders).symbol;
            QVERIFY(!month.isEmpty());
            for (int i = 0; i < 30; ++i) {
                const QString id = QString::number(run) + u'-' + QString::number(i);
                const auto sold = placed(
                    orders, bob, limit(u"s"_s + id, month, protocol::Side::Sell, "1", "50"));
                const auto bought = placed(
                    orders, alice, limit(u"b"_s + id, month, protocol::Side::Buy, "1", "50"));
                QVERIFY(sold && bought);
                orderIds << sold->order.id.toLongLong() << bought->order.id.toLongLong();
            }
            const auto fills = orders.trades(alice);
            QVERIFY(fills.ok());
            for (const protocol::Trade &fill : fills->items)
                tradeIds << fill.id.toLongLong();
            orders.flushWrites();
        }
        QCOMPARE(orderIds.size(), 120);
        QVERIFY(std::is_sorted(orderIds.cbegin(), orderIds.cend()));
        QCOMPARE(QSet<qint64>(orderIds.cbegin(), orderIds.cend()).size(), orderIds.size());
        // Both runs' fills, read back from storage: each trade once, with its own id.
        QCOMPARE(tradeIds.size(), 30 + 60);
        const QSet<qint64> distinctTrades(tradeIds.cbegin(), tradeIds.cend());
        QCOMPARE(distinctTrades.size(), 60);
    }

    void theListingRollsForwardWhileRunning()
    {
        const QString path = m_dir.filePath(u"roll.db"_s);
        std::unique_ptr<SqlStore> store = std::move(SqlStore::open(u"sqlite:"_s + path)).value();
        const QDate today = QDateTime::currentDateTimeUtc().date();
        QVERIFY(listDefaultCatalog(*store, today).ok());
        const std::unique_ptr<StoreWriter> writer = writerFor(path);
        OrderService orders(*store, *writer);
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
