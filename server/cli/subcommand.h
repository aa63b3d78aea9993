#pragma once

#include "server/ops/datadirectory.h"
#include "server/ops/layeredsettings.h"
#include "server/storage/store.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QString>

#include <optional>

/**
 * What every command of quantenergx-server's CLI shares: the exit statuses, printing, one line
 * on stderr for a failure, the translation context, and the subcommand parser with the options
 * every command takes.
 */
namespace qx::server::cli {

enum ExitStatus { Success = 0, Failure = 1, UsageError = 2 };

void printOut(const QString &text);
/// What --json prints: the document, indented.
void printJson(const QJsonDocument &document);
/// "quantenergx-server: MESSAGE" on stderr; returns `status`.
int fail(int status, const QString &message);
int fail(const core::Error &error);
/// After a change a running server applies within 0.2 s: the version to look for on its
/// /healthz (config_version), so a script can wait for it.
QString appliedAs(Store &store);
/// `text` in the context qx::server::CommandLine.
QString tr(const char *text);

/// One subcommand's parser: --help, --data-dir, --database and --unsafe-fast always, then the
/// subcommand's own options.
class SubcommandParser
{
public:
    SubcommandParser(const QString &usage, const QString &description)
        : m_usage(usage)
    {
        m_parser.setApplicationDescription(description);
        m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
        m_parser.addOption(m_help);
        m_parser.addOption(m_dataDir);
        m_parser.addOption(m_database);
        m_parser.addOption(m_unsafeFast);
    }

    void addOption(const QCommandLineOption &option) { m_parser.addOption(option); }
    void addPositional(const QString &name, const QString &description)
    {
        m_parser.addPositionalArgument(name, description);
        ++m_positionals;
    }

    /// Parses; on --help or a usage error returns the exit status to stop with.
    std::optional<int> parse(const QStringList &arguments, bool needsDataDir = true);

    /// Command line over environment (QX_DATA_DIR).
    QString dataDir() const
    {
        if (m_parser.isSet(m_dataDir))
            return m_parser.value(m_dataDir);
        return qEnvironmentVariable("QX_DATA_DIR");
    }
    /// The data directory with the database chosen by --database, else $QX_DATABASE (else its
    /// configuration file's, else its own SQLite file).
    DataDirectory directory() const
    {
        const QString database = m_parser.isSet(m_database) ? m_parser.value(m_database)
                                                            : qEnvironmentVariable("QX_DATABASE");
        return DataDirectory(dataDir(), database, m_parser.isSet(m_unsafeFast));
    }
    QCommandLineParser &parser() { return m_parser; }

    /// Settings come in layers (LayeredSettings): flags > QX_ environment > the [`section`]
    /// of the data directory's configuration file > defaults.
    void setSettingsSection(const QString &section) { m_section = section; }
    LayeredSettings layers() const
    {
        return LayeredSettings(m_parser, m_section,
                               dataDir().isEmpty() ? QString() : directory().configPath());
    }
    QString setting(const QCommandLineOption &option) const { return layers().value(option); }
    QStringList settings(const QCommandLineOption &option) const { return layers().values(option); }
    bool enabled(const QCommandLineOption &option) const { return layers().enabled(option); }
    bool has(const QCommandLineOption &option) const { return layers().has(option); }
    QString sourceOf(const QCommandLineOption &option) const { return layers().sourceOf(option); }

private:
    QString m_usage;
    QString m_section;
    QCommandLineParser m_parser;
    QCommandLineOption m_help { { QStringLiteral("h"), QStringLiteral("help") },
                                tr("Show this help.") };
    QCommandLineOption m_dataDir { QStringLiteral("data-dir"),
                                   tr("The server's data directory (default: $QX_DATA_DIR)."),
                                   QStringLiteral("DIR") };
    QCommandLineOption m_database {
        QStringLiteral("database"),
        tr("sqlite:PATH or postgresql://USER@HOST:PORT/NAME (default: $QX_DATABASE, else the "
           "data directory's configuration, else sqlite in the data directory)."),
        QStringLiteral("URL")
    };
    QCommandLineOption m_unsafeFast {
        QStringLiteral("unsafe-fast"),
        tr("Run even where commits are not durable (PostgreSQL fsync or synchronous_commit "
           "off), and make them faster at that cost. For throw-away data only.")
    };
    qsizetype m_positionals = 0;
};

/// The data directory's store and its user NAME (the first positional argument); not_found
/// when there is no such user.
struct StoreAndUser
{
    std::unique_ptr<Store> store;
    UserRecord user;
};
core::Result<StoreAndUser> storeAndUser(SubcommandParser &command);

} // namespace qx::server::cli
