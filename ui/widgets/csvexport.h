#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

class QAbstractItemModel;

namespace qx::widgets {

/**
 * A blotter as CSV (RFC 4180, UTF-8, CRLF): a header row of the column titles, then the rows
 * in the model's order (a proxy's: as the view sorts them), each cell as its
 * models::InstrumentTableModel::ExportRole gives it (its display text without one). Fields with a
 * comma, quote or line break are quoted. Reads the model: GUI thread.
 */
QByteArray csvText(const QAbstractItemModel &model);

/**
 * Writes `bytes` to `path` whole or not at all (a half-written file never replaces a good
 * one). Any thread: the GUI hands this to a worker. Errors: io_error, saying why.
 */
core::Result<void> saveFile(const QString &path, const QByteArray &bytes);

} // namespace qx::widgets
