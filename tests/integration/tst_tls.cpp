// The server over TLS, on loopback: `init --tls-self-signed` makes a certificate that a
// client trusting it verifies (name, chain, TLS 1.2 or later); REST and the WebSocket stream
// work over it with HSTS on every answer; plain HTTP, and a client that never finishes its
// handshake, get nothing. Also CORS: off unless origins are configured, then answered for
// those origins only.
#include "testapi.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace Qt::StringLiterals;
using qx::test::CliResult;
using qx::test::Reply;
using qx::test::TestServer;

class tst_Tls : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_server;
    QString certificate() const { return m_dir.filePath(u"data/tls/server.crt"_s); }
    QString key() const { return m_dir.filePath(u"data/tls/server.key"_s); }

private Q_SLOTS:
    void initTestCase()
    {
        const CliResult made = qx::test::runCli(
            { u"init"_s, u"--data-dir"_s, m_dir.filePath(u"data"_s), u"--tls-self-signed"_s });
        QCOMPARE(made.exitCode, 0);
        QVERIFY(made.out.contains(u"--tls-cert"));
        // The key is its owner's alone.
        QCOMPARE(QFile(key()).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        m_server = std::make_unique<TestServer>(
            m_dir.filePath(u"data"_s),
            QStringList { u"--tls-cert"_s, certificate(), u"--tls-key"_s, key(), u"--cors-origin"_s,
                          u"https://desk.example.com"_s });
        m_server->trustCertificate(certificate());
        QVERIFY2(m_server->start(), qPrintable(m_server->error() + m_server->log()));
        QCOMPARE(m_server->url().scheme(), u"https"_s);
    }

    // A client that trusts the certificate verifies it for localhost and 127.0.0.1, on TLS
    // 1.2 or later; one that does not trust it refuses the connection.
    void theHandshakeVerifiesTheGeneratedCertificate()
    {
        for (const QString &host : { u"localhost"_s, u"127.0.0.1"_s }) {
            QSslSocket socket;
            QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
            configuration.addCaCertificates(QSslCertificate::fromPath(certificate()));
            socket.setSslConfiguration(configuration);
            socket.connectToHostEncrypted(host, quint16(m_server->url().port()));
            QVERIFY2(socket.waitForEncrypted(10'000),
                     qPrintable(host + u": "_s + socket.errorString()));
            QVERIFY(socket.sessionProtocol() == QSsl::TlsV1_2
                    || socket.sessionProtocol() == QSsl::TlsV1_3);
            QCOMPARE(socket.peerCertificate(), QSslCertificate::fromPath(certificate()).value(0));
        }
        QSslSocket untrusting;
        untrusting.connectToHostEncrypted(u"localhost"_s, quint16(m_server->url().port()));
        QVERIFY(!untrusting.waitForEncrypted(10'000));
        QVERIFY(!untrusting.sslHandshakeErrors().isEmpty());
    }

    // REST and the stream over TLS; every answer says to stay on HTTPS.
    void restAndTheStreamWorkOverTls()
    {
        const Reply health = m_server->request("GET", u"/healthz"_s);
        QCOMPARE(health.status, 200);
        QCOMPARE(health.headers.value("strict-transport-security"), QByteArray("max-age=31536000"));
        const Reply me = m_server->request("GET", u"/api/v1/me"_s, {}, m_server->aliceToken());
        QCOMPARE(me.json.value(u"username").toString(), u"alice"_s);
        QCOMPARE(me.headers.value("strict-transport-security"), QByteArray("max-age=31536000"));
        // An answer given later (an order) carries it too.
        const Reply refused
            = m_server->request("POST", u"/api/v1/orders"_s, "{}", m_server->aliceToken());
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.headers.value("strict-transport-security"),
                 QByteArray("max-age=31536000"));

        QList<QJsonObject> inbox;
        const auto stream = m_server->openStream(inbox, m_server->aliceToken());
        QTRY_VERIFY(std::any_of(inbox.cbegin(), inbox.cend(), [](const QJsonObject &m) {
            return m.value(u"type").toString() == u"subscribed"_s;
        }));
    }

    // Plain HTTP on the TLS port is answered with nothing: no redirect, no data.
    void plainHttpIsRefused()
    {
        QTcpSocket socket;
        socket.connectToHost(u"127.0.0.1"_s, quint16(m_server->url().port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 10'000);
        QVERIFY(!socket.readAll().contains("HTTP/1.1"));
    }

    // A client that connects and never starts TLS is dropped once the handshake time is up.
    void aStalledHandshakeIsDropped()
    {
        QTcpSocket socket;
        socket.connectToHost(u"127.0.0.1"_s, quint16(m_server->url().port()));
        QVERIFY(socket.waitForConnected(5000));
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 15'000);
    }

    // CORS: a configured origin gets its headers and preflight answers; another gets none.
    void corsIsForConfiguredOriginsOnly()
    {
        const auto withOrigin = [this](const QByteArray &method, const QByteArray &origin) {
            QSslSocket socket;
            QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
            configuration.addCaCertificates(QSslCertificate::fromPath(certificate()));
            socket.setSslConfiguration(configuration);
            socket.connectToHostEncrypted(u"localhost"_s, quint16(m_server->url().port()));
            if (!socket.waitForEncrypted(10'000))
                return QByteArray();
            socket.write(method + " /api/v1/orders HTTP/1.1\r\nHost: localhost\r\nOrigin: " + origin
                         + "\r\nAccess-Control-Request-Method: POST\r\n"
                           "Access-Control-Request-Headers: authorization, content-type\r\n"
                           "Connection: close\r\n\r\n");
            QByteArray answer;
            while (socket.waitForReadyRead(5000))
                answer += socket.readAll();
            return answer;
        };
        const QByteArray preflight = withOrigin("OPTIONS", "https://desk.example.com");
        QVERIFY2(preflight.startsWith("HTTP/1.1 204"), preflight.constData());
        QVERIFY(preflight.contains("Access-Control-Allow-Origin: https://desk.example.com"));
        QVERIFY(preflight.contains("Access-Control-Allow-Headers: Authorization, Content-Type"));
        const QByteArray elsewhere = withOrigin("OPTIONS", "https://evil.example.net");
        QVERIFY(!elsewhere.startsWith("HTTP/1.1 204"));
        QVERIFY(!elsewhere.contains("Access-Control-Allow-Origin"));
        const QByteArray get = withOrigin("GET", "https://desk.example.com");
        QVERIFY(get.startsWith("HTTP/1.1 401")); // no token, but readable by the page
        QVERIFY(get.contains("Access-Control-Allow-Origin: https://desk.example.com"));
        QVERIFY(!withOrigin("GET", "https://evil.example.net").contains("Access-Control-Allow"));
    }

    // A wrong or missing key refuses to serve, saying why.
    void serveRefusesABadCertificateOrKey()
    {
        QFile other(m_dir.filePath(u"other.key"_s));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write("not a key\n");
        other.close();
        const CliResult refused = qx::test::runCli(
            { u"serve"_s, u"--data-dir"_s, m_dir.filePath(u"data"_s), u"--listen"_s,
              u"127.0.0.1:0"_s, u"--tls-cert"_s, certificate(), u"--tls-key"_s, other.fileName() });
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.err.contains(u"private key"));
        QCOMPARE(qx::test::runCli({ u"serve"_s, u"--data-dir"_s, m_dir.filePath(u"data"_s),
                                    u"--tls-cert"_s, certificate() })
                     .exitCode,
                 2);
    }

    void cleanupTestCase() { m_server.reset(); }
};

QTEST_GUILESS_MAIN(tst_Tls)
#include "tst_tls.moc"
