#include "ui/widgets/markettable.h"

#include "ui/models/displayformat.h"
#include <QAction>
#include <QCoreApplication>

#include <QHeaderView>
#include <QMenu>
#include <QStyle>
#include <QTableView>

namespace qx::widgets {

namespace displayformat = models::displayformat;

void setUpMarketTable(QTableView *view, QAbstractItemModel *model, QStringView widestCell)
{
    view->setModel(model);
    view->setSelectionMode(QAbstractItemView::NoSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->setShowGrid(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    // Prices and quantities stay readable however narrow the dock is made.
    view->setMinimumWidth(
        view->fontMetrics().horizontalAdvance(widestCell.toString()) * model->columnCount() + 24);
}

void setUpBlotterTable(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    QHeaderView *header = view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    header->setSectionsMovable(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setToolTip(QCoreApplication::translate(
        "qx::widgets::markettable", "Right-click to choose the columns; drag one to move it"));
    QObject::connect(header, &QHeaderView::customContextMenuRequested, view,
                     [view, header](const QPoint &at) {
                         QMenu *menu = blotterColumnsMenu(view);
                         menu->setAttribute(Qt::WA_DeleteOnClose);
                         menu->popup(header->mapToGlobal(at));
                     });
}

void fitColumn(QHeaderView *header, int column, QStringView widest)
{
    const int title = header->fontMetrics().horizontalAdvance(
                          header->model()->headerData(column, Qt::Horizontal).toString())
        + 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin) + 4;
    const int content
        = QFontMetrics(displayformat::numberFont()).horizontalAdvance(widest.toString()) + 12;
    header->resizeSection(column, std::max(title, content));
}

QMenu *blotterColumnsMenu(QTableView *view)
{
    auto *menu = new QMenu(view);
    QHeaderView *header = view->horizontalHeader();
    const QAbstractItemModel *model = view->model();
    int shown = 0;
    for (int column = 0; column < model->columnCount(); ++column)
        shown += header->isSectionHidden(column) ? 0 : 1;
    // In the order the trader sees them.
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        QAction *action = menu->addAction(model->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        action->setEnabled(header->isSectionHidden(column) || shown > 1);
        QObject::connect(action, &QAction::toggled, view, [view, column](bool visible) {
            view->horizontalHeader()->setSectionHidden(column, !visible);
            if (visible && view->columnWidth(column) < 20)
                view->resizeColumnToContents(column);
        });
    }
    return menu;
}

} // namespace qx::widgets
