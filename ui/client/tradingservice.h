#pragma once

#include "ui/client/documentdesk.h"
#include "ui/client/marketdata.h"
#include "ui/client/notificationinbox.h"
#include "ui/client/orderentry.h"
#include "ui/client/session.h"

#include <QUrl>

namespace qx::client {

/// A server's address as one name, whatever way it was typed: no user info, no trailing slash
/// ("https://host/" is "https://host"). What a remembered session and a saved server are
/// matched by.
QUrl canonicalServerUrl(const QUrl &url);

/**
 * A trading client as its parts: the Session (connection, identity), OrderEntry (the
 * user's orders, fills and deals, the order actions), MarketData (instruments, market
 * subscriptions), DocumentDesk (the firm's confirmations and invoices) and NotificationInbox
 * (the user's notifications). Each is a QObject of its
 * own that the client owns; a view is handed only the parts it needs. The remote client
 * (RemoteTradingService) and the tests' fake implement it. Not a QObject itself.
 *
 * GUI thread only.
 */
class TradingService
{
public:
    using ConnectionState = Session::ConnectionState;

    virtual ~TradingService() = default;

    virtual Session &session() = 0;
    virtual OrderEntry &orderEntry() = 0;
    virtual MarketData &marketData() = 0;
    virtual DocumentDesk &documents() = 0;
    virtual NotificationInbox &notifications() = 0;
};

} // namespace qx::client
