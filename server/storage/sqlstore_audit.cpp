// SqlStore, audit (AuditStore): the chained audit log and the trading commands' chains.

#include "server/storage/sqlstore.h"

#include "server/storage/sqlstore_p.h"

#include <QCryptographicHash>

#include <openssl/evp.h>

#include <limits>

namespace qx::server {

namespace protocol = core::protocol;
using namespace sqlstore;

QByteArray SqlStore::auditHash(const QByteArray &previous, const AuditEntry &entry)
{
    // Each field with its length first: no two different entries hash alike. Built in one
    // buffer and hashed at once (a trading batch hashes hundreds).
    QByteArray buffer;
    buffer.reserve(previous.size() + 256);
    const auto add = [&buffer](QByteArrayView field) {
        buffer.append(QByteArray::number(field.size())).append(':').append(field);
    };
    add(previous);
    add(QByteArray::number(entry.id));
    add(QByteArray::number(entry.at.toMSecsSinceEpoch()));
    for (const QString *field :
         { &entry.actor, &entry.source, &entry.action, &entry.target, &entry.detail })
        add(field->toUtf8());
    // OpenSSL's SHA-256 (SHA-NI where the CPU has it): several times Qt's own, and a trading
    // batch hashes its commands whole.
    QByteArray digest(32, Qt::Uninitialized);
    unsigned int length = 0;
    if (EVP_Digest(buffer.constData(), std::size_t(buffer.size()),
                   reinterpret_cast<unsigned char *>(digest.data()), &length, EVP_sha256(), nullptr)
        != 1)
        return QCryptographicHash::hash(buffer, QCryptographicHash::Sha256); // the same value
    return digest;
}

Result<void> SqlStore::appendAudit(const AuditEntry &entry)
{
    Result<AuditEntry> appended = appendAuditEntry(entry);
    if (!appended)
        return appended.error();
    return {};
}

Result<void> SqlStore::appendAudit(const QList<AuditEntry> &entries)
{
    return inTransaction(*m_database, [&]() -> Result<void> {
        for (const AuditEntry &entry : entries) {
            if (Result<AuditEntry> appended = appendAuditRow(entry); !appended)
                return appended.error();
        }
        return {};
    });
}

Result<AuditEntry> SqlStore::appendAuditEntry(const AuditEntry &entry)
{
    return inTransaction(*m_database, [&] { return appendAuditRow(entry); });
}

Result<AuditEntry> SqlStore::appendAuditRow(const AuditEntry &entry)
{
    if (Result<void> locked = m_database->lockForTransaction(kAuditLock); !locked)
        return locked.error();
    Result<std::optional<std::pair<std::int64_t, QByteArray>>> last
        = findOne<std::pair<std::int64_t, QByteArray>>(
            m_database->query("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"),
            [](const SqlRows &row) { return std::pair(row.int64(0), row.blob(1)); });
    if (!last)
        return last.error();
    AuditEntry stored = entry;
    stored.id = *last ? (*last)->first + 1 : 1;
    stored.at = m_clock->nowUtc();
    stored.hash = auditHash(*last ? (*last)->second : QByteArray(), stored);
    if (Result<void> inserted = m_database->run(
            "INSERT INTO audit_log (id, at_ms, actor, source, action, target, detail, hash) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            stored.id, stored.at.toMSecsSinceEpoch(), stored.actor, stored.source, stored.action,
            stored.target, stored.detail, stored.hash);
        !inserted)
        return inserted.error();
    return stored;
}

Result<QList<AuditEntry>> SqlStore::auditEntries(std::int64_t afterId, int limit)
{
    return collect<AuditEntry>(
        m_database->query("SELECT id, at_ms, actor, source, action, target, detail, hash "
                          "FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2",
                          afterId, limit),
        [](const SqlRows &row) {
            return AuditEntry { row.int64(0), QDateTime::fromMSecsSinceEpoch(row.int64(1), Qt::UTC),
                                row.text(2),  row.text(3),
                                row.text(4),  row.text(5),
                                row.text(6),  row.blob(7) };
        });
}

Result<std::optional<std::int64_t>> SqlStore::verifyAudit()
{
    QByteArray previous;
    std::int64_t expectedId = 1;
    for (std::int64_t after = 0;;) {
        Result<QList<AuditEntry>> page = auditEntries(after, 1000);
        if (!page)
            return page.error();
        if (page->isEmpty())
            return std::optional<std::int64_t>();
        for (const AuditEntry &entry : std::as_const(*page)) {
            if (entry.id != expectedId || auditHash(previous, entry) != entry.hash)
                return std::optional(entry.id == expectedId ? entry.id : expectedId);
            previous = entry.hash;
            ++expectedId;
        }
        after = page->last().id;
    }
}

Result<std::optional<QString>> SqlStore::verifyOrderAudit()
{
    // Each chain from its anchor in audit_log, numbered from 1 without gaps.
    Result<QList<std::pair<std::int64_t, QByteArray>>> anchors
        = collect<std::pair<std::int64_t, QByteArray>>(
            m_database->query("SELECT id, hash FROM audit_log "
                              "WHERE action = 'order_chain_started' ORDER BY id"),
            [](const SqlRows &row) { return std::pair(row.int64(0), row.blob(1)); });
    if (!anchors)
        return anchors.error();
    QHash<std::int64_t, QByteArray> heads;
    for (const auto &[id, hash] : std::as_const(*anchors))
        heads.insert(id, hash);
    QHash<std::int64_t, std::int64_t> numbers;
    // A page at a time from where the last one ended (by key, not OFFSET, which would read
    // every earlier row again and make a long log quadratic to verify).
    std::int64_t lastChain = std::numeric_limits<std::int64_t>::min();
    std::int64_t lastSeq = 0;
    for (;;) {
        Result<QList<std::pair<std::int64_t, AuditEntry>>> page
            = collect<std::pair<std::int64_t, AuditEntry>>(
                m_database->query("SELECT chain, seq, at_ms, commands, detail, hash "
                                  "FROM order_audit WHERE chain > $1 OR (chain = $1 AND seq > $2) "
                                  "ORDER BY chain, seq LIMIT 1000",
                                  lastChain, lastSeq),
                [](const SqlRows &row) {
                    AuditEntry entry = orderAuditEntry(
                        row.int64(1), QDateTime::fromMSecsSinceEpoch(row.int64(2), Qt::UTC),
                        row.int64(3), row.text(4));
                    entry.hash = row.blob(5);
                    return std::pair(row.int64(0), entry);
                });
        if (!page)
            return page.error();
        if (page->isEmpty())
            return std::optional<QString>();
        for (const auto &[chain, entry] : std::as_const(*page)) {
            const auto head = heads.find(chain);
            const std::int64_t expected = numbers.value(chain) + 1;
            if (head == heads.end() || entry.id != expected
                || auditHash(*head, entry) != entry.hash) {
                return std::optional(
                    QStringLiteral("order chain %1, entry %2").arg(chain).arg(expected));
            }
            *head = entry.hash;
            numbers.insert(chain, expected);
            lastChain = chain;
            lastSeq = entry.id;
        }
    }
}

Result<QList<AuditEntry>> SqlStore::orderAudit(const OrderAuditQuery &query)
{
    // A batch is stored after its commands were made: read from the first batch of the span
    // to a little past its end, a page of batches at a time.
    constexpr qint64 kCommitLagMs = 10'000;
    QList<AuditEntry> found;
    for (std::int64_t offset = 0; found.size() < query.limit; offset += 100) {
        Result<QList<std::pair<std::int64_t, QString>>> batches
            = collect<std::pair<std::int64_t, QString>>(
                m_database->query("SELECT seq, detail FROM order_audit WHERE at_ms BETWEEN $1 "
                                  "AND $2 ORDER BY at_ms, chain, seq LIMIT 100 OFFSET $3",
                                  query.fromMs, query.toMs + kCommitLagMs, offset),
                [](const SqlRows &row) { return std::pair(row.int64(0), row.text(1)); });
        if (!batches)
            return batches.error();
        if (batches->isEmpty())
            break;
        for (const auto &[seq, lines] : std::as_const(*batches)) {
            for (const QStringView line : QStringView(lines).split(u'\n', Qt::SkipEmptyParts)) {
                // AT_MS ACTION ORDER_ID USER ADDRESS DETAIL
                const QList<QStringView> fields = line.split(u' ');
                if (fields.size() < 5)
                    continue;
                const qint64 at = fields[0].toLongLong();
                if (at < query.fromMs || at > query.toMs
                    || (!query.orderId.isEmpty() && fields[2] != query.orderId)
                    || (!query.user.isEmpty() && fields[3] != query.user))
                    continue;
                qsizetype detailAt = 0;
                for (qsizetype i = 0; i < 5; ++i)
                    detailAt += fields[i].size() + 1;
                found.append({ seq,
                               QDateTime::fromMSecsSinceEpoch(at, Qt::UTC),
                               fields[3].toString(),
                               fields[4].toString(),
                               fields[1].toString(),
                               fields[2].toString(),
                               line.mid(detailAt).toString(),
                               {} });
                if (found.size() == query.limit)
                    return found;
            }
        }
    }
    return found;
}

} // namespace qx::server
