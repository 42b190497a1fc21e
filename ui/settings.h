#pragma once

// Every setting the window keeps, with its type and default, in one place. Enums are stored
// as readable words so a hand-edited settings file stays understandable.

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
// How long a paper must stay on screen before it counts as read.
inline const SettingKey<int> markReadDelayMs{"reader/markReadDelayMs", 1500};

} // namespace settings

} // namespace paperboy
