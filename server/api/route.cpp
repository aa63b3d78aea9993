#include "server/api/route.h"

#include <QRegularExpression>

namespace qx::server {

namespace {

const QRegularExpression &parameterPattern()
{
    static const QRegularExpression pattern(QStringLiteral("\\{[a-z_]+\\}"));
    return pattern;
}

} // namespace

QString Route::pattern() const
{
    return QString(path).replace(parameterPattern(), QStringLiteral("<arg>"));
}

bool Route::matches(const QString &requestPath) const
{
    const QStringList ours = path.split(u'/');
    const QStringList theirs = requestPath.split(u'/');
    if (ours.size() != theirs.size())
        return false;
    for (qsizetype i = 0; i < ours.size(); ++i) {
        const bool parameter = ours[i].startsWith(u'{');
        if (parameter ? theirs[i].isEmpty() : ours[i] != theirs[i])
            return false;
    }
    return true;
}

QStringList Route::allErrors() const
{
    QStringList all { QStringLiteral("internal_error") }; // any route, logged with a reference
    if (access != Access::Public) {
        all << QStringLiteral("missing_token") << QStringLiteral("invalid_token")
            << QStringLiteral("rate_limited");
    }
    if (access == Access::Permitted)
        all << QStringLiteral("forbidden");
    if (!requestSchema.isEmpty()) {
        all << QStringLiteral("malformed_json") << QStringLiteral("payload_too_large")
            << QStringLiteral("invalid_request");
    }
    if (!query.isEmpty() || path.contains(u'{'))
        all << QStringLiteral("invalid_request");
    for (const QString &code : errors) {
        if (!all.contains(code))
            all << code;
    }
    all.removeDuplicates();
    return all;
}

} // namespace qx::server
