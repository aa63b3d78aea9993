#include "desktopsupport.h"
#include "tcpproxy.h"
#include "ui/client/localserver.h"
#include "ui/client/remotetradingservice.h"
#include "ui/models/depthmodel.h"
#include "ui/models/ordersmodel.h"
#include "ui/models/positionsmodel.h"
#include "ui/widgets/candlechart.h"
#include "ui/widgets/depthladder.h"
#include "ui/widgets/language.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/orderticket.h"
#include "ui/widgets/positionspanel.h"
#include "ui/widgets/settingsdialog.h"
#include "ui/widgets/workstation.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>

#include "testapi.h"
#include <QTest>

using qx::client::LocalServer;
using qx::client::OrderEntry;
using qx::client::RemoteTradingService;
using qx::client::TradingService;
using qx::models::OrdersModel;
using qx::models::PositionsModel;
using qx::widgets::MainWindow;
using namespace Qt::StringLiterals;

using qx::test::activeSymbol;
using qx::test::addTrader;
using qx::test::euroPowerMonth;
using qx::test::kNetworkTimeoutMs;
using qx::test::limitOrder;
using qx::test::placeAndWait;

/**
 * A trader's first session, through the real widgets, client and server: sign in, enter an
 * order in the ticket, see it in the blotter, cancel it there, and get the server's reason
 * for a rejected one next to the ticket.
 */
class TestDesktop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void placeCancelAndReject();
    void bundledLocalServerSignsInByItself();
    void theSimulatedMarketMovesOnScreen();
    void streamReconnectsAndCatchesUp();
    void twoChartsOnTwoMarketsEachGetTheirOwn();
    void ordersAreModifiedInPlaceAndCancelledAll();

private:
    template<typename T>
    static T *child(QWidget *parent, const char *name)
    {
        T *widget = parent->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
    /// The blotter row (in view order) showing the order with that client order id, or -1.
    static int rowOfClientOrder(QTableView *blotter, const QString &clientOrderId);
    static QString cell(QTableView *blotter, int row, int column)
    {
        return blotter->model()->index(row, column).data().toString();
    }

    QTemporaryDir m_dataDir;
    std::unique_ptr<LocalServer> m_server;
};

void TestDesktop::initTestCase()
{
    // The bundled servers' simulated markets with two hours of history, not a day: these
    // tests look at the screen, not the history (tst_simulation checks that).
    qputenv("QX_SIMULATE_HISTORY_HOURS", "2");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QuantEnergxTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_desktop"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(m_dataDir.isValid());

    LocalServer::Options options;
    options.serverProgram = QStringLiteral(QX_SERVER_BINARY);
    options.dataDir = m_dataDir.filePath(QStringLiteral("server"));
    m_server = std::make_unique<LocalServer>(options);
    QSignalSpy ready(m_server.get(), &LocalServer::ready);
    QSignalSpy failed(m_server.get(), &LocalServer::failed);
    m_server->start();
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 60000);
    QVERIFY2(failed.isEmpty(), qPrintable(m_server->log()));
    qInfo() << "server at" << m_server->url().toString();
}

void TestDesktop::cleanupTestCase()
{
    if (m_server)
        m_server->stop();
}

int TestDesktop::rowOfClientOrder(QTableView *blotter, const QString &clientOrderId)
{
    for (int row = 0; row < blotter->model()->rowCount(); ++row) {
        if (cell(blotter, row, OrdersModel::ClientOrderId) == clientOrderId)
            return row;
    }
    return -1;
}

void TestDesktop::placeCancelAndReject()
{
    RemoteTradingService service;
    QSignalSpy signedIn(&service, &RemoteTradingService::signedIn);
    QSignalSpy signInFailed(&service, &RemoteTradingService::signInFailed);
    service.signIn(m_server->url(), m_server->username(), m_server->password());
    QTRY_VERIFY_WITH_TIMEOUT(!signedIn.isEmpty() || !signInFailed.isEmpty(), kNetworkTimeoutMs);
    if (!signInFailed.isEmpty())
        QFAIL(qPrintable(signInFailed.first().first().value<qx::core::Error>().message));
    QCOMPARE(service.username(), m_server->username());
    QVERIFY(!service.marketData().instruments().isEmpty());

    MainWindow window(&service);
    window.resize(1500, 640);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTRY_COMPARE_WITH_TIMEOUT(service.connectionState(), TradingService::ConnectionState::Connected,
                              kNetworkTimeoutMs);

    const QString symbol = euroPowerMonth(service);
    QVERIFY2(!symbol.isEmpty(), "the server lists no EUR power instrument with a 0.01 tick");
    QVERIFY(window.ticket()->selectInstrument(symbol));

    auto *quantity = child<QLineEdit>(window.ticket(), "quantityEdit");
    auto *price = child<QLineEdit>(window.ticket(), "priceEdit");
    auto *send = child<QPushButton>(window.ticket(), "sendButton");
    auto *feedback = child<QLabel>(window.ticket(), "feedbackLabel");
    const auto enter = [&](const QString &quantityText, const QString &priceText) {
        quantity->clear();
        price->clear();
        QTest::keyClicks(quantity, quantityText);
        QTest::keyClicks(price, priceText);
    };
    QSignalSpy changed(&service.orderEntry(), &OrderEntry::orderChanged);
    QTableView *blotter = window.blotter();

    // 1. Buy 25 MW at 42.50: the blotter shows it open.
    enter(QStringLiteral("25"), QStringLiteral("42.50"));
    QCOMPARE(child<QLabel>(window.ticket(), "notionalLabel")->text(),
             u"25 MW × 42.50 EUR/MWh = 1,062.50 EUR/h");
    QVERIFY(send->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), kNetworkTimeoutMs);
    const auto first = changed.first().first().value<qx::core::protocol::Order>();
    QTRY_VERIFY(rowOfClientOrder(blotter, first.clientOrderId) >= 0);
    int row = rowOfClientOrder(blotter, first.clientOrderId);
    QCOMPARE(cell(blotter, row, OrdersModel::Symbol), symbol);
    QCOMPARE(cell(blotter, row, OrdersModel::Side), u"Buy");
    QCOMPARE(cell(blotter, row, OrdersModel::Quantity), u"25");
    QCOMPARE(cell(blotter, row, OrdersModel::Price), u"42.50");
    QTRY_COMPARE(cell(blotter, rowOfClientOrder(blotter, first.clientOrderId), OrdersModel::Status),
                 u"open");
    QTRY_VERIFY(feedback->text().contains(first.id));

    // 2. Cancel it from the blotter with the Delete key.
    row = rowOfClientOrder(blotter, first.clientOrderId);
    blotter->selectRow(row);
    blotter->setFocus();
    QVERIFY(window.cancelAction()->isEnabled());
    QTest::keyClick(blotter, Qt::Key_Delete);
    QTRY_COMPARE_WITH_TIMEOUT(
        cell(blotter, rowOfClientOrder(blotter, first.clientOrderId), OrdersModel::Status),
        u"cancelled", kNetworkTimeoutMs);
    QVERIFY(!window.cancelAction()->isEnabled());

    // 3. An order placed by another session of the same trader arrives over the stream.
    RemoteTradingService elsewhere;
    QSignalSpy elsewhereSignedIn(&elsewhere, &RemoteTradingService::signedIn);
    elsewhere.signIn(m_server->url(), m_server->username(), m_server->password());
    QTRY_VERIFY_WITH_TIMEOUT(!elsewhereSignedIn.isEmpty(), kNetworkTimeoutMs);
    const qx::core::protocol::NewOrder other
        = limitOrder(symbol, qx::core::protocol::Side::Sell, u"10", u"44.75");
    elsewhere.orderEntry().placeOrder(other);
    QTRY_VERIFY_WITH_TIMEOUT(rowOfClientOrder(blotter, other.clientOrderId) >= 0,
                             kNetworkTimeoutMs);
    QCOMPARE(cell(blotter, rowOfClientOrder(blotter, other.clientOrderId), OrdersModel::Side),
             u"Sell");
    QCOMPARE(blotter->model()->rowCount(), 2);

    // 4. A price between ticks: the server refuses, and says why next to the ticket.
    enter(QStringLiteral("5"), QStringLiteral("42.505"));
    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(feedback->text().contains(u"tick"), kNetworkTimeoutMs);
    QVERIFY2(feedback->text().contains(u"42.505"), qPrintable(feedback->text()));
    QVERIFY(feedback->styleSheet().contains(u"#c62828"));
    QCOMPARE(blotter->model()->rowCount(), 2);

    // 5. Another trader's offer, lifted from the ticket: the fill shows in the blotter.
    const QString bobPassword = QStringLiteral("bob's long passphrase");
    QVERIFY(addTrader(m_dataDir.filePath(QStringLiteral("server")), QStringLiteral("bob"),
                      bobPassword));
    RemoteTradingService bob;
    QSignalSpy bobSignedIn(&bob, &RemoteTradingService::signedIn);
    bob.signIn(m_server->url(), QStringLiteral("bob"), bobPassword);
    QTRY_VERIFY_WITH_TIMEOUT(!bobSignedIn.isEmpty(), kNetworkTimeoutMs);
    const qx::core::protocol::NewOrder offer
        = limitOrder(symbol, qx::core::protocol::Side::Sell, u"8", u"43.10");
    QVERIFY(placeAndWait(bob, offer, *m_server));
    QTest::keyClick(&window, Qt::Key_F1); // buy
    enter(QStringLiteral("8"), QStringLiteral("43.10"));
    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(blotter->model()->rowCount(), 3, kNetworkTimeoutMs);
    const auto filledRow = [&] {
        for (int row = 0; row < blotter->model()->rowCount(); ++row) {
            if (cell(blotter, row, OrdersModel::Status) == u"filled")
                return row;
        }
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(filledRow() >= 0, kNetworkTimeoutMs);
    QCOMPARE(cell(blotter, filledRow(), OrdersModel::Filled), u"8");
    QCOMPARE(cell(blotter, filledRow(), OrdersModel::Side), u"Buy");
    QCOMPARE(cell(blotter, filledRow(), OrdersModel::AveragePrice), u"43.10");
    // And the position it made: long 8 MW, marked to the market's last trade.
    QAbstractItemModel *positions = window.positions()->model();
    const auto positionRow = [&] {
        for (int row = 0; row < positions->rowCount(); ++row) {
            if (positions->index(row, PositionsModel::Contract).data().toString() == symbol)
                return row;
        }
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(positionRow() >= 0, kNetworkTimeoutMs);
    const auto position = [&](int column) {
        return positions->index(positionRow(), column).data().toString();
    };
    QCOMPARE(position(PositionsModel::Net), u"8 MW");
    QVERIFY(position(PositionsModel::Energy).endsWith(u" MWh"));
    QTRY_COMPARE_WITH_TIMEOUT(position(PositionsModel::Mark), u"43.10", kNetworkTimeoutMs);
    QCOMPARE(position(PositionsModel::Unrealised), u"0.00");
    QVERIFY2(window.positions()->totalsText().startsWith(u"EUR  realised 0.00  unrealised 0.00"),
             qPrintable(window.positions()->totalsText()));

    // Bob's fill reaches his client on the stream, and a client signing in later loads it.
    const auto soldEight = [](const QList<qx::core::protocol::Trade> &trades) {
        return trades.size() == 1 && trades.first().side == qx::core::protocol::Side::Sell
            && trades.first().quantity == *qx::core::Quantity::parse(u"8")
            && trades.first().price == *qx::core::Price::parse(u"43.10")
            && trades.first().clientOrderId.isEmpty() == false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(soldEight(bob.orderEntry().trades()), kNetworkTimeoutMs);
    RemoteTradingService bobLater;
    QSignalSpy bobLaterSignedIn(&bobLater, &RemoteTradingService::signedIn);
    bobLater.signIn(m_server->url(), QStringLiteral("bob"), bobPassword);
    QTRY_COMPARE_WITH_TIMEOUT(bobLater.connectionState(),
                              TradingService::ConnectionState::Connected, kNetworkTimeoutMs);
    QVERIFY(soldEight(bobLater.orderEntry().trades()));
    QCOMPARE(bobLater.orderEntry().trades().first().id, bob.orderEntry().trades().first().id);

    blotter->clearSelection();
    const QString directory = QStringLiteral(QX_SCREENSHOT_DIR);
    QVERIFY(QDir().mkpath(directory));
    const QString path = QDir(directory).filePath(QStringLiteral("desktop-order.png"));
    QVERIFY(window.grab().save(path));
    qInfo().noquote() << "screenshot:" << path;
}

void TestDesktop::bundledLocalServerSignsInByItself()
{
    // What a trader gets on first start with no server configured.
    QTemporaryDir dataDir;
    qx::widgets::Workstation workstation(
        { QUrl(), QStringLiteral(QX_SERVER_BINARY), dataDir.filePath(QStringLiteral("local")) });
    workstation.start();
    QTRY_COMPARE_WITH_TIMEOUT(workstation.service()->connectionState(),
                              TradingService::ConnectionState::Connected, 60000);
    QCOMPARE(workstation.service()->username(), u"trader");
    QVERIFY(!workstation.service()->marketData().instruments().isEmpty());
    QVERIFY(workstation.mainWindow()->isVisible());

    // Tools → Settings → Deutsch: the window is built anew in German, on the same session.
    qx::widgets::language::setDirectory(QStringLiteral(QX_QM_DIR));
    const MainWindow *english = workstation.mainWindow();
    qx::widgets::SettingsDialog *settings = workstation.mainWindow()->openSettings();
    settings->languageBox()->setCurrentIndex(settings->languageBox()->findData(u"de"_s));
    settings->accept();
    QTRY_VERIFY(workstation.mainWindow() != english);
    MainWindow *german = workstation.mainWindow();
    QVERIFY(german->isVisible());
    QCOMPARE(german->menuBar()->actions().first()->text(), u"&Sitzung"_s);
    QCOMPARE(workstation.service()->connectionState(), TradingService::ConnectionState::Connected);
    QVERIFY(
        german->findChild<QLabel *>(QStringLiteral("identityLabel"))->text().contains(u"trader"));
    qx::widgets::language::apply(u"en"_s);
    qx::widgets::language::save({});
}

// What `make run` shows: the bundled server's simulated market in the ladder, the time and
// sales and the chart of the instrument on the ticket, following it when the trader picks
// another; a click on an offer prefills a buy at its price.
void TestDesktop::theSimulatedMarketMovesOnScreen()
{
    QTemporaryDir dataDir;
    qx::widgets::Workstation workstation(
        { QUrl(), QStringLiteral(QX_SERVER_BINARY), dataDir.filePath(QStringLiteral("local")) });
    workstation.start();
    RemoteTradingService *service = workstation.service();
    QTRY_COMPARE_WITH_TIMEOUT(service->connectionState(),
                              TradingService::ConnectionState::Connected, 60000);
    MainWindow *window = workstation.mainWindow();
    window->resize(1600, 900);
    window->resetLayout(); // the first run's layout, for this size
    qx::widgets::OrderTicket *ticket = window->ticket();
    const QString power = euroPowerMonth(*service);
    QVERIFY(ticket->selectInstrument(power));
    QVERIFY(service->marketChannels().contains(QStringLiteral("book:") + power));

    // The market maker quotes ten levels a side: offers above bids on the ladder.
    qx::models::DepthModel *depth = window->depthLadder()->model();
    QTRY_VERIFY_WITH_TIMEOUT(depth->rowCount() >= 4 && depth->bestBidRow() >= 2, kNetworkTimeoutMs);
    const auto priceAt = [depth](int row) {
        return qx::core::Price::parse(depth->index(row, qx::models::DepthModel::Price)
                                          .data(qx::models::DepthModel::PriceRole)
                                          .toString())
            .value();
    };
    const int bestBid = depth->bestBidRow();
    QVERIFY(priceAt(bestBid - 1) > priceAt(bestBid)); // best offer above best bid
    QVERIFY(priceAt(0) > priceAt(bestBid - 1)); // the worst offer on top

    // Trades print and the chart draws candles (the taker crosses the spread now and then).
    QAbstractItemModel *tape = window->marketTradesView()->model();
    QTRY_VERIFY_WITH_TIMEOUT(tape->rowCount() > 0, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!window->chart()->candles().isEmpty(), kNetworkTimeoutMs);
    QVERIFY(window->chart()->summaryText().contains(u" O "));
    QTRY_VERIFY_WITH_TIMEOUT(window->depthLadder()->summaryText().contains(u"Last"),
                             kNetworkTimeoutMs);

    // Another hour on the chart's buttons loads that series.
    auto *hourly = window->chart()->findChild<QPushButton *>(QStringLiteral("interval_1h"));
    QVERIFY(hourly);
    QTest::mouseClick(hourly, Qt::LeftButton);
    QVERIFY(window->chart()->interval() == qx::core::CandleInterval::OneHour);
    QTRY_VERIFY_WITH_TIMEOUT(!window->chart()->candles().isEmpty(), kNetworkTimeoutMs);
    QTest::mouseClick(window->chart()->findChild<QPushButton *>(QStringLiteral("interval_1m")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!window->chart()->candles().isEmpty(), kNetworkTimeoutMs);

    // A click on the best offer: a buy at its price on the ticket.
    const QString bestOffer = depth->index(depth->bestBidRow() - 1, qx::models::DepthModel::Price)
                                  .data(qx::models::DepthModel::PriceRole)
                                  .toString();
    QTableView *ladder = window->depthLadder()->view();
    QTest::mouseClick(
        ladder->viewport(), Qt::LeftButton, {},
        ladder->visualRect(depth->index(depth->bestBidRow() - 1, qx::models::DepthModel::Price))
            .center());
    QVERIFY(ticket->side() == qx::core::protocol::Side::Buy);
    QCOMPARE(child<QLineEdit>(ticket, "priceEdit")->text(), bestOffer);

    // Picking gas on the ticket moves every market dock there.
    const QString gas = activeSymbol(*service, u"TTF.M.");
    QVERIFY(ticket->selectInstrument(gas));
    QVERIFY(service->marketChannels().contains(QStringLiteral("book:") + gas));
    QVERIFY(!service->marketChannels().contains(QStringLiteral("book:") + power));
    QCOMPARE(depth->symbol(), gas);
    QTRY_VERIFY_WITH_TIMEOUT(depth->rowCount() >= 4, kNetworkTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(window->depthLadder()->summaryText().startsWith(gas),
                             kNetworkTimeoutMs);
    QVERIFY(ticket->selectInstrument(power));
    QTRY_VERIFY_WITH_TIMEOUT(!window->chart()->candles().isEmpty() && tape->rowCount() > 0,
                             kNetworkTimeoutMs);

    const QString directory = QStringLiteral(QX_SCREENSHOT_DIR);
    QVERIFY(QDir().mkpath(directory));
    const QString path = QDir(directory).filePath(QStringLiteral("desktop-market.png"));
    QVERIFY(window->grab().save(path));
    qInfo().noquote() << "screenshot:" << path;
}

void TestDesktop::streamReconnectsAndCatchesUp()
{
    qx::test::TcpProxy proxy(static_cast<quint16>(m_server->url().port()));
    QUrl viaProxy = m_server->url();
    viaProxy.setPort(proxy.port());

    RemoteTradingService service;
    QSignalSpy signedIn(&service, &RemoteTradingService::signedIn);
    service.signIn(viaProxy, m_server->username(), m_server->password());
    QTRY_VERIFY_WITH_TIMEOUT(!signedIn.isEmpty(), kNetworkTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(service.connectionState(), TradingService::ConnectionState::Connected,
                              kNetworkTimeoutMs);
    OrdersModel model(&service.marketData(), &service.orderEntry());
    // The trader watches the power month: its book comes, and comes again after a reconnect.
    using Stream = qx::client::MarketSubscription::Stream;
    const QString power = euroPowerMonth(service);
    const auto chart = service.marketData().subscribe(power, Stream::Book | Stream::Candles,
                                                      qx::core::CandleInterval::FiveMinutes);
    QSignalSpy books(chart.get(), &qx::client::MarketSubscription::bookChanged);
    QSignalSpy candles(chart.get(), &qx::client::MarketSubscription::candlesReset);
    QTRY_VERIFY_WITH_TIMEOUT(!books.isEmpty() && !candles.isEmpty(), kNetworkTimeoutMs);
    QCOMPARE(books.last().first().value<qx::core::protocol::BookSnapshot>().symbol, power);
    // The market watch follows more tickers than the watched market's, also after a reconnect.
    const QString gas = activeSymbol(service, u"TTF.M.");
    const auto powerTicker = service.marketData().subscribe(power, Stream::Ticker);
    const auto gasTicker = service.marketData().subscribe(gas, Stream::Ticker);
    QSignalSpy powerTickers(powerTicker.get(), &qx::client::MarketSubscription::tickerChanged);
    QSignalSpy gasTickers(gasTicker.get(), &qx::client::MarketSubscription::tickerChanged);
    const auto tickerSymbols = [&] {
        QSet<QString> symbols;
        for (const QSignalSpy *tickers : { &powerTickers, &gasTickers }) {
            for (const QList<QVariant> &signal : *tickers)
                symbols.insert(signal.first().value<qx::core::protocol::Ticker>().symbol);
        }
        return symbols;
    };
    QTRY_VERIFY_WITH_TIMEOUT(tickerSymbols().contains(gas), kNetworkTimeoutMs);

    // The network goes away: the stream notices and keeps trying.
    proxy.setRefusing(true);
    proxy.dropAll();
    QTRY_COMPARE_WITH_TIMEOUT(service.connectionState(),
                              TradingService::ConnectionState::Reconnecting, kNetworkTimeoutMs);

    // Meanwhile an order is placed elsewhere; its stream event cannot reach this client.
    RemoteTradingService elsewhere;
    QSignalSpy elsewhereSignedIn(&elsewhere, &RemoteTradingService::signedIn);
    elsewhere.signIn(m_server->url(), m_server->username(), m_server->password());
    QTRY_VERIFY_WITH_TIMEOUT(!elsewhereSignedIn.isEmpty(), kNetworkTimeoutMs);
    qx::core::protocol::NewOrder missed;
    missed.clientOrderId = OrderEntry::newClientOrderId();
    missed.symbol = euroPowerMonth(service);
    missed.quantity = service.marketData().instrument(missed.symbol)->lotSize;
    // Near the market's last trade (43.10): the price band refuses far-off prices.
    missed.price = *qx::core::Price::parse(u"43.00");
    QVERIFY(placeAndWait(elsewhere, missed, *m_server));
    QTest::qWait(300);
    const auto hasMissed = [&] {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.order(row).clientOrderId == missed.clientOrderId)
                return true;
        }
        return false;
    };
    QVERIFY(!hasMissed());
    books.clear();
    candles.clear();
    powerTickers.clear();
    gasTickers.clear();

    // The network is back: the client reconnects by itself and reloads what it missed, the
    // watched market included (its book shows the order placed meanwhile).
    proxy.setRefusing(false);
    QTRY_COMPARE_WITH_TIMEOUT(service.connectionState(), TradingService::ConnectionState::Connected,
                              kNetworkTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(hasMissed(), kNetworkTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!books.isEmpty() && !candles.isEmpty(), kNetworkTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(tickerSymbols(), (QSet<QString> { power, gas }), kNetworkTimeoutMs);
    const auto book = books.last().first().value<qx::core::protocol::BookSnapshot>();
    QCOMPARE(book.symbol, power);
    QVERIFY(std::any_of(book.bids.begin(), book.bids.end(),
                        [](const auto &level) { return level.price.toString() == u"43"; }));
}

void TestDesktop::twoChartsOnTwoMarketsEachGetTheirOwn()
{
    using qx::client::MarketSubscription;
    using Stream = MarketSubscription::Stream;
    using qx::core::protocol::BookSnapshot;
    RemoteTradingService service;
    QSignalSpy signedIn(&service, &RemoteTradingService::signedIn);
    service.signIn(m_server->url(), m_server->username(), m_server->password());
    QTRY_VERIFY_WITH_TIMEOUT(!signedIn.isEmpty(), kNetworkTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(service.connectionState(), TradingService::ConnectionState::Connected,
                              kNetworkTimeoutMs);
    const QString power = euroPowerMonth(service);
    const QString gas = activeSymbol(service, u"TTF.M.");
    QVERIFY(!power.isEmpty() && !gas.isEmpty() && power != gas);

    // Two charts on two markets, and a second window on the first market.
    const MarketSubscription::Streams chartStreams = Stream::Book | Stream::Candles;
    const auto powerChart
        = service.marketData().subscribe(power, chartStreams, qx::core::CandleInterval::OneMinute);
    auto gasChart
        = service.marketData().subscribe(gas, chartStreams, qx::core::CandleInterval::OneMinute);
    auto powerAgain = service.marketData().subscribe(power, Stream::Book);
    const auto symbolsOf = [](const QSignalSpy &books) {
        QSet<QString> symbols;
        for (const QList<QVariant> &signal : books)
            symbols.insert(signal.first().value<BookSnapshot>().symbol);
        return symbols;
    };
    QSignalSpy powerBooks(powerChart.get(), &MarketSubscription::bookChanged);
    QSignalSpy powerCandles(powerChart.get(), &MarketSubscription::candlesReset);
    QSignalSpy gasBooks(gasChart.get(), &MarketSubscription::bookChanged);
    QSignalSpy gasCandles(gasChart.get(), &MarketSubscription::candlesReset);
    QSignalSpy againBooks(powerAgain.get(), &MarketSubscription::bookChanged);
    QTRY_VERIFY_WITH_TIMEOUT(!powerBooks.isEmpty() && !gasBooks.isEmpty() && !againBooks.isEmpty()
                                 && !powerCandles.isEmpty() && !gasCandles.isEmpty(),
                             kNetworkTimeoutMs);
    // The two handles on power share one server subscription.
    QCOMPARE(service.marketChannels().value(QStringLiteral("book:") + power), 2);
    QCOMPARE(service.marketChannels().value(QStringLiteral("book:") + gas), 1);

    // An order in each market: each chart sees its own, and only its own. The bids cannot
    // trade: this server runs no simulated market (no --simulate), so its books hold only what
    // the tests placed, and they go below every ask there is (checked here, so that a test
    // placing an offer there later says so instead of making this one flaky). Each goes at a
    // price no bid had, so that its level appearing is this order's doing.
    const auto firstBook = powerBooks.last().first().value<BookSnapshot>();
    for (const QString &price : { u"42.51"_s, u"42.52"_s }) {
        const qx::core::Price bid = *qx::core::Price::parse(price);
        QVERIFY2(
            std::none_of(firstBook.asks.cbegin(), firstBook.asks.cend(),
                         [&](const auto &level) { return level.price <= bid; }),
            qPrintable(u"an offer at or below %1 would trade with the test's bid"_s.arg(price)));
        QVERIFY2(std::none_of(firstBook.bids.cbegin(), firstBook.bids.cend(),
                              [&](const auto &level) { return level.price == bid; }),
                 qPrintable(u"a bid at %1 is in the book already"_s.arg(price)));
    }
    RemoteTradingService elsewhere;
    QSignalSpy elsewhereSignedIn(&elsewhere, &RemoteTradingService::signedIn);
    elsewhere.signIn(m_server->url(), m_server->username(), m_server->password());
    QTRY_VERIFY_WITH_TIMEOUT(!elsewhereSignedIn.isEmpty(), kNetworkTimeoutMs);
    powerBooks.clear();
    gasBooks.clear();
    againBooks.clear();
    const auto bidAt = [](const QSignalSpy &books, const QString &price) {
        for (const QList<QVariant> &signal : books) {
            const auto book = signal.first().value<BookSnapshot>();
            if (std::any_of(book.bids.cbegin(), book.bids.cend(),
                            [&](const auto &level) { return level.price.toString() == price; }))
                return true;
        }
        return false;
    };
    auto powerBid = qx::test::limitOrder(power, qx::core::protocol::Side::Buy, u"1", u"42.51");
    powerBid.quantity = service.marketData().instrument(power)->lotSize;
    QVERIFY(qx::test::placeAndWait(elsewhere, powerBid, *m_server));
    QTRY_VERIFY_WITH_TIMEOUT(bidAt(powerBooks, u"42.51"_s) && bidAt(againBooks, u"42.51"_s),
                             kNetworkTimeoutMs);
    QCOMPARE(symbolsOf(powerBooks), QSet<QString> { power });
    QCOMPARE(symbolsOf(againBooks), QSet<QString> { power });
    QVERIFY(symbolsOf(gasBooks).subtract({ gas }).isEmpty()); // gas's own, if any
    for (const QList<QVariant> &signal : std::as_const(powerCandles))
        QCOMPARE(signal.first().toString(), power);
    for (const QList<QVariant> &signal : std::as_const(gasCandles))
        QCOMPARE(signal.first().toString(), gas);

    // The second window on power closes: the first still follows power, and gas goes on.
    powerAgain.reset();
    QCOMPARE(service.marketChannels().value(QStringLiteral("book:") + power), 1);
    powerBooks.clear();
    gasBooks.clear();
    auto powerBid2 = powerBid;
    powerBid2.clientOrderId = OrderEntry::newClientOrderId();
    powerBid2.price = *qx::core::Price::parse(u"42.52");
    QVERIFY(qx::test::placeAndWait(elsewhere, powerBid2, *m_server));
    QTRY_VERIFY_WITH_TIMEOUT(bidAt(powerBooks, u"42.52"_s), kNetworkTimeoutMs);
    QCOMPARE(symbolsOf(powerBooks), QSet<QString> { power });
    QVERIFY(symbolsOf(gasBooks).subtract({ gas }).isEmpty()); // gas's own, if any

    // Gas's chart closes: its channels go, power's stay.
    gasChart.reset();
    QVERIFY(!service.marketChannels().contains(QStringLiteral("book:") + gas));
    QVERIFY(!service.marketChannels().contains(QStringLiteral("candles:") + gas + u":1m"_s));
    QCOMPARE(service.marketChannels().value(QStringLiteral("candles:") + power + u":1m"_s), 1);
}

void TestDesktop::ordersAreModifiedInPlaceAndCancelledAll()
{
    RemoteTradingService service;
    QSignalSpy signedIn(&service, &RemoteTradingService::signedIn);
    service.signIn(m_server->url(), m_server->username(), m_server->password());
    QTRY_VERIFY_WITH_TIMEOUT(!signedIn.isEmpty(), kNetworkTimeoutMs);
    MainWindow window(&service);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTRY_COMPARE_WITH_TIMEOUT(service.connectionState(), TradingService::ConnectionState::Connected,
                              kNetworkTimeoutMs);
    const QString symbol = euroPowerMonth(service);
    const qx::core::protocol::NewOrder bid
        = limitOrder(symbol, qx::core::protocol::Side::Buy, u"6", u"41.00");
    QVERIFY(placeAndWait(service, bid, *m_server));
    qx::core::protocol::NewOrder second = bid;
    second.clientOrderId = OrderEntry::newClientOrderId();
    second.price = *qx::core::Price::parse(u"40.50");
    QVERIFY(placeAndWait(service, second, *m_server));

    // The price edited in the blotter: the server moves the order, the row follows.
    QTableView *blotter = window.blotter();
    QTRY_VERIFY(rowOfClientOrder(blotter, bid.clientOrderId) >= 0);
    const auto priceOf = [&](const QString &clientOrderId) {
        return cell(blotter, rowOfClientOrder(blotter, clientOrderId), OrdersModel::Price);
    };
    QVERIFY(blotter->model()->setData(
        blotter->model()->index(rowOfClientOrder(blotter, bid.clientOrderId), OrdersModel::Price),
        u"41.25"_s));
    QTRY_COMPARE_WITH_TIMEOUT(priceOf(bid.clientOrderId), u"41.25"_s, kNetworkTimeoutMs);
    // A price between ticks: refused by the server, said in the status bar, nothing moves.
    QSignalSpy rejected(&service.orderEntry(), &OrderEntry::modifyRejected);
    QVERIFY(blotter->model()->setData(
        blotter->model()->index(rowOfClientOrder(blotter, bid.clientOrderId), OrdersModel::Price),
        u"41.255"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!rejected.isEmpty(), kNetworkTimeoutMs);
    QVERIFY2(window.statusBar()->currentMessage().contains(u"rejected"),
             qPrintable(window.statusBar()->currentMessage()));
    QCOMPARE(priceOf(bid.clientOrderId), u"41.25"_s);

    // Orders → Cancel all, confirmed: every live order of the trader ends cancelled.
    QSignalSpy allCancelled(&service.orderEntry(), &OrderEntry::allCancelled);
    window.cancelAllAction()->trigger();
    auto *question = window.findChild<QMessageBox *>(u"cancelAllQuestion"_s);
    QVERIFY(question);
    QTest::mouseClick(question->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!allCancelled.isEmpty(), kNetworkTimeoutMs);
    QVERIFY(allCancelled.first().first().toInt() >= 2);
    const QList<qx::core::protocol::Order> orders = service.orderEntry().orders();
    QVERIFY(std::none_of(orders.cbegin(), orders.cend(), [](const auto &order) {
        return qx::core::protocol::isLive(order.status);
    }));
    QTRY_COMPARE(
        cell(blotter, rowOfClientOrder(blotter, second.clientOrderId), OrdersModel::Status),
        u"cancelled"_s);
}

QTEST_MAIN(TestDesktop)
#include "tst_desktop.moc"
