#pragma once

#include "ui/client/tradingservice.h"

#include <QMainWindow>
#include <QSet>
#include <QTimeZone>
#include <QTimer>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QSortFilterProxyModel;
class QAbstractItemModel;
class QSystemTrayIcon;
class QTableView;
class QToolButton;

namespace qx::models {
class MarketTradesModel;
class OrdersModel;
class TradesModel;
} // namespace qx::models

namespace qx::widgets {

class CandleChart;
class SettingsDialog;
class DepthLadder;
class MarketWatch;
class OrderTicket;
class BlotterFilterModel;
class PositionsPanel;
class DocumentsPanel;
class NotificationsPanel;

/**
 * The workstation's window: the order blotter in the middle, the price chart above it and the
 * fills, positions and documents under it, the market watch on the left, the order ticket, depth
 * ladder and time and sales on the right, all docks; a "Cancel order" action (toolbar, Delete key,
 * context menu) and the connection, user and latency in the status bar. The market docks follow the
 * instrument selected in the ticket or the market watch (the session watches that market), and a
 * click on the ladder or a double-click on the board's prices prefills the ticket. Window geometry,
 * dock layout and blotter columns are kept in QSettings between runs.
 *
 * GUI thread only.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// Shows the client's four parts; `client` must outlive the window.
    explicit MainWindow(client::TradingService *client, QWidget *parent = nullptr);
    ~MainWindow() override;

    QTableView *blotter() const { return m_blotter; }
    QTableView *fillsBlotter() const { return m_fillsView; }
    OrderTicket *ticket() const { return m_ticket; }
    models::OrdersModel *ordersModel() const { return m_model; }
    QAction *cancelAction() const { return m_cancelAction; }
    DepthLadder *depthLadder() const { return m_depth; }
    QTableView *marketTradesView() const { return m_marketTradesView; }
    CandleChart *chart() const { return m_chart; }
    MarketWatch *marketWatch() const { return m_marketWatch; }
    PositionsPanel *positions() const { return m_positions; }
    DocumentsPanel *documents() const { return m_documents; }
    NotificationsPanel *notifications() const { return m_notifications; }
    /// The status bar's unread count, which raises the Notifications dock.
    QToolButton *unreadBadge() const { return m_unreadBadge; }

    /// Named dock layouts (the docks' places, sizes and visibility), kept in QSettings.
    QStringList savedLayouts() const;
    void saveLayout(const QString &name);
    /// False when no layout has that name.
    bool restoreLayout(const QString &name);
    void deleteLayout(const QString &name);
    /// Every dock back where a first run puts it.
    void resetLayout();

    /// A transient note in the status bar ("Starting local server…").
    void showStatus(const QString &message, int timeoutMs = 0);
    /// Cancels the order selected in the blotter, if it is still live.
    void cancelSelectedOrder();
    /// Orders → Cancel all: asks once (window-modal), then cancels every live order.
    void cancelAllOrders();
    QAction *cancelAllAction() const { return m_cancelAllAction; }
    /// Writes `model` (a blotter, as sorted) to a CSV file at `path`: the text is taken now,
    /// the file written on a worker thread. Outcome: exportFinished(), and the status bar.
    void exportTo(const QAbstractItemModel &model, const QString &path);
    /// Writes what restoreSession() reads back (geometry, docks, blotter columns, the
    /// ticket's instrument): on closing, and before the window is rebuilt.
    void saveSession();
    /// Tools → Settings (window-modal, deletes itself when closed).
    SettingsDialog *openSettings();
    /// Help → About: the versions of the workstation, the server, Qt and TLS.
    QString aboutText() const;

Q_SIGNALS:
    /// The user asked to sign in (again), e.g. to another server.
    void signInRequested();
    /// Session → Sign out (here; the remembered session is forgotten) or Sign out everywhere
    /// (every token of the user, on every computer).
    void signOutRequested(bool everywhere);
    /// An export is written (or not): what happened, as the status bar says it.
    void exportFinished(const QString &message);
    /// The language or number format was changed in the settings: build the window anew.
    void languageChanged();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    /// What the last session left: geometry, docks, blotter columns, the ticket's instrument.
    void restoreSession();
    /// First run: gives the docks their share of the window as shown.
    void applyDefaultLayout();
    /// The View menu: a toggle per dock, and the named layouts.
    void buildViewMenu();
    /// Asks where, then exports the blotter `view` ("orders", "fills": the file's name).
    void exportBlotter(QTableView *view, const QString &what);
    /// Points the market docks and the chart at `symbol`.
    void watch(const QString &symbol);
    /// Subscribes the chart to `symbol`'s candles at its interval (none: nothing).
    void followChart(const QString &symbol);
    /// The unread badge, the dock's title, and what arrives: a tray message (where there is a
    /// tray), and for a critical notification a CriticalAlert that stays until acknowledged.
    void setUpNotifications(client::NotificationInbox *inbox);
    void updateConnection(client::Session::ConnectionState state);
    void updateIdentity();
    void updateClock();
    void updateCancelEnabled();
    QString selectedOrderId() const;

    client::Session *m_session;
    client::OrderEntry *m_orders;
    client::MarketData *m_market;
    models::OrdersModel *m_model;
    BlotterFilterModel *m_proxy;
    QTableView *m_blotter;
    models::TradesModel *m_fills;
    BlotterFilterModel *m_fillsProxy;
    QTableView *m_fillsView;
    OrderTicket *m_ticket;
    QDockWidget *m_ticketDock;
    DepthLadder *m_depth;
    models::MarketTradesModel *m_marketTrades;
    QTableView *m_marketTradesView;
    CandleChart *m_chart;
    MarketWatch *m_marketWatch;
    PositionsPanel *m_positions;
    DocumentsPanel *m_documents;
    NotificationsPanel *m_notifications;
    QDockWidget *m_notificationsDock = nullptr;
    QToolButton *m_unreadBadge;
    QSystemTrayIcon *m_tray = nullptr; ///< where the system has a tray
    QAction *m_cancelAction;
    QAction *m_cancelAllAction;
    QLabel *m_connectionLabel;
    QLabel *m_identityLabel;
    QLabel *m_latencyLabel;
    QLabel *m_clockLabel; ///< UTC and the watched market's local time
    QTimer m_clockTimer;
    QTimeZone m_marketZone;
    std::unique_ptr<client::MarketSubscription> m_chartFeed; ///< the chart's candles
    QByteArray m_defaultState; ///< the docks as built, before any saved layout
    bool m_defaultLayoutPending = false; ///< no saved layout: set the docks' sizes when shown
    /// Cancels sent from this window and not yet answered, to report their outcome.
    QSet<QString> m_cancellingOrderIds;
};

} // namespace qx::widgets
