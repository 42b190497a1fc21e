#pragma once

// What a FetchRequest turns into: the list of tasks a Fetcher works through in order, and
// the URLs it asks. Pure functions, so the rules can be tested without a network.

#include "core/paper.h"
#include "core/arxiv_calendar.h"
#include "fetch/fetch_request.h"
#include "fetch/fetch_settings.h"

#include <QList>
#include <QUrl>

namespace paperboy {

struct FetchTask
{
    enum class Kind
    {
        Rss,
        ApiDay,
        Enrich,
        DigestDay, // one day of a digest source (Hugging Face, daily-arXiv-ai-enhanced)
        Updates,   // one id_list batch of the reader's papers, for new versions
    };
    Kind kind = Kind::Rss;
    QDate date;             // ApiDay, DigestDay
    QStringList categories; // Rss: all of them in one feed; ApiDay: one; DigestDay: none
    QStringList ids;        // Enrich, Updates: one batch
    FetchSource source = FetchSource::Auto; // DigestDay: HfDaily or DigestJson
};

// Longest date range one request may ask for; a year is ~260 listings and ~15 minutes of
// polite requests per category.
constexpr int kMaxFetchDays = 366;

// Checks the request: returns an error text, or empty when it can be planned.
QString validateFetchRequest(const FetchRequest &request);
bool isValidCategory(const QString &category);

// Listing and enrichment tasks. `enrichIds` replaces request.enrichIds when the fetcher looked
// up the incomplete papers itself. A digest source plans one DigestDay per date and ignores
// the categories; without dates it plans none (the Fetcher puts in today's date first).
// Updates plans batches of at most kMaxIdListBatch of `updateIds` (the fetcher looks up the
// reader's papers when the request names none) and nothing else.
QList<FetchTask> planFetch(const FetchRequest &request, const FetchSettings &settings,
                           const QStringList &enrichIds, const QStringList &updateIds = {});

// arXiv asks for at most 100 ids per id_list request in its API manual's examples.
constexpr int kMaxIdListBatch = 100;

// export.arxiv.org/api/query?search_query=cat:C+AND+submittedDate:[A+TO+B]&sortBy=...
QUrl apiListingUrl(const FetchSettings &settings, const QString &category,
                   const arxiv_calendar::SubmissionWindow &window, int start, int maxResults);
QUrl apiIdListUrl(const FetchSettings &settings, const QStringList &ids);

// The API answers with bare records; this makes them the listing of `date`. The API does not
// say how a paper was announced: primary in `category` is "new", otherwise "cross".
Digest apiDigest(const QDate &date, const QString &category, const QList<Paper> &papers);

} // namespace paperboy
