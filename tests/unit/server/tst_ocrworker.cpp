// quantenergx-ocr-worker as the server runs it, a process of its own spoken to in JSON lines:
// it counts a document's pages, reads a page into words and writes its image (or, asked to,
// only a page's it OCR'd: a text-layer page is then not rendered), answers a bad request with
// an error and goes on to the next, and ends when its input does.
#include "generator.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_OcrWorker : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QJsonObject ask(QProcess &worker, const QJsonObject &request)
    {
        worker.write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
        for (int waited = 0; waited < 600 && !worker.canReadLine(); ++waited)
            worker.waitForReadyRead(100);
        return QJsonDocument::fromJson(worker.readLine()).object();
    }

private Q_SLOTS:
    void readsWhatItIsAskedAndEndsWithItsInput()
    {
        QRandomGenerator random(3);
        const auto document = qx::test::documents::confirmation(
            random, qx::test::documents::Layout::Grid, qx::test::documents::Language::German);
        const QString pdf = m_dir.filePath(u"confirmation.pdf"_s);
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(document.pdf);
        file.close();

        QProcess worker;
        worker.start(QStringLiteral(QX_OCR_WORKER), { u"--memory-mb"_s, u"2048"_s });
        QVERIFY(worker.waitForStarted());
        const QJsonObject pages = ask(
            worker,
            { { u"job"_s, 1 }, { u"path"_s, pdf }, { u"content_type"_s, u"application/pdf"_s } });
        QCOMPARE(pages.value(u"job"_s).toInt(), 1);
        QCOMPARE(pages.value(u"pages"_s).toInt(), 1);

        const QString image = m_dir.filePath(u"page-1.png"_s);
        const QJsonObject page = ask(worker,
                                     { { u"job"_s, 2 },
                                       { u"path"_s, pdf },
                                       { u"content_type"_s, u"application/pdf"_s },
                                       { u"page"_s, 1 },
                                       { u"image"_s, image } });
        QCOMPARE(page.value(u"job"_s).toInt(), 2);
        QVERIFY(page.value(u"text_layer"_s).toBool());
        QStringList words;
        for (const QJsonValue &word : page.value(u"words"_s).toArray())
            words.append(word.toObject().value(u"text"_s).toString());
        QVERIFY2(words.contains(document.expected.value(u"trade_id"_s)),
                 qPrintable(words.join(u' ')));
        QVERIFY(QImage(image).width() > 2000);
        QVERIFY(page.value(u"image"_s).toBool());

        // Its image only if it is OCR'd: a text-layer page is not rendered, and says so.
        const QString skipped = m_dir.filePath(u"page-1-skipped.png"_s);
        const QJsonObject textOnly = ask(worker,
                                         { { u"job"_s, 6 },
                                           { u"path"_s, pdf },
                                           { u"content_type"_s, u"application/pdf"_s },
                                           { u"page"_s, 1 },
                                           { u"image"_s, skipped },
                                           { u"image_if_ocr"_s, true } });
        QCOMPARE(textOnly.value(u"words"_s).toArray().size(),
                 page.value(u"words"_s).toArray().size());
        QVERIFY(!textOnly.value(u"image"_s).toBool());
        QVERIFY(!QFile::exists(skipped));

        // A bad request is answered, and the worker goes on.
        const QJsonObject lie = ask(
            worker,
            { { u"job"_s, 3 }, { u"path"_s, image }, { u"content_type"_s, u"application/pdf"_s } });
        QCOMPARE(lie.value(u"error"_s).toObject().value(u"code"_s).toString(),
                 u"unreadable_document"_s);
        const QJsonObject missing = ask(worker, { { u"job"_s, 4 }, { u"page"_s, 1 } });
        QCOMPARE(missing.value(u"error"_s).toObject().value(u"code"_s).toString(),
                 u"invalid_request"_s);
        const QJsonObject again
            = ask(worker,
                  { { u"job"_s, 5 }, { u"path"_s, image }, { u"content_type"_s, u"image/png"_s } });
        QCOMPARE(again.value(u"pages"_s).toInt(), 1);

        worker.closeWriteChannel();
        QVERIFY(worker.waitForFinished(10'000));
        QCOMPARE(worker.exitStatus(), QProcess::NormalExit);
        QCOMPARE(worker.exitCode(), 0);
    }
};

QTEST_MAIN(tst_OcrWorker)
#include "tst_ocrworker.moc"
