#include "settings.h"

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

} // namespace paperboy
