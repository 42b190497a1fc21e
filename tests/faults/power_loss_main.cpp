// paperboy_power_loss: power lost at random points of random workloads, through the fault
// VFS (power_loss.h). CTest runs a short pass (power-loss.short); run-power-loss.sh a long one.
//
//   paperboy_power_loss [--runs N] [--seed S] [--steps N] [--upgrade-percent P]
//                       [--synchronous full] [--verbose]
//
// --synchronous full runs the workload's connection with synchronous = FULL whatever the app
// sets, so every acknowledged write is required to survive (what the app guarantees once
// user writes commit with FULL).

#include "power_loss.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Loses power at random points of random workloads and checks the library."));
    parser.addHelpOption();
    const QCommandLineOption runs(QStringLiteral("runs"), QStringLiteral("runs"),
                                  QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("random seed"),
                                  QStringLiteral("S"));
    const QCommandLineOption steps(QStringLiteral("steps"), QStringLiteral("steps per workload"),
                                   QStringLiteral("N"), QStringLiteral("14"));
    const QCommandLineOption upgrade(QStringLiteral("upgrade-percent"),
                                     QStringLiteral("runs that upgrade a version 6 library"),
                                     QStringLiteral("P"), QStringLiteral("10"));
    const QCommandLineOption synchronous(QStringLiteral("synchronous"),
                                         QStringLiteral("force this synchronous mode (full)"),
                                         QStringLiteral("MODE"));
    const QCommandLineOption verbose(QStringLiteral("verbose"), QStringLiteral("log every run"));
    parser.addOptions({runs, seed, steps, upgrade, synchronous, verbose});
    parser.process(app);

    paperboy::faults::PowerLossOptions options;
    options.runs = std::max(1, parser.value(runs).toInt());
    options.seed = parser.isSet(seed) ? parser.value(seed).toUInt()
                                      : quint32(QDateTime::currentMSecsSinceEpoch());
    options.steps = std::max(1, parser.value(steps).toInt());
    options.upgradePercent = std::clamp(parser.value(upgrade).toInt(), 0, 100);
    options.forceFull = parser.value(synchronous).compare(QLatin1String("full"),
                                                          Qt::CaseInsensitive) == 0;
    options.verbose = parser.isSet(verbose);

    paperboy::faults::PowerLossRunner runner(options);
    const bool ok = runner.run();
    const paperboy::faults::PowerLossStats &stats = runner.stats();
    QString report =
        QStringLiteral("\n%1 runs in %2 s (seed %3, %4 from version 6): power lost inside the "
                       "workload in %5, %6 unsynced writes dropped; %7 acknowledged user writes "
                       "and %8 acknowledged digests checked\n")
            .arg(stats.runs)
            .arg(double(stats.elapsedMs) / 1000.0, 0, 'f', 1)
            .arg(options.seed)
            .arg(stats.upgradeRuns)
            .arg(stats.powerLost)
            .arg(stats.writesDropped)
            .arg(stats.acknowledgedWrites)
            .arg(stats.acknowledgedImports);
    if (runner.synchronous() < 2)
        report += QStringLiteral("the library runs with synchronous = %1 (not FULL): acknowledged "
                                 "writes were not required to survive, only a whole library\n")
                      .arg(runner.synchronous());
    for (auto it = stats.lostIn.cbegin(); it != stats.lostIn.cend(); ++it)
        report += QStringLiteral("  lost in %1: %2\n").arg(it.key(), -11).arg(it.value());
    for (const QString &problem : stats.problems)
        report += QStringLiteral("PROBLEM: %1\n").arg(problem);
    if (!ok)
        report += QStringLiteral("the library is kept for a look: %1\n").arg(runner.workDir());
    report += ok ? QStringLiteral("PASS\n") : QStringLiteral("FAIL\n");
    const QByteArray bytes = report.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    return ok ? 0 : 1;
}
