#pragma once

#include "server/storage/records.h"

namespace qx::server {

/**
 * Documents: what was uploaded (the files themselves are under the data directory, by their
 * SHA-256) and what was read of each. Part of Store (store.h); a service that needs only
 * this takes a DocumentStore &.
 */
class DocumentStore
{
public:
    virtual ~DocumentStore() = default;

    /// Adds `document` (queued), unless its owner has the same bytes already: the document
    /// as stored, and whether it is new.
    virtual Result<std::pair<DocumentRecord, bool>> addDocument(const DocumentRecord &document) = 0;
    virtual Result<std::optional<DocumentRecord>> findDocument(std::int64_t id) = 0;

    /// Which documents documents() lists, newest first: of `owner`, ids below `before` (0:
    /// from the newest), at most `limit`, in one status, type or match state when given.
    struct DocumentQuery
    {
        QString owner;
        std::int64_t before = 0;
        int limit = 100;
        QString status;
        QString type;
        QString matchState;
    };
    virtual Result<QList<DocumentRecord>> documents(const DocumentQuery &query) = 0;
    /// Queued and processing documents, oldest first: those to read (again) after a start.
    virtual Result<QList<DocumentRecord>> pendingDocuments() = 0;
    /// Sets a document's status and reason (processing, failed).
    virtual Result<void> setDocumentStatus(std::int64_t id, const QString &status,
                                           const QString &reason)
        = 0;
    /// Stores what was read of a document (its status, type, fields, match, pages), whole,
    /// in one transaction.
    virtual Result<void> saveDocumentReading(const DocumentRecord &document,
                                             const QList<DocumentPage> &pages)
        = 0;
    /// Stores a new match and the review (accepted, rejected, booked).
    virtual Result<void> saveDocumentReview(const DocumentRecord &document) = 0;
    virtual Result<QList<DocumentPage>> documentPages(std::int64_t id) = 0;
    /// Deletes a document and its pages: document_linked when a deal was booked from it
    /// (live or cancelled). Whether another document still has the same bytes (its files
    /// must stay).
    virtual Result<bool> deleteDocument(std::int64_t id) = 0;
};

} // namespace qx::server
