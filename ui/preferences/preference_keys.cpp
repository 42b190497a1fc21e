#include "preferences/preference_keys.h"

#include "store/database.h"

namespace paperboy {

QString interfaceLanguageName(InterfaceLanguage language)
{
    switch (language) {
    case InterfaceLanguage::English:
        return QStringLiteral("en");
    case InterfaceLanguage::SimplifiedChinese:
        return QStringLiteral("zh_CN");
    case InterfaceLanguage::System:
        break;
    }
    return QStringLiteral("system");
}

InterfaceLanguage interfaceLanguageFromName(const QString &name)
{
    for (InterfaceLanguage language :
         {InterfaceLanguage::English, InterfaceLanguage::SimplifiedChinese})
        if (name == interfaceLanguageName(language))
            return language;
    return InterfaceLanguage::System;
}

Preferences Preferences::load(const QSettings &s)
{
    Preferences p;
    p.fetch = settings::fetchSettings(s);
    p.fetchOnStart = settings::fetchOnStart.value(s);
    p.fetchAfterAnnouncement = settings::fetchAfterAnnouncement.value(s);
    p.notifyListing = settings::notifyListing.value(s);
    p.notifyStarredVersions = settings::notifyStarredVersions.value(s);
    p.notifyCodeLinks = settings::notifyCodeLinks.value(s);
    p.trayIcon = settings::trayIcon.value(s);
    p.abstractLanguage = settings::abstractLanguage.value(s);
    p.interfaceLanguage = interfaceLanguageFromName(settings::interfaceLanguage.value(s));
    p.databasePath = settings::databasePath.value(s);
    p.backupFolder = settings::automaticBackupFolder.value(s);
    p.backupKeep = qMax(0, settings::automaticBackups.value(s));
    return p;
}

void Preferences::save(QSettings &s) const
{
    settings::setFetchSettings(s, fetch);
    settings::fetchOnStart.setValue(s, fetchOnStart);
    settings::fetchAfterAnnouncement.setValue(s, fetchAfterAnnouncement);
    settings::notifyListing.setValue(s, notifyListing);
    settings::notifyStarredVersions.setValue(s, notifyStarredVersions);
    settings::notifyCodeLinks.setValue(s, notifyCodeLinks);
    settings::trayIcon.setValue(s, trayIcon);
    settings::abstractLanguage.setValue(s, abstractLanguage);
    settings::interfaceLanguage.setValue(s, interfaceLanguageName(interfaceLanguage));
    settings::databasePath.setValue(s, databasePath.trimmed());
    settings::automaticBackupFolder.setValue(s, backupFolder.trimmed());
    settings::automaticBackups.setValue(s, backupKeep);
}

QString resolveDatabasePath(const QString &explicitPath, const QSettings &settings)
{
    if (!explicitPath.isEmpty())
        return explicitPath;
    const QString preferred = settings::databasePath.value(settings);
    return preferred.isEmpty() ? Database::defaultPath() : preferred;
}

} // namespace paperboy
