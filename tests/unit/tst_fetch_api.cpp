// Past days from the arXiv API (submission window, paging, partial pages, the error entry)
// and enrichment of papers a digest import left incomplete, both response formats.

#include "store/fetch_ledger.h"
#include "fetch_test_env.h"
#include "import/importer.h"

#include <QRegularExpression>
#include <QSqlQuery>

using namespace paperboy;
using namespace paperboy::test;
using namespace Qt::StringLiterals;

namespace {

const QString kApi = u"/api/query"_s;
const QString kQueryFixture = u"arxivpy_q_testing_s0_m10_bc5a6c384fe9"_s;

// The recorded 10-entry search answer, cut into pages of `size` with totalResults set to
// `total`: the same bytes arXiv sent, regrouped the way paging regroups them.
QList<QByteArray> pagesOf(int size, int total)
{
    const QByteArray body = TestHttpServer::arxivApiFixture(kQueryFixture).body;
    const qsizetype first = body.indexOf("<entry>");
    const qsizetype end = body.lastIndexOf("</feed>");
    QByteArray head = body.left(first);
    head.replace("<opensearch:totalResults>214881</opensearch:totalResults>",
                 "<opensearch:totalResults>" + QByteArray::number(total) +
                     "</opensearch:totalResults>");
    QList<QByteArray> entries;
    for (qsizetype at = first; at >= 0 && at < end;) {
        const qsizetype close = body.indexOf("</entry>", at) + 8;
        entries.append(body.mid(at, close - at));
        at = body.indexOf("<entry>", close);
    }
    QList<QByteArray> pages;
    for (qsizetype i = 0; i < entries.size(); i += size) {
        QByteArray page = head;
        for (qsizetype j = i; j < std::min(entries.size(), i + size); ++j)
            page += entries.at(j) + '\n';
        pages.append(page + "</feed>\n");
    }
    pages.append(head + "</feed>\n"); // an empty page
    return pages;
}

CannedResponse atom(const QByteArray &body)
{
    return CannedResponse::ok(body, "application/atom+xml");
}

} // namespace

class TestFetchApi : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void fetchesADayInPages();
    void skipsDaysAlreadyComplete();
    void weekendNeedsNoRequest();
    void emptyPageMakesThePartDayPartial();
    void partialNeverReplacesACachedDay();
    void failedPageStoresNothing();
    void errorEntryExplainsTheFailure();
    void enrichesIncompletePapers();
    void enrichesWithBothFormats_data();
    void enrichesWithBothFormats();

private:
    void setPageSize(int size);
    std::unique_ptr<FetchTestEnv> m_env;
};

void TestFetchApi::init()
{
    m_env = std::make_unique<FetchTestEnv>();
    QVERIFY(m_env->setUp());
}

void TestFetchApi::cleanup()
{
    m_env.reset();
}

void TestFetchApi::setPageSize(int size)
{
    FetchSettings settings = m_env->fetcher->settings();
    settings.apiPageSize = size;
    m_env->fetcher->setSettings(settings);
}

void TestFetchApi::fetchesADayInPages()
{
    setPageSize(4);
    const QList<QByteArray> pages = pagesOf(4, 10);
    m_env->server.route(kApi, {atom(pages.at(0))}, u"start=0&"_s);
    m_env->server.route(kApi, {atom(pages.at(1))}, u"start=4&"_s);
    m_env->server.route(kApi, {atom(pages.at(2))}, u"start=8&"_s);
    const FetchSummary summary = m_env->run(FetchRequest::days(kFixtureDay, kFixtureDay));
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    QCOMPARE(summary.requests, 3);
    const FetchOutcome outcome = summary.outcomes.first();
    QCOMPARE(outcome.source, u"arxiv-api"_s);
    QCOMPARE(outcome.state, LedgerState::Complete);
    QCOMPARE(outcome.papers, 10);

    const QList<RecordedRequest> requests = m_env->server.requests();
    QVERIFY2(requests.first().query.startsWith(
                 u"search_query=cat:cs.CV AND submittedDate:[202411261900 TO 202411271859]"
                 "&sortBy=submittedDate&sortOrder=ascending&start=0&max_results=4"_s),
             qPrintable(requests.first().query));
    for (const qint64 gap : m_env->server.arrivalGaps())
        QVERIFY2(gap >= 50, qPrintable(u"gap %1 ms"_s.arg(gap)));

    const QList<PaperView> papers = m_env->store->dayPapers(kFixtureDay);
    QCOMPARE(papers.size(), 10);
    QCOMPARE(papers.first().paper.arxivId, u"2202.12139"_s);
    QCOMPARE(papers.first().digestSource, u"arxiv-api"_s);
    QVERIFY(!papers.first().paper.abstract.isEmpty());
    QCOMPARE(FetchLedger(m_env->db).entry(kFixtureDay, u"cs.CV"_s, u"arxiv-api"_s)->papers, 10);
}

void TestFetchApi::skipsDaysAlreadyComplete()
{
    setPageSize(20);
    m_env->server.route(kApi, {atom(pagesOf(20, 10).at(0))});
    QVERIFY(m_env->run(FetchRequest::days(kFixtureDay, kFixtureDay)).ok());
    const FetchSummary again = m_env->run(FetchRequest::days(kFixtureDay, kFixtureDay));
    QVERIFY(again.ok());
    QVERIFY(again.outcomes.first().skipped);
    QCOMPARE(m_env->server.requestCount(), 1);
    FetchRequest forced = FetchRequest::days(kFixtureDay, kFixtureDay);
    forced.force = true;
    QVERIFY(m_env->run(forced).ok());
    QCOMPARE(m_env->server.requestCount(), 2);
}

void TestFetchApi::weekendNeedsNoRequest()
{
    const FetchSummary summary =
        m_env->run(FetchRequest::days(QDate(2024, 11, 30), QDate(2024, 12, 1)));
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    QCOMPARE(summary.outcomes.size(), 2);
    QCOMPARE(summary.outcomes.first().state, LedgerState::NoAnnouncement);
    QCOMPARE(m_env->server.requestCount(), 0);
}

void TestFetchApi::emptyPageMakesThePartDayPartial()
{
    setPageSize(4);
    const QList<QByteArray> pages = pagesOf(4, 10);
    m_env->server.route(kApi, {atom(pages.at(0))}, u"start=0&"_s);
    m_env->server.route(kApi, {atom(pages.last())}, u"start=4&"_s);
    const FetchSummary summary = m_env->run(FetchRequest::days(kFixtureDay, kFixtureDay));
    QVERIFY(!summary.ok());
    QCOMPARE(m_env->server.requestCount(u"/api/query"_s), 3); // the empty page was asked twice
    const FetchOutcome outcome = summary.outcomes.first();
    QCOMPARE(outcome.state, LedgerState::Partial);
    QCOMPARE(outcome.papers, 4);
    QVERIFY2(outcome.reason.contains(u"4 of 10"_s), qPrintable(outcome.reason));
    // Nothing was cached for the day, so the part is kept, and the ledger says it is a part.
    QCOMPARE(m_env->store->dayPapers(kFixtureDay).size(), 4);
    QCOMPARE(FetchLedger(m_env->db).entry(kFixtureDay, u"cs.CV"_s, u"arxiv-api"_s)->state,
             LedgerState::Partial);
}

void TestFetchApi::partialNeverReplacesACachedDay()
{
    setPageSize(4);
    const QList<QByteArray> pages = pagesOf(4, 10);
    m_env->server.route(kApi, {atom(pages.at(0))}, u"start=0&"_s);
    m_env->server.route(kApi, {atom(pages.at(1)), atom(pages.last())}, u"start=4&"_s);
    m_env->server.route(kApi, {atom(pages.at(2))}, u"start=8&"_s);
    QVERIFY(m_env->run(FetchRequest::days(kFixtureDay, kFixtureDay)).ok());
    QVERIFY(m_env->seedUserData(u"2202.12139"_s));
    const QStringList cacheBefore = m_env->cache();
    const QStringList userBefore = m_env->user();

    FetchRequest again = FetchRequest::days(kFixtureDay, kFixtureDay);
    again.force = true;
    const FetchSummary summary = m_env->run(again);
    QCOMPARE(summary.outcomes.first().state, LedgerState::Partial);
    QVERIFY(summary.outcomes.first().reason.contains(u"keeps the listing it had"_s));
    QCOMPARE(m_env->cache(), cacheBefore);
    QCOMPARE(m_env->user(), userBefore);
    const LedgerEntry row = *FetchLedger(m_env->db).entry(kFixtureDay, u"cs.CV"_s, u"arxiv-api"_s);
    QCOMPARE(row.state, LedgerState::Complete);
    QVERIFY(row.lastError.contains(u"4 of 10"_s));
}

void TestFetchApi::failedPageStoresNothing()
{
    setPageSize(4);
    const QList<QByteArray> pages = pagesOf(4, 10);
    m_env->server.route(kApi, {atom(pages.at(0))}, u"start=0&"_s);
    m_env->server.route(kApi, {CannedResponse::withStatus(503, "busy")}, u"start=4&"_s);
    const FetchSummary summary = m_env->run(FetchRequest::days(kFixtureDay, kFixtureDay));
    QCOMPARE(summary.outcomes.first().state, LedgerState::Failed);
    QVERIFY2(summary.outcomes.first().reason.contains(u"HTTP 503"_s),
             qPrintable(describe(summary)));
    QVERIFY(m_env->cache().isEmpty());
    QCOMPARE(FetchLedger(m_env->db).entry(kFixtureDay, u"cs.CV"_s, u"arxiv-api"_s)->state,
             LedgerState::Failed);
}

void TestFetchApi::errorEntryExplainsTheFailure()
{
    m_env->server.route(
        kApi, {TestHttpServer::arxivApiFixture(u"arxivpy_id_abc_s0_m100_b79c8dcf6bc3"_s)});
    const FetchSummary summary = m_env->run(FetchRequest::days(kFixtureDay, kFixtureDay));
    QVERIFY(!summary.ok());
    QCOMPARE(summary.outcomes.first().reason,
             u"HTTP 400 Bad Request: incorrect id format for abc"_s);
    QCOMPARE(m_env->server.requestCount(), 1); // a 400 is not worth another try
}

void TestFetchApi::enrichesIncompletePapers()
{
    // The founding digest gives Chinese abstracts and a code link; arXiv has the English
    // metadata. One more incomplete paper is the one the recorded id_list answer is about.
    Importer importer(*m_env->store);
    const ImportReport report = importer.importFile(foundingDigestPath());
    QVERIFY2(report.ok, qPrintable(report.error));
    Digest other;
    other.date = QDate(2024, 3, 14);
    other.source = u"meiri-xueshu-sudi"_s;
    other.category = u"cs.CR"_s;
    DigestEntry entry;
    entry.paper.arxivId = u"2104.12255"_s;
    entry.position = 1;
    entry.codeUrlAsGiven = u"https://github.com/given/by-digest"_s;
    other.entries.append(entry);
    QVERIFY(m_env->store->saveDigests({other}));
    QVERIFY(m_env->seedUserData(u"2306.05544"_s));
    const QStringList userBefore = m_env->user();
    const QStringList givenLinks =
        dumpRows(m_env->db.connection(), u"SELECT code_url FROM digest_entries ORDER BY id"_s);

    m_env->server.route(
        kApi, {TestHttpServer::arxivApiFixture(u"arxivpy_id_2104.12255v1_s0_m100_6ae69987ffe1"_s)});
    const FetchSummary summary = m_env->run(FetchRequest::enrichment());
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    const QString query = m_env->server.requests().constFirst().query;
    QVERIFY2(query.startsWith(u"id_list=2306.01667,2306.05544,2306.01128,2104.12255&"_s),
             qPrintable(query));
    const FetchOutcome outcome = summary.outcomes.first();
    QCOMPARE(outcome.source, u"arxiv-api-enrich"_s);
    QCOMPARE(outcome.papers, 1);
    QCOMPARE(outcome.reason, u"3 of 4 ids unknown to arXiv"_s);

    const PaperView enriched = *m_env->store->paperView(u"2104.12255"_s);
    QCOMPARE(enriched.paper.title, u"0"_s);
    QVERIFY(!enriched.paper.abstract.isEmpty());
    QVERIFY(enriched.paper.categories.contains(u"cs.CR"_s));
    QCOMPARE(enriched.paper.version, 1);
    // What the digests said stays as they said it; user data is not touched.
    QCOMPARE(dumpRows(m_env->db.connection(), u"SELECT code_url FROM digest_entries ORDER BY id"_s),
             givenLinks);
    QCOMPARE(m_env->user(), userBefore);
}

void TestFetchApi::enrichesWithBothFormats_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("legacy, empty entries") << u"legacy2025-08_id_list_missing_ids.xml"_s;
    QTest::newRow("new, links without rel")
        << u"new2025-11-11_id_list_missing_ids_links_without_rel.xml"_s;
}

void TestFetchApi::enrichesWithBothFormats()
{
    QFETCH(QString, file);
    const QStringList ids = {u"2201.13455"_s, u"2201.13452"_s, u"2201.13453"_s, u"2201.13454"_s};
    Digest digest;
    digest.date = QDate(2022, 2, 1);
    digest.source = u"digest-json"_s;
    for (const QString &id : ids) {
        DigestEntry entry;
        entry.paper.arxivId = id;
        entry.position = int(digest.entries.size()) + 1;
        digest.entries.append(entry);
    }
    QVERIFY(m_env->store->saveDigests({digest}));
    m_env->server.route(
        kApi,
        {atom(TestHttpServer::readFile(QStringLiteral(PAPERBOY_TEST_DATA "/arxiv-api/") + file))});
    const FetchSummary summary = m_env->run(FetchRequest::enrichment(ids));
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    QCOMPARE(summary.outcomes.first().papers, 1);
    const PaperView paper = *m_env->store->paperView(u"2201.13452"_s);
    QVERIFY(!paper.paper.abstract.isEmpty());
    QVERIFY(!paper.paper.title.isEmpty());
    QVERIFY(m_env->store->paperView(u"2201.13455"_s)->paper.abstract.isEmpty());
}

QTEST_GUILESS_MAIN(TestFetchApi)
#include "tst_fetch_api.moc"
