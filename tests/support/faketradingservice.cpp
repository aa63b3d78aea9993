#include "faketradingservice.h"

namespace qx::test {

void FakeTradingService::setConnectionState(ConnectionState state)
{
    m_state = state;
    Q_EMIT connectionStateChanged(state);
}

void FakeTradingService::setIdentity(const QString &username, const QString &role)
{
    m_username = username;
    m_role = role;
    Q_EMIT identityChanged();
}

void FakeTradingService::setInstruments(const QList<core::Instrument> &instruments)
{
    m_instruments = instruments;
    Q_EMIT instrumentsChanged();
}

void FakeTradingService::resetOrders(const QList<core::protocol::Order> &orders)
{
    m_orders = orders;
    Q_EMIT ordersReset(m_orders);
}

void FakeTradingService::resetTrades(const QList<core::protocol::Trade> &newestFirst)
{
    m_trades = newestFirst;
    Q_EMIT tradesReset(m_trades);
}

void FakeTradingService::pushTrade(const core::protocol::Trade &trade)
{
    m_trades.prepend(trade);
    Q_EMIT tradeAdded(trade);
}

core::protocol::Trade FakeTradingService::trade(const QString &id, const QString &symbol,
                                                core::protocol::Side side, const QString &quantity,
                                                const QString &price, const QDateTime &time,
                                                bool aggressor)
{
    core::protocol::Trade trade;
    trade.id = id;
    trade.symbol = symbol;
    trade.side = side;
    trade.quantity = *core::Quantity::parse(quantity);
    trade.price = *core::Price::parse(price);
    trade.orderId = u"o" + id;
    trade.clientOrderId = u"c" + id;
    trade.aggressor = aggressor;
    trade.time = time;
    return trade;
}

void FakeTradingService::pushOrder(const core::protocol::Order &order)
{
    auto it
        = std::find_if(m_orders.begin(), m_orders.end(),
                       [&](const core::protocol::Order &known) { return known.id == order.id; });
    if (it != m_orders.end())
        *it = order;
    else
        m_orders.append(order);
    Q_EMIT orderChanged(order);
}

core::Instrument FakeTradingService::power()
{
    core::Instrument instrument;
    instrument.symbol = QStringLiteral("DE.BASE.M.2027-03");
    instrument.description = QStringLiteral("German power base load, March 2027");
    instrument.commodity = core::Commodity::Power;
    instrument.area = QStringLiteral("DE");
    instrument.load = core::LoadShape::Base;
    instrument.delivery = core::DeliveryPeriod::month(2027, 3);
    instrument.timeZone = QByteArrayLiteral("Europe/Berlin");
    instrument.unit = core::QuantityUnit::Megawatt;
    instrument.currency = QStringLiteral("EUR");
    instrument.tickSize = *core::Price::parse(u"0.01");
    instrument.lotSize = *core::Quantity::parse(u"1");
    instrument.lastTradingDay = QDate(2099, 12, 31); // never expires under the tests
    return instrument;
}

core::Instrument FakeTradingService::gas()
{
    core::Instrument instrument;
    instrument.symbol = QStringLiteral("HH.M.2027-03");
    instrument.description = QStringLiteral("Henry Hub natural gas, March 2027");
    instrument.commodity = core::Commodity::NaturalGas;
    instrument.area = QStringLiteral("HH");
    instrument.delivery = core::DeliveryPeriod::month(2027, 3);
    instrument.timeZone = QByteArrayLiteral("America/Chicago");
    instrument.unit = core::QuantityUnit::MMBtuPerDay;
    instrument.currency = QStringLiteral("USD");
    instrument.tickSize = *core::Price::parse(u"0.001");
    instrument.lotSize = *core::Quantity::parse(u"0.5");
    instrument.lastTradingDay = QDate(2099, 12, 31);
    return instrument;
}

core::protocol::Order FakeTradingService::order(const QString &id, const QString &symbol,
                                                core::protocol::Side side, const QString &quantity,
                                                const QString &price,
                                                core::protocol::OrderStatus status,
                                                const QDateTime &createdAt)
{
    core::protocol::Order order;
    order.id = id;
    order.clientOrderId = QStringLiteral("client-") + id;
    order.username = QStringLiteral("trader");
    order.symbol = symbol;
    order.side = side;
    order.quantity = *core::Quantity::parse(quantity);
    order.price = *core::Price::parse(price);
    order.status = status;
    order.createdAt
        = createdAt.isValid() ? createdAt : QDateTime(QDate(2027, 1, 4), QTime(9, 30, 15), Qt::UTC);
    order.updatedAt = order.createdAt;
    return order;
}

} // namespace qx::test
