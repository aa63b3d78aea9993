#include "faketradingservice.h"
#include "ui/models/depthmodel.h"
#include "ui/models/marketwatchmodel.h"
#include "ui/models/ordersmodel.h"
#include "ui/models/positionsmodel.h"
#include "ui/models/tradesmodel.h"
#include "ui/widgets/candlechart.h"
#include "ui/widgets/depthladder.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/markettable.h"
#include "ui/widgets/marketwatch.h"
#include "ui/widgets/orderticket.h"
#include "ui/widgets/positionspanel.h"
#include "ui/widgets/theme.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using qx::core::protocol::OrderStatus;
using qx::core::protocol::Side;
using qx::models::OrdersModel;
using qx::models::PositionsModel;
using qx::models::TradesModel;
using qx::test::FakeTradingService;
using qx::widgets::MainWindow;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theFirstRunFillsTheScreen();
    void showsConnectionAndUser();
    void cancelsTheSelectedLiveOrder();
    void showsNewestOrdersFirst();
    void showsFillsNewestFirstInTheirDock();
    void reportsRejectedCancels();
    void theMarketDocksFollowTheTicket();
    void theMarketWatchPicksAndPrefills();
    void layoutsAreSavedByNameAndRestored();
    void theThemeSwitchesAtOnceAndIsKept();
    void cancelAllAsksOnceThenCancelsEverything();
    void blotterColumnsAreChosenAndKept();
    void anOrderIsModifiedWhereItIsShown();
    void everyControlHasANameForScreenReaders();
    void theTicketIsFilledInTabOrder();
};

void TestMainWindow::initTestCase()
{
    // QSettings (window layout) then goes to a throw-away location, not the user's.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QuantEnergxTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
}

void TestMainWindow::theFirstRunFillsTheScreen()
{
    // Nothing saved yet: the whole screen, as a trading screen is used.
    QSettings().clear();
    FakeTradingService service;
    MainWindow window(&service);
    QVERIFY(window.windowState().testFlag(Qt::WindowMaximized));
    QCOMPARE(window.geometry(), window.screen()->availableGeometry());
}

void TestMainWindow::showsConnectionAndUser()
{
    FakeTradingService service;
    service.setConnectionState(FakeTradingService::ConnectionState::Connecting);
    MainWindow window(&service);
    auto *connection = window.findChild<QLabel *>(QStringLiteral("connectionLabel"));
    auto *identity = window.findChild<QLabel *>(QStringLiteral("identityLabel"));
    QVERIFY(connection->text().contains(u"Connecting"));
    service.setConnectionState(FakeTradingService::ConnectionState::Connected);
    QVERIFY(connection->text().contains(u"Connected"));
    service.setConnectionState(FakeTradingService::ConnectionState::Reconnecting);
    QVERIFY(connection->text().contains(u"Reconnecting"));
    QVERIFY(identity->text().isEmpty());
    service.setIdentity(QStringLiteral("alice"), QStringLiteral("trader"));
    QCOMPARE(identity->text(), u"alice (trader)");
    QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("orderTicketDock")));
}

void TestMainWindow::cancelsTheSelectedLiveOrder()
{
    FakeTradingService service;
    const QString symbol = QStringLiteral("DE.BASE.M.2027-03");
    service.resetOrders(
        { FakeTradingService::order(QStringLiteral("live"), symbol, Side::Buy, QStringLiteral("1"),
                                    QStringLiteral("1")),
          FakeTradingService::order(QStringLiteral("done"), symbol, Side::Buy, QStringLiteral("1"),
                                    QStringLiteral("1"), OrderStatus::Cancelled) });
    MainWindow window(&service);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTableView *blotter = window.blotter();
    QVERIFY(!window.cancelAction()->isEnabled());

    const auto selectOrder = [&](const QString &id) {
        for (int row = 0; row < blotter->model()->rowCount(); ++row) {
            const QModelIndex index = blotter->model()->index(row, OrdersModel::OrderId);
            if (index.data().toString() == id) {
                blotter->selectRow(row);
                return;
            }
        }
        QFAIL("order not in the blotter");
    };
    selectOrder(QStringLiteral("done"));
    QVERIFY(!window.cancelAction()->isEnabled());
    selectOrder(QStringLiteral("live"));
    QVERIFY(window.cancelAction()->isEnabled());

    blotter->setFocus();
    QTest::keyClick(blotter, Qt::Key_Delete);
    QCOMPARE(service.cancelled, QStringList { QStringLiteral("live") });
    QVERIFY(blotter->actions().contains(window.cancelAction())); // the context menu

    // Once the server confirms, the order can no longer be cancelled.
    service.pushOrder(FakeTradingService::order(QStringLiteral("live"), symbol, Side::Buy,
                                                QStringLiteral("1"), QStringLiteral("1"),
                                                OrderStatus::Cancelled));
    QVERIFY(!window.cancelAction()->isEnabled());
}

void TestMainWindow::showsNewestOrdersFirst()
{
    FakeTradingService service;
    MainWindow window(&service);
    const QString symbol = QStringLiteral("DE.BASE.M.2027-03");
    const QDateTime base(QDate(2027, 1, 4), QTime(9, 0), Qt::UTC);
    service.pushOrder(FakeTradingService::order(QStringLiteral("old"), symbol, Side::Buy,
                                                QStringLiteral("1"), QStringLiteral("1"),
                                                OrderStatus::Open, base));
    service.pushOrder(FakeTradingService::order(QStringLiteral("new"), symbol, Side::Buy,
                                                QStringLiteral("1"), QStringLiteral("1"),
                                                OrderStatus::Open, base.addSecs(5)));
    window.ordersModel()->flush();
    QCOMPARE(window.blotter()->model()->index(0, OrdersModel::OrderId).data().toString(), u"new");
}

void TestMainWindow::showsFillsNewestFirstInTheirDock()
{
    FakeTradingService service;
    MainWindow window(&service);
    window.show();
    const QString symbol = QStringLiteral("DE.BASE.M.2027-03");
    const QDateTime base(QDate(2027, 1, 4), QTime(9, 0), Qt::UTC);
    service.pushTrade(FakeTradingService::trade(QStringLiteral("7"), symbol, Side::Buy,
                                                QStringLiteral("1"), QStringLiteral("40"), base));
    service.pushTrade(FakeTradingService::trade(QStringLiteral("8"), symbol, Side::Sell,
                                                QStringLiteral("2"), QStringLiteral("41"),
                                                base.addSecs(5)));
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("fillsDock"));
    QVERIFY(dock && dock->isVisible());
    QVERIFY(dock->widget()->isAncestorOf(window.fillsBlotter()));
    QAbstractItemModel *fills = window.fillsBlotter()->model();
    QTRY_COMPARE(fills->rowCount(), 2);
    QCOMPARE(fills->index(0, TradesModel::TradeId).data().toString(), u"8");
    QCOMPARE(fills->index(0, TradesModel::Side).data().toString(), u"Sell");
}

void TestMainWindow::reportsRejectedCancels()
{
    FakeTradingService service;
    MainWindow window(&service);
    Q_EMIT service.orderEntry().cancelRejected(
        QStringLiteral("o-1"),
        { qx::core::ErrorCode::OrderNotLive, QStringLiteral("The order is already cancelled.") });
    QVERIFY(window.statusBar()->currentMessage().contains(u"already cancelled"));
}

void TestMainWindow::theMarketDocksFollowTheTicket()
{
    using qx::core::CandleInterval;
    using qx::models::DepthModel;
    FakeTradingService service;
    service.setInstruments({ FakeTradingService::power(), FakeTradingService::gas() });
    MainWindow window(&service);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    for (const char *dock : { "depthDock", "marketTradesDock", "chartDock" })
        QVERIFY(window.findChild<QDockWidget *>(QString::fromLatin1(dock)));
    const QString power = FakeTradingService::power().symbol;
    const QString gas = FakeTradingService::gas().symbol;
    QCOMPARE(service.watched(), power); // the ticket's first instrument, from the start
    QVERIFY(service.watchedInterval() == CandleInterval::OneMinute);

    // The status bar's clock: UTC and the market's own time (Berlin for power).
    auto *clock = window.findChild<QLabel *>(QStringLiteral("clockLabel"));
    QVERIFY(clock);
    const QRegularExpression clockFormat(
        QStringLiteral("^UTC (\\d\\d):\\d\\d:\\d\\d · (\\w+) (\\d\\d):\\d\\d:\\d\\d$"));
    QRegularExpressionMatch shown = clockFormat.match(clock->text());
    QVERIFY2(shown.hasMatch(), qPrintable(clock->text()));
    QCOMPARE(shown.captured(2), u"Berlin");
    const int ahead = (shown.captured(3).toInt() - shown.captured(1).toInt() + 24) % 24;
    QVERIFY2(ahead == 1 || ahead == 2, qPrintable(clock->text())); // CET or CEST

    QVERIFY(window.ticket()->selectInstrument(gas));
    QCOMPARE(service.watched(), gas);
    QVERIFY(clock->text().contains(u" · Chicago "));
    QCOMPARE(window.depthLadder()->model()->symbol(), gas);

    // The gas book arrives; a click on its offer makes the ticket a buy at that price.
    qx::core::protocol::BookSnapshot book;
    book.symbol = gas;
    book.bids = { { *qx::core::Price::parse(u"3.1"), *qx::core::Quantity::parse(u"10"), 1 } };
    book.asks = { { *qx::core::Price::parse(u"3.125"), *qx::core::Quantity::parse(u"5"), 1 } };
    service.pushBook(book);
    QTableView *ladder = window.depthLadder()->view();
    QCOMPARE(ladder->model()->rowCount(), 2);
    QTest::mouseClick(ladder->viewport(), Qt::LeftButton, {},
                      ladder->visualRect(ladder->model()->index(0, DepthModel::Price)).center());
    QVERIFY(window.ticket()->side() == Side::Buy);
    QCOMPARE(window.ticket()->findChild<QLineEdit *>(QStringLiteral("priceEdit"))->text(),
             u"3.125");
    QTest::mouseClick(ladder->viewport(), Qt::LeftButton, {},
                      ladder->visualRect(ladder->model()->index(1, DepthModel::Price)).center());
    QVERIFY(window.ticket()->side() == Side::Sell); // hitting the bid

    // Candles reach the chart for the watched market and interval only.
    const qx::core::Candle candle { 1'800'000'000'000,
                                    *qx::core::Price::parse(u"3.1"),
                                    *qx::core::Price::parse(u"3.2"),
                                    *qx::core::Price::parse(u"3.05"),
                                    *qx::core::Price::parse(u"3.15"),
                                    *qx::core::Quantity::parse(u"20"),
                                    2 };
    service.pushCandles(power, CandleInterval::OneMinute, { candle });
    QVERIFY(window.chart()->candles().isEmpty());
    service.pushCandles(gas, CandleInterval::OneHour, { candle });
    QVERIFY(window.chart()->candles().isEmpty());
    service.pushCandles(gas, CandleInterval::OneMinute, { candle });
    QCOMPARE(window.chart()->candles().size(), 1);
    qx::core::Candle next = candle;
    next.start += 60'000;
    service.pushCandle(gas, CandleInterval::OneMinute, next);
    QCOMPARE(window.chart()->candles().size(), 2);

    // Another interval on the chart: the session watches that series.
    QTest::mouseClick(window.chart()->findChild<QPushButton *>(QStringLiteral("interval_5m")),
                      Qt::LeftButton);
    QCOMPARE(service.watched(), gas);
    QVERIFY(service.watchedInterval() == CandleInterval::FiveMinutes);
}

void TestMainWindow::theMarketWatchPicksAndPrefills()
{
    using qx::models::MarketWatchModel;
    FakeTradingService service;
    service.setInstruments({ FakeTradingService::power(), FakeTradingService::gas() });
    QSettings().remove(QStringLiteral("mainWindow"));
    MainWindow window(&service);
    // A desk's screen, wider than the offscreen platform's.
    window.setWindowState(Qt::WindowNoState);
    window.resize(1800, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    qx::widgets::MarketWatch *board = window.marketWatch();
    const QString power = FakeTradingService::power().symbol;
    const QString gas = FakeTradingService::gas().symbol;
    // The board follows both markets' tickers and shows the ticket's instrument selected.
    QCOMPARE(service.subscribedSymbols(FakeTradingService::Stream::Ticker),
             (QStringList { power, gas }));
    QCOMPARE(board->currentSymbol(), power);

    // A contract picked on the board moves the ticket and every market dock.
    QTreeView *view = board->view();
    // The first run's layout gives the board the width of its columns on a desk's screen.
    QVERIFY2(view->viewport()->width() >= view->header()->length() - 2,
             qPrintable(QString::number(view->viewport()->width())));
    const auto rowOf = [&](const QString &symbol, int column) {
        return board->filter()->mapFromSource(
            board->model()->indexOf(symbol).siblingAtColumn(column));
    };
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->visualRect(rowOf(gas, MarketWatchModel::Contract)).center());
    QCOMPARE(window.ticket()->currentSymbol(), gas);
    QCOMPARE(service.watched(), gas);
    QCOMPARE(window.depthLadder()->model()->symbol(), gas);
    // And the ticket picking another moves the board's selection.
    QVERIFY(window.ticket()->selectInstrument(power));
    QCOMPARE(board->currentSymbol(), power);

    // A double-click on gas's bid: a sell of gas at the bid on the ticket.
    qx::core::protocol::Ticker ticker;
    ticker.symbol = gas;
    ticker.bid = { *qx::core::Price::parse(u"3.1"), *qx::core::Quantity::parse(u"10"), 1 };
    service.pushTicker(ticker);
    board->model()->flush();
    const QPoint bid = view->visualRect(rowOf(gas, MarketWatchModel::Bid)).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, bid);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, bid);
    QCOMPARE(window.ticket()->currentSymbol(), gas);
    QVERIFY(window.ticket()->side() == Side::Sell);
    QCOMPARE(window.ticket()->findChild<QLineEdit *>(QStringLiteral("priceEdit"))->text(),
             u"3.100");
}

void TestMainWindow::layoutsAreSavedByNameAndRestored()
{
    QSettings().remove(QStringLiteral("mainWindow"));
    FakeTradingService service;
    service.setInstruments({ FakeTradingService::power() });
    auto window = std::make_unique<MainWindow>(&service);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    const auto dock = [&](const char *name) {
        return window->findChild<QDockWidget *>(QString::fromLatin1(name));
    };
    // Every dock can be closed and brought back from the View menu.
    QAction *chartToggle = dock("chartDock")->toggleViewAction();
    QList<QAction *> menuActions;
    for (QAction *menu : window->menuBar()->actions()) {
        if (menu->menu())
            menuActions += menu->menu()->actions();
    }
    QVERIFY(menuActions.contains(chartToggle));
    chartToggle->trigger();
    QVERIFY(dock("chartDock")->isHidden());

    // "Spreads": no chart, the ladder floating. Saved, then changed.
    dock("depthDock")->setFloating(true);
    window->saveLayout(QStringLiteral("Spreads"));
    window->saveLayout(QStringLiteral("Morning"));
    QCOMPARE(window->savedLayouts(),
             (QStringList { QStringLiteral("Morning"), QStringLiteral("Spreads") }));
    window->resetLayout();
    QVERIFY(!dock("chartDock")->isHidden());
    QVERIFY(!dock("depthDock")->isFloating());

    // Restored by name, also in a later session.
    QVERIFY(window->restoreLayout(QStringLiteral("Spreads")));
    QVERIFY(dock("chartDock")->isHidden());
    QVERIFY(dock("depthDock")->isFloating());
    QVERIFY(!window->restoreLayout(QStringLiteral("Evening"))); // no such layout: nothing moves
    QVERIFY(dock("chartDock")->isHidden());
    window->resetLayout();
    window->deleteLayout(QStringLiteral("Morning"));
    window->close();
    window = std::make_unique<MainWindow>(&service);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QCOMPARE(window->savedLayouts(), QStringList { QStringLiteral("Spreads") });
    QVERIFY(!dock("chartDock")->isHidden()); // the session as it was closed: reset
    QVERIFY(window->restoreLayout(QStringLiteral("Spreads")));
    QVERIFY(dock("chartDock")->isHidden());
}

void TestMainWindow::theThemeSwitchesAtOnceAndIsKept()
{
    namespace theme = qx::widgets::theme;
    FakeTradingService service;
    service.setInstruments({ FakeTradingService::power() });
    service.resetOrders(
        { FakeTradingService::order(QStringLiteral("1"), FakeTradingService::power().symbol,
                                    Side::Buy, QStringLiteral("5"), QStringLiteral("40")) });
    MainWindow window(&service);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const auto buyColour = [&] {
        return window.ordersModel()
            ->index(0, OrdersModel::Side)
            .data(Qt::ForegroundRole)
            .value<QBrush>()
            .color();
    };
    const QColor onLight = buyColour();
    auto *dark = window.findChild<QAction *>(QStringLiteral("darkThemeAction"));
    QVERIFY(dark);
    dark->trigger();
    QVERIFY(theme::isDark());
    QTRY_VERIFY(window.blotter()->palette().color(QPalette::Base).lightness() < 64);
    // Bids stay blue, in a shade that reads on the dark background.
    QVERIFY(buyColour().lightness() > onLight.lightness());
    QVERIFY(buyColour().blue() > buyColour().red());
    QVERIFY(theme::saved() == theme::Theme::Dark); // for the next start
    // The connection's colour too.
    auto *connection = window.findChild<QLabel *>(QStringLiteral("connectionLabel"));
    QVERIFY(connection);
    QTRY_VERIFY(connection->styleSheet().contains(theme::colour(theme::Tone::Gain).name()));
    window.findChild<QAction *>(QStringLiteral("lightThemeAction"))->trigger();
    QVERIFY(!theme::isDark());
    QCOMPARE(buyColour(), onLight);
    QVERIFY(theme::saved() == theme::Theme::Light);
}

void TestMainWindow::cancelAllAsksOnceThenCancelsEverything()
{
    FakeTradingService service;
    const QString symbol = QStringLiteral("DE.BASE.M.2027-03");
    MainWindow window(&service);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    // Nothing live: nothing to ask.
    window.cancelAllAction()->trigger();
    QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("cancelAllQuestion")));
    QVERIFY(window.statusBar()->currentMessage().contains(u"No live orders"));

    service.resetOrders(
        { FakeTradingService::order(QStringLiteral("1"), symbol, Side::Buy, QStringLiteral("1"),
                                    QStringLiteral("40")),
          FakeTradingService::order(QStringLiteral("2"), symbol, Side::Sell, QStringLiteral("1"),
                                    QStringLiteral("45")),
          FakeTradingService::order(QStringLiteral("3"), symbol, Side::Sell, QStringLiteral("1"),
                                    QStringLiteral("45"), OrderStatus::Filled) });
    // "No" changes nothing.
    window.cancelAllAction()->trigger();
    auto *question = window.findChild<QMessageBox *>(QStringLiteral("cancelAllQuestion"));
    QVERIFY(question && question->isVisible());
    QVERIFY2(question->text().contains(u"2 live order"), qPrintable(question->text()));
    QTest::mouseClick(question->button(QMessageBox::No), Qt::LeftButton);
    QCOMPARE(service.cancelAllRequests, 0);
    // "Yes" sends one request for them all, and the answer is reported.
    QTRY_VERIFY(!window.findChild<QMessageBox *>(QStringLiteral("cancelAllQuestion")));
    window.cancelAllAction()->trigger();
    question = window.findChild<QMessageBox *>(QStringLiteral("cancelAllQuestion"));
    QVERIFY(question);
    QTest::mouseClick(question->button(QMessageBox::Yes), Qt::LeftButton);
    QCOMPARE(service.cancelAllRequests, 1);
    Q_EMIT service.orderEntry().allCancelled(2);
    QVERIFY(window.statusBar()->currentMessage().contains(u"2 order"));
    Q_EMIT service.orderEntry().cancelRejected(
        QString(),
        qx::core::makeError(qx::core::ErrorCode::StorageUnavailable,
                            QStringLiteral("The store is down.")));
    QVERIFY(window.statusBar()->currentMessage().contains(u"Cancel all rejected: The store"));
}

void TestMainWindow::blotterColumnsAreChosenAndKept()
{
    FakeTradingService service;
    {
        MainWindow window(&service);
        QTableView *fills = window.fillsBlotter();
        std::unique_ptr<QMenu> menu(qx::widgets::blotterColumnsMenu(fills));
        QCOMPARE(menu->actions().size(), TradesModel::ColumnCount);
        QAction *tradeId = menu->actions().at(TradesModel::TradeId);
        QCOMPARE(tradeId->text(),
                 fills->model()->headerData(TradesModel::TradeId, Qt::Horizontal).toString());
        tradeId->setChecked(false);
        QVERIFY(fills->isColumnHidden(TradesModel::TradeId));
        // The last column shown cannot go: the blotter would be blank.
        for (int column = 0; column < TradesModel::ColumnCount; ++column) {
            if (column != TradesModel::Symbol)
                fills->setColumnHidden(column, true);
        }
        std::unique_ptr<QMenu> lastOne(qx::widgets::blotterColumnsMenu(fills));
        QVERIFY(!lastOne->actions().at(TradesModel::Symbol)->isEnabled());
        QVERIFY(lastOne->actions().at(TradesModel::Price)->isEnabled());
        lastOne->actions().at(TradesModel::Price)->setChecked(true);
        QVERIFY(!fills->isColumnHidden(TradesModel::Price));
        window.saveSession();
    }
    // The next session shows the columns as they were left, the positions' too.
    {
        MainWindow positions(&service);
        positions.positions()->positionsView()->setColumnHidden(PositionsModel::Realised, true);
        positions.saveSession();
    }
    MainWindow next(&service);
    QVERIFY(next.positions()->positionsView()->isColumnHidden(PositionsModel::Realised));
    next.positions()->positionsView()->setColumnHidden(PositionsModel::Realised, false);
    QVERIFY(next.fillsBlotter()->isColumnHidden(TradesModel::TradeId));
    QVERIFY(!next.fillsBlotter()->isColumnHidden(TradesModel::Price));
    QVERIFY(!next.fillsBlotter()->isColumnHidden(TradesModel::Symbol));
    for (int column = 0; column < TradesModel::ColumnCount; ++column)
        next.fillsBlotter()->setColumnHidden(column, false);
    next.saveSession();
}

void TestMainWindow::anOrderIsModifiedWhereItIsShown()
{
    FakeTradingService service;
    service.setInstruments({ FakeTradingService::power() });
    const QString symbol = FakeTradingService::power().symbol;
    service.resetOrders({ FakeTradingService::order(QStringLiteral("7"), symbol, Side::Buy,
                                                    QStringLiteral("5"), QStringLiteral("40")) });
    MainWindow window(&service);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTableView *blotter = window.blotter();
    const QModelIndex price = blotter->model()->index(0, OrdersModel::Price);
    // A double-click opens an editor on the price, starting from its exact value.
    blotter->scrollTo(price);
    const QPoint at = blotter->visualRect(price).center();
    QTest::mouseClick(blotter->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(blotter->viewport(), Qt::LeftButton, {}, at);
    auto *editor = blotter->viewport()->findChild<QLineEdit *>();
    QVERIFY(editor && editor->isVisible());
    QCOMPARE(editor->text(), QStringLiteral("40.00"));
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("39.75"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(service.modified.size(), 1); // the delegate commits on the next pass
    QCOMPARE(service.modified.first().second.price->toString(2), QStringLiteral("39.75"));
    // The server's refusal is told in the status bar; the blotter still shows 40.00.
    Q_EMIT service.orderEntry().modifyRejected(
        QStringLiteral("7"),
        qx::core::makeError(qx::core::ErrorCode::PriceBand,
                            QStringLiteral("Too far from the last.")));
    QVERIFY(window.statusBar()->currentMessage().contains(u"Change of order 7 rejected"));
    QCOMPARE(price.data().toString(), QStringLiteral("40.00"));
}

void TestMainWindow::everyControlHasANameForScreenReaders()
{
    // What a screen reader says for each control the keyboard reaches: never nothing.
    FakeTradingService service;
    service.setInstruments({ FakeTradingService::power(), FakeTradingService::gas() });
    MainWindow window(&service);
    window.setWindowState(Qt::WindowNoState);
    window.resize(1600, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QStringList unnamed;
    for (QWidget *widget : window.findChildren<QWidget *>()) {
        if (!widget->isVisible() || widget->focusPolicy() == Qt::NoFocus || !widget->isEnabled()
            || qobject_cast<QScrollBar *>(widget))
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty()) {
            unnamed.append(QString::fromLatin1(widget->metaObject()->className()) + u' '
                           + widget->objectName() + u" in " + widget->parentWidget()->objectName());
        }
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", ")));
}

void TestMainWindow::theTicketIsFilledInTabOrder()
{
    // Instrument, side, type, time in force, quantity, price, then the buttons: the order a
    // trader types an order in, without the mouse.
    FakeTradingService service;
    service.setInstruments({ FakeTradingService::power() });
    MainWindow window(&service);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QWidget *ticket = window.ticket();
    auto *instrument = ticket->findChild<QComboBox *>(QStringLiteral("instrumentCombo"));
    QVERIFY(instrument);
    instrument->setFocus();
    QStringList visited;
    for (int step = 0; step < 12 && ticket->isAncestorOf(QApplication::focusWidget()); ++step) {
        visited.append(QApplication::focusWidget()->objectName());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    }
    const auto before = [&](const char *first, const char *second) {
        const qsizetype a = visited.indexOf(QString::fromLatin1(first));
        const qsizetype b = visited.indexOf(QString::fromLatin1(second));
        return a >= 0 && b >= 0 && a < b;
    };
    QVERIFY2(before("instrumentCombo", "quantityEdit"), qPrintable(visited.join(u' ')));
    QVERIFY2(before("quantityEdit", "priceEdit"), qPrintable(visited.join(u' ')));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
