// RemoteTradingService's deals and documents: the live deals that count in the positions,
// and the DocumentDesk part (the firm's confirmations and invoices, and what is done with
// them).
#include "ui/client/remotetradingservice.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMimeDatabase>
#include <QNetworkReply>

namespace qx::client {

using core::Error;
using core::Result;
namespace protocol = core::protocol;

namespace {

Q_LOGGING_CATEGORY(lcDocuments, "qx.client.documents")

QString documentPath(const QString &documentId, QStringView rest = {})
{
    return u"/api/v1/documents/" + QString::fromLatin1(QUrl::toPercentEncoding(documentId)) + rest;
}

} // namespace

void RemoteTradingService::fetchDeals(std::function<void()> done)
{
    fetchAll<protocol::Deal>(
        QStringLiteral("/api/v1/deals?status=live"), QStringLiteral("deals"), {}, {},
        [](const protocol::Deal &) { return true; },
        [this, done = std::move(done)](Result<QList<protocol::Deal>> list) {
            if (!list)
                return reloadFailed("deal", list.error());
            if (!(*list == m_deals)) {
                m_deals = std::move(*list);
                Q_EMIT m_orderPart.dealsReset(m_deals);
            }
            if (done)
                done();
        });
}

void RemoteTradingService::onDealMessage(const protocol::StreamMessage &message)
{
    const Result<protocol::Deal> deal
        = protocol::Deal::fromJson(message.body.value(u"deal").toObject());
    if (!deal) {
        qCWarning(lcDocuments) << "unreadable deal event:" << deal.error().message;
        return;
    }
    adoptDeal(*deal);
}

void RemoteTradingService::adoptDeal(const protocol::Deal &deal)
{
    const auto known = std::find_if(m_deals.begin(), m_deals.end(),
                                    [&](const protocol::Deal &held) { return held.id == deal.id; });
    if (deal.status == protocol::DealStatus::Live) {
        if (known != m_deals.end())
            return; // the reload had it already
        m_deals.prepend(deal);
    } else {
        if (known == m_deals.end())
            return;
        m_deals.erase(known);
    }
    Q_EMIT m_orderPart.dealsReset(m_deals);
}

void RemoteTradingService::fetchDocuments()
{
    const quint64 session = m_session;
    fetchAll<protocol::Document>(
        QStringLiteral("/api/v1/documents"), QStringLiteral("documents"), {}, {},
        [](const protocol::Document &) { return true; },
        [this, session](Result<QList<protocol::Document>> list) {
            if (session != m_session)
                return;
            if (!list) {
                if (!handleUnauthorised(list.error()))
                    qCWarning(lcDocuments) << "document reload failed:" << list.error().message;
                return;
            }
            m_documents = std::move(*list);
            Q_EMIT m_documentPart.documentsReset(m_documents);
        });
}

void RemoteTradingService::onDocumentMessage(const protocol::StreamMessage &message)
{
    const Result<protocol::Document> document
        = protocol::Document::fromJson(message.body.value(u"document").toObject());
    if (!document) {
        qCWarning(lcDocuments) << "unreadable document event:" << document.error().message;
        return;
    }
    if (message.type == u"document.deleted") {
        if (m_documents.removeIf(
                [&](const protocol::Document &held) { return held.id == document->id; })
            > 0)
            Q_EMIT m_documentPart.documentRemoved(document->id);
        return;
    }
    upsertDocument(*document);
}

void RemoteTradingService::upsertDocument(const protocol::Document &document)
{
    const auto known
        = std::find_if(m_documents.begin(), m_documents.end(),
                       [&](const protocol::Document &held) { return held.id == document.id; });
    if (known == m_documents.end())
        m_documents.prepend(document);
    else if (*known == document)
        return;
    else
        *known = document;
    Q_EMIT m_documentPart.documentChanged(document);
}

void RemoteTradingService::documentFailed(const QString &documentId, const Error &error)
{
    if (!handleUnauthorised(error))
        Q_EMIT m_documentPart.requestFailed(documentId, error);
}

void RemoteTradingService::documentAnswered(const QString &documentId,
                                            const Result<QJsonObject> &reply)
{
    if (!reply)
        return documentFailed(documentId, reply.error());
    const Result<protocol::Document> document = protocol::Document::fromJson(*reply);
    if (!document)
        return Q_EMIT m_documentPart.requestFailed(documentId, document.error());
    upsertDocument(*document);
}

void RemoteTradingService::uploadDocument(const QString &filePath)
{
    // The type as the file's content and name say; the server checks the bytes again and
    // refuses what it does not read (415) with its reason.
    const QByteArray type = QMimeDatabase().mimeTypeForFile(filePath).name().toLatin1();
    const QString name = QFileInfo(filePath).fileName();
    QNetworkReply *reply
        = transfer({ Verb::Post,
                     QStringLiteral("/api/v1/documents?filename=")
                         + QString::fromLatin1(QUrl::toPercentEncoding(name)),
                     {},
                     filePath,
                     type },
                   [this, filePath](const Result<QByteArray> &bytes) {
                       if (!bytes) {
                           if (!handleUnauthorised(bytes.error()))
                               Q_EMIT m_documentPart.uploadFailed(filePath, bytes.error());
                           return;
                       }
                       const Result<protocol::Document> document
                           = protocol::Document::fromJson(QJsonDocument::fromJson(*bytes).object());
                       if (!document)
                           return Q_EMIT m_documentPart.uploadFailed(filePath, document.error());
                       upsertDocument(*document);
                       Q_EMIT m_documentPart.uploaded(filePath, *document);
                   });
    if (reply) { // else the handler was told the file cannot be read
        connect(reply, &QNetworkReply::uploadProgress, this,
                [this, filePath](qint64 sent, qint64 total) {
                    Q_EMIT m_documentPart.uploadProgress(filePath, sent, total);
                });
    }
}

void RemoteTradingService::loadDocumentPage(const QString &documentId, int page)
{
    transfer({ Verb::Get,
               documentPath(documentId, QString(u"/pages/" + QString::number(page))),
               {},
               {},
               {},
               QByteArrayLiteral("image/png") },
             [this, documentId, page](const Result<QByteArray> &png) {
                 if (!png) {
                     if (!handleUnauthorised(png.error()))
                         Q_EMIT m_documentPart.requestFailed(documentId, png.error());
                     return;
                 }
                 Q_EMIT m_documentPart.pageLoaded(documentId, page, *png);
             });
}

void RemoteTradingService::reviewDocument(const QString &documentId, bool accept)
{
    send(Verb::Post, documentPath(documentId, u"/review"),
         { { QStringLiteral("decision"),
             accept ? QStringLiteral("accept") : QStringLiteral("reject") } },
         [this, documentId](const Result<QJsonObject> &reply) {
             documentAnswered(documentId, reply);
         });
}

void RemoteTradingService::bookDocument(const QString &documentId,
                                        const QMap<QString, QString> &corrections)
{
    QJsonObject fields;
    for (auto field = corrections.cbegin(); field != corrections.cend(); ++field)
        fields.insert(field.key(), field.value());
    send(Verb::Post, documentPath(documentId, u"/book"), { { QStringLiteral("fields"), fields } },
         [this, documentId](const Result<QJsonObject> &reply) {
             if (!reply)
                 return documentFailed(documentId, reply.error());
             const Result<protocol::Deal> deal = protocol::Deal::fromJson(*reply);
             if (!deal)
                 return Q_EMIT m_documentPart.requestFailed(documentId, deal.error());
             Q_EMIT m_documentPart.dealBooked(documentId, *deal);
             // The document now matches its deal, and the deal is in the positions: both as
             // the server has them, whether or not the stream brought them yet.
             adoptDeal(*deal);
             send(Verb::Get, documentPath(documentId), {},
                  [this, documentId](const Result<QJsonObject> &document) {
                      documentAnswered(documentId, document);
                  });
         });
}

void RemoteTradingService::removeDocument(const QString &documentId)
{
    send(Verb::Delete, documentPath(documentId), {},
         [this, documentId](const Result<QJsonObject> &reply) {
             if (!reply)
                 return documentFailed(documentId, reply.error());
             if (m_documents.removeIf(
                     [&](const protocol::Document &held) { return held.id == documentId; })
                 > 0)
                 Q_EMIT m_documentPart.documentRemoved(documentId);
         });
}

} // namespace qx::client
