#include "fetch_request.h"

namespace paperboy {

FetchRequest FetchRequest::today(const QStringList &categories)
{
    FetchRequest request;
    request.categories = categories;
    return request;
}

FetchRequest FetchRequest::days(const QDate &from, const QDate &to, const QStringList &categories)
{
    FetchRequest request;
    request.from = from;
    request.to = to.isValid() ? to : from;
    request.categories = categories;
    return request;
}

FetchRequest FetchRequest::updates(const QStringList &ids)
{
    FetchRequest request;
    request.source = FetchSource::Updates;
    request.updateIds = ids;
    return request;
}

FetchRequest FetchRequest::enrichment(const QStringList &ids)
{
    FetchRequest request;
    request.enrich = true;
    request.enrichIds = ids;
    return request;
}

FetchRequest FetchRequest::digests(FetchSource source, const QDate &from, const QDate &to)
{
    FetchRequest request;
    request.source = source;
    request.from = from;
    request.to = from.isValid() && !to.isValid() ? from : to;
    return request;
}

FetchRequest FetchRequest::retry(const LedgerEntry &entry)
{
    if (entry.source == kHfDailySource || entry.source == kDigestJsonSource) {
        FetchRequest request =
            digests(entry.source == kHfDailySource ? FetchSource::HfDaily : FetchSource::DigestJson,
                    entry.date, entry.date);
        request.force = true;
        return request;
    }
    FetchRequest request = days(entry.date, entry.date, {entry.category});
    request.source = FetchSource::Api;
    request.force = true;
    return request;
}

int FetchSummary::failures() const
{
    int count = 0;
    for (const FetchOutcome &outcome : outcomes)
        count += outcome.failed() ? 1 : 0;
    return count;
}

bool FetchSummary::offline() const
{
    if (outcomes.isEmpty() || cancelled)
        return false;
    for (const FetchOutcome &outcome : outcomes)
        if (!outcome.unreachable)
            return false;
    return true;
}

} // namespace paperboy
