#include "arxiv_atom_parser.h"

#include "core/code_links.h"
#include "core/tex_text.h"
#include "import/xml_support.h"

#include <QRegularExpression>
#include <QXmlStreamReader>

namespace paperboy {

using namespace Qt::StringLiterals;

namespace {

constexpr QStringView atomNamespace = u"http://www.w3.org/2005/Atom";
constexpr QStringView arxivNamespace = u"http://arxiv.org/schemas/atom";
constexpr QStringView opensearchNamespace = u"http://a9.com/-/spec/opensearch/1.1/";

struct Entry
{
    QString id;
    QString title;
    QString summary;
    QStringList authors;
    QString primaryCategory;
    QStringList categories;
    QString comment;
    QString journalRef;
    QString doi;
    QString doiLink;
    QStringList links;
    QString published;
    QString updated;
    bool hasTitle = false;
};

QString readText(QXmlStreamReader &reader)
{
    return reader.readElementText(QXmlStreamReader::IncludeChildElements);
}

QString readAuthorName(QXmlStreamReader &reader)
{
    QString name;
    while (reader.readNextStartElement()) {
        if (reader.namespaceUri() == atomNamespace && reader.name() == u"name")
            name = readText(reader);
        else
            reader.skipCurrentElement();
    }
    return name;
}

void readLink(QXmlStreamReader &reader, Entry *entry)
{
    const QXmlStreamAttributes attributes = reader.attributes();
    const QString href = attributes.value(u"href"_s).toString().trimmed();
    // The Nov 2025 regression dropped rel/type/title, so links are also kept without them.
    if (attributes.value(u"title"_s) == u"doi")
        entry->doiLink = href;
    else if (!href.isEmpty())
        entry->links.append(href);
    reader.skipCurrentElement();
}

Entry readEntry(QXmlStreamReader &reader)
{
    Entry entry;
    while (reader.readNextStartElement()) {
        const QStringView ns = reader.namespaceUri();
        const QStringView name = reader.name();
        if (ns == atomNamespace) {
            if (name == u"id") {
                entry.id = readText(reader).trimmed();
            } else if (name == u"title") {
                entry.title = readText(reader);
                entry.hasTitle = true;
            } else if (name == u"summary") {
                entry.summary = readText(reader);
            } else if (name == u"author") {
                entry.authors.append(readAuthorName(reader));
            } else if (name == u"category") {
                entry.categories.append(reader.attributes().value(u"term"_s).toString());
                reader.skipCurrentElement();
            } else if (name == u"link") {
                readLink(reader, &entry);
            } else if (name == u"published") {
                entry.published = readText(reader).trimmed();
            } else if (name == u"updated") {
                entry.updated = readText(reader).trimmed();
            } else {
                reader.skipCurrentElement();
            }
        } else if (ns == arxivNamespace) {
            if (name == u"primary_category") {
                entry.primaryCategory = reader.attributes().value(u"term"_s).toString();
                reader.skipCurrentElement();
            } else if (name == u"comment") {
                entry.comment = readText(reader);
            } else if (name == u"journal_ref") {
                entry.journalRef = readText(reader);
            } else if (name == u"doi") {
                entry.doi = readText(reader);
            } else {
                reader.skipCurrentElement();
            }
        } else {
            reader.skipCurrentElement();
        }
    }
    return entry;
}

// Category terms also carry MSC ("35", "68T05") and ACM ("I.2.6") classes in the legacy
// format; only arXiv subject classes belong in Paper::categories.
bool isArxivCategory(const QString &term)
{
    static const QRegularExpression pattern(u"^[a-z][a-z-]*(\\.[A-Za-z][A-Za-z-]*)?$"_s);
    return pattern.match(term).hasMatch();
}

QDate isoDate(const QString &text)
{
    return QDate::fromString(text.left(10), Qt::ISODate);
}

QString doiFrom(const Entry &entry)
{
    static const QRegularExpression resolver(u"^https?://(dx\\.)?doi\\.org/"_s,
                                             QRegularExpression::CaseInsensitiveOption);
    QString doi = normalizeWhitespace(entry.doi);
    if (doi.isEmpty())
        doi = QString(entry.doiLink).remove(resolver);
    // Papers with an erratum list two DOIs; the first is the article itself.
    return doi.section(u' ', 0, 0);
}

Paper makePaper(const Entry &entry)
{
    Paper paper;
    if (!parseArxivId(entry.id, &paper.arxivId, &paper.version)) {
        for (const QString &link : entry.links) {
            if (link.contains(u"/abs/"_s) && parseArxivId(link, &paper.arxivId, &paper.version))
                break;
        }
    }
    paper.title = normalizeWhitespace(entry.title);
    paper.abstract = normalizeWhitespace(entry.summary);
    for (const QString &author : entry.authors) {
        const QString name = normalizeWhitespace(texToUnicode(author));
        if (!name.isEmpty())
            paper.authors.append(name);
    }
    QStringList terms = entry.categories;
    terms.prepend(entry.primaryCategory);
    for (const QString &term : std::as_const(terms)) {
        const QString category = term.trimmed();
        if (isArxivCategory(category) && !paper.categories.contains(category))
            paper.categories.append(category);
    }
    if (!paper.categories.isEmpty())
        paper.primaryCategory = paper.categories.first();
    paper.comment = normalizeWhitespace(entry.comment);
    paper.journalRef = normalizeWhitespace(entry.journalRef);
    paper.doi = doiFrom(entry);
    paper.published = isoDate(entry.published);
    paper.updated = isoDate(entry.updated);
    paper.codeUrl = bestCodeLink(paper.abstract, paper.comment, &paper.codeUrlSource);
    paper.projectUrl = firstProjectPage(paper.abstract, paper.comment);
    return paper;
}

bool isErrorEntry(const Entry &entry)
{
    return entry.id.contains(u"/api/errors"_s) || (normalizeWhitespace(entry.title) == u"Error" &&
                                                   !parseArxivId(entry.id, nullptr, nullptr));
}

} // namespace

ParseResult parseArxivAtom(const QByteArray &xml)
{
    const QString expected = u"an arXiv API response"_s;
    const QString problem = describeNonXmlBody(xml, expected);
    if (!problem.isEmpty())
        return ParseResult::failure(problem);

    QXmlStreamReader reader(xml);
    if (!reader.readNextStartElement()) {
        if (reader.hasError())
            return xmlReaderFailure(reader);
        return ParseResult::failure(u"not an arXiv API response: no root element"_s);
    }
    if (reader.name() != u"feed" || reader.namespaceUri() != atomNamespace) {
        if (reader.name().compare(u"html", Qt::CaseInsensitive) == 0)
            return ParseResult::failure(u"not an arXiv API response: got HTML"_s);
        return ParseResult::failure(
            u"not an arXiv API response: the document is <%1>"_s.arg(reader.name().toString()));
    }

    QList<Entry> entries;
    int totalResults = -1;
    while (reader.readNextStartElement()) {
        if (reader.namespaceUri() == atomNamespace && reader.name() == u"entry") {
            entries.append(readEntry(reader));
        } else if (reader.namespaceUri() == opensearchNamespace &&
                   reader.name() == u"totalResults") {
            bool ok = false;
            const int value = readText(reader).trimmed().toInt(&ok);
            if (ok)
                totalResults = value;
        } else {
            reader.skipCurrentElement();
        }
    }
    if (reader.hasError())
        return xmlReaderFailure(reader);

    ParseResult result;
    result.totalResults = totalResults;
    int emptyEntries = 0;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const Entry &entry = entries.at(i);
        if (isErrorEntry(entry)) {
            const QString message = normalizeWhitespace(entry.summary);
            return ParseResult::failure(message.isEmpty() ? u"arXiv API error"_s : message);
        }
        if (entry.id.isEmpty() && !entry.hasTitle && entry.links.isEmpty()) {
            ++emptyEntries;
            continue;
        }
        const Paper paper = makePaper(entry);
        if (!paper.isValid()) {
            result.warnings.append(u"entry %1 has no arXiv id (\"%2\"); skipped"_s.arg(i + 1).arg(
                entry.id.isEmpty() ? normalizeWhitespace(entry.title) : entry.id));
            continue;
        }
        result.papers.append(paper);
    }
    if (emptyEntries > 0) {
        // The legacy API answers unknown ids of an id_list with empty entries.
        result.warnings.append(
            u"%1 empty entries skipped (ids unknown to arXiv)"_s.arg(emptyEntries));
    }
    return result;
}

} // namespace paperboy
