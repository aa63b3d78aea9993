#pragma once

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <functional>

namespace qx::server {

/**
 * Sends a client's request on to the server that owns the book it concerns, as the client
 * sent it (method, path, body, Authorization), and hands back that server's answer. The
 * forwarded request is marked (kForwardedHeader, carrying the cluster's forward secret) so
 * that a server which does not own the book either answers not_owner instead of passing it on
 * again, and so that the owner does not count it against the client's request rate twice.
 *
 * Lives on the server's main thread; never blocks it.
 */
class Forwarder : public QObject
{
    Q_OBJECT

public:
    static constexpr QByteArrayView kForwardedHeader = "X-QX-Forwarded";
    /// The address the request came to the forwarding server from (for the audit log),
    /// believed only with the forward secret.
    static constexpr QByteArrayView kClientAddressHeader = "X-QX-Client-Address";
    static constexpr int kTimeoutMs = 10'000;
    /// The owner's HTTP status and body; status 0 when it could not be reached.
    using Done = std::function<void(int status, const QByteArray &body)>;

    using QObject::QObject;
    void setSecret(const QByteArray &secret) { m_secret = secret; }

    void send(const QUrl &owner, const QByteArray &method, const QString &pathAndQuery,
              const QByteArray &body, const QByteArray &authorization, const QString &clientAddress,
              Done done);

private:
    QNetworkAccessManager m_network;
    QByteArray m_secret = "1";
};

} // namespace qx::server
