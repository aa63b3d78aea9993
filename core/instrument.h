#pragma once

#include "core/decimal.h"
#include "core/result.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

namespace qx::core {

enum class Commodity { Power, NaturalGas, CrudeOil, Emissions };
enum class QuantityUnit { Megawatt, MMBtuPerDay, Barrel, TonneCO2 };
/// Which hours of the delivery period a power contract delivers in; Base for everything else.
enum class LoadShape { Base, Peak, OffPeak };

/// Stable wire names ("power", "natural_gas", "MW", "base"...).
QString toString(Commodity commodity);
QString toString(QuantityUnit unit);
QString toString(LoadShape shape);
std::optional<Commodity> commodityFromString(QStringView text);
std::optional<QuantityUnit> quantityUnitFromString(QStringView text);
std::optional<LoadShape> loadShapeFromString(QStringView text);

/**
 * The span a contract delivers over, [start, end) in the market's time zone. Days and longer
 * are whole local days. An hour or quarter-hour is one slot of the local day `start` (end is
 * the next day), named by its wall-clock start; on the autumn clock change the repeated hour
 * comes twice, the second time with `repeated` set (the "3B" of the exchanges), and on the
 * spring change the skipped hour does not exist (see deliveryStart in delivery.h).
 */
struct DeliveryPeriod
{
    /// In trading-board order, shortest first.
    enum class Kind { QuarterHour, Hour, Day, Weekend, Week, Month, Quarter, Season, Year };

    Kind kind = Kind::Month;
    QDate start;
    QDate end;
    int startMinute = 0; ///< hours and quarter-hours: local wall-clock start, minutes after 00:00
    bool repeated = false; ///< hours and quarter-hours: the second pass of a repeated hour

    /// `hour` 0–23: the hour starting at hour:00 local time.
    static DeliveryPeriod hour(QDate date, int hour, bool repeated = false);
    /// `minute` 0, 15, 30 or 45.
    static DeliveryPeriod quarterHour(QDate date, int hour, int minute, bool repeated = false);
    static DeliveryPeriod day(QDate date);
    static DeliveryPeriod month(int year, int month);
    static DeliveryPeriod quarter(int year, int quarter);
    static DeliveryPeriod year(int year);
    /// ISO week: Monday to Sunday.
    static DeliveryPeriod week(int isoYear, int isoWeek);
    /// Saturday and Sunday of an ISO week.
    static DeliveryPeriod weekend(int isoYear, int isoWeek);
    /// Summer: April to September; winter: October to the next March.
    static DeliveryPeriod season(int year, bool summer);

    /// "2027-10-31T02B" (hour), "2027-03-14T0815" (quarter-hour), "2027-03-14", "2027-WE12",
    /// "2027-W12", "2027-03", "2027-Q1", "2027-SUM", "2027".
    QString code() const;
    /// Whether the period is well formed. Whether an hour exists on its day depends on the time
    /// zone: Instrument::validate checks that.
    bool isValid() const;
    /// Hours and quarter-hours: traded up to minutes before delivery, on intraday markets.
    bool isIntraday() const { return kind == Kind::Hour || kind == Kind::QuarterHour; }
    bool operator==(const DeliveryPeriod &) const = default;
};

QString toString(DeliveryPeriod::Kind kind);
std::optional<DeliveryPeriod::Kind> periodKindFromString(QStringView text);

/**
 * A tradable contract: what is delivered, where, when, in which unit and currency, and the
 * price and quantity grid orders must sit on. Value type.
 */
struct Instrument
{
    QString symbol; ///< e.g. DE.BASE.M.2027-03
    QString description; ///< e.g. "German power base load, March 2027"
    Commodity commodity = Commodity::Power;
    QString area; ///< hub or bidding zone: DE, TTF, HH, BRENT, EUA
    LoadShape load = LoadShape::Base;
    DeliveryPeriod delivery;
    QByteArray timeZone; ///< IANA name of the market's time zone
    QuantityUnit unit = QuantityUnit::Megawatt;
    QString currency; ///< ISO 4217: EUR, GBP, USD
    Price tickSize;
    Quantity lotSize;
    QDate lastTradingDay;
    /// When trading stops, for intraday contracts (gate closure before delivery, UTC); invalid
    /// for the others, which trade to the end of their last trading day.
    QDateTime tradingEnd;

    /// Checks the definition itself (symbol, period, time zone, currency, positive grid).
    Result<void> validate() const;
    /// Checks an order's price and quantity against the grid: quantity_not_positive,
    /// quantity_off_lot, price_off_tick. Prices may be negative: power and even crude have
    /// settled below zero.
    Result<void> checkOrder(Price price, Quantity quantity) const;
    /// Trading has ended at the gate closure of an intraday contract, and for the others once
    /// the last trading day (a UTC date) is over.
    bool isExpired(const QDateTime &now) const;

    bool operator==(const Instrument &) const = default;
};

/// The order of a trading board: power, gas, oil, emissions; within each hub and load shape
/// months before quarters before years, each in delivery order.
bool boardOrderLess(const Instrument &a, const Instrument &b);

} // namespace qx::core
