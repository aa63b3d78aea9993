// Deals on a real quantenergx-server: bilateral trades booked over REST and the command line
// count in positions and P&L exactly like the book's fills (first in, first out), cancelling
// one leaves the position as if it had never been booked, bad deals change nothing, every
// booking and cancel is in the audit log, deals reach the stream's "deals" channel, and an
// acknowledged deal survives kill -9.
#include "core/decimal.h"
#include "testapi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using qx::core::Decimal;
using qx::test::Reply;
using qx::test::TestServer;

namespace {

const auto limit = qx::test::limitOrder;

Decimal decimal(const QJsonValue &value)
{
    return Decimal::parse(value.toString()).value_or(Decimal());
}

} // namespace

class tst_Deals : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_server;
    QString m_alice;
    QString m_bob;
    QString m_admin;
    QStringList m_months; ///< DE.BASE.M symbols, one per test
    int m_nextOrder = 0;

    QJsonObject deal(const QString &symbol, const char *side, const QString &quantity,
                     const QString &price, const QString &counterparty = u"Nordlicht Trading A/S"_s)
    {
        return { { u"symbol"_s, symbol },
                 { u"side"_s, QString::fromLatin1(side) },
                 { u"quantity"_s, quantity },
                 { u"price"_s, price },
                 { u"counterparty"_s, counterparty },
                 { u"broker"_s, u"Spectron"_s },
                 { u"trade_date"_s, QDate::currentDate().addDays(-1).toString(Qt::ISODate) },
                 { u"external_id"_s, u"SPX-%1"_s.arg(++m_nextOrder) } };
    }
    Reply book(const QJsonObject &terms, const QString &token)
    {
        return m_server->requestJson("POST", u"/api/v1/deals"_s, terms, token);
    }
    Reply cancel(const QString &id, const QString &token)
    {
        return m_server->requestJson("POST", u"/api/v1/deals/"_s + id + u"/cancel"_s,
                                     { { u"reason"_s, u"booked twice"_s } }, token);
    }
    // Alice's and bob's orders cross at `price`: alice `side`s `quantity` on the book.
    void trade(const QString &symbol, const char *side, const QString &quantity,
               const QString &price)
    {
        const bool buys = qstrcmp(side, "buy") == 0;
        const QString n = QString::number(++m_nextOrder);
        QCOMPARE(m_server
                     ->requestJson(
                         "POST", u"/api/v1/orders"_s,
                         limit(u"b"_s + n, symbol, buys ? "sell" : "buy", quantity, price), m_bob)
                     .status,
                 201);
        const Reply taken = m_server->requestJson(
            "POST", u"/api/v1/orders"_s, limit(u"a"_s + n, symbol, side, quantity, price), m_alice);
        QCOMPARE(taken.status, 201);
        QCOMPARE(taken.json.value(u"status").toString(), u"filled"_s);
    }
    QJsonObject position(const QString &symbol, const QString &token)
    {
        return m_server->position(symbol, token);
    }
    // Delivered hours of a month contract: energy / quantity of a position in it.
    Decimal hoursOf(const QJsonObject &position)
    {
        return decimal(position.value(u"energy"))
            .dividedBy(decimal(position.value(u"quantity")))
            .value_or(Decimal());
    }
    QJsonArray deals(const QString &token, const QString &query = {})
    {
        return m_server->request("GET", u"/api/v1/deals"_s + query, {}, token)
            .json.value(u"deals")
            .toArray();
    }
    QList<QJsonObject> auditEntries(const QString &action)
    {
        QList<QJsonObject> found;
        for (const QJsonValue &entry :
             m_server->request("GET", u"/api/v1/admin/audit?limit=1000"_s, {}, m_admin)
                 .json.value(u"entries")
                 .toArray()) {
            if (entry.toObject().value(u"action").toString() == action)
                found.append(entry.toObject());
        }
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<TestServer>(m_dir.filePath(u"data"_s));
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        m_alice = m_server->aliceToken();
        m_bob = m_server->addTrader(u"bob"_s, u"bob's long passphrase"_s);
        m_admin = m_server->addUser(u"root"_s, u"root's long passphrase"_s, u"admin"_s);
        QVERIFY(!m_bob.isEmpty() && !m_admin.isEmpty());
        for (const qx::core::Instrument &instrument : m_server->tradableInstruments()) {
            if (instrument.symbol.startsWith(u"DE.BASE.M."))
                m_months.append(instrument.symbol);
        }
        QVERIFY(m_months.size() >= 6);
    }

    void aDealCountsInThePositionLikeAFill()
    {
        const QString month = m_months.takeFirst();
        QList<QJsonObject> inbox;
        auto stream = m_server->openStream(inbox, m_alice, { u"deals"_s });
        QTRY_COMPARE(inbox.size(), 2); // authenticated, subscribed

        const Reply booked = book(deal(month, "buy", u"10"_s, u"40"_s), m_alice);
        QCOMPARE(booked.status, 201);
        QCOMPARE(booked.json.value(u"status").toString(), u"live"_s);
        QCOMPARE(booked.json.value(u"username").toString(), u"alice"_s);
        QCOMPARE(booked.json.value(u"booked_by").toString(), u"alice"_s);
        QCOMPARE(booked.json.value(u"counterparty").toString(), u"Nordlicht Trading A/S"_s);
        QTRY_COMPARE(inbox.size(), 3);
        QCOMPARE(inbox.last().value(u"type").toString(), u"deal.booked"_s);
        QCOMPARE(inbox.last().value(u"deal").toObject().value(u"id"), booked.json.value(u"id"));

        QJsonObject held = position(month, m_alice);
        QCOMPARE(held.value(u"quantity").toString(), u"10"_s);
        QCOMPARE(held.value(u"average_price").toString(), u"40"_s);
        const Decimal hours = hoursOf(held);
        QVERIFY(hours.isPositive());

        // Selling 4 on the book at 45 closes 4 of the deal's lot: 5 × 4 × hours realised.
        trade(month, "sell", u"4"_s, u"45"_s);
        held = position(month, m_alice);
        QCOMPARE(held.value(u"quantity").toString(), u"6"_s);
        QCOMPARE(held.value(u"average_price").toString(), u"40"_s);
        QCOMPARE(decimal(held.value(u"realised_pnl")),
                 Decimal::fromUnits(20 * Decimal::kOne).times(hours).value());
        // The market's candles know nothing of it: their volume is the book's trade alone.
        const QJsonArray candles
            = m_server
                  ->request("GET", u"/api/v1/markets/"_s + month + u"/candles?interval=1d"_s, {},
                            m_alice)
                  .json.value(u"candles")
                  .toArray();
        QCOMPARE(candles.size(), 1);
        QCOMPARE(candles[0].toObject().value(u"volume").toString(), u"4"_s);
    }

    void cancellingADealLeavesThePositionAsIfItWasNeverBooked()
    {
        const QString month = m_months.takeFirst();
        // Alice buys 5 at 50 on the book, books a deal buying 10 at 40, sells 5 at 55 on the
        // book: first in, first out, the sale closes the book's 5 at 50 (25 × hours).
        trade(month, "buy", u"5"_s, u"50"_s);
        const Reply booked = book(deal(month, "buy", u"10"_s, u"40"_s), m_alice);
        QCOMPARE(booked.status, 201);
        trade(month, "sell", u"5"_s, u"55"_s);
        QJsonObject held = position(month, m_alice);
        QCOMPARE(held.value(u"quantity").toString(), u"10"_s);
        const Decimal hours = hoursOf(held);
        const Decimal realised = Decimal::fromUnits(25 * Decimal::kOne).times(hours).value();
        QCOMPARE(decimal(held.value(u"realised_pnl")), realised);

        const QString id = booked.json.value(u"id").toString();
        QCOMPARE(cancel(id, m_bob).errorCode(), u"not_found"_s); // not bob's
        const Reply cancelled = cancel(id, m_alice);
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(cancelled.json.value(u"status").toString(), u"cancelled"_s);
        QCOMPARE(cancelled.json.value(u"cancelled_by").toString(), u"alice"_s);
        QCOMPARE(cancelled.json.value(u"cancel_reason").toString(), u"booked twice"_s);
        // Flat, with the book's P&L only: not the 15 × 10 an offsetting sale at 40 would
        // have made of closing the deal's lot against the book's.
        QTRY_COMPARE(position(month, m_alice).value(u"quantity").toString(), u"0"_s);
        QCOMPARE(decimal(position(month, m_alice).value(u"realised_pnl")), realised);

        const Reply again = cancel(id, m_alice);
        QCOMPARE(again.status, 409);
        QCOMPARE(again.errorCode(), u"deal_cancelled"_s);
        // Listed as cancelled, never gone.
        const QJsonArray cancelledDeals = deals(m_alice, u"?status=cancelled"_s);
        QVERIFY(
            std::any_of(cancelledDeals.begin(), cancelledDeals.end(), [&](const QJsonValue &value) {
                return value.toObject().value(u"id").toString() == id;
            }));
        QCOMPARE(m_server->request("GET", u"/api/v1/deals/"_s + id, {}, m_alice)
                     .json.value(u"status")
                     .toString(),
                 u"cancelled"_s);
        QCOMPARE(m_server->request("GET", u"/api/v1/deals/"_s + id, {}, m_bob).status, 404);
    }

    void bookingsAndCancelsAreAudited()
    {
        const QList<QJsonObject> bookings = auditEntries(u"deal.book"_s);
        QVERIFY(bookings.size() >= 2);
        const QJsonObject detail
            = QJsonDocument::fromJson(bookings.first().value(u"detail").toString().toUtf8())
                  .object();
        QCOMPARE(bookings.first().value(u"actor").toString(), u"alice"_s);
        QVERIFY(bookings.first().value(u"target").toString().startsWith(u"deal:"));
        QCOMPARE(detail.value(u"user").toString(), u"alice"_s);
        QCOMPARE(detail.value(u"price").toString(), u"40"_s);
        const QList<QJsonObject> cancels = auditEntries(u"deal.cancel"_s);
        QCOMPARE(cancels.size(), 1);
        QCOMPARE(QJsonDocument::fromJson(cancels.first().value(u"detail").toString().toUtf8())
                     .object()
                     .value(u"reason")
                     .toString(),
                 u"booked twice"_s);
        QCOMPARE(m_server->request("GET", u"/api/v1/admin/audit/verify"_s, {}, m_admin)
                     .json.value(u"intact")
                     .toBool(),
                 true);
    }

    void badDealsAreRefusedAndChangeNothing_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown contract")
            << u"symbol"_s << QJsonValue(u"DE.BASE.M.1999-01"_s) << 422 << u"unknown_symbol"_s;
        QTest::newRow("zero quantity")
            << u"quantity"_s << QJsonValue(u"0"_s) << 400 << u"invalid_request"_s;
        QTest::newRow("quantity as a number")
            << u"quantity"_s << QJsonValue(5) << 400 << u"invalid_request"_s;
        QTest::newRow("traded tomorrow")
            << u"trade_date"_s << QJsonValue(QDate::currentDate().addDays(2).toString(Qt::ISODate))
            << 400 << u"invalid_request"_s;
        QTest::newRow("no such date")
            << u"trade_date"_s << QJsonValue(u"2026-02-30"_s) << 400 << u"invalid_request"_s;
        QTest::newRow("no counterparty")
            << u"counterparty"_s << QJsonValue(u""_s) << 400 << u"invalid_request"_s;
        QTest::newRow("a field nobody takes")
            << u"status"_s << QJsonValue(u"cancelled"_s) << 400 << u"invalid_request"_s;
    }
    void badDealsAreRefusedAndChangeNothing()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(int, status);
        QFETCH(QString, code);
        const QString month = m_months.first();
        const qsizetype before = deals(m_alice).size();
        QJsonObject terms = deal(month, "buy", u"7"_s, u"41"_s);
        terms.insert(field, value);
        const Reply refused = book(terms, m_alice);
        QCOMPARE(refused.status, status);
        QCOMPARE(refused.errorCode(), code);
        QVERIFY(!refused.errorMessage().isEmpty());
        QCOMPARE(deals(m_alice).size(), before);
        QVERIFY(position(month, m_alice).isEmpty());
    }

    void onlyThoseWhoMayBookDealsBookThem()
    {
        const QString viewer
            = m_server->addUser(u"vera"_s, u"vera's long passphrase"_s, u"viewer"_s);
        const Reply refused = book(deal(m_months.first(), "buy", u"1"_s, u"40"_s), viewer);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.errorCode(), u"forbidden"_s);
        QCOMPARE(m_server->request("GET", u"/api/v1/deals"_s, {}, viewer).status, 200);
        QCOMPARE(m_server->request("GET", u"/api/v1/deals"_s).status, 401);
    }

    void aDocumentIsBookedOnceAtATime()
    {
        const QString month = m_months.first();
        QJsonObject terms = deal(month, "sell", u"3"_s, u"39.5"_s);
        terms.insert(u"document_id"_s, u"doc-77"_s);
        const Reply first = book(terms, m_alice);
        QCOMPARE(first.status, 201);
        QCOMPARE(first.json.value(u"document_id").toString(), u"doc-77"_s);
        const Reply second = book(terms, m_alice);
        QCOMPARE(second.status, 409);
        QCOMPARE(second.errorCode(), u"document_booked"_s);
        QCOMPARE(position(month, m_alice).value(u"quantity").toString(), u"-3"_s);
        QCOMPARE(deals(m_alice, u"?document=doc-77"_s).size(), 1);
        // Once that deal is cancelled, the document can be booked again (corrected).
        QCOMPARE(cancel(first.json.value(u"id").toString(), m_alice).status, 200);
        QCOMPARE(book(terms, m_alice).status, 201);
        QCOMPARE(deals(m_alice, u"?document=doc-77"_s).size(), 2);
        QTRY_COMPARE(position(month, m_alice).value(u"quantity").toString(), u"-3"_s);
    }

    void theCommandLineBooksAndCancelsOnTheRunningServer()
    {
        const QString month = m_months.takeAt(1);
        const QString date = QDate::currentDate().toString(Qt::ISODate);
        const qx::test::CliResult booked = m_server->runAdmin(
            { u"deal"_s, u"book"_s, u"bob"_s, u"--symbol"_s, month, u"--side"_s, u"sell"_s,
              u"--quantity"_s, u"2.5"_s, u"--price"_s, u"-3.25"_s, u"--counterparty"_s,
              u"Alpha Energie GmbH"_s, u"--trade-date"_s, date });
        QVERIFY2(booked.exitCode == 0, qPrintable(booked.err));
        QTRY_COMPARE(position(month, m_bob).value(u"quantity").toString(), u"-2.5"_s);
        QCOMPARE(position(month, m_bob).value(u"average_price").toString(), u"-3.25"_s);

        const qx::test::CliResult listed
            = qx::test::runCli({ u"deal"_s, u"list"_s, u"--user"_s, u"bob"_s, u"--json"_s,
                                 u"--data-dir"_s, m_server->dataDir() });
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray bobs = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        QCOMPARE(bobs.size(), 1);
        const QJsonObject bobDeal = bobs[0].toObject();
        QCOMPARE(bobDeal.value(u"booked_by").toString(), u"cli"_s);
        QCOMPARE(bobDeal.value(u"counterparty").toString(), u"Alpha Energie GmbH"_s);

        const qx::test::CliResult bad = qx::test::runCli(
            { u"deal"_s, u"book"_s, u"bob"_s, u"--symbol"_s, month, u"--side"_s, u"short"_s,
              u"--quantity"_s, u"1"_s, u"--price"_s, u"1"_s, u"--counterparty"_s, u"X"_s,
              u"--trade-date"_s, date, u"--data-dir"_s, m_server->dataDir() });
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains(u"side"));

        const qx::test::CliResult cancelled
            = m_server->runAdmin({ u"deal"_s, u"cancel"_s, bobDeal.value(u"id").toString(),
                                   u"--reason"_s, u"wrong counterparty"_s });
        QVERIFY2(cancelled.exitCode == 0, qPrintable(cancelled.err));
        QTRY_VERIFY(position(month, m_bob).isEmpty()); // bob held nothing else there
        QCOMPARE(
            m_server
                ->request("GET", u"/api/v1/deals/"_s + bobDeal.value(u"id").toString(), {}, m_bob)
                .json.value(u"cancelled_by")
                .toString(),
            u"cli"_s);
    }

    void anAcknowledgedDealSurvivesKill9()
    {
        const QString month = m_months.takeLast();
        const Reply booked = book(deal(month, "buy", u"8"_s, u"42.25"_s), m_alice);
        QCOMPARE(booked.status, 201);
        m_server->kill();
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        m_alice = m_server->aliceToken();
        m_bob = m_server->login(u"bob"_s, u"bob's long passphrase"_s)
                    .json.value(u"access_token")
                    .toString();
        const QJsonObject held = position(month, m_alice);
        QCOMPARE(held.value(u"quantity").toString(), u"8"_s);
        QCOMPARE(held.value(u"average_price").toString(), u"42.25"_s);
        QCOMPARE(m_server
                     ->request("GET", u"/api/v1/deals/"_s + booked.json.value(u"id").toString(), {},
                               m_alice)
                     .json,
                 booked.json);
        // Replayed in their place among the fills: a sale after the restart closes the deal.
        trade(month, "sell", u"8"_s, u"43.25"_s);
        QCOMPARE(position(month, m_alice).value(u"quantity").toString(), u"0"_s);
        QCOMPARE(decimal(position(month, m_alice).value(u"realised_pnl")),
                 Decimal::fromUnits(8 * Decimal::kOne).times(hoursOf(held)).value());
    }
};

QTEST_GUILESS_MAIN(tst_Deals)
#include "tst_deals.moc"
