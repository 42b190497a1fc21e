// Measurements of the real app binary, offscreen: cold start to the first painted day and its
// resident memory (ui/startup_probe.h prints both).

#include "bench_measure.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>

#include <cstdio>

namespace paperboy::bench {

namespace {

struct AppRun
{
    bool ok = false;
    double wallMs = 0;              // spawn to the first-paint line, seen from outside
    QMap<QString, QString> paint;   // first-paint-ms, since-main-ms, rows, rss-kb, peak-kb
    QMap<QString, QString> browsed; // browsed-days, rss-kb, peak-kb
    QMap<QString, QString> forYou;  // for-you-rows, rss-kb, peak-kb
    QString error;
};

QMap<QString, QString> fields(const QByteArray &line)
{
    QMap<QString, QString> map;
    for (const QByteArray &pair : line.trimmed().split(' ')) {
        const qsizetype eq = pair.indexOf('=');
        if (eq > 0)
            map.insert(QString::fromUtf8(pair.left(eq)), QString::fromUtf8(pair.mid(eq + 1)));
    }
    return map;
}

AppRun runApp(const Settings &settings, int browseDays, bool forYou = false)
{
    AppRun run;
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("PAPERBOY_NO_WELCOME"), QStringLiteral("1"));
    // Fresh settings: the window opens on the newest day, as on a first start.
    const QString config = QDir(settings.workDir).filePath(QStringLiteral("app-config"));
    QDir(config).removeRecursively();
    QDir().mkpath(config + QStringLiteral("/paperboy"));
    {
        // No fetching: the benchmark must not reach arXiv, and a fetch is not a cold start.
        QFile conf(config + QStringLiteral("/paperboy/paperboy.conf"));
        if (conf.open(QIODevice::WriteOnly))
            conf.write("[fetch]\nonStart=false\nafterAnnouncement=false\n");
    }
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
    env.insert(QStringLiteral("XDG_DATA_HOME"), config); // the automatic backup lands here
    app.setProcessEnvironment(env);
    QStringList arguments = {QStringLiteral("--db"), settings.db,
                             QStringLiteral("--report-first-paint"),
                             QStringLiteral("--quit-after-first-paint")};
    if (browseDays > 0)
        arguments.append(QStringLiteral("--browse-days=%1").arg(browseDays));
    if (forYou)
        arguments.append(QStringLiteral("--open-for-you"));
    QElapsedTimer timer;
    timer.start();
    app.start(settings.binary, arguments);
    if (!app.waitForStarted(10000)) {
        run.error = app.errorString();
        return run;
    }
    QByteArray out;
    // For You trains its first model (the cache's 19,881 stars) before it lists anything.
    const qint64 timeout = forYou ? 180000 : 60000;
    while (app.state() != QProcess::NotRunning && timer.elapsed() < timeout) {
        app.waitForReadyRead(50);
        out += app.readAllStandardOutput();
        if (run.paint.isEmpty()) {
            const qsizetype at = out.indexOf("first-paint-ms=");
            if (at >= 0 && out.indexOf('\n', at) > 0) {
                run.wallMs = timer.nsecsElapsed() / 1e6;
                run.paint = fields(out.mid(at, out.indexOf('\n', at) - at));
            }
        }
    }
    if (app.state() != QProcess::NotRunning) {
        app.kill();
        app.waitForFinished();
        run.error = QStringLiteral("the app did not finish within %1 s").arg(timeout / 1000);
        return run;
    }
    out += app.readAllStandardOutput();
    const qsizetype at = out.indexOf("browsed-days=");
    if (at >= 0)
        run.browsed = fields(out.mid(at, out.indexOf('\n', at) - at));
    const qsizetype forYouAt = out.indexOf("for-you-rows=");
    if (forYouAt >= 0)
        run.forYou = fields(out.mid(forYouAt, out.indexOf('\n', forYouAt) - forYouAt));
    run.ok = !run.paint.isEmpty();
    if (!run.ok)
        run.error = QString::fromUtf8(app.readAllStandardError().right(500));
    return run;
}

} // namespace

QList<Figure> measureColdStart(const Settings &settings)
{
    std::vector<double> wall;
    std::vector<double> reported;
    double firstWall = 0;
    int rows = 0;
    // The first run after generating pays for reading the file into the OS cache; it is
    // reported on its own, the median is over the runs after it.
    for (int run = 0; run <= settings.runs; ++run) {
        const AppRun result = runApp(settings, 0);
        if (!result.ok) {
            std::fprintf(stderr, "cold start: %s\n", qPrintable(result.error));
            return {};
        }
        rows = result.paint.value(QStringLiteral("rows")).toInt();
        if (run == 0) {
            firstWall = result.wallMs;
            continue;
        }
        wall.push_back(result.wallMs);
        reported.push_back(result.paint.value(QStringLiteral("first-paint-ms")).toDouble());
    }
    Figure figure{QStringLiteral("cold_start"),
                  QStringLiteral("process start to first painted day (spawn → paint)"),
                  median(wall),
                  QStringLiteral("ms"),
                  QStringLiteral("< 500 ms"),
                  false,
                  summary(wall)};
    figure.met = figure.value < 500;
    figure.detail.insert(QStringLiteral("app_reported_ms"), summary(reported));
    figure.detail.insert(QStringLiteral("first_run_ms"), firstWall);
    figure.detail.insert(QStringLiteral("rows_painted"), rows);
    return {figure};
}

QList<Figure> measureAppMemory(const Settings &settings)
{
    const AppRun run = runApp(settings, settings.browseDays);
    if (!run.ok || run.browsed.isEmpty()) {
        std::fprintf(stderr, "memory: %s\n", qPrintable(run.error));
        return {};
    }
    const double atStart = run.paint.value(QStringLiteral("rss-kb")).toDouble() / 1024.0;
    const double browsed = run.browsed.value(QStringLiteral("rss-kb")).toDouble() / 1024.0;
    const double peak = run.browsed.value(QStringLiteral("peak-kb")).toDouble() / 1024.0;
    Figure start{QStringLiteral("rss_start"),
                 QStringLiteral("app RSS after first paint"),
                 atStart,
                 QStringLiteral("MB"),
                 QStringLiteral("< 200 MB"),
                 atStart < 200,
                 {}};
    Figure after{QStringLiteral("rss_browsed"),
                 QStringLiteral("app RSS after browsing %1 days").arg(settings.browseDays),
                 browsed,
                 QStringLiteral("MB"),
                 QStringLiteral("< 200 MB"),
                 browsed < 200,
                 {}};
    after.detail.insert(QStringLiteral("peak_mb"), peak);
    after.detail.insert(QStringLiteral("days"),
                        run.browsed.value(QStringLiteral("browsed-days")).toInt());
    QList<Figure> figures = {start, after};

    // The same after opening For You (issue #16): its ranker's training rows and the list.
    const AppRun ranked = runApp(settings, 0, true);
    if (!ranked.ok || ranked.forYou.isEmpty()) {
        std::fprintf(stderr, "memory with For You: %s\n", qPrintable(ranked.error));
        return figures;
    }
    const double forYou = ranked.forYou.value(QStringLiteral("rss-kb")).toDouble() / 1024.0;
    Figure open{QStringLiteral("rss_for_you"),
                QStringLiteral("app RSS with For You open (%1 papers)")
                    .arg(ranked.forYou.value(QStringLiteral("for-you-rows"))),
                forYou,
                QStringLiteral("MB"),
                QStringLiteral("< 200 MB"),
                forYou < 200,
                {}};
    open.detail.insert(QStringLiteral("peak_mb"),
                       ranked.forYou.value(QStringLiteral("peak-kb")).toDouble() / 1024.0);
    figures.append(open);
    return figures;
}

} // namespace paperboy::bench
