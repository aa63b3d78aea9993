#include "ui/widgets/theme.h"

#include <QApplication>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace qx::widgets::theme {

namespace {

constexpr auto kThemeKey = "appearance/theme";

QPalette darkPalette()
{
    // Greys dark enough for ten hours a day, not black; text off-white.
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor alternate(0x26, 0x28, 0x2b);
    const QColor text(0xdf, 0xe1, 0xe5);
    const QColor disabled(0x80, 0x84, 0x8a);
    const QColor highlight(0x2f, 0x65, 0xca);
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, alternate);
    palette.setColor(QPalette::ToolTipBase, window);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, disabled);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, Qt::white);
    palette.setColor(QPalette::Light, window.lighter(130));
    palette.setColor(QPalette::Midlight, window.lighter(115));
    palette.setColor(QPalette::Mid, window.lighter(160));
    palette.setColor(QPalette::Dark, base.darker(130));
    palette.setColor(QPalette::Shadow, Qt::black);
    palette.setColor(QPalette::Highlight, highlight);
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xf5));
    for (const QPalette::ColorRole role :
         { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        palette.setColor(QPalette::Disabled, role, disabled);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, window.lighter(140));
    return palette;
}

} // namespace

void apply(Theme theme)
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(theme == Theme::Dark ? darkPalette()
                                                  : QApplication::style()->standardPalette());
}

void save(Theme theme)
{
    QSettings().setValue(QLatin1StringView(kThemeKey), toString(theme));
}

Theme saved()
{
    return fromString(QSettings().value(QLatin1StringView(kThemeKey)).toString());
}

QString toString(Theme theme)
{
    return theme == Theme::Dark ? QStringLiteral("dark") : QStringLiteral("light");
}

Theme fromString(const QString &name)
{
    return name == u"dark" ? Theme::Dark : Theme::Light;
}

bool isDark()
{
    return models::isDarkPalette();
}

QColor colour(Tone tone)
{
    return models::toneColour(tone);
}

QString textStyle(Tone tone)
{
    return QStringLiteral("color: ") + colour(tone).name() + u';';
}

} // namespace qx::widgets::theme
