#include "oai_pmh_parser.h"

#include "core/code_links.h"
#include "core/tex_text.h"
#include "import/xml_support.h"

#include <QHash>
#include <QXmlStreamReader>

namespace paperboy {

using namespace Qt::StringLiterals;

namespace {

constexpr QStringView arxivFormat = u"http://arxiv.org/OAI/arXiv/";
constexpr QStringView arxivRawFormat = u"http://arxiv.org/OAI/arXivRaw/";

struct Version
{
    int number = 0;
    QDate date;
};

// The union of both formats: arXiv has <authors><author> and created/updated dates,
// arXivRaw has one authors string and <version version="vN"><date>.
struct Record
{
    QString identifier; // header: "oai:arXiv.org:1412.8544"
    bool deleted = false;
    QString format; // local name of the metadata root, empty without metadata
    QHash<QString, QString> fields;
    QStringList authors; // arXiv format only
    QList<Version> versions;
};

struct OaiError
{
    QString code;
    QString message;
};

QString readText(QXmlStreamReader &reader)
{
    return reader.readElementText(QXmlStreamReader::IncludeChildElements);
}

QString readAuthor(QXmlStreamReader &reader)
{
    QString keyname;
    QString forenames;
    QString suffix;
    while (reader.readNextStartElement()) {
        if (reader.name() == u"keyname")
            keyname = readText(reader);
        else if (reader.name() == u"forenames")
            forenames = readText(reader);
        else if (reader.name() == u"suffix")
            suffix = readText(reader);
        else
            reader.skipCurrentElement();
    }
    const QString name = forenames + u' ' + keyname + u' ' + suffix;
    return normalizeWhitespace(texToUnicode(name));
}

Version readVersion(QXmlStreamReader &reader)
{
    Version version;
    const QString label = reader.attributes().value(u"version"_s).toString().trimmed();
    if (label.startsWith(u'v'))
        version.number = label.mid(1).toInt();
    while (reader.readNextStartElement()) {
        if (reader.name() == u"date")
            version.date = dateFromRfc2822(readText(reader));
        else
            reader.skipCurrentElement();
    }
    return version;
}

void readMetadata(QXmlStreamReader &reader, Record *record)
{
    while (reader.readNextStartElement()) {
        const QStringView ns = reader.namespaceUri();
        if (ns != arxivFormat && ns != arxivRawFormat) {
            record->format = reader.name().toString();
            reader.skipCurrentElement();
            continue;
        }
        record->format = reader.name().toString();
        while (reader.readNextStartElement()) {
            const QStringView name = reader.name();
            if (name == u"authors" && ns == arxivFormat) {
                while (reader.readNextStartElement()) {
                    if (reader.name() == u"author")
                        record->authors.append(readAuthor(reader));
                    else
                        reader.skipCurrentElement();
                }
            } else if (name == u"version") {
                record->versions.append(readVersion(reader));
            } else {
                record->fields.insert(name.toString(), readText(reader));
            }
        }
    }
}

void readHeader(QXmlStreamReader &reader, Record *record)
{
    record->deleted = reader.attributes().value(u"status"_s) == u"deleted";
    while (reader.readNextStartElement()) {
        if (reader.name() == u"identifier")
            record->identifier = readText(reader).trimmed();
        else
            reader.skipCurrentElement();
    }
}

Record readRecord(QXmlStreamReader &reader)
{
    Record record;
    while (reader.readNextStartElement()) {
        if (reader.name() == u"header")
            readHeader(reader, &record);
        else if (reader.name() == u"metadata")
            readMetadata(reader, &record);
        else
            reader.skipCurrentElement();
    }
    return record;
}

Paper makePaper(const Record &record)
{
    Paper paper;
    const QString field = record.fields.value(u"id"_s).trimmed();
    if (!parseArxivId(field, &paper.arxivId, &paper.version))
        parseArxivId(record.identifier, &paper.arxivId, &paper.version);

    paper.title = normalizeWhitespace(record.fields.value(u"title"_s));
    paper.abstract = normalizeWhitespace(record.fields.value(u"abstract"_s));
    paper.authors = record.format == u"arXivRaw" ? splitAuthors(record.fields.value(u"authors"_s))
                                                 : record.authors;
    paper.authors.removeAll(QString());
    paper.categories = record.fields.value(u"categories"_s).split(u' ', Qt::SkipEmptyParts);
    paper.categories.removeDuplicates();
    if (!paper.categories.isEmpty())
        paper.primaryCategory = paper.categories.first();
    paper.comment = normalizeWhitespace(record.fields.value(u"comments"_s));
    paper.journalRef = normalizeWhitespace(record.fields.value(u"journal-ref"_s));
    // Papers with an erratum list two DOIs separated by a space; the first is the article.
    paper.doi = normalizeWhitespace(record.fields.value(u"doi"_s)).section(u' ', 0, 0);

    if (!record.versions.isEmpty()) {
        Version first = record.versions.first();
        Version last = first;
        for (const Version &version : record.versions) {
            if (version.number < first.number)
                first = version;
            if (version.number > last.number)
                last = version;
        }
        paper.version = last.number;
        paper.published = first.date;
        paper.updated = last.date;
    } else {
        // The arXiv format has no version numbers; <updated> is only there after a v2.
        paper.published =
            QDate::fromString(record.fields.value(u"created"_s).trimmed(), Qt::ISODate);
        const QString updated = record.fields.value(u"updated"_s).trimmed();
        paper.updated =
            updated.isEmpty() ? paper.published : QDate::fromString(updated, Qt::ISODate);
    }
    paper.codeUrl = bestCodeLink(paper.abstract, paper.comment, &paper.codeUrlSource);
    paper.projectUrl = firstProjectPage(paper.abstract, paper.comment);
    return paper;
}

} // namespace

ParseResult parseOaiPmh(const QByteArray &xml)
{
    const QString problem = describeNonXmlBody(xml, u"an OAI-PMH response"_s);
    if (!problem.isEmpty())
        return ParseResult::failure(problem);

    QXmlStreamReader reader(xml);
    if (!reader.readNextStartElement()) {
        if (reader.hasError())
            return xmlReaderFailure(reader);
        return ParseResult::failure(u"not an OAI-PMH response: no root element"_s);
    }
    if (reader.name() != u"OAI-PMH") {
        if (reader.name().compare(u"html", Qt::CaseInsensitive) == 0)
            return ParseResult::failure(u"not an OAI-PMH response: got HTML"_s);
        return ParseResult::failure(
            u"not an OAI-PMH response: the document is <%1>"_s.arg(reader.name().toString()));
    }

    QList<Record> records;
    QList<OaiError> errors;
    QString resumptionToken;
    int completeListSize = -1;
    bool sawListing = false;
    while (reader.readNextStartElement()) {
        const QStringView name = reader.name();
        if (name == u"error") {
            OaiError error;
            error.code = reader.attributes().value(u"code"_s).toString();
            error.message = normalizeWhitespace(readText(reader));
            errors.append(error);
        } else if (name == u"ListRecords" || name == u"GetRecord") {
            sawListing = true;
            while (reader.readNextStartElement()) {
                if (reader.name() == u"record") {
                    records.append(readRecord(reader));
                } else if (reader.name() == u"resumptionToken") {
                    bool ok = false;
                    const int size = reader.attributes().value(u"completeListSize"_s).toInt(&ok);
                    if (ok)
                        completeListSize = size;
                    resumptionToken = readText(reader).trimmed();
                } else {
                    reader.skipCurrentElement();
                }
            }
        } else {
            reader.skipCurrentElement();
        }
    }
    if (reader.hasError())
        return xmlReaderFailure(reader);

    ParseResult result;
    for (const OaiError &error : std::as_const(errors)) {
        if (error.code == u"noRecordsMatch")
            continue;
        return ParseResult::failure(u"OAI-PMH error %1: %2"_s.arg(error.code, error.message));
    }
    if (!errors.isEmpty()) {
        // An empty harvest window is an ordinary answer, not a failure.
        result.totalResults = 0;
        return result;
    }

    if (!sawListing)
        result.warnings.append(u"the response holds no ListRecords or GetRecord"_s);
    result.resumptionToken = resumptionToken;
    result.totalResults = completeListSize;
    for (const Record &record : std::as_const(records)) {
        if (record.deleted)
            continue;
        if (record.format != u"arXiv" && record.format != u"arXivRaw") {
            result.warnings.append(
                u"record %1: metadata format \"%2\" is not supported; skipped"_s.arg(
                    record.identifier, record.format));
            continue;
        }
        const Paper paper = makePaper(record);
        if (!paper.isValid()) {
            result.warnings.append(u"record %1 has no arXiv id; skipped"_s.arg(record.identifier));
            continue;
        }
        result.papers.append(paper);
    }
    return result;
}

} // namespace paperboy
