// The digest sources through the Fetcher from a local server: a Hugging Face day, the
// daily-arXiv-ai-enhanced Friday and Saturday files (Saturday recorded as the same listing),
// and every kind of failure leaving the cache and user data as they were.

#include "fetch/digest_sources.h"
#include "store/fetch_ledger.h"
#include "fetch_test_env.h"

#include <QSqlQuery>

using namespace paperboy;
using namespace paperboy::test;
using namespace Qt::StringLiterals;

namespace {

const QDate kFriday(2026, 6, 12);
const QDate kSaturday(2026, 6, 13);
const QString kHfPath = u"/api/daily_papers"_s;

QString fridayFile()
{
    return u"/data/2026-06-12_AI_enhanced_Chinese.jsonl"_s;
}

QString saturdayFile()
{
    return u"/data/2026-06-13_AI_enhanced_Chinese.jsonl"_s;
}

CannedResponse hfFixture()
{
    return CannedResponse::ok(
        TestHttpServer::readFile(fixture(u"hf-daily/hf_daily_papers_2026-06-12_first15.json"_s)),
        "application/json; charset=utf-8");
}

CannedResponse hfError404()
{
    return CannedResponse::withStatus(
        404, TestHttpServer::readFile(fixture(u"hf-daily/hf_error_404_body_UNVERIFIED_URL.json"_s)),
        "application/json; charset=utf-8");
}

CannedResponse digestFixture(const QDate &date)
{
    return CannedResponse::ok(
        TestHttpServer::readFile(fixture(
            u"digest-json/daily-arXiv-ai-enhanced_%1.jsonl"_s.arg(date.toString(Qt::ISODate)))),
        "text/plain; charset=utf-8");
}

std::optional<LedgerEntry> ledgerRow(Database &db, const QDate &date, const QString &source)
{
    return FetchLedger(db).entry(date, kDigestLedgerCategory, source);
}

const PaperView *findView(const QList<PaperView> &views, const QString &arxivId)
{
    for (const PaperView &view : views) {
        if (view.paper.arxivId == arxivId)
            return &view;
    }
    return nullptr;
}

QStringList aiRows(const QSqlDatabase &db)
{
    return dumpRows(db, u"SELECT * FROM entry_ai_summaries ORDER BY id"_s);
}

} // namespace

class TestFetchDigests : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void hfDay();
    void hfEmptyDayIsNoAnnouncement();
    void digestFridayAndSaturday();
    void saturdayAloneAfterFriday();
    void hfFailures_data();
    void hfFailures();
    void digestFailures_data();
    void digestFailures();
    void pastDaysAreSkippedTodayIsNot();
    void retryAfterIsHonoured();

private:
    void runFailure(FetchSource source, const QString &path, const CannedResponse &good,
                    const CannedResponse &fault, const QString &reason);

    std::unique_ptr<FetchTestEnv> m_env;
};

void TestFetchDigests::init()
{
    m_env = std::make_unique<FetchTestEnv>();
    QVERIFY(m_env->setUp());
    FetchSettings settings = m_env->fetcher->settings();
    settings.hfUrl = m_env->server.baseUrl() + kHfPath;
    settings.digestUrlTemplate =
        m_env->server.baseUrl() + u"/data/{date}_AI_enhanced_{lang}.jsonl"_s;
    settings.politeness.otherSiteSpacingMs = 50;
    m_env->fetcher->setSettings(settings);
    // A week after the recordings: their days are over.
    m_env->fetcher->setClock([] { return QDateTime(QDate(2026, 6, 20), QTime(9, 0), Qt::UTC); });
}

void TestFetchDigests::cleanup()
{
    m_env.reset();
}

void TestFetchDigests::hfDay()
{
    m_env->server.route(kHfPath, {hfFixture()}, u"date=2026-06-12"_s);
    const FetchSummary summary = m_env->run(FetchRequest::digests(FetchSource::HfDaily, kFriday));
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    QCOMPARE(summary.outcomes.size(), 1);
    const FetchOutcome &outcome = summary.outcomes.first();
    QCOMPARE(outcome.date, kFriday);
    QCOMPARE(outcome.source, u"hf-daily"_s);
    QCOMPARE(outcome.category, u"all"_s);
    QCOMPARE(outcome.state, LedgerState::Complete);
    QCOMPARE(outcome.papers, 15);
    QVERIFY(!outcome.sameAs.isValid());
    QCOMPARE(summary.requests, 1);
    QCOMPARE(summary.papersStored, 15);

    const RecordedRequest request = m_env->server.requests().constFirst();
    QCOMPARE(request.path, kHfPath);
    QCOMPARE(request.query, u"date=2026-06-12"_s);
    QVERIFY(request.header("User-Agent").startsWith("Paperboy/"));

    const LedgerEntry row = *ledgerRow(m_env->db, kFriday, kHfDailySource);
    QCOMPARE(row.state, LedgerState::Complete);
    QCOMPARE(row.papers, 15);
    // A digest's row never stands for an arXiv category's listing.
    QVERIFY(FetchLedger(m_env->db).problems(kFriday, kFriday, {u"cs.CV"_s}).size() == 1);

    const QList<PaperView> papers = m_env->store->dayPapers(kFriday);
    QCOMPARE(papers.size(), 15);
    QCOMPARE(papers.first().digestSource, u"hf-daily"_s);
    QCOMPARE(papers.first().paper.arxivId, u"2606.00467"_s);
    QCOMPARE(papers.first().paper.authors,
             QStringList({u"Etienne Casanova"_s, u"Rafal Kocielnik"_s, u"R. Michael Alvarez"_s}));
    QCOMPARE(papers.first().entry.organisation, u"California institute of technology"_s);
    QCOMPARE(papers.first().entry.ai.language, u"en"_s);
    QVERIFY(papers.first().entry.ai.tldr.startsWith(u"Large language models exhibit limited"_s));
    QCOMPARE(papers.first().entry.ai.keywords.size(), 14);

    const PaperView *sdg = findView(papers, u"2606.06113"_s);
    QVERIFY(sdg);
    QCOMPARE(sdg->entry.position, 11);
    QCOMPARE(sdg->entry.upvotes, 13);
    QCOMPARE(sdg->paper.codeUrl, u"https://github.com/nianbai006/SDG"_s);
    QCOMPARE(sdg->paper.codeUrlSource, u"hf"_s);
    QCOMPARE(sdg->paper.codeStars, 5);
    QCOMPARE(sdg->paper.projectUrl, u"https://huggingface.co/collections/P1n3/sdg"_s);
    QCOMPARE(sdg->entry.organisation, u"Kolors Team, Kuaishou Technology"_s);

    const PaperView *noRepo = findView(papers, u"2606.13289"_s);
    QVERIFY(noRepo);
    QCOMPARE(noRepo->entry.upvotes, 25);
    QCOMPARE(noRepo->paper.codeStars, -1);
    QVERIFY(noRepo->paper.codeUrl.isEmpty());
    QCOMPARE(noRepo->paper.authors.size(), 14);
}

void TestFetchDigests::hfEmptyDayIsNoAnnouncement()
{
    m_env->server.route(kHfPath, {CannedResponse::ok("[]", "application/json")});
    const FetchSummary summary =
        m_env->run(FetchRequest::digests(FetchSource::HfDaily, QDate(2026, 6, 14)));
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    QCOMPARE(summary.outcomes.first().state, LedgerState::NoAnnouncement);
    QCOMPARE(ledgerRow(m_env->db, QDate(2026, 6, 14), kHfDailySource)->state,
             LedgerState::NoAnnouncement);
    QVERIFY(m_env->cache().isEmpty());
}

void TestFetchDigests::digestFridayAndSaturday()
{
    m_env->server.route(fridayFile(), {digestFixture(kFriday)});
    m_env->server.route(saturdayFile(), {digestFixture(kSaturday)});
    const FetchSummary summary =
        m_env->run(FetchRequest::digests(FetchSource::DigestJson, kFriday, kSaturday));
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    QCOMPARE(summary.outcomes.size(), 2);
    QCOMPARE(summary.requests, 2);

    const FetchOutcome &friday = summary.outcomes.at(0);
    QCOMPARE(friday.date, kFriday);
    QCOMPARE(friday.source, u"digest-json"_s);
    QCOMPARE(friday.state, LedgerState::Complete);
    QCOMPARE(friday.papers, 250); // 314 lines, 64 of them repeat a paper of another category
    QVERIFY(!friday.sameAs.isValid());
    QVERIFY2(friday.reason.isEmpty(), qPrintable(friday.reason));

    const FetchOutcome &saturday = summary.outcomes.at(1);
    QCOMPARE(saturday.date, kSaturday);
    QCOMPARE(saturday.state, LedgerState::Complete);
    QCOMPARE(saturday.sameAs, kFriday);
    QCOMPARE(saturday.reason, u"same as 2026-06-12"_s);

    const LedgerEntry row = *ledgerRow(m_env->db, kSaturday, kDigestJsonSource);
    QCOMPARE(row.state, LedgerState::Complete);
    QCOMPARE(row.reason, u"same as 2026-06-12"_s);

    // The sidebar's view: Saturday is "same as Friday", not a new day of papers.
    const QList<DaySummary> days = m_env->store->days();
    QCOMPARE(days.size(), 2);
    QCOMPARE(days.at(0).date, kSaturday);
    QCOMPARE(days.at(0).sameAs, kFriday);
    QCOMPARE(days.at(0).papers, 0);
    QCOMPARE(days.at(1).papers, 250);
    QCOMPARE(m_env->store->paperCount(), 250);

    const QList<PaperView> papers = m_env->store->dayPapers(kFriday);
    QCOMPARE(papers.size(), 250);
    QCOMPARE(papers.first().paper.arxivId, u"2606.12785"_s);
    QCOMPARE(papers.first().paper.authors, QStringList{u"Farhad Mohsin"_s});
    QCOMPARE(papers.first().paper.categories, QStringList{u"cs.GT"_s});
    QVERIFY(papers.first().entry.ai.isEmpty()); // the recordings carry no AI block
    const QList<PaperView> saturdayPapers = m_env->store->dayPapers(kSaturday); // outlives `hair`
    const PaperView *hair = findView(saturdayPapers, u"2606.12562"_s);
    QVERIFY(hair);
    QCOMPARE(hair->paper.categories, QStringList({u"cs.CV"_s, u"cs.GR"_s}));
    QCOMPARE(hair->paper.authors.size(), 5);
    QVERIFY(hair->paper.comment.startsWith(u"Accepted to SIGGRAPH 2026"_s));
}

void TestFetchDigests::saturdayAloneAfterFriday()
{
    m_env->server.route(fridayFile(), {digestFixture(kFriday)});
    m_env->server.route(saturdayFile(), {digestFixture(kSaturday)});
    QVERIFY(m_env->run(FetchRequest::digests(FetchSource::DigestJson, kFriday)).ok());
    const FetchSummary summary =
        m_env->run(FetchRequest::digests(FetchSource::DigestJson, kSaturday));
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    QCOMPARE(summary.outcomes.first().sameAs, kFriday);
    QCOMPARE(m_env->store->days().first().sameAs, kFriday);
}

void TestFetchDigests::runFailure(FetchSource source, const QString &path,
                                  const CannedResponse &good, const CannedResponse &fault,
                                  const QString &reason)
{
    const QString sourceName = digestSourceName(source);
    // Friday fetched well and marked by the user; then Saturday (new) and Friday (again) fail.
    m_env->server.route(path, {good});
    QVERIFY(m_env->run(FetchRequest::digests(source, kFriday)).ok());
    const QString starred = m_env->store->dayPapers(kFriday).first().paper.arxivId;
    QVERIFY(m_env->seedUserData(starred));
    const QStringList cacheBefore = m_env->cache();
    const QStringList aiBefore = aiRows(m_env->db.connection());
    const QStringList userBefore = m_env->user();
    QVERIFY(!userBefore.isEmpty());
    m_env->server.clearRoutes();
    m_env->server.route(path, {fault});
    m_env->server.route(u"/data/2026-06-13_AI_enhanced_Chinese.jsonl"_s, {fault});

    FetchRequest again = FetchRequest::digests(source, kFriday, kSaturday);
    again.force = true;
    const FetchSummary summary = m_env->run(again);
    QVERIFY(!summary.ok());
    QCOMPARE(summary.outcomes.size(), 2);
    for (const FetchOutcome &outcome : summary.outcomes) {
        QCOMPARE(outcome.state, LedgerState::Failed);
        QCOMPARE(outcome.source, sourceName);
        QVERIFY2(outcome.reason.contains(reason), qPrintable(describe(summary)));
    }
    QCOMPARE(m_env->cache(), cacheBefore);
    QCOMPARE(aiRows(m_env->db.connection()), aiBefore);
    QCOMPARE(m_env->user(), userBefore);

    // The new day is failed in the ledger; the stored day stays complete with the error noted.
    const LedgerEntry saturday = *ledgerRow(m_env->db, kSaturday, sourceName);
    QCOMPARE(saturday.state, LedgerState::Failed);
    QVERIFY2(saturday.reason.contains(reason), qPrintable(saturday.reason));
    const LedgerEntry friday = *ledgerRow(m_env->db, kFriday, sourceName);
    QCOMPARE(friday.state, LedgerState::Complete);
    QVERIFY2(friday.lastError.contains(reason), qPrintable(friday.lastError));
}

void TestFetchDigests::hfFailures_data()
{
    QTest::addColumn<CannedResponse>("fault");
    QTest::addColumn<QString>("reason");
    QTest::newRow("404 with Hugging Face's error body")
        << hfError404()
        << u"HTTP 404 Not Found: Hugging Face answered with an error: Sorry, we can't find the "
           "page you are looking for."_s;
    QTest::newRow("robot-check HTML")
        << CannedResponse::ok("<!DOCTYPE html><html><head><title>Just a moment...</title>"
                              "</head><body>Checking your browser</body></html>",
                              "text/html")
        << u"not Hugging Face daily papers JSON: got HTML (\"Just a moment...\")"_s;
    const QByteArray body = hfFixture().body;
    QTest::newRow("truncated JSON")
        << CannedResponse::ok(body.left(body.size() / 2), "application/json")
        << u"Hugging Face daily papers: truncated JSON"_s;
    CannedResponse cut = hfFixture();
    cut.truncateAfter = 5000;
    QTest::newRow("connection cut mid-body") << cut << u"closed the connection"_s;
    QTest::newRow("503 forever") << CannedResponse::withStatus(503, "busy")
                                 << u"HTTP 503 Service Unavailable (gave up after 2 tries)"_s;
    QTest::newRow("another day's papers") << hfFixture() << u"asked for 2026-06-13"_s;
}

void TestFetchDigests::hfFailures()
{
    QFETCH(CannedResponse, fault);
    QFETCH(QString, reason);
    if (QTest::currentDataTag() == QByteArray("another day's papers")) {
        // Friday's answer for Saturday: nothing may be stored under the wrong day.
        m_env->server.route(kHfPath, {hfFixture()});
        QVERIFY(m_env->run(FetchRequest::digests(FetchSource::HfDaily, kFriday)).ok());
        const QStringList cacheBefore = m_env->cache();
        const FetchSummary summary =
            m_env->run(FetchRequest::digests(FetchSource::HfDaily, kSaturday));
        QCOMPARE(summary.outcomes.first().state, LedgerState::Failed);
        QVERIFY2(summary.outcomes.first().reason.contains(reason), qPrintable(describe(summary)));
        QCOMPARE(m_env->cache(), cacheBefore);
        QCOMPARE(ledgerRow(m_env->db, kSaturday, kHfDailySource)->state, LedgerState::Failed);
        return;
    }
    runFailure(FetchSource::HfDaily, kHfPath, hfFixture(), fault, reason);
}

void TestFetchDigests::digestFailures_data()
{
    QTest::addColumn<CannedResponse>("fault");
    QTest::addColumn<QString>("reason");
    QTest::newRow("404") << CannedResponse::withStatus(404, "404: Not Found")
                         << u"HTTP 404 Not Found (no digest file for this day, or not yet "
                            "published)"_s;
    QTest::newRow("HTML") << CannedResponse::ok("<html><head><title>Access denied</title></head>"
                                                "</html>",
                                                "text/html")
                          << u"not daily-arXiv-ai-enhanced JSON Lines: got HTML"_s;
    const QByteArray body = digestFixture(kFriday).body;
    QTest::newRow("truncated file")
        << CannedResponse::ok(body.left(body.size() - 1000), "text/plain")
        << u"line 314: the file ends in the middle of a line"_s;
    QTest::newRow("bad line") << CannedResponse::ok(body + "{\"id\":\"not-an-id\"}\n", "text/plain")
                              << u"line 315: \"not-an-id\" is not an arXiv identifier"_s;
}

void TestFetchDigests::digestFailures()
{
    QFETCH(CannedResponse, fault);
    QFETCH(QString, reason);
    runFailure(FetchSource::DigestJson, fridayFile(), digestFixture(kFriday), fault, reason);
}

void TestFetchDigests::pastDaysAreSkippedTodayIsNot()
{
    m_env->server.route(kHfPath, {hfFixture()}, u"date=2026-06-12"_s);
    m_env->server.route(kHfPath, {CannedResponse::ok("[]", "application/json")},
                        u"date=2026-06-20"_s);
    QVERIFY(m_env->run(FetchRequest::digests(FetchSource::HfDaily, kFriday)).ok());
    QCOMPARE(m_env->server.requestCount(), 1);

    const FetchSummary again = m_env->run(FetchRequest::digests(FetchSource::HfDaily, kFriday));
    QVERIFY2(again.ok(), qPrintable(describe(again)));
    QVERIFY(again.outcomes.first().skipped);
    QCOMPARE(again.outcomes.first().papers, 15);
    QCOMPARE(m_env->server.requestCount(), 1);

    FetchRequest forced = FetchRequest::digests(FetchSource::HfDaily, kFriday);
    forced.force = true;
    QVERIFY(m_env->run(forced).ok());
    QCOMPARE(m_env->server.requestCount(), 2);

    // Today (UTC, by the fetcher's clock) is still filling up: asked again every time.
    const FetchSummary today = m_env->run(FetchRequest::digests(FetchSource::HfDaily));
    QVERIFY2(today.ok(), qPrintable(describe(today)));
    QCOMPARE(today.outcomes.first().date, QDate(2026, 6, 20));
    QCOMPARE(today.outcomes.first().state, LedgerState::NoAnnouncement);
    QVERIFY(m_env->run(FetchRequest::digests(FetchSource::HfDaily)).ok());
    QCOMPARE(m_env->server.requestCount(), 4);
}

void TestFetchDigests::retryAfterIsHonoured()
{
    m_env->server.route(kHfPath,
                        {CannedResponse::withStatus(429).header("Retry-After", "1"), hfFixture()});
    const FetchSummary summary = m_env->run(FetchRequest::digests(FetchSource::HfDaily, kFriday));
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    QCOMPARE(summary.requests, 2);
    QCOMPARE(summary.retries, 1);
    // The server asked for a second; the fetcher waited at least that long.
    QVERIFY(m_env->server.arrivalGaps().constFirst() >= 1000);
}

QTEST_GUILESS_MAIN(TestFetchDigests)
#include "tst_fetch_digests.moc"
