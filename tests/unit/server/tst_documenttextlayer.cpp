// Born-digital confirmations and invoices, generated in six layouts and two languages, read
// from their PDF text layer into fields: every field the document states must come out as the
// system writes it (the goal is 99 % of fields right on born-digital documents; a field read
// wrong would book or match the wrong deal). Prints the accuracy per kind, layout and language.
#include "core/documents/extraction.h"
#include "generator.h"
#include "server/ocr/pdftext.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace qx::core::documents;
using namespace qx::test::documents;
using namespace Qt::StringLiterals;

class tst_DocumentTextLayer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    struct Score
    {
        int right = 0;
        int total = 0;
        QStringList misses;
    };

    Score readAll(bool invoices, int perVariant, quint32 seed)
    {
        Score all;
        QRandomGenerator random(seed);
        for (const Layout layout : kLayouts) {
            for (const Language language : { Language::English, Language::German }) {
                Score variant;
                for (int n = 0; n < perVariant; ++n) {
                    const Generated document = invoices ? invoice(random, layout, language)
                                                        : confirmation(random, layout, language);
                    const QString path = m_dir.filePath(u"document.pdf"_s);
                    QFile file(path);
                    if (!file.open(QIODevice::WriteOnly)
                        || file.write(document.pdf) != document.pdf.size())
                        qFatal("cannot write %s", qPrintable(path));
                    file.close();
                    const auto words = qx::server::ocr::PdfText::readFile(path);
                    if (!words)
                        qFatal("cannot read %s", qPrintable(path));
                    const Extraction read = extractFields(*words);
                    const QString type = invoices ? u"invoice"_s : u"confirmation"_s;
                    ++variant.total;
                    if (toString(read.type) == type)
                        ++variant.right;
                    else
                        variant.misses.append(document.description + u": type "
                                              + toString(read.type));
                    for (auto field = document.expected.cbegin(); field != document.expected.cend();
                         ++field) {
                        ++variant.total;
                        const QString got = read.fields.value(field.key()).value;
                        if (got == *field)
                            ++variant.right;
                        else
                            variant.misses.append(document.description + u": " + field.key()
                                                  + u" read \"" + got + u"\", is \"" + *field
                                                  + u'"');
                    }
                }
                qInfo("%s, %s, %s: %d of %d fields right", invoices ? "invoices" : "confirmations",
                      qPrintable(toString(layout)), qPrintable(toString(language)), variant.right,
                      variant.total);
                all.right += variant.right;
                all.total += variant.total;
                all.misses += variant.misses;
            }
        }
        for (const QString &miss : std::as_const(all.misses))
            qInfo("  %s", qPrintable(miss));
        return all;
    }

private Q_SLOTS:
    void aPageWithTextIsReadFromItsTextLayer()
    {
        QRandomGenerator random(7);
        const Generated document = confirmation(random, Layout::Inline, Language::English);
        const QString path = m_dir.filePath(u"one.pdf"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(document.pdf);
        file.close();
        const auto words = qx::server::ocr::PdfText::readFile(path);
        QVERIFY(words.ok());
        QVERIFY(words->size() > 40);
        // Boxes in 300-dpi page pixels: inside an A4 page, about a 10 pt line high.
        for (const Word &word : *words) {
            QVERIFY2(QRect(0, 0, 2480, 3508).contains(word.box), qPrintable(word.text));
            QCOMPARE(word.page, 1);
            QCOMPARE(word.confidence, 1.0);
        }
        QVERIFY(!qx::server::ocr::PdfText::readFile(m_dir.filePath(u"missing.pdf"_s)).ok());
    }

    void confirmations()
    {
        const Score score = readAll(false, 4, 20261207);
        qInfo("confirmations: %d of %d fields right (%.1f %%)", score.right, score.total,
              100.0 * score.right / score.total);
        QVERIFY2(score.right * 100 >= score.total * 99, qPrintable(score.misses.join(u'\n')));
    }

    void invoices()
    {
        const Score score = readAll(true, 4, 20261208);
        qInfo("invoices: %d of %d fields right (%.1f %%)", score.right, score.total,
              100.0 * score.right / score.total);
        QVERIFY2(score.right * 100 >= score.total * 99, qPrintable(score.misses.join(u'\n')));
    }
};

QTEST_MAIN(tst_DocumentTextLayer)
#include "tst_documenttextlayer.moc"
