// Documents: broker confirmations and invoices uploaded, read, matched, reviewed and booked.

#include "server/api/routing.h"

#include "core/protocol/deals.h"
#include "core/protocol/objectreader.h"
#include "server/api/documentupload.h"
#include "server/auth/permissions.h"
#include "server/storage/storereaders.h"

#include <QFile>
#include <QPointer>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QUuid>

namespace qx::server {

using namespace rest;

namespace {

const QString kDocumentTypes
    = QStringLiteral("application/pdf|image/png|image/jpeg|image/tiff|multipart/form-data");

core::Error noDocument(const QString &id)
{
    return core::makeError(core::ErrorCode::NotFound,
                           HttpApi::tr("Your firm has no document %1.").arg(id));
}

core::Error documentsOff()
{
    return core::makeError(core::ErrorCode::StorageUnavailable,
                           HttpApi::tr("This server does not read documents."));
}

// The fields of a confirmation as a deal books them, with any the caller corrected.
struct BookingFields
{
    QJsonObject deal;
    QList<DealDesk::Correction> corrections;
};

// POST /api/v1/documents/{id}/book: {"fields"?: {name: value}} corrects what was read.
core::Result<BookingFields> bookingFields(const DocumentRecord &document, const QJsonObject &body,
                                          const QString &firm)
{
    protocol::ObjectReader reader(body);
    const QJsonObject changes = reader.object(QStringLiteral("fields"), false);
    if (core::Result<void> done = reader.finish(); !done)
        return done.error();
    static const QStringList editable {
        QStringLiteral("symbol"), QStringLiteral("trade_date"), QStringLiteral("buyer"),
        QStringLiteral("seller"), QStringLiteral("broker"),     QStringLiteral("quantity"),
        QStringLiteral("price"),  QStringLiteral("trade_id"),
    };
    BookingFields booking;
    QHash<QString, QString> values;
    for (const QString &name : editable)
        values.insert(name, DocumentService::fieldValue(document, name));
    for (auto change = changes.constBegin(); change != changes.constEnd(); ++change) {
        if (!editable.contains(change.key()) || !change.value().isString()) {
            return core::makeError(core::ErrorCode::InvalidRequest,
                                   HttpApi::tr("Field \"fields.%1\": not one that can be "
                                               "corrected (%2), or not a string.")
                                       .arg(change.key(), editable.join(u", ")));
        }
        const QString value = change.value().toString().trimmed();
        if (value != values.value(change.key())) {
            booking.corrections.append({ change.key(), values.value(change.key()), value });
            values.insert(change.key(), value);
        }
    }
    // The firm is one side; the other is the counterparty, and the firm's side the deal's.
    const QString buyer = values.value(QStringLiteral("buyer"));
    const QString seller = values.value(QStringLiteral("seller"));
    const bool buys = core::documents::sameParty(buyer, firm);
    const bool sells = core::documents::sameParty(seller, firm);
    if (buys == sells) {
        return core::makeError(
            core::ErrorCode::InvalidRequest,
            HttpApi::tr("Exactly one of the buyer (%1) and the seller (%2) must be %3.")
                .arg(buyer, seller, firm));
    }
    booking.deal
        = { { QStringLiteral("symbol"), values.value(QStringLiteral("symbol")) },
            { QStringLiteral("side"), buys ? QStringLiteral("buy") : QStringLiteral("sell") },
            { QStringLiteral("quantity"), values.value(QStringLiteral("quantity")) },
            { QStringLiteral("price"), values.value(QStringLiteral("price")) },
            { QStringLiteral("counterparty"), buys ? seller : buyer },
            { QStringLiteral("trade_date"), values.value(QStringLiteral("trade_date")) },
            { QStringLiteral("document_id"), QString::number(document.id) } };
    if (const QString broker = values.value(QStringLiteral("broker")); !broker.isEmpty())
        booking.deal.insert(QStringLiteral("broker"), broker);
    if (const QString tradeId = values.value(QStringLiteral("trade_id")); !tradeId.isEmpty())
        booking.deal.insert(QStringLiteral("external_id"), tradeId);
    return booking;
}

} // namespace

void HttpApi::setDocuments(DocumentService *documents)
{
    m_documents = documents;
    m_guard.setUploadRoute(
        "/api/v1/documents", documents->options().maxBytes,
        [this](QTcpSocket *socket, const UploadStart &start) { receiveUpload(socket, start); });
}

std::optional<core::Error> HttpApi::checkUpload(const Principal &principal,
                                                const QByteArray &contentType, qint64 length)
{
    if (!m_documents)
        return documentsOff();
    if (!principal.can(Permission::DocumentsUpload)) {
        return core::makeError(core::ErrorCode::Forbidden,
                               tr("The %1 role does not have the %2 permission this needs.")
                                   .arg(principal.role, toString(Permission::DocumentsUpload)));
    }
    if (!DocumentUpload::isDocumentType(QString::fromLatin1(contentType))
        && DocumentUpload::boundaryOf(contentType).isEmpty()) {
        return core::makeError(
            core::ErrorCode::UnsupportedMediaType,
            tr("Send a PDF, PNG, JPEG or TIFF as the body with its Content-Type, or in a "
               "multipart/form-data body; not %1.")
                .arg(QString::fromLatin1(contentType.left(100))));
    }
    if (length == 0)
        return core::makeError(core::ErrorCode::InvalidRequest, tr("The body is empty."));
    if (length > m_documents->options().maxBytes) {
        return core::makeError(
            core::ErrorCode::PayloadTooLarge,
            tr("The document is larger than %1 bytes.").arg(m_documents->options().maxBytes));
    }
    return std::nullopt;
}

void HttpApi::acceptUpload(const Principal &principal,
                           core::Result<DocumentUpload::Received> received, const QString &filename,
                           UploadAnswer answer)
{
    const auto refuse = [answer](const core::Error &raw) {
        const core::Error error = publicError(raw);
        answer(int(statusFor(error.code)),
               QJsonDocument(protocol::errorToJson(error)).toJson(QJsonDocument::Compact));
    };
    if (!received)
        return refuse(received.error());
    if (!DocumentUpload::isDocumentType(received->contentType)) {
        QFile::remove(received->path);
        return refuse(core::makeError(core::ErrorCode::UnsupportedMediaType,
                                      tr("The uploaded part is not a PDF, PNG, JPEG or TIFF.")));
    }
    m_documents->accept({ received->path, received->sha256, received->size, received->contentType,
                          received->filename.isEmpty() ? filename : received->filename,
                          documentOwner(principal.userId, principal.counterparty), principal.userId,
                          m_orders.nowUtc() },
                        [answer, refuse](core::Result<std::pair<DocumentRecord, bool>> accepted) {
                            if (!accepted)
                                return refuse(accepted.error());
                            answer(accepted->second ? 202 : 200,
                                   QJsonDocument(DocumentService::toJson(accepted->first))
                                       .toJson(QJsonDocument::Compact));
                        });
}

void HttpApi::receiveUpload(QTcpSocket *socket, const UploadStart &start)
{
    const QPointer<QTcpSocket> guarded(socket);
    const UploadAnswer answer = [guarded](int status, const QByteArray &json) {
        if (guarded)
            RequestGuard::answer(guarded, status, status < 300 ? "OK" : "Refused", json);
    };
    const auto refuse = [answer](const core::Error &raw) {
        const core::Error error = publicError(raw);
        answer(int(statusFor(error.code)),
               QJsonDocument(protocol::errorToJson(error)).toJson(QJsonDocument::Compact));
    };
    core::Result<Principal> principal
        = m_auth.authenticateHeader(start.headers.value(QByteArrayLiteral("authorization")));
    if (!principal)
        return refuse(principal.error());
    principal->source = addressOf(socket->peerAddress());
    const QByteArray contentType = start.headers.value(QByteArrayLiteral("content-type"));
    if (std::optional<core::Error> refused
        = checkUpload(*principal, contentType, start.contentLength))
        return refuse(*refused);
    if (std::optional<core::Error> limited = throttle(*principal))
        return refuse(*limited);
    const qsizetype query = start.target.indexOf('?');
    const QString filename
        = QUrlQuery(query < 0 ? QString() : QString::fromLatin1(start.target.mid(query + 1)))
              .queryItemValue(QStringLiteral("filename"), QUrl::FullyDecoded);
    // Streamed to disk as it comes (DocumentUpload), never whole in memory.
    new DocumentUpload(
        socket, start.contentLength,
        m_documents->incomingPath(QUuid::createUuid().toString(QUuid::WithoutBraces)), contentType,
        RequestLimits {},
        [this, answer, principal = *principal,
         filename](core::Result<DocumentUpload::Received> received) {
            acceptUpload(principal, std::move(received), filename, answer);
        });
}

void HttpApi::withDocument(const Principal &principal, const QString &id, const Later &reply,
                           std::function<void(const DocumentRecord &)> then)
{
    if (!m_documents)
        return reply->fail(documentsOff());
    bool numeric = false;
    const qint64 number = id.toLongLong(&numeric);
    if (!numeric)
        return reply->fail(noDocument(id));
    m_readers->read<std::optional<DocumentRecord>>(
        [number](Store &store) { return store.findDocument(number); }, this,
        [reply, id, then, owner = documentOwner(principal.userId, principal.counterparty)](
            core::Result<std::optional<DocumentRecord>> found) {
            if (!found)
                return reply->fail(found.error());
            if (!*found || (*found)->owner != owner)
                return reply->fail(noDocument(id));
            then(**found);
        });
}

void HttpApi::addDocumentRoutes()
{
    using Access = Route::Access;
    const QList<core::ErrorCode> unavailable { core::ErrorCode::StorageUnavailable };

    // The RequestGuard hands uploads to receiveUpload, past QHttpServer, and streams them to
    // disk. Should QHttpServer see one all the same (a request the guard could not follow),
    // it is taken here from memory, where QHttpServer holds it.
    serve(
        { Method::Post,
          QStringLiteral("/api/v1/documents"),
          tr("Uploads a confirmation or invoice (PDF, PNG, JPEG, TIFF; as the body or in a "
             "multipart form) to be read; 202 with the document, queued, or 200 with the one "
             "the same bytes made before"),
          Access::Permitted,
          Permission::DocumentsUpload,
          kDocumentTypes,
          QStringLiteral("Document"),
          202,
          { core::ErrorCode::PayloadTooLarge, core::ErrorCode::TooManyPages,
            core::ErrorCode::UnsupportedMediaType, core::ErrorCode::RequestTimeout },
          { { QStringLiteral("filename"), QStringLiteral("string"),
              tr("the file's name, for a body sent as it is") } } },
        [this](const Principal &principal, const QHttpServerRequest &request, const Later &reply) {
            const QByteArray contentType = request.value("Content-Type");
            if (std::optional<core::Error> refused
                = checkUpload(principal, contentType, request.body().size()))
                return reply->fail(*refused);
            QFile file(
                m_documents->incomingPath(QUuid::createUuid().toString(QUuid::WithoutBraces)));
            if (!file.open(QIODevice::WriteOnly) || file.write(request.body()) < 0) {
                return reply->fail(core::makeError(core::ErrorCode::IoError,
                                                   tr("The upload could not be written.")));
            }
            file.close();
            acceptUpload(
                principal, DocumentUpload::fromFile(file.fileName(), contentType),
                request.query().queryItemValue(QStringLiteral("filename"), QUrl::FullyDecoded),
                [reply](int status, const QByteArray &json) { reply->sendRaw(json, status); });
        });

    serve(
        { Method::Get,
          QStringLiteral("/api/v1/documents"),
          tr("The firm's documents, newest first"),
          Access::Permitted,
          Permission::AccountRead,
          {},
          QStringLiteral("DocumentList"),
          200,
          unavailable,
          { { QStringLiteral("status"), QStringLiteral("string"),
              tr("queued, processing, processed or failed") },
            { QStringLiteral("type"), QStringLiteral("string"),
              tr("confirmation, invoice or unknown") },
            { QStringLiteral("match"), QStringLiteral("string"),
              tr("matched, break or unmatched") },
            { QStringLiteral("before"), QStringLiteral("string"),
              tr("only ids below this one: next_before of the page before") },
            { QStringLiteral("limit"), QStringLiteral("integer"),
              tr("at most this many, 1-%1 (default 100)").arg(kMaxPage) } } },
        [this](const Principal &principal, const QHttpServerRequest &request, const Later &reply) {
            const QUrlQuery query = request.query();
            DocumentStore::DocumentQuery documents;
            documents.owner = documentOwner(principal.userId, principal.counterparty);
            documents.status = query.queryItemValue(QStringLiteral("status"));
            documents.type = query.queryItemValue(QStringLiteral("type"));
            documents.matchState = query.queryItemValue(QStringLiteral("match"));
            bool beforeOk = true, limitOk = true;
            const QString before = query.queryItemValue(QStringLiteral("before"));
            const QString limit = query.queryItemValue(QStringLiteral("limit"));
            documents.before = before.isEmpty() ? 0 : before.toLongLong(&beforeOk);
            documents.limit = limit.isEmpty() ? 100 : limit.toInt(&limitOk);
            static const QStringList statuses { QStringLiteral("queued"),
                                                QStringLiteral("processing"),
                                                QStringLiteral("processed"),
                                                QStringLiteral("failed") };
            static const QStringList types { QStringLiteral("confirmation"),
                                             QStringLiteral("invoice"), QStringLiteral("unknown") };
            static const QStringList states { QStringLiteral("matched"), QStringLiteral("break"),
                                              QStringLiteral("unmatched") };
            if (!beforeOk || !limitOk || documents.before < 0 || documents.limit < 1
                || documents.limit > kMaxPage
                || (!documents.status.isEmpty() && !statuses.contains(documents.status))
                || (!documents.type.isEmpty() && !types.contains(documents.type))
                || (!documents.matchState.isEmpty() && !states.contains(documents.matchState))) {
                return reply->fail(
                    badQuery(tr("status is queued, processing, processed or failed; type "
                                "confirmation, invoice or unknown; match matched, break or "
                                "unmatched; before an id and limit a number from 1 to %1.")
                                 .arg(kMaxPage)));
            }
            answerOffThread(reply, [documents](Store &store) -> core::Result<Answer> {
                core::Result<QList<DocumentRecord>> rows = store.documents(documents);
                if (!rows)
                    return rows.error();
                QJsonArray list;
                for (const DocumentRecord &row : std::as_const(*rows))
                    list.append(DocumentService::toJson(row));
                const bool more = rows->size() >= documents.limit;
                return Answer { { { QStringLiteral("documents"), list },
                                  { QStringLiteral("next_before"),
                                    more ? QJsonValue(QString::number(rows->constLast().id))
                                         : QJsonValue() } } };
            });
        });

    serve({ Method::Get,
            QStringLiteral("/api/v1/documents/{id}"),
            tr("One of the firm's documents: its status, type, fields and match"),
            Access::Permitted,
            Permission::AccountRead,
            {},
            QStringLiteral("Document"),
            200,
            { core::ErrorCode::NotFound, core::ErrorCode::StorageUnavailable } },
          [this](const QString &id, const Principal &principal, const QHttpServerRequest &,
                 const Later &reply) {
              withDocument(principal, id, reply, [reply](const DocumentRecord &document) {
                  reply->send(DocumentService::toJson(document), Status::Ok);
              });
          });

    // A file of a document's, read off this thread.
    const auto sendFile
        = [this](const Later &reply, const QString &path, const QByteArray &mimeType) {
              m_readers->read<QByteArray>(
                  [path](Store &) -> core::Result<QByteArray> {
                      QFile file(path);
                      if (!file.open(QIODevice::ReadOnly))
                          return core::makeError(core::ErrorCode::NotFound,
                                                 tr("That page has not been read (yet)."));
                      return file.readAll();
                  },
                  this,
                  [reply, mimeType](core::Result<QByteArray> bytes) {
                      if (!bytes)
                          return reply->fail(bytes.error());
                      reply->sendBytes(mimeType, *bytes, int(Status::Ok));
                  });
          };

    serve({ Method::Get,
            QStringLiteral("/api/v1/documents/{id}/pages/{n}"),
            tr("A page of a document as read, as PNG (at 300 dpi, the fields' boxes in its "
               "pixels)"),
            Access::Permitted,
            Permission::AccountRead,
            {},
            QStringLiteral("image/png"),
            200,
            { core::ErrorCode::NotFound } },
          [this, sendFile](const QString &id, const QString &page, const Principal &principal,
                           const QHttpServerRequest &, const Later &reply) {
              withDocument(principal, id, reply,
                           [this, reply, page, sendFile](const DocumentRecord &document) {
                               bool numeric = false;
                               const int number = page.toInt(&numeric);
                               if (!numeric || number < 1 || number > document.pages) {
                                   return reply->fail(core::makeError(
                                       core::ErrorCode::NotFound,
                                       tr("The document has no page %1.").arg(page)));
                               }
                               // A text-layer page's image may not be rendered yet: it
                               // is, now, and sent once written.
                               m_documents->pageImage(
                                   document, number, [reply, sendFile](core::Result<QString> path) {
                                       if (!path)
                                           return reply->fail(path.error());
                                       sendFile(reply, *path, QByteArrayLiteral("image/png"));
                                   });
                           });
          });

    serve({ Method::Get,
            QStringLiteral("/api/v1/documents/{id}/original"),
            tr("The document as uploaded"),
            Access::Permitted,
            Permission::AccountRead,
            {},
            QStringLiteral("application/pdf|image/png|image/jpeg|image/tiff"),
            200,
            { core::ErrorCode::NotFound } },
          [this, sendFile](const QString &id, const Principal &principal,
                           const QHttpServerRequest &, const Later &reply) {
              withDocument(principal, id, reply,
                           [this, reply, sendFile](const DocumentRecord &document) {
                               sendFile(reply, m_documents->originalPath(document.sha256),
                                        document.contentType.toLatin1());
                           });
          });

    serve({ Method::Delete,
            QStringLiteral("/api/v1/documents/{id}"),
            tr("Deletes one of the firm's documents, unless a deal was booked from it"),
            Access::Permitted,
            Permission::DocumentsUpload,
            {},
            QStringLiteral("Deleted"),
            200,
            { core::ErrorCode::NotFound, core::ErrorCode::DocumentLinked } },
          [this](const QString &id, const Principal &principal, const QHttpServerRequest &,
                 const Later &reply) {
              withDocument(principal, id, reply, [this, reply](const DocumentRecord &document) {
                  m_documents->remove(document, [reply](core::Result<void> removed) {
                      if (!removed)
                          return reply->fail(removed.error());
                      reply->send(QJsonObject { { QStringLiteral("deleted"), true } }, Status::Ok);
                  });
              });
          });

    serve({ Method::Post,
            QStringLiteral("/api/v1/documents/{id}/review"),
            tr("Accepts a confirmation's match or rejects the document"),
            Access::Permitted,
            Permission::DealsBook,
            QStringLiteral("DocumentReview"),
            QStringLiteral("Document"),
            200,
            { core::ErrorCode::NotFound } },
          [this](const QString &id, const Principal &principal, const QHttpServerRequest &request,
                 const Later &reply) {
              core::Result<QJsonObject> body = jsonBody(request);
              if (!body)
                  return reply->fail(body.error());
              protocol::ObjectReader reader(*body);
              const QString decision = reader.enumeration<QString>(
                  QStringLiteral("decision"),
                  [](QStringView text) -> std::optional<QString> {
                      if (text == u"accept" || text == u"reject")
                          return text.toString();
                      return std::nullopt;
                  },
                  QStringLiteral("accept, reject"));
              if (core::Result<void> done = reader.finish(); !done)
                  return reply->fail(done.error());
              withDocument(
                  principal, id, reply,
                  [this, reply, decision, principal](const DocumentRecord &document) {
                      if (decision == u"accept" && document.matchState != u"matched") {
                          return reply->fail(core::makeError(
                              core::ErrorCode::InvalidRequest,
                              tr("Only a match can be accepted; this document's is "
                                 "%1.")
                                  .arg(document.matchState.isEmpty() ? document.status
                                                                     : document.matchState)));
                      }
                      m_documents->rematch(document,
                                           decision == u"accept" ? QStringLiteral("accepted")
                                                                 : QStringLiteral("rejected"),
                                           [reply](core::Result<DocumentRecord> reviewed) {
                                               if (!reviewed)
                                                   return reply->fail(reviewed.error());
                                               reply->send(DocumentService::toJson(*reviewed),
                                                           Status::Ok);
                                           });
                  });
          });

    serve(
        { Method::Post,
          QStringLiteral("/api/v1/documents/{id}/book"),
          tr("Books an unmatched confirmation as a deal, with the fields corrected by hand "
             "(each correction in the audit log)"),
          Access::Permitted,
          Permission::DealsBook,
          QStringLiteral("DocumentBooking"),
          QStringLiteral("Deal"),
          201,
          { core::ErrorCode::NotFound, core::ErrorCode::UnknownSymbol,
            core::ErrorCode::DocumentBooked } },
        [this](const QString &id, const Principal &principal, const QHttpServerRequest &request,
               const Later &reply) {
            core::Result<QJsonObject> body = jsonBody(request);
            if (!body)
                return reply->fail(body.error());
            withDocument(
                principal, id, reply,
                [this, reply, principal, body = *body](const DocumentRecord &document) {
                    if (document.type != u"confirmation" || document.status != u"processed") {
                        return reply->fail(core::makeError(
                            core::ErrorCode::InvalidRequest,
                            tr("Only a confirmation that was read can be booked.")));
                    }
                    if (document.matchState == u"matched") {
                        return reply->fail(core::makeError(
                            core::ErrorCode::DocumentBooked,
                            tr("The confirmation matches a deal or trade already: accept the "
                               "match instead.")));
                    }
                    const QString firm = document.owner.startsWith(u"firm:") ? document.owner.mid(5)
                                                                             : principal.username;
                    core::Result<BookingFields> fields = bookingFields(document, body, firm);
                    if (!fields)
                        return reply->fail(fields.error());
                    core::Result<protocol::NewDeal> terms
                        = protocol::NewDeal::fromJson(fields->deal);
                    if (!terms)
                        return reply->fail(terms.error());
                    m_orders.bookDeal(principal, *terms, fields->corrections,
                                      [this, reply, document](core::Result<protocol::Deal> deal) {
                                          if (!deal)
                                              return reply->fail(deal.error());
                                          // The document now matches the deal booked from it.
                                          m_documents->rematch(
                                              document, QStringLiteral("booked"),
                                              [reply, deal = *deal](core::Result<DocumentRecord>) {
                                                  reply->send(deal.toJson(), Status::Created);
                                              });
                                      });
                });
        });
}

} // namespace qx::server
