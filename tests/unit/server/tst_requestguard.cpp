// The request guard's clocks, in process with short limits in front of a real QHttpServer on
// loopback: headers or a body that trickle in are answered 408 and the connection closed; a
// keep-alive connection left idle is closed; a client that keeps up is served throughout.
// And its bookkeeping of what the server behind it left unread: a request sent on a
// keep-alive connection behind one answered later is checked as it would be on a connection
// of its own, whenever the server behind reads it (QHttpServer 6.4 reads the next request in
// a readyRead it queues; later versions read it when the late answer is sent, outside any
// readyRead, which a stand-in server here does).
#include "server/api/requestguard.h"

#include <QHttpServer>
#include <QHttpServerResponder>
#include <QSet>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace qx::server;
using namespace Qt::StringLiterals;

namespace {

// A server behind the guard that reads as QHttpServer does from Qt 6.5: one request at a
// time; while an answer is pending it leaves what follows in the socket's buffer, and reads
// it once the answer is sent, outside any readyRead. "GET /slow" is answered after 200 ms,
// anything else at once with "pong".
class LateReader : public QObject
{
public:
    explicit LateReader(QTcpServer &server)
    {
        connect(&server, &QTcpServer::pendingConnectionAvailable, this, [this, &server] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                connect(socket, &QIODevice::readyRead, this, [this, socket] { serve(socket); });
                connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

private:
    void serve(QTcpSocket *socket)
    {
        while (!m_busy.contains(socket)) {
            const QByteArray buffered = socket->peek(socket->bytesAvailable());
            const qsizetype headEnd = buffered.indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            qsizetype length = 0;
            for (const QByteArray &line : buffered.first(headEnd).split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (buffered.size() < headEnd + 4 + length)
                return;
            const QByteArray request = socket->read(headEnd + 4 + length);
            if (!request.startsWith("GET /slow ")) {
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\npong");
                continue;
            }
            m_busy.insert(socket);
            QTimer::singleShot(200, socket, [this, socket] {
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nslow");
                m_busy.remove(socket);
                serve(socket); // outside readyRead
            });
        }
    }

    QSet<QTcpSocket *> m_busy;
};

} // namespace

class tst_RequestGuard : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RequestGuard> m_guard;
    std::unique_ptr<QHttpServer> m_http;
    quint16 m_port = 0;

    std::unique_ptr<QTcpSocket> connectSocket()
    {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, m_port);
        return socket->waitForConnected(5000) ? std::move(socket) : nullptr;
    }
    // Everything the server sends until it closes the connection (or 5 s pass).
    static QByteArray untilClosed(QTcpSocket &socket)
    {
        QByteArray received;
        (void)QTest::qWaitFor(
            [&] {
                received += socket.readAll();
                return socket.state() == QAbstractSocket::UnconnectedState;
            },
            5000);
        return received + socket.readAll();
    }

private Q_SLOTS:
    void init()
    {
        RequestLimits limits;
        limits.headersTimeoutMs = 300;
        limits.bodyStallMs = 300;
        limits.idleTimeoutMs = 600;
        m_guard = std::make_unique<RequestGuard>(limits);
        m_http = std::make_unique<QHttpServer>();
        m_http->route(u"/ping"_s, [](const QHttpServerRequest &) { return u"pong"_s; });
        auto *server = new GuardedServer(*m_guard);
        QVERIFY(server->listen(QHostAddress::LocalHost, 0));
        m_port = server->serverPort();
        m_http->bind(server);
    }
    void cleanup()
    {
        m_http.reset();
        m_guard.reset();
    }

    void headersThatTrickleInAreCutOff()
    {
        auto socket = connectSocket();
        QVERIFY(socket);
        socket->write("GET /ping HTTP/1.1\r\nHost: x\r\n"); // and nothing more
        const QByteArray answer = untilClosed(*socket);
        QVERIFY2(answer.startsWith("HTTP/1.1 408 "), answer.constData());
        QVERIFY(answer.contains("request_timeout"));
    }

    void aBodyThatTricklesInIsCutOff()
    {
        auto socket = connectSocket();
        QVERIFY(socket);
        socket->write("POST /ping HTTP/1.1\r\nHost: x\r\nContent-Length: 10000\r\n\r\n0123");
        const QByteArray answer = untilClosed(*socket);
        QVERIFY2(answer.startsWith("HTTP/1.1 408 "), answer.constData());
    }

    void anIdleKeepAliveConnectionIsClosed()
    {
        auto socket = connectSocket();
        QVERIFY(socket);
        socket->write("GET /ping HTTP/1.1\r\nHost: x\r\n\r\n");
        const QByteArray answer = untilClosed(*socket);
        QVERIFY2(answer.startsWith("HTTP/1.1 200 "), answer.constData());
        QVERIFY(answer.endsWith("pong"));
        QCOMPARE(socket->state(), QAbstractSocket::UnconnectedState);
    }

    // Requests well within the clocks, one after the other for longer than any of them.
    // Behind a request answered later, another on the same connection: pipelined with a
    // request the server reads at once, then (after both answers) one the guard must refuse.
    // First through QHttpServer itself, then through a server that reads outside readyRead.
    void aRequestBehindALateAnswerIsChecked_data()
    {
        QTest::addColumn<bool>("lateReader");
        QTest::addColumn<QByteArray>("refused");
        QTest::addColumn<QByteArray>("status");
        const QByteArray tooLarge = "POST /ping HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n";
        const QByteArray smuggled
            = "POST /ping HTTP/1.1\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n";
        QTest::newRow("QHttpServer, body too large") << false << tooLarge << QByteArray("413");
        QTest::newRow("QHttpServer, smuggling") << false << smuggled << QByteArray("400");
        QTest::newRow("late reader, body too large") << true << tooLarge << QByteArray("413");
        QTest::newRow("late reader, smuggling") << true << smuggled << QByteArray("400");
    }
    void aRequestBehindALateAnswerIsChecked()
    {
        QFETCH(bool, lateReader);
        QFETCH(QByteArray, refused);
        QFETCH(QByteArray, status);
        std::unique_ptr<LateReader> reader;
        if (lateReader) {
            m_http.reset();
            auto *server = new GuardedServer(*m_guard, {}, m_guard.get());
            QVERIFY(server->listen(QHostAddress::LocalHost, 0));
            m_port = server->serverPort();
            reader = std::make_unique<LateReader>(*server);
        } else {
            m_http->route(
                u"/slow"_s, [](const QHttpServerRequest &, QHttpServerResponder &&responder) {
                    auto later = std::make_shared<QHttpServerResponder>(std::move(responder));
                    QTimer::singleShot(200, [later] {
                        later->write("slow", "text/plain", QHttpServerResponder::StatusCode::Ok);
                    });
                });
        }
        auto socket = connectSocket();
        QVERIFY(socket);
        // Longer than the request refused later, so that a guard counting what it saw unread
        // would take all of that request for checked.
        const QByteArray padded
            = "GET /ping HTTP/1.1\r\nHost: x\r\nX-Padding: " + QByteArray(200, 'p') + "\r\n\r\n";
        socket->write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n" + padded);
        QByteArray answers;
        QVERIFY(QTest::qWaitFor(
            [&] {
                answers += socket->readAll();
                return answers.count("HTTP/1.1 200 ") == 2;
            },
            5000));
        QVERIFY2(answers.contains("slow") && answers.contains("pong"), answers.constData());
        QTest::qWait(50);
        socket->write(refused);
        const QByteArray answer = untilClosed(*socket);
        QVERIFY2(answer.startsWith(QByteArray("HTTP/1.1 " + status + ' ')), answer.constData());
    }

    // The same, with a request that is fine: it is served, the connection kept.
    void aRequestBehindALateAnswerIsServed()
    {
        m_http.reset();
        auto *server = new GuardedServer(*m_guard, {}, m_guard.get());
        QVERIFY(server->listen(QHostAddress::LocalHost, 0));
        m_port = server->serverPort();
        LateReader reader(*server);
        auto socket = connectSocket();
        QVERIFY(socket);
        socket->write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /ping HTTP/1.1\r\nHost: x\r\n\r\n"
                      "GET /ping HTTP/1.1\r\nHost: x\r\n\r\n");
        QByteArray answers;
        QVERIFY(QTest::qWaitFor(
            [&] {
                answers += socket->readAll();
                return answers.count("HTTP/1.1 200 ") == 3;
            },
            5000));
        for (int i = 0; i < 3; ++i) {
            socket->write("POST /ping HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
            QVERIFY(QTest::qWaitFor(
                [&] {
                    answers += socket->readAll();
                    return answers.count("HTTP/1.1 200 ") == 4 + i;
                },
                5000));
        }
        QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);
    }

    void aClientThatKeepsUpIsServed()
    {
        auto socket = connectSocket();
        QVERIFY(socket);
        for (int i = 0; i < 6; ++i) {
            socket->write("GET /ping HTTP/1.1\r\nHost: x\r\n\r\n");
            QByteArray answer;
            QVERIFY(QTest::qWaitFor(
                [&] {
                    answer += socket->readAll();
                    return answer.endsWith("pong");
                },
                5000));
            QVERIFY(answer.startsWith("HTTP/1.1 200 "));
            QTest::qWait(150);
        }
    }
};

QTEST_GUILESS_MAIN(tst_RequestGuard)
#include "tst_requestguard.moc"
