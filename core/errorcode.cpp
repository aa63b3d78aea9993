#include "core/errorcode.h"

#include <QHash>
#include <QList>

#include <array>

namespace qx::core {

namespace {

struct Entry
{
    ErrorCode code;
    QLatin1StringView name;
    int status;
    QLatin1StringView meaning;
};

constexpr std::array kEntries {
#define QX_ERROR_ENTRY(enumerator, wire, status, meaning) \
    Entry { ErrorCode::enumerator, QLatin1StringView(wire), status, QLatin1StringView(meaning) },
    QX_ERROR_CODES(QX_ERROR_ENTRY)
#undef QX_ERROR_ENTRY
};

const Entry &entryOf(ErrorCode code)
{
    // The enumerators are numbered in the table's order.
    return kEntries[std::size_t(code)];
}

} // namespace

QLatin1StringView errorName(ErrorCode code)
{
    return entryOf(code).name;
}

int httpStatusOf(ErrorCode code)
{
    return entryOf(code).status;
}

QLatin1StringView errorMeaning(ErrorCode code)
{
    return entryOf(code).meaning;
}

std::optional<ErrorCode> errorCodeNamed(QStringView name)
{
    static const QHash<QString, ErrorCode> byName = [] {
        QHash<QString, ErrorCode> names;
        for (const Entry &entry : kEntries)
            names.insert(QString(entry.name), entry.code);
        return names;
    }();
    const auto found = byName.constFind(name.toString());
    if (found == byName.cend())
        return std::nullopt;
    return *found;
}

QList<ErrorCode> allErrorCodes()
{
    QList<ErrorCode> codes;
    codes.reserve(qsizetype(kEntries.size()));
    for (const Entry &entry : kEntries)
        codes.append(entry.code);
    return codes;
}

} // namespace qx::core
