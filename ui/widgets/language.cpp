#include "ui/widgets/language.h"

#include "ui/models/displayformat.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <memory>

namespace qx::widgets::language {

namespace displayformat = qx::models::displayformat;

namespace {
constexpr auto kLanguageKey = "appearance/language";
constexpr auto kNumberFormatKey = "appearance/numberFormat";

// The installed translators (ours, Qt's), replaced by each apply(). GUI thread only.
struct Installed
{
    std::unique_ptr<QTranslator> ours;
    std::unique_ptr<QTranslator> qt;
    QString code;
    QString directory = QStringLiteral(":/i18n");
};
Installed &installed()
{
    static Installed translators;
    return translators;
}

void uninstall(std::unique_ptr<QTranslator> &translator)
{
    if (translator)
        QCoreApplication::removeTranslator(translator.get());
    translator.reset();
}

std::unique_ptr<QTranslator> load(const QLocale &locale, const QString &name,
                                  const QString &directory)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(locale, name, QStringLiteral("_"), directory))
        return nullptr;
    QCoreApplication::installTranslator(translator.get());
    return translator;
}
} // namespace

QStringList available()
{
    return { QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr") };
}

QString nativeName(const QString &code)
{
    if (code.isEmpty())
        return QCoreApplication::translate("qx::widgets::language", "System language");
    const QLocale locale(code);
    QString name = locale.nativeLanguageName();
    if (!name.isEmpty())
        name[0] = name[0].toUpper(); // "français" → "Français"
    return name;
}

void setDirectory(const QString &directory)
{
    installed().directory = directory;
}

bool apply(const QString &code)
{
    if (!code.isEmpty() && !available().contains(code))
        return false;
    Installed &now = installed();
    uninstall(now.ours);
    uninstall(now.qt);
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    QLocale::setDefault(locale);
    // English is the source language: there is no file for it, and none is needed.
    now.ours = load(locale, QStringLiteral("quantenergx"), now.directory);
    now.qt = load(locale, QStringLiteral("qtbase"),
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    now.code = code;
    // English is built in; any other language without its file would silently be English.
    return now.ours || code.isEmpty() || locale.language() == QLocale::English;
}

QString current()
{
    return installed().code;
}

void save(const QString &code)
{
    QSettings().setValue(QLatin1StringView(kLanguageKey), code);
}

QString saved()
{
    const QString code = QSettings().value(QLatin1StringView(kLanguageKey)).toString();
    return available().contains(code) ? code : QString();
}

QList<NumberFormat> numberFormats()
{
    QList<NumberFormat> formats {
        { QString(), QCoreApplication::translate("qx::widgets::language", "As the language") }
    };
    for (const char *name : { "en_US", "de_DE", "fr_FR", "de_CH" }) {
        const QString localeName = QString::fromLatin1(name);
        formats.append(
            { localeName,
              displayformat::decimal(core::Decimal::fromUnits(123'456 * core::Decimal::kOne / 100),
                                     2, QLocale(localeName)) });
    }
    return formats;
}

void saveNumberFormat(const QString &localeName)
{
    QSettings().setValue(QLatin1StringView(kNumberFormatKey), localeName);
}

QString savedNumberFormat()
{
    const QString name = QSettings().value(QLatin1StringView(kNumberFormatKey)).toString();
    const QList<NumberFormat> formats = numberFormats();
    const bool known = std::any_of(formats.cbegin(), formats.cend(),
                                   [&](const NumberFormat &f) { return f.localeName == name; });
    return known ? name : QString();
}

} // namespace qx::widgets::language
