#include "provider.h"

namespace paperboy::translate {

using namespace Qt::StringLiterals;

TranslationProvider::TranslationProvider(Provider kind, const TranslationSettings &settings,
                                         const QUrl &endpoint, const QString &key,
                                         int defaultBatchTexts, int defaultBatchCharacters)
    : m_kind(kind), m_endpoint(endpoint), m_key(key), m_model(settings.model.trimmed()),
      m_batchTexts(settings.batchTexts > 0 ? settings.batchTexts : defaultBatchTexts),
      m_batchCharacters(settings.batchCharacters > 0 ? settings.batchCharacters
                                                     : defaultBatchCharacters),
      m_timeoutMs(settings.requestTimeoutMs)
{
}

QString TranslationProvider::redacted(const QString &text) const
{
    const QString key = m_key.trimmed();
    if (key.isEmpty())
        return text;
    QString out = text;
    // Servers echo keys whole or half masked ("sk-abc...xyz"): any 6 characters of it go.
    constexpr qsizetype kShortest = 6;
    for (qsizetype length = key.size(); length >= kShortest; --length) {
        for (qsizetype start = 0; start + length <= key.size(); ++start) {
            const QString piece = key.mid(start, length);
            if (out.contains(piece))
                out.replace(piece, u"…"_s);
        }
    }
    return out;
}

HttpRequest TranslationProvider::jsonPost(const QByteArray &body) const
{
    HttpRequest request;
    request.url = m_endpoint;
    request.method = "POST";
    request.body = body;
    request.headers.emplaceBack("Content-Type", "application/json");
    request.headers.emplaceBack("Accept", "application/json");
    request.transferTimeoutMs = m_timeoutMs;
    return request;
}

QString TranslationProvider::failure(const HttpResponse &response,
                                     const QString &serverMessage) const
{
    QString reason = response.error.isEmpty() ? u"HTTP %1"_s.arg(response.status) : response.error;
    const QString message = serverMessage.simplified().left(300);
    if (!message.isEmpty())
        reason += u": "_s + message;
    return redacted(reason);
}

} // namespace paperboy::translate
