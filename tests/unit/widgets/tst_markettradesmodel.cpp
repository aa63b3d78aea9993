// Time and sales: the market's trades newest on top, who took liquidity, a bounded history, and
// only the watched market's.
#include "faketradingservice.h"
#include "ui/models/markettradesmodel.h"

#include <QTest>

using qx::core::Price;
using qx::core::Quantity;
using qx::core::protocol::MarketTrade;
using qx::core::protocol::Side;
using qx::models::MarketTradesModel;
using qx::test::FakeTradingService;
using namespace Qt::StringLiterals;

namespace {

MarketTrade trade(const QString &symbol, int id, const char *price, Side aggressor)
{
    return { QString::number(id),
             symbol,
             *Price::parse(QString::fromLatin1(price)),
             *Quantity::parse(u"5"),
             aggressor,
             QDateTime(QDate(2027, 1, 4), QTime(9, 0), Qt::UTC).addSecs(id) };
}

} // namespace

class TestMarketTradesModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newestOnTopWithTheTaker()
    {
        FakeTradingService service;
        service.setInstruments({ FakeTradingService::power() });
        const QString symbol = FakeTradingService::power().symbol;
        MarketTradesModel model(&service.marketData());
        model.setSymbol(symbol);
        service.pushMarketTrades(
            symbol, { trade(symbol, 2, "42.6", Side::Buy), trade(symbol, 1, "42.5", Side::Sell) });
        QCOMPARE(model.rowCount(), 2);
        service.pushMarketTrade(trade(symbol, 3, "42.7", Side::Sell));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, MarketTradesModel::Price).data().toString(), u"42.70"_s);
        QCOMPARE(model.index(0, MarketTradesModel::Aggressor).data().toString(), u"Sell"_s);
        QCOMPARE(model.index(1, MarketTradesModel::Aggressor).data().toString(), u"Buy"_s);
        QCOMPARE(model.index(2, MarketTradesModel::Quantity).data().toString(), u"5"_s);
        QVERIFY(!model.index(0, MarketTradesModel::Time).data().toString().isEmpty());
    }

    void keepsABoundedHistory()
    {
        FakeTradingService service;
        service.setInstruments({ FakeTradingService::power() });
        const QString symbol = FakeTradingService::power().symbol;
        MarketTradesModel model(&service.marketData());
        model.setSymbol(symbol);
        for (int id = 1; id <= MarketTradesModel::kMaxRows + 30; ++id)
            service.pushMarketTrade(trade(symbol, id, "42.5", Side::Buy));
        QCOMPARE(model.rowCount(), MarketTradesModel::kMaxRows);
        QCOMPARE(model.index(0, MarketTradesModel::Time).data().toString(),
                 trade(symbol, MarketTradesModel::kMaxRows + 30, "1", Side::Buy)
                     .time.toLocalTime()
                     .toString(u"HH:mm:ss"));
    }

    void onlyTheWatchedMarket()
    {
        FakeTradingService service;
        service.setInstruments({ FakeTradingService::power(), FakeTradingService::gas() });
        const QString power = FakeTradingService::power().symbol;
        const QString gas = FakeTradingService::gas().symbol;
        MarketTradesModel model(&service.marketData());
        model.setSymbol(power);
        service.pushMarketTrade(trade(gas, 1, "3.1", Side::Buy));
        service.pushMarketTrades(gas, { trade(gas, 1, "3.1", Side::Buy) });
        QCOMPARE(model.rowCount(), 0);
        service.pushMarketTrade(trade(power, 2, "42.5", Side::Buy));
        QCOMPARE(model.rowCount(), 1);
        model.setSymbol(gas);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestMarketTradesModel)
#include "tst_markettradesmodel.moc"
