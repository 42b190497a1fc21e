// New versions of the papers the reader keeps: the recorded API answer for 2104.12255v1 turned
// into a v2 (new title, abstract and comment: accepted, with a code link) and a v3 (journal
// reference and DOI), served from 127.0.0.1. Only kept papers are asked for, in batches of at
// most 100 ids; every version is kept, the paper shows its newest, user data stays, and the
// paper is "updated" until the reader opens it.

#include "fetch_test_env.h"
#include "version_fixtures.h"

#include "backup/backup_restore.h"
#include "import/arxiv_atom_parser.h"
#include "store/version_store.h"

#include <QTest>

using namespace paperboy;
using namespace paperboy::test;
using namespace Qt::StringLiterals;

namespace {

const QString kId = kVersionedId;

Paper plainPaper(const QString &id)
{
    Paper paper;
    paper.arxivId = id;
    paper.version = 1;
    paper.title = u"Paper %1"_s.arg(id);
    paper.authors = {u"A. Author"_s};
    paper.abstract = u"An abstract."_s;
    paper.published = QDate(2024, 1, 2);
    return paper;
}

QStringList idsAskedFor(const RecordedRequest &request)
{
    const QString query = request.query;
    const qsizetype at = query.indexOf(u"id_list="_s);
    if (at < 0)
        return {};
    return query.mid(at + 8).section(u'&', 0, 0).split(u',', Qt::SkipEmptyParts);
}

} // namespace

class TestVersionCheck : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void newVersionsOfKeptPapersOnly();
    void oneBatchForAHundredPapers();
    void nothingKeptAsksNothing();
    void openedVersionsAreInTheBackup();

private:
    std::unique_ptr<FetchTestEnv> m_env;
};

void TestVersionCheck::init()
{
    m_env = std::make_unique<FetchTestEnv>();
    QVERIFY(m_env->setUp());
}

void TestVersionCheck::cleanup()
{
    m_env.reset();
}

void TestVersionCheck::newVersionsOfKeptPapersOnly()
{
    // The cache has v1 (as a listing gave it) and a paper nobody marked.
    const ParseResult first = parseArxivAtom(v1());
    QVERIFY(first.ok());
    QCOMPARE(first.papers.size(), 1);
    QVERIFY(m_env->store->saveDigests({}, {first.papers.first(), plainPaper(u"2401.00001"_s)}));
    QVERIFY(m_env->seedUserData(kId));
    const QStringList userBefore = m_env->user();

    m_env->server.route(u"/api/query"_s, {atom(v2()), atom(v3())});
    FetchSummary summary = m_env->run(FetchRequest::updates());
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    QCOMPARE(m_env->server.requestCount(u"/api/query"_s), 1);
    QCOMPARE(idsAskedFor(m_env->server.requests().first()), QStringList{kId});
    QCOMPARE(summary.versionChanges.size(), 1);
    VersionChange change = summary.versionChanges.first();
    QCOMPARE(change.arxivId, kId);
    QCOMPARE(change.fromVersion, 1);
    QCOMPARE(change.toVersion, 2);
    QVERIFY(change.starred);
    QVERIFY(change.acceptedArrived);
    QVERIFY(!change.journalRefArrived);
    QCOMPARE(change.codeUrl, u"https://github.com/example/splitting-zero"_s);

    VersionStore versions(m_env->db);
    QList<PaperVersion> kept = versions.versions(kId);
    QCOMPARE(kept.size(), 2);
    QCOMPARE(kept.at(0).version, 1);
    QCOMPARE(kept.at(0).title, u"0"_s);
    QVERIFY(kept.at(0).comment.isEmpty());
    QCOMPARE(kept.at(0).date, QDate(2021, 4, 20));
    QCOMPARE(kept.at(1).version, 2);
    QCOMPARE(kept.at(1).title, u"0: Splitting Zero in BLS Signatures"_s);
    QCOMPARE(kept.at(1).date, QDate(2021, 6, 2));
    QVERIFY(kept.at(1).abstract.contains(u"This paper analyses"_s));
    // The paper shows its newest version; what the reader wrote stays.
    std::optional<PaperView> view = m_env->store->paperView(kId);
    QVERIFY(view);
    QCOMPARE(view->paper.version, 2);
    QCOMPARE(view->paper.title, u"0: Splitting Zero in BLS Signatures"_s);
    QVERIFY(view->paper.comment.startsWith(u"Accepted at ACM CCS 2021"_s));
    QCOMPARE(m_env->user(), userBefore);
    // Updated until opened.
    QVERIFY(versions.isUpdated(kId));
    QVERIFY(versions.markSeen(kId, 2, QDateTime::currentDateTimeUtc()));
    QVERIFY(!versions.isUpdated(kId));
    QVERIFY(!versions.isUpdated(u"2401.00001"_s));

    // v3: the journal reference and the DOI arrive; updated again.
    summary = m_env->run(FetchRequest::updates());
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    QCOMPARE(summary.versionChanges.size(), 1);
    change = summary.versionChanges.first();
    QCOMPARE(change.fromVersion, 2);
    QCOMPARE(change.toVersion, 3);
    QVERIFY(change.journalRefArrived);
    QVERIFY(change.doiArrived);
    QVERIFY(!change.acceptedArrived); // it was there in v2 already
    QVERIFY(change.codeUrl.isEmpty());
    kept = versions.versions(kId);
    QCOMPARE(kept.size(), 3);
    QCOMPARE(kept.at(2).journalRef, u"Proc. ACM CCS 2021, 1234-1250"_s);
    QCOMPARE(kept.at(2).doi, u"10.1145/3460120.3484765"_s);
    QVERIFY(versions.isUpdated(kId));
    QCOMPARE(m_env->store->paperView(kId)->paper.doi, u"10.1145/3460120.3484765"_s);

    // Asked again with nothing new: no change, still one request per check.
    summary = m_env->run(FetchRequest::updates());
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    QVERIFY(summary.versionChanges.isEmpty());
    QCOMPARE(versions.versions(kId).size(), 3);
    QCOMPARE(m_env->server.requestCount(u"/api/query"_s), 3);
    for (const RecordedRequest &request : m_env->server.requests())
        QCOMPARE(idsAskedFor(request), QStringList{kId});
}

void TestVersionCheck::oneBatchForAHundredPapers()
{
    QList<Paper> papers;
    for (int i = 1; i <= 101; ++i)
        papers.append(plainPaper(u"2401.%1"_s.arg(i, 5, 10, QLatin1Char('0'))));
    QVERIFY(m_env->store->saveDigests({}, papers));
    // 100 kept papers, each kept in one of the three ways: one request.
    for (int i = 0; i < 100; ++i) {
        const QString &id = papers.at(i).arxivId;
        QVERIFY(i % 3 == 0   ? m_env->store->setStarred(id, true)
                : i % 3 == 1 ? m_env->store->setNote(id, u"note"_s)
                             : m_env->store->addTags(id, {u"later"_s}));
    }
    m_env->server.route(u"/api/query"_s, {atom(v1())});
    FetchSummary summary = m_env->run(FetchRequest::updates());
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    QCOMPARE(m_env->server.requestCount(u"/api/query"_s), 1);
    QCOMPARE(idsAskedFor(m_env->server.requests().first()).size(), 100);
    QVERIFY(!idsAskedFor(m_env->server.requests().first()).contains(papers.last().arxivId));

    // The 101st: two requests, 100 and 1.
    QVERIFY(m_env->store->setStarred(papers.last().arxivId, true));
    m_env->server.clearRequests();
    summary = m_env->run(FetchRequest::updates());
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    QCOMPARE(m_env->server.requestCount(u"/api/query"_s), 2);
    QCOMPARE(idsAskedFor(m_env->server.requests().at(0)).size(), 100);
    QCOMPARE(idsAskedFor(m_env->server.requests().at(1)), QStringList{papers.last().arxivId});
}

void TestVersionCheck::nothingKeptAsksNothing()
{
    QVERIFY(m_env->store->saveDigests({}, {plainPaper(u"2401.00001"_s)}));
    m_env->server.route(u"/api/query"_s, {atom(v2())});
    const FetchSummary summary = m_env->run(FetchRequest::updates());
    QVERIFY2(summary.ok(), qPrintable(describe(summary)));
    QVERIFY(summary.outcomes.isEmpty());
    QCOMPARE(m_env->server.requestCount(), 0);
}

void TestVersionCheck::openedVersionsAreInTheBackup()
{
    const ParseResult first = parseArxivAtom(v1());
    QVERIFY(m_env->store->saveDigests({}, first.papers));
    QVERIFY(m_env->store->setStarred(kId, true));
    m_env->server.route(u"/api/query"_s, {atom(v2())});
    QVERIFY(m_env->run(FetchRequest::updates()).ok());
    VersionStore versions(m_env->db);
    QVERIFY(versions.markSeen(kId, 2, QDateTime(QDate(2026, 7, 3), QTime(8, 0), Qt::UTC)));
    // Opening an older version later never lowers it.
    QVERIFY(versions.markSeen(kId, 1, QDateTime::currentDateTimeUtc()));
    const QString path = m_env->dir.filePath(u"backup.json"_s);
    QString error;
    BackupData written;
    QVERIFY2(writeBackupFile(m_env->db, path, &error, QDateTime::currentDateTimeUtc(), &written),
             qPrintable(error));
    QCOMPARE(written.seenVersions.size(), 1);
    QCOMPARE(written.seenVersions.first().version, 2);
    QCOMPARE(written.seenVersions.first().seenAt, u"2026-07-03T08:00:00.000Z"_s);
    const std::optional<BackupData> read = readBackupFile(path, &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(read->seenVersions, written.seenVersions);

    // Into another library that has the same paper at v2, never opened there: it is not
    // "updated" once the backup is restored.
    Database other;
    QVERIFY(other.open(m_env->dir.filePath(u"other.sqlite"_s)));
    Store otherStore(other);
    QVERIFY(otherStore.saveDigests({}, first.papers));
    Paper newer = parseArxivAtom(v2()).papers.first();
    QVERIFY(VersionStore(other).record({newer}, QDateTime::currentDateTimeUtc(), &error).size() ==
            1);
    QVERIFY(VersionStore(other).isUpdated(kId));
    const RestoreReport report = restoreBackupFile(other, path);
    QVERIFY2(report.ok, qPrintable(report.error));
    QCOMPARE(report.seenVersionsTaken, 1);
    QVERIFY(!VersionStore(other).isUpdated(kId));
    // Restoring again changes nothing.
    QCOMPARE(restoreBackupFile(other, path).seenVersionsTaken, 0);
}

QTEST_GUILESS_MAIN(TestVersionCheck)
#include "tst_version_check.moc"
