#include "common/settings.h"

#include "backup/auto_backup.h"

namespace paperboy {

QString abstractLanguageName(AbstractLanguage language)
{
    switch (language) {
    case AbstractLanguage::English:
        return QStringLiteral("english");
    case AbstractLanguage::Chinese:
        return QStringLiteral("chinese");
    case AbstractLanguage::Both:
        break;
    }
    return QStringLiteral("both");
}

AbstractLanguage abstractLanguageFromName(const QString &name, AbstractLanguage fallback)
{
    for (AbstractLanguage language :
         {AbstractLanguage::English, AbstractLanguage::Chinese, AbstractLanguage::Both})
        if (name == abstractLanguageName(language))
            return language;
    return fallback;
}

namespace settings {

namespace {
const QString kFetchGroup = QStringLiteral("fetch/");
}

FetchSettings fetchSettings(const QSettings &settings)
{
    // The defaults' own map names every key the fetcher knows; unset keys keep the default.
    QVariantMap map = FetchSettings().toVariantMap();
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QVariant stored = settings.value(kFetchGroup + it.key());
        if (stored.isValid())
            it.value() = stored;
    }
    // An INI file holds a one-element list as a plain string.
    const QVariant categories = map.value(QStringLiteral("categories"));
    if (categories.typeId() == QMetaType::QString)
        map.insert(QStringLiteral("categories"), categories.toString()
                                                     .replace(QLatin1Char(','), QLatin1Char(' '))
                                                     .split(QLatin1Char(' '), Qt::SkipEmptyParts));
    return FetchSettings::fromVariantMap(map);
}

QString automaticBackupFolderPath(const QSettings &settings)
{
    const QString folder = automaticBackupFolder.value(settings);
    return folder.isEmpty() ? defaultBackupFolder() : folder;
}

void setFetchSettings(QSettings &settings, const FetchSettings &fetch)
{
    const QVariantMap map = fetch.toVariantMap();
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        settings.setValue(kFetchGroup + it.key(), it.value());
}

} // namespace settings

} // namespace paperboy
