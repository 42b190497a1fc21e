#include "json_text.h"

#include "core/tex_text.h"
#include "import/xml_support.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace paperboy {

QString normaliseAbstract(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool pendingSpace = false;
    bool pendingBreak = false;
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            const QChar next = i + 1 < size ? text.at(i + 1) : QChar();
            if (c == u'\n' && (next == u' ' || next == u'\t' || next == u'\n'))
                pendingBreak = true;
            else
                pendingSpace = true;
            continue;
        }
        if (!out.isEmpty()) {
            if (pendingBreak)
                out += u'\n';
            else if (pendingSpace)
                out += u' ';
        }
        pendingSpace = pendingBreak = false;
        out += c;
    }
    return out;
}

QString authorName(const QString &text)
{
    return normalizeWhitespace(texToUnicode(text));
}

QStringList jsonStringList(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    out.reserve(array.size());
    for (const QJsonValue &item : array) {
        const QString text = normalizeWhitespace(item.toString());
        if (!text.isEmpty())
            out.append(text);
    }
    return out;
}

QString describeNonJsonBody(const QByteArray &body, const QString &expected)
{
    QByteArray head = body.left(4096);
    if (head.startsWith("\xEF\xBB\xBF"))
        head.remove(0, 3);
    head = head.trimmed();
    if (head.isEmpty())
        return body.trimmed().isEmpty() ? u"empty response"_s : QString();
    if (head.startsWith('[') || head.startsWith('{'))
        return {};
    const QString described = describeNonXmlBody(body, expected);
    return described.isEmpty() ? u"not %1: got XML"_s.arg(expected) : described;
}

QString describeJsonError(const QJsonParseError &error, qsizetype inputSize)
{
    const bool cutShort = error.error == QJsonParseError::UnterminatedObject ||
                          error.error == QJsonParseError::UnterminatedArray ||
                          error.error == QJsonParseError::UnterminatedString ||
                          error.offset >= inputSize;
    return u"%1 JSON at offset %2: %3"_s.arg(cutShort ? u"truncated"_s : u"invalid"_s)
        .arg(error.offset)
        .arg(error.errorString());
}

} // namespace paperboy
