// Documents on a real quantenergx-server with its OCR workers: confirmations uploaded (as the
// body or in a multipart form, streamed to disk), read, matched against the firm's deals
// (matched, a break naming each difference, unmatched), booked with corrections that the
// audit log keeps, reviewed and deleted; bad and hostile files refused or failed with a reason
// while the server answers on; born-digital page images rendered after the reading, or at
// once when asked for; and documents being read (or page images left to render) when the
// server is killed read (rendered) after the restart, none lost.
#include "core/delivery.h"
#include "generator.h"
#include "testapi.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPainter>
#include <QPdfWriter>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using qx::test::Reply;
using qx::test::TestServer;

namespace {

constexpr int kReadMs = 90'000; // a page by OCR takes about a second; a busy CI machine more

const QString kFirm = u"Alpha Energie GmbH"_s;
const QString kOther = u"Nordlicht Trading AS"_s;

using Terms = qx::test::documents::Recap;
using qx::test::documents::linesPdf;
using qx::test::documents::recapPdf;

// An invoice for `energy` MWh over a period, worth `net` EUR before VAT.
QByteArray invoicePdf(const QString &issuer, const QString &recipient, const QDate &start,
                      const QDate &last, const QString &energy, const QString &net)
{
    return linesPdf({ u"INVOICE"_s, u"Invoice No: INV-2027-0042"_s, u"Issuer: "_s + issuer,
                      u"Bill To: "_s + recipient, u"Invoice Date: 03.01.2027"_s,
                      u"Due Date: 20.01.2027"_s,
                      u"Billing Period: "_s + start.toString(u"dd.MM.yyyy"_s) + u" - "_s
                          + last.toString(u"dd.MM.yyyy"_s),
                      u"Quantity: "_s + energy + u" MWh"_s, u"Net Amount: "_s + net + u" EUR"_s,
                      u"Currency: EUR"_s });
}

QByteArray png(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// The first page of a PDF as a 300-dpi scan would give it, by rendering the same lines.
QByteArray scanOf(const Terms &terms)
{
    QImage page(2480, 3508, QImage::Format_Grayscale8);
    page.fill(Qt::white);
    QPainter painter(&page);
    painter.setPen(Qt::black);
    painter.setFont(QFont(u"DejaVu Sans"_s, 11 * 300 / 96));
    int y = 300;
    for (const QString &line :
         QStringList { u"TRADE CONFIRMATION"_s, u"Trade ID: "_s + terms.tradeId,
                       u"Trade Date: "_s + terms.tradeDate.toString(u"d MMM yyyy"_s),
                       u"Buyer: "_s + terms.buyer, u"Seller: "_s + terms.seller,
                       u"Quantity: "_s + terms.quantity + u" MW"_s }) {
        painter.drawText(250, y, line);
        y += 110;
    }
    painter.end();
    return png(page);
}

} // namespace

class tst_Documents : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_server;
    QString m_alice;
    QString m_admin;
    QList<qx::core::Instrument> m_months;
    int m_nextTrade = 0;

    // An HTTP exchange over a socket of its own: the head, then `body` (none: only the head).
    Reply raw(const QByteArray &method, const QString &path, const QByteArray &contentType,
              const QByteArray &body, const QString &token, qint64 announced = -1)
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_server->url().port()));
        if (!socket.waitForConnected(5000))
            return {};
        QByteArray head = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: x\r\n";
        if (!token.isEmpty())
            head += "Authorization: Bearer " + token.toUtf8() + "\r\n";
        if (!contentType.isEmpty())
            head += "Content-Type: " + contentType + "\r\n";
        head += "Content-Length: " + QByteArray::number(announced >= 0 ? announced : body.size())
            + "\r\n\r\n";
        socket.write(head);
        for (qsizetype at = 0; at < body.size(); at += 64 * 1024) {
            socket.write(body.mid(at, 64 * 1024));
            socket.waitForBytesWritten(5000);
        }
        QByteArray answer;
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 20'000) {
            if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(1000)) {
                if (socket.state() != QAbstractSocket::ConnectedState)
                    break;
                continue;
            }
            answer += socket.readAll();
            const qsizetype end = answer.indexOf("\r\n\r\n");
            if (end < 0)
                continue;
            const qsizetype lengthAt = answer.toLower().indexOf("content-length:");
            const qint64 length = lengthAt < 0
                ? 0
                : answer.mid(lengthAt + 15, answer.indexOf('\r', lengthAt) - lengthAt - 15)
                      .trimmed()
                      .toLongLong();
            if (answer.size() >= end + 4 + length)
                break;
        }
        Reply reply;
        reply.status = answer.split(' ').value(1).toInt();
        reply.raw = answer.mid(answer.indexOf("\r\n\r\n") + 4);
        reply.json = QJsonDocument::fromJson(reply.raw).object();
        return reply;
    }
    Reply upload(const QByteArray &bytes, const QByteArray &contentType, const QString &token = {})
    {
        return raw("POST", u"/api/v1/documents?filename=confirmation.pdf"_s, contentType, bytes,
                   token.isEmpty() ? m_alice : token);
    }
    // Waits until the document is read (or failed) and returns it.
    QJsonObject waitRead(const QString &id)
    {
        QJsonObject document;
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < kReadMs) {
            document = m_server->request("GET", u"/api/v1/documents/"_s + id, {}, m_alice).json;
            const QString status = document.value(u"status").toString();
            if (status == u"processed" || status == u"failed")
                return document;
            QTest::qWait(100);
        }
        return document;
    }
    Terms terms(const qx::core::Instrument &month, const QString &quantity, const QString &price,
                bool buying = true)
    {
        return { u"SPX-%1"_s.arg(++m_nextTrade + 7000),
                 QDate::currentDate().addDays(-1),
                 buying ? kFirm : kOther,
                 buying ? kOther : kFirm,
                 month.delivery.start,
                 month.delivery.end.addDays(-1), // the last day: the period's end is exclusive
                 quantity,
                 price };
    }
    Reply bookDeal(const Terms &terms, const QString &symbol)
    {
        const bool buying = terms.buyer == kFirm;
        return m_server->requestJson("POST", u"/api/v1/deals"_s,
                                     { { u"symbol"_s, symbol },
                                       { u"side"_s, buying ? u"buy"_s : u"sell"_s },
                                       { u"quantity"_s, terms.quantity },
                                       { u"price"_s, terms.price },
                                       { u"counterparty"_s, buying ? terms.seller : terms.buyer },
                                       { u"trade_date"_s, terms.tradeDate.toString(Qt::ISODate) } },
                                     m_alice);
    }
    QString field(const QJsonObject &document, const char *name)
    {
        return document.value(u"fields")
            .toObject()
            .value(QLatin1StringView(name))
            .toObject()
            .value(u"value")
            .toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<TestServer>(m_dir.filePath(u"data"_s),
                                                QStringList { u"--document-max-pages"_s, u"3"_s,
                                                              u"--document-max-mb"_s, u"2"_s,
                                                              u"--ocr-workers"_s, u"2"_s });
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        m_admin = m_server->addUser(u"root"_s, u"root's long passphrase"_s, u"admin"_s);
        QCOMPARE(m_server
                     ->requestJson("PATCH", u"/api/v1/admin/users/alice"_s,
                                   { { u"counterparty"_s, kFirm } }, m_admin)
                     .status,
                 200);
        m_alice = m_server->login(u"alice"_s, m_server->alicePassword())
                      .json.value(u"access_token")
                      .toString();
        for (const qx::core::Instrument &instrument : m_server->tradableInstruments()) {
            if (instrument.symbol.startsWith(u"DE.BASE.M."))
                m_months.append(instrument);
        }
        QVERIFY(m_months.size() >= 5);
    }

    void aConfirmationMatchesItsDeal()
    {
        const qx::core::Instrument month = m_months.takeFirst();
        const Terms deal = terms(month, u"10"_s, u"85.5"_s);
        const Reply booked = bookDeal(deal, month.symbol);
        QCOMPARE(booked.status, 201);

        QList<QJsonObject> inbox;
        auto stream = m_server->openStream(inbox, m_alice, { u"documents"_s });
        QTRY_COMPARE(inbox.size(), 2);

        const QByteArray pdf = recapPdf(deal);
        const Reply uploaded = upload(pdf, "application/pdf");
        QCOMPARE(uploaded.status, 202);
        const QString id = uploaded.json.value(u"id").toString();
        QCOMPARE(
            uploaded.json.value(u"sha256").toString(),
            QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(uploaded.json.value(u"filename").toString(), u"confirmation.pdf"_s);

        const QJsonObject document = waitRead(id);
        QCOMPARE(document.value(u"status").toString(), u"processed"_s);
        QCOMPARE(document.value(u"type").toString(), u"confirmation"_s);
        QCOMPARE(document.value(u"pages").toInt(), 1);
        QCOMPARE(field(document, "symbol"), month.symbol);
        QCOMPARE(field(document, "quantity"), u"10"_s);
        QCOMPARE(field(document, "price"), u"85.5"_s);
        QCOMPARE(field(document, "trade_date"), deal.tradeDate.toString(Qt::ISODate));
        const QJsonObject price = document.value(u"fields").toObject().value(u"price").toObject();
        QCOMPARE(price.value(u"page").toInt(), 1);
        QCOMPARE(price.value(u"box").toArray().size(), 4);
        QVERIFY(price.value(u"box").toArray()[2].toInt() > 0);
        const QJsonObject match = document.value(u"match").toObject();
        QCOMPARE(match.value(u"state").toString(), u"matched"_s);
        QCOMPARE(match.value(u"candidates").toArray()[0].toObject().value(u"id").toString(),
                 booked.json.value(u"id").toString());
        QTRY_VERIFY(std::any_of(inbox.cbegin(), inbox.cend(), [](const QJsonObject &message) {
            return message.value(u"type").toString() == u"document.processed";
        }));

        // The page as read, and the original as sent.
        const Reply page
            = m_server->request("GET", u"/api/v1/documents/"_s + id + u"/pages/1"_s, {}, m_alice);
        QCOMPARE(page.status, 200);
        QVERIFY(page.raw.startsWith("\x89PNG"));
        const QImage image = QImage::fromData(page.raw, "PNG");
        QVERIFY(image.width() > 2000); // 300 dpi: the boxes are in its pixels
        QCOMPARE(m_server->request("GET", u"/api/v1/documents/"_s + id + u"/pages/2"_s, {}, m_alice)
                     .status,
                 404);
        QCOMPARE(
            m_server->request("GET", u"/api/v1/documents/"_s + id + u"/original"_s, {}, m_alice)
                .raw,
            pdf);
        // The same bytes again: the same document.
        const Reply again = upload(pdf, "application/pdf");
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json.value(u"id").toString(), id);
        // Accepting the match is recorded.
        const Reply accepted
            = m_server->requestJson("POST", u"/api/v1/documents/"_s + id + u"/review"_s,
                                    { { u"decision"_s, u"accept"_s } }, m_alice);
        QCOMPARE(accepted.status, 200);
        QCOMPARE(accepted.json.value(u"review").toString(), u"accepted"_s);
    }

    // A born-digital PDF is read from its text layer without rendering it: the document is
    // processed first, its page image rendered after, in the background. Asked for before
    // that, the image is rendered at once; never "not found" for a page the document has. A
    // page image missing at a restart is rendered too. The image is the 300-dpi page the
    // fields' boxes are in.
    void aTextLayerPageImageIsRenderedAfterTheReadingAndServed()
    {
        const qx::core::Instrument month = m_months.first();
        QStringList ids;
        QStringList hashes;
        for (int copy = 0; copy < 3; ++copy) {
            const Reply uploaded = upload(
                recapPdf(terms(month, QString::number(30 + copy), u"61.25"_s)), "application/pdf");
            QCOMPARE(uploaded.status, 202);
            ids.append(uploaded.json.value(u"id").toString());
            hashes.append(uploaded.json.value(u"sha256").toString());
        }
        // A4 at 300 dpi (the PDF's page is whole points: 595 × 842).
        const QSize a4(2479, 3508);
        const auto imageOf = [this](const QString &sha256) -> QString {
            return m_server->dataDir() + u"/documents/pages/"_s + sha256 + u"/1.png"_s;
        };
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const QJsonObject document = waitRead(ids[i]);
            QCOMPARE(document.value(u"status").toString(), u"processed"_s);
            QCOMPARE(field(document, "quantity"), QString::number(30 + i));
            if (i > 0)
                continue;
            // Asked for at once, whether or not its render has run.
            const Reply page = m_server->request(
                "GET", u"/api/v1/documents/"_s + ids[i] + u"/pages/1"_s, {}, m_alice);
            QCOMPARE(page.status, 200);
            const QImage image = QImage::fromData(page.raw, "PNG");
            QCOMPARE(image.size(), a4);
            const QJsonArray box = document.value(u"fields")
                                       .toObject()
                                       .value(u"quantity")
                                       .toObject()
                                       .value(u"box")
                                       .toArray();
            QVERIFY(QRect(0, 0, image.width(), image.height())
                        .contains(
                            QRect(box[0].toInt(), box[1].toInt(), box[2].toInt(), box[3].toInt())));
        }
        // Nobody asks for the other two: rendered all the same.
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(imageOf(hashes[1])), 30'000);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(imageOf(hashes[2])), 30'000);
        QCOMPARE(QImage(imageOf(hashes[2])).size(), a4);

        // An image lost while the server was down is rendered when asked for.
        m_server->kill();
        QVERIFY(QFile::remove(imageOf(hashes.first())));
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        m_alice = m_server->login(u"alice"_s, m_server->alicePassword())
                      .json.value(u"access_token")
                      .toString();
        const Reply again = m_server->request(
            "GET", u"/api/v1/documents/"_s + ids.first() + u"/pages/1"_s, {}, m_alice);
        QCOMPARE(again.status, 200);
        QCOMPARE(QImage::fromData(again.raw, "PNG").size(), a4);
    }

    // Page images still to be rendered when the server stops are rendered after the restart,
    // without being asked for.
    void pageImagesLeftToRenderAtAStopAreRenderedAfterTheRestart()
    {
        const qx::core::Instrument month = m_months.first();
        QStringList ids;
        QStringList images;
        for (int copy = 0; copy < 4; ++copy) {
            const Reply uploaded = upload(
                recapPdf(terms(month, QString::number(40 + copy), u"62.5"_s)), "application/pdf");
            QCOMPARE(uploaded.status, 202);
            ids.append(uploaded.json.value(u"id").toString());
            images.append(m_server->dataDir() + u"/documents/pages/"_s
                          + uploaded.json.value(u"sha256").toString() + u"/1.png"_s);
        }
        for (const QString &id : std::as_const(ids))
            QCOMPARE(waitRead(id).value(u"status").toString(), u"processed"_s);
        m_server->kill(); // renders one at a time behind the reading: some are left
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        m_alice = m_server->login(u"alice"_s, m_server->alicePassword())
                      .json.value(u"access_token")
                      .toString();
        for (const QString &image : std::as_const(images))
            QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(image), 30'000);
        QTRY_VERIFY(QDir(m_server->dataDir() + u"/documents/unrendered"_s).isEmpty());
    }

    void aDifferentPriceIsABreakNamingIt()
    {
        const qx::core::Instrument month = m_months.takeFirst();
        const Terms deal = terms(month, u"5"_s, u"70"_s, false);
        QCOMPARE(bookDeal(deal, month.symbol).status, 201);
        Terms sent = deal;
        sent.price = u"70.25"_s;
        const Reply uploaded = upload(recapPdf(sent), "application/pdf");
        QCOMPARE(uploaded.status, 202);
        const QJsonObject match
            = waitRead(uploaded.json.value(u"id").toString()).value(u"match").toObject();
        QCOMPARE(match.value(u"state").toString(), u"break"_s);
        const QJsonArray differences = match.value(u"differences").toArray();
        QCOMPARE(differences.size(), 1);
        QCOMPARE(differences[0].toObject().value(u"field").toString(), u"price"_s);
        QCOMPARE(differences[0].toObject().value(u"document").toString(), u"70.25"_s);
        QCOMPARE(differences[0].toObject().value(u"booked").toString(), u"70"_s);
    }

    void anUnmatchedConfirmationIsBookedWithItsCorrectionsAudited()
    {
        const qx::core::Instrument month = m_months.takeFirst();
        const Terms sent = terms(month, u"15"_s, u"91.75"_s);
        // In a multipart form, as a browser sends a file.
        const QByteArray boundary = "----qx" + QByteArray::number(m_nextTrade);
        const QByteArray form = "--" + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"recap.pdf\"\r\n"
              "Content-Type: application/pdf\r\n\r\n"
            + recapPdf(sent) + "\r\n--" + boundary + "--\r\n";
        const Reply uploaded = upload(form, "multipart/form-data; boundary=" + boundary);
        QCOMPARE(uploaded.status, 202);
        QCOMPARE(uploaded.json.value(u"filename").toString(), u"recap.pdf"_s);
        QCOMPARE(uploaded.json.value(u"content_type").toString(), u"application/pdf"_s);
        const QString id = uploaded.json.value(u"id").toString();
        const QJsonObject document = waitRead(id);
        QCOMPARE(document.value(u"match").toObject().value(u"state").toString(), u"unmatched"_s);

        const Reply refused = m_server->requestJson(
            "POST", u"/api/v1/documents/"_s + id + u"/book"_s,
            { { u"fields"_s, QJsonObject { { u"status"_s, u"live"_s } } } }, m_alice);
        QCOMPARE(refused.status, 400);
        const Reply booked = m_server->requestJson(
            "POST", u"/api/v1/documents/"_s + id + u"/book"_s,
            { { u"fields"_s, QJsonObject { { u"quantity"_s, u"16"_s } } } }, m_alice);
        QCOMPARE(booked.status, 201);
        QCOMPARE(booked.json.value(u"document_id").toString(), id);
        QCOMPARE(booked.json.value(u"quantity").toString(), u"16"_s);
        QCOMPARE(booked.json.value(u"side").toString(), u"buy"_s);
        QCOMPARE(booked.json.value(u"counterparty").toString(), kOther);
        QCOMPARE(booked.json.value(u"external_id").toString(), sent.tradeId);

        // Who corrected what, from which value to which, in the audit log.
        bool corrected = false;
        for (const QJsonValue &entry :
             m_server->request("GET", u"/api/v1/admin/audit?limit=1000"_s, {}, m_admin)
                 .json.value(u"entries")
                 .toArray()) {
            const QJsonObject detail
                = QJsonDocument::fromJson(entry.toObject().value(u"detail").toString().toUtf8())
                      .object();
            if (entry.toObject().value(u"action").toString() == u"deal.correct"
                && entry.toObject().value(u"actor").toString() == u"alice"
                && detail.value(u"field").toString() == u"quantity"
                && detail.value(u"read").toString() == u"15"
                && detail.value(u"booked").toString() == u"16"
                && detail.value(u"document").toString() == id)
                corrected = true;
        }
        QVERIFY(corrected);
        const QJsonObject after
            = m_server->request("GET", u"/api/v1/documents/"_s + id, {}, m_alice).json;
        QCOMPARE(after.value(u"review").toString(), u"booked"_s);
        // Booked once; and a document a deal was booked from stays.
        QCOMPARE(
            m_server->requestJson("POST", u"/api/v1/documents/"_s + id + u"/book"_s, {}, m_alice)
                .status,
            409);
        const Reply linked = m_server->request("DELETE", u"/api/v1/documents/"_s + id, {}, m_alice);
        QCOMPARE(linked.status, 409);
        QCOMPARE(linked.errorCode(), u"document_linked"_s);
    }

    void anInvoiceIsReconciledAgainstTheDealsOfItsPeriod()
    {
        const qx::core::Instrument month = m_months.takeFirst();
        // Alpha buys 2 MW from Nordlicht for the month at 40: that is what Nordlicht invoices.
        QCOMPARE(bookDeal(terms(month, u"2"_s, u"40"_s), month.symbol).status, 201);
        const qx::core::Decimal hours = qx::core::volumeMultiplier(month);
        const qx::core::Decimal energy
            = qx::core::Decimal::fromUnits(2 * qx::core::Decimal::kOne).times(hours).value();
        const qx::core::Decimal worth
            = energy.times(qx::core::Decimal::fromUnits(40 * qx::core::Decimal::kOne)).value();
        const QDate last = month.delivery.end.addDays(-1);
        const auto reconciled = [&](const QString &net) {
            const Reply uploaded = upload(
                invoicePdf(kOther, kFirm, month.delivery.start, last, energy.toString(), net),
                "application/pdf");
            return waitRead(uploaded.json.value(u"id").toString());
        };
        const QJsonObject rightInvoice = reconciled(worth.toString());
        QCOMPARE(rightInvoice.value(u"type").toString(), u"invoice"_s);
        const QJsonObject right = rightInvoice.value(u"match").toObject();
        QCOMPARE(right.value(u"state").toString(), u"matched"_s);
        QCOMPARE(right.value(u"expected_quantity").toString(), energy.toString());
        QCOMPARE(right.value(u"expected_amount").toString(), worth.toString());
        QCOMPARE(right.value(u"counted").toArray().size(), 1);
        // Invoiced 100 EUR too much: a break that says by how much.
        const QJsonObject over
            = reconciled(worth.plus(qx::core::Decimal::fromUnits(100 * qx::core::Decimal::kOne))
                             .value()
                             .toString())
                  .value(u"match")
                  .toObject();
        QCOMPARE(over.value(u"state").toString(), u"break"_s);
        QCOMPARE(over.value(u"amount_difference").toString(), u"100"_s);
        QCOMPARE(over.value(u"quantity_difference").toString(), u"0"_s);
    }

    void badAndHostileFilesAreRefusedOrFailWithAReason()
    {
        // Refused before any work.
        const Reply text = upload("just text", "text/plain");
        QCOMPARE(text.status, 415);
        QCOMPARE(text.errorCode(), u"unsupported_media_type"_s);
        const Reply big = raw("POST", u"/api/v1/documents"_s, "application/pdf", {}, m_alice,
                              3 * 1024 * 1024); // announced, never sent
        QCOMPARE(big.status, 413);
        QCOMPARE(big.errorCode(), u"payload_too_large"_s);
        const qx::core::Instrument &month = m_months.first();
        const Reply many = upload(recapPdf(terms(month, u"1"_s, u"1"_s), 4), "application/pdf");
        QCOMPARE(many.status, 422);
        QCOMPARE(many.errorCode(), u"too_many_pages"_s);
        QCOMPARE(m_server->request("GET", u"/api/v1/documents"_s, {}, m_alice).status, 200);

        // Taken, then failed with why.
        const auto failsWith = [&](const QByteArray &bytes, const QByteArray &type) -> QString {
            const Reply uploaded = upload(bytes, type);
            if (uploaded.status != 202)
                return u"status %1"_s.arg(uploaded.status);
            const QJsonObject document = waitRead(uploaded.json.value(u"id").toString());
            return document.value(u"status").toString() + u": "_s
                + document.value(u"reason").toString();
        };
        const QString notPdf
            = failsWith(png(QImage(50, 50, QImage::Format_RGB32)), "application/pdf");
        QVERIFY2(notPdf.startsWith(u"failed: "_s), qPrintable(notPdf));
        QByteArray truncated = recapPdf(terms(month, u"2"_s, u"2"_s));
        truncated.truncate(truncated.size() / 3);
        const QString damaged = failsWith(truncated, "application/pdf");
        QVERIFY2(damaged.startsWith(u"failed: "_s), qPrintable(damaged));
        // A PNG whose header declares 40000 × 40000 pixels: a bomb, refused unread.
        QImage tiny(1, 1, QImage::Format_Mono);
        QByteArray bomb = png(tiny);
        const QByteArray width = QByteArray::fromHex("00009c40"); // 40000
        bomb.replace(16, 4, width);
        bomb.replace(20, 4, width);
        const QString exploded = failsWith(bomb, "image/png");
        QVERIFY2(exploded.startsWith(u"failed: "_s), qPrintable(exploded));
        // A 1×1 image reads as nothing, not as a crash.
        const Reply dot = upload(png(QImage(1, 1, QImage::Format_RGB32)), "image/png");
        QCOMPARE(dot.status, 202);
        const QJsonObject read = waitRead(dot.json.value(u"id").toString());
        QCOMPARE(read.value(u"type").toString(), u"unknown"_s);
        // And the server answers on.
        QCOMPARE(m_server->request("GET", u"/healthz"_s).status, 200);
    }

    void onlyTheFirmSeesAndOnlyUploadersUpload()
    {
        const QString viewer
            = m_server->addUser(u"vera"_s, u"vera's long passphrase"_s, u"viewer"_s);
        const Reply refused
            = upload(png(QImage(10, 10, QImage::Format_RGB32)), "image/png", viewer);
        QCOMPARE(refused.status, 403);
        // Vera trades for no firm: alice's documents are not hers.
        QCOMPARE(m_server->request("GET", u"/api/v1/documents"_s, {}, viewer)
                     .json.value(u"documents")
                     .toArray()
                     .size(),
                 0);
        const QString first = m_server->request("GET", u"/api/v1/documents"_s, {}, m_alice)
                                  .json.value(u"documents")
                                  .toArray()[0]
                                  .toObject()
                                  .value(u"id")
                                  .toString();
        QCOMPARE(m_server->request("GET", u"/api/v1/documents/"_s + first, {}, viewer).status, 404);
        QCOMPARE(upload("x", "image/png", u"not a token"_s).status, 401);
    }

    void aDocumentNoDealCameFromIsDeleted()
    {
        const Reply uploaded = upload(png(QImage(20, 20, QImage::Format_RGB32)), "image/png");
        const QString id = uploaded.json.value(u"id").toString();
        waitRead(id);
        QCOMPARE(m_server->request("DELETE", u"/api/v1/documents/"_s + id, {}, m_alice).status,
                 200);
        QCOMPARE(m_server->request("GET", u"/api/v1/documents/"_s + id, {}, m_alice).status, 404);
    }

    void documentsBeingReadWhenTheServerIsKilledAreReadAfterTheRestart()
    {
        QStringList ids;
        for (int scan = 0; scan < 4; ++scan) {
            const Reply uploaded = upload(
                scanOf(terms(m_months.first(), QString::number(20 + scan), u"50"_s)), "image/png");
            QCOMPARE(uploaded.status, 202);
            ids.append(uploaded.json.value(u"id").toString());
        }
        m_server->kill(); // OCR under way: a page takes about a second
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        m_alice = m_server->login(u"alice"_s, m_server->alicePassword())
                      .json.value(u"access_token")
                      .toString();
        for (int scan = 0; scan < ids.size(); ++scan) {
            const QJsonObject document = waitRead(ids[scan]);
            QCOMPARE(document.value(u"status").toString(), u"processed"_s);
            QCOMPARE(document.value(u"pages").toInt(), 1);
            QCOMPARE(field(document, "quantity"), QString::number(20 + scan));
        }
        const QJsonArray all
            = m_server->request("GET", u"/api/v1/documents?limit=1000"_s, {}, m_alice)
                  .json.value(u"documents")
                  .toArray();
        QCOMPARE(std::count_if(all.begin(), all.end(),
                               [&](const QJsonValue &value) {
                                   return ids.contains(value.toObject().value(u"id").toString());
                               }),
                 ids.size());
    }
};

QTEST_MAIN(tst_Documents)
#include "tst_documents.moc"
