#pragma once

#include "core/documents/extraction.h"
#include "core/instrument.h"
#include "core/productcatalog.h"

#include <QDate>
#include <QMap>
#include <QString>

#include <optional>

namespace qx::core::documents {

/// The listed period `start`..`end` spans, if it is one: a day, a weekend (Saturday and
/// Sunday), an ISO week, a month, a quarter, a season (April–September, October–March) or a
/// year. Nothing for any other span.
std::optional<DeliveryPeriod> periodSpanning(QDate start, QDate end);

/// The catalog's contract that a confirmation's fields describe: the product of their
/// delivery point and commodity (and load shape, base unless said) whose period is the one
/// delivery_start..delivery_end spans; a December-only yearly product (EUA.DEC) for a December
/// delivery. Nothing when a field is missing or no product fits: a guess would match the
/// wrong deals.
std::optional<QString> resolveSymbol(const QMap<QString, Field> &fields,
                                     const ProductCatalog &catalog);

} // namespace qx::core::documents
