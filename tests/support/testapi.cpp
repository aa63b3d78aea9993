#include "testapi.h"

#include "testservices.h"

#include "core/protocol/messages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTcpSocket>
#include <QTest>

namespace qx::test {

QString Reply::errorCode() const
{
    return json.value(u"error").toObject().value(u"code").toString();
}

QString Reply::errorMessage() const
{
    return json.value(u"error").toObject().value(u"message").toString();
}

CliResult runCli(const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.start(QStringLiteral(QX_SERVER_BINARY), arguments);
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(30'000);
    return { process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
             QString::fromUtf8(process.readAllStandardError()) };
}

QJsonObject limitOrder(const QString &clientOrderId, const QString &symbol, const char *side,
                       const QString &quantity, const QString &price)
{
    return { { QStringLiteral("client_order_id"), clientOrderId },
             { QStringLiteral("symbol"), symbol },
             { QStringLiteral("side"), QString::fromLatin1(side) },
             { QStringLiteral("type"), QStringLiteral("limit") },
             { QStringLiteral("quantity"), quantity },
             { QStringLiteral("price"), price } };
}

TestServer::TestServer(QString dataDir, QStringList serveArguments)
    : m_dataDir(std::move(dataDir))
    , m_serveArguments(std::move(serveArguments))
{ }

TestServer::~TestServer()
{
    m_server.reset(); // before its database
    // Another TestServer's database (or none) is the one the CLI uses again.
    if (m_postgres) {
        if (m_previousDatabase.isNull())
            qunsetenv("QX_DATABASE");
        else
            qputenv("QX_DATABASE", m_previousDatabase);
    }
}

bool TestServer::start()
{
    if (qEnvironmentVariable("QX_TEST_DATABASE") == u"postgresql" && !m_postgres) {
        m_postgres = std::make_unique<PostgresServer>();
        m_databaseUrl
            = m_postgres->start() ? m_postgres->createDatabase(QStringLiteral("qx")) : QString();
        if (m_databaseUrl.isEmpty()) {
            m_error = m_postgres->error();
            return false;
        }
        m_previousDatabase = qgetenv("QX_DATABASE");
    }
    // Inherited by every quantenergx-server this process starts: init, user, serve.
    if (m_postgres)
        qputenv("QX_DATABASE", m_databaseUrl.toUtf8());
    client::LocalServer::Options options;
    options.serverProgram = QStringLiteral(QX_SERVER_BINARY);
    options.dataDir = m_dataDir;
    options.username = QStringLiteral("alice");
    options.extraServeArguments = m_serveArguments;
    m_server = std::make_unique<client::LocalServer>(options);
    QSignalSpy ready(m_server.get(), &client::LocalServer::ready);
    QSignalSpy failed(m_server.get(), &client::LocalServer::failed);
    m_server->start();
    for (int waited = 0; ready.isEmpty() && failed.isEmpty() && waited < 300; ++waited)
        ready.wait(100);
    if (ready.isEmpty()) {
        m_error = failed.isEmpty() ? QStringLiteral("timeout") : failed[0][0].toString();
        return false;
    }
    m_token = login(QStringLiteral("alice"), m_server->password())
                  .json.value(u"access_token")
                  .toString();
    m_error = m_token.isEmpty() ? QStringLiteral("alice cannot sign in") : QString();
    return !m_token.isEmpty();
}

void TestServer::trustCertificate(const QString &path)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.addCaCertificates(QSslCertificate::fromPath(path));
    m_tls = configuration;
}

qint64 TestServer::configVersion()
{
    return request("GET", QStringLiteral("/healthz")).json.value(u"config_version").toInteger(-1);
}

CliResult TestServer::runAdmin(QStringList arguments, const QByteArray &input)
{
    arguments << QStringLiteral("--data-dir") << m_dataDir;
    const CliResult result = runCli(arguments, input);
    // The command says which configuration version holds its change; the server polls
    // storage's version every 200 ms.
    static const QRegularExpression applied(QStringLiteral("config version (\\d+)"));
    const QRegularExpressionMatch match = applied.match(result.out);
    if (result.exitCode == 0 && match.hasMatch()) {
        const qint64 version = match.captured(1).toLongLong();
        for (int waited = 0; configVersion() < version && waited < 200; ++waited)
            QTest::qWait(25);
    }
    return result;
}

QString TestServer::addTrader(const QString &username, const QString &password)
{
    return addUser(username, password, QStringLiteral("trader"));
}

QString TestServer::addUser(const QString &username, const QString &password, const QString &role)
{
    runCli({ QStringLiteral("user"), QStringLiteral("add"), username, QStringLiteral("--role"),
             role, QStringLiteral("--password-stdin"), QStringLiteral("--update"),
             QStringLiteral("--data-dir"), m_dataDir },
           password.toUtf8() + '\n');
    return login(username, password).json.value(u"access_token").toString();
}

Reply TestServer::request(const QByteArray &method, const QString &path, const QByteArray &body,
                          const QString &token)
{
    return send(method, path, body, token, QByteArrayLiteral("application/json"));
}

Reply TestServer::upload(const QByteArray &bytes, const QByteArray &contentType,
                         const QString &token)
{
    return send("POST", QStringLiteral("/api/v1/documents"), bytes, token, contentType);
}

Reply TestServer::send(const QByteArray &method, const QString &path, const QByteArray &body,
                       const QString &token, const QByteArray &contentType)
{
    QNetworkRequest request(m_server->url().resolved(QUrl(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (m_tls)
        request.setSslConfiguration(*m_tls);
    if (token.startsWith(u"ApiKey "))
        request.setRawHeader("Authorization", token.toLatin1());
    else if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(10'000);
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.raw = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        result.headers.insert(name.toLower(), value);
    result.json = QJsonDocument::fromJson(result.raw).object();
    reply->deleteLater();
    return result;
}

Reply TestServer::requestFrom(const QHostAddress &source, const QByteArray &method,
                              const QString &path, const QByteArray &body, const QString &token)
{
    Reply result;
    QTcpSocket socket;
    if (!socket.bind(source)) {
        qWarning() << "cannot bind" << source << socket.errorString();
        return result;
    }
    socket.connectToHost(QHostAddress::LocalHost, quint16(url().port()));
    if (!socket.waitForConnected(5000))
        return result;
    const QByteArray authorization
        = token.isEmpty() ? QByteArray() : "Authorization: Bearer " + token.toLatin1() + "\r\n";
    socket.write(method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: localhost\r\n" + authorization
                 + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: "
                 + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    // One answer, whole (by its Content-Length): QHttpServer keeps the connection open.
    QByteArray answer;
    const auto complete = [&answer] {
        const qsizetype end = answer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        static const QRegularExpression length(QStringLiteral("(?i)content-length: *(\\d+)"));
        const QRegularExpressionMatch match = length.match(QString::fromLatin1(answer.left(end)));
        return answer.size() >= end + 4 + (match.hasMatch() ? match.captured(1).toLongLong() : 0);
    };
    while (!complete() && socket.waitForReadyRead(10'000))
        answer += socket.readAll();
    const qsizetype headerEnd = answer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return result;
    const QList<QByteArray> lines = answer.left(headerEnd).split('\n');
    result.status = lines.value(0).split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            result.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                  lines[i].mid(colon + 1).trimmed());
    }
    result.raw = answer.mid(headerEnd + 4);
    result.json = QJsonDocument::fromJson(result.raw).object();
    return result;
}

Reply TestServer::requestJson(const QByteArray &method, const QString &path,
                              const QJsonObject &body, const QString &token)
{
    return request(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
}

QJsonArray TestServer::listAll(const QString &path, const QString &key, const QString &token)
{
    QJsonArray all;
    QString before;
    do {
        const Reply page = request(
            "GET", before.isEmpty() ? path : path + QStringLiteral("?before=") + before, {}, token);
        for (const QJsonValue &item : page.json.value(key).toArray())
            all.append(item);
        before = page.json.value(u"next_before").toString();
    } while (!before.isEmpty());
    return all;
}

Reply TestServer::login(const QString &username, const QString &password)
{
    return requestJson(
        "POST", QStringLiteral("/api/v1/auth/login"),
        { { QStringLiteral("username"), username }, { QStringLiteral("password"), password } }, {});
}

QJsonObject TestServer::position(const QString &symbol, const QString &token)
{
    const QJsonArray positions = request("GET", QStringLiteral("/api/v1/positions"), {}, token)
                                     .json.value(u"positions")
                                     .toArray();
    for (const QJsonValue &value : positions) {
        if (value.toObject().value(u"symbol").toString() == symbol)
            return value.toObject();
    }
    return {};
}

QList<core::Instrument> TestServer::tradableInstruments()
{
    QList<core::Instrument> tradable;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QJsonArray listed = request("GET", QStringLiteral("/api/v1/instruments"), {}, m_token)
                                  .json.value(u"instruments")
                                  .toArray();
    for (const QJsonValue &value : listed) {
        core::Result<core::Instrument> instrument
            = core::protocol::instrumentFromJson(value.toObject());
        if (instrument && !instrument->isExpired(now))
            tradable.append(*instrument);
    }
    return tradable;
}

std::unique_ptr<QWebSocket> TestServer::openStream(QList<QJsonObject> &inbox, const QString &token,
                                                   const QStringList &channels)
{
    auto socket = std::make_unique<QWebSocket>();
    QObject::connect(socket.get(), &QWebSocket::textMessageReceived, socket.get(),
                     [&inbox](const QString &text) {
                         inbox.append(QJsonDocument::fromJson(text.toUtf8()).object());
                     });
    QSignalSpy connected(socket.get(), &QWebSocket::connected);
    QUrl url = m_server->url();
    url.setScheme(m_tls ? QStringLiteral("wss") : QStringLiteral("ws"));
    if (m_tls)
        socket->setSslConfiguration(*m_tls);
    url.setPath(QStringLiteral("/api/v1/stream"));
    socket->open(url);
    if (!connected.wait(10'000))
        return socket;
    socket->sendTextMessage(
        QString::fromUtf8(core::protocol::StreamMessage::auth(token).serialize()));
    socket->sendTextMessage(
        QString::fromUtf8(core::protocol::StreamMessage::subscribe(channels).serialize()));
    return socket;
}

} // namespace qx::test
