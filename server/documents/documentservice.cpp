#include "server/documents/documentservice.h"

#include "core/documents/contract.h"
#include "core/documents/extraction.h"
#include "core/documents/reconciliation.h"
#include "core/protocol/messages.h"
#include "server/storage/store.h"
#include "server/storage/storereaders.h"

#include <QDebug>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTimeZone>

#include <algorithm>

namespace qx::server {

namespace documents = core::documents;

namespace {

QJsonObject fieldJson(const documents::Field &field)
{
    return { { QStringLiteral("value"), field.value },
             { QStringLiteral("confidence"), std::round(field.confidence * 1000) / 1000 },
             { QStringLiteral("page"), field.page },
             { QStringLiteral("box"),
               QJsonArray { field.box.x(), field.box.y(), field.box.width(),
                            field.box.height() } } };
}

QMap<QString, documents::Field> fieldsOf(const QJsonObject &json)
{
    QMap<QString, documents::Field> fields;
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        const QJsonObject field = it.value().toObject();
        const QJsonArray box = field.value(u"box").toArray();
        fields.insert(
            it.key(),
            { field.value(u"value").toString(), field.value(u"confidence").toDouble(),
              field.value(u"page").toInt(),
              QRect(box.at(0).toInt(), box.at(1).toInt(), box.at(2).toInt(), box.at(3).toInt()) });
    }
    return fields;
}

QJsonObject matchJson(const documents::MatchResult &result)
{
    QJsonArray candidates;
    for (const documents::Candidate &candidate : result.candidates) {
        candidates.append(QJsonObject {
            { QStringLiteral("id"), candidate.id },
            { QStringLiteral("kind"), candidate.kind },
            { QStringLiteral("symbol"), candidate.symbol },
            { QStringLiteral("side"), candidate.side },
            { QStringLiteral("quantity"), candidate.quantity.toString() },
            { QStringLiteral("price"), candidate.price.toString() },
            { QStringLiteral("trade_date"), candidate.tradeDate.toString(Qt::ISODate) } });
    }
    QJsonArray differences;
    for (const documents::Difference &difference : result.differences) {
        differences.append(QJsonObject { { QStringLiteral("field"), difference.field },
                                         { QStringLiteral("document"), difference.document },
                                         { QStringLiteral("booked"), difference.booked } });
    }
    QJsonObject json { { QStringLiteral("state"), documents::toString(result.state) },
                       { QStringLiteral("candidates"), candidates },
                       { QStringLiteral("differences"), differences } };
    if (!result.reason.isEmpty())
        json.insert(QStringLiteral("reason"), result.reason);
    return json;
}

// The firm a document's owner names on a confirmation: "firm:NAME" is NAME.
QString firmOf(const QString &owner, const QString &uploader)
{
    return owner.startsWith(u"firm:") ? owner.mid(5) : uploader;
}

} // namespace

QString documentOwner(std::int64_t userId, const QString &counterparty)
{
    return counterparty.isEmpty() ? QStringLiteral("user:%1").arg(userId)
                                  : QStringLiteral("firm:") + counterparty;
}

struct DocumentService::Reading
{
    DocumentRecord document;
    QList<std::optional<DocumentPage>> pages;
    int left = 0;
    QString failure;
    QList<int> unrendered; ///< text-layer pages whose image is not written yet
};

DocumentService::DocumentService(Options options, OcrWorkers &workers, StoreReaders &readers,
                                 core::ProductCatalog catalog, InstrumentOf instrumentOf,
                                 QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_workers(workers)
    , m_readers(readers)
    , m_catalog(std::move(catalog))
    , m_instrumentOf(std::move(instrumentOf))
{
    for (const char *folder : { "incoming", "objects", "pages", "unrendered" })
        QDir().mkpath(m_options.root + u'/' + QLatin1StringView(folder));
    // What an upload cut off by a crash left behind.
    QDir incoming(m_options.root + QStringLiteral("/incoming"));
    for (const QString &name : incoming.entryList(QDir::Files))
        incoming.remove(name);
}

DocumentService::~DocumentService() = default;

QString DocumentService::incomingPath(const QString &name) const
{
    return m_options.root + u"/incoming/" + name;
}

QString DocumentService::originalPath(const QString &sha256) const
{
    return m_options.root + u"/objects/" + sha256.left(2) + u'/' + sha256;
}

QString DocumentService::pagePath(const QString &sha256, int page) const
{
    return m_options.root + u"/pages/" + sha256 + u'/' + QString::number(page) + u".png";
}

QString DocumentService::unrenderedPath(const QString &sha256) const
{
    return m_options.root + u"/unrendered/" + sha256;
}

void DocumentService::pageImage(const DocumentRecord &document, int page,
                                std::function<void(Result<QString>)> done)
{
    const QString path = pagePath(document.sha256, page);
    if (QFileInfo::exists(path))
        return done(path);
    if (!QFileInfo::exists(originalPath(document.sha256))) // another server's, in a cluster
        return done(
            core::makeError(core::ErrorCode::NotFound, tr("That page has not been read (yet).")));
    QDir().mkpath(QFileInfo(path).path());
    render(document.sha256, document.contentType, page, OcrWorkers::Priority::Now, std::move(done));
}

void DocumentService::render(const QString &sha256, const QString &contentType, int page,
                             OcrWorkers::Priority priority,
                             std::function<void(Result<QString>)> done)
{
    const QString path = pagePath(sha256, page);
    const bool now = priority == OcrWorkers::Priority::Now;
    if (const auto under = m_renders.find(path); under != m_renders.end()) {
        if (done)
            under->waiting.append(std::move(done));
        if (now && !std::exchange(under->now, true))
            m_workers.hurry(under->request);
        return;
    }
    Render &started = m_renders[path];
    started.sha256 = sha256;
    started.now = now;
    if (done)
        started.waiting.append(std::move(done));
    started.request = m_workers.renderPage(
        originalPath(sha256), contentType, page, path, priority,
        [this, path, page](Result<void> rendered) {
            const Render finished = m_renders.take(path);
            if (!rendered)
                qWarning().noquote() << "Cannot render page" << page << "of document"
                                     << finished.sha256 << rendered.error().message;
            const bool more
                = std::any_of(m_renders.cbegin(), m_renders.cend(),
                              [&finished](const Render &r) { return r.sha256 == finished.sha256; });
            if (!more)
                QFile::remove(
                    unrenderedPath(finished.sha256)); // rendered, or asked for when needed
            for (const auto &waiting : finished.waiting) {
                if (rendered)
                    waiting(path);
                else
                    waiting(rendered.error());
            }
        });
}

void DocumentService::resumeRenders()
{
    // Text-layer pages of documents processed before a stop whose images were not rendered.
    QDir folder(m_options.root + QStringLiteral("/unrendered"));
    for (const QString &sha256 : folder.entryList(QDir::Files)) {
        QFile file(folder.filePath(sha256));
        const QJsonObject noted = file.open(QIODevice::ReadOnly)
            ? QJsonDocument::fromJson(file.readAll()).object()
            : QJsonObject();
        file.close();
        if (!QFileInfo::exists(originalPath(sha256))) {
            file.remove(); // deleted meanwhile
            continue;
        }
        bool any = false;
        for (const QJsonValue &page : noted.value(u"pages").toArray()) {
            if (QFileInfo::exists(pagePath(sha256, page.toInt())))
                continue;
            QDir().mkpath(QFileInfo(pagePath(sha256, page.toInt())).path());
            render(sha256, noted.value(u"content_type").toString(), page.toInt(),
                   OcrWorkers::Priority::Background);
            any = true;
        }
        if (!any)
            file.remove();
    }
}

Result<void> DocumentService::resume(Store &store)
{
    Result<QList<DocumentRecord>> pending = store.pendingDocuments();
    if (!pending)
        return pending.error();
    // Only those this server took: their originals are in its data directory (in a cluster
    // the others read their own).
    qsizetype resumed = 0;
    for (const DocumentRecord &document : std::as_const(*pending)) {
        if (!QFileInfo::exists(originalPath(document.sha256)))
            continue;
        enqueue(document);
        ++resumed;
    }
    if (resumed > 0)
        qInfo().noquote() << "Reading" << resumed
                          << "documents again that were queued or being read.";
    resumeRenders();
    return {};
}

void DocumentService::store(std::function<Result<void>(Store &)> write,
                            std::function<void(Result<void>)> done)
{
    m_readers.read<bool>(
        [write = std::move(write)](Store &store) -> Result<bool> {
            if (Result<void> written = write(store); !written)
                return written.error();
            return true;
        },
        this,
        [done = std::move(done)](Result<bool> written) {
            if (!written)
                return done(written.error());
            done({});
        });
}

void DocumentService::accept(const Upload &upload,
                             std::function<void(Result<std::pair<DocumentRecord, bool>>)> done)
{
    m_workers.countPages(upload.file, upload.contentType, [this, upload, done](Result<int> pages) {
        if (!pages && pages.error().is(core::ErrorCode::TooManyPages)) {
            QFile::remove(upload.file);
            return done(pages.error());
        }
        // Kept by its content: the same bytes are stored once.
        const QString original = originalPath(upload.sha256);
        QDir().mkpath(QFileInfo(original).path());
        const bool kept = QFileInfo::exists(original) || QFile::rename(upload.file, original);
        QFile::remove(upload.file); // the same bytes were kept before, or it was moved
        if (!kept)
            return done(
                core::makeError(core::ErrorCode::IoError, tr("The document could not be stored.")));
        DocumentRecord document;
        document.owner = upload.owner;
        document.sha256 = upload.sha256;
        document.uploadedBy = upload.userId;
        document.filename = upload.filename;
        document.contentType = upload.contentType;
        document.size = upload.size;
        document.uploadedAt = upload.at;
        const QString unreadable = pages ? QString() : pages.error().message;
        m_readers.read<std::pair<DocumentRecord, bool>>(
            [document, unreadable](Store &store) -> Result<std::pair<DocumentRecord, bool>> {
                Result<std::pair<DocumentRecord, bool>> added = store.addDocument(document);
                if (!added || !added->second || unreadable.isEmpty())
                    return added;
                // Not the file it claims to be, damaged, a bomb: failed at once, with why.
                if (Result<void> failed = store.setDocumentStatus(
                        added->first.id, QStringLiteral("failed"), unreadable);
                    !failed)
                    return failed.error();
                added->first.status = QStringLiteral("failed");
                added->first.reason = unreadable;
                return added;
            },
            this,
            [this, done](Result<std::pair<DocumentRecord, bool>> added) {
                if (added && added->second) {
                    Q_EMIT documentEvent(added->first.status == u"failed"
                                             ? QStringLiteral("document.failed")
                                             : QStringLiteral("document.queued"),
                                         added->first);
                    if (added->first.status != u"failed")
                        enqueue(added->first);
                }
                done(std::move(added));
            });
    });
}

void DocumentService::remove(const DocumentRecord &document, std::function<void(Result<void>)> done)
{
    m_readers.read<bool>(
        [id = document.id](Store &store) { return store.deleteDocument(id); }, this,
        [this, document, done](Result<bool> shared) {
            if (!shared)
                return done(shared.error());
            if (!*shared) {
                QFile::remove(originalPath(document.sha256));
                QFile::remove(unrenderedPath(document.sha256));
                QDir(m_options.root + u"/pages/" + document.sha256).removeRecursively();
            }
            Q_EMIT documentEvent(QStringLiteral("document.deleted"), document);
            done({});
        });
}

void DocumentService::enqueue(DocumentRecord document)
{
    m_queue.push_back(std::move(document));
    next();
}

void DocumentService::next()
{
    while (m_reading < m_options.concurrent && !m_queue.empty()) {
        DocumentRecord document = std::move(m_queue.front());
        m_queue.pop_front();
        ++m_reading;
        read(std::move(document));
    }
}

void DocumentService::read(DocumentRecord document)
{
    document.status = QStringLiteral("processing");
    store(
        [id = document.id](Store &store) {
            return store.setDocumentStatus(id, QStringLiteral("processing"), {});
        },
        [this, document](Result<void> marked) {
            if (!marked) {
                qWarning().noquote() << "Cannot mark document" << document.id
                                     << "as being read:" << marked.error().message;
            }
            Q_EMIT documentEvent(QStringLiteral("document.processing"), document);
            m_workers.countPages(originalPath(document.sha256), document.contentType,
                                 [this, document](Result<int> pages) {
                                     if (!pages)
                                         return fail(document, pages.error().message);
                                     auto reading = std::make_shared<Reading>();
                                     reading->document = document;
                                     reading->document.pages = *pages;
                                     reading->pages.resize(*pages);
                                     reading->left = *pages;
                                     readPages(reading);
                                 });
        });
}

void DocumentService::readPages(const std::shared_ptr<Reading> &reading)
{
    if (reading->left == 0)
        return conclude(reading); // an empty document reads as nothing
    const DocumentRecord &document = reading->document;
    QDir().mkpath(m_options.root + u"/pages/" + document.sha256);
    // Every page at once: the workers take them in parallel, one per core. A scan's image
    // is written as it is OCR'd; a text-layer page is not rendered now (that costs ten times
    // its reading) but once the document is processed, behind the reading.
    for (int number = 1; number <= document.pages; ++number) {
        m_workers.readPage(
            originalPath(document.sha256), document.contentType, number,
            pagePath(document.sha256, number),
            [this, reading, number](Result<OcrWorkers::Page> page) {
                if (page) {
                    reading->pages[number - 1]
                        = DocumentPage { number, page->textLayer, page->skewDegrees, page->words };
                    if (!page->imageWritten)
                        reading->unrendered.append(number);
                } else if (reading->failure.isEmpty()) {
                    reading->failure = tr("Page %1: %2").arg(number).arg(page.error().message);
                }
                if (--reading->left == 0)
                    conclude(reading);
            },
            OcrWorkers::Image::IfOcr);
    }
}

void DocumentService::conclude(const std::shared_ptr<Reading> &reading)
{
    DocumentRecord document = reading->document;
    if (!reading->failure.isEmpty())
        return fail(document, reading->failure);
    if (!reading->unrendered.isEmpty()) {
        // Noted first, so that a stop before they are rendered renders them at the next start.
        std::sort(reading->unrendered.begin(), reading->unrendered.end());
        QJsonArray numbers;
        for (const int number : std::as_const(reading->unrendered))
            numbers.append(number);
        QSaveFile noted(unrenderedPath(document.sha256));
        if (!noted.open(QIODevice::WriteOnly)
            || noted.write(QJsonDocument(QJsonObject { { QStringLiteral("content_type"),
                                                         document.contentType },
                                                       { QStringLiteral("pages"), numbers } })
                               .toJson(QJsonDocument::Compact))
                < 0
            || !noted.commit())
            qWarning().noquote() << "Cannot note the pages of document" << document.id
                                 << "still to be rendered (rendered when asked for)";
        for (const int number : std::as_const(reading->unrendered))
            render(document.sha256, document.contentType, number, OcrWorkers::Priority::Background);
    }
    QList<documents::Word> words;
    QList<DocumentPage> pages;
    for (const std::optional<DocumentPage> &page : std::as_const(reading->pages)) {
        words += page->words;
        pages.append(*page);
    }
    documents::Extraction extraction = documents::extractFields(words);
    if (extraction.type == documents::DocumentType::Confirmation) {
        if (const std::optional<QString> symbol
            = documents::resolveSymbol(extraction.fields, m_catalog)) {
            // As sure as the least sure field it was made of.
            double confidence = 1;
            for (const char *name :
                 { "delivery_point", "commodity", "delivery_start", "delivery_end" })
                confidence = std::min(confidence,
                                      extraction.fields.value(QLatin1StringView(name)).confidence);
            const documents::Field &start
                = extraction.fields.value(QStringLiteral("delivery_start"));
            extraction.fields.insert(QStringLiteral("symbol"),
                                     { *symbol, confidence, start.page, start.box });
        }
    }
    document.type = documents::toString(extraction.type);
    document.fields = {};
    for (auto field = extraction.fields.cbegin(); field != extraction.fields.cend(); ++field)
        document.fields.insert(field.key(), fieldJson(*field));
    document.status = QStringLiteral("processed");
    document.processedAt = QDateTime::currentDateTimeUtc();
    match(document, [this, pages](Result<DocumentRecord> matched) {
        if (!matched) {
            --m_reading;
            qWarning().noquote() << "Cannot match a document (it is read again at the next "
                                    "start):"
                                 << matched.error().message;
            return next();
        }
        const DocumentRecord document = *matched;
        store(
            [document, pages](Store &store) { return store.saveDocumentReading(document, pages); },
            [this, document](Result<void> saved) {
                --m_reading;
                if (saved)
                    Q_EMIT documentEvent(QStringLiteral("document.processed"), document);
                else
                    qWarning().noquote()
                        << "Cannot store what was read of document" << document.id
                        << "(read again at the next start):" << saved.error().message;
                next();
            });
    });
}

void DocumentService::fail(DocumentRecord document, const QString &reason)
{
    document.status = QStringLiteral("failed");
    document.reason = reason;
    store(
        [id = document.id, reason](Store &store) {
            return store.setDocumentStatus(id, QStringLiteral("failed"), reason);
        },
        [this, document](Result<void> saved) {
            --m_reading;
            if (saved)
                Q_EMIT documentEvent(QStringLiteral("document.failed"), document);
            next();
        });
}

void DocumentService::match(DocumentRecord document,
                            std::function<void(Result<DocumentRecord>)> done)
{
    const QString symbol = fieldValue(document, QStringLiteral("symbol"));
    if (document.type == u"invoice")
        return reconcile(std::move(document), std::move(done));
    if (document.type != u"confirmation") {
        document.matchState.clear();
        document.match = {};
        return done(document);
    }
    struct Booked
    {
        QList<DealRecord> deals;
        QList<core::protocol::Trade> trades;
    };
    // The owner's deals and order-book trades in the contract, read off this thread.
    m_readers.read<Booked>(
        [owner = document.owner, symbol](Store &store) -> Result<Booked> {
            Booked booked;
            if (symbol.isEmpty())
                return booked;
            DealStore::DealQuery deals;
            QList<std::int64_t> members;
            if (owner.startsWith(u"firm:")) {
                deals.firm = owner.mid(5);
                Result<QList<std::int64_t>> firm = store.counterpartyMembers(deals.firm);
                if (!firm)
                    return firm.error();
                members = *firm;
            } else {
                deals.userId = owner.mid(5).toLongLong();
                members = { deals.userId };
            }
            deals.symbol = symbol;
            deals.status = core::protocol::DealStatus::Live;
            Result<QList<DealRecord>> live = store.deals(deals);
            if (!live)
                return live.error();
            booked.deals = *live;
            for (const std::int64_t member : std::as_const(members)) {
                Result<QList<core::protocol::Trade>> fills = store.trades(member);
                if (!fills)
                    return fills.error();
                for (const core::protocol::Trade &fill : std::as_const(*fills)) {
                    if (fill.symbol == symbol)
                        booked.trades.append(fill);
                }
            }
            return booked;
        },
        this,
        [this, document, symbol, done](Result<Booked> booked) mutable {
            if (!booked)
                return done(booked.error());
            const std::optional<core::Instrument> instrument
                = symbol.isEmpty() ? std::nullopt : m_instrumentOf(symbol);
            const QString unit = instrument ? core::toString(instrument->unit) : QString();
            const QTimeZone zone(instrument ? instrument->timeZone : QByteArray("UTC"));
            QList<documents::Candidate> candidates;
            for (const DealRecord &deal : std::as_const(booked->deals)) {
                const core::protocol::NewDeal &terms = deal.deal.terms;
                candidates.append({ deal.deal.id, QStringLiteral("deal"), terms.symbol,
                                    core::protocol::toString(terms.side), terms.counterparty,
                                    terms.tradeDate, terms.quantity.decimal(), unit,
                                    terms.price.decimal() });
            }
            for (const core::protocol::Trade &fill : std::as_const(booked->trades)) {
                candidates.append({ fill.id, QStringLiteral("trade"), fill.symbol,
                                    core::protocol::toString(fill.side), QString(),
                                    fill.time.toTimeZone(zone).date(), fill.quantity.decimal(),
                                    unit, fill.price.decimal() });
            }
            const documents::MatchResult result = documents::matchConfirmation(
                fieldsOf(document.fields), firmOf(document.owner, document.uploadedByName),
                candidates, m_options.tolerance);
            document.matchState = documents::toString(result.state);
            document.match = matchJson(result);
            done(document);
        });
}

void DocumentService::reconcile(DocumentRecord document,
                                std::function<void(Result<DocumentRecord>)> done)
{
    // The owner's live deals, read off this thread; those with the invoice's other party
    // inside its period count (order-book trades have no counterparty to invoice them).
    DealStore::DealQuery query;
    if (document.owner.startsWith(u"firm:"))
        query.firm = document.owner.mid(5);
    else
        query.userId = document.owner.mid(5).toLongLong();
    query.status = core::protocol::DealStatus::Live;
    m_readers.read<QList<DealRecord>>(
        [query](Store &store) { return store.deals(query); }, this,
        [this, document, done](Result<QList<DealRecord>> deals) mutable {
            if (!deals)
                return done(deals.error());
            QList<documents::Delivered> delivered;
            for (const DealRecord &deal : std::as_const(*deals)) {
                const core::protocol::NewDeal &terms = deal.deal.terms;
                const std::optional<core::Instrument> instrument = m_instrumentOf(terms.symbol);
                if (!instrument)
                    continue; // delivered long ago: no longer listed
                delivered.append({ { deal.deal.id, QStringLiteral("deal"), terms.symbol,
                                     core::protocol::toString(terms.side), terms.counterparty,
                                     terms.tradeDate, terms.quantity.decimal(),
                                     core::toString(instrument->unit), terms.price.decimal() },
                                   *instrument });
            }
            const documents::Reconciliation result = documents::reconcileInvoice(
                fieldsOf(document.fields), firmOf(document.owner, document.uploadedByName),
                delivered);
            const auto difference = [](const std::optional<core::Decimal> &value) {
                return value ? QJsonValue(value->toString()) : QJsonValue();
            };
            QJsonObject json {
                { QStringLiteral("expected_quantity"), result.expectedQuantity.toString() },
                { QStringLiteral("unit"), result.unit },
                { QStringLiteral("expected_amount"), result.expectedAmount.toString() },
                { QStringLiteral("currency"), result.currency },
                { QStringLiteral("quantity_difference"), difference(result.quantityDifference) },
                { QStringLiteral("amount_difference"), difference(result.amountDifference) },
                { QStringLiteral("counted"), QJsonArray::fromStringList(result.counted) }
            };
            if (!result.reason.isEmpty())
                json.insert(QStringLiteral("reason"), result.reason);
            // Matched when every figure the invoice states agrees; a break when one differs;
            // unmatched when no deal counted or nothing could be compared.
            const bool compared = result.quantityDifference || result.amountDifference;
            const bool agrees = (!result.quantityDifference || result.quantityDifference->isZero())
                && (!result.amountDifference || result.amountDifference->isZero());
            document.matchState = result.counted.isEmpty() || !compared
                ? QStringLiteral("unmatched")
                : agrees ? QStringLiteral("matched")
                         : QStringLiteral("break");
            document.match = json;
            done(document);
        });
}

void DocumentService::rematch(DocumentRecord document, const QString &review,
                              std::function<void(Result<DocumentRecord>)> done)
{
    match(std::move(document), [this, review, done](Result<DocumentRecord> matched) {
        if (!matched)
            return done(matched.error());
        DocumentRecord document = *matched;
        document.review = review;
        store([document](Store &store) { return store.saveDocumentReview(document); },
              [this, document, done](Result<void> saved) {
                  if (!saved)
                      return done(saved.error());
                  Q_EMIT documentEvent(QStringLiteral("document.reviewed"), document);
                  done(document);
              });
    });
}

QString DocumentService::fieldValue(const DocumentRecord &document, const QString &name)
{
    return document.fields.value(name).toObject().value(u"value").toString();
}

QJsonObject DocumentService::toJson(const DocumentRecord &document)
{
    QJsonObject json { { QStringLiteral("id"), QString::number(document.id) },
                       { QStringLiteral("status"), document.status },
                       { QStringLiteral("type"), document.type },
                       { QStringLiteral("pages"), document.pages },
                       { QStringLiteral("filename"), document.filename },
                       { QStringLiteral("content_type"), document.contentType },
                       { QStringLiteral("size"), document.size },
                       { QStringLiteral("sha256"), document.sha256 },
                       { QStringLiteral("uploaded_by"), document.uploadedByName },
                       { QStringLiteral("uploaded_at"),
                         core::protocol::toWireTime(document.uploadedAt) },
                       { QStringLiteral("fields"), document.fields } };
    if (!document.reason.isEmpty())
        json.insert(QStringLiteral("reason"), document.reason);
    if (!document.matchState.isEmpty()) {
        QJsonObject match = document.match;
        match.insert(QStringLiteral("state"), document.matchState);
        json.insert(QStringLiteral("match"), match);
    }
    if (!document.review.isEmpty())
        json.insert(QStringLiteral("review"), document.review);
    if (document.processedAt.isValid())
        json.insert(QStringLiteral("processed_at"),
                    core::protocol::toWireTime(document.processedAt));
    return json;
}

} // namespace qx::server
