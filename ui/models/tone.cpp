#include "ui/models/tone.h"

#include <QGuiApplication>
#include <QPalette>

namespace qx::models {

bool isDarkPalette()
{
    return QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
}

QColor toneColour(Tone tone)
{
    // Light: dark enough on white; dark: light enough on near-black.
    const bool dark = isDarkPalette();
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

} // namespace qx::models
