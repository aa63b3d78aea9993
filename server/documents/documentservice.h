#pragma once

#include "core/documents/matching.h"
#include "core/instrument.h"
#include "core/productcatalog.h"
#include "core/result.h"
#include "server/documents/ocrworkers.h"
#include "server/storage/records.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <deque>
#include <functional>
#include <memory>

namespace qx::server {

class Store;
class StoreReaders;

/// Who a document belongs to: the firm the user trades for ("firm:NAME"), or the user alone
/// ("user:ID"). Everyone of a firm sees its documents.
QString documentOwner(std::int64_t userId, const QString &counterparty);

/**
 * Documents from upload to match: a file uploaded whole to disk is checked (its pages
 * counted by a worker, refused over the limit), kept by its SHA-256 under the data
 * directory (the same bytes from the same owner are the same document), read page by page
 * by the OcrWorkers (a PDF's text layer, else OCR; each page's image kept as PNG: a scan's as
 * it is OCR'd, a text-layer page's rendered once the document is processed, behind every
 * read, or at once when asked for: pageImage()), its type
 * and fields extracted (core/documents), its contract named, and a confirmation matched
 * against the owner's deals and order-book trades. Every step is stored before the next, so
 * a restart resumes the documents queued or being read (resume()); none is lost, and what
 * was read is stored once, whole.
 *
 * Storage work runs on the StoreReaders; the rest on the main thread, which owns this.
 */
class DocumentService : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString root; ///< where files go: the data directory's documents/
        qint64 maxBytes = 25 * 1024 * 1024;
        int maxPages = 50;
        int concurrent = 2; ///< documents read at once (their pages share the workers)
        core::documents::Tolerance tolerance;
    };
    /// The instrument of a symbol, if it is listed (for units and the trading day's zone).
    using InstrumentOf = std::function<std::optional<core::Instrument>(const QString &symbol)>;

    DocumentService(Options options, OcrWorkers &workers, StoreReaders &readers,
                    core::ProductCatalog catalog, InstrumentOf instrumentOf,
                    QObject *parent = nullptr);
    ~DocumentService() override;

    const Options &options() const { return m_options; }
    /// A file being uploaded, named `name`, not yet a document.
    QString incomingPath(const QString &name) const;
    QString originalPath(const QString &sha256) const;
    /// Page `page` (from 1) of a document as PNG, once read (a text-layer page's once
    /// rendered: see pageImage()).
    QString pagePath(const QString &sha256, int page) const;
    /// Page `page` of `document` as PNG: its path once the image is there. The image of a
    /// page OCR'd is written as it is read; that of a page read from its text layer is
    /// rendered after the document is processed, behind all reading; asked for before, it is
    /// rendered now (or its render moved up) and `done` called when it is written.
    void pageImage(const DocumentRecord &document, int page,
                   std::function<void(Result<QString>)> done);

    /// Reads again the documents storage holds as queued or being read whose original this
    /// server keeps: after a restart.
    Result<void> resume(Store &store);

    /// A file received whole at `file` (under incomingPath()).
    struct Upload
    {
        QString file;
        QString sha256;
        qint64 size = 0;
        QString contentType;
        QString filename;
        QString owner;
        std::int64_t userId = 0;
        QDateTime at;
    };
    /// Takes an upload: too_many_pages (and the file dropped) over the page limit; else the
    /// document (queued to be read, or failed with the reason when it does not read as the
    /// file it claims to be) and whether it is new (false: the owner had the same bytes).
    void accept(const Upload &upload,
                std::function<void(Result<std::pair<DocumentRecord, bool>>)> done);
    /// Deletes a document and, unless another document has the same bytes, its files:
    /// document_linked when a deal was booked from it.
    void remove(const DocumentRecord &document, std::function<void(Result<void>)> done);
    /// Holds a processed confirmation against the owner's deals and trades again (after a
    /// deal was booked from it, say) and stores the new match with `review`.
    void rematch(DocumentRecord document, const QString &review,
                 std::function<void(Result<DocumentRecord>)> done);

    /// A document as GET /api/v1/documents/{id} answers it.
    static QJsonObject toJson(const DocumentRecord &document);
    /// A stored field's value (empty when not read).
    static QString fieldValue(const DocumentRecord &document, const QString &name);

Q_SIGNALS:
    /// document.queued, document.processing, document.processed, document.failed,
    /// document.reviewed, document.deleted.
    void documentEvent(const QString &type, const qx::server::DocumentRecord &document);

private:
    struct Reading;
    void enqueue(DocumentRecord document);
    void next();
    void read(DocumentRecord document);
    void readPages(const std::shared_ptr<Reading> &reading);
    void conclude(const std::shared_ptr<Reading> &reading);
    void fail(DocumentRecord document, const QString &reason);
    /// Renders page `page`'s image in the background (`priority`), once however often asked;
    /// `done` (if any) is called when it is written or has failed.
    void render(const QString &sha256, const QString &contentType, int page,
                OcrWorkers::Priority priority, std::function<void(Result<QString>)> done = {});
    /// Where the pages of `sha256` still to be rendered are noted, so that a restart renders
    /// them: {"content_type", "pages": [n...]}.
    QString unrenderedPath(const QString &sha256) const;
    void resumeRenders();
    /// Matches `document`'s fields against its owner's deals and trades (read off this
    /// thread), then calls `done` with the document carrying the match.
    void match(DocumentRecord document, std::function<void(Result<DocumentRecord>)> done);
    /// Reconciles an invoice against the owner's deals of its period and other party: what
    /// they deliver and are worth, and what the invoice differs by.
    void reconcile(DocumentRecord document, std::function<void(Result<DocumentRecord>)> done);
    void store(std::function<Result<void>(Store &)> write, std::function<void(Result<void>)> done);

    Options m_options;
    OcrWorkers &m_workers;
    StoreReaders &m_readers;
    core::ProductCatalog m_catalog;
    InstrumentOf m_instrumentOf;
    std::deque<DocumentRecord> m_queue;
    int m_reading = 0;
    /// Page images being rendered, by their path.
    struct Render
    {
        QString sha256;
        qint64 request = 0; ///< OcrWorkers' id
        bool now = false; ///< someone waits: with the reads
        QList<std::function<void(Result<QString>)>> waiting;
    };
    QHash<QString, Render> m_renders;
};

} // namespace qx::server
