// DeepL's text translation API (developers.deepl.com, "Translate text"): up to 50 texts per
// request, request bodies under 128 KiB, XML tag handling to keep protected spans.

#include "translate/language.h"
#include "translate/providers_impl.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace paperboy::translate {

using namespace Qt::StringLiterals;

QJsonObject jsonBody(const HttpResponse &response, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        if (error)
            *error = response.body.trimmed().isEmpty() ? u"an empty answer"_s
                                                       : u"an answer that is not JSON"_s;
        return {};
    }
    return document.object();
}

namespace {

class DeepL final : public TranslationProvider
{
public:
    DeepL(const TranslationSettings &settings, const QUrl &endpoint, const QString &key)
        // 128 KiB per request body: 100,000 characters of mostly ASCII English leaves room
        // for the JSON and the markers.
        : TranslationProvider(Provider::DeepL, settings, endpoint, key, 50, 100000)
    {
        m_model.clear(); // DeepL picks its own model
    }

    Protection protection() const override { return Protection::XmlTags; }

    HttpRequest request(const QStringList &texts, const QString &language) const override
    {
        const QJsonObject body{{u"text"_s, QJsonArray::fromStringList(texts)},
                               {u"source_lang"_s, u"EN"_s},
                               {u"target_lang"_s, deeplTargetCode(language)},
                               {u"tag_handling"_s, u"xml"_s},
                               {u"ignore_tags"_s, QJsonArray{u"x"_s}}};
        HttpRequest http = jsonPost(QJsonDocument(body).toJson(QJsonDocument::Compact));
        http.headers.emplaceBack("Authorization", "DeepL-Auth-Key " + m_key.toUtf8());
        // 456 is "quota exceeded": retried only when DeepL says when (HttpRequest).
        http.retryAfterStatuses = {456};
        return http;
    }

    ProviderReply parse(const HttpResponse &response, qsizetype expected) const override
    {
        ProviderReply reply;
        QString jsonError;
        const QJsonObject root = jsonBody(response, &jsonError);
        if (!response.ok()) {
            const QString message = root.value(u"message"_s).toString();
            switch (response.status) {
            case 401:
            case 403:
                reply.error = failure(response, message) + u" (DeepL refused the key)"_s;
                reply.stopAll = true;
                break;
            case 456:
                reply.error = failure(response, message) +
                              u" (the DeepL account's character quota is used up)"_s;
                reply.stopAll = true;
                break;
            default:
                reply.error = failure(response, message);
            }
            return reply;
        }
        if (!jsonError.isEmpty()) {
            reply.error = u"DeepL sent %1"_s.arg(jsonError);
            return reply;
        }
        const QJsonArray translations = root.value(u"translations"_s).toArray();
        if (translations.size() != expected) {
            reply.error =
                u"DeepL sent %1 translations for %2 texts"_s.arg(translations.size()).arg(expected);
            return reply;
        }
        for (const QJsonValue &t : translations) {
            const QJsonValue text = t.toObject().value(u"text"_s);
            if (!text.isString()) {
                reply.error = u"DeepL sent a translation without text"_s;
                reply.texts.clear();
                return reply;
            }
            reply.texts.append(text.toString());
        }
        return reply;
    }
};

} // namespace

std::unique_ptr<TranslationProvider> makeDeepL(const TranslationSettings &settings,
                                               const QUrl &endpoint, const QString &key)
{
    return std::make_unique<DeepL>(settings, endpoint, key);
}

} // namespace paperboy::translate
