#include "digest_jsonl_parser.h"
#include "core/english.h"

#include "core/tex_text.h"
#include "import/json_text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace paperboy {

namespace {

// Authors arrive as a list of names; older files carry one "A, B and C" string instead.
QStringList authorsFrom(const QJsonValue &value)
{
    if (value.isString())
        return splitAuthors(value.toString());
    QStringList names;
    const QJsonArray array = value.toArray();
    names.reserve(array.size());
    for (const QJsonValue &item : array) {
        const QString name = authorName(item.toString());
        if (!name.isEmpty())
            names.append(name);
    }
    return names;
}

// The version when the id has none: "https://arxiv.org/pdf/2606.12785v2".
int versionFromLinks(const QJsonObject &object)
{
    for (const char *key : {"pdf", "abs"}) {
        QString id;
        int version = 0;
        if (parseArxivId(object.value(QLatin1String(key)).toString(), &id, &version) && version > 0)
            return version;
    }
    return 0;
}

AiSummary aiSummaryFrom(const QJsonObject &ai, const QString &language)
{
    AiSummary summary;
    summary.tldr = ai.value("tldr"_L1).toString().trimmed();
    summary.motivation = ai.value("motivation"_L1).toString().trimmed();
    summary.method = ai.value("method"_L1).toString().trimmed();
    summary.result = ai.value("result"_L1).toString().trimmed();
    summary.conclusion = ai.value("conclusion"_L1).toString().trimmed();
    if (!summary.isEmpty())
        summary.language = language;
    return summary;
}

// Returns an error message, or an empty string when `entry` was filled. `lastLine`: a line
// cut short there means the file was.
QString entryFromLine(const QByteArray &line, const QString &language, bool lastLine,
                      DigestEntry *entry)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QString problem = describeJsonError(parseError, line.size());
        if (lastLine && problem.startsWith(u"truncated"_s))
            return u"the file ends in the middle of a line (%1)"_s.arg(problem);
        return u"invalid JSON at column %1: %2"_s.arg(parseError.offset)
            .arg(parseError.errorString());
    }
    if (!document.isObject())
        return u"expected one JSON object per line"_s;
    const QJsonObject object = document.object();

    Paper &paper = entry->paper;
    const QString id = object.value("id"_L1).toString();
    if (id.isEmpty())
        return u"the paper has no \"id\""_s;
    if (!parseArxivId(id, &paper.arxivId, &paper.version))
        return u"\"%1\" is not an arXiv identifier"_s.arg(id);

    if (paper.version == 0)
        paper.version = versionFromLinks(object);

    paper.title = normalizeWhitespace(object.value("title"_L1).toString());
    paper.abstract = normaliseAbstract(object.value("summary"_L1).toString());
    paper.authors = authorsFrom(object.value("authors"_L1));
    const QJsonValue categories = object.value("categories"_L1);
    // A list; a space-separated string in files written by older scrapers.
    paper.categories = categories.isString() ? categories.toString().split(u' ', Qt::SkipEmptyParts)
                                             : jsonStringList(categories);
    paper.primaryCategory = paper.categories.value(0);
    paper.comment = normalizeWhitespace(object.value("comment"_L1).toString());
    entry->ai = aiSummaryFrom(object.value("AI"_L1).toObject(), language);
    return {};
}

} // namespace

ParseResult parseDigestJsonl(const QByteArray &data, const QDate &date, const QString &language)
{
    if (!date.isValid()) {
        return ParseResult::failure(
            u"daily-arXiv-ai-enhanced: the digest's day is unknown (expected a file named "
            u"YYYY-MM-DD.jsonl)"_s);
    }

    Digest digest;
    digest.date = date;
    digest.source = u"digest-json"_s;
    digest.title = u"daily-arXiv-ai-enhanced"_s;

    const QString notJson = describeNonJsonBody(data, u"daily-arXiv-ai-enhanced JSON Lines"_s);
    if (!notJson.isEmpty() && notJson != u"empty response"_s)
        return ParseResult::failure(notJson);

    QSet<QString> seen;
    QStringList primaryCategories;
    int duplicates = 0;
    qsizetype lastContent = data.size() - 1; // the last byte that is not whitespace
    while (lastContent >= 0 && QChar::isSpace(uchar(data.at(lastContent))))
        --lastContent;
    int lineNumber = 0;
    qsizetype start = 0;
    while (start < data.size()) {
        qsizetype end = data.indexOf('\n', start);
        if (end < 0)
            end = data.size();
        ++lineNumber;
        const QByteArray line = data.mid(start, end - start);
        start = end + 1;
        if (line.trimmed().isEmpty())
            continue;

        DigestEntry entry;
        const bool lastLine = end > lastContent;
        const QString problem = entryFromLine(line, language, lastLine, &entry);
        if (!problem.isEmpty()) {
            return ParseResult::failure(
                u"daily-arXiv-ai-enhanced, line %1: %2"_s.arg(lineNumber).arg(problem), lineNumber);
        }
        if (seen.contains(entry.paper.arxivId)) {
            ++duplicates;
            continue;
        }
        seen.insert(entry.paper.arxivId);
        if (!entry.paper.primaryCategory.isEmpty() &&
            !primaryCategories.contains(entry.paper.primaryCategory))
            primaryCategories.append(entry.paper.primaryCategory);
        entry.position = int(digest.entries.size()) + 1;
        digest.entries.append(entry);
    }

    std::sort(primaryCategories.begin(), primaryCategories.end());
    digest.category = primaryCategories.join(u' ');

    ParseResult result;
    if (duplicates > 0) {
        result.warnings.append(
            u"daily-arXiv-ai-enhanced: %1 a paper listed earlier and %2 merged"_s.arg(
                countOf(duplicates, u"line repeated"_s, u"lines repeated"_s),
                duplicates == 1 ? u"was"_s : u"were"_s));
    }
    if (digest.entries.isEmpty())
        result.warnings.append(u"daily-arXiv-ai-enhanced: the file lists no papers"_s);
    result.digests.append(digest);
    return result;
}

QString digestLanguageCode(const QString &language)
{
    static const QList<std::pair<QString, QString>> names = {
        {u"chinese"_s, u"zh"_s}, {u"english"_s, u"en"_s}, {u"japanese"_s, u"ja"_s},
        {u"korean"_s, u"ko"_s},  {u"french"_s, u"fr"_s},  {u"german"_s, u"de"_s},
        {u"spanish"_s, u"es"_s}, {u"russian"_s, u"ru"_s}, {u"portuguese"_s, u"pt"_s},
        {u"italian"_s, u"it"_s}, {u"arabic"_s, u"ar"_s},  {u"vietnamese"_s, u"vi"_s}};
    const QString key = language.trimmed().toLower();
    for (const auto &[name, code] : names) {
        if (key == name)
            return code;
    }
    return key; // already a code ("zh"), or a language we cannot name better
}

QDate dateFromDigestName(const QString &fileNameOrUrl)
{
    static const QRegularExpression pattern(u"(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)"_s);
    QDate found;
    QRegularExpressionMatchIterator matches = pattern.globalMatch(fileNameOrUrl);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        const QDate date(match.captured(1).toInt(), match.captured(2).toInt(),
                         match.captured(3).toInt());
        if (date.isValid())
            found = date;
    }
    return found;
}

bool sameListing(const Digest &a, const Digest &b)
{
    if (a.entries.isEmpty() || b.entries.isEmpty())
        return false;
    QSet<QString> idsA;
    for (const DigestEntry &entry : a.entries)
        idsA.insert(entry.paper.arxivId);
    QSet<QString> idsB;
    for (const DigestEntry &entry : b.entries)
        idsB.insert(entry.paper.arxivId);
    return idsA == idsB;
}

} // namespace paperboy
