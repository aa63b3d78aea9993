// The back office's Documents dock through the real widgets, client and server (with its OCR
// workers): a confirmation dropped on the dock is sent, read and shown with its page, every
// field outlined on it and in the form; an unmatched one is booked as a deal with a
// correction typed in the form, and the deal is in the positions at once; a confirmation
// that differs from the booked deal shows the break in red, naming both values; a file the
// server does not read is refused with its reason on the dock.
#include "generator.h"
#include "testapi.h"
#include "ui/client/remotetradingservice.h"
#include "ui/models/documentsmodel.h"
#include "ui/models/positionsmodel.h"
#include "ui/widgets/documentpageview.h"
#include "ui/widgets/documentspanel.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/positionspanel.h"

#include <QDir>
#include <QDockWidget>
#include <QJsonArray>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using qx::client::RemoteTradingService;
using qx::models::DocumentsModel;
using qx::models::PositionsModel;
using qx::test::TestServer;
using qx::test::documents::Recap;
using qx::widgets::DocumentsPanel;
using qx::widgets::MainWindow;

namespace {

constexpr int kReadMs = 90'000; // a busy CI machine reads slowly
constexpr int kNetworkMs = 15'000;

const QString kFirm = u"Alpha Energie GmbH"_s;
const QString kOther = u"Nordlicht Trading AS"_s;

} // namespace

class tst_DesktopDocuments : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_server;
    QList<qx::core::Instrument> m_months;
    int m_nextTrade = 0;

    Recap recap(const qx::core::Instrument &month, const QString &quantity, const QString &price)
    {
        return { u"ICAP-%1"_s.arg(++m_nextTrade + 4100),
                 QDate::currentDate().addDays(-1),
                 kFirm,
                 kOther,
                 month.delivery.start,
                 month.delivery.end.addDays(-1), // the last day delivered
                 quantity,
                 price };
    }
    // The recap as a file on disk, as the back office has it.
    QString saved(const Recap &recap, const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(qx::test::documents::recapPdf(recap));
        return path;
    }
    // Drops the files on the dock, as from a file manager.
    static void drop(DocumentsPanel *panel, const QStringList &paths)
    {
        QMimeData data;
        QList<QUrl> urls;
        for (const QString &path : paths)
            urls.append(QUrl::fromLocalFile(path));
        data.setUrls(urls);
        const QPoint at = panel->rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(panel, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent dropped(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(panel, &dropped);
    }
    // The row of the document sent as `name` once it is read (or failed), or -1.
    static int readRow(const DocumentsModel *model, const QString &name)
    {
        for (int row = 0; row < model->rowCount(); ++row) {
            const std::optional<qx::core::protocol::Document> document = model->document(row);
            if (document && document->filename == name && document->isFinished())
                return row;
        }
        return -1;
    }
    // Alice of Alpha Energie, signed in.
    bool signIn(RemoteTradingService &service)
    {
        QSignalSpy signedIn(&service, &RemoteTradingService::signedIn);
        service.signIn(m_server->url(), u"alice"_s, m_server->alicePassword());
        return QTest::qWaitFor([&] { return !signedIn.isEmpty(); }, kNetworkMs);
    }
    static int positionRow(const PositionsModel *model, const QString &symbol)
    {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, PositionsModel::Contract).data().toString() == symbol)
                return row;
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<TestServer>(m_dir.filePath(u"data"_s),
                                                QStringList { u"--ocr-workers"_s, u"2"_s });
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        const QString admin = m_server->addUser(u"root"_s, u"root's long passphrase"_s, u"admin"_s);
        QCOMPARE(m_server
                     ->requestJson("PATCH", u"/api/v1/admin/users/alice"_s,
                                   { { u"counterparty"_s, kFirm } }, admin)
                     .status,
                 200);
        for (const qx::core::Instrument &instrument : m_server->tradableInstruments()) {
            if (instrument.symbol.startsWith(u"DE.BASE.M."))
                m_months.append(instrument);
        }
        QVERIFY(m_months.size() >= 2);
    }

    void aDroppedConfirmationIsReadShownAndBookedIntoThePositions()
    {
        RemoteTradingService service;
        QVERIFY(signIn(service));
        MainWindow window(&service);
        window.resize(1600, 1000);
        window.show();
        QDockWidget *dock = window.findChild<QDockWidget *>(u"documentsDock"_s);
        QVERIFY(dock);
        dock->setFloating(true);
        dock->resize(1500, 900);
        dock->raise();
        DocumentsPanel *panel = window.documents();

        const qx::core::Instrument month = m_months.at(0);
        const Recap sent = recap(month, u"15"_s, u"91.75"_s);
        const QString path = saved(sent, u"icap-recap.pdf"_s);
        drop(panel, { path });
        int row = -1;
        QTRY_VERIFY_WITH_TIMEOUT((row = readRow(panel->model(), u"icap-recap.pdf"_s)) >= 0,
                                 kReadMs);
        QCOMPARE(panel->model()->index(row, DocumentsModel::Type).data().toString(),
                 u"Confirmation"_s);
        QCOMPARE(panel->model()->index(row, DocumentsModel::Status).data().toString(), u"Read"_s);
        QCOMPARE(panel->model()->index(row, DocumentsModel::Match).data().toString(),
                 u"Unmatched"_s);

        // Selected: the page as read, with the fields outlined where they are on it.
        panel->list()->setCurrentIndex(panel->model()->index(row, 0));
        QTRY_VERIFY_WITH_TIMEOUT(!panel->pageView()->page().isNull(), kNetworkMs);
        QVERIFY(panel->pageView()->page().width() > 2000); // 300 dpi
        QStringList outlined;
        for (const auto &box : panel->pageView()->boxes())
            outlined.append(box.name);
        for (const char *name :
             { "trade_id", "trade_date", "buyer", "seller", "quantity", "price" })
            QVERIFY2(outlined.contains(QLatin1StringView(name)), name);
        QVERIFY(!panel->pageView()->boxOnScreen(u"price"_s).isEmpty());
        QVERIFY(panel->pageView()->boxToolTip(u"price"_s).contains(u"91.75"_s));
        QVERIFY(panel->pageView()->boxToolTip(u"price"_s).contains(u"Confidence"_s));
        // The form: what was read, the contract named.
        QCOMPARE(panel->fieldEditor(u"price"_s)->text(), u"91.75"_s);
        QCOMPARE(panel->fieldEditor(u"quantity"_s)->text(), u"15"_s);
        QCOMPARE(panel->fieldEditor(u"symbol"_s)->text(), month.symbol);
        QCOMPARE(panel->fieldEditor(u"trade_id"_s)->text(), sent.tradeId);
        QVERIFY(panel->fieldEditor(u"delivery_point"_s)->isReadOnly());
        QVERIFY(panel->matchText().contains(u"No deal or trade"_s));
        QVERIFY(panel->bookButton()->isEnabled());
        QVERIFY(!panel->acceptButton()->isEnabled());

        const QString directory = QStringLiteral(QX_SCREENSHOT_DIR);
        QDir().mkpath(directory);
        QVERIFY(dock->grab().save(directory + u"/documents-unmatched.png"_s));

        // Corrected by hand (the broker's recap said 15, the deal was 16) and booked.
        QSignalSpy booked(&service.documents(), &qx::client::DocumentDesk::dealBooked);
        panel->fieldEditor(u"quantity"_s)->setText(u"16"_s);
        QTest::mouseClick(panel->bookButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!booked.isEmpty(), kNetworkMs);
        const auto deal = booked.first().at(1).value<qx::core::protocol::Deal>();
        QCOMPARE(deal.terms.quantity.toString(), u"16"_s);
        QCOMPARE(deal.terms.counterparty, kOther);
        QVERIFY(panel->messageText().contains(u"booked"_s));
        // In the positions like a fill: long 16 MW at 91.75.
        PositionsModel *positions = window.positions()->model();
        int held = -1;
        QTRY_VERIFY_WITH_TIMEOUT((held = positionRow(positions, month.symbol)) >= 0, kNetworkMs);
        QCOMPARE(positions->index(held, PositionsModel::Net).data().toString(), u"16 MW"_s);
        QCOMPARE(positions->index(held, PositionsModel::AveragePrice).data().toString(),
                 u"91.75"_s);
        // The document is now compared with the deal booked from it: the quantity typed is not
        // the one the broker wrote, and it shows. It cannot be booked again.
        QTRY_COMPARE_WITH_TIMEOUT(
            panel->model()->index(row, DocumentsModel::Match).data().toString(), u"Break, booked"_s,
            kNetworkMs);
        QVERIFY2(panel->matchText().contains(u"deal "_s + deal.id), qPrintable(panel->matchText()));
        QVERIFY(panel->matchText().contains(u"Quantity: 15 on the document, 16 as booked"_s));
        QVERIFY(!panel->bookButton()->isEnabled());
        QVERIFY(!panel->deleteButton()->isEnabled());
    }

    void aBreakIsShownInRedNamingBothValues()
    {
        const qx::core::Instrument month = m_months.at(1);
        Recap booked = recap(month, u"5"_s, u"70"_s);
        QCOMPARE(m_server
                     ->requestJson("POST", u"/api/v1/deals"_s,
                                   { { u"symbol"_s, month.symbol },
                                     { u"side"_s, u"buy"_s },
                                     { u"quantity"_s, booked.quantity },
                                     { u"price"_s, booked.price },
                                     { u"counterparty"_s, kOther },
                                     { u"trade_date"_s, booked.tradeDate.toString(Qt::ISODate) } },
                                   m_server->aliceToken())
                     .status,
                 201);
        RemoteTradingService service;
        QVERIFY(signIn(service));
        MainWindow window(&service);
        window.show();
        DocumentsPanel *panel = window.documents();

        Recap sent = booked;
        sent.price = u"70.25"_s;
        panel->upload({ saved(sent, u"recap-break.pdf"_s) });
        int row = -1;
        QTRY_VERIFY_WITH_TIMEOUT((row = readRow(panel->model(), u"recap-break.pdf"_s)) >= 0,
                                 kReadMs);
        QCOMPARE(panel->model()->index(row, DocumentsModel::Match).data().toString(), u"Break"_s);
        panel->list()->setCurrentIndex(panel->model()->index(row, 0));
        QVERIFY(panel->matchText().contains(u"Price: 70.25 on the document, 70 as booked"_s));
        QVERIFY(panel->fieldEditor(u"price"_s)->styleSheet().contains(u"border"_s));
        QVERIFY(panel->fieldEditor(u"quantity"_s)->styleSheet().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!panel->pageView()->boxes().isEmpty(), kNetworkMs);
        for (const auto &box : panel->pageView()->boxes())
            QCOMPARE(box.broken, box.name == u"price");
        // Not the deal: rejected, and so shown.
        QTest::mouseClick(panel->rejectButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
            panel->model()->index(row, DocumentsModel::Match).data().toString(),
            u"Break, rejected"_s, kNetworkMs);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->pageView()->page().isNull(), kNetworkMs);
        window.resize(1600, 1000);
        const QString directory = QStringLiteral(QX_SCREENSHOT_DIR);
        QDir().mkpath(directory);
        QVERIFY(panel->grab().save(directory + u"/documents-break.png"_s));
    }

    void aFileTheServerDoesNotReadIsRefusedWithItsReason()
    {
        RemoteTradingService service;
        QVERIFY(signIn(service));
        MainWindow window(&service);
        DocumentsPanel *panel = window.documents();
        const qsizetype before
            = m_server->listAll(u"/api/v1/documents"_s, u"documents"_s, m_server->aliceToken())
                  .size();
        QVERIFY(before > 0);
        QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), before, kNetworkMs);
        const QString path = m_dir.filePath(u"notes.txt"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Call the broker about the March recap.\n");
        file.close();
        QSignalSpy failed(&service.documents(), &qx::client::DocumentDesk::uploadFailed);
        panel->upload({ path });
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), kNetworkMs);
        QCOMPARE(failed.first().at(1).value<qx::core::Error>().code, u"unsupported_media_type"_s);
        QVERIFY(panel->messageText().startsWith(u"notes.txt was not accepted: "_s));
        QCOMPARE(panel->model()->rowCount(), before); // nothing was added
    }

    void cleanupTestCase()
    {
        if (m_server)
            m_server->stop();
    }
};

QTEST_MAIN(tst_DesktopDocuments)
#include "tst_desktopdocuments.moc"
