// Store-level measurements on the generated cache: switching days, searching, user-data
// writes, and the store's share of resident memory.

#include "bench_measure.h"

#include "search/search_query.h"
#include "search/searcher.h"
#include "store/database.h"
#include "store/store.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QSqlQuery>

#include <cmath>
#include <cstdio>
#include <ctime>

namespace paperboy::bench {

double median(std::vector<double> values)
{
    return percentile(std::move(values), 50);
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = std::size_t(std::ceil(p / 100.0 * double(values.size())));
    return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}

QJsonObject summary(const std::vector<double> &values)
{
    QJsonArray all;
    for (const double value : values)
        all.append(value);
    return {{QStringLiteral("median"), median(values)},
            {QStringLiteral("p95"), percentile(values, 95)},
            {QStringLiteral("max"),
             values.empty() ? 0.0 : *std::max_element(values.begin(), values.end())},
            {QStringLiteral("samples"), all}};
}

namespace {

// Days spread over the whole range, newest first: the days a reader jumps between.
QList<QDate> sampleDays(const QList<QDate> &dates, int count)
{
    QList<QDate> days;
    for (int i = 0; i < count && !dates.isEmpty(); ++i)
        days.append(dates.at(
            qsizetype(dates.size() - 1 - qint64(i) * (dates.size() - 1) / std::max(1, count - 1))));
    return days;
}

// A fixed mix of what people type: common and rare words, phrases, prefixes, Chinese, and
// operators (field filters, user-data filters, exclusions, dates), newest first; then a few
// ranked by relevance, the sort whose cost grows with the number of matches.
struct BenchQuery
{
    const char *text;
    SearchSort sort = SearchSort::Newest;
};

const BenchQuery kQueries[] = {
    {"the"},
    {"learning"},
    {"model training"},
    {"diffusion"},
    {"distillation"},
    {"theorem proof"},
    {"zeolite"},
    {"retrosynthesis"},
    {"\"neural network\""},
    {"\"the model\""},
    {"distill*"},
    {"扩散模型"},
    {"蒸馏"},
    {"数据"},
    {"检"},
    {"author:wang diffusion"},
    {"cat:cs.CV learning"},
    {"is:starred learning"},
    {"has:note the"},
    {"tag:theory"},
    {"diffusion -model"},
    {"protein after:2025-06-01"},
    {"is:unread hallucination"},
    {"spintronics OR"},
    {"is:starred the"},
    {"has:note learning"},
    {"diffusion -learning"},
    {"learning -the"},
    {"-learning"},
    {"检 is:starred"},
    {"distillation", SearchSort::Relevance},
    {"retrosynthesis", SearchSort::Relevance},
    {"learning", SearchSort::Relevance},
    {"the", SearchSort::Relevance},
    {"扩散模型", SearchSort::Relevance},
    {"diffusion -learning", SearchSort::Relevance},
};

} // namespace

QList<Figure> measureDaySwitch(const Settings &settings)
{
    Database db;
    if (!db.open(settings.db, Database::Mode::ReadOnly)) {
        std::fprintf(stderr, "day switch: %s\n", qPrintable(db.error()));
        return {};
    }
    Store store(db);
    const QList<QDate> days = sampleDays(settings.dates, 20);
    std::vector<double> first;
    std::vector<double> again;
    std::vector<double> cpu;
    qsizetype papers = 0;
    for (int run = 0; run < settings.runs; ++run)
        for (const QDate &day : days) {
            QElapsedTimer timer;
            const double cpuStart = threadCpuMs();
            timer.start();
            const QList<PaperView> views = store.dayPapers(day);
            (run == 0 ? first : again).push_back(elapsedMs(timer));
            cpu.push_back(threadCpuMs() - cpuStart);
            papers = std::max(papers, views.size());
        }
    std::vector<double> all = first;
    all.insert(all.end(), again.begin(), again.end());
    Figure figure{QStringLiteral("day_switch"),
                  QStringLiteral("switch to a day (Store::dayPapers), median"),
                  median(all),
                  QStringLiteral("ms"),
                  QStringLiteral("< 16 ms"),
                  false,
                  summary(all)};
    figure.met = figure.value < 16;
    figure.detail.insert(QStringLiteral("first_visit"), summary(first));
    figure.detail.insert(QStringLiteral("cpu_median_ms"), median(cpu));
    figure.detail.insert(QStringLiteral("cpu_p95_ms"), percentile(cpu, 95));
    figure.detail.insert(QStringLiteral("papers_per_day"), qint64(papers));
    Figure worst{QStringLiteral("day_switch_p95"),
                 QStringLiteral("switch to a day, p95"),
                 percentile(all, 95),
                 QStringLiteral("ms"),
                 {},
                 true,
                 {}};

    // The sidebar's query at start.
    std::vector<double> daysMs;
    for (int run = 0; run < settings.runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const QList<DaySummary> summaries = store.days();
        daysMs.push_back(elapsedMs(timer));
        if (summaries.isEmpty())
            std::fprintf(stderr, "days(): empty: %s\n", qPrintable(store.lastError()));
    }
    Figure sidebar{QStringLiteral("days_summary"),
                   QStringLiteral("sidebar day list (Store::days)"),
                   median(daysMs),
                   QStringLiteral("ms"),
                   {},
                   true,
                   summary(daysMs)};
    return {figure, worst, sidebar};
}

QList<Figure> measureSearch(const Settings &settings)
{
    Database db;
    if (!db.open(settings.db, Database::Mode::ReadOnly))
        return {};
    Store store(db);
    const Searcher searcher(db.connection());
    // The target is for the default sort; relevance on request is reported beside it.
    std::vector<double> all;
    std::vector<double> cpu;
    std::vector<double> ranked;
    std::vector<double> rankedCpu;
    QJsonObject perQuery;
    for (const BenchQuery &benchQuery : kQueries) {
        const bool relevance = benchQuery.sort == SearchSort::Relevance;
        const char *text = benchQuery.text;
        const QString query =
            QString::fromUtf8(text) +
            (benchQuery.sort == SearchSort::Relevance ? QStringLiteral(" [relevance]") : QString());
        const SearchQuery parsed = parseSearchQuery(QString::fromUtf8(text));
        SearchOptions options;
        options.sort = benchQuery.sort;
        std::vector<double> times;
        std::vector<double> queryCpu;
        qsizetype found = 0;
        for (int run = 0; run < settings.runs; ++run) {
            QElapsedTimer timer;
            const double cpuStart = threadCpuMs();
            timer.start();
            SearchResult result;
            const QList<PaperView> views = searcher.searchViews(store, parsed, options, &result);
            times.push_back(elapsedMs(timer));
            queryCpu.push_back(threadCpuMs() - cpuStart);
            (relevance ? rankedCpu : cpu).push_back(queryCpu.back());
            found = views.size();
            if (!result.ok)
                std::fprintf(stderr, "search %s: %s\n", text, qPrintable(result.error));
        }
        std::vector<double> &pool = relevance ? ranked : all;
        pool.insert(pool.end(), times.begin(), times.end());
        perQuery.insert(query, QJsonObject{{QStringLiteral("median_ms"), median(times)},
                                           {QStringLiteral("cpu_median_ms"), median(queryCpu)},
                                           {QStringLiteral("max_ms"),
                                            *std::max_element(times.begin(), times.end())},
                                           {QStringLiteral("results"), qint64(found)}});
    }
    QJsonObject detail = summary(all);
    detail.insert(QStringLiteral("queries"), perQuery);
    detail.insert(QStringLiteral("cpu_p50_ms"), median(cpu));
    detail.insert(QStringLiteral("cpu_p95_ms"), percentile(cpu, 95));
    detail.remove(QStringLiteral("samples"));
    Figure p50{QStringLiteral("search_p50"),
               QStringLiteral("search, first page of 200, newest first (p50)"),
               median(all),
               QStringLiteral("ms"),
               QStringLiteral("< 20 ms"),
               median(all) < 20,
               detail};
    Figure p95{QStringLiteral("search_p95"),
               QStringLiteral("search, first page of 200, newest first (p95)"),
               percentile(all, 95),
               QStringLiteral("ms"),
               QStringLiteral("< 100 ms"),
               percentile(all, 95) < 100,
               {}};
    QJsonObject rankedDetail = summary(ranked);
    rankedDetail.remove(QStringLiteral("samples"));
    rankedDetail.insert(QStringLiteral("cpu_median_ms"), median(rankedCpu));
    std::vector<double> both = all;
    both.insert(both.end(), ranked.begin(), ranked.end());
    rankedDetail.insert(QStringLiteral("p50_all_sorts"), median(both));
    rankedDetail.insert(QStringLiteral("p95_all_sorts"), percentile(both, 95));
    Figure byRelevance{QStringLiteral("search_relevance_p50"),
                       QStringLiteral("search by relevance, first page of 200 (p50)"),
                       median(ranked),
                       QStringLiteral("ms"),
                       {},
                       true,
                       rankedDetail};
    // The window also asks for the number of matches (SearchOptions::withTotal), which reads
    // every match: reported beside the first page, not part of its target.
    std::vector<double> totals;
    QJsonObject totalPerQuery;
    for (const BenchQuery &benchQuery : kQueries) {
        if (benchQuery.sort != SearchSort::Newest)
            continue;
        const SearchQuery parsed = parseSearchQuery(QString::fromUtf8(benchQuery.text));
        SearchOptions options;
        options.withTotal = true;
        std::vector<double> times;
        int total = 0;
        for (int run = 0; run < std::min(settings.runs, 3); ++run) {
            QElapsedTimer timer;
            timer.start();
            total = searcher.search(parsed, options).total;
            times.push_back(elapsedMs(timer));
        }
        totals.insert(totals.end(), times.begin(), times.end());
        totalPerQuery.insert(QString::fromUtf8(benchQuery.text),
                             QJsonObject{{QStringLiteral("median_ms"), median(times)},
                                         {QStringLiteral("total"), total}});
    }
    QJsonObject totalDetail = summary(totals);
    totalDetail.remove(QStringLiteral("samples"));
    totalDetail.insert(QStringLiteral("queries"), totalPerQuery);
    Figure withTotal{QStringLiteral("search_total_p50"),
                     QStringLiteral("search with the number of matches, newest first (p50)"),
                     median(totals),
                     QStringLiteral("ms"),
                     {},
                     true,
                     totalDetail};
    return {p50, p95, byRelevance, withTotal};
}

QList<Figure> measureWrites(const Settings &settings)
{
    Database db;
    if (!db.open(settings.db)) {
        std::fprintf(stderr, "writes: %s\n", qPrintable(db.error()));
        return {};
    }
    Store store(db);
    QStringList ids;
    QSqlQuery q(db.connection());
    // Spread over the cache; a fixed stride keeps the set the same from run to run.
    const int stride = std::max(1, settings.papers / 200);
    q.exec(QStringLiteral("SELECT arxiv_id FROM papers WHERE id % %1 = 7 LIMIT 200").arg(stride));
    while (q.next())
        ids.append(q.value(0).toString());
    std::vector<double> star;
    std::vector<double> note;
    for (const QString &id : ids) {
        const UserState before = store.userState(id);
        QElapsedTimer timer;
        timer.start();
        store.setStarred(id, !before.starred);
        star.push_back(elapsedMs(timer));
        timer.restart();
        store.setStarred(id, before.starred);
        star.push_back(elapsedMs(timer));
        timer.restart();
        store.setNote(id, QStringLiteral("Check table 2 against the 蒸馏 baseline (bench)"));
        note.push_back(elapsedMs(timer));
        timer.restart();
        store.setNote(id, before.note);
        note.push_back(elapsedMs(timer));
    }
    Figure starFigure{QStringLiteral("star_write"),
                      QStringLiteral("star write (setStarred), median"),
                      median(star),
                      QStringLiteral("ms"),
                      QStringLiteral("< 5 ms"),
                      false,
                      summary(star)};
    starFigure.met = starFigure.value < 5; // typical write; the p95 is reported beside it
    starFigure.detail.remove(QStringLiteral("samples"));
    Figure noteFigure{QStringLiteral("note_write"),
                      QStringLiteral("note write (setNote), median"),
                      median(note),
                      QStringLiteral("ms"),
                      QStringLiteral("< 5 ms"),
                      false,
                      summary(note)};
    noteFigure.met = noteFigure.value < 5;
    noteFigure.detail.remove(QStringLiteral("samples"));
    Figure starP95{QStringLiteral("star_write_p95"),
                   QStringLiteral("star write, p95"),
                   percentile(star, 95),
                   QStringLiteral("ms"),
                   {},
                   true,
                   {}};
    Figure noteP95{QStringLiteral("note_write_p95"),
                   QStringLiteral("note write, p95"),
                   percentile(note, 95),
                   QStringLiteral("ms"),
                   {},
                   true,
                   {}};
    return {starFigure, starP95, noteFigure, noteP95};
}

QList<Figure> measureStoreMemory(const Settings &settings)
{
    // The store's own share: what a reader connection holds after opening and browsing.
    const qint64 before = statusKb("VmRSS");
    Database db;
    if (!db.open(settings.db, Database::Mode::ReadOnly))
        return {};
    Store store(db);
    const QList<DaySummary> days = store.days();
    const qint64 opened = statusKb("VmRSS");
    for (int i = 0; i < settings.browseDays && i < days.size(); ++i)
        store.dayPapers(days.at(i).date);
    const qint64 browsed = statusKb("VmRSS");
    Figure figure{QStringLiteral("store_rss_growth"),
                  QStringLiteral("store-level RSS growth after browsing days"),
                  (browsed - before) / 1024.0,
                  QStringLiteral("MB"),
                  {},
                  true,
                  {}};
    figure.detail.insert(QStringLiteral("after_open_mb"), (opened - before) / 1024.0);
    figure.detail.insert(QStringLiteral("days"), settings.browseDays);
    return {figure};
}

} // namespace paperboy::bench
