// The search plans chosen for speed at scale (issue #6) must answer exactly what a plain scan
// answers: one CJK character (the FTS5 prefix index of migration 007) against a substring scan
// of the fixture digests; text filtered by user sets of every size (probed per paper, turned
// into ids, tested per row) and exclusions without positive text (windows of papers.id)
// against SQL written independently, for every page and both sorts.

#include "import/importer.h"
#include "search/searcher.h"
#include "test_db.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>

using namespace paperboy;
using namespace paperboy::test;

namespace {

constexpr int kPapers = 3000;

DigestEntry entry(int i)
{
    DigestEntry e;
    e.position = i;
    e.paper.arxivId = QStringLiteral("2403.%1").arg(i, 5, 10, QLatin1Char('0'));
    e.paper.title =
        (i % 3 ? QStringLiteral("Common words %1") : QStringLiteral("Other words %1")).arg(i);
    e.paper.abstract = QStringLiteral("An abstract about paper %1.").arg(i);
    e.paper.categories = {QStringLiteral("cs.CV")};
    if (i % 4 == 0) {
        e.translationLanguage = QStringLiteral("zh");
        e.translatedTitle = i % 8 ? QStringLiteral("蒸馏模型") : QStringLiteral("扩散检测");
    }
    return e;
}

} // namespace

class TestSearchPlans : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Database m_fixtures; // the fixture digests, for the CJK comparison
    Database m_scale;    // kPapers synthetic papers with large user sets
    std::unique_ptr<Store> m_fixtureStore;

    static QList<qint64> search(const Database &db, const QString &text, SearchOptions options)
    {
        const SearchResult result =
            Searcher(db.connection()).search(parseSearchQuery(text), options);
        if (!result.ok)
            qWarning() << text << result.error;
        return result.paperIds;
    }

    static QList<qint64> column(const Database &db, const QString &sql)
    {
        QList<qint64> ids;
        QSqlQuery q(db.connection());
        if (!q.exec(sql))
            qWarning() << sql << q.lastError().text();
        while (q.next())
            ids.append(q.value(0).toLongLong());
        return ids;
    }

    // Every way of asking for `text` gives `expected` (newest first) or its pages.
    void checkPlans(const QString &text, const QList<qint64> &expected)
    {
        QVERIFY2(!expected.isEmpty(), qPrintable(text));
        SearchOptions all;
        all.limit = 0;
        all.withTotal = true;
        const SearchResult full =
            Searcher(m_scale.connection()).search(parseSearchQuery(text), all);
        QVERIFY2(full.ok, qPrintable(full.error));
        QCOMPARE(full.paperIds, expected);
        QCOMPARE(full.total, int(expected.size()));
        for (const auto &[limit, offset] :
             {std::pair{10, 0}, std::pair{7, 13}, std::pair{200, 0}, std::pair{500, 3},
              std::pair{1, int(expected.size()) - 1}, std::pair{5, int(expected.size())}}) {
            SearchOptions page;
            page.limit = limit;
            page.offset = offset;
            QCOMPARE(search(m_scale, text, page), expected.mid(offset, limit));
        }
        SearchOptions ranked = all;
        ranked.sort = SearchSort::Relevance;
        QList<qint64> relevance = search(m_scale, text, ranked);
        std::sort(relevance.begin(), relevance.end(), std::greater<>());
        QCOMPARE(relevance, expected);
        QCOMPARE(Searcher(m_scale.connection()).count(parseSearchQuery(text)),
                 int(expected.size()));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_fixtures.open(m_dir.filePath(QStringLiteral("fixtures.sqlite"))));
        m_fixtureStore = std::make_unique<Store>(m_fixtures);
        Importer importer(*m_fixtureStore);
        for (const QString &file :
             {foundingDigestPath(),
              fixture(QStringLiteral("arxiv-rss/rss_2024-11-28_first120items.xml")),
              fixture(QStringLiteral("digest-json/daily-arXiv-ai-enhanced_2026-06-12.jsonl")),
              fixture(QStringLiteral("digest-json/daily-arXiv-ai-enhanced_2026-06-13.jsonl"))}) {
            const ImportReport report = importer.importFile(file);
            QVERIFY2(report.ok, qPrintable(report.error));
        }
        QVERIFY(m_fixtureStore->setNote(QStringLiteral("2411.17765"),
                                        QStringLiteral("读了一半，检查表二")));
        QVERIFY(m_fixtureStore->addTags(QStringLiteral("2306.05544"),
                                        {QStringLiteral("鹦鹉螺"), QStringLiteral("reading")}));

        QVERIFY(m_scale.open(m_dir.filePath(QStringLiteral("scale.sqlite"))));
        Store store(m_scale);
        QList<DigestEntry> entries;
        for (int i = 1; i <= kPapers; ++i)
            entries.append(entry(i));
        Digest digest;
        digest.date = QDate(2024, 3, 14);
        digest.source = QStringLiteral("arxiv-rss");
        digest.category = QStringLiteral("cs.CV");
        digest.entries = entries;
        QVERIFY(store.saveDigests({digest}));
        // User sets on both sides of every plan threshold (1000 members; the square root of
        // page size times papers): 1,500 starred, 1,080 noted, 1,050 and 20 tagged.
        QVERIFY2(m_scale.execScript(QStringLiteral(
                     "INSERT INTO user_papers (arxiv_id, starred, note)"
                     " SELECT arxiv_id, id % 2 = 0, CASE WHEN id % 3 = 1 OR id % 25 = 0"
                     " THEN '读 note ' || id END FROM papers"
                     " WHERE id % 2 = 0 OR id % 3 = 1 OR id % 25 = 0;"
                     "INSERT INTO user_tags (arxiv_id, tag, added) SELECT arxiv_id, 'Theory', 'x'"
                     " FROM papers WHERE id % 7 < 3 AND id <= 2450;"
                     "INSERT INTO user_tags (arxiv_id, tag, added) SELECT arxiv_id, 'small', 'x'"
                     " FROM papers WHERE id % 150 = 1;")),
                 qPrintable(m_scale.error()));
    }

    void singleCjkCharacterFindsEverySubstring()
    {
        // Every searched field of each paper, as stored (not as indexed).
        QHash<qint64, QString> text;
        QSqlQuery q(m_fixtures.connection());
        QVERIFY(q.exec(QStringLiteral(
            "SELECT p.id, coalesce(p.title, '') || ' ' || coalesce(p.authors, '') || ' ' ||"
            " coalesce(p.abstract, '') || ' ' ||"
            " coalesce((SELECT group_concat(coalesce(t.title, '') || ' ' || coalesce(t.abstract,"
            " ''), ' ') FROM digest_entries e JOIN entry_translations t ON t.entry_id = e.id"
            " WHERE e.paper_id = p.id), '') || ' ' ||"
            " coalesce((SELECT group_concat(coalesce(a.tldr, '') || ' ' || coalesce(a.motivation,"
            " '') || ' ' || coalesce(a.method, '') || ' ' || coalesce(a.result, '') || ' ' ||"
            " coalesce(a.conclusion, '') || ' ' || coalesce(a.keywords, ''), ' ')"
            " FROM digest_entries e JOIN entry_ai_summaries a ON a.entry_id = e.id"
            " WHERE e.paper_id = p.id), '') || ' ' ||"
            " coalesce((SELECT note FROM user_papers WHERE arxiv_id = p.arxiv_id), '') || ' ' ||"
            " coalesce((SELECT group_concat(tag, ' ') FROM user_tags"
            " WHERE arxiv_id = p.arxiv_id), '') FROM papers p")));
        while (q.next())
            text.insert(q.value(0).toLongLong(), q.value(1).toString());
        QSet<char32_t> characters;
        for (const QString &value : std::as_const(text))
            for (const char32_t c : value.toUcs4())
                if (isCjk(c))
                    characters.insert(c);
        QVERIFY(characters.size() > 100);
        int checked = 0;
        for (const char32_t c : std::as_const(characters)) {
            const QString query = QString::fromUcs4(&c, 1);
            QList<qint64> expected;
            for (auto it = text.cbegin(); it != text.cend(); ++it)
                if (it->contains(query))
                    expected.append(it.key());
            std::sort(expected.begin(), expected.end(), std::greater<>());
            SearchOptions options;
            options.limit = 0;
            QCOMPARE(search(m_fixtures, query, options), expected);
            ++checked;
        }
        QCOMPARE(checked, characters.size());
        // From user data only: the note and the tag.
        SearchOptions options;
        options.limit = 0;
        QCOMPARE(search(m_fixtures, QStringLiteral("鹦"), options),
                 column(m_fixtures, QStringLiteral("SELECT id FROM papers"
                                                   " WHERE arxiv_id = '2306.05544'")));
        QVERIFY(search(m_fixtures, QStringLiteral("检"), options)
                    .contains(column(m_fixtures, QStringLiteral("SELECT id FROM papers WHERE"
                                                                " arxiv_id = '2411.17765'"))
                                  .value(0)));
    }

    void textWithUserSetsOfEverySize_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("oracle");
        const QString common = QStringLiteral("p.id % 3 <> 0");
        QTest::newRow("starred (1500)")
            << QStringLiteral("is:starred common") << QStringLiteral("p.id % 2 = 0 AND ") + common;
        QTest::newRow("noted (1080)")
            << QStringLiteral("has:note common")
            << QStringLiteral("(p.id % 3 = 1 OR p.id % 25 = 0) AND ") + common;
        QTest::newRow("tagged (1050)")
            << QStringLiteral("tag:theory common")
            << QStringLiteral("p.id % 7 < 3 AND p.id <= 2450 AND ") + common;
        QTest::newRow("tagged (20)")
            << QStringLiteral("tag:small common") << QStringLiteral("p.id % 150 = 1 AND ") + common;
        QTest::newRow("starred, one CJK character")
            << QStringLiteral("is:starred 检") << QStringLiteral("p.id % 8 = 0");
        QTest::newRow("starred, CJK word, more filters")
            << QStringLiteral("is:starred 蒸馏 -tag:theory has:tag")
            << QStringLiteral("0"); // 蒸馏 is on id % 8 = 4, Theory/small on none of them
        QTest::newRow("starred and tagged")
            << QStringLiteral("is:starred tag:theory common")
            << QStringLiteral("p.id % 2 = 0 AND p.id % 7 < 3 AND p.id <= 2450 AND ") + common;
        QTest::newRow("starred, unread")
            << QStringLiteral("is:starred is:unread words") << QStringLiteral("p.id % 2 = 0");
    }

    void textWithUserSetsOfEverySize()
    {
        QFETCH(QString, text);
        QFETCH(QString, oracle);
        const QList<qint64> expected = column(
            m_scale,
            QStringLiteral("SELECT p.id FROM papers p WHERE %1 ORDER BY p.id DESC").arg(oracle));
        if (oracle == QLatin1String("0")) {
            SearchOptions options;
            options.limit = 0;
            QVERIFY(search(m_scale, text, options).isEmpty());
            return;
        }
        checkPlans(text, expected);
    }

    void exclusionsWithoutPositiveText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("oracle");
        QTest::newRow("common word") << QStringLiteral("-common") << QStringLiteral("p.id % 3 = 0");
        QTest::newRow("rare word")
            << QStringLiteral("-蒸馏") << QStringLiteral("NOT (p.id % 8 = 4)");
        QTest::newRow("two words") << QStringLiteral("-common -蒸馏")
                                   << QStringLiteral("p.id % 3 = 0 AND NOT (p.id % 8 = 4)");
        QTest::newRow("starred") << QStringLiteral("is:starred -common")
                                 << QStringLiteral("p.id % 2 = 0 AND p.id % 3 = 0");
        QTest::newRow("small tag") << QStringLiteral("tag:small -other")
                                   << QStringLiteral("p.id % 150 = 1 AND p.id % 3 <> 0");
        QTest::newRow("noted, not starred")
            << QStringLiteral("has:note -is:starred -\"common words\"")
            << QStringLiteral("(p.id % 3 = 1 OR p.id % 25 = 0) AND p.id % 2 = 1 AND p.id % 3 = 0");
        QTest::newRow("phrase") << QStringLiteral("-\"common words\"")
                                << QStringLiteral("p.id % 3 = 0");
    }

    void exclusionsWithoutPositiveText()
    {
        QFETCH(QString, text);
        QFETCH(QString, oracle);
        const QList<qint64> expected = column(
            m_scale,
            QStringLiteral("SELECT p.id FROM papers p WHERE %1 ORDER BY p.id DESC").arg(oracle));
        if (expected.isEmpty()) {
            SearchOptions options;
            options.limit = 0;
            QVERIFY(search(m_scale, text, options).isEmpty());
            options.limit = 10;
            QVERIFY(search(m_scale, text, options).isEmpty());
            return;
        }
        checkPlans(text, expected);
    }
};

QTEST_GUILESS_MAIN(TestSearchPlans)
#include "tst_search_plans.moc"
