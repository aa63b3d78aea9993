#include "ui/widgets/csvexport.h"

#include "ui/widgets/instrumenttablemodel.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QIODevice>
#include <QStringList>

namespace qx::widgets {

namespace {

QString field(QString text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n')
        && !text.contains(u'\r'))
        return text;
    text.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + text + u'"';
}

} // namespace

core::Result<void> writeCsv(const QAbstractItemModel &model, QIODevice &out)
{
    const int columns = model.columnCount();
    const auto writeLine = [&out](const QStringList &fields) {
        const QByteArray line = fields.join(u',').toUtf8() + "\r\n";
        return out.write(line) == line.size();
    };
    QStringList header;
    for (int column = 0; column < columns; ++column)
        header.append(field(model.headerData(column, Qt::Horizontal).toString()));
    bool written = writeLine(header);
    for (int row = 0; written && row < model.rowCount(); ++row) {
        QStringList fields;
        for (int column = 0; column < columns; ++column) {
            const QModelIndex index = model.index(row, column);
            const QVariant value = index.data(InstrumentTableModel::ExportRole);
            fields.append(field(value.isValid() ? value.toString() : index.data().toString()));
        }
        written = writeLine(fields);
    }
    if (!written) {
        return core::makeError(
            QStringLiteral("io_error"),
            QCoreApplication::translate("qx::widgets::csvexport", "Cannot write the file: %1")
                .arg(out.errorString()));
    }
    return {};
}

} // namespace qx::widgets
