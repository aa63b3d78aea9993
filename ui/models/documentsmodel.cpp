#include "ui/models/documentsmodel.h"

#include "ui/models/tone.h"

#include <QFileInfo>
#include <QLocale>

namespace qx::models {

using core::protocol::Document;

DocumentsModel::DocumentsModel(client::DocumentDesk *desk, QObject *parent)
    : QAbstractTableModel(parent)
    , m_desk(desk)
{
    connect(desk, &client::DocumentDesk::documentsReset, this, &DocumentsModel::reset);
    connect(desk, &client::DocumentDesk::documentChanged, this, &DocumentsModel::change);
    connect(desk, &client::DocumentDesk::documentRemoved, this, &DocumentsModel::remove);
    connect(desk, &client::DocumentDesk::uploadProgress, this, &DocumentsModel::progress);
    connect(desk, &client::DocumentDesk::uploaded, this,
            [this](const QString &path, const Document &) { finishUpload(path); });
    connect(desk, &client::DocumentDesk::uploadFailed, this,
            [this](const QString &path, const core::Error &) { finishUpload(path); });
    reset(desk->documents());
}

int DocumentsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_uploads.size() + m_documents.size());
}

int DocumentsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

std::optional<Document> DocumentsModel::document(int row) const
{
    const qsizetype at = row - m_uploads.size();
    if (at < 0 || at >= m_documents.size())
        return std::nullopt;
    return m_documents.at(at);
}

int DocumentsModel::rowOf(const QString &documentId) const
{
    for (qsizetype at = 0; at < m_documents.size(); ++at) {
        if (m_documents.at(at).id == documentId)
            return int(m_uploads.size() + at);
    }
    return -1;
}

int DocumentsModel::uploadRow(const QString &path) const
{
    for (qsizetype row = 0; row < m_uploads.size(); ++row) {
        if (m_uploads.at(row).path == path)
            return int(row);
    }
    return -1;
}

QString DocumentsModel::typeText(const Document &document)
{
    if (document.type == u"confirmation")
        return tr("Confirmation");
    if (document.type == u"invoice")
        return tr("Invoice");
    if (document.type == u"unknown")
        return tr("Not recognised");
    return {};
}

QString DocumentsModel::statusText(const Document &document)
{
    if (document.status == u"queued")
        return tr("Queued");
    if (document.status == u"processing")
        return tr("Reading…");
    if (document.status == u"processed")
        return tr("Read");
    if (document.status == u"failed")
        return tr("Failed");
    return document.status;
}

QString DocumentsModel::matchText(const Document &document)
{
    QString state;
    if (document.match.state == u"matched")
        state = tr("Matched");
    else if (document.match.state == u"break")
        state = tr("Break");
    else if (document.match.state == u"unmatched")
        state = tr("Unmatched");
    QString review;
    if (document.review == u"accepted")
        review = tr("accepted");
    else if (document.review == u"booked")
        review = tr("booked");
    else if (document.review == u"rejected")
        review = tr("rejected");
    if (review.isEmpty())
        return state;
    return state.isEmpty() ? review : tr("%1, %2").arg(state, review);
}

QVariant DocumentsModel::display(const Document &document, int column) const
{
    switch (column) {
    case Name:
        return document.filename.isEmpty() ? tr("Document %1").arg(document.id) : document.filename;
    case Type:
        return typeText(document);
    case Status:
        return statusText(document);
    case Match:
        return matchText(document);
    case Uploaded:
        return QLocale().toString(document.uploadedAt.toLocalTime(), QLocale::ShortFormat);
    }
    return {};
}

QVariant DocumentsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const int column = role >= Qt::UserRole + 100 ? role - (Qt::UserRole + 100) : index.column();
    if (index.row() < m_uploads.size()) {
        const Upload &upload = m_uploads.at(index.row());
        const int percent = upload.total > 0 ? int(upload.sent * 100 / upload.total) : 0;
        if (role == ProgressRole)
            return percent;
        if (role == DocumentIdRole)
            return QString();
        if (role != Qt::DisplayRole && role < Qt::UserRole + 100)
            return role == Qt::ForegroundRole && column == Status
                ? QVariant(toneColour(Tone::Muted))
                : QVariant();
        switch (column) {
        case Name:
            return QFileInfo(upload.path).fileName();
        case Status:
            return tr("Sending %1 %").arg(percent);
        default:
            return QString();
        }
    }
    const Document &document = m_documents.at(index.row() - m_uploads.size());
    switch (role) {
    case DocumentIdRole:
        return document.id;
    case ProgressRole:
        return -1;
    case Qt::DisplayRole:
        return display(document, column);
    case Qt::ToolTipRole:
        if (column == Status && !document.reason.isEmpty())
            return document.reason;
        if (column == Match && !document.match.reason.isEmpty())
            return document.match.reason;
        if (column == Name)
            return tr("%1, %n page(s), sent by %2", nullptr, document.pages)
                .arg(document.contentType, document.uploadedBy);
        return {};
    case Qt::ForegroundRole:
        if (column == Status && document.status == u"failed")
            return toneColour(Tone::Loss);
        if (column == Status && !document.isFinished())
            return toneColour(Tone::Muted);
        if (column == Match && document.match.state == u"break")
            return toneColour(Tone::Loss);
        if (column == Match && document.match.state == u"matched")
            return toneColour(Tone::Gain);
        if (column == Match && document.match.state == u"unmatched")
            return toneColour(Tone::Warning);
        return {};
    default:
        return role >= Qt::UserRole + 100 ? display(document, column) : QVariant();
    }
}

QVariant DocumentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Document");
    case Type:
        return tr("Type");
    case Status:
        return tr("Status");
    case Match:
        return tr("Match");
    case Uploaded:
        return tr("Sent");
    }
    return {};
}

QHash<int, QByteArray> DocumentsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(DocumentIdRole, "documentId");
    names.insert(ProgressRole, "progress");
    const char *columns[] = { "name", "type", "status", "match", "uploaded" };
    for (int column = 0; column < ColumnCount; ++column)
        names.insert(Qt::UserRole + 100 + column, columns[column]);
    return names;
}

void DocumentsModel::reset(const QList<Document> &documents)
{
    beginResetModel();
    m_documents = documents;
    endResetModel();
}

void DocumentsModel::change(const Document &document)
{
    if (const int row = rowOf(document.id); row >= 0) {
        m_documents[row - m_uploads.size()] = document;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const int row = int(m_uploads.size());
    beginInsertRows({}, row, row);
    m_documents.prepend(document);
    endInsertRows();
}

void DocumentsModel::remove(const QString &documentId)
{
    const int row = rowOf(documentId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_documents.removeAt(row - m_uploads.size());
    endRemoveRows();
}

void DocumentsModel::progress(const QString &path, qint64 sent, qint64 total)
{
    if (const int row = uploadRow(path); row >= 0) {
        m_uploads[row].sent = sent;
        m_uploads[row].total = total;
        Q_EMIT dataChanged(index(row, Status), index(row, Status));
        return;
    }
    beginInsertRows({}, 0, 0);
    m_uploads.prepend({ path, sent, total });
    endInsertRows();
}

void DocumentsModel::finishUpload(const QString &path)
{
    const int row = uploadRow(path);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_uploads.removeAt(row);
    endRemoveRows();
}

} // namespace qx::models
