// qx-screenshots DIR: the README's screenshots of the workstation during live simulated
// trading, at 1920×1080, in the light and the dark theme, in English and in German. Not a
// test: a tool run by hand (see the README), under Xvfb or offscreen. It starts the bundled
// server with its simulated market, trades a little through the real client (a few resting
// orders, a fill), lets the market move, and grabs the whole window.
#include "ui/client/remotetradingservice.h"
#include "ui/models/marketwatchmodel.h"
#include "ui/widgets/language.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/marketwatch.h"
#include "ui/widgets/orderticket.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/workstation.h"

#include <QApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <cstdio>

using qx::client::TradingService;
using qx::core::protocol::Side;
namespace theme = qx::widgets::theme;

namespace {

// The first tradable month of a product.
QString frontMonth(TradingService &service, QStringView prefix)
{
    for (const qx::core::Instrument &instrument : service.marketData().instruments()) {
        if (instrument.symbol.startsWith(prefix)
            && !instrument.isExpired(QDateTime::currentDateTimeUtc()))
            return instrument.symbol;
    }
    return {};
}

// A limit order `ticks` ticks away from the board's best price on `side`'s own side (negative:
// into the spread or across it).
void place(TradingService &service, qx::models::MarketWatchModel &board, const QString &symbol,
           Side side, int lots, int ticks)
{
    const auto instrument = service.marketData().instrument(symbol);
    const auto ticker = board.ticker(symbol);
    const auto &level = side == Side::Buy ? ticker->bid : ticker->ask;
    if (!instrument || !ticker || !level)
        return;
    const qint64 away = side == Side::Buy ? -ticks : ticks;
    qx::core::protocol::NewOrder order;
    order.clientOrderId = qx::client::OrderEntry::newClientOrderId();
    order.symbol = symbol;
    order.side = side;
    order.quantity = qx::core::Quantity(
        instrument->lotSize.decimal()
            .times(qx::core::Decimal::fromUnits(lots * qx::core::Decimal::kOne))
            .value());
    order.price = qx::core::Price(
        level->price.decimal()
            .plus(instrument->tickSize.decimal()
                      .times(qx::core::Decimal::fromUnits(away * qx::core::Decimal::kOne))
                      .value())
            .value());
    service.orderEntry().placeOrder(order);
}

bool shoot(const QString &language, const QString &outputDir)
{
    QTemporaryDir home;
    qputenv("HOME", home.path().toUtf8()); // a first run: default layout, a fresh local server
    QSettings().clear();
    // As Tools → Settings would choose it (the build's .qm files, not the embedded ones).
    qx::widgets::language::setDirectory(QStringLiteral(QX_QM_DIR));
    if (!qx::widgets::language::apply(language)) {
        std::fprintf(stderr, "no translation for %s\n", qPrintable(language));
        return false;
    }
    theme::apply(theme::Theme::Light);
    qx::widgets::Workstation workstation(
        { QUrl(), QStringLiteral(QX_SERVER_BINARY), home.filePath(QStringLiteral("server")) });
    workstation.start();
    qx::client::RemoteTradingService *service = workstation.service();
    if (!QTest::qWaitFor(
            [&] {
                return service->connectionState() == TradingService::ConnectionState::Connected;
            },
            60000)) {
        std::fprintf(stderr, "the bundled server did not come up\n");
        return false;
    }
    qx::widgets::MainWindow *window = workstation.mainWindow();
    window->resize(1920, 1080);
    window->resetLayout();
    qx::models::MarketWatchModel &board = *window->marketWatch()->model();
    const QString power = frontMonth(*service, u"DE.BASE.M.");
    const QString gas = frontMonth(*service, u"TTF.M.");
    const QString brent = frontMonth(*service, u"BRENT.M.");
    QTest::qWait(4000); // the market maker quotes
    place(*service, board, power, Side::Buy, 5, 3);
    place(*service, board, power, Side::Sell, 10, 6);
    place(*service, board, gas, Side::Buy, 20, 4);
    place(*service, board, power, Side::Buy, 10, -1000); // across the spread: a fill
    place(*service, board, brent, Side::Sell, 3, -1000);
    window->ticket()->selectInstrument(power);
    window->marketWatch()->view()->setFocus();
    QTest::qWait(20000); // trades print, candles form, the board flashes
    bool saved = true;
    for (const theme::Theme choice : { theme::Theme::Light, theme::Theme::Dark }) {
        theme::apply(choice);
        QTest::qWait(1500);
        const QString path = QDir(outputDir).filePath(
            QStringLiteral("workstation-%1-%2.png").arg(theme::toString(choice), language));
        saved = window->grab().save(path) && saved;
        std::printf("%s\n", qPrintable(path));
    }
    window->close();
    return saved;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("QuantEnergxScreenshots"));
    QCoreApplication::setApplicationName(QStringLiteral("qx-screenshots"));
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 2) {
        std::fprintf(stderr, "usage: qx-screenshots DIR\n");
        return 2;
    }
    if (!QDir().mkpath(arguments.at(1)))
        return 1;
    for (const QString &language : { QStringLiteral("en"), QStringLiteral("de") }) {
        if (!shoot(language, arguments.at(1)))
            return 1;
    }
    return 0;
}
