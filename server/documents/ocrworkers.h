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
 * idle worker, each with a time limit; a worker that crashes or exceeds it is killed and a new
 * one started, the request tried once more, then answered as failed (unreadable_document,
 * saying so). Workers are started when there is work and end with the pool (and, should the
 * server die, with it: they watch their parent). Main thread only.
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
        QList<core::documents::Word> words;
    };
    /// Page `number` of the document, its image written to `imagePath` (PNG) unless empty.
    void readPage(const QString &path, const QString &contentType, int number,
                  const QString &imagePath, std::function<void(core::Result<Page>)> done);

    /// Requests not yet answered (waiting or being read).
    int pending() const;

private:
    struct Job
    {
        QJsonObject request;
        std::function<void(core::Result<QJsonObject>)> done;
        int attempts = 0;
    };
    struct Worker
    {
        QProcess *process = nullptr;
        QTimer *timer = nullptr;
        std::optional<Job> busy;
    };

    void submit(QJsonObject request, std::function<void(core::Result<QJsonObject>)> done);
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
