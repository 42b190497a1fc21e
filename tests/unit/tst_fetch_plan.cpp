// The announcement calendar (submission windows in US Eastern time) and how a request turns
// into tasks and URLs.

#include "core/arxiv_calendar.h"
#include "fetch/fetch_plan.h"

#include <QTest>
#include <QUrlQuery>

using namespace paperboy;
using namespace Qt::StringLiterals;
namespace cal = paperboy::arxiv_calendar;

namespace {

QDateTime utc(int y, int m, int d, int h, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC);
}

} // namespace

class TestFetchPlan : public QObject
{
    Q_OBJECT

private slots:
    void easternOffsets();
    void submissionWindows_data();
    void submissionWindows();
    void weekendsHaveNoListing();
    void currentListingDate();
    void apiQueryIsGmtToTheMinute();
    void listingUrl();
    void idListUrl();
    void rssUrl();
    void planToday();
    void planDaysPerCategory();
    void planEnrichInBatches();
    void validatesRequests();
    void apiDigestMarksCrossLists();
    void settingsRoundTrip();
};

void TestFetchPlan::easternOffsets()
{
    QCOMPARE(cal::easternOffsetSeconds(QDate(2024, 11, 28)), -5 * 3600);
    QCOMPARE(cal::easternOffsetSeconds(QDate(2024, 7, 1)), -4 * 3600);
    QCOMPARE(cal::easternOffsetSeconds(QDate(2024, 3, 9)), -5 * 3600);  // Saturday before
    QCOMPARE(cal::easternOffsetSeconds(QDate(2024, 3, 10)), -4 * 3600); // second Sunday of March
    QCOMPARE(cal::easternOffsetSeconds(QDate(2024, 11, 2)), -4 * 3600);
    QCOMPARE(cal::easternOffsetSeconds(QDate(2024, 11, 3)), -5 * 3600); // first Sunday of November
    QCOMPARE(cal::easternOffsetSeconds(QDate(2006, 4, 2)), -4 * 3600);  // old rule
    QCOMPARE(cal::easternOffsetSeconds(QDate(2006, 10, 29)), -5 * 3600);
}

void TestFetchPlan::submissionWindows_data()
{
    QTest::addColumn<QDate>("listing");
    QTest::addColumn<QDateTime>("start");
    QTest::addColumn<QDateTime>("end");
    // Thursday 2024-11-28 (the RSS fixture's day): Tue 14:00 EST .. Wed 14:00 EST.
    QTest::newRow("Thu") << QDate(2024, 11, 28) << utc(2024, 11, 26, 19) << utc(2024, 11, 27, 19);
    // Tuesday: the weekend's submissions, Fri 14:00 .. Mon 14:00.
    QTest::newRow("Tue") << QDate(2024, 11, 26) << utc(2024, 11, 22, 19) << utc(2024, 11, 25, 19);
    // Monday: Thu 14:00 .. Fri 14:00.
    QTest::newRow("Mon") << QDate(2024, 11, 25) << utc(2024, 11, 21, 19) << utc(2024, 11, 22, 19);
    // Summer: EDT, 18:00 UTC.
    QTest::newRow("EDT") << QDate(2024, 7, 3) << utc(2024, 7, 1, 18) << utc(2024, 7, 2, 18);
    // Across the switch to daylight saving (Sun 2024-03-10): Fri EST .. Mon EDT.
    QTest::newRow("DST") << QDate(2024, 3, 12) << utc(2024, 3, 8, 19) << utc(2024, 3, 11, 18);
}

void TestFetchPlan::submissionWindows()
{
    QFETCH(QDate, listing);
    QFETCH(QDateTime, start);
    QFETCH(QDateTime, end);
    const cal::SubmissionWindow window = cal::submissionWindow(listing);
    QCOMPARE(window.startUtc, start);
    QCOMPARE(window.endUtc, end);
}

void TestFetchPlan::weekendsHaveNoListing()
{
    QVERIFY(!cal::submissionWindow(QDate(2024, 11, 30)).isValid());
    QVERIFY(!cal::hasListing(QDate(2024, 12, 1)));
    QCOMPARE(cal::previousWeekday(QDate(2024, 12, 2)), QDate(2024, 11, 29));
}

void TestFetchPlan::currentListingDate()
{
    // 03:00 UTC on the 29th is still the evening of the 28th in New York.
    QCOMPARE(cal::currentListingDate(utc(2024, 11, 29, 3)), QDate(2024, 11, 28));
    QCOMPARE(cal::currentListingDate(utc(2024, 11, 29, 6)), QDate(2024, 11, 29));
}

void TestFetchPlan::apiQueryIsGmtToTheMinute()
{
    QCOMPARE(cal::apiSearchQuery(u"cs.CV"_s, cal::submissionWindow(QDate(2024, 11, 28))),
             u"cat:cs.CV AND submittedDate:[202411261900 TO 202411271859]"_s);
}

void TestFetchPlan::listingUrl()
{
    FetchSettings settings;
    const QUrl url =
        apiListingUrl(settings, u"cs.CV"_s, cal::submissionWindow(QDate(2024, 11, 28)), 200, 100);
    QCOMPARE(url.host(), u"export.arxiv.org"_s);
    QCOMPARE(url.path(), u"/api/query"_s);
    QCOMPARE(url.query(QUrl::FullyDecoded),
             u"search_query=cat:cs.CV+AND+submittedDate:[202411261900+TO+202411271859]"
             "&sortBy=submittedDate&sortOrder=ascending&start=200&max_results=100"_s);
}

void TestFetchPlan::idListUrl()
{
    FetchSettings settings;
    settings.apiUrl = u"http://127.0.0.1:1234/api/query"_s;
    const QUrl url = apiIdListUrl(settings, {u"2306.05544"_s, u"astro-ph/0601001"_s});
    const QUrlQuery query(url);
    QCOMPARE(query.queryItemValue(u"id_list"_s), u"2306.05544,astro-ph/0601001"_s);
    QCOMPARE(query.queryItemValue(u"max_results"_s), u"2"_s);
    QCOMPARE(url.port(), 1234);
}

void TestFetchPlan::rssUrl()
{
    FetchSettings settings;
    QCOMPARE(settings.rssUrl({u"cs.CV"_s, u"cs.LG"_s}),
             QUrl(u"https://rss.arxiv.org/rss/cs.CV+cs.LG"_s));
    settings.rssBaseUrl = u"http://127.0.0.1:8080/rss/"_s;
    QCOMPARE(settings.rssUrl({u"cs.CV"_s}).toString(), u"http://127.0.0.1:8080/rss/cs.CV"_s);
}

void TestFetchPlan::planToday()
{
    FetchSettings settings;
    const QList<FetchTask> tasks = planFetch(FetchRequest::today(), settings, {});
    QCOMPARE(tasks.size(), 1);
    QCOMPARE(tasks.first().kind, FetchTask::Kind::Rss);
    QCOMPARE(tasks.first().categories, QStringList{u"cs.CV"_s}); // the default category
    // --enrich alone does not also fetch today's listing.
    QCOMPARE(planFetch(FetchRequest::enrichment(), settings, {}).size(), 0);
}

void TestFetchPlan::planDaysPerCategory()
{
    FetchSettings settings;
    const QList<FetchTask> tasks = planFetch(
        FetchRequest::days(QDate(2024, 11, 28), QDate(2024, 11, 29), {u"cs.CV"_s, u"cs.LG"_s}),
        settings, {});
    QCOMPARE(tasks.size(), 4);
    QCOMPARE(tasks.at(1).kind, FetchTask::Kind::ApiDay);
    QCOMPARE(tasks.at(1).date, QDate(2024, 11, 28));
    QCOMPARE(tasks.at(1).categories, QStringList{u"cs.LG"_s});
    const FetchRequest retry = FetchRequest::retry(
        {QDate(2024, 11, 27), u"cs.CV"_s, u"arxiv-rss"_s, LedgerState::Failed, 0, {}, {}, {}, {}});
    QCOMPARE(retry.source, FetchSource::Api);
    QVERIFY(retry.force);
    QCOMPARE(planFetch(retry, settings, {}).size(), 1);
}

void TestFetchPlan::planEnrichInBatches()
{
    FetchSettings settings;
    settings.enrichBatchSize = 2;
    const QList<FetchTask> tasks =
        planFetch(FetchRequest::enrichment(), settings, {u"a"_s, u"b"_s, u"c"_s});
    QCOMPARE(tasks.size(), 2);
    QCOMPARE(tasks.at(1).ids, QStringList{u"c"_s});
}

void TestFetchPlan::validatesRequests()
{
    QVERIFY(validateFetchRequest(FetchRequest::today()).isEmpty());
    QVERIFY(
        !validateFetchRequest(FetchRequest::days(QDate(2024, 2, 2), QDate(2024, 2, 1))).isEmpty());
    QVERIFY(
        !validateFetchRequest(FetchRequest::days(QDate(2020, 1, 1), QDate(2024, 1, 1))).isEmpty());
    QVERIFY(!validateFetchRequest(FetchRequest::today({u"cs.CV&x=1"_s})).isEmpty());
    QVERIFY(isValidCategory(u"astro-ph.GA"_s));
    QVERIFY(isValidCategory(u"hep-th"_s));
}

void TestFetchPlan::apiDigestMarksCrossLists()
{
    Paper own;
    own.arxivId = u"2411.00001"_s;
    own.primaryCategory = u"cs.CV"_s;
    Paper cross = own;
    cross.arxivId = u"2411.00002"_s;
    cross.primaryCategory = u"cs.LG"_s;
    const Digest digest = apiDigest(QDate(2024, 11, 28), u"cs.CV"_s, {own, cross, own});
    QCOMPARE(digest.source, u"arxiv-api"_s);
    QCOMPARE(digest.entries.size(), 2); // the repeated record is dropped
    QCOMPARE(digest.entries.at(0).announceType, u"new"_s);
    QCOMPARE(digest.entries.at(1).announceType, u"cross"_s);
    QCOMPARE(digest.entries.at(1).position, 2);
}

void TestFetchPlan::settingsRoundTrip()
{
    FetchSettings settings;
    settings.apiUrl = u"http://example.invalid/api"_s;
    settings.politeness.minRequestSpacingMs = 5000;
    const FetchSettings back = FetchSettings::fromVariantMap(settings.toVariantMap());
    QCOMPARE(back.apiUrl, settings.apiUrl);
    QCOMPARE(back.politeness.minRequestSpacingMs, 5000);
    const FetchSettings fixed = FetchSettings::fromVariantMap(
        {{u"apiPageSize"_s, 100000}, {u"categories"_s, QStringList()}, {u"maxTries"_s, 0}});
    QCOMPARE(fixed.apiPageSize, FetchSettings().apiPageSize);
    QCOMPARE(fixed.categories, QStringList{u"cs.CV"_s});
    QCOMPARE(fixed.politeness.maxTries, 1);
}

QTEST_GUILESS_MAIN(TestFetchPlan)
#include "tst_fetch_plan.moc"
