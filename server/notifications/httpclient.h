#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <chrono>
#include <memory>
#include <utility>

namespace qx::server {

/// libcurl's global set-up, once per process, before the first handle (any thread).
void initialiseCurlOnce();

/**
 * The providers' HTTP client: libcurl, blocking, on the calling dispatcher's thread. Chosen
 * over QNetworkAccessManager because a dispatcher is a plain thread without an event loop,
 * because the same library speaks SMTP (STARTTLS, AUTH) for email, and because it says how
 * far a failed request got: a request that never left (no connection) surely was not taken,
 * while one that timed out after it was sent may have been — the difference between a retry
 * and a message held in doubt.
 *
 * One per thread (it keeps its connections open between requests).
 */
class HttpClient
{
public:
    struct Request
    {
        QByteArray method = "POST";
        QString url;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        /// Basic authentication (Twilio's account SID and token), when set.
        QString user;
        QString password;
    };
    struct Response
    {
        enum class Outcome {
            Answered, ///< a status line came back (any status)
            NotSent, ///< no connection: the request never left
            Unknown, ///< sent (in part or whole), no answer: perhaps taken
        };
        Outcome outcome = Outcome::Answered;
        int status = 0;
        QByteArray body;
        QByteArray retryAfter; ///< the Retry-After header, if any
        QString error; ///< what went wrong, for the outbox (no secrets: no URL)
    };

    explicit HttpClient(std::chrono::milliseconds connectTimeout = std::chrono::seconds(5),
                        std::chrono::milliseconds timeout = std::chrono::seconds(15));
    ~HttpClient();
    HttpClient(const HttpClient &) = delete;
    HttpClient &operator=(const HttpClient &) = delete;

    Response send(const Request &request);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace qx::server
