// `paperboy fetch` as a user runs it: the built binary against a server on 127.0.0.1.
// The binary runs asynchronously, so this process's event loop keeps serving it.

#include "cli_runner.h"
#include "test_http_server.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace paperboy::test;
using namespace Qt::StringLiterals;

class TestCliFetch : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void fetchesTodaysFeed();
    void failedFetchExitsOne_data();
    void failedFetchExitsOne();
    void fetchesADayFromTheApi();
    void joinsCategoriesInTheFeedUrl();
    void enrichWithNothingToDo();
    void usageErrors_data();
    void usageErrors();

private:
    CliRun fetch(const QStringList &arguments);
    QString dbPath() const { return m_dir->filePath(u"cli.sqlite"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestHttpServer> m_server;
};

void TestCliFetch::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
}

void TestCliFetch::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

CliRun TestCliFetch::fetch(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PAPERBOY_DB"_s, dbPath());
    // Test-only timings (see FetchSettings::applyTestEnvironment).
    env.insert(u"PAPERBOY_MIN_REQUEST_SPACING_MS"_s, u"20"_s);
    env.insert(u"PAPERBOY_FETCH_BACKOFF_MS"_s, u"20"_s);
    env.insert(u"PAPERBOY_FETCH_TIMEOUT_MS"_s, u"2000"_s);
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(PAPERBOY_BINARY),
                  QStringList{u"fetch"_s, u"--rss-url"_s, m_server->baseUrl() + u"/rss/"_s,
                              u"--api-url"_s, m_server->baseUrl() + u"/api/query"_s} +
                      arguments);
    CliRun run;
    if (!finished.wait(60000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

void TestCliFetch::fetchesTodaysFeed()
{
    m_server->route(u"/rss/cs.CV"_s,
                    {TestHttpServer::arxivRssFixture(u"rss_2024-11-28_first120items.xml"_s)});
    const CliRun run = fetch({u"--json"_s});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject summary = run.json().object();
    QCOMPARE(summary.value(u"ok"_s).toBool(), true);
    QCOMPARE(summary.value(u"requests"_s).toInt(), 1);
    const QJsonObject outcome = summary.value(u"outcomes"_s).toArray().first().toObject();
    QCOMPARE(outcome.value(u"date"_s).toString(), u"2024-11-28"_s);
    QCOMPARE(outcome.value(u"category"_s).toString(), u"cs.CV"_s);
    QCOMPARE(outcome.value(u"source"_s).toString(), u"arxiv-rss"_s);
    QCOMPARE(outcome.value(u"state"_s).toString(), u"complete"_s);
    QCOMPARE(outcome.value(u"papers"_s).toInt(), 120);
    QVERIFY(outcome.value(u"reason"_s).isNull());
    // Not a terminal: plain progress lines, no bar.
    QVERIFY2(run.err.contains("paperboy fetch: [0/1]"), run.err.constData());
    QVERIFY(!run.err.contains('\r'));

    const CliRun list =
        runPaperboy(dbPath(), {u"list"_s, u"--date"_s, u"2024-11-28"_s, u"--json"_s});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.json().array().size(), 120);
}

void TestCliFetch::failedFetchExitsOne_data()
{
    QTest::addColumn<CannedResponse>("fault");
    QTest::addColumn<QString>("reason");
    QTest::newRow("503") << CannedResponse::withStatus(503, "busy")
                         << u"HTTP 503 Service Unavailable (gave up after 4 tries)"_s;
    QTest::newRow("html") << CannedResponse::ok(
                                 "<html><head><title>Access denied</title></head></html>",
                                 "text/html")
                          << u"not an RSS feed: got HTML (\"Access denied\")"_s;
    QTest::newRow("feed error") << TestHttpServer::arxivRssFixture(
                                       u"rss_error_bad_archive_astroph_2024-11-28.xml"_s)
                                << u"arXiv RSS feed error: Bad archive"_s;
}

void TestCliFetch::failedFetchExitsOne()
{
    QFETCH(CannedResponse, fault);
    QFETCH(QString, reason);
    m_server->route(u"/rss/cs.CV"_s, {fault});
    const CliRun run = fetch({u"--json"_s});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject summary = run.json().object();
    QCOMPARE(summary.value(u"ok"_s).toBool(), false);
    const QJsonObject outcome = summary.value(u"outcomes"_s).toArray().first().toObject();
    QCOMPARE(outcome.value(u"state"_s).toString(), u"failed"_s);
    QVERIFY2(outcome.value(u"reason"_s).toString().startsWith(reason),
             qPrintable(outcome.value(u"reason"_s).toString()));
    QVERIFY(run.err.contains(reason.toUtf8()));
}

void TestCliFetch::fetchesADayFromTheApi()
{
    m_server->route(u"/api/query"_s, {TestHttpServer::arxivApiFixture(
                                         u"arxivpy_id_2104.12255v1_s0_m100_6ae69987ffe1"_s)});
    const CliRun run = fetch({u"--date"_s, u"2024-11-28"_s});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("2024-11-28 cs.CV (arxiv-api): complete, 1 paper\n"),
             run.out.constData());
    const QString query = m_server->requests().constFirst().query;
    QVERIFY2(query.contains(u"submittedDate:[202411261900 TO 202411271859]"_s), qPrintable(query));
    const CliRun list =
        runPaperboy(dbPath(), {u"list"_s, u"--date"_s, u"2024-11-28"_s, u"--json"_s});
    QCOMPARE(list.json().array().size(), 1);
}

void TestCliFetch::joinsCategoriesInTheFeedUrl()
{
    m_server->route(u"/rss/cs.CV+cs.LG"_s,
                    {TestHttpServer::arxivRssFixture(u"rss_empty_test_archive_2024-11-28.xml"_s)});
    const CliRun run =
        fetch({u"--category"_s, u"cs.CV"_s, u"--category"_s, u"cs.LG"_s, u"--json"_s});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonArray outcomes = run.json().object().value(u"outcomes"_s).toArray();
    QCOMPARE(outcomes.size(), 2);
    QCOMPARE(outcomes.at(1).toObject().value(u"state"_s).toString(), u"no-announcement"_s);
}

void TestCliFetch::enrichWithNothingToDo()
{
    const CliRun run = fetch({u"--enrich"_s});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("nothing to fetch\n"));
    QCOMPARE(m_server->requestCount(), 0);
}

void TestCliFetch::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("bad date") << QStringList{u"--date"_s, u"28.11.2024"_s};
    QTest::newRow("rss with date")
        << QStringList{u"--source"_s, u"rss"_s, u"--date"_s, u"2024-11-28"_s};
    QTest::newRow("unknown source") << QStringList{u"--source"_s, u"oai"_s};
    QTest::newRow("date and range")
        << QStringList{u"--date"_s, u"2024-11-28"_s, u"--from"_s, u"2024-11-27"_s};
    QTest::newRow("bad category") << QStringList{u"--category"_s, u"cs.CV&x"_s};
    QTest::newRow("bad url") << QStringList{u"--api-url"_s, u"ftp://example.org/"_s};
}

void TestCliFetch::usageErrors()
{
    QFETCH(QStringList, arguments);
    const CliRun run = fetch(arguments);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(m_server->requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestCliFetch)
#include "tst_cli_fetch.moc"
