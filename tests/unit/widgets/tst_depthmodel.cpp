// The depth ladder as a trader reads it: offers above bids with the touch in the middle, their
// own open quantity beside each level, and nothing of another market.
#include "faketradingservice.h"
#include "ui/models/depthmodel.h"
#include "ui/widgets/depthladder.h"

#include <QMouseEvent>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using qx::core::Price;
using qx::core::Quantity;
using qx::core::protocol::BookLevel;
using qx::core::protocol::BookSnapshot;
using qx::core::protocol::OrderStatus;
using qx::core::protocol::Side;
using qx::models::DepthModel;
using qx::test::FakeTradingService;
using qx::widgets::DepthLadder;
using namespace Qt::StringLiterals;

namespace {

BookLevel level(const char *price, const char *quantity, int orders = 1)
{
    return { *Price::parse(QString::fromLatin1(price)),
             *Quantity::parse(QString::fromLatin1(quantity)), orders };
}

BookSnapshot book(const QString &symbol, QList<BookLevel> bids, QList<BookLevel> asks)
{
    BookSnapshot snapshot;
    snapshot.symbol = symbol;
    snapshot.bids = std::move(bids);
    snapshot.asks = std::move(asks);
    return snapshot;
}

} // namespace

class TestDepthModel : public QObject
{
    Q_OBJECT

private:
    static QString cell(const DepthModel &model, int row, int column)
    {
        return model.index(row, column).data().toString();
    }

private Q_SLOTS:
    void offersAboveBidsWithTheTouchInTheMiddle()
    {
        FakeTradingService service;
        service.setInstruments({ FakeTradingService::power() });
        const QString symbol = FakeTradingService::power().symbol;
        DepthModel model(&service.marketData(), &service.orderEntry());
        model.setSymbol(symbol);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.bestBidRow(), -1);

        // Best first on each side, as the server sends them.
        service.pushBook(book(symbol, { level("42.5", "10", 2), level("42.25", "5") },
                              { level("42.75", "3"), level("43", "12", 3) }));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(cell(model, 0, DepthModel::Price), u"43.00"_s); // the worst offer on top
        QCOMPARE(cell(model, 0, DepthModel::AskQuantity), u"12"_s);
        QCOMPARE(cell(model, 1, DepthModel::Price), u"42.75"_s); // the best offer
        QCOMPARE(model.bestBidRow(), 2);
        QCOMPARE(cell(model, 2, DepthModel::Price), u"42.50"_s); // the best bid
        QCOMPARE(cell(model, 2, DepthModel::BidQuantity), u"10"_s);
        QVERIFY(cell(model, 2, DepthModel::AskQuantity).isEmpty());
        QCOMPARE(cell(model, 3, DepthModel::Price), u"42.25"_s);
        QCOMPARE(model.index(2, DepthModel::Price).data(DepthModel::OrdersRole).toInt(), 2);
        QVERIFY(Side(model.index(1, 0).data(DepthModel::SideRole).toInt()) == Side::Sell);
        // The price a click hands the ticket: the tick's decimals, no grouping.
        QCOMPARE(model.index(0, DepthModel::Price).data(DepthModel::PriceRole).toString(),
                 u"43.00"_s);
    }

    void levelsMovingInPlaceDoNotResetTheView()
    {
        FakeTradingService service;
        service.setInstruments({ FakeTradingService::power() });
        const QString symbol = FakeTradingService::power().symbol;
        DepthModel model(&service.marketData(), &service.orderEntry());
        model.setSymbol(symbol);
        service.pushBook(book(symbol, { level("42.5", "10") }, { level("43", "1") }));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        service.pushBook(book(symbol, { level("42.6", "7") }, { level("43", "4") }));
        QCOMPARE(resets.size(), 0);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(cell(model, 1, DepthModel::Price), u"42.60"_s);
        service.pushBook(book(symbol, {}, { level("43", "4") })); // the bids are gone
        QCOMPARE(resets.size(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.bestBidRow(), -1);
    }

    void ownOpenQuantityStandsBesideItsLevel()
    {
        FakeTradingService service;
        service.setInstruments({ FakeTradingService::power(), FakeTradingService::gas() });
        const QString symbol = FakeTradingService::power().symbol;
        auto partly = FakeTradingService::order(u"1"_s, symbol, Side::Buy, u"8"_s, u"42.50"_s,
                                                OrderStatus::PartiallyFilled);
        partly.filledQuantity = *Quantity::parse(u"3");
        service.resetOrders({
            partly,
            FakeTradingService::order(u"2"_s, symbol, Side::Buy, u"2"_s, u"42.50"_s),
            FakeTradingService::order(u"3"_s, symbol, Side::Sell, u"4"_s, u"43.00"_s),
            // None of these rest in this book:
            FakeTradingService::order(u"4"_s, symbol, Side::Buy, u"9"_s, u"42.50"_s,
                                      OrderStatus::Cancelled),
            FakeTradingService::order(u"5"_s, FakeTradingService::gas().symbol, Side::Sell, u"6"_s,
                                      u"43.00"_s),
        });
        DepthModel model(&service.marketData(), &service.orderEntry());
        model.setSymbol(symbol);
        service.pushBook(book(symbol, { level("42.5", "20") }, { level("43", "10") }));
        QCOMPARE(cell(model, 1, DepthModel::MyBid), u"7"_s); // 5 left of 8, plus 2
        QCOMPARE(cell(model, 0, DepthModel::MyAsk), u"4"_s);
        QVERIFY(cell(model, 1, DepthModel::MyAsk).isEmpty());

        // The user's order fills: their column follows at once, before the next book.
        auto filled = FakeTradingService::order(u"3"_s, symbol, Side::Sell, u"4"_s, u"43.00"_s,
                                                OrderStatus::Filled);
        filled.filledQuantity = *Quantity::parse(u"4");
        service.pushOrder(filled);
        QVERIFY(cell(model, 0, DepthModel::MyAsk).isEmpty());

        // An order moved to another price takes its quantity along; a cancelled one takes it
        // away; another market's orders change nothing here.
        service.pushBook(
            book(symbol, { level("42.5", "20"), level("42.25", "6") }, { level("43", "10") }));
        service.pushOrder(FakeTradingService::order(u"2"_s, symbol, Side::Buy, u"2"_s, u"42.25"_s));
        QCOMPARE(cell(model, 1, DepthModel::MyBid), u"5"_s);
        QCOMPARE(cell(model, 2, DepthModel::MyBid), u"2"_s);
        service.pushOrder(FakeTradingService::order(u"6"_s, FakeTradingService::gas().symbol,
                                                    Side::Buy, u"1"_s, u"42.25"_s));
        QCOMPARE(cell(model, 2, DepthModel::MyBid), u"2"_s);
        service.pushOrder(FakeTradingService::order(u"1"_s, symbol, Side::Buy, u"8"_s, u"42.50"_s,
                                                    OrderStatus::Cancelled));
        QVERIFY(cell(model, 1, DepthModel::MyBid).isEmpty());
        QCOMPARE(cell(model, 2, DepthModel::MyBid), u"2"_s);
    }

    void anotherMarketsBookNeverShows()
    {
        FakeTradingService service;
        service.setInstruments({ FakeTradingService::power(), FakeTradingService::gas() });
        DepthModel model(&service.marketData(), &service.orderEntry());
        model.setSymbol(FakeTradingService::power().symbol);
        service.pushBook(book(FakeTradingService::gas().symbol, { level("3.1", "10") }, {}));
        QCOMPARE(model.rowCount(), 0);
        service.pushBook(book(FakeTradingService::power().symbol, { level("42.5", "10") }, {}));
        QCOMPARE(model.rowCount(), 1);
        model.setSymbol(FakeTradingService::gas().symbol); // the trader moves on: empty at once
        QCOMPARE(model.rowCount(), 0);
    }

    void draggingOwnOrdersMovesThemToAnotherLevel()
    {
        FakeTradingService service;
        service.setInstruments({ FakeTradingService::power() });
        const QString symbol = FakeTradingService::power().symbol;
        service.resetOrders({
            FakeTradingService::order(u"1"_s, symbol, Side::Buy, u"5"_s, u"42.50"_s),
            FakeTradingService::order(u"2"_s, symbol, Side::Buy, u"2"_s, u"42.50"_s),
            FakeTradingService::order(u"3"_s, symbol, Side::Buy, u"1"_s, u"42.25"_s),
        });
        DepthLadder ladder(&service.marketData(), &service.orderEntry());
        ladder.resize(500, 400);
        ladder.show();
        QVERIFY(QTest::qWaitForWindowExposed(&ladder));
        ladder.setSymbol(symbol);
        service.pushBook(
            book(symbol, { level("42.5", "20", 2), level("42.25", "6") }, { level("43", "10") }));
        QTableView *view = ladder.view();
        const auto centre = [view](int row, int column) {
            return view->visualRect(view->model()->index(row, column)).center();
        };
        QWidget *viewport = view->viewport();
        // Pressed on a cell, moved to another row's, released there.
        const auto drag = [&](int fromRow, int column, int toRow) {
            QTest::mousePress(viewport, Qt::LeftButton, {}, centre(fromRow, column));
            QMouseEvent move(QEvent::MouseMove, centre(toRow, column),
                             viewport->mapToGlobal(centre(toRow, column)), Qt::NoButton,
                             Qt::LeftButton, Qt::NoModifier);
            QCoreApplication::sendEvent(viewport, &move);
            QTest::mouseRelease(viewport, Qt::LeftButton, {}, centre(toRow, column));
        };
        QSignalSpy moved(&ladder, &DepthLadder::ordersMoved);
        QSignalSpy chosen(&ladder, &DepthLadder::priceChosen);

        // Both of the trader's bids at 42.50, dragged down to 42.25.
        drag(1, DepthModel::MyBid, 2);
        QCOMPARE(moved.size(), 1);
        QCOMPARE(moved.first().at(0).toInt(), 2);
        QCOMPARE(service.modified.size(), 2);
        QStringList ids;
        for (const auto &[id, change] : std::as_const(service.modified)) {
            ids.append(id);
            QCOMPARE(change.price->toString(2), u"42.25"_s);
            QVERIFY(!change.quantity);
        }
        ids.sort();
        QCOMPARE(ids, QStringList({ u"1"_s, u"2"_s }));
        QVERIFY(chosen.isEmpty()); // a drag is not a click on the level

        // A plain click on an own quantity still offers the level to the ticket; a level with
        // nothing of the trader's cannot be dragged.
        service.modified.clear();
        QTest::mouseClick(viewport, Qt::LeftButton, {}, centre(1, DepthModel::MyBid));
        QCOMPARE(chosen.size(), 1);
        drag(0, DepthModel::MyAsk, 2);
        QVERIFY(service.modified.isEmpty());
    }
};

QTEST_MAIN(TestDepthModel)
#include "tst_depthmodel.moc"
