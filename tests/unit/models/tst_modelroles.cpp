// The models as a Qt Quick front end uses them: a QGuiApplication without widgets, each row
// read by role name (a ListView delegate's `model.price`), each named column role giving what
// the desktop's table shows in that column.
#include "faketradingservice.h"
#include "ui/models/depthmodel.h"
#include "ui/models/markettradesmodel.h"
#include "ui/models/marketwatchmodel.h"
#include "ui/models/ordersmodel.h"
#include "ui/models/positionsmodel.h"
#include "ui/models/tradesmodel.h"

#include <QGuiApplication>
#include <QTest>

using qx::core::Price;
using qx::core::Quantity;
using qx::core::protocol::BookLevel;
using qx::core::protocol::BookSnapshot;
using qx::core::protocol::MarketTrade;
using qx::core::protocol::OrderStatus;
using qx::core::protocol::Side;
using qx::core::protocol::Ticker;
using qx::test::FakeTradingService;
using namespace Qt::StringLiterals;
namespace models = qx::models;

namespace {

const QDateTime kMorning(QDate(2027, 1, 4), QTime(9, 30, 15), Qt::UTC);

// The role a Qt Quick delegate reads as `name`, or -1.
int roleNamed(const QAbstractItemModel &model, const QByteArray &name)
{
    return model.roleNames().key(name, -1);
}

// What a delegate reading `name` sees on `row` (under `parent`).
QVariant byName(const QAbstractItemModel &model, int row, const QByteArray &name,
                const QModelIndex &parent = {})
{
    return model.index(row, 0, parent).data(roleNamed(model, name));
}

Ticker ticker(const QString &symbol, const char *bid, const char *ask, const char *last)
{
    Ticker ticker;
    ticker.symbol = symbol;
    ticker.bid = BookLevel { *Price::parse(QString::fromLatin1(bid)), *Quantity::parse(u"5"), 1 };
    ticker.ask = BookLevel { *Price::parse(QString::fromLatin1(ask)), *Quantity::parse(u"7"), 1 };
    ticker.last = *Price::parse(QString::fromLatin1(last));
    ticker.lastQuantity = *Quantity::parse(u"1");
    ticker.volume = *Quantity::parse(u"1250");
    ticker.previousClose = *Price::parse(u"41.00");
    ticker.time = kMorning;
    return ticker;
}

} // namespace

class TestModelRoles : public QObject
{
    Q_OBJECT

private:
    /// Every one of `columns` (in column order) is a role of its own whose value, on any cell
    /// of a row, is what the table shows in that column, on every row under `parent`.
    static void checkColumnRoles(const QAbstractItemModel &model, const QList<QByteArray> &columns,
                                 const QModelIndex &parent = {})
    {
        const QHash<int, QByteArray> names = model.roleNames();
        QCOMPARE(QSet<QByteArray>(names.cbegin(), names.cend()).size(), names.size()); // unique
        QVERIFY(names.values().contains("display"));
        QCOMPARE(model.columnCount(parent), columns.size());
        QVERIFY(model.rowCount(parent) > 0);
        for (int column = 0; column < columns.size(); ++column) {
            const int role = roleNamed(model, columns[column]);
            QVERIFY2(role >= 0, columns[column].constData());
            for (int row = 0; row < model.rowCount(parent); ++row) {
                const QVariant shown = model.index(row, column, parent).data(Qt::DisplayRole);
                for (int cell = 0; cell < columns.size(); ++cell) {
                    QCOMPARE(model.index(row, cell, parent).data(role).toString(),
                             shown.toString());
                }
            }
        }
    }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void theModelsNeedNoWidgets()
    {
        QVERIFY(qobject_cast<QGuiApplication *>(QCoreApplication::instance()));
        QVERIFY(!QCoreApplication::instance()->inherits("QApplication"));
    }

    void anOrderRowReadsByName()
    {
        FakeTradingService service;
        service.setInstruments({ FakeTradingService::power(), FakeTradingService::gas() });
        service.resetOrders(
            { FakeTradingService::order(u"17"_s, FakeTradingService::power().symbol, Side::Buy,
                                        u"25"_s, u"1042.5"_s, OrderStatus::Open, kMorning),
              FakeTradingService::order(u"18"_s, FakeTradingService::gas().symbol, Side::Sell,
                                        u"2.5"_s, u"3.1"_s, OrderStatus::Cancelled, kMorning) });
        models::OrdersModel model(&service.marketData(), &service.orderEntry());
        checkColumnRoles(model,
                         { "time", "orderId", "clientOrderId", "symbol", "side", "quantity",
                           "price", "filled", "averagePrice", "status" });
        // Exact, with the instrument's tick and the trader's separators, as the table.
        QCOMPARE(byName(model, 0, "price").toString(), u"1,042.50"_s);
        QCOMPARE(byName(model, 1, "price").toString(), u"3.100"_s);
        QCOMPARE(byName(model, 1, "status").toString(), u"cancelled"_s);
        QCOMPARE(byName(model, 0, "side").toString(), u"Buy"_s);
        // What the desktop reads stays: the id and whether it can be cancelled, on any cell.
        QCOMPARE(model.index(0, models::OrdersModel::Price).data(models::OrdersModel::OrderIdRole),
                 QVariant(u"17"_s));
        QCOMPARE(byName(model, 0, "isLive").toBool(), true);
        QCOMPARE(byName(model, 1, "isLive").toBool(), false);
        QCOMPARE(byName(model, 0, "exportText").toString(), u"2027-01-04T09:30:15.000Z"_s);
    }

    void aFillRowReadsByName()
    {
        FakeTradingService service;
        service.setInstruments({ FakeTradingService::power() });
        service.resetTrades(
            { FakeTradingService::trade(u"5"_s, FakeTradingService::power().symbol, Side::Sell,
                                        u"10"_s, u"42.5"_s, kMorning, false) });
        models::TradesModel model(&service.marketData(), &service.orderEntry());
        checkColumnRoles(model,
                         { "time", "tradeId", "symbol", "side", "quantity", "price", "liquidity",
                           "orderId", "clientOrderId" });
        QCOMPARE(byName(model, 0, "price").toString(), u"42.50"_s);
        QCOMPARE(byName(model, 0, "liquidity").toString(), u"maker"_s);
        QCOMPARE(byName(model, 0, "orderId").toString(), u"o5"_s);
    }

    void aPositionRowReadsByName()
    {
        FakeTradingService service;
        service.setInstruments({ FakeTradingService::power() });
        const QString symbol = FakeTradingService::power().symbol;
        service.resetTrades(
            { FakeTradingService::trade(u"2"_s, symbol, Side::Buy, u"5"_s, u"44"_s, kMorning),
              FakeTradingService::trade(u"1"_s, symbol, Side::Buy, u"5"_s, u"42"_s, kMorning) });
        models::PositionsModel positions(&service.marketData(), &service.orderEntry());
        service.pushTicker(ticker(symbol, "44.5", "45", "45"));
        positions.flush();
        checkColumnRoles(positions,
                         { "contract", "net", "energy", "averagePrice", "mark", "unrealised",
                           "realised", "currency" });
        QCOMPARE(byName(positions, 0, "net").toString(), u"10 MW"_s);
        QCOMPARE(byName(positions, 0, "averagePrice").toString(), u"43.00"_s);
        QCOMPARE(byName(positions, 0, "mark").toString(), u"45.00"_s);
        QCOMPARE(byName(positions, 0, "currency").toString(), u"EUR"_s);

        models::DeliveryMonthsModel months(&positions);
        checkColumnRoles(months, { "market", "month", "hours", "net", "energy" });
        QCOMPARE(byName(months, 0, "market").toString(), u"DE base"_s);
        QCOMPARE(byName(months, 0, "net").toString(), u"10 MW"_s);
    }

    void aMarketWatchRowReadsByName()
    {
        FakeTradingService service;
        service.setInstruments({ FakeTradingService::power() });
        const QString symbol = FakeTradingService::power().symbol;
        models::MarketWatchModel model(&service.marketData());
        model.applyTicker(ticker(symbol, "42.25", "42.75", "42.5"));
        model.flush();
        // The group: its title under "contract".
        checkColumnRoles(
            model,
            { "contract", "bidQuantity", "bid", "ask", "askQuantity", "last", "change", "volume" });
        QCOMPARE(byName(model, 0, "contract").toString(), u"German power base load · Months"_s);
        const QModelIndex group = model.index(0, 0);
        checkColumnRoles(
            model,
            { "contract", "bidQuantity", "bid", "ask", "askQuantity", "last", "change", "volume" },
            group);
        QCOMPARE(byName(model, 0, "bid", group).toString(), u"42.25"_s);
        QCOMPARE(byName(model, 0, "change", group).toString(), u"+1.50"_s);
        QCOMPARE(byName(model, 0, "volume", group).toString(), u"1,250"_s);
        QCOMPARE(byName(model, 0, "symbol", group).toString(), symbol);
        QCOMPARE(byName(model, 0, "favourite", group).toBool(), false);
    }

    void aDepthLevelReadsByName()
    {
        FakeTradingService service;
        const QString symbol = FakeTradingService::power().symbol;
        service.setInstruments({ FakeTradingService::power() });
        service.resetOrders(
            { FakeTradingService::order(u"1"_s, symbol, Side::Buy, u"3"_s, u"42.5"_s) });
        models::DepthModel model(&service.marketData(), &service.orderEntry());
        model.setSymbol(symbol);
        BookSnapshot book;
        book.symbol = symbol;
        book.bids = { { *Price::parse(u"42.5"), *Quantity::parse(u"10"), 2 } };
        book.asks = { { *Price::parse(u"1042.75"), *Quantity::parse(u"4"), 1 } };
        service.pushBook(book);
        checkColumnRoles(model, { "myBid", "bidQuantity", "price", "askQuantity", "myAsk" });
        QCOMPARE(byName(model, 0, "price").toString(), u"1,042.75"_s);
        QCOMPARE(byName(model, 1, "myBid").toString(), u"3"_s);
        // What a click hands the ticket: no grouping.
        QCOMPARE(byName(model, 0, "levelPrice").toString(), u"1042.75"_s);
        QCOMPARE(byName(model, 1, "levelOrders").toInt(), 2);
        QVERIFY(Side(byName(model, 1, "levelSide").toInt()) == Side::Buy);
    }

    void aMarketTradeReadsByName()
    {
        FakeTradingService service;
        const QString symbol = FakeTradingService::power().symbol;
        service.setInstruments({ FakeTradingService::power() });
        models::MarketTradesModel model(&service.marketData());
        model.setSymbol(symbol);
        MarketTrade trade;
        trade.id = u"9"_s;
        trade.symbol = symbol;
        trade.price = *Price::parse(u"42.5");
        trade.quantity = *Quantity::parse(u"2");
        trade.aggressor = Side::Sell;
        trade.time = kMorning;
        service.pushMarketTrades(symbol, { trade });
        checkColumnRoles(model, { "time", "price", "quantity", "aggressor" });
        QCOMPARE(byName(model, 0, "price").toString(), u"42.50"_s);
        QCOMPARE(byName(model, 0, "aggressor").toString(), u"Sell"_s);
    }
};

QTEST_MAIN(TestModelRoles)
#include "tst_modelroles.moc"
