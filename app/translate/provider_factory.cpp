#include "provider_factory.h"

#include "translate/providers_impl.h"

namespace paperboy::translate {

using namespace Qt::StringLiterals;

std::unique_ptr<TranslationProvider> makeProvider(const TranslationSettings &settings,
                                                  const QString &key, QString *error)
{
    const QUrl endpoint = settings.endpoint(key, error);
    if (!endpoint.isValid())
        return nullptr;
    switch (settings.provider) {
    case Provider::DeepL:
        if (key.trimmed().isEmpty()) {
            if (error)
                *error = u"DeepL needs an API key: set PAPERBOY_TRANSLATE_KEY or save one in "
                         "Preferences"_s;
            return nullptr;
        }
        return makeDeepL(settings, endpoint, key.trimmed());
    case Provider::OpenAi:
        if (settings.model.trimmed().isEmpty()) {
            if (error)
                *error = u"an OpenAI-compatible server needs a model name (--model)"_s;
            return nullptr;
        }
        return makeOpenAi(settings, endpoint, key.trimmed());
    case Provider::LibreTranslate:
        return makeLibreTranslate(settings, endpoint, key.trimmed());
    case Provider::None:
        break;
    }
    if (error)
        *error = u"no translation service is chosen"_s;
    return nullptr;
}

} // namespace paperboy::translate
