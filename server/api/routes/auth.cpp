// Signing in and out, multi-factor sign-in, the caller, and the caller's API keys.

#include "server/api/routing.h"

#include "core/protocol/objectreader.h"
#include "server/auth/permissions.h"

namespace qx::server {

using namespace rest;

void HttpApi::addAuthRoutes()
{
    using Access = Route::Access;
    // Sign-in and refresh: a JSON request in, a token pair out once AuthService is done.
    const auto tokenRoute = [this]<typename Request>(
                                const Route &route,
                                void (AuthService::*issue)(const Request &, const QHostAddress &,
                                                           AuthService::LoginReply)) {
        serve(route,
              [this, issue](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                  auto reply = std::make_shared<LaterReply>(std::move(responder),
                                                            responseHeaders(request));
                  core::Result<QJsonObject> body = jsonBody(request);
                  if (!body)
                      return reply->fail(body.error());
                  core::Result<Request> parsed = Request::fromJson(*body);
                  if (!parsed)
                      return reply->fail(parsed.error());
                  (m_auth.*issue)(*parsed, request.remoteAddress(),
                                  [reply](core::Result<protocol::TokenPair> tokens) {
                                      if (!tokens)
                                          return reply->fail(tokens.error());
                                      reply->send(tokens->toJson(), Status::Ok);
                                  });
              });
    };
    tokenRoute({ Method::Post,
                 QStringLiteral("/api/v1/auth/login"),
                 tr("Signs in: an access token and a refresh token"),
                 Access::Public,
                 {},
                 QStringLiteral("LoginRequest"),
                 QStringLiteral("TokenPair"),
                 200,
                 { core::ErrorCode::InvalidCredentials, core::ErrorCode::MfaRequired,
                   core::ErrorCode::InvalidMfaCode, core::ErrorCode::RateLimited,
                   core::ErrorCode::ServerBusy, core::ErrorCode::StorageUnavailable } },
               &AuthService::login);
    tokenRoute({ Method::Post,
                 QStringLiteral("/api/v1/auth/refresh"),
                 tr("A new token pair for a refresh token, which is used up"),
                 Access::Public,
                 {},
                 QStringLiteral("RefreshRequest"),
                 QStringLiteral("TokenPair"),
                 200,
                 { core::ErrorCode::InvalidToken, core::ErrorCode::TokenReused,
                   core::ErrorCode::RefreshTokenUsed, core::ErrorCode::RateLimited,
                   core::ErrorCode::StorageUnavailable } },
               &AuthService::refresh);

    // Signs the caller out everywhere: all their refresh and access tokens stop working.
    serve({ Method::Post,
            QStringLiteral("/api/v1/auth/logout"),
            tr("Signs out everywhere: every token of the caller stops working"),
            Access::SignedIn,
            {},
            {},
            QStringLiteral("SignedOut"),
            200,
            { core::ErrorCode::StorageUnavailable } },
          [this](const Principal &principal, const QHttpServerRequest &, const Later &reply) {
              m_auth.logout(principal, [reply](core::Result<void> done) {
                  if (!done)
                      return reply->fail(done.error());
                  reply->send(QJsonObject { { QStringLiteral("signed_out"), true } }, Status::Ok);
              });
          });

    // Multi-factor sign-in: enrol (secret and URI), then confirm with a first code.
    serve({ Method::Post,
            QStringLiteral("/api/v1/auth/mfa/enroll"),
            tr("Starts multi-factor sign-in: the TOTP secret and its otpauth:// URI"),
            Access::SignedIn,
            {},
            {},
            QStringLiteral("MfaEnrolment"),
            200,
            { core::ErrorCode::MfaAlreadyEnabled, core::ErrorCode::StorageUnavailable } },
          [this](const Principal &principal, const QHttpServerRequest &, const Later &reply) {
              m_auth.enrollMfa(principal, [reply](core::Result<AuthService::Enrolment> enrolment) {
                  if (!enrolment)
                      return reply->fail(enrolment.error());
                  reply->send(QJsonObject { { QStringLiteral("secret"), enrolment->secret },
                                            { QStringLiteral("otpauth_uri"), enrolment->uri } },
                              Status::Ok);
              });
          });
    serve(
        { Method::Post,
          QStringLiteral("/api/v1/auth/mfa/confirm"),
          tr("Turns multi-factor sign-in on with a first code: the recovery codes, once"),
          Access::SignedIn,
          {},
          QStringLiteral("MfaConfirmation"),
          QStringLiteral("RecoveryCodes"),
          200,
          { core::ErrorCode::InvalidMfaCode, core::ErrorCode::MfaNotEnrolled,
            core::ErrorCode::MfaAlreadyEnabled, core::ErrorCode::StorageUnavailable } },
        [this](const Principal &principal, const QHttpServerRequest &request, const Later &reply) {
            core::Result<QJsonObject> body = jsonBody(request);
            if (!body)
                return reply->fail(body.error());
            protocol::ObjectReader reader(*body);
            const QString code = reader.string(QStringLiteral("code"));
            if (core::Result<void> read = reader.finish(); !read)
                return reply->fail(read.error());
            m_auth.confirmMfa(principal, code, [reply](core::Result<QStringList> codes) {
                if (!codes)
                    return reply->fail(codes.error());
                reply->send(QJsonObject { { QStringLiteral("recovery_codes"),
                                            QJsonArray::fromStringList(*codes) } },
                            Status::Ok);
            });
        });

    serve({ Method::Get,
            QStringLiteral("/api/v1/me"),
            tr("The caller: user name, role, permissions and multi-factor state"),
            Access::SignedIn,
            {},
            {},
            QStringLiteral("Me") },
          [](const Principal &principal, const QHttpServerRequest &) {
              // What the caller may do: the role's permissions, narrowed by an API key's scopes.
              QStringList permissions = permissionNames(principal.role);
              if (principal.scopes) {
                  permissions.removeIf([&principal](const QString &name) {
                      return !principal.scopes->contains(name);
                  });
              }
              return QHttpServerResponse(QJsonObject {
                  { QStringLiteral("username"), principal.username },
                  { QStringLiteral("role"), principal.role },
                  { QStringLiteral("permissions"), QJsonArray::fromStringList(permissions) },
                  { QStringLiteral("mfa_enabled"), principal.mfaEnabled } });
          });
    // API keys: made, listed and revoked by their user.
    serve(
        { Method::Post,
          QStringLiteral("/api/v1/apikeys"),
          tr("Makes an API key for a program (not with an API key); the key is shown this "
             "once"),
          Access::SignedIn,
          {},
          QStringLiteral("ApiKeyRequest"),
          QStringLiteral("NewApiKey"),
          201,
          { core::ErrorCode::Forbidden, core::ErrorCode::InvalidScope,
            core::ErrorCode::StorageUnavailable } },
        [this](const Principal &principal, const QHttpServerRequest &request, const Later &reply) {
            if (core::Result<void> may = AuthService::mayMakeApiKeys(principal); !may)
                return reply->fail(may.error());
            core::Result<QJsonObject> body = jsonBody(request);
            if (!body)
                return reply->fail(body.error());
            protocol::ObjectReader reader(*body);
            const QString name = reader.string(QStringLiteral("name"));
            const QStringList scopes = reader.stringList(QStringLiteral("scopes"));
            const qint64 days = reader.has(QStringLiteral("expires_in_days"))
                ? reader.integer(QStringLiteral("expires_in_days"))
                : 90;
            if (core::Result<void> read = reader.finish(); !read)
                return reply->fail(read.error());
            m_auth.createApiKey(principal, name, scopes, int(std::clamp<qint64>(days, -1, 367)),
                                [reply](core::Result<AuthService::NewApiKey> made) {
                                    if (!made)
                                        return reply->fail(made.error());
                                    QJsonObject json = toJson(made->record);
                                    json.insert(QStringLiteral("key"), made->key);
                                    reply->send(json, Status::Created);
                                });
        });
    serve({ Method::Get,
            QStringLiteral("/api/v1/apikeys"),
            tr("The caller's API keys"),
            Access::SignedIn,
            {},
            {},
            QStringLiteral("ApiKeyList"),
            200,
            { core::ErrorCode::StorageUnavailable } },
          [this](const Principal &principal, const QHttpServerRequest &, const Later &reply) {
              m_auth.apiKeys(principal, [reply](core::Result<QList<ApiKeyRecord>> keys) {
                  if (!keys)
                      return reply->fail(keys.error());
                  QJsonArray list;
                  for (const ApiKeyRecord &key : std::as_const(*keys))
                      list.append(toJson(key));
                  reply->send(QJsonObject { { QStringLiteral("keys"), list } }, Status::Ok);
              });
          });
    serve({ Method::Delete,
            QStringLiteral("/api/v1/apikeys/{id}"),
            tr("Revokes one of the caller's API keys"),
            Access::SignedIn,
            {},
            {},
            QStringLiteral("Revoked"),
            200,
            { core::ErrorCode::NotFound, core::ErrorCode::StorageUnavailable } },
          [this](const QString &keyId, const Principal &principal, const QHttpServerRequest &,
                 const Later &reply) {
              m_auth.revokeApiKey(principal, keyId.toLongLong(), false, revokedAnswer(reply));
          });
}

} // namespace qx::server
