// Document files as they arrive, read page by page: a born-digital PDF from its text layer,
// a scanned PDF, a PNG and a multi-page TIFF by OCR; and every file that must fail, with a
// reason and before any work is wasted on it: bytes that are not what the content type says,
// a truncated PDF, more pages than the limit, an image whose header declares a bomb, a 1×1
// image.
#include "core/documents/extraction.h"
#include "generator.h"
#include "server/ocr/documentreader.h"
#include "server/ocr/ocrengine.h"
#include "server/ocr/pix.h"

#include <QBuffer>
#include <QFile>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfWriter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <leptonica/allheaders.h>

using namespace qx::server::ocr;
using namespace qx::test::documents;
using namespace Qt::StringLiterals;

class tst_DocumentReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<OcrEngine> m_engine;
    Generated m_confirmation;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }
    // The generated confirmation's first page as a 300-dpi image.
    QImage pageImage() const
    {
        QBuffer buffer;
        buffer.setData(m_confirmation.pdf);
        buffer.open(QIODevice::ReadOnly);
        QPdfDocument document;
        document.load(&buffer);
        QImage image(2480, 3508, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.drawImage(0, 0, document.render(0, image.size()));
        return image;
    }
    // How many of the confirmation's fields `words` give right.
    int fieldsRight(const QList<qx::core::documents::Word> &words) const
    {
        const auto read = qx::core::documents::extractFields(words);
        int right = 0;
        for (auto field = m_confirmation.expected.cbegin(); field != m_confirmation.expected.cend();
             ++field)
            right += read.fields.value(field.key()).value == *field ? 1 : 0;
        return right;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto engine = OcrEngine::create();
        QVERIFY(engine.ok());
        m_engine = std::move(engine).value();
        QRandomGenerator random(11);
        m_confirmation = confirmation(random, Layout::TwoColumns, Language::English);
    }

    void aBornDigitalPdfIsReadFromItsText()
    {
        DocumentReader reader(*m_engine, {});
        QCOMPARE(*reader.open(write(u"digital.pdf"_s, m_confirmation.pdf), u"application/pdf"_s),
                 1);
        const auto page = reader.page(1);
        QVERIFY(page.ok());
        QVERIFY(page->textLayer);
        // The page as an A4 at 300 dpi (to a pixel: PDF sizes are in points).
        QVERIFY(qAbs(page->image.width() - 2480) <= 2 && qAbs(page->image.height() - 3508) <= 2);
        QCOMPARE(fieldsRight(page->words), int(m_confirmation.expected.size()));
    }

    void aScannedPdfAndAnImageAreReadByOcr()
    {
        // A scanner's PDF: the page as a picture, no text in it.
        QByteArray scannedPdf;
        {
            QBuffer buffer(&scannedPdf);
            buffer.open(QIODevice::WriteOnly);
            QPdfWriter writer(&buffer);
            writer.setResolution(300);
            writer.setPageSize(QPageSize(QPageSize::A4));
            writer.setPageMargins({});
            QPainter painter(&writer);
            painter.drawImage(QRect(0, 0, 2480, 3508), pageImage());
        }
        DocumentReader reader(*m_engine, {});
        QCOMPARE(*reader.open(write(u"scanned.pdf"_s, scannedPdf), u"application/pdf"_s), 1);
        const auto page = reader.page(1);
        QVERIFY(page.ok());
        QVERIFY(!page->textLayer);
        QVERIFY(fieldsRight(page->words) >= m_confirmation.expected.size() - 1);

        QByteArray png;
        QBuffer out(&png);
        out.open(QIODevice::WriteOnly);
        pageImage().save(&out, "PNG");
        QCOMPARE(*reader.open(write(u"scan.png"_s, png), u"image/png"_s), 1);
        const auto image = reader.page(1);
        QVERIFY(image.ok());
        QVERIFY(fieldsRight(image->words) >= m_confirmation.expected.size() - 1);
    }

    void everyPageOfATiff()
    {
        // Two pages, CCITT G4 as fax machines and scanners write them.
        const QString path = m_dir.filePath(u"two.tif"_s);
        const PixPtr grey = greyPix(pageImage());
        const PixPtr bits(pixConvertTo1(grey.get(), 128));
        pixSetResolution(bits.get(), 300, 300);
        QVERIFY(pixWriteTiff(QFile::encodeName(path).constData(), bits.get(), IFF_TIFF_G4, "w")
                == 0);
        QVERIFY(pixWriteTiff(QFile::encodeName(path).constData(), bits.get(), IFF_TIFF_G4, "a")
                == 0);
        DocumentReader reader(*m_engine, {});
        QCOMPARE(*reader.open(path, u"image/tiff"_s), 2);
        for (int number : { 1, 2 }) {
            const auto page = reader.page(number);
            QVERIFY(page.ok());
            QCOMPARE(page->number, number);
            QVERIFY(fieldsRight(page->words) >= m_confirmation.expected.size() - 1);
        }
        QCOMPARE(reader.page(3).error().code, u"unreadable_document"_s);
    }

    void whatCannotBeReadFailsWithAReason()
    {
        DocumentReader reader(*m_engine, DocumentReader::Limits { 5, 10'000'000 });
        const auto refused = [&reader](const QString &path, const QString &type) {
            const auto opened = reader.open(path, type);
            return opened.ok() ? u"opened"_s : opened.error().code + u": " + opened.error().message;
        };
        // Bytes that are not what they were sent as.
        QVERIFY(
            refused(write(u"lie.pdf"_s, "\x89PNG\r\n\x1a\n and the rest"_ba), u"application/pdf"_s)
                .startsWith(
                    u"unreadable_document: The file was sent as application/pdf but is image/png"_s));
        QVERIFY(refused(write(u"text.png"_s, "hello"_ba), u"image/png"_s)
                    .startsWith(u"unreadable_document"_s));
        QVERIFY(refused(write(u"doc.exe"_s, "MZ"_ba), u"application/x-msdownload"_s)
                    .startsWith(u"unreadable_document"_s));
        // A PDF cut in half.
        const QByteArray half = m_confirmation.pdf.left(m_confirmation.pdf.size() / 2);
        QVERIFY(refused(write(u"half.pdf"_s, half), u"application/pdf"_s)
                    .startsWith(u"unreadable_document"_s));
        // More pages than the limit, refused before any page is read.
        QByteArray many;
        {
            QBuffer buffer(&many);
            buffer.open(QIODevice::WriteOnly);
            QPdfWriter writer(&buffer);
            QPainter painter(&writer);
            for (int page = 0; page < 8; ++page) {
                painter.drawText(100, 100, u"Page %1"_s.arg(page + 1));
                writer.newPage();
            }
        }
        QVERIFY(refused(write(u"many.pdf"_s, many), u"application/pdf"_s)
                    .startsWith(u"too_many_pages"_s));
        // An image whose header declares more pixels than a page: refused before decoding.
        QImage huge(5000, 5000, QImage::Format_Mono);
        huge.fill(0);
        QByteArray bomb;
        QBuffer bombBuffer(&bomb);
        bombBuffer.open(QIODevice::WriteOnly);
        huge.save(&bombBuffer, "PNG");
        QVERIFY(bomb.size() < 100'000); // small on disk, 25 M pixels decoded
        QVERIFY(refused(write(u"bomb.png"_s, bomb), u"image/png"_s).contains(u"5000×5000"_s));
        // A 1×1 image opens (it is a PNG) and its page is refused.
        QImage dot(1, 1, QImage::Format_RGB32);
        dot.fill(Qt::white);
        QByteArray tiny;
        QBuffer tinyBuffer(&tiny);
        tinyBuffer.open(QIODevice::WriteOnly);
        dot.save(&tinyBuffer, "PNG");
        QCOMPARE(*reader.open(write(u"dot.png"_s, tiny), u"image/png"_s), 1);
        QCOMPARE(reader.page(1).error().code, u"unreadable_document"_s);
    }
};

QTEST_MAIN(tst_DocumentReader)
#include "tst_documentreader.moc"
