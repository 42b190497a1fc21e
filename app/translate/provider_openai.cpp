// OpenAI-compatible chat completions (OpenAI's API reference, "Create chat completion"), as
// served by OpenAI, DeepSeek, Qwen, Ollama, llama.cpp's server and vLLM. A batch of texts is
// one conversation: the texts as a JSON array in, a JSON array of translations out.

#include "translate/language.h"
#include "translate/providers_impl.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace paperboy::translate {

using namespace Qt::StringLiterals;

namespace {

QString systemPrompt(const QString &language)
{
    const QString name = languageNameForPrompt(language);
    return u"You translate the titles and abstracts of scientific papers from English into %1. "
           "The user sends a JSON array of texts. Answer with a JSON array of exactly as many "
           "strings, the translation of each text in the same order, and nothing else: no "
           "explanation, no notes, no code fence. Translate each text faithfully and completely. "
           "Keep LaTeX and mathematical notation, formulas, variable names, code and URLs "
           "exactly as written, and keep the names of models, datasets, methods and software, "
           "and technical terms and acronyms readers of %1 know in English, in English. Keep "
           "the formatting, such as line breaks. Markers such as [[1]] stand for text that must "
           "not change: copy each marker exactly once, unchanged, where it belongs."_s.arg(name);
}

// The array in a model's answer: bare, inside a code fence, after a reasoning model's
// <think> block, or as the one list inside an object ({"translations": [...]}).
std::optional<QJsonArray> answerArray(QString content)
{
    static const QRegularExpression think(QStringLiteral("^\\s*<think>[\\s\\S]*?</think>"));
    content.remove(think);
    content = content.trimmed();
    static const QRegularExpression fence(QStringLiteral("^```[A-Za-z]*\\s*([\\s\\S]*?)\\s*```$"));
    const QRegularExpressionMatch fenced = fence.match(content);
    if (fenced.hasMatch())
        content = fenced.captured(1);
    auto parse = [](const QString &text) -> std::optional<QJsonArray> {
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
        if (document.isArray())
            return document.array();
        if (document.isObject()) {
            const QJsonObject object = document.object();
            for (auto it = object.begin(); it != object.end(); ++it)
                if (it.value().isArray())
                    return it.value().toArray();
        }
        return std::nullopt;
    };
    if (auto array = parse(content))
        return array;
    const qsizetype open = content.indexOf(u'[');
    const qsizetype close = content.lastIndexOf(u']');
    if (open >= 0 && close > open)
        return parse(content.mid(open, close - open + 1));
    return std::nullopt;
}

class OpenAi final : public TranslationProvider
{
public:
    OpenAi(const TranslationSettings &settings, const QUrl &endpoint, const QString &key)
        // A model's answer is bounded by its output tokens: a few papers per conversation.
        : TranslationProvider(Provider::OpenAi, settings, endpoint, key, 10, 20000)
    {
    }

    Protection protection() const override { return Protection::Placeholders; }

    HttpRequest request(const QStringList &texts, const QString &language) const override
    {
        const QString user = QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(texts)).toJson(QJsonDocument::Compact));
        const QJsonObject body{
            {u"model"_s, m_model},
            {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"system"_s},
                                                   {u"content"_s, systemPrompt(language)}},
                                       QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, user}}}},
            {u"temperature"_s, 0},
            {u"stream"_s, false}};
        HttpRequest http = jsonPost(QJsonDocument(body).toJson(QJsonDocument::Compact));
        if (!m_key.isEmpty()) // local servers need none
            http.headers.emplaceBack("Authorization", "Bearer " + m_key.toUtf8());
        return http;
    }

    ProviderReply parse(const HttpResponse &response, qsizetype expected) const override
    {
        ProviderReply reply;
        QString jsonError;
        const QJsonObject root = jsonBody(response, &jsonError);
        if (!response.ok()) {
            const QJsonValue error = root.value(u"error"_s);
            const QString message = error.isObject()
                                        ? error.toObject().value(u"message"_s).toString()
                                        : error.toString();
            reply.error = failure(response, message);
            // A refused key or an unknown model fails every request alike.
            reply.stopAll =
                response.status == 401 || response.status == 403 || response.status == 404;
            return reply;
        }
        if (!jsonError.isEmpty()) {
            reply.error = u"the server sent %1"_s.arg(jsonError);
            return reply;
        }
        const QJsonObject choice = root.value(u"choices"_s).toArray().at(0).toObject();
        const QJsonObject message = choice.value(u"message"_s).toObject();
        if (choice.isEmpty() || message.isEmpty()) {
            reply.error = u"the server's answer has no message"_s;
            return reply;
        }
        const QString refusal = message.value(u"refusal"_s).toString();
        if (!refusal.isEmpty()) {
            reply.error = redacted(u"the model refused: %1"_s.arg(refusal.simplified().left(200)));
            return reply;
        }
        if (choice.value(u"finish_reason"_s).toString() == u"length"_s) {
            reply.error = u"the model's answer was cut off at its token limit (fewer texts per "
                          "request would fit)"_s;
            return reply;
        }
        const std::optional<QJsonArray> array = answerArray(message.value(u"content"_s).toString());
        if (!array) {
            reply.error = u"the model did not answer with a list of translations"_s;
            return reply;
        }
        if (array->size() != expected) {
            reply.error =
                u"the model sent %1 translations for %2 texts"_s.arg(array->size()).arg(expected);
            return reply;
        }
        for (const QJsonValue &text : *array) {
            if (!text.isString()) {
                reply.error = u"the model sent a translation that is not text"_s;
                reply.texts.clear();
                return reply;
            }
            reply.texts.append(text.toString());
        }
        return reply;
    }
};

} // namespace

std::unique_ptr<TranslationProvider> makeOpenAi(const TranslationSettings &settings,
                                                const QUrl &endpoint, const QString &key)
{
    return std::make_unique<OpenAi>(settings, endpoint, key);
}

} // namespace paperboy::translate
