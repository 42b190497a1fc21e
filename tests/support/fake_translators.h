#pragma once

// Fake DeepL, OpenAI-compatible and LibreTranslate servers on a TestHttpServer, answering in
// the shapes their public documentation gives:
//
//   DeepL    POST /v2/translate  {"text": [...], "target_lang", "tag_handling": "xml", ...}
//            -> {"translations": [{"detected_source_language": "EN", "text": "..."}]}
//            403 {"message": "..."} for a wrong key (header "Authorization: DeepL-Auth-Key K")
//   OpenAI   POST /v1/chat/completions {"model", "messages": [...]}
//            -> {"id", "object": "chat.completion", "created", "model", "choices": [{"index": 0,
//               "message": {"role": "assistant", "content": "..."}, "finish_reason": "stop"}],
//               "usage": {...}}; 401 {"error": {"message", "type", "code"}}
//   Libre    POST /translate {"q": [...], "source", "target", "format", "api_key"}
//            -> {"translatedText": [...]}; 403 {"error": "..."}
//
// Each text is "translated" by `translate` (default: 中文： before the text, markers and tags
// untouched), so a test can tell exactly what came back. `scripted` answers come first, one
// per request, before the server answers properly.

#include "test_http_server.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <functional>

namespace paperboy::test {

class FakeTranslator
{
public:
    enum Kind
    {
        DeepL,
        OpenAi,
        Libre
    };

    FakeTranslator(TestHttpServer &server, Kind kind, QByteArray key = {})
        : m_server(server), m_kind(kind), m_key(std::move(key))
    {
    }

    // Installs the route; call once.
    void install()
    {
        m_server.handle(path(), [this](const RecordedRequest &request) { return answer(request); });
    }

    QString path() const
    {
        switch (m_kind) {
        case DeepL:
            return QStringLiteral("/v2/translate");
        case OpenAi:
            return QStringLiteral("/v1/chat/completions");
        case Libre:
            break;
        }
        return QStringLiteral("/translate");
    }

    std::function<QString(const QString &)> translate = [](const QString &text) {
        return QStringLiteral("中文：") + text;
    };
    // Whole answers in order, before the proper ones (a 429, an apology, a wrong count...).
    QList<CannedResponse> scripted;
    // Every text list received, request by request.
    QList<QStringList> received;
    int delayMs = 0; // per answer: the benchmark's 200 ms provider

    static CannedResponse json(int status, const QJsonObject &body)
    {
        CannedResponse response = CannedResponse::withStatus(
            status, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json");
        return response;
    }

    // A proper answer with exactly these texts, in this provider's shape.
    CannedResponse answerWith(const QStringList &texts, const QString &model = {}) const
    {
        switch (m_kind) {
        case DeepL: {
            QJsonArray translations;
            for (const QString &t : texts)
                translations.append(
                    QJsonObject{{QStringLiteral("detected_source_language"), QStringLiteral("EN")},
                                {QStringLiteral("text"), t}});
            return json(200, {{QStringLiteral("translations"), translations}});
        }
        case OpenAi: {
            const QString content = QString::fromUtf8(
                QJsonDocument(QJsonArray::fromStringList(texts)).toJson(QJsonDocument::Compact));
            return chatAnswer(content, model);
        }
        case Libre:
            break;
        }
        return json(200, {{QStringLiteral("translatedText"), QJsonArray::fromStringList(texts)}});
    }

    static CannedResponse chatAnswer(const QString &content, const QString &model = {},
                                     const QString &finish = QStringLiteral("stop"))
    {
        return json(
            200, {{QStringLiteral("id"), QStringLiteral("chatcmpl-1")},
                  {QStringLiteral("object"), QStringLiteral("chat.completion")},
                  {QStringLiteral("created"), 1718000000},
                  {QStringLiteral("model"), model.isEmpty() ? QStringLiteral("fake-model") : model},
                  {QStringLiteral("choices"),
                   QJsonArray{QJsonObject{
                       {QStringLiteral("index"), 0},
                       {QStringLiteral("message"),
                        QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                    {QStringLiteral("content"), content}}},
                       {QStringLiteral("finish_reason"), finish}}}},
                  {QStringLiteral("usage"), QJsonObject{{QStringLiteral("prompt_tokens"), 10},
                                                        {QStringLiteral("completion_tokens"), 10},
                                                        {QStringLiteral("total_tokens"), 20}}}});
    }

    // The texts a request carried, in this provider's request shape.
    QStringList textsOf(const RecordedRequest &request) const
    {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        switch (m_kind) {
        case DeepL:
            return toStrings(body.value(QStringLiteral("text")).toArray());
        case OpenAi: {
            const QJsonArray messages = body.value(QStringLiteral("messages")).toArray();
            const QString user =
                messages.last().toObject().value(QStringLiteral("content")).toString();
            return toStrings(QJsonDocument::fromJson(user.toUtf8()).array());
        }
        case Libre:
            break;
        }
        return toStrings(body.value(QStringLiteral("q")).toArray());
    }

private:
    static QStringList toStrings(const QJsonArray &array)
    {
        QStringList list;
        for (const QJsonValue &v : array)
            list.append(v.toString());
        return list;
    }

    bool keyAccepted(const RecordedRequest &request) const
    {
        if (m_key.isEmpty())
            return true;
        switch (m_kind) {
        case DeepL:
            return request.header("Authorization") == "DeepL-Auth-Key " + m_key;
        case OpenAi:
            return request.header("Authorization") == "Bearer " + m_key;
        case Libre:
            break;
        }
        return QJsonDocument::fromJson(request.body)
                   .object()
                   .value(QStringLiteral("api_key"))
                   .toString()
                   .toUtf8() == m_key;
    }

    CannedResponse answer(const RecordedRequest &request)
    {
        const QStringList texts = textsOf(request);
        received.append(texts);
        CannedResponse response;
        if (!scripted.isEmpty()) {
            response = scripted.takeFirst();
        } else if (!keyAccepted(request)) {
            // Some servers echo what they were given; the client must not repeat it.
            const QString echoed = QStringLiteral("Invalid key: ") +
                                   QString::fromUtf8(request.header("Authorization"));
            response = m_kind == DeepL ? json(403, {{QStringLiteral("message"), echoed}})
                       : m_kind == OpenAi
                           ? json(401, {{QStringLiteral("error"),
                                         QJsonObject{{QStringLiteral("message"), echoed}}}})
                           : json(403, {{QStringLiteral("error"), echoed}});
        } else {
            QStringList out;
            for (const QString &t : texts)
                out.append(translate(t));
            const QString model = QJsonDocument::fromJson(request.body)
                                      .object()
                                      .value(QStringLiteral("model"))
                                      .toString();
            response = answerWith(out, model);
        }
        if (delayMs > 0 && response.delayMs == 0)
            response.delayMs = delayMs;
        return response;
    }

    TestHttpServer &m_server;
    Kind m_kind;
    QByteArray m_key;
};

} // namespace paperboy::test
