#pragma once

#include "core/decimal.h"
#include "core/instrument.h"
#include "core/result.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace qx::core {

/**
 * Delivered hours and energy. Hours are counted on the market's wall clock: a German day has
 * 23 hours on the last Sunday of March and 25 on the last Sunday of October, so a March base
 * month has 743 hours and an October one 745. Peak is Monday to Friday 08:00–20:00 local time
 * (EEX's definition; holidays included, as on EEX), off-peak every other hour.
 */

/// Minutes the load shape delivers in the period, or 0 for an unknown time zone or an hour
/// that does not exist on its day (the one the spring clock change skips).
qint64 deliveryMinutes(const DeliveryPeriod &period, LoadShape shape, const QByteArray &timeZone);

/// deliveryMinutes in whole hours (a quarter-hour counts 0: use deliveryMinutes for those).
qint64 deliveryHours(const DeliveryPeriod &period, LoadShape shape, const QByteArray &timeZone);

/// The UTC instant delivery starts: local midnight of the first day, or an hour's or
/// quarter-hour's start (the repeated pass an hour later). nullopt if it does not exist.
std::optional<QDateTime> deliveryStart(const DeliveryPeriod &period, const QByteArray &timeZone);

/// Every hour (kind Hour) or quarter-hour (kind QuarterHour) of a local day in delivery order:
/// 92 quarter-hours on the spring clock change, 100 in autumn with the repeated ones.
QList<DeliveryPeriod> intradayPeriods(QDate day, DeliveryPeriod::Kind kind,
                                      const QByteArray &timeZone);

/// The calendar months a period covers (a quarter: three, a year: twelve, a month: itself;
/// a day: its month, clipped to the day).
QList<DeliveryPeriod> monthsOf(const DeliveryPeriod &period);

/// The energy unit a contract's volume is counted in: MWh, MMBtu, bbl or t.
QString energyUnit(QuantityUnit unit);

/// Energy per unit of contract quantity: the delivered hours for MW contracts (1 MW over 743 h
/// is 743 MWh), the delivery days for MMBtu/d, and 1 for barrels and tonnes.
Decimal volumeMultiplier(const Instrument &instrument);

/// quantity × volumeMultiplier: 10 MW of German base March 2027 is 7,430 MWh.
Result<Quantity> energyVolume(const Instrument &instrument, Quantity quantity);

/// price × energy volume: what the contract is worth in the instrument's currency.
Result<Money> contractValue(const Instrument &instrument, Price price, Quantity quantity);

} // namespace qx::core
