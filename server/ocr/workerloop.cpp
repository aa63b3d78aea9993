#include "server/ocr/workerloop.h"

#include "core/protocol/messages.h"
#include "server/ocr/documentreader.h"
#include "server/ocr/ocrengine.h"

#include <QCoreApplication>
#include <QFileDevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <sys/resource.h>

namespace qx::server::ocr {

namespace {

QJsonObject failed(const QJsonValue &job, const core::Error &error)
{
    return QJsonObject { { QStringLiteral("job"), job },
                         { QStringLiteral("error"),
                           core::protocol::errorToJson(error).value(QStringLiteral("error")) } };
}

} // namespace

WorkerLoop::WorkerLoop() = default;
WorkerLoop::~WorkerLoop() = default;

bool WorkerLoop::setMemoryLimit(qint64 megabytes)
{
    const rlim_t bytes = rlim_t(megabytes) * 1024 * 1024;
    const rlimit limit { bytes, bytes };
    return setrlimit(RLIMIT_AS, &limit) == 0;
}

int WorkerLoop::run(QIODevice &in, QIODevice &out)
{
    core::Result<std::unique_ptr<OcrEngine>> engine = OcrEngine::create();
    if (!engine) {
        out.write(QJsonDocument(failed(QJsonValue(), engine.error())).toJson(QJsonDocument::Compact)
                  + '\n');
        return 1;
    }
    m_engine = std::move(engine).value();
    while (true) {
        // Blocks for the next line (standard input is read by stdio); empty at its end.
        const QByteArray raw = in.readLine();
        if (raw.isEmpty() && in.atEnd())
            break;
        const QByteArray line = raw.trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument request = QJsonDocument::fromJson(line, &error);
        const QJsonObject answered = request.isObject()
            ? answer(request.object())
            : failed(QJsonValue(),
                     core::makeError(core::ErrorCode::MalformedJson,
                                     QCoreApplication::translate("qx::server::ocr::WorkerLoop",
                                                                 "The request is not a JSON "
                                                                 "object.")));
        out.write(QJsonDocument(answered).toJson(QJsonDocument::Compact) + '\n');
        if (auto *file = qobject_cast<QFileDevice *>(&out))
            file->flush();
    }
    return 0;
}

QJsonObject WorkerLoop::answer(const QJsonObject &request)
{
    const QJsonValue job = request.value(u"job");
    const QString path = request.value(u"path").toString();
    const QString type = request.value(u"content_type").toString();
    const int maxPages = request.value(u"max_pages").toInt(DocumentReader::Limits {}.maxPages);
    if (path.isEmpty() || type.isEmpty()) {
        return failed(job,
                      core::makeError(core::ErrorCode::InvalidRequest,
                                      QCoreApplication::translate(
                                          "qx::server::ocr::WorkerLoop",
                                          "A request names a path and a content type.")));
    }
    // A page of the document open already is read from it; anything else opens it (again).
    const bool open
        = m_reader && path == m_openPath && type == m_openType && maxPages == m_openLimit;
    if (!open || !request.contains(u"page")) {
        DocumentReader::Limits limits;
        limits.maxPages = maxPages;
        m_reader = std::make_unique<DocumentReader>(*m_engine, limits);
        m_openPath.clear();
        core::Result<int> pages = m_reader->open(path, type);
        if (!pages) {
            m_reader.reset();
            return failed(job, pages.error());
        }
        m_openPath = path;
        m_openType = type;
        m_openLimit = maxPages;
        if (!request.contains(u"page"))
            return QJsonObject { { QStringLiteral("job"), job },
                                 { QStringLiteral("pages"), *pages } };
    }
    const int number = request.value(u"page").toInt();
    const QString imagePath = request.value(u"image").toString();
    const bool onlyIfOcr = request.value(u"image_if_ocr").toBool();
    core::Result<DocumentReader::Page> page
        = m_reader->page(number, !imagePath.isEmpty() && !onlyIfOcr);
    if (!page)
        return failed(job, page.error());
    const bool writeImage = !imagePath.isEmpty() && !page->image.isNull();
    if (writeImage) {
        // Grey and lightly compressed: a page written in a tenth of the time of a default
        // PNG. Whole or not at all: the server may send it while another worker renders it.
        QSaveFile file(imagePath);
        if (!file.open(QIODevice::WriteOnly)
            || !page->image.convertToFormat(QImage::Format_Grayscale8).save(&file, "PNG", 80)
            || !file.commit()) {
            return failed(job,
                          core::makeError(
                              core::ErrorCode::IoError,
                              QCoreApplication::translate("qx::server::ocr::WorkerLoop",
                                                          "The page image could not be written.")));
        }
    }
    QJsonArray words;
    for (const core::documents::Word &word : std::as_const(page->words)) {
        words.append(QJsonObject {
            { QStringLiteral("text"), word.text },
            { QStringLiteral("box"),
              QJsonArray { word.box.x(), word.box.y(), word.box.width(), word.box.height() } },
            { QStringLiteral("confidence"), word.confidence } });
    }
    return QJsonObject { { QStringLiteral("job"), job },
                         { QStringLiteral("page"), number },
                         { QStringLiteral("text_layer"), page->textLayer },
                         { QStringLiteral("skew"), page->skewDegrees },
                         { QStringLiteral("image"), writeImage },
                         { QStringLiteral("words"), words } };
}

} // namespace qx::server::ocr
