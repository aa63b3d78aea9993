#include "server/ocr/pdftext.h"

#include <QCoreApplication>
#include <QPdfDocument>
#include <QPdfSelection>

namespace qx::server::ocr {

bool PdfText::hasTextLayer(QPdfDocument &document, int page)
{
    return !document.getAllText(page).text().trimmed().isEmpty();
}

QList<core::documents::Word> PdfText::words(QPdfDocument &document, int page)
{
    QList<core::documents::Word> words;
    const QString text = document.getAllText(page).text();
    constexpr double kScale = kDotsPerInch / 72.0; // PDF points to 300-dpi pixels
    qsizetype at = 0;
    while (at < text.size()) {
        while (at < text.size() && text[at].isSpace())
            ++at;
        const qsizetype start = at;
        while (at < text.size() && !text[at].isSpace())
            ++at;
        if (at == start)
            continue;
        const QPdfSelection selection
            = document.getSelectionAtIndex(page, int(start), int(at - start));
        const QRectF bounds = selection.boundingRectangle();
        if (!selection.isValid() || bounds.isEmpty())
            continue;
        words.append(
            core::documents::Word { text.mid(start, at - start),
                                    QRectF(bounds.x() * kScale, bounds.y() * kScale,
                                           bounds.width() * kScale, bounds.height() * kScale)
                                        .toAlignedRect(),
                                    1.0, page + 1 });
    }
    return words;
}

core::Result<QList<core::documents::Word>> PdfText::readFile(const QString &path)
{
    QPdfDocument document;
    if (const QPdfDocument::Error error = document.load(path); error != QPdfDocument::Error::None) {
        return core::makeError(core::ErrorCode::UnreadableDocument,
                               QCoreApplication::translate("qx::server::ocr::PdfText",
                                                           "The PDF could not be read (error %1).")
                                   .arg(int(error)));
    }
    QList<core::documents::Word> all;
    for (int page = 0; page < document.pageCount(); ++page)
        all += words(document, page);
    return all;
}

} // namespace qx::server::ocr
