#pragma once

#include <QList>
#include <QTcpServer>
#include <QTcpSocket>

namespace qx::test {

/**
 * A loopback TCP relay between the client and a real server, so a test can cut every
 * connection (as a network outage would) and refuse new ones for a while, without touching
 * the server. GUI (test) thread only.
 */
class TcpProxy : public QObject
{
    Q_OBJECT

public:
    TcpProxy(quint16 targetPort, QObject *parent = nullptr);

    quint16 port() const { return m_server.serverPort(); }
    /// Aborts every relayed connection, both sides.
    void dropAll();
    /// While true, new connections are closed at once, like a server that is down.
    void setRefusing(bool refusing) { m_refusing = refusing; }

private:
    void onNewConnection();

    quint16 m_targetPort;
    QTcpServer m_server;
    bool m_refusing = false;
    QList<QTcpSocket *> m_sockets;
};

} // namespace qx::test
