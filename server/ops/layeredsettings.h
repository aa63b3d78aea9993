#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>

namespace qx::server {

/**
 * A command's settings in layers: an option the command line gives wins; else the environment
 * (QX_ and its name, e.g. QX_MAX_LOGIN_FAILURES); else `name=` in the [`section`] of the data
 * directory's configuration file (quantenergx.conf); else the option's default. So defaults
 * < file < environment < flags, for `serve` and for `config check`, which shows where each
 * setting came from. Without a section only the command line and the defaults count.
 *
 * A value type over a parser that has parsed; reads the file when asked (QSettings).
 */
class LayeredSettings
{
public:
    LayeredSettings(const QCommandLineParser &parser, QString section, QString configPath)
        : m_parser(parser)
        , m_section(std::move(section))
        , m_configPath(std::move(configPath))
    { }

    /// A value option's setting.
    QString value(const QCommandLineOption &option) const;
    /// A repeatable option's settings (the environment and file give them comma-separated).
    QStringList values(const QCommandLineOption &option) const;
    /// A switch's setting (the environment and file say 1/0, true/false, yes/no, on/off).
    bool enabled(const QCommandLineOption &option) const;
    /// Whether the option is set other than by its default.
    bool has(const QCommandLineOption &option) const;
    /// Where its setting came from: --name, QX_NAME, "configuration file" or "default".
    QString sourceOf(const QCommandLineOption &option) const;

private:
    struct Found
    {
        QStringList values;
        QString source;
    };
    Found lookup(const QCommandLineOption &option) const;

    const QCommandLineParser &m_parser;
    QString m_section;
    QString m_configPath; ///< empty: no file
};

} // namespace qx::server
