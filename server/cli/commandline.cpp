#include "server/cli/commandline.h"

#include "server/cli/notifycommands.h"
#include "server/cli/subcommand.h"

#include "server/auth/authservice.h"
#include "server/auth/permissions.h"
#include "server/auth/secretbox.h"
#include "server/auth/useradmin.h"
#include "server/cache/redisclient.h"
#include "server/notifications/channels.h"
#include "server/ops/datadirectory.h"
#include "server/ops/layeredsettings.h"
#include "server/ops/parentwatch.h"
#include "server/ops/servinglock.h"
#include "server/ops/tls.h"
#include "server/server.h"
#include "server/storage/migrations.h"
#include "server/storage/sqlstore.h"

#include "core/protocol/notifications.h"
#include "server/trading/dealdesk.h"
#include "server/trading/riskadmin.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSettings>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrl>

#include <algorithm>
#include <array>
#include <cstdio>
#include <functional>

namespace qx::server {

namespace protocol = core::protocol;

using namespace Qt::StringLiterals;
using namespace cli;

namespace {

int runInit(const QStringList &arguments)
{
    SubcommandParser command(QStringLiteral("init --data-dir DIR [--tls-self-signed [--tls-host "
                                            "NAME]... [--tls-days N]]"),
                             tr("Creates the data directory: database (migrated), signing key "
                                "and the default instrument catalog. Safe to repeat."));
    const QCommandLineOption selfSigned(
        QStringLiteral("tls-self-signed"),
        tr("Also make a self-signed TLS certificate and key for local use, in DIR/tls (a new "
           "one each time); serve it with --tls-cert and --tls-key."));
    const QCommandLineOption hosts(QStringLiteral("tls-host"),
                                   tr("A name or address the certificate is for (repeatable; "
                                      "default localhost, 127.0.0.1 and ::1)."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption days(QStringLiteral("tls-days"),
                                  tr("How long the certificate is valid (default 365)."),
                                  QStringLiteral("N"), QStringLiteral("365"));
    for (const QCommandLineOption *option : { &selfSigned, &hosts, &days })
        command.addOption(*option);
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    bool daysOk = false;
    const int validDays = command.parser().value(days).toInt(&daysOk);
    if (!daysOk || validDays < 1 || validDays > 3650)
        return fail(UsageError, tr("--tls-days takes a number of days from 1 to 3650"));
    const DataDirectory directory = command.directory();
    if (core::Result<void> done = directory.initialise(QDateTime::currentDateTimeUtc().date());
        !done)
        return fail(done.error());
    printOut(tr("initialised %1").arg(directory.path()));
    if (command.parser().isSet(selfSigned)) {
        QStringList names = command.parser().values(hosts);
        if (names.isEmpty())
            names = { QStringLiteral("localhost"), QStringLiteral("127.0.0.1"),
                      QStringLiteral("::1") };
        QDir().mkpath(QFileInfo(directory.tlsCertificatePath()).path());
        if (core::Result<void> made = tls::writeSelfSigned(
                directory.tlsCertificatePath(), directory.tlsKeyPath(), names, validDays);
            !made)
            return fail(made.error());
        printOut(
            tr("self-signed certificate for %1: --tls-cert %2 --tls-key %3")
                .arg(names.join(u", "), directory.tlsCertificatePath(), directory.tlsKeyPath()));
    }
    return Success;
}

std::optional<QString> readPasswordFromStdin()
{
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return std::nullopt;
    QByteArray line = input.readLine(4096);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

// A failed user command's exit status: a malformed name, role or setting is a usage error.
int failUser(const core::Error &error)
{
    return fail(error.is(core::ErrorCode::InvalidRequest) ? UsageError : Failure, error.message);
}

int runUserAdd(const QStringList &arguments)
{
    SubcommandParser command(
        QStringLiteral("user add NAME --role ROLE --password-stdin [--self-trade MODE] "
                       "[--counterparty FIRM] [--update] --data-dir DIR"),
        tr("Adds a user. The password is read from the first line of standard input, so it "
           "never appears in the process list or shell history."));
    command.addPositional(QStringLiteral("NAME"), tr("Login name: letters, digits, . _ -"));
    const QCommandLineOption role(QStringLiteral("role"),
                                  tr("One of: %1.").arg(roleNames().join(QStringLiteral(", "))),
                                  QStringLiteral("ROLE"));
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"),
                                           tr("Read the password from standard input."));
    const QCommandLineOption update(QStringLiteral("update"),
                                    tr("If the user exists, set the role and password instead "
                                       "of failing."));
    const QCommandLineOption selfTrade(QStringLiteral("self-trade"),
                                       tr("When the user's order would trade with their own: "
                                          "cancel-newest (the incoming order, the default) or "
                                          "cancel-oldest (the resting one)."),
                                       QStringLiteral("MODE"));
    const QCommandLineOption counterparty(
        QStringLiteral("counterparty"),
        tr("The firm the user trades for: its users share its credit lines (see credit set); "
           "\"none\" to trade alone."),
        QStringLiteral("FIRM"));
    for (const QCommandLineOption *option :
         { &role, &passwordStdin, &update, &selfTrade, &counterparty })
        command.addOption(*option);
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    QCommandLineParser &parser = command.parser();
    const QString name = parser.positionalArguments().constFirst();
    UserAdmin::Change change;
    change.role = parser.value(role);
    if (parser.isSet(selfTrade))
        change.selfTrade = parser.value(selfTrade).replace(u'-', u'_');
    if (parser.isSet(counterparty))
        change.counterparty
            = parser.value(counterparty) == u"none" ? QString() : parser.value(counterparty);
    // Everything but the password checked before it is read.
    if (core::Result<void> checked = UserAdmin::checkName(name); !checked)
        return failUser(checked.error());
    if (core::Result<void> checked = UserAdmin::check(name, change); !checked)
        return failUser(checked.error());
    if (!parser.isSet(passwordStdin))
        return fail(UsageError, tr("--password-stdin is required"));
    const std::optional<QString> password = readPasswordFromStdin();
    if (!password)
        return fail(Failure, tr("cannot read the password from standard input"));
    change.password = *password;

    core::Result<std::unique_ptr<Store>> store = command.directory().openStore();
    if (!store)
        return fail(store.error());
    UserAdmin admin(**store);
    core::Result<std::optional<UserRecord>> existing = (*store)->findUser(name);
    if (!existing)
        return fail(existing.error());
    if (*existing && !parser.isSet(update))
        return fail(Failure,
                    tr("the user %1 already exists (use --update to change it)").arg(name));
    if (*existing) {
        core::Result<UserAdmin::Changed> changed = admin.change(Actor::commandLine(), name, change);
        if (!changed)
            return failUser(changed.error());
        printOut(tr("updated user %1: %2").arg(name, changed->done.join(u", "))
                 + appliedAs(**store));
        return Success;
    }
    core::Result<UserRecord> added = admin.add(
        Actor::commandLine(),
        { name, *change.role, *password, change.selfTrade.value_or(QStringLiteral("cancel_newest")),
          change.counterparty.value_or(QString()) });
    if (!added)
        return failUser(added.error());
    printOut(tr("added user %1 (role %2)").arg(name, added->role) + appliedAs(**store));
    return Success;
}

int runUserShow(const QStringList &arguments)
{
    SubcommandParser command(QStringLiteral("user show NAME --data-dir DIR [--json]"),
                             tr("Shows one user."));
    command.addPositional(QStringLiteral("NAME"), tr("The user."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    command.addOption(json);
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    const core::Result<StoreAndUser> found = storeAndUser(command);
    if (!found)
        return fail(found.error());
    const QJsonObject fields = UserAdmin::toJson(found->user);
    if (command.parser().isSet(json)) {
        printJson(QJsonDocument(fields));
        return Success;
    }
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
        printOut(QStringLiteral("%1 %2").arg(it.key() + u':', -14).arg(it->toVariant().toString()));
    return Success;
}

/**
 * One change to one existing user (NAME, the first positional argument), made by UserAdmin
 * (checked, written, audited): `makeChange` says what, after the arguments are parsed (an
 * error coded invalid_request is a usage error).
 */
int changeUser(SubcommandParser &command, const QStringList &arguments,
               const std::function<core::Result<UserAdmin::Change>()> &makeChange)
{
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    const QString name = command.parser().positionalArguments().constFirst();
    const core::Result<UserAdmin::Change> change = makeChange();
    if (!change)
        return failUser(change.error());
    core::Result<std::unique_ptr<Store>> store = command.directory().openStore();
    if (!store)
        return fail(store.error());
    const core::Result<UserAdmin::Changed> changed
        = UserAdmin(**store).change(Actor::commandLine(), name, *change);
    if (!changed)
        return failUser(changed.error());
    printOut(tr("%1: %2").arg(name, changed->done.join(u", ")) + appliedAs(**store));
    return Success;
}

int runUserDisable(const QStringList &arguments)
{
    SubcommandParser command(QStringLiteral("user disable NAME --data-dir DIR"),
                             tr("Disables a user: no sign-in, and every token of theirs stops "
                                "working at once."));
    command.addPositional(QStringLiteral("NAME"), tr("The user."));
    return changeUser(command, arguments, []() -> core::Result<UserAdmin::Change> {
        UserAdmin::Change change;
        change.disabled = true;
        return change;
    });
}

int runUserEnable(const QStringList &arguments)
{
    SubcommandParser command(QStringLiteral("user enable NAME --data-dir DIR"),
                             tr("Enables a disabled user again."));
    command.addPositional(QStringLiteral("NAME"), tr("The user."));
    return changeUser(command, arguments, []() -> core::Result<UserAdmin::Change> {
        UserAdmin::Change change;
        change.disabled = false;
        return change;
    });
}

int runUserSetRole(const QStringList &arguments)
{
    SubcommandParser command(QStringLiteral("user set-role NAME ROLE --data-dir DIR"),
                             tr("Gives a user another role (%1); it applies to their next "
                                "request.")
                                 .arg(roleNames().join(QStringLiteral(", "))));
    command.addPositional(QStringLiteral("NAME"), tr("The user."));
    command.addPositional(QStringLiteral("ROLE"), tr("The new role."));
    return changeUser(command, arguments, [&command]() -> core::Result<UserAdmin::Change> {
        UserAdmin::Change change;
        change.role = command.parser().positionalArguments().value(1);
        return change;
    });
}

int runUserResetPassword(const QStringList &arguments)
{
    SubcommandParser command(QStringLiteral("user reset-password NAME --data-dir DIR"),
                             tr("Sets a new password, read from the first line of standard "
                                "input, and signs the user out everywhere."));
    command.addPositional(QStringLiteral("NAME"), tr("The user."));
    return changeUser(command, arguments, []() -> core::Result<UserAdmin::Change> {
        const std::optional<QString> password = readPasswordFromStdin();
        if (!password) {
            return core::makeError(core::ErrorCode::IoError,
                                   tr("cannot read the password from standard input"));
        }
        UserAdmin::Change change;
        change.password = *password;
        return change;
    });
}

int runUserResetMfa(const QStringList &arguments)
{
    SubcommandParser command(QStringLiteral("user reset-mfa NAME --data-dir DIR"),
                             tr("Turns a user's multi-factor sign-in off (a lost phone): they "
                                "sign in with the password alone and may enrol again."));
    command.addPositional(QStringLiteral("NAME"), tr("The user."));
    return changeUser(command, arguments, []() -> core::Result<UserAdmin::Change> {
        UserAdmin::Change change;
        change.resetMfa = true;
        return change;
    });
}

// API keys made, listed and revoked for a user by an admin (the same rules as the REST
// routes: scopes within the user's role, 1-366 days, the key shown once).
struct ApiKeyCommand
{
    std::unique_ptr<Store> store;
    std::unique_ptr<AuthService> auth;
    Principal owner;
};

core::Result<ApiKeyCommand> apiKeyCommand(SubcommandParser &command)
{
    core::Result<TokenSigner> signer
        = TokenSigner::fromKeyFile(command.directory().signingKeyPath());
    if (!signer)
        return signer.error();
    core::Result<StoreAndUser> found = storeAndUser(command);
    if (!found)
        return found.error();
    ApiKeyCommand made;
    made.store = std::move(found->store);
    made.auth = std::make_unique<AuthService>(*made.store, std::move(signer).value());
    made.owner = Principal::of(found->user);
    return made;
}

int runApiKeyCreate(const QStringList &arguments)
{
    SubcommandParser command(
        QStringLiteral("apikey create NAME --name LABEL --scope SCOPES [--days 90] "
                       "--data-dir DIR"),
        tr("Makes an API key for user NAME and prints it, this once."));
    command.addPositional(QStringLiteral("NAME"), tr("The user."));
    const QCommandLineOption label(QStringLiteral("name"), tr("What the key is for."),
                                   QStringLiteral("LABEL"));
    const QCommandLineOption scope(QStringLiteral("scope"),
                                   tr("Comma-separated permissions, among the user's role's."),
                                   QStringLiteral("SCOPES"));
    const QCommandLineOption days(QStringLiteral("days"), tr("Lifetime, 1 to 366 (default 90)."),
                                  QStringLiteral("N"), QStringLiteral("90"));
    for (const QCommandLineOption *option : { &label, &scope, &days })
        command.addOption(*option);
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    bool daysOk = false;
    const int lifetime = command.parser().value(days).toInt(&daysOk);
    if (!daysOk)
        return fail(UsageError, tr("--days takes a whole number"));
    core::Result<ApiKeyCommand> keys = apiKeyCommand(command);
    if (!keys)
        return fail(keys.error());
    core::Result<AuthService::NewApiKey> made = AuthService::answerNow<AuthService::NewApiKey>(
        [&](auto reply) {
            keys->auth->createApiKey(keys->owner, command.parser().value(label),
                                     command.parser().value(scope).split(u',', Qt::SkipEmptyParts),
                                     lifetime, std::move(reply));
        });
    if (!made) {
        return made.error().is(core::ErrorCode::InvalidRequest)
                || made.error().is(core::ErrorCode::InvalidScope)
            ? fail(UsageError, made.error().message)
            : fail(made.error());
    }
    printOut(made->key);
    return Success;
}

int runApiKeyList(const QStringList &arguments)
{
    SubcommandParser command(QStringLiteral("apikey list NAME --data-dir DIR"),
                             tr("Lists user NAME's API keys as JSON (never the keys)."));
    command.addPositional(QStringLiteral("NAME"), tr("The user."));
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    core::Result<ApiKeyCommand> keys = apiKeyCommand(command);
    if (!keys)
        return fail(keys.error());
    core::Result<QList<ApiKeyRecord>> listed = AuthService::answerNow<QList<ApiKeyRecord>>(
        [&](auto reply) { keys->auth->apiKeys(keys->owner, std::move(reply)); });
    if (!listed)
        return fail(listed.error());
    QJsonArray array;
    for (const ApiKeyRecord &key : std::as_const(*listed))
        array.append(toJson(key));
    printJson(QJsonDocument(array));
    return Success;
}

int runApiKeyRevoke(const QStringList &arguments)
{
    SubcommandParser command(QStringLiteral("apikey revoke NAME ID --data-dir DIR"),
                             tr("Revokes user NAME's API key ID at once."));
    command.addPositional(QStringLiteral("NAME"), tr("The user."));
    command.addPositional(QStringLiteral("ID"), tr("The key's id (see apikey list)."));
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    core::Result<ApiKeyCommand> keys = apiKeyCommand(command);
    if (!keys)
        return fail(keys.error());
    const QString id = command.parser().positionalArguments().value(1);
    if (core::Result<void> revoked = AuthService::answerNow<void>([&](auto reply) {
            keys->auth->revokeApiKey(keys->owner, id.toLongLong(), false, std::move(reply));
        });
        !revoked)
        return fail(revoked.error());
    printOut(tr("revoked API key %1").arg(id));
    return Success;
}

int runUserList(const QStringList &arguments)
{
    SubcommandParser command(QStringLiteral("user list --data-dir DIR [--json]"),
                             tr("Lists the users."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    command.addOption(json);
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    core::Result<std::unique_ptr<Store>> store = command.directory().openStore();
    if (!store)
        return fail(store.error());
    core::Result<QList<UserRecord>> users = (*store)->users();
    if (!users)
        return fail(users.error());
    if (command.parser().isSet(json)) {
        QJsonArray array;
        for (const UserRecord &user : *users)
            array.append(UserAdmin::toJson(user));
        printJson(QJsonDocument(array));
        return Success;
    }
    printOut(QStringLiteral("%1 %2 %3 %4 %5")
                 .arg(tr("USERNAME"), -24)
                 .arg(tr("ROLE"), -8)
                 .arg(tr("STATE"), -9)
                 .arg(tr("COUNTERPARTY"), -20)
                 .arg(tr("CREATED (UTC)")));
    for (const UserRecord &user : *users) {
        printOut(QStringLiteral("%1 %2 %3 %4 %5")
                     .arg(user.username, -24)
                     .arg(user.role, -8)
                     .arg(user.disabled ? tr("disabled") : tr("active"), -9)
                     .arg(user.counterparty.isEmpty() ? tr("-") : user.counterparty, -20)
                     .arg(user.createdAt.toString(Qt::ISODate)));
    }
    return Success;
}

// "none" clears a limit; anything else must be a positive decimal.
template<typename T>
bool readLimit(const QCommandLineParser &parser, const QCommandLineOption &option,
               RiskAdmin::Edit<T> &edit)
{
    if (!parser.isSet(option))
        return true;
    const QString text = parser.value(option);
    if (text == u"none") {
        edit = std::optional<T>();
        return true;
    }
    core::Result<T> value = T::parse(text);
    if (!value || !value->isPositive())
        return false;
    edit = std::optional<T>(*value);
    return true;
}

int runLimitsSet(const QStringList &arguments)
{
    SubcommandParser command(
        QStringLiteral("limits set NAME --product PRODUCT [limits] --data-dir DIR"),
        tr("Sets a trader's pre-trade limits for one product (DE.BASE, TTF, HH, BRENT, EUA...), "
           "in the product's quantity unit and currency. Limits not given keep their value; "
           "\"none\" removes one. Written to the audit log."));
    command.addPositional(QStringLiteral("NAME"), tr("The trader."));
    const QCommandLineOption product(QStringLiteral("product"), tr("The product code."),
                                     QStringLiteral("PRODUCT"));
    const QCommandLineOption maxOrder(QStringLiteral("max-order-quantity"),
                                      tr("Largest single order, e.g. 50 (MW)."),
                                      QStringLiteral("QUANTITY"));
    const QCommandLineOption maxNotional(QStringLiteral("max-notional"),
                                         tr("Largest order value: price × energy."),
                                         QStringLiteral("MONEY"));
    const QCommandLineOption maxPosition(QStringLiteral("max-position"),
                                         tr("Largest position per instrument, open orders "
                                            "included, long or short."),
                                         QStringLiteral("QUANTITY"));
    const QCommandLineOption credit(QStringLiteral("credit-limit"),
                                    tr("Largest exposure in the product: open orders plus "
                                       "positions, valued."),
                                    QStringLiteral("MONEY"));
    for (const QCommandLineOption *option :
         { &product, &maxOrder, &maxNotional, &maxPosition, &credit })
        command.addOption(*option);
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    QCommandLineParser &parser = command.parser();
    if (parser.value(product).isEmpty())
        return fail(UsageError, tr("--product is required"));
    RiskAdmin::LimitsChange change;
    change.product = parser.value(product);
    if (!readLimit(parser, maxOrder, change.maxOrderQuantity)
        || !readLimit(parser, maxNotional, change.maxNotional)
        || !readLimit(parser, maxPosition, change.maxPosition)
        || !readLimit(parser, credit, change.creditLimit)) {
        return fail(UsageError,
                    tr("limits are positive decimals such as 50 or 2500000.00, "
                       "or none"));
    }
    core::Result<std::unique_ptr<Store>> store = command.directory().openStore();
    if (!store)
        return fail(store.error());
    const QString name = parser.positionalArguments().constFirst();
    core::Result<RiskLimits> saved
        = RiskAdmin(**store).setLimits(Actor::commandLine(), name, change);
    if (!saved)
        return fail(saved.error());
    printOut(tr("limits of %1 for %2 saved").arg(name, saved->product) + appliedAs(**store));
    return Success;
}

int runLimitsList(const QStringList &arguments)
{
    SubcommandParser command(QStringLiteral("limits list NAME [--json] --data-dir DIR"),
                             tr("Lists a trader's pre-trade limits per product."));
    command.addPositional(QStringLiteral("NAME"), tr("The trader."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    command.addOption(json);
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    core::Result<std::unique_ptr<Store>> store = command.directory().openStore();
    if (!store)
        return fail(store.error());
    const QString name = command.parser().positionalArguments().constFirst();
    core::Result<QList<RiskLimits>> all = RiskAdmin(**store).limits(name);
    if (!all)
        return fail(all.error());
    if (command.parser().isSet(json)) {
        QJsonArray array;
        for (const RiskLimits &limits : std::as_const(*all))
            array.append(RiskAdmin::toJson(limits));
        printJson(QJsonDocument(array));
        return Success;
    }
    const auto show = [](const auto &limit) {
        return limit ? limit->toString() : tr("-");
    };
    printOut(QStringLiteral("%1 %2 %3 %4 %5")
                 .arg(tr("PRODUCT"), -10)
                 .arg(tr("MAX ORDER"), -12)
                 .arg(tr("MAX NOTIONAL"), -16)
                 .arg(tr("MAX POSITION"), -14)
                 .arg(tr("CREDIT LIMIT")));
    for (const RiskLimits &limits : *all) {
        printOut(QStringLiteral("%1 %2 %3 %4 %5")
                     .arg(limits.product, -10)
                     .arg(show(limits.maxOrderQuantity), -12)
                     .arg(show(limits.maxNotional), -16)
                     .arg(show(limits.maxPosition), -14)
                     .arg(show(limits.creditLimit)));
    }
    return Success;
}

int runCreditSet(const QStringList &arguments)
{
    SubcommandParser command(
        QStringLiteral("credit set FIRM --currency CCY --limit MONEY|none --data-dir DIR"),
        tr("Sets a counterparty's credit line in one currency: what its users together may "
           "have at risk there (open orders plus positions, valued). \"none\" removes it. "
           "Written to the audit log."));
    command.addPositional(QStringLiteral("FIRM"),
                          tr("The counterparty (see user add "
                             "--counterparty)."));
    const QCommandLineOption currency(QStringLiteral("currency"), tr("EUR, GBP, USD..."),
                                      QStringLiteral("CCY"));
    const QCommandLineOption limit(QStringLiteral("limit"), tr("e.g. 5000000"),
                                   QStringLiteral("MONEY"));
    command.addOption(currency);
    command.addOption(limit);
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    QCommandLineParser &parser = command.parser();
    const QString firm = parser.positionalArguments().constFirst();
    if (core::Result<void> checked = RiskAdmin::checkCurrency(parser.value(currency)); !checked)
        return fail(UsageError, checked.error().message);
    RiskAdmin::Edit<core::Money> line;
    if (!parser.isSet(limit) || !readLimit(parser, limit, line))
        return fail(UsageError, tr("--limit must be a positive amount such as 5000000, or none"));
    core::Result<std::unique_ptr<Store>> store = command.directory().openStore();
    if (!store)
        return fail(store.error());
    if (core::Result<void> saved = RiskAdmin(**store).setCreditLine(Actor::commandLine(), firm,
                                                                    parser.value(currency), *line);
        !saved)
        return fail(saved.error());
    printOut((*line ? tr("credit line of %1 in %2 set to %3")
                          .arg(firm, parser.value(currency), (*line)->toString())
                    : tr("credit line of %1 in %2 removed").arg(firm, parser.value(currency)))
             + appliedAs(**store));
    return Success;
}

int runCreditList(const QStringList &arguments)
{
    SubcommandParser command(QStringLiteral("credit list [--json] --data-dir DIR"),
                             tr("Lists the counterparties' credit lines."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    command.addOption(json);
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    core::Result<std::unique_ptr<Store>> store = command.directory().openStore();
    if (!store)
        return fail(store.error());
    core::Result<QList<RiskAdmin::Line>> lines = RiskAdmin(**store).creditLines();
    if (!lines)
        return fail(lines.error());
    if (command.parser().isSet(json)) {
        QJsonArray array;
        for (const RiskAdmin::Line &line : std::as_const(*lines))
            array.append(RiskAdmin::toJson(line));
        printJson(QJsonDocument(array));
        return Success;
    }
    printOut(QStringLiteral("%1 %2 %3 %4")
                 .arg(tr("COUNTERPARTY"), -20)
                 .arg(tr("CCY"), -4)
                 .arg(tr("CREDIT LINE"), -16)
                 .arg(tr("USERS")));
    for (const RiskAdmin::Line &line : std::as_const(*lines))
        printOut(QStringLiteral("%1 %2 %3 %4")
                     .arg(line.line.counterparty, -20)
                     .arg(line.line.currency, -4)
                     .arg(line.line.limit.toString(), -16)
                     .arg(line.users.join(u", ")));
    return Success;
}

// The listed instrument `symbol`: unknown_symbol if there is none.
core::Result<core::Instrument> listedInstrument(Store &store, const QString &symbol)
{
    core::Result<QList<core::Instrument>> instruments = store.instruments();
    if (!instruments)
        return instruments.error();
    for (const core::Instrument &instrument : std::as_const(*instruments)) {
        if (instrument.symbol == symbol)
            return instrument;
    }
    return core::makeError(core::ErrorCode::UnknownSymbol, tr("no instrument %1").arg(symbol));
}

int runSettle(const QStringList &arguments)
{
    SubcommandParser command(
        QStringLiteral("settle SYMBOL PRICE [--date YYYY-MM-DD] --data-dir DIR"),
        tr("Records an instrument's settlement price for a trading day "
           "(today, UTC, by default): positions can be marked to it."));
    command.addPositional(QStringLiteral("SYMBOL"), tr("The instrument, e.g. DE.BASE.M.2027-03."));
    command.addPositional(QStringLiteral("PRICE"), tr("On the instrument's tick."));
    const QCommandLineOption date(QStringLiteral("date"), tr("The trading day."),
                                  QStringLiteral("YYYY-MM-DD"));
    command.addOption(date);
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    QCommandLineParser &parser = command.parser();
    const QString symbol = parser.positionalArguments().at(0);
    const core::Result<core::Price> price = core::Price::parse(parser.positionalArguments().at(1));
    const QDate day = parser.isSet(date) ? QDate::fromString(parser.value(date), Qt::ISODate)
                                         : QDateTime::currentDateTimeUtc().date();
    if (!price || !day.isValid())
        return fail(UsageError, tr("PRICE must be a decimal and --date a YYYY-MM-DD day"));
    core::Result<std::unique_ptr<Store>> store = command.directory().openStore();
    if (!store)
        return fail(store.error());
    const core::Result<core::Instrument> instrument = listedInstrument(**store, symbol);
    if (!instrument)
        return fail(instrument.error());
    if (!price->isMultipleOf(instrument->tickSize)) {
        return fail(Failure,
                    tr("%1 is not on the tick size %2 of %3")
                        .arg(price->toString(), instrument->tickSize.toString(), symbol));
    }
    if (core::Result<void> saved = (*store)->saveSettlement(symbol, day, *price); !saved)
        return fail(saved.error());
    printOut(
        tr("%1 settled at %2 on %3").arg(symbol, price->toString(), day.toString(Qt::ISODate)));
    return Success;
}

int runDealBook(const QStringList &arguments)
{
    SubcommandParser command(
        QStringLiteral("deal book NAME --symbol SYMBOL --side buy|sell --quantity Q --price P "
                       "--counterparty NAME --trade-date YYYY-MM-DD [--broker NAME] "
                       "[--external-id ID] [--document ID] --data-dir DIR"),
        tr("Books a bilateral (over-the-counter) deal in a user's position, where it counts "
           "like a fill. Written to the audit log; a running server counts it within its "
           "settings poll."));
    command.addPositional(QStringLiteral("NAME"), tr("The user whose position it goes in."));
    // Each option is the REST field of the same name, with '-' for '_'.
    const QList<QCommandLineOption> fields {
        { QStringLiteral("symbol"), tr("The contract, e.g. DE.BASE.M.2027-01."),
          QStringLiteral("SYMBOL") },
        { QStringLiteral("side"), tr("The user's side: buy or sell."), QStringLiteral("SIDE") },
        { QStringLiteral("quantity"), tr("In the contract's unit, e.g. 10 (MW)."),
          QStringLiteral("Q") },
        { QStringLiteral("price"), tr("In the contract's currency per unit."),
          QStringLiteral("P") },
        { QStringLiteral("counterparty"), tr("The other side."), QStringLiteral("NAME") },
        { QStringLiteral("trade-date"), tr("When it was traded."), QStringLiteral("YYYY-MM-DD") },
        { QStringLiteral("broker"), tr("The broker, if any."), QStringLiteral("NAME") },
        { QStringLiteral("external-id"), tr("The trade's id at the counterparty or broker."),
          QStringLiteral("ID") },
        { QStringLiteral("document"), tr("The confirmation it was booked from."),
          QStringLiteral("ID") },
    };
    for (const QCommandLineOption &option : fields)
        command.addOption(option);
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    QJsonObject json;
    for (const QCommandLineOption &option : fields) {
        const QString name = option.names().constFirst();
        if (command.parser().isSet(name)) {
            json.insert(name == u"document" ? QStringLiteral("document_id")
                                            : QString(name).replace(u'-', u'_'),
                        command.parser().value(name));
        }
    }
    const core::Result<protocol::NewDeal> terms = protocol::NewDeal::fromJson(json);
    if (!terms)
        return fail(UsageError, terms.error().message);
    core::Result<std::unique_ptr<Store>> store = command.directory().openStore();
    if (!store)
        return fail(store.error());
    const QString name = command.parser().positionalArguments().constFirst();
    core::Result<std::optional<UserRecord>> user = (*store)->findUser(name);
    if (!user)
        return fail(user.error());
    if (!*user)
        return fail(Failure, tr("no user %1").arg(name));
    const core::Result<core::Instrument> instrument = listedInstrument(**store, terms->symbol);
    if (!instrument)
        return fail(instrument.error());
    const core::Result<DealRecord> booked = DealDesk(**store).book(
        Actor::commandLine(), *instrument, { (*user)->id, name, 0, *terms, {} },
        QDateTime::currentDateTimeUtc());
    if (!booked)
        return fail(booked.error());
    printOut(tr("deal %1 booked: %2 %3 %4 at %5 with %6")
                 .arg(booked->deal.id, protocol::toString(terms->side), terms->quantity.toString(),
                      terms->symbol, terms->price.toString(), terms->counterparty)
             + appliedAs(**store));
    return Success;
}

int runDealList(const QStringList &arguments)
{
    SubcommandParser command(
        QStringLiteral("deal list [--user NAME] [--status live|cancelled] [--symbol SYMBOL] "
                       "[--json] --data-dir DIR"),
        tr("Lists the deals, newest first."));
    const QCommandLineOption user(QStringLiteral("user"), tr("Only this user's."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption status(QStringLiteral("status"), tr("live or cancelled."),
                                    QStringLiteral("STATUS"));
    const QCommandLineOption symbol(QStringLiteral("symbol"), tr("Only this contract's."),
                                    QStringLiteral("SYMBOL"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    for (const QCommandLineOption *option : { &user, &status, &symbol, &json })
        command.addOption(*option);
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    QCommandLineParser &parser = command.parser();
    DealStore::DealQuery query;
    query.symbol = parser.value(symbol);
    if (parser.isSet(status)) {
        query.status = protocol::dealStatusFromString(parser.value(status));
        if (!query.status)
            return fail(UsageError, tr("--status is live or cancelled"));
    }
    core::Result<std::unique_ptr<Store>> store = command.directory().openStore();
    if (!store)
        return fail(store.error());
    if (parser.isSet(user)) {
        core::Result<std::optional<UserRecord>> found = (*store)->findUser(parser.value(user));
        if (!found)
            return fail(found.error());
        if (!*found)
            return fail(Failure, tr("no user %1").arg(parser.value(user)));
        query.userId = (*found)->id;
    }
    core::Result<QList<DealRecord>> deals = (*store)->deals(query);
    if (!deals)
        return fail(deals.error());
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const DealRecord &deal : std::as_const(*deals))
            array.append(deal.deal.toJson());
        printJson(QJsonDocument(array));
        return Success;
    }
    printOut(QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9")
                 .arg(tr("ID"), -6)
                 .arg(tr("USER"), -12)
                 .arg(tr("SYMBOL"), -20)
                 .arg(tr("SIDE"), -4)
                 .arg(tr("QUANTITY"), 10)
                 .arg(tr("PRICE"), 10)
                 .arg(tr("TRADED"), -10)
                 .arg(tr("STATUS"), -9)
                 .arg(tr("COUNTERPARTY")));
    for (const DealRecord &record : std::as_const(*deals)) {
        const protocol::Deal &deal = record.deal;
        printOut(QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9")
                     .arg(deal.id, -6)
                     .arg(deal.username, -12)
                     .arg(deal.terms.symbol, -20)
                     .arg(protocol::toString(deal.terms.side), -4)
                     .arg(deal.terms.quantity.toString(), 10)
                     .arg(deal.terms.price.toString(), 10)
                     .arg(deal.terms.tradeDate.toString(Qt::ISODate), -10)
                     .arg(protocol::toString(deal.status), -9)
                     .arg(deal.terms.counterparty));
    }
    return Success;
}

int runDealCancel(const QStringList &arguments)
{
    SubcommandParser command(QStringLiteral("deal cancel ID --reason TEXT --data-dir DIR"),
                             tr("Cancels a deal (a deal is never deleted). Written to the audit "
                                "log; a running server takes it out of the position within its "
                                "settings poll."));
    command.addPositional(QStringLiteral("ID"), tr("The deal."));
    const QCommandLineOption reason(QStringLiteral("reason"), tr("Why."), QStringLiteral("TEXT"));
    command.addOption(reason);
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    const core::Result<protocol::DealCancel> cancel = protocol::DealCancel::fromJson(
        { { QStringLiteral("reason"), command.parser().value(reason) } });
    bool numeric = false;
    const qint64 id = command.parser().positionalArguments().constFirst().toLongLong(&numeric);
    if (!cancel || !numeric)
        return fail(UsageError, tr("ID is a deal's number and --reason is required"));
    core::Result<std::unique_ptr<Store>> store = command.directory().openStore();
    if (!store)
        return fail(store.error());
    const core::Result<DealRecord> cancelled = DealDesk(**store).cancel(
        Actor::commandLine(), 0, id, 0, cancel->reason, QDateTime::currentDateTimeUtc());
    if (!cancelled)
        return fail(cancelled.error());
    printOut(tr("deal %1 cancelled").arg(id) + appliedAs(**store));
    return Success;
}

std::optional<std::pair<QHostAddress, quint16>> parseListen(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return std::nullopt;
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool numeric = false;
    const uint port = text.mid(colon + 1).toUInt(&numeric);
    const QHostAddress address(host);
    if (address.isNull() || !numeric || port > 65535)
        return std::nullopt;
    return std::pair { address, quint16(port) };
}

/// serve's settings, for serve and for `config check` to show (see SubcommandParser::setting).
struct ServeSettings
{
    const QCommandLineOption listen { QStringLiteral("listen"),
                                      tr("Address and port (default 127.0.0.1:8787)."),
                                      QStringLiteral("HOST:PORT"),
                                      QStringLiteral("127.0.0.1:8787") };
    const QCommandLineOption simulate { QStringLiteral("simulate"),
                                        tr("Run a simulated market (a market maker and a taker) "
                                           "in every instrument, to trade against.") };
    const QCommandLineOption simulateSeed { QStringLiteral("simulate-seed"),
                                            tr("Seed of the simulated market (default 1)."),
                                            QStringLiteral("N"), QStringLiteral("1") };
    const QCommandLineOption simulateHistory {
        QStringLiteral("simulate-history-hours"),
        tr("Hours of history the simulated market trades before now when it has never traded "
           "(a fresh data directory), 0 to 168 (default 24)."),
        QStringLiteral("N"), QStringLiteral("24")
    };
    const QCommandLineOption priceBand { QStringLiteral("price-band-pct"),
                                         tr("Reject orders further than this percentage from the "
                                            "last trade; 0 turns the band off (default 20)."),
                                         QStringLiteral("PCT"), QStringLiteral("20") };
    const QCommandLineOption maxOrderLots { QStringLiteral("max-order-lots"),
                                            tr("Largest order in lots; 0 for no limit (default "
                                               "100000)."),
                                            QStringLiteral("N"), QStringLiteral("100000") };
    const QCommandLineOption documentMaxMb { QStringLiteral("document-max-mb"),
                                             tr("Largest document upload in MiB, 1 to 1024 "
                                                "(default 25): 413 beyond."),
                                             QStringLiteral("MB"), QStringLiteral("25") };
    const QCommandLineOption documentMaxPages { QStringLiteral("document-max-pages"),
                                                tr("Most pages a document may have, 1 to 10000 "
                                                   "(default 50): 422 beyond."),
                                                QStringLiteral("N"), QStringLiteral("50") };
    const QCommandLineOption ocrWorkers { QStringLiteral("ocr-workers"),
                                          tr("Processes reading documents, 1 to 64 (default: "
                                             "one per core)."),
                                          QStringLiteral("N"), QStringLiteral("0") };
    const QCommandLineOption cluster {
        QStringLiteral("cluster"),
        tr("Share the (PostgreSQL) database with other servers: match the books whose lock "
           "this server holds, forward orders for the others to their owners.")
    };
    const QCommandLineOption redis { QStringLiteral("redis"),
                                     tr("Redis for the cluster's events, redis://HOST:PORT[/DB] "
                                        "(default: $QX_REDIS)."),
                                     QStringLiteral("URL") };
    const QCommandLineOption advertise { QStringLiteral("advertise-url"),
                                         tr("Where the other servers reach this one (default: "
                                            "http://LISTEN-ADDRESS:PORT)."),
                                         QStringLiteral("URL") };
    const QCommandLineOption ownBooks { QStringLiteral("own-books"),
                                        tr("Symbol prefixes of the books this server takes first, "
                                           "comma-separated (e.g. DE.,FR.); it takes the others "
                                           "only when nobody has for a few seconds."),
                                        QStringLiteral("PREFIXES") };
    const QCommandLineOption loginFailures {
        QStringLiteral("max-login-failures"),
        tr("Failed sign-ins allowed per account and address (and ten times that per address) "
           "in 15 minutes before 429; 0 for no limit (default 10)."),
        QStringLiteral("N"), QStringLiteral("10")
    };
    const QCommandLineOption requestRate { QStringLiteral("max-requests-per-minute"),
                                           tr("Requests allowed per account and minute before "
                                              "429; 0 for no limit (default 3000)."),
                                           QStringLiteral("N"), QStringLiteral("3000") };
    const QCommandLineOption accessTokenSeconds {
        QStringLiteral("access-token-seconds"),
        tr("How long an access token lives, 5 to 86400; clients renew it with their refresh "
           "token (default 900)."),
        QStringLiteral("N"), QStringLiteral("900")
    };
    const QCommandLineOption tlsCert { QStringLiteral("tls-cert"),
                                       tr("Serve HTTPS only, with this PEM certificate (chain)."),
                                       QStringLiteral("FILE") };
    const QCommandLineOption tlsKey { QStringLiteral("tls-key"),
                                      tr("The certificate's PEM private key (RSA or EC)."),
                                      QStringLiteral("FILE") };
    const QCommandLineOption corsOrigin { QStringLiteral("cors-origin"),
                                          tr("A web origin whose pages may call the API, e.g. "
                                             "https://desk.example.com (repeatable; default: "
                                             "none, CORS off)."),
                                          QStringLiteral("ORIGIN") };

    const QCommandLineOption streamRate {
        QStringLiteral("stream-rate"),
        tr("Messages a second a stream client may send: N for every role, ROLE=N for one "
           "(repeatable or comma-separated, 1 to 100000; default 1000)."),
        QStringLiteral("[ROLE=]N")
    };

    QList<const QCommandLineOption *> all() const
    {
        return { &listen,     &simulate,      &simulateSeed,  &simulateHistory,
                 &priceBand,  &maxOrderLots,  &documentMaxMb, &documentMaxPages,
                 &ocrWorkers, &cluster,       &redis,         &advertise,
                 &ownBooks,   &loginFailures, &requestRate,   &accessTokenSeconds,
                 &tlsCert,    &tlsKey,        &corsOrigin,    &streamRate };
    }
};

int runServe(const QStringList &arguments)
{
    SubcommandParser command(QStringLiteral("serve --data-dir DIR --listen HOST:PORT"),
                             tr("Serves the REST API and the WebSocket stream (/api/v1/stream) "
                                "on one port. Port 0 picks a free one; the URL is printed."));
    const ServeSettings settings;
    for (const QCommandLineOption *option : settings.all())
        command.addOption(*option);
    // Not a setting (a file or the environment could make a service end at once): only a
    // program starting its own server passes it.
    const QCommandLineOption exitWithParent(
        QStringLiteral("exit-with-parent"),
        tr("End when the program that started this server ends (its standard input closes, "
           "or it dies): a bundled server."));
    command.addOption(exitWithParent);
    command.setSettingsSection(QStringLiteral("serve"));
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    const auto &[listen, simulate, simulateSeed, simulateHistory, priceBand, maxOrderLots,
                 documentMaxMb, documentMaxPages, ocrWorkers, cluster, redis, advertise, ownBooks,
                 loginFailures, requestRate, accessTokenSeconds, tlsCert, tlsKey, corsOrigin,
                 streamRate]
        = settings;
    ServerOptions options;
    bool seedOk = false, bandOk = false, lotsOk = false, failuresOk = false, rateOk = false;
    options.simulate = command.enabled(simulate);
    options.simulation.seed = command.setting(simulateSeed).toULongLong(&seedOk);
    options.rules.priceBandPercent = command.setting(priceBand).toInt(&bandOk);
    options.rules.maxOrderLots = command.setting(maxOrderLots).toLongLong(&lotsOk);
    const int failures = command.setting(loginFailures).toInt(&failuresOk);
    options.loginThrottles.failuresPerAccount.limit = failures;
    options.loginThrottles.failuresPerAddress.limit = failures * 10;
    options.requestsPerAccount.limit = command.setting(requestRate).toInt(&rateOk);
    if (!seedOk || !bandOk || !lotsOk || !failuresOk || !rateOk
        || options.rules.priceBandPercent < 0 || options.rules.maxOrderLots < 0 || failures < 0
        || failures > 100'000 || options.requestsPerAccount.limit < 0) {
        return fail(UsageError,
                    tr("--simulate-seed, --price-band-pct, --max-order-lots, "
                       "--max-login-failures and --max-requests-per-minute take whole "
                       "numbers of zero or more"));
    }
    bool megabytesOk = false, pagesOk = false, workersOk = false;
    const int megabytes = command.setting(documentMaxMb).toInt(&megabytesOk);
    options.documents.maxBytes = qint64(megabytes) * 1024 * 1024;
    options.documents.maxPages = command.setting(documentMaxPages).toInt(&pagesOk);
    options.ocrWorkers = command.setting(ocrWorkers).toInt(&workersOk);
    if (!megabytesOk || !pagesOk || !workersOk || megabytes < 1 || megabytes > 1024
        || options.documents.maxPages < 1 || options.documents.maxPages > 10'000
        || options.ocrWorkers < 0 || options.ocrWorkers > 64) {
        return fail(UsageError,
                    tr("--document-max-mb takes 1 to 1024, --document-max-pages 1 "
                       "to 10000 and --ocr-workers 1 to 64"));
    }
    bool historyOk = false;
    options.simulation.historyHours = command.setting(simulateHistory).toInt(&historyOk);
    if (!historyOk || options.simulation.historyHours < 0 || options.simulation.historyHours > 168)
        return fail(UsageError, tr("--simulate-history-hours takes 0 to 168"));
    bool lifetimeOk = false;
    options.accessTokenSeconds = command.setting(accessTokenSeconds).toInt(&lifetimeOk);
    if (!lifetimeOk || options.accessTokenSeconds < 5 || options.accessTokenSeconds > 86'400)
        return fail(UsageError, tr("--access-token-seconds takes 5 to 86400"));
    options.cluster = command.enabled(cluster);
    options.redisUrl = command.setting(redis);
    if (!options.redisUrl.isEmpty()) {
        if (core::Result<void> valid = RedisClient::checkUrl(options.redisUrl); !valid)
            return fail(UsageError, valid.error().message);
        if (!options.cluster)
            return fail(UsageError, tr("--redis is shared by the servers of a --cluster"));
    }
    if (command.has(advertise)) {
        options.advertisedUrl = QUrl(command.setting(advertise), QUrl::StrictMode);
        if (!options.advertisedUrl.isValid() || options.advertisedUrl.scheme() != u"http")
            return fail(UsageError, tr("--advertise-url must be http://HOST:PORT"));
    }
    if (command.has(tlsCert) != command.has(tlsKey))
        return fail(UsageError, tr("--tls-cert and --tls-key go together"));
    if (command.has(tlsCert) && command.enabled(cluster)) {
        // The servers forward to each other over HTTP: not yet over TLS.
        return fail(UsageError,
                    tr("a --cluster does not serve TLS itself yet: put a TLS "
                       "proxy in front of its servers"));
    }
    if (command.has(tlsCert)) {
        core::Result<QSslConfiguration> tlsConfiguration
            = tls::serverConfiguration(command.setting(tlsCert), command.setting(tlsKey));
        if (!tlsConfiguration)
            return fail(UsageError, tlsConfiguration.error().message);
        options.tls = *tlsConfiguration;
    }
    for (const QString &origin : command.settings(corsOrigin)) {
        const QUrl url(origin, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http")
            || url.host().isEmpty() || !url.path().isEmpty() || origin.endsWith(u'/')) {
            return fail(UsageError,
                        tr("--cors-origin takes an origin: scheme, host and port, e.g. "
                           "https://desk.example.com"));
        }
        options.corsOrigins.append(origin);
    }
    for (const QString &rate : command.settings(streamRate)) {
        const qsizetype equals = rate.indexOf(u'=');
        const QString role = equals < 0 ? QString() : rate.left(equals).trimmed();
        bool numeric = false;
        const int perSecond = rate.mid(equals + 1).trimmed().toInt(&numeric);
        if (!numeric || perSecond < 1 || perSecond > 100'000
            || (equals >= 0 && !roleNames().contains(role))) {
            return fail(UsageError,
                        tr("--stream-rate takes N or ROLE=N, N from 1 to 100000 and ROLE one of "
                           "%1")
                            .arg(roleNames().join(u", ")));
        }
        if (role.isEmpty())
            options.streamRates.perSecond = perSecond;
        else
            options.streamRates.byRole.insert(role, perSecond);
    }
    if (command.has(ownBooks))
        options.preferredProducts = command.setting(ownBooks).split(u',', Qt::SkipEmptyParts);
    const auto endpoint = parseListen(command.setting(listen));
    if (!endpoint)
        return fail(UsageError,
                    tr("--listen must be HOST:PORT with an IP address, e.g. "
                       "127.0.0.1:8787"));
    core::Result<std::unique_ptr<Server>> server = Server::create(command.directory(), options);
    if (!server)
        return fail(server.error());
    core::Result<quint16> port = (*server)->listen(endpoint->first, endpoint->second);
    if (!port)
        return fail(port.error());
    QString host = endpoint->first.toString();
    if (endpoint->first.protocol() == QAbstractSocket::IPv6Protocol)
        host = u'[' + host + u']';
    const QString url
        = (options.tls ? u"https://" : u"http://") + host + u':' + QString::number(*port);
    // Where `status` finds it.
    QFile where(QDir(command.dataDir()).filePath(QStringLiteral("server.url")));
    if (!where.open(QIODevice::WriteOnly | QIODevice::Truncate) || where.write(url.toUtf8()) < 0)
        qWarning().noquote() << "cannot write" << where.fileName() << where.errorString();
    where.close();
    ParentWatch parentWatch;
    if (command.parser().isSet(exitWithParent)) {
        QObject::connect(&parentWatch, &ParentWatch::parentGone, QCoreApplication::instance(), [] {
            qInfo("the program that started this server has ended: stopping");
            QCoreApplication::quit();
        });
        if (!parentWatch.start())
            qWarning("cannot watch standard input for the parent's end");
    }
    printOut(tr("listening on %1").arg(url));
    return QCoreApplication::exec();
}

int runStatus(const QStringList &arguments)
{
    SubcommandParser command(
        QStringLiteral("status [--url URL] [--json] --data-dir DIR"),
        tr("Asks the running server of the data directory (or at URL) how it is: exit 0 and "
           "its health if it answers, 1 if not."));
    const QCommandLineOption url(QStringLiteral("url"),
                                 tr("The server (default: where the data "
                                    "directory's server last listened)."),
                                 QStringLiteral("URL"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    command.addOption(url);
    command.addOption(json);
    if (std::optional<int> stop = command.parse(arguments, false))
        return *stop;
    QString target = command.parser().value(url);
    if (target.isEmpty()) {
        QFile where(QDir(command.dataDir()).filePath(QStringLiteral("server.url")));
        if (command.dataDir().isEmpty() || !where.open(QIODevice::ReadOnly))
            return fail(Failure, tr("no server has listened for this data directory: give --url"));
        target = QString::fromUtf8(where.readAll()).trimmed();
    }
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(target).resolved(QUrl(QStringLiteral("/healthz"))));
    request.setTransferTimeout(5000);
    // A server with the data directory's self-signed certificate is trusted by it.
    const QString ownCertificate = command.directory().tlsCertificatePath();
    if (QUrl(target).scheme() == u"https" && !command.dataDir().isEmpty()
        && QFile::exists(ownCertificate)) {
        QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
        trusting.addCaCertificates(QSslCertificate::fromPath(ownCertificate));
        request.setSslConfiguration(trusting);
    }
    QNetworkReply *reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    const QJsonObject health = QJsonDocument::fromJson(reply->readAll()).object();
    if (reply->error() != QNetworkReply::NoError || health.value(u"status").toString() != u"ok") {
        return fail(Failure,
                    tr("the server at %1 does not answer: %2").arg(target, reply->errorString()));
    }
    QJsonObject report = health;
    report.insert(QStringLiteral("url"), target);
    if (command.parser().isSet(json)) {
        printJson(QJsonDocument(report));
    } else {
        printOut(tr("%1: %2, version %3, configuration version %4")
                     .arg(target, health.value(u"status").toString(),
                          health.value(u"version").toString())
                     .arg(health.value(u"config_version").toInteger()));
    }
    return Success;
}

int runBackup(const QStringList &arguments)
{
    SubcommandParser command(QStringLiteral("backup --out FILE --data-dir DIR"),
                             tr("Writes a consistent copy of the whole database to a new file "
                                "while the server may keep running (SQLite's online backup; "
                                "pg_dump's custom format for PostgreSQL)."));
    const QCommandLineOption out(QStringLiteral("out"), tr("The new backup file."),
                                 QStringLiteral("FILE"));
    command.addOption(out);
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    const QString file = command.parser().value(out);
    if (file.isEmpty())
        return fail(UsageError, tr("--out FILE is required"));
    core::Result<std::unique_ptr<SqlStore>> store = command.directory().openSqlStore();
    if (!store)
        return fail(store.error());
    if (core::Result<void> saved = (*store)->backup(file); !saved)
        return fail(saved.error());
    printOut(tr("backed up to %1").arg(file));
    return Success;
}

int runMigrate(const QStringList &arguments)
{
    SubcommandParser command(QStringLiteral("migrate [--status [--json]] --data-dir DIR"),
                             tr("Brings the database's schema up to date (every server also does "
                                "on start), or with --status lists each migration and when it "
                                "was applied, changing nothing."));
    const QCommandLineOption status(QStringLiteral("status"),
                                    tr("List the migrations; apply none."));
    const QCommandLineOption json(QStringLiteral("json"), tr("With --status: print JSON."));
    command.addOption(status);
    command.addOption(json);
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    core::Result<std::unique_ptr<SqlStore>> store
        = command.directory().openSqlStore(SqlStore::Migration::Leave);
    if (!store)
        return fail(store.error());
    core::Result<QList<SchemaMigrations::State>> before
        = SchemaMigrations((*store)->database()).list();
    if (!before)
        return fail(before.error());
    const auto pending = [](const QList<SchemaMigrations::State> &states) {
        return std::count_if(
            states.cbegin(), states.cend(),
            [](const SchemaMigrations::State &state) { return !state.appliedAt.isValid(); });
    };
    if (!command.parser().isSet(status)) {
        if (core::Result<void> migrated = (*store)->migrate(); !migrated)
            return fail(migrated.error());
        core::Result<int> version = (*store)->schemaVersion();
        if (!version)
            return fail(version.error());
        printOut(QCoreApplication::translate("qx::server::CommandLine",
                                             "applied %n migration(s): schema version %1", nullptr,
                                             int(pending(*before)))
                     .arg(*version));
        return Success;
    }
    if (command.parser().isSet(json)) {
        QJsonArray list;
        for (const SchemaMigrations::State &state : std::as_const(*before)) {
            list.append(QJsonObject { { QStringLiteral("version"), state.version },
                                      { QStringLiteral("name"), state.name },
                                      { QStringLiteral("applied_at"),
                                        state.appliedAt.isValid()
                                            ? QJsonValue(state.appliedAt.toString(Qt::ISODate))
                                            : QJsonValue() },
                                      { QStringLiteral("known"), state.known } });
        }
        printJson(QJsonDocument(list));
        return Success;
    }
    QStringList lines;
    for (const SchemaMigrations::State &state : std::as_const(*before)) {
        QString when = state.appliedAt.isValid()
            ? state.appliedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"))
            : tr("pending");
        if (!state.known)
            when += u' ' + tr("(from a newer build)");
        lines.append(QStringLiteral("%1  %2  %3")
                         .arg(state.version, 4, 10, QLatin1Char('0'))
                         .arg(state.name, -32)
                         .arg(when));
    }
    lines.append(QCoreApplication::translate("qx::server::CommandLine", "%n migration(s) pending",
                                             nullptr, int(pending(*before))));
    printOut(lines.join(u'\n'));
    return Success;
}

int runRestore(const QStringList &arguments)
{
    SubcommandParser command(QStringLiteral("restore --from FILE [--force] --data-dir DIR"),
                             tr("Replaces the whole database with a backup made by \"backup\". "
                                "Stop the server first. A database that holds users is only "
                                "overwritten with --force."));
    const QCommandLineOption from(QStringLiteral("from"), tr("The backup file."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption force(QStringLiteral("force"),
                                   tr("Overwrite a database that holds data."));
    command.addOption(from);
    command.addOption(force);
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    const QString file = command.parser().value(from);
    if (file.isEmpty())
        return fail(UsageError, tr("--from FILE is required"));
    // Never under a running server's feet.
    if (core::Result<void> free = ServingLock::checkFree(command.dataDir()); !free)
        return fail(free.error());
    core::Result<std::unique_ptr<SqlStore>> store = command.directory().openSqlStore();
    if (!store)
        return fail(store.error());
    core::Result<QList<UserRecord>> users = (*store)->users();
    if (!users)
        return fail(users.error());
    if (!users->isEmpty() && !command.parser().isSet(force)) {
        return fail(Failure,
                    QCoreApplication::translate(
                        "qx::server::CommandLine",
                        "the database holds %n user(s); restoring replaces everything "
                        "in it: add --force to do so",
                        nullptr, int(users->size())));
    }
    if (core::Result<void> restored = (*store)->restore(file); !restored)
        return fail(restored.error());
    printOut(tr("restored from %1").arg(file));
    return Success;
}

using Action = int (*)(const QStringList &);

int runKeysRotate(const QStringList &arguments)
{
    SubcommandParser command(
        QStringLiteral("keys rotate --data-dir DIR"),
        tr("Replaces the token signing key with a new one. Tokens signed with the old key stay "
           "valid until they expire (its public key is kept); a running server takes the new "
           "key within a second. In a cluster, copy signing-key-ed25519.pem and "
           "signing-keys-retired/ to every server's data directory."));
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    const DataDirectory directory = command.directory();
    core::Result<QString> keyId = TokenSigner::rotateKeyFile(directory.signingKeyPath());
    if (!keyId)
        return fail(keyId.error());
    // The cluster's servers check at start that they sign with the cluster's key.
    core::Result<std::unique_ptr<SqlStore>> store = directory.openSqlStore();
    if (!store)
        return fail(store.error());
    if (core::Result<void> recorded
        = (*store)->setClusterSetting(QStringLiteral("signing_key_id"), *keyId);
        !recorded)
        return fail(recorded.error());
    if (core::Result<void> audited = (*store)->appendAudit({ 0,
                                                             {},
                                                             QStringLiteral("cli"),
                                                             QStringLiteral("local"),
                                                             QStringLiteral("keys_rotated"),
                                                             *keyId,
                                                             {},
                                                             {} });
        !audited)
        return fail(audited.error());
    printOut(tr("signing key rotated: key id %1").arg(*keyId));
    return Success;
}

int runAuditList(const QStringList &arguments)
{
    SubcommandParser command(QStringLiteral("audit list [--after ID] [--limit N] [--json] "
                                            "--data-dir DIR"),
                             tr("Lists the audit log, oldest first."));
    const QCommandLineOption after(QStringLiteral("after"), tr("Only entries after this id."),
                                   QStringLiteral("ID"), QStringLiteral("0"));
    const QCommandLineOption limit(QStringLiteral("limit"), tr("At most this many (default 100)."),
                                   QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    for (const QCommandLineOption *option : { &after, &limit, &json })
        command.addOption(*option);
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    bool afterOk = false, limitOk = false;
    const qint64 from = command.parser().value(after).toLongLong(&afterOk);
    const int count = command.parser().value(limit).toInt(&limitOk);
    if (!afterOk || !limitOk || from < 0 || count <= 0)
        return fail(UsageError, tr("--after and --limit take whole numbers"));
    core::Result<std::unique_ptr<Store>> store = command.directory().openStore();
    if (!store)
        return fail(store.error());
    core::Result<QList<AuditEntry>> entries = (*store)->auditEntries(from, count);
    if (!entries)
        return fail(entries.error());
    QJsonArray list;
    for (const AuditEntry &entry : std::as_const(*entries)) {
        if (!command.parser().isSet(json)) {
            printOut(QStringLiteral("%1  %2  %3 from %4: %5 %6 %7")
                         .arg(entry.id)
                         .arg(entry.at.toString(Qt::ISODateWithMs), entry.actor, entry.source,
                              entry.action, entry.target, entry.detail)
                         .trimmed());
            continue;
        }
        list.append(toJson(entry));
    }
    if (command.parser().isSet(json))
        printJson(QJsonDocument(list));
    return Success;
}

int runAuditVerify(const QStringList &arguments)
{
    SubcommandParser command(QStringLiteral("audit verify --data-dir DIR"),
                             tr("Recomputes the audit log's hash chains, administration and "
                                "trading: exit 0 if every entry is as written, 1 with the first "
                                "entry that is not."));
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    core::Result<std::unique_ptr<SqlStore>> store = command.directory().openSqlStore();
    if (!store)
        return fail(store.error());
    core::Result<std::optional<std::int64_t>> broken = (*store)->verifyAudit();
    if (!broken)
        return fail(broken.error());
    if (*broken) {
        return fail(Failure,
                    tr("the audit log was tampered with: entry %1 (or one just before "
                       "it) was changed, removed or inserted")
                        .arg(**broken));
    }
    core::Result<std::optional<QString>> ordersBroken = (*store)->verifyOrderAudit();
    if (!ordersBroken)
        return fail(ordersBroken.error());
    if (*ordersBroken) {
        return fail(Failure,
                    tr("the trading audit log was tampered with: %1 (or one just before it) "
                       "was changed, removed or inserted")
                        .arg(**ordersBroken));
    }
    printOut(tr("audit log intact"));
    return Success;
}

int runAuditOrders(const QStringList &arguments)
{
    SubcommandParser command(QStringLiteral("audit orders [--from TIME] [--to TIME] [--order ID] "
                                            "[--user NAME] [--limit N] [--json] --data-dir DIR"),
                             tr("Lists the trading commands (orders placed, changed, cancelled) "
                                "with who made them and from where, oldest first."));
    const QCommandLineOption from(QStringLiteral("from"),
                                  tr("ISO 8601 start (default: an hour before --to)."),
                                  QStringLiteral("TIME"));
    const QCommandLineOption to(QStringLiteral("to"), tr("ISO 8601 end (default: now)."),
                                QStringLiteral("TIME"));
    const QCommandLineOption order(QStringLiteral("order"), tr("Only this order."),
                                   QStringLiteral("ID"));
    const QCommandLineOption user(QStringLiteral("user"), tr("Only this user."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption limit(QStringLiteral("limit"), tr("At most this many (default 100)."),
                                   QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    for (const QCommandLineOption *option : { &from, &to, &order, &user, &limit, &json })
        command.addOption(*option);
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    QCommandLineParser &parser = command.parser();
    const QDateTime end = parser.isSet(to) ? core::protocol::fromWireTime(parser.value(to))
                                           : QDateTime::currentDateTimeUtc();
    const QDateTime start = parser.isSet(from) ? core::protocol::fromWireTime(parser.value(from))
                                               : end.addSecs(-3600);
    bool limitOk = false;
    const int count = parser.value(limit).toInt(&limitOk);
    if (!start.isValid() || !end.isValid() || start > end || !limitOk || count < 1)
        return fail(UsageError,
                    tr("--from and --to take ISO 8601 times in order, --limit a "
                       "whole number"));
    core::Result<std::unique_ptr<Store>> store = command.directory().openStore();
    if (!store)
        return fail(store.error());
    core::Result<QList<AuditEntry>> entries
        = (*store)->orderAudit({ start.toMSecsSinceEpoch(), end.toMSecsSinceEpoch(), count,
                                 parser.value(order), parser.value(user) });
    if (!entries)
        return fail(entries.error());
    QJsonArray list;
    for (const AuditEntry &entry : std::as_const(*entries)) {
        if (!parser.isSet(json)) {
            printOut(QStringLiteral("%1  %2 from %3: %4 %5 %6")
                         .arg(entry.at.toString(Qt::ISODateWithMs), entry.actor, entry.source,
                              entry.action, entry.target, entry.detail));
            continue;
        }
        list.append(QJsonObject { { QStringLiteral("at"), entry.at.toString(Qt::ISODateWithMs) },
                                  { QStringLiteral("user"), entry.actor },
                                  { QStringLiteral("source"), entry.source },
                                  { QStringLiteral("action"), entry.action },
                                  { QStringLiteral("order_id"), entry.target },
                                  { QStringLiteral("detail"), entry.detail } });
    }
    if (parser.isSet(json))
        printJson(QJsonDocument(list));
    return Success;
}

// A URL as it may be printed: its password, if any, masked.
QString masked(const QString &url)
{
    QUrl parsed(url);
    if (!parsed.isValid() || parsed.password().isEmpty())
        return url;
    parsed.setPassword(QStringLiteral("***"));
    return parsed.toString();
}

int runConfigCheck(const QStringList &arguments)
{
    SubcommandParser command(
        QStringLiteral("config check [--json] --data-dir DIR"),
        tr("Prints the configuration in effect, secrets masked: where the data directory and "
           "the database are (and what chose the database: --database, QX_DATABASE, the "
           "configuration file or the default), Redis (QX_REDIS), the signing key, the schema; "
           "then checks that the database opens, is durable and is up to date (exit 1 if "
           "not)."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    command.addOption(json);
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    const DataDirectory directory = command.directory();
    const bool flagged = command.parser().isSet(QStringLiteral("database"));
    const QString source = flagged                       ? QStringLiteral("--database")
        : !qEnvironmentVariable("QX_DATABASE").isEmpty() ? QStringLiteral("QX_DATABASE")
        : QSettings(directory.configPath(), QSettings::IniFormat)
              .contains(QStringLiteral("database/url"))
        ? QStringLiteral("configuration file")
        : QStringLiteral("default");
    QJsonObject report { { QStringLiteral("data_dir"), directory.path() },
                         { QStringLiteral("database"), masked(directory.databaseUrl()) },
                         { QStringLiteral("database_from"), source } };
    // What `serve` would run with, and where each setting comes from.
    command.setSettingsSection(QStringLiteral("serve"));
    const ServeSettings serve;
    QJsonObject served;
    for (const QCommandLineOption *option : serve.all()) {
        const QString name = option->names().constLast();
        QJsonValue value;
        if (option->valueName().isEmpty())
            value = command.enabled(*option);
        else if (option == &serve.corsOrigin)
            value = QJsonArray::fromStringList(command.settings(*option));
        else if (option == &serve.redis)
            value = masked(command.setting(*option));
        else
            value = command.setting(*option);
        served.insert(name,
                      QJsonObject { { QStringLiteral("value"), value },
                                    { QStringLiteral("from"), command.sourceOf(*option) } });
    }
    report.insert(QStringLiteral("serve"), served);
    QStringList problems;
    if (core::Result<TokenSigner> signer = TokenSigner::fromKeyFile(directory.signingKeyPath()))
        report.insert(QStringLiteral("signing_key_id"), signer->keyId());
    else
        problems.append(signer.error().message);
    core::Result<std::unique_ptr<SqlStore>> store
        = directory.openSqlStore(SqlStore::Migration::Leave);
    if (!store) {
        problems.append(store.error().message);
    } else if (core::Result<QList<SchemaMigrations::State>> migrations
               = SchemaMigrations((*store)->database()).list();
               !migrations) {
        problems.append(migrations.error().message);
    } else {
        const auto pending = std::count_if(
            migrations->cbegin(), migrations->cend(),
            [](const SchemaMigrations::State &state) { return !state.appliedAt.isValid(); });
        report.insert(QStringLiteral("schema_version"), *(*store)->schemaVersion());
        report.insert(QStringLiteral("pending_migrations"), qint64(pending));
        if (pending > 0)
            problems.append(QCoreApplication::translate("qx::server::CommandLine",
                                                        "%n migration(s) pending: run migrate",
                                                        nullptr, int(pending)));
    }
    report.insert(QStringLiteral("problems"), QJsonArray::fromStringList(problems));
    if (command.parser().isSet(json)) {
        printJson(QJsonDocument(report));
    } else {
        for (auto it = served.constBegin(); it != served.constEnd(); ++it) {
            const QJsonObject setting = it->toObject();
            const QJsonValue value = setting.value(u"value");
            printOut(QStringLiteral("%1 %2 (%3)")
                         .arg(u"serve." + it.key() + u':', -32)
                         .arg(value.isArray() ? value.toVariant().toStringList().join(u", ")
                                              : value.toVariant().toString(),
                              setting.value(u"from").toString()));
        }
        for (auto it = report.constBegin(); it != report.constEnd(); ++it) {
            if (it.key() != u"problems" && it.key() != u"serve")
                printOut(QStringLiteral("%1 %2")
                             .arg(it.key() + u':', -20)
                             .arg(it->toVariant().toString()));
        }
        for (const QString &problem : std::as_const(problems))
            printOut(tr("problem: %1").arg(problem));
    }
    return problems.isEmpty() ? Success : Failure;
}

/// One command of the CLI: its words ("serve", or a group and an action: "user add"), what it
/// does in a line, and what runs it.
struct Command
{
    QLatin1StringView name;
    const char *summary; ///< translated in the context qx::server::CommandLine
    Action run;
};

/// Every command, in the order --help lists them: dispatch and the overview both come from
/// here, so a command cannot be reachable and unlisted, or listed and unreachable.
const std::array kCommands {
    Command { "init"_L1,
              QT_TRANSLATE_NOOP("qx::server::CommandLine", "create or update a data directory"),
              runInit },
    Command {
        "serve"_L1,
        QT_TRANSLATE_NOOP("qx::server::CommandLine", "serve the REST API and the WebSocket stream"),
        runServe },
    Command { "status"_L1,
              QT_TRANSLATE_NOOP("qx::server::CommandLine", "ask a running server how it is"),
              runStatus },
    Command {
        "user add"_L1,
        QT_TRANSLATE_NOOP("qx::server::CommandLine", "add a user (password on standard input)"),
        runUserAdd },
    Command { "user list"_L1, QT_TRANSLATE_NOOP("qx::server::CommandLine", "list the users"),
              runUserList },
    Command { "user show"_L1, QT_TRANSLATE_NOOP("qx::server::CommandLine", "show one user"),
              runUserShow },
    Command {
        "user disable"_L1,
        QT_TRANSLATE_NOOP("qx::server::CommandLine", "stop a user signing in; end their tokens"),
        runUserDisable },
    Command { "user enable"_L1,
              QT_TRANSLATE_NOOP("qx::server::CommandLine", "let a disabled user sign in again"),
              runUserEnable },
    Command { "user set-role"_L1,
              QT_TRANSLATE_NOOP("qx::server::CommandLine", "change a user's role"),
              runUserSetRole },
    Command { "user reset-password"_L1,
              QT_TRANSLATE_NOOP("qx::server::CommandLine",
                                "set a user's password (on standard "
                                "input)"),
              runUserResetPassword },
    Command {
        "user reset-mfa"_L1,
        QT_TRANSLATE_NOOP("qx::server::CommandLine", "turn a user's multi-factor sign-in off"),
        runUserResetMfa },
    Command { "apikey create"_L1,
              QT_TRANSLATE_NOOP("qx::server::CommandLine", "make an API key for a user's program"),
              runApiKeyCreate },
    Command { "apikey list"_L1, QT_TRANSLATE_NOOP("qx::server::CommandLine", "list the API keys"),
              runApiKeyList },
    Command { "apikey revoke"_L1, QT_TRANSLATE_NOOP("qx::server::CommandLine", "revoke an API key"),
              runApiKeyRevoke },
    Command { "limits set"_L1,
              QT_TRANSLATE_NOOP("qx::server::CommandLine",
                                "set a trader's pre-trade limits for a product"),
              runLimitsSet },
    Command { "limits list"_L1,
              QT_TRANSLATE_NOOP("qx::server::CommandLine", "list a trader's pre-trade limits"),
              runLimitsList },
    Command { "credit set"_L1,
              QT_TRANSLATE_NOOP("qx::server::CommandLine",
                                "set a counterparty's credit line in a currency"),
              runCreditSet },
    Command { "credit list"_L1,
              QT_TRANSLATE_NOOP("qx::server::CommandLine", "list the credit lines"),
              runCreditList },
    Command {
        "deal book"_L1,
        QT_TRANSLATE_NOOP("qx::server::CommandLine", "book a bilateral deal in a user's position"),
        runDealBook },
    Command { "deal list"_L1, QT_TRANSLATE_NOOP("qx::server::CommandLine", "list the deals"),
              runDealList },
    Command { "deal cancel"_L1, QT_TRANSLATE_NOOP("qx::server::CommandLine", "cancel a deal"),
              runDealCancel },
    Command {
        "settle"_L1,
        QT_TRANSLATE_NOOP("qx::server::CommandLine", "record an instrument's settlement price"),
        runSettle },
    Command { "backup"_L1,
              QT_TRANSLATE_NOOP("qx::server::CommandLine",
                                "copy the whole database to a file, while serving"),
              runBackup },
    Command { "restore"_L1,
              QT_TRANSLATE_NOOP("qx::server::CommandLine", "replace the database with a backup"),
              runRestore },
    Command { "migrate"_L1,
              QT_TRANSLATE_NOOP("qx::server::CommandLine",
                                "bring the schema up to date, or list migrations"),
              runMigrate },
    Command { "keys rotate"_L1,
              QT_TRANSLATE_NOOP("qx::server::CommandLine",
                                "replace the token signing key (old tokens "
                                "stay valid)"),
              runKeysRotate },
    Command { "audit list"_L1, QT_TRANSLATE_NOOP("qx::server::CommandLine", "list the audit log"),
              runAuditList },
    Command { "audit verify"_L1,
              QT_TRANSLATE_NOOP("qx::server::CommandLine", "check the audit log's hash chains"),
              runAuditVerify },
    Command { "audit orders"_L1,
              QT_TRANSLATE_NOOP("qx::server::CommandLine", "list the audited order commands"),
              runAuditOrders },
    Command { "notify channel set"_L1,
              QT_TRANSLATE_NOOP("qx::server::CommandLine",
                                "configure a notification channel (secrets on standard input)"),
              runNotifyChannelSet },
    Command { "notify channel show"_L1,
              QT_TRANSLATE_NOOP("qx::server::CommandLine",
                                "list the notification channels, secrets masked"),
              runNotifyChannelShow },
    Command {
        "notify channel test"_L1,
        QT_TRANSLATE_NOOP("qx::server::CommandLine", "send a test message through a channel, now"),
        runNotifyChannelTest },
    Command { "notify contact set"_L1,
              QT_TRANSLATE_NOOP("qx::server::CommandLine", "set how a user is notified"),
              runNotifyContactSet },
    Command { "notify send-test"_L1,
              QT_TRANSLATE_NOOP("qx::server::CommandLine",
                                "send a user a test notification through the outbox"),
              runNotifySendTest },
    Command {
        "notify dlq list"_L1,
        QT_TRANSLATE_NOOP("qx::server::CommandLine", "list dead letters and messages in doubt"),
        runNotifyDlqList },
    Command { "notify dlq retry"_L1,
              QT_TRANSLATE_NOOP("qx::server::CommandLine",
                                "send dead letters or messages in doubt again"),
              runNotifyDlqRetry },
    Command { "notify dlq discard"_L1,
              QT_TRANSLATE_NOOP("qx::server::CommandLine",
                                "give up on dead letters or messages in doubt"),
              runNotifyDlqDiscard },
    Command { "notify status"_L1,
              QT_TRANSLATE_NOOP("qx::server::CommandLine",
                                "queue depth and breaker state per notification channel"),
              runNotifyStatus },
    Command { "config check"_L1,
              QT_TRANSLATE_NOOP("qx::server::CommandLine",
                                "print the configuration in effect, secrets "
                                "masked"),
              runConfigCheck },
};

void printOverview()
{
    QString text = tr("Usage: quantenergx-server COMMAND [OPTIONS]\n\nCommands:\n");
    for (const Command &command : kCommands) {
        text += u"  "_s + QString(command.name).leftJustified(21) + u' ' + tr(command.summary)
            + u'\n';
    }
    text += tr("\nEvery command takes --data-dir DIR (or QX_DATA_DIR) and --help.\n"
               "Exit status: 0 success, 1 failure, 2 usage error.");
    printOut(text);
}

} // namespace

int runCommandLine(const QStringList &arguments)
{
    const QString first = arguments.value(1);
    if (first == u"--help" || first == u"-h" || first == u"help") {
        printOverview();
        return Success;
    }
    if (first == u"--version") {
        printOut(QCoreApplication::applicationName() + u' '
                 + QCoreApplication::applicationVersion());
        return Success;
    }
    if (first.isEmpty())
        return fail(UsageError, tr("a command is required (see --help)"));
    // A command of one word, or of a group and its action (one or two words: "user add",
    // "notify channel set"): each gets the words after its name.
    for (const Command &command : kCommands) {
        const QStringList words = QString(command.name).split(u' ');
        if (arguments.mid(1, words.size()) == words)
            return command.run(arguments.mid(words.size()));
    }
    const QString action = arguments.value(2);
    const QString group = first + u' ';
    QStringList actions;
    for (const Command &command : kCommands) {
        if (command.name.startsWith(group))
            actions.append(command.name.sliced(group.size()));
    }
    if (actions.isEmpty())
        return fail(UsageError, tr("unknown command \"%1\" (see --help)").arg(first));
    const QString usage = tr("Usage: quantenergx-server %1 %2 ... (see %1 %3 --help)")
                              .arg(first, actions.join(u'|'), actions.first());
    if (action == u"--help" || action == u"-h") {
        printOut(usage);
        return Success;
    }
    return fail(UsageError, usage);
}

} // namespace qx::server
