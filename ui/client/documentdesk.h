#pragma once

#include "core/protocol/deals.h"
#include "core/protocol/documents.h"
#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

namespace qx::client {

/**
 * The documents part of a trading client: the broker confirmations and invoices of the
 * user's firm as last known, sending new ones to be read, a page as the server read it, and
 * what the back office does with a read document (accept its match, book it as a deal,
 * reject it, delete it). The Documents dock takes this. Plain values only.
 *
 * GUI thread only; every action returns at once and its outcome arrives as a signal.
 */
class DocumentDesk : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// The documents as last known, newest first.
    virtual QList<core::protocol::Document> documents() const = 0;

    /// Sends a file (PDF, PNG, JPEG or TIFF) to be read, streamed from disk. Outcome:
    /// uploadProgress() as it goes, then documentChanged() if the document is news and
    /// uploaded() with it (the one sent before, when the same bytes were), or uploadFailed().
    virtual void upload(const QString &filePath) = 0;
    /// Outcome: pageLoaded() with the page as PNG, or requestFailed().
    virtual void loadPage(const QString &documentId, int page) = 0;
    /// Accepts a confirmation's match, or rejects the document. Outcome: documentChanged(),
    /// or requestFailed().
    virtual void review(const QString &documentId, bool accept) = 0;
    /// Books an unmatched confirmation as a deal, with `corrections` (field name → value)
    /// in place of what was read, each recorded in the audit log. Outcome: dealBooked() and
    /// documentChanged(), or requestFailed().
    virtual void book(const QString &documentId, const QMap<QString, QString> &corrections) = 0;
    /// Outcome: documentRemoved(), or requestFailed() (document_linked: a deal was booked
    /// from it).
    virtual void remove(const QString &documentId) = 0;

Q_SIGNALS:
    /// The whole list was (re)loaded; replaces everything known before.
    void documentsReset(const QList<qx::core::protocol::Document> &documents);
    /// One document was added or changed (read, matched, reviewed); match it by id.
    void documentChanged(const qx::core::protocol::Document &document);
    void documentRemoved(const QString &documentId);
    void uploadProgress(const QString &filePath, qint64 sent, qint64 total);
    void uploaded(const QString &filePath, const qx::core::protocol::Document &document);
    void uploadFailed(const QString &filePath, const qx::core::Error &error);
    void pageLoaded(const QString &documentId, int page, const QByteArray &png);
    /// An action on a document (or its page) was refused or failed.
    void requestFailed(const QString &documentId, const qx::core::Error &error);
    void dealBooked(const QString &documentId, const qx::core::protocol::Deal &deal);
};

} // namespace qx::client
