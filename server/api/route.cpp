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

QList<core::ErrorCode> Route::allErrors() const
{
    using core::ErrorCode;
    QList<ErrorCode> all { ErrorCode::InternalError }; // any route, logged with a reference
    if (access != Access::Public)
        all << ErrorCode::MissingToken << ErrorCode::InvalidToken << ErrorCode::RateLimited;
    if (access == Access::Permitted)
        all << ErrorCode::Forbidden;
    if (!requestSchema.isEmpty())
        all << ErrorCode::MalformedJson << ErrorCode::PayloadTooLarge << ErrorCode::InvalidRequest;
    if (!query.isEmpty() || path.contains(u'{'))
        all << ErrorCode::InvalidRequest;
    all += errors;
    QList<ErrorCode> once;
    for (const ErrorCode code : std::as_const(all)) {
        if (!once.contains(code))
            once << code;
    }
    return once;
}

} // namespace qx::server
