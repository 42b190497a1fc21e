#pragma once

// The three services behind makeProvider() (translate/provider_factory.h); one file each.

#include "translate/provider.h"

#include <QJsonObject>

namespace paperboy::translate {

std::unique_ptr<TranslationProvider> makeDeepL(const TranslationSettings &settings,
                                               const QUrl &endpoint, const QString &key);
std::unique_ptr<TranslationProvider> makeOpenAi(const TranslationSettings &settings,
                                                const QUrl &endpoint, const QString &key);
std::unique_ptr<TranslationProvider> makeLibreTranslate(const TranslationSettings &settings,
                                                        const QUrl &endpoint, const QString &key);

// The JSON document of an answer's body, or an empty object with `error` set.
QJsonObject jsonBody(const HttpResponse &response, QString *error);

} // namespace paperboy::translate
