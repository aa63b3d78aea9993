// Scanned confirmations and invoices read by OCR into fields: the generated documents are
// printed to 300-dpi images as a scanner would give them (clean; turned by 1-3° with noise and
// JPEG artefacts; a 200-dpi black-and-white fax) and read back through Tesseract. The goal
// is 95 % of fields right on scans; a misread field would book or match the wrong deal.
// Prints the accuracy per variant and every miss.
#include "core/documents/extraction.h"
#include "generator.h"
#include "server/ocr/ocrengine.h"

#include <QBuffer>
#include <QPainter>
#include <QPdfDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace qx::core::documents;
using namespace qx::test::documents;
using namespace Qt::StringLiterals;

namespace {

enum class Scan { Clean, TurnedAndNoisy, Fax };

QString toString(Scan scan)
{
    switch (scan) {
    case Scan::Clean:
        return u"scan"_s;
    case Scan::TurnedAndNoisy:
        return u"turned, noisy, JPEG"_s;
    case Scan::Fax:
        return u"200-dpi fax"_s;
    }
    return {};
}

/// The first page of `pdf` as a scanner would give it, and its resolution.
std::pair<QImage, int> scanned(const QByteArray &pdf, Scan scan, QRandomGenerator &random)
{
    QBuffer buffer;
    buffer.setData(pdf);
    buffer.open(QIODevice::ReadOnly);
    QPdfDocument document;
    document.load(&buffer);
    const int dpi = scan == Scan::Fax ? 200 : 300;
    const QSize size(qRound(8.27 * dpi), qRound(11.69 * dpi));
    QImage page(size, QImage::Format_RGB32);
    page.fill(Qt::white);
    {
        QPainter painter(&page);
        painter.drawImage(0, 0, document.render(0, size));
    }
    if (scan == Scan::TurnedAndNoisy) {
        const double degrees = (1.0 + random.bounded(2.0)) * (random.bounded(2) ? 1 : -1);
        QImage turned(size, QImage::Format_RGB32);
        turned.fill(Qt::white);
        QPainter painter(&turned);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.translate(size.width() / 2.0, size.height() / 2.0);
        painter.rotate(degrees);
        painter.translate(-size.width() / 2.0, -size.height() / 2.0);
        painter.drawImage(0, 0, page);
        painter.end();
        page = turned;
        // Speckles: one pixel in two hundred flipped to a random grey.
        for (int n = 0; n < size.width() * size.height() / 200; ++n) {
            const int grey = int(random.bounded(256));
            page.setPixel(int(random.bounded(size.width())), int(random.bounded(size.height())),
                          qRgb(grey, grey, grey));
        }
        QByteArray jpeg;
        QBuffer out(&jpeg);
        out.open(QIODevice::WriteOnly);
        page.save(&out, "JPEG", 55);
        page = QImage::fromData(jpeg, "JPEG");
    } else if (scan == Scan::Fax) {
        page = page.convertToFormat(QImage::Format_Mono, Qt::ThresholdDither);
    }
    return { page, dpi };
}

} // namespace

class tst_DocumentOcr : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scansAreReadIntoTheirFields()
    {
        const auto engine = qx::server::ocr::OcrEngine::create();
        QVERIFY2(engine.ok(), engine.ok() ? "" : qPrintable(engine.error().message));
        QRandomGenerator random(20261207);
        QMap<Scan, std::pair<int, int>> byScan; // right, total
        QStringList misses;
        int document = 0;
        for (const Layout layout : kLayouts) {
            for (const Language language : { Language::English, Language::German }) {
                const bool isInvoice = document % 2 == 1;
                const Scan scan = Scan(document % 3);
                ++document;
                const Generated generated = isInvoice ? invoice(random, layout, language)
                                                      : confirmation(random, layout, language);
                const auto [image, dpi] = scanned(generated.pdf, scan, random);
                const auto page = (*engine)->read(image, 1, dpi);
                QVERIFY2(page.ok(), page.ok() ? "" : qPrintable(page.error().message));
                const Extraction read = extractFields(page->words);
                auto &[right, total] = byScan[scan];
                const QString what = generated.description + u", " + toString(scan);
                ++total;
                if (toString(read.type) == (isInvoice ? u"invoice"_s : u"confirmation"_s))
                    ++right;
                else
                    misses.append(what + u": type " + qx::core::documents::toString(read.type));
                for (auto field = generated.expected.cbegin(); field != generated.expected.cend();
                     ++field) {
                    ++total;
                    const Field got = read.fields.value(field.key());
                    if (got.value == *field) {
                        ++right;
                        QVERIFY(got.confidence > 0 && got.confidence <= 1);
                        QVERIFY(got.box.width() > 0 && got.box.height() > 0);
                    } else {
                        misses.append(what + u": " + field.key() + u" read \"" + got.value
                                      + u"\", is \"" + *field + u'"');
                    }
                }
            }
        }
        int right = 0;
        int total = 0;
        for (auto scan = byScan.cbegin(); scan != byScan.cend(); ++scan) {
            qInfo("%s: %d of %d fields right", qPrintable(toString(scan.key())), scan->first,
                  scan->second);
            right += scan->first;
            total += scan->second;
        }
        for (const QString &miss : std::as_const(misses))
            qInfo("  %s", qPrintable(miss));
        qInfo("scans: %d of %d fields right (%.1f %%)", right, total, 100.0 * right / total);
        QVERIFY2(right * 100 >= total * 95, qPrintable(misses.join(u'\n')));
    }

    void whatIsNoPageIsRefused()
    {
        const auto engine = qx::server::ocr::OcrEngine::create();
        QVERIFY(engine.ok());
        QImage dot(1, 1, QImage::Format_RGB32);
        dot.fill(Qt::white);
        QCOMPARE((*engine)->read(dot, 1).error().code, u"unreadable_document"_s);
        QCOMPARE((*engine)->read(QImage(), 1).error().code, u"unreadable_document"_s);
        // A blank page reads as nothing, not as an error.
        QImage blank(2480, 3508, QImage::Format_RGB32);
        blank.fill(Qt::white);
        const auto page = (*engine)->read(blank, 1);
        QVERIFY(page.ok());
        QVERIFY(page->words.isEmpty());
    }
};

QTEST_MAIN(tst_DocumentOcr)
#include "tst_documentocr.moc"
