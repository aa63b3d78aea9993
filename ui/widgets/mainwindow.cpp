#include "ui/widgets/mainwindow.h"

#include "ui/models/markettradesmodel.h"
#include "ui/models/notificationsmodel.h"
#include "ui/models/ordersmodel.h"
#include "ui/models/tradesmodel.h"
#include "ui/widgets/blotterfilter.h"
#include "ui/widgets/candlechart.h"
#include "ui/widgets/csvexport.h"
#include "ui/widgets/depthladder.h"
#include "ui/widgets/documentspanel.h"
#include "ui/widgets/markettable.h"
#include "ui/widgets/marketwatch.h"
#include "ui/widgets/notificationspanel.h"
#include "ui/widgets/orderticket.h"
#include "ui/widgets/positionspanel.h"
#include "ui/widgets/settingsdialog.h"
#include "ui/widgets/theme.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDate>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QScreen>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSslSocket>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QThreadPool>
#include <QTimeZone>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace qx::widgets {

using models::MarketTradesModel;
using models::OrdersModel;
using models::TradesModel;

using client::TradingService;

namespace {
constexpr auto kGeometryKey = "mainWindow/geometry";
constexpr auto kStateKey = "mainWindow/state";
constexpr auto kBlotterKey = "mainWindow/blotterHeader";
constexpr auto kFillsHeaderKey = "mainWindow/fillsHeader";
constexpr auto kPositionsHeaderKey = "mainWindow/positionsHeader";
constexpr auto kSymbolKey = "mainWindow/symbol";
constexpr auto kLayoutsKey = "mainWindow/layouts";
} // namespace

MainWindow::MainWindow(TradingService *client, QWidget *parent)
    : QMainWindow(parent)
    , m_session(&client->session())
    , m_orders(&client->orderEntry())
    , m_market(&client->marketData())
    , m_model(new OrdersModel(m_market, m_orders, this))
    , m_proxy(new BlotterFilterModel({ OrdersModel::Time,
                                       OrdersModel::Side,
                                       int(OrdersModel::IsLiveRole),
                                       { OrdersModel::Quantity, OrdersModel::Price,
                                         OrdersModel::Filled, OrdersModel::AveragePrice } },
                                     OrdersModel::SortRole, this))
    , m_blotter(new QTableView(this))
    , m_fills(new TradesModel(m_market, m_orders, this))
    , m_fillsProxy(new BlotterFilterModel({ TradesModel::Time,
                                            TradesModel::Side,
                                            std::nullopt,
                                            { TradesModel::Quantity, TradesModel::Price } },
                                          TradesModel::SortRole, this))
    , m_fillsView(new QTableView(this))
    , m_ticket(new OrderTicket(m_session, m_orders, m_market, this))
    , m_ticketDock(new QDockWidget(tr("Order ticket"), this))
    , m_depth(new DepthLadder(m_market, m_orders, this))
    , m_marketTrades(new MarketTradesModel(m_market, this))
    , m_marketTradesView(new QTableView(this))
    , m_chart(new CandleChart(this))
    , m_marketWatch(new MarketWatch(m_market, this))
    , m_positions(new PositionsPanel(m_market, m_orders, this))
    , m_documents(new DocumentsPanel(m_session, &client->documents(), this))
    , m_notifications(new NotificationsPanel(&client->notifications(), this))
    , m_unreadBadge(new QToolButton(this))
    , m_cancelAction(new QAction(tr("&Cancel order"), this))
    , m_cancelAllAction(new QAction(tr("Cancel &all orders"), this))
    , m_connectionLabel(new QLabel(this))
    , m_identityLabel(new QLabel(this))
    , m_latencyLabel(new QLabel(this))
    , m_clockLabel(new QLabel(this))
{
    setWindowTitle(tr("QuantEnergx"));

    // The orders and fills blotters: sortable by any column (numbers and times as such),
    // newest first, a row selected whole.
    const auto setUpBlotter = [](QTableView *view, QSortFilterProxyModel *proxy,
                                 QAbstractItemModel *model, int sortRole, int timeColumn) {
        proxy->setSourceModel(model);
        proxy->setSortRole(sortRole);
        proxy->setDynamicSortFilter(true);
        view->setModel(proxy);
        view->setSortingEnabled(true);
        view->sortByColumn(timeColumn, Qt::DescendingOrder);
        setUpBlotterTable(view);
    };
    m_blotter->setObjectName(QStringLiteral("ordersBlotter"));
    m_blotter->setAccessibleName(tr("Orders"));
    setUpBlotter(m_blotter, m_proxy, m_model, OrdersModel::SortRole, OrdersModel::Time);
    m_blotter->setContextMenuPolicy(Qt::ActionsContextMenu);
    // Modify in place: a live order's quantity or price, edited where it is shown.
    m_blotter->setEditTriggers(QAbstractItemView::DoubleClicked
                               | QAbstractItemView::EditKeyPressed);
    m_blotter->setToolTip(tr("Double-click a live order's quantity or price to change it"));
    m_fillsView->setObjectName(QStringLiteral("fillsBlotter"));
    m_fillsView->setAccessibleName(tr("Fills"));
    setUpBlotter(m_fillsView, m_fillsProxy, m_fills, TradesModel::SortRole, TradesModel::Time);
    // Each blotter under the filters that narrow it.
    const auto filtered
        = [this](QTableView *view, BlotterFilterModel *filter, bool liveOnly, const QString &name) {
              auto *box = new QWidget(this);
              auto *bar = new BlotterFilterBar(filter, liveOnly, box);
              bar->setObjectName(name + u"Filter");
              auto *layout = new QVBoxLayout(box);
              layout->setContentsMargins(0, 0, 0, 0);
              layout->setSpacing(2);
              layout->addWidget(bar);
              layout->addWidget(view, 1);
              return box;
          };
    setCentralWidget(filtered(m_blotter, m_proxy, true, QStringLiteral("orders")));
    QWidget *fillsBox = filtered(m_fillsView, m_fillsProxy, false, QStringLiteral("fills"));

    m_ticket->setObjectName(QStringLiteral("orderTicket"));
    m_ticketDock->setObjectName(QStringLiteral("orderTicketDock"));
    m_ticketDock->setWidget(m_ticket);
    m_ticketDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable
                              | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::RightDockWidgetArea, m_ticketDock);

    // The market: ladder and time and sales on the left, the chart over the blotter.
    setCorner(Qt::TopLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea); // fills and positions: wide
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    const auto addDock = [this](QWidget *content, const QString &title, const char *name,
                                Qt::DockWidgetArea area) {
        auto *dock = new QDockWidget(title, this);
        dock->setObjectName(QString::fromLatin1(name));
        dock->setWidget(content);
        dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable
                          | QDockWidget::DockWidgetClosable);
        addDockWidget(area, dock);
        return dock;
    };
    m_marketWatch->setObjectName(QStringLiteral("marketWatch"));
    addDock(m_marketWatch, tr("Market watch"), "marketWatchDock", Qt::LeftDockWidgetArea);
    m_depth->setObjectName(QStringLiteral("depthLadder"));
    addDock(m_depth, tr("Depth"), "depthDock", Qt::RightDockWidgetArea);
    m_marketTradesView->setObjectName(QStringLiteral("marketTradesView"));
    m_marketTradesView->setAccessibleName(tr("Time and sales"));
    setUpMarketTable(m_marketTradesView, m_marketTrades, u"00:00:00");
    addDock(m_marketTradesView, tr("Time and sales"), "marketTradesDock", Qt::RightDockWidgetArea);
    m_chart->setObjectName(QStringLiteral("candleChart"));
    addDock(m_chart, tr("Chart"), "chartDock", Qt::TopDockWidgetArea);
    QDockWidget *fillsDock = addDock(fillsBox, tr("Fills"), "fillsDock", Qt::BottomDockWidgetArea);
    m_positions->setObjectName(QStringLiteral("positions"));
    QDockWidget *positionsDock
        = addDock(m_positions, tr("Positions"), "positionsDock", Qt::BottomDockWidgetArea);
    // Side by side: what was done and what it left.
    splitDockWidget(fillsDock, positionsDock, Qt::Horizontal);
    // The back office's: behind the positions until asked for (or floated and made large).
    m_documents->setObjectName(QStringLiteral("documents"));
    QDockWidget *documentsDock
        = addDock(m_documents, tr("Documents"), "documentsDock", Qt::BottomDockWidgetArea);
    tabifyDockWidget(positionsDock, documentsDock);
    // The inbox: beside the market watch, where an eye goes often.
    m_notifications->setObjectName(QStringLiteral("notifications"));
    m_notificationsDock = addDock(m_notifications, tr("Notifications"), "notificationsDock",
                                  Qt::LeftDockWidgetArea);
    positionsDock->raise();
    setUpNotifications(&client->notifications());

    connect(m_ticket, &OrderTicket::instrumentChanged, this, &MainWindow::watch);
    connect(m_depth, &DepthLadder::priceChosen, m_ticket, &OrderTicket::prefill);
    connect(m_depth, &DepthLadder::ordersMoved, this, [this](int count, const QString &price) {
        showStatus(tr("Moving %n order(s) to %1…", nullptr, count).arg(price), 5000);
    });
    connect(m_marketWatch, &MarketWatch::instrumentChosen, m_ticket,
            &OrderTicket::selectInstrument);
    connect(m_marketWatch, &MarketWatch::priceChosen, this,
            [this](const QString &symbol, core::protocol::Side side, const QString &price) {
                if (m_ticket->selectInstrument(symbol))
                    m_ticket->prefill(side, price);
            });
    connect(m_chart, &CandleChart::intervalChanged, this,
            [this] { followChart(m_ticket->currentSymbol()); });

    m_cancelAction->setObjectName(QStringLiteral("cancelOrderAction"));
    m_cancelAction->setShortcut(QKeySequence::Delete);
    // Only from the blotter: Delete in a text field must still delete text.
    m_cancelAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_cancelAction->setToolTip(tr("Cancel the selected order (Delete)"));
    m_cancelAction->setEnabled(false);
    connect(m_cancelAction, &QAction::triggered, this, &MainWindow::cancelSelectedOrder);
    m_blotter->addAction(m_cancelAction);

    QMenu *sessionMenu = menuBar()->addMenu(tr("&Session"));
    QAction *signInAction = sessionMenu->addAction(tr("&Sign in…"));
    signInAction->setObjectName(QStringLiteral("signInAction"));
    connect(signInAction, &QAction::triggered, this, &MainWindow::signInRequested);
    QAction *signOutAction = sessionMenu->addAction(tr("Sign &out"));
    signOutAction->setObjectName(QStringLiteral("signOutAction"));
    signOutAction->setToolTip(tr("Close the session and forget it on this computer"));
    connect(signOutAction, &QAction::triggered, this, [this] { Q_EMIT signOutRequested(false); });
    QAction *signOutEverywhereAction = sessionMenu->addAction(tr("Sign out &everywhere"));
    signOutEverywhereAction->setObjectName(QStringLiteral("signOutEverywhereAction"));
    signOutEverywhereAction->setToolTip(
        tr("End every session of yours, on every computer (a lost laptop, say)"));
    connect(signOutEverywhereAction, &QAction::triggered, this,
            [this] { Q_EMIT signOutRequested(true); });
    // Only a signed-in session can be signed out.
    const auto updateSignOut = [this, signOutAction, signOutEverywhereAction] {
        const bool signedIn = !m_session->username().isEmpty()
            && m_session->connectionState() != client::Session::ConnectionState::Disconnected;
        signOutAction->setEnabled(signedIn);
        signOutEverywhereAction->setEnabled(signedIn);
    };
    connect(m_session, &client::Session::connectionStateChanged, this, updateSignOut);
    connect(m_session, &client::Session::identityChanged, this, updateSignOut);
    updateSignOut();
    sessionMenu->addSeparator();
    QAction *quitAction = sessionMenu->addAction(tr("&Quit"));
    quitAction->setShortcut(QKeySequence::Quit);
    connect(quitAction, &QAction::triggered, this, &MainWindow::close);
    m_cancelAllAction->setObjectName(QStringLiteral("cancelAllAction"));
    m_cancelAllAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    m_cancelAllAction->setToolTip(tr("Cancel every live order of yours (Ctrl+Shift+Delete)"));
    connect(m_cancelAllAction, &QAction::triggered, this, &MainWindow::cancelAllOrders);
    QMenu *ordersMenu = menuBar()->addMenu(tr("&Orders"));
    ordersMenu->addAction(m_cancelAction);
    ordersMenu->addAction(m_cancelAllAction);
    ordersMenu->addSeparator();
    QAction *exportOrders = ordersMenu->addAction(tr("Export &orders to CSV…"));
    exportOrders->setObjectName(QStringLiteral("exportOrdersAction"));
    connect(exportOrders, &QAction::triggered, this,
            [this] { exportBlotter(m_blotter, QStringLiteral("orders")); });
    QAction *exportFills = ordersMenu->addAction(tr("Export &fills to CSV…"));
    exportFills->setObjectName(QStringLiteral("exportFillsAction"));
    connect(exportFills, &QAction::triggered, this,
            [this] { exportBlotter(m_fillsView, QStringLiteral("fills")); });

    buildViewMenu();
    QMenu *toolsMenu = menuBar()->addMenu(tr("&Tools"));
    QAction *settingsAction = toolsMenu->addAction(tr("&Settings…"));
    settingsAction->setObjectName(QStringLiteral("settingsAction"));
    settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(settingsAction, &QAction::triggered, this, &MainWindow::openSettings);
    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *aboutAction = helpMenu->addAction(tr("&About QuantEnergx"));
    aboutAction->setObjectName(QStringLiteral("aboutAction"));
    aboutAction->setMenuRole(QAction::AboutRole);
    connect(aboutAction, &QAction::triggered, this,
            [this] { QMessageBox::about(this, tr("About QuantEnergx"), aboutText()); });
    QAction *aboutQtAction = helpMenu->addAction(tr("About &Qt"));
    aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);

    auto *toolBar = addToolBar(tr("Orders"));
    toolBar->setObjectName(QStringLiteral("ordersToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->addAction(m_cancelAction);
    toolBar->addAction(m_cancelAllAction);

    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    m_identityLabel->setObjectName(QStringLiteral("identityLabel"));
    m_latencyLabel->setObjectName(QStringLiteral("latencyLabel"));
    m_clockLabel->setObjectName(QStringLiteral("clockLabel"));
    statusBar()->addPermanentWidget(m_clockLabel);
    statusBar()->addPermanentWidget(m_latencyLabel);
    statusBar()->addPermanentWidget(m_identityLabel);
    statusBar()->addPermanentWidget(m_connectionLabel);

    // The clock: UTC and the watched market's time, every second.
    connect(&m_clockTimer, &QTimer::timeout, this, &MainWindow::updateClock);
    m_clockTimer.start(1000);
    updateClock();

    connect(m_blotter->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateCancelEnabled);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::updateCancelEnabled);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateCancelEnabled);
    connect(m_session, &client::Session::connectionStateChanged, this,
            &MainWindow::updateConnection);
    connect(m_session, &client::Session::identityChanged, this, &MainWindow::updateIdentity);
    connect(m_session, &client::Session::latencyMeasured, this,
            [this](int milliseconds) { m_latencyLabel->setText(tr("%1 ms").arg(milliseconds)); });
    connect(m_orders, &client::OrderEntry::cancelRejected, this,
            [this](const QString &orderId, const core::Error &error) {
                showStatus(tr("Cancel of order %1 rejected: %2").arg(orderId, error.message),
                           15000);
            });
    connect(m_orders, &client::OrderEntry::orderChanged, this,
            [this](const core::protocol::Order &order) {
                if (order.status == core::protocol::OrderStatus::Cancelled
                    && m_cancellingOrderIds.remove(order.id)) {
                    showStatus(tr("Order %1 cancelled.").arg(order.id), 5000);
                }
            });
    connect(m_orders, &client::OrderEntry::cancelRejected, this,
            [this](const QString &orderId) { m_cancellingOrderIds.remove(orderId); });
    connect(m_orders, &client::OrderEntry::cancelRejected, this,
            [this](const QString &orderId, const core::Error &error) {
                if (orderId.isEmpty())
                    showStatus(tr("Cancel all rejected: %1").arg(error.message), 15000);
            });
    connect(m_orders, &client::OrderEntry::allCancelled, this,
            [this](int count) { showStatus(tr("%n order(s) cancelled.", nullptr, count), 10000); });
    // Modify in place: what became of it.
    connect(m_model, &OrdersModel::modifyRefused, this,
            [this](const QString &orderId, const QString &message) {
                showStatus(tr("Order %1 not changed: %2").arg(orderId, message), 15000);
            });
    connect(m_orders, &client::OrderEntry::modifyRejected, this,
            [this](const QString &orderId, const core::Error &error) {
                showStatus(tr("Change of order %1 rejected: %2").arg(orderId, error.message),
                           15000);
            });
    connect(m_session, &client::Session::sessionExpired, this,
            [this](const QString &message) { showStatus(message); });

    updateConnection(m_session->connectionState());
    updateIdentity();
    watch(m_ticket->currentSymbol());
    // First run: the whole screen, as trading screens are used (maximised, and that size
    // where no window manager maximises); later runs restore.
    const QRect available = screen()->availableGeometry();
    setGeometry(available);
    setWindowState(windowState() | Qt::WindowMaximized);
    m_defaultState = saveState();
    restoreSession();
}

MainWindow::~MainWindow() = default;

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    // The connection's colour is the theme's.
    if (event->type() == QEvent::PaletteChange)
        updateConnection(m_session->connectionState());
}

void MainWindow::buildViewMenu()
{
    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly))
        viewMenu->addAction(dock->toggleViewAction());
    viewMenu->addSeparator();
    QMenu *layouts = viewMenu->addMenu(tr("&Layouts"));
    layouts->setObjectName(QStringLiteral("layoutsMenu"));
    // Listed afresh each time: layouts are saved and deleted while the menu is closed.
    connect(layouts, &QMenu::aboutToShow, this, [this, layouts] {
        layouts->clear();
        const QStringList names = savedLayouts();
        for (const QString &name : names) {
            connect(layouts->addAction(name), &QAction::triggered, this,
                    [this, name] { restoreLayout(name); });
        }
        if (names.isEmpty())
            layouts->addAction(tr("No saved layouts"))->setEnabled(false);
        layouts->addSeparator();
        QMenu *remove = layouts->addMenu(tr("&Delete"));
        remove->setEnabled(!names.isEmpty());
        for (const QString &name : names) {
            connect(remove->addAction(name), &QAction::triggered, this,
                    [this, name] { deleteLayout(name); });
        }
    });
    QAction *save = viewMenu->addAction(tr("&Save layout as…"));
    save->setObjectName(QStringLiteral("saveLayoutAction"));
    connect(save, &QAction::triggered, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save layout"), tr("Layout name:"),
                                                   QLineEdit::Normal, QString(), &ok)
                                 .trimmed();
        if (ok && !name.isEmpty())
            saveLayout(name);
    });
    QAction *reset = viewMenu->addAction(tr("&Reset layout"));
    reset->setObjectName(QStringLiteral("resetLayoutAction"));
    connect(reset, &QAction::triggered, this, &MainWindow::resetLayout);

    viewMenu->addSeparator();
    QMenu *themes = viewMenu->addMenu(tr("&Theme"));
    auto *themeGroup = new QActionGroup(this);
    const bool dark = theme::isDark();
    for (const auto &[choice, title, name] :
         { std::tuple { theme::Theme::Light, tr("&Light"), "lightThemeAction" },
           std::tuple { theme::Theme::Dark, tr("&Dark"), "darkThemeAction" } }) {
        QAction *action = themes->addAction(title);
        action->setObjectName(QString::fromLatin1(name));
        action->setCheckable(true);
        action->setChecked((choice == theme::Theme::Dark) == dark);
        themeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [choice] {
            theme::apply(choice);
            theme::save(choice);
        });
    }
}

QStringList MainWindow::savedLayouts() const
{
    QStringList names = QSettings().value(QLatin1StringView(kLayoutsKey)).toMap().keys();
    names.sort(Qt::CaseInsensitive);
    return names;
}

void MainWindow::saveLayout(const QString &name)
{
    QSettings settings;
    QVariantMap layouts = settings.value(QLatin1StringView(kLayoutsKey)).toMap();
    layouts.insert(name, saveState());
    settings.setValue(QLatin1StringView(kLayoutsKey), layouts);
    showStatus(tr("Layout \"%1\" saved.").arg(name), 5000);
}

bool MainWindow::restoreLayout(const QString &name)
{
    const QVariantMap layouts = QSettings().value(QLatin1StringView(kLayoutsKey)).toMap();
    if (!layouts.contains(name) || !restoreState(layouts.value(name).toByteArray()))
        return false;
    showStatus(tr("Layout \"%1\" restored.").arg(name), 5000);
    return true;
}

void MainWindow::deleteLayout(const QString &name)
{
    QSettings settings;
    QVariantMap layouts = settings.value(QLatin1StringView(kLayoutsKey)).toMap();
    if (layouts.remove(name) > 0)
        settings.setValue(QLatin1StringView(kLayoutsKey), layouts);
}

void MainWindow::resetLayout()
{
    restoreState(m_defaultState);
    applyDefaultLayout();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (std::exchange(m_defaultLayoutPending, false))
        applyDefaultLayout();
}

void MainWindow::applyDefaultLayout()
{
    const auto dock = [this](const char *name) {
        return findChild<QDockWidget *>(QLatin1StringView(name));
    };
    // The chart takes a good half of the middle; on the right the ticket takes what it needs
    // and the ladder most of the rest; the board as wide as its columns.
    resizeDocks({ dock("chartDock"), dock("fillsDock") }, { height() * 2 / 5, height() / 5 },
                Qt::Vertical);
    resizeDocks({ m_ticketDock, dock("depthDock"), dock("marketTradesDock") },
                { m_ticket->sizeHint().height(), height() * 2 / 5, height() / 5 }, Qt::Vertical);
    resizeDocks({ dock("marketWatchDock"), m_ticketDock },
                { m_marketWatch->sizeHint().width(), m_ticket->sizeHint().width() },
                Qt::Horizontal);
}

void MainWindow::exportBlotter(QTableView *view, const QString &what)
{
    const QString suggested
        = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
              .filePath(QStringLiteral("quantenergx-%1-%2.csv")
                            .arg(what, QDate::currentDate().toString(Qt::ISODate)));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export to CSV"), suggested,
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    exportTo(*view->model(), path);
}

void MainWindow::exportTo(const QAbstractItemModel &model, const QString &path)
{
    const int rows = model.rowCount();
    const QByteArray text = csvText(model);
    showStatus(tr("Exporting %n row(s) to %1…", nullptr, rows).arg(path));
    // The disk may be slow or a network share: never on the GUI thread. The answer comes back
    // through the application object, which outlives any window.
    QThreadPool::globalInstance()->start([text, path, rows, window = QPointer(this)] {
        const core::Result<void> saved = saveFile(path, text);
        QMetaObject::invokeMethod(
            qApp,
            [window,
             message = saved ? tr("Exported %n row(s) to %1", nullptr, rows).arg(path)
                             : saved.error().message] {
                if (!window)
                    return;
                window->showStatus(message, 10'000);
                Q_EMIT window->exportFinished(message);
            },
            Qt::QueuedConnection);
    });
}

void MainWindow::restoreSession()
{
    QSettings settings;
    restoreGeometry(settings.value(QLatin1StringView(kGeometryKey)).toByteArray());
    m_defaultLayoutPending
        = !restoreState(settings.value(QLatin1StringView(kStateKey)).toByteArray());
    m_ticket->setPreferredSymbol(settings.value(QLatin1StringView(kSymbolKey)).toString());
    m_fillsView->horizontalHeader()->restoreState(
        settings.value(QLatin1StringView(kFillsHeaderKey)).toByteArray());
    m_positions->positionsView()->horizontalHeader()->restoreState(
        settings.value(QLatin1StringView(kPositionsHeaderKey)).toByteArray());
    if (!m_blotter->horizontalHeader()->restoreState(
            settings.value(QLatin1StringView(kBlotterKey)).toByteArray())) {
        // Wide enough for what the columns usually hold, e.g. a whole client order id.
        const QFontMetrics metrics = m_blotter->fontMetrics();
        const auto fit = [&](QStringView sample) {
            return metrics.horizontalAdvance(sample.toString()) + 16;
        };
        m_blotter->setColumnWidth(OrdersModel::Time, fit(u"00:00:00"));
        m_blotter->setColumnWidth(OrdersModel::OrderId, fit(u"Order ID 0000"));
        // Client order ids are 16 of Crockford's base32 characters, mostly narrower than W.
        m_blotter->setColumnWidth(OrdersModel::ClientOrderId, fit(u"MMMM0000000000AA"));
        m_blotter->setColumnWidth(OrdersModel::Symbol, fit(u"DE.BASE.WE.0000-WE00"));
        m_blotter->setColumnWidth(
            OrdersModel::Side,
            fit(QString(OrdersModel::sideText(core::protocol::Side::Sell) + u"00")));
        for (int column : { OrdersModel::Quantity, OrdersModel::Price, OrdersModel::Filled,
                            OrdersModel::AveragePrice })
            m_blotter->setColumnWidth(column, fit(u"000,000.000"));
    }
}

void MainWindow::watch(const QString &symbol)
{
    m_depth->setSymbol(symbol);
    m_marketTrades->setSymbol(symbol);
    m_marketWatch->setCurrentSymbol(symbol);
    m_chart->setInstrument(m_market->instrument(symbol));
    followChart(symbol);
    const std::optional<core::Instrument> instrument = m_market->instrument(symbol);
    m_marketZone = instrument ? QTimeZone(instrument->timeZone) : QTimeZone();
    updateClock();
}

void MainWindow::setUpNotifications(client::NotificationInbox *inbox)
{
    m_unreadBadge->setObjectName(QStringLiteral("unreadBadge"));
    m_unreadBadge->setAutoRaise(true);
    m_unreadBadge->setToolTip(tr("Show the notifications"));
    statusBar()->addPermanentWidget(m_unreadBadge);
    connect(m_unreadBadge, &QToolButton::clicked, this, [this] {
        m_notificationsDock->show();
        m_notificationsDock->raise();
    });
    const auto showUnread = [this](int unread) {
        m_unreadBadge->setText(tr("%n unread", nullptr, unread));
        m_unreadBadge->setVisible(unread > 0);
        m_notificationsDock->setWindowTitle(unread > 0 ? tr("Notifications (%1)").arg(unread)
                                                       : tr("Notifications"));
    };
    showUnread(inbox->unread());
    connect(inbox, &client::NotificationInbox::unreadChanged, this, showUnread);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(tr("QuantEnergx"));
        m_tray->show();
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            showNormal();
            activateWindow();
            m_notificationsDock->show();
            m_notificationsDock->raise();
        });
    }
    connect(inbox, &client::NotificationInbox::notificationArrived, this,
            [this, inbox](const core::protocol::Notification &notification) {
                const core::notifications::Text text
                    = models::NotificationsModel::textOf(notification);
                const bool critical
                    = notification.severity == core::notifications::Severity::Critical;
                if (m_tray) {
                    QStringList details;
                    for (const auto &[label, value] : text.details)
                        details.append(label + u": " + value);
                    m_tray->showMessage(text.title, details.join(u'\n'),
                                        critical ? QSystemTrayIcon::Critical
                                            : notification.severity
                                                == core::notifications::Severity::Warning
                                            ? QSystemTrayIcon::Warning
                                            : QSystemTrayIcon::Information,
                                        critical ? 0 : 8'000);
                }
                if (critical && !notification.readAt.isValid()) {
                    auto *alert = new CriticalAlert(inbox, notification, this);
                    alert->show();
                }
            });
}

void MainWindow::followChart(const QString &symbol)
{
    m_chartFeed.reset();
    if (symbol.isEmpty())
        return;
    m_chartFeed = m_market->subscribe(symbol, client::MarketSubscription::Stream::Candles,
                                      m_chart->interval());
    connect(m_chartFeed.get(), &client::MarketSubscription::candlesReset, m_chart,
            [this](const QString &, core::CandleInterval, const QList<core::Candle> &candles) {
                m_chart->setCandles(candles);
            });
    connect(m_chartFeed.get(), &client::MarketSubscription::candleChanged, m_chart,
            [this](const QString &, core::CandleInterval, const core::Candle &candle) {
                m_chart->updateCandle(candle);
            });
}

void MainWindow::updateClock()
{
    const QDateTime now = m_market->clock().nowUtc();
    QString text = tr("UTC %1").arg(now.toString(u"HH:mm:ss"));
    if (m_marketZone.isValid() && m_marketZone.id() != "UTC") {
        // The market's city, as its time zone names it: "Berlin", "Chicago".
        const QString city
            = QString::fromLatin1(m_marketZone.id()).section(u'/', -1).replace(u'_', u' ');
        text += u" · " + city + u' ' + now.toTimeZone(m_marketZone).toString(u"HH:mm:ss");
        m_clockLabel->setToolTip(QString::fromLatin1(m_marketZone.id()));
    }
    m_clockLabel->setText(text);
}

SettingsDialog *MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::languageChanged, this, &MainWindow::languageChanged);
    dialog->open();
    return dialog;
}

QString MainWindow::aboutText() const
{
    const QString server = m_session->serverVersion().isEmpty()
        ? tr("not signed in")
        : tr("%1, version %2")
              .arg(m_session->serverUrl().toDisplayString(), m_session->serverVersion());
    return tr("<h3>QuantEnergx %1</h3>"
              "<p>An open energy trading workstation: power, natural gas, crude and "
              "emissions.</p>"
              "<table>"
              "<tr><td>Server:</td><td>%2</td></tr>"
              "<tr><td>Qt:</td><td>%3 (built with %4)</td></tr>"
              "<tr><td>TLS:</td><td>%5</td></tr>"
              "<tr><td>Built:</td><td>%6</td></tr>"
              "</table>")
        .arg(QStringLiteral(QX_VERSION), server.toHtmlEscaped(), QString::fromLatin1(qVersion()),
             QStringLiteral(QT_VERSION_STR), QSslSocket::sslLibraryVersionString(),
             QStringLiteral(__DATE__));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSession();
    QMainWindow::closeEvent(event);
}

void MainWindow::saveSession()
{
    QSettings settings;
    settings.setValue(QLatin1StringView(kGeometryKey), saveGeometry());
    settings.setValue(QLatin1StringView(kStateKey), saveState());
    settings.setValue(QLatin1StringView(kBlotterKey), m_blotter->horizontalHeader()->saveState());
    settings.setValue(QLatin1StringView(kFillsHeaderKey),
                      m_fillsView->horizontalHeader()->saveState());
    settings.setValue(QLatin1StringView(kPositionsHeaderKey),
                      m_positions->positionsView()->horizontalHeader()->saveState());
    settings.setValue(QLatin1StringView(kSymbolKey), m_ticket->currentSymbol());
}

void MainWindow::showStatus(const QString &message, int timeoutMs)
{
    statusBar()->showMessage(message, timeoutMs);
}

QString MainWindow::selectedOrderId() const
{
    const QModelIndexList rows = m_blotter->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return rows.first().data(OrdersModel::OrderIdRole).toString();
}

void MainWindow::updateCancelEnabled()
{
    const QModelIndexList rows = m_blotter->selectionModel()->selectedRows();
    m_cancelAction->setEnabled(!rows.isEmpty()
                               && rows.first().data(OrdersModel::IsLiveRole).toBool());
}

void MainWindow::cancelAllOrders()
{
    const QList<core::protocol::Order> orders = m_orders->orders();
    const auto live = std::count_if(orders.cbegin(), orders.cend(), [](const auto &order) {
        return core::protocol::isLive(order.status);
    });
    if (live == 0) {
        showStatus(tr("No live orders to cancel."), 5000);
        return;
    }
    // Asked once, window-modal: the market keeps moving on screen meanwhile.
    auto *question = new QMessageBox(QMessageBox::Warning, tr("Cancel all orders"),
                                     tr("Cancel all %n live order(s)?", nullptr, int(live)),
                                     QMessageBox::Yes | QMessageBox::No, this);
    question->setObjectName(QStringLiteral("cancelAllQuestion"));
    question->setDefaultButton(QMessageBox::No);
    question->setAttribute(Qt::WA_DeleteOnClose);
    connect(question, &QMessageBox::finished, this, [this](int answer) {
        if (answer != QMessageBox::Yes)
            return;
        showStatus(tr("Cancelling all orders…"), 5000);
        m_orders->cancelAllOrders();
    });
    question->open();
}

void MainWindow::cancelSelectedOrder()
{
    const QModelIndexList rows = m_blotter->selectionModel()->selectedRows();
    if (rows.isEmpty() || !rows.first().data(OrdersModel::IsLiveRole).toBool())
        return;
    const QString orderId = rows.first().data(OrdersModel::OrderIdRole).toString();
    m_cancellingOrderIds.insert(orderId);
    showStatus(tr("Cancelling order %1…").arg(orderId), 5000);
    m_orders->cancelOrder(orderId);
}

void MainWindow::updateConnection(client::Session::ConnectionState state)
{
    QString text;
    theme::Tone tone = theme::Tone::Warning;
    switch (state) {
    case client::Session::ConnectionState::Disconnected:
        text = tr("Disconnected");
        tone = theme::Tone::Loss;
        break;
    case client::Session::ConnectionState::Connecting:
        text = tr("Connecting…");
        break;
    case client::Session::ConnectionState::Connected:
        text = tr("Connected");
        tone = theme::Tone::Gain;
        break;
    case client::Session::ConnectionState::Reconnecting:
        text = tr("Reconnecting…");
        break;
    }
    m_connectionLabel->setText(QStringLiteral("● ") + text);
    m_connectionLabel->setStyleSheet(theme::textStyle(tone));
    m_connectionLabel->setAccessibleName(tr("Connection: %1").arg(text));
    if (state != client::Session::ConnectionState::Connected)
        m_latencyLabel->clear();
}

void MainWindow::updateIdentity()
{
    const QString user = m_session->username();
    m_identityLabel->setText(user.isEmpty() ? QString()
                                            : tr("%1 (%2)").arg(user, m_session->role()));
}

} // namespace qx::widgets
