// What migration 005 and the store's fast paths (issue #9) must keep exact: the search index
// built at the end of an import equals one kept row by row, the sidebar's maintained day
// counts equal the full aggregate they replace, and a day's list keeps its order and merging.

#include "search/search_query.h"
#include "search/searcher.h"
#include "store/database.h"
#include "store/store.h"
#include "test_db.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace paperboy;
using namespace paperboy::test;

namespace {

const QDate kDay(2024, 3, 14);

DigestEntry entry(const QString &id, int position, const QString &title)
{
    DigestEntry e;
    e.position = position;
    e.paper.arxivId = id;
    e.paper.title = title;
    e.paper.abstract = QStringLiteral("An abstract about %1 and diffusion.").arg(title);
    e.paper.categories = {QStringLiteral("cs.CV")};
    return e;
}

Digest digest(const QDate &date, const QString &source, const QList<DigestEntry> &entries)
{
    Digest d;
    d.date = date;
    d.source = source;
    d.category = QStringLiteral("cs.CV");
    d.entries = entries;
    return d;
}

// The days() aggregate of schema version 4, over every entry: the reference for day_counts.
QStringList referenceDays(const QSqlDatabase &db)
{
    return dumpRows(
        db, QStringLiteral(
                "SELECT d.date, count(DISTINCT CASE WHEN d.same_as IS NULL THEN e.paper_id END),"
                " count(DISTINCT CASE WHEN d.same_as IS NULL AND coalesce(u.read, 0) = 0"
                "   THEN e.paper_id END)"
                " FROM digests d JOIN digest_entries e ON e.digest_id = d.id"
                " JOIN papers p ON p.id = e.paper_id"
                " LEFT JOIN user_papers u ON u.arxiv_id = p.arxiv_id"
                " GROUP BY d.date ORDER BY d.date DESC"));
}

QStringList storeDays(const Store &store)
{
    QStringList rows;
    for (const DaySummary &day : store.days())
        rows.append(QStringLiteral("%1|%2|%3")
                        .arg(day.date.toString(Qt::ISODate))
                        .arg(day.papers)
                        .arg(day.unread));
    return rows;
}

// FTS5 compares its index with the content it was built from; any drift is an error.
bool indexMatchesContent(const QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral(
            "INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)")))
        return true;
    *error = q.lastError().text();
    return false;
}

QList<qint64> find(const QSqlDatabase &db, const char *text)
{
    return Searcher(db).search(parseSearchQuery(QString::fromUtf8(text))).paperIds;
}

int rowCount(const QSqlDatabase &db, const char *table)
{
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)));
    return q.next() ? q.value(0).toInt() : -1;
}

} // namespace

class TestStoreScale : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Store> m_store;

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db = std::make_unique<Database>();
        const QString path = m_dir.filePath(
            QStringLiteral("%1.sqlite").arg(QLatin1String(QTest::currentTestFunction())));
        QVERIFY2(m_db->open(path), qPrintable(m_db->error()));
        m_store = std::make_unique<Store>(*m_db);
    }

    void cleanup()
    {
        m_store.reset();
        m_db.reset();
    }

    void oldIndexesAreGone()
    {
        QCOMPARE(dumpRows(m_db->connection(),
                          QStringLiteral("SELECT name FROM sqlite_master WHERE name IN"
                                         " ('papers_fts', 'translations_fts')")),
                 QStringList());
    }

    void deferredIndexMatchesContent()
    {
        QSqlDatabase db = m_db->connection();
        // User data that exists before its papers arrive.
        QVERIFY(m_store->setNote(QStringLiteral("2403.00003"), QStringLiteral("mynote 笔记")));
        QVERIFY(m_store->addTags(QStringLiteral("2403.00004"), {QStringLiteral("favourite")}));

        DigestEntry translated = entry(QStringLiteral("2403.00002"), 2, QStringLiteral("Beta"));
        translated.translationLanguage = QStringLiteral("zh");
        translated.translatedTitle = QStringLiteral("扩散模型的蒸馏");
        DigestEntry summarised = entry(QStringLiteral("2403.00001"), 1, QStringLiteral("Alpha"));
        summarised.ai.tldr = QStringLiteral("a quickbrownfox summary");
        QVERIFY2(m_store->saveDigests(
                     {digest(kDay, QStringLiteral("meiri-xueshu-sudi"),
                             {summarised, translated,
                              entry(QStringLiteral("2403.00003"), 3, QStringLiteral("Gamma")),
                              entry(QStringLiteral("2403.00004"), 4, QStringLiteral("Delta"))})}),
                 qPrintable(m_store->lastError()));
        QString error;
        QVERIFY2(indexMatchesContent(db, &error), qPrintable(error));
        QCOMPARE(rowCount(db, "search_pending"), 0);
        QCOMPARE(rowCount(db, "search_deferral"), 0);
        QCOMPARE(find(db, "蒸馏").size(), 1);
        QCOMPARE(find(db, "quickbrownfox").size(), 1);
        QCOMPARE(find(db, "mynote").size(), 1);
        QCOMPARE(find(db, "favourite").size(), 1);

        // An arXiv listing rewrites English fields of known papers and adds a translation to
        // one of them, in one transaction: the old words must leave the index.
        Digest arxiv =
            digest(kDay.addDays(1), QStringLiteral("arxiv-rss"),
                   {entry(QStringLiteral("2403.00001"), 1, QStringLiteral("Epsilonword")),
                    entry(QStringLiteral("2403.00003"), 2, QStringLiteral("Zetaword")),
                    entry(QStringLiteral("2403.00005"), 3, QStringLiteral("Eta"))});
        arxiv.entries[1].translatedTitle = QStringLiteral("语言模型");
        QVERIFY2(m_store->saveDigests({arxiv}), qPrintable(m_store->lastError()));
        QVERIFY2(indexMatchesContent(db, &error), qPrintable(error));
        QCOMPARE(find(db, "alpha").size(), 0);
        QCOMPARE(find(db, "epsilonword").size(), 1);
        QCOMPARE(find(db, "语言模型").size(), 1);
        QCOMPARE(find(db, "mynote zetaword").size(), 1);

        // User edits outside an import still index at once.
        QVERIFY(m_store->setNote(QStringLiteral("2403.00005"), QStringLiteral("laterword")));
        QVERIFY2(indexMatchesContent(db, &error), qPrintable(error));
        QCOMPARE(find(db, "laterword").size(), 1);
    }

    void failedImportLeavesNoMark()
    {
        QSqlDatabase db = m_db->connection();
        QVERIFY(m_store->saveDigests(
            {digest(kDay, QStringLiteral("arxiv-rss"),
                    {entry(QStringLiteral("2403.00001"), 1, QStringLiteral("Alpha"))})}));
        Digest broken = digest(QDate(), QStringLiteral("arxiv-rss"),
                               {entry(QStringLiteral("2403.00009"), 1, QStringLiteral("Omega"))});
        QVERIFY(!m_store->saveDigests(
            {digest(kDay.addDays(1), QStringLiteral("arxiv-rss"),
                    {entry(QStringLiteral("2403.00002"), 1, QStringLiteral("Beta"))}),
             broken}));
        QCOMPARE(rowCount(db, "search_deferral"), 0);
        QCOMPARE(rowCount(db, "search_pending"), 0);
        QCOMPARE(rowCount(db, "papers"), 1);
        QString error;
        QVERIFY2(indexMatchesContent(db, &error), qPrintable(error));
    }

    void rawWritesStillIndexRowByRow()
    {
        // Another program (the sqlite3 shell) writes without the store: triggers keep up.
        QSqlDatabase db = m_db->connection();
        QVERIFY(m_db->execScript(QStringLiteral(
            "INSERT INTO papers (id, arxiv_id, title) VALUES (41, '2403.00041', 'rawword');"
            "INSERT INTO digests (id, date, source, imported_at) VALUES (7, '2024-03-20', 's', "
            "'x');"
            "INSERT INTO digest_entries (id, digest_id, paper_id, position) VALUES (70, 7, 41, 1);"
            "INSERT INTO entry_translations (entry_id, language, title) VALUES (70, 'zh', "
            "'检索增强');"
            "UPDATE papers SET title = 'otherword' WHERE id = 41;")));
        QString error;
        QVERIFY2(indexMatchesContent(db, &error), qPrintable(error));
        QCOMPARE(find(db, "otherword"), QList<qint64>{41});
        QCOMPARE(find(db, "检索"), QList<qint64>{41});
        QCOMPARE(find(db, "rawword").size(), 0);
        QCOMPARE(storeDays(*m_store), referenceDays(db));
    }

    void dayCountsFollowEveryChange()
    {
        QSqlDatabase db = m_db->connection();
        const auto ids = [](int from, int to) {
            QList<DigestEntry> entries;
            for (int i = from; i <= to; ++i)
                entries.append(entry(QStringLiteral("2403.%1").arg(i, 5, 10, QLatin1Char('0')),
                                     i - from + 1, QStringLiteral("Paper %1").arg(i)));
            return entries;
        };
        // Two sources the same day overlapping, another day, a repeat of an earlier listing.
        QVERIFY(m_store->saveDigests(
            {digest(kDay, QStringLiteral("arxiv-rss"), ids(1, 6)),
             digest(kDay, QStringLiteral("hf-daily"), ids(4, 9)),
             digest(kDay.addDays(1), QStringLiteral("arxiv-rss"), ids(10, 12))}));
        Digest repeat = digest(kDay.addDays(2), QStringLiteral("arxiv-rss"), ids(10, 12));
        repeat.sameAs = kDay.addDays(1);
        QVERIFY(m_store->saveDigests({repeat}));
        QCOMPARE(storeDays(*m_store), referenceDays(db));

        // Read state from the user, before and after papers exist.
        QVERIFY(m_store->setReadMany({QStringLiteral("2403.00004"), QStringLiteral("2403.00010"),
                                      QStringLiteral("2403.00099")},
                                     true));
        QCOMPARE(storeDays(*m_store), referenceDays(db));
        QVERIFY(m_store->setRead(QStringLiteral("2403.00004"), false));
        QCOMPARE(storeDays(*m_store), referenceDays(db));
        QVERIFY(m_store->saveDigests(
            {digest(kDay.addDays(3), QStringLiteral("arxiv-rss"), ids(99, 99))}));
        QCOMPARE(storeDays(*m_store), referenceDays(db));

        // A digest imported again replaces its entries; one removed by hand cascades.
        QVERIFY(m_store->saveDigests({digest(kDay, QStringLiteral("hf-daily"), ids(8, 11))}));
        QCOMPARE(storeDays(*m_store), referenceDays(db));
        QVERIFY(m_db->execScript(QStringLiteral("DELETE FROM digests WHERE source = 'hf-daily'")));
        QCOMPARE(storeDays(*m_store), referenceDays(db));
        QVERIFY(m_db->execScript(QStringLiteral("UPDATE digests SET same_as = NULL")));
        QCOMPARE(storeDays(*m_store), referenceDays(db));
        QVERIFY(m_db->execScript(QStringLiteral("DELETE FROM user_papers")));
        QCOMPARE(storeDays(*m_store), referenceDays(db));
    }

    void largeUserSetsSearchTheSameAsSmallOnes()
    {
        // Past 1000 starred papers a text search walks the index instead of probing it per
        // starred paper; the answer must not change with the plan.
        QList<DigestEntry> entries;
        for (int i = 1; i <= 1300; ++i)
            entries.append(entry(QStringLiteral("2403.%1").arg(i, 5, 10, QLatin1Char('0')), i,
                                 i % 3 ? QStringLiteral("Common words %1").arg(i)
                                       : QStringLiteral("Other words %1").arg(i)));
        QVERIFY(m_store->saveDigests({digest(kDay, QStringLiteral("arxiv-rss"), entries)}));
        QStringList starred;
        for (int i = 2; i <= 1300; i += 1)
            if (i % 5 != 0)
                starred.append(QStringLiteral("2403.%1").arg(i, 5, 10, QLatin1Char('0')));
        for (const QString &id : std::as_const(starred))
            QVERIFY(m_store->setStarred(id, true));
        QSqlDatabase db = m_db->connection();
        const QList<qint64> expected = [&] {
            QList<qint64> ids;
            for (qint64 id = 1300; id >= 1; --id)
                if (id % 3 != 0 && id % 5 != 0 && id >= 2)
                    ids.append(id);
            return ids;
        }();
        SearchOptions all;
        all.limit = 0;
        all.withTotal = true;
        const SearchResult many =
            Searcher(db).search(parseSearchQuery(QStringLiteral("is:starred common")), all);
        QVERIFY2(many.ok, qPrintable(many.error));
        QCOMPARE(many.paperIds, expected);
        QCOMPARE(many.total, int(expected.size()));
        SearchOptions page;
        page.limit = 10;
        QCOMPARE(Searcher(db)
                     .search(parseSearchQuery(QStringLiteral("is:starred common")), page)
                     .paperIds,
                 expected.mid(0, 10));
        // A small set keeps the probing plan and the same answer.
        QVERIFY(m_db->execScript(QStringLiteral("UPDATE user_papers SET starred = 0 WHERE"
                                                " arxiv_id > '2403.00010'")));
        QCOMPARE(Searcher(db)
                     .search(parseSearchQuery(QStringLiteral("is:starred common")), all)
                     .paperIds,
                 (QList<qint64>{8, 7, 4, 2}));
    }

    void dayListKeepsOrderAndFirstListing()
    {
        DigestEntry withTranslation =
            entry(QStringLiteral("2403.00002"), 1, QStringLiteral("Beta"));
        withTranslation.translatedTitle = QStringLiteral("测试");
        QVERIFY(m_store->saveDigests(
            {digest(kDay, QStringLiteral("arxiv-rss"),
                    {entry(QStringLiteral("2403.00003"), 1, QStringLiteral("Gamma")),
                     entry(QStringLiteral("2403.00002"), 2, QStringLiteral("Beta")),
                     entry(QStringLiteral("2403.00001"), 3, QStringLiteral("Alpha"))}),
             digest(kDay, QStringLiteral("meiri-xueshu-sudi"),
                    {withTranslation,
                     entry(QStringLiteral("2403.00004"), 2, QStringLiteral("Delta"))})}));
        QVERIFY(m_store->addTags(QStringLiteral("2403.00001"),
                                 {QStringLiteral("b"), QStringLiteral("a")}));
        const QList<PaperView> views = m_store->dayPapers(kDay);
        QStringList order;
        for (const PaperView &view : views)
            order.append(view.paper.arxivId + QLatin1Char('@') + view.digestSource);
        QCOMPARE(order, (QStringList{QStringLiteral("2403.00003@arxiv-rss"),
                                     QStringLiteral("2403.00002@arxiv-rss"),
                                     QStringLiteral("2403.00001@arxiv-rss"),
                                     QStringLiteral("2403.00004@meiri-xueshu-sudi")}));
        // The translation of another listing of the same paper is shown.
        QCOMPARE(views.at(1).entry.translatedTitle, QStringLiteral("测试"));
        QCOMPARE(views.at(2).user.tags, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QVERIFY(views.at(0).user.tags.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStoreScale)
#include "tst_store_scale.moc"
