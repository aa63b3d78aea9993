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

constexpr qint64 kSlotSeconds = 15 * 60;

// Walks a local day's quarter-hours in UTC, so a repeated hour is met twice and a skipped one
// never: `visit(utcStart, localStartMinute, secondPass)` returns true to stop.
template<typename Visit>
void forEachQuarterHour(QDate day, const QTimeZone &zone, Visit visit)
{
    const QDateTime end = QDateTime(day.addDays(1), QTime(0, 0), zone).toUTC();
    QList<int> seen;
    for (QDateTime slot = QDateTime(day, QTime(0, 0), zone).toUTC(); slot < end;
         slot = slot.addSecs(kSlotSeconds)) {
        const QDateTime local = slot.toTimeZone(zone);
        if (local.date() != day)
            continue;
        const int minute = local.time().hour() * 60 + local.time().minute();
        const bool secondPass = seen.contains(minute);
        seen.append(minute);
        if (visit(slot, minute, secondPass))
            return;
    }
}

} // namespace

std::optional<QDateTime> deliveryStart(const DeliveryPeriod &period, const QByteArray &timeZone)
{
    const QTimeZone zone(timeZone);
    if (!zone.isValid() || !period.isValid())
        return std::nullopt;
    if (!period.isIntraday())
        return QDateTime(period.start, QTime(0, 0), zone).toUTC();
    std::optional<QDateTime> start;
    forEachQuarterHour(period.start, zone, [&](const QDateTime &slot, int minute, bool second) {
        if (minute == period.startMinute && second == period.repeated)
            start = slot;
        return start.has_value();
    });
    return start;
}

QList<DeliveryPeriod> intradayPeriods(QDate day, DeliveryPeriod::Kind kind,
                                      const QByteArray &timeZone)
{
    QList<DeliveryPeriod> periods;
    const QTimeZone zone(timeZone);
    if (!zone.isValid() || !day.isValid())
        return periods;
    const int step = kind == DeliveryPeriod::Kind::Hour ? 60 : 15;
    forEachQuarterHour(day, zone, [&](const QDateTime &, int minute, bool second) {
        if (minute % step == 0) {
            periods.append({ kind, day, day.addDays(1), minute, second });
        }
        return false;
    });
    return periods;
}

qint64 deliveryMinutes(const DeliveryPeriod &period, LoadShape shape, const QByteArray &timeZone)
{
    if (period.isIntraday()) {
        if (!deliveryStart(period, timeZone))
            return 0;
        return period.kind == DeliveryPeriod::Kind::Hour ? 60 : 15;
    }
    return deliveryHours(period, shape, timeZone) * 60;
}

qint64 deliveryHours(const DeliveryPeriod &period, LoadShape shape, const QByteArray &timeZone)
{
    if (period.isIntraday())
        return deliveryMinutes(period, shape, timeZone) / 60;
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
    if (period.isIntraday() || period.kind == DeliveryPeriod::Kind::Day
        || period.kind == DeliveryPeriod::Kind::Week
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
    case QuantityUnit::Megawatt: {
        const qint64 minutes
            = deliveryMinutes(instrument.delivery, instrument.load, instrument.timeZone);
        // Whole hours stay exact integers; a quarter-hour is 0.25 h.
        return Decimal::fromUnits(minutes * Decimal::kOne / 60);
    }
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
