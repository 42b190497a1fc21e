#pragma once

// The reader window's settings (geometry, last day, fetching, backups), each with its type and
// default; the Preferences dialog's own keys are in preferences/preference_keys.h. Enums are
// stored as readable words so a hand-edited settings file stays understandable.

#include "fetch/fetch_settings.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QSettings>
#include <QString>
#include <QVariant>

namespace paperboy {

enum class AbstractLanguage
{
    English,
    Chinese,
    Both
};

QString abstractLanguageName(AbstractLanguage language);
AbstractLanguage abstractLanguageFromName(const QString &name, AbstractLanguage fallback);

template <typename T> class SettingKey
{
public:
    SettingKey(const char *name, T defaultValue)
        : m_name(QLatin1String(name)), m_default(std::move(defaultValue))
    {
    }

    T value(const QSettings &settings) const
    {
        const QVariant stored = settings.value(m_name);
        if (!stored.isValid())
            return m_default;
        if constexpr (std::is_same_v<T, AbstractLanguage>)
            return abstractLanguageFromName(stored.toString(), m_default);
        else if constexpr (std::is_same_v<T, QDate>)
            return stored.toString().isEmpty() ? m_default
                                               : QDate::fromString(stored.toString(), Qt::ISODate);
        else
            return stored.canConvert<T>() ? stored.value<T>() : m_default;
    }

    void setValue(QSettings &settings, const T &value) const
    {
        if constexpr (std::is_same_v<T, AbstractLanguage>)
            settings.setValue(m_name, abstractLanguageName(value));
        else if constexpr (std::is_same_v<T, QDate>)
            settings.setValue(m_name, value.toString(Qt::ISODate));
        else
            settings.setValue(m_name, QVariant::fromValue(value));
    }

    QString name() const { return m_name; }
    T defaultValue() const { return m_default; }

private:
    QString m_name;
    T m_default;
};

namespace settings {

inline const SettingKey<QByteArray> windowGeometry{"window/geometry", {}};
inline const SettingKey<QByteArray> windowState{"window/state", {}};
inline const SettingKey<QByteArray> mainSplitter{"window/mainSplitter", {}};
inline const SettingKey<QByteArray> detailSplitter{"window/detailSplitter", {}};
inline const SettingKey<QDate> lastDay{"reader/lastDay", {}};
inline const SettingKey<QString> lastPaper{"reader/lastPaper", {}};
inline const SettingKey<AbstractLanguage> abstractLanguage{"reader/abstractLanguage",
                                                           AbstractLanguage::Both};
// Reading less (issue #16): any list best first for you, and read papers hidden.
inline const SettingKey<bool> sortForYou{"reader/sortForYou", false};
inline const SettingKey<bool> hideRead{"reader/hideRead", false};
// How long a paper must stay on screen before it counts as read.
inline const SettingKey<int> markReadDelayMs{"reader/markReadDelayMs", 1500};
// Search results in order of relevance instead of newest first.
inline const SettingKey<bool> searchByRelevance{"search/byRelevance", false};
// Where the last export or backup went, so the next file dialog starts there.
inline const SettingKey<QString> exportFolder{"export/folder", {}};
// Where Markdown notes went last (issue #21): a vault is one folder, exported to again and again.
inline const SettingKey<QString> notesFolder{"export/notesFolder", {}};
// Zotero's connector (issue #21, "Save to Zotero"): its desktop app serves it here.
inline const SettingKey<QString> zoteroConnector{"zotero/connector",
                                                 QStringLiteral("http://127.0.0.1:23119")};

// Fetching: today's listing when the window opens, and again after each announcement.
inline const SettingKey<bool> fetchOnStart{"fetch/onStart", true};
inline const SettingKey<bool> fetchAfterAnnouncement{"fetch/afterAnnouncement", true};
// Desktop notifications (notify/notify_controller.h): today's listing arrived after a scheduled
// check; a starred paper has a new version. And the tray icon with the unread count.
inline const SettingKey<bool> notifyListing{"notify/listingArrived", true};
inline const SettingKey<bool> notifyStarredVersions{"notify/starredVersions", true};
// A paper the reader starred, noted or tagged got its first code link (any import or fetch).
inline const SettingKey<bool> notifyCodeLinks{"notify/codeLinks", true};
inline const SettingKey<bool> trayIcon{"notify/trayIcon", false};
// Everything else the fetcher is told lives under "fetch/" with FetchSettings' own key names
// and defaults (fetch_settings.h), read and written through these two.
FetchSettings fetchSettings(const QSettings &settings);
void setFetchSettings(QSettings &settings, const FetchSettings &fetch);

// A rotating copy of the user data, written when the window opens; 0 keeps none.
inline const SettingKey<int> automaticBackups{"backup/keep", 7};
// Empty: defaultBackupFolder() (app data location / backups).
inline const SettingKey<QString> automaticBackupFolder{"backup/folder", {}};
// The folder itself: the setting, else the default.
QString automaticBackupFolderPath(const QSettings &settings);

// Translation (#17). The service itself is translate::TranslationSettings under the same
// group (translation_settings.h); these say when the window translates on its own. The key
// is never a setting: it lives in the desktop's secret store.
inline const SettingKey<bool> translateStarred{"translation/autoStarred", false};
// Categories whose new papers are translated after each fetch, separated by spaces.
inline const SettingKey<QString> translateCategories{"translation/autoCategories", {}};
// Characters automatic runs may send per day (UTC); what was sent today is counted below.
inline const SettingKey<int> translateDailyCap{"translation/dailyCharacterCap", 100000};
inline const SettingKey<QDate> translateUsedDay{"translation/usedDay", {}};
inline const SettingKey<int> translateUsedCharacters{"translation/usedCharacters", 0};

} // namespace settings

} // namespace paperboy
