#include "core/delivery.h"

#include <QTimeZone>

namespace qx::core {

namespace {

constexpr int kPeakStartHour = 8;
constexpr int kPeakEndHour = 20;

bool isWeekday(QDate date)
{
    return date.dayOfWeek() <= 5;
}

// Length of a local calendar day in hours: 23, 24 or 25 around daylight-saving changes.
qint64 hoursInDay(QDate date, const QTimeZone &zone)
{
    const QDateTime start(date, QTime(0, 0), zone);
    const QDateTime end(date.addDays(1), QTime(0, 0), zone);
    return start.secsTo(end) / 3600;
}

} // namespace

qint64 deliveryHours(const DeliveryPeriod &period, LoadShape shape, const QByteArray &timeZone)
{
    const QTimeZone zone(timeZone);
    if (!zone.isValid() || !period.isValid())
        return 0;
    qint64 base = 0;
    qint64 peak = 0;
    for (QDate day = period.start; day < period.end; day = day.addDays(1)) {
        base += hoursInDay(day, zone);
        // Clock changes happen at night, so a weekday's peak block always has 12 hours.
        if (isWeekday(day))
            peak += kPeakEndHour - kPeakStartHour;
    }
    switch (shape) {
    case LoadShape::Base:
        return base;
    case LoadShape::Peak:
        return peak;
    case LoadShape::OffPeak:
        return base - peak;
    }
    return 0;
}

QList<DeliveryPeriod> monthsOf(const DeliveryPeriod &period)
{
    QList<DeliveryPeriod> months;
    if (!period.isValid())
        return months;
    // Days, weekends and weeks show as themselves (a week may straddle two months).
    if (period.kind == DeliveryPeriod::Kind::Day || period.kind == DeliveryPeriod::Kind::Week
        || period.kind == DeliveryPeriod::Kind::Weekend) {
        return { period };
    }
    for (QDate start = period.start; start < period.end; start = start.addMonths(1))
        months.append(DeliveryPeriod::month(start.year(), start.month()));
    return months;
}

QString energyUnit(QuantityUnit unit)
{
    switch (unit) {
    case QuantityUnit::Megawatt:
        return QStringLiteral("MWh");
    case QuantityUnit::MMBtuPerDay:
        return QStringLiteral("MMBtu");
    case QuantityUnit::Barrel:
        return QStringLiteral("bbl");
    case QuantityUnit::TonneCO2:
        return QStringLiteral("t");
    }
    return {};
}

Decimal volumeMultiplier(const Instrument &instrument)
{
    switch (instrument.unit) {
    case QuantityUnit::Megawatt:
        return Decimal::fromInteger(
                   deliveryHours(instrument.delivery, instrument.load, instrument.timeZone))
            .value();
    case QuantityUnit::MMBtuPerDay:
        return Decimal::fromInteger(instrument.delivery.start.daysTo(instrument.delivery.end))
            .value();
    case QuantityUnit::Barrel:
    case QuantityUnit::TonneCO2:
        break;
    }
    return Decimal::fromInteger(1).value();
}

Result<Quantity> energyVolume(const Instrument &instrument, Quantity quantity)
{
    Result<Decimal> volume = quantity.decimal().times(volumeMultiplier(instrument));
    if (!volume)
        return volume.error();
    return Quantity(*volume);
}

Result<Money> contractValue(const Instrument &instrument, Price price, Quantity quantity)
{
    Result<Quantity> volume = energyVolume(instrument, quantity);
    if (!volume)
        return volume.error();
    return notional(price, *volume);
}

} // namespace qx::core
