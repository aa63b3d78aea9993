#pragma once

#include <QLatin1StringView>
#include <QString>

#include <optional>

namespace qx::core {

// Every error code of QuantEnergx, once: the enumerator, the wire name (stable, snake_case,
// part of the API), the HTTP status it is answered with (0: not an answer of the API; one that
// reaches a client anyway is a 500 internal_error) and what it means, for the API's
// documentation. Errors are made only from these (core::makeError takes an ErrorCode), so a
// code that is not here cannot be written.
// clang-format off
#define QX_ERROR_CODES(X)                                                                          \
    /* the request */                                                                              \
    X(MalformedJson, "malformed_json", 400, "The body is not one JSON object (or nests deeper than 16).") \
    X(InvalidRequest, "invalid_request", 400, "A field or parameter is missing, unknown or of the wrong kind.") \
    X(InvalidMessage, "invalid_message", 400, "A stream message is not a JSON object of a known type.") \
    X(UnknownChannel, "unknown_channel", 400, "No stream channel has that name.")                 \
    X(MalformedRequest, "malformed_request", 400, "The HTTP request is framed ambiguously or wrongly.") \
    X(MissingToken, "missing_token", 401, "The request needs an Authorization header.")            \
    X(InvalidToken, "invalid_token", 401, "The token or API key is unknown, expired, revoked or forged.") \
    X(InvalidCredentials, "invalid_credentials", 401, "Wrong user name or password.")              \
    X(TokenReused, "token_reused", 401, "A used refresh token came back: its family is revoked.")  \
    X(MfaRequired, "mfa_required", 401, "The account signs in with a code as well.")               \
    X(InvalidMfaCode, "invalid_mfa_code", 401, "The authenticator or recovery code is wrong or used.") \
    X(Forbidden, "forbidden", 403, "The role (or the API key's scopes) does not allow this.")       \
    X(NotFound, "not_found", 404, "Nothing of the caller's has that id or name.")                   \
    X(MethodNotAllowed, "method_not_allowed", 405, "The path does not take that method.")          \
    X(RequestTimeout, "request_timeout", 408, "The request came too slowly.")                      \
    X(OrderNotLive, "order_not_live", 409, "The order is filled, cancelled or expired already.")   \
    X(DuplicateClientOrderId, "duplicate_client_order_id", 409, "The client order id was used for another order.") \
    X(QuantityBelowFilled, "quantity_below_filled", 409, "The new quantity is below what has filled.") \
    X(RefreshTokenUsed, "refresh_token_used", 409, "A racing request used the refresh token a moment ago.") \
    X(MfaAlreadyEnabled, "mfa_already_enabled", 409, "Multi-factor sign-in is on already.")        \
    X(MfaNotEnrolled, "mfa_not_enrolled", 409, "Enrol before confirming.")                          \
    X(UserExists, "user_exists", 409, "A user of that name exists.")                                \
    X(LastAdmin, "last_admin", 409, "The last enabled admin cannot be removed or demoted.")         \
    X(DealCancelled, "deal_cancelled", 409, "The deal is cancelled already.")                        \
    X(DocumentLinked, "document_linked", 409, "A deal was booked from the document: it stays.")     \
    X(DocumentBooked, "document_booked", 409, "A live deal was booked from that document already.") \
    X(DeliveryNotFailed, "delivery_not_failed", 409, "Only a dead letter or a message in doubt is retried or discarded.") \
    X(LengthRequired, "length_required", 411, "A body needs a Content-Length.")                     \
    X(PayloadTooLarge, "payload_too_large", 413, "The body is larger than the server takes.")       \
    X(UriTooLong, "uri_too_long", 414, "The request line is longer than the server takes.")         \
    X(UnsupportedMediaType, "unsupported_media_type", 415, "The server does not take that kind of file.") \
    X(UnknownSymbol, "unknown_symbol", 422, "No instrument has that symbol.")                       \
    X(TooManyPages, "too_many_pages", 422, "The document has more pages than the server takes.")   \
    X(InstrumentExpired, "instrument_expired", 422, "The instrument's trading has ended.")          \
    X(QuantityNotPositive, "quantity_not_positive", 422, "Quantities are above zero.")              \
    X(QuantityOffLot, "quantity_off_lot", 422, "The quantity is not a whole number of lots.")       \
    X(PriceOffTick, "price_off_tick", 422, "The price is not on the instrument's tick.")            \
    X(PriceBand, "price_band", 422, "The price is too far from the last trade.")                   \
    X(MaxOrderQuantity, "max_order_quantity", 422, "The order is larger than the venue takes.")    \
    X(InvalidExpiry, "invalid_expiry", 422, "The expiry is missing, in the past or not allowed.")   \
    X(NotModifiable, "not_modifiable", 422, "That order cannot be changed that way.")               \
    X(LimitMaxOrderQuantity, "limit_max_order_quantity", 422, "Above the trader's order size limit.") \
    X(LimitMaxNotional, "limit_max_notional", 422, "Above the trader's order value limit.")        \
    X(LimitMaxPosition, "limit_max_position", 422, "Above the trader's position limit.")           \
    X(LimitCredit, "limit_credit", 422, "Above the trader's credit limit.")                         \
    X(LimitCounterpartyCredit, "limit_counterparty_credit", 422, "Above the firm's credit line.")  \
    X(InvalidScope, "invalid_scope", 422, "An API key scope the role does not have.")               \
    X(PasswordTooShort, "password_too_short", 422, "Passwords have at least 8 characters.")         \
    X(PasswordTooLong, "password_too_long", 422, "Passwords have at most 128 characters.")          \
    X(PasswordTooCommon, "password_too_common", 422, "The password is the user's name or a common one.") \
    X(RateLimited, "rate_limited", 429, "Too many requests: retry after the time given.")           \
    X(HeadersTooLarge, "headers_too_large", 431, "The headers are larger than the server takes.")   \
    X(InternalError, "internal_error", 500, "The server failed; its log has the reference.")        \
    X(StorageUnavailable, "storage_unavailable", 503, "The database cannot be reached; nothing changed.") \
    X(NotOwner, "not_owner", 503, "Another server of the cluster matches this book.")              \
    X(BookMoved, "book_moved", 503, "The book moved to another server; nothing changed.")           \
    X(ServerBusy, "server_busy", 503, "Too much is waiting: retry after the time given.")           \
    /* inside a program: a 500 if one ever reaches a client */                                     \
    X(Internal, "internal", 0, "A failure that should not happen.")                                 \
    X(OutOfRange, "out_of_range", 0, "A number beyond what a decimal holds.")                       \
    X(TooPrecise, "too_precise", 0, "More decimals than a decimal holds.")                          \
    X(DivisionByZero, "division_by_zero", 0, "A division by zero.")                                 \
    X(InvalidNumber, "invalid_number", 0, "Not a decimal number.")                                  \
    X(InvalidSymbol, "invalid_symbol", 0, "Not a symbol of the catalog's form.")                    \
    X(InvalidInstrument, "invalid_instrument", 0, "An instrument's definition is inconsistent.")    \
    X(InvalidCatalog, "invalid_catalog", 0, "The product catalog does not read.")                   \
    X(NoInstrument, "no_instrument", 0, "No instrument is chosen.")                                  \
    X(StorageError, "storage_error", 0, "The database refused a statement.")                         \
    X(UniqueViolation, "unique_violation", 0, "A unique key refused a row.")                         \
    X(SchemaTooNew, "schema_too_new", 0, "A newer build migrated the database.")                     \
    X(UnsafeStorage, "unsafe_storage", 0, "The database does not make commits durable.")            \
    X(InvalidDatabase, "invalid_database", 0, "The database URL is not one the server takes.")       \
    X(NotInitialised, "not_initialised", 0, "The data directory was never initialised.")            \
    X(InUse, "in_use", 0, "Another server serves the data directory or database.")                  \
    X(IoError, "io_error", 0, "A file could not be read or written.")                                \
    X(UnreadableDocument, "unreadable_document", 0, "A document does not read as the file it claims to be.") \
    X(FileExists, "file_exists", 0, "The file exists already.")                                      \
    X(ToolMissing, "tool_missing", 0, "A program the command needs is not installed.")             \
    X(KeyError, "key_error", 0, "A key could not be made or written.")                               \
    X(KeyUnreadable, "key_unreadable", 0, "A key file does not read.")                               \
    X(SecretUnreadable, "secret_unreadable", 0, "A sealed secret does not open with its key.")      \
    X(ClusterKeyMismatch, "cluster_key_mismatch", 0, "The servers of a cluster sign with different keys.") \
    X(InvalidCluster, "invalid_cluster", 0, "A cluster needs PostgreSQL.")                           \
    X(InvalidRedis, "invalid_redis", 0, "The Redis URL is not one the server takes.")                \
    X(CacheUnavailable, "cache_unavailable", 0, "Redis cannot be reached.")                          \
    X(CacheError, "cache_error", 0, "Redis refused a command.")                                      \
    X(ListenFailed, "listen_failed", 0, "The server cannot listen there.")                           \
    X(TlsInvalid, "tls_invalid", 0, "The certificate or key does not serve.")                        \
    X(TlsFailed, "tls_failed", 0, "A certificate could not be made.")                                \
    /* the client's own */                                                                          \
    X(NetworkError, "network_error", 0, "The server cannot be reached.")                             \
    X(Timeout, "timeout", 0, "No answer in time.")                                                   \
    X(HttpError, "http_error", 0, "The server answered with an HTTP error and no error body.")      \
    X(InvalidResponse, "invalid_response", 0, "The server's answer does not read.")                 \
    X(TlsUntrusted, "tls_untrusted", 0, "The server's certificate is not trusted.")                 \
    X(StreamError, "stream_error", 0, "The stream reported an error without a body.")               \
    X(KeychainUnavailable, "keychain_unavailable", 0, "The OS keychain cannot be used.")           \
    X(NoSavedSession, "no_saved_session", 0, "No session is remembered for this server.")
// clang-format on

enum class ErrorCode {
#define QX_ERROR_ENUMERATOR(name, wire, status, meaning) name,
    QX_ERROR_CODES(QX_ERROR_ENUMERATOR)
#undef QX_ERROR_ENUMERATOR
};

/// The wire name of `code`, e.g. "price_off_tick".
QLatin1StringView errorName(ErrorCode code);
/// The HTTP status an answer with `code` has; 0 for a code that is not an API answer.
int httpStatusOf(ErrorCode code);
/// What `code` means, in a sentence (the API's documentation).
QLatin1StringView errorMeaning(ErrorCode code);
/// The code a wire name names, if this build knows it.
std::optional<ErrorCode> errorCodeNamed(QStringView name);
/// Every code, in the table's order.
QList<ErrorCode> allErrorCodes();

} // namespace qx::core
