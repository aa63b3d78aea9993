#pragma once

#include "core/documents/extraction.h"
#include "core/result.h"

#include <QList>
#include <QString>

class QPdfDocument;

namespace qx::server::ocr {

/**
 * A PDF's text layer as words with boxes, for pages that have one: what a born-digital
 * confirmation says, read exactly and never OCR'd. Boxes are in page pixels at 300 dpi, as
 * OCR's are, confidence 1. Qt PDF (PDFium) reads the file; nothing is written back (a signed
 * or encrypted PDF stays as it is).
 */
class PdfText
{
public:
    static constexpr int kDotsPerInch = 300;

    /// Whether `page` (0-based) carries text (not a scan).
    static bool hasTextLayer(QPdfDocument &document, int page);
    /// The words of `page` (0-based), in the order the text layer holds them; empty for a
    /// page without text.
    static QList<core::documents::Word> words(QPdfDocument &document, int page);
    /// Every page's words of the PDF at `path`; unreadable_document if it does not open.
    static core::Result<QList<core::documents::Word>> readFile(const QString &path);
};

} // namespace qx::server::ocr
