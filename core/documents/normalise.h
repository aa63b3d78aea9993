#pragma once

#include <QDate>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

/**
 * Values as people write them on broker confirmations and invoices, turned into the canonical
 * forms the rest of the system uses: ISO dates, decimals with a point, the catalog's area,
 * commodity and unit codes. Pure functions on text: no OCR, no layout. English and German
 * (and French month names), as the documents come.
 */
namespace qx::core::documents {

/// How a date written with slashes or dashes and numbers only (3/11/2026) is read: day first
/// (Europe) or month first (the US). Dates with dots (03.11.2026) are always day first, ISO
/// dates (2026-11-03) always year first, and a month written as a word needs neither.
enum class DateOrder { DayFirst, MonthFirst };

/// A date as written: 2026-11-03, 03.11.2026, 3.11.26, 3/11/2026 (by `order`, unless one part
/// cannot be a month), 3 Nov 2026, 3-Nov-26, 03 November 2026, November 3, 2026, Nov. 3rd 2026,
/// 3. November 2026, 3. Nov. 2026, 3 mars 2026. Two-digit years are 20yy. The whole text must
/// be the date (surrounding white space and a trailing full stop or comma aside).
std::optional<QDate> parseDate(QStringView text, DateOrder order = DateOrder::DayFirst);

/// The first date inside a longer text ("Trade date: 3 Nov 2026 (London)"), with where it
/// starts and how long it is written.
struct DateMatch
{
    QDate date;
    qsizetype start = 0;
    qsizetype length = 0;
};
std::optional<DateMatch> findDate(QStringView text, DateOrder order = DateOrder::DayFirst);

/// Which order a document writes its slashed dates in, from the dates it holds: a date whose
/// first part is over 12 says day first, one whose second is says month first; the majority
/// of those decides. Without one, `fallback` (the language's custom).
DateOrder inferDateOrder(const QStringList &texts, DateOrder fallback);

/// Which mark separates the decimals in a document's numbers.
enum class DecimalMark { Point, Comma };

/// A number as written: 1,234.56 / 1.234,56 / 1 234,56 / 1'234.56 / 50,25 / -3 / +0.5, a
/// currency sign or code around it allowed (EUR 1.234,56, 45.10 €). Where the text alone
/// cannot tell a decimal mark from a thousands separator (1,234 or 1.234: one mark, three
/// digits after it), `mark` decides. Answered with a point and no grouping, the fractional
/// digits as written ("1.234,50" → "1234.50"); nothing for text that is not one number.
std::optional<QString> parseDecimal(QStringView text, DecimalMark mark = DecimalMark::Point);

/// The decimal mark a document uses, from the numbers in it that say so unambiguously
/// (1.234,56 or 45,10 say comma; 1,234.56 or 45.10 say point); the majority decides, and
/// without one, `fallback`.
DecimalMark inferDecimalMark(const QStringList &texts, DecimalMark fallback);

/// The catalog's area code for a delivery point or hub as written: DE, FR, NL, GB, NORDIC,
/// TTF, THE, NBP, HH, BRENT, WTI, EUA ("Germany", "Amprion", "TenneT DE", "EPEX DE",
/// "Title Transfer Facility", "National Balancing Point", "Trading Hub Europe", "Henry Hub",
/// "ICE Brent", ...). The longest name found in the text wins.
std::optional<QString> hubCode(QStringView text);

/// The catalog's commodity code: power, natural_gas, crude_oil, emissions.
std::optional<QString> commodityCode(QStringView text);

/// The load shape: base, peak or offpeak ("Baseload", "Peak Load", "Off-Peak", "Grundlast").
std::optional<QString> loadShapeCode(QStringView text);

/// A quantity's unit in canonical form: MW, MWh, MMBtu/d, MMBtu, therm/d, therm, bbl, bbl/d,
/// tCO2 ("megawatts", "MWh/h" → MW; "therms/day" → therm/d; "barrels" → bbl; "t CO2",
/// "tonnes", "allowances" → tCO2).
std::optional<QString> quantityUnit(QStringView text);

/// A currency: EUR, USD, GBP, or GBp for pence ("€", "Euro", "$", "US$", "£", "p", "pence").
std::optional<QString> currencyCode(QStringView text);

/// A price's unit as written ("EUR/MWh", "€ / MWh", "EUR per MWh", "p/th", "pence per therm",
/// "$/bbl", "USD/MMBtu", "EUR/t CO2"): its currency and the canonical price unit
/// (EUR/MWh, GBP/MWh, GBp/therm, USD/MMBtu, USD/bbl, EUR/t, ...).
struct PriceUnit
{
    QString currency; ///< EUR, USD, GBP; pence are GBP with the unit GBp/...
    QString unit; ///< e.g. EUR/MWh, GBp/therm
};
std::optional<PriceUnit> priceUnit(QStringView text);

/// Lower case, accents folded (März → marz, août → aout), every run of characters other
/// than letters and digits one space, trimmed: how names are compared.
QString foldForMatching(QStringView text);

} // namespace qx::core::documents
