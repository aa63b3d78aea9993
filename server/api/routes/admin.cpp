// Administration: users, roles and every API key.

#include "server/api/routing.h"

#include "core/protocol/objectreader.h"
#include "server/auth/permissions.h"

#include "server/auth/useradmin.h"

namespace qx::server {

using namespace rest;

void HttpApi::addAdminRoutes()
{
    using Access = Route::Access;
    const QList<core::ErrorCode> passwordRejections { core::ErrorCode::PasswordTooShort,
                                                      core::ErrorCode::PasswordTooLong,
                                                      core::ErrorCode::PasswordTooCommon };
    // A change to a user, made (and its new password hashed) on a store reader; the record it
    // leaves is in force here before the answer: their next request meets it, not only after
    // the settings poll.
    const auto changeUser = [this](const Later &reply, const Actor &by, const QString &username,
                                   const UserAdmin::Change &change) {
        auto record = std::make_shared<UserRecord>();
        answerOffThread(
            reply,
            [by, username, change, record](Store &store) -> core::Result<Answer> {
                core::Result<UserAdmin::Changed> changed
                    = UserAdmin(store).change(by, username, change);
                if (!changed)
                    return changed.error();
                *record = changed->user;
                return Answer { QJsonObject {
                    { QStringLiteral("user"), UserAdmin::toJson(changed->user) },
                    { QStringLiteral("done"), QJsonArray::fromStringList(changed->done) } } };
            },
            [this, record] { m_auth.adoptUser(*record); });
    };

    serve({ Method::Get,
            QStringLiteral("/api/v1/admin/users"),
            tr("Every user"),
            Access::Permitted,
            Permission::UsersAdmin,
            {},
            QStringLiteral("UserList"),
            200,
            { core::ErrorCode::StorageUnavailable } },
          [this](const Principal &, const QHttpServerRequest &, const Later &reply) {
              answerOffThread(reply, [](Store &store) -> core::Result<Answer> {
                  core::Result<QList<UserRecord>> users = UserAdmin(store).users();
                  if (!users)
                      return users.error();
                  QJsonArray list;
                  for (const UserRecord &user : std::as_const(*users))
                      list.append(UserAdmin::toJson(user));
                  return Answer { QJsonObject { { QStringLiteral("users"), list } } };
              });
          });

    serve(
        { Method::Post, QStringLiteral("/api/v1/admin/users"), tr("Adds a user"), Access::Permitted,
          Permission::UsersAdmin, QStringLiteral("NewUser"), QStringLiteral("User"), 201,
          passwordRejections
              + QList<core::ErrorCode> { core::ErrorCode::UserExists,
                                         core::ErrorCode::StorageUnavailable } },
        [this](const Principal &principal, const QHttpServerRequest &request, const Later &reply) {
            core::Result<QJsonObject> body = jsonBody(request);
            if (!body)
                return reply->fail(body.error());
            protocol::ObjectReader reader(*body);
            UserAdmin::NewUser user;
            user.username = reader.string(QStringLiteral("username"));
            user.password = reader.string(QStringLiteral("password"));
            user.role = reader.string(QStringLiteral("role"));
            if (reader.has(QStringLiteral("self_trade")))
                user.selfTrade = reader.string(QStringLiteral("self_trade"));
            if (reader.has(QStringLiteral("counterparty")))
                user.counterparty = reader.string(QStringLiteral("counterparty"));
            if (core::Result<void> read = reader.finish(); !read)
                return reply->fail(read.error());
            answerOffThread(reply,
                            [by = actorOf(principal), user](Store &store) -> core::Result<Answer> {
                                core::Result<UserRecord> added = UserAdmin(store).add(by, user);
                                if (!added)
                                    return added.error();
                                return Answer { UserAdmin::toJson(*added), Status::Created };
                            });
        });

    serve({ Method::Get,
            QStringLiteral("/api/v1/admin/users/{username}"),
            tr("One user"),
            Access::Permitted,
            Permission::UsersAdmin,
            {},
            QStringLiteral("User"),
            200,
            { core::ErrorCode::NotFound, core::ErrorCode::StorageUnavailable } },
          [this](const QString &username, const Principal &, const QHttpServerRequest &,
                 const Later &reply) {
              answerOffThread(reply, [username](Store &store) -> core::Result<Answer> {
                  core::Result<UserRecord> user = UserAdmin(store).user(username);
                  if (!user)
                      return user.error();
                  return Answer { UserAdmin::toJson(*user) };
              });
          });

    serve({ Method::Patch,
            QStringLiteral("/api/v1/admin/users/{username}"),
            tr("Changes a user's role, state (disabled signs them out everywhere), self-trade "
               "mode or counterparty; applies at their next request"),
            Access::Permitted,
            Permission::UsersAdmin,
            QStringLiteral("UserChange"),
            QStringLiteral("UserChanged"),
            200,
            { core::ErrorCode::NotFound, core::ErrorCode::LastAdmin,
              core::ErrorCode::StorageUnavailable } },
          [changeUser](const QString &username, const Principal &principal,
                       const QHttpServerRequest &request, const Later &reply) {
              core::Result<QJsonObject> body = jsonBody(request);
              if (!body)
                  return reply->fail(body.error());
              protocol::ObjectReader reader(*body);
              UserAdmin::Change change;
              if (reader.has(QStringLiteral("role")))
                  change.role = reader.string(QStringLiteral("role"));
              if (reader.has(QStringLiteral("disabled")))
                  change.disabled = reader.boolean(QStringLiteral("disabled"));
              if (reader.has(QStringLiteral("self_trade")))
                  change.selfTrade = reader.string(QStringLiteral("self_trade"));
              if (reader.has(QStringLiteral("counterparty")))
                  change.counterparty = reader.string(QStringLiteral("counterparty"));
              if (core::Result<void> read = reader.finish(); !read)
                  return reply->fail(read.error());
              changeUser(reply, actorOf(principal), username, change);
          });

    serve({ Method::Post, QStringLiteral("/api/v1/admin/users/{username}/password"),
            tr("Sets a user's password and signs them out everywhere"), Access::Permitted,
            Permission::UsersAdmin, QStringLiteral("PasswordReset"), QStringLiteral("UserChanged"),
            200,
            passwordRejections
                + QList<core::ErrorCode> { core::ErrorCode::NotFound,
                                           core::ErrorCode::StorageUnavailable } },
          [changeUser](const QString &username, const Principal &principal,
                       const QHttpServerRequest &request, const Later &reply) {
              core::Result<QJsonObject> body = jsonBody(request);
              if (!body)
                  return reply->fail(body.error());
              protocol::ObjectReader reader(*body);
              UserAdmin::Change change;
              change.password = reader.string(QStringLiteral("password"));
              if (core::Result<void> read = reader.finish(); !read)
                  return reply->fail(read.error());
              changeUser(reply, actorOf(principal), username, change);
          });

    serve({ Method::Delete,
            QStringLiteral("/api/v1/admin/users/{username}/mfa"),
            tr("Turns a user's multi-factor sign-in off (a lost phone) and signs them out "
               "everywhere"),
            Access::Permitted,
            Permission::UsersAdmin,
            {},
            QStringLiteral("UserChanged"),
            200,
            { core::ErrorCode::NotFound, core::ErrorCode::StorageUnavailable } },
          [changeUser](const QString &username, const Principal &principal,
                       const QHttpServerRequest &, const Later &reply) {
              UserAdmin::Change change;
              change.resetMfa = true;
              changeUser(reply, actorOf(principal), username, change);
          });

    serve({ Method::Get,
            QStringLiteral("/api/v1/admin/roles"),
            tr("The roles and the permissions each grants"),
            Access::Permitted,
            Permission::UsersAdmin,
            {},
            QStringLiteral("RoleList") },
          [](const Principal &, const QHttpServerRequest &) {
              QJsonArray roles;
              for (const QString &role : roleNames()) {
                  roles.append(
                      QJsonObject { { QStringLiteral("name"), role },
                                    { QStringLiteral("permissions"),
                                      QJsonArray::fromStringList(permissionNames(role)) } });
              }
              return QHttpServerResponse(QJsonObject { { QStringLiteral("roles"), roles } });
          });

    serve({ Method::Get,
            QStringLiteral("/api/v1/admin/apikeys"),
            tr("Every API key, with its user"),
            Access::Permitted,
            Permission::UsersAdmin,
            {},
            QStringLiteral("AdminApiKeyList"),
            200,
            { core::ErrorCode::StorageUnavailable } },
          [this](const Principal &, const QHttpServerRequest &, const Later &reply) {
              answerOffThread(reply, [](Store &store) -> core::Result<Answer> {
                  core::Result<QList<ApiKeyRecord>> keys = store.apiKeys(0);
                  if (!keys)
                      return keys.error();
                  core::Result<QList<UserRecord>> users = store.users();
                  if (!users)
                      return users.error();
                  QHash<std::int64_t, QString> names;
                  for (const UserRecord &user : std::as_const(*users))
                      names.insert(user.id, user.username);
                  QJsonArray list;
                  for (const ApiKeyRecord &key : std::as_const(*keys)) {
                      QJsonObject json = toJson(key);
                      json.insert(QStringLiteral("username"), names.value(key.userId));
                      list.append(json);
                  }
                  return Answer { QJsonObject { { QStringLiteral("keys"), list } } };
              });
          });

    serve({ Method::Delete,
            QStringLiteral("/api/v1/admin/apikeys/{id}"),
            tr("Revokes anyone's API key"),
            Access::Permitted,
            Permission::UsersAdmin,
            {},
            QStringLiteral("Revoked"),
            200,
            { core::ErrorCode::NotFound, core::ErrorCode::StorageUnavailable } },
          [this](const QString &keyId, const Principal &principal, const QHttpServerRequest &,
                 const Later &reply) {
              m_auth.revokeApiKey(principal, keyId.toLongLong(), true, revokedAnswer(reply));
          });
}

} // namespace qx::server
