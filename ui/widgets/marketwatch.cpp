#include "ui/widgets/marketwatch.h"

#include "ui/models/marketwatchmodel.h"
#include "ui/widgets/markettable.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QSettings>
#include <QStyle>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace qx::widgets {

using models::MarketWatchModel;

namespace {
constexpr auto kFavouritesKey = "marketWatch/favourites";
}

MarketWatchFilter::MarketWatchFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
}

void MarketWatchFilter::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateRowsFilter();
}

void MarketWatchFilter::setFavouritesOnly(bool only)
{
    m_favouritesOnly = only;
    invalidateRowsFilter();
}

bool MarketWatchFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!sourceParent.isValid())
        return false; // a group shows for its contracts (recursive filtering)
    const QModelIndex row = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_favouritesOnly && !row.data(MarketWatchModel::FavouriteRole).toBool())
        return false;
    if (m_text.isEmpty())
        return true;
    for (const QString &text :
         { row.data().toString(), row.data(MarketWatchModel::SymbolRole).toString(),
           sourceParent.data().toString() }) {
        if (text.contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

MarketWatch::MarketWatch(client::MarketData *market, QWidget *parent)
    : QWidget(parent)
    , m_model(new MarketWatchModel(market, this))
    , m_filter(new MarketWatchFilter(this))
    , m_filterEdit(new QLineEdit(this))
    , m_favouritesOnly(new QToolButton(this))
    , m_view(new QTreeView(this))
    , m_favouriteAction(new QAction(tr("&Favourite"), this))
{
    m_model->setFavourites(QSettings().value(QLatin1StringView(kFavouritesKey)).toStringList());
    connect(m_model, &MarketWatchModel::favouritesChanged, this, [this] {
        QSettings().setValue(QLatin1StringView(kFavouritesKey), m_model->favourites());
    });
    m_filter->setSourceModel(m_model);

    m_filterEdit->setObjectName(QStringLiteral("marketWatchFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter contracts"));
    m_filterEdit->setAccessibleName(tr("Filter contracts"));
    m_filterEdit->setClearButtonEnabled(true);
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setText(text);
        layOutGroups();
    });
    m_favouritesOnly->setObjectName(QStringLiteral("favouritesOnly"));
    m_favouritesOnly->setText(tr("★ Favourites"));
    m_favouritesOnly->setToolTip(tr("Show only the favourite contracts"));
    m_favouritesOnly->setCheckable(true);
    connect(m_favouritesOnly, &QToolButton::toggled, this, [this](bool only) {
        m_filter->setFavouritesOnly(only);
        layOutGroups();
    });

    m_view->setObjectName(QStringLiteral("marketWatchView"));
    m_view->setAccessibleName(tr("Market watch"));
    m_view->setModel(m_filter);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAllColumnsShowFocus(true);
    m_view->setIndentation(12);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    // Each column as wide as what it holds or its title, whichever is wider (titles run long
    // in German: "Brief Menge"), so that the whole board fits the dock it asks for.
    const QFontMetrics metrics = fontMetrics();
    m_view->setColumnWidth(MarketWatchModel::Contract,
                           metrics.horizontalAdvance(QStringLiteral("★ Mon 00 May 00:00 B")) + 40);
    for (const int column : { MarketWatchModel::Bid, MarketWatchModel::Ask, MarketWatchModel::Last,
                              MarketWatchModel::Change })
        fitColumn(header, column, u"00,000.000");
    for (const int column :
         { MarketWatchModel::BidQuantity, MarketWatchModel::AskQuantity, MarketWatchModel::Volume })
        fitColumn(header, column, u"000,000");

    m_favouriteAction->setObjectName(QStringLiteral("favouriteAction"));
    m_favouriteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_favouriteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_favouriteAction->setToolTip(tr("Mark or unmark the selected contract as a favourite"));
    connect(m_favouriteAction, &QAction::triggered, this, &MarketWatch::toggleFavourite);
    m_view->addAction(m_favouriteAction);

    connect(m_filter, &QAbstractItemModel::modelReset, this, &MarketWatch::layOutGroups);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &MarketWatch::layOutGroups);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const QString symbol
                    = current.siblingAtColumn(0).data(MarketWatchModel::SymbolRole).toString();
                if (symbol.isEmpty() || symbol == m_current)
                    return;
                m_current = symbol;
                Q_EMIT instrumentChosen(symbol);
            });
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString symbol
            = index.siblingAtColumn(0).data(MarketWatchModel::SymbolRole).toString();
        const QString price = index.data().toString();
        if (symbol.isEmpty() || price.isEmpty())
            return;
        // As on a broker screen: hitting the bid sells, lifting the offer buys.
        if (index.column() == MarketWatchModel::Bid)
            Q_EMIT priceChosen(symbol, core::protocol::Side::Sell, price);
        else if (index.column() == MarketWatchModel::Ask)
            Q_EMIT priceChosen(symbol, core::protocol::Side::Buy, price);
    });

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filterEdit, 1);
    bar->addWidget(m_favouritesOnly);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    setFocusProxy(m_view);
    layOutGroups();
}

void MarketWatch::layOutGroups()
{
    for (int group = 0; group < m_filter->rowCount(); ++group) {
        const QModelIndex index = m_filter->index(group, 0);
        m_view->setFirstColumnSpanned(group, {}, true);
        // Intraday hours are many: folded unless the trader is looking for something.
        const bool fold = index.data(MarketWatchModel::IntradayGroupRole).toBool()
            && m_filter->rowCount(index) > 8;
        m_view->setExpanded(index, !fold);
    }
    if (!m_current.isEmpty())
        setCurrentSymbol(m_current);
}

void MarketWatch::setCurrentSymbol(const QString &symbol)
{
    m_current = symbol;
    const QModelIndex index = m_filter->mapFromSource(m_model->indexOf(symbol));
    if (!index.isValid() || m_view->currentIndex().siblingAtColumn(0) == index)
        return;
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

QSize MarketWatch::sizeHint() const
{
    int width = 2 * m_view->frameWidth() + style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    for (int column = 0; column < MarketWatchModel::ColumnCount; ++column)
        width += m_view->columnWidth(column);
    return { width, QWidget::sizeHint().height() };
}

QString MarketWatch::currentSymbol() const
{
    return m_current;
}

void MarketWatch::toggleFavourite()
{
    const QString symbol
        = m_view->currentIndex().siblingAtColumn(0).data(MarketWatchModel::SymbolRole).toString();
    if (!symbol.isEmpty())
        m_model->setFavourite(symbol, !m_model->favourites().contains(symbol));
}

} // namespace qx::widgets
