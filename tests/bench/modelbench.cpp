// qx-bench-models: the workstation's models and views under a storm of events.
//
// Feeds fills (the trader's own trades) and price updates (tickers of the whole board) through
// a TradingService into the real MainWindow, as the stream would deliver them, and prints:
//  1. the time per update inside the models (everything connected to the service's signal:
//     the blotter's model and its sort/filter proxy, positions, delivery months, totals; the
//     market watch and its frame-coalesced model), window hidden, events as fast as possible:
//     the process's CPU time over the events and the frames that follow them, so that work
//     the models put off to the end of a frame is counted too;
//  2. with the window shown at 1920x1080 (offscreen platform: real painting into a backing
//     store, no GPU), events at a steady rate for a few seconds: the time each frame takes
//     to paint, and the longest the event loop was kept from running;
//  3. a fills blotter of 100,000 rows on screen: loading it, filtering it as one types,
//     sorting it by another column and scrolling it, each with its repaint;
//  4. through the real RemoteTradingService against a FakeServer (on a thread of its own, as
//     a server is in a process of its own), the window shown: signing in to a history of
//     100,000 fills, then the stream dropped and the reload after the reconnect, while a
//     0 ms timer measures the longest the GUI thread went without turning its event loop.
//
// Usage: qx-bench-models [--trades N] [--tickers N] [--seconds S] [--trade-rate R]
//                        [--ticker-rate R] [--history N] [--missed N] [--parts 1234]
// Goals (issue 6): <= 2 us per model update, no frame over 16 ms; (issue 14) no stall over
// 100 ms in a reconnect's reload. Build in Release (`make bench`) for figures.

#include "core/productcatalog.h"
#include "fakeserver.h"
#include "faketradingservice.h"
#include "ui/client/remotetradingservice.h"
#include "ui/models/tradesmodel.h"
#include "ui/widgets/blotterfilter.h"
#include "ui/widgets/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSemaphore>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>
#include <vector>

using qx::core::Decimal;
using qx::core::Instrument;
using qx::core::Price;
using qx::core::Quantity;
namespace protocol = qx::core::protocol;

namespace {

// Times the painting of every frame of top-level windows: Qt paints a window's dirty widgets
// in one go when the window gets its UpdateRequest.
class FrameTimingApplication : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!m_timing)
            return QApplication::notify(receiver, event);
        const bool frame = event->type() == QEvent::UpdateRequest && receiver->isWidgetType()
            && static_cast<QWidget *>(receiver)->isWindow();
        const QEvent::Type type = event->type();
        // Before: the event may delete its receiver (DeferredDelete).
        const char *className = receiver->metaObject()->className();
        const QString parentClassName = receiver->parent()
            ? QString::fromLatin1(receiver->parent()->metaObject()->className())
            : receiver->objectName();
        QElapsedTimer clock;
        clock.start();
        const bool handled = QApplication::notify(receiver, event);
        const qint64 ns = clock.nsecsElapsed();
        if (frame)
            frameNs.push_back(ns);
        // The one event that kept the loop busiest, to say where a stall comes from.
        if (ns > longestNs) {
            longestNs = ns;
            longest = QStringLiteral("%1 to a %2 of a %3")
                          .arg(QString::number(int(type)), QString::fromLatin1(className),
                               parentClassName);
        }
        return handled;
    }
    void setTiming(bool timing) { m_timing = timing; }

    std::vector<qint64> frameNs;
    qint64 longestNs = 0;
    QString longest;

private:
    bool m_timing = false;
};

struct Percentiles
{
    double p50 = 0, p99 = 0, max = 0;
};

Percentiles percentilesMs(std::vector<qint64> ns)
{
    if (ns.empty())
        return {};
    std::sort(ns.begin(), ns.end());
    const auto at = [&](double q) {
        return ns[std::min(ns.size() - 1, static_cast<std::size_t>(q * double(ns.size())))] / 1e6;
    };
    return { at(0.50), at(0.99), ns.back() / 1e6 };
}

// The instruments of the default catalog tradable today: the board the market watch shows.
QList<Instrument> todaysInstruments()
{
    QFile file(QStringLiteral(QX_SOURCE_DIR "/resources/catalog/default-products.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the catalog: %s", qPrintable(file.errorString()));
    const auto catalog = qx::core::ProductCatalog::fromJson(file.readAll());
    if (!catalog)
        qFatal("catalog: %s", qPrintable(catalog.error().message));
    QList<Instrument> instruments;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Instrument &instrument : catalog->instrumentsOn(now.date())) {
        if (!instrument.isExpired(now))
            instruments.append(instrument);
    }
    return instruments;
}

Price priceAt(const Instrument &instrument, std::int64_t ticks)
{
    return Price(Decimal::fromUnits(instrument.tickSize.decimal().units() * ticks));
}

Quantity lots(const Instrument &instrument, std::int64_t count)
{
    return Quantity(Decimal::fromUnits(instrument.lotSize.decimal().units() * count));
}

// Fills of a trader active in `traded` contracts, a millisecond apart, oldest first.
std::vector<protocol::Trade> makeTrades(const QList<Instrument> &traded, int count)
{
    QRandomGenerator random(42);
    std::vector<protocol::Trade> trades;
    trades.reserve(std::size_t(count));
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-3600);
    for (int i = 0; i < count; ++i) {
        const Instrument &instrument = traded[random.bounded(int(traded.size()))];
        protocol::Trade trade;
        trade.id = QStringLiteral("T%1").arg(i, 8, 10, QLatin1Char('0'));
        trade.symbol = instrument.symbol;
        trade.side = random.bounded(2) ? protocol::Side::Buy : protocol::Side::Sell;
        trade.quantity = lots(instrument, 1 + random.bounded(50));
        trade.price = priceAt(instrument, 4000 + random.bounded(2000));
        trade.orderId = QStringLiteral("O%1").arg(i / 3);
        trade.clientOrderId = QStringLiteral("C%1").arg(i / 3);
        trade.aggressor = random.bounded(2);
        trade.time = start.addMSecs(i);
        trades.push_back(trade);
    }
    return trades;
}

// Tickers walking every contract's prices a tick at a time, round the whole board.
std::vector<protocol::Ticker> makeTickers(const QList<Instrument> &board, int count)
{
    QRandomGenerator random(7);
    std::vector<std::int64_t> mid(std::size_t(board.size()), 5000);
    std::vector<protocol::Ticker> tickers;
    tickers.reserve(std::size_t(count));
    for (int i = 0; i < count; ++i) {
        const int at = i % int(board.size());
        const Instrument &instrument = board[at];
        mid[std::size_t(at)] += random.bounded(3) - 1;
        const std::int64_t m = mid[std::size_t(at)];
        protocol::Ticker ticker;
        ticker.symbol = instrument.symbol;
        ticker.bid = protocol::BookLevel { priceAt(instrument, m - 1),
                                           lots(instrument, 1 + random.bounded(100)) };
        ticker.ask = protocol::BookLevel { priceAt(instrument, m + 1),
                                           lots(instrument, 1 + random.bounded(100)) };
        ticker.last = priceAt(instrument, m);
        ticker.lastQuantity = lots(instrument, 1 + random.bounded(20));
        ticker.volume = lots(instrument, 1000 + i / int(board.size()));
        ticker.previousClose = priceAt(instrument, 5000);
        ticker.time = QDateTime::currentDateTimeUtc();
        tickers.push_back(ticker);
    }
    return tickers;
}

// The workstation on a hand-driven session that lists `board`: its window at 1920x1080, shown
// or not.
struct Desk
{
    Desk(const QList<Instrument> &board, bool shown)
    {
        service.setIdentity(QStringLiteral("trader"), QStringLiteral("trader"));
        service.setInstruments(board);
        window = std::make_unique<qx::widgets::MainWindow>(&service);
        window->resize(1920, 1080);
        if (shown)
            window->show();
        QCoreApplication::processEvents();
    }

    qx::test::FakeTradingService service;
    std::unique_ptr<qx::widgets::MainWindow> window; ///< declared after: destroyed before it
};

double perUpdateUs(qint64 ns, std::size_t count)
{
    return count ? double(ns) / 1e3 / double(count) : 0.0;
}

// CPU time of this process (idle waiting for a timer costs none), in nanoseconds.
qint64 cpuNs()
{
    timespec now {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// Runs the event loop for `ms`: the frames that follow a burst.
void runFrames(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Runs the event loop until `done` (looked at every millisecond) or `timeoutMs`; whether done.
template<typename Done>
bool runUntil(Done done, int timeoutMs)
{
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(1);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    poll.start();
    loop.exec();
    return done();
}

// The longest the GUI thread went without turning its event loop: a 0 ms timer fires once per
// turn, and the gap between two firings is what ran in between.
class StallMeter
{
public:
    StallMeter()
    {
        m_timer.setInterval(0);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            m_longestNs = std::max(m_longestNs, m_since.nsecsElapsed());
            m_since.restart();
        });
    }
    void start()
    {
        m_longestNs = 0;
        m_since.start();
        m_timer.start();
    }
    /// Stops; the longest gap, in milliseconds.
    double stop()
    {
        m_timer.stop();
        return double(m_longestNs) / 1e6;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_since;
    qint64 m_longestNs = 0;
};

// The orders of `trades` (three fills each, as makeTrades numbers them), filled.
QList<protocol::Order> ordersOf(const std::vector<protocol::Trade> &trades)
{
    QList<protocol::Order> orders;
    for (const protocol::Trade &trade : trades) {
        if (!orders.isEmpty() && orders.last().id == trade.orderId) {
            orders.last().filledQuantity
                = orders.last().filledQuantity.plus(trade.quantity).value_or(Quantity());
            orders.last().quantity = orders.last().filledQuantity;
            orders.last().updatedAt = trade.time;
            continue;
        }
        protocol::Order order;
        order.id = trade.orderId;
        order.clientOrderId = trade.clientOrderId;
        order.username = qx::test::FakeServer::kUsername.toString();
        order.symbol = trade.symbol;
        order.side = trade.side;
        order.quantity = trade.quantity;
        order.filledQuantity = trade.quantity;
        order.price = trade.price;
        order.averagePrice = trade.price;
        order.status = protocol::OrderStatus::Filled;
        order.createdAt = order.updatedAt = trade.time;
        orders.append(order);
    }
    return orders;
}

// Milliseconds `step` takes with the repaint it causes.
template<typename Step>
double timedMs(QWidget *view, Step step)
{
    QElapsedTimer clock;
    clock.start();
    step();
    view->repaint();
    return double(clock.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    FrameTimingApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // the window's QSettings: not the user's
    QCoreApplication::setOrganizationName(QStringLiteral("QuantEnergxBench"));
    QCoreApplication::setApplicationName(QStringLiteral("qx-bench-models"));

    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption tradesOption(QStringLiteral("trades"),
                                          QStringLiteral("Fills for part 1 (100000)."),
                                          QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption tickersOption(QStringLiteral("tickers"),
                                           QStringLiteral("Price updates for part 1 (200000)."),
                                           QStringLiteral("N"), QStringLiteral("200000"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("Length of part 2 (5)."),
                                           QStringLiteral("S"), QStringLiteral("5"));
    const QCommandLineOption tradeRateOption(QStringLiteral("trade-rate"),
                                             QStringLiteral("Fills per second in part 2 "
                                                            "(100000)."),
                                             QStringLiteral("R"), QStringLiteral("100000"));
    const QCommandLineOption tickerRateOption(QStringLiteral("ticker-rate"),
                                              QStringLiteral("Price updates per second in part 2 "
                                                             "(50000)."),
                                              QStringLiteral("R"), QStringLiteral("50000"));
    const QCommandLineOption historyOption(QStringLiteral("history"),
                                           QStringLiteral("Fills on the server in part 4 "
                                                          "(100000)."),
                                           QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption missedOption(QStringLiteral("missed"),
                                          QStringLiteral("Fills made while the stream is down "
                                                         "in part 4 (1000)."),
                                          QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption partsOption(QStringLiteral("parts"),
                                         QStringLiteral("Which parts to run (1234)."),
                                         QStringLiteral("DIGITS"), QStringLiteral("1234"));
    for (const QCommandLineOption *option :
         { &tradesOption, &tickersOption, &secondsOption, &tradeRateOption, &tickerRateOption,
           &historyOption, &missedOption, &partsOption })
        parser.addOption(*option);
    parser.process(app);
    const int tradeCount = parser.value(tradesOption).toInt();
    const int tickerCount = parser.value(tickersOption).toInt();
    const double seconds = parser.value(secondsOption).toDouble();
    const int tradeRate = parser.value(tradeRateOption).toInt();
    const int tickerRate = parser.value(tickerRateOption).toInt();
    const int historyCount = parser.value(historyOption).toInt();
    const int missedCount = parser.value(missedOption).toInt();
    const QString parts = parser.value(partsOption);

    const QList<Instrument> board = todaysInstruments();
    const QList<Instrument> traded = board.mid(0, 40);
    std::printf("board: %lld contracts; fills spread over %lld of them\n",
                static_cast<long long>(board.size()), static_cast<long long>(traded.size()));

    // ---- 1. The models alone: the window exists (everything connected) but is not shown.
    if (parts.contains(u'1')) {
        Desk desk(board, false);
        qx::test::FakeTradingService &service = desk.service;

        // In bursts of a frame's worth at 100,000 a second, each followed by its frame: the
        // CPU time all of it took.
        const auto inBursts = [](const auto &events, auto deliver) {
            constexpr std::size_t kBurst = 1600;
            qint64 ns = 0;
            for (std::size_t at = 0; at < events.size(); at += kBurst) {
                const qint64 start = cpuNs();
                for (std::size_t i = at; i < std::min(events.size(), at + kBurst); ++i)
                    deliver(events[i]);
                runFrames(20);
                ns += cpuNs() - start;
            }
            return ns;
        };
        const std::vector<protocol::Trade> trades = makeTrades(traded, tradeCount);
        const qint64 tradeNs = inBursts(trades, [&](const protocol::Trade &trade) {
            Q_EMIT service.orderEntry().tradeAdded(trade);
        });
        const std::vector<protocol::Ticker> tickers = makeTickers(board, tickerCount);
        // Delivered as the client library delivers a streamed ticker; the fake's own store of
        // the last ones (for handles made later) is a test double's cost, left out.
        const qint64 tickerNs = inBursts(tickers, [&](const protocol::Ticker &ticker) {
            service.marketData().publishTicker(ticker);
        });

        std::printf("1. models, window hidden\n");
        std::printf("   fill:         %8.2f us per update (%d fills, %.0f ms; blotter %d rows)\n",
                    perUpdateUs(tradeNs, trades.size()), tradeCount, double(tradeNs) / 1e6,
                    tradeCount);
        std::printf("   price update: %8.2f us per update (%d tickers, %.0f ms)\n",
                    perUpdateUs(tickerNs, tickers.size()), tickerCount, double(tickerNs) / 1e6);
    }

    // ---- 2. Shown, at a steady rate: frame times and event-loop stalls.
    if (parts.contains(u'2')) {
        Desk desk(board, true);
        qx::test::FakeTradingService &service = desk.service;

        const std::vector<protocol::Trade> trades
            = makeTrades(traded, int(seconds * tradeRate) + 1);
        const std::vector<protocol::Ticker> tickers
            = makeTickers(board, int(seconds * tickerRate) + 1);
        std::size_t nextTrade = 0, nextTicker = 0;
        std::vector<qint64> stallNs;
        qint64 feedNs = 0;
        QElapsedTimer clock;
        QElapsedTimer sinceTick;
        QTimer feeder;
        feeder.setObjectName(QStringLiteral("feeder"));
        feeder.setTimerType(Qt::PreciseTimer);
        feeder.setInterval(1);
        // Each millisecond, whatever the rates call for by now (a late tick catches up, as a
        // stream's buffered messages would).
        QObject::connect(&feeder, &QTimer::timeout, [&] {
            stallNs.push_back(sinceTick.nsecsElapsed());
            const double elapsed = double(clock.nsecsElapsed()) / 1e9;
            const auto due = [&](int rate, std::size_t total) {
                return std::min(total, static_cast<std::size_t>(elapsed * rate));
            };
            QElapsedTimer busy;
            busy.start();
            for (const std::size_t until = due(tradeRate, trades.size()); nextTrade < until;)
                Q_EMIT service.orderEntry().tradeAdded(trades[nextTrade++]);
            for (const std::size_t until = due(tickerRate, tickers.size()); nextTicker < until;)
                service.marketData().publishTicker(tickers[nextTicker++]);
            feedNs += busy.nsecsElapsed();
            if (elapsed >= seconds)
                QCoreApplication::quit();
            sinceTick.restart();
        });
        app.frameNs.clear();
        app.setTiming(true);
        clock.start();
        sinceTick.start();
        feeder.start();
        QCoreApplication::exec();
        app.setTiming(false);

        const Percentiles frames = percentilesMs(app.frameNs);
        const Percentiles stalls = percentilesMs(stallNs);
        const double wall = double(clock.nsecsElapsed()) / 1e9;
        std::printf("2. window shown (1920x1080), %.1f s at %d fills/s and %d price updates/s\n",
                    seconds, tradeRate, tickerRate);
        std::printf("   delivered:    %zu fills, %zu price updates (%.0f%% of the rate)\n",
                    nextTrade, nextTicker,
                    100.0 * double(nextTrade + nextTicker)
                        / (wall * double(tradeRate + tickerRate)));
        std::printf("   model time:   %8.2f us per update\n",
                    perUpdateUs(feedNs, nextTrade + nextTicker));
        std::printf("   frames:       %zu painted (%.0f/s); paint p50 %.2f ms, p99 %.2f ms, "
                    "max %.2f ms\n",
                    app.frameNs.size(), double(app.frameNs.size()) / wall, frames.p50, frames.p99,
                    frames.max);
        std::printf("   event loop:   gap between 1 ms ticks p50 %.2f ms, p99 %.2f ms, "
                    "max %.2f ms\n",
                    stalls.p50, stalls.p99, stalls.max);
        std::printf("   longest event: %.2f ms (type %s)\n", double(app.longestNs) / 1e6,
                    qPrintable(app.longest));
    }

    // ---- 3. A fills blotter of 100,000 rows on screen.
    if (parts.contains(u'3')) {
        Desk desk(board, true);
        qx::test::FakeTradingService &service = desk.service;
        auto *view = desk.window->findChild<QTableView *>(QStringLiteral("fillsBlotter"));
        auto *proxy = qobject_cast<qx::widgets::BlotterFilterModel *>(view->model());
        if (!view || !proxy)
            qFatal("no fills blotter");
        for (QWidget *parent = view; parent; parent = parent->parentWidget()) {
            if (auto *dock = qobject_cast<QDockWidget *>(parent))
                dock->raise();
        }
        QCoreApplication::processEvents();

        std::vector<protocol::Trade> trades = makeTrades(traded, 100'000);
        const QList<protocol::Trade> newestFirst(trades.crbegin(), trades.crend());
        const double load = timedMs(view, [&] { service.resetTrades(newestFirst); });
        const QString symbol = traded.first().symbol;
        const double filterOne = timedMs(view, [&] { proxy->setText(symbol.left(2)); });
        const double filterMore = timedMs(view, [&] { proxy->setText(symbol); });
        const int shown = proxy->rowCount();
        const double unfilter = timedMs(view, [&] { proxy->setText(QString()); });
        const double sortPrice = timedMs(
            view, [&] { view->sortByColumn(qx::models::TradesModel::Price, Qt::AscendingOrder); });
        const double sortTime = timedMs(
            view, [&] { view->sortByColumn(qx::models::TradesModel::Time, Qt::DescendingOrder); });
        std::vector<qint64> scrollNs;
        QScrollBar *bar = view->verticalScrollBar();
        for (int step = 0; step < 200; ++step) {
            QElapsedTimer clock;
            clock.start();
            bar->setValue(bar->maximum() / 200 * step);
            view->viewport()->repaint();
            scrollNs.push_back(clock.nsecsElapsed());
        }
        const Percentiles scroll = percentilesMs(scrollNs);
        std::printf("3. fills blotter of %d rows, shown\n", proxy->rowCount());
        std::printf("   load %.1f ms; filter \"%s\" %.1f ms, \"%s\" %.1f ms (%d rows), "
                    "cleared %.1f ms\n",
                    load, qPrintable(symbol.left(2)), filterOne, qPrintable(symbol), filterMore,
                    shown, unfilter);
        std::printf("   sort by price %.1f ms, back by time %.1f ms; scroll step p50 %.2f ms, "
                    "max %.2f ms\n",
                    sortPrice, sortTime, scroll.p50, scroll.max);
    }
    // ---- 4. A reconnect's reload through the real client, the window shown.
    if (parts.contains(u'4')) {
        using qx::test::FakeServer;
        // The server's JSON is written on a thread of its own: what is measured is the GUI's.
        // Made on that thread (QHttpServer's WebSocket server does not move with it).
        QThread serverThread;
        serverThread.start();
        QObject onServerThread;
        onServerThread.moveToThread(&serverThread);
        FakeServer *server = nullptr;
        const auto onServer = [&](auto work) {
            QSemaphore done;
            QMetaObject::invokeMethod(&onServerThread, [&] {
                if (!server)
                    server = new FakeServer;
                work(*server);
                done.release();
            });
            done.acquire();
        };
        const std::vector<protocol::Trade> all = makeTrades(traded, historyCount + missedCount);
        const std::vector<protocol::Trade> history(all.cbegin(), all.cbegin() + historyCount);
        const std::vector<protocol::Trade> missed(all.cbegin() + historyCount, all.cend());
        const QList<protocol::Order> historyOrders = ordersOf(history);
        const QList<protocol::Order> missedOrders = ordersOf(missed);
        bool listening = false;
        QUrl url;
        onServer([&](FakeServer &fake) {
            listening = fake.listen();
            url = fake.url();
            fake.setInstruments(board);
            fake.setTrades(QList<protocol::Trade>(history.cbegin(), history.cend()));
            for (const protocol::Order &order : historyOrders)
                fake.storeOrder(order);
        });
        if (!listening)
            qFatal("the fake server cannot listen");

        qx::client::RemoteTradingService service;
        auto window = std::make_unique<qx::widgets::MainWindow>(&service);
        window->resize(1920, 1080);
        window->show();
        QCoreApplication::processEvents();
        using State = qx::client::Session::ConnectionState;
        StallMeter meter;

        // Signing in: everything is new.
        QElapsedTimer clock;
        clock.start();
        meter.start();
        app.longestNs = 0;
        app.setTiming(true);
        service.signIn(url, FakeServer::kUsername.toString(), FakeServer::kPassword.toString());
        const bool signedIn = runUntil(
            [&] {
                return service.connectionState() == State::Connected
                    && service.orderEntry().trades().size() == qsizetype(history.size());
            },
            120'000);
        const double signInMs = double(clock.nsecsElapsed()) / 1e6;
        runFrames(200);
        const double signInStall = meter.stop();
        const QString signInLongest = app.longest;
        app.setTiming(false);
        if (!signedIn)
            qFatal("signing in did not load the history");

        // The stream drops; fills and orders happen meanwhile; it comes back and reloads.
        onServer([&](FakeServer &fake) {
            for (const protocol::Order &order : missedOrders)
                fake.storeOrder(order);
            for (const protocol::Trade &trade : missed)
                fake.storeTrade(trade);
            fake.dropStreams();
        });
        meter.start();
        app.longestNs = 0;
        app.setTiming(true);
        runUntil([&] { return service.connectionState() == State::Reconnecting; }, 10'000);
        clock.restart();
        const bool reloaded = runUntil(
            [&] {
                return service.connectionState() == State::Connected
                    && service.orderEntry().trades().size() == qsizetype(all.size());
            },
            120'000);
        const double reloadMs = double(clock.nsecsElapsed()) / 1e6;
        runFrames(200);
        const double reconnectStall = meter.stop();
        app.setTiming(false);
        if (!reloaded)
            qFatal("the reconnect did not reload what was missed");
        const int rows = window->fillsBlotter()->model()->rowCount();

        std::printf("4. reconnect through RemoteTradingService and FakeServer, window shown\n");
        std::printf("   sign-in: %zu fills and %lld orders loaded in %.0f ms; longest stall "
                    "%.1f ms (%s)\n",
                    history.size(), static_cast<long long>(historyOrders.size()), signInMs,
                    signInStall, qPrintable(signInLongest));
        std::printf("   reconnect: %zu fills and %lld orders reloaded (%zu fills new) in %.0f ms; "
                    "fills blotter %d rows\n",
                    all.size(), static_cast<long long>(historyOrders.size() + missedOrders.size()),
                    missed.size(), reloadMs, rows);
        std::printf("   longest stall during the reconnect: %.1f ms (goal <= 100 ms: %s; longest "
                    "event %s)\n",
                    reconnectStall, reconnectStall <= 100.0 ? "met" : "NOT met",
                    qPrintable(app.longest));

        window.reset();
        service.signOut();
        onServer([&](FakeServer &) {
            delete server;
            onServerThread.moveToThread(QCoreApplication::instance()->thread());
        });
        serverThread.quit();
        serverThread.wait();
    }
    return 0;
}
