#pragma once

#include "core/errorcode.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTimer>

#include <functional>

class QTcpSocket;

namespace qx::server {

/// What one client may send, and how slowly. Qt 6.4's QHttpServer enforces none of it.
struct RequestLimits
{
    qsizetype maxHeaderBytes = 16 * 1024; ///< request line and headers: 431 beyond
    qsizetype maxRequestLineBytes = 8 * 1024; ///< 414 beyond
    int maxHeaders = 100; ///< 431 beyond
    qint64 maxBodyBytes = 64 * 1024; ///< by Content-Length, before the body comes: 413
    int headersTimeoutMs = 10'000; ///< a request's headers must be complete by then: 408
    int bodyStallMs = 5'000; ///< a body must move on by kMinBodyProgress per this: 408
    qint64 minBodyProgress = 1024;
    int idleTimeoutMs = 120'000; ///< a keep-alive connection with nothing to do is closed
    int maxConnectionsPerAddress = 64; ///< more from one address are closed at once
};

/// A request whose body the guard hands to a handler of its own instead of QHttpServer
/// (which would hold it whole in memory): its head, parsed, and the socket with the body to
/// come. The handler reads the body, answers (answer()) and the connection closes.
struct UploadStart
{
    QByteArray method;
    QByteArray target;
    QHash<QByteArray, QByteArray> headers; ///< by lower-case name
    qint64 contentLength = 0;
};

/**
 * Stands in front of QHttpServer on every connection, so that what a client sends is
 * checked before QHttpServer buffers or parses it: sizes (request line, headers, body by its
 * Content-Length), framing that could smuggle a request past a proxy (Content-Length and
 * Transfer-Encoding together, two different Content-Lengths, folded headers; chunked bodies
 * are refused with 411), slow clients (headers and bodies that trickle in), idle keep-alive
 * connections and connections per address. A refused request is answered with a JSON error
 * ({"error":{"code","message"}}) and `Connection: close`, and nothing of it reaches a route.
 *
 * How it sees the bytes first (Qt 6.4): its readyRead slot is connected before QHttpServer's
 * (admit(), before GuardedServer hands the socket over: QHttpServer connects its own slot
 * inside QTcpServer::addPendingConnection()), and peek()s what arrived since QHttpServer
 * last read; a second slot after QHttpServer's (attached()) notes what QHttpServer left
 * unread, bytes and all. QHttpServer may read those later outside any readyRead (6.4 reads a
 * pipelined request in a readyRead it queues; from 6.5 it reads the request behind a late
 * answer when that answer goes out): the buffer then no longer begins with what was left, and
 * begins where QHttpServer stopped, so the guard follows it whole as new. Requests are thus
 * followed through keep-alive and pipelining; after a WebSocket upgrade the socket is
 * QWebSocket's, which limits frames and messages itself.
 *
 * Lives on the server's event-loop thread.
 */
class RequestGuard : public QObject
{
    Q_OBJECT

public:
    explicit RequestGuard(const RequestLimits &limits, QObject *parent = nullptr);

    /// A new connection, before the HTTP server sees it: false (and closed) when its address
    /// has too many already.
    bool admit(QTcpSocket *socket);
    /// The same connection once the HTTP server has it.
    void attached(QTcpSocket *socket);

    using UploadHandler = std::function<void(QTcpSocket *socket, const UploadStart &start)>;
    /// POST requests to `path` (the query aside) take bodies up to `maxBytes` (413 beyond,
    /// before the body comes) and go to `handler`, never to QHttpServer: the one route whose
    /// body may be large, so that it goes to disk as it arrives. The socket is the handler's
    /// from then on; the guard no longer times it.
    void setUploadRoute(const QByteArray &path, qint64 maxBytes, UploadHandler handler);

    /// Writes an answer whole ({"error":...} or any JSON) with `Connection: close`, then
    /// closes the socket once it is out.
    static void answer(QTcpSocket *socket, int status, const QByteArray &reason,
                       const QByteArray &json);

private:
    enum class Phase { Head, Body, Upload, Upgraded };
    struct Connection
    {
        Phase phase = Phase::Head;
        QByteArray head; ///< the current request's head, as far as it came
        qint64 bodyLeft = 0;
        /// What QHttpServer left in the socket's buffer when last seen, as it was: followed
        /// already. Kept whole (not counted) because QHttpServer may read some of it later
        /// outside readyRead; the buffer then no longer begins with it.
        QByteArray unread;
        qint64 followed = 0; ///< bytes followed since the connection began
        QList<qint64> ends; ///< where requests ended (in `followed`), those within `unread`
        QElapsedTimer since; ///< the head's first byte, or the body's last progress
        qint64 bodyProgress = 0; ///< bytes of body since `since`
        QElapsedTimer idle; ///< since the last byte
        QString address;
        UploadStart upload; ///< Upload: the request handed over
        qint64 uploadBuffered = 0; ///< Upload: body bytes in the socket's buffer already
    };
    struct Refusal
    {
        int status = 400;
        QByteArray reason;
        core::ErrorCode code = core::ErrorCode::MalformedRequest;
        QString message;
    };

    void onReadyRead(QTcpSocket *socket);
    /// Follows `bytes` (new on the wire) through the requests; a refusal stops it.
    std::optional<Refusal> follow(QTcpSocket *socket, Connection &connection, QByteArrayView bytes);
    std::optional<Refusal> checkHead(QTcpSocket *socket, Connection &connection);
    /// Notes what QHttpServer left unread, as the next readyRead will find it.
    static void noteUnread(Connection &connection, QByteArray buffered);
    void refuse(QTcpSocket *socket, const Refusal &refusal);
    /// Gives the socket of an upload to its handler.
    void handOver(QTcpSocket *socket, Connection &connection);
    void forget(QTcpSocket *socket);
    void sweep();

    RequestLimits m_limits;
    QByteArray m_uploadPath;
    qint64 m_maxUploadBytes = 0;
    UploadHandler m_uploadHandler;
    QHash<QTcpSocket *, Connection> m_connections;
    QHash<QString, int> m_perAddress;
    QTimer m_sweep;
};

/// A listening socket whose connections pass through a RequestGuard on their way to
/// QHttpServer (bind() it there). With a TLS configuration every connection is TLS: it
/// reaches QHttpServer once its handshake is done, within kHandshakeMs or it is dropped; a
/// client speaking plain HTTP gets no answer.
class GuardedServer : public QTcpServer
{
    Q_OBJECT

public:
    static constexpr int kHandshakeMs = 10'000;

    explicit GuardedServer(RequestGuard &guard, std::optional<QSslConfiguration> tls = {},
                           QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    /// Hands `socket` to QHttpServer, past the guard.
    void hand(QTcpSocket *socket);

    RequestGuard &m_guard;
    std::optional<QSslConfiguration> m_tls;
};

} // namespace qx::server
