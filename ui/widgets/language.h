#pragma once

#include <QList>
#include <QString>

/**
 * The language of the workstation and how it writes numbers, both chosen in the settings and
 * kept in QSettings. The language is switched while the application runs: apply() replaces
 * the installed translators (ours and Qt's own), after which a window built anew speaks the
 * new language (the Workstation rebuilds its window: see there).
 */
namespace qx::widgets::language {

/// The languages the workstation is translated into ("en", "de", "fr").
QStringList available();
/// A language's name in that language ("Deutsch"); empty code: the system's language.
QString nativeName(const QString &code);
/// Where our .qm files are: the application embeds them under :/i18n (the default); tests
/// name the build's.
void setDirectory(const QString &directory);
/// Installs the translators of `code` (empty: the system's language), ours and Qt's, and makes
/// it the default locale (month and day names). Returns false when `code` is not one of
/// available(), or when its translation cannot be loaded (the UI then stays English; the
/// system's language is taken as it comes).
bool apply(const QString &code);
/// The language in effect since the last apply(): a code, or empty for the system's.
QString current();
/// The user's choice for the next start.
void save(const QString &code);
QString saved();

/// The number formats to choose from: a locale name whose separators they use, and what a
/// number looks like in it ("1,234.56"). The first, empty, follows the language.
struct NumberFormat
{
    QString localeName;
    QString example;
};
QList<NumberFormat> numberFormats();
void saveNumberFormat(const QString &localeName);
QString savedNumberFormat();

} // namespace qx::widgets::language
