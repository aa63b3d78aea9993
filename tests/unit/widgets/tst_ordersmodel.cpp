#include "faketradingservice.h"
#include "ui/models/ordersmodel.h"

#include <QBrush>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using qx::core::protocol::OrderStatus;
using qx::core::protocol::Side;
using qx::models::OrdersModel;
using qx::test::FakeTradingService;

class TestOrdersModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsOrdersKnownAtStart();
    void insertsAndUpdatesById();
    void resetReplacesEverything();
    void formatsDecimalsExactlyWithInstrumentDecimals();
    void formatsUnknownSymbolsPlainly();
    void alignsNumbersAndColoursSides();
    void sortsNumbersAndTimesByValue();
    void showsLocalTime();
    void liveOrdersAreModifiedInPlace();

private:
    static QString text(const OrdersModel &model, int row, int column)
    {
        return model.index(row, column).data().toString();
    }
};

void TestOrdersModel::initTestCase()
{
    // Group separators and the decimal point depend on the locale; pin one.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestOrdersModel::showsOrdersKnownAtStart()
{
    FakeTradingService service;
    service.setInstruments({ FakeTradingService::power() });
    service.resetOrders(
        { FakeTradingService::order(QStringLiteral("o-1"), QStringLiteral("DE.BASE.M.2027-03"),
                                    Side::Buy, QStringLiteral("25"), QStringLiteral("42.5")) });
    OrdersModel model(&service.marketData(), &service.orderEntry());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), int(OrdersModel::ColumnCount));
    QCOMPARE(model.headerData(OrdersModel::OrderId, Qt::Horizontal).toString(), u"Order ID");
    QCOMPARE(text(model, 0, OrdersModel::OrderId), u"o-1");
    QCOMPARE(text(model, 0, OrdersModel::ClientOrderId), u"client-o-1");
    QCOMPARE(text(model, 0, OrdersModel::Symbol), u"DE.BASE.M.2027-03");
    QCOMPARE(text(model, 0, OrdersModel::Side), u"Buy");
    QCOMPARE(text(model, 0, OrdersModel::Status), u"open");
}

void TestOrdersModel::insertsAndUpdatesById()
{
    FakeTradingService service;
    service.setInstruments({ FakeTradingService::power() });
    OrdersModel model(&service.marketData(), &service.orderEntry());
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    const QString symbol = QStringLiteral("DE.BASE.M.2027-03");
    // A lone order shows at once; the rest of a burst with the frame, in one insertion.
    service.pushOrder(FakeTradingService::order(QStringLiteral("o-1"), symbol, Side::Buy,
                                                QStringLiteral("25"), QStringLiteral("42.5")));
    QCOMPARE(model.rowCount(), 1);
    service.pushOrder(FakeTradingService::order(QStringLiteral("o-2"), symbol, Side::Sell,
                                                QStringLiteral("10"), QStringLiteral("43")));
    service.pushOrder(FakeTradingService::order(QStringLiteral("o-3"), symbol, Side::Sell,
                                                QStringLiteral("10"), QStringLiteral("44")));
    QCOMPARE(model.rowCount(), 1);
    QTRY_COMPARE(model.rowCount(), 3);
    QCOMPARE(inserted.count(), 2);

    auto cancelled
        = FakeTradingService::order(QStringLiteral("o-1"), symbol, Side::Buy, QStringLiteral("25"),
                                    QStringLiteral("42.5"), OrderStatus::Cancelled);
    service.pushOrder(cancelled);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(changed.count(), 1);
    const int row = model.rowOf(QStringLiteral("o-1"));
    QCOMPARE(text(model, row, OrdersModel::Status), u"cancelled");
    QCOMPARE(model.index(row, 0).data(OrdersModel::IsLiveRole).toBool(), false);
    QCOMPARE(
        model.index(model.rowOf(QStringLiteral("o-2")), 0).data(OrdersModel::IsLiveRole).toBool(),
        true);
    QCOMPARE(text(model, model.rowOf(QStringLiteral("o-2")), OrdersModel::Side), u"Sell");
}

void TestOrdersModel::resetReplacesEverything()
{
    FakeTradingService service;
    OrdersModel model(&service.marketData(), &service.orderEntry());
    const QString symbol = QStringLiteral("DE.BASE.M.2027-03");
    service.resetOrders({ FakeTradingService::order(QStringLiteral("a"), symbol, Side::Buy,
                                                    QStringLiteral("1"), QStringLiteral("1")),
                          FakeTradingService::order(QStringLiteral("b"), symbol, Side::Buy,
                                                    QStringLiteral("1"), QStringLiteral("1")) });
    QCOMPARE(model.rowCount(), 2);
    service.resetOrders({ FakeTradingService::order(QStringLiteral("c"), symbol, Side::Buy,
                                                    QStringLiteral("1"), QStringLiteral("1")) });
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowOf(QStringLiteral("a")), -1);
    QCOMPARE(model.rowOf(QStringLiteral("c")), 0);
}

void TestOrdersModel::formatsDecimalsExactlyWithInstrumentDecimals()
{
    FakeTradingService service;
    service.setInstruments({ FakeTradingService::power(), FakeTradingService::gas() });
    OrdersModel model(&service.marketData(), &service.orderEntry());

    auto power
        = FakeTradingService::order(QStringLiteral("p"), QStringLiteral("DE.BASE.M.2027-03"),
                                    Side::Buy, QStringLiteral("1250"), QStringLiteral("-3.1"));
    power.filledQuantity = *qx::core::Quantity::parse(u"5");
    service.pushOrder(power);
    service.pushOrder(FakeTradingService::order(QStringLiteral("g"), QStringLiteral("HH.M.2027-03"),
                                                Side::Sell, QStringLiteral("12345678.5"),
                                                QStringLiteral("3.25")));
    model.flush();
    // A price the tick does not allow still shows every digit it has: nothing is rounded away.
    service.pushOrder(FakeTradingService::order(QStringLiteral("x"),
                                                QStringLiteral("DE.BASE.M.2027-03"), Side::Buy,
                                                QStringLiteral("1"), QStringLiteral("0.12345678")));
    model.flush();

    const int p = model.rowOf(QStringLiteral("p"));
    QCOMPARE(text(model, p, OrdersModel::Quantity), u"1,250");
    QCOMPARE(text(model, p, OrdersModel::Price), u"-3.10");
    QCOMPARE(text(model, p, OrdersModel::Filled), u"5");
    const int g = model.rowOf(QStringLiteral("g"));
    QCOMPARE(text(model, g, OrdersModel::Quantity), u"12,345,678.5");
    QCOMPARE(text(model, g, OrdersModel::Price), u"3.250");
    QCOMPARE(text(model, g, OrdersModel::Filled), u"0.0");
    QCOMPARE(text(model, model.rowOf(QStringLiteral("x")), OrdersModel::Price), u"0.12345678");
}

void TestOrdersModel::formatsUnknownSymbolsPlainly()
{
    FakeTradingService service;
    OrdersModel model(&service.marketData(), &service.orderEntry());
    service.pushOrder(FakeTradingService::order(QStringLiteral("u"), QStringLiteral("XX.Y"),
                                                Side::Buy, QStringLiteral("2.50"),
                                                QStringLiteral("42.5")));
    model.flush();
    QCOMPARE(text(model, 0, OrdersModel::Quantity), u"2.5");
    QCOMPARE(text(model, 0, OrdersModel::Price), u"42.5");

    // Once the instrument is known, the row is shown on its grid.
    auto instrument = FakeTradingService::power();
    instrument.symbol = QStringLiteral("XX.Y");
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    service.setInstruments({ instrument });
    QCOMPARE(changed.count(), 1);
    QCOMPARE(text(model, 0, OrdersModel::Price), u"42.50");
}

void TestOrdersModel::alignsNumbersAndColoursSides()
{
    FakeTradingService service;
    OrdersModel model(&service.marketData(), &service.orderEntry());
    const QString symbol = QStringLiteral("DE.BASE.M.2027-03");
    service.pushOrder(FakeTradingService::order(QStringLiteral("b"), symbol, Side::Buy,
                                                QStringLiteral("1"), QStringLiteral("1")));
    service.pushOrder(FakeTradingService::order(QStringLiteral("s"), symbol, Side::Sell,
                                                QStringLiteral("1"), QStringLiteral("1")));
    model.flush();
    for (int column : { OrdersModel::Quantity, OrdersModel::Price, OrdersModel::Filled }) {
        const auto alignment
            = model.index(0, column).data(Qt::TextAlignmentRole).value<Qt::Alignment>();
        QVERIFY(alignment & Qt::AlignRight);
    }
    QVERIFY(model.index(0, OrdersModel::Symbol).data(Qt::TextAlignmentRole).value<Qt::Alignment>()
            & Qt::AlignLeft);
    const QColor buy = model.index(model.rowOf(QStringLiteral("b")), OrdersModel::Side)
                           .data(Qt::ForegroundRole)
                           .value<QBrush>()
                           .color();
    const QColor sell = model.index(model.rowOf(QStringLiteral("s")), OrdersModel::Side)
                            .data(Qt::ForegroundRole)
                            .value<QBrush>()
                            .color();
    QVERIFY(buy.isValid());
    QVERIFY(sell.isValid());
    QVERIFY(buy != sell);
}

void TestOrdersModel::sortsNumbersAndTimesByValue()
{
    FakeTradingService service;
    OrdersModel model(&service.marketData(), &service.orderEntry());
    const QString symbol = QStringLiteral("DE.BASE.M.2027-03");
    const QDateTime base(QDate(2027, 1, 4), QTime(9, 0), Qt::UTC);
    service.pushOrder(FakeTradingService::order(QStringLiteral("nine"), symbol, Side::Buy,
                                                QStringLiteral("9"), QStringLiteral("9"),
                                                OrderStatus::Open, base.addSecs(60)));
    service.pushOrder(FakeTradingService::order(QStringLiteral("ten"), symbol, Side::Buy,
                                                QStringLiteral("10"), QStringLiteral("10"),
                                                OrderStatus::Open, base));
    service.pushOrder(FakeTradingService::order(QStringLiteral("minus"), symbol, Side::Buy,
                                                QStringLiteral("1"), QStringLiteral("-20"),
                                                OrderStatus::Open, base.addSecs(120)));
    model.flush();
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(OrdersModel::SortRole);

    proxy.sort(OrdersModel::Price, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, OrdersModel::OrderId).data().toString(), u"minus");
    QCOMPARE(proxy.index(1, OrdersModel::OrderId).data().toString(), u"nine");
    QCOMPARE(proxy.index(2, OrdersModel::OrderId).data().toString(), u"ten");

    proxy.sort(OrdersModel::Time, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, OrdersModel::OrderId).data().toString(), u"minus");
    QCOMPARE(proxy.index(2, OrdersModel::OrderId).data().toString(), u"ten");
}

void TestOrdersModel::showsLocalTime()
{
    FakeTradingService service;
    OrdersModel model(&service.marketData(), &service.orderEntry());
    const QDateTime created(QDate(2027, 1, 4), QTime(9, 30, 15), Qt::UTC);
    service.pushOrder(FakeTradingService::order(
        QStringLiteral("t"), QStringLiteral("DE.BASE.M.2027-03"), Side::Buy, QStringLiteral("1"),
        QStringLiteral("1"), OrderStatus::Open, created));
    model.flush();
    QCOMPARE(text(model, 0, OrdersModel::Time), created.toLocalTime().toString(u"HH:mm:ss"));
}

void TestOrdersModel::liveOrdersAreModifiedInPlace()
{
    FakeTradingService service;
    service.setInstruments({ FakeTradingService::power() });
    const QString power = FakeTradingService::power().symbol;
    auto market = FakeTradingService::order(QStringLiteral("3"), power, Side::Buy,
                                            QStringLiteral("1"), QStringLiteral("0"));
    market.type = qx::core::protocol::OrderType::Market;
    service.resetOrders(
        { FakeTradingService::order(QStringLiteral("1"), power, Side::Buy, QStringLiteral("1062.5"),
                                    QStringLiteral("40")),
          FakeTradingService::order(QStringLiteral("2"), power, Side::Sell, QStringLiteral("2"),
                                    QStringLiteral("41"), OrderStatus::Filled),
          market });
    OrdersModel model(&service.marketData(), &service.orderEntry());
    const int live = model.rowOf(QStringLiteral("1"));
    const int filled = model.rowOf(QStringLiteral("2"));
    const int marketRow = model.rowOf(QStringLiteral("3"));
    const auto editable = [&](int row, int column) {
        return bool(model.flags(model.index(row, column)) & Qt::ItemIsEditable);
    };
    // Quantity and price of a live limit order; nothing of a finished one; no price to
    // change on a market order; never the other columns.
    QVERIFY(editable(live, OrdersModel::Quantity) && editable(live, OrdersModel::Price));
    QVERIFY(!editable(filled, OrdersModel::Quantity) && !editable(filled, OrdersModel::Price));
    QVERIFY(editable(marketRow, OrdersModel::Quantity));
    QVERIFY(!editable(marketRow, OrdersModel::Price));
    QVERIFY(!editable(live, OrdersModel::Symbol) && !editable(live, OrdersModel::Side));

    // The editor starts from the exact value, as the ticket takes it (no grouping).
    QCOMPARE(model.index(live, OrdersModel::Quantity).data(Qt::EditRole).toString(),
             QStringLiteral("1062.5"));
    QCOMPARE(model.index(live, OrdersModel::Price).data(Qt::EditRole).toString(),
             QStringLiteral("40.00"));

    // A new price goes to the server; the row keeps the old one until the server says so.
    QVERIFY(model.setData(model.index(live, OrdersModel::Price), QStringLiteral("40.25")));
    QCOMPARE(service.modified.size(), 1);
    QCOMPARE(service.modified.first().first, QStringLiteral("1"));
    QCOMPARE(service.modified.first().second.price->toString(2), QStringLiteral("40.25"));
    QVERIFY(!service.modified.first().second.quantity);
    QCOMPARE(text(model, live, OrdersModel::Price), QStringLiteral("40.00"));
    QVERIFY(model.setData(model.index(live, OrdersModel::Quantity), QStringLiteral("900")));
    QCOMPARE(service.modified.last().second.quantity->toString(), QStringLiteral("900"));

    // Not a number, nothing, or the same value: nothing is sent; the first two say why.
    QSignalSpy refused(&model, &OrdersModel::modifyRefused);
    QVERIFY(!model.setData(model.index(live, OrdersModel::Price), QStringLiteral("40,3x")));
    QVERIFY(!model.setData(model.index(live, OrdersModel::Quantity), QStringLiteral("-5")));
    QVERIFY(!model.setData(model.index(live, OrdersModel::Price), QStringLiteral("40.00")));
    QVERIFY(!model.setData(model.index(filled, OrdersModel::Price), QStringLiteral("39")));
    QCOMPARE(service.modified.size(), 2);
    QCOMPARE(refused.size(), 2);
    QVERIFY(refused.first().at(1).toString().contains(QStringLiteral("40,3x")));
}

QTEST_MAIN(TestOrdersModel)
#include "tst_ordersmodel.moc"
