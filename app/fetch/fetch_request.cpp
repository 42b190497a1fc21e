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

FetchRequest FetchRequest::enrichment(const QStringList &ids)
{
    FetchRequest request;
    request.enrich = true;
    request.enrichIds = ids;
    return request;
}

FetchRequest FetchRequest::retry(const LedgerEntry &entry)
{
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

} // namespace paperboy
