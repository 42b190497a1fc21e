// The core's automatic English enrichment (AutoEnricher, issue #17): papers queued by the
// store when they arrive without English are asked for in id_list batches of at most 100,
// politely; a run that cannot reach arXiv leaves them queued and, with retry delays set (the
// window), tries again on its own.

#include "fetch/auto_enricher.h"
#include "fetch_test_env.h"

#include <QSignalSpy>
#include <QTest>

using namespace paperboy;
using namespace paperboy::test;
using namespace Qt::StringLiterals;

namespace {

const QString kApi = u"/api/query"_s;

// An Atom answer with an English record for each id of the request's id_list.
CannedResponse answerFor(const QString &query)
{
    const QString list = query.section(u"id_list="_s, 1).section(u'&', 0, 0);
    QByteArray xml = "<?xml version='1.0' encoding='UTF-8'?>\n<feed "
                     "xmlns:arxiv=\"http://arxiv.org/schemas/atom\" "
                     "xmlns=\"http://www.w3.org/2005/Atom\">\n";
    for (const QString &id : list.split(u',', Qt::SkipEmptyParts)) {
        const QByteArray a = id.toUtf8();
        xml += "<entry><id>http://arxiv.org/abs/" + a + "v1</id><title>T " + a +
               "</title><summary>English " + a +
               "</summary><published>2024-03-13T00:00:00Z</published>"
               "<category term=\"cs.CV\"/><arxiv:primary_category term=\"cs.CV\"/>"
               "<author><name>A</name></author></entry>\n";
    }
    return CannedResponse::ok(xml + "</feed>\n", "application/atom+xml");
}

bool seedIncomplete(Store &store, int count)
{
    Digest digest;
    digest.date = QDate(2024, 3, 14);
    digest.source = u"meiri-xueshu-sudi"_s;
    digest.category = u"cs.CV"_s;
    for (int n = 1; n <= count; ++n) {
        DigestEntry entry;
        entry.paper.arxivId = u"2403.%1"_s.arg(20000 + n);
        entry.paper.title = u"Title %1"_s.arg(n);
        entry.position = n;
        entry.translationLanguage = u"zh"_s;
        entry.translatedAbstract = u"中文摘要"_s;
        digest.entries.append(entry);
    }
    return store.saveDigests({digest});
}

} // namespace

class TestAutoEnricher : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void batchesOfAHundred();
    void offlineRetriesOnItsOwn();
    void papersArrivingDuringARunAreTakenAfter();

private:
    std::unique_ptr<FetchTestEnv> m_env;
    std::unique_ptr<AutoEnricher> m_enricher;
};

void TestAutoEnricher::init()
{
    m_env = std::make_unique<FetchTestEnv>();
    QVERIFY(m_env->setUp());
    m_enricher = std::make_unique<AutoEnricher>(fastFetchSettings(m_env->server),
                                                FetchStorage::direct(*m_env->store));
}

void TestAutoEnricher::batchesOfAHundred()
{
    QVERIFY(seedIncomplete(*m_env->store, 150));
    QVERIFY(m_env->seedUserData(u"2403.20001"_s));
    const QStringList userBefore = m_env->user();
    m_env->server.handle(kApi, [](const RecordedRequest &r) { return answerFor(r.query); });
    QSignalSpy finished(m_enricher.get(), &AutoEnricher::finished);
    m_enricher->papersArrived();
    QVERIFY(finished.wait(20000));
    const FetchSummary summary = finished.takeFirst().at(0).value<FetchSummary>();
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    const QList<RecordedRequest> requests = m_env->server.requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(0).query.section(u"id_list="_s, 1).section(u'&', 0, 0).count(u','), 99);
    QCOMPARE(requests.at(1).query.section(u"id_list="_s, 1).section(u'&', 0, 0).count(u','), 49);
    // Spaced like every arXiv request (50 ms in these settings).
    QVERIFY(m_env->server.arrivalGaps().first() >= 45);
    QVERIFY(m_env->store->enrichQueue().isEmpty());
    const PaperView paper = *m_env->store->paperView(u"2403.20150"_s);
    QCOMPARE(paper.paper.abstract, u"English 2403.20150"_s);
    QCOMPARE(shownTranslation(paper).abstract, u"中文摘要"_s);
    QCOMPARE(m_env->user(), userBefore);
}

void TestAutoEnricher::offlineRetriesOnItsOwn()
{
    QVERIFY(seedIncomplete(*m_env->store, 3));
    m_env->server.route(
        kApi, {CannedResponse::withStatus(503, "down"), CannedResponse::withStatus(503, "down")});
    m_enricher->setRetryDelays({300});
    QSignalSpy finished(m_enricher.get(), &AutoEnricher::finished);
    m_enricher->papersArrived();
    QVERIFY(finished.wait(20000));
    QCOMPARE(m_env->store->enrichQueue().size(), 3); // still waiting
    // Back online: the enricher tries again by itself and completes them.
    m_env->server.clearRoutes();
    m_env->server.handle(kApi, [](const RecordedRequest &r) { return answerFor(r.query); });
    QVERIFY(finished.wait(20000));
    QVERIFY2(finished.last().at(0).value<FetchSummary>().ok(),
             qPrintable(describe(finished.last().at(0).value<FetchSummary>())));
    QVERIFY(m_env->store->enrichQueue().isEmpty());
    // Nothing failed since: no more tries.
    const qsizetype requests = m_env->server.requestCount();
    QTest::qWait(600);
    QCOMPARE(m_env->server.requestCount(), requests);
}

void TestAutoEnricher::papersArrivingDuringARunAreTakenAfter()
{
    QVERIFY(seedIncomplete(*m_env->store, 2));
    m_env->server.handle(kApi, [](const RecordedRequest &r) {
        CannedResponse answer = answerFor(r.query);
        answer.delayMs = 300;
        return answer;
    });
    QSignalSpy finished(m_enricher.get(), &AutoEnricher::finished);
    m_enricher->papersArrived();
    QTRY_COMPARE(m_env->server.requestCount(), 1); // the run took the queue as it was
    QVERIFY(m_enricher->isRunning());
    Digest more;
    more.date = QDate(2024, 3, 15);
    more.source = u"meiri-xueshu-sudi"_s;
    DigestEntry entry;
    entry.paper.arxivId = u"2403.29999"_s;
    entry.position = 1;
    more.entries.append(entry);
    QVERIFY(m_env->store->saveDigests({more}));
    m_enricher->papersArrived(); // during the run: once more after it
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
    QCOMPARE(m_env->server.requestCount(), 2);
    QVERIFY(m_env->store->enrichQueue().isEmpty());
}

QTEST_GUILESS_MAIN(TestAutoEnricher)
#include "tst_auto_enricher.moc"
