// The same paper from three fetched sources (arXiv API, Hugging Face, daily-arXiv-ai-enhanced):
// one paper, three digest entries, one star; arXiv keeps the English fields, each digest its own
// words, nothing is emptied. Also the AI block of an enhanced file, the threaded store, and the
// settings, plans and URLs behind the digest sources.

#include "fetch/digest_sources.h"
#include "fetch/fetch_plan.h"
#include "fetch_test_env.h"
#include "store/store_thread.h"

#include <QUrlQuery>

using namespace paperboy;
using namespace paperboy::test;
using namespace Qt::StringLiterals;

namespace {

const QDate kFriday(2026, 6, 12);
const QString kToolSense = u"2606.12451"_s;
const QString kHfPath = u"/api/daily_papers"_s;

// arXiv's own record of 2606.12451 as the API would list it on Friday; the abstract is marked
// so the test can tell whose words ended up on the paper.
// Plain literals: a multi-line raw string here hides the test class from moc.
const QByteArray kApiListing =
    "<?xml version='1.0' encoding='UTF-8'?>\n"
    "<feed xmlns:opensearch='http://a9.com/-/spec/opensearch/1.1/' "
    "xmlns:arxiv='http://arxiv.org/schemas/atom' xmlns='http://www.w3.org/2005/Atom'>\n"
    "  <id>https://arxiv.org/api/test</id>\n"
    "  <title>arXiv Query: cs.AI</title>\n"
    "  <updated>2026-06-12T00:00:00Z</updated>\n"
    "  <opensearch:itemsPerPage>200</opensearch:itemsPerPage>\n"
    "  <opensearch:totalResults>1</opensearch:totalResults>\n"
    "  <opensearch:startIndex>0</opensearch:startIndex>\n"
    "  <entry>\n"
    "    <id>http://arxiv.org/abs/2606.12451v2</id>\n"
    "    <title>ToolSense: A Diagnostic Framework for Auditing Parametric Tool\n"
    "  Knowledge in LLMs</title>\n"
    "    <updated>2026-06-11T17:00:00Z</updated>\n"
    "    <summary>  (arXiv) Large language models deployed as agents over large tool catalogs "
    "face\n"
    "a critical tool-retrieval bottleneck.</summary>\n"
    "    <category term='cs.AI' scheme='http://arxiv.org/schemas/atom'/>\n"
    "    <category term='cs.IR' scheme='http://arxiv.org/schemas/atom'/>\n"
    "    <category term='cs.LG' scheme='http://arxiv.org/schemas/atom'/>\n"
    "    <published>2026-06-10T17:00:00Z</published>\n"
    "    <arxiv:primary_category term='cs.AI'/>\n"
    "    <arxiv:comment>12 pages, 4 figures</arxiv:comment>\n"
    "    <author><name>Ashutosh Hathidara</name></author>\n"
    "    <author><name>Sai Shruthi Sistla</name></author>\n"
    "    <author><name>Sebastian Schreiber</name></author>\n"
    "    <author><name>Sahil Bansal</name></author>\n"
    "  </entry>\n"
    "</feed>\n"
    "";

CannedResponse fixtureResponse(const QString &relative, const QByteArray &type)
{
    return CannedResponse::ok(TestHttpServer::readFile(fixture(relative)), type);
}

FetchSettings digestSettings(const TestHttpServer &server)
{
    FetchSettings s = fastFetchSettings(server);
    s.hfUrl = server.baseUrl() + kHfPath;
    s.digestUrlTemplate = server.baseUrl() + u"/data/{date}_AI_enhanced_{lang}.jsonl"_s;
    s.politeness.otherSiteSpacingMs = 50;
    return s;
}

int entryCount(Database &db, const QString &arxivId)
{
    const QStringList rows =
        dumpRows(db.connection(), u"SELECT count(*) FROM digest_entries e JOIN papers p ON"
                                  " p.id = e.paper_id WHERE p.arxiv_id = '%1'"_s.arg(arxivId));
    return rows.value(0).toInt();
}

// (source, position, upvotes, AI language) of every entry listing `arxivId`.
QStringList entriesOf(Database &db, const QString &arxivId)
{
    return dumpRows(db.connection(),
                    u"SELECT d.source, e.position, e.upvotes, a.language FROM digest_entries e"
                    " JOIN digests d ON d.id = e.digest_id JOIN papers p ON p.id = e.paper_id"
                    " LEFT JOIN entry_ai_summaries a ON a.entry_id = e.id"
                    " WHERE p.arxiv_id = '%1' ORDER BY d.source"_s.arg(arxivId));
}

} // namespace

class TestFetchDigestsMerge : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void onePaperThreeSourcesOneStar();
    void enhancedFileKeepsItsAiSummary();
    void worksThroughStoreThread();
    void urlsAndSettings();
    void planAndRetry();

private:
    std::unique_ptr<FetchTestEnv> m_env;
};

void TestFetchDigestsMerge::init()
{
    m_env = std::make_unique<FetchTestEnv>();
    QVERIFY(m_env->setUp());
    m_env->fetcher->setSettings(digestSettings(m_env->server));
    m_env->fetcher->setClock([] { return QDateTime(QDate(2026, 6, 20), QTime(9, 0), Qt::UTC); });
}

void TestFetchDigestsMerge::cleanup()
{
    m_env.reset();
}

void TestFetchDigestsMerge::onePaperThreeSourcesOneStar()
{
    // The digests first, arXiv last: arXiv's English fields replace the digests' ones.
    m_env->server.route(kHfPath,
                        {fixtureResponse(u"hf-daily/hf_daily_papers_2026-06-12_first15.json"_s,
                                         "application/json")});
    m_env->server.route(
        u"/data/2026-06-12_AI_enhanced_Chinese.jsonl"_s,
        {fixtureResponse(u"digest-json/daily-arXiv-ai-enhanced_2026-06-12.jsonl"_s, "text/plain")});
    m_env->server.route(u"/api/query"_s,
                        {CannedResponse::ok(kApiListing, "application/atom+xml; charset=utf-8")});
    QVERIFY(m_env->run(FetchRequest::digests(FetchSource::HfDaily, kFriday)).ok());
    QVERIFY(m_env->run(FetchRequest::digests(FetchSource::DigestJson, kFriday)).ok());
    QVERIFY(m_env->store->setStarred(kToolSense, true));
    FetchRequest api = FetchRequest::days(kFriday, kFriday, {u"cs.AI"_s});
    api.source = FetchSource::Api;
    const FetchSummary arxiv = m_env->run(api);
    QVERIFY2(arxiv.ok(), qPrintable(describe(arxiv)));

    QCOMPARE(dumpRows(m_env->db.connection(),
                      u"SELECT count(*) FROM papers WHERE arxiv_id = '2606.12451'"_s),
             QStringList{u"1"_s});
    QCOMPARE(entryCount(m_env->db, kToolSense), 3);
    // Each digest keeps its own words: Hugging Face its rank, upvotes and English AI summary.
    QCOMPARE(entriesOf(m_env->db, kToolSense),
             QStringList(
                 {u"arxiv-api|1|NULL|NULL"_s, u"digest-json|9|NULL|NULL"_s, u"hf-daily|8|2|en"_s}));
    QCOMPARE(dumpRows(m_env->db.connection(), u"SELECT arxiv_id, starred FROM user_papers"_s),
             QStringList{u"2606.12451|1"_s}); // one star, on the paper, wherever it is listed
    QCOMPARE(m_env->store->starredPapers().size(), 1);

    const PaperView view = *m_env->store->paperView(kToolSense);
    QVERIFY(view.user.starred);
    // arXiv wins the English fields, whitespace normalised, LaTeX-free here.
    QCOMPARE(view.paper.title, u"ToolSense: A Diagnostic Framework for Auditing Parametric Tool "
                               "Knowledge in LLMs"_s);
    QCOMPARE(view.paper.abstract, u"(arXiv) Large language models deployed as agents over large "
                                  "tool catalogs face a critical tool-retrieval bottleneck."_s);
    QCOMPARE(view.paper.version, 2);
    QCOMPARE(view.paper.categories, QStringList({u"cs.AI"_s, u"cs.IR"_s, u"cs.LG"_s}));
    QCOMPARE(view.paper.authors, QStringList({u"Ashutosh Hathidara"_s, u"Sai Shruthi Sistla"_s,
                                              u"Sebastian Schreiber"_s, u"Sahil Bansal"_s}));
    QCOMPARE(view.paper.comment, u"12 pages, 4 figures"_s);
    // What only Hugging Face knew stays: the code link and its stars.
    QCOMPARE(view.paper.codeUrl, u"https://github.com/SAP/toolsense"_s);
    QCOMPARE(view.paper.codeStars, 1);
    QCOMPARE(view.entry.ai.language, u"en"_s); // found across the paper's entries

    // Fetching the digests again changes neither the English fields nor the star, and their
    // empty values (digest-json has no comment, Hugging Face no categories) empty nothing.
    FetchRequest hfAgain = FetchRequest::digests(FetchSource::HfDaily, kFriday);
    hfAgain.force = true;
    QVERIFY(m_env->run(hfAgain).ok());
    FetchRequest digestAgain = FetchRequest::digests(FetchSource::DigestJson, kFriday);
    digestAgain.force = true;
    QVERIFY(m_env->run(digestAgain).ok());
    const PaperView after = *m_env->store->paperView(kToolSense);
    QCOMPARE(after.paper.abstract, view.paper.abstract);
    QCOMPARE(after.paper.comment, view.paper.comment);
    QCOMPARE(after.paper.categories, view.paper.categories);
    QCOMPARE(after.paper.version, 2);
    QVERIFY(after.user.starred);
    QCOMPARE(entryCount(m_env->db, kToolSense), 3);
    QCOMPARE(m_env->store->starredPapers().size(), 1);
}

void TestFetchDigestsMerge::enhancedFileKeepsItsAiSummary()
{
    // The recordings have no AI block; an enhanced line in the documented shape, in Chinese.
    const QByteArray line =
        R"({"id":"2606.12451","categories":["cs.AI","cs.IR"],"pdf":"https://arxiv.org/pdf/2606.12451v1",)"
        R"("abs":"https://arxiv.org/abs/2606.12451v1","authors":["Ashutosh Hathidara","Sai Shruthi Sistla"],)"
        R"("title":"ToolSense","comment":null,"summary":"Large language models deployed as agents.",)"
        R"("AI":{"tldr":"工具检索诊断框架","motivation":"动机","method":"方法","result":"结果",)"
        R"("conclusion":"结论"}})"
        "\n";
    m_env->server.route(u"/data/2026-06-12_AI_enhanced_Chinese.jsonl"_s,
                        {CannedResponse::ok(line, "text/plain; charset=utf-8")});
    m_env->server.route(u"/data/2026-06-12_AI_enhanced_English.jsonl"_s,
                        {CannedResponse::ok(line, "text/plain; charset=utf-8")});
    const FetchSummary summary =
        m_env->run(FetchRequest::digests(FetchSource::DigestJson, kFriday));
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    const PaperView view = m_env->store->dayPapers(kFriday).constFirst();
    QCOMPARE(view.paper.version, 1);
    QCOMPARE(view.entry.ai.language, u"zh"_s);
    QCOMPARE(view.entry.ai.tldr, u"工具检索诊断框架"_s);
    QCOMPARE(view.entry.ai.motivation, u"动机"_s);
    QCOMPARE(view.entry.ai.method, u"方法"_s);
    QCOMPARE(view.entry.ai.result, u"结果"_s);
    QCOMPARE(view.entry.ai.conclusion, u"结论"_s);

    // The language is a setting: it picks the file and names the summaries' language.
    FetchSettings english = m_env->fetcher->settings();
    english.digestLanguage = u"English"_s;
    m_env->fetcher->setSettings(english);
    FetchRequest again = FetchRequest::digests(FetchSource::DigestJson, kFriday);
    again.force = true;
    QVERIFY(m_env->run(again).ok());
    QCOMPARE(m_env->server.requests().constLast().path,
             u"/data/2026-06-12_AI_enhanced_English.jsonl"_s);
    QCOMPARE(m_env->store->dayPapers(kFriday).constFirst().entry.ai.language, u"en"_s);
}

void TestFetchDigestsMerge::worksThroughStoreThread()
{
    StoreThread writer(m_env->dir.filePath(u"threaded.sqlite"_s), Database::Mode::ReadWrite);
    QSignalSpy opened(&writer, &StoreThread::opened);
    QVERIFY(opened.wait(5000));
    Fetcher fetcher(digestSettings(m_env->server), FetchStorage::onThread(writer));
    fetcher.setClock([] { return QDateTime(QDate(2026, 6, 20), QTime(9, 0), Qt::UTC); });
    m_env->server.route(
        u"/data/2026-06-12_AI_enhanced_Chinese.jsonl"_s,
        {fixtureResponse(u"digest-json/daily-arXiv-ai-enhanced_2026-06-12.jsonl"_s, "text/plain")});
    m_env->server.route(
        u"/data/2026-06-13_AI_enhanced_Chinese.jsonl"_s,
        {fixtureResponse(u"digest-json/daily-arXiv-ai-enhanced_2026-06-13.jsonl"_s, "text/plain")});
    QSignalSpy finished(&fetcher, &Fetcher::finished);
    QVERIFY(
        fetcher.start(FetchRequest::digests(FetchSource::DigestJson, kFriday, QDate(2026, 6, 13))));
    QVERIFY(finished.wait(20000));
    const FetchSummary summary = finished.first().at(0).value<FetchSummary>();
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    QCOMPARE(summary.outcomes.at(1).sameAs, kFriday);
    writer.drain();
    Database reader;
    QVERIFY(reader.open(writer.path(), Database::Mode::ReadOnly));
    Store store(reader);
    QCOMPARE(store.dayPapers(kFriday).size(), 250);
    QCOMPARE(store.days().first().sameAs, kFriday);
}

void TestFetchDigestsMerge::urlsAndSettings()
{
    const FetchSettings defaults;
    QCOMPARE(defaults.hfUrl, u"https://huggingface.co/api/daily_papers"_s);
    QCOMPARE(defaults.digestLanguage, u"Chinese"_s);
    QCOMPARE(defaults.politeness.otherSiteSpacingMs, 1000);
    QCOMPARE(defaults.hfDailyUrl(kFriday).toString(),
             u"https://huggingface.co/api/daily_papers?date=2026-06-12"_s);
    QCOMPARE(defaults.digestUrl(kFriday).toString(),
             u"https://raw.githubusercontent.com/dw-dengwei/daily-arXiv-ai-enhanced/data/data/"
             "2026-06-12_AI_enhanced_Chinese.jsonl"_s);
    // The file name carries the day, as the importer expects.
    QCOMPARE(digestDayUrl(defaults, FetchSource::DigestJson, kFriday).fileName(),
             u"2026-06-12_AI_enhanced_Chinese.jsonl"_s);
    QVERIFY(digestDayUrl(defaults, FetchSource::Api, kFriday).isEmpty());

    FetchSettings custom;
    custom.hfUrl = u"http://127.0.0.1:9/hf?token=x&date=1999-01-01"_s;
    const QUrlQuery query(custom.hfDailyUrl(kFriday));
    QCOMPARE(query.queryItemValue(u"date"_s), u"2026-06-12"_s);
    QCOMPARE(query.queryItemValue(u"token"_s), u"x"_s);
    custom.digestUrlTemplate = u"https://example.org/{lang}/{date}.jsonl"_s;
    custom.digestLanguage = u"Simplified Chinese"_s;
    QCOMPARE(custom.digestUrl(kFriday).toString(QUrl::FullyEncoded),
             u"https://example.org/Simplified%20Chinese/2026-06-12.jsonl"_s);
    custom.politeness.otherSiteSpacingMs = 250;

    const QVariantMap map = custom.toVariantMap();
    for (const char *key : {"hfUrl", "digestUrlTemplate", "digestLanguage", "otherSiteSpacingMs"})
        QVERIFY2(map.contains(QLatin1String(key)), key);
    const FetchSettings back = FetchSettings::fromVariantMap(map);
    QCOMPARE(back.hfUrl, custom.hfUrl);
    QCOMPARE(back.digestUrlTemplate, custom.digestUrlTemplate);
    QCOMPARE(back.digestLanguage, custom.digestLanguage);
    QCOMPARE(back.politeness.otherSiteSpacingMs, 250);

    // Hand-edited nonsense falls back to the defaults.
    const FetchSettings fixed = FetchSettings::fromVariantMap(
        {{u"hfUrl"_s, u" "_s},
         {u"digestUrlTemplate"_s, u"https://example.org/today.jsonl"_s},
         {u"digestLanguage"_s, QString()}});
    QCOMPARE(fixed.hfUrl, defaults.hfUrl);
    QCOMPARE(fixed.digestUrlTemplate, defaults.digestUrlTemplate);
    QCOMPARE(fixed.digestLanguage, defaults.digestLanguage);
}

void TestFetchDigestsMerge::planAndRetry()
{
    FetchSettings settings;
    const FetchRequest week =
        FetchRequest::digests(FetchSource::HfDaily, kFriday, QDate(2026, 6, 14));
    const QList<FetchTask> tasks = planFetch(week, settings, {});
    QCOMPARE(tasks.size(), 3); // weekends too: curated digests have no arXiv calendar
    for (const FetchTask &task : tasks) {
        QCOMPARE(task.kind, FetchTask::Kind::DigestDay);
        QCOMPARE(task.source, FetchSource::HfDaily);
        QVERIFY(task.categories.isEmpty());
    }
    QCOMPARE(tasks.last().date, QDate(2026, 6, 14));
    // Without dates the plan is empty; the Fetcher fills in today's date before planning.
    QVERIFY(planFetch(FetchRequest::digests(FetchSource::DigestJson), settings, {}).isEmpty());
    // --enrich after a digest completes its papers from the arXiv API.
    FetchRequest enrich = FetchRequest::digests(FetchSource::DigestJson, kFriday);
    enrich.enrich = true;
    const QList<FetchTask> withEnrich = planFetch(enrich, settings, {kToolSense});
    QCOMPARE(withEnrich.size(), 2);
    QCOMPARE(withEnrich.last().kind, FetchTask::Kind::Enrich);

    LedgerEntry failed;
    failed.date = kFriday;
    failed.category = kDigestLedgerCategory;
    failed.source = kDigestJsonSource;
    failed.state = LedgerState::Failed;
    const FetchRequest retry = FetchRequest::retry(failed);
    QCOMPARE(retry.source, FetchSource::DigestJson);
    QCOMPARE(retry.from, kFriday);
    QCOMPARE(retry.to, kFriday);
    QVERIFY(retry.force);
    QVERIFY(retry.categories.isEmpty());
    failed.source = kHfDailySource;
    QCOMPARE(FetchRequest::retry(failed).source, FetchSource::HfDaily);
    failed.source = u"arxiv-rss"_s;
    failed.category = u"cs.CV"_s;
    QCOMPARE(FetchRequest::retry(failed).source, FetchSource::Api);
}

QTEST_GUILESS_MAIN(TestFetchDigestsMerge)
#include "tst_fetch_digests_merge.moc"
