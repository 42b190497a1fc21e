#include "import/xml_support.h"

#include "core/tex_text.h"

#include <QRegularExpression>
#include <QXmlStreamReader>

namespace paperboy {

using namespace Qt::StringLiterals;

namespace {

bool looksBinary(const QByteArray &head)
{
    qsizetype controls = 0;
    for (const char byte : head) {
        const auto c = static_cast<unsigned char>(byte);
        if (c == 0)
            return true;
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            ++controls;
    }
    const QString decoded = QString::fromUtf8(head);
    const qsizetype replacements = decoded.count(QChar::ReplacementCharacter);
    // Random bytes decode to many U+FFFD; one odd byte in a text page does not.
    return controls > 0 || replacements * 10 > decoded.size();
}

QString htmlHeadline(const QString &html)
{
    static const QRegularExpression headline(u"<(title|h1)\\b[^>]*>(.*?)</\\1>"_s,
                                             QRegularExpression::CaseInsensitiveOption |
                                                 QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tags(u"<[^>]*>"_s);
    const QRegularExpressionMatch match = headline.match(html);
    if (!match.hasMatch())
        return {};
    return elideText(normalizeWhitespace(match.captured(2).remove(tags)), 80);
}

const QRegularExpression &rfc2822Date()
{
    static const QRegularExpression date(
        uR"((\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+(\d{4}))"_s,
        QRegularExpression::CaseInsensitiveOption);
    return date;
}

} // namespace

// The date as written, not converted to UTC: arXiv announces in US Eastern time and a late
// evening timestamp would otherwise move to the next day.
QDate dateFromRfc2822(const QString &text)
{
    static const QStringList months = {u"jan"_s, u"feb"_s, u"mar"_s, u"apr"_s, u"may"_s, u"jun"_s,
                                       u"jul"_s, u"aug"_s, u"sep"_s, u"oct"_s, u"nov"_s, u"dec"_s};
    const QRegularExpressionMatch match = rfc2822Date().match(text);
    if (!match.hasMatch())
        return {};
    const int month = int(months.indexOf(match.captured(2).toLower())) + 1;
    return QDate(match.captured(3).toInt(), month, match.captured(1).toInt());
}

QString describeNonXmlBody(const QByteArray &body, const QString &expected)
{
    QByteArray content = body;
    if (content.startsWith("\xEF\xBB\xBF"))
        content.remove(0, 3);
    content = content.trimmed();
    if (content.isEmpty())
        return u"empty response"_s;
    if (looksBinary(content.left(512)))
        return u"not %1: got binary data (%2 bytes)"_s.arg(expected).arg(body.size());
    const QString head = QString::fromUtf8(content.left(4096));
    if (!head.startsWith(u'<'))
        return u"not %1: got text \"%2\""_s.arg(expected, elideText(normalizeWhitespace(head), 80));
    const QString lower = head.left(512).toLower();
    if (lower.startsWith(u"<!doctype html") || lower.startsWith(u"<html")) {
        const QString headline = htmlHeadline(head);
        return headline.isEmpty() ? u"not %1: got HTML"_s.arg(expected)
                                  : u"not %1: got HTML (\"%2\")"_s.arg(expected, headline);
    }
    return {};
}

ParseResult xmlReaderFailure(const QXmlStreamReader &reader)
{
    const int line = int(reader.lineNumber());
    if (reader.error() == QXmlStreamReader::PrematureEndOfDocumentError)
        return ParseResult::failure(u"truncated XML at line %1"_s.arg(line), line);
    return ParseResult::failure(
        u"malformed XML at line %1: %2"_s.arg(line).arg(reader.errorString()), line);
}

} // namespace paperboy
