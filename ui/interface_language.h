#pragma once

// Which language the interface speaks: the system's, unless the preferences pick one. Our
// strings come from paperboy_<lang>.qm, Qt's own (standard buttons, file dialogs) from the
// qtbase_<lang>.qm that Qt ships (Debian: qt6-translations-l10n).

#include "preferences/preference_keys.h"

#include <QLocale>
#include <QStringList>

class QApplication;
class QCoreApplication;

namespace paperboy {

// The locale the interface uses for `language`; English is the source language.
QLocale interfaceLocale(InterfaceLanguage language, const QLocale &system = QLocale::system());

struct LoadedTranslations
{
    QString paperboy; // the .qm file loaded for our strings, empty when none matched
    QString qtbase;   // the same for Qt's own strings
};

// Installs translators for `locale` on `app` (they are its children) and makes `locale` the
// default for dates and numbers. Call before any window exists; the interface language takes
// effect on the next start.
LoadedTranslations installTranslations(QCoreApplication *app, const QLocale &locale);

// Removes what installTranslations() installed (for tests switching languages).
void removeTranslations(QCoreApplication *app);

// Start-up, before any window exists: the interface language from the preferences (or the
// system's), the window icon, and the desktop's dark style (color_scheme.h).
void applyInterfacePreferences(QApplication *app);

// Where the .qm files are looked for, in order: next to an installed binary, then built in.
QStringList translationFolders();

} // namespace paperboy
