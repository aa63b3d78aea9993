#pragma once

#include "ui/client/tradingservice.h"

#include <QHash>

namespace qx::test {

/**
 * A TradingService the tests drive by hand: they set instruments and orders, push order
 * events and market data, and read back what the models and widgets asked for. Nothing is
 * sent anywhere. Its three parts are FakeSession, FakeOrderEntry and FakeMarketData; market
 * data pushed for a symbol goes to every live subscription on it that wants it, and a new
 * subscription first gets the last of each pushed for its market (queued, as the real one).
 * GUI thread only.
 */
class FakeTradingService : public client::TradingService
{
public:
    using Stream = client::MarketSubscription::Stream;

    class FakeSession final : public client::Session
    {
    public:
        ConnectionState connectionState() const override { return state; }
        QString username() const override { return name; }
        QString role() const override { return roleName; }
        QStringList permissions() const override { return permissionList; }
        ConnectionState state = ConnectionState::Connected;
        QString name;
        QString roleName;
        QStringList permissionList;
    };
    class FakeOrderEntry final : public client::OrderEntry
    {
    public:
        QList<core::protocol::Order> orders() const override { return orderList; }
        QList<core::protocol::Trade> trades() const override { return tradeList; }
        QList<core::protocol::Deal> deals() const override { return dealList; }
        void placeOrder(const core::protocol::NewOrder &order) override { placed.append(order); }
        void cancelOrder(const QString &orderId) override { cancelled.append(orderId); }
        void modifyOrder(const QString &orderId, const core::protocol::OrderModify &change) override
        {
            modified.append({ orderId, change });
        }
        void cancelAllOrders() override { ++cancelAllRequests; }
        QList<core::protocol::Order> orderList;
        QList<core::protocol::Trade> tradeList;
        QList<core::protocol::Deal> dealList;
        QList<core::protocol::NewOrder> placed;
        QStringList cancelled;
        QList<std::pair<QString, core::protocol::OrderModify>> modified;
        int cancelAllRequests = 0;
    };
    class FakeMarketData final : public client::MarketData
    {
    public:
        QList<core::Instrument> instruments() const override { return instrumentList; }
        QList<core::Instrument> instrumentList;
        /// The last of each pushed, by symbol, for subscriptions that come later.
        QHash<QString, core::protocol::BookSnapshot> books;
        QHash<QString, core::protocol::Ticker> tickers;
        QHash<QString, QList<core::protocol::MarketTrade>> marketTrades;
        QHash<QString, QList<core::Candle>> candles; ///< by symbol + interval

    protected:
        void started(client::MarketSubscription *subscription) override;
        void stopped(client::MarketSubscription *) override { ++stoppedCount; }

    public:
        int startedCount = 0;
        int stoppedCount = 0;
    };

    /// Records what was asked; the tests answer with the DocumentDesk's signals.
    class FakeDocumentDesk final : public client::DocumentDesk
    {
    public:
        QList<core::protocol::Document> documents() const override { return documentList; }
        void upload(const QString &filePath) override { uploaded.append(filePath); }
        void loadPage(const QString &documentId, int page) override
        {
            pagesAsked.append({ documentId, page });
        }
        void review(const QString &documentId, bool accept) override
        {
            reviews.append({ documentId, accept });
        }
        void book(const QString &documentId, const QMap<QString, QString> &corrections) override
        {
            bookings.append({ documentId, corrections });
        }
        void remove(const QString &documentId) override { removed.append(documentId); }
        QList<core::protocol::Document> documentList;
        QStringList uploaded;
        QList<std::pair<QString, int>> pagesAsked;
        QList<std::pair<QString, bool>> reviews;
        QList<std::pair<QString, QMap<QString, QString>>> bookings;
        QStringList removed;
    };

    /// Records what was asked; the tests answer with the NotificationInbox's signals.
    class FakeNotificationInbox final : public client::NotificationInbox
    {
    public:
        QList<core::protocol::Notification> notifications() const override { return list; }
        int unread() const override { return unreadCount; }
        void markRead(const QString &id) override { markedRead.append(id); }
        void markAllRead() override { ++allMarked; }
        QList<core::protocol::Notification> list;
        int unreadCount = 0;
        QStringList markedRead;
        int allMarked = 0;
    };

private:
    FakeSession m_session;
    FakeOrderEntry m_orders;
    FakeMarketData m_market;
    FakeDocumentDesk m_documents;
    FakeNotificationInbox m_notifications;

public:
    FakeTradingService() = default;

    client::Session &session() override { return m_session; }
    client::OrderEntry &orderEntry() override { return m_orders; }
    client::MarketData &marketData() override { return m_market; }
    client::DocumentDesk &documents() override { return m_documents; }
    FakeDocumentDesk &fakeDocuments() { return m_documents; }
    client::NotificationInbox &notifications() override { return m_notifications; }
    FakeNotificationInbox &fakeNotifications() { return m_notifications; }
    FakeSession &fakeSession() { return m_session; }
    FakeOrderEntry &fakeOrders() { return m_orders; }
    FakeMarketData &fakeMarket() { return m_market; }

    ConnectionState connectionState() const { return m_session.state; }
    QString username() const { return m_session.name; }
    QList<core::Instrument> instruments() const { return m_market.instrumentList; }
    std::optional<core::Instrument> instrument(const QString &symbol) const
    {
        return m_market.instrument(symbol);
    }
    QList<core::protocol::Order> orders() const { return m_orders.orderList; }
    QList<core::protocol::Trade> trades() const { return m_orders.tradeList; }

    void setConnectionState(ConnectionState state);
    void setIdentity(const QString &username, const QString &role);
    void setInstruments(const QList<core::Instrument> &instruments);
    void resetOrders(const QList<core::protocol::Order> &orders);
    void pushOrder(const core::protocol::Order &order);
    /// Replaces the fills (newest first), as a reload does.
    void resetTrades(const QList<core::protocol::Trade> &newestFirst);
    /// A new fill, as the stream brings it.
    void pushTrade(const core::protocol::Trade &trade);
    /// The live deals are now `deals` (dealsReset).
    void resetDeals(const QList<core::protocol::Deal> &deals);

    /// Market data as the stream brings it, to the subscriptions on its symbol.
    void pushBook(const core::protocol::BookSnapshot &book);
    void pushTicker(const core::protocol::Ticker &ticker);
    void pushMarketTrades(const QString &symbol, const QList<core::protocol::MarketTrade> &trades);
    void pushMarketTrade(const core::protocol::MarketTrade &trade);
    void pushCandles(const QString &symbol, core::CandleInterval interval,
                     const QList<core::Candle> &candles);
    void pushCandle(const QString &symbol, core::CandleInterval interval,
                    const core::Candle &candle);

    /// The symbols with a live subscription wanting `stream` (Ticker: on a handle or a board),
    /// sorted, each once.
    QStringList subscribedSymbols(Stream stream) const;
    /// The chart's market: the symbol of the newest live candle subscription (empty: none).
    QString watched() const;
    core::CandleInterval watchedInterval() const;

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

    QList<core::protocol::NewOrder> &placed = m_orders.placed;
    QStringList &cancelled = m_orders.cancelled;
    QList<std::pair<QString, core::protocol::OrderModify>> &modified = m_orders.modified;
    int &cancelAllRequests = m_orders.cancelAllRequests;
};

} // namespace qx::test
