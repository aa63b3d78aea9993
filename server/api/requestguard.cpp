#include "server/api/requestguard.h"

#include "core/protocol/messages.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QSslSocket>
#include <QTcpSocket>

#include <sys/socket.h>

namespace qx::server {

namespace {

QString addressOf(const QTcpSocket *socket)
{
    bool mapped = false;
    const quint32 v4 = socket->peerAddress().toIPv4Address(&mapped);
    return mapped ? QHostAddress(v4).toString() : socket->peerAddress().toString();
}

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

// Where the head ends (just past its blank line), or -1. Lines end in CRLF; a bare LF is
// taken as QHttpServer's parser takes it, so both keep the same idea of where requests end.
qsizetype headEnd(QByteArrayView head, qsizetype from)
{
    for (qsizetype i = std::max<qsizetype>(from, 1); i < head.size(); ++i) {
        if (head[i] != '\n')
            continue;
        if (head[i - 1] == '\n')
            return i + 1;
        if (head[i - 1] == '\r' && i >= 2 && head[i - 2] == '\n')
            return i + 1;
    }
    return -1;
}

} // namespace

RequestGuard::RequestGuard(const RequestLimits &limits, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
{
    m_sweep.setInterval(250);
    connect(&m_sweep, &QTimer::timeout, this, &RequestGuard::sweep);
    m_sweep.start();
}

bool RequestGuard::admit(QTcpSocket *socket)
{
    const QString address = addressOf(socket);
    int &count = m_perAddress[address];
    if (count >= m_limits.maxConnectionsPerAddress) {
        socket->abort();
        socket->deleteLater();
        return false;
    }
    ++count;
    Connection &connection = m_connections[socket];
    connection.address = address;
    connection.idle.start();
    connect(socket, &QObject::destroyed, this, [this, socket] { forget(socket); });
    // First in line for the socket's data: before QHttpServer's slot, connected after this.
    connect(socket, &QIODevice::readyRead, this, [this, socket] { onReadyRead(socket); });
    return true;
}

void RequestGuard::attached(QTcpSocket *socket)
{
    connect(socket, &QIODevice::readyRead, this, [this, socket] {
        const auto found = m_connections.find(socket);
        if (found != m_connections.end() && found->phase != Phase::Upgraded)
            noteUnread(*found, socket->peek(socket->bytesAvailable()));
    });
}

void RequestGuard::noteUnread(Connection &connection, QByteArray buffered)
{
    connection.unread = std::move(buffered);
    const qint64 start = connection.followed - connection.unread.size();
    connection.ends.removeIf([start](qint64 end) { return end <= start; });
}

void RequestGuard::forget(QTcpSocket *socket)
{
    const auto found = m_connections.find(socket);
    if (found == m_connections.end())
        return;
    if (--m_perAddress[found->address] <= 0)
        m_perAddress.remove(found->address);
    m_connections.erase(found);
}

void RequestGuard::onReadyRead(QTcpSocket *socket)
{
    const auto found = m_connections.find(socket);
    if (found == m_connections.end() || found->phase == Phase::Upgraded)
        return;
    Connection &connection = *found;
    connection.idle.restart();
    const QByteArray buffered = socket->peek(socket->bytesAvailable());
    QByteArrayView fresh(buffered);
    if (buffered.startsWith(connection.unread)) {
        fresh = fresh.sliced(connection.unread.size());
    } else if (connection.phase != Phase::Head || !connection.head.isEmpty()) {
        // QHttpServer read some of what it had left, outside a readyRead. It reads a request
        // whole, or all there is of one: the buffer begins where a request began, or after
        // all that was left (then mid-request, where the guard is). Followed whole either way.
        const QByteArrayView unread(connection.unread);
        const qint64 start = connection.followed - unread.size();
        for (const qint64 end : std::as_const(connection.ends)) {
            if (end > start && end < connection.followed
                && buffered.startsWith(unread.sliced(end - start))) {
                connection.phase = Phase::Head;
                connection.head.clear();
                connection.bodyLeft = 0;
                break;
            }
        }
    } // else between requests: where QHttpServer stopped, a request begins
    noteUnread(connection, buffered); // until QHttpServer has read (attached())
    if (fresh.isEmpty())
        return;
    if (const std::optional<Refusal> refusal = follow(socket, connection, fresh))
        return refuse(socket, *refusal);
    if (connection.phase == Phase::Upload)
        handOver(socket, connection);
}

void RequestGuard::setUploadRoute(const QByteArray &path, qint64 maxBytes, UploadHandler handler)
{
    m_uploadPath = path;
    m_maxUploadBytes = maxBytes;
    m_uploadHandler = std::move(handler);
}

void RequestGuard::handOver(QTcpSocket *socket, Connection &connection)
{
    // QHttpServer hears nothing of this request (it has read none of it: this slot runs
    // first), nor of anything after it: the answer closes the connection.
    disconnect(socket, &QIODevice::readyRead, nullptr, nullptr);
    if (socket->isTransactionStarted())
        socket->commitTransaction();
    (void)socket->read(socket->bytesAvailable() - connection.uploadBuffered); // the head
    connection.phase = Phase::Upgraded; // the handler times it from here
    m_uploadHandler(socket, connection.upload);
}

std::optional<RequestGuard::Refusal> RequestGuard::follow(QTcpSocket *socket,
                                                          Connection &connection,
                                                          QByteArrayView bytes)
{
    while (!bytes.isEmpty()) {
        switch (connection.phase) {
        case Phase::Upgraded:
        case Phase::Upload:
            return std::nullopt;
        case Phase::Body: {
            const qint64 taken = std::min<qint64>(connection.bodyLeft, bytes.size());
            connection.bodyLeft -= taken;
            connection.bodyProgress += taken;
            connection.followed += taken;
            bytes = bytes.sliced(taken);
            if (connection.bodyLeft == 0) {
                connection.phase = Phase::Head;
                connection.ends.append(connection.followed);
            }
            break;
        }
        case Phase::Head: {
            if (connection.head.isEmpty())
                connection.since.start();
            const qsizetype before = connection.head.size();
            // Never more than the limit (and a byte, to tell) is kept.
            const qsizetype room = m_limits.maxHeaderBytes + 1 - before;
            connection.head.append(bytes.first(std::min<qsizetype>(room, bytes.size())));
            const qsizetype end = headEnd(connection.head, before - 3);
            if (end < 0) {
                connection.followed += bytes.size();
                const qsizetype lineEnd = connection.head.indexOf('\n');
                if ((lineEnd < 0 ? connection.head.size() : lineEnd) > m_limits.maxRequestLineBytes)
                    return Refusal { 414, "URI Too Long", core::ErrorCode::UriTooLong,
                                     tr("The request line is longer than %1 bytes.")
                                         .arg(m_limits.maxRequestLineBytes) };
                if (connection.head.size() > m_limits.maxHeaderBytes)
                    return Refusal { 431, "Request Header Fields Too Large",
                                     core::ErrorCode::HeadersTooLarge,
                                     tr("The request headers are larger than %1 bytes.")
                                         .arg(m_limits.maxHeaderBytes) };
                return std::nullopt;
            }
            bytes = bytes.sliced(end - before);
            connection.followed += end - before;
            connection.head.truncate(end);
            if (std::optional<Refusal> refusal = checkHead(socket, connection))
                return refusal;
            if (connection.phase == Phase::Upload) {
                connection.uploadBuffered = bytes.size();
                return std::nullopt;
            }
            if (connection.phase == Phase::Head)
                connection.ends.append(connection.followed);
            connection.head.clear();
            connection.since.start();
            connection.bodyProgress = 0;
            break;
        }
        }
    }
    return std::nullopt;
}

std::optional<RequestGuard::Refusal> RequestGuard::checkHead(QTcpSocket *socket,
                                                             Connection &connection)
{
    const auto malformed = [](const QString &why) {
        return Refusal { 400, "Bad Request", core::ErrorCode::MalformedRequest, why };
    };
    QList<QByteArrayView> lines;
    for (QByteArrayView rest(connection.head); !rest.isEmpty();) {
        const qsizetype newline = rest.indexOf('\n');
        QByteArrayView line = rest.first(newline);
        rest = rest.sliced(newline + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.contains('\r'))
            return malformed(tr("A bare carriage return in the request head."));
        if (!line.isEmpty())
            lines.append(line);
    }
    if (lines.isEmpty())
        return malformed(tr("An empty request."));
    if (lines.first().size() > m_limits.maxRequestLineBytes)
        return Refusal {
            414, "URI Too Long", core::ErrorCode::UriTooLong,
            tr("The request line is longer than %1 bytes.").arg(m_limits.maxRequestLineBytes)
        };
    const QList<QByteArray> requestLine = lines.first().toByteArray().split(' ');
    if (requestLine.size() != 3 || requestLine[0].isEmpty()
        || !std::all_of(requestLine[0].cbegin(), requestLine[0].cend(), isTokenChar)
        || (requestLine[2] != "HTTP/1.1" && requestLine[2] != "HTTP/1.0"))
        return malformed(tr("The request line is not METHOD TARGET HTTP/1.1."));
    if (lines.size() - 1 > m_limits.maxHeaders)
        return Refusal { 431, "Request Header Fields Too Large", core::ErrorCode::HeadersTooLarge,
                         tr("More than %1 request headers.").arg(m_limits.maxHeaders) };
    std::optional<qint64> contentLength;
    bool chunked = false;
    bool upgrade = false;
    bool expectContinue = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines[i];
        if (line.startsWith(' ') || line.startsWith('\t'))
            return malformed(tr("Folded header lines are not accepted."));
        const qsizetype colon = line.indexOf(':');
        const QByteArrayView name = colon > 0 ? line.first(colon) : QByteArrayView();
        if (name.isEmpty() || !std::all_of(name.begin(), name.end(), isTokenChar))
            return malformed(tr("A header line is not NAME: VALUE."));
        const QByteArray lower = name.toByteArray().toLower();
        const QByteArray value = line.sliced(colon + 1).toByteArray().trimmed();
        if (lower == "content-length") {
            bool ok = value.size() <= 18
                && std::all_of(value.cbegin(), value.cend(),
                               [](char c) { return c >= '0' && c <= '9'; })
                && !value.isEmpty();
            const qint64 length = value.toLongLong();
            if (!ok || (contentLength && *contentLength != length))
                return malformed(tr("The Content-Length is not one whole number."));
            contentLength = length;
        } else if (lower == "transfer-encoding") {
            chunked = true;
        } else if (lower == "upgrade") {
            upgrade = value.toLower() == "websocket";
        } else if (lower == "expect") {
            if (value.toLower() != "100-continue")
                return Refusal { 417, "Expectation Failed", core::ErrorCode::MalformedRequest,
                                 tr("Only Expect: 100-continue is understood.") };
            expectContinue = true;
        }
    }
    if (chunked && contentLength)
        return malformed(tr("Both Content-Length and Transfer-Encoding: the request is "
                            "ambiguous."));
    if (chunked)
        return Refusal { 411, "Length Required", core::ErrorCode::LengthRequired,
                         tr("Send the body with a Content-Length, not chunked.") };
    const qint64 length = contentLength.value_or(0);
    const QByteArray &target = requestLine[1];
    const qsizetype query = target.indexOf('?');
    if (m_uploadHandler && requestLine[0] == "POST"
        && (query < 0 ? target : target.first(query)) == m_uploadPath) {
        if (length > m_maxUploadBytes)
            return Refusal { 413, "Payload Too Large", core::ErrorCode::PayloadTooLarge,
                             tr("The document is larger than %1 bytes.").arg(m_maxUploadBytes) };
        connection.upload = { requestLine[0], target, {}, length };
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArrayView line = lines[i];
            const qsizetype colon = line.indexOf(':');
            connection.upload.headers.insert(line.first(colon).toByteArray().toLower(),
                                             line.sliced(colon + 1).toByteArray().trimmed());
        }
        if (expectContinue && length > 0)
            socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        connection.phase = Phase::Upload;
        return std::nullopt;
    }
    if (length > m_limits.maxBodyBytes)
        return Refusal {
            413, "Payload Too Large", core::ErrorCode::PayloadTooLarge,
            tr("The request body is larger than %1 bytes.").arg(m_limits.maxBodyBytes)
        };
    if (upgrade && requestLine[0] == "GET" && length == 0) {
        connection.phase = Phase::Upgraded; // QWebSocket's from here, with its own limits
        return std::nullopt;
    }
    if (expectContinue && length > 0)
        socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    connection.bodyLeft = length;
    connection.phase = length > 0 ? Phase::Body : Phase::Head;
    return std::nullopt;
}

void RequestGuard::refuse(QTcpSocket *socket, const Refusal &refusal)
{
    forget(socket);
    // QHttpServer hears nothing more from this socket; what is buffered is dropped.
    disconnect(socket, &QIODevice::readyRead, nullptr, nullptr);
    if (socket->isTransactionStarted())
        socket->commitTransaction();
    (void)socket->readAll();
    answer(
        socket, refusal.status, refusal.reason,
        QJsonDocument(core::protocol::errorToJson(core::makeError(refusal.code, refusal.message)))
            .toJson(QJsonDocument::Compact));
}

void RequestGuard::answer(QTcpSocket *socket, int status, const QByteArray &reason,
                          const QByteArray &json)
{
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + QByteArray::number(json.size())
                  + "\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\n"
                    "Cache-Control: no-store\r\nContent-Security-Policy: default-src 'none'\r\n"
                    "\r\n"
                  + json);
    // Closed only once the answer is out and the client had a moment to stop sending (a
    // reset on unread input could destroy the answer in flight).
    disconnect(socket, &QIODevice::readyRead, nullptr, nullptr);
    connect(socket, &QIODevice::readyRead, socket, [socket] { (void)socket->readAll(); });
    const auto finish = [socket] {
        if (socket->bytesToWrite() > 0)
            return;
        ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
        QTimer::singleShot(1000, socket, [socket] { socket->abort(); });
    };
    connect(socket, &QIODevice::bytesWritten, socket, finish);
    connect(socket, &QAbstractSocket::disconnected, socket, [socket] { socket->abort(); });
    socket->flush();
    finish();
}

void RequestGuard::sweep()
{
    QList<std::pair<QTcpSocket *, Refusal>> late;
    QList<QTcpSocket *> idle;
    for (auto it = m_connections.begin(); it != m_connections.end(); ++it) {
        Connection &connection = *it;
        if (connection.phase == Phase::Head && !connection.head.isEmpty()
            && connection.since.elapsed() > m_limits.headersTimeoutMs) {
            late.append({ it.key(),
                          Refusal { 408, "Request Timeout", core::ErrorCode::RequestTimeout,
                                    tr("The request headers took longer than %1 s.")
                                        .arg(m_limits.headersTimeoutMs / 1000) } });
        } else if (connection.phase == Phase::Body
                   && connection.since.elapsed() > m_limits.bodyStallMs) {
            if (connection.bodyProgress < m_limits.minBodyProgress) {
                late.append({ it.key(),
                              Refusal { 408, "Request Timeout", core::ErrorCode::RequestTimeout,
                                        tr("The request body came too slowly.") } });
            } else {
                connection.since.start();
                connection.bodyProgress = 0;
            }
        } else if (connection.phase == Phase::Head && connection.head.isEmpty()
                   && connection.idle.elapsed() > m_limits.idleTimeoutMs) {
            idle.append(it.key());
        }
    }
    for (const auto &[socket, refusal] : std::as_const(late))
        refuse(socket, refusal);
    for (QTcpSocket *socket : std::as_const(idle)) {
        forget(socket);
        socket->disconnectFromHost();
    }
}

GuardedServer::GuardedServer(RequestGuard &guard, std::optional<QSslConfiguration> tls,
                             QObject *parent)
    : QTcpServer(parent)
    , m_guard(guard)
    , m_tls(std::move(tls))
{ }

void GuardedServer::incomingConnection(qintptr descriptor)
{
    if (!m_tls) {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        if (m_guard.admit(socket))
            hand(socket);
        return;
    }
    auto *socket = new QSslSocket(this);
    socket->setSslConfiguration(*m_tls);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    // Counted against its address from the start; QHttpServer sees it once encrypted.
    if (!m_guard.admit(socket))
        return;
    connect(socket, &QSslSocket::encrypted, this, [this, socket] { hand(socket); });
    const auto drop = [socket] {
        socket->abort();
        socket->deleteLater();
    };
    connect(socket, &QSslSocket::sslErrors, socket, drop);
    connect(socket, &QAbstractSocket::errorOccurred, socket, [socket, drop] {
        if (!socket->isEncrypted())
            drop();
    });
    QTimer::singleShot(kHandshakeMs, socket, [socket, drop] {
        if (!socket->isEncrypted())
            drop();
    });
    socket->startServerEncryption();
}

void GuardedServer::hand(QTcpSocket *socket)
{
    addPendingConnection(socket); // QHttpServer connects its slots in here (6.4: synchronously)
    m_guard.attached(socket);
}

} // namespace qx::server
