#pragma once

#include "core/documents/extraction.h"
#include "core/result.h"

#include <QImage>
#include <QList>
#include <QString>

#include <memory>

namespace tesseract {
class TessBaseAPI;
}

namespace qx::server::ocr {

/**
 * Tesseract 5 (LSTM) with its language data loaded once, reading a scanned page into words
 * with boxes and confidences. A page is straightened first (Leptonica finds its skew within
 * ±5° and rotates it back) and binarised (Otsu, adaptive); the words' boxes are in the
 * straightened page's pixels at 300 dpi whatever the scan's resolution. One engine per
 * thread: Tesseract's API is not shared. Set OMP_THREAD_LIMIT=1 in the process and run pages
 * in parallel instead: Tesseract's own threads cost far more than they give on two cores.
 */
class OcrEngine
{
public:
    static constexpr int kDotsPerInch = 300;

    /// An engine for `languages` ("eng+deu"): ocr_unavailable when the data is not installed.
    static core::Result<std::unique_ptr<OcrEngine>> create(const QString &languages
                                                           = QStringLiteral("eng+deu"));
    ~OcrEngine();
    OcrEngine(const OcrEngine &) = delete;
    OcrEngine &operator=(const OcrEngine &) = delete;

    struct Page
    {
        QList<core::documents::Word> words;
        QImage image; ///< as read: straightened, binarised, at 300 dpi
        double skewDegrees = 0; ///< what the scan was turned by
    };
    /// The words of `scan`, scanned at `dotsPerInch`, as page `pageNumber` (1-based).
    /// unreadable_document for an image too small or too large to be a page.
    core::Result<Page> read(const QImage &scan, int pageNumber, int dotsPerInch = kDotsPerInch);

private:
    OcrEngine();
    std::unique_ptr<tesseract::TessBaseAPI> m_api;
};

} // namespace qx::server::ocr
