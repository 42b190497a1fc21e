#pragma once

// Colours derived from the palette, so light and dark themes both read well and nothing is
// hard-coded.

#include <QColor>
#include <QPalette>

namespace paperboy {

// `a` moved towards `b` by `amount` (0..1).
QColor mixColors(const QColor &a, const QColor &b, qreal amount);

// Secondary text (Chinese title, authors) on the given background role.
QColor secondaryTextColor(const QPalette &palette, bool selected = false);

// The accent for marks (filled star, unread dot): the palette's highlight, unless selected.
QColor accentColor(const QPalette &palette, bool selected = false);

// Text for cautions (the code-link warning): a warm hue at the text's lightness.
QColor warningTextColor(const QPalette &palette);

// Behind the words a search matched: a marker yellow, dimmed on dark themes so the text on it
// stays legible.
QColor matchBackgroundColor(const QPalette &palette);
// The text drawn on matchBackgroundColor().
QColor matchTextColor(const QPalette &palette);

// A dark palette for screenshots and for users who ask for one (--dark, PAPERBOY_DARK=1).
QPalette darkPalette();

} // namespace paperboy
