#include "server/api/openapi.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

namespace qx::server {

namespace {

using Method = QHttpServerRequest::Method;

QString methodName(Method method)
{
    switch (method) {
    case Method::Get:
        return QStringLiteral("get");
    case Method::Post:
        return QStringLiteral("post");
    case Method::Put:
        return QStringLiteral("put");
    case Method::Patch:
        return QStringLiteral("patch");
    case Method::Delete:
        return QStringLiteral("delete");
    default:
        return QStringLiteral("x-unknown");
    }
}

QJsonObject reference(const QString &schema)
{
    return { { QStringLiteral("$ref"),
               QString(QStringLiteral("#/components/schemas/") + schema) } };
}

QJsonObject jsonContent(const QString &schema)
{
    return { { QStringLiteral("application/json"),
               QJsonObject { { QStringLiteral("schema"), reference(schema) } } } };
}

// A body's content: a JSON schema of the components, or (a name with a slash) media types
// sent as they are, "image/png" or several as "application/pdf|image/png".
QJsonObject content(const QString &schema)
{
    if (!schema.contains(u'/'))
        return jsonContent(schema);
    QJsonObject media;
    for (const QString &type : schema.split(u'|')) {
        media.insert(
            type,
            QJsonObject {
                { QStringLiteral("schema"),
                  QJsonObject { { QStringLiteral("type"), QStringLiteral("string") },
                                { QStringLiteral("format"), QStringLiteral("binary") } } } });
    }
    return media;
}

QJsonObject components()
{
    QFile file(QStringLiteral(":/qx/api/openapi-components.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("the OpenAPI components are not in the resources");
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject operation(const Route &route)
{
    QJsonObject operation { { QStringLiteral("summary"), route.summary } };
    // The tag: the path's first part after the version, the admin routes their own.
    const QStringList parts = route.path.split(u'/', Qt::SkipEmptyParts);
    const qsizetype tagAt = parts.size() > 3 && parts[2] == u"admin" ? 3 : 2;
    operation.insert(QStringLiteral("tags"),
                     QJsonArray { parts.size() > tagAt ? parts[tagAt] : parts.value(0) });
    if (route.access == Route::Access::Public) {
        operation.insert(QStringLiteral("security"), QJsonArray {});
    } else {
        operation.insert(
            QStringLiteral("security"),
            QJsonArray { QJsonObject { { QStringLiteral("bearer"), QJsonArray {} } },
                         QJsonObject { { QStringLiteral("apiKey"), QJsonArray {} } } });
    }
    if (route.permission)
        operation.insert(QStringLiteral("x-permission"), toString(*route.permission));

    QJsonArray parameters;
    for (const QString &part : parts) {
        if (!part.startsWith(u'{'))
            continue;
        parameters.append(QJsonObject {
            { QStringLiteral("name"), part.mid(1, part.size() - 2) },
            { QStringLiteral("in"), QStringLiteral("path") },
            { QStringLiteral("required"), true },
            { QStringLiteral("schema"),
              QJsonObject { { QStringLiteral("type"), QStringLiteral("string") } } } });
    }
    for (const Route::Parameter &parameter : route.query) {
        parameters.append(
            QJsonObject { { QStringLiteral("name"), parameter.name },
                          { QStringLiteral("in"), QStringLiteral("query") },
                          { QStringLiteral("required"), false },
                          { QStringLiteral("description"), parameter.description },
                          { QStringLiteral("schema"),
                            QJsonObject { { QStringLiteral("type"), parameter.type } } } });
    }
    if (!parameters.isEmpty())
        operation.insert(QStringLiteral("parameters"), parameters);
    if (!route.requestSchema.isEmpty()) {
        operation.insert(
            QStringLiteral("requestBody"),
            QJsonObject { { QStringLiteral("required"), true },
                          { QStringLiteral("content"), content(route.requestSchema) } });
    }

    QJsonObject responses;
    if (route.responseSchema.isEmpty()) {
        responses.insert(QString::number(route.status),
                         QJsonObject { { QStringLiteral("description"), route.summary } });
    } else {
        responses.insert(
            QString::number(route.status),
            QJsonObject { { QStringLiteral("description"), route.summary },
                          { QStringLiteral("content"), content(route.responseSchema) } });
    }
    // The errors by status, from the one table of codes: one answer each, naming its codes
    // and what each means.
    QMap<int, QList<core::ErrorCode>> byStatus;
    for (const core::ErrorCode code : route.allErrors())
        byStatus[core::httpStatusOf(code)].append(code);
    for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it) {
        QStringList names;
        QStringList meanings;
        for (const core::ErrorCode code : *it) {
            names.append(core::errorName(code));
            meanings.append(core::errorName(code) + QStringLiteral(": ")
                            + core::errorMeaning(code));
        }
        responses.insert(
            QString::number(it.key()),
            QJsonObject { { QStringLiteral("description"), meanings.join(u' ') },
                          { QStringLiteral("x-error-codes"), QJsonArray::fromStringList(names) },
                          { QStringLiteral("content"), jsonContent(QStringLiteral("Error")) } });
    }
    operation.insert(QStringLiteral("responses"), responses);
    return operation;
}

} // namespace

QJsonObject openApiDocument(const QList<Route> &routes, const QString &version)
{
    QJsonObject paths;
    for (const Route &route : routes) {
        QJsonObject item = paths.value(route.path).toObject();
        item.insert(methodName(route.method), operation(route));
        paths.insert(route.path, item);
    }
    const QString description = QStringLiteral(
        "The QuantEnergx server: energy trading (power, gas, crude, emissions), accounts and "
        "administration. Errors are {\"error\":{\"code\",\"message\"}} with a stable code. "
        "Every request may also be refused before it is read: 413 payload_too_large, 414 "
        "uri_too_long, 431 headers_too_large, 400 malformed_request (a malformed or ambiguous "
        "request), 411 length_required (chunked bodies), 408 request_timeout. Real-time "
        "data is on the WebSocket at /api/v1/stream.");
    return QJsonObject {
        { QStringLiteral("openapi"), QStringLiteral("3.0.3") },
        { QStringLiteral("info"),
          QJsonObject { { QStringLiteral("title"), QStringLiteral("QuantEnergx API") },
                        { QStringLiteral("version"), version },
                        { QStringLiteral("description"), description } } },
        { QStringLiteral("paths"), paths },
        { QStringLiteral("components"), components() },
    };
}

} // namespace qx::server
