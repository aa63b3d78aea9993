#include "server/cli/notifycommands.h"

#include "core/protocol/notifications.h"
#include "server/auth/secretbox.h"
#include "server/cli/subcommand.h"
#include "server/notifications/adminview.h"
#include "server/notifications/channelconfig.h"
#include "server/notifications/channels.h"
#include "server/notifications/planning.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QThread>
#include <QUuid>

#include <algorithm>

namespace qx::server::cli {

namespace protocol = core::protocol;

using namespace Qt::StringLiterals;

namespace {

// The channel named `name`, one that is configured (not the inbox).
std::optional<core::notifications::Channel> configurableChannel(const QString &name)
{
    const auto channel = core::notifications::channelFromString(name);
    if (!channel || *channel == core::notifications::Channel::InApp)
        return std::nullopt;
    return channel;
}

core::Result<void> auditNotify(Store &store, const QString &action, const QString &target,
                               const QJsonObject &detail)
{
    return store.appendAudit(auditEntry(Actor::commandLine(), action, target, detail));
}

} // namespace

int runNotifyChannelSet(const QStringList &arguments)
{
    SubcommandParser command(
        QStringLiteral(
            "notify channel set --channel email|sms|telegram|whatsapp [--enable|--disable] "
            "[--set KEY=VALUE]... [--secrets-stdin] --data-dir DIR"),
        tr("Configures a notification channel: on or off, its settings (--set, repeated; an "
           "empty value removes one; notify channel show lists the keys) and, with "
           "--secrets-stdin, secrets as a JSON object on standard input, e.g. "
           "{\"token\": \"...\"} (a key given replaces that secret, null removes it, the "
           "others stay), sealed with the server's secrets key and never shown again. "
           "A channel is enabled only when it can send as configured. Running servers take "
           "the change within a few seconds. Written to the audit log, without the secrets."));
    const QCommandLineOption channelOption(QStringLiteral("channel"), tr("The channel."),
                                           QStringLiteral("NAME"));
    const QCommandLineOption enable(QStringLiteral("enable"), tr("Send on it."));
    const QCommandLineOption disable(QStringLiteral("disable"), tr("Stop sending on it."));
    const QCommandLineOption set(QStringLiteral("set"), tr("A setting, KEY=VALUE."),
                                 QStringLiteral("KEY=VALUE"));
    const QCommandLineOption secretsStdin(QStringLiteral("secrets-stdin"),
                                          tr("Read the secrets (JSON) from standard input."));
    for (const QCommandLineOption &option : { channelOption, enable, disable, set, secretsStdin })
        command.addOption(option);
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    QCommandLineParser &parser = command.parser();
    const std::optional<core::notifications::Channel> channel
        = configurableChannel(parser.value(channelOption));
    if (!channel)
        return fail(UsageError, tr("--channel must be email, sms, telegram or whatsapp"));
    if (parser.isSet(enable) && parser.isSet(disable))
        return fail(UsageError, tr("--enable and --disable together"));
    const QString name = core::notifications::toString(*channel);
    ChannelChange change;
    if (parser.isSet(enable) || parser.isSet(disable))
        change.enabled = parser.isSet(enable);
    for (const QString &pair : parser.values(set)) {
        const qsizetype equals = pair.indexOf(u'=');
        if (equals <= 0)
            return fail(UsageError, tr("--set takes KEY=VALUE, not %1").arg(pair));
        change.settings.insert(pair.left(equals).trimmed(), pair.mid(equals + 1).trimmed());
    }
    if (parser.isSet(secretsStdin)) {
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly))
            return fail(Failure, tr("standard input cannot be read"));
        const QJsonDocument document = QJsonDocument::fromJson(input.read(64 * 1024));
        if (!document.isObject())
            return fail(UsageError,
                        tr("the secrets must be a JSON object, e.g. {\"%1\": \"...\"}")
                            .arg(channelSchema(*channel).secrets.value(0)));
        const QJsonObject given = document.object();
        for (auto it = given.constBegin(); it != given.constEnd(); ++it) {
            if (!it.value().isString() && !it.value().isNull())
                return fail(UsageError, tr("each secret must be a string (or null to remove it)"));
            change.secrets.insert(
                it.key(), it.value().isNull() ? std::optional<QString>() : it.value().toString());
        }
    }

    core::Result<std::unique_ptr<Store>> store = command.directory().openStore();
    if (!store)
        return fail(store.error());
    core::Result<QList<NotificationChannelRecord>> configured = (*store)->notificationChannels();
    if (!configured)
        return fail(configured.error());
    core::Result<SecretBox> box
        = SecretBox::fromKeyFile(command.directory().secretsKeyPath(), true);
    if (!box)
        return fail(box.error());
    core::Result<NotificationChannelRecord> record
        = applyChannelChange(configuredOrDefault(*configured, *channel), change, *box);
    if (!record) {
        return fail(record.error().is(core::ErrorCode::InvalidRequest) ? UsageError : Failure,
                    record.error().message);
    }
    if (core::Result<void> saved = (*store)->saveNotificationChannel(*record); !saved)
        return fail(saved.error());
    if (core::Result<void> audited = auditNotify(
            **store, QStringLiteral("notification_channel_set"), name, change.auditDetail(*record));
        !audited)
        return fail(audited.error());
    printOut(tr("%1: %2%3")
                 .arg(name, record->enabled ? tr("enabled") : tr("disabled"), appliedAs(**store)));
    return Success;
}

int runNotifyChannelShow(const QStringList &arguments)
{
    SubcommandParser command(QStringLiteral("notify channel show [--json] --data-dir DIR"),
                             tr("Lists the notification channels configured and the settings "
                                "and secrets each takes; secrets are shown as set or not, "
                                "never their values."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    command.addOption(json);
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    core::Result<std::unique_ptr<Store>> store = command.directory().openStore();
    if (!store)
        return fail(store.error());
    core::Result<QList<NotificationChannelRecord>> configured = (*store)->notificationChannels();
    if (!configured)
        return fail(configured.error());
    QJsonArray list;
    for (const core::notifications::Channel channel :
         { core::notifications::Channel::Email, core::notifications::Channel::Sms,
           core::notifications::Channel::Telegram, core::notifications::Channel::WhatsApp }) {
        list.append(channelConfigurationJson(configuredOrDefault(*configured, channel)));
    }
    if (command.parser().isSet(json)) {
        printJson(QJsonDocument(list));
        return Success;
    }
    for (const QJsonValue &value : std::as_const(list)) {
        const QJsonObject channel = value.toObject();
        QStringList settings;
        const QJsonObject values = channel.value(QStringLiteral("settings")).toObject();
        for (auto it = values.constBegin(); it != values.constEnd(); ++it)
            settings.append(it.key() + u'=' + it.value().toString());
        const auto keys = [&channel](const char *name) {
            QStringList list;
            for (const QJsonValue &key : channel.value(QLatin1StringView(name)).toArray())
                list.append(key.toString());
            return list.join(u", ");
        };
        printOut(tr("%1: %2; settings: %3; secrets: %4 (takes %5; secrets %6)")
                     .arg(channel.value(QStringLiteral("channel")).toString(),
                          channel.value(QStringLiteral("enabled")).toBool() ? tr("enabled")
                                                                            : tr("disabled"),
                          settings.isEmpty() ? tr("none") : settings.join(u", "),
                          channel.value(QStringLiteral("secrets_set")).toBool() ? tr("set")
                                                                                : tr("not set"),
                          keys("setting_keys"), keys("secret_keys")));
    }
    return Success;
}

int runNotifyContactSet(const QStringList &arguments)
{
    SubcommandParser command(
        QStringLiteral("notify contact set USER [--email E] [--phone +CC...] [--whatsapp +CC...] "
                       "[--telegram-chat ID] [--language en|de|fr] [--time-zone ZONE] "
                       "--data-dir DIR"),
        tr("Sets how a user is reached, as they can themselves (PUT "
           "/api/v1/notifications/preferences), and the Telegram chat (which users bind "
           "through the bot's link). An empty value removes one. Written to the audit log."));
    command.addPositional(QStringLiteral("USER"), tr("The user."));
    const QCommandLineOption email(QStringLiteral("email"), tr("Email address."),
                                   QStringLiteral("E"));
    const QCommandLineOption phone(QStringLiteral("phone"), tr("For SMS."), QStringLiteral("P"));
    const QCommandLineOption whatsapp(QStringLiteral("whatsapp"), tr("For WhatsApp."),
                                      QStringLiteral("P"));
    const QCommandLineOption telegram(QStringLiteral("telegram-chat"), tr("Telegram chat id."),
                                      QStringLiteral("ID"));
    const QCommandLineOption language(QStringLiteral("language"), tr("en, de or fr."),
                                      QStringLiteral("L"));
    const QCommandLineOption zone(QStringLiteral("time-zone"), tr("e.g. Europe/Berlin."),
                                  QStringLiteral("ZONE"));
    for (const QCommandLineOption &option : { email, phone, whatsapp, telegram, language, zone })
        command.addOption(option);
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    QCommandLineParser &parser = command.parser();
    // Checked as the API checks them.
    QJsonObject given;
    for (const auto &[option, key] : { std::pair { &email, QStringLiteral("email") },
                                       std::pair { &phone, QStringLiteral("phone") },
                                       std::pair { &whatsapp, QStringLiteral("whatsapp") },
                                       std::pair { &language, QStringLiteral("language") },
                                       std::pair { &zone, QStringLiteral("time_zone") } }) {
        if (parser.isSet(*option))
            given.insert(key, parser.value(*option));
    }
    const core::Result<protocol::NotificationSettings> settings
        = protocol::NotificationSettings::fromJson(given);
    if (!settings)
        return fail(UsageError, settings.error().message);
    static const QRegularExpression chatId(QStringLiteral("^-?[0-9]{1,20}$"));
    const QString chat = parser.value(telegram).trimmed();
    if (parser.isSet(telegram) && !chat.isEmpty() && !chatId.match(chat).hasMatch())
        return fail(UsageError, tr("--telegram-chat must be a chat id such as 123456789"));
    core::Result<StoreAndUser> found = storeAndUser(command);
    if (!found)
        return fail(found.error());
    Store &store = *found->store;
    const QString username = found->user.username;
    core::Result<NotificationContact> contact = store.notificationContact(found->user.id);
    if (!contact)
        return fail(contact.error());
    contact->email = settings->email.value_or(contact->email);
    contact->phone = settings->phone.value_or(contact->phone);
    contact->whatsapp = settings->whatsapp.value_or(contact->whatsapp);
    contact->language = settings->language.value_or(contact->language);
    contact->timeZone = settings->timeZone.value_or(contact->timeZone);
    if (parser.isSet(telegram))
        contact->telegramChat = chat;
    if (core::Result<void> saved = store.saveNotificationContact(*contact); !saved)
        return fail(saved.error());
    QJsonArray fields = QJsonArray::fromStringList(given.keys());
    if (parser.isSet(telegram))
        fields.append(QStringLiteral("telegram_chat"));
    if (core::Result<void> audited
        = auditNotify(store, QStringLiteral("notification_contact_set"), username,
                      { { QStringLiteral("fields"), fields } });
        !audited)
        return fail(audited.error());
    printOut(tr("contact of %1 set").arg(username));
    return Success;
}

namespace {

QString timeText(const QDateTime &at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODate) : QStringLiteral("-");
}

// Which dead letters and messages in doubt an admin means: those of `ids`, or (none given)
// every one of `channel` and `state` (empty: any).
struct DlqFilter
{
    QStringList ids;
    QString channel;
    QString state;
};
// What they are; `failure` is the exit status when they are not named right.
struct DlqSelection
{
    QList<DeliveryRecord> deliveries;
    std::optional<int> failure;
};

DlqSelection selectDeliveries(Store &store, const DlqFilter &filter)
{
    DlqSelection selection;
    std::optional<core::notifications::Channel> channel;
    if (!filter.channel.isEmpty()) {
        channel = core::notifications::channelFromString(filter.channel);
        if (!channel) {
            selection.failure = fail(UsageError,
                                     tr("--channel must be in_app, email, sms, "
                                        "telegram or whatsapp"));
            return selection;
        }
    }
    QList<core::notifications::OutboxState> states { core::notifications::OutboxState::Dead,
                                                     core::notifications::OutboxState::InDoubt };
    if (!filter.state.isEmpty()) {
        const QString &state = filter.state;
        if (state == u"dead")
            states = { core::notifications::OutboxState::Dead };
        else if (state == u"in_doubt")
            states = { core::notifications::OutboxState::InDoubt };
        else {
            selection.failure = fail(UsageError, tr("--state must be dead or in_doubt"));
            return selection;
        }
    }
    if (!filter.ids.isEmpty()) {
        for (const QString &text : filter.ids) {
            bool ok = false;
            const std::int64_t id = text.toLongLong(&ok);
            if (!ok) {
                selection.failure = fail(UsageError, tr("--id takes a number, not %1").arg(text));
                return selection;
            }
            core::Result<std::optional<DeliveryRecord>> found = store.findDelivery(id);
            if (!found) {
                selection.failure = fail(found.error());
                return selection;
            }
            if (!*found) {
                selection.failure = fail(Failure, tr("no message %1 in the outbox").arg(text));
                return selection;
            }
            if (!states.contains((*found)->state)) {
                selection.failure
                    = fail(Failure,
                           tr("message %1 is %2, not a dead letter or in doubt")
                               .arg(text, core::notifications::toString((*found)->state)));
                return selection;
            }
            selection.deliveries.append(**found);
        }
        return selection;
    }
    for (const core::notifications::OutboxState state : states) {
        // Page through all of them, newest first.
        std::int64_t before = 0;
        for (;;) {
            core::Result<QList<DeliveryRecord>> page
                = store.deliveries({ state, channel, 0, before, 500 });
            if (!page) {
                selection.failure = fail(page.error());
                return selection;
            }
            selection.deliveries.append(*page);
            if (page->size() < 500)
                break;
            before = page->constLast().id;
        }
    }
    return selection;
}

// notify dlq retry and discard: the same selection, one audited action per message.
int runDlqAction(const QStringList &arguments, bool retry)
{
    const QString verb = retry ? QStringLiteral("retry") : QStringLiteral("discard");
    SubcommandParser command(
        QStringLiteral("notify dlq %1 (--id ID)... | --all [--channel C] [--state dead|in_doubt] "
                       "--data-dir DIR")
            .arg(verb),
        retry ? tr("Sends dead letters or messages in doubt again: pending at once, attempts "
                   "counted from zero (a message in doubt may then arrive twice: retry it when "
                   "the user did not get it). Each is written to the audit log.")
              : tr("Gives up on dead letters or messages in doubt: they stay listed as "
                   "discarded. Each is written to the audit log."));
    const QCommandLineOption ids(QStringLiteral("id"), tr("A message of the outbox."),
                                 QStringLiteral("ID"));
    const QCommandLineOption all(QStringLiteral("all"),
                                 tr("Every dead letter and message in doubt (of --channel, "
                                    "--state)."));
    const QCommandLineOption channelOption(QStringLiteral("channel"), tr("Only this channel's."),
                                           QStringLiteral("C"));
    const QCommandLineOption stateOption(QStringLiteral("state"), tr("dead or in_doubt."),
                                         QStringLiteral("S"));
    for (const QCommandLineOption *option : { &ids, &all, &channelOption, &stateOption })
        command.addOption(*option);
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    QCommandLineParser &parser = command.parser();
    if (parser.isSet(ids) == parser.isSet(all))
        return fail(UsageError, tr("name the messages with --id, or --all"));
    core::Result<std::unique_ptr<Store>> store = command.directory().openStore();
    if (!store)
        return fail(store.error());
    const DlqSelection selection = selectDeliveries(
        **store, { parser.values(ids), parser.value(channelOption), parser.value(stateOption) });
    if (selection.failure)
        return *selection.failure;
    int done = 0;
    for (const DeliveryRecord &delivery : selection.deliveries) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        core::Result<bool> changed = retry ? (*store)->retryDelivery(delivery.id, now)
                                           : (*store)->discardDelivery(delivery.id, now);
        if (!changed)
            return fail(changed.error());
        if (!*changed)
            continue; // sent or discarded meanwhile (another admin, the server)
        if (core::Result<void> audited = auditNotify(
                **store,
                retry ? QStringLiteral("notification_retry")
                      : QStringLiteral("notification_discard"),
                QString::number(delivery.id),
                { { QStringLiteral("channel"), core::notifications::toString(delivery.channel) },
                  { QStringLiteral("idempotency_key"), delivery.idempotencyKey },
                  { QStringLiteral("was"), core::notifications::toString(delivery.state) } });
            !audited)
            return fail(audited.error());
        ++done;
    }
    printOut((retry ? tr("%1 message(s) queued again") : tr("%1 message(s) discarded")).arg(done));
    return Success;
}

} // namespace

int runNotifyDlqList(const QStringList &arguments)
{
    SubcommandParser command(
        QStringLiteral("notify dlq list [--channel C] [--state dead|in_doubt] [--json] "
                       "--data-dir DIR"),
        tr("Lists the dead letters (given up after their attempts, or refused for good) and "
           "the messages in doubt (perhaps taken by a provider that cannot say), newest first, "
           "with the provider's last words."));
    const QCommandLineOption channelOption(QStringLiteral("channel"), tr("Only this channel's."),
                                           QStringLiteral("C"));
    const QCommandLineOption stateOption(QStringLiteral("state"), tr("dead or in_doubt."),
                                         QStringLiteral("S"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    const QCommandLineOption ids(QStringLiteral("id"), tr("Only this message."),
                                 QStringLiteral("ID"));
    for (const QCommandLineOption *option : { &channelOption, &stateOption, &json, &ids })
        command.addOption(*option);
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    QCommandLineParser &parser = command.parser();
    core::Result<std::unique_ptr<Store>> store = command.directory().openStore();
    if (!store)
        return fail(store.error());
    const DlqSelection selection = selectDeliveries(
        **store, { parser.values(ids), parser.value(channelOption), parser.value(stateOption) });
    if (selection.failure)
        return *selection.failure;
    if (parser.isSet(json)) {
        QJsonArray list;
        for (const DeliveryRecord &delivery : selection.deliveries)
            list.append(deliveryJson(delivery));
        printJson(QJsonDocument(list));
        return Success;
    }
    printOut(QStringLiteral("%1 %2 %3 %4 %5 %6 %7")
                 .arg(tr("ID"), -8)
                 .arg(tr("CHANNEL"), -9)
                 .arg(tr("STATE"), -9)
                 .arg(tr("USER"), 6)
                 .arg(tr("TRIES"), 5)
                 .arg(tr("UPDATED"), -20)
                 .arg(tr("LAST ERROR")));
    for (const DeliveryRecord &delivery : selection.deliveries) {
        printOut(QStringLiteral("%1 %2 %3 %4 %5 %6 %7")
                     .arg(delivery.id, -8)
                     .arg(core::notifications::toString(delivery.channel), -9)
                     .arg(core::notifications::toString(delivery.state), -9)
                     .arg(delivery.userId, 6)
                     .arg(delivery.attempts, 5)
                     .arg(timeText(delivery.updatedAt), -20)
                     .arg(delivery.lastError));
    }
    return Success;
}

int runNotifyDlqRetry(const QStringList &arguments)
{
    return runDlqAction(arguments, true);
}

int runNotifyDlqDiscard(const QStringList &arguments)
{
    return runDlqAction(arguments, false);
}

int runNotifyStatus(const QStringList &arguments)
{
    SubcommandParser command(QStringLiteral("notify status [--json] --data-dir DIR"),
                             tr("Shows each channel's queue (pending, being sent, in doubt, "
                                "dead) and, for every server sending on it, its circuit "
                                "breaker, what it sent and failed, and the last failure."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    command.addOption(json);
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    core::Result<std::unique_ptr<Store>> store = command.directory().openStore();
    if (!store)
        return fail(store.error());
    core::Result<QList<NotificationChannelRecord>> configured = (*store)->notificationChannels();
    if (!configured)
        return fail(configured.error());
    const auto depths = (*store)->outboxDepths();
    if (!depths)
        return fail(depths.error());
    core::Result<QList<ChannelHealth>> health = (*store)->channelHealth();
    if (!health)
        return fail(health.error());
    const QJsonArray status = channelStatusJson(*configured, *depths, *health);
    if (command.parser().isSet(json)) {
        printJson(QJsonDocument(status));
        return Success;
    }
    for (const QJsonValue &value : status) {
        const QJsonObject channel = value.toObject();
        const QJsonObject queue = channel.value(QStringLiteral("queue")).toObject();
        printOut(tr("%1: %2; queue: %3 pending, %4 being sent, %5 in doubt, %6 dead")
                     .arg(channel.value(QStringLiteral("channel")).toString(),
                          channel.value(QStringLiteral("enabled")).toBool() ? tr("enabled")
                                                                            : tr("disabled"))
                     .arg(queue.value(QStringLiteral("pending")).toInteger())
                     .arg(queue.value(QStringLiteral("sending")).toInteger())
                     .arg(queue.value(QStringLiteral("in_doubt")).toInteger())
                     .arg(queue.value(QStringLiteral("dead")).toInteger()));
        for (const QJsonValue &serverValue : channel.value(QStringLiteral("servers")).toArray()) {
            const QJsonObject server = serverValue.toObject();
            const QString error = server.value(QStringLiteral("last_error")).toString();
            printOut(tr("  %1: %2, breaker %3; %4 sent, %5 failed; last sent %6; last failure "
                        "%7%8 (as of %9)")
                         .arg(server.value(QStringLiteral("instance")).toString(),
                              server.value(QStringLiteral("running")).toBool() ? tr("running")
                                                                               : tr("stopped"),
                              server.value(QStringLiteral("breaker")).toString())
                         .arg(server.value(QStringLiteral("sent")).toInteger())
                         .arg(server.value(QStringLiteral("failed")).toInteger())
                         .arg(server.value(QStringLiteral("last_sent_at")).toString(u"-"_s),
                              server.value(QStringLiteral("last_failed_at")).toString(u"-"_s),
                              error.isEmpty() ? QString() : u": "_s + error,
                              server.value(QStringLiteral("updated_at")).toString()));
        }
    }
    return Success;
}

int runNotifySendTest(const QStringList &arguments)
{
    SubcommandParser command(
        QStringLiteral("notify send-test USER [--channel C]... [--wait SECONDS] --data-dir DIR"),
        tr("Sends USER a test notification through the outbox, as an event would be: to the "
           "channels named (default: the inbox and every channel that is on and has an "
           "address of the user's), "
           "at once whatever their quiet hours. A running server sends it; with --wait, waits "
           "for the outcome on each channel and fails unless every one was sent. Written to "
           "the audit log."));
    command.addPositional(QStringLiteral("USER"), tr("The user."));
    const QCommandLineOption channelOption(QStringLiteral("channel"), tr("A channel (repeat)."),
                                           QStringLiteral("C"));
    const QCommandLineOption wait(QStringLiteral("wait"),
                                  tr("Wait up to this many seconds for the outcome."),
                                  QStringLiteral("SECONDS"));
    command.addOption(channelOption);
    command.addOption(wait);
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    QCommandLineParser &parser = command.parser();
    QList<core::notifications::Channel> channels;
    for (const QString &name : parser.values(channelOption)) {
        const auto channel = core::notifications::channelFromString(name);
        if (!channel)
            return fail(UsageError,
                        tr("--channel must be in_app, email, sms, telegram or "
                           "whatsapp"));
        if (!channels.contains(*channel))
            channels.append(*channel);
    }
    bool waitOk = true;
    const int waitSeconds = parser.isSet(wait) ? parser.value(wait).toInt(&waitOk) : 0;
    if (!waitOk || waitSeconds < 0 || waitSeconds > 3600)
        return fail(UsageError, tr("--wait takes a number of seconds up to 3600"));
    core::Result<StoreAndUser> found = storeAndUser(command);
    if (!found)
        return fail(found.error());
    Store &store = *found->store;
    const QString username = found->user.username;
    core::Result<NotificationContact> contact = store.notificationContact(found->user.id);
    if (!contact)
        return fail(contact.error());
    if (channels.isEmpty()) {
        // The inbox, and every channel that is on and has an address of the user's.
        core::Result<QList<NotificationChannelRecord>> configured = store.notificationChannels();
        if (!configured)
            return fail(configured.error());
        for (const core::notifications::Channel channel : core::notifications::allChannels()) {
            if (channel == core::notifications::Channel::InApp
                || (configuredOrDefault(*configured, channel).enabled
                    && !addressOf(*contact, channel).isEmpty()))
                channels.append(channel);
        }
    }
    QJsonArray names;
    for (const core::notifications::Channel channel : std::as_const(channels))
        names.append(core::notifications::toString(channel));

    NotificationRecord test;
    test.eventKey = u"test:"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    test.userId = found->user.id;
    test.type = core::notifications::EventType::Test;
    test.severity = core::notifications::Severity::Info;
    test.facts = { { QStringLiteral("channels"), names },
                   { QStringLiteral("sent_by"), QStringLiteral("quantenergx-server CLI") } };
    test.createdAt = QDateTime::currentDateTimeUtc();
    if (core::Result<void> added = store.addNotifications({ test }); !added)
        return fail(added.error());
    if (core::Result<void> audited
        = auditNotify(store, QStringLiteral("notification_test"), username,
                      { { QStringLiteral("channels"), names },
                        { QStringLiteral("event_key"), test.eventKey } });
        !audited)
        return fail(audited.error());
    // Its id, to follow its deliveries: the newest of the user's notifications with this key.
    core::Result<QList<NotificationRecord>> inbox = store.inbox({ test.userId, 0, 20, false });
    if (!inbox)
        return fail(inbox.error());
    const auto stored = std::find_if(inbox->cbegin(), inbox->cend(), [&](const auto &record) {
        return record.eventKey == test.eventKey;
    });
    if (stored == inbox->cend())
        return fail(Failure, tr("the test notification was not stored"));
    printOut(tr("test notification %1 for %2 on %3")
                 .arg(QString::number(stored->id), username,
                      QString::fromUtf8(QJsonDocument(names).toJson(QJsonDocument::Compact))));
    if (waitSeconds == 0)
        return Success;

    // Until every channel's message is sent, dead, in doubt or skipped.
    const QDateTime deadline = QDateTime::currentDateTimeUtc().addSecs(waitSeconds);
    QList<DeliveryRecord> deliveries;
    for (;;) {
        core::Result<QList<DeliveryRecord>> read
            = store.deliveries({ std::nullopt, std::nullopt, stored->id, 0, 100 });
        if (!read)
            return fail(read.error());
        deliveries = *read;
        const bool settled = deliveries.size() >= channels.size()
            && std::none_of(deliveries.cbegin(), deliveries.cend(), [](const auto &delivery) {
                                 return delivery.state == core::notifications::OutboxState::Pending
                                     || delivery.state == core::notifications::OutboxState::Sending;
                             });
        if (settled || QDateTime::currentDateTimeUtc() >= deadline)
            break;
        QThread::msleep(200);
    }
    bool allSent = deliveries.size() >= channels.size();
    for (const DeliveryRecord &delivery : std::as_const(deliveries)) {
        allSent = allSent && delivery.state == core::notifications::OutboxState::Sent;
        printOut(tr("  %1: %2%3")
                     .arg(core::notifications::toString(delivery.channel),
                          core::notifications::toString(delivery.state),
                          delivery.lastError.isEmpty() ? QString()
                                                       : u" ("_s + delivery.lastError + u')'));
    }
    if (deliveries.size() < channels.size())
        printOut(tr("  not planned yet: is a server running on this database?"));
    return allSent ? Success : Failure;
}

int runNotifyChannelTest(const QStringList &arguments)
{
    SubcommandParser command(
        QStringLiteral("notify channel test --channel email|sms|telegram|whatsapp --to ADDRESS "
                       "--data-dir DIR"),
        tr("Sends a test message to ADDRESS (an email address, a phone number as +CC..., a "
           "Telegram chat id) straight through the channel as configured, not through the "
           "outbox, and prints what the provider answered. Written to the audit log."));
    const QCommandLineOption channelOption(QStringLiteral("channel"), tr("The channel."),
                                           QStringLiteral("NAME"));
    const QCommandLineOption to(QStringLiteral("to"), tr("Where to send it."),
                                QStringLiteral("ADDRESS"));
    command.addOption(channelOption);
    command.addOption(to);
    if (std::optional<int> stop = command.parse(arguments))
        return *stop;
    QCommandLineParser &parser = command.parser();
    const std::optional<core::notifications::Channel> channel
        = configurableChannel(parser.value(channelOption));
    if (!channel)
        return fail(UsageError, tr("--channel must be email, sms, telegram or whatsapp"));
    const QString address = parser.value(to).trimmed();
    if (address.isEmpty())
        return fail(UsageError, tr("--to ADDRESS is required"));
    core::Result<std::unique_ptr<Store>> store = command.directory().openStore();
    if (!store)
        return fail(store.error());
    core::Result<QList<NotificationChannelRecord>> configured = (*store)->notificationChannels();
    if (!configured)
        return fail(configured.error());
    const NotificationChannelRecord record = configuredOrDefault(*configured, *channel);
    core::Result<SecretBox> box
        = SecretBox::fromKeyFile(command.directory().secretsKeyPath(), false);
    if (!box)
        return fail(box.error());
    core::Result<QJsonObject> secrets
        = box->openObject(record.sealedSecrets, secretContext(*channel));
    if (!secrets)
        return fail(secrets.error());
    QString problem;
    std::unique_ptr<NotificationChannel> sender = makeChannel(record, *secrets, problem);
    if (!sender)
        return fail(Failure,
                    tr("%1 cannot send: %2").arg(core::notifications::toString(*channel), problem));

    OutgoingMessage message;
    message.channel = *channel;
    message.idempotencyKey
        = u"channel-test:"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    message.address = address;
    NotificationRecord test;
    test.eventKey = message.idempotencyKey;
    test.type = core::notifications::EventType::Test;
    test.facts = { { QStringLiteral("sent_by"), QStringLiteral("quantenergx-server CLI") } };
    test.createdAt = QDateTime::currentDateTimeUtc();
    message.notifications = { test };
    const SendResult result = sender->send(message);
    if (core::Result<void> audited = auditNotify(
            **store, QStringLiteral("notification_channel_test"),
            core::notifications::toString(*channel),
            { { QStringLiteral("accepted"), result.outcome == SendResult::Outcome::Accepted } });
        !audited)
        return fail(audited.error());
    switch (result.outcome) {
    case SendResult::Outcome::Accepted:
        printOut(tr("accepted by the provider as %1").arg(result.providerId));
        return Success;
    case SendResult::Outcome::Retry:
        return fail(Failure, tr("not sent, the provider is failing: %1").arg(result.error));
    case SendResult::Outcome::Rejected:
        return fail(Failure, tr("refused for good: %1").arg(result.error));
    case SendResult::Outcome::Unknown:
        return fail(Failure,
                    tr("no answer after it was sent; it may arrive: %1").arg(result.error));
    }
    return Failure;
}

} // namespace qx::server::cli
