#include "server/cli/subcommand.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cstdio>

namespace qx::server::cli {

void printOut(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void printJson(const QJsonDocument &document)
{
    printOut(QString::fromUtf8(document.toJson(QJsonDocument::Indented)).trimmed());
}

int fail(int status, const QString &message)
{
    std::fprintf(stderr, "quantenergx-server: %s\n", message.toLocal8Bit().constData());
    return status;
}

int fail(const core::Error &error)
{
    return fail(Failure, error.message);
}

QString appliedAs(Store &store)
{
    const core::Result<std::int64_t> version = store.configVersion();
    return version ? QCoreApplication::translate("qx::server::CommandLine", " (config version %1)")
                         .arg(*version)
                   : QString();
}

QString tr(const char *text)
{
    return QCoreApplication::translate("qx::server::CommandLine", text);
}

std::optional<int> SubcommandParser::parse(const QStringList &arguments, bool needsDataDir)
{
    if (!m_parser.parse(arguments))
        return fail(UsageError, m_parser.errorText() + tr(" (see --help)"));
    if (m_parser.isSet(m_help)) {
        printOut(
            m_parser.helpText().replace(QRegularExpression(QStringLiteral("^Usage: [^\\n]*")),
                                        QStringLiteral("Usage: quantenergx-server ") + m_usage));
        return Success;
    }
    if (m_parser.positionalArguments().size() != m_positionals) {
        return fail(UsageError, tr("expected: %1 (see --help)").arg(m_usage));
    }
    if (needsDataDir && dataDir().isEmpty())
        return fail(UsageError, tr("--data-dir DIR (or QX_DATA_DIR) is required"));
    if (m_parser.isSet(m_unsafeFast)) {
        std::fprintf(stderr,
                     "quantenergx-server: WARNING: --unsafe-fast: commits are not durable; "
                     "a crash or power cut can lose acknowledged orders and trades.\n");
    }
    return std::nullopt;
}

core::Result<StoreAndUser> storeAndUser(SubcommandParser &command)
{
    const QString name = command.parser().positionalArguments().constFirst();
    core::Result<std::unique_ptr<Store>> store = command.directory().openStore();
    if (!store)
        return store.error();
    core::Result<std::optional<UserRecord>> user = (*store)->findUser(name);
    if (!user)
        return user.error();
    if (!*user)
        return core::makeError(core::ErrorCode::NotFound, tr("no user %1").arg(name));
    return StoreAndUser { std::move(store).value(), **user };
}

} // namespace qx::server::cli
