// `paperboy fetch --source hf|digest` as a user runs it: the built binary against a server on
// 127.0.0.1, then `list`, `show` and `dates` to see what a reader gets.

#include "cli_runner.h"
#include "test_db.h"
#include "test_http_server.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace paperboy::test;
using namespace Qt::StringLiterals;

namespace {

const QString kHfPath = u"/api/daily_papers"_s;

CannedResponse fixtureResponse(const QString &relative, const QByteArray &type)
{
    return CannedResponse::ok(TestHttpServer::readFile(fixture(relative)), type);
}

CannedResponse hfFriday()
{
    return fixtureResponse(u"hf-daily/hf_daily_papers_2026-06-12_first15.json"_s,
                           "application/json; charset=utf-8");
}

CannedResponse digestDay(const QString &date)
{
    return fixtureResponse(u"digest-json/daily-arXiv-ai-enhanced_%1.jsonl"_s.arg(date),
                           "text/plain; charset=utf-8");
}

QJsonObject paperById(const QJsonArray &papers, const QString &id)
{
    for (const QJsonValue &paper : papers) {
        if (paper.toObject().value(u"id"_s).toString() == id)
            return paper.toObject();
    }
    return {};
}

} // namespace

class TestCliFetchDigests : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void hfDayFillsTheJsonFields();
    void digestSaturdayIsSameAsFriday();
    void enhancedFileGivesTheAiObject();
    void todayWithoutADate();
    void failuresExitOneAndKeepData_data();
    void failuresExitOneAndKeepData();
    void starredInEveryDigest();
    void codeLinksOfKeptPapersAreListed();
    void usageErrors_data();
    void usageErrors();

private:
    CliRun fetch(const QStringList &arguments);
    CliRun run(const QStringList &arguments) { return runPaperboy(dbPath(), arguments); }
    QString dbPath() const { return m_dir->filePath(u"cli.sqlite"_s); }
    QString digestTemplate() const
    {
        return m_server->baseUrl() + u"/data/{date}_AI_enhanced_{lang}.jsonl"_s;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestHttpServer> m_server;
};

void TestCliFetchDigests::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
}

void TestCliFetchDigests::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

CliRun TestCliFetchDigests::fetch(const QStringList &arguments)
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
    process.start(QStringLiteral(PAPERBOY_BINARY), QStringList{u"fetch"_s} + arguments);
    CliRun result;
    // The binary runs asynchronously, so this process's event loop keeps serving it.
    if (!finished.wait(60000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

void TestCliFetchDigests::hfDayFillsTheJsonFields()
{
    m_server->route(kHfPath, {hfFriday()}, u"date=2026-06-12"_s);
    const CliRun fetched = fetch({u"--source"_s, u"hf"_s, u"--date"_s, u"2026-06-12"_s,
                                  u"--hf-url"_s, m_server->baseUrl() + kHfPath, u"--json"_s});
    QVERIFY2(fetched.exitCode == 0, fetched.err.constData());
    const QJsonObject summary = fetched.json().object();
    QCOMPARE(summary.value(u"ok"_s).toBool(), true);
    QCOMPARE(summary.value(u"requests"_s).toInt(), 1);
    const QJsonObject outcome = summary.value(u"outcomes"_s).toArray().first().toObject();
    QCOMPARE(outcome.value(u"date"_s).toString(), u"2026-06-12"_s);
    QCOMPARE(outcome.value(u"source"_s).toString(), u"hf-daily"_s);
    QCOMPARE(outcome.value(u"category"_s).toString(), u"all"_s);
    QCOMPARE(outcome.value(u"state"_s).toString(), u"complete"_s);
    QCOMPARE(outcome.value(u"papers"_s).toInt(), 15);
    QVERIFY(outcome.value(u"same_as"_s).isNull());

    const CliRun list = run({u"list"_s, u"--date"_s, u"2026-06-12"_s, u"--json"_s});
    QCOMPARE(list.exitCode, 0);
    const QJsonArray papers = list.json().array();
    QCOMPARE(papers.size(), 15);
    const QJsonObject sdg = paperById(papers, u"2606.06113"_s);
    QCOMPARE(sdg.value(u"upvotes"_s).toInt(), 13);
    QCOMPARE(sdg.value(u"code_url"_s).toString(), u"https://github.com/nianbai006/SDG"_s);
    QCOMPARE(sdg.value(u"code_url_source"_s).toString(), u"hf"_s);
    QCOMPARE(sdg.value(u"code_stars"_s).toInt(), 5);
    QCOMPARE(sdg.value(u"project_url"_s).toString(),
             u"https://huggingface.co/collections/P1n3/sdg"_s);
    const QJsonObject ai = sdg.value(u"ai"_s).toObject();
    QCOMPARE(ai.value(u"language"_s).toString(), u"en"_s);
    QVERIFY(!ai.value(u"tldr"_s).toString().isEmpty());
    QVERIFY(ai.value(u"motivation"_s).isNull()); // Hugging Face writes a TL;DR only
    QVERIFY(!ai.value(u"keywords"_s).toArray().isEmpty());
    QCOMPARE(sdg.value(u"digest"_s).toObject().value(u"source"_s).toString(), u"hf-daily"_s);
    QCOMPARE(sdg.value(u"digest"_s).toObject().value(u"position"_s).toInt(), 11);

    const QJsonObject noRepo = paperById(papers, u"2606.13289"_s);
    QCOMPARE(noRepo.value(u"upvotes"_s).toInt(), 25);
    QVERIFY(noRepo.value(u"code_stars"_s).isNull());
    QVERIFY(noRepo.value(u"code_url"_s).isNull());
    QCOMPARE(noRepo.value(u"authors"_s).toArray().size(), 14);
}

void TestCliFetchDigests::digestSaturdayIsSameAsFriday()
{
    m_server->route(u"/data/2026-06-12_AI_enhanced_Chinese.jsonl"_s, {digestDay(u"2026-06-12"_s)});
    m_server->route(u"/data/2026-06-13_AI_enhanced_Chinese.jsonl"_s, {digestDay(u"2026-06-13"_s)});
    const CliRun fetched = fetch({u"--source"_s, u"digest"_s, u"--from"_s, u"2026-06-12"_s,
                                  u"--to"_s, u"2026-06-13"_s, u"--digest-url"_s, digestTemplate()});
    QVERIFY2(fetched.exitCode == 0, fetched.err.constData());
    QCOMPARE(fetched.out,
             QByteArray("2026-06-12 (digest-json): complete, 250 papers\n"
                        "2026-06-13 (digest-json): complete, same as 2026-06-12 (250 papers, "
                        "nothing new)\n"));

    const CliRun dates = run({u"dates"_s, u"--json"_s});
    QCOMPARE(dates.exitCode, 0);
    const QJsonArray days = dates.json().array();
    QCOMPARE(days.size(), 2);
    QCOMPARE(days.at(0).toObject().value(u"date"_s).toString(), u"2026-06-13"_s);
    QCOMPARE(days.at(0).toObject().value(u"same_as"_s).toString(), u"2026-06-12"_s);
    QCOMPARE(days.at(0).toObject().value(u"papers"_s).toInt(), 0);
    QCOMPARE(days.at(1).toObject().value(u"papers"_s).toInt(), 250);
    const CliRun text = run({u"dates"_s});
    QVERIFY2(text.out.startsWith("2026-06-13  same as 2026-06-12"), text.out.constData());

    const CliRun list = run({u"list"_s, u"--date"_s, u"2026-06-12"_s, u"--json"_s});
    const QJsonArray papers = list.json().array();
    QCOMPARE(papers.size(), 250);
    const QJsonObject first = papers.first().toObject();
    QCOMPARE(first.value(u"id"_s).toString(), u"2606.12785"_s);
    QVERIFY(first.value(u"ai"_s).isNull()); // the recordings carry no AI block
    QVERIFY(first.value(u"upvotes"_s).isNull());
    QCOMPARE(first.value(u"categories"_s).toArray(), QJsonArray{u"cs.GT"_s});
}

void TestCliFetchDigests::enhancedFileGivesTheAiObject()
{
    const QByteArray line =
        "{\"id\":\"2606.12451\",\"categories\":[\"cs.AI\",\"cs.IR\"],"
        "\"pdf\":\"https://arxiv.org/pdf/2606.12451v1\",\"abs\":\"https://arxiv.org/abs/"
        "2606.12451\","
        "\"authors\":[\"Ashutosh Hathidara\",\"Sai Shruthi Sistla\"],\"title\":\"ToolSense\","
        "\"comment\":null,\"summary\":\"Parametric tool retrieval.\",\"AI\":{\"tldr\":\"诊断框架\","
        "\"motivation\":\"动机\",\"method\":\"方法\",\"result\":\"结果\",\"conclusion\":\"结论\"}}"
        "\n";
    m_server->route(u"/data/2026-06-12_AI_enhanced_Chinese.jsonl"_s,
                    {CannedResponse::ok(line, "text/plain; charset=utf-8")});
    const CliRun fetched = fetch({u"--source"_s, u"digest"_s, u"--date"_s, u"2026-06-12"_s,
                                  u"--digest-url"_s, digestTemplate()});
    QVERIFY2(fetched.exitCode == 0, fetched.err.constData());
    const CliRun show = run({u"show"_s, u"2606.12451"_s, u"--json"_s});
    QCOMPARE(show.exitCode, 0);
    const QJsonObject paper = show.json().object();
    QCOMPARE(paper.value(u"version"_s).toInt(), 1);
    const QJsonObject ai = paper.value(u"ai"_s).toObject();
    QCOMPARE(ai.value(u"language"_s).toString(), u"zh"_s);
    QCOMPARE(ai.value(u"tldr"_s).toString(), u"诊断框架"_s);
    QCOMPARE(ai.value(u"motivation"_s).toString(), u"动机"_s);
    QCOMPARE(ai.value(u"method"_s).toString(), u"方法"_s);
    QCOMPARE(ai.value(u"result"_s).toString(), u"结果"_s);
    QCOMPARE(ai.value(u"conclusion"_s).toString(), u"结论"_s);

    // --digest-language picks the file ({lang}) and names the summaries' language.
    m_server->route(u"/data/2026-06-12_AI_enhanced_English.jsonl"_s,
                    {CannedResponse::ok(line, "text/plain; charset=utf-8")});
    const CliRun english =
        fetch({u"--source"_s, u"digest"_s, u"--date"_s, u"2026-06-12"_s, u"--digest-url"_s,
               digestTemplate(), u"--digest-language"_s, u"English"_s, u"--force"_s});
    QVERIFY2(english.exitCode == 0, english.err.constData());
    QCOMPARE(m_server->requests().constLast().path,
             u"/data/2026-06-12_AI_enhanced_English.jsonl"_s);
}

void TestCliFetchDigests::todayWithoutADate()
{
    m_server->route(kHfPath, {CannedResponse::ok("[]", "application/json")});
    const QString before = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    const CliRun fetched =
        fetch({u"--source"_s, u"hf"_s, u"--hf-url"_s, m_server->baseUrl() + kHfPath});
    const QString after = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    QVERIFY2(fetched.exitCode == 0, fetched.err.constData());
    QCOMPARE(m_server->requestCount(), 1);
    const QString query = m_server->requests().constFirst().query;
    QVERIFY2(query == u"date="_s + before || query == u"date="_s + after, qPrintable(query));
    QVERIFY2(fetched.out.contains("(hf-daily): no-announcement (Hugging Face lists no papers"),
             fetched.out.constData());
}

void TestCliFetchDigests::failuresExitOneAndKeepData_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<CannedResponse>("fault");
    QTest::addColumn<QString>("reason");
    QTest::newRow("hf 404 error body")
        << u"hf"_s
        << CannedResponse::withStatus(404,
                                      TestHttpServer::readFile(fixture(
                                          u"hf-daily/hf_error_404_body_UNVERIFIED_URL.json"_s)),
                                      "application/json")
        << u"HTTP 404 Not Found: Hugging Face answered with an error: Sorry, we can't find the "
           "page you are looking for."_s;
    QTest::newRow("hf HTML")
        << u"hf"_s
        << CannedResponse::ok("<html><head><title>Access denied</title>"
                              "</head></html>",
                              "text/html")
        << u"not Hugging Face daily papers JSON: got HTML (\"Access denied\")"_s;
    const QByteArray hf = hfFriday().body;
    QTest::newRow("hf truncated JSON")
        << u"hf"_s << CannedResponse::ok(hf.left(3000), "application/json")
        << u"Hugging Face daily papers: truncated JSON"_s;
    QTest::newRow("digest 404") << u"digest"_s << CannedResponse::withStatus(404, "404: Not Found")
                                << u"HTTP 404 Not Found (no digest file for this day"_s;
    const QByteArray file = digestDay(u"2026-06-12"_s).body;
    QTest::newRow("digest truncated")
        << u"digest"_s << CannedResponse::ok(file.left(file.size() / 2), "text/plain")
        << u"daily-arXiv-ai-enhanced, line 160: the file ends in the middle of a line"_s;
}

void TestCliFetchDigests::failuresExitOneAndKeepData()
{
    QFETCH(QString, source);
    QFETCH(CannedResponse, fault);
    QFETCH(QString, reason);
    // Some data and a star first.
    m_server->route(kHfPath, {hfFriday()}, u"date=2026-06-12"_s);
    const QStringList hfUrl{u"--hf-url"_s, m_server->baseUrl() + kHfPath};
    QCOMPARE(
        fetch(QStringList{u"--source"_s, u"hf"_s, u"--date"_s, u"2026-06-12"_s} + hfUrl).exitCode,
        0);
    QCOMPARE(run({u"star"_s, u"2606.06113"_s}).exitCode, 0);
    const QByteArray listBefore = run({u"list"_s, u"--date"_s, u"2026-06-12"_s, u"--json"_s}).out;
    const QByteArray datesBefore = run({u"dates"_s, u"--json"_s}).out;

    m_server->route(kHfPath, {fault}, u"date=2026-06-13"_s);
    m_server->route(u"/data/2026-06-13_AI_enhanced_Chinese.jsonl"_s, {fault});
    const CliRun failed = fetch(QStringList{u"--source"_s, source, u"--date"_s, u"2026-06-13"_s,
                                            u"--digest-url"_s, digestTemplate(), u"--json"_s} +
                                hfUrl);
    QCOMPARE(failed.exitCode, 1);
    const QJsonObject summary = failed.json().object();
    QCOMPARE(summary.value(u"ok"_s).toBool(), false);
    const QJsonObject outcome = summary.value(u"outcomes"_s).toArray().first().toObject();
    QCOMPARE(outcome.value(u"state"_s).toString(), u"failed"_s);
    QCOMPARE(outcome.value(u"date"_s).toString(), u"2026-06-13"_s);
    QVERIFY2(outcome.value(u"reason"_s).toString().startsWith(reason),
             qPrintable(outcome.value(u"reason"_s).toString()));
    QVERIFY(failed.err.contains(reason.toUtf8()));

    QCOMPARE(run({u"list"_s, u"--date"_s, u"2026-06-12"_s, u"--json"_s}).out, listBefore);
    QCOMPARE(run({u"dates"_s, u"--json"_s}).out, datesBefore);
    QVERIFY(run({u"list"_s, u"--date"_s, u"2026-06-13"_s, u"--json"_s}).json().array().isEmpty());
    // The failure is in the ledger: the same fetch again is tried again, not skipped.
    const CliRun retried = fetch(QStringList{u"--source"_s, source, u"--date"_s, u"2026-06-13"_s,
                                             u"--digest-url"_s, digestTemplate(), u"--json"_s} +
                                 hfUrl);
    QCOMPARE(retried.exitCode, 1);
    QVERIFY(!retried.json()
                 .object()
                 .value(u"outcomes"_s)
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"skipped"_s)
                 .toBool());
}

void TestCliFetchDigests::starredInEveryDigest()
{
    m_server->route(kHfPath, {hfFriday()}, u"date=2026-06-12"_s);
    m_server->route(u"/data/2026-06-12_AI_enhanced_Chinese.jsonl"_s, {digestDay(u"2026-06-12"_s)});
    QCOMPARE(fetch({u"--source"_s, u"digest"_s, u"--date"_s, u"2026-06-12"_s, u"--digest-url"_s,
                    digestTemplate()})
                 .exitCode,
             0);
    QCOMPARE(run({u"star"_s, u"2606.12451"_s}).exitCode, 0);
    QCOMPARE(fetch({u"--source"_s, u"hf"_s, u"--date"_s, u"2026-06-12"_s, u"--hf-url"_s,
                    m_server->baseUrl() + kHfPath})
                 .exitCode,
             0);
    // One paper listed by both digests of the day: shown once, starred, with Hugging Face's
    // upvotes and code link found across its entries.
    const QJsonArray papers =
        run({u"list"_s, u"--date"_s, u"2026-06-12"_s, u"--json"_s}).json().array();
    QCOMPARE(papers.size(), 250 + 15 - 4); // four papers are in both
    const QJsonObject paper = paperById(papers, u"2606.12451"_s);
    QCOMPARE(paper.value(u"starred"_s).toBool(), true);
    QCOMPARE(paper.value(u"code_url"_s).toString(), u"https://github.com/SAP/toolsense"_s);
    QCOMPARE(paper.value(u"code_stars"_s).toInt(), 1);
    QCOMPARE(paper.value(u"categories"_s).toArray().size(), 3);
    const CliRun show = run({u"show"_s, u"2606.12451"_s, u"--json"_s});
    QCOMPARE(show.json().object().value(u"starred"_s).toBool(), true);
    QCOMPARE(show.json().object().value(u"upvotes"_s).toInt(), 2); // the latest listing: HF's
}

void TestCliFetchDigests::codeLinksOfKeptPapersAreListed()
{
    // The AI-enhanced digest brings Friday's papers without code links; the reader stars one
    // that Hugging Face lists with its repository.
    m_server->route(kHfPath, {hfFriday()}, u"date=2026-06-12"_s);
    m_server->route(u"/data/2026-06-12_AI_enhanced_Chinese.jsonl"_s, {digestDay(u"2026-06-12"_s)});
    QCOMPARE(fetch({u"--source"_s, u"digest"_s, u"--date"_s, u"2026-06-12"_s, u"--digest-url"_s,
                    digestTemplate()})
                 .exitCode,
             0);
    QCOMPARE(run({u"star"_s, u"2606.12451"_s}).exitCode, 0);
    const QStringList hf{u"--source"_s,   u"hf"_s,       u"--date"_s,
                         u"2026-06-12"_s, u"--hf-url"_s, m_server->baseUrl() + kHfPath};
    const CliRun first = fetch(hf + QStringList{u"--json"_s});
    QVERIFY2(first.exitCode == 0, first.err.constData());
    const QJsonArray links = first.json().object().value(u"code_links"_s).toArray();
    QCOMPARE(links.size(), 1);
    const QJsonObject link = links.first().toObject();
    QCOMPARE(link.value(u"id"_s).toString(), u"2606.12451"_s);
    QCOMPARE(link.value(u"code_url"_s).toString(), u"https://github.com/SAP/toolsense"_s);
    QCOMPARE(link.value(u"starred"_s).toBool(), true);
    QVERIFY(!link.value(u"title"_s).toString().isEmpty());

    // A paper of the digest that Hugging Face does not list, without a code link, tagged.
    QSet<QString> onHf;
    const QJsonArray hfItems =
        QJsonDocument::fromJson(TestHttpServer::readFile(
                                    fixture(u"hf-daily/hf_daily_papers_2026-06-12_first15.json"_s)))
            .array();
    for (const QJsonValue &item : hfItems)
        onHf.insert(item.toObject().value(u"paper"_s).toObject().value(u"id"_s).toString());
    QString tagged;
    for (const QJsonValue &paper :
         run({u"list"_s, u"--date"_s, u"2026-06-12"_s, u"--json"_s}).json().array()) {
        const QJsonObject object = paper.toObject();
        const QString id = object.value(u"id"_s).toString();
        if (object.value(u"code_url"_s).isNull() && !onHf.contains(id)) {
            tagged = id;
            break;
        }
    }
    QVERIFY(!tagged.isEmpty());
    QCOMPARE(run({u"tag"_s, tagged, u"to-read"_s}).exitCode, 0);

    // A Hugging Face file naming a repository for it: the import's report lists it (not
    // starred), once; the starred paper's link is known by now and not listed again.
    QByteArray json =
        TestHttpServer::readFile(fixture(u"hf-daily/hf_daily_papers_2026-06-12_first15.json"_s));
    json.replace("2606.12730", tagged.toLatin1());
    const QString file = m_dir->filePath(u"hf.json"_s);
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(json);
    }
    const CliRun imported = run({u"import"_s, file, u"--json"_s});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    const QJsonArray reported =
        imported.json().array().first().toObject().value(u"code_links"_s).toArray();
    QCOMPARE(reported.size(), 1);
    QCOMPARE(reported.first().toObject().value(u"id"_s).toString(), tagged);
    QCOMPARE(reported.first().toObject().value(u"starred"_s).toBool(), false);
    QCOMPARE(reported.first().toObject().value(u"code_url"_s).toString(),
             u"https://github.com/psychology-of-AI/Rethinking-Pyschometric-Eval-LLMs"_s);
    const CliRun again = run({u"import"_s, file});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(!again.out.contains("code link"), again.out.constData());
    QVERIFY(run({u"import"_s, file, u"--json"_s})
                .json()
                .array()
                .first()
                .toObject()
                .value(u"code_links"_s)
                .toArray()
                .isEmpty());
}

void TestCliFetchDigests::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("unknown source") << QStringList{u"--source"_s, u"github"_s};
    QTest::newRow("hf with a category")
        << QStringList{u"--source"_s, u"hf"_s, u"--category"_s, u"cs.CV"_s};
    QTest::newRow("hf-url not http")
        << QStringList{u"--source"_s, u"hf"_s, u"--hf-url"_s, u"ftp://example.org/papers"_s};
    QTest::newRow("digest-url without {date}") << QStringList{
        u"--source"_s, u"digest"_s, u"--digest-url"_s, u"https://example.org/latest.jsonl"_s};
    QTest::newRow("digest-url not a URL")
        << QStringList{u"--source"_s, u"digest"_s, u"--digest-url"_s, u"data/{date}.jsonl"_s};
    QTest::newRow("empty language")
        << QStringList{u"--source"_s, u"digest"_s, u"--digest-language"_s, u" "_s};
    QTest::newRow("digest bad date")
        << QStringList{u"--source"_s, u"digest"_s, u"--date"_s, u"12.06.2026"_s};
}

void TestCliFetchDigests::usageErrors()
{
    QFETCH(QStringList, arguments);
    const CliRun result = fetch(arguments);
    QCOMPARE(result.exitCode, 2);
    QCOMPARE(m_server->requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestCliFetchDigests)
#include "tst_cli_fetch_digests.moc"
