#include "server/ocr/ocrengine.h"

#include "server/ocr/pix.h"

#include <QCoreApplication>

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

namespace qx::server::ocr {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("qx::server::ocr::OcrEngine", text);
}

} // namespace

OcrEngine::OcrEngine()
    : m_api(std::make_unique<tesseract::TessBaseAPI>())
{ }

OcrEngine::~OcrEngine()
{
    if (m_api)
        m_api->End();
}

core::Result<std::unique_ptr<OcrEngine>> OcrEngine::create(const QString &languages)
{
    setMsgSeverity(L_SEVERITY_WARNING); // Leptonica's notes on what it reads are not errors
    std::unique_ptr<OcrEngine> engine(new OcrEngine());
    if (engine->m_api->Init(nullptr, languages.toUtf8().constData(), tesseract::OEM_LSTM_ONLY)
        != 0) {
        return core::makeError(core::ErrorCode::UnreadableDocument,
                               tr("Tesseract has no data for %1: install tesseract-ocr-eng and "
                                  "tesseract-ocr-deu.")
                                   .arg(languages));
    }
    engine->m_api->SetPageSegMode(tesseract::PSM_AUTO);
    return engine;
}

core::Result<OcrEngine::Page> OcrEngine::read(const QImage &scan, int pageNumber, int dotsPerInch)
{
    // A page is between a postcard and a poster at 75 to 600 dpi.
    constexpr int kMinimum = 200;
    constexpr int kMaximum = 12'000;
    if (scan.isNull() || scan.width() < kMinimum || scan.height() < kMinimum
        || scan.width() > kMaximum || scan.height() > kMaximum || dotsPerInch < 75
        || dotsPerInch > 600) {
        return core::makeError(core::ErrorCode::UnreadableDocument,
                               tr("The image is %1×%2 pixels at %3 dpi: not a page that can be "
                                  "read.")
                                   .arg(scan.width())
                                   .arg(scan.height())
                                   .arg(dotsPerInch));
    }
    PixPtr grey = greyPix(scan);
    if (!grey)
        return core::makeError(core::ErrorCode::UnreadableDocument, tr("The image is too large."));
    // Straighten (a sweep of ±5°), then binarise with Otsu over large tiles.
    l_float32 angle = 0;
    l_float32 confidence = 0;
    PixPtr straight(pixDeskewGeneral(grey.get(), 0, 5.0f, 0.0f, 0, 0, &angle, &confidence));
    PIX *source = straight ? straight.get() : grey.get();
    PIX *thresholds = nullptr;
    PIX *binary = nullptr;
    if (pixOtsuAdaptiveThreshold(source, 1000, 1000, 2, 2, 0.1f, &thresholds, &binary) != 0
        || !binary) {
        return core::makeError(core::ErrorCode::UnreadableDocument,
                               tr("The page could not be binarised."));
    }
    PixPtr threshold(thresholds);
    PixPtr bits(binary);
    pixSetResolution(bits.get(), dotsPerInch, dotsPerInch);

    m_api->SetImage(bits.get());
    m_api->SetSourceResolution(dotsPerInch);
    if (m_api->Recognize(nullptr) != 0) {
        m_api->Clear();
        return core::makeError(core::ErrorCode::UnreadableDocument,
                               tr("Tesseract could not read the page."));
    }
    Page page;
    page.skewDegrees = angle;
    const double scale = double(kDotsPerInch) / dotsPerInch;
    std::unique_ptr<tesseract::ResultIterator> words(m_api->GetIterator());
    if (words) {
        do {
            const std::unique_ptr<char[]> text(words->GetUTF8Text(tesseract::RIL_WORD));
            if (!text)
                continue;
            const QString word = QString::fromUtf8(text.get()).trimmed();
            int left = 0, top = 0, right = 0, bottom = 0;
            if (word.isEmpty()
                || !words->BoundingBox(tesseract::RIL_WORD, &left, &top, &right, &bottom))
                continue;
            page.words.append(core::documents::Word {
                word,
                QRect(int(left * scale), int(top * scale), int((right - left) * scale),
                      int((bottom - top) * scale)),
                std::clamp(words->Confidence(tesseract::RIL_WORD) / 100.0, 0.0, 1.0), pageNumber });
        } while (words->Next(tesseract::RIL_WORD));
    }
    m_api->Clear();
    page.image = greyImage(bits.get());
    if (dotsPerInch != kDotsPerInch)
        page.image = page.image.scaled(page.image.size() * scale, Qt::IgnoreAspectRatio,
                                       Qt::SmoothTransformation);
    return page;
}

} // namespace qx::server::ocr
