#include "core/documents/contract.h"

namespace qx::core::documents {

std::optional<DeliveryPeriod> periodSpanning(QDate start, QDate end)
{
    if (!start.isValid() || !end.isValid() || end < start)
        return std::nullopt;
    const int year = start.year();
    if (start == end)
        return DeliveryPeriod::day(start);
    const QDate monthEnd = QDate(year, start.month(), 1).addMonths(1).addDays(-1);
    if (start.day() == 1 && end == monthEnd)
        return DeliveryPeriod::month(year, start.month());
    if (start.day() == 1 && (start.month() - 1) % 3 == 0 && end == start.addMonths(3).addDays(-1))
        return DeliveryPeriod::quarter(year, (start.month() - 1) / 3 + 1);
    if (start == QDate(year, 4, 1) && end == QDate(year, 9, 30))
        return DeliveryPeriod::season(year, true);
    if (start == QDate(year, 10, 1) && end == QDate(year + 1, 3, 31))
        return DeliveryPeriod::season(year, false);
    if (start == QDate(year, 1, 1) && end == QDate(year, 12, 31))
        return DeliveryPeriod::year(year);
    int isoYear = 0;
    const int isoWeek = start.weekNumber(&isoYear);
    if (start.dayOfWeek() == 1 && end == start.addDays(6))
        return DeliveryPeriod::week(isoYear, isoWeek);
    if (start.dayOfWeek() == 6 && end == start.addDays(1))
        return DeliveryPeriod::weekend(isoYear, isoWeek);
    return std::nullopt;
}

std::optional<QString> resolveSymbol(const QMap<QString, Field> &fields,
                                     const ProductCatalog &catalog)
{
    const auto value = [&fields](const char *name) {
        return valueOf(fields, name);
    };
    const std::optional<Commodity> commodity = commodityFromString(value("commodity"));
    const QString area = value("delivery_point");
    const QString shapeText = value("load_shape");
    const std::optional<LoadShape> shape
        = shapeText.isEmpty() ? std::optional(LoadShape::Base) : loadShapeFromString(shapeText);
    const std::optional<DeliveryPeriod> period
        = periodSpanning(QDate::fromString(value("delivery_start"), Qt::ISODate),
                         QDate::fromString(value("delivery_end"), Qt::ISODate));
    if (!commodity || area.isEmpty() || !shape || !period)
        return std::nullopt;
    for (const Product &product : catalog.products()) {
        if (product.area != area || product.commodity != *commodity || product.load != *shape)
            continue;
        if (product.deliveryMonth > 0) {
            if (period->kind == DeliveryPeriod::Kind::Month
                && period->start.month() == product.deliveryMonth)
                return symbolOf(product, DeliveryPeriod::year(period->start.year()));
            continue;
        }
        if (product.period == period->kind)
            return symbolOf(product, *period);
    }
    return std::nullopt;
}

} // namespace qx::core::documents
