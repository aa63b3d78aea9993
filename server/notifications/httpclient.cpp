#include "server/notifications/httpclient.h"

#include <curl/curl.h>

#include <mutex>

namespace qx::server {

void initialiseCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

namespace {

size_t appendBody(char *data, size_t size, size_t count, void *target)
{
    static_cast<QByteArray *>(target)->append(data, qsizetype(size * count));
    return size * count;
}

size_t readHeader(char *data, size_t size, size_t count, void *target)
{
    const QByteArray line = QByteArray(data, qsizetype(size * count)).trimmed();
    const qsizetype colon = line.indexOf(':');
    if (colon > 0 && line.left(colon).trimmed().compare("retry-after", Qt::CaseInsensitive) == 0)
        *static_cast<QByteArray *>(target) = line.mid(colon + 1).trimmed();
    return size * count;
}

} // namespace

struct HttpClient::Private
{
    CURL *curl = nullptr;
    std::chrono::milliseconds connectTimeout;
    std::chrono::milliseconds timeout;
};

HttpClient::HttpClient(std::chrono::milliseconds connectTimeout, std::chrono::milliseconds timeout)
    : d(std::make_unique<Private>())
{
    initialiseCurlOnce();
    d->curl = curl_easy_init();
    d->connectTimeout = connectTimeout;
    d->timeout = timeout;
}

HttpClient::~HttpClient()
{
    if (d->curl)
        curl_easy_cleanup(d->curl);
}

HttpClient::Response HttpClient::send(const Request &request)
{
    Response response;
    if (!d->curl) {
        response.outcome = Response::Outcome::NotSent;
        response.error = QStringLiteral("The HTTP client could not be set up.");
        return response;
    }
    CURL *curl = d->curl;
    curl_easy_reset(curl);
    const QByteArray url = request.url.toUtf8();
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, long(d->connectTimeout.count()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, long(d->timeout.count()));
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.constData());
    if (request.method == "POST" || !request.body.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.constData());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.size()));
    }
    curl_slist *headers = nullptr;
    // No "Expect: 100-continue": a provider (and QHttpServer) that does not answer it would
    // cost a second on every message.
    headers = curl_slist_append(headers, "Expect:");
    for (const auto &[name, value] : request.headers)
        headers = curl_slist_append(headers, QByteArray(name + ": " + value).constData());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    const QByteArray user = request.user.toUtf8();
    const QByteArray password = request.password.toUtf8();
    if (!request.user.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_HTTPAUTH, long(CURLAUTH_BASIC));
        curl_easy_setopt(curl, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, password.constData());
    }
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, appendBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, readHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.retryAfter);

    const CURLcode code = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    if (code == CURLE_OK) {
        long status = 0;
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
        response.status = int(status);
        return response;
    }
    // How far it got: nothing of the request written means nothing can have been taken.
    long requestBytes = 0;
    curl_easy_getinfo(curl, CURLINFO_REQUEST_SIZE, &requestBytes);
    response.outcome = requestBytes > 0 ? Response::Outcome::Unknown : Response::Outcome::NotSent;
    response.error = QString::fromUtf8(curl_easy_strerror(code));
    return response;
}

} // namespace qx::server
