#pragma once

// The benchmark's measurements. Each returns figures: a value, its unit, the target it is
// held against, and details for the JSON report.

#include <QDate>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <algorithm>
#include <vector>

namespace paperboy::bench {

struct Figure
{
    QString key;   // stable name for --json
    QString label; // for people
    double value = 0;
    QString unit;
    QString target; // "< 16 ms", empty when informative only
    bool met = true;
    QJsonObject detail;
};

struct Settings
{
    QString db;
    QString binary;
    QString workDir; // scratch files (fresh databases, snapshot)
    QList<QDate> dates;
    int papers = 0;
    int runs = 5;
    int importDays = 10;
    int importPerDay = 1000;
    int snapshotLines = 200000;
    int browseDays = 100;
};

double median(std::vector<double> values);
// CPU time of this thread: on a shared machine the wall clock also counts other processes.
double threadCpuMs();
double elapsedMs(const QElapsedTimer &timer);
// A figure of /proc/self/status in kB ("VmRSS", "VmHWM"); -1 when unknown.
qint64 statusKb(const char *field);
double percentile(std::vector<double> values, double p); // p in [0, 100], nearest rank
QJsonObject summary(const std::vector<double> &values);

// Store level (in this process), on the generated cache unless said otherwise.
QList<Figure> measureImport(const Settings &settings); // fresh databases
// A 10,000-item RSS feed from a loopback server, `paperboy fetch` as a whole process.
QList<Figure> measureFetch(const Settings &settings);
QList<Figure> measureDaySwitch(const Settings &settings);
QList<Figure> measureSearch(const Settings &settings);
QList<Figure> measureWrites(const Settings &settings);
QList<Figure> measureStall(const Settings &settings); // fresh database
QList<Figure> measureBulk(const Settings &settings);  // fresh database
QList<Figure> measureStoreMemory(const Settings &settings);
QList<Figure> measureBackup(const Settings &settings);    // writes into the work dir
QList<Figure> measureUserReads(const Settings &settings); // sample check, Unread list
QList<Figure> measureMath(const Settings &settings);      // TeX math per list row, no cache
QList<Figure> measureTranslate(const Settings &settings); // fresh database, loopback provider
QList<Figure> measureRank(const Settings &settings);      // vectors, For you, `paperboy rank`
QList<Figure> measureJson(const Settings &settings);      // objects, text, whole `search`
QList<Figure> measureTrends(const Settings &settings);    // per period over the cache
QList<Figure> measurePdfs(const Settings &settings);      // kept PDFs' text, search with it
// 10,000 changes pushed and pulled through a throwaway PostgreSQL cluster (issue #20).
QList<Figure> measureSync(const Settings &settings);

// The real app binary, offscreen.
QList<Figure> measureColdStart(const Settings &settings);
QList<Figure> measureAppMemory(const Settings &settings);

// Wall and CPU time of repeated runs of one step, reported as the median.
struct Timed
{
    std::vector<double> wall;
    std::vector<double> cpu;

    template <typename F> void run(F &&f)
    {
        QElapsedTimer timer;
        const double cpuStart = threadCpuMs();
        timer.start();
        f();
        wall.push_back(elapsedMs(timer));
        cpu.push_back(threadCpuMs() - cpuStart);
    }

    Figure figure(const QString &key, const QString &label, const QString &target = {},
                  double limit = 0) const
    {
        Figure f{key, label, median(wall), QStringLiteral("ms"), target, true, summary(wall)};
        if (!target.isEmpty())
            f.met = f.value < limit;
        f.detail.insert(QStringLiteral("cpu_median_ms"), median(cpu));
        return f;
    }
};

} // namespace paperboy::bench
