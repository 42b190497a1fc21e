// Today's listing through the Fetcher from a local server: stored with announce types, the
// ledger filled in, and every kind of failure leaving the cache and user data as they were.

#include "store/fetch_ledger.h"
#include "fetch_test_env.h"
#include "store/store_thread.h"

#include <QSqlQuery>

using namespace paperboy;
using namespace paperboy::test;
using namespace Qt::StringLiterals;

namespace {

const QString kFeed = u"rss_2024-11-28_first120items.xml"_s;
const QString kPath = u"/rss/cs.CV"_s;

CannedResponse dayFeed()
{
    return TestHttpServer::arxivRssFixture(kFeed);
}

std::optional<LedgerEntry> ledgerRow(Database &db, const QDate &date = kFixtureDay)
{
    return FetchLedger(db).entry(date, u"cs.CV"_s, u"arxiv-rss"_s);
}

} // namespace

class TestFetchRss : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void storesTodaysListing();
    void emptyChannelIsNoAnnouncement();
    void feedErrorIsAFailure();
    void failureLeavesCacheAndUserDataAlone_data();
    void failureLeavesCacheAndUserDataAlone();
    void retryIsVisibleInTheSummary();
    void notModifiedKeepsCache();
    void forgetsValidatorsWhenTheDigestIsGone();
    void cancelStopsWithoutStoring();
    void worksThroughStoreThread();
    void refusesSecondStart();

private:
    std::unique_ptr<FetchTestEnv> m_env;
};

void TestFetchRss::init()
{
    m_env = std::make_unique<FetchTestEnv>();
    QVERIFY(m_env->setUp());
}

void TestFetchRss::cleanup()
{
    m_env.reset();
}

void TestFetchRss::storesTodaysListing()
{
    m_env->server.route(kPath, {dayFeed()});
    QSignalSpy progress(m_env->fetcher.get(), &Fetcher::progress);
    const FetchSummary summary = m_env->run(FetchRequest::today());
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    QCOMPARE(summary.outcomes.size(), 1);
    const FetchOutcome &outcome = summary.outcomes.first();
    QCOMPARE(outcome.date, kFixtureDay);
    QCOMPARE(outcome.state, LedgerState::Complete);
    QCOMPARE(outcome.papers, 120);
    QCOMPARE(summary.requests, 1);
    QVERIFY(!progress.isEmpty());

    const QList<PaperView> papers = m_env->store->dayPapers(kFixtureDay);
    QCOMPARE(papers.size(), 120);
    // The first 120 items of the recording are all new submissions.
    for (const PaperView &view : papers)
        QCOMPARE(view.entry.announceType, u"new"_s);
    QCOMPARE(papers.first().digestSource, u"arxiv-rss"_s);

    const LedgerEntry row = *ledgerRow(m_env->db);
    QCOMPARE(row.state, LedgerState::Complete);
    QCOMPARE(row.papers, 120);
    QVERIFY(m_env->server.requests().constFirst().header("User-Agent").startsWith("Paperboy/"));
}

void TestFetchRss::emptyChannelIsNoAnnouncement()
{
    m_env->server.route(
        kPath, {TestHttpServer::arxivRssFixture(u"rss_empty_test_archive_2024-11-28.xml"_s)});
    const FetchSummary summary = m_env->run(FetchRequest::today());
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    QCOMPARE(summary.outcomes.first().state, LedgerState::NoAnnouncement);
    QCOMPARE(ledgerRow(m_env->db)->state, LedgerState::NoAnnouncement);
    QVERIFY(m_env->cache().isEmpty()); // no empty digest row either
}

void TestFetchRss::feedErrorIsAFailure()
{
    m_env->server.route(kPath, {TestHttpServer::arxivRssFixture(
                                   u"rss_error_bad_archive_astroph_2024-11-28.xml"_s)});
    const FetchSummary summary = m_env->run(FetchRequest::today());
    QVERIFY(!summary.ok());
    QCOMPARE(summary.outcomes.first().state, LedgerState::Failed);
    QVERIFY2(summary.outcomes.first().reason.contains(u"Bad archive"_s),
             qPrintable(describe(summary)));
    const LedgerEntry row = *ledgerRow(m_env->db);
    QCOMPARE(row.state, LedgerState::Failed);
    QVERIFY(row.reason.contains(u"feed error"_s));
}

void TestFetchRss::failureLeavesCacheAndUserDataAlone_data()
{
    QTest::addColumn<CannedResponse>("fault");
    QTest::addColumn<QString>("reason");
    const QByteArray feed = dayFeed().body;

    QTest::newRow("robot-check HTML")
        << CannedResponse::ok("<!DOCTYPE html><html><head><title>Just a moment...</title></head>"
                              "<body>Checking your browser</body></html>",
                              "text/html")
        << u"got HTML"_s;
    QTest::newRow("plain text") << CannedResponse::ok("Rate exceeded.", "text/plain")
                                << u"Rate exceeded."_s;
    QTest::newRow("truncated XML")
        << CannedResponse::ok(feed.left(feed.size() / 2)) << u"truncated XML at line"_s;
    QTest::newRow("garbage")
        << CannedResponse::ok(
               QByteArray("\x1f\x8b\x08\x00\x00\x00\x00\x00\xff\x01", 10).repeated(50),
               "application/octet-stream")
        << u"binary data"_s;
    QTest::newRow("empty 200") << CannedResponse::ok({}) << u"empty response"_s;
    QTest::newRow("503 forever") << CannedResponse::withStatus(503, "<html>down</html>",
                                                               "text/html")
                                 << u"HTTP 503 Service Unavailable (gave up after 2 tries)"_s;
    QTest::newRow("429 wait too long")
        << CannedResponse::withStatus(429, "Rate exceeded.").header("Retry-After", "3600")
        << u"asked to wait 3600 s"_s;
    CannedResponse slow = dayFeed();
    slow.chunkSize = 1000;
    slow.chunkDelayMs = 800;
    QTest::newRow("slow body") << slow << u"timed out"_s;
    CannedResponse reset;
    reset.reset = true;
    QTest::newRow("connection reset") << reset << u"closed the connection"_s;
    CannedResponse cut = dayFeed();
    cut.truncateAfter = 5000;
    QTest::newRow("connection cut mid-body") << cut << u"closed the connection"_s;
    QTest::newRow("redirect loop")
        << CannedResponse::withStatus(302).header("Location", "/rss/cs.CV")
        << u"too many redirects"_s;
    QTest::newRow("oversized") << CannedResponse::ok(feed.repeated(2))
                               << u"larger than the limit"_s;
    QTest::newRow("404") << CannedResponse::withStatus(404, "Not Found") << u"HTTP 404"_s;
}

void TestFetchRss::failureLeavesCacheAndUserDataAlone()
{
    QFETCH(CannedResponse, fault);
    QFETCH(QString, reason);
    FetchSettings settings = m_env->fetcher->settings();
    settings.politeness.maxResponseBytes = 400000; // the feed fits, two of it do not
    m_env->fetcher->setSettings(settings);

    // A good fetch first, then the user's marks, then the fault.
    m_env->server.route(kPath, {dayFeed(), fault});
    QVERIFY(m_env->run(FetchRequest::today()).ok());
    QVERIFY(m_env->seedUserData(u"2411.17702"_s) ||
            m_env->seedUserData(m_env->store->dayPapers(kFixtureDay).first().paper.arxivId));
    const QStringList cacheBefore = m_env->cache();
    const QStringList userBefore = m_env->user();
    QVERIFY(!userBefore.isEmpty());

    const FetchSummary summary = m_env->run(FetchRequest::today());
    QVERIFY(!summary.ok());
    QCOMPARE(summary.outcomes.size(), 1);
    QCOMPARE(summary.outcomes.first().state, LedgerState::Failed);
    QVERIFY2(summary.outcomes.first().reason.contains(reason), qPrintable(describe(summary)));
    QCOMPARE(m_env->cache(), cacheBefore);
    QCOMPARE(m_env->user(), userBefore);
    // The day stays complete in the ledger; the failed refresh is noted beside it.
    const LedgerEntry row = *ledgerRow(m_env->db);
    QCOMPARE(row.state, LedgerState::Complete);
    QVERIFY2(row.lastError.contains(reason), qPrintable(row.lastError));
}

void TestFetchRss::retryIsVisibleInTheSummary()
{
    m_env->server.route(kPath,
                        {CannedResponse::withStatus(503).header("Retry-After", "0"), dayFeed()});
    const FetchSummary summary = m_env->run(FetchRequest::today());
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    QCOMPARE(summary.requests, 2);
    QCOMPARE(summary.retries, 1);
    QVERIFY(m_env->server.arrivalGaps().constFirst() >= 50);
}

void TestFetchRss::notModifiedKeepsCache()
{
    CannedResponse tagged = dayFeed();
    tagged.header("ETag", "\"v1\"").header("Last-Modified", "Thu, 28 Nov 2024 05:00:00 GMT");
    m_env->server.route(kPath, {tagged, CannedResponse::withStatus(304)});
    QVERIFY(m_env->run(FetchRequest::today()).ok());
    const QStringList cacheBefore = m_env->cache();

    const FetchSummary summary = m_env->run(FetchRequest::today());
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    const RecordedRequest second = m_env->server.requests().at(1);
    QCOMPARE(second.header("If-None-Match"), QByteArray("\"v1\""));
    QCOMPARE(second.header("If-Modified-Since"), QByteArray("Thu, 28 Nov 2024 05:00:00 GMT"));
    const FetchOutcome &outcome = summary.outcomes.first();
    QVERIFY(outcome.notModified);
    QCOMPARE(outcome.state, LedgerState::Complete);
    QCOMPARE(outcome.date, kFixtureDay);
    QCOMPARE(outcome.papers, 120);
    QCOMPARE(m_env->cache(), cacheBefore);
    QCOMPARE(ledgerRow(m_env->db)->state, LedgerState::Complete);
}

void TestFetchRss::forgetsValidatorsWhenTheDigestIsGone()
{
    CannedResponse tagged = dayFeed();
    tagged.header("ETag", "\"v1\"");
    m_env->server.route(kPath, {tagged});
    QVERIFY(m_env->run(FetchRequest::today()).ok());
    QSqlQuery q(m_env->db.connection());
    QVERIFY(q.exec(u"DELETE FROM digests"_s));
    QVERIFY(m_env->run(FetchRequest::today()).ok());
    QVERIFY(m_env->server.requests().at(1).header("If-None-Match").isEmpty());
    QCOMPARE(m_env->store->dayPapers(kFixtureDay).size(), 120);
}

void TestFetchRss::cancelStopsWithoutStoring()
{
    CannedResponse slow = dayFeed();
    slow.delayMs = 3000;
    m_env->server.route(kPath, {slow});
    QSignalSpy finished(m_env->fetcher.get(), &Fetcher::finished);
    QVERIFY(m_env->fetcher->start(FetchRequest::today()));
    QTRY_COMPARE(m_env->server.requestCount(), 1);
    m_env->fetcher->cancel();
    QVERIFY(finished.wait(2000));
    const FetchSummary summary = finished.takeFirst().at(0).value<FetchSummary>();
    QVERIFY(summary.cancelled);
    QVERIFY(!summary.ok());
    QVERIFY(!m_env->fetcher->isRunning());
    QVERIFY(m_env->cache().isEmpty());
    QVERIFY(!ledgerRow(m_env->db).has_value());
}

void TestFetchRss::worksThroughStoreThread()
{
    StoreThread writer(m_env->dir.filePath(u"threaded.sqlite"_s), Database::Mode::ReadWrite);
    QSignalSpy opened(&writer, &StoreThread::opened);
    QVERIFY(opened.wait(5000));
    Fetcher fetcher(fastFetchSettings(m_env->server), FetchStorage::onThread(writer));
    fetcher.setClock([] { return QDateTime(kFixtureDay, QTime(17, 30), Qt::UTC); });
    m_env->server.route(kPath, {dayFeed()});
    QSignalSpy finished(&fetcher, &Fetcher::finished);
    QVERIFY(fetcher.start(FetchRequest::today()));
    QVERIFY(finished.wait(10000));
    QVERIFY2(finished.first().at(0).value<FetchSummary>().ok(),
             qPrintable(describe(finished.first().at(0).value<FetchSummary>())));
    writer.drain();
    Database reader;
    QVERIFY(reader.open(writer.path(), Database::Mode::ReadOnly));
    Store store(reader);
    QCOMPARE(store.dayPapers(kFixtureDay).size(), 120);
    QCOMPARE(FetchLedger(reader).entry(kFixtureDay, u"cs.CV"_s, u"arxiv-rss"_s)->state,
             LedgerState::Complete);
}

void TestFetchRss::refusesSecondStart()
{
    CannedResponse slow = dayFeed();
    slow.delayMs = 300;
    m_env->server.route(kPath, {slow});
    QSignalSpy errors(m_env->fetcher.get(), &Fetcher::error);
    QSignalSpy finished(m_env->fetcher.get(), &Fetcher::finished);
    QVERIFY(m_env->fetcher->start(FetchRequest::today()));
    QVERIFY(!m_env->fetcher->start(FetchRequest::today()));
    QCOMPARE(errors.size(), 1);
    QVERIFY(finished.wait(10000));
    QVERIFY(!m_env->fetcher->start(FetchRequest::today({u"not a category"_s})));
}

QTEST_GUILESS_MAIN(TestFetchRss)
#include "tst_fetch_rss.moc"
