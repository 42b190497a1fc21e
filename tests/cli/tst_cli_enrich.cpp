// Automatic English enrichment on the command line (issue #17): after an import or a fetch
// that brought papers without English abstract or categories, Paperboy asks the arXiv API
// for them (id_list, at most 100 ids a request), with progress on stderr; offline, one quiet
// line, exit 0, and a later import or fetch completes them.

#include "cli_runner.h"
#include "test_db.h"
#include "test_http_server.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace paperboy;
using namespace paperboy::test;
using namespace Qt::StringLiterals;

namespace {

const QString kApi = u"/api/query"_s;
const QStringList kFoundingIds = {u"2306.01667"_s, u"2306.05544"_s, u"2306.01128"_s};

// An arXiv API answer (Atom, as the API documents it) with an English record for each id.
CannedResponse atomFor(const QStringList &ids)
{
    QByteArray xml = "<?xml version='1.0' encoding='UTF-8'?>\n"
                     "<feed xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\" "
                     "xmlns:arxiv=\"http://arxiv.org/schemas/atom\" "
                     "xmlns=\"http://www.w3.org/2005/Atom\">\n"
                     "  <opensearch:totalResults>" +
                     QByteArray::number(ids.size()) + "</opensearch:totalResults>\n";
    for (const QString &id : ids) {
        const QByteArray a = id.toUtf8();
        xml += "  <entry>\n    <id>http://arxiv.org/abs/" + a +
               "v1</id>\n"
               "    <title>English title of " +
               a +
               "</title>\n"
               "    <updated>2023-06-02T17:59:59Z</updated>\n"
               "    <published>2023-06-02T17:59:59Z</published>\n"
               "    <summary>The English abstract of " +
               a +
               ".</summary>\n"
               "    <author><name>A. Author</name></author>\n"
               "    <category term=\"cs.CV\" scheme=\"http://arxiv.org/schemas/atom\"/>\n"
               "    <arxiv:primary_category term=\"cs.CV\"/>\n  </entry>\n";
    }
    xml += "</feed>\n";
    return CannedResponse::ok(xml, "application/atom+xml; charset=utf-8");
}

} // namespace

class TestCliEnrich : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void importCompletesEnglish();
    void offlineIsQuietAndALaterImportCompletes();
    void fetchCompletesEnglish();
    void noEnrichSkipsIt();

private:
    CliRun paperboy(const QStringList &arguments, bool enrich = true);
    QString dbPath() const { return m_dir->filePath(u"cli.sqlite"_s); }
    QString apiUrl() const { return m_server->baseUrl() + kApi; }
    QJsonObject show(const QString &id)
    {
        return runPaperboy(dbPath(), {u"show"_s, id, u"--json"_s}).json().object();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestHttpServer> m_server;
};

void TestCliEnrich::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
}

void TestCliEnrich::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

CliRun TestCliEnrich::paperboy(const QStringList &arguments, bool enrich)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PAPERBOY_DB"_s, dbPath());
    if (enrich)
        env.remove(u"PAPERBOY_NO_ENRICH"_s); // CTest turns the step off for every other test
    env.insert(u"PAPERBOY_MIN_REQUEST_SPACING_MS"_s, u"20"_s);
    env.insert(u"PAPERBOY_FETCH_BACKOFF_MS"_s, u"20"_s);
    env.insert(u"PAPERBOY_FETCH_TIMEOUT_MS"_s, u"2000"_s);
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(PAPERBOY_BINARY), arguments);
    CliRun run;
    // The fake API answers on this thread: wait with the event loop running.
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

void TestCliEnrich::importCompletesEnglish()
{
    m_server->route(kApi, {atomFor(kFoundingIds)});
    const CliRun run = paperboy({u"import"_s, foundingDigestPath(), u"--api-url"_s, apiUrl()});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("paperboy import: completing English details of 3 papers"),
             run.err.constData());
    QVERIFY2(run.err.contains("paperboy import: [0/1] details of 3 papers (arXiv API)"),
             run.err.constData());
    QCOMPARE(m_server->requestCount(kApi), 1);
    QVERIFY(m_server->requests().first().query.startsWith(
        u"id_list=2306.01667,2306.05544,2306.01128&"_s));
    const QJsonObject paper = show(u"2306.05544"_s);
    QCOMPARE(paper.value(u"abstract"_s).toString(), u"The English abstract of 2306.05544."_s);
    QCOMPARE(paper.value(u"categories"_s).toArray(), QJsonArray{u"cs.CV"_s});
    // The digest's Chinese is still what it said.
    QVERIFY(paper.value(u"abstract_zh"_s).toString().contains(u"扩散"_s));
    QCOMPARE(paper.value(u"zh_source"_s).toString(), u"digest"_s);

    // Nothing left to complete: the next import asks nothing.
    const CliRun again = paperboy({u"import"_s, foundingDigestPath(), u"--api-url"_s, apiUrl()});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(m_server->requestCount(kApi), 1);
}

void TestCliEnrich::offlineIsQuietAndALaterImportCompletes()
{
    m_server->route(kApi, {CannedResponse::withStatus(503, "down for maintenance")});
    CliRun run =
        paperboy({u"import"_s, foundingDigestPath(), u"--api-url"_s, apiUrl(), u"--json"_s});
    QVERIFY2(run.exitCode == 0, run.err.constData()); // the import itself worked
    QCOMPARE(run.json().array().first().toObject().value(u"ok"_s).toBool(), true);
    QVERIFY2(run.err.contains("English details of 3 papers could not be fetched now"),
             run.err.constData());
    QVERIFY(run.err.contains("a later import or fetch tries again"));
    QVERIFY(show(u"2306.05544"_s).value(u"abstract"_s).isNull());

    // Back online: an import of anything (here the same file again) completes them.
    m_server->clearRoutes();
    m_server->route(kApi, {atomFor(kFoundingIds)});
    run = paperboy({u"import"_s, foundingDigestPath(), u"--api-url"_s, apiUrl()});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(show(u"2306.05544"_s).value(u"abstract"_s).toString(),
             u"The English abstract of 2306.05544."_s);
}

void TestCliEnrich::fetchCompletesEnglish()
{
    // A Hugging Face day: titles and abstracts, no arXiv categories.
    const QString hf = u"/api/daily_papers"_s;
    m_server->route(
        hf, {CannedResponse::ok(TestHttpServer::readFile(
                                    fixture(u"hf-daily/hf_daily_papers_2026-06-12_first15.json"_s)),
                                "application/json")});
    QStringList ids;
    {
        // Every id the answer will be asked for comes back complete.
        const QJsonArray days =
            QJsonDocument::fromJson(TestHttpServer::readFile(fixture(
                                        u"hf-daily/hf_daily_papers_2026-06-12_first15.json"_s)))
                .array();
        for (const QJsonValue &day : days)
            ids.append(day.toObject().value(u"paper"_s).toObject().value(u"id"_s).toString());
    }
    QVERIFY(ids.size() >= 10);
    m_server->route(kApi, {atomFor(ids)});
    const CliRun run =
        paperboy({u"fetch"_s, u"--source"_s, u"hf"_s, u"--date"_s, u"2026-06-12"_s, u"--hf-url"_s,
                  m_server->baseUrl() + hf, u"--api-url"_s, apiUrl()});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("paperboy fetch: completing English details of"),
             run.err.constData());
    QCOMPARE(m_server->requestCount(kApi), 1);
    QCOMPARE(show(ids.first()).value(u"categories"_s).toArray(), QJsonArray{u"cs.CV"_s});
}

void TestCliEnrich::noEnrichSkipsIt()
{
    m_server->route(kApi, {atomFor(kFoundingIds)});
    CliRun run =
        paperboy({u"import"_s, foundingDigestPath(), u"--api-url"_s, apiUrl(), u"--no-enrich"_s});
    QCOMPARE(run.exitCode, 0);
    run = paperboy({u"import"_s, foundingDigestPath(), u"--api-url"_s, apiUrl()}, false);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(m_server->requestCount(kApi), 0);
    QVERIFY(!run.err.contains("English details"));
    // The papers wait in the queue; an explicit `fetch --enrich` completes them.
    run = paperboy({u"fetch"_s, u"--enrich"_s, u"--api-url"_s, apiUrl(), u"--no-enrich"_s});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(m_server->requestCount(kApi), 1);
}

QTEST_GUILESS_MAIN(TestCliEnrich)
#include "tst_cli_enrich.moc"
