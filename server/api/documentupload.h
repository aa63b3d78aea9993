#pragma once

#include "core/result.h"
#include "server/api/requestguard.h"

#include <QCryptographicHash>
#include <QFile>
#include <QObject>
#include <QTimer>

#include <functional>

class QTcpSocket;

namespace qx::server {

/**
 * One document's body, from the socket to a file as it arrives: never whole in memory (the
 * socket buffers at most kReadBuffer, the file takes the rest), hashed (SHA-256) on the way,
 * timed like any body (it must move on by RequestLimits::minBodyProgress every bodyStallMs).
 * A multipart/form-data body is kept whole first, then its first file part copied out (in
 * chunks, rehashed). Lives on the socket (its child), on the server's thread.
 */
class DocumentUpload : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kReadBuffer = 256 * 1024;

    /// The file received: where, its SHA-256 (hex), size, content type and name.
    struct Received
    {
        QString path;
        QString sha256;
        qint64 size = 0;
        QString contentType;
        QString filename;
    };
    using Done = std::function<void(core::Result<Received>)>;

    /// Reads `length` bytes of body from `socket` into `path`. `contentType` is the
    /// request's: a document's own type, or multipart/form-data with its boundary.
    DocumentUpload(QTcpSocket *socket, qint64 length, const QString &path,
                   const QByteArray &contentType, const RequestLimits &limits, Done done);

    /// A body already whole in the file at `path`, sent as `contentType`: hashed, and a
    /// multipart form's first file part copied out.
    static core::Result<Received> fromFile(const QString &path, const QByteArray &contentType);
    /// The content types a document may have (PDF, PNG, JPEG, TIFF).
    static bool isDocumentType(const QString &contentType);
    /// The boundary of a multipart/form-data content type, or empty.
    static QByteArray boundaryOf(const QByteArray &contentType);

private:
    void onReadyRead();
    void onStall();
    void finish(core::Result<Received> received);
    /// Copies the first file part of the multipart body in `path` to `path`.part.
    static core::Result<Received> extractPart(const QString &path, const QByteArray &contentType);

    QTcpSocket *m_socket;
    qint64 m_left;
    QString m_path;
    QByteArray m_contentType;
    RequestLimits m_limits;
    Done m_done;
    QFile m_file;
    QCryptographicHash m_hash { QCryptographicHash::Sha256 };
    QTimer m_stall;
    qint64 m_progress = 0;
    bool m_finished = false;
};

} // namespace qx::server
