#include "server/ops/layeredsettings.h"

#include <QSettings>

namespace qx::server {

LayeredSettings::Found LayeredSettings::lookup(const QCommandLineOption &option) const
{
    const QString name = option.names().constLast();
    const bool isSwitch = option.valueName().isEmpty();
    if (m_parser.optionNames().contains(name)) { // given here (isSet warns of others)
        return { isSwitch ? QStringList { QStringLiteral("true") } : m_parser.values(name),
                 u"--" + name };
    }
    if (m_section.isEmpty())
        return { option.defaultValues(), QStringLiteral("default") };
    const QString variable = u"QX_" + QString(name).toUpper().replace(u'-', u'_');
    if (qEnvironmentVariableIsSet(variable.toLatin1().constData()))
        return { { qEnvironmentVariable(variable.toLatin1().constData()) }, variable };
    if (!m_configPath.isEmpty()) {
        const QSettings file(m_configPath, QSettings::IniFormat);
        const QString key = m_section + u'/' + name;
        if (file.contains(key)) {
            // QSettings reads an unquoted a,b as a list: one value, as written.
            return { { file.value(key).toStringList().join(u',') },
                     QStringLiteral("configuration file") };
        }
    }
    return { option.defaultValues(), QStringLiteral("default") };
}

QString LayeredSettings::value(const QCommandLineOption &option) const
{
    const Found found = lookup(option);
    return found.values.isEmpty() ? QString() : found.values.constLast();
}

QStringList LayeredSettings::values(const QCommandLineOption &option) const
{
    const Found found = lookup(option);
    if (found.source.startsWith(u"--"))
        return found.values;
    QStringList split;
    for (const QString &value : found.values.join(u',').split(u',', Qt::SkipEmptyParts))
        split.append(value.trimmed());
    return split;
}

bool LayeredSettings::enabled(const QCommandLineOption &option) const
{
    static const QStringList yes { QStringLiteral("1"), QStringLiteral("true"),
                                   QStringLiteral("yes"), QStringLiteral("on") };
    return yes.contains(value(option).toLower());
}

bool LayeredSettings::has(const QCommandLineOption &option) const
{
    return lookup(option).source != u"default";
}

QString LayeredSettings::sourceOf(const QCommandLineOption &option) const
{
    return lookup(option).source;
}

} // namespace qx::server
