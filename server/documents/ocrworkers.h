#pragma once

#include "core/documents/extraction.h"
#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <deque>
#include <functional>
#include <memory>

class QProcess;
class QTimer;

namespace qx::server {

/**
 * The server's pool of `quantenergx-ocr-worker` processes (one per core unless told), which
 * read documents out of the server's process: a crash, a hang or a runaway allocation there
 * costs a worker, never the server or another document. Requests queue and go to the first
 * idle worker, each with a time limit (page counts first, then pages to read, then page images
 * rendered in the background, which leave a worker free for reading); a worker that crashes or
 * exceeds it is killed and a new one started, the request tried once more, then answered as failed
 * (unreadable_document, saying so). Workers are started when there is work and end with the pool
 * (and, should the server die, with it: they watch their parent). Main thread only.
 */
class OcrWorkers : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString program; ///< the worker executable
        QStringList arguments; ///< e.g. --memory-mb 2048
        int workers = 2;
        std::chrono::milliseconds pageTimeout { 120'000 };
        int maxPages = 50;
    };

    explicit OcrWorkers(Options options, QObject *parent = nullptr);
    ~OcrWorkers() override;

    /// How many pages the document at `path`, sent as `contentType`, has: ahead of the
    /// pages waiting to be read.
    void countPages(const QString &path, const QString &contentType,
                    std::function<void(core::Result<int>)> done);

    struct Page
    {
        int number = 0;
        bool textLayer = false;
        double skewDegrees = 0;
        bool imageWritten = false;
        QList<core::documents::Word> words;
    };
    /// When readPage() writes the page's image.
    enum class Image {
        Always, ///< to `imagePath`, unless that is empty
        IfOcr, ///< only for a page OCR'd, which is rendered anyway; a text-layer page's
               ///< is left for renderPage()
    };
    /// Page `number` of the document, its image written to `imagePath` (PNG) as `image` says.
    void readPage(const QString &path, const QString &contentType, int number,
                  const QString &imagePath, std::function<void(core::Result<Page>)> done,
                  Image image = Image::Always);

    enum class Priority {
        Background, ///< behind every read, on at most all workers but one
        Now, ///< with the reads (someone waits for it)
    };
    /// Writes page `number`'s image to `imagePath`; returns the request's id (for hurry()).
    qint64 renderPage(const QString &path, const QString &contentType, int number,
                      const QString &imagePath, Priority priority,
                      std::function<void(core::Result<void>)> done);
    /// Moves a render still waiting in the background up with the reads.
    void hurry(qint64 request);

    /// Requests not yet answered (waiting or being read).
    int pending() const;

private:
    /// Where a request queues: counts first, then reads, then background renders.
    enum class Lane { Count, Read, Background };
    struct Job
    {
        QJsonObject request;
        std::function<void(core::Result<QJsonObject>)> done;
        int attempts = 0;
        Lane lane = Lane::Read;
    };
    struct Worker
    {
        QProcess *process = nullptr;
        QTimer *timer = nullptr;
        std::optional<Job> busy;
    };

    qint64 submit(QJsonObject request, Lane lane,
                  std::function<void(core::Result<QJsonObject>)> done);
    /// Queues `job` behind those of its lane and every lane before it.
    void enqueue(Job job);
    void dispatch();
    void answered(Worker &worker);
    /// The worker crashed or ran out of time: it goes, its job is tried again or failed.
    void lost(Worker &worker, const QString &why);
    Worker &workerOf(QProcess *process);

    Options m_options;
    std::deque<Job> m_queue;
    std::vector<std::unique_ptr<Worker>> m_workers;
    qint64 m_nextJob = 0;
};

} // namespace qx::server
