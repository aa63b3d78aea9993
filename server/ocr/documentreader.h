#pragma once

#include "core/documents/extraction.h"
#include "core/result.h"

#include <QByteArrayView>
#include <QImage>
#include <QList>
#include <QString>

#include <memory>

class QPdfDocument;

namespace qx::server::ocr {

class OcrEngine;

/// The kinds of file a document may be.
enum class FileKind { Pdf, Png, Jpeg, Tiff };
QString toString(FileKind kind);
/// What the bytes say the file is (its signature), whatever it was called; nothing for
/// anything else.
std::optional<FileKind> sniffFileKind(QByteArrayView head);
/// The kind a content type names (application/pdf, image/png, image/jpeg, image/tiff).
std::optional<FileKind> fileKindOf(const QString &contentType);

/**
 * Reads a document file page by page: a PDF page with a text layer from it, any other page
 * (a scanned PDF page rendered at 300 dpi, a PNG, a JPEG, each page of a TIFF) by OCR. What a
 * hostile or broken file could do is checked before the work: the bytes must be what the
 * content type says, the pages no more than the limit, an image's dimensions (read from its
 * header, before it is decoded) those of a page, not of a decompression bomb.
 * Errors: unreadable_document (with the reason), payload_too_large (pages over the limit).
 */
class DocumentReader
{
public:
    struct Limits
    {
        int maxPages = 50;
        /// An image's pixels at most: an A3 page at 600 dpi is 70 M.
        qint64 maxPixels = 80'000'000;
    };

    DocumentReader(OcrEngine &engine, Limits limits);
    ~DocumentReader();

    /// Opens `path`, which was sent as `contentType`: its page count.
    core::Result<int> open(const QString &path, const QString &contentType);

    struct Page
    {
        int number = 0; ///< 1-based
        bool textLayer = false; ///< read from the PDF's text, not OCR'd
        QList<core::documents::Word> words;
        QImage image; ///< the page as shown beside its fields, 300 dpi
        double skewDegrees = 0;
    };
    /// Page `number` (1-based) of the open document. Without `image`, a page read from its
    /// text layer is not rendered (a scan always is: OCR reads the rendering).
    core::Result<Page> page(int number, bool image = true);

private:
    core::Result<Page> pdfPage(int number, bool image);
    core::Result<Page> imagePage(int number);

    OcrEngine &m_engine;
    Limits m_limits;
    QString m_path;
    FileKind m_kind = FileKind::Pdf;
    int m_pages = 0;
    std::unique_ptr<QPdfDocument> m_pdf;
};

} // namespace qx::server::ocr
