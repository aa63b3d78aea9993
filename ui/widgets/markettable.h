#pragma once

#include <QStringView>

class QAbstractItemModel;
class QHeaderView;
class QMenu;
class QTableView;

namespace qx::widgets {

/**
 * Sets up `view` as the workstation's market tables are (depth ladder, time and sales): a
 * read-only, dense view of `model` with no selection, grid or row numbers, one fixed line per
 * row, columns sharing the width, and never narrower than `widestCell` in every column.
 */
void setUpMarketTable(QTableView *view, QAbstractItemModel *model, QStringView widestCell);

/**
 * Sets up `view` as the workstation's blotters are (orders, fills, positions): whole rows
 * selected one at a time, read-only, alternating rows, one line per row, no row numbers,
 * columns the trader can resize and move, the last one taking what is left, and choose from
 * the header's context menu (blotterColumnsMenu). The header's saveState() keeps all of it.
 */
void setUpBlotterTable(QTableView *view);

/// Makes `column` of `header` as wide as `widest` in the number font or its own title,
/// whichever is wider: numbers never cut, titles whole in every language ("Brief Menge").
void fitColumn(QHeaderView *header, int column, QStringView widest);

/// The menu of `view`'s columns, each a checkable action that shows or hides it; the last
/// column shown cannot be hidden. Owned by the caller (parented to `view`).
QMenu *blotterColumnsMenu(QTableView *view);

} // namespace qx::widgets
