#pragma once

#include "core/decimal.h"
#include "core/instrument.h"

#include "core/protocol/messages.h"

#include <QBrush>
#include <QFont>
#include <QLocale>
#include <QString>
#include <QVariant>

/**
 * How the front ends write decimals and units for people. Exact: digits come from the
 * fixed-point value itself, never through a double; only the separators follow the locale.
 */
namespace qx::models::displayformat {

/// Whose separators numbers are written with: the number format the trader chose in the
/// settings, else the language's (QLocale()).
QLocale numberLocale();
/// Chooses the number format: a locale name ("en_US": 1,234.56; "de_DE": 1.234,56; "fr_FR":
/// 1 234,56; "de_CH": 1'234.56), or empty for the language's.
void setNumberLocale(const QString &name);

/// "1,062.5" with minDecimals 2 → "1,062.50"; all significant digits are kept.
QString decimal(core::Decimal value, int minDecimals = 0, const QLocale &locale = numberLocale());
/// A price with as many decimals as the instrument's tick ("42.5" → "42.50" for 0.01).
QString price(core::Price price, const core::Instrument *instrument,
              const QLocale &locale = numberLocale());
/// A quantity with as many decimals as the instrument's lot.
QString quantity(core::Quantity quantity, const core::Instrument *instrument,
                 const QLocale &locale = numberLocale());
/// A money amount with at least two decimals.
QString money(core::Money money, const QLocale &locale = numberLocale());

/// "MW", "MMBtu/d", "bbl", "tCO2".
QString quantityUnit(const core::Instrument &instrument);
/// What the price is quoted in: "EUR/MWh", "USD/MMBtu", "USD/bbl", "EUR/t".
QString priceUnit(const core::Instrument &instrument);
/// The period a notional of price × quantity covers: "/h" for MW (an energy price times a
/// power), "/d" for daily gas rates, empty for bbl and tonnes (a quantity, not a rate).
QString notionalPeriod(const core::Instrument &instrument);

/// A contract's delivery period as a curve board names it: "Mar 27", "Q1 27", "Sum 27",
/// "Win 27", "Cal 28", "Wk 49 27", "WE 49 27", "Tue 01 Dec", and for hours and quarter-hours
/// the local start, "Tue 01 Dec 14:00" ("… 02:00 B" for the repeated hour). Month and day
/// names follow `locale`.
QString periodLabel(const core::DeliveryPeriod &period, const QLocale &locale = QLocale());
/// A product's name in the trader's language ("German power base load", "Strom Deutschland
/// Base"): the products of the default catalog by their code, any other by the catalog's own
/// (English) description, up to its delivery period.
QString productName(const core::Instrument &instrument);
/// A contract in words, in the trader's language: "German power base load, Mar 27".
QString description(const core::Instrument &instrument);
/// What a board groups contracts of that kind under: "Months", "Quarters"…
QString periodKindPlural(core::DeliveryPeriod::Kind kind);

/// How a blotter shows a column: numbers right-aligned in a font whose digits line up, and
/// sides in the desk's colours (bids blue, offers red, dark enough on white).
QVariant alignment(bool isNumber);
QFont numberFont();
QBrush sideBrush(core::protocol::Side side);
/// Gains green, losses red, nothing for zero: a P&L or a price change.
QVariant pnlBrush(core::Decimal amount);

} // namespace qx::models::displayformat
