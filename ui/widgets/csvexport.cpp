#include "ui/widgets/csvexport.h"

#include "ui/models/instrumenttablemodel.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QSaveFile>
#include <QStringList>

namespace qx::widgets {

using models::InstrumentTableModel;

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

QByteArray csvText(const QAbstractItemModel &model)
{
    const int columns = model.columnCount();
    QByteArray text;
    const auto addLine = [&text](const QStringList &fields) {
        text += fields.join(u',').toUtf8();
        text += "\r\n";
    };
    QStringList header;
    for (int column = 0; column < columns; ++column)
        header.append(field(model.headerData(column, Qt::Horizontal).toString()));
    addLine(header);
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList fields;
        for (int column = 0; column < columns; ++column) {
            const QModelIndex index = model.index(row, column);
            const QVariant value = index.data(InstrumentTableModel::ExportRole);
            fields.append(field(value.isValid() ? value.toString() : index.data().toString()));
        }
        addLine(fields);
    }
    return text;
}

core::Result<void> saveFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    const auto failed = [&] {
        return core::makeError(
            core::ErrorCode::IoError,
            QCoreApplication::translate("qx::widgets::csvexport", "Cannot write %1: %2")
                .arg(path, file.errorString()));
    };
    if (!file.open(QIODevice::WriteOnly))
        return failed();
    if (file.write(bytes) != bytes.size()) {
        const core::Error error = failed();
        file.cancelWriting();
        return error;
    }
    if (!file.commit())
        return failed();
    return {};
}

} // namespace qx::widgets
