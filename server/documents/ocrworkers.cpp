#include "server/documents/ocrworkers.h"

#include "core/protocol/messages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QProcess>
#include <QTimer>
#include <algorithm>

namespace qx::server {

namespace {

Q_LOGGING_CATEGORY(lcOcr, "qx.documents.ocr")

core::Error failure(const QString &message)
{
    return core::makeError(core::ErrorCode::UnreadableDocument, message);
}

} // namespace

OcrWorkers::OcrWorkers(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_workers.reserve(std::size_t(std::max(1, m_options.workers)));
    for (int i = 0; i < std::max(1, m_options.workers); ++i)
        m_workers.push_back(std::make_unique<Worker>());
}

OcrWorkers::~OcrWorkers()
{
    for (const std::unique_ptr<Worker> &worker : m_workers) {
        if (worker->process) {
            worker->process->disconnect(this);
            worker->process->kill();
            worker->process->waitForFinished(1000);
            delete worker->process;
        }
        delete worker->timer;
    }
}

int OcrWorkers::pending() const
{
    int busy = 0;
    for (const std::unique_ptr<Worker> &worker : m_workers)
        busy += worker->busy ? 1 : 0;
    return busy + int(m_queue.size());
}

void OcrWorkers::countPages(const QString &path, const QString &contentType,
                            std::function<void(core::Result<int>)> done)
{
    // Ahead of the pages waiting: an upload's answer waits for its count, and a count costs
    // a few milliseconds where a page by OCR costs a second.
    submit(QJsonObject { { QStringLiteral("path"), path },
                         { QStringLiteral("content_type"), contentType },
                         { QStringLiteral("max_pages"), m_options.maxPages } },
           Lane::Count, [done](core::Result<QJsonObject> answer) {
               if (!answer)
                   return done(answer.error());
               done(answer->value(u"pages").toInt());
           });
}

void OcrWorkers::readPage(const QString &path, const QString &contentType, int number,
                          const QString &imagePath, std::function<void(core::Result<Page>)> done,
                          Image image)
{
    QJsonObject request { { QStringLiteral("path"), path },
                          { QStringLiteral("content_type"), contentType },
                          { QStringLiteral("max_pages"), m_options.maxPages },
                          { QStringLiteral("page"), number } };
    if (!imagePath.isEmpty())
        request.insert(QStringLiteral("image"), imagePath);
    if (image == Image::IfOcr)
        request.insert(QStringLiteral("image_if_ocr"), true);
    submit(request, Lane::Read, [done](core::Result<QJsonObject> answer) {
        if (!answer)
            return done(answer.error());
        Page page;
        page.number = answer->value(u"page").toInt();
        page.textLayer = answer->value(u"text_layer").toBool();
        page.skewDegrees = answer->value(u"skew").toDouble();
        page.imageWritten = answer->value(u"image").toBool();
        for (const QJsonValue &value : answer->value(u"words").toArray()) {
            const QJsonObject word = value.toObject();
            const QJsonArray box = word.value(u"box").toArray();
            page.words.append(core::documents::Word {
                word.value(u"text").toString(),
                QRect(box.at(0).toInt(), box.at(1).toInt(), box.at(2).toInt(), box.at(3).toInt()),
                word.value(u"confidence").toDouble(), page.number });
        }
        done(page);
    });
}

qint64 OcrWorkers::renderPage(const QString &path, const QString &contentType, int number,
                              const QString &imagePath, Priority priority,
                              std::function<void(core::Result<void>)> done)
{
    // A read with its image, whose words nobody needs: for a text-layer page, its rendering.
    return submit(QJsonObject { { QStringLiteral("path"), path },
                                { QStringLiteral("content_type"), contentType },
                                { QStringLiteral("max_pages"), m_options.maxPages },
                                { QStringLiteral("page"), number },
                                { QStringLiteral("image"), imagePath } },
                  priority == Priority::Now ? Lane::Read : Lane::Background,
                  [done](core::Result<QJsonObject> answer) {
                      if (!answer)
                          return done(answer.error());
                      done({});
                  });
}

void OcrWorkers::hurry(qint64 request)
{
    const auto queued = std::find_if(m_queue.begin(), m_queue.end(), [request](const Job &job) {
        return job.request.value(u"job").toInteger() == request;
    });
    if (queued == m_queue.end() || queued->lane != Lane::Background)
        return; // being rendered, or done
    Job job = std::move(*queued);
    m_queue.erase(queued);
    job.lane = Lane::Read;
    enqueue(std::move(job));
    dispatch();
}

qint64 OcrWorkers::submit(QJsonObject request, Lane lane,
                          std::function<void(core::Result<QJsonObject>)> done)
{
    const qint64 id = ++m_nextJob;
    request.insert(QStringLiteral("job"), id);
    enqueue(Job { std::move(request), std::move(done), 0, lane });
    dispatch();
    return id;
}

void OcrWorkers::enqueue(Job job)
{
    // In the order they came within a lane.
    const auto behind = std::find_if(m_queue.begin(), m_queue.end(),
                                     [&job](const Job &queued) { return queued.lane > job.lane; });
    m_queue.insert(behind, std::move(job));
}

OcrWorkers::Worker &OcrWorkers::workerOf(QProcess *process)
{
    for (const std::unique_ptr<Worker> &worker : m_workers) {
        if (worker->process == process)
            return *worker;
    }
    Q_UNREACHABLE();
    return *m_workers.front();
}

void OcrWorkers::dispatch()
{
    for (const std::unique_ptr<Worker> &slot : m_workers) {
        if (m_queue.empty())
            return;
        Worker &worker = *slot;
        if (worker.busy)
            continue;
        if (m_queue.front().lane == Lane::Background && m_workers.size() > 1) {
            // One worker is kept for reading: a document arriving waits for no rendering.
            const auto rendering = std::count_if(
                m_workers.cbegin(), m_workers.cend(), [](const std::unique_ptr<Worker> &other) {
                    return other->busy && other->busy->lane == Lane::Background;
                });
            if (std::size_t(rendering) + 1 >= m_workers.size())
                return;
        }
        // Taken before a worker is started: one that cannot start gives the request back.
        worker.busy = std::move(m_queue.front());
        m_queue.pop_front();
        if (!worker.process) {
            auto *process = new QProcess;
            process->setProgram(m_options.program);
            process->setArguments(m_options.arguments);
            process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            connect(process, &QProcess::readyReadStandardOutput, this,
                    [this, process] { answered(workerOf(process)); });
            connect(process, &QProcess::finished, this,
                    [this, process](int code, QProcess::ExitStatus status) {
                        lost(workerOf(process),
                             status == QProcess::CrashExit ? tr("it crashed (signal %1)").arg(code)
                                                           : tr("it stopped (exit %1)").arg(code));
                    });
            connect(process, &QProcess::errorOccurred, this,
                    [this, process](QProcess::ProcessError error) {
                        if (error == QProcess::FailedToStart)
                            lost(workerOf(process), tr("it could not be started"));
                    });
            worker.process = process;
            if (!worker.timer) {
                worker.timer = new QTimer;
                worker.timer->setSingleShot(true);
                connect(worker.timer, &QTimer::timeout, this, [this, &worker] {
                    lost(worker,
                         tr("it took more than %1 s").arg(m_options.pageTimeout.count() / 1000.0));
                });
            }
            process->start();
        }
        if (!worker.process)
            continue; // it failed to start: lost() queued the request again
        worker.process->write(QJsonDocument(worker.busy->request).toJson(QJsonDocument::Compact)
                              + '\n');
        worker.timer->start(m_options.pageTimeout);
    }
}

void OcrWorkers::answered(Worker &worker)
{
    while (worker.process && worker.process->canReadLine()) {
        const QJsonObject answer = QJsonDocument::fromJson(worker.process->readLine()).object();
        if (!worker.busy
            || answer.value(u"job").toInteger() != worker.busy->request.value(u"job").toInteger())
            continue; // a late answer to a job given up on
        worker.timer->stop();
        Job job = std::move(*worker.busy);
        worker.busy.reset();
        if (const std::optional<core::Error> error = core::protocol::errorFromJson(answer))
            job.done(*error);
        else
            job.done(answer);
        dispatch();
    }
}

void OcrWorkers::lost(Worker &worker, const QString &why)
{
    if (!worker.process)
        return;
    QProcess *process = std::exchange(worker.process, nullptr);
    process->disconnect(this);
    if (process->state() == QProcess::NotRunning) {
        process->deleteLater();
    } else {
        connect(process, &QProcess::finished, process, &QObject::deleteLater);
        process->kill();
    }
    worker.timer->stop();
    if (worker.busy) {
        Job job = std::move(*worker.busy);
        worker.busy.reset();
        qCWarning(lcOcr).noquote() << "A document reader was lost:" << why << "- request"
                                   << QJsonDocument(job.request).toJson(QJsonDocument::Compact);
        if (++job.attempts < 2) {
            // Once more, on a new worker, first of its lane.
            const auto lane
                = std::find_if(m_queue.begin(), m_queue.end(),
                               [&job](const Job &queued) { return queued.lane >= job.lane; });
            m_queue.insert(lane, std::move(job));
        } else {
            job.done(failure(
                tr("The document could not be read: the reader failed twice (%1).").arg(why)));
        }
    }
    QTimer::singleShot(0, this, &OcrWorkers::dispatch);
}

} // namespace qx::server
