#include "core/decimal.h"

#include <QCoreApplication>

#include <limits>

namespace qx::core {

namespace {

// GCC and Clang provide 128-bit integers; __extension__ tells -Wpedantic that we know.
__extension__ typedef __int128 Int128;

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

constexpr std::int64_t kPowersOfTen[]
    = { 1, 10, 100, 1'000, 10'000, 100'000, 1'000'000, 10'000'000, 100'000'000 };

Error outOfRange()
{
    return makeError(ErrorCode::OutOfRange,
                     QCoreApplication::translate("qx::core::Decimal",
                                                 "The number is too large to be represented."));
}

// Both int64 bounds are excluded so that negation never overflows.
bool fits(Int128 units)
{
    return units <= kMax && units >= -kMax;
}

// Divides by a positive divisor, rounding the quotient by `rounding`.
Int128 divideRounded(Int128 value, Int128 divisor, Rounding rounding)
{
    Int128 quotient = value / divisor;
    const Int128 remainder = value % divisor;
    if (remainder == 0 || rounding == Rounding::TowardZero)
        return quotient;
    const Int128 twiceRemainder = (remainder < 0 ? -remainder : remainder) * 2;
    const int direction = value < 0 ? -1 : 1;
    if (twiceRemainder > divisor
        || (twiceRemainder == divisor && (rounding == Rounding::HalfUp || (quotient % 2 != 0)))) {
        quotient += direction;
    }
    return quotient;
}

} // namespace

Result<Decimal> Decimal::fromInteger(std::int64_t value)
{
    const Int128 units = Int128(value) * kOne;
    if (!fits(units))
        return outOfRange();
    return Decimal(std::int64_t(units));
}

Result<Decimal> Decimal::parse(QStringView text)
{
    const auto invalid = [&text] {
        return makeError(
            ErrorCode::InvalidNumber,
            QCoreApplication::translate("qx::core::Decimal", "\"%1\" is not a decimal number.")
                .arg(text.left(40)));
    };
    qsizetype i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == u'-' || text[i] == u'+')) {
        negative = text[i] == u'-';
        ++i;
    }
    Int128 units = 0;
    int integerDigits = 0;
    for (; i < text.size() && text[i] >= u'0' && text[i] <= u'9'; ++i) {
        units = units * 10 + (text[i].unicode() - u'0');
        if (units > kMax)
            return outOfRange();
        ++integerDigits;
    }
    units *= kOne;
    int fractionDigits = 0;
    if (i < text.size() && text[i] == u'.') {
        ++i;
        for (; i < text.size() && text[i] >= u'0' && text[i] <= u'9'; ++i, ++fractionDigits) {
            const int digit = text[i].unicode() - u'0';
            if (fractionDigits >= kScale) {
                if (digit != 0) {
                    return makeError(
                        ErrorCode::TooPrecise,
                        QCoreApplication::translate("qx::core::Decimal",
                                                    "\"%1\" has more than %2 decimal places.")
                            .arg(text.left(40))
                            .arg(kScale));
                }
                continue;
            }
            units += Int128(digit) * kPowersOfTen[kScale - 1 - fractionDigits];
        }
        if (fractionDigits == 0)
            return invalid();
    }
    if (i != text.size() || integerDigits + fractionDigits == 0)
        return invalid();
    if (negative)
        units = -units;
    if (!fits(units))
        return outOfRange();
    return Decimal(std::int64_t(units));
}

QString Decimal::toString(int minDecimals) const
{
    minDecimals = qBound(0, minDecimals, kScale);
    const std::uint64_t magnitude = m_units < 0 ? std::uint64_t(-m_units) : std::uint64_t(m_units);
    const std::uint64_t integer = magnitude / kOne;
    std::uint64_t fraction = magnitude % kOne;
    int digits = kScale;
    while (digits > minDecimals && fraction % 10 == 0) {
        fraction /= 10;
        --digits;
    }
    QString text;
    if (m_units < 0)
        text += u'-';
    text += QString::number(integer);
    if (digits > 0)
        text += u'.' + QString::number(fraction).rightJustified(digits, u'0');
    return text;
}

int Decimal::decimals() const
{
    std::int64_t fraction = m_units % kOne;
    int digits = kScale;
    while (digits > 0 && fraction % 10 == 0) {
        fraction /= 10;
        --digits;
    }
    return digits;
}

Result<Decimal> Decimal::plus(Decimal other) const
{
    const Int128 sum = Int128(m_units) + other.m_units;
    if (!fits(sum))
        return outOfRange();
    return Decimal(std::int64_t(sum));
}

Result<Decimal> Decimal::minus(Decimal other) const
{
    const Int128 difference = Int128(m_units) - other.m_units;
    if (!fits(difference))
        return outOfRange();
    return Decimal(std::int64_t(difference));
}

Result<Decimal> Decimal::times(Decimal other, Rounding rounding) const
{
    // |a·b| < 2^126 always fits in 128 bits.
    const Int128 product = divideRounded(Int128(m_units) * other.m_units, kOne, rounding);
    if (!fits(product))
        return outOfRange();
    return Decimal(std::int64_t(product));
}

Result<Decimal> Decimal::dividedBy(Decimal divisor, Rounding rounding) const
{
    if (divisor.m_units == 0) {
        return makeError(ErrorCode::DivisionByZero,
                         QCoreApplication::translate("qx::core::Decimal", "Division by zero."));
    }
    Int128 numerator = Int128(m_units) * kOne;
    Int128 denominator = divisor.m_units;
    if (denominator < 0) {
        numerator = -numerator;
        denominator = -denominator;
    }
    const Int128 quotient = divideRounded(numerator, denominator, rounding);
    if (!fits(quotient))
        return outOfRange();
    return Decimal(std::int64_t(quotient));
}

Result<Decimal> Decimal::rounded(int decimals, Rounding rounding) const
{
    Q_ASSERT(decimals >= 0 && decimals <= kScale);
    const std::int64_t step = kPowersOfTen[kScale - qBound(0, decimals, kScale)];
    const Int128 value = divideRounded(m_units, step, rounding) * step;
    if (!fits(value))
        return outOfRange();
    return Decimal(std::int64_t(value));
}

bool Decimal::isMultipleOf(Decimal step) const
{
    return step.m_units > 0 && m_units % step.m_units == 0;
}

Result<Money> notional(Price price, Quantity quantity)
{
    Result<Decimal> product = price.decimal().times(quantity.decimal());
    if (!product)
        return product.error();
    return Money(*product);
}

} // namespace qx::core
