#pragma once

#include "core/decimal.h"
#include "core/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>

#include <optional>

namespace qx::core::protocol {

/**
 * Reads one JSON object strictly: each field has the expected type, required fields are
 * present, and fields nobody asked for are an error (a client must not believe that a field
 * such as "status" was applied). Collects the first problem; finish() reports it as
 * invalid_request naming the field.
 */
class ObjectReader
{
public:
    explicit ObjectReader(const QJsonObject &object)
        : m_object(object)
    { }

    QString string(const QString &key, bool required = true);
    QStringList stringList(const QString &key, bool required = true);
    QJsonObject object(const QString &key, bool required = true);
    template<typename T>
    T decimal(const QString &key)
    {
        const QString text = string(key);
        if (m_error)
            return T();
        Result<T> value = T::parse(text);
        if (!value) {
            fail(key, value.error().message);
            return T();
        }
        return *value;
    }
    /// A decimal that may be absent (or null): nullopt then.
    template<typename T>
    std::optional<T> optionalDecimal(const QString &key)
    {
        if (!has(key)) {
            m_known.insert(key);
            return std::nullopt;
        }
        return decimal<T>(key);
    }
    /// Whether the field is present and not null. A null field counts as absent, and as read.
    bool has(const QString &key)
    {
        if (!m_object.contains(key))
            return false;
        if (m_object.value(key).isNull()) {
            m_known.insert(key);
            return false;
        }
        return true;
    }
    QJsonArray array(const QString &key, bool required = true);
    /// A whole JSON number (within ±2^53, exact in a double).
    qint64 integer(const QString &key, bool required = true);
    /// true or false (absent and not required: false).
    bool boolean(const QString &key, bool required = true);
    /// A problem the caller found with a field it read (a rule between fields, say).
    void reject(const QString &key, const QString &problem) { fail(key, problem); }

    /// Maps a string field through `parse` (an enum lookup); an unknown name is an error
    /// that lists the accepted ones.
    template<typename Enum, typename Parser>
    Enum enumeration(const QString &key, Parser parse, const QString &accepted)
    {
        const QString text = string(key);
        if (m_error)
            return Enum();
        const std::optional<Enum> value = parse(text);
        if (!value) {
            fail(key, QStringLiteral("must be one of %1").arg(accepted));
            return Enum();
        }
        return *value;
    }

    /// The first problem found, or an unknown field, or success.
    Result<void> finish();

private:
    void fail(const QString &key, const QString &problem);
    const QJsonValue *field(const QString &key, bool required);

    QJsonObject m_object;
    QSet<QString> m_known;
    std::optional<Error> m_error;
    QJsonValue m_current;
};

} // namespace qx::core::protocol
