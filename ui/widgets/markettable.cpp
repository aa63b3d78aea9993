#include "ui/widgets/markettable.h"

#include <QHeaderView>
#include <QTableView>

namespace qx::widgets {

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
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view->horizontalHeader()->setStretchLastSection(true);
}

} // namespace qx::widgets
