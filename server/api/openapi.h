#pragma once

#include "server/api/route.h"

#include <QJsonObject>

namespace qx::server {

/**
 * The OpenAPI 3.0 document of `routes` (GET /api/v1/openapi.json): each route's operation
 * with its parameters, body, success answer and every error it may give (grouped by HTTP
 * status, from core/errorcode.h's table), and the schemas they name, from
 * resources/api/openapi-components.json. The permission a route needs is in `x-permission`.
 */
QJsonObject openApiDocument(const QList<Route> &routes, const QString &version);

} // namespace qx::server
