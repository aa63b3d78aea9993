#pragma once

#include <QByteArray>
#include <QHash>
#include <QModelIndex>
#include <QVariant>

#include <initializer_list>
#include <optional>

/**
 * A role per column, named after it: what lets a view that shows a row as one item (a Qt Quick
 * ListView delegate reading `model.price`) show what a table shows in that column. A column's
 * role gives, on any cell of the row, the column's display text. Any thread (pure functions).
 */
namespace qx::models::columnroles {

/// The role of column 0; column n's is kFirst + n.
constexpr int kFirst = Qt::UserRole + 1000;

constexpr int of(int column)
{
    return kFirst + column;
}

/// The column `role` names in a model of `columnCount` columns, or -1 for any other role.
constexpr int columnOf(int role, int columnCount)
{
    return role >= kFirst && role < kFirst + columnCount ? role - kFirst : -1;
}

/// `roles` with the columns' roles added under `names` (one per column, in order, lower camel).
inline QHash<int, QByteArray> with(QHash<int, QByteArray> roles,
                                   std::initializer_list<const char *> names)
{
    int column = 0;
    for (const char *name : names)
        roles.insert(of(column++), QByteArray(name));
    return roles;
}

/// What `index`'s row shows in the column `role` names, if it names one: its display text.
/// nullopt for other roles.
inline std::optional<QVariant> columnData(const QModelIndex &index, int role, int columnCount)
{
    const int column = columnOf(role, columnCount);
    if (column < 0)
        return std::nullopt;
    return index.siblingAtColumn(column).data(Qt::DisplayRole);
}

} // namespace qx::models::columnroles
