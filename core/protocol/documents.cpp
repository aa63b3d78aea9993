#include "core/protocol/documents.h"

#include "core/protocol/messages.h"

#include <QJsonArray>

namespace qx::core::protocol {

namespace {

QString text(const QJsonObject &object, QStringView key)
{
    const QJsonValue value = object.value(key);
    // Decimals come as strings; a number is taken as written too.
    return value.isDouble() ? QString::number(value.toDouble(), 'g', 17) : value.toString();
}

DocumentMatch readMatch(const QJsonObject &json)
{
    DocumentMatch match;
    match.state = json.value(u"state").toString();
    match.reason = json.value(u"reason").toString();
    for (const QJsonValue &value : json.value(u"candidates").toArray()) {
        const QJsonObject candidate = value.toObject();
        match.candidates.append(
            { candidate.value(u"id").toString(), candidate.value(u"kind").toString(),
              candidate.value(u"symbol").toString(), candidate.value(u"side").toString(),
              text(candidate, u"quantity"), text(candidate, u"price"),
              QDate::fromString(candidate.value(u"trade_date").toString(), Qt::ISODate) });
    }
    for (const QJsonValue &value : json.value(u"differences").toArray()) {
        const QJsonObject difference = value.toObject();
        match.differences.append({ difference.value(u"field").toString(),
                                   text(difference, u"document"), text(difference, u"booked") });
    }
    match.expectedQuantity = text(json, u"expected_quantity");
    match.unit = json.value(u"unit").toString();
    match.expectedAmount = text(json, u"expected_amount");
    match.currency = json.value(u"currency").toString();
    match.quantityDifference = text(json, u"quantity_difference");
    match.amountDifference = text(json, u"amount_difference");
    for (const QJsonValue &id : json.value(u"counted").toArray())
        match.counted.append(id.toString());
    return match;
}

} // namespace

Result<Document> Document::fromJson(const QJsonObject &object)
{
    Document document;
    document.id = object.value(u"id").toString();
    document.status = object.value(u"status").toString();
    if (document.id.isEmpty() || document.status.isEmpty()) {
        return makeError(ErrorCode::InvalidResponse,
                         QStringLiteral("A document without an id or status."));
    }
    document.reason = object.value(u"reason").toString();
    document.type = object.value(u"type").toString();
    document.pages = object.value(u"pages").toInt();
    document.filename = object.value(u"filename").toString();
    document.contentType = object.value(u"content_type").toString();
    document.size = object.value(u"size").toInteger();
    document.sha256 = object.value(u"sha256").toString();
    document.uploadedBy = object.value(u"uploaded_by").toString();
    document.uploadedAt = fromWireTime(object.value(u"uploaded_at").toString());
    document.processedAt = fromWireTime(object.value(u"processed_at").toString());
    const QJsonObject fields = object.value(u"fields").toObject();
    for (auto field = fields.constBegin(); field != fields.constEnd(); ++field) {
        const QJsonObject json = field.value().toObject();
        const QJsonArray box = json.value(u"box").toArray();
        document.fields.insert(field.key(),
                               { text(json, u"value"), json.value(u"confidence").toDouble(),
                                 json.value(u"page").toInt(),
                                 box.size() == 4 ? QRect(box.at(0).toInt(), box.at(1).toInt(),
                                                         box.at(2).toInt(), box.at(3).toInt())
                                                 : QRect() });
    }
    document.match = readMatch(object.value(u"match").toObject());
    document.review = object.value(u"review").toString();
    return document;
}

} // namespace qx::core::protocol
