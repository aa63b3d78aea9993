// Positions built from the book's trades and from deals: a deal takes its place among the
// fills by its booking time, and a position built again without a cancelled deal has the P&L
// it would have had if the deal had never been booked.
#include "server/trading/positionbook.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace qx::server;
using qx::core::Decimal;
using qx::core::Price;
using qx::core::Quantity;

namespace {

const QString kSymbol = u"DE.BASE.M.2027-03"_s;
constexpr qint64 kAlice = 1;
constexpr qint64 kBob = 2;

Decimal number(const char *text)
{
    return Decimal::parse(QString::fromLatin1(text)).value();
}

QDateTime at(int minute)
{
    return QDateTime(QDate(2027, 1, 4), QTime(9, minute), Qt::UTC);
}

TradeRecord trade(qint64 id, qint64 buyer, qint64 seller, const char *price, const char *quantity,
                  int minute)
{
    TradeRecord trade;
    trade.id = id;
    trade.symbol = kSymbol;
    trade.price = Price(number(price));
    trade.quantity = Quantity(number(quantity));
    trade.buyUserId = buyer;
    trade.sellUserId = seller;
    trade.sequence = quint64(id);
    trade.time = at(minute);
    return trade;
}

DealRecord deal(qint64 id, qint64 user, qx::core::protocol::Side side, const char *price,
                const char *quantity, int minute)
{
    DealRecord deal;
    deal.id = id;
    deal.userId = user;
    deal.deal.id = QString::number(id);
    deal.deal.terms.symbol = kSymbol;
    deal.deal.terms.side = side;
    deal.deal.terms.price = Price(number(price));
    deal.deal.terms.quantity = Quantity(number(quantity));
    deal.deal.bookedAt = at(minute);
    return deal;
}

} // namespace

class tst_PositionBook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dealsTakeTheirPlaceAmongTheTradesByBookingTime()
    {
        const QList<TradeRecord> trades { trade(1, kAlice, kBob, "50", "5", 10),
                                          trade(2, kBob, kAlice, "55", "5", 30) };
        const QList<DealRecord> deals {
            deal(7, kAlice, qx::core::protocol::Side::Buy, "40", "10", 20),
            deal(8, kAlice, qx::core::protocol::Side::Sell, "60", "1", 40),
        };
        QStringList order;
        inPositionOrder(
            trades, deals,
            [&](const TradeRecord &trade) {
                order.append(u"trade "_s + QString::number(trade.id));
            },
            [&](const DealRecord &deal) { order.append(u"deal "_s + QString::number(deal.id)); });
        QCOMPARE(order, QStringList({ u"trade 1"_s, u"deal 7"_s, u"trade 2"_s, u"deal 8"_s }));
    }

    void aPositionBuiltAgainWithoutACancelledDealIsAsIfItNeverWas()
    {
        // Alice buys 5 at 50 on the book, books a deal buying 10 at 40, sells 5 at 55: FIFO
        // closes the book's lot, realising 25 (multiplier 1).
        const QList<TradeRecord> trades { trade(1, kAlice, kBob, "50", "5", 10),
                                          trade(2, kBob, kAlice, "55", "5", 30) };
        const DealRecord booked = deal(7, kAlice, qx::core::protocol::Side::Buy, "40", "10", 20);
        PositionBook book;
        const Decimal one = Decimal::fromUnits(Decimal::kOne);
        QVERIFY(book.apply(trades[0], one).ok());
        QVERIFY(book.apply(booked, one).ok());
        QVERIFY(book.apply(trades[1], one).ok());
        QCOMPARE(book.find(kAlice, kSymbol)->net(), Quantity(number("10")));
        QCOMPARE(book.find(kAlice, kSymbol)->realised().decimal(), number("25"));

        // The deal is cancelled: built again from the trades alone.
        QVERIFY(book.rebuild({ kAlice, kSymbol }, trades, {}, one).ok());
        QCOMPARE(book.find(kAlice, kSymbol)->net(), Quantity());
        QCOMPARE(book.find(kAlice, kSymbol)->realised().decimal(), number("25"));
        // Bob's side (short 5 at 50, bought back at 55) is untouched by alice's rebuild.
        QCOMPARE(book.find(kBob, kSymbol)->net(), Quantity());
        QCOMPARE(book.find(kBob, kSymbol)->realised().decimal(), number("-25"));

        // Built again with the deal, it is where it was.
        QVERIFY(book.rebuild({ kAlice, kSymbol }, trades, { booked }, one).ok());
        QCOMPARE(book.find(kAlice, kSymbol)->net(), Quantity(number("10")));
        QCOMPARE(book.find(kAlice, kSymbol)->averageOpenPrice(), Price(number("40")));
    }

    void aTradeWithOneselfCountsBothSides()
    {
        PositionBook book;
        const Decimal one = Decimal::fromUnits(Decimal::kOne);
        const QList<TradeRecord> trades { trade(1, kAlice, kAlice, "50", "5", 10) };
        QVERIFY(book.rebuild({ kAlice, kSymbol }, trades, {}, one).ok());
        QCOMPARE(book.find(kAlice, kSymbol)->net(), Quantity());
    }
};

QTEST_GUILESS_MAIN(tst_PositionBook)
#include "tst_positionbook.moc"
