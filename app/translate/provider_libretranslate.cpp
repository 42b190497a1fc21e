// LibreTranslate's /translate (its API documentation and app.py): "q" may be a list, and the
// answer's "translatedText" is then a list in the same order; errors are {"error": "..."}.

#include "translate/language.h"
#include "translate/providers_impl.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace paperboy::translate {

using namespace Qt::StringLiterals;

namespace {

class LibreTranslate final : public TranslationProvider
{
public:
    LibreTranslate(const TranslationSettings &settings, const QUrl &endpoint, const QString &key)
        : TranslationProvider(Provider::LibreTranslate, settings, endpoint, key, 50, 60000)
    {
        m_model.clear();
    }

    Protection protection() const override { return Protection::Placeholders; }

    HttpRequest request(const QStringList &texts, const QString &language) const override
    {
        QJsonObject body{{u"q"_s, QJsonArray::fromStringList(texts)},
                         {u"source"_s, u"en"_s},
                         {u"target"_s, libreTranslateCode(language)},
                         {u"format"_s, u"text"_s}};
        if (!m_key.isEmpty())
            body.insert(u"api_key"_s, m_key);
        return jsonPost(QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    ProviderReply parse(const HttpResponse &response, qsizetype expected) const override
    {
        ProviderReply reply;
        QString jsonError;
        const QJsonObject root = jsonBody(response, &jsonError);
        if (!response.ok()) {
            const QString message = root.value(u"error"_s).toString();
            reply.error = failure(response, message);
            // A refused key, or a language the server cannot translate into: every request
            // of the run would get the same answer.
            reply.stopAll = response.status == 401 || response.status == 403 ||
                            (response.status == 400 && message.contains(u"not supported"_s)) ||
                            (response.status == 400 && message.contains(u"not available"_s));
            return reply;
        }
        if (!jsonError.isEmpty()) {
            reply.error = u"LibreTranslate sent %1"_s.arg(jsonError);
            return reply;
        }
        const QJsonValue translated = root.value(u"translatedText"_s);
        if (translated.isString() && expected == 1) {
            reply.texts.append(translated.toString());
            return reply;
        }
        const QJsonArray texts = translated.toArray();
        if (!translated.isArray() || texts.size() != expected) {
            reply.error = u"LibreTranslate sent %1 translations for %2 texts"_s
                              .arg(translated.isArray() ? texts.size() : 0)
                              .arg(expected);
            return reply;
        }
        for (const QJsonValue &text : texts) {
            if (!text.isString()) {
                reply.error = u"LibreTranslate sent a translation that is not text"_s;
                reply.texts.clear();
                return reply;
            }
            reply.texts.append(text.toString());
        }
        return reply;
    }
};

} // namespace

std::unique_ptr<TranslationProvider> makeLibreTranslate(const TranslationSettings &settings,
                                                        const QUrl &endpoint, const QString &key)
{
    return std::make_unique<LibreTranslate>(settings, endpoint, key);
}

} // namespace paperboy::translate
