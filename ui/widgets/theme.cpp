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
    return QApplication::palette().color(QPalette::Window).lightness() < 128;
}

QColor colour(Tone tone)
{
    // Light: dark enough on white; dark: light enough on near-black.
    const bool dark = isDark();
    switch (tone) {
    case Tone::Buy:
        return dark ? QColor(0x64, 0xa8, 0xf0) : QColor(0x15, 0x65, 0xc0);
    case Tone::Sell:
        return dark ? QColor(0xf2, 0x6d, 0x6d) : QColor(0xc6, 0x28, 0x28);
    case Tone::Gain:
        return dark ? QColor(0x5c, 0xc9, 0x6b) : QColor(0x2e, 0x7d, 0x32);
    case Tone::Loss:
        return dark ? QColor(0xf2, 0x6d, 0x6d) : QColor(0xc6, 0x28, 0x28);
    case Tone::Muted:
        return dark ? QColor(0x8a, 0x8e, 0x94) : QColor(0x75, 0x75, 0x75);
    case Tone::Warning:
        return dark ? QColor(0xff, 0xa7, 0x4d) : QColor(0xef, 0x6c, 0x00);
    }
    return {};
}

QString textStyle(Tone tone)
{
    return QStringLiteral("color: ") + colour(tone).name() + u';';
}

} // namespace qx::widgets::theme
