#pragma once

#include "core/instrument.h"
#include "ui/client/localserver.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QSslConfiguration>
#include <QStringList>
#include <QUrl>
#include <QWebSocket>

#include <memory>
#include <optional>

namespace qx::test {

class PostgresServer;

/// An HTTP answer: status, parsed JSON object and raw body.
struct Reply
{
    int status = 0;
    QJsonObject json;
    QByteArray raw;
    QHash<QByteArray, QByteArray> headers; ///< by lower-case name

    QString errorCode() const;
    QString errorMessage() const;
};

/// The outcome of running quantenergx-server's command line.
struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

CliResult runCli(const QStringList &arguments, const QByteArray &input = {});

/// A good-till-cancel limit order entry, as POST /api/v1/orders takes it.
QJsonObject limitOrder(const QString &clientOrderId, const QString &symbol, const char *side,
                       const QString &quantity, const QString &price);

/**
 * A real quantenergx-server on loopback for tests, in a data directory of the test's, with a
 * trader "alice" signed in; plus blocking helpers for REST and the WebSocket stream (tests
 * may block: they are the only user of their event loop). Main thread only.
 *
 * With QX_TEST_DATABASE=postgresql in the environment (CTest sets it on the *_postgresql
 * variants of the integration tests) the server stores on a PostgreSQL 15 of its own instead
 * of SQLite: everything it and the CLI run is then on PostgreSQL (QX_DATABASE names it while
 * this server lives, and the one before it again afterwards).
 */
class TestServer
{
public:
    explicit TestServer(QString dataDir, QStringList serveArguments = {});
    ~TestServer();

    /// Starts (or restarts) the server and signs alice in; false with `error()` on failure.
    bool start();
    /// Trusts the certificate (PEM) at `path` in every request and stream (a server started
    /// with --tls-cert): before start().
    void trustCertificate(const QString &path);
    /// The PostgreSQL the server stores on, or nullptr on SQLite.
    PostgresServer *postgres() const { return m_postgres.get(); }
    void stop() { m_server->stop(); }
    void kill() { m_server->kill(); }
    QString error() const { return m_error; }
    /// What the server wrote to stderr (its log), for a failing test to show.
    QString log() const { return m_server ? m_server->log() : QString(); }
    QString dataDir() const { return m_dataDir; }
    QUrl url() const { return m_server->url(); }
    QString aliceToken() const { return m_token; }
    QString alicePassword() const { return m_server->password(); }

    /// Runs an admin command that changes users, limits or credit lines (with this server's
    /// --data-dir), and once it succeeded waits until the server works with the change.
    CliResult runAdmin(QStringList arguments, const QByteArray &input = {});
    /// The configuration version the server works with (GET /healthz).
    qint64 configVersion();

    /// Adds a trader through the CLI and returns a fresh access token for them.
    QString addTrader(const QString &username, const QString &password);
    /// The same with any role (viewer, trader, risk, admin).
    QString addUser(const QString &username, const QString &password, const QString &role);

    /// `token`: an access token, or a whole "ApiKey ..." authorization.
    Reply request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                  const QString &token = {});
    Reply requestJson(const QByteArray &method, const QString &path, const QJsonObject &body,
                      const QString &token);
    Reply login(const QString &username, const QString &password);
    /// POST /api/v1/documents: `bytes` as the body, sent as `contentType`.
    Reply upload(const QByteArray &bytes, const QByteArray &contentType, const QString &token);
    /// Every item of a paged list (GET /api/v1/orders or /trades: `key` "orders" or "trades"),
    /// newest first, following next_before to the end.
    QJsonArray listAll(const QString &path, const QString &key, const QString &token);
    /// A request sent from another loopback address (127.0.0.2, say), as a client elsewhere
    /// would: over a plain socket bound to `source`, closed after the answer.
    Reply requestFrom(const QHostAddress &source, const QByteArray &method, const QString &path,
                      const QByteArray &body = {}, const QString &token = {});
    /// `token`'s position in `symbol` as GET /api/v1/positions reports it (empty: none).
    QJsonObject position(const QString &symbol, const QString &token);
    /// The listed instruments still trading now (an hour past its gate closure is listed but
    /// expired), in board order.
    QList<core::Instrument> tradableInstruments();

    /// A socket that has authenticated and subscribed to `channels`; every message it gets
    /// lands in `inbox`.
    std::unique_ptr<QWebSocket> openStream(QList<QJsonObject> &inbox, const QString &token,
                                           const QStringList &channels
                                           = { QStringLiteral("orders") });

private:
    Reply send(const QByteArray &method, const QString &path, const QByteArray &body,
               const QString &token, const QByteArray &contentType);

    QString m_dataDir;
    QStringList m_serveArguments;
    std::unique_ptr<PostgresServer> m_postgres;
    QString m_databaseUrl; ///< on m_postgres
    QByteArray m_previousDatabase; ///< QX_DATABASE before this server set it (null: unset)
    std::unique_ptr<client::LocalServer> m_server;
    QNetworkAccessManager m_network;
    std::optional<QSslConfiguration> m_tls;
    QString m_token;
    QString m_error;
};

} // namespace qx::test
