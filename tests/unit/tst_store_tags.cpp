// Tags (rename, merge, counts), smart-view counts as the user works, saved searches.

#include "import/importer.h"
#include "search/smart_views.h"
#include "test_db.h"

#include <QTest>

using namespace paperboy;
using namespace paperboy::test;

class TestTags : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Store> m_store;
    QStringList m_ids;

    QStringList tagsOf(const QString &id) { return m_store->userState(id).tags; }

    QMap<QString, int> counts()
    {
        QMap<QString, int> map;
        for (const Store::TagCount &count : m_store->tagCounts())
            map.insert(count.tag, count.papers);
        return map;
    }

private slots:
    void init()
    {
        m_store.reset();
        m_database = std::make_unique<Database>();
        QVERIFY(m_database->open(m_dir.filePath(
            QStringLiteral("%1.sqlite").arg(QLatin1String(QTest::currentTestFunction())))));
        m_store = std::make_unique<Store>(*m_database);
        QVERIFY(Importer(*m_store).importFile(foundingDigestPath()).ok);
        m_ids.clear();
        for (const PaperView &view : m_store->dayPapers(QDate(2024, 3, 14)))
            m_ids.append(view.paper.arxivId);
        QCOMPARE(m_ids.size(), 3);
    }

    void renameKeepsEveryPapersTags()
    {
        const QString a = m_ids[0], b = m_ids[1], c = m_ids[2];
        QVERIFY(m_store->addTags(a, {QStringLiteral("ml"), QStringLiteral("diffusion")}));
        QVERIFY(m_store->addTags(b, {QStringLiteral("ml")}));
        QVERIFY(m_store->addTags(c, {QStringLiteral("vision")}));
        QCOMPARE(m_store->renameTag(QStringLiteral("ml"), QStringLiteral("machine learning")), 2);
        QCOMPARE(tagsOf(a),
                 (QStringList{QStringLiteral("diffusion"), QStringLiteral("machine learning")}));
        QCOMPARE(tagsOf(b), QStringList{QStringLiteral("machine learning")});
        QCOMPARE(tagsOf(c), QStringList{QStringLiteral("vision")});
        QCOMPARE(m_store->renameTag(QStringLiteral("nope"), QStringLiteral("x")), 0);
        QCOMPARE(m_store->renameTag(QStringLiteral("vision"), QStringLiteral("  ")), -1);
        QCOMPARE(tagsOf(c), QStringList{QStringLiteral("vision")});
    }

    void renameOntoExistingTagMerges()
    {
        const QString a = m_ids[0], b = m_ids[1], c = m_ids[2];
        QVERIFY(m_store->addTags(a, {QStringLiteral("ML"), QStringLiteral("ml")}));
        QVERIFY(m_store->addTags(b, {QStringLiteral("ml")}));
        QVERIFY(m_store->addTags(c, {QStringLiteral("ML"), QStringLiteral("other")}));
        QCOMPARE(m_store->renameTag(QStringLiteral("ml"), QStringLiteral("ML")), 2);
        QCOMPARE(tagsOf(a), QStringList{QStringLiteral("ML")}); // merged, not duplicated
        QCOMPARE(tagsOf(b), QStringList{QStringLiteral("ML")});
        QCOMPARE(tagsOf(c), (QStringList{QStringLiteral("ML"), QStringLiteral("other")}));
        QCOMPARE(counts(),
                 (QMap<QString, int>{{QStringLiteral("ML"), 3}, {QStringLiteral("other"), 1}}));
        // Search follows the rename.
        const Searcher searcher(m_database->connection());
        QCOMPARE(searcher.count(parseSearchQuery(QStringLiteral("tag:ml"))), 3); // ASCII case folds
        QCOMPARE(searcher.count(parseSearchQuery(QStringLiteral("tag:other"))), 1);
    }

    void smartViewCountsFollowTheUser()
    {
        SmartViews views(m_database->connection());
        QCOMPARE(views.starredCount(), 0);
        QCOMPARE(views.unreadCount(), 3);
        QVERIFY(m_store->setStarred(m_ids[0], true));
        QVERIFY(m_store->setStarred(m_ids[1], true));
        QCOMPARE(views.starredCount(), 2);
        QCOMPARE(views.starredCount(), int(m_store->starredPapers().size()));
        QVERIFY(m_store->setStarred(m_ids[1], false));
        QVERIFY(m_store->setStarred(m_ids[1], false)); // twice: still one star less, not two
        QCOMPARE(views.starredCount(), 1);
        QVERIFY(m_store->setNote(m_ids[2], QStringLiteral("read again")));
        QCOMPARE(views.annotatedCount(), 1);
        QVERIFY(m_store->setNote(m_ids[2], QString()));
        QCOMPARE(views.annotatedCount(), 0);
        QVERIFY(m_store->setRead(m_ids[0], true));
        QCOMPARE(views.unreadCount(), 2);
        QCOMPARE(views.unreadCount(), int(m_store->unreadPapers().size()));
        QVERIFY(m_store->setStarred(QStringLiteral("9999.99999"), true)); // not in the cache
        QCOMPARE(views.starredCount(), 1);
        QVERIFY(m_store->addTags(m_ids[0], {QStringLiteral("a")}));
        QVERIFY(m_store->addTags(m_ids[1], {QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(views.tagCounts(),
                 (QList<NamedCount>{{QStringLiteral("a"), 2}, {QStringLiteral("b"), 1}}));
        const SmartViewCounts all = views.counts();
        QCOMPARE(all.starred, 1);
        QCOMPARE(all.unread, 2);
        QCOMPARE(all.tags.size(), 2);
        const Searcher searcher(m_database->connection());
        QCOMPARE(searcher.count(parseSearchQuery(QStringLiteral("is:starred"))), all.starred);
        QCOMPARE(searcher.count(parseSearchQuery(QStringLiteral("is:unread"))), all.unread);
    }

    void savedSearches()
    {
        SmartViews views(m_database->connection());
        views.setClock([] { return QDateTime(QDate(2024, 3, 15), QTime(9, 0), Qt::UTC); });
        QVERIFY(views.saveSearch(QStringLiteral("Distillation"), QStringLiteral("蒸馏")));
        QVERIFY(views.saveSearch(QStringLiteral("starred"), QStringLiteral("is:starred")));
        QVERIFY(!views.saveSearch(QStringLiteral("  "), QStringLiteral("x")));
        QCOMPARE(views.savedSearchCount(QStringLiteral("Distillation")), 1);
        QCOMPARE(views.savedSearchCount(QStringLiteral("starred")), 0);
        QVERIFY(m_store->setStarred(m_ids[0], true));
        QCOMPARE(views.savedSearchCount(QStringLiteral("starred")), 1);
        QVERIFY(views.saveSearch(QStringLiteral("starred"), QStringLiteral("is:starred -蒸馏")));
        QVERIFY(
            views.renameSavedSearch(QStringLiteral("starred"), QStringLiteral("Starred, no BOOT")));
        QVERIFY(!views.renameSavedSearch(QStringLiteral("missing"), QStringLiteral("x")));
        QVERIFY(!views.renameSavedSearch(QStringLiteral("Distillation"),
                                         QStringLiteral("Starred, no BOOT")));
        const QList<SavedSearch> list = views.savedSearches();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].name, QStringLiteral("Distillation"));
        QCOMPARE(list[0].created, QDateTime(QDate(2024, 3, 15), QTime(9, 0), Qt::UTC));
        QCOMPARE(list[1].query, QStringLiteral("is:starred -蒸馏"));
        const SmartViewCounts all = views.counts();
        QCOMPARE(all.savedSearches.size(), 2);
        QVERIFY(views.removeSavedSearch(QStringLiteral("Distillation")));
        QCOMPARE(views.savedSearches().size(), 1);
        QCOMPARE(views.savedSearchCount(QStringLiteral("Distillation")), -1);
    }
};

QTEST_GUILESS_MAIN(TestTags)
#include "tst_store_tags.moc"
