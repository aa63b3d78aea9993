// The simulated market a trader meets in the bundled server: a day of history behind it,
// every listed instrument has a two-sided book about ten deep that is never crossed, prices
// in the commodity's range, trades happen, and a trader's order that crosses the quotes is
// filled by them.
#include "testapi.h"

#include "core/decimal.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using qx::test::TestServer;

class tst_Simulation : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_server;

    QJsonObject book(const QString &symbol)
    {
        return m_server
            ->request("GET", u"/api/v1/markets/"_s + symbol + u"/book?depth=20"_s, {},
                      m_server->aliceToken())
            .json;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(
            m_dir.filePath(u"data"_s),
            QStringList { u"--simulate"_s, u"--simulate-seed"_s, u"7"_s });
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
    }

    void everyInstrumentHasATwoSidedUncrossedBook()
    {
        const QList<qx::core::Instrument> instruments = m_server->tradableInstruments();
        QVERIFY(instruments.size() > 30);
        for (const qx::core::Instrument &instrument : instruments) {
            const QString symbol = instrument.symbol;
            const QJsonObject snapshot = book(symbol);
            const QJsonArray bids = snapshot.value(u"bids").toArray();
            const QJsonArray asks = snapshot.value(u"asks").toArray();
            QVERIFY2(!bids.isEmpty() && !asks.isEmpty(), qPrintable(symbol));
            const double bid = bids[0].toObject().value(u"price").toString().toDouble();
            const double ask = asks[0].toObject().value(u"price").toString().toDouble();
            QVERIFY2(bid < ask, qPrintable(symbol));
            // A book about ten levels deep a side, as a venue's screen shows, in price order.
            QVERIFY2(bids.size() >= 7 && asks.size() >= 7,
                     qPrintable(symbol + u' ' + QString::number(bids.size()) + u'/'
                                + QString::number(asks.size())));
            QVERIFY2(bids.size() <= 12 && asks.size() <= 12, qPrintable(symbol));
            for (qsizetype i = 1; i < bids.size(); ++i) {
                QVERIFY(bids[i].toObject().value(u"price").toString().toDouble()
                        < bids[i - 1].toObject().value(u"price").toString().toDouble());
            }
            // Each commodity in its own range (EUR/MWh, USD/MMBtu, USD/bbl, EUR/t).
            const double low = symbol.startsWith(u"HH.") ? 1 : 20;
            const double high = symbol.startsWith(u"HH.") ? 10 : 200;
            QVERIFY2(bid > low && ask < high, qPrintable(symbol));
        }
    }

    // A chart opened on a fresh server shows a day, not a candle: the history is there, and
    // the candles of every interval tell the same story.
    void aFreshMarketHasADayOfHistory()
    {
        QString front;
        for (const qx::core::Instrument &instrument : m_server->tradableInstruments()) {
            if (instrument.symbol.startsWith(u"DE.BASE.M.")) {
                front = instrument.symbol;
                break;
            }
        }
        QVERIFY(!front.isEmpty());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto candles = [&](const QString &interval, const QDateTime &from) {
            return m_server
                ->request("GET",
                          u"/api/v1/markets/"_s + front + u"/candles?interval="_s + interval
                              + u"&from="_s + from.toString(Qt::ISODateWithMs),
                          {}, m_server->aliceToken())
                .json.value(u"candles")
                .toArray();
        };
        const QJsonArray hours = candles(u"1h"_s, now.addDays(-1).addSecs(-3600));
        QVERIFY2(hours.size() >= 20, qPrintable(QString::number(hours.size())));
        QVERIFY(QDateTime::fromString(hours.first().toObject().value(u"start").toString(),
                                      Qt::ISODateWithMs)
                <= now.addSecs(-22 * 3600));
        for (const QJsonValue &value : hours) {
            const QJsonObject candle = value.toObject();
            const auto price = [&candle](const char *field) {
                return qx::core::Price::parse(candle.value(QLatin1StringView(field)).toString())
                    .value();
            };
            QVERIFY(price("low") <= price("open") && price("open") <= price("high"));
            QVERIFY(price("low") <= price("close") && price("close") <= price("high"));
            QVERIFY(QDateTime::fromString(candle.value(u"start").toString(), Qt::ISODateWithMs)
                    <= now);
        }
        // An hour two hours back, minute by minute: the same trades and volume.
        const QJsonObject hour = hours[hours.size() - 3].toObject();
        const QDateTime hourStart
            = QDateTime::fromString(hour.value(u"start").toString(), Qt::ISODateWithMs);
        qx::core::Quantity volume;
        qint64 trades = 0;
        for (const QJsonValue &value : candles(u"1m"_s, hourStart)) {
            const QJsonObject minute = value.toObject();
            if (QDateTime::fromString(minute.value(u"start").toString(), Qt::ISODateWithMs)
                >= hourStart.addSecs(3600))
                break;
            volume
                = volume.plus(qx::core::Quantity::parse(minute.value(u"volume").toString()).value())
                      .value();
            trades += minute.value(u"trades").toInteger();
        }
        QVERIFY(trades > 10); // the front month trades most minutes
        QCOMPARE(trades, hour.value(u"trades").toInteger());
        QCOMPARE(volume.toString(),
                 qx::core::Quantity::parse(hour.value(u"volume").toString()).value().toString());

        // A restart adds no second history.
        const QJsonArray before = candles(u"1h"_s, now.addDays(-1).addSecs(-3600));
        m_server->stop();
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        const QJsonArray after = candles(u"1h"_s, now.addDays(-1).addSecs(-3600));
        QCOMPARE(after.first(), before.first());
        QCOMPARE(after[after.size() - 3], before[before.size() - 3]);
        // ... and the market maker quotes again (its orders are not taken for the last run's).
        QTRY_VERIFY_WITH_TIMEOUT(book(front).value(u"bids").toArray().size() >= 7, 10'000);
    }

    void hoursCloseAtGateClosureAndTheNextDayIsListed()
    {
        // German intraday: every hour of today still open and all of tomorrow's, each with a
        // two-sided book; those past their gate closure take no orders and have none resting.
        const QList<qx::core::Instrument> tradable = m_server->tradableInstruments();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        int hours = 0;
        for (const qx::core::Instrument &instrument : tradable) {
            if (instrument.delivery.kind == qx::core::DeliveryPeriod::Kind::Hour) {
                ++hours;
                QVERIFY(instrument.tradingEnd > now);
            }
        }
        QVERIFY2(hours >= 20, qPrintable(QString::number(hours))); // tomorrow's, near enough

        const QJsonArray listed = m_server
                                      ->request("GET", u"/api/v1/instruments?expired=true"_s, {},
                                                m_server->aliceToken())
                                      .json.value(u"instruments")
                                      .toArray();
        QString closed;
        for (const QJsonValue &value : listed) {
            const QString end = value.toObject().value(u"trading_end").toString();
            if (!end.isEmpty() && QDateTime::fromString(end, Qt::ISODateWithMs) <= now) {
                closed = value.toObject().value(u"symbol").toString();
                break;
            }
        }
        if (closed.isEmpty())
            QSKIP("just after midnight UTC nothing has closed yet today");
        QVERIFY(book(closed).value(u"bids").toArray().isEmpty());
        QVERIFY(book(closed).value(u"asks").toArray().isEmpty());
        const auto refused = m_server->requestJson("POST", u"/api/v1/orders"_s,
                                                   { { u"client_order_id"_s, u"late-1"_s },
                                                     { u"symbol"_s, closed },
                                                     { u"side"_s, u"buy"_s },
                                                     { u"type"_s, u"limit"_s },
                                                     { u"quantity"_s, u"1"_s },
                                                     { u"price"_s, u"80.00"_s } },
                                                   m_server->aliceToken());
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.errorCode(), u"instrument_expired"_s);
        QVERIFY2(refused.errorMessage().contains(u"gate closure"),
                 qPrintable(refused.errorMessage()));
    }

    void theMarketTradesAndFillsATradersOrder()
    {
        // The taker trades now and then: within a few seconds some instrument has a last price.
        QTRY_VERIFY_WITH_TIMEOUT(
            [this] {
                for (const qx::core::Instrument &instrument : m_server->tradableInstruments()) {
                    const QString &symbol = instrument.symbol;
                    if (!m_server
                             ->request("GET",
                                       u"/api/v1/markets/"_s + symbol + u"/candles?interval=1h"_s,
                                       {}, m_server->aliceToken())
                             .json.value(u"candles")
                             .toArray()
                             .isEmpty()) {
                        return true;
                    }
                }
                return false;
            }(),
            15'000);

        // A trader buying at the best ask is filled by the market maker.
        const QString symbol = m_server->tradableInstruments().first().symbol;
        const QJsonObject bestAsk = book(symbol).value(u"asks").toArray()[0].toObject();
        // Above the ask by a margin, in case the maker requotes first.
        const QString price
            = QString::number(bestAsk.value(u"price").toString().toDouble() + 2.0, 'f', 2);
        const auto placed = m_server->requestJson("POST", u"/api/v1/orders"_s,
                                                  { { u"client_order_id"_s, u"lift-1"_s },
                                                    { u"symbol"_s, symbol },
                                                    { u"side"_s, u"buy"_s },
                                                    { u"type"_s, u"limit"_s },
                                                    { u"time_in_force"_s, u"ioc"_s },
                                                    { u"quantity"_s, u"1"_s },
                                                    { u"price"_s, price } },
                                                  m_server->aliceToken());
        QCOMPARE(placed.status, 201);
        QCOMPARE(placed.json.value(u"status").toString(), u"filled"_s);
    }
};

QTEST_GUILESS_MAIN(tst_Simulation)
#include "tst_simulation.moc"
