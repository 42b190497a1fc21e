#pragma once

// One translation service: how a batch of texts becomes an HTTP request, and how the answer
// becomes texts again. Each follows its service's public documentation:
//
// - DeepL, POST /v2/translate: {"text": [...], "target_lang": "ZH-HANS", "tag_handling":
//   "xml", "ignore_tags": ["x"]} with "Authorization: DeepL-Auth-Key KEY"; answers
//   {"translations": [{"detected_source_language": "EN", "text": "..."}]}, up to 50 texts.
//   429 (slow down), 456 (quota exceeded), 403 (key refused) and 5xx as documented.
// - OpenAI-compatible chat completions, POST /v1/chat/completions: {"model", "messages":
//   [system, user]}; answers {"choices": [{"message": {"content": "..."}, "finish_reason"}]}.
//   The texts travel as a JSON array in the user message and come back as one.
// - LibreTranslate, POST /translate: {"q": [...], "source": "en", "target": "zh", "format":
//   "text", "api_key"}; answers {"translatedText": [...]} (a string for a single text),
//   errors {"error": "..."}.
//
// The key goes into a header (or LibreTranslate's body) and nowhere else: every message made
// from an answer passes through redacted(), in case a server echoes it.

#include "fetch/polite_http.h"
#include "translate/text_protection.h"
#include "translate/translation_settings.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace paperboy::translate {

struct ProviderReply
{
    QStringList texts; // one per text sent, in order, markers still in place
    QString error;     // empty on success
    // No later request of this run can succeed either (key refused, quota used up, model
    // unknown): the translator stops sending.
    bool stopAll = false;
};

class TranslationProvider
{
public:
    virtual ~TranslationProvider() = default;

    Provider kind() const { return m_kind; }
    QString name() const { return providerName(m_kind); }
    QString model() const { return m_model; }
    int batchTexts() const { return m_batchTexts; }
    int batchCharacters() const { return m_batchCharacters; }

    virtual Protection protection() const = 0;
    // `texts` are protected already; `language` is a library code (translate/language.h).
    virtual HttpRequest request(const QStringList &texts, const QString &language) const = 0;
    virtual ProviderReply parse(const HttpResponse &response, qsizetype expected) const = 0;

    // `text` with the key (and any long piece of it) cut out.
    QString redacted(const QString &text) const;

protected:
    TranslationProvider(Provider kind, const TranslationSettings &settings, const QUrl &endpoint,
                        const QString &key, int defaultBatchTexts, int defaultBatchCharacters);
    HttpRequest jsonPost(const QByteArray &body) const;
    // The reason a request failed, with the server's own message when it gave one.
    QString failure(const HttpResponse &response, const QString &serverMessage) const;

    Provider m_kind;
    QUrl m_endpoint;
    QString m_key;
    QString m_model;
    int m_batchTexts;
    int m_batchCharacters;
    int m_timeoutMs;
};

} // namespace paperboy::translate
