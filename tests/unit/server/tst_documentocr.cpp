// Scanned confirmations and invoices read by OCR into fields: the generated documents are
// printed to 300-dpi images as a scanner would give them (clean; turned by 1-3° with noise and
// JPEG artefacts; a 200-dpi black-and-white fax) and read back through Tesseract. The goal
// is 95 % of fields right on scans; a misread field would book or match the wrong deal.
// Prints the accuracy per variant and every miss.
#include "core/documents/extraction.h"
#include "generator.h"
#include "server/ocr/ocrengine.h"

#include <QRandomGenerator>
#include <QTest>

using namespace qx::core::documents;
using namespace qx::test::documents;
using namespace Qt::StringLiterals;

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
                const Scanned paper = scanned(generated.pdf, scan, random);
                const auto page = (*engine)->read(paper.image, 1, paper.dotsPerInch);
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
