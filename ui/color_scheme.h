#pragma once

// Light or dark, as the desktop says. Qt 6.4 takes its palette from the platform theme, which
// follows KDE's colours and a dark GTK theme, but not GNOME's "dark style" switch (the
// color-scheme setting read through the XDG desktop portal). When the portal asks for dark
// and the palette we were given is light, we switch to Fusion with our dark palette.

#include <QDBusConnection>
#include <QPalette>

namespace paperboy {

enum class ColorScheme
{
    NoPreference,
    PreferDark,
    PreferLight
};

// org.freedesktop.appearance color-scheme from the desktop portal on `bus`; NoPreference when
// there is no bus, no portal or no answer within `timeoutMs`.
ColorScheme portalColorScheme(const QDBusConnection &bus = QDBusConnection::sessionBus(),
                              int timeoutMs = 500);

bool isDarkPalette(const QPalette &palette);

// True when the desktop prefers dark but `current` is light.
bool needsDarkPalette(ColorScheme scheme, const QPalette &current);

// At start-up, before any window: applies the dark palette when needsDarkPalette().
void followDesktopColorScheme();

} // namespace paperboy
