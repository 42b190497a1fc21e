// Trends (issue #22): a search counted per month over the whole cache, as the Trends window
// and `paperboy trends` compute it: one pass over the matches joined to paper_dates and
// grouped by day in SQL.

#include "bench_measure.h"

#include "search/trends.h"
#include "store/database.h"
#include "store/store.h"

#include <QElapsedTimer>

#include <cstdio>
#include <ctime>

namespace paperboy::bench {

namespace {

struct TrendQuery
{
    const char *text;
    TrendPeriod by = TrendPeriod::Month;
    double limitMs = 0; // the target, when there is one
};

// Common and rare words, Chinese, operators and user data; "learning" is in 53 % of the
// papers, "zeolite" in a few dozen.
const TrendQuery kQueries[] = {
    {"learning", TrendPeriod::Month, 300},
    {"zeolite", TrendPeriod::Month, 50},
    {"the"},
    {"diffusion"},
    {"retrosynthesis", TrendPeriod::Month, 50},
    {"\"neural network\""},
    {"扩散模型"},
    {"检"},
    {"cat:cs.CV learning"},
    {"author:wang diffusion"},
    {"is:starred learning"},
    {"tag:theory"},
    {"diffusion -learning"},
    {"-learning"},
    {"learning", TrendPeriod::Week},
    {"learning", TrendPeriod::Day},
    {"learning", TrendPeriod::Year},
};

Figure timed(const QString &key, const QString &label, const std::vector<double> &wall,
             const std::vector<double> &cpu, double limitMs)
{
    Figure f{key, label, median(wall), QStringLiteral("ms"), QString(), true, summary(wall)};
    f.detail.insert(QStringLiteral("cpu_median_ms"), median(cpu));
    if (limitMs > 0) {
        f.target = QStringLiteral("< %1 ms").arg(limitMs);
        f.met = f.value < limitMs;
    }
    return f;
}

} // namespace

QList<Figure> measureTrends(const Settings &settings)
{
    QList<Figure> figures;
    Database db;
    if (!db.open(settings.db, Database::Mode::ReadOnly)) {
        std::fprintf(stderr, "   cannot open %s: %s\n", qPrintable(settings.db),
                     qPrintable(db.error()));
        return figures;
    }
    Store store(db);
    const Trends trends(store);
    {
        std::vector<double> wall;
        std::vector<double> cpu;
        for (int run = 0; run < settings.runs + 1; ++run) {
            QElapsedTimer timer;
            const double cpuStart = threadCpuMs();
            timer.start();
            const TrendAxis axis = trends.axis(TrendPeriod::Month);
            if (run > 0) { // the first run warms the page cache
                wall.push_back(timer.nsecsElapsed() / 1e6);
                cpu.push_back(threadCpuMs() - cpuStart);
            }
            if (!axis.ok)
                std::fprintf(stderr, "   axis: %s\n", qPrintable(axis.error));
        }
        figures.append(timed(QStringLiteral("trend_axis_month"),
                             QStringLiteral("trend periods by month, every paper counted"), wall,
                             cpu, 0));
    }
    for (const TrendQuery &query : kQueries) {
        const QString text = QString::fromUtf8(query.text);
        const TrendAxis axis = trends.axis(query.by);
        std::vector<double> wall;
        std::vector<double> cpu;
        qint64 matches = 0;
        for (int run = 0; run < settings.runs + 1; ++run) {
            QElapsedTimer timer;
            const double cpuStart = threadCpuMs();
            timer.start();
            const TrendSeries series = trends.series(text, axis);
            if (run > 0) {
                wall.push_back(timer.nsecsElapsed() / 1e6);
                cpu.push_back(threadCpuMs() - cpuStart);
            }
            if (!series.ok)
                std::fprintf(stderr, "   %s: %s\n", query.text, qPrintable(series.error));
            matches = 0;
            for (const std::optional<qint64> &count : series.counts)
                matches += count.value_or(0);
        }
        const QString by = trendPeriodName(query.by);
        Figure f = timed(QStringLiteral("trend_%1_%2").arg(by, text),
                         QStringLiteral("trend by %1 (%2 periods): %3 (%4 matches)")
                             .arg(by)
                             .arg(axis.periods.size())
                             .arg(text)
                             .arg(matches),
                         wall, cpu, query.limitMs);
        f.detail.insert(QStringLiteral("matches"), double(matches));
        figures.append(f);
    }
    return figures;
}

} // namespace paperboy::bench
