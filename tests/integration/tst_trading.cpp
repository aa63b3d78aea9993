// Trading as two traders meet it on a real quantenergx-server: orders that cross trade at the
// resting price, books, fills, positions with P&L, modify and its queue rules, market, IOC,
// FOK and stop orders, the price band, cancel-all, candles, expiry, and books that come back
// identical after a restart or a kill -9.
#include "core/delivery.h"
#include "core/protocol/messages.h"
#include "testapi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using qx::test::Reply;
using qx::test::TestServer;

namespace {
// Good-till-cancel limit orders are what most scenarios here place.
const auto limit = qx::test::limitOrder;
} // namespace

class tst_Trading : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_server;
    QString m_alice;
    QString m_bob;
    QList<QJsonObject> m_instruments;

    QString symbol(const char *prefix, int index = 0) const
    {
        int seen = 0;
        for (const QJsonObject &instrument : m_instruments) {
            const QString name = instrument.value(u"symbol").toString();
            if (name.startsWith(QLatin1StringView(prefix)) && seen++ == index)
                return name;
        }
        return {};
    }
    Reply place(const QJsonObject &order, const QString &token)
    {
        return m_server->requestJson("POST", u"/api/v1/orders"_s, order, token);
    }
    QJsonObject book(const QString &symbol)
    {
        return m_server
            ->request("GET", u"/api/v1/markets/"_s + symbol + u"/book?depth=50"_s, {}, m_alice)
            .json;
    }
    QJsonObject position(const QString &symbol, const QString &token)
    {
        return m_server->position(symbol, token);
    }
    QJsonObject order(const QString &id, const QString &token)
    {
        for (const QJsonValue &value : m_server->request("GET", u"/api/v1/orders"_s, {}, token)
                                           .json.value(u"orders")
                                           .toArray()) {
            if (value.toObject().value(u"id").toString() == id)
                return value.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<TestServer>(m_dir.filePath(u"data"_s));
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        m_alice = m_server->aliceToken();
        m_bob = m_server->addTrader(u"bob"_s, u"bob's long passphrase"_s);
        QVERIFY(!m_bob.isEmpty());
        for (const QJsonValue &value :
             m_server->request("GET", u"/api/v1/instruments"_s, {}, m_alice)
                 .json.value(u"instruments")
                 .toArray()) {
            m_instruments.append(value.toObject());
        }
        QVERIFY(!symbol("DE.BASE.M.", 5).isEmpty());
    }

    void crossingOrdersTradeAtTheRestingPrice()
    {
        const QString power = symbol("DE.BASE.M.");
        QList<QJsonObject> aliceInbox;
        auto stream = m_server->openStream(aliceInbox, m_alice, { u"orders"_s, u"trades"_s });
        QTRY_COMPARE(aliceInbox.size(), 2);

        const Reply ask = place(limit(u"b1"_s, power, "sell", u"10"_s, u"42.50"_s), m_bob);
        QCOMPARE(ask.status, 201);
        QCOMPARE(ask.json.value(u"status").toString(), u"open"_s);
        const Reply bid = place(limit(u"a1"_s, power, "buy", u"15"_s, u"43.00"_s), m_alice);
        QCOMPARE(bid.status, 201);
        QCOMPARE(bid.json.value(u"status").toString(), u"partially_filled"_s);
        QCOMPARE(bid.json.value(u"filled_quantity").toString(), u"10"_s);
        QCOMPARE(bid.json.value(u"average_price").toString(), u"42.5"_s); // not its limit, 43

        QCOMPARE(order(ask.json.value(u"id").toString(), m_bob).value(u"status").toString(),
                 u"filled"_s);
        const QJsonArray aliceTrades = m_server->request("GET", u"/api/v1/trades"_s, {}, m_alice)
                                           .json.value(u"trades")
                                           .toArray();
        QCOMPARE(aliceTrades.size(), 1);
        const QJsonObject fill = aliceTrades[0].toObject();
        QCOMPARE(fill.value(u"price").toString(), u"42.5"_s); // the resting order's price
        QCOMPARE(fill.value(u"side").toString(), u"buy"_s);
        QCOMPARE(fill.value(u"liquidity").toString(), u"taker"_s);
        QCOMPARE(fill.value(u"client_order_id").toString(), u"a1"_s);
        const QJsonObject bobFill = m_server->request("GET", u"/api/v1/trades"_s, {}, m_bob)
                                        .json.value(u"trades")
                                        .toArray()[0]
                                        .toObject();
        QCOMPARE(bobFill.value(u"side").toString(), u"sell"_s);
        QCOMPARE(bobFill.value(u"liquidity").toString(), u"maker"_s);

        const QJsonObject snapshot = book(power);
        QCOMPARE(snapshot.value(u"bids").toArray().size(), 1);
        QCOMPARE(snapshot.value(u"bids").toArray()[0].toObject().value(u"price").toString(),
                 u"43"_s);
        QCOMPARE(snapshot.value(u"bids").toArray()[0].toObject().value(u"quantity").toString(),
                 u"5"_s);
        QVERIFY(snapshot.value(u"asks").toArray().isEmpty());

        // The stream told alice the same, durably and in order.
        QTRY_VERIFY(std::any_of(aliceInbox.begin(), aliceInbox.end(), [](const QJsonObject &m) {
            return m.value(u"type").toString() == u"trade";
        }));
        QVERIFY(std::any_of(aliceInbox.begin(), aliceInbox.end(), [](const QJsonObject &m) {
            return m.value(u"type").toString() == u"order.partially_filled";
        }));
    }

    void positionsCarryEnergyAndFifoPnl()
    {
        const QString power = symbol("DE.BASE.M.");
        const QJsonObject instrument
            = *std::find_if(m_instruments.begin(), m_instruments.end(), [&](const QJsonObject &i) {
                  return i.value(u"symbol").toString() == power;
              });
        const qx::core::Instrument parsed = *qx::core::protocol::instrumentFromJson(instrument);
        const qint64 hours = qx::core::deliveryHours(parsed.delivery, parsed.load, parsed.timeZone);

        QJsonObject alice = position(power, m_alice);
        QCOMPARE(alice.value(u"quantity").toString(), u"10"_s);
        QCOMPARE(alice.value(u"energy").toString(), QString::number(10 * hours));
        QCOMPARE(alice.value(u"energy_unit").toString(), u"MWh"_s);
        QCOMPARE(alice.value(u"average_price").toString(), u"42.5"_s);
        QCOMPARE(position(power, m_bob).value(u"quantity").toString(), u"-10"_s);

        // Alice sells her 10 MW to bob's bid at 45.00: (45.00 − 42.50) × 10 MW × hours.
        QCOMPARE(place(limit(u"b2"_s, power, "buy", u"10"_s, u"45.00"_s), m_bob).status, 201);
        // Her own resting bid at 43 is below: the sell takes bob's 45 first.
        QCOMPARE(place(limit(u"a2"_s, power, "sell", u"10"_s, u"45.00"_s), m_alice).status, 201);
        alice = position(power, m_alice);
        QCOMPARE(alice.value(u"quantity").toString(), u"0"_s);
        QCOMPARE(alice.value(u"realised_pnl").toString(),
                 qx::core::Decimal::fromInteger(25 * hours)->toString(2));
        QCOMPARE(alice.value(u"mark_price").toString(), u"45"_s);
        QVERIFY(!alice.value(u"months").toArray().isEmpty());
        const QJsonArray totals = m_server->request("GET", u"/api/v1/positions"_s, {}, m_alice)
                                      .json.value(u"totals")
                                      .toArray();
        QCOMPARE(totals.size(), 1);
        QCOMPARE(totals[0].toObject().value(u"commodity").toString(), u"power"_s);
        QCOMPARE(totals[0].toObject().value(u"currency").toString(), u"EUR"_s);
        QCOMPARE(totals[0].toObject().value(u"realised_pnl").toString(),
                 alice.value(u"realised_pnl").toString());

        // End of day: marked to the settlement price (44) instead of the last trade (45).
        QCOMPARE(qx::test::runCli(
                     { u"settle"_s, power, u"44.00"_s, u"--data-dir"_s, m_server->dataDir() })
                     .exitCode,
                 0);
        QCOMPARE(qx::test::runCli(
                     { u"settle"_s, power, u"44.005"_s, u"--data-dir"_s, m_server->dataDir() })
                     .exitCode,
                 1); // off the tick
        QCOMPARE(qx::test::runCli({ u"settle"_s, u"XX.M.2027-01"_s, u"44"_s, u"--data-dir"_s,
                                    m_server->dataDir() })
                     .exitCode,
                 1);
        const Reply settled
            = m_server->request("GET", u"/api/v1/positions?mark=settlement"_s, {}, m_alice);
        QCOMPARE(settled.json.value(u"mark").toString(), u"settlement"_s);
        QCOMPARE(settled.json.value(u"positions")
                     .toArray()[0]
                     .toObject()
                     .value(u"mark_price")
                     .toString(),
                 u"44"_s);
        QCOMPARE(m_server->request("GET", u"/api/v1/positions?mark=mid"_s, {}, m_alice).status,
                 400);
    }

    void reducingKeepsPlaceRaisingLosesIt()
    {
        const QString power = symbol("DE.BASE.M.", 1);
        const QString first = place(limit(u"q1"_s, power, "buy", u"5"_s, u"50.00"_s), m_alice)
                                  .json.value(u"id")
                                  .toString();
        const QString second = place(limit(u"q2"_s, power, "buy", u"5"_s, u"50.00"_s), m_bob)
                                   .json.value(u"id")
                                   .toString();
        Reply reduced = m_server->requestJson("PATCH", u"/api/v1/orders/"_s + first,
                                              { { u"quantity"_s, u"3"_s } }, m_alice);
        QCOMPARE(reduced.status, 200);
        QCOMPARE(reduced.json.value(u"quantity").toString(), u"3"_s);
        // A third trader's sell of 1 meets alice's reduced order first: it kept its place.
        const QString carol = m_server->addTrader(u"carol"_s, u"carol's passphrase"_s);
        place(limit(u"c1"_s, power, "sell", u"1"_s, u"50.00"_s), carol);
        QCOMPARE(order(first, m_alice).value(u"filled_quantity").toString(), u"1"_s);

        // Raising the quantity sends it to the back: now bob's order is first.
        QCOMPARE(m_server
                     ->requestJson("PATCH", u"/api/v1/orders/"_s + first,
                                   { { u"quantity"_s, u"8"_s } }, m_alice)
                     .status,
                 200);
        place(limit(u"c2"_s, power, "sell", u"1"_s, u"50.00"_s), carol);
        QCOMPARE(order(second, m_bob).value(u"filled_quantity").toString(), u"1"_s);

        const Reply below = m_server->requestJson("PATCH", u"/api/v1/orders/"_s + first,
                                                  { { u"quantity"_s, u"1"_s } }, m_alice);
        QCOMPARE(below.status, 409);
        QCOMPARE(below.errorCode(), u"quantity_below_filled"_s);
        QCOMPARE(m_server
                     ->requestJson("PATCH", u"/api/v1/orders/"_s + second,
                                   { { u"quantity"_s, u"4"_s } }, m_alice)
                     .status,
                 404); // bob's order, seen from alice
    }

    void marketIocAndFillOrKill()
    {
        const QString power = symbol("DE.BASE.M.", 2);
        Reply market = place({ { u"client_order_id"_s, u"m1"_s },
                               { u"symbol"_s, power },
                               { u"side"_s, u"buy"_s },
                               { u"type"_s, u"market"_s },
                               { u"quantity"_s, u"5"_s } },
                             m_alice);
        QCOMPARE(market.status, 201);
        QCOMPARE(market.json.value(u"status").toString(), u"cancelled"_s);
        QCOMPARE(market.json.value(u"reason").toString(), u"no_liquidity"_s);

        place(limit(u"b3"_s, power, "sell", u"4"_s, u"60.00"_s), m_bob);
        QJsonObject fok = limit(u"f1"_s, power, "buy", u"5"_s, u"60.00"_s);
        fok[u"time_in_force"_s] = u"fok"_s;
        Reply killed = place(fok, m_alice);
        QCOMPARE(killed.json.value(u"status").toString(), u"cancelled"_s);
        QCOMPARE(killed.json.value(u"reason").toString(), u"fok"_s);
        QCOMPARE(killed.json.value(u"filled_quantity").toString(), u"0"_s);

        QJsonObject ioc = limit(u"i1"_s, power, "buy", u"5"_s, u"60.00"_s);
        ioc[u"time_in_force"_s] = u"ioc"_s;
        Reply partial = place(ioc, m_alice);
        QCOMPARE(partial.json.value(u"filled_quantity").toString(), u"4"_s);
        QCOMPARE(partial.json.value(u"average_price").toString(), u"60"_s);
        QCOMPARE(partial.json.value(u"status").toString(), u"cancelled"_s);
        QCOMPARE(partial.json.value(u"reason").toString(), u"ioc"_s);
        QVERIFY(book(power).value(u"bids").toArray().isEmpty()); // nothing rested

        // A sweep across two levels reports the average it paid: (1 × 61 + 3 × 62) / 4.
        place(limit(u"b4"_s, power, "sell", u"1"_s, u"61.00"_s), m_bob);
        place(limit(u"b5"_s, power, "sell", u"3"_s, u"62.00"_s), m_bob);
        Reply sweep = place({ { u"client_order_id"_s, u"m2"_s },
                              { u"symbol"_s, power },
                              { u"side"_s, u"buy"_s },
                              { u"type"_s, u"market"_s },
                              { u"quantity"_s, u"4"_s } },
                            m_alice);
        QCOMPARE(sweep.json.value(u"status").toString(), u"filled"_s);
        QCOMPARE(sweep.json.value(u"average_price").toString(), u"61.75"_s);
    }

    void stopOrdersWaitForTheirTrigger()
    {
        const QString power = symbol("DE.BASE.M.", 3);
        place(limit(u"s0"_s, power, "sell", u"1"_s, u"70.00"_s), m_bob);
        place(limit(u"s0b"_s, power, "buy", u"1"_s, u"70.00"_s), m_alice); // last trade 70
        const Reply stop = place({ { u"client_order_id"_s, u"st1"_s },
                                   { u"symbol"_s, power },
                                   { u"side"_s, u"buy"_s },
                                   { u"type"_s, u"stop"_s },
                                   { u"stop_price"_s, u"72.00"_s },
                                   { u"quantity"_s, u"2"_s } },
                                 m_alice);
        QCOMPARE(stop.status, 201);
        QCOMPARE(stop.json.value(u"status").toString(), u"open"_s);
        QVERIFY(book(power).value(u"bids").toArray().isEmpty()); // stops are not shown
        place(limit(u"s1"_s, power, "sell", u"1"_s, u"72.00"_s), m_bob);
        place(limit(u"s2"_s, power, "sell", u"5"_s, u"73.00"_s), m_bob);
        place(limit(u"s1b"_s, power, "buy", u"1"_s, u"72.00"_s),
              m_bob == m_alice ? m_bob : m_alice);
        // The trade at 72 triggered the stop, which bought 2 at 73.
        const QJsonObject triggered = order(stop.json.value(u"id").toString(), m_alice);
        QCOMPARE(triggered.value(u"status").toString(), u"filled"_s);
        QCOMPARE(triggered.value(u"filled_quantity").toString(), u"2"_s);
        QCOMPARE(triggered.value(u"average_price").toString(), u"73"_s);
    }

    void thePriceBandRefusesFarPricesAndChangesNothing()
    {
        const QString power = symbol("DE.BASE.M.", 4);
        place(limit(u"p0"_s, power, "sell", u"1"_s, u"100.00"_s), m_bob);
        place(limit(u"p0b"_s, power, "buy", u"1"_s, u"100.00"_s), m_alice); // last trade 100
        const QJsonObject before = book(power);
        const Reply far = place(limit(u"p1"_s, power, "buy", u"1"_s, u"150.00"_s), m_alice);
        QCOMPARE(far.status, 422);
        QCOMPARE(far.errorCode(), u"price_band"_s);
        QVERIFY2(far.errorMessage().contains(u"100"), far.raw.constData());
        QCOMPARE(book(power), before);
        // Nothing was stored: the same client order id is still free.
        QCOMPARE(place(limit(u"p1"_s, power, "buy", u"1"_s, u"110.00"_s), m_alice).status, 201);
    }

    void preTradeLimitsSayWhichAndByHowMuch()
    {
        const QString power = symbol("DE.BASE.M.", 5);
        const qx::test::CliResult set
            = m_server->runAdmin({ u"limits"_s, u"set"_s, u"bob"_s, u"--product"_s, u"DE.BASE"_s,
                                   u"--max-order-quantity"_s, u"20"_s, u"--max-notional"_s,
                                   u"1000000"_s, u"--max-position"_s, u"30"_s });
        QCOMPARE(set.exitCode, 0);
        QVERIFY(qx::test::runCli(
                    { u"limits"_s, u"list"_s, u"bob"_s, u"--data-dir"_s, m_server->dataDir() })
                    .out.contains(u"DE.BASE"));
        const QJsonArray limits
            = QJsonDocument::fromJson(
                  qx::test::runCli({ u"limits"_s, u"list"_s, u"bob"_s, u"--json"_s, u"--data-dir"_s,
                                     m_server->dataDir() })
                      .out.toUtf8())
                  .array();
        QCOMPARE(limits.size(), 1);
        QCOMPARE(limits[0].toObject().value(u"max_order_quantity").toString(), u"20"_s);
        QVERIFY(limits[0].toObject().value(u"credit_limit").isNull());
        const auto ordersOfBob = [this] {
            return m_server->request("GET", u"/api/v1/orders"_s, {}, m_bob)
                .json.value(u"orders")
                .toArray()
                .size();
        };
        const qsizetype before = ordersOfBob();

        Reply refused = place(limit(u"l1"_s, power, "buy", u"25"_s, u"60.00"_s), m_bob);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.errorCode(), u"limit_max_order_quantity"_s);
        QVERIFY2(refused.errorMessage().contains(u"5 MW above"), refused.raw.constData());
        // 20 MW × 70.00 EUR/MWh over a month of at least 672 hours is above 1,000,000.
        refused = place(limit(u"l2"_s, power, "buy", u"20"_s, u"70.00"_s), m_bob);
        QCOMPARE(refused.errorCode(), u"limit_max_notional"_s);
        QVERIFY(refused.errorMessage().contains(u"EUR above"));

        QCOMPARE(place(limit(u"l3"_s, power, "buy", u"20"_s, u"40.00"_s), m_bob).status, 201);
        refused = place(limit(u"l4"_s, power, "buy", u"15"_s, u"40.00"_s), m_bob);
        QCOMPARE(refused.errorCode(), u"limit_max_position"_s);
        QVERIFY2(refused.errorMessage().contains(u"35 MW, 5 MW above"), refused.raw.constData());
        QCOMPARE(ordersOfBob(), before + 1); // refusals change nothing

        QCOMPARE(m_server
                     ->runAdmin({ u"limits"_s, u"set"_s, u"bob"_s, u"--product"_s, u"DE.BASE"_s,
                                  u"--credit-limit"_s, u"1000000"_s })
                     .exitCode,
                 0);
        refused = place(limit(u"l5"_s, power, "sell", u"20"_s, u"45.00"_s), m_bob);
        QCOMPARE(refused.errorCode(), u"limit_credit"_s);
        // Other products are not limited.
        QCOMPARE(
            place(limit(u"l6"_s, symbol("TTF.M.", 4), "buy", u"25"_s, u"30.000"_s), m_bob).status,
            201);
        QCOMPARE(m_server
                     ->runAdmin({ u"limits"_s, u"set"_s, u"bob"_s, u"--product"_s, u"DE.BASE"_s,
                                  u"--max-position"_s, u"-3"_s })
                     .exitCode,
                 2);
    }

    void counterpartyCreditLineIsSharedByItsTraders()
    {
        // Frank and Grace trade for Acme Energy, whose credit line in EUR is 100,000.
        QString tokens[2];
        const QString names[2] = { u"frank"_s, u"grace"_s };
        for (int i = 0; i < 2; ++i) {
            const QString password = names[i] + u"'s long passphrase"_s;
            QCOMPARE(
                m_server
                    ->runAdmin({ u"user"_s, u"add"_s, names[i], u"--role"_s, u"trader"_s,
                                 u"--password-stdin"_s, u"--counterparty"_s, u"Acme Energy"_s },
                               password.toUtf8() + '\n')
                    .exitCode,
                0);
            tokens[i] = m_server->login(names[i], password).json.value(u"access_token").toString();
        }
        const auto credit
            = [this](const QString &firm, const QString &currency, const QString &amount) {
                  return m_server
                      ->runAdmin({ u"credit"_s, u"set"_s, firm, u"--currency"_s, currency,
                                   u"--limit"_s, amount })
                      .exitCode;
              };
        QCOMPARE(credit(u"Acme Energy"_s, u"EUR"_s, u"100000"_s), 0);
        QCOMPARE(credit(u"Nobody Ltd"_s, u"EUR"_s, u"5"_s), 1); // no user trades for it
        QCOMPARE(credit(u"Acme Energy"_s, u"euro"_s, u"5"_s), 2);
        QCOMPARE(credit(u"Acme Energy"_s, u"EUR"_s, u"-5"_s), 2);
        const QString listing
            = qx::test::runCli({ u"credit"_s, u"list"_s, u"--data-dir"_s, m_server->dataDir() })
                  .out;
        QVERIFY2(listing.contains(u"Acme Energy") && listing.contains(u"frank, grace"),
                 qPrintable(listing));
        const QJsonArray lines
            = QJsonDocument::fromJson(qx::test::runCli({ u"credit"_s, u"list"_s, u"--json"_s,
                                                         u"--data-dir"_s, m_server->dataDir() })
                                          .out.toUtf8())
                  .array();
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines[0].toObject().value(u"limit").toString(), u"100000"_s);
        QCOMPARE(lines[0].toObject().value(u"users").toArray(),
                 QJsonArray({ u"frank"_s, u"grace"_s }));

        // A power month of at least 672 hours: 1 MW at 40 is worth 26,880 EUR or more.
        const QString power = symbol("NL.BASE.M.", 2);
        const Reply first = place(limit(u"cp-f1"_s, power, "buy", u"2"_s, u"40.00"_s), tokens[0]);
        QCOMPARE(first.status, 201);
        // Grace's order alone is well within the line; with Frank's it is not.
        Reply refused = place(limit(u"cp-g1"_s, power, "sell", u"2"_s, u"60.00"_s), tokens[1]);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.errorCode(), u"limit_counterparty_credit"_s);
        QVERIFY2(refused.errorMessage().contains(u"credit exposure of Acme Energy in EUR")
                     && refused.errorMessage().contains(u"above its credit line of 100000 EUR"),
                 refused.raw.constData());
        QCOMPARE(order(refused.json.value(u"id").toString(), tokens[1]), QJsonObject());
        // Outside the line: other currencies, and traders of no counterparty.
        QCOMPARE(
            place(limit(u"cp-g2"_s, symbol("GB.BASE.M."), "buy", u"5"_s, u"60.00"_s), tokens[1])
                .status,
            201);
        QCOMPARE(place(limit(u"cp-a1"_s, power, "sell", u"5"_s, u"60.00"_s), m_alice).status, 201);
        // Frank's cancel frees the line for Grace.
        QCOMPARE(m_server
                     ->request("DELETE", u"/api/v1/orders/"_s + first.json.value(u"id").toString(),
                               {}, tokens[0])
                     .status,
                 200);
        QCOMPARE(place(limit(u"cp-g3"_s, power, "sell", u"2"_s, u"60.00"_s), tokens[1]).status,
                 201);
    }

    // A risk manager changes limits and credit lines over REST as the CLI does: checked
    // first (a bad value or an unknown product changes nothing), in force at once, and both
    // ways written to the audit log with who did it.
    void riskAdminChangesLimitsOverRestAudited()
    {
        const QString rita = m_server->addUser(u"rita"_s, u"rita's long passphrase"_s, u"risk"_s);
        const QString rex = m_server->addTrader(u"rex"_s, u"rex's long passphrase"_s);
        const QString power = symbol("DE.BASE.Y.", 1); // a DE.BASE contract no other test trades
        const auto limits = [&](const QJsonObject &body) {
            return m_server->requestJson("PATCH", u"/api/v1/admin/limits/rex"_s, body, rita);
        };
        const qint64 before = m_server->configVersion();
        Reply set = limits({ { u"product"_s, u"DE.BASE"_s }, { u"max_order_quantity"_s, u"2"_s } });
        QVERIFY2(set.status == 200, set.raw.constData());
        QCOMPARE(set.json.value(u"max_order_quantity").toString(), u"2"_s);
        QVERIFY(set.json.value(u"max_position").isNull());
        // In force on this server once answered: no waiting for the settings poll.
        QVERIFY(m_server->configVersion() > before);
        Reply refused = place(limit(u"rx1"_s, power, "buy", u"3"_s, u"50.00"_s), rex);
        QCOMPARE(refused.errorCode(), u"limit_max_order_quantity"_s);

        // Refused whole, nothing changed.
        for (const QJsonObject &bad :
             { QJsonObject { { u"product"_s, u"DE.BSE"_s }, { u"max_order_quantity"_s, u"9"_s } },
               QJsonObject { { u"product"_s, u"DE.BASE"_s }, { u"max_order_quantity"_s, u"-1"_s } },
               QJsonObject { { u"product"_s, u"DE.BASE"_s }, { u"max_order_quantity"_s, 9 } },
               QJsonObject { { u"product"_s, u"DE.BASE"_s }, { u"max_orders"_s, u"9"_s } },
               QJsonObject { { u"max_order_quantity"_s, u"9"_s } } }) {
            const Reply answer = limits(bad);
            QCOMPARE(answer.status, 400);
            QCOMPARE(answer.errorCode(), u"invalid_request"_s);
        }
        QVERIFY(limits({ { u"product"_s, u"DE.BSE"_s }, { u"max_order_quantity"_s, u"9"_s } })
                    .errorMessage()
                    .contains(u"DE.BSE"));
        QCOMPARE(m_server
                     ->request("PATCH", u"/api/v1/admin/limits/nobody"_s,
                               R"({"product":"DE.BASE"})", rita)
                     .errorCode(),
                 u"not_found"_s);
        const QJsonArray listed = m_server->request("GET", u"/api/v1/admin/limits/rex"_s, {}, rita)
                                      .json.value(u"limits")
                                      .toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed[0].toObject().value(u"max_order_quantity").toString(), u"2"_s);

        // null removes a limit.
        const qint64 limited = m_server->configVersion();
        set = limits({ { u"product"_s, u"DE.BASE"_s }, { u"max_order_quantity"_s, QJsonValue() } });
        QCOMPARE(set.status, 200);
        QVERIFY(set.json.value(u"max_order_quantity").isNull());
        QVERIFY(m_server->configVersion() > limited);
        const Reply unlimited = place(limit(u"rx2"_s, power, "buy", u"3"_s, u"50.00"_s), rex);
        QVERIFY2(unlimited.status == 201, unlimited.raw.constData());

        // Credit lines: only for a counterparty someone trades for; listed with its users.
        Reply line
            = m_server->requestJson("PUT", u"/api/v1/admin/credit/Nobody"_s,
                                    { { u"currency"_s, u"EUR"_s }, { u"limit"_s, u"5"_s } }, rita);
        QCOMPARE(line.errorCode(), u"not_found"_s);
        line
            = m_server->requestJson("PUT", u"/api/v1/admin/credit/Nobody"_s,
                                    { { u"currency"_s, u"euro"_s }, { u"limit"_s, u"5"_s } }, rita);
        QCOMPARE(line.errorCode(), u"invalid_request"_s);
        QCOMPARE(m_server
                     ->runAdmin({ u"user"_s, u"add"_s, u"rex"_s, u"--role"_s, u"trader"_s,
                                  u"--password-stdin"_s, u"--counterparty"_s, u"Rexco"_s,
                                  u"--update"_s },
                                "rex's long passphrase\n")
                     .exitCode,
                 0);
        line = m_server->requestJson("PUT", u"/api/v1/admin/credit/Rexco"_s,
                                     { { u"currency"_s, u"EUR"_s }, { u"limit"_s, u"750000"_s } },
                                     rita);
        QCOMPARE(line.status, 200);
        QCOMPARE(line.json.value(u"limit").toString(), u"750000"_s);
        const QJsonArray lines = m_server->request("GET", u"/api/v1/admin/credit"_s, {}, rita)
                                     .json.value(u"lines")
                                     .toArray();
        const auto rexco = std::find_if(lines.begin(), lines.end(), [](const QJsonValue &value) {
            return value.toObject().value(u"counterparty").toString() == u"Rexco"_s;
        });
        QVERIFY(rexco != lines.end());
        QCOMPARE(rexco->toObject().value(u"users").toArray(), QJsonArray({ u"rex"_s }));

        // The command line's changes are audited the same way.
        QCOMPARE(m_server
                     ->runAdmin({ u"limits"_s, u"set"_s, u"rex"_s, u"--product"_s, u"TTF"_s,
                                  u"--max-position"_s, u"40"_s })
                     .exitCode,
                 0);
        QCOMPARE(m_server
                     ->runAdmin({ u"limits"_s, u"set"_s, u"rex"_s, u"--product"_s, u"TTFX"_s,
                                  u"--max-position"_s, u"40"_s })
                     .exitCode,
                 1);
        QStringList audited;
        const QJsonArray entries
            = m_server->request("GET", u"/api/v1/admin/audit?limit=1000"_s, {}, rita)
                  .json.value(u"entries")
                  .toArray();
        for (const QJsonValue &entry : entries) {
            const QJsonObject object = entry.toObject();
            if (object.value(u"target").toString() == u"rex"_s
                || object.value(u"target").toString() == u"Rexco"_s)
                audited.append(object.value(u"action").toString() + u' '
                               + object.value(u"actor").toString());
        }
        QCOMPARE(audited.count(u"limits_set rita"_s), 2);
        QCOMPARE(audited.count(u"credit_line_set rita"_s), 1);
        QCOMPARE(audited.count(u"limits_set cli"_s), 1);
    }

    void selfTradePreventionFollowsTheAccountsSetting()
    {
        const QString gas = symbol("TTF.M.", 5);
        // Alice keeps the default, cancel newest: her crossing order is the one cancelled.
        const Reply resting = place(limit(u"st-a1"_s, gas, "sell", u"5"_s, u"33.000"_s), m_alice);
        Reply crossing = place(limit(u"st-a2"_s, gas, "buy", u"5"_s, u"33.000"_s), m_alice);
        QCOMPARE(crossing.json.value(u"status").toString(), u"cancelled"_s);
        QCOMPARE(crossing.json.value(u"reason").toString(), u"self_trade"_s);
        QCOMPARE(order(resting.json.value(u"id").toString(), m_alice).value(u"status").toString(),
                 u"open"_s);

        // Dave chooses cancel oldest: his resting order goes, the new one stands.
        QCOMPARE(m_server
                     ->runAdmin({ u"user"_s, u"add"_s, u"dave"_s, u"--role"_s, u"trader"_s,
                                  u"--password-stdin"_s, u"--self-trade"_s, u"cancel-oldest"_s },
                                "dave's long passphrase\n")
                     .exitCode,
                 0);
        const QString dave = m_server->login(u"dave"_s, u"dave's long passphrase"_s)
                                 .json.value(u"access_token")
                                 .toString();
        const QString crude = symbol("BRENT.M.");
        const Reply old = place(limit(u"st-d1"_s, crude, "sell", u"1000"_s, u"77.00"_s), dave);
        crossing = place(limit(u"st-d2"_s, crude, "buy", u"1000"_s, u"77.00"_s), dave);
        QCOMPARE(crossing.json.value(u"status").toString(), u"open"_s);
        const QJsonObject oldNow = order(old.json.value(u"id").toString(), dave);
        QCOMPARE(oldNow.value(u"status").toString(), u"cancelled"_s);
        QCOMPARE(oldNow.value(u"reason").toString(), u"self_trade"_s);
        QCOMPARE(m_server
                     ->runAdmin({ u"user"_s, u"add"_s, u"erin"_s, u"--role"_s, u"trader"_s,
                                  u"--password-stdin"_s, u"--self-trade"_s, u"never"_s },
                                "erin's long passphrase\n")
                     .exitCode,
                 2);
    }

    void cancelAllTakesEveryLiveOrder()
    {
        const QString gas = symbol("TTF.M.", 1);
        place(limit(u"x1"_s, gas, "buy", u"5"_s, u"30.000"_s), m_bob);
        place(limit(u"x2"_s, gas, "sell", u"5"_s, u"31.000"_s), m_bob);
        const Reply cancelled = m_server->request("DELETE", u"/api/v1/orders"_s, {}, m_bob);
        QCOMPARE(cancelled.status, 200);
        QVERIFY(cancelled.json.value(u"cancelled").toArray().size() >= 2);
        for (const QJsonValue &value : m_server->request("GET", u"/api/v1/orders"_s, {}, m_bob)
                                           .json.value(u"orders")
                                           .toArray()) {
            const QString status = value.toObject().value(u"status").toString();
            QVERIFY2(status != u"open" && status != u"partially_filled", qPrintable(status));
        }
        QVERIFY(book(gas).value(u"bids").toArray().isEmpty());
    }

    void candlesFromTrades()
    {
        const QString power = symbol("DE.BASE.M.");
        const Reply candles = m_server->request(
            "GET", u"/api/v1/markets/"_s + power + u"/candles?interval=1m"_s, {}, m_alice);
        QCOMPARE(candles.status, 200);
        const QJsonArray list = candles.json.value(u"candles").toArray();
        QVERIFY(!list.isEmpty());
        qint64 trades = 0;
        for (const QJsonValue &candle : list)
            trades += candle.toObject().value(u"trades").toInteger();
        QCOMPARE(trades, qint64(2)); // 42.50 and 45.00
        QCOMPARE(m_server
                     ->request("GET", u"/api/v1/markets/"_s + power + u"/candles?interval=2m"_s, {},
                               m_alice)
                     .status,
                 400);
        QCOMPARE(m_server->request("GET", u"/api/v1/markets/XX/book"_s, {}, m_alice).errorCode(),
                 u"unknown_symbol"_s);
        QCOMPARE(
            m_server
                ->request("GET", u"/api/v1/markets/"_s + power + u"/book?depth=0"_s, {}, m_alice)
                .status,
            400);
    }

    void goodTillDateOrdersExpire()
    {
        const QString gas = symbol("TTF.M.", 2);
        QJsonObject gtd = limit(u"g1"_s, gas, "buy", u"5"_s, u"30.000"_s);
        gtd[u"time_in_force"_s] = u"gtd"_s;
        gtd[u"expires_at"_s]
            = qx::core::protocol::toWireTime(QDateTime::currentDateTimeUtc().addMSecs(1500));
        const Reply placed = place(gtd, m_alice);
        QCOMPARE(placed.status, 201);
        QTRY_COMPARE_WITH_TIMEOUT(
            order(placed.json.value(u"id").toString(), m_alice).value(u"status").toString(),
            u"expired"_s, 6000);
        gtd[u"client_order_id"_s] = u"g2"_s;
        gtd[u"expires_at"_s]
            = qx::core::protocol::toWireTime(QDateTime::currentDateTimeUtc().addSecs(-1));
        QCOMPARE(place(gtd, m_alice).errorCode(), u"invalid_expiry"_s);
    }

    void marketChannelsAndOrderEntryOverTheSocket()
    {
        const QString gas = symbol("TTF.M.", 3);
        QList<QJsonObject> inbox;
        auto stream = m_server->openStream(
            inbox, m_alice,
            { u"orders"_s, u"book:"_s + gas, u"ticker:"_s + gas, u"candles:"_s + gas + u":1m"_s });
        QTRY_VERIFY(inbox.size() >= 4); // auth.ok, subscribed, book and ticker snapshots
        QCOMPARE(inbox[1].value(u"type").toString(), u"subscribed"_s);
        QCOMPARE(inbox[2].value(u"type").toString(), u"book"_s);
        QCOMPARE(inbox[3].value(u"type").toString(), u"ticker"_s);
        const auto last = [&inbox](const QString &type) {
            for (auto it = inbox.rbegin(); it != inbox.rend(); ++it) {
                if (it->value(u"type").toString() == type)
                    return *it;
            }
            return QJsonObject();
        };

        const QJsonObject entry = limit(u"ws1"_s, gas, "buy", u"7"_s, u"29.500"_s);
        stream->sendTextMessage(QString::fromUtf8(
            QJsonDocument(QJsonObject { { u"type"_s, u"order.new"_s }, { u"order"_s, entry } })
                .toJson(QJsonDocument::Compact)));
        QTRY_VERIFY(!last(u"order.ack"_s).isEmpty());
        const QJsonObject ack = last(u"order.ack"_s);
        QCOMPARE(ack.value(u"client_order_id").toString(), u"ws1"_s);
        const QString id = ack.value(u"order"_s).toObject().value(u"id").toString();
        QTRY_COMPARE(last(u"book"_s).value(u"book").toObject().value(u"bids").toArray().size(), 1);

        QJsonObject offTick = limit(u"ws2"_s, gas, "buy", u"1"_s, u"29.501"_s);
        stream->sendTextMessage(QString::fromUtf8(
            QJsonDocument(QJsonObject { { u"type"_s, u"order.new"_s }, { u"order"_s, offTick } })
                .toJson(QJsonDocument::Compact)));
        QTRY_VERIFY(!last(u"order.reject"_s).isEmpty());
        QCOMPARE(last(u"order.reject"_s).value(u"client_order_id").toString(), u"ws2"_s);
        QCOMPARE(last(u"order.reject"_s).value(u"error").toObject().value(u"code").toString(),
                 u"price_off_tick"_s);

        // A trade moves the ticker and the candle.
        place(limit(u"ws3"_s, gas, "sell", u"2"_s, u"29.500"_s), m_bob);
        QTRY_COMPARE(last(u"ticker"_s).value(u"ticker").toObject().value(u"last").toString(),
                     u"29.5"_s);
        QTRY_COMPARE(last(u"candle"_s).value(u"candle").toObject().value(u"volume").toString(),
                     u"2"_s);

        stream->sendTextMessage(QString::fromUtf8(
            QJsonDocument(QJsonObject { { u"type"_s, u"order.cancel"_s }, { u"order_id"_s, id } })
                .toJson(QJsonDocument::Compact)));
        QTRY_COMPARE(last(u"order.ack"_s).value(u"order").toObject().value(u"status").toString(),
                     u"cancelled"_s);
        QTRY_VERIFY(last(u"book"_s).value(u"book").toObject().value(u"bids").toArray().isEmpty());

        stream->sendTextMessage(QString::fromUtf8(
            qx::core::protocol::StreamMessage::subscribe({ u"book:NOPE"_s }).serialize()));
        QTRY_COMPARE(last(u"error"_s).value(u"error").toObject().value(u"code").toString(),
                     u"unknown_channel"_s);
    }

    // Time and sales: anyone may watch a market's trades, without orders or users, the latest
    // at once on subscribe and each new one as it happens; unsubscribing stops them.
    void timeAndSalesAndUnsubscribe()
    {
        const QString oil = symbol("BRENT.M.", 1);
        QVERIFY(place(limit(u"ts1"_s, oil, "sell", u"3000"_s, u"80.00"_s), m_bob).status == 201);
        QVERIFY(place(limit(u"ts2"_s, oil, "buy", u"1000"_s, u"80.00"_s), m_alice).status == 201);
        QList<QJsonObject> inbox;
        auto stream = m_server->openStream(inbox, m_alice, { u"trades:"_s + oil });
        QTRY_VERIFY(inbox.size() >= 3); // auth.ok, subscribed, the latest trades
        const QJsonObject latest = inbox[2];
        QCOMPARE(latest.value(u"type").toString(), u"market.trades"_s);
        QCOMPARE(latest.value(u"symbol").toString(), oil);
        QCOMPARE(latest.value(u"trades").toArray().size(), 1);
        const QJsonObject first = latest.value(u"trades").toArray().first().toObject();
        QCOMPARE(first.value(u"price").toString(), u"80"_s);
        QCOMPARE(first.value(u"quantity").toString(), u"1000"_s);
        QCOMPARE(first.value(u"aggressor").toString(), u"buy"_s); // alice lifted bob's offer
        // Nobody's orders or names travel with a public trade.
        QCOMPARE(first.keys(),
                 (QStringList { u"aggressor"_s, u"id"_s, u"price"_s, u"quantity"_s, u"symbol"_s,
                                u"time"_s }));

        QVERIFY(place(limit(u"ts3"_s, oil, "buy", u"2000"_s, u"80.00"_s), m_alice).status == 201);
        QTRY_COMPARE(inbox.last().value(u"type").toString(), u"market.trade"_s);
        QCOMPARE(inbox.last().value(u"trade").toObject().value(u"quantity").toString(), u"2000"_s);
        const QString newest = inbox.last().value(u"trade").toObject().value(u"id").toString();
        QVERIFY(newest.toLongLong() > first.value(u"id").toString().toLongLong());

        stream->sendTextMessage(QString::fromUtf8(
            qx::core::protocol::StreamMessage::unsubscribe({ u"trades:"_s + oil }).serialize()));
        QTRY_COMPARE(inbox.last().value(u"type").toString(), u"unsubscribed"_s);
        const qsizetype seen = inbox.size();
        QVERIFY(place(limit(u"ts4"_s, oil, "sell", u"1000"_s, u"81.00"_s), m_bob).status == 201);
        QVERIFY(place(limit(u"ts5"_s, oil, "buy", u"1000"_s, u"81.00"_s), m_alice).status == 201);
        // The same stream still answers (a ping round trip), but brought no trade.
        stream->sendTextMessage(QString::fromUtf8(
            qx::core::protocol::StreamMessage::subscribe({ u"ticker:"_s + oil }).serialize()));
        QTRY_COMPARE(inbox.last().value(u"type").toString(), u"ticker"_s);
        for (qsizetype i = seen; i < inbox.size(); ++i)
            QVERIFY(inbox[i].value(u"type").toString() != u"market.trade"_s);

        // A bad name refuses the whole request. (Ticker updates may still come after it.)
        const qsizetype before = inbox.size();
        stream->sendTextMessage(QString::fromUtf8(
            qx::core::protocol::StreamMessage::unsubscribe({ u"trades:NOPE"_s }).serialize()));
        QTRY_VERIFY(std::any_of(inbox.cbegin() + before, inbox.cend(), [](const QJsonObject &m) {
            return m.value(u"error").toObject().value(u"code").toString() == u"unknown_channel";
        }));
    }

    void booksComeBackIdenticalAfterRestartAndKill9()
    {
        const QString gas = symbol("TTF.M.");
        QJsonObject iceberg = limit(u"r1"_s, gas, "sell", u"10"_s, u"32.000"_s);
        iceberg[u"display_quantity"_s] = u"3"_s;
        place(iceberg, m_bob);
        place(limit(u"r2"_s, gas, "sell", u"4"_s, u"32.000"_s), m_bob);
        place(limit(u"r3"_s, gas, "buy", u"4"_s, u"32.000"_s), m_alice); // clip refilled behind r2
        place(limit(u"r4"_s, gas, "buy", u"6"_s, u"31.500"_s), m_alice);
        const QJsonObject before = book(gas);
        // The admin's view of the whole book: one hash over every order in queue order.
        const auto hashOf = [&](const QString &symbol) {
            const QString admin
                = m_server->addUser(u"root"_s, u"root's long passphrase"_s, u"admin"_s);
            return m_server
                ->request("GET", u"/api/v1/admin/books/"_s + symbol + u"/hash"_s, {}, admin)
                .json;
        };
        const QJsonObject fingerprint = hashOf(gas);
        QCOMPARE(fingerprint.value(u"hash").toString().size(), 16);
        QCOMPARE(fingerprint.value(u"orders").toInt(), 3); // r1's rest, r2's rest, r4
        const Reply notAdmin
            = m_server->request("GET", u"/api/v1/admin/books/"_s + gas + u"/hash"_s, {}, m_alice);
        QCOMPARE(notAdmin.status, 403);
        QCOMPARE(notAdmin.errorCode(), u"forbidden"_s);

        m_server->stop();
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        m_alice = m_server->aliceToken();
        m_bob = m_server->login(u"bob"_s, u"bob's long passphrase"_s)
                    .json.value(u"access_token")
                    .toString();
        QJsonObject after = book(gas);
        QCOMPARE(after, before);
        QCOMPARE(hashOf(gas), fingerprint); // same orders, same queue, same sequence
        // The day's volume survives too: the ticker is rebuilt from the stored trades.
        QList<QJsonObject> inbox;
        auto stream = m_server->openStream(inbox, m_alice, { u"ticker:"_s + gas });
        QTRY_VERIFY(inbox.size() >= 3);
        QCOMPARE(inbox[2].value(u"ticker").toObject().value(u"volume").toString(), u"4"_s);

        // Same queue: r2 (3 left) trades before the iceberg's refilled clip.
        const Reply taker = place(limit(u"r5"_s, gas, "buy", u"5"_s, u"32.000"_s), m_alice);
        QCOMPARE(taker.json.value(u"filled_quantity").toString(), u"5"_s);
        const QJsonArray trades = m_server->request("GET", u"/api/v1/trades"_s, {}, m_bob)
                                      .json.value(u"trades")
                                      .toArray();
        QStringList makers;
        for (const QJsonValue &trade : trades)
            makers.append(trade.toObject().value(u"client_order_id").toString());
        QCOMPARE(makers.mid(0, 2), (QStringList { u"r1"_s, u"r2"_s })); // newest first

        // Fills acknowledged right before a kill -9 are all there afterwards.
        place(limit(u"k1"_s, gas, "buy", u"3"_s, u"32.000"_s), m_alice);
        const auto tradeIds = [this] {
            QStringList ids;
            for (const QJsonValue &trade :
                 m_server->request("GET", u"/api/v1/trades"_s, {}, m_alice)
                     .json.value(u"trades")
                     .toArray()) {
                ids.append(trade.toObject().value(u"id").toString());
            }
            return ids;
        };
        const QStringList tradesBeforeKill = tradeIds();
        const QJsonObject beforeKill = book(gas);
        const QJsonObject hashBeforeKill = hashOf(gas);
        m_server->kill();
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        m_alice = m_server->aliceToken();
        QCOMPARE(book(gas), beforeKill);
        QCOMPARE(hashOf(gas), hashBeforeKill);
        QCOMPARE(tradeIds(), tradesBeforeKill);
    }
};

QTEST_GUILESS_MAIN(tst_Trading)
#include "tst_trading.moc"
