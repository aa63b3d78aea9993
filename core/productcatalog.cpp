#include "core/productcatalog.h"

#include "core/delivery.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

namespace qx::core {

namespace {

Error catalogError(const QString &detail)
{
    return makeError(
        ErrorCode::InvalidCatalog,
        QCoreApplication::translate("qx::core::ProductCatalog", "Invalid product catalog: %1")
            .arg(detail));
}

Result<Product> productFromJson(const QJsonObject &object)
{
    Product product;
    product.code = object.value(u"code").toString();
    product.name = object.value(u"name").toString();
    product.area = object.value(u"area").toString();
    product.timeZone = object.value(u"time_zone").toString().toUtf8();
    product.currency = object.value(u"currency").toString();
    product.listed = object.value(u"listed").toInt(1);
    product.deliveryMonth = object.value(u"delivery_month").toInt(0);
    product.gateClosureMinutes = object.value(u"gate_closure_minutes").toInt(5);
    const auto commodity = commodityFromString(object.value(u"commodity").toString());
    const auto unit = quantityUnitFromString(object.value(u"unit").toString());
    const auto load = loadShapeFromString(object.value(u"load").toString(QStringLiteral("base")));
    const auto period = periodKindFromString(object.value(u"period").toString());
    const auto tick = Price::parse(object.value(u"tick_size").toString());
    const auto lot = Quantity::parse(object.value(u"lot_size").toString());
    if (product.code.isEmpty())
        return catalogError(QStringLiteral("a product has no code"));
    if (!commodity || !unit || !load || !period || !tick || !lot || product.listed < 1
        || product.listed > 60 || product.deliveryMonth < 0 || product.deliveryMonth > 12
        || product.gateClosureMinutes < 0 || product.gateClosureMinutes > 24 * 60) {
        return catalogError(
            QStringLiteral("product %1 has a missing or invalid field").arg(product.code));
    }
    product.commodity = *commodity;
    product.unit = *unit;
    product.load = *load;
    product.period = *period;
    product.tickSize = *tick;
    product.lotSize = *lot;
    return product;
}

QString descriptionOf(const Product &product, const DeliveryPeriod &delivery)
{
    return product.name + u", " + delivery.code();
}

// The first period of the product's kind that starts after `today`.
DeliveryPeriod firstPeriodAfter(const Product &product, QDate today)
{
    switch (product.period) {
    case DeliveryPeriod::Kind::QuarterHour:
    case DeliveryPeriod::Kind::Hour: // listed by day, see instrumentsOn
    case DeliveryPeriod::Kind::Day:
        return DeliveryPeriod::day(today.addDays(1));
    case DeliveryPeriod::Kind::Month: {
        const QDate next = QDate(today.year(), today.month(), 1).addMonths(1);
        return DeliveryPeriod::month(next.year(), next.month());
    }
    case DeliveryPeriod::Kind::Quarter: {
        const QDate next = QDate(today.year(), ((today.month() - 1) / 3) * 3 + 1, 1).addMonths(3);
        return DeliveryPeriod::quarter(next.year(), (next.month() - 1) / 3 + 1);
    }
    case DeliveryPeriod::Kind::Year:
        return DeliveryPeriod::year(today.year() + 1);
    case DeliveryPeriod::Kind::Week:
    case DeliveryPeriod::Kind::Weekend: {
        // The next one that has not started: next Monday's week, the coming Saturday's weekend.
        const int dayOfWeek = today.dayOfWeek();
        const bool week = product.period == DeliveryPeriod::Kind::Week;
        const QDate start = week ? today.addDays(8 - dayOfWeek)
                                 : today.addDays(dayOfWeek < 6 ? 6 - dayOfWeek : 13 - dayOfWeek);
        int isoYear = 0;
        const int isoWeek = start.weekNumber(&isoYear);
        return week ? DeliveryPeriod::week(isoYear, isoWeek)
                    : DeliveryPeriod::weekend(isoYear, isoWeek);
    }
    case DeliveryPeriod::Kind::Season:
        if (today < QDate(today.year(), 4, 1))
            return DeliveryPeriod::season(today.year(), true);
        if (today < QDate(today.year(), 10, 1))
            return DeliveryPeriod::season(today.year(), false);
        return DeliveryPeriod::season(today.year() + 1, true);
    }
    Q_UNREACHABLE();
    return {};
}

DeliveryPeriod nextPeriod(const DeliveryPeriod &period)
{
    switch (period.kind) {
    case DeliveryPeriod::Kind::QuarterHour:
    case DeliveryPeriod::Kind::Hour: // listed by day, see instrumentsOn
    case DeliveryPeriod::Kind::Day:
        return DeliveryPeriod::day(period.end);
    case DeliveryPeriod::Kind::Month:
        return DeliveryPeriod::month(period.end.year(), period.end.month());
    case DeliveryPeriod::Kind::Quarter:
        return DeliveryPeriod::quarter(period.end.year(), (period.end.month() - 1) / 3 + 1);
    case DeliveryPeriod::Kind::Year:
        return DeliveryPeriod::year(period.end.year());
    case DeliveryPeriod::Kind::Week:
    case DeliveryPeriod::Kind::Weekend:
        return { period.kind, period.start.addDays(7), period.end.addDays(7) };
    case DeliveryPeriod::Kind::Season:
        return DeliveryPeriod::season(period.end.year(), period.end.month() == 4);
    }
    Q_UNREACHABLE();
    return {};
}

Instrument instrumentFor(const Product &product, const DeliveryPeriod &delivery, QDate lastDay)
{
    Instrument instrument;
    instrument.symbol = symbolOf(product, delivery);
    instrument.description = descriptionOf(product, delivery);
    instrument.commodity = product.commodity;
    instrument.area = product.area;
    instrument.load = product.load;
    instrument.delivery = delivery;
    instrument.timeZone = product.timeZone;
    instrument.unit = product.unit;
    instrument.currency = product.currency;
    instrument.tickSize = product.tickSize;
    instrument.lotSize = product.lotSize;
    instrument.lastTradingDay = lastDay;
    return instrument;
}

} // namespace

QString symbolOf(const Product &product, const DeliveryPeriod &delivery)
{
    if (product.deliveryMonth > 0) {
        return product.code + u'.'
            + QLocale::c().monthName(product.deliveryMonth, QLocale::ShortFormat).toUpper() + u'.'
            + delivery.start.toString(u"yyyy");
    }
    // Indexed by DeliveryPeriod::Kind.
    static constexpr const char16_t *kPeriodLetters[]
        = { u"QH", u"H", u"D", u"WE", u"W", u"M", u"Q", u"S", u"Y" };
    return product.code + u'.' + QString::fromUtf16(kPeriodLetters[int(delivery.kind)]) + u'.'
        + delivery.code();
}

Result<SymbolParts> parseSymbol(QStringView symbol)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^([A-Z0-9]+(?:\\.[A-Z0-9]+)*?)\\.(?:D\\.(\\d{4}-\\d{2}-\\d{2})|M\\.(\\d{4})-(\\d{2})"
        "|Q\\.(\\d{4})-Q([1-4])|Y\\.(\\d{4})|([A-Z]{3})\\.(\\d{4})"
        "|WE\\.(\\d{4})-WE(\\d{2})|W\\.(\\d{4})-W(\\d{2})|S\\.(\\d{4})-(SUM|WIN)"
        "|H\\.(\\d{4}-\\d{2}-\\d{2})T(\\d{2})(B?)|QH\\.(\\d{4}-\\d{2}-\\d{2})T(\\d{2})(\\d{2})(B?))"
        "$"));
    const QRegularExpressionMatch match = pattern.match(symbol.toString());
    const auto invalid = [&symbol] {
        return makeError(ErrorCode::InvalidSymbol,
                         QCoreApplication::translate("qx::core::ProductCatalog",
                                                     "\"%1\" is not an instrument symbol.")
                             .arg(symbol.left(64)));
    };
    if (!match.hasMatch())
        return invalid();
    SymbolParts parts;
    parts.product = match.captured(1);
    if (match.hasCaptured(2)) {
        parts.delivery = DeliveryPeriod::day(QDate::fromString(match.captured(2), Qt::ISODate));
    } else if (match.hasCaptured(3)) {
        const int month = match.captured(4).toInt();
        if (month < 1 || month > 12)
            return invalid();
        parts.delivery = DeliveryPeriod::month(match.captured(3).toInt(), month);
    } else if (match.hasCaptured(5)) {
        parts.delivery
            = DeliveryPeriod::quarter(match.captured(5).toInt(), match.captured(6).toInt());
    } else if (match.hasCaptured(7)) {
        parts.delivery = DeliveryPeriod::year(match.captured(7).toInt());
    } else if (match.hasCaptured(10)) {
        parts.delivery
            = DeliveryPeriod::weekend(match.captured(10).toInt(), match.captured(11).toInt());
    } else if (match.hasCaptured(12)) {
        parts.delivery
            = DeliveryPeriod::week(match.captured(12).toInt(), match.captured(13).toInt());
    } else if (match.hasCaptured(16)) {
        parts.delivery
            = DeliveryPeriod::hour(QDate::fromString(match.captured(16), Qt::ISODate),
                                   match.captured(17).toInt(), !match.captured(18).isEmpty());
    } else if (match.hasCaptured(19)) {
        parts.delivery = DeliveryPeriod::quarterHour(
            QDate::fromString(match.captured(19), Qt::ISODate), match.captured(20).toInt(),
            match.captured(21).toInt(), !match.captured(22).isEmpty());
    } else if (match.hasCaptured(14)) {
        parts.delivery
            = DeliveryPeriod::season(match.captured(14).toInt(), match.captured(15) == u"SUM");
    } else {
        int month = 0;
        for (int m = 1; m <= 12; ++m) {
            if (QLocale::c().monthName(m, QLocale::ShortFormat).toUpper() == match.captured(8))
                month = m;
        }
        if (month == 0)
            return invalid();
        parts.delivery = DeliveryPeriod::month(match.captured(9).toInt(), month);
    }
    if (!parts.delivery.isValid())
        return invalid();
    return parts;
}

Result<ProductCatalog> ProductCatalog::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return catalogError(parseError.errorString());
    const QJsonValue products = document.object().value(u"products");
    if (!products.isArray())
        return catalogError(QStringLiteral("\"products\" must be an array"));
    ProductCatalog catalog;
    for (const QJsonValue &value : products.toArray()) {
        Result<Product> product = productFromJson(value.toObject());
        if (!product)
            return product.error();
        catalog.m_products.append(std::move(product).value());
    }
    // A product's instruments must be valid; checking one listing proves the definition.
    for (const Instrument &instrument : catalog.instrumentsOn(QDate(2000, 1, 1))) {
        if (Result<void> valid = instrument.validate(); !valid)
            return catalogError(valid.error().message);
    }
    return catalog;
}

QList<Instrument> ProductCatalog::instrumentsOn(QDate today) const
{
    QList<Instrument> instruments;
    for (const Product &product : m_products) {
        if (product.deliveryMonth > 0) {
            // A yearly contract delivering in one month (EUA December) trades until two
            // business days before that month ends: modelled as the 15th, a conservative
            // stand-in until the exchange calendars arrive.
            int year = today.year();
            if (today > QDate(year, product.deliveryMonth, 15))
                ++year;
            for (int i = 0; i < product.listed; ++i, ++year) {
                const DeliveryPeriod delivery = DeliveryPeriod::month(year, product.deliveryMonth);
                instruments.append(
                    instrumentFor(product, delivery, QDate(year, product.deliveryMonth, 15)));
            }
            continue;
        }
        if (product.period == DeliveryPeriod::Kind::Hour
            || product.period == DeliveryPeriod::Kind::QuarterHour) {
            for (int i = 0; i < product.listed; ++i) {
                for (const DeliveryPeriod &delivery :
                     intradayPeriods(today.addDays(i), product.period, product.timeZone)) {
                    const QDateTime gate = deliveryStart(delivery, product.timeZone)
                                               ->addSecs(-60 * product.gateClosureMinutes);
                    Instrument instrument = instrumentFor(product, delivery, gate.date());
                    instrument.tradingEnd = gate;
                    instruments.append(instrument);
                }
            }
            continue;
        }
        DeliveryPeriod delivery = firstPeriodAfter(product, today);
        for (int i = 0; i < product.listed; ++i, delivery = nextPeriod(delivery))
            instruments.append(instrumentFor(product, delivery, delivery.start.addDays(-1)));
    }
    return instruments;
}

} // namespace qx::core
