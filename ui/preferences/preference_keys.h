#pragma once

// The settings only the Preferences dialog and the start-up read (the others are in
// settings.h), and the Preferences value that loads and saves everything the dialog edits.

#include "common/settings.h"
#include "fetch/fetch_settings.h"

#include <QSettings>
#include <QString>

namespace paperboy {

enum class InterfaceLanguage
{
    System,
    English,
    SimplifiedChinese
};

// "system", "en", "zh_CN"
QString interfaceLanguageName(InterfaceLanguage language);
InterfaceLanguage interfaceLanguageFromName(const QString &name);

namespace settings {

inline const SettingKey<QString> interfaceLanguage{"interface/language", QStringLiteral("system")};
// Set once the first-run welcome has been shown.
inline const SettingKey<bool> welcomeShown{"interface/welcomeShown", false};
// Empty: Database::defaultPath(). --db and PAPERBOY_DB win over it.
inline const SettingKey<QString> databasePath{"library/databasePath", {}};

} // namespace settings

struct Preferences
{
    FetchSettings fetch;
    bool fetchOnStart = settings::fetchOnStart.defaultValue();
    bool fetchAfterAnnouncement = settings::fetchAfterAnnouncement.defaultValue();
    bool notifyListing = settings::notifyListing.defaultValue();
    bool notifyStarredVersions = settings::notifyStarredVersions.defaultValue();
    bool notifyCodeLinks = settings::notifyCodeLinks.defaultValue();
    bool trayIcon = settings::trayIcon.defaultValue();
    AbstractLanguage abstractLanguage = settings::abstractLanguage.defaultValue();
    InterfaceLanguage interfaceLanguage = InterfaceLanguage::System;
    QString databasePath;                                       // empty: the default
    QString backupFolder;                                       // empty: the default
    int backupKeep = settings::automaticBackups.defaultValue(); // 0: no automatic backups

    static Preferences load(const QSettings &settings);
    void save(QSettings &settings) const;
};

// The library file the window opens: --db or PAPERBOY_DB (`explicitPath`), else the
// preference, else the platform default.
QString resolveDatabasePath(const QString &explicitPath, const QSettings &settings);

} // namespace paperboy
