// The market watch: the curve board's groups and contracts in board order, tickers shown
// exactly with their change from the previous close, bursts announced once per frame, price
// moves flashing and fading, the filter and favourites, and the dock's clicks and keys.
#include "faketradingservice.h"
#include "ui/models/marketwatchmodel.h"
#include "ui/widgets/marketwatch.h"

#include <QAction>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using qx::core::Instrument;
using qx::core::protocol::BookLevel;
using qx::core::protocol::Side;
using qx::core::protocol::Ticker;
using qx::models::MarketWatchModel;
using qx::test::FakeTradingService;
using qx::widgets::MarketWatch;
using namespace Qt::StringLiterals;

class TestMarketWatch : public QObject
{
    Q_OBJECT

private:
    static Instrument powerQuarter()
    {
        Instrument instrument = FakeTradingService::power();
        instrument.symbol = u"DE.BASE.Q.2027-Q2"_s;
        instrument.description = u"German power base load, 2027-Q2"_s;
        instrument.delivery = qx::core::DeliveryPeriod::quarter(2027, 2);
        return instrument;
    }
    static Instrument powerHour(int hour)
    {
        Instrument instrument = FakeTradingService::power();
        instrument.symbol = u"DE.H.2099-01-05T%1"_s.arg(hour, 2, 10, QLatin1Char('0'));
        instrument.description = u"German power intraday hour, 2099-01-05"_s;
        instrument.delivery = qx::core::DeliveryPeriod::hour(QDate(2099, 1, 5), hour);
        return instrument;
    }
    static Instrument expired()
    {
        Instrument instrument = FakeTradingService::power();
        instrument.symbol = u"DE.BASE.M.2020-01"_s;
        instrument.delivery = qx::core::DeliveryPeriod::month(2020, 1);
        instrument.lastTradingDay = QDate(2019, 12, 31);
        return instrument;
    }
    static Ticker ticker(const QString &symbol, const char *bid, const char *ask,
                         const char *last = nullptr, const char *previousClose = nullptr)
    {
        Ticker ticker;
        ticker.symbol = symbol;
        ticker.bid = BookLevel { *qx::core::Price::parse(QString::fromLatin1(bid)),
                                 *qx::core::Quantity::parse(u"5"), 1 };
        ticker.ask = BookLevel { *qx::core::Price::parse(QString::fromLatin1(ask)),
                                 *qx::core::Quantity::parse(u"7"), 1 };
        if (last) {
            ticker.last = *qx::core::Price::parse(QString::fromLatin1(last));
            ticker.lastQuantity = *qx::core::Quantity::parse(u"2");
            ticker.volume = *qx::core::Quantity::parse(u"1250");
        }
        if (previousClose)
            ticker.previousClose = *qx::core::Price::parse(QString::fromLatin1(previousClose));
        ticker.time = QDateTime::currentDateTimeUtc();
        return ticker;
    }
    static QString cell(const MarketWatchModel &model, const QString &symbol, int column)
    {
        return model.indexOf(symbol).siblingAtColumn(column).data().toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"QuantEnergxTest"_s);
        QCoreApplication::setApplicationName(u"tst_marketwatch"_s);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
    void init() { QSettings().clear(); }

    void groupsContractsByProductAndPeriodInBoardOrder()
    {
        FakeTradingService service;
        // Out of board order, with an expired contract and intraday hours.
        service.setInstruments({ FakeTradingService::gas(), powerQuarter(), expired(),
                                 FakeTradingService::power(), powerHour(10), powerHour(9) });
        MarketWatchModel model(&service.marketData());
        QCOMPARE(model.rowCount(), 4);
        const auto title = [&](int group) {
            return model.index(group, 0).data().toString();
        };
        // Power before gas; hours before months before quarters.
        QCOMPARE(title(0), u"German power intraday · Hours"_s);
        QCOMPARE(title(1), u"German power base load · Months"_s);
        QCOMPARE(title(2), u"German power base load · Quarters"_s);
        QCOMPARE(title(3), u"Henry Hub natural gas · Months"_s);
        QVERIFY(model.index(0, 0).data(MarketWatchModel::IntradayGroupRole).toBool());
        QCOMPARE(model.rowCount(model.index(0, 0)), 2);
        QCOMPARE(model.index(0, 0, model.index(0, 0)).data().toString(), u"Mon 05 Jan 09:00"_s);
        QCOMPARE(model.rowCount(model.index(1, 0)), 1); // the expired month is not on the board
        QCOMPARE(cell(model, FakeTradingService::power().symbol, MarketWatchModel::Contract),
                 u"Mar 27"_s);
        QCOMPARE(cell(model, powerQuarter().symbol, MarketWatchModel::Contract), u"Q2 27"_s);
        QVERIFY(!model.indexOf(expired().symbol).isValid());
        // The board asks for the ticker of every contract on it.
        QCOMPARE(service.subscribedSymbols(FakeTradingService::Stream::Ticker).size(), 5);
        QVERIFY(!service.subscribedSymbols(FakeTradingService::Stream::Ticker)
                     .contains(expired().symbol));
        QCOMPARE(model.headerData(MarketWatchModel::Change, Qt::Horizontal).toString(),
                 u"Change"_s);

        // A new listing rolls the board; tickers already known stay.
        service.pushTicker(ticker(FakeTradingService::gas().symbol, "3.1", "3.2"));
        service.setInstruments({ FakeTradingService::gas() });
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(cell(model, FakeTradingService::gas().symbol, MarketWatchModel::Bid), u"3.100"_s);
        QCOMPARE(service.subscribedSymbols(FakeTradingService::Stream::Ticker),
                 QStringList { FakeTradingService::gas().symbol });
    }

    void showsTickersExactlyWithTheChangeFromThePreviousClose()
    {
        FakeTradingService service;
        service.setInstruments({ FakeTradingService::power(), FakeTradingService::gas() });
        MarketWatchModel model(&service.marketData());
        const QString power = FakeTradingService::power().symbol;
        const QString gas = FakeTradingService::gas().symbol;
        QCOMPARE(cell(model, power, MarketWatchModel::Bid), QString()); // nothing known yet
        service.pushTicker(ticker(power, "42.5", "42.75", "42.6", "41.85"));
        service.pushTicker(ticker(gas, "3.1", "3.15", "3.105", "3.2"));
        QCOMPARE(cell(model, power, MarketWatchModel::BidQuantity), u"5"_s);
        QCOMPARE(cell(model, power, MarketWatchModel::Bid), u"42.50"_s);
        QCOMPARE(cell(model, power, MarketWatchModel::Ask), u"42.75"_s);
        QCOMPARE(cell(model, power, MarketWatchModel::AskQuantity), u"7"_s);
        QCOMPARE(cell(model, power, MarketWatchModel::Last), u"42.60"_s);
        QCOMPARE(cell(model, power, MarketWatchModel::Change), u"+0.75"_s);
        QCOMPARE(cell(model, power, MarketWatchModel::Volume), u"1,250"_s);
        QCOMPARE(cell(model, gas, MarketWatchModel::Change), u"-0.095"_s);
        // Rises green, falls red.
        const auto colour = [&](const QString &symbol) {
            return model.indexOf(symbol)
                .siblingAtColumn(MarketWatchModel::Change)
                .data(Qt::ForegroundRole)
                .value<QBrush>()
                .color();
        };
        QVERIFY(colour(power).green() > colour(power).red());
        QVERIFY(colour(gas).red() > colour(gas).green());
        // No previous close (a contract's first day): no change shown, rather than a wrong one.
        service.pushTicker(ticker(power, "42.5", "42.75", "42.6"));
        QCOMPARE(cell(model, power, MarketWatchModel::Change), QString());
        // Another market's ticker changes nothing on the board.
        service.pushTicker(ticker(u"XX.M.2027-01"_s, "1", "2"));
        QVERIFY(!model.ticker(u"XX.M.2027-01"_s));
    }

    void anHourLeavesTheBoardAtItsGateClosure()
    {
        FakeTradingService service;
        // The session's clock, moved by the test: the gate closes when it says.
        qx::core::ManualClock clock(QDateTime::currentDateTimeUtc());
        service.marketData().setClock(clock);
        Instrument closing = powerHour(10);
        closing.tradingEnd = clock.nowUtc().addSecs(60);
        service.setInstruments({ closing, powerHour(11), FakeTradingService::power() });
        MarketWatchModel model(&service.marketData());
        QVERIFY(model.indexOf(closing.symbol).isValid());
        clock.advance(61'000);
        // At the model's next look at the board.
        QTRY_VERIFY_WITH_TIMEOUT(!model.indexOf(closing.symbol).isValid(),
                                 MarketWatchModel::kExpiryCheckMs * 3);
        QVERIFY(model.indexOf(powerHour(11).symbol).isValid());
        QVERIFY(!service.subscribedSymbols(FakeTradingService::Stream::Ticker)
                     .contains(closing.symbol)); // its ticker no longer followed
    }

    void aBurstIsAnnouncedOncePerFrame()
    {
        FakeTradingService service;
        service.setInstruments({ FakeTradingService::power(), FakeTradingService::gas() });
        MarketWatchModel model(&service.marketData());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const QString power = FakeTradingService::power().symbol;
        for (int i = 0; i < 500; ++i) {
            const QByteArray bid = QByteArray::number(40 + i % 7) + ".25";
            service.pushTicker(ticker(power, bid.constData(), "50"));
        }
        QCOMPARE(changed.size(), 0); // nothing painted in the middle of a burst
        QTRY_COMPARE(changed.size(), 1); // one row, once, with the next frame
        QCOMPARE(changed.first().at(0).value<QModelIndex>(), model.indexOf(power));
        QCOMPARE(changed.first().at(1).value<QModelIndex>().column(),
                 MarketWatchModel::ColumnCount - 1);
        QCOMPARE(cell(model, power, MarketWatchModel::Bid), u"42.25"_s); // the latest (499)
    }

    void priceMovesFlashAndFade()
    {
        FakeTradingService service;
        service.setInstruments({ FakeTradingService::power() });
        MarketWatchModel model(&service.marketData());
        const QString power = FakeTradingService::power().symbol;
        const auto flash = [&](int column) {
            return model.indexOf(power).siblingAtColumn(column).data(MarketWatchModel::FlashRole);
        };
        service.pushTicker(ticker(power, "42.50", "42.75"));
        QCOMPARE(flash(MarketWatchModel::Bid).toInt(), 0); // a first price is no move
        service.pushTicker(ticker(power, "42.55", "42.70"));
        QCOMPARE(flash(MarketWatchModel::Bid).toInt(), 1);
        QCOMPARE(flash(MarketWatchModel::Ask).toInt(), -1);
        QCOMPARE(flash(MarketWatchModel::Last).toInt(), 0);
        QVERIFY(model.indexOf(power)
                    .siblingAtColumn(MarketWatchModel::Bid)
                    .data(Qt::BackgroundRole)
                    .value<QBrush>()
                    .style()
                != Qt::NoBrush);
        // The flash fades by itself, and the row is repainted then.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QTRY_COMPARE_WITH_TIMEOUT(flash(MarketWatchModel::Bid).toInt(), 0,
                                  MarketWatchModel::kFlashMs * 4);
        QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 2, MarketWatchModel::kFlashMs * 4);
        QVERIFY(!model.indexOf(power)
                     .siblingAtColumn(MarketWatchModel::Bid)
                     .data(Qt::BackgroundRole)
                     .isValid());
    }

    void theDockFiltersSelectsAndKeepsFavourites()
    {
        FakeTradingService service;
        service.setInstruments(
            { FakeTradingService::power(), powerQuarter(), FakeTradingService::gas() });
        MarketWatch dock(&service.marketData());
        dock.resize(900, 400);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        QTreeView *view = dock.view();
        const auto visibleContracts = [&] {
            int count = 0;
            for (int group = 0; group < view->model()->rowCount(); ++group)
                count += view->model()->rowCount(view->model()->index(group, 0));
            return count;
        };
        QCOMPARE(visibleContracts(), 3);

        // Typing narrows to matching contracts, by period, symbol or group.
        auto *filter = dock.findChild<QLineEdit *>(u"marketWatchFilter"_s);
        QTest::keyClicks(filter, u"henry"_s);
        QCOMPARE(visibleContracts(), 1);
        filter->clear();
        QTest::keyClicks(filter, u"Q2"_s);
        QCOMPARE(visibleContracts(), 1);
        filter->clear();

        // Selecting a contract picks it for the workstation.
        QSignalSpy chosen(&dock, &MarketWatch::instrumentChosen);
        const QString gas = FakeTradingService::gas().symbol;
        const QModelIndex gasRow = dock.filter()->mapFromSource(dock.model()->indexOf(gas));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(gasRow).center());
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().first().toString(), gas);
        // Arrow keys move through the board the same way (past the gas group's title).
        QTest::keyClick(view, Qt::Key_Up);
        QCOMPARE(chosen.size(), 1);
        QTest::keyClick(view, Qt::Key_Up);
        QCOMPARE(chosen.last().first().toString(), powerQuarter().symbol);
        // Set from elsewhere (the ticket): selected, not announced back.
        dock.setCurrentSymbol(gas);
        QCOMPARE(chosen.size(), 2);
        QCOMPARE(
            view->currentIndex().siblingAtColumn(0).data(MarketWatchModel::SymbolRole).toString(),
            gas);

        // Ctrl+D marks the contract a favourite; the toggle shows favourites only.
        QTest::keyClick(view, Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(dock.model()->favourites(), QStringList { gas });
        QVERIFY(dock.model()->indexOf(gas).data().toString().startsWith(u"★"));
        dock.findChild<QToolButton *>(u"favouritesOnly"_s)->click();
        QCOMPARE(visibleContracts(), 1);
        // Kept for the next session.
        QCOMPARE(QSettings().value(u"marketWatch/favourites"_s).toStringList(),
                 QStringList { gas });
        MarketWatch later(&service.marketData());
        QCOMPARE(later.model()->favourites(), QStringList { gas });
        dock.findChild<QToolButton *>(u"favouritesOnly"_s)->click();

        // A double-click on the offer buys there, on the bid sells there.
        service.pushTicker(ticker(gas, "3.1", "3.15"));
        dock.model()->flush();
        QSignalSpy prices(&dock, &MarketWatch::priceChosen);
        const QModelIndex ask = dock.filter()->mapFromSource(
            dock.model()->indexOf(gas).siblingAtColumn(MarketWatchModel::Ask));
        // (A double-click is a press, a release and a double-click event on the same cell.)
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(ask).center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(ask).center());
        QCOMPARE(prices.size(), 1);
        QCOMPARE(prices.first().at(0).toString(), gas);
        QVERIFY(prices.first().at(1).value<Side>() == Side::Buy);
        QCOMPARE(prices.first().at(2).toString(), u"3.150"_s);
    }
};

QTEST_MAIN(TestMarketWatch)
#include "tst_marketwatch.moc"
