#pragma once

#include "ui/client/tradingservice.h"

#include <QMainWindow>
#include <QSet>

class QAction;
class QDockWidget;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace qx::widgets {

class OrderTicket;
class OrdersModel;

/**
 * The workstation's window: the order blotter in the middle, the order ticket in a dock, a
 * "Cancel order" action (toolbar, Delete key, context menu) and the connection, user and
 * latency in the status bar. Window geometry, dock layout and blotter columns are kept in
 * QSettings between runs.
 *
 * GUI thread only.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(client::TradingService *service, QWidget *parent = nullptr);

    QTableView *blotter() const { return m_blotter; }
    OrderTicket *ticket() const { return m_ticket; }
    OrdersModel *ordersModel() const { return m_model; }
    QAction *cancelAction() const { return m_cancelAction; }

    /// A transient note in the status bar ("Starting local server…").
    void showStatus(const QString &message, int timeoutMs = 0);
    /// Cancels the order selected in the blotter, if it is still live.
    void cancelSelectedOrder();

Q_SIGNALS:
    /// The user asked to sign in (again), e.g. to another server.
    void signInRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void restoreLayout();
    void updateConnection(client::TradingService::ConnectionState state);
    void updateIdentity();
    void updateCancelEnabled();
    QString selectedOrderId() const;

    client::TradingService *m_service;
    OrdersModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_blotter;
    OrderTicket *m_ticket;
    QDockWidget *m_ticketDock;
    QAction *m_cancelAction;
    QLabel *m_connectionLabel;
    QLabel *m_identityLabel;
    QLabel *m_latencyLabel;
    /// Cancels sent from this window and not yet answered, to report their outcome.
    QSet<QString> m_cancellingOrderIds;
};

} // namespace qx::widgets
