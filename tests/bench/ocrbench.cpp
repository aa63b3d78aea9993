// qx-bench-ocr: documents through the reading pipeline as the server runs it, against bare
// Tesseract on the same pages in the same run.
//
// Generates confirmations and invoices (six layouts, English and German), prints them to
// images as scanners do (clean 300 dpi; turned 1-3° with speckles and JPEG; 200-dpi fax) and
// keeps the born-digital PDFs. Then, each case timed by the wall clock:
//  1. the scans through N quantenergx-ocr-worker processes (one page each at a time: open,
//     straighten, binarise, Tesseract, page image written), and the fields extracted from
//     their words, right or wrong, per scan variant;
//  2. the same images through the `tesseract` command, N at a time, OMP_THREAD_LIMIT=1
//     (bare OCR: no straightening, no page image, no fields);
//  3. the born-digital PDFs through the workers: the text layer read (the page is rendered only
//     when its image is asked for), then again with the page image written;
//  4. the whole server: a real quantenergx-server (its own workers, --ocr-workers N) takes
//     the same scans and PDFs by POST /api/v1/documents, one after the other, and reads them;
//     timed from the first upload to the last document read, with the fields it stored, and
//     to the last page image written (the server renders a text-layer page's image after
//     its document is read).
// Prints seconds per page (wall × workers / pages), pages per minute and the ratio of the
// pipeline to bare Tesseract.
//
// Usage: qx-bench-ocr [--documents N] [--workers N]. Build in Release (`make bench`).

#include "core/documents/extraction.h"
#include "generator.h"
#include "testapi.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <deque>
#include <functional>

using namespace qx::test::documents;
using namespace Qt::StringLiterals;

namespace {

struct Item
{
    QString path;
    QString contentType;
    QMap<QString, QString> expected;
    QString variant;
};

/// Runs `start(item)` for every item, at most `parallel` at once, each ending by calling the
/// `done` it was given; returns the wall time in seconds.
double runAll(const QList<Item> &items, int parallel,
              const std::function<void(int slot, const Item &, std::function<void()> done)> &start)
{
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    std::deque<int> waiting;
    for (int i = 0; i < items.size(); ++i)
        waiting.push_back(i);
    int running = 0;
    std::function<void(int)> next = [&](int slot) {
        if (waiting.empty()) {
            if (running == 0)
                loop.quit();
            return;
        }
        const int index = waiting.front();
        waiting.pop_front();
        ++running;
        start(slot, items[index], [&, slot] {
            --running;
            next(slot);
        });
    };
    for (int slot = 0; slot < parallel; ++slot)
        next(slot);
    if (running > 0)
        loop.exec();
    return double(clock.nsecsElapsed()) / 1e9;
}

struct Workers
{
    QList<QProcess *> processes;
    QHash<QString, std::pair<int, int>> fieldsByVariant; // right, total
    int job = 0;

    explicit Workers(int count)
    {
        for (int i = 0; i < count; ++i) {
            auto *worker = new QProcess;
            worker->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            worker->start(QStringLiteral(QX_OCR_WORKER), {});
            if (!worker->waitForStarted())
                qFatal("cannot start %s", QX_OCR_WORKER);
            processes.append(worker);
        }
    }
    ~Workers()
    {
        for (QProcess *worker : std::as_const(processes)) {
            worker->closeWriteChannel();
            worker->waitForFinished(10'000);
            delete worker;
        }
    }
    void read(int slot, const Item &item, const QString &imagePath, std::function<void()> done)
    {
        QProcess *worker = processes[slot];
        const QJsonObject request { { u"job"_s, ++job },
                                    { u"path"_s, item.path },
                                    { u"content_type"_s, item.contentType },
                                    { u"page"_s, 1 },
                                    { u"image"_s, imagePath } };
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = QObject::connect(worker, &QProcess::readyReadStandardOutput, [=, this] {
            if (!worker->canReadLine())
                return;
            QObject::disconnect(*connection);
            const QJsonObject answer = QJsonDocument::fromJson(worker->readLine()).object();
            QList<qx::core::documents::Word> words;
            for (const QJsonValue &value : answer.value(u"words"_s).toArray()) {
                const QJsonObject word = value.toObject();
                const QJsonArray box = word.value(u"box"_s).toArray();
                words.append(
                    { word.value(u"text"_s).toString(),
                      QRect(box[0].toInt(), box[1].toInt(), box[2].toInt(), box[3].toInt()),
                      word.value(u"confidence"_s).toDouble(), 1 });
            }
            const auto read = qx::core::documents::extractFields(words);
            auto &[right, total] = fieldsByVariant[item.variant];
            for (auto field = item.expected.cbegin(); field != item.expected.cend(); ++field) {
                ++total;
                right += read.fields.value(field.key()).value == *field ? 1 : 0;
            }
            done();
        });
        worker->write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
    }
};

} // namespace

int main(int argc, char *argv[])
{
    qputenv("OMP_THREAD_LIMIT", "1");
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption documentsOption(u"documents"_s, u"Documents of each kind (12)."_s,
                                             u"N"_s, u"12"_s);
    const QCommandLineOption workersOption(u"workers"_s, u"Workers in parallel (2)."_s, u"N"_s,
                                           u"2"_s);
    parser.addOptions({ documentsOption, workersOption });
    parser.addHelpOption();
    parser.process(app);
    const int documents = parser.value(documentsOption).toInt();
    const int workers = parser.value(workersOption).toInt();

    QTemporaryDir dir;
    QRandomGenerator random(20261207);
    QList<Item> scans;
    QList<Item> digital;
    for (int n = 0; n < documents * 2; ++n) {
        const Layout layout = kLayouts[n % 6];
        const Language language = (n / 6) % 2 ? Language::German : Language::English;
        const Generated document
            = n % 2 ? invoice(random, layout, language) : confirmation(random, layout, language);
        const QString pdf = dir.filePath(u"doc-%1.pdf"_s.arg(n));
        QFile file(pdf);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(pdf));
        file.write(document.pdf);
        file.close();
        digital.append({ pdf, u"application/pdf"_s, document.expected, u"born-digital"_s });
        const Scan scan = kScans[n % 3];
        const Scanned paper = scanned(document.pdf, scan, random);
        const QString png = dir.filePath(u"scan-%1.png"_s.arg(n));
        QImage image = paper.image;
        image.setDotsPerMeterX(qRound(paper.dotsPerInch / 0.0254));
        image.setDotsPerMeterY(qRound(paper.dotsPerInch / 0.0254));
        if (!image.save(png, "PNG"))
            qFatal("cannot write %s", qPrintable(png));
        scans.append({ png, u"image/png"_s, document.expected, toString(scan) });
    }
    std::printf("qx-bench-ocr: %lld scanned pages, %lld born-digital pages, %d workers\n",
                scans.size(), digital.size(), workers);

    Workers pipeline(workers);
    const double scanSeconds = runAll(scans, workers, [&](int slot, const Item &item, auto done) {
        pipeline.read(slot, item, item.path + u".page.png", done);
    });
    const double digitalSeconds
        = runAll(digital, workers, [&](int slot, const Item &item, auto done) {
              pipeline.read(slot, item, QString(), done);
          });
    const double digitalImageSeconds
        = runAll(digital, workers, [&](int slot, const Item &item, auto done) {
              pipeline.read(slot, item, item.path + u".page.png", done);
          });

    QList<QProcess *> bare;
    const double bareSeconds = runAll(scans, workers, [&](int, const Item &item, auto done) {
        auto *tesseract = new QProcess;
        bare.append(tesseract);
        QObject::connect(tesseract, &QProcess::finished, done);
        tesseract->start(u"tesseract"_s,
                         { item.path, item.path + u".bare"_s, u"-l"_s, u"eng+deu"_s },
                         QIODevice::ReadOnly);
    });
    qDeleteAll(bare);

    // 4. Through a real server, uploads included.
    qx::test::TestServer server(
        dir.filePath(u"server"_s),
        { u"--ocr-workers"_s, QString::number(workers), u"--max-requests-per-minute"_s, u"0"_s });
    if (!server.start())
        qFatal("cannot start the server: %s", qPrintable(server.error()));
    // Seconds from the first upload to the last document read, and to the last page image
    // written (a text-layer page's is rendered after its document is read).
    const auto throughServer = [&](const QList<Item> &items,
                                   QHash<QString, std::pair<int, int>> &fields) {
        QElapsedTimer clock;
        clock.start();
        QList<QString> ids;
        QStringList images;
        for (const Item &item : items) {
            QFile file(item.path);
            if (!file.open(QIODevice::ReadOnly))
                qFatal("cannot read %s", qPrintable(item.path));
            const qx::test::Reply uploaded
                = server.upload(file.readAll(), item.contentType.toLatin1(), server.aliceToken());
            if (uploaded.status != 202)
                qFatal("upload answered %d", uploaded.status);
            ids.append(uploaded.json.value(u"id"_s).toString());
        }
        for (qsizetype i = 0; i < ids.size(); ++i) {
            QJsonObject document;
            for (;;) {
                document
                    = server
                          .request("GET", u"/api/v1/documents/"_s + ids[i], {}, server.aliceToken())
                          .json;
                const QString status = document.value(u"status"_s).toString();
                if (status == u"processed" || status == u"failed") {
                    for (int page = 1; page <= document.value(u"pages"_s).toInt(); ++page)
                        images.append(server.dataDir() + u"/documents/pages/"_s
                                      + document.value(u"sha256"_s).toString() + u'/'
                                      + QString::number(page) + u".png"_s);
                    break;
                }
                QEventLoop wait;
                QTimer::singleShot(20, &wait, &QEventLoop::quit);
                wait.exec();
            }
            auto &[right, total] = fields[items[i].variant];
            const QJsonObject read = document.value(u"fields"_s).toObject();
            for (auto field = items[i].expected.cbegin(); field != items[i].expected.cend();
                 ++field) {
                ++total;
                right += read.value(field.key()).toObject().value(u"value"_s).toString() == *field
                    ? 1
                    : 0;
            }
        }
        const double read = double(clock.nsecsElapsed()) / 1e9;
        while (!std::all_of(images.cbegin(), images.cend(),
                            [](const QString &image) { return QFile::exists(image); })) {
            QEventLoop wait;
            QTimer::singleShot(20, &wait, &QEventLoop::quit);
            wait.exec();
        }
        return std::pair { read, double(clock.nsecsElapsed()) / 1e9 };
    };
    QHash<QString, std::pair<int, int>> serverFields;
    const auto [serverScanSeconds, serverScanImageSeconds] = throughServer(scans, serverFields);
    const auto [serverDigitalSeconds, serverDigitalImageSeconds]
        = throughServer(digital, serverFields);

    const auto perPage = [workers](double seconds, qsizetype pages) {
        return seconds * workers / double(pages);
    };
    std::printf("scans, pipeline:        %6.2f s/page, %6.1f pages/min (%.1f s wall)\n",
                perPage(scanSeconds, scans.size()), 60.0 * scans.size() / scanSeconds, scanSeconds);
    std::printf("scans, bare tesseract:  %6.2f s/page, %6.1f pages/min (%.1f s wall)\n",
                perPage(bareSeconds, scans.size()), 60.0 * scans.size() / bareSeconds, bareSeconds);
    std::printf("pipeline / bare:        %6.2f (goal <= 1.1)\n", scanSeconds / bareSeconds);
    std::printf("born-digital, pipeline: %6.3f s/page, %6.1f pages/min (goal >= 600)\n",
                perPage(digitalSeconds, digital.size()), 60.0 * digital.size() / digitalSeconds);
    std::printf("  with the page image:  %6.3f s/page, %6.1f pages/min\n",
                perPage(digitalImageSeconds, digital.size()),
                60.0 * digital.size() / digitalImageSeconds);
    std::printf(
        "scans, whole server:    %6.2f s/page, %6.1f pages/min (upload to read, goal >= 45)\n",
        perPage(serverScanSeconds, scans.size()), 60.0 * scans.size() / serverScanSeconds);
    std::printf("born-digital, server:   %6.3f s/page, %6.1f pages/min (upload to read, goal >= "
                "600)\n",
                perPage(serverDigitalSeconds, digital.size()),
                60.0 * digital.size() / serverDigitalSeconds);
    std::printf("  every image rendered: %6.3f s/page, %6.1f pages/min (upload to the last page "
                "image; scans: %.1f s, %.1f s)\n",
                perPage(serverDigitalImageSeconds, digital.size()),
                60.0 * digital.size() / serverDigitalImageSeconds, serverScanImageSeconds,
                serverScanSeconds);
    for (auto variant = serverFields.cbegin(); variant != serverFields.cend(); ++variant) {
        std::printf("fields right (server), %-12s %4d of %4d (%.1f %%)\n",
                    qPrintable(variant.key() + u':'), variant->first, variant->second,
                    100.0 * variant->first / variant->second);
    }
    for (auto variant = pipeline.fieldsByVariant.cbegin();
         variant != pipeline.fieldsByVariant.cend(); ++variant) {
        std::printf("fields right, %-20s %4d of %4d (%.1f %%)\n", qPrintable(variant.key() + u':'),
                    variant->first, variant->second, 100.0 * variant->first / variant->second);
    }
    return 0;
}
