// The request guard's clocks, in process with short limits in front of a real QHttpServer on
// loopback: headers or a body that trickle in are answered 408 and the connection closed; a
// keep-alive connection left idle is closed; a client that keeps up is served throughout.
#include "server/api/requestguard.h"

#include <QHttpServer>
#include <QTcpSocket>
#include <QTest>

using namespace qx::server;
using namespace Qt::StringLiterals;

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
