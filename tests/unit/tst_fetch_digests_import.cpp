// The recorded digest fixtures through Importer, as `paperboy import` stores them: exact counts
// and spot-checked fields (names with TeX accents, old-style ids, versions, every category),
// and a fetched day landing on the same digest as the imported file instead of a second one.

#include "fetch_test_env.h"
#include "import/importer.h"

using namespace paperboy;
using namespace paperboy::test;
using namespace Qt::StringLiterals;

namespace {

const QDate kFriday(2026, 6, 12);

const PaperView *findView(const QList<PaperView> &views, const QString &arxivId)
{
    for (const PaperView &view : views) {
        if (view.paper.arxivId == arxivId)
            return &view;
    }
    return nullptr;
}

} // namespace

class TestFetchDigestsImport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void fixtures_data();
    void fixtures();
    void hfFixtureFields();
    void digestFixtureFields();
    void snapshotFixtureFields();
    void fetchedDayReplacesImportedDay();

private:
    std::unique_ptr<FetchTestEnv> m_env;
};

void TestFetchDigestsImport::init()
{
    m_env = std::make_unique<FetchTestEnv>();
    QVERIFY(m_env->setUp());
}

void TestFetchDigestsImport::cleanup()
{
    m_env.reset();
}

void TestFetchDigestsImport::fixtures_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<int>("digests");
    QTest::addColumn<int>("entries");
    QTest::addColumn<int>("papers");
    QTest::addColumn<int>("days");
    QTest::newRow("hf-daily") << QStringList{u"hf-daily/hf_daily_papers_2026-06-12_first15.json"_s}
                              << 1 << 15 << 15 << 1;
    QTest::newRow("digest-json friday")
        << QStringList{u"digest-json/daily-arXiv-ai-enhanced_2026-06-12.jsonl"_s} << 1 << 250 << 250
        << 1;
    QTest::newRow("digest-json friday and saturday")
        << QStringList{u"digest-json/daily-arXiv-ai-enhanced_2026-06-12.jsonl"_s,
                       u"digest-json/daily-arXiv-ai-enhanced_2026-06-13.jsonl"_s}
        << 2 << 500 << 250 << 2;
    QTest::newRow("snapshot") << QStringList{u"arxiv-snapshot/sample.jsonl"_s} << 5 << 5 << 5 << 5;
    QTest::newRow("all") << QStringList{u"hf-daily/hf_daily_papers_2026-06-12_first15.json"_s,
                                        u"digest-json/daily-arXiv-ai-enhanced_2026-06-12.jsonl"_s,
                                        u"digest-json/daily-arXiv-ai-enhanced_2026-06-13.jsonl"_s,
                                        u"arxiv-snapshot/sample.jsonl"_s}
                         << 8 << 520 << 250 + 15 - 4 + 5 << 2 + 5;
}

void TestFetchDigestsImport::fixtures()
{
    QFETCH(QStringList, files);
    QFETCH(int, digests);
    QFETCH(int, entries);
    QFETCH(int, papers);
    QFETCH(int, days);
    Importer importer(*m_env->store);
    ImportSummary total;
    for (const QString &file : files) {
        const ImportReport report = importer.importFile(fixture(file));
        QVERIFY2(report.ok, qPrintable(report.error));
        total.digests += report.summary.digests;
        total.entries += report.summary.entries;
    }
    QCOMPARE(total.digests, digests);
    QCOMPARE(total.entries, entries);
    QCOMPARE(m_env->store->paperCount(), papers);
    QCOMPARE(m_env->store->days().size(), days);
    QVERIFY(m_env->user().isEmpty()); // imports never write user data
}

void TestFetchDigestsImport::hfFixtureFields()
{
    Importer importer(*m_env->store);
    QVERIFY(importer.importFile(fixture(u"hf-daily/hf_daily_papers_2026-06-12_first15.json"_s)).ok);
    const QList<PaperView> papers = m_env->store->dayPapers(kFriday);
    QCOMPARE(papers.size(), 15);
    const PaperView *webChallenger = findView(papers, u"2606.10423"_s);
    QVERIFY(webChallenger);
    QCOMPARE(webChallenger->entry.position, 5);
    QCOMPARE(webChallenger->entry.upvotes, 2);
    QCOMPARE(webChallenger->paper.codeUrl, u"https://github.com/jayoohwang1/webchallenger"_s);
    QCOMPARE(webChallenger->paper.codeStars, 2);
    QCOMPARE(webChallenger->paper.projectUrl,
             u"https://jayoohwang1.github.io/webchallenger-site/"_s);
    QCOMPARE(webChallenger->paper.authors.size(), 3);
    QCOMPARE(webChallenger->entry.ai.language, u"en"_s);
    const PaperView *sap = findView(papers, u"2606.12451"_s);
    QVERIFY(sap);
    QCOMPARE(sap->entry.organisation, u"SAP"_s);
    QCOMPARE(sap->paper.authors, QStringList({u"Ashutosh Hathidara"_s, u"Sai Shruthi Sistla"_s,
                                              u"Sebastian Schreiber"_s, u"Sahil Bansal"_s}));
    QCOMPARE(sap->entry.ai.keywords.size(), 9);
    QCOMPARE(sap->entry.ai.keywords.first(), u"large language models"_s);
}

void TestFetchDigestsImport::digestFixtureFields()
{
    Importer importer(*m_env->store);
    QVERIFY(
        importer.importFile(fixture(u"digest-json/daily-arXiv-ai-enhanced_2026-06-12.jsonl"_s)).ok);
    const QList<PaperView> papers = m_env->store->dayPapers(kFriday);
    QCOMPARE(papers.size(), 250);
    // LaTeX in titles stays as written.
    const PaperView *codes = findView(papers, u"2606.13246"_s);
    QVERIFY(codes);
    QCOMPARE(codes->paper.title,
             u"A $q$-analogue of the rational normal curve and linearized Reed-Solomon codes"_s);
    const PaperView *proverb = findView(papers, u"2606.12599"_s);
    QVERIFY(proverb);
    QVERIFY(proverb->paper.abstract.contains(u"\\emph{constrained"_s));
    // Every category, primary first.
    const PaperView *sap = findView(papers, u"2606.12451"_s);
    QVERIFY(sap);
    QCOMPARE(sap->paper.categories, QStringList({u"cs.AI"_s, u"cs.IR"_s, u"cs.LG"_s}));
    QCOMPARE(sap->paper.primaryCategory, u"cs.AI"_s);
    QCOMPARE(sap->entry.position, 9);
}

void TestFetchDigestsImport::snapshotFixtureFields()
{
    Importer importer(*m_env->store);
    const ImportReport report = importer.importFile(fixture(u"arxiv-snapshot/sample.jsonl"_s));
    QVERIFY2(report.ok, qPrintable(report.error));
    const PaperView scene = *m_env->store->paperView(u"2306.01667"_s);
    // The record has no authors_parsed: its TeX string is split and read, not stored raw.
    QCOMPARE(
        scene.paper.authors,
        QStringList({u"Ivana Bala\u017Eevi\u0107"_s, u"David Steiner"_s, u"Nikhil Parthasarathy"_s,
                     u"Relja Arandjelovi\u0107"_s, u"Olivier J. H\u00E9naff"_s}));
    QCOMPARE(scene.paper.version, 2);
    const PaperView perelman = *m_env->store->paperView(u"math/0211159"_s);
    QCOMPARE(perelman.paper.authors, QStringList{u"Grisha Perelman"_s});
    QCOMPARE(perelman.paper.primaryCategory, u"math.DG"_s);
    QCOMPARE(perelman.digestDate, QDate(2002, 11, 11));
    const PaperView attention = *m_env->store->paperView(u"1706.03762"_s);
    QCOMPARE(attention.paper.version, 7);
    QCOMPARE(attention.paper.categories, QStringList({u"cs.CL"_s, u"cs.LG"_s}));
    QCOMPARE(attention.paper.authors.size(), 8);
    const PaperView diphoton = *m_env->store->paperView(u"0704.0001"_s);
    QCOMPARE(diphoton.paper.authors.first(), u"C. Bal\u00E1zs"_s);
    QCOMPARE(diphoton.paper.title, u"Calculation of prompt diphoton production cross sections at "
                                   "Tevatron and LHC energies"_s);
}

void TestFetchDigestsImport::fetchedDayReplacesImportedDay()
{
    Importer importer(*m_env->store);
    QVERIFY(
        importer.importFile(fixture(u"digest-json/daily-arXiv-ai-enhanced_2026-06-12.jsonl"_s)).ok);
    QVERIFY(importer.importFile(fixture(u"hf-daily/hf_daily_papers_2026-06-12_first15.json"_s)).ok);
    const QStringList digestsBefore =
        dumpRows(m_env->db.connection(),
                 u"SELECT date, source, category, entry_count FROM digests ORDER BY id"_s);
    QCOMPARE(digestsBefore.size(), 2);

    FetchSettings settings = m_env->fetcher->settings();
    settings.hfUrl = m_env->server.baseUrl() + u"/hf"_s;
    settings.digestUrlTemplate = m_env->server.baseUrl() + u"/d/{date}_{lang}.jsonl"_s;
    settings.politeness.otherSiteSpacingMs = 20;
    m_env->fetcher->setSettings(settings);
    m_env->server.route(
        u"/hf"_s, {CannedResponse::ok(TestHttpServer::readFile(fixture(
                                          u"hf-daily/hf_daily_papers_2026-06-12_first15.json"_s)),
                                      "application/json")});
    m_env->server.route(
        u"/d/2026-06-12_Chinese.jsonl"_s,
        {CannedResponse::ok(TestHttpServer::readFile(
                                fixture(u"digest-json/daily-arXiv-ai-enhanced_2026-06-12.jsonl"_s)),
                            "text/plain")});
    QVERIFY(m_env->run(FetchRequest::digests(FetchSource::HfDaily, kFriday)).ok());
    QVERIFY(m_env->run(FetchRequest::digests(FetchSource::DigestJson, kFriday)).ok());
    // The same (date, source, category) keys: replaced, not doubled.
    QCOMPARE(dumpRows(m_env->db.connection(),
                      u"SELECT date, source, category, entry_count FROM digests ORDER BY id"_s),
             digestsBefore);
    QCOMPARE(m_env->store->paperCount(), 250 + 15 - 4);
}

QTEST_GUILESS_MAIN(TestFetchDigestsImport)
#include "tst_fetch_digests_import.moc"
