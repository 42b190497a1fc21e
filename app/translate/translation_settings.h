#pragma once

// Which translation service to use and how, with defaults in one place. The window maps its
// QSettings onto this (toVariantMap/fromVariantMap); the command line maps its options. The
// API key is never part of it: it lives in the secret store or PAPERBOY_TRANSLATE_KEY
// (translate/secret_store.h), and only in memory while a run uses it.

#include "fetch/fetch_settings.h"

#include <QSettings>
#include <QString>
#include <QUrl>
#include <QVariantMap>

#include <optional>

namespace paperboy::translate {

enum class Provider
{
    None, // nothing is sent anywhere until the user chooses a service
    DeepL,
    OpenAi, // any OpenAI-compatible chat completions server
    LibreTranslate,
};

// "deepl", "openai", "libretranslate"; empty for None.
QString providerName(Provider provider);
std::optional<Provider> providerFromName(const QString &name);
// What the secret store keeps the provider's key under.
QString keyName(Provider provider);

struct TranslationSettings
{
    Provider provider = Provider::None;
    // The server's root; /v2/translate, /v1/chat/completions or /translate is appended. Empty:
    // DeepL's Free or Pro host by the key (Free keys end in ":fx"), https://api.openai.com;
    // LibreTranslate has no default (it is self-hosted).
    QString baseUrl;
    QString model; // chat completions only
    QString targetLanguage = QStringLiteral("zh-CN");
    int batchTexts = 0;      // texts per request; 0: the provider's (DeepL's limit is 50)
    int batchCharacters = 0; // characters per request; 0: the provider's
    // No byte for this long fails the request: a local model may think for minutes.
    int requestTimeoutMs = 180000;
    PolitenessSettings politeness = defaultPoliteness();

    // The services pace their clients themselves (429 with Retry-After) and are paid per
    // character: no pause of our own between requests, but every other guard of PoliteHttp.
    static PolitenessSettings defaultPoliteness();

    // The endpoint for the provider (with the key deciding DeepL's host); invalid with
    // `error` set when the settings name none.
    QUrl endpoint(const QString &key, QString *error) const;

    // Keys: provider (name), baseUrl, model, targetLanguage, batchTexts, batchCharacters,
    // requestTimeoutMs. Missing keys keep their defaults. Never holds a key.
    QVariantMap toVariantMap() const;
    static TranslationSettings fromVariantMap(const QVariantMap &map);

    // TEST ONLY: PAPERBOY_TRANSLATE_BACKOFF_MS and PAPERBOY_TRANSLATE_TIMEOUT_MS shorten the
    // waits for the command-line tests. Unset variables change nothing.
    void applyTestEnvironment();
};

// The user's saved choice (Preferences) under the settings group "translation", keys as in
// toVariantMap(). The command line starts from it; its options override.
TranslationSettings loadTranslationSettings(const QSettings &settings);
void saveTranslationSettings(QSettings &settings, const TranslationSettings &translation);

} // namespace paperboy::translate
