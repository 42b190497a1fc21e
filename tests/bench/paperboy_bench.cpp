// paperboy_bench: how Paperboy holds up at arXiv scale (issue #9). Generates (once, cached by
// --db) a synthetic cache of a million papers and measures import, cold start, day switching,
// search, user-data writes, memory, GUI-thread stalls and the bulk snapshot import, each as a
// median of several runs. Prints a table, or JSON with --json.

#include "bench_data.h"
#include "bench_measure.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QThread>

#include <cstdio>
#include <functional>

using namespace paperboy::bench;

namespace {

struct Measure
{
    const char *name;
    std::function<QList<Figure>(const Settings &)> run;
};

QString formatValue(const Figure &figure)
{
    const int decimals = figure.value >= 1000 ? 0 : figure.value >= 10 ? 1 : 2;
    QString text = QString::number(figure.value, 'f', decimals) + QLatin1Char(' ') + figure.unit;
    // In-process timings also give this thread's CPU time: a shared machine inflates wall time.
    for (const char *key : {"cpu_median_ms", "cpu_p50_ms"})
        if (figure.detail.contains(QLatin1String(key)))
            text += QStringLiteral(" (cpu %1)")
                        .arg(figure.detail.value(QLatin1String(key)).toDouble(), 0, 'f', 1);
    return text;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("paperboy_bench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Paperboy at scale: a synthetic cache and timings."));
    parser.addHelpOption();
    const QCommandLineOption papersOption(QStringLiteral("papers"),
                                          QStringLiteral("Papers in the generated cache."),
                                          QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption daysOption(QStringLiteral("days"),
                                        QStringLiteral("Announcement days in the cache."),
                                        QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QStringLiteral("Cache file; generated only when missing or of another shape."),
        QStringLiteral("PATH"));
    const QCommandLineOption runsOption(
        QStringLiteral("runs"), QStringLiteral("Runs per measurement (the median is reported)."),
        QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption onlyOption(
        QStringLiteral("only"),
        QStringLiteral(
            "Comma-separated subset: import,coldstart,day,search,write,memory,stall,bulk,"
            "backup,user,math,translate,rank,json,trends,fetch,pdfs,sync."),
        QStringLiteral("WHAT"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print the figures as JSON."));
    const QCommandLineOption binaryOption(QStringLiteral("binary"),
                                          QStringLiteral("The paperboy binary to launch."),
                                          QStringLiteral("PATH"), QStringLiteral(PAPERBOY_BINARY));
    const QCommandLineOption snapshotOption(
        QStringLiteral("snapshot-lines"),
        QStringLiteral("Lines of the synthetic snapshot for the bulk import."), QStringLiteral("N"),
        QStringLiteral("200000"));
    const QCommandLineOption workOption(
        QStringLiteral("work-dir"), QStringLiteral("Scratch folder (fresh databases, snapshot)."),
        QStringLiteral("PATH"));
    parser.addOptions({papersOption, daysOption, dbOption, runsOption, onlyOption, jsonOption,
                       binaryOption, snapshotOption, workOption});
    parser.process(app);

    Settings settings;
    settings.papers = parser.value(papersOption).toInt();
    const int days = std::max(1, parser.value(daysOption).toInt());
    settings.runs = std::max(1, parser.value(runsOption).toInt());
    settings.binary = parser.value(binaryOption);
    settings.snapshotLines = parser.value(snapshotOption).toInt();
    settings.workDir = parser.isSet(workOption)
                           ? parser.value(workOption)
                           : QDir::temp().filePath(QStringLiteral("paperboy-bench"));
    QDir().mkpath(settings.workDir);
    settings.db =
        parser.isSet(dbOption)
            ? parser.value(dbOption)
            : QDir(settings.workDir)
                  .filePath(QStringLiteral("cache-%1-%2.sqlite").arg(settings.papers).arg(days));
    QStringList only = parser.value(onlyOption).split(QLatin1Char(','), Qt::SkipEmptyParts);

    const QList<Measure> measures = {
        {"import", measureImport},
        {"coldstart", measureColdStart},
        {"day", measureDaySwitch},
        {"search", measureSearch},
        {"write", measureWrites},
        {"memory", [](const Settings &s) { return measureAppMemory(s) + measureStoreMemory(s); }},
        {"stall", measureStall},
        {"bulk", measureBulk},
        {"backup", measureBackup},
        {"user", measureUserReads},
        {"math", measureMath},
        {"translate", measureTranslate},
        {"rank", measureRank},
        {"json", measureJson},
        {"trends", measureTrends},
        {"fetch", measureFetch},
        {"pdfs", measurePdfs},
        {"sync", measureSync},
    };
    for (const QString &name : only)
        if (std::none_of(measures.begin(), measures.end(),
                         [&](const Measure &m) { return name == QLatin1String(m.name); })) {
            std::fprintf(stderr, "unknown measurement: %s\n", qPrintable(name));
            return 2;
        }
    const auto wanted = [&](const char *name) {
        return only.isEmpty() || only.contains(QLatin1String(name));
    };
    const bool needsCache = wanted("coldstart") || wanted("day") || wanted("search") ||
                            wanted("write") || wanted("memory") || wanted("backup") ||
                            wanted("user") || wanted("rank") || wanted("json") ||
                            wanted("trends") || wanted("pdfs");

    CacheInfo cache;
    if (needsCache) {
        CacheShape shape;
        shape.papers = settings.papers;
        shape.days = days;
        QString error;
        if (!ensureCache(settings.db, shape, &cache, &error)) {
            std::fprintf(stderr, "cannot build the cache: %s\n", qPrintable(error));
            return 1;
        }
        settings.dates = cache.dates;
    }

    QList<Figure> figures;
    for (const Measure &measure : measures) {
        if (!wanted(measure.name))
            continue;
        std::fprintf(stderr, "== %s\n", measure.name);
        const QList<Figure> result = measure.run(settings);
        if (result.isEmpty())
            std::fprintf(stderr, "   %s produced no figures\n", measure.name);
        for (const Figure &figure : result)
            if (!parser.isSet(jsonOption))
                std::fprintf(stderr, "   %-62s %14s %s\n", qPrintable(figure.label),
                             qPrintable(formatValue(figure)),
                             figure.target.isEmpty()
                                 ? ""
                                 : qPrintable((figure.met ? QStringLiteral("ok, target ")
                                                          : QStringLiteral("MISSED, target ")) +
                                              figure.target));
        figures += result;
    }

    if (parser.isSet(jsonOption)) {
        QJsonArray list;
        for (const Figure &figure : figures)
            list.append(QJsonObject{{QStringLiteral("key"), figure.key},
                                    {QStringLiteral("label"), figure.label},
                                    {QStringLiteral("value"), figure.value},
                                    {QStringLiteral("unit"), figure.unit},
                                    {QStringLiteral("target"), figure.target},
                                    {QStringLiteral("met"), figure.met},
                                    {QStringLiteral("detail"), figure.detail}});
        const QJsonObject root{{QStringLiteral("papers"), settings.papers},
                               {QStringLiteral("days"), days},
                               {QStringLiteral("db"), settings.db},
                               {QStringLiteral("db_bytes"), cache.bytes},
                               {QStringLiteral("generated_seconds"), cache.seconds},
                               {QStringLiteral("migration_seconds"), cache.migrationSeconds},
                               {QStringLiteral("runs"), settings.runs},
                               {QStringLiteral("cores"), QThread::idealThreadCount()},
                               {QStringLiteral("cpu"), QSysInfo::currentCpuArchitecture()},
                               {QStringLiteral("figures"), list}};
        std::printf("%s\n", QJsonDocument(root).toJson(QJsonDocument::Indented).constData());
    } else {
        std::printf("\n%-62s %26s  %s\n", "figure", "value", "target");
        for (const Figure &figure : figures)
            std::printf(
                "%-62s %26s  %s\n", qPrintable(figure.label), qPrintable(formatValue(figure)),
                figure.target.isEmpty()
                    ? ""
                    : qPrintable(figure.target + (figure.met ? QStringLiteral(" (met)")
                                                             : QStringLiteral(" (MISSED)"))));
    }
    return 0;
}
