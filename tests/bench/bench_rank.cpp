// The ranking at scale (issue #16): building the vectors, the For-you order of a day and of 30
// days after a new star, `paperboy rank` as a whole process on a 100,000-paper library, and
// what rules cost an import.

#include "bench_data.h"
#include "bench_measure.h"

#include "import/arxiv_rss_parser.h"
#include "rank/rank_index.h"
#include "rank/ranker.h"
#include "rank/ranking_connection.h"
#include "store/database.h"
#include "store/store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>

#include <cstdio>
#include <ctime>

namespace paperboy::bench {

namespace {

bool buildIndex(Database &db, QList<Figure> &figures, const QString &what)
{
    RankIndex index(db);
    const qint64 pending = index.pendingPapers();
    const bool fit = index.needsFit();
    if (pending == 0)
        return true;
    std::fprintf(stderr, "  building the ranking's vectors for %lld papers of %s\n",
                 static_cast<long long>(pending), qPrintable(what));
    QElapsedTimer timer;
    timer.start();
    const double cpu = threadCpuMs();
    // The first progress report after fitting comes before the first chunk: the fit's time,
    // which the window's writer spends in one job (with its first chunk) after an upgrade.
    double fitSeconds = -1;
    double fitCpuSeconds = -1;
    const bool updated = index.update([&](const RankIndexProgress &progress) {
        if (!progress.fitting && fitSeconds < 0) {
            fitSeconds = timer.nsecsElapsed() / 1e9;
            fitCpuSeconds = (threadCpuMs() - cpu) / 1000;
        }
    });
    if (!updated) {
        std::fprintf(stderr, "rank: %s\n", qPrintable(index.lastError()));
        return false;
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (fit) {
        Figure fitFigure{QStringLiteral("rank_fit"),
                         QStringLiteral("fitting the vocabulary (%1)").arg(what),
                         fitSeconds * 1000,
                         QStringLiteral("ms"),
                         {},
                         true,
                         {}};
        fitFigure.detail.insert(QStringLiteral("cpu_ms"), fitCpuSeconds * 1000);
        figures.append(fitFigure);
    }
    Figure figure{QStringLiteral("rank_build_rate"),
                  QStringLiteral("vectors built%1 (%2 papers, %3)")
                      .arg(fit ? QStringLiteral(" with the vocabulary") : QString())
                      .arg(pending)
                      .arg(what),
                  pending / seconds,
                  QStringLiteral("papers/s"),
                  {},
                  true,
                  {}};
    figure.detail.insert(QStringLiteral("seconds"), seconds);
    figure.detail.insert(QStringLiteral("cpu_seconds"), (threadCpuMs() - cpu) / 1000);
    figures.append(figure);
    return true;
}

// A paper that is not starred yet, to star between runs.
QStringList unstarredIds(Database &db, int count)
{
    QStringList ids;
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("SELECT p.arxiv_id FROM papers p WHERE p.id % 997 = 3 AND NOT EXISTS"
                          " (SELECT 1 FROM user_papers u WHERE u.arxiv_id = p.arxiv_id)"
                          " LIMIT %1")
               .arg(count));
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

// A realistic reader: `stars` stars instead of the cache's 19,881 (2 % of a million papers,
// far more than anyone stars). The cache's stars are put aside in a table of the cache, the
// others unstarred, and all of them given back afterwards (a run cut short gives them back
// at the start of the next one).
bool savedStarsAside(Database &db)
{
    QSqlQuery q(db.connection());
    return q.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE name = 'bench_saved_stars'")) &&
           q.next();
}

// A script in one transaction, rolled back when a statement fails.
bool inTransaction(Database &db, const QString &statements)
{
    if (db.execScript(QStringLiteral("BEGIN IMMEDIATE;") + statements + QStringLiteral("COMMIT;")))
        return true;
    QSqlQuery(db.connection()).exec(QStringLiteral("ROLLBACK"));
    return false;
}

bool restoreStars(Database &db)
{
    if (!savedStarsAside(db)) // (its query is closed before the table is dropped)
        return true;
    return inTransaction(
        db, QStringLiteral(
                " UPDATE user_papers SET starred = 1, starred_changed = (SELECT s.starred_changed"
                "  FROM bench_saved_stars s WHERE s.arxiv_id = user_papers.arxiv_id)"
                "  WHERE arxiv_id IN (SELECT arxiv_id FROM bench_saved_stars);"
                " DROP TABLE bench_saved_stars;"));
}

bool keepStars(Database &db, int stars)
{
    if (!restoreStars(db))
        return false;
    return inTransaction(
        db, QStringLiteral(" CREATE TABLE bench_saved_stars AS SELECT arxiv_id, starred_changed"
                           "  FROM user_papers WHERE starred = 1;"
                           " UPDATE user_papers SET starred = 0 WHERE starred = 1 AND arxiv_id"
                           "  NOT IN (SELECT arxiv_id FROM bench_saved_stars ORDER BY arxiv_id"
                           "  LIMIT %1);")
                .arg(stars));
}

// For-you orders after each new star: of the day `views` and of the last 30 days.
QList<Figure> afterNewStars(const Settings &settings, Database &reader, Store &writeStore,
                            const QList<PaperView> &views, const QStringList &toStar, int *next,
                            const QString &who, const QString &keySuffix)
{
    Store readStore(reader);
    Ranker ranker(reader);
    ranker.scoreViews(views); // the first model of the session, not measured here
    Timed dayOrder;
    for (int run = 0; run < settings.runs && *next < toStar.size(); ++run) {
        writeStore.setStarred(toStar.at((*next)++), true);
        dayOrder.run([&] {
            QList<PaperScore> scores = ranker.scoreViews(views);
            std::sort(scores.begin(), scores.end(),
                      [](const PaperScore &a, const PaperScore &b) { return a.score > b.score; });
        });
    }
    Timed month;
    qsizetype monthPapers = 0;
    for (int run = 0; run < settings.runs && *next < toStar.size(); ++run) {
        writeStore.setStarred(toStar.at((*next)++), true);
        month.run([&] {
            const QList<PaperScore> ranked = ranker.forYou(30);
            monthPapers = ranked.size();
            QList<qint64> page;
            for (qsizetype i = 0; i < ranked.size() && i < 500; ++i)
                page.append(ranked.at(i).paperId);
            readStore.viewsForPaperIds(page);
        });
    }
    Figure day =
        dayOrder.figure(QStringLiteral("rank_day_after_star") + keySuffix,
                        QStringLiteral("For-you order of a day (%1 papers) after a new star, %2")
                            .arg(views.size())
                            .arg(who),
                        QStringLiteral("< 300 ms"), 300);
    Figure days30 = month.figure(
        QStringLiteral("rank_30_days_after_star") + keySuffix,
        QStringLiteral("For you over 30 days after a new star (first 500 views), %1").arg(who),
        QStringLiteral("< 1 s"), 1000);
    days30.detail.insert(QStringLiteral("papers"), qint64(monthPapers));
    return {day, days30};
}

QList<Figure> rankCommand(const Settings &settings, const QString &db, const QStringList &extra,
                          const QString &key, const QString &label, const QString &target,
                          double limit)
{
    Timed runs;
    for (int run = 0; run <= settings.runs; ++run) {
        QProcess process;
        QElapsedTimer timer;
        timer.start();
        process.start(settings.binary,
                      QStringList{QStringLiteral("--db"), db, QStringLiteral("rank")} + extra);
        if (!process.waitForFinished(600000) || process.exitCode() != 0) {
            std::fprintf(stderr, "rank command failed: %s\n",
                         process.readAllStandardError().constData());
            return {};
        }
        const double ms = timer.nsecsElapsed() / 1e6;
        if (run > 0) { // the first run reads the file into the page cache
            runs.wall.push_back(ms);
            runs.cpu.push_back(0);
        }
    }
    Figure figure = runs.figure(key, label, target, limit);
    figure.detail.remove(QStringLiteral("cpu_median_ms"));
    return {figure};
}

} // namespace

QList<Figure> measureRank(const Settings &settings)
{
    QList<Figure> figures;
    {
        Database writer;
        if (!writer.open(settings.db)) {
            std::fprintf(stderr, "rank: %s\n", qPrintable(writer.error()));
            return {};
        }
        if (!buildIndex(writer, figures, QStringLiteral("the cache")))
            return figures;
        // A day of new papers (the newest 1,000 made stale) built afterwards, as the window
        // does on its writer thread after a fetch.
        Timed day;
        for (int run = 0; run < settings.runs; ++run) {
            QSqlQuery q(writer.connection());
            q.exec(QStringLiteral("INSERT OR IGNORE INTO rank_stale (paper_id) SELECT id FROM"
                                  " papers ORDER BY id DESC LIMIT 1000"));
            day.run([&] { RankIndex(writer).update(); });
        }
        figures.append(day.figure(QStringLiteral("rank_new_day"),
                                  QStringLiteral("vectors of a new day of 1,000 papers")));
    }

    // Reading, as the window does on its reader thread; stars written by another connection.
    Database reader;
    Database writer;
    if (!reader.open(settings.db, Database::Mode::ReadOnly) || !writer.open(settings.db))
        return figures;
    rank::useRankingPageCache(reader); // as the window's rank thread
    Store readStore(reader);
    Store writeStore(writer);
    Ranker ranker(reader);
    restoreStars(writer); // left aside by a run cut short
    const RankStatus status = ranker.status();
    std::fprintf(stderr, "  %d starred, %d dismissed\n", status.positives, status.dismissed);
    const QDate day = settings.dates.isEmpty() ? QDate() : settings.dates.last();
    const QList<PaperView> views = readStore.dayPapers(day);
    const qint64 before = statusKb("VmRSS");
    Timed first;
    first.run([&] { ranker.scoreViews(views); });
    const qint64 after = statusKb("VmRSS");
    figures.append(first.figure(QStringLiteral("rank_first_model"),
                                QStringLiteral("first For-you order of a day (model trained,"
                                               " %1 starred)")
                                    .arg(status.positives)));
    Figure memory{QStringLiteral("rank_rss"),
                  QStringLiteral("RSS held by the ranker (vectors of its training set)"),
                  (after - before) / 1024.0,
                  QStringLiteral("MB"),
                  {},
                  true,
                  {}};
    figures.append(memory);

    // After a new star: with the cache's 19,881 stars (the newest 2,000 teach the model),
    // then as a realistic reader with 300 and with 30 (where feedback trains twice).
    const QStringList toStar = unstarredIds(writer, settings.runs * 6);
    int next = 0;
    figures += afterNewStars(settings, reader, writeStore, views, toStar, &next,
                             QStringLiteral("%1 starred").arg(status.positives), {});
    for (const int stars : {300, 30}) {
        if (!keepStars(writer, stars)) {
            std::fprintf(stderr, "rank: cannot set the cache's stars aside: %s\n",
                         qPrintable(writer.error()));
            break;
        }
        figures += afterNewStars(settings, reader, writeStore, views, toStar, &next,
                                 QStringLiteral("%1 starred").arg(stars),
                                 QStringLiteral("_%1").arg(stars));
    }
    if (!restoreStars(writer))
        std::fprintf(stderr, "rank: the cache's stars were not given back: %s\n",
                     qPrintable(writer.error()));
    // Leave the cache's user data as it was.
    for (int i = 0; i < next; ++i) {
        QSqlQuery undo(writer.connection());
        undo.prepare(QStringLiteral("DELETE FROM user_papers WHERE arxiv_id = ?"));
        undo.addBindValue(toStar.at(i));
        undo.exec();
    }

    // The whole process, on a library of 100,000 papers (generated once beside the cache).
    CacheShape shape;
    shape.papers = 100000;
    shape.days = 100;
    CacheInfo info;
    QString error;
    const QString small =
        QDir(settings.workDir).filePath(QStringLiteral("cache-100000-100.sqlite"));
    if (!ensureCache(small, shape, &info, &error)) {
        std::fprintf(stderr, "rank: %s\n", qPrintable(error));
        return figures;
    }
    {
        Database smallDb;
        if (!smallDb.open(small) ||
            !buildIndex(smallDb, figures, QStringLiteral("a 100,000-paper library")))
            return figures;
    }
    figures +=
        rankCommand(settings, small, {QStringLiteral("--json")}, QStringLiteral("rank_cli_100k"),
                    QStringLiteral("`paperboy rank --json` over 100,000 papers, whole process"),
                    QStringLiteral("< 1 s"), 1000);
    figures += rankCommand(
        settings, settings.db, {QStringLiteral("--date"), day.toString(Qt::ISODate)},
        QStringLiteral("rank_cli_day"),
        QStringLiteral("`paperboy rank --date` (a day) on the cache, whole process"), {}, 0);
    figures += rankCommand(settings, settings.db, {}, QStringLiteral("rank_cli_all"),
                           QStringLiteral("`paperboy rank` over every paper of the cache, whole "
                                          "process"),
                           {}, 0);
    return figures;
}

} // namespace paperboy::bench
