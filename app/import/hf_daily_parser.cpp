#include "hf_daily_parser.h"
#include "core/english.h"

#include "core/tex_text.h"
#include "import/json_text.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace paperboy {

namespace {

// "2026-06-12T00:00:00.000Z": the day is the UTC day Hugging Face filed the paper under.
QDate utcDate(const QJsonValue &value)
{
    const QString text = value.toString();
    if (text.isEmpty())
        return {};
    QDateTime stamp = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!stamp.isValid())
        stamp = QDateTime::fromString(text, Qt::ISODate);
    return stamp.isValid() ? stamp.toUTC().date() : QDate();
}

QString organisationName(const QJsonObject &organisation)
{
    const QString fullName = normalizeWhitespace(organisation.value("fullname"_L1).toString());
    return fullName.isEmpty() ? normalizeWhitespace(organisation.value("name"_L1).toString())
                              : fullName;
}

DigestEntry entryFrom(const QJsonObject &item, const QJsonObject &paperObject)
{
    DigestEntry entry;
    Paper &paper = entry.paper;
    // "2606.00467", sometimes with a version; anything else is not a paper we can link.
    if (!parseArxivId(paperObject.value("id"_L1).toString().trimmed(), &paper.arxivId,
                      &paper.version))
        paper.arxivId.clear();
    paper.title = paperObject.value("title"_L1).toString(item.value("title"_L1).toString());
    paper.title = normalizeWhitespace(paper.title);
    paper.abstract = normaliseAbstract(
        paperObject.value("summary"_L1).toString(item.value("summary"_L1).toString()));
    for (const QJsonValue &author : paperObject.value("authors"_L1).toArray()) {
        const QString name = authorName(author.toObject().value("name"_L1).toString());
        if (!name.isEmpty())
            paper.authors.append(name);
    }
    paper.published = utcDate(paperObject.value("publishedAt"_L1));

    const QString repo = paperObject.value("githubRepo"_L1).toString().trimmed();
    if (!repo.isEmpty()) {
        paper.codeUrl = repo;
        paper.codeUrlSource = u"hf"_s;
        paper.codeStars = paperObject.value("githubStars"_L1).toInt(-1);
    }
    paper.projectUrl = paperObject.value("projectPage"_L1).toString().trimmed();

    entry.upvotes = paperObject.value("upvotes"_L1).toInt(-1);
    // The organisation sits on the paper in current answers and on the item in older ones.
    entry.organisation = organisationName(paperObject.value("organization"_L1).toObject());
    if (entry.organisation.isEmpty())
        entry.organisation = organisationName(item.value("organization"_L1).toObject());

    entry.ai.tldr = normalizeWhitespace(paperObject.value("ai_summary"_L1).toString());
    entry.ai.keywords = jsonStringList(paperObject.value("ai_keywords"_L1));
    if (!entry.ai.isEmpty())
        entry.ai.language = u"en"_s;
    return entry;
}

Digest &digestFor(QList<Digest> &digests, const QDate &date)
{
    for (Digest &digest : digests) {
        if (digest.date == date)
            return digest;
    }
    Digest digest;
    digest.date = date;
    digest.source = u"hf-daily"_s;
    digest.title = u"Hugging Face daily papers"_s;
    digests.append(digest);
    return digests.last();
}

} // namespace

ParseResult parseHfDaily(const QByteArray &json, const QDate &requestedDate)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // A robot check or a proxy's error page says more than "illegal value at offset 1".
        const QString notJson = describeNonJsonBody(json, u"Hugging Face daily papers JSON"_s);
        if (!notJson.isEmpty())
            return ParseResult::failure(notJson);
        return ParseResult::failure(
            u"Hugging Face daily papers: %1"_s.arg(describeJsonError(parseError, json.size())));
    }
    if (document.isObject()) {
        const QString message = document.object().value("error"_L1).toString();
        if (!message.isEmpty())
            return ParseResult::failure(u"Hugging Face answered with an error: %1"_s.arg(message));
        return ParseResult::failure(u"Hugging Face daily papers: expected a list of papers, "
                                    u"got an object without an \"error\""_s);
    }

    ParseResult result;
    const QJsonArray items = document.array();
    int skipped = 0;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items.at(i).toObject();
        const QJsonObject paperObject = item.value("paper"_L1).toObject();
        DigestEntry entry = entryFrom(item, paperObject);
        QDate date = utcDate(paperObject.value("submittedOnDailyAt"_L1));
        if (!date.isValid())
            date = requestedDate;
        if (!entry.paper.isValid() || !date.isValid()) {
            ++skipped;
            continue;
        }
        Digest &digest = digestFor(result.digests, date);
        entry.position = int(digest.entries.size()) + 1;
        digest.entries.append(entry);
    }

    if (skipped > 0) {
        result.warnings.append(
            u"Hugging Face daily papers: skipped %1 without an arXiv id or a day"_s.arg(
                countOf(skipped, u"item"_s)));
    }
    if (items.isEmpty())
        result.warnings.append(u"Hugging Face daily papers: the list is empty"_s);
    if (requestedDate.isValid()) {
        for (const Digest &digest : std::as_const(result.digests)) {
            if (digest.date != requestedDate) {
                result.warnings.append(
                    u"Asked Hugging Face for %1 but it listed papers for %2"_s.arg(
                        requestedDate.toString(Qt::ISODate), digest.date.toString(Qt::ISODate)));
            }
        }
    }
    return result;
}

} // namespace paperboy
