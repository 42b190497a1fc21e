#include "digest_jsonl_parser.h"

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

// arXiv marks a new paragraph with a newline followed by indentation (or a blank line); every
// other run of whitespace is line wrapping. Keeping the paragraphs makes long abstracts readable.
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

QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    out.reserve(array.size());
    for (const QJsonValue &item : array) {
        const QString text = item.toString().simplified();
        if (!text.isEmpty())
            out.append(text);
    }
    return out;
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

// Returns an error message, or an empty string when `entry` was filled.
QString entryFromLine(const QByteArray &line, const QString &language, DigestEntry *entry)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return u"invalid JSON at column %1: %2"_s.arg(parseError.offset)
            .arg(parseError.errorString());
    if (!document.isObject())
        return u"expected one JSON object per line"_s;
    const QJsonObject object = document.object();

    Paper &paper = entry->paper;
    const QString id = object.value("id"_L1).toString();
    if (id.isEmpty())
        return u"the paper has no \"id\""_s;
    if (!parseArxivId(id, &paper.arxivId, &paper.version))
        return u"\"%1\" is not an arXiv identifier"_s.arg(id);

    paper.title = object.value("title"_L1).toString().simplified();
    paper.abstract = normaliseAbstract(object.value("summary"_L1).toString());
    paper.authors = stringList(object.value("authors"_L1));
    paper.categories = stringList(object.value("categories"_L1));
    paper.primaryCategory = paper.categories.value(0);
    paper.comment = object.value("comment"_L1).toString().simplified();
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

    QSet<QString> seen;
    QStringList primaryCategories;
    int duplicates = 0;
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
        const QString problem = entryFromLine(line, language, &entry);
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
            u"daily-arXiv-ai-enhanced: %1 line(s) repeated a paper listed earlier and were merged"_s
                .arg(duplicates));
    }
    if (digest.entries.isEmpty())
        result.warnings.append(u"daily-arXiv-ai-enhanced: the file lists no papers"_s);
    result.digests.append(digest);
    return result;
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
