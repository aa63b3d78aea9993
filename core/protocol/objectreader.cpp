#include "core/protocol/objectreader.h"

#include <QCoreApplication>

namespace qx::core::protocol {

void ObjectReader::fail(const QString &key, const QString &problem)
{
    if (m_error)
        return;
    m_error = makeError(
        ErrorCode::InvalidRequest,
        QCoreApplication::translate("qx::core::protocol", "Field \"%1\": %2").arg(key, problem));
}

const QJsonValue *ObjectReader::field(const QString &key, bool required)
{
    m_known.insert(key);
    if (m_error)
        return nullptr;
    m_current = m_object.value(key);
    if (m_current.isUndefined() || m_current.isNull()) {
        if (required)
            fail(key, QStringLiteral("is required"));
        return nullptr;
    }
    return &m_current;
}

QString ObjectReader::string(const QString &key, bool required)
{
    const QJsonValue *value = field(key, required);
    if (!value)
        return {};
    if (!value->isString()) {
        fail(key,
             value->isDouble() ? QStringLiteral("must be a string (decimals are sent as "
                                                "strings such as \"42.50\")")
                               : QStringLiteral("must be a string"));
        return {};
    }
    const QString text = value->toString();
    if (required && text.isEmpty())
        fail(key, QStringLiteral("must not be empty"));
    return text;
}

QStringList ObjectReader::stringList(const QString &key, bool required)
{
    const QJsonValue *value = field(key, required);
    if (!value)
        return {};
    if (!value->isArray()) {
        fail(key, QStringLiteral("must be an array of strings"));
        return {};
    }
    QStringList list;
    for (const QJsonValue &item : value->toArray()) {
        if (!item.isString()) {
            fail(key, QStringLiteral("must be an array of strings"));
            return {};
        }
        list.append(item.toString());
    }
    return list;
}

qint64 ObjectReader::integer(const QString &key, bool required)
{
    const QJsonValue *value = field(key, required);
    if (!value)
        return 0;
    constexpr double kExact = 9007199254740992.0; // 2^53
    const double number = value->toDouble();
    if (!value->isDouble() || number != double(qint64(number)) || number > kExact
        || number < -kExact) {
        fail(key, QStringLiteral("must be a whole number"));
        return 0;
    }
    return qint64(number);
}

bool ObjectReader::boolean(const QString &key, bool required)
{
    const QJsonValue *value = field(key, required);
    if (!value)
        return false;
    if (!value->isBool()) {
        fail(key, QStringLiteral("must be true or false"));
        return false;
    }
    return value->toBool();
}

QJsonArray ObjectReader::array(const QString &key, bool required)
{
    const QJsonValue *value = field(key, required);
    if (!value)
        return {};
    if (!value->isArray()) {
        fail(key, QStringLiteral("must be an array"));
        return {};
    }
    return value->toArray();
}

QJsonObject ObjectReader::object(const QString &key, bool required)
{
    const QJsonValue *value = field(key, required);
    if (!value)
        return {};
    if (!value->isObject()) {
        fail(key, QStringLiteral("must be an object"));
        return {};
    }
    return value->toObject();
}

Result<void> ObjectReader::finish()
{
    if (m_error)
        return *m_error;
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (!m_known.contains(it.key())) {
            return makeError(
                ErrorCode::InvalidRequest,
                QCoreApplication::translate("qx::core::protocol", "Unknown field \"%1\".")
                    .arg(it.key()));
        }
    }
    return {};
}

} // namespace qx::core::protocol
