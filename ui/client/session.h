#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace qx::client {

/**
 * The session part of a trading client: whether it is connected, who is signed in, to which
 * server (and its version), the stream's round trip, and the end of the session when the
 * server no longer accepts it. Views that show the status bar or enable actions take this
 * and nothing else. Plain values only, so the remote client's and the tests' fake are
 * interchangeable.
 *
 * GUI thread only.
 */
class Session : public QObject
{
    Q_OBJECT

public:
    enum class ConnectionState { Disconnected, Connecting, Connected, Reconnecting };
    Q_ENUM(ConnectionState)

    using QObject::QObject;

    virtual ConnectionState connectionState() const = 0;
    /// Empty until the server has said who we are.
    virtual QString username() const = 0;
    virtual QString role() const = 0;
    /// What the server lets this user do ("orders:write", "deals:book", ...): a view offers
    /// only the actions allowed. Empty until the server has said.
    virtual QStringList permissions() const { return {}; }
    bool can(const QString &permission) const { return permissions().contains(permission); }
    /// Where the session is, and the version that server reports (empty when unknown).
    virtual QUrl serverUrl() const { return {}; }
    virtual QString serverVersion() const { return {}; }

Q_SIGNALS:
    void connectionStateChanged(qx::client::Session::ConnectionState state);
    /// username(), role() and permissions() changed.
    void identityChanged();
    /// The server no longer accepts our credentials; the user has to sign in again.
    void sessionExpired(const QString &message);
    /// Round trip to the server, for the status bar.
    void latencyMeasured(int milliseconds);
};

} // namespace qx::client
