#pragma once

#include "core/result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QRect>
#include <QString>
#include <QStringList>

/**
 * A document as GET /api/v1/documents/{id} and the `documents` stream channel describe it,
 * read by clients (the desktop's Documents dock, the mobile app). Read leniently: a field a
 * newer server adds is ignored, one this client does not know to expect is simply absent.
 */
namespace qx::core::protocol {

/// One extracted field: its normalised value, how sure the reading is (0–1), and where it
/// was read: the page (from 1) and the box in that page's pixels at 300 dpi.
struct DocumentField
{
    QString value;
    double confidence = 0;
    int page = 0;
    QRect box;

    bool operator==(const DocumentField &) const = default;
};

/// A field whose value in the document differs from the deal's or trade's it was matched to.
struct DocumentDifference
{
    QString field;
    QString document;
    QString booked;

    bool operator==(const DocumentDifference &) const = default;
};

/// A deal or order-book trade a confirmation was compared with.
struct DocumentCandidate
{
    QString id;
    QString kind; ///< "deal" or "trade"
    QString symbol;
    QString side;
    QString quantity;
    QString price;
    QDate tradeDate;

    bool operator==(const DocumentCandidate &) const = default;
};

/// What a document was matched with: for a confirmation the deal or trade (matched), the
/// differing fields (break) or nothing (unmatched); for an invoice what its period's deals
/// make of it (expected quantity and amount, the differences, the deals counted).
struct DocumentMatch
{
    QString state; ///< "matched", "break", "unmatched"; empty while not matched
    QString reason;
    QList<DocumentCandidate> candidates;
    QList<DocumentDifference> differences;
    // Invoices
    QString expectedQuantity;
    QString unit;
    QString expectedAmount;
    QString currency;
    QString quantityDifference; ///< empty: the invoice states no quantity
    QString amountDifference; ///< empty: the invoice states no amount
    QStringList counted; ///< the deals the expectation was made of

    bool operator==(const DocumentMatch &) const = default;
};

struct Document
{
    QString id;
    QString status; ///< "queued", "processing", "processed", "failed"
    QString reason; ///< why it failed
    QString type; ///< "confirmation", "invoice", "unknown"; empty until read
    int pages = 0;
    QString filename;
    QString contentType;
    qint64 size = 0;
    QString sha256;
    QString uploadedBy;
    QDateTime uploadedAt;
    QDateTime processedAt;
    QMap<QString, DocumentField> fields; ///< by name: "trade_date", "price", ...
    DocumentMatch match;
    QString review; ///< "accepted", "rejected", "booked"; empty until reviewed

    bool isProcessed() const { return status == u"processed"; }
    bool isFinished() const { return status == u"processed" || status == u"failed"; }

    /// Errors: invalid_response when the object has no id or status.
    static Result<Document> fromJson(const QJsonObject &object);
    bool operator==(const Document &) const = default;
};

} // namespace qx::core::protocol
