#pragma once

#include "core/protocol/messages.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace qx::client {
class TradingService;
}

namespace qx::widgets {

class DepthModel;

/**
 * The watched market at a glance: a line with the last trade, today's volume and the spread,
 * over the depth ladder (DepthModel). Clicking a level offers to trade against it: an offer
 * becomes a buy at its price, a bid a sell (priceChosen), as on a broker screen.
 *
 * GUI thread only.
 */
class DepthLadder : public QWidget
{
    Q_OBJECT

public:
    explicit DepthLadder(client::TradingService *service, QWidget *parent = nullptr);

    void setSymbol(const QString &symbol);
    DepthModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString summaryText() const;

Q_SIGNALS:
    /// The user clicked a level: trade `side` at `price` (a decimal string).
    void priceChosen(core::protocol::Side side, const QString &price);

private:
    void showTicker(const core::protocol::Ticker &ticker);

    client::TradingService *m_service;
    DepthModel *m_model;
    QLabel *m_summary;
    QTableView *m_view;
};

} // namespace qx::widgets
