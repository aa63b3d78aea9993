#pragma once

#include "core/errorcode.h"
#include "server/auth/permissions.h"

#include <QHttpServerRequest>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace qx::server {

/**
 * One route of the API as it is both served and documented: HttpApi registers each with
 * QHttpServer and admits callers by it, and GET /api/v1/openapi.json is made from the same
 * list, so nothing is served undocumented or documented unserved.
 */
struct Route
{
    enum class Access {
        Public, ///< anyone
        SignedIn, ///< any signed-in user or API key
        Permitted, ///< a caller whose role (and key scopes) grant `permission`
    };
    struct Parameter
    {
        QString name;
        QString type; ///< an OpenAPI type: string, integer, boolean
        QString description;
    };

    QHttpServerRequest::Method method = QHttpServerRequest::Method::Get;
    QString path {}; ///< as documented: /api/v1/orders/{id}; at most two parameters
    QString summary {};
    Access access = Access::Public;
    std::optional<Permission> permission {};
    /// The JSON body's schema (in components), or media types sent as they are
    /// ("application/pdf|image/png"), or none.
    QString requestSchema {};
    QString responseSchema {}; ///< the answer's schema on success, or its media types
    int status = 200; ///< on success
    QList<core::ErrorCode>
        errors {}; ///< what it may answer beyond what every route of its kind may
    QList<Parameter> query {};

    /// The path as QHttpServer routes it: {name} becomes <arg>.
    QString pattern() const;
    /// Whether `path` (a request's) is this route's, whatever the method.
    bool matches(const QString &requestPath) const;
    /// The error codes it may answer, those of its kind included (missing_token, forbidden,
    /// malformed_json, ...).
    QList<core::ErrorCode> allErrors() const;
};

} // namespace qx::server
