#include "arxiv_rss_parser.h"

#include "core/code_links.h"
#include "core/tex_text.h"

#include <QRegularExpression>
#include <QXmlStreamReader>

namespace paperboy {

using namespace Qt::StringLiterals;

namespace {

constexpr QStringView arxivNamespace = u"http://arxiv.org/schemas/atom";
constexpr QStringView dcNamespace = u"http://purl.org/dc/elements/1.1/";

QString elide(const QString &text, qsizetype length)
{
    return text.size() <= length ? text : text.left(length - 1) + QChar(0x2026);
}

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
    return elide(normalizeWhitespace(match.captured(2).remove(tags)), 80);
}

struct Channel
{
    QString title;
    QString link;
    QString description;
    QString pubDate;
    QString lastBuildDate;
};

struct Item
{
    QString title;
    QString link;
    QString description;
    QString guid;
    QStringList categories;
    QString announceType;
    QString creator;
    QString doi;
    QString journalRef;
    QString pubDate;
};

QString readText(QXmlStreamReader &reader)
{
    return reader.readElementText(QXmlStreamReader::IncludeChildElements);
}

Item readItem(QXmlStreamReader &reader)
{
    Item item;
    while (reader.readNextStartElement()) {
        const QStringView ns = reader.namespaceUri();
        const QStringView name = reader.name();
        if (ns.isEmpty() && name == u"title")
            item.title = readText(reader);
        else if (ns.isEmpty() && name == u"link")
            item.link = readText(reader);
        else if (ns.isEmpty() && name == u"description")
            item.description = readText(reader);
        else if (ns.isEmpty() && name == u"guid")
            item.guid = readText(reader);
        else if (ns.isEmpty() && name == u"category")
            item.categories.append(readText(reader).trimmed());
        else if (ns.isEmpty() && name == u"pubDate")
            item.pubDate = readText(reader);
        else if (ns == arxivNamespace && name == u"announce_type")
            item.announceType = readText(reader).trimmed();
        else if (ns == arxivNamespace && name.compare(u"doi", Qt::CaseInsensitive) == 0)
            item.doi = normalizeWhitespace(readText(reader));
        else if (ns == arxivNamespace && name == u"journal_reference")
            item.journalRef = normalizeWhitespace(readText(reader));
        else if (ns == dcNamespace && name == u"creator")
            item.creator = readText(reader);
        else
            reader.skipCurrentElement();
    }
    return item;
}

// "arXiv:2411.17702v1 Announce Type: new \nAbstract: ..." in front of every abstract.
const QRegularExpression &descriptionPrefix()
{
    static const QRegularExpression prefix(
        uR"(^\s*arXiv:(\S+)\s+Announce Type:\s*([\w-]*)\s*(?:Abstract:\s*)?)"_s);
    return prefix;
}

QStringList uniqueNonEmpty(const QStringList &values)
{
    QStringList result;
    for (const QString &value : values) {
        if (!value.isEmpty() && !result.contains(value))
            result.append(value);
    }
    return result;
}

DigestEntry makeEntry(const Item &item)
{
    DigestEntry entry;
    Paper &paper = entry.paper;

    QString abstract = item.description;
    QString announceType = item.announceType;
    QString idText = item.guid;
    const QRegularExpressionMatch prefix = descriptionPrefix().match(abstract);
    if (prefix.hasMatch()) {
        abstract.remove(0, prefix.capturedLength());
        if (announceType.isEmpty())
            announceType = prefix.captured(2);
        if (idText.isEmpty())
            idText = prefix.captured(1);
    }
    if (!parseArxivId(idText, &paper.arxivId, &paper.version) &&
        !parseArxivId(prefix.captured(1), &paper.arxivId, &paper.version)) {
        parseArxivId(item.link, &paper.arxivId, &paper.version);
    }

    entry.announceType = announceType.toLower();
    paper.title = normalizeWhitespace(item.title);
    paper.abstract = normalizeWhitespace(abstract);
    paper.categories = uniqueNonEmpty(item.categories);
    if (!paper.categories.isEmpty())
        paper.primaryCategory = paper.categories.first();
    paper.authors = splitAuthors(item.creator);
    paper.doi = item.doi;
    paper.journalRef = item.journalRef;
    paper.codeUrl = bestCodeLink(paper.abstract, {}, &paper.codeUrlSource);
    paper.projectUrl = firstProjectPage(paper.abstract, {});
    return entry;
}

const QRegularExpression &rfc2822Date()
{
    static const QRegularExpression date(
        uR"((\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+(\d{4}))"_s,
        QRegularExpression::CaseInsensitiveOption);
    return date;
}

QString categoryFrom(const QString &requested, const Channel &channel)
{
    static const QRegularExpression separators(u"[\\s+,]+"_s);
    if (!requested.trimmed().isEmpty())
        return requested.split(separators, Qt::SkipEmptyParts).join(u' ');
    const qsizetype rss = channel.link.indexOf(u"/rss/"_s);
    if (rss >= 0)
        return channel.link.mid(rss + 5).split(separators, Qt::SkipEmptyParts).join(u' ');
    const qsizetype updates = channel.title.indexOf(u" updates on "_s);
    if (updates > 0)
        return channel.title.left(updates).split(separators, Qt::SkipEmptyParts).join(u' ');
    return {};
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
        return u"not %1: got text \"%2\""_s.arg(expected, elide(normalizeWhitespace(head), 80));
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

ParseResult parseArxivRss(const QByteArray &xml, const QString &requestedCategories)
{
    const QString expected = u"an RSS feed"_s;
    const QString problem = describeNonXmlBody(xml, expected);
    if (!problem.isEmpty())
        return ParseResult::failure(problem);

    QXmlStreamReader reader(xml);
    if (!reader.readNextStartElement()) {
        if (reader.hasError())
            return xmlReaderFailure(reader);
        return ParseResult::failure(u"not an RSS feed: no root element"_s);
    }
    if (reader.name() != u"rss") {
        if (reader.name().compare(u"html", Qt::CaseInsensitive) == 0)
            return ParseResult::failure(u"not an RSS feed: got HTML"_s);
        return ParseResult::failure(
            u"not an RSS feed: the document is <%1>"_s.arg(reader.name().toString()));
    }

    Channel channel;
    QList<Item> items;
    bool sawChannel = false;
    while (reader.readNextStartElement()) {
        if (reader.name() != u"channel" || !reader.namespaceUri().isEmpty()) {
            reader.skipCurrentElement();
            continue;
        }
        sawChannel = true;
        while (reader.readNextStartElement()) {
            const QStringView name = reader.name();
            if (!reader.namespaceUri().isEmpty())
                reader.skipCurrentElement();
            else if (name == u"item")
                items.append(readItem(reader));
            else if (name == u"title")
                channel.title = normalizeWhitespace(readText(reader));
            else if (name == u"link")
                channel.link = readText(reader).trimmed();
            else if (name == u"description")
                channel.description = normalizeWhitespace(readText(reader));
            else if (name == u"pubDate")
                channel.pubDate = readText(reader);
            else if (name == u"lastBuildDate")
                channel.lastBuildDate = readText(reader);
            else
                reader.skipCurrentElement();
        }
    }
    if (reader.hasError())
        return xmlReaderFailure(reader);
    if (!sawChannel)
        return ParseResult::failure(u"not an RSS feed: no <channel>"_s);

    // arXiv answers a bad query with a well-formed, empty channel that names the problem.
    if (channel.title.startsWith(u"Feed error for query"_s)) {
        return ParseResult::failure(u"arXiv RSS feed error: %1"_s.arg(
            channel.description.isEmpty() ? channel.title : channel.description));
    }

    ParseResult result;
    Digest digest;
    digest.source = u"arxiv-rss"_s;
    digest.title = channel.title;
    digest.category = categoryFrom(requestedCategories, channel);
    // pubDate is the announcement day; lastBuildDate is a fallback from the same day.
    digest.date = dateFromRfc2822(channel.pubDate);
    if (!digest.date.isValid())
        digest.date = dateFromRfc2822(channel.lastBuildDate);
    if (!digest.date.isValid() && !items.isEmpty())
        digest.date = dateFromRfc2822(items.first().pubDate);
    if (!digest.date.isValid())
        result.warnings.append(u"the feed names no announcement date"_s);

    int position = 0;
    for (qsizetype i = 0; i < items.size(); ++i) {
        DigestEntry entry = makeEntry(items.at(i));
        if (!entry.paper.isValid()) {
            result.warnings.append(u"item %1 (\"%2\") has no arXiv id; skipped"_s.arg(i + 1).arg(
                elide(normalizeWhitespace(items.at(i).title), 60)));
            continue;
        }
        entry.position = ++position;
        digest.entries.append(entry);
    }
    result.digests.append(digest);
    return result;
}

} // namespace paperboy
