#include "server/api/documentupload.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QTcpSocket>

namespace qx::server {

namespace {

constexpr qint64 kChunk = 1024 * 1024;

core::Error malformed(const QString &message)
{
    return core::makeError(core::ErrorCode::InvalidRequest, message);
}

// The value of `name`="..." (or unquoted) in a header value such as Content-Disposition.
QString parameterOf(const QByteArray &header, const char *name)
{
    const QRegularExpression pattern(
        QStringLiteral("(?:^|;)\\s*%1=(?:\"([^\"]*)\"|([^;\\s]*))").arg(QLatin1StringView(name)),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(QString::fromUtf8(header));
    if (!match.hasMatch())
        return {};
    return match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
}

} // namespace

bool DocumentUpload::isDocumentType(const QString &contentType)
{
    static const QStringList types { QStringLiteral("application/pdf"), QStringLiteral("image/png"),
                                     QStringLiteral("image/jpeg"), QStringLiteral("image/tiff") };
    return types.contains(contentType.section(u';', 0, 0).trimmed().toLower());
}

QByteArray DocumentUpload::boundaryOf(const QByteArray &contentType)
{
    if (!contentType.trimmed().toLower().startsWith("multipart/form-data"))
        return {};
    return parameterOf(contentType, "boundary").toLatin1();
}

DocumentUpload::DocumentUpload(QTcpSocket *socket, qint64 length, const QString &path,
                               const QByteArray &contentType, const RequestLimits &limits,
                               Done done)
    : QObject(socket)
    , m_socket(socket)
    , m_left(length)
    , m_path(path)
    , m_contentType(contentType)
    , m_limits(limits)
    , m_done(std::move(done))
    , m_file(path)
{
    socket->setReadBufferSize(kReadBuffer);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        finish(
            core::makeError(core::ErrorCode::IoError,
                            tr("The upload could not be written: %1").arg(m_file.errorString())));
        return;
    }
    connect(socket, &QIODevice::readyRead, this, &DocumentUpload::onReadyRead);
    connect(socket, &QAbstractSocket::disconnected, this, [this] {
        finish(core::makeError(core::ErrorCode::InvalidRequest,
                               tr("The connection closed before the document was whole.")));
    });
    m_stall.setInterval(m_limits.bodyStallMs);
    connect(&m_stall, &QTimer::timeout, this, &DocumentUpload::onStall);
    m_stall.start();
    onReadyRead(); // what came with the head
}

void DocumentUpload::onReadyRead()
{
    while (m_left > 0 && m_socket->bytesAvailable() > 0) {
        const QByteArray chunk = m_socket->read(std::min(m_left, kChunk));
        if (chunk.isEmpty())
            break;
        m_hash.addData(chunk);
        if (m_file.write(chunk) != chunk.size()) {
            return finish(core::makeError(
                core::ErrorCode::IoError,
                tr("The upload could not be written: %1").arg(m_file.errorString())));
        }
        m_left -= chunk.size();
        m_progress += chunk.size();
    }
    if (m_left > 0 || m_finished)
        return;
    m_file.close();
    const QByteArray boundary = boundaryOf(m_contentType);
    if (!boundary.isEmpty())
        return finish(extractPart(m_path, m_contentType));
    finish(Received { m_path,
                      QString::fromLatin1(m_hash.result().toHex()),
                      m_file.size(),
                      QString::fromLatin1(m_contentType).section(u';', 0, 0).trimmed().toLower(),
                      {} });
}

void DocumentUpload::onStall()
{
    if (m_progress >= m_limits.minBodyProgress) {
        m_progress = 0;
        return;
    }
    finish(core::makeError(core::ErrorCode::RequestTimeout, tr("The document came too slowly.")));
}

void DocumentUpload::finish(core::Result<Received> received)
{
    if (m_finished)
        return;
    m_finished = true;
    m_stall.stop();
    disconnect(m_socket, nullptr, this, nullptr);
    if (m_file.isOpen())
        m_file.close();
    if (!received || received->path != m_path)
        QFile::remove(m_path);
    if (!received)
        QFile::remove(m_path + QStringLiteral(".part"));
    Done done = std::move(m_done);
    done(std::move(received));
}

core::Result<DocumentUpload::Received> DocumentUpload::fromFile(const QString &path,
                                                                const QByteArray &contentType)
{
    if (!boundaryOf(contentType).isEmpty())
        return extractPart(path, contentType);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return core::makeError(core::ErrorCode::IoError, file.errorString());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return Received { path,
                      QString::fromLatin1(hash.result().toHex()),
                      file.size(),
                      QString::fromLatin1(contentType).section(u';', 0, 0).trimmed().toLower(),
                      {} };
}

core::Result<DocumentUpload::Received> DocumentUpload::extractPart(const QString &path,
                                                                   const QByteArray &contentType)
{
    const QByteArray boundary = "--" + boundaryOf(contentType);
    QFile body(path);
    if (!body.open(QIODevice::ReadOnly))
        return core::makeError(core::ErrorCode::IoError, body.errorString());
    // The first part's head: --BOUNDARY CRLF headers CRLF CRLF.
    const QByteArray start = body.read(16 * 1024);
    const qsizetype first = start.indexOf(boundary);
    const qsizetype headEnd = start.indexOf("\r\n\r\n", first);
    if (first < 0 || headEnd < 0)
        return malformed(tr("The multipart body has no part."));
    QByteArray partType;
    QByteArray disposition;
    for (const QByteArray &line : start.mid(first, headEnd - first).split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed.toLower().startsWith("content-type:"))
            partType = trimmed.mid(13).trimmed();
        else if (trimmed.toLower().startsWith("content-disposition:"))
            disposition = trimmed.mid(20).trimmed();
    }
    const qint64 dataStart = headEnd + 4;
    // Its end: the next delimiter, CRLF --BOUNDARY, found chunk by chunk (overlapping by the
    // delimiter's length, so one split between chunks is found).
    const QByteArray delimiter = "\r\n" + boundary;
    qint64 dataEnd = -1;
    for (qint64 at = dataStart; at < body.size() && dataEnd < 0; at += kChunk - delimiter.size()) {
        body.seek(at);
        const QByteArray chunk = body.read(kChunk);
        const qsizetype found = chunk.indexOf(delimiter);
        if (found >= 0)
            dataEnd = at + found;
        if (chunk.size() < kChunk)
            break;
    }
    if (dataEnd < 0)
        return malformed(tr("The multipart body does not end its part."));
    QFile part(path + QStringLiteral(".part"));
    if (!part.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return core::makeError(core::ErrorCode::IoError, part.errorString());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    body.seek(dataStart);
    for (qint64 left = dataEnd - dataStart; left > 0;) {
        const QByteArray chunk = body.read(std::min(left, kChunk));
        if (chunk.isEmpty())
            return core::makeError(core::ErrorCode::IoError, body.errorString());
        hash.addData(chunk);
        part.write(chunk);
        left -= chunk.size();
    }
    part.close();
    body.close();
    QFile::remove(path);
    return Received { part.fileName(), QString::fromLatin1(hash.result().toHex()),
                      dataEnd - dataStart,
                      QString::fromLatin1(partType).section(u';', 0, 0).trimmed().toLower(),
                      QFileInfo(parameterOf(disposition, "filename")).fileName() };
}

} // namespace qx::server
