#include "fetch_plan.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace paperboy {

using namespace Qt::StringLiterals;

bool isValidCategory(const QString &category)
{
    static const QRegularExpression pattern(u"^[a-z][a-z-]*(\\.[A-Za-z][A-Za-z-]*)?$"_s);
    return pattern.match(category).hasMatch();
}

QString validateFetchRequest(const FetchRequest &request)
{
    if (request.from.isValid() != request.to.isValid())
        return u"a date range needs both ends"_s;
    if (request.from.isValid() && request.from > request.to)
        return u"the range starts after it ends"_s;
    if (request.from.isValid() && request.from.daysTo(request.to) >= kMaxFetchDays)
        return u"at most %1 days per fetch"_s.arg(kMaxFetchDays);
    for (const QString &category : request.categories) {
        if (!isValidCategory(category))
            return u"'%1' is not an arXiv category (like cs.CV)"_s.arg(category);
    }
    return {};
}

QList<FetchTask> planFetch(const FetchRequest &request, const FetchSettings &settings,
                           const QStringList &enrichIds, const QStringList &updateIds)
{
    QList<FetchTask> tasks;
    if (request.source == FetchSource::Updates) {
        const QStringList ids = request.updateIds.isEmpty() ? updateIds : request.updateIds;
        const int batch = std::clamp(settings.enrichBatchSize, 1, kMaxIdListBatch);
        for (qsizetype i = 0; i < ids.size(); i += batch)
            tasks.append({FetchTask::Kind::Updates, {}, {}, ids.mid(i, batch), request.source});
        return tasks;
    }
    const QStringList categories =
        request.categories.isEmpty() ? settings.categories : request.categories;
    // --enrich alone completes the cache; it does not also fetch today's listing.
    const bool listings =
        request.hasDates() || !request.enrich || request.source != FetchSource::Auto;
    const bool rss = request.source == FetchSource::Rss ||
                     (request.source == FetchSource::Auto && !request.hasDates());
    if (isDigestSource(request.source)) {
        for (QDate day = request.from; request.hasDates() && day <= request.to;
             day = day.addDays(1))
            tasks.append({FetchTask::Kind::DigestDay, day, {}, {}, request.source});
    } else if (listings && rss) {
        tasks.append({FetchTask::Kind::Rss, {}, categories, {}, request.source});
    } else if (listings && request.hasDates()) {
        for (QDate day = request.from; day <= request.to; day = day.addDays(1)) {
            for (const QString &category : categories)
                tasks.append({FetchTask::Kind::ApiDay, day, {category}, {}, request.source});
        }
    }
    if (request.enrich) {
        const QStringList ids = request.enrichIds.isEmpty() ? enrichIds : request.enrichIds;
        const int batch = std::max(1, settings.enrichBatchSize);
        for (qsizetype i = 0; i < ids.size(); i += batch)
            tasks.append({FetchTask::Kind::Enrich, {}, {}, ids.mid(i, batch), FetchSource::Api});
    }
    return tasks;
}

QUrl apiListingUrl(const FetchSettings &settings, const QString &category,
                   const arxiv_calendar::SubmissionWindow &window, int start, int maxResults)
{
    QString query = arxiv_calendar::apiSearchQuery(category, window);
    // The API reads '+' as the space between terms, the form its documentation uses.
    query.replace(u' ', u'+');
    QUrl url(settings.apiUrl);
    url.setQuery(u"search_query=%1&sortBy=submittedDate&sortOrder=ascending&start=%2"
                 "&max_results=%3"_s.arg(query)
                     .arg(start)
                     .arg(maxResults));
    return url;
}

QUrl apiIdListUrl(const FetchSettings &settings, const QStringList &ids)
{
    QUrl url(settings.apiUrl);
    url.setQuery(u"id_list=%1&start=0&max_results=%2"_s.arg(ids.join(u',')).arg(ids.size()));
    return url;
}

Digest apiDigest(const QDate &date, const QString &category, const QList<Paper> &papers)
{
    Digest digest;
    digest.date = date;
    digest.source = u"arxiv-api"_s;
    digest.category = category;
    const arxiv_calendar::SubmissionWindow window = arxiv_calendar::submissionWindow(date);
    digest.title = u"%1, submitted %2 to %3 UTC (arXiv API)"_s.arg(
        category, window.startUtc.toString(u"yyyy-MM-dd HH:mm"_s),
        window.endUtc.toString(u"yyyy-MM-dd HH:mm"_s));
    QSet<QString> seen;
    for (const Paper &paper : papers) {
        if (seen.contains(paper.arxivId))
            continue;
        seen.insert(paper.arxivId);
        DigestEntry entry;
        entry.paper = paper;
        entry.position = int(digest.entries.size()) + 1;
        entry.announceType = paper.primaryCategory == category ? u"new"_s : u"cross"_s;
        digest.entries.append(entry);
    }
    return digest;
}

} // namespace paperboy
