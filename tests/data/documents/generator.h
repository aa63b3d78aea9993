#pragma once

#include <QByteArray>
#include <QDate>
#include <QImage>
#include <QList>
#include <QMap>
#include <QString>

class QRandomGenerator;

/**
 * Broker confirmations and invoices as PDFs (QPdfWriter), in six layouts and two languages,
 * each with the fields a reader must find in it, as the system writes them (ISO dates,
 * decimals with a point, catalog codes). The terms are drawn from a seeded generator: the
 * same seed writes the same documents. What varies, as it does between real senders: the
 * layout, the labels (several wordings of each), date and number formats, hub names and
 * synonyms, how a delivery period is written, the order of the fields, and text around them.
 */
namespace qx::test::documents {

enum class Layout {
    Inline, ///< "Label: value", one a line
    TwoColumns, ///< labels in a column, values in another
    Table, ///< header rows of labels over rows of values
    LabelAbove, ///< each label on a line of its own, its value under it
    Grid, ///< two "Label: value" pairs a line, side by side
    Letter, ///< a letter: prose around a two-column block
};
inline constexpr Layout kLayouts[] = { Layout::Inline,     Layout::TwoColumns, Layout::Table,
                                       Layout::LabelAbove, Layout::Grid,       Layout::Letter };
QString toString(Layout layout);

enum class Language { English, German };
QString toString(Language language);

struct Generated
{
    QByteArray pdf;
    QMap<QString, QString> expected; ///< field name → value, as extraction must answer
    QString description; ///< for a failure message: kind, layout, language, seed
};

/// How a paper document comes back from a scanner.
enum class Scan {
    Clean, ///< 300 dpi, straight
    TurnedAndNoisy, ///< 300 dpi, turned by 1-3°, speckled, JPEG at quality 55
    Fax, ///< 200 dpi, black and white
};
inline constexpr Scan kScans[] = { Scan::Clean, Scan::TurnedAndNoisy, Scan::Fax };
QString toString(Scan scan);

struct Scanned
{
    QImage image;
    int dotsPerInch = 300;
};
/// The first page of `pdf` printed and scanned as `scan` says.
Scanned scanned(const QByteArray &pdf, Scan scan, QRandomGenerator &random);

/// The terms of a German base power deal, as a broker's recap states them.
struct Recap
{
    QString tradeId;
    QDate tradeDate;
    QString buyer;
    QString seller;
    QDate start;
    QDate end; ///< the last day delivered
    QString quantity; ///< MW
    QString price; ///< EUR/MWh
};
/// A born-digital PDF (A4) of `lines` ("Label: value", as brokers and suppliers write them),
/// the same lines on each of `pages` pages.
QByteArray linesPdf(const QStringList &lines, int pages = 1);
/// A recap of `recap` as a broker writes one: its terms one "Label: value" a line.
QByteArray recapPdf(const Recap &recap, int pages = 1);

/// A confirmation of a deal drawn from `random`.
Generated confirmation(QRandomGenerator &random, Layout layout, Language language);
/// An invoice drawn from `random`.
Generated invoice(QRandomGenerator &random, Layout layout, Language language);

} // namespace qx::test::documents
