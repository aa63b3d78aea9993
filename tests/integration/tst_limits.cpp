// What a client may send to a real quantenergx-server, over raw sockets: bodies, headers and
// request lines past their limits refused before they are read, requests framed to smuggle
// another past a proxy refused, pipelined requests each checked, Expect: 100-continue
// answered, and connections per address capped. (The slow-client timeouts are exercised
// in-process with short limits: tst_requestguard.)
#include "testapi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace Qt::StringLiterals;
using qx::test::TestServer;

namespace {

// An HTTP answer as it came off the wire.
struct Answer
{
    int status = 0;
    QByteArray head;
    QJsonObject json;
    QByteArray raw;
};

QList<Answer> parseAnswers(const QByteArray &raw)
{
    QList<Answer> answers;
    qsizetype at = 0;
    while (at < raw.size()) {
        const qsizetype end = raw.indexOf("\r\n\r\n", at);
        if (end < 0)
            break;
        Answer answer;
        answer.head = raw.mid(at, end - at);
        answer.status = answer.head.split(' ').value(1).toInt();
        qsizetype length = 0;
        for (const QByteArray &line : answer.head.split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        answer.raw = raw.mid(end + 4, length);
        answer.json = QJsonDocument::fromJson(answer.raw).object();
        answers.append(answer);
        at = end + 4 + length;
    }
    return answers;
}

QByteArray manyHeaders(int count)
{
    QByteArray request("GET /healthz HTTP/1.1\r\n");
    for (int i = 0; i < count; ++i)
        request += "X-H" + QByteArray::number(i) + ": v\r\n";
    return request + "\r\n";
}

QString codeOf(const Answer &answer)
{
    return answer.json.value(u"error").toObject().value(u"code").toString();
}

} // namespace

class tst_Limits : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_server;

    // Writes `request` on a new connection and reads until the server closes it or
    // `answers` answers (100 Continue included) have come.
    QList<Answer> exchange(const QByteArray &request, int answers = 1)
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_server->url().port()));
        if (!socket.waitForConnected(5000))
            return {};
        socket.write(request);
        QByteArray raw;
        while (parseAnswers(raw).size() < answers && socket.waitForReadyRead(5000))
            raw += socket.readAll();
        return parseAnswers(raw);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A trader's stream may send 100 messages a second here, a viewer's 20.
        m_server = std::make_unique<TestServer>(
            m_dir.filePath(u"data"_s),
            QStringList { u"--stream-rate"_s, u"100"_s, u"--stream-rate"_s, u"viewer=20"_s });
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
    }

    void sizesAreRefusedBeforeTheyAreRead_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        // The body is announced, never sent: the answer cannot have waited for it.
        QTest::newRow("10 MiB body") << QByteArray("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\n"
                                                   "Content-Length: 10485760\r\n\r\n")
                                     << 413 << u"payload_too_large"_s;
        QTest::newRow("20 KiB header")
            << QByteArray("GET /healthz HTTP/1.1\r\nX-Big: " + QByteArray(20 * 1024, 'a')) << 431
            << u"headers_too_large"_s;
        QTest::newRow("101 headers") << manyHeaders(101) << 431 << u"headers_too_large"_s;
        QTest::newRow("9 KiB URL")
            << QByteArray("GET /" + QByteArray(9 * 1024, 'a')) << 414 << u"uri_too_long"_s;
    }
    void sizesAreRefusedBeforeTheyAreRead()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(QString, code);
        const QList<Answer> answers = exchange(request);
        QCOMPARE(answers.size(), 1);
        QCOMPARE(answers[0].status, status);
        QCOMPARE(codeOf(answers[0]), code);
        QVERIFY(answers[0].head.toLower().contains("connection: close"));
        QCOMPARE(m_server->request("GET", u"/healthz"_s).status, 200); // the server is fine
    }

    void ambiguousFramingIsRefused_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        const QByteArray start = "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\n";
        QTest::newRow("length and chunked")
            << start + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
            << 400;
        QTest::newRow("two lengths")
            << start + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}" << 400;
        QTest::newRow("folded header")
            << start + "X-A: 1\r\n  folded\r\nContent-Length: 2\r\n\r\n{}" << 400;
        QTest::newRow("signed length") << start + "Content-Length: +2\r\n\r\n{}" << 400;
        QTest::newRow("chunked") << start + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"
                                 << 411;
        QTest::newRow("not HTTP") << QByteArray("HELLO\r\n\r\n") << 400;
    }
    void ambiguousFramingIsRefused()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        const QList<Answer> answers = exchange(request);
        QCOMPARE(answers.size(), 1);
        QCOMPARE(answers[0].status, status);
        QVERIFY(!codeOf(answers[0]).isEmpty());
    }

    // Requests one after the other on one connection, in one write: each is checked where
    // it starts (bodies included). A bad one ends the connection, taking with it what came
    // in the same read before it unanswered (a client retries those, RFC 9112 9.3.2).
    // (Routes that answer at once: QHttpServer 6.4 answers a pipelined request before an
    // earlier one whose answer is deferred, such as a sign-in.)
    void pipelinedRequestsAreEachChecked()
    {
        const QByteArray post = "POST /api/v1/auth/refresh HTTP/1.1\r\nHost: x\r\n"
                                "Content-Length: 1\r\n\r\n{";
        const QByteArray get = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
        const QList<Answer> good = exchange(post + get + post, 3);
        QCOMPARE(good.size(), 3);
        QCOMPARE(good[0].status, 400);
        QCOMPARE(codeOf(good[0]), u"malformed_json"_s);
        QCOMPARE(good[1].status, 200);
        QCOMPARE(good[2].status, 400);
        const QList<Answer> mixed
            = exchange(get + "POST /x HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n", 2);
        QCOMPARE(mixed.size(), 1);
        QCOMPARE(mixed[0].status, 413);
    }

    void expectContinueIsAnswered()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_server->url().port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                     "Content-Length: 2\r\n\r\n");
        QVERIFY(socket.waitForReadyRead(5000));
        QVERIFY(socket.readAll().startsWith("HTTP/1.1 100 Continue\r\n\r\n"));
        socket.write("{}");
        QByteArray raw;
        while (parseAnswers(raw).isEmpty() && socket.waitForReadyRead(5000))
            raw += socket.readAll();
        QCOMPARE(parseAnswers(raw).value(0).status, 400); // {} lacks username and password
    }

    // 64 connections from one address at most; more are closed at once, others unaffected.
    void connectionsPerAddressAreCapped()
    {
        std::vector<std::unique_ptr<QTcpSocket>> open;
        for (int i = 0; i < 64; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            QVERIFY(socket->bind(QHostAddress(u"127.0.0.3"_s)));
            socket->connectToHost(QHostAddress::LocalHost, quint16(m_server->url().port()));
            QVERIFY(socket->waitForConnected(5000));
            open.push_back(std::move(socket));
        }
        QTcpSocket extra;
        QVERIFY(extra.bind(QHostAddress(u"127.0.0.3"_s)));
        extra.connectToHost(QHostAddress::LocalHost, quint16(m_server->url().port()));
        QVERIFY(extra.waitForConnected(5000));
        extra.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE(extra.state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(m_server->request("GET", u"/healthz"_s).status, 200); // from 127.0.0.1
        open.clear();
        // Once they are gone, the address may connect again.
        QTRY_COMPARE(
            m_server->requestFrom(QHostAddress(u"127.0.0.3"_s), "GET", u"/healthz"_s).status, 200);
    }

    // A WebSocket client that floods the server is told, then cut off (close 1008).
    void aFloodingStreamClientIsCutOff()
    {
        QList<QJsonObject> inbox;
        const auto stream = m_server->openStream(inbox, m_server->aliceToken());
        QTRY_VERIFY(!inbox.isEmpty());
        QSignalSpy closed(stream.get(), &QWebSocket::disconnected);
        const QString message = QString::fromUtf8(
            QJsonDocument(QJsonObject { { u"type"_s, u"subscribe"_s },
                                        { u"channels"_s, QJsonArray { u"orders"_s } } })
                .toJson(QJsonDocument::Compact));
        for (int i = 0; i < 250; ++i)
            stream->sendTextMessage(message);
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 10'000);
        QCOMPARE(stream->closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QVERIFY(std::any_of(inbox.cbegin(), inbox.cend(), [](const QJsonObject &m) {
            return m.value(u"error").toObject().value(u"code").toString() == u"rate_limited";
        }));
        // A client that keeps to the limit is served as ever.
        QList<QJsonObject> calm;
        const auto other = m_server->openStream(calm, m_server->aliceToken());
        QTRY_VERIFY(std::any_of(calm.cbegin(), calm.cend(), [](const QJsonObject &m) {
            return m.value(u"type").toString() == u"subscribed"_s;
        }));
    }

    // The rate is the role's: what a trader's program may send is too much for a viewer's
    // screen. A bad setting is refused before the server starts.
    void theStreamRateIsTheRoles()
    {
        const QString viewer = m_server->addUser(u"vic"_s, u"vic's long passphrase"_s, u"viewer"_s);
        const QString message = QString::fromUtf8(
            QJsonDocument(QJsonObject { { u"type"_s, u"subscribe"_s },
                                        { u"channels"_s, QJsonArray { u"orders"_s } } })
                .toJson(QJsonDocument::Compact));
        // How many of `messages` sent at once are refused for the rate (-1: no answer to all).
        const auto limitedAfter = [&](const QString &token, int messages) -> qsizetype {
            QList<QJsonObject> inbox;
            const auto stream = m_server->openStream(inbox, token);
            if (!QTest::qWaitFor([&inbox] { return !inbox.isEmpty(); }, 10'000))
                return -1;
            for (int i = 0; i < messages; ++i)
                stream->sendTextMessage(message);
            // Every message answered: subscribed, or refused for the rate.
            if (!QTest::qWaitFor([&] { return inbox.size() > messages; }, 10'000))
                return -1;
            return std::count_if(inbox.cbegin(), inbox.cend(), [](const QJsonObject &m) {
                return m.value(u"error").toObject().value(u"code").toString() == u"rate_limited";
            });
        };
        QCOMPARE(limitedAfter(m_server->aliceToken(), 30), 0);
        QVERIFY(limitedAfter(viewer, 30) >= 5); // 20 a second; the rest refused

        for (const QString &bad : { u"0"_s, u"viewer=many"_s, u"king=10"_s }) {
            const qx::test::CliResult refused
                = qx::test::runCli({ u"serve"_s, u"--data-dir"_s, m_dir.filePath(u"data"_s),
                                     u"--stream-rate"_s, bad });
            QCOMPARE(refused.exitCode, 2);
            QVERIFY2(refused.err.contains(u"--stream-rate"), qPrintable(refused.err));
        }
    }

    // A stream message over 64 KiB closes the socket with 1009 (too much data), before the
    // server reads it; one under the limit is read (and here refused for what it says).
    void anOversizedStreamMessageClosesTheSocket()
    {
        QList<QJsonObject> inbox;
        const auto stream = m_server->openStream(inbox, m_server->aliceToken());
        QTRY_VERIFY(!inbox.isEmpty());
        const qsizetype before = inbox.size();
        stream->sendTextMessage(u"{\"type\":\"ping\",\"pad\":\""_s + QString(60'000, u'x')
                                + u"\"}"_s);
        QTRY_VERIFY(inbox.size() > before); // answered: an unknown type
        QCOMPARE(stream->state(), QAbstractSocket::ConnectedState);
        QSignalSpy closed(stream.get(), &QWebSocket::disconnected);
        stream->sendTextMessage(u"{\"type\":\"ping\",\"pad\":\""_s + QString(70'000, u'x')
                                + u"\"}"_s);
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 10'000);
        QCOMPARE(stream->closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
    }

    void cleanupTestCase() { m_server.reset(); }
};

QTEST_GUILESS_MAIN(tst_Limits)
#include "tst_limits.moc"
