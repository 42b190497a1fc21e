#include "arxiv_rss_parser.h"

#include "core/code_links.h"
#include "core/tex_text.h"
#include "import/xml_support.h"

#include <QRegularExpression>
#include <QXmlStreamReader>

namespace paperboy {

using namespace Qt::StringLiterals;

namespace {

constexpr QStringView arxivNamespace = u"http://arxiv.org/schemas/atom";
constexpr QStringView dcNamespace = u"http://purl.org/dc/elements/1.1/";

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
    // Items become entries as they are read: a 10,000-item feed held as raw items and then as
    // entries needed both at once (about 40 MB more at the peak of a fetch).
    QList<DigestEntry> entries;
    QStringList skipped;
    QString firstItemDate;
    qsizetype itemCount = 0;
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
            else if (name == u"item") {
                const Item item = readItem(reader);
                if (++itemCount == 1)
                    firstItemDate = item.pubDate;
                DigestEntry entry = makeEntry(item);
                if (!entry.paper.isValid()) {
                    skipped.append(
                        u"item %1 (\"%2\") has no arXiv id; skipped"_s.arg(itemCount).arg(
                            elideText(normalizeWhitespace(item.title), 60)));
                    continue;
                }
                entry.position = int(entries.size()) + 1;
                entries.append(std::move(entry));
            } else if (name == u"title")
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
    if (!digest.date.isValid() && itemCount > 0)
        digest.date = dateFromRfc2822(firstItemDate);
    if (!digest.date.isValid())
        result.warnings.append(u"the feed names no announcement date"_s);
    result.warnings.append(skipped);
    digest.entries = std::move(entries);
    result.digests.append(std::move(digest));
    return result;
}

} // namespace paperboy
