#pragma once

#include <QColor>

namespace qx::models {

/// The desk's colours: bids and offers, gains and losses, what is over, what needs a look.
enum class Tone { Buy, Sell, Gain, Loss, Muted, Warning };

/// `tone` in a shade that reads on the application's palette (QGuiApplication::palette()):
/// dark enough on a light one, light enough on a dark one. GUI thread only.
QColor toneColour(Tone tone);
/// The application's palette is a dark one (whoever set it: the desktop's theme, a Qt Quick
/// style). GUI thread only.
bool isDarkPalette();

} // namespace qx::models
