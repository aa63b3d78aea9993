#pragma once

#include "core/protocol/messages.h"

#include <QPoint>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QTableView;

namespace qx::client {
class MarketData;
class MarketSubscription;
class OrderEntry;
} // namespace qx::client

namespace qx::models {
class DepthModel;
}

namespace qx::widgets {

/**
 * The watched market at a glance: a line with the last trade, today's volume and the spread,
 * over the depth ladder (DepthModel). Clicking a level offers to trade against it: an offer
 * becomes a buy at its price, a bid a sell (priceChosen), as on a broker screen. Dragging one
 * of the trader's own quantities (the "Mine" columns) to another level moves the orders
 * resting there to that price (modifyOrder for each).
 *
 * GUI thread only.
 */
class DepthLadder : public QWidget
{
    Q_OBJECT

public:
    DepthLadder(client::MarketData *market, client::OrderEntry *orders, QWidget *parent = nullptr);
    ~DepthLadder() override;

    void setSymbol(const QString &symbol);
    models::DepthModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString summaryText() const;

Q_SIGNALS:
    /// The user clicked a level: trade `side` at `price` (a decimal string).
    void priceChosen(core::protocol::Side side, const QString &price);
    /// Own orders were dragged to another level: `count` modifications sent, to `price`.
    void ordersMoved(int count, const QString &price);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// Asks the service to move the live own orders of `side` at `from` to `to`; how many.
    int moveOwnOrders(core::protocol::Side side, const QString &from, const QString &to);

    void showTicker(const core::protocol::Ticker &ticker);

    client::MarketData *m_market;
    client::OrderEntry *m_orders;
    std::unique_ptr<client::MarketSubscription> m_ticker; ///< of the market shown
    models::DepthModel *m_model;
    QLabel *m_summary;
    QTableView *m_view;
    /// A drag of own orders under way: from which side and price, where it started.
    struct Drag
    {
        core::protocol::Side side = core::protocol::Side::Buy;
        QString price;
        QPoint start;
        bool moving = false;
    };
    std::optional<Drag> m_drag;
};

} // namespace qx::widgets
