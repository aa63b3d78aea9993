#pragma once

#include "ui/client/tradingservice.h"

namespace qx::test {

/**
 * A TradingService the tests drive by hand: they set instruments and orders, push order
 * events, and read back what the models and widgets asked for. Nothing is sent anywhere.
 * GUI thread only.
 */
class FakeTradingService : public client::TradingService
{
    Q_OBJECT

public:
    using TradingService::TradingService;

    ConnectionState connectionState() const override { return m_state; }
    QString username() const override { return m_username; }
    QString role() const override { return m_role; }
    QList<core::Instrument> instruments() const override { return m_instruments; }
    QList<core::protocol::Order> orders() const override { return m_orders; }
    QList<core::protocol::Trade> trades() const override { return m_trades; }
    void placeOrder(const core::protocol::NewOrder &order) override { placed.append(order); }
    void cancelOrder(const QString &orderId) override { cancelled.append(orderId); }
    void modifyOrder(const QString &orderId, const core::protocol::OrderModify &change) override
    {
        modified.append({ orderId, change });
    }
    void cancelAllOrders() override { ++cancelAllRequests; }
    void watchMarket(const QString &symbol, core::CandleInterval interval) override
    {
        watched = symbol;
        watchedInterval = interval;
    }
    QString watchedSymbol() const override { return watched; }
    void watchTickers(const QStringList &symbols) override { tickerSymbols = symbols; }

    void setConnectionState(ConnectionState state);
    void setIdentity(const QString &username, const QString &role);
    void setInstruments(const QList<core::Instrument> &instruments);
    void resetOrders(const QList<core::protocol::Order> &orders);
    void pushOrder(const core::protocol::Order &order);
    /// Replaces the fills (newest first), as a reload does.
    void resetTrades(const QList<core::protocol::Trade> &newestFirst);
    /// A new fill, as the stream brings it.
    void pushTrade(const core::protocol::Trade &trade);
    static core::protocol::Trade trade(const QString &id, const QString &symbol,
                                       core::protocol::Side side, const QString &quantity,
                                       const QString &price, const QDateTime &time,
                                       bool aggressor = true);

    /// German power base month, EUR/MWh, tick 0.01, lot 1 MW.
    static core::Instrument power();
    /// Henry Hub month, USD/MMBtu, tick 0.001, lot 0.5 MMBtu/d (finer than the venue's, to
    /// exercise decimals).
    static core::Instrument gas();
    static core::protocol::Order order(const QString &id, const QString &symbol,
                                       core::protocol::Side side, const QString &quantity,
                                       const QString &price,
                                       core::protocol::OrderStatus status
                                       = core::protocol::OrderStatus::Open,
                                       const QDateTime &createdAt = {});

    QList<core::protocol::NewOrder> placed;
    QStringList cancelled;
    QList<std::pair<QString, core::protocol::OrderModify>> modified;
    int cancelAllRequests = 0;
    QString watched;
    core::CandleInterval watchedInterval = core::CandleInterval::OneMinute;
    QStringList tickerSymbols; ///< what the market watch follows

private:
    ConnectionState m_state = ConnectionState::Connected;
    QString m_username;
    QString m_role;
    QList<core::Instrument> m_instruments;
    QList<core::protocol::Order> m_orders;
    QList<core::protocol::Trade> m_trades;
};

} // namespace qx::test
