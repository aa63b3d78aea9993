#pragma once

#include "core/result.h"

#include <QString>
#include <QStringView>

#include <compare>
#include <cstdint>

namespace qx::core {

enum class Rounding {
    HalfEven, ///< banker's rounding: ties to the even neighbour
    HalfUp, ///< ties away from zero, as on invoices
    TowardZero,
};

/**
 * Exact fixed-point decimal: a signed 64-bit count of 10^-8 units. Every price, quantity and
 * money amount a desk trades fits (|x| < 92,233,720,368.54775807) with no binary rounding.
 * Arithmetic that could overflow or lose digits returns a Result; nothing silently wraps.
 * Value type, thread-agnostic.
 */
class Decimal
{
public:
    static constexpr int kScale = 8;
    static constexpr std::int64_t kOne = 100'000'000;

    constexpr Decimal() = default;
    static constexpr Decimal fromUnits(std::int64_t units) { return Decimal(units); }
    static Result<Decimal> fromInteger(std::int64_t value);

    /// Plain decimal notation: optional sign, digits, optional point and up to 8 fractional
    /// digits ("42.50", "-3", "+0.125"). No exponent, grouping or white space. Errors:
    /// invalid_number, too_precise, out_of_range.
    static Result<Decimal> parse(QStringView text);

    /// Shortest exact text with at least minDecimals fractional digits ("42.5" / "42.50").
    QString toString(int minDecimals = 0) const;

    constexpr std::int64_t units() const { return m_units; }
    constexpr bool isZero() const { return m_units == 0; }
    constexpr bool isNegative() const { return m_units < 0; }
    constexpr bool isPositive() const { return m_units > 0; }
    /// Number of fractional digits needed to write the value exactly (0..8).
    int decimals() const;

    Result<Decimal> plus(Decimal other) const;
    Result<Decimal> minus(Decimal other) const;
    Decimal negated() const { return Decimal(-m_units); }
    /// Product rounded to 8 decimals with the given rule; out_of_range on overflow.
    Result<Decimal> times(Decimal other, Rounding rounding = Rounding::HalfEven) const;
    /// Quotient rounded to 8 decimals; division_by_zero or out_of_range.
    Result<Decimal> dividedBy(Decimal divisor, Rounding rounding = Rounding::HalfEven) const;
    /// Rounded to `decimals` fractional digits (0..8).
    Result<Decimal> rounded(int decimals, Rounding rounding = Rounding::HalfEven) const;
    /// True when the value is a whole multiple of a positive step (tick and lot checks).
    bool isMultipleOf(Decimal step) const;

    constexpr auto operator<=>(const Decimal &) const = default;

private:
    constexpr explicit Decimal(std::int64_t units)
        : m_units(units)
    { }
    std::int64_t m_units = 0;
};

/**
 * A Decimal that knows what it measures, so a price cannot be added to a quantity by mistake.
 * Cross-unit arithmetic goes through named functions such as notional().
 */
template<typename Tag>
class TypedDecimal
{
public:
    constexpr TypedDecimal() = default;
    constexpr explicit TypedDecimal(Decimal value)
        : m_value(value)
    { }

    static Result<TypedDecimal> parse(QStringView text)
    {
        Result<Decimal> parsed = Decimal::parse(text);
        if (!parsed)
            return parsed.error();
        return TypedDecimal(*parsed);
    }
    QString toString(int minDecimals = 0) const { return m_value.toString(minDecimals); }

    constexpr Decimal decimal() const { return m_value; }
    constexpr bool isZero() const { return m_value.isZero(); }
    constexpr bool isNegative() const { return m_value.isNegative(); }
    constexpr bool isPositive() const { return m_value.isPositive(); }
    bool isMultipleOf(TypedDecimal step) const { return m_value.isMultipleOf(step.m_value); }

    Result<TypedDecimal> plus(TypedDecimal other) const
    {
        return wrap(m_value.plus(other.m_value));
    }
    Result<TypedDecimal> minus(TypedDecimal other) const
    {
        return wrap(m_value.minus(other.m_value));
    }
    TypedDecimal negated() const { return TypedDecimal(m_value.negated()); }
    Result<TypedDecimal> rounded(int decimals, Rounding rounding = Rounding::HalfEven) const
    {
        return wrap(m_value.rounded(decimals, rounding));
    }

    constexpr auto operator<=>(const TypedDecimal &) const = default;

private:
    static Result<TypedDecimal> wrap(const Result<Decimal> &result)
    {
        if (!result)
            return result.error();
        return TypedDecimal(*result);
    }
    Decimal m_value;
};

struct PriceTag;
struct QuantityTag;
struct MoneyTag;
using Price = TypedDecimal<PriceTag>; ///< per unit of quantity, e.g. EUR/MWh
using Quantity = TypedDecimal<QuantityTag>; ///< in the instrument's quantity unit, e.g. MW
using Money = TypedDecimal<MoneyTag>; ///< in the instrument's currency

/// price × quantity, exact to 8 decimals (round half-even beyond); out_of_range on overflow.
Result<Money> notional(Price price, Quantity quantity);

} // namespace qx::core
