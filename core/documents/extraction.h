#pragma once

#include <QList>
#include <QMap>
#include <QRect>
#include <QString>

/**
 * From the words of a document (as OCR or a PDF's text layer give them: text, box, confidence,
 * page) to its type and fields. General rules, not templates: words are gathered into lines
 * and a line into segments where a gap wider than a column gap separates them; a segment that
 * begins with a known label (English or German, for each field) takes its value from the rest
 * of the segment, else from the next segment of its line, else (a table's header, a label
 * above its value) from the segment under it. Values are read with normalise.h, dates and
 * decimal marks as the whole document writes them.
 */
namespace qx::core::documents {

struct Word
{
    QString text;
    QRect box; ///< in page pixels at 300 dpi
    double confidence = 1.0; ///< 0..1
    int page = 1;
};

enum class DocumentType { Unknown, Confirmation, Invoice };
QString toString(DocumentType type);

struct Field
{
    QString value; ///< canonical: ISO dates, decimals with a point, catalog codes
    double confidence = 0; ///< 0..1
    int page = 0;
    QRect box; ///< the words the value was read from
};

struct Extraction
{
    DocumentType type = DocumentType::Unknown;
    /// By name: trade_id, trade_date, buyer, seller, broker, commodity, delivery_point,
    /// delivery_start, delivery_end, load_shape, quantity, quantity_unit, price, currency,
    /// price_unit, total_volume, total_volume_unit (confirmations); invoice_number, issuer,
    /// recipient, invoice_date, due_date, period_start, period_end, quantity, quantity_unit,
    /// net_amount, vat_amount, gross_amount, currency (invoices). Only those found.
    QMap<QString, Field> fields;
};

/// The value of the field called `name`; empty when it was not found.
QString valueOf(const QMap<QString, Field> &fields, const char *name);

/// The document's type and fields.
Extraction extractFields(const QList<Word> &words);

/// The type alone, from the words' text.
DocumentType recogniseType(const QList<Word> &words);

} // namespace qx::core::documents
