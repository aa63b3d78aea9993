#pragma once

#include "core/errorcode.h"

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace qx::core {

/// A failure that crosses a module boundary: a stable machine-readable code (snake_case, part
/// of the API, one of core/errorcode.h's) and a sentence for people; for a refusal that
/// passes with time (rate_limited, server_busy), how many seconds to wait before trying again.
struct Error
{
    Error() = default;
    Error(ErrorCode code, QString message)
        : code(errorName(code))
        , message(std::move(message))
    { }
    /// An error as another program sent it: its code may be one this build does not know.
    static Error fromWire(QString code, QString message)
    {
        Error error;
        error.code = std::move(code);
        error.message = std::move(message);
        return error;
    }

    bool is(ErrorCode other) const { return code == errorName(other); }
    /// The code, if this build knows it.
    std::optional<ErrorCode> known() const { return errorCodeNamed(code); }

    QString code; ///< the wire name
    QString message;
    int retryAfterSeconds = 0;

    bool operator==(const Error &) const = default;
};

/**
 * Value-or-error, the one error policy across module boundaries (docs/conventions.md, "Errors").
 * Modelled on std::expected, which C++20 lacks.
 */
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    { }
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    { }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Error &error() const { return std::get<1>(m_data); }
    /// The value, or `fallback` on error (as std::expected::value_or).
    T value_or(T fallback) const & { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, Error> m_data;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_ok(false)
    { }

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

inline Error makeError(ErrorCode code, QString message)
{
    return Error(code, std::move(message));
}

/// `error` told in other words (for the screen, say): the same code.
inline Error withMessage(Error error, QString message)
{
    error.message = std::move(message);
    return error;
}

} // namespace qx::core
