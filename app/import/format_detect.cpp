#include "format_detect.h"

#include <QByteArrayView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace paperboy {

namespace {

bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// The 每日学术速递 digest is recognised by its header or by its field labels followed by a
// half- or full-width colon, possibly with closing tags in between in HTML copies. Three
// distinct labels are required because a Chinese abstract page alone has 作者 and 摘要.
bool looksLikeDigestText(QByteArrayView head)
{
    const QString text = QString::fromUtf8(head);
    if (text.contains(u"每日学术速递"_s))
        return true;
    static const QRegularExpression label(
        u"(标题|作者|文章链接|摘要)\\s*(?:<[^<>]{0,40}>\\s*)*[:：]"_s);
    QStringList found;
    QRegularExpressionMatchIterator matches = label.globalMatch(text);
    while (matches.hasNext() && found.size() < 3) {
        const QString name = matches.next().captured(1);
        if (!found.contains(name))
            found.append(name);
    }
    return found.size() >= 3;
}

// The name of the first element, after the XML declaration, comments and DOCTYPE, without a
// namespace prefix ("atom:feed" -> "feed"). Empty when there is none in `head`.
QByteArray rootElementName(QByteArrayView head)
{
    qsizetype pos = 0;
    while (true) {
        pos = head.indexOf('<', pos);
        if (pos < 0 || pos + 1 >= head.size())
            return {};
        const QByteArrayView rest = head.sliced(pos);
        qsizetype close = -1;
        if (rest.startsWith("<?"))
            close = rest.indexOf("?>");
        else if (rest.startsWith("<!--"))
            close = rest.indexOf("-->");
        else if (rest.startsWith("<!"))
            close = rest.indexOf('>');
        else
            break;
        if (close < 0)
            return {};
        pos += close + 1;
    }
    qsizetype end = pos + 1;
    while (end < head.size() && !isAsciiSpace(head.at(end)) && head.at(end) != '>' &&
           head.at(end) != '/')
        ++end;
    QByteArrayView name = head.sliced(pos + 1, end - pos - 1);
    const qsizetype colon = name.lastIndexOf(':');
    if (colon >= 0)
        name = name.sliced(colon + 1);
    return name.toByteArray().toLower();
}

InputFormat detectMarkup(QByteArrayView head)
{
    const QByteArray name = rootElementName(head);
    const QByteArray lower = head.toByteArray().toLower();
    const bool mentionsArxiv = lower.contains("arxiv");
    if (name == "oai-pmh")
        return InputFormat::OaiPmh;
    if (name == "rss")
        return mentionsArxiv ? InputFormat::ArxivRss : InputFormat::Unknown;
    if (name == "feed") {
        // The API answer carries OpenSearch paging; the announcement feed does not.
        if (lower.contains("opensearch") || lower.contains("arxiv.org/api"))
            return InputFormat::ArxivApiAtom;
        return mentionsArxiv ? InputFormat::ArxivAtomFeed : InputFormat::Unknown;
    }
    return looksLikeDigestText(head) ? InputFormat::DigestText : InputFormat::Unknown;
}

// Whether `"key":` occurs as a real key, not inside an escaped string (recordings embed whole
// responses as JSON strings, where the quote is written \").
bool hasJsonKey(QByteArrayView text, const char *key, char valueStart = 0)
{
    const QByteArray quoted = '"' + QByteArray(key) + '"';
    qsizetype pos = 0;
    while ((pos = text.indexOf(quoted, pos)) >= 0) {
        const bool escaped = pos > 0 && text.at(pos - 1) == '\\';
        qsizetype after = pos + quoted.size();
        pos = after;
        if (escaped)
            continue;
        while (after < text.size() && isAsciiSpace(text.at(after)))
            ++after;
        if (after >= text.size() || text.at(after) != ':')
            continue;
        if (valueStart == 0)
            return true;
        ++after;
        while (after < text.size() && isAsciiSpace(text.at(after)))
            ++after;
        if (after < text.size() && text.at(after) == valueStart)
            return true;
    }
    return false;
}

InputFormat detectJsonArray(QByteArrayView head)
{
    qsizetype pos = 1;
    while (pos < head.size() && isAsciiSpace(head.at(pos)))
        ++pos;
    if (pos >= head.size() || head.at(pos) != '{')
        return InputFormat::Unknown;
    return hasJsonKey(head, "paper", '{') ? InputFormat::HfDailyJson : InputFormat::Unknown;
}

InputFormat detectJsonLines(QByteArrayView head)
{
    const qsizetype newline = head.indexOf('\n');
    const bool complete = newline >= 0;
    const QByteArrayView firstLine = complete ? head.first(newline) : head;
    if (complete) {
        // A whole first line must be a whole object: this tells JSON Lines from a
        // pretty-printed document whose first line is a lone "{".
        QJsonParseError parseError;
        const QJsonDocument document =
            QJsonDocument::fromJson(firstLine.toByteArray(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject())
            return InputFormat::Unknown;
        const QJsonObject object = document.object();
        const auto key = [&](const char *name) { return object.contains(QLatin1StringView(name)); };
        if (key("id") && (key("submitter") || key("versions") || key("authors_parsed")))
            return InputFormat::ArxivSnapshotJsonl;
        if (key("id") && key("summary") && (key("abs") || key("pdf")))
            return InputFormat::DigestJsonl;
        return InputFormat::Unknown;
    }
    // A first line longer than the head (huge author lists) is judged by the keys seen so far;
    // both formats put their distinguishing keys before the long fields.
    const auto has = [&](const char *key) { return hasJsonKey(firstLine, key); };
    if (has("id") && (has("submitter") || has("versions") || has("authors_parsed")))
        return InputFormat::ArxivSnapshotJsonl;
    if (has("id") && (has("abs") || has("pdf")))
        return InputFormat::DigestJsonl;
    return InputFormat::Unknown;
}

} // namespace

InputFormat detectFormat(const QByteArray &input)
{
    QByteArrayView head(input.constData(), qMin(input.size(), kFormatSniffBytes));
    if (head.startsWith("\xEF\xBB\xBF"))
        head = head.sliced(3);
    while (!head.isEmpty() && isAsciiSpace(head.front()))
        head = head.sliced(1);
    // NUL bytes mean binary data (or UTF-16, which none of the sources produce).
    if (head.isEmpty() || head.contains('\0'))
        return InputFormat::Unknown;

    switch (head.front()) {
    case '<':
        return detectMarkup(head);
    case '[':
        return detectJsonArray(head);
    case '{':
        return detectJsonLines(head);
    default:
        return looksLikeDigestText(head) ? InputFormat::DigestText : InputFormat::Unknown;
    }
}

QString formatName(InputFormat format)
{
    switch (format) {
    case InputFormat::Unknown:
        break;
    case InputFormat::DigestText:
        return u"每日学术速递 digest (text or HTML)"_s;
    case InputFormat::ArxivApiAtom:
        return u"arXiv API answer (Atom)"_s;
    case InputFormat::ArxivRss:
        return u"arXiv RSS feed"_s;
    case InputFormat::ArxivAtomFeed:
        return u"arXiv Atom feed"_s;
    case InputFormat::OaiPmh:
        return u"OAI-PMH answer"_s;
    case InputFormat::HfDailyJson:
        return u"Hugging Face daily papers (JSON)"_s;
    case InputFormat::DigestJsonl:
        return u"daily-arXiv-ai-enhanced (JSON Lines)"_s;
    case InputFormat::ArxivSnapshotJsonl:
        return u"arXiv metadata snapshot (JSON Lines)"_s;
    }
    return u"unknown format"_s;
}

QStringList knownFormatNames()
{
    QStringList names;
    for (InputFormat format :
         {InputFormat::DigestText, InputFormat::ArxivApiAtom, InputFormat::ArxivRss,
          InputFormat::ArxivAtomFeed, InputFormat::OaiPmh, InputFormat::HfDailyJson,
          InputFormat::DigestJsonl, InputFormat::ArxivSnapshotJsonl})
        names.append(formatName(format));
    return names;
}

} // namespace paperboy
