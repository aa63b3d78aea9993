#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <optional>
#include <utility>

namespace qx::core {

/// A fixed table of an enum's stable wire names, e.g. {Side::Buy, u"buy"}.
template<typename Enum, std::size_t N>
using EnumNames = std::array<std::pair<Enum, const char16_t *>, N>;

template<typename Enum, std::size_t N>
std::optional<Enum> enumFromName(const EnumNames<Enum, N> &names, QStringView text)
{
    for (const auto &[value, name] : names) {
        if (text == QStringView(name))
            return value;
    }
    return std::nullopt;
}

template<typename Enum, std::size_t N>
QString enumName(const EnumNames<Enum, N> &names, Enum value)
{
    for (const auto &[candidate, name] : names) {
        if (candidate == value)
            return QString::fromUtf16(name);
    }
    Q_UNREACHABLE();
    return {};
}

} // namespace qx::core
