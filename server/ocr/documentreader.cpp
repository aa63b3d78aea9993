#include "server/ocr/documentreader.h"

#include "server/ocr/ocrengine.h"
#include "server/ocr/pdftext.h"
#include "server/ocr/pix.h"

#include <QCoreApplication>
#include <QFile>
#include <QPainter>
#include <QPdfDocument>

#include <leptonica/allheaders.h>

#include <cstdio>

namespace qx::server::ocr {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("qx::server::ocr::DocumentReader", text);
}

core::Error unreadable(const QString &reason)
{
    return core::makeError(core::ErrorCode::UnreadableDocument, reason);
}

} // namespace

QString toString(FileKind kind)
{
    switch (kind) {
    case FileKind::Pdf:
        return QStringLiteral("application/pdf");
    case FileKind::Png:
        return QStringLiteral("image/png");
    case FileKind::Jpeg:
        return QStringLiteral("image/jpeg");
    case FileKind::Tiff:
        return QStringLiteral("image/tiff");
    }
    return {};
}

std::optional<FileKind> sniffFileKind(QByteArrayView head)
{
    if (head.startsWith("%PDF-"))
        return FileKind::Pdf;
    if (head.startsWith("\x89PNG\r\n\x1a\n"))
        return FileKind::Png;
    if (head.startsWith("\xff\xd8\xff"))
        return FileKind::Jpeg;
    if (head.startsWith(QByteArrayView("II*\0", 4)) || head.startsWith(QByteArrayView("MM\0*", 4)))
        return FileKind::Tiff;
    return std::nullopt;
}

std::optional<FileKind> fileKindOf(const QString &contentType)
{
    const QString type = contentType.section(u';', 0, 0).trimmed().toLower();
    if (type == u"application/pdf")
        return FileKind::Pdf;
    if (type == u"image/png")
        return FileKind::Png;
    if (type == u"image/jpeg" || type == u"image/jpg")
        return FileKind::Jpeg;
    if (type == u"image/tiff" || type == u"image/tif")
        return FileKind::Tiff;
    return std::nullopt;
}

DocumentReader::DocumentReader(OcrEngine &engine, Limits limits)
    : m_engine(engine)
    , m_limits(limits)
{ }

DocumentReader::~DocumentReader() = default;

core::Result<int> DocumentReader::open(const QString &path, const QString &contentType)
{
    const std::optional<FileKind> claimed = fileKindOf(contentType);
    if (!claimed)
        return unreadable(tr("%1 is not a kind of document that is read (PDF, PNG, JPEG, TIFF).")
                              .arg(contentType));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return unreadable(tr("The file cannot be opened."));
    const std::optional<FileKind> actual = sniffFileKind(file.read(16));
    file.close();
    if (actual != claimed) {
        return unreadable(tr("The file was sent as %1 but is %2.")
                              .arg(toString(*claimed),
                                   actual ? toString(*actual) : tr("none of the kinds read")));
    }
    m_path = path;
    m_kind = *actual;
    m_pdf.reset();
    if (m_kind == FileKind::Pdf) {
        m_pdf = std::make_unique<QPdfDocument>();
        if (m_pdf->load(path) != QPdfDocument::Error::None || m_pdf->pageCount() < 1)
            return unreadable(tr("The PDF is damaged, truncated or locked with a password."));
        m_pages = m_pdf->pageCount();
    } else if (m_kind == FileKind::Tiff) {
        FILE *stream = std::fopen(QFile::encodeName(path).constData(), "rb");
        l_int32 count = 0;
        const bool counted = stream && tiffGetCount(stream, &count) == 0;
        if (stream)
            std::fclose(stream);
        if (!counted || count < 1)
            return unreadable(tr("The TIFF is damaged or truncated."));
        m_pages = count;
    } else {
        m_pages = 1;
    }
    if (m_pages > m_limits.maxPages) {
        return core::makeError(core::ErrorCode::TooManyPages,
                               tr("The document has %1 pages; at most %2 are read.")
                                   .arg(m_pages)
                                   .arg(m_limits.maxPages));
    }
    // Every image's size from its header, before anything is decoded.
    if (m_kind != FileKind::Pdf) {
        l_int32 format = 0, width = 0, height = 0, bits = 0, samples = 0, colourMap = 0;
        if (pixReadHeader(QFile::encodeName(path).constData(), &format, &width, &height, &bits,
                          &samples, &colourMap)
            != 0)
            return unreadable(tr("The image's header does not read."));
        if (qint64(width) * height > m_limits.maxPixels || width < 1 || height < 1) {
            return unreadable(tr("The image is %1×%2 pixels: not a page.").arg(width).arg(height));
        }
    }
    return m_pages;
}

core::Result<DocumentReader::Page> DocumentReader::page(int number, bool image)
{
    if (number < 1 || number > m_pages)
        return unreadable(tr("There is no page %1.").arg(number));
    return m_kind == FileKind::Pdf ? pdfPage(number, image) : imagePage(number);
}

core::Result<DocumentReader::Page> DocumentReader::pdfPage(int number, bool withImage)
{
    const int index = number - 1;
    const QSizeF points = m_pdf->pagePointSize(index);
    const QSize pixels = (points * (OcrEngine::kDotsPerInch / 72.0)).toSize();
    if (pixels.isEmpty() || qint64(pixels.width()) * pixels.height() > m_limits.maxPixels)
        return unreadable(tr("Page %1 is %2×%3 points: not a page.")
                              .arg(number)
                              .arg(points.width())
                              .arg(points.height()));
    const auto rendered = [&] {
        QImage image(pixels, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.drawImage(0, 0, m_pdf->render(index, pixels)); // transparent: onto white
        painter.end();
        return image;
    };
    Page page;
    page.number = number;
    if (PdfText::hasTextLayer(*m_pdf, index)) {
        page.textLayer = true;
        page.words = PdfText::words(*m_pdf, index);
        if (withImage)
            page.image = rendered();
        return page;
    }
    const QImage image = rendered();
    core::Result<OcrEngine::Page> read = m_engine.read(image, number);
    if (!read)
        return read.error();
    page.words = std::move(read->words);
    page.image = std::move(read->image);
    page.skewDegrees = read->skewDegrees;
    return page;
}

core::Result<DocumentReader::Page> DocumentReader::imagePage(int number)
{
    const QByteArray path = QFile::encodeName(m_path);
    PixPtr pix(m_kind == FileKind::Tiff ? pixReadTiff(path.constData(), number - 1)
                                        : pixRead(path.constData()));
    if (!pix)
        return unreadable(tr("Page %1 of the image does not decode.").arg(number));
    if (qint64(pixGetWidth(pix.get())) * pixGetHeight(pix.get()) > m_limits.maxPixels)
        return unreadable(tr("Page %1 is larger than a page.").arg(number));
    l_int32 xResolution = pixGetXRes(pix.get());
    const int dpi = xResolution >= 75 && xResolution <= 600 ? xResolution : OcrEngine::kDotsPerInch;
    const QImage image = greyImage(pix.get());
    pix.reset();
    core::Result<OcrEngine::Page> read = m_engine.read(image, number, dpi);
    if (!read)
        return read.error();
    Page page;
    page.number = number;
    page.words = std::move(read->words);
    page.image = std::move(read->image);
    page.skewDegrees = read->skewDegrees;
    return page;
}

} // namespace qx::server::ocr
