#include "server/cluster/forwarder.h"

#include <QNetworkReply>
#include <QNetworkRequest>

namespace qx::server {

void Forwarder::send(const QUrl &owner, const QByteArray &method, const QString &pathAndQuery,
                     const QByteArray &body, const QByteArray &authorization,
                     const QString &clientAddress, Done done)
{
    QUrl url = owner;
    const qsizetype question = pathAndQuery.indexOf(u'?');
    url.setPath(pathAndQuery.left(question));
    if (question >= 0)
        url.setQuery(pathAndQuery.mid(question + 1));
    QNetworkRequest request(url);
    request.setTransferTimeout(kTimeoutMs);
    request.setRawHeader("Authorization", authorization);
    request.setRawHeader(kForwardedHeader.toByteArray(), m_secret);
    if (!clientAddress.isEmpty())
        request.setRawHeader(kClientAddressHeader.toByteArray(), clientAddress.toLatin1());
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        done(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll());
    });
}

} // namespace qx::server
