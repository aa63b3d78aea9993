// The server's pool of OCR workers: documents read by real worker processes, several at once;
// a worker that hangs or crashes costs that worker only, its request is tried once more on a
// new one and then answered as failed, and the pool goes on serving the next request. Page
// images rendered in the background wait behind the reads and leave a worker for them.
#include "generator.h"
#include "server/documents/ocrworkers.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace qx::server;
using namespace Qt::StringLiterals;

class tst_OcrWorkers : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_pdf;
    QMap<QString, QString> m_expected;

    static OcrWorkers::Options real(int workers = 2)
    {
        return { QStringLiteral(QX_OCR_WORKER), {}, workers, std::chrono::seconds(60), 50 };
    }
    // A worker that is a shell script: `script` runs in place of the real one.
    static OcrWorkers::Options fake(const QString &script, std::chrono::milliseconds timeout)
    {
        return { u"/bin/sh"_s, { u"-c"_s, script }, 1, timeout, 50 };
    }
    template<typename T>
    static qx::core::Result<T> wait(std::optional<qx::core::Result<T>> &answer)
    {
        if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 60'000))
            return qx::core::makeError(qx::core::ErrorCode::Timeout, u"no answer"_s);
        return *answer;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QRandomGenerator random(5);
        const auto document = qx::test::documents::confirmation(
            random, qx::test::documents::Layout::Table, qx::test::documents::Language::English);
        m_expected = document.expected;
        m_pdf = m_dir.filePath(u"confirmation.pdf"_s);
        QFile file(m_pdf);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(document.pdf);
    }

    void pagesAreReadByTheWorkers()
    {
        OcrWorkers workers(real());
        std::optional<qx::core::Result<int>> pages;
        workers.countPages(m_pdf, u"application/pdf"_s, [&pages](auto answer) { pages = answer; });
        QCOMPARE(*wait(pages), 1);

        // Four at once on two workers: all answered, each with its words.
        QList<std::optional<qx::core::Result<OcrWorkers::Page>>> read(4);
        for (int i = 0; i < 4; ++i) {
            workers.readPage(m_pdf, u"application/pdf"_s, 1,
                             m_dir.filePath(u"page-%1.png"_s.arg(i)),
                             [&read, i](auto answer) { read[i] = answer; });
        }
        QCOMPARE(workers.pending(), 4);
        for (int i = 0; i < 4; ++i) {
            const auto page = wait(read[i]);
            QVERIFY(page.ok());
            QVERIFY(page->textLayer);
            QStringList words;
            for (const auto &word : page->words)
                words.append(word.text);
            QVERIFY(words.contains(m_expected.value(u"trade_id"_s)));
            QVERIFY(QFile::exists(m_dir.filePath(u"page-%1.png"_s.arg(i))));
        }
        QCOMPARE(workers.pending(), 0);

        // A refusal is the worker's answer, not a lost worker.
        std::optional<qx::core::Result<int>> refused;
        workers.countPages(m_dir.filePath(u"page-0.png"_s), u"application/pdf"_s,
                           [&refused](auto answer) { refused = answer; });
        QCOMPARE(wait(refused).error().code, u"unreadable_document"_s);
    }

    // Page images rendered in the background wait behind every read and take one worker of
    // two at most, so a read sent behind many renders is answered first; a render someone
    // waits for moves up with the reads.
    void backgroundRendersLeaveAWorkerForReading()
    {
        // Each request takes 0.3 s and is answered with its job alone.
        OcrWorkers::Options options = fake(
            u"while read line; do job=$(echo \"$line\" | sed 's/.*\"job\":\\([0-9]*\\).*/\\1/'); "
            "sleep 0.3; echo \"{\\\"job\\\":$job}\"; done"_s,
            std::chrono::seconds(10));
        options.workers = 2;
        OcrWorkers workers(options);
        QList<int> order; // 0-3: renders, 4: the read, 5: the render hurried
        for (int i = 0; i < 4; ++i) {
            workers.renderPage(m_pdf, u"application/pdf"_s, 1, m_dir.filePath(u"r.png"_s),
                               OcrWorkers::Priority::Background,
                               [&order, i](qx::core::Result<void> done) {
                                   QVERIFY(done.ok());
                                   order.append(i);
                               });
        }
        workers.readPage(m_pdf, u"application/pdf"_s, 1, {},
                         [&order](qx::core::Result<OcrWorkers::Page> page) {
                             QVERIFY(page.ok());
                             order.append(4);
                         });
        const qint64 late = workers.renderPage(
            m_pdf, u"application/pdf"_s, 1, m_dir.filePath(u"r.png"_s),
            OcrWorkers::Priority::Background, [&order](qx::core::Result<void> done) {
                QVERIFY(done.ok());
                order.append(5);
            });
        workers.hurry(late);
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 6, 10'000);
        // The read at once beside the first render; the hurried render next, on the worker
        // the read left; the other renders one at a time.
        QCOMPARE(QSet<int>(order.cbegin(), order.cbegin() + 2), QSet<int>({ 0, 4 }));
        QVERIFY(order.indexOf(5) < order.indexOf(2));
    }

    void aHungWorkerIsKilledTriedAgainThenTheRequestFails()
    {
        OcrWorkers workers(fake(u"sleep 30"_s, std::chrono::milliseconds(300)));
        QElapsedTimer clock;
        clock.start();
        std::optional<qx::core::Result<int>> pages;
        workers.countPages(m_pdf, u"application/pdf"_s, [&pages](auto answer) { pages = answer; });
        const auto answer = wait(pages);
        QCOMPARE(answer.error().code, u"unreadable_document"_s);
        QVERIFY2(answer.error().message.contains(u"twice"_s), qPrintable(answer.error().message));
        QVERIFY(answer.error().message.contains(u"more than 0.3 s"_s));
        QCOMPARE(workers.pending(), 0);
    }

    void aCrashedWorkerIsReplacedAndTheRequestTriedOnce()
    {
        // The first worker crashes on its request; the one started after it is a real worker.
        const QString marker = m_dir.filePath(u"crashed-once"_s);
        const QString script
            = u"if [ -e '%1' ]; then exec '%2'; else touch '%1'; read line; kill -SEGV $$; fi"_s
                  .arg(marker, QStringLiteral(QX_OCR_WORKER));
        OcrWorkers workers(fake(script, std::chrono::seconds(60)));
        std::optional<qx::core::Result<int>> pages;
        workers.countPages(m_pdf, u"application/pdf"_s, [&pages](auto answer) { pages = answer; });
        QCOMPARE(*wait(pages), 1);
        QVERIFY(QFile::exists(marker));

        // One that always crashes fails the request, and the pool still answers the next.
        OcrWorkers crashing(fake(u"read line; exit 3"_s, std::chrono::seconds(60)));
        std::optional<qx::core::Result<int>> failed;
        crashing.countPages(m_pdf, u"application/pdf"_s,
                            [&failed](auto answer) { failed = answer; });
        const auto answer = wait(failed);
        QCOMPARE(answer.error().code, u"unreadable_document"_s);
        QVERIFY(answer.error().message.contains(u"exit 3"_s));
        // A worker that cannot even start.
        OcrWorkers missing(
            { m_dir.filePath(u"no-such-worker"_s), {}, 1, std::chrono::seconds(5), 50 });
        std::optional<qx::core::Result<int>> absent;
        missing.countPages(m_pdf, u"application/pdf"_s,
                           [&absent](auto answer) { absent = answer; });
        QVERIFY(wait(absent).error().message.contains(u"could not be started"_s));
        std::optional<qx::core::Result<int>> again;
        crashing.countPages(m_pdf, u"application/pdf"_s, [&again](auto answer) { again = answer; });
        QCOMPARE(wait(again).error().code, u"unreadable_document"_s);
    }
};

QTEST_MAIN(tst_OcrWorkers)
#include "tst_ocrworkers.moc"
