#pragma once

#include "ui/client/localserver.h"
#include "ui/client/remotetradingservice.h"

/// What the end-to-end tests of the desktop share: finding instruments and placing orders
/// through a real client against a real server.
namespace qx::test {

constexpr int kNetworkTimeoutMs = 15000;

/// A tradable euro power month with a 0.01 tick: the ticket speaks MW and EUR/MWh there.
QString euroPowerMonth(client::TradingService &service);
/// The first tradable instrument whose symbol starts with `prefix`.
QString activeSymbol(client::TradingService &service, QStringView prefix);
/// Places `order` through `trader` and waits until the trader knows it is booked (by its
/// answer, its stream event or an order reload, whichever comes first: after a reload that
/// holds it already, the others change nothing and signal nothing); on a refusal or a
/// timeout, says why (the refusal, and the end of the server's log).
bool placeAndWait(client::RemoteTradingService &trader, const core::protocol::NewOrder &order,
                  const client::LocalServer &server);
/// A good-till-cancelled limit order under a fresh client order id.
core::protocol::NewOrder limitOrder(const QString &symbol, core::protocol::Side side,
                                    QStringView quantity, QStringView price);
/// Adds a trader with `password` to the server's data directory, as an admin does (the
/// CLI); false, saying why, when it refuses.
bool addTrader(const QString &dataDir, const QString &username, const QString &password);

} // namespace qx::test
