#include "server/storage/sqldatabase.h"

namespace qx::server {

namespace {

// "INSERT INTO table (columns) VALUES ($1, ..., $n), (...) tail" for `rows` rows.
QByteArray multiRowInsert(const char *table, const std::vector<const char *> &columns,
                          std::size_t rows, const char *tail)
{
    QByteArray sql = QByteArray("INSERT INTO ") + table + " (";
    for (std::size_t i = 0; i < columns.size(); ++i)
        sql += (i == 0 ? "" : ", ") + QByteArray(columns[i]);
    sql += ") VALUES ";
    int parameter = 0;
    for (std::size_t row = 0; row < rows; ++row) {
        sql += row == 0 ? "(" : ", (";
        for (std::size_t column = 0; column < columns.size(); ++column) {
            sql += column == 0 ? "$" : ", $";
            sql += QByteArray::number(++parameter);
        }
        sql += ')';
    }
    if (*tail)
        sql += QByteArray(" ") + tail;
    return sql;
}

} // namespace

Result<void> SqlDatabase::bulkInsert(const char *table, const std::vector<const char *> &columns,
                                     const std::vector<Value> &values)
{
    return insertRows(table, columns, values);
}

Result<void> SqlDatabase::insertRows(const char *table, const std::vector<const char *> &columns,
                                     const std::vector<Value> &values, const char *tail)
{
    const std::size_t width = columns.size();
    const std::size_t rows = width ? values.size() / width : 0;
    for (std::size_t first = 0; first < rows; first += kRowsPerStatement) {
        const std::size_t count = std::min(kRowsPerStatement, rows - first);
        const std::vector<Value> chunk(values.begin() + std::ptrdiff_t(first * width),
                                       values.begin() + std::ptrdiff_t((first + count) * width));
        if (Result<std::int64_t> changed
            = change(multiRowInsert(table, columns, count, tail).constData(), chunk);
            !changed) {
            return changed.error();
        }
    }
    return {};
}

} // namespace qx::server
