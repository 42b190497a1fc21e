#include "arxiv_snapshot_parser.h"

#include "core/english.h"
#include "core/tex_text.h"
#include "import/json_text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace paperboy {

namespace {

// A bulk import may hit many broken lines; past this many, warnings are only counted.
constexpr int kMaxLineWarnings = 20;

// A day or a year: more than four digits is no date (0, which QDate refuses), and a long run
// of digits in a hostile snapshot must not overflow.
int leadingNumber(QStringView text, qsizetype *pos)
{
    int value = 0;
    int digits = 0;
    while (*pos < text.size() && text.at(*pos).isDigit()) {
        if (++digits <= 4)
            value = value * 10 + text.at(*pos).digitValue();
        ++*pos;
    }
    return digits <= 4 ? value : 0;
}

// "Mon, 2 Apr 2007 19:18:42 GMT" -> 2007-04-02. Hand-rolled because QDateTime's RFC 2822
// parser is far slower and this runs once per record over millions of records.
QDate rfc2822Day(QStringView text)
{
    static constexpr const char *kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                              "jul", "aug", "sep", "oct", "nov", "dec"};
    const qsizetype comma = text.indexOf(u',');
    if (comma >= 0)
        text = text.mid(comma + 1);
    text = text.trimmed();
    qsizetype pos = 0;
    const int day = leadingNumber(text, &pos);
    while (pos < text.size() && text.at(pos) == u' ')
        ++pos;
    const QStringView monthName = text.mid(pos, 3);
    int month = 0;
    for (int i = 0; i < 12; ++i) {
        if (monthName.compare(QLatin1StringView(kMonths[i]), Qt::CaseInsensitive) == 0)
            month = i + 1;
    }
    pos += 3;
    while (pos < text.size() && text.at(pos) == u' ')
        ++pos;
    const int year = leadingNumber(text, &pos);
    return QDate(year, month, day); // invalid when any part is missing
}

// ["Balázs", "C.", ""] (keyname, forenames, suffix) -> "C. Balázs". The parts can still hold
// TeX accents (Bj\"orn); texToUnicode returns at once when there is no backslash.
QString nameFromParsed(const QJsonArray &parts)
{
    const QString keyname = parts.at(0).toString().trimmed();
    const QString forenames = parts.at(1).toString().trimmed();
    const QString suffix = parts.at(2).toString().trimmed();
    QString name = forenames;
    if (!keyname.isEmpty())
        name += name.isEmpty() ? keyname : u' ' + keyname;
    if (!suffix.isEmpty())
        name += name.isEmpty() ? suffix : u' ' + suffix;
    return texToUnicode(name);
}

void fillVersions(const QJsonArray &versions, Paper *paper)
{
    if (versions.isEmpty())
        return;
    const QString last = versions.last().toObject().value("version"_L1).toString();
    if (last.startsWith(u'v'))
        paper->version = QStringView(last).mid(1).toInt();
    QJsonObject first = versions.first().toObject();
    for (const QJsonValue &version : versions) {
        if (version.toObject().value("version"_L1).toString() == "v1"_L1) {
            first = version.toObject();
            break;
        }
    }
    paper->published = rfc2822Day(first.value("created"_L1).toString());
}

Paper paperFrom(const QJsonObject &record)
{
    Paper paper;
    paper.arxivId = record.value("id"_L1).toString().trimmed();
    paper.title = record.value("title"_L1).toString().simplified();
    paper.abstract = normaliseAbstract(record.value("abstract"_L1).toString());
    paper.comment = record.value("comments"_L1).toString().simplified();
    paper.journalRef = record.value("journal-ref"_L1).toString().simplified();
    paper.doi = record.value("doi"_L1).toString().trimmed();
    paper.categories = record.value("categories"_L1).toString().split(u' ', Qt::SkipEmptyParts);
    paper.primaryCategory = paper.categories.value(0);

    const QJsonArray parsed = record.value("authors_parsed"_L1).toArray();
    if (!parsed.isEmpty()) {
        paper.authors.reserve(parsed.size());
        for (const QJsonValue &parts : parsed) {
            const QString name = nameFromParsed(parts.toArray());
            if (!name.isEmpty())
                paper.authors.append(name);
        }
    } else {
        // Only hand-made files lack authors_parsed; the string is TeX, affiliations and all.
        paper.authors = splitAuthors(record.value("authors"_L1).toString());
    }

    fillVersions(record.value("versions"_L1).toArray(), &paper);
    paper.updated = QDate::fromString(record.value("update_date"_L1).toString(), Qt::ISODate);
    return paper;
}

bool isBlank(const char *begin, const char *end)
{
    for (const char *c = begin; c != end; ++c) {
        if (*c != ' ' && *c != '\t' && *c != '\r')
            return false;
    }
    return true;
}

} // namespace

ParseResult parseArxivSnapshot(const QByteArray &chunk, int firstLineNumber)
{
    ParseResult result;
    result.papers.reserve(chunk.count('\n') + 1);
    int badLines = 0;

    int lineNumber = firstLineNumber - 1;
    qsizetype start = 0;
    while (start < chunk.size()) {
        qsizetype end = chunk.indexOf('\n', start);
        if (end < 0)
            end = chunk.size();
        ++lineNumber;
        const char *begin = chunk.constData() + start;
        const qsizetype length = end - start;
        start = end + 1;
        if (isBlank(begin, begin + length))
            continue;

        // A view into the chunk: one copy of a large file is enough.
        const QByteArray line = QByteArray::fromRawData(begin, length);
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        QString problem;
        if (parseError.error != QJsonParseError::NoError) {
            problem = u"invalid JSON at column %1: %2"_s.arg(parseError.offset)
                          .arg(parseError.errorString());
        } else if (!document.isObject()) {
            problem = u"expected one JSON object per line"_s;
        } else {
            Paper paper = paperFrom(document.object());
            if (paper.isValid())
                result.papers.append(std::move(paper));
            else
                problem = u"the record has no \"id\""_s;
        }
        if (problem.isEmpty())
            continue;
        if (++badLines <= kMaxLineWarnings)
            result.warnings.append(u"arXiv snapshot, line %1: %2"_s.arg(lineNumber).arg(problem));
    }

    if (badLines > kMaxLineWarnings) {
        result.warnings.append(u"arXiv snapshot: %1"_s.arg(
            countOf(badLines - kMaxLineWarnings, u"more unreadable line"_s)));
    }
    return result;
}

qsizetype nextCompleteLinesEnd(const QByteArray &buffer)
{
    return buffer.lastIndexOf('\n') + 1;
}

} // namespace paperboy
