#pragma once

#include "core/result.h"

class QAbstractItemModel;
class QIODevice;

namespace qx::widgets {

/**
 * Writes a blotter as CSV (RFC 4180, UTF-8, CRLF): a header row of the column titles, then
 * the rows in the model's order (a proxy's: as the view sorts them), each cell as its
 * InstrumentTableModel::ExportRole gives it (its display text without one). Fields with a
 * comma, quote or line break are quoted. Errors: io_error.
 */
core::Result<void> writeCsv(const QAbstractItemModel &model, QIODevice &out);

} // namespace qx::widgets
