// The store on a real temp-file database: imports, merging, idempotence, user data safety.

#include "import/importer.h"
#include "store/database.h"
#include "store/store.h"
#include "test_db.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace paperboy;
using namespace paperboy::test;

namespace {

Digest makeDigest(const QDate &date, const QString &source, const QStringList &ids,
                  const QString &category = QStringLiteral("cs.CV"))
{
    Digest digest;
    digest.date = date;
    digest.source = source;
    digest.category = category;
    int position = 0;
    for (const QString &id : ids) {
        DigestEntry entry;
        entry.position = ++position;
        entry.paper.arxivId = id;
        entry.paper.title = QStringLiteral("Title of %1 from %2").arg(id, source);
        entry.paper.categories = {category};
        digest.entries.append(entry);
    }
    return digest;
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Store> m_store;

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(
            QStringLiteral("test-%1.sqlite").arg(QLatin1String(QTest::currentTestFunction())));
        m_db = std::make_unique<Database>();
        QVERIFY2(m_db->open(m_path), qPrintable(m_db->error()));
        m_store = std::make_unique<Store>(*m_db);
    }

    void cleanup()
    {
        m_store.reset();
        m_db.reset();
    }

    void pragmas()
    {
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QCOMPARE(m_db->schemaVersion(), Database::latestSchemaVersion());
        QVERIFY(Database::latestSchemaVersion() >= 1);
    }

    void importFoundingDigest()
    {
        Importer importer(*m_store);
        const ImportReport report = importer.importFile(foundingDigestPath());
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.summary.digests, 1);
        QCOMPARE(report.summary.entries, 3);
        QCOMPARE(report.summary.papersAdded, 3);

        const QList<DaySummary> days = m_store->days();
        QCOMPARE(days.size(), 1);
        QCOMPARE(days.first().date, QDate(2024, 3, 14));
        QCOMPARE(days.first().papers, 3);
        QCOMPARE(days.first().unread, 3);

        const QList<PaperView> papers = m_store->dayPapers(QDate(2024, 3, 14));
        QCOMPARE(papers.size(), 3);
        QCOMPARE(papers[0].paper.arxivId, QStringLiteral("2306.01667"));
        QCOMPARE(papers[1].paper.arxivId, QStringLiteral("2306.05544"));
        QCOMPARE(papers[2].paper.arxivId, QStringLiteral("2306.01128"));
        QCOMPARE(papers[1].entry.translatedTitle,
                 QStringLiteral("BOOT:使用 Bootstrapping 的去噪扩散模型的无数据蒸馏"));
        QCOMPARE(papers[1].entry.codeUrlAsGiven,
                 QStringLiteral("https://github.com/princeton-nlp/TransformerPrograms"));
        QVERIFY(!papers[1].entry.codeUrlWarning.isEmpty());
        QCOMPARE(papers[0].paper.authors.size(), 5);
        QCOMPARE(papers[0].digestCategory, QStringLiteral("cs.CV"));
        QCOMPARE(m_store->dayPapers(QDate(2024, 3, 14), {QStringLiteral("cs.CV")}).size(), 3);
        QCOMPARE(m_store->dayPapers(QDate(2024, 3, 14), {QStringLiteral("cs.LG")}).size(), 0);
        QCOMPARE(m_store->dayPapers(QDate(2024, 3, 15)).size(), 0);
    }

    void reimportIsIdempotentAndKeepsUserData()
    {
        Importer importer(*m_store);
        QVERIFY(importer.importFile(foundingDigestPath()).ok);
        QVERIFY(m_store->setStarred(QStringLiteral("2306.05544"), true));
        QVERIFY(m_store->setNote(QStringLiteral("2306.01128"), QStringLiteral("read §3 again")));
        QVERIFY(
            m_store->addTags(QStringLiteral("2306.01128"), {QStringLiteral("interpretability")}));
        QVERIFY(m_store->setRead(QStringLiteral("2306.01667"), true));
        const QStringList user = userData(m_db->connection());
        QCOMPARE(user.size(), 4);
        const QStringList papersBefore =
            dumpRows(m_db->connection(), QStringLiteral("SELECT * FROM papers ORDER BY id"));

        const ImportReport again = importer.importFile(foundingDigestPath());
        QVERIFY(again.ok);
        QCOMPARE(again.summary.papersAdded, 0);
        QCOMPARE(userData(m_db->connection()), user);
        QCOMPARE(dumpRows(m_db->connection(), QStringLiteral("SELECT * FROM papers ORDER BY id")),
                 papersBefore);
        QCOMPARE(
            dumpRows(m_db->connection(), QStringLiteral("SELECT count(*) FROM digest_entries")),
            QStringList{QStringLiteral("3")});
        QCOMPARE(dumpRows(m_db->connection(), QStringLiteral("SELECT count(*) FROM digests")),
                 QStringList{QStringLiteral("1")});
        const QList<PaperView> papers = m_store->dayPapers(QDate(2024, 3, 14));
        QVERIFY(papers[1].user.starred);
        QCOMPARE(papers[2].user.note, QStringLiteral("read §3 again"));
        QCOMPARE(papers[2].user.tags, QStringList{QStringLiteral("interpretability")});
        QCOMPARE(m_store->days().first().unread, 2);
    }

    void failedImportChangesNothing()
    {
        Importer importer(*m_store);
        QVERIFY(importer.importFile(foundingDigestPath()).ok);
        QVERIFY(m_store->setStarred(QStringLiteral("2306.05544"), true));
        const QStringList cache = cacheData(m_db->connection());
        const QStringList user = userData(m_db->connection());

        // The second digest is broken half-way: nothing of the first may stay.
        Digest good = makeDigest(QDate(2024, 3, 15), QStringLiteral("arxiv-rss"),
                                 {QStringLiteral("2403.00001")});
        Digest broken = makeDigest(QDate(2024, 3, 16), QStringLiteral("arxiv-rss"),
                                   {QStringLiteral("2403.00002"), QString()});
        QVERIFY(!m_store->saveDigests({good, broken}));
        QVERIFY(m_store->lastError().contains(QStringLiteral("no arXiv id")));
        QCOMPARE(cacheData(m_db->connection()), cache);
        QCOMPARE(userData(m_db->connection()), user);

        // Garbage files fail with the file named, and change nothing either.
        const QString garbage = m_dir.filePath(QStringLiteral("garbage.bin"));
        QFile file(garbage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, '\0') + QByteArray("\x89PNG\r\n"));
        file.close();
        const ImportReport report = importer.importFile(garbage);
        QVERIFY(!report.ok);
        QVERIFY(report.error.contains(garbage));
        const ImportReport missing =
            importer.importFile(m_dir.filePath(QStringLiteral("nope.txt")));
        QVERIFY(!missing.ok);
        QVERIFY(missing.error.contains(QStringLiteral("no such file")));
        QCOMPARE(cacheData(m_db->connection()), cache);
        QCOMPARE(userData(m_db->connection()), user);
    }

    void arxivMetadataWinsAndEmptyNeverOverwrites()
    {
        Importer importer(*m_store);
        QVERIFY(importer.importFile(foundingDigestPath()).ok);
        Paper enriched;
        enriched.arxivId = QStringLiteral("2306.05544");
        enriched.version = 2;
        enriched.title = QStringLiteral("BOOT: Data-free Distillation of Denoising Diffusion "
                                        "Models with Bootstrapping (arXiv)");
        enriched.abstract =
            QStringLiteral("Diffusion models have demonstrated excellent potential.");
        enriched.categories = {QStringLiteral("cs.CV"), QStringLiteral("cs.LG")};
        enriched.comment = QStringLiteral("In progress");
        QVERIFY(m_store->saveDigests({}, {enriched}));

        // A later digest with less information and a different title must not win.
        Digest hf = makeDigest(QDate(2024, 3, 15), QStringLiteral("hf-daily"),
                               {QStringLiteral("2306.05544")});
        hf.entries[0].paper.abstract.clear();
        QVERIFY(m_store->saveDigests({hf}));
        const std::optional<PaperView> view = m_store->paperView(QStringLiteral("2306.05544"));
        QVERIFY(view);
        QCOMPARE(view->paper.title, enriched.title);
        QCOMPARE(view->paper.abstract, enriched.abstract);
        QCOMPARE(view->paper.version, 2);
        QCOMPARE(view->paper.categories, enriched.categories);
        QCOMPARE(view->paper.primaryCategory, QStringLiteral("cs.CV"));
        QCOMPARE(view->paper.comment, QStringLiteral("In progress"));
        QCOMPARE(view->paper.authors.size(), 5); // from the digest, never emptied
        QCOMPARE(view->entry.translatedTitle,
                 QStringLiteral("BOOT:使用 Bootstrapping 的去噪扩散模型的无数据蒸馏"));
    }

    void onePaperManyDigestsOneStar()
    {
        const QString id = QStringLiteral("2406.00001");
        QVERIFY(m_store->saveDigests(
            {makeDigest(QDate(2024, 6, 3), QStringLiteral("arxiv-rss"), {id}),
             makeDigest(QDate(2024, 6, 3), QStringLiteral("hf-daily"), {id}, QString()),
             makeDigest(QDate(2024, 6, 4), QStringLiteral("digest-json"), {id})}));
        QVERIFY(m_store->setStarred(id, true));
        QCOMPARE(m_store->paperCount(), 1);
        QCOMPARE(
            dumpRows(m_db->connection(), QStringLiteral("SELECT count(*) FROM digest_entries")),
            QStringList{QStringLiteral("3")});
        QCOMPARE(m_store->dayPapers(QDate(2024, 6, 3)).size(),
                 1); // listed twice that day, shown once
        QVERIFY(m_store->dayPapers(QDate(2024, 6, 4)).first().user.starred);
        QCOMPARE(m_store->starredPapers().size(), 1);
        QCOMPARE(m_store->days().size(), 2);
        QCOMPARE(m_store->days().first().papers, 1);
    }

    void userWritesAndSmartViews()
    {
        Importer importer(*m_store);
        QVERIFY(importer.importFile(foundingDigestPath()).ok);
        const QString a = QStringLiteral("2306.01667");
        const QString b = QStringLiteral("2306.01128");
        const QDateTime fixed(QDate(2025, 1, 2), QTime(3, 4, 5), Qt::UTC);
        m_store->setClock([fixed] { return fixed; });
        QVERIFY(m_store->setStarred(a, true));
        QVERIFY(m_store->setNote(b, QStringLiteral("note")));
        QCOMPARE(m_store->userState(a).starredChanged, fixed);
        QCOMPARE(m_store->starredPapers().size(), 1);
        QCOMPARE(m_store->annotatedPapers().size(), 1);
        QCOMPARE(m_store->annotatedPapers().first().paper.arxivId, b);
        QCOMPARE(m_store->unreadPapers().size(), 3);
        QVERIFY(m_store->setReadMany({a, b}, true));
        QCOMPARE(m_store->unreadPapers().size(), 1);
        QCOMPARE(m_store->days().first().unread, 1);
        QVERIFY(m_store->setStarred(a, false));
        QCOMPARE(m_store->starredPapers().size(), 0);
        QVERIFY(m_store->setNote(b, QString()));
        QCOMPARE(m_store->annotatedPapers().size(), 0);
        QVERIFY(m_store->addTags(a, {QStringLiteral(" to read "), QStringLiteral("cv")}));
        QCOMPARE(m_store->userState(a).tags,
                 (QStringList{QStringLiteral("cv"), QStringLiteral("to read")}));
        QVERIFY(m_store->removeTags(a, {QStringLiteral("cv")}));
        QCOMPARE(m_store->userState(a).tags, QStringList{QStringLiteral("to read")});
    }

    void sampleImportOnlyWhenEmpty()
    {
        Importer importer(*m_store);
        QVERIFY(importer.importSampleIfEmpty());
        QCOMPARE(m_store->paperCount(), 3);
        QVERIFY(!importer.importSampleIfEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
