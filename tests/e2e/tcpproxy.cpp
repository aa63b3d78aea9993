#include "tcpproxy.h"

namespace qx::test {

TcpProxy::TcpProxy(quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_targetPort(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TcpProxy::onNewConnection);
    m_server.listen(QHostAddress::LocalHost, 0);
}

void TcpProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        if (m_refusing) {
            client->abort();
            client->deleteLater();
            continue;
        }
        auto *upstream = new QTcpSocket(this);
        client->setParent(this);
        m_sockets << client << upstream;
        // Bytes written before the upstream connection is up wait in its write buffer.
        connect(client, &QTcpSocket::readyRead, upstream,
                [client, upstream] { upstream->write(client->readAll()); });
        connect(upstream, &QTcpSocket::readyRead, client,
                [client, upstream] { client->write(upstream->readAll()); });
        const auto close = [this, client, upstream] {
            m_sockets.removeAll(client);
            m_sockets.removeAll(upstream);
            client->disconnect(this);
            upstream->disconnect(this);
            client->abort();
            upstream->abort();
            client->deleteLater();
            upstream->deleteLater();
        };
        connect(client, &QTcpSocket::disconnected, this, close);
        connect(upstream, &QTcpSocket::disconnected, this, close);
        upstream->connectToHost(QHostAddress::LocalHost, m_targetPort);
    }
}

void TcpProxy::dropAll()
{
    const QList<QTcpSocket *> sockets = m_sockets;
    for (QTcpSocket *socket : sockets)
        socket->abort();
}

} // namespace qx::test
