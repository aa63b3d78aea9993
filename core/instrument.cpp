#include "core/instrument.h"

#include "core/delivery.h"
#include "core/enumnames.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimeZone>

#include <tuple>

namespace qx::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("qx::core::Instrument", text);
}

constexpr std::array commodityNames {
    std::pair { Commodity::Power, u"power" },
    std::pair { Commodity::NaturalGas, u"natural_gas" },
    std::pair { Commodity::CrudeOil, u"crude_oil" },
    std::pair { Commodity::Emissions, u"emissions" },
};
constexpr std::array unitNames {
    std::pair { QuantityUnit::Megawatt, u"MW" },
    std::pair { QuantityUnit::MMBtuPerDay, u"MMBtu/d" },
    std::pair { QuantityUnit::Barrel, u"bbl" },
    std::pair { QuantityUnit::TonneCO2, u"tCO2" },
};
constexpr std::array loadNames {
    std::pair { LoadShape::Base, u"base" },
    std::pair { LoadShape::Peak, u"peak" },
    std::pair { LoadShape::OffPeak, u"offpeak" },
};
constexpr std::array periodNames {
    std::pair { DeliveryPeriod::Kind::QuarterHour, u"quarter_hour" },
    std::pair { DeliveryPeriod::Kind::Hour, u"hour" },
    std::pair { DeliveryPeriod::Kind::Day, u"day" },
    std::pair { DeliveryPeriod::Kind::Month, u"month" },
    std::pair { DeliveryPeriod::Kind::Quarter, u"quarter" },
    std::pair { DeliveryPeriod::Kind::Year, u"year" },
    std::pair { DeliveryPeriod::Kind::Week, u"week" },
    std::pair { DeliveryPeriod::Kind::Weekend, u"weekend" },
    std::pair { DeliveryPeriod::Kind::Season, u"season" },
};

} // namespace

QString toString(Commodity commodity)
{
    return enumName(commodityNames, commodity);
}
QString toString(QuantityUnit unit)
{
    return enumName(unitNames, unit);
}
QString toString(LoadShape shape)
{
    return enumName(loadNames, shape);
}
QString toString(DeliveryPeriod::Kind kind)
{
    return enumName(periodNames, kind);
}
std::optional<Commodity> commodityFromString(QStringView text)
{
    return enumFromName(commodityNames, text);
}
std::optional<QuantityUnit> quantityUnitFromString(QStringView text)
{
    return enumFromName(unitNames, text);
}
std::optional<LoadShape> loadShapeFromString(QStringView text)
{
    return enumFromName(loadNames, text);
}
std::optional<DeliveryPeriod::Kind> periodKindFromString(QStringView text)
{
    return enumFromName(periodNames, text);
}

DeliveryPeriod DeliveryPeriod::hour(QDate date, int hour, bool repeated)
{
    return { Kind::Hour, date, date.addDays(1), hour * 60, repeated };
}

DeliveryPeriod DeliveryPeriod::quarterHour(QDate date, int hour, int minute, bool repeated)
{
    return { Kind::QuarterHour, date, date.addDays(1), hour * 60 + minute, repeated };
}

DeliveryPeriod DeliveryPeriod::day(QDate date)
{
    return { Kind::Day, date, date.addDays(1) };
}

DeliveryPeriod DeliveryPeriod::month(int year, int month)
{
    const QDate start(year, month, 1);
    return { Kind::Month, start, start.addMonths(1) };
}

DeliveryPeriod DeliveryPeriod::quarter(int year, int quarter)
{
    const QDate start(year, (quarter - 1) * 3 + 1, 1);
    return { Kind::Quarter, start, start.addMonths(3) };
}

DeliveryPeriod DeliveryPeriod::year(int year)
{
    const QDate start(year, 1, 1);
    return { Kind::Year, start, start.addYears(1) };
}

namespace {
QDate isoWeekMonday(int isoYear, int isoWeek)
{
    const QDate fourthOfJanuary(isoYear, 1, 4); // always in week 1
    return fourthOfJanuary.addDays(1 - fourthOfJanuary.dayOfWeek() + 7 * (isoWeek - 1));
}
} // namespace

DeliveryPeriod DeliveryPeriod::week(int isoYear, int isoWeek)
{
    const QDate start = isoWeekMonday(isoYear, isoWeek);
    return { Kind::Week, start, start.addDays(7) };
}

DeliveryPeriod DeliveryPeriod::weekend(int isoYear, int isoWeek)
{
    const QDate start = isoWeekMonday(isoYear, isoWeek).addDays(5);
    return { Kind::Weekend, start, start.addDays(2) };
}

DeliveryPeriod DeliveryPeriod::season(int year, bool summer)
{
    const QDate start(year, summer ? 4 : 10, 1);
    return { Kind::Season, start, start.addMonths(6) };
}

QString DeliveryPeriod::code() const
{
    int isoYear = 0;
    const int isoWeek = start.weekNumber(&isoYear);
    const QString week = QString::number(isoWeek).rightJustified(2, u'0');
    const auto twoDigits = [](int value) {
        return QString::number(value).rightJustified(2, u'0');
    };
    const QString pass = repeated ? QStringLiteral("B") : QString();
    switch (kind) {
    case Kind::QuarterHour:
        return start.toString(Qt::ISODate) + u'T' + twoDigits(startMinute / 60)
            + twoDigits(startMinute % 60) + pass;
    case Kind::Hour:
        return start.toString(Qt::ISODate) + u'T' + twoDigits(startMinute / 60) + pass;
    case Kind::Week:
        return QString::number(isoYear) + u"-W" + week;
    case Kind::Weekend:
        return QString::number(isoYear) + u"-WE" + week;
    case Kind::Season:
        return start.toString(u"yyyy") + (start.month() == 4 ? u"-SUM" : u"-WIN");
    case Kind::Day:
        return start.toString(Qt::ISODate);
    case Kind::Month:
        return start.toString(u"yyyy-MM");
    case Kind::Quarter:
        return start.toString(u"yyyy") + u"-Q" + QString::number((start.month() - 1) / 3 + 1);
    case Kind::Year:
        return start.toString(u"yyyy");
    }
    Q_UNREACHABLE();
    return {};
}

bool DeliveryPeriod::isValid() const
{
    if (!start.isValid() || !end.isValid() || end <= start)
        return false;
    if (!isIntraday() && (startMinute != 0 || repeated))
        return false;
    switch (kind) {
    case Kind::Hour:
        return end == start.addDays(1) && startMinute >= 0 && startMinute < 24 * 60
            && startMinute % 60 == 0;
    case Kind::QuarterHour:
        return end == start.addDays(1) && startMinute >= 0 && startMinute < 24 * 60
            && startMinute % 15 == 0;
    case Kind::Day:
        return *this == day(start);
    case Kind::Month:
        return *this == month(start.year(), start.month());
    case Kind::Quarter:
        return (start.month() - 1) % 3 == 0
            && *this == quarter(start.year(), (start.month() - 1) / 3 + 1);
    case Kind::Year:
        return *this == year(start.year());
    case Kind::Week:
        return start.dayOfWeek() == 1 && end == start.addDays(7);
    case Kind::Weekend:
        return start.dayOfWeek() == 6 && end == start.addDays(2);
    case Kind::Season:
        return (start.month() == 4 || start.month() == 10) && start.day() == 1
            && *this == season(start.year(), start.month() == 4);
    }
    return false;
}

Result<void> Instrument::validate() const
{
    static const QRegularExpression symbolPattern(QStringLiteral("^[A-Z0-9]+(\\.[A-Z0-9-]+)+$"));
    static const QRegularExpression currencyPattern(QStringLiteral("^[A-Z]{3}$"));
    const auto invalid = [this](const char *what) {
        return makeError(ErrorCode::InvalidInstrument,
                         tr("Instrument %1: %2").arg(symbol, tr(what)));
    };
    if (!symbolPattern.match(symbol).hasMatch())
        return invalid(QT_TRANSLATE_NOOP("qx::core::Instrument", "the symbol is malformed."));
    if (area.isEmpty())
        return invalid(QT_TRANSLATE_NOOP("qx::core::Instrument", "the hub or area is missing."));
    if (!delivery.isValid())
        return invalid(
            QT_TRANSLATE_NOOP("qx::core::Instrument", "the delivery period is invalid."));
    if (!QTimeZone(timeZone).isValid())
        return invalid(QT_TRANSLATE_NOOP("qx::core::Instrument", "the time zone is unknown."));
    if (!currencyPattern.match(currency).hasMatch())
        return invalid(QT_TRANSLATE_NOOP("qx::core::Instrument", "the currency is not ISO 4217."));
    if (!tickSize.isPositive())
        return invalid(
            QT_TRANSLATE_NOOP("qx::core::Instrument", "the tick size must be positive."));
    if (!lotSize.isPositive())
        return invalid(QT_TRANSLATE_NOOP("qx::core::Instrument", "the lot size must be positive."));
    if (commodity != Commodity::Power && load != LoadShape::Base) {
        return invalid(
            QT_TRANSLATE_NOOP("qx::core::Instrument", "only power has peak and off-peak loads."));
    }
    if (delivery.isIntraday()) {
        if (load != LoadShape::Base) {
            return invalid(QT_TRANSLATE_NOOP("qx::core::Instrument",
                                             "an hour or quarter-hour has no load shape."));
        }
        if (!deliveryStart(delivery, timeZone)) {
            return invalid(QT_TRANSLATE_NOOP("qx::core::Instrument",
                                             "the delivery hour does not exist on that day."));
        }
    }
    return {};
}

bool Instrument::isExpired(const QDateTime &now) const
{
    if (tradingEnd.isValid())
        return now >= tradingEnd;
    return lastTradingDay.isValid() && now.toUTC().date() > lastTradingDay;
}

bool boardOrderLess(const Instrument &a, const Instrument &b)
{
    const auto key = [](const Instrument &instrument) {
        return std::tuple(int(instrument.commodity), instrument.area, int(instrument.load),
                          int(instrument.delivery.kind), instrument.delivery.start,
                          // An hour's second pass follows its first: 02:45, 02:00B, 03:00.
                          instrument.delivery.startMinute / 60, instrument.delivery.repeated,
                          instrument.delivery.startMinute, instrument.symbol);
    };
    return key(a) < key(b);
}

Result<void> Instrument::checkOrder(Price price, Quantity quantity) const
{
    if (!quantity.isPositive()) {
        return makeError(ErrorCode::QuantityNotPositive,
                         tr("The quantity must be greater than zero."));
    }
    if (!quantity.isMultipleOf(lotSize)) {
        return makeError(ErrorCode::QuantityOffLot,
                         tr("The quantity %1 is not a multiple of the lot size %2 %3 of %4.")
                             .arg(quantity.toString(), lotSize.toString(), toString(unit), symbol));
    }
    if (!price.isMultipleOf(tickSize)) {
        return makeError(ErrorCode::PriceOffTick,
                         tr("The price %1 is not on the tick size %2 of %3.")
                             .arg(price.toString(), tickSize.toString(), symbol));
    }
    return {};
}

} // namespace qx::core
