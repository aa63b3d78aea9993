#pragma once

#include "core/protocol/documents.h"
#include "ui/client/documentdesk.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

#include <optional>

namespace qx::models {

/**
 * The Documents list: the files being sent (with how far they are) and then the firm's
 * documents, newest first, each with its type, where it is in the reading, and what it was
 * matched with. Kept in step with the DocumentDesk (documentsReset, documentChanged,
 * documentRemoved, the uploads' progress and outcome).
 *
 * GUI thread only.
 */
class DocumentsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Type, Status, Match, Uploaded, ColumnCount };
    enum Role {
        DocumentIdRole = Qt::UserRole + 1, ///< empty for a file still being sent
        ProgressRole, ///< 0–100 while sent, -1 otherwise
    };

    explicit DocumentsModel(client::DocumentDesk *desk, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    /// Qt's, "documentId", "progress", and one per column: "name", "type", "status",
    /// "match", "uploaded".
    QHash<int, QByteArray> roleNames() const override;

    /// The document on `row`; nullopt for a file still being sent.
    std::optional<core::protocol::Document> document(int row) const;
    /// The row of the document, or -1.
    int rowOf(const QString &documentId) const;

    /// "Confirmation", "Invoice", "Not recognised"; empty until read.
    static QString typeText(const core::protocol::Document &document);
    /// "Queued", "Reading…", "Read", "Failed".
    static QString statusText(const core::protocol::Document &document);
    /// "Matched", "Break", "Unmatched", with the review ("accepted", "booked", "rejected").
    static QString matchText(const core::protocol::Document &document);

private:
    struct Upload
    {
        QString path;
        qint64 sent = 0;
        qint64 total = 0;
    };
    int uploadRow(const QString &path) const;
    void reset(const QList<core::protocol::Document> &documents);
    void change(const core::protocol::Document &document);
    void remove(const QString &documentId);
    void progress(const QString &path, qint64 sent, qint64 total);
    void finishUpload(const QString &path);
    QVariant display(const core::protocol::Document &document, int column) const;

    QPointer<client::DocumentDesk> m_desk;
    QList<Upload> m_uploads; ///< the first rows
    QList<core::protocol::Document> m_documents; ///< newest first, after the uploads
};

} // namespace qx::models
