// SqlStore, documents (DocumentStore): uploaded documents and what was read of them.

#include "server/storage/sqlstore.h"

#include "server/storage/sqlstore_p.h"

#include <QJsonArray>

namespace qx::server {

using namespace sqlstore;

namespace {

// Every document query selects these columns, in this order (documentFromRow reads them).
#define QX_DOCUMENT_COLUMNS \
    "SELECT d.id, d.owner, d.sha256, d.uploaded_by, u.username, d.filename, d.content_type, " \
    "d.size_bytes, d.status, d.reason, d.type, d.pages, d.fields, d.match_state, d.match, " \
    "d.review, d.uploaded_at_ms, d.processed_at_ms FROM documents d " \
    "LEFT JOIN users u ON u.id = d.uploaded_by "

QJsonObject objectOf(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

DocumentRecord documentFromRow(const SqlRows &row)
{
    DocumentRecord document;
    document.id = row.int64(0);
    document.owner = row.text(1);
    document.sha256 = row.text(2);
    document.uploadedBy = row.int64(3);
    document.uploadedByName = row.isNull(4) ? QString() : row.text(4);
    document.filename = row.text(5);
    document.contentType = row.text(6);
    document.size = row.int64(7);
    document.status = row.text(8);
    document.reason = row.text(9);
    document.type = row.text(10);
    document.pages = int(row.int64(11));
    document.fields = objectOf(row.text(12));
    document.matchState = row.text(13);
    document.match = objectOf(row.text(14));
    document.review = row.text(15);
    document.uploadedAt = QDateTime::fromMSecsSinceEpoch(row.int64(16), Qt::UTC);
    if (!row.isNull(17))
        document.processedAt = QDateTime::fromMSecsSinceEpoch(row.int64(17), Qt::UTC);
    return document;
}

// A page's words as stored: [[text, x, y, w, h, confidence], ...], compact.
QString wordsJson(const QList<core::documents::Word> &words)
{
    QJsonArray array;
    for (const core::documents::Word &word : words) {
        array.append(QJsonArray { word.text, word.box.x(), word.box.y(), word.box.width(),
                                  word.box.height(), word.confidence });
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<core::documents::Word> wordsFrom(const QString &json, int page)
{
    QList<core::documents::Word> words;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonArray word = value.toArray();
        words.append(
            { word.at(0).toString(),
              QRect(word.at(1).toInt(), word.at(2).toInt(), word.at(3).toInt(), word.at(4).toInt()),
              word.at(5).toDouble(), page });
    }
    return words;
}

} // namespace

Result<std::pair<DocumentRecord, bool>> SqlStore::addDocument(const DocumentRecord &document)
{
    Result<std::int64_t> added = m_database->change(
        "INSERT INTO documents (owner, sha256, uploaded_by, filename, content_type, size_bytes, "
        "uploaded_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7) "
        "ON CONFLICT (owner, sha256) DO NOTHING",
        { document.owner, document.sha256, document.uploadedBy, document.filename,
          document.contentType, std::int64_t(document.size),
          document.uploadedAt.toMSecsSinceEpoch() });
    if (!added)
        return added.error();
    Result<std::optional<DocumentRecord>> stored = findOne<DocumentRecord>(
        m_database->query(QX_DOCUMENT_COLUMNS "WHERE d.owner = $1 AND d.sha256 = $2",
                          document.owner, document.sha256),
        documentFromRow);
    if (!stored)
        return stored.error();
    if (!*stored)
        return core::makeError(core::ErrorCode::StorageError,
                               QStringLiteral("The document just added cannot be read back."));
    return std::pair { **stored, *added == 1 };
}

Result<std::optional<DocumentRecord>> SqlStore::findDocument(std::int64_t id)
{
    return findOne<DocumentRecord>(m_database->query(QX_DOCUMENT_COLUMNS "WHERE d.id = $1", id),
                                   documentFromRow);
}

Result<QList<DocumentRecord>> SqlStore::documents(const DocumentQuery &query)
{
    return collect<DocumentRecord>(
        m_database->query(QX_DOCUMENT_COLUMNS
                          "WHERE d.owner = $1 AND ($2 = 0 OR d.id < $2) "
                          "AND ($3 = '' OR d.status = $3) AND ($4 = '' OR d.type = $4) "
                          "AND ($5 = '' OR d.match_state = $5) ORDER BY d.id DESC LIMIT $6",
                          query.owner, query.before, query.status, query.type, query.matchState,
                          std::int64_t(query.limit)),
        documentFromRow);
}

Result<QList<DocumentRecord>> SqlStore::pendingDocuments()
{
    return collect<DocumentRecord>(
        m_database->query(QX_DOCUMENT_COLUMNS
                          "WHERE d.status IN ('queued', 'processing') ORDER BY d.id"),
        documentFromRow);
}

#undef QX_DOCUMENT_COLUMNS

Result<void> SqlStore::setDocumentStatus(std::int64_t id, const QString &status,
                                         const QString &reason)
{
    // A failure is final: it is dated like a reading.
    const std::optional<std::int64_t> at
        = status == u"failed" ? std::optional(m_clock->nowUtc().toMSecsSinceEpoch()) : std::nullopt;
    return m_database->run(
        "UPDATE documents SET status = $2, reason = $3, processed_at_ms = $4 WHERE id = $1", id,
        status, reason, at);
}

Result<void> SqlStore::saveDocumentReading(const DocumentRecord &document,
                                           const QList<DocumentPage> &pages)
{
    return inTransaction(*m_database, [&]() -> Result<void> {
        if (Result<void> updated = m_database->run(
                "UPDATE documents SET status = $2, reason = $3, type = $4, pages = $5, "
                "fields = $6, match_state = $7, match = $8, processed_at_ms = $9 WHERE id = $1",
                document.id, document.status, document.reason, document.type,
                std::int64_t(document.pages), compact(document.fields), document.matchState,
                compact(document.match), document.processedAt.toMSecsSinceEpoch());
            !updated)
            return updated;
        if (Result<void> cleared
            = m_database->run("DELETE FROM document_pages WHERE document_id = $1", document.id);
            !cleared)
            return cleared;
        for (const DocumentPage &page : pages) {
            if (Result<void> inserted = m_database->run(
                    "INSERT INTO document_pages (document_id, page, text_layer, skew, words) "
                    "VALUES ($1, $2, $3, $4, $5)",
                    document.id, std::int64_t(page.number), std::int64_t(page.textLayer ? 1 : 0),
                    QString::number(page.skewDegrees, 'f', 2), wordsJson(page.words));
                !inserted)
                return inserted;
        }
        return {};
    });
}

Result<void> SqlStore::saveDocumentReview(const DocumentRecord &document)
{
    return m_database->run(
        "UPDATE documents SET match_state = $2, match = $3, review = $4 WHERE id = $1", document.id,
        document.matchState, compact(document.match), document.review);
}

Result<QList<DocumentPage>> SqlStore::documentPages(std::int64_t id)
{
    return collect<DocumentPage>(
        m_database->query("SELECT page, text_layer, skew, words FROM document_pages "
                          "WHERE document_id = $1 ORDER BY page",
                          id),
        [](const SqlRows &row) {
            const int number = int(row.int64(0));
            return DocumentPage { number, row.int64(1) != 0, row.text(2).toDouble(),
                                  wordsFrom(row.text(3), number) };
        });
}

Result<bool> SqlStore::deleteDocument(std::int64_t id)
{
    return inTransaction(*m_database, [&]() -> Result<bool> {
        Result<std::optional<std::int64_t>> linked = findOne<std::int64_t>(
            m_database->query("SELECT id FROM deals WHERE document_id = $1 LIMIT 1",
                              QString::number(id)),
            [](const SqlRows &row) { return row.int64(0); });
        if (!linked)
            return linked.error();
        if (*linked)
            return core::makeError(core::ErrorCode::DocumentLinked,
                                   QStringLiteral("Deal %1 was booked from document %2: the "
                                                  "document stays.")
                                       .arg(**linked)
                                       .arg(id));
        Result<std::optional<QString>> sha
            = findOne<QString>(m_database->query("SELECT sha256 FROM documents WHERE id = $1", id),
                               [](const SqlRows &row) { return row.text(0); });
        if (!sha)
            return sha.error();
        if (!*sha)
            return core::makeError(core::ErrorCode::NotFound,
                                   QStringLiteral("No document %1.").arg(id));
        for (const char *statement : { "DELETE FROM document_pages WHERE document_id = $1",
                                       "DELETE FROM documents WHERE id = $1" }) {
            if (Result<void> deleted = m_database->run(statement, id); !deleted)
                return deleted.error();
        }
        Result<std::optional<std::int64_t>> shared = findOne<std::int64_t>(
            m_database->query("SELECT id FROM documents WHERE sha256 = $1 LIMIT 1", **sha),
            [](const SqlRows &row) { return row.int64(0); });
        if (!shared)
            return shared.error();
        return shared->has_value();
    });
}

} // namespace qx::server
