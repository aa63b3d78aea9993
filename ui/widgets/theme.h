#pragma once

#include "ui/models/tone.h"

#include <QColor>
#include <QString>

/**
 * The workstation's light and dark looks: Qt's Fusion style with a palette each, and the
 * desk's colours (bids, offers, gains, losses) in shades that read on that palette. Views
 * repaint with the new palette at once, so the theme changes at runtime.
 */
namespace qx::widgets::theme {

enum class Theme { Light, Dark };

/// Applies `theme` to the whole application.
void apply(Theme theme);
/// The user's choice, kept in QSettings for the next start.
void save(Theme theme);
/// The theme the user chose last (light the first time).
Theme saved();
/// "light" or "dark", and back (nullopt-free: anything else is light).
QString toString(Theme theme);
Theme fromString(const QString &name);
/// The application's palette is a dark one (whoever set it).
bool isDark();

/// The desk's colours for the current palette (the models' tones, models::toneColour).
using Tone = models::Tone;
QColor colour(Tone tone);
/// "color: #rrggbb;", a style sheet's text colour in `tone`. Style sheets keep the colour they
/// were given: a widget using one sets it again when its palette changes (QEvent::PaletteChange).
QString textStyle(Tone tone);

} // namespace qx::widgets::theme
