// The ranking against a real library: vectors built after imports and kept in step with
// text changes, models retrained when the reader's choices change, explanations that add up,
// For you, more like this, per-tag ranking and the few-positives signal.

#include "import/importer.h"
#include "rank/rank_index.h"
#include "rank/ranker.h"
#include "rank/ranking_connection.h"
#include "test_db.h"

#include <QSqlQuery>
#include <QTest>

#include <cmath>

using namespace paperboy;
using namespace paperboy::test;

namespace {

const QDate kRssDay(2024, 11, 28);

qint64 scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestRank : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Store> m_store;

    bool import(const QString &relative)
    {
        return Importer(*m_store).importFile(fixture(relative)).ok;
    }

    QStringList dayIds(const QDate &date)
    {
        QStringList ids;
        for (const PaperView &view : m_store->dayPapers(date))
            ids.append(view.paper.arxivId);
        return ids;
    }

    qint64 paperId(const QString &arxivId) { return *RankStore(*m_db).paperId(arxivId); }

    // A few papers on diffusion in the RSS day, starred.
    QStringList starDiffusion()
    {
        const QStringList ids = {QStringLiteral("2411.17769"), QStringLiteral("2411.17807"),
                                 QStringLiteral("2411.17957")};
        for (const QString &id : ids)
            m_store->setStarred(id, true);
        return ids;
    }

private slots:
    void init()
    {
        m_store.reset();
        m_db = std::make_unique<Database>();
        QVERIFY(m_db->open(m_dir.filePath(
            QStringLiteral("%1.sqlite").arg(QLatin1String(QTest::currentTestFunction())))));
        m_store = std::make_unique<Store>(*m_db);
        QVERIFY(import(QStringLiteral("digest-json/daily-arXiv-ai-enhanced_2026-06-12.jsonl")));
        QVERIFY(import(QStringLiteral("arxiv-rss/rss_2024-11-28_first120items.xml")));
    }

    void vectorsFollowTheLibrary()
    {
        RankIndex index(*m_db);
        QCOMPARE(index.pendingPapers(), qint64(370)); // nothing built yet: all of them
        QVERIFY(index.needsFit());
        QVERIFY2(index.update(), qPrintable(index.lastError()));
        QCOMPARE(index.pendingPapers(), qint64(0));
        QVERIFY(!index.needsFit());
        QCOMPARE(scalar(m_db->connection(), QStringLiteral("SELECT count(*) FROM rank_features")),
                 qint64(370));
        const qint64 terms =
            scalar(m_db->connection(), QStringLiteral("SELECT count(*) FROM rank_terms"));
        QVERIFY(terms > 1000);

        // New papers are pending until the next update; the vocabulary stays (the library
        // has not doubled).
        QVERIFY(import(QStringLiteral("digest-text/meiri-xueshu-sudi_2024-03-14_cs.CV.txt")));
        QCOMPARE(index.pendingPapers(), qint64(3));
        QVERIFY(!index.needsFit());
        QVERIFY(index.update());
        QCOMPARE(index.pendingPapers(), qint64(0));
        QCOMPARE(scalar(m_db->connection(), QStringLiteral("SELECT count(*) FROM rank_terms")),
                 terms);

        // A paper whose text changes is stale until rebuilt, and reads as missing meanwhile.
        const qint64 id = paperId(QStringLiteral("2411.17769"));
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE papers SET abstract = 'A new abstract about"
                                      " diffusion.' WHERE id = %1")
                           .arg(id)));
        QCOMPARE(index.pendingPapers(), qint64(1));
        QVERIFY(RankStore(*m_db).staleIds().contains(id));
        // Its listing imported again changes it back while it is stale: the import's upsert
        // must not trip over the stale row (an upsert's ABORT overrides a trigger's own OR
        // IGNORE; the crash harness found it).
        QVERIFY(import(QStringLiteral("arxiv-rss/rss_2024-11-28_first120items.xml")));
        QCOMPARE(index.pendingPapers(), qint64(1));
        QVERIFY(index.update());
        QCOMPARE(index.pendingPapers(), qint64(0));

        // A translation arriving later (a Chinese digest) makes the paper stale too.
        QVERIFY(import(QStringLiteral("digest-json/daily-arXiv-ai-enhanced_2026-06-13.jsonl")));
        QVERIFY(index.pendingPapers() > 0); // the 06-12 digest's papers, listed again
        QVERIFY(index.update());

        // Doubling the library refits the vocabulary and rebuilds every vector.
        index.setSampleSize(1000);
        QSqlQuery grow(m_db->connection());
        QVERIFY(grow.exec(QStringLiteral("UPDATE rank_state SET value = 100 WHERE key ="
                                         " 'fitted_at'")));
        QVERIFY(index.needsFit());
        QVERIFY(index.update());
        QCOMPARE(scalar(m_db->connection(),
                        QStringLiteral("SELECT value FROM rank_state WHERE key = 'fitted_at'")),
                 scalar(m_db->connection(), QStringLiteral("SELECT max(id) FROM papers")));
        QCOMPARE(index.pendingPapers(), qint64(0));
        // Derived data only: no user table was written.
        QCOMPARE(userData(m_db->connection()), QStringList());
    }

    // The user's own Chinese (issue #17) feeds the CJK pairs of a paper no digest translated;
    // a machine translation or another language does not (store/rank_store.cpp).
    void usersOwnChineseFeedsTheVectors()
    {
        RankIndex index(*m_db);
        QVERIFY(index.update());
        const QString arxivId = QStringLiteral("2411.17769");
        const qint64 id = paperId(arxivId);
        auto chinese = [&] { return RankStore(*m_db).textsOf({id}).value(0).translation; };
        QCOMPARE(chinese(), QString());

        QVERIFY(m_store->setUserTranslation(arxivId, QStringLiteral("zh"),
                                            QStringLiteral("扩散模型的蒸馏"),
                                            QStringLiteral("我们提出一种方法。")));
        QVERIFY(RankStore(*m_db).staleIds().contains(id));
        QCOMPARE(chinese(), QStringLiteral("扩散模型的蒸馏\n我们提出一种方法。"));
        QVERIFY(index.update());
        QCOMPARE(index.pendingPapers(), qint64(0));

        // Edited: stale again.
        QVERIFY(m_store->setUserTranslation(arxivId, QStringLiteral("zh"),
                                            QStringLiteral("扩散模型"), QString()));
        QVERIFY(RankStore(*m_db).staleIds().contains(id));
        QCOMPARE(chinese(), QStringLiteral("扩散模型"));
        QVERIFY(index.update());

        // Another language, or a translation service's Chinese, leaves the vector alone.
        QVERIFY(m_store->setUserTranslation(arxivId, QStringLiteral("ja"),
                                            QStringLiteral("拡散モデル"), QString()));
        MachineTranslation machine;
        machine.language = QStringLiteral("zh");
        machine.title = QStringLiteral("机器翻译的标题");
        machine.provider = QStringLiteral("deepl");
        machine.created = QDateTime::currentDateTimeUtc();
        machine.sourceHash = QStringLiteral("0123");
        QVERIFY(m_store->saveMachineTranslations(
            {{QStringLiteral("2411.17807"), machine}, {arxivId, machine}}));
        QCOMPARE(index.pendingPapers(), qint64(0));
        QCOMPARE(
            RankStore(*m_db).textsOf({paperId(QStringLiteral("2411.17807"))}).value(0).translation,
            QString());
        QCOMPARE(chinese(), QStringLiteral("扩散模型"));

        // Removed: stale, and English only again.
        QVERIFY(m_store->setUserTranslation(arxivId, QStringLiteral("zh"), QString(), QString()));
        QVERIFY(RankStore(*m_db).staleIds().contains(id));
        QCOMPARE(chinese(), QString());
    }

    void explanationsAddUpToTheScore()
    {
        QVERIFY(RankIndex(*m_db).update());
        starDiffusion();
        Ranker ranker(*m_db);
        const QStringList day = dayIds(kRssDay);
        QList<qint64> ids;
        for (const QString &id : day)
            ids.append(paperId(id));
        const QList<PaperScore> all = ranker.score(ids, {}, -1);
        QVERIFY2(!all.isEmpty(), qPrintable(ranker.lastError()));
        QCOMPARE(all.size(), ids.size());
        int explained = 0;
        for (const PaperScore &score : all) {
            QVERIFY(score.known);
            double sum = ranker.bias();
            for (const TermWeight &term : score.why)
                sum += term.weight;
            QVERIFY2(std::abs(sum - score.score) < 1e-9,
                     qPrintable(QStringLiteral("%1: %2 + bias != %3")
                                    .arg(score.paperId)
                                    .arg(sum)
                                    .arg(score.score)));
            explained += score.why.isEmpty() ? 0 : 1;
        }
        QVERIFY(explained > ids.size() / 2);
        // The short form: the largest raising terms only, largest first.
        const QList<PaperScore> top = ranker.score(ids, {}, 3);
        for (qsizetype i = 0; i < top.size(); ++i) {
            QCOMPARE(top[i].score, all[i].score);
            QVERIFY(top[i].why.size() <= 3);
            for (qsizetype t = 0; t < top[i].why.size(); ++t) {
                QVERIFY(top[i].why[t].weight > 0);
                if (t > 0)
                    QVERIFY(top[i].why[t].weight <= top[i].why[t - 1].weight);
            }
        }
    }

    void starredTopicComesFirstAndRetrains()
    {
        QVERIFY(RankIndex(*m_db).update());
        Ranker ranker(*m_db);
        QVERIFY(ranker.rank({}).isEmpty());
        QVERIFY(ranker.lastError().contains(QLatin1String("starred")));
        QVERIFY(ranker.status().fewPositives());
        const QStringList starred = starDiffusion();
        QCOMPARE(ranker.status().positives, 3);
        QVERIFY(!ranker.status().fewPositives());
        const QList<PaperScore> ranked = ranker.rank({}, {}, 10);
        QCOMPARE(ranked.size(), 10);
        // Best first, never a starred paper, and diffusion explains most of the top.
        int diffusion = 0;
        for (qsizetype i = 0; i < ranked.size(); ++i) {
            if (i > 0)
                QVERIFY(ranked[i].score <= ranked[i - 1].score);
            for (const QString &id : starred)
                QVERIFY(ranked[i].paperId != paperId(id));
            for (const TermWeight &term : ranked[i].why)
                if (term.term.contains(QLatin1String("diffusion"))) {
                    ++diffusion;
                    break;
                }
        }
        QVERIFY2(diffusion >= 5, qPrintable(QString::number(diffusion)));

        // A dismissal retrains the model and drops the paper from every ranking.
        const qint64 top = ranked.first().paperId;
        const QString topId = RankStore(*m_db).arxivIds({top}).value(top);
        QVERIFY(m_store->setDismissed({topId}, true));
        QCOMPARE(ranker.status().dismissed, 1);
        const QList<PaperScore> after = ranker.rank({}, {}, 10);
        for (const PaperScore &score : after)
            QVERIFY(score.paperId != top);
        // With a date: that day's papers only.
        const QList<PaperScore> day = ranker.rank({}, kRssDay, 0);
        QCOMPARE(day.size(), 120 - 3 - (dayIds(kRssDay).contains(topId) ? 1 : 0));
    }

    // A model learns from the newest stars only (Ranker::kDefaultMaxPositives; 2 here), but
    // no starred paper is ever ranked or taken for an unlabelled one.
    void newestStarsTeachTheModel()
    {
        QVERIFY(RankIndex(*m_db).update());
        const QStringList starred = starDiffusion();
        QSqlQuery q(m_db->connection());
        // The first one was starred long ago.
        QVERIFY(q.exec(QStringLiteral("UPDATE user_papers SET starred_changed ="
                                      " '2020-01-01T00:00:00.000Z' WHERE arxiv_id = '%1'")
                           .arg(starred.first())));
        Ranker capped(*m_db);
        capped.setMaxPositives(2);
        QCOMPARE(capped.status().positives, 3); // the reader's stars, all of them
        const QList<PaperScore> all = capped.rank({});
        QCOMPARE(all.size(), 370 - 3);
        for (const PaperScore &score : all)
            for (const QString &id : starred)
                QVERIFY(score.paperId != paperId(id));
        // Not the model of all three stars.
        Ranker uncapped(*m_db);
        QVERIFY(uncapped.rank({}, {}, 1).first().score != all.first().score);
        // Starred again, now the newest: the model learns from it instead.
        const double before = all.first().score;
        QVERIFY(q.exec(QStringLiteral("UPDATE user_papers SET starred_changed ="
                                      " '2099-01-01T00:00:00.000Z' WHERE arxiv_id = '%1'")
                           .arg(starred.first())));
        const QList<PaperScore> again = capped.rank({});
        QCOMPARE(again.size(), 370 - 3);
        QVERIFY(again.first().score != before || again.first().paperId != all.first().paperId);
    }

    // The window fits the vocabulary on its ranking thread (reading only) and stores it on
    // its writer (ui/library/rank_service.cpp): the same fit in two steps.
    void vocabularyFitsInTwoSteps()
    {
        RankIndex index(*m_db);
        QVERIFY(!index.update({}, nullptr, false)); // a fit is due, which this caller does not do
        QVERIFY(index.needsFit());
        Database reader;
        QVERIFY(reader.open(m_db->path(), Database::Mode::ReadOnly));
        const std::optional<StoredVocabulary> fitted = RankIndex(reader).fitVocabulary();
        QVERIFY(fitted);
        QVERIFY(fitted->terms.size() > 1000);
        QVERIFY(index.needsFit()); // nothing written yet
        QVERIFY(!RankIndex(reader).storeVocabulary(*fitted));
        QVERIFY2(index.storeVocabulary(*fitted), qPrintable(index.lastError()));
        QVERIFY(!index.needsFit());
        QVERIFY2(index.update({}, nullptr, false), qPrintable(index.lastError()));
        QCOMPARE(index.pendingPapers(), qint64(0));
        // What a one-step update() fits on the same library.
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE rank_state SET value = 1 WHERE key = 'version'")));
        QVERIFY(index.needsFit());
        QVERIFY(index.update());
        const std::optional<StoredVocabulary> oneStep = RankStore(*m_db).vocabulary();
        QVERIFY(oneStep);
        QCOMPARE(oneStep->terms, fitted->terms);
        QCOMPARE(oneStep->idf, fitted->idf);
    }

    void rankByTagAndSimilar()
    {
        QVERIFY(RankIndex(*m_db).update());
        Ranker ranker(*m_db);
        RankSpec byTag;
        byTag.tag = QStringLiteral("Diffusion");
        QVERIFY(ranker.rank(byTag).isEmpty());
        QVERIFY(ranker.lastError().contains(QLatin1String("tagged")));
        for (const QString &id : {QStringLiteral("2411.17769"), QStringLiteral("2411.17807")})
            QVERIFY(m_store->addTags(id, {QStringLiteral("diffusion")}));
        QCOMPARE(ranker.status(byTag).positives, 2); // tags match without regard to case
        QVERIFY(ranker.status(byTag).fewPositives());
        const QList<PaperScore> tagged = ranker.rank(byTag, {}, 5);
        QCOMPARE(tagged.size(), 5);

        const QList<PaperScore> similar = ranker.similar(QStringLiteral("2411.17769"), 5);
        QCOMPARE(similar.size(), 5);
        for (const PaperScore &score : similar)
            QVERIFY(score.paperId != paperId(QStringLiteral("2411.17769")));
        QVERIFY(ranker.similar(QStringLiteral("9999.99999"), 5).isEmpty());
        QVERIFY(!ranker.lastError().isEmpty());
    }

    void forYouIsRecentUnreadAndUndismissed()
    {
        QVERIFY(RankIndex(*m_db).update());
        starDiffusion();
        Ranker ranker(*m_db);
        // The newest digest is 2026-06-12: the RSS day (2024) is long before the last 7 days.
        QList<PaperScore> forYou = ranker.forYou(7);
        QCOMPARE(forYou.size(), 250);
        QCOMPARE(ranker.forYouCount(7), 250); // the sidebar's count, without ranking
        const QStringList june = dayIds(QDate(2026, 6, 12));
        QVERIFY(m_store->setRead(june.at(0), true));
        QVERIFY(m_store->setDismissed({june.at(1)}, true));
        QVERIFY(m_store->setStarred(june.at(2), true));
        forYou = ranker.forYou(7, 20);
        QCOMPARE(forYou.size(), 20);
        const QSet<qint64> gone = {paperId(june.at(0)), paperId(june.at(1)), paperId(june.at(2))};
        for (qsizetype i = 0; i < forYou.size(); ++i) {
            QVERIFY(!gone.contains(forYou[i].paperId));
            if (i > 0)
                QVERIFY(forYou[i].score <= forYou[i - 1].score);
        }
        QCOMPARE(ranker.forYou(7).size(), 247);
        QCOMPARE(ranker.forYouCount(7), 247);
        // Far enough back, the RSS day is in.
        QCOMPARE(ranker.forYou(600).size(), 247 + 120 - 3);
        QCOMPARE(ranker.forYouCount(600), 247 + 120 - 3);
        // Nothing starred: nothing to rank by, an empty view.
        for (const PaperView &view : m_store->starredPapers())
            QVERIFY(m_store->setStarred(view.paper.arxivId, false));
        QVERIFY(ranker.forYou(7).isEmpty());
        QCOMPARE(ranker.forYouCount(7), 0);
    }

    // The ranking's connection keeps a small page cache (its reads are bulk scans), and
    // ranks through it as well as through any other.
    void rankingConnectionKeepsASmallCache()
    {
        Database reader;
        QVERIFY(reader.open(m_db->path(), Database::Mode::ReadOnly));
        auto cacheSize = [&reader] {
            QSqlQuery query(reader.connection());
            return query.exec(QStringLiteral("PRAGMA cache_size")) && query.next()
                       ? query.value(0).toInt()
                       : 0;
        };
        QCOMPARE(cacheSize(), -32000); // every connection's
        QVERIFY(rank::useRankingPageCache(reader));
        QCOMPARE(cacheSize(), -rank::kRankingPageCacheKb);
        QVERIFY(RankIndex(*m_db).update());
        starDiffusion();
        Ranker ranker(reader);
        QCOMPARE(ranker.forYou(7).size(), 250);
    }

    void viewsAreScoredEvenBeforeTheirVectors()
    {
        QVERIFY(RankIndex(*m_db).update());
        starDiffusion();
        // Imported after the vectors were built: scored from the views' own text.
        QVERIFY(import(QStringLiteral("digest-text/meiri-xueshu-sudi_2024-03-14_cs.CV.txt")));
        Ranker ranker(*m_db);
        const QList<PaperView> views = m_store->dayPapers(QDate(2024, 3, 14));
        QCOMPARE(views.size(), 3);
        const QList<PaperScore> scores = ranker.scoreViews(views);
        QCOMPARE(scores.size(), 3);
        // BOOT is about diffusion; it ranks above the other two.
        qsizetype boot = -1;
        for (qsizetype i = 0; i < views.size(); ++i)
            if (views[i].paper.arxivId == QLatin1String("2306.05544"))
                boot = i;
        QVERIFY(boot >= 0);
        for (qsizetype i = 0; i < views.size(); ++i)
            if (i != boot)
                QVERIFY(scores[boot].score > scores[i].score);
        // The views' text gives what the library's text gives, before the vectors are built
        // and after (stored vectors round their weights to 16 bits).
        QList<qint64> ids;
        for (const PaperView &view : views)
            ids.append(paperId(view.paper.arxivId));
        const QList<PaperScore> fromLibrary = ranker.score(ids);
        for (qsizetype i = 0; i < views.size(); ++i)
            QVERIFY(std::abs(fromLibrary[i].score - scores[i].score) < 1e-9);
        QVERIFY(RankIndex(*m_db).update());
        const QList<PaperScore> stored = ranker.scoreViews(views);
        const QList<PaperScore> storedById = ranker.score(ids);
        for (qsizetype i = 0; i < views.size(); ++i)
            QVERIFY(std::abs(stored[i].score - storedById[i].score) < 1e-9);
    }
};

QTEST_GUILESS_MAIN(TestRank)
#include "tst_rank.moc"
