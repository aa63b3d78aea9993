// qx-screenshots DIR: the README's screenshots of the workstation during live simulated
// trading, at 1920×1080, in the light and the dark theme, in English and in German. Not a
// test: a tool run by hand (see the README), under Xvfb or offscreen. It starts the bundled
// server with its simulated market, trades a little through the real client (a few resting
// orders, a fill), lets the market move, and grabs the whole window. Then the Documents dock
// with three broker recaps sent to that server: one booked as a deal from the dock, one that
// breaks against it, one scanned.
#include "generator.h"
#include "ui/client/remotetradingservice.h"
#include "ui/models/documentsmodel.h"
#include "ui/models/marketwatchmodel.h"
#include "ui/widgets/documentspanel.h"
#include "ui/widgets/language.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/marketwatch.h"
#include "ui/widgets/orderticket.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/workstation.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QDockWidget>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
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

// The row of the document sent as `name` once it is read, or -1.
int readRow(const qx::models::DocumentsModel &model, const QString &name)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        const std::optional<qx::core::protocol::Document> document = model.document(row);
        if (document && document->filename == name && document->isFinished())
            return row;
    }
    return -1;
}

// Sends `bytes` as `name` through the dock and waits until it is read; its row, or -1.
int send(qx::widgets::DocumentsPanel &panel, const QDir &directory, const QString &name,
         const QByteArray &bytes)
{
    QFile file(directory.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return -1;
    file.close();
    panel.upload({ file.fileName() });
    int row = -1;
    return QTest::qWaitFor([&] { return (row = readRow(*panel.model(), name)) >= 0; }, 60000) ? row
                                                                                              : -1;
}

// The Documents dock, floated and large, showing a confirmation that breaks against the deal
// booked from another.
bool shootDocuments(qx::widgets::MainWindow &window, TradingService &service, const QString &symbol,
                    const QDir &directory, const QString &path)
{
    namespace documents = qx::test::documents;
    const std::optional<qx::core::Instrument> month = service.marketData().instrument(symbol);
    if (!month)
        return false;
    QDockWidget *dock = window.findChild<QDockWidget *>(QStringLiteral("documentsDock"));
    qx::widgets::DocumentsPanel &panel = *window.documents();
    dock->setFloating(true);
    dock->resize(1700, 950);
    dock->show();
    dock->raise();
    const documents::Recap booked {
        QStringLiteral("ICAP-88123"), QDate::currentDate().addDays(-1),
        service.session().username(), QStringLiteral("Nordlicht Trading AS"),
        month->delivery.start,        month->delivery.end.addDays(-1),
        QStringLiteral("10"),         QStringLiteral("84.5")
    };
    const int first = send(panel, directory, QStringLiteral("icap-recap-88123.pdf"),
                           documents::recapPdf(booked));
    if (first < 0)
        return false;
    panel.list()->setCurrentIndex(panel.model()->index(first, 0));
    QTest::mouseClick(panel.bookButton(), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return !panel.bookButton()->isEnabled(); }, 10000)) {
        std::fprintf(stderr, "the deal was not booked: %s\n", qPrintable(panel.messageText()));
        return false;
    }
    // The same deal as the counterparty's own confirmation has it: another price.
    documents::Recap theirs = booked;
    theirs.tradeId = QStringLiteral("NL-2026-11873");
    theirs.price = QStringLiteral("84.75");
    // And a recap that came by fax, scanned.
    documents::Recap faxed = booked;
    faxed.tradeId = QStringLiteral("TP-551904");
    faxed.quantity = QStringLiteral("5");
    faxed.price = QStringLiteral("86.1");
    QRandomGenerator random(7);
    const documents::Scanned scan
        = documents::scanned(documents::recapPdf(faxed), documents::Scan::TurnedAndNoisy, random);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    scan.image.save(&buffer, "PNG");
    if (send(panel, directory, QStringLiteral("tullett-fax.png"), png) < 0)
        return false;
    const int broken = send(panel, directory, QStringLiteral("nordlicht-confirmation.pdf"),
                            documents::recapPdf(theirs));
    if (broken < 0)
        return false;
    panel.list()->setCurrentIndex(panel.model()->index(broken, 0));
    if (!QTest::qWaitFor([&] { return !panel.pageView()->page().isNull(); }, 10000))
        return false;
    QTest::qWait(500);
    const bool saved = dock->grab().save(path);
    std::printf("%s\n", qPrintable(path));
    dock->setFloating(false);
    return saved;
}

// The Notifications dock, floated: the trader's inbox after the session's fills.
bool shootNotifications(qx::widgets::MainWindow &window, const QString &path)
{
    QDockWidget *dock = window.findChild<QDockWidget *>(QStringLiteral("notificationsDock"));
    if (!dock)
        return false;
    dock->show();
    dock->setFloating(true);
    dock->resize(900, 360);
    QTest::qWait(500);
    const bool saved = dock->grab().save(path);
    std::printf("%s\n", qPrintable(path));
    dock->setFloating(false);
    return saved;
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
    theme::apply(theme::Theme::Light);
    saved = shootNotifications(
                *window,
                QDir(outputDir).filePath(QStringLiteral("notifications-%1.png").arg(language)))
        && saved;
    saved
        = shootDocuments(*window, *service, power, QDir(home.path()),
                         QDir(outputDir).filePath(QStringLiteral("documents-%1.png").arg(language)))
        && saved;
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
