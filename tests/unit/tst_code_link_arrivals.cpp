// A code link arriving for a paper the reader keeps (issue #18), from any source: the Hugging
// Face daily papers fixture imported over starred, tagged and unmarked papers without code
// links, a digest's code field, and a Hugging Face fetch from 127.0.0.1. Store::saveDigests
// decides it inside its transaction, so the same file imported again reports nothing.

#include "fetch_test_env.h"

#include "import/importer.h"

#include <QTest>

using namespace paperboy;
using namespace paperboy::test;
using namespace Qt::StringLiterals;

namespace {

const QString kHfFile = u"hf-daily/hf_daily_papers_2026-06-12_first15.json"_s;
// Papers of the fixture: with a GitHub repository, and without any.
const QString kStarred = u"2606.12730"_s;
const QString kStarredUrl =
    u"https://github.com/psychology-of-AI/Rethinking-Pyschometric-Eval-LLMs"_s;
const QString kTagged = u"2606.10423"_s;
const QString kUnmarked = u"2606.13174"_s;
const QString kStarredNoRepo = u"2606.00467"_s;
const QString kStarredNotCached = u"2606.06113"_s; // starred before the cache knew it

// The paper as the arXiv API would have given it: no code link in abstract or comment.
Paper plainPaper(const QString &id)
{
    Paper paper;
    paper.arxivId = id;
    paper.version = 1;
    paper.title = u"Paper %1"_s.arg(id);
    paper.authors = {u"A. Author"_s};
    paper.abstract = u"An abstract without links."_s;
    paper.published = QDate(2026, 6, 11);
    return paper;
}

QStringList idsOf(const QList<CodeLinkArrival> &arrivals)
{
    QStringList ids;
    for (const CodeLinkArrival &a : arrivals)
        ids.append(a.arxivId);
    return ids;
}

} // namespace

class TestCodeLinkArrivals : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void hfImportReportsKeptPapersOnce();
    void digestCodeFieldCountsAsALink();
    void hfFetchReportsThem();

private:
    std::unique_ptr<FetchTestEnv> m_env;
};

void TestCodeLinkArrivals::init()
{
    m_env = std::make_unique<FetchTestEnv>();
    QVERIFY(m_env->setUp());
    Store &store = *m_env->store;
    QVERIFY(store.saveDigests({}, {plainPaper(kStarred), plainPaper(kTagged), plainPaper(kUnmarked),
                                   plainPaper(kStarredNoRepo)}));
    QVERIFY(store.setStarred(kStarred, true));
    QVERIFY(store.setStarred(kStarredNoRepo, true));
    QVERIFY(store.setStarred(kStarredNotCached, true));
    QVERIFY(store.addTags(kTagged, {u"agents"_s}));
}

void TestCodeLinkArrivals::cleanup()
{
    m_env.reset();
}

void TestCodeLinkArrivals::hfImportReportsKeptPapersOnce()
{
    Importer importer(*m_env->store);
    const ImportReport first = importer.importFile(fixture(kHfFile));
    QVERIFY2(first.ok, qPrintable(first.error));
    // In the file's order; the unmarked paper and the starred one without a repository are not
    // reported, the tagged one is (not starred), and so is the starred paper the cache did not
    // hold before this import.
    QCOMPARE(idsOf(first.summary.codeLinks), (QStringList{kStarred, kTagged, kStarredNotCached}));
    const CodeLinkArrival &starred = first.summary.codeLinks.at(0);
    QCOMPARE(starred.codeUrl, kStarredUrl);
    QVERIFY(starred.starred);
    QVERIFY(!starred.title.isEmpty());
    QVERIFY(!first.summary.codeLinks.at(1).starred);
    QCOMPARE(first.summary.codeLinks.at(2).codeUrl, u"https://github.com/nianbai006/SDG"_s);

    // The links are in the cache now: the same file again reports nothing.
    const ImportReport second = importer.importFile(fixture(kHfFile));
    QVERIFY2(second.ok, qPrintable(second.error));
    QVERIFY(second.summary.codeLinks.isEmpty());

    // Starring a paper that already has its link does not make the next import report it.
    QVERIFY(m_env->store->setStarred(kUnmarked, true));
    const ImportReport third = importer.importFile(fixture(kHfFile));
    QVERIFY(third.summary.codeLinks.isEmpty());
}

void TestCodeLinkArrivals::digestCodeFieldCountsAsALink()
{
    // A digest's "Code:" field gives the starred paper its first link ...
    Digest digest;
    digest.date = QDate(2026, 6, 12);
    digest.source = u"test-digest"_s;
    DigestEntry entry;
    entry.position = 1;
    entry.paper = plainPaper(kStarred);
    entry.codeUrlAsGiven = u"https://github.com/example/from-digest"_s;
    digest.entries = {entry};

    // (A save that fails on a later digest reports nothing and stores nothing.)
    Digest undated = digest;
    undated.date = {};
    ImportSummary failed;
    QVERIFY(!m_env->store->saveDigests({digest, undated}, {}, &failed));
    QVERIFY(failed.codeLinks.isEmpty());

    ImportSummary summary;
    QVERIFY(m_env->store->saveDigests({digest}, {}, &summary));
    QCOMPARE(idsOf(summary.codeLinks), QStringList{kStarred});
    QCOMPARE(summary.codeLinks.first().codeUrl, u"https://github.com/example/from-digest"_s);
    QVERIFY(summary.codeLinks.first().starred);

    // ... so Hugging Face's link for it later is not a first one.
    const ImportReport hf = Importer(*m_env->store).importFile(fixture(kHfFile));
    QVERIFY(hf.ok);
    QCOMPARE(idsOf(hf.summary.codeLinks), (QStringList{kTagged, kStarredNotCached}));
}

void TestCodeLinkArrivals::hfFetchReportsThem()
{
    FetchSettings settings = fastFetchSettings(m_env->server);
    settings.hfUrl = m_env->server.baseUrl() + u"/api/daily_papers"_s;
    m_env->fetcher->setSettings(settings);
    m_env->server.route(
        u"/api/daily_papers"_s,
        {CannedResponse::ok(TestHttpServer::readFile(fixture(kHfFile)), "application/json")},
        u"date=2026-06-12"_s);
    const FetchSummary summary =
        m_env->run(FetchRequest::digests(FetchSource::HfDaily, QDate(2026, 6, 12)));
    QVERIFY2(summary.ok(), qPrintable(summary.error));
    QCOMPARE(idsOf(summary.codeLinks), (QStringList{kStarred, kTagged, kStarredNotCached}));
    QCOMPARE(summary.codeLinks.first().codeUrl, kStarredUrl);
}

QTEST_GUILESS_MAIN(TestCodeLinkArrivals)
#include "tst_code_link_arrivals.moc"
