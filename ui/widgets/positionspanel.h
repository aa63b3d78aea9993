#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace qx::client {
class MarketData;
class OrderEntry;
} // namespace qx::client

namespace qx::models {
class PositionsModel;
}

namespace qx::widgets {

/**
 * The positions dock: positions and P&L by instrument (sortable), the P&L totals per currency
 * under them, and the net position by delivery month beside them.
 *
 * GUI thread only.
 */
class PositionsPanel : public QWidget
{
    Q_OBJECT

public:
    PositionsPanel(client::MarketData *market, client::OrderEntry *orders,
                   QWidget *parent = nullptr);

    models::PositionsModel *model() const { return m_model; }
    QTableView *positionsView() const { return m_positions; }
    QTableView *monthsView() const { return m_months; }
    QString totalsText() const;

private:
    void updateTotals();

    models::PositionsModel *m_model;
    QTableView *m_positions;
    QTableView *m_months;
    QLabel *m_totals;
};

} // namespace qx::widgets
