// The Documents dock on its own, against a hand-driven DocumentDesk: what an account may not
// do is not offered, an invoice's reconciliation reads in words with its differences, unsure
// fields are framed, only the fields corrected by hand are sent with a booking, a file being
// sent shows how far it is, a failed document says why.
#include "faketradingservice.h"
#include "ui/models/documentsmodel.h"
#include "ui/widgets/documentspanel.h"

#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using qx::core::protocol::Document;
using qx::core::protocol::DocumentField;
using qx::models::DocumentsModel;
using qx::test::FakeTradingService;
using qx::widgets::DocumentsPanel;
using namespace Qt::StringLiterals;

namespace {

Document confirmation(const QString &id, const QString &state)
{
    Document document;
    document.id = id;
    document.status = u"processed"_s;
    document.type = u"confirmation"_s;
    document.pages = 1;
    document.filename = u"recap-"_s + id + u".pdf"_s;
    document.fields = {
        { u"trade_date"_s, DocumentField { u"2026-12-01"_s, 0.97, 1, QRect(600, 500, 300, 40) } },
        { u"buyer"_s,
          DocumentField { u"Alpha Energie GmbH"_s, 0.95, 1, QRect(600, 560, 500, 40) } },
        { u"seller"_s,
          DocumentField { u"Nordlicht Trading AS"_s, 0.95, 1, QRect(600, 620, 500, 40) } },
        { u"quantity"_s, DocumentField { u"15"_s, 0.62, 1, QRect(600, 680, 120, 40) } },
        { u"price"_s, DocumentField { u"91.75"_s, 0.96, 1, QRect(600, 740, 200, 40) } },
        { u"symbol"_s, DocumentField { u"DE.BASE.M.2027-01"_s, 0.9, 1, QRect(600, 800, 300, 40) } },
    };
    document.match.state = state;
    return document;
}

} // namespace

class tst_DocumentsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void aViewerIsOfferedNothingAndATraderWhatApplies()
    {
        FakeTradingService service;
        service.fakeDocuments().documentList
            = { confirmation(u"1"_s, u"unmatched"_s), confirmation(u"2"_s, u"matched"_s) };
        DocumentsPanel panel(&service.session(), &service.documents());
        QVERIFY(panel.select(u"1"_s));
        QVERIFY(!panel.bookButton()->isEnabled());
        QVERIFY(!panel.rejectButton()->isEnabled());
        QVERIFY(!panel.deleteButton()->isEnabled());

        service.fakeSession().permissionList = { u"deals:book"_s, u"documents:upload"_s };
        Q_EMIT service.session().identityChanged();
        QVERIFY(panel.bookButton()->isEnabled()); // unmatched: book it
        QVERIFY(!panel.acceptButton()->isEnabled());
        QVERIFY(panel.deleteButton()->isEnabled());
        QVERIFY(panel.select(u"2"_s));
        QVERIFY(panel.acceptButton()->isEnabled()); // matched: accept it, never book it twice
        QVERIFY(!panel.bookButton()->isEnabled());
        QTest::mouseClick(panel.acceptButton(), Qt::LeftButton);
        QCOMPARE(service.fakeDocuments().reviews.size(), 1);
        QCOMPARE(service.fakeDocuments().reviews.first(), std::pair(u"2"_s, true));
    }

    void onlyTheFieldsCorrectedByHandAreSentAndUnsureOnesAreFramed()
    {
        FakeTradingService service;
        service.fakeSession().permissionList = { u"deals:book"_s };
        service.fakeDocuments().documentList = { confirmation(u"1"_s, u"unmatched"_s) };
        DocumentsPanel panel(&service.session(), &service.documents());
        QVERIFY(panel.select(u"1"_s));
        // Read at 62 %: framed to be checked; the sure ones are not.
        QVERIFY(panel.fieldEditor(u"quantity"_s)->styleSheet().contains(u"border"_s));
        QVERIFY(panel.fieldEditor(u"price"_s)->styleSheet().isEmpty());
        // The broker is not on the document: empty, framed, still editable for the booking.
        QVERIFY(panel.fieldEditor(u"broker"_s)->text().isEmpty());
        QVERIFY(!panel.fieldEditor(u"broker"_s)->isReadOnly());
        // The page is asked for once, whatever happens meanwhile.
        QCOMPARE(service.fakeDocuments().pagesAsked.size(), 1);
        Q_EMIT service.documents().documentChanged(confirmation(u"1"_s, u"unmatched"_s));
        QCOMPARE(service.fakeDocuments().pagesAsked.size(), 1);

        panel.fieldEditor(u"quantity"_s)->setText(u"16"_s);
        panel.fieldEditor(u"broker"_s)->setText(u"ICAP"_s);
        QTest::mouseClick(panel.bookButton(), Qt::LeftButton);
        QCOMPARE(service.fakeDocuments().bookings.size(), 1);
        const QMap<QString, QString> sent = service.fakeDocuments().bookings.first().second;
        QCOMPARE(
            sent,
            (QMap<QString, QString> { { u"broker"_s, u"ICAP"_s }, { u"quantity"_s, u"16"_s } }));
    }

    void anInvoicesReconciliationReadsInWords()
    {
        FakeTradingService service;
        Document invoice;
        invoice.id = u"9"_s;
        invoice.status = u"processed"_s;
        invoice.type = u"invoice"_s;
        invoice.pages = 1;
        invoice.fields = { { u"net_amount"_s, DocumentField { u"59620"_s, 0.93, 1, QRect() } } };
        invoice.match.state = u"break"_s;
        invoice.match.expectedQuantity = u"1488"_s;
        invoice.match.unit = u"MWh"_s;
        invoice.match.expectedAmount = u"59520"_s;
        invoice.match.currency = u"EUR"_s;
        invoice.match.amountDifference = u"100"_s;
        invoice.match.counted = { u"4"_s };
        service.fakeDocuments().documentList = { invoice };
        DocumentsPanel panel(&service.session(), &service.documents());
        QVERIFY(panel.select(u"9"_s));
        QVERIFY2(panel.matchText().contains(u": 1488 MWh for 59520 EUR"_s),
                 qPrintable(panel.matchText()));
        QVERIFY(panel.matchText().contains(u"Amount difference: 100 EUR"_s));
        QVERIFY(panel.fieldEditor(u"net_amount"_s)->isReadOnly()); // invoices are not booked
        QCOMPARE(panel.model()->index(0, DocumentsModel::Match).data().toString(), u"Break"_s);
        QCOMPARE(panel.model()->index(0, DocumentsModel::Type).data().toString(), u"Invoice"_s);
    }

    void aFileBeingSentShowsHowFarAndAFailedDocumentWhy()
    {
        FakeTradingService service;
        DocumentsPanel panel(&service.session(), &service.documents());
        panel.upload({ u"/tmp/scan.tiff"_s });
        QCOMPARE(service.fakeDocuments().uploaded, QStringList { u"/tmp/scan.tiff"_s });
        Q_EMIT service.documents().uploadProgress(u"/tmp/scan.tiff"_s, 4, 10);
        QCOMPARE(panel.model()->rowCount(), 1);
        QCOMPARE(panel.model()->index(0, DocumentsModel::Name).data().toString(), u"scan.tiff"_s);
        QCOMPARE(panel.model()->index(0, DocumentsModel::Status).data().toString(),
                 u"Sending 40 %"_s);

        Document failed;
        failed.id = u"3"_s;
        failed.status = u"failed"_s;
        failed.filename = u"scan.tiff"_s;
        failed.reason = u"The file is not a TIFF image."_s;
        Q_EMIT service.documents().documentChanged(failed);
        Q_EMIT service.documents().uploaded(u"/tmp/scan.tiff"_s, failed);
        QCOMPARE(panel.model()->rowCount(), 1); // the file sent is now its document
        QCOMPARE(panel.model()->index(0, DocumentsModel::Status).data().toString(), u"Failed"_s);
        QCOMPARE(panel.model()->index(0, DocumentsModel::Status).data(Qt::ToolTipRole).toString(),
                 failed.reason);
        QCOMPARE(panel.currentId(), u"3"_s); // the first one sent is shown
        QVERIFY(panel.messageText().contains(u"scan.tiff sent"_s));
    }
};

QTEST_MAIN(tst_DocumentsPanel)
#include "tst_documentspanel.moc"
