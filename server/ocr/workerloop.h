#pragma once

#include <QIODevice>
#include <QJsonObject>

#include <memory>

namespace qx::server::ocr {

class DocumentReader;
class OcrEngine;

/**
 * What `quantenergx-ocr-worker` does: reads documents for the server, one request at a time,
 * as JSON lines on standard input, each answered by one JSON line on standard output. The
 * engine is loaded once and the last document kept open, so its pages are read without
 * opening it again.
 *
 *   {"job":N,"path":P,"content_type":T,"max_pages":M}     → {"job":N,"pages":K}
 *   {"job":N,"path":P,"content_type":T,"page":I,"image":F} → {"job":N,"page":I,
 *       "text_layer":bool,"skew":deg,"image":bool,"words":[{"text","box":[x,y,w,h],
 *       "confidence"}]}
 *       (the page image written to F as PNG, at 300 dpi, whole or not at all; "image" says
 *       whether it was. Without "image" a page with a text layer is not rendered at all;
 *       with "image_if_ocr":true it is written only for a page that was OCR'd, whose
 *       rendering OCR needs anyway: a text-layer page's is left to a later request)
 *   anything that fails                                   → {"job":N,"error":{"code","message"}}
 *
 * The server runs one worker per core, kills one that exceeds its time on a page and starts
 * another; the worker itself caps its address space (setMemoryLimit) so a bomb that gets past
 * the checks kills it, not the machine.
 */
class WorkerLoop
{
public:
    WorkerLoop();
    ~WorkerLoop();

    /// Answers requests from `in` on `out` until `in` ends; 0, or 1 if the engine cannot load.
    int run(QIODevice &in, QIODevice &out);
    /// One request's answer.
    QJsonObject answer(const QJsonObject &request);

    /// Caps this process's address space at `megabytes` (RLIMIT_AS); false if refused.
    static bool setMemoryLimit(qint64 megabytes);

private:
    std::unique_ptr<OcrEngine> m_engine;
    std::unique_ptr<DocumentReader> m_reader;
    QString m_openPath;
    QString m_openType;
    int m_openLimit = 0;
};

} // namespace qx::server::ocr
