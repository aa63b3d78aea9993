#include "desktopsupport.h"

#include "testapi.h"

#include <QSignalSpy>
#include <QTest>

namespace qx::test {

QString euroPowerMonth(client::TradingService &service)
{
    for (const core::Instrument &instrument : service.marketData().instruments()) {
        if (instrument.unit == core::QuantityUnit::Megawatt && instrument.currency == u"EUR"
            && instrument.tickSize.toString() == u"0.01"
            && instrument.delivery.kind == core::DeliveryPeriod::Kind::Month
            && !instrument.isExpired(QDateTime::currentDateTimeUtc())) {
            return instrument.symbol;
        }
    }
    return {};
}

QString activeSymbol(client::TradingService &service, QStringView prefix)
{
    for (const core::Instrument &instrument : service.marketData().instruments()) {
        if (instrument.symbol.startsWith(prefix)
            && !instrument.isExpired(QDateTime::currentDateTimeUtc()))
            return instrument.symbol;
    }
    return {};
}

bool placeAndWait(client::RemoteTradingService &trader, const core::protocol::NewOrder &order,
                  const client::LocalServer &server)
{
    QSignalSpy refused(&trader.orderEntry(), &client::OrderEntry::orderRejected);
    trader.orderEntry().placeOrder(order);
    const auto booked = [&] {
        const QList<core::protocol::Order> known = trader.orderEntry().orders();
        return std::any_of(known.cbegin(), known.cend(),
                           [&](const auto &o) { return o.clientOrderId == order.clientOrderId; });
    };
    if (QTest::qWaitFor([&] { return booked() || !refused.isEmpty(); }, kNetworkTimeoutMs)
        && refused.isEmpty())
        return true;
    if (!refused.isEmpty()) {
        const auto error = refused.first().at(1).value<core::Error>();
        qWarning().noquote() << "order refused:" << error.code << error.message;
    } else {
        qWarning() << "no answer to the order";
    }
    qWarning().noquote() << "server log:" << server.log().right(3000);
    return false;
}

core::protocol::NewOrder limitOrder(const QString &symbol, core::protocol::Side side,
                                    QStringView quantity, QStringView price)
{
    core::protocol::NewOrder order;
    order.clientOrderId = client::OrderEntry::newClientOrderId();
    order.symbol = symbol;
    order.side = side;
    order.quantity = core::Quantity::parse(quantity).value();
    order.price = core::Price::parse(price).value();
    return order;
}

bool addTrader(const QString &dataDir, const QString &username, const QString &password)
{
    const CliResult added
        = runCli({ QStringLiteral("user"), QStringLiteral("add"), username,
                   QStringLiteral("--role"), QStringLiteral("trader"),
                   QStringLiteral("--password-stdin"), QStringLiteral("--data-dir"), dataDir },
                 password.toUtf8() + '\n');
    if (added.exitCode != 0)
        qWarning().noquote() << "user add" << username << "refused:" << added.err;
    return added.exitCode == 0;
}

} // namespace qx::test
