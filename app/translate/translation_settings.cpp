#include "translation_settings.h"

#include <QProcessEnvironment>

namespace paperboy::translate {

using namespace Qt::StringLiterals;

QString providerName(Provider provider)
{
    switch (provider) {
    case Provider::DeepL:
        return u"deepl"_s;
    case Provider::OpenAi:
        return u"openai"_s;
    case Provider::LibreTranslate:
        return u"libretranslate"_s;
    case Provider::None:
        break;
    }
    return {};
}

std::optional<Provider> providerFromName(const QString &name)
{
    for (const Provider p : {Provider::DeepL, Provider::OpenAi, Provider::LibreTranslate})
        if (providerName(p) == name.trimmed().toLower())
            return p;
    if (name.trimmed().isEmpty() || name.trimmed().toLower() == u"none"_s)
        return Provider::None;
    return std::nullopt;
}

QString keyName(Provider provider)
{
    return u"translate/"_s + providerName(provider);
}

PolitenessSettings TranslationSettings::defaultPoliteness()
{
    PolitenessSettings p;
    p.minRequestSpacingMs = 0;
    p.otherSiteSpacingMs = 0;
    p.maxTries = 4;
    p.backoffBaseMs = 2000;
    p.backoffMaxMs = 60000;
    p.maxRetryAfterMs = 300000;
    p.totalTimeoutMs = 600000;
    p.maxResponseBytes = 16LL * 1024 * 1024;
    return p;
}

QUrl TranslationSettings::endpoint(const QString &key, QString *error) const
{
    auto fail = [error](const QString &what) {
        if (error)
            *error = what;
        return QUrl();
    };
    QString base = baseUrl.trimmed();
    QString path;
    QString versionSegment; // a root given with the API version still works
    switch (provider) {
    case Provider::None:
        return fail(u"no translation service is chosen"_s);
    case Provider::DeepL:
        if (base.isEmpty())
            base = key.trimmed().endsWith(u":fx"_s) ? u"https://api-free.deepl.com"_s
                                                    : u"https://api.deepl.com"_s;
        path = u"/v2/translate"_s;
        versionSegment = u"/v2"_s;
        break;
    case Provider::OpenAi:
        if (base.isEmpty())
            base = u"https://api.openai.com"_s;
        path = u"/v1/chat/completions"_s;
        versionSegment = u"/v1"_s;
        break;
    case Provider::LibreTranslate:
        if (base.isEmpty())
            return fail(u"LibreTranslate needs the server's address (--base-url)"_s);
        path = u"/translate"_s;
        break;
    }
    QUrl url(base, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != u"http"_s && url.scheme() != u"https"_s))
        return fail(
            u"the translation server's address must be an http(s) URL, not '%1'"_s.arg(base));
    if (!url.query().isEmpty() || !url.fragment().isEmpty())
        return fail(u"the translation server's address is its root, without ?query or #part"_s);
    QString root = url.path();
    while (root.endsWith(u'/'))
        root.chop(1);
    if (!versionSegment.isEmpty() && root.endsWith(versionSegment))
        root.chop(versionSegment.size());
    url.setPath(root + path);
    return url;
}

QVariantMap TranslationSettings::toVariantMap() const
{
    return {{u"provider"_s, providerName(provider)},
            {u"baseUrl"_s, baseUrl},
            {u"model"_s, model},
            {u"targetLanguage"_s, targetLanguage},
            {u"batchTexts"_s, batchTexts},
            {u"batchCharacters"_s, batchCharacters},
            {u"requestTimeoutMs"_s, requestTimeoutMs}};
}

TranslationSettings TranslationSettings::fromVariantMap(const QVariantMap &map)
{
    TranslationSettings s;
    const TranslationSettings defaults;
    s.provider = providerFromName(map.value(u"provider"_s).toString()).value_or(Provider::None);
    s.baseUrl = map.value(u"baseUrl"_s, defaults.baseUrl).toString();
    s.model = map.value(u"model"_s, defaults.model).toString();
    s.targetLanguage = map.value(u"targetLanguage"_s, defaults.targetLanguage).toString();
    if (s.targetLanguage.trimmed().isEmpty())
        s.targetLanguage = defaults.targetLanguage;
    bool ok = false;
    const int texts = map.value(u"batchTexts"_s).toInt(&ok);
    s.batchTexts = ok && texts >= 0 ? texts : defaults.batchTexts;
    const int characters = map.value(u"batchCharacters"_s).toInt(&ok);
    s.batchCharacters = ok && characters >= 0 ? characters : defaults.batchCharacters;
    const int timeout = map.value(u"requestTimeoutMs"_s).toInt(&ok);
    s.requestTimeoutMs = ok && timeout > 0 ? timeout : defaults.requestTimeoutMs;
    return s;
}

void TranslationSettings::applyTestEnvironment()
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    auto number = [&env](const char *name, int *target) {
        bool ok = false;
        const int value = env.value(QLatin1String(name)).toInt(&ok);
        if (ok && value > 0)
            *target = value;
    };
    number("PAPERBOY_TRANSLATE_BACKOFF_MS", &politeness.backoffBaseMs);
    number("PAPERBOY_TRANSLATE_BACKOFF_MS", &politeness.backoffMaxMs);
    number("PAPERBOY_TRANSLATE_TIMEOUT_MS", &requestTimeoutMs);
}

TranslationSettings loadTranslationSettings(const QSettings &settings)
{
    QVariantMap map;
    const QString prefix = u"translation/"_s;
    for (const QString &key : settings.allKeys())
        if (key.startsWith(prefix))
            map.insert(key.mid(prefix.size()), settings.value(key));
    return TranslationSettings::fromVariantMap(map);
}

void saveTranslationSettings(QSettings &settings, const TranslationSettings &translation)
{
    const QVariantMap map = translation.toVariantMap();
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        settings.setValue(u"translation/"_s + it.key(), it.value());
}

} // namespace paperboy::translate
