// paperboy_crash: the crash-safety harness as a program. CTest runs a short pass
// (crash.short); tests/crash/run-long.sh runs a long one.
//
//   paperboy_crash [--kills N] [--seed S] [--max-seconds T] [--loaders N] [--writers N]
//                  [--entries N] [--snapshot-papers N] [--upgrade-papers N] [--no-window]
//                  [--binary PATH] [--writer-binary PATH] [--window-binary PATH] [--verbose]

#include "crash_harness.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Kills paperboy processes at random points and checks the library after every kill."));
    parser.addHelpOption();
    const QCommandLineOption kills(QStringLiteral("kills"), QStringLiteral("kills to run"),
                                   QStringLiteral("N"), QStringLiteral("60"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("random seed"),
                                  QStringLiteral("S"));
    const QCommandLineOption maxSeconds(QStringLiteral("max-seconds"),
                                        QStringLiteral("fail after this long"), QStringLiteral("T"),
                                        QStringLiteral("3600"));
    const QCommandLineOption loaders(QStringLiteral("loaders"),
                                     QStringLiteral("concurrent imports and fetches"),
                                     QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption writers(QStringLiteral("writers"),
                                     QStringLiteral("concurrent star/note/tag processes"),
                                     QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption entries(QStringLiteral("entries"),
                                     QStringLiteral("entries per generated digest"),
                                     QStringLiteral("N"), QStringLiteral("400"));
    const QCommandLineOption binary(QStringLiteral("binary"),
                                    QStringLiteral("the paperboy executable"),
                                    QStringLiteral("PATH"), QStringLiteral(PAPERBOY_BINARY));
    // The long runs copy the programs aside, so a rebuild does not replace them mid-run.
    const QCommandLineOption writerBinary(QStringLiteral("writer-binary"),
                                          QStringLiteral("the saved-search writer"),
                                          QStringLiteral("PATH"),
                                          QStringLiteral(PAPERBOY_CRASH_WRITER));
    const QCommandLineOption windowBinary(QStringLiteral("window-binary"),
                                          QStringLiteral("the window driver"),
                                          QStringLiteral("PATH"),
                                          QStringLiteral(PAPERBOY_CRASH_WINDOW));
    const QCommandLineOption snapshot(QStringLiteral("snapshot-papers"),
                                      QStringLiteral("records in the bulk import's snapshot"),
                                      QStringLiteral("N"), QStringLiteral("3000"));
    const QCommandLineOption upgrade(QStringLiteral("upgrade-papers"),
                                     QStringLiteral("papers added to the version 6 library"),
                                     QStringLiteral("N"), QStringLiteral("3000"));
    const QCommandLineOption noWindow(QStringLiteral("no-window"),
                                      QStringLiteral("do not run the window"));
    const QCommandLineOption verbose(QStringLiteral("verbose"), QStringLiteral("log every kill"));
    parser.addOptions({kills, seed, maxSeconds, loaders, writers, entries, snapshot, upgrade,
                       noWindow, binary, writerBinary, windowBinary, verbose});
    parser.process(app);

    paperboy::crash::HarnessOptions options;
    options.kills = parser.value(kills).toInt();
    options.seed = parser.isSet(seed) ? parser.value(seed).toUInt()
                                      : quint32(QDateTime::currentMSecsSinceEpoch());
    options.maxSeconds = parser.value(maxSeconds).toInt();
    options.loaders = std::max(1, parser.value(loaders).toInt());
    options.writers = std::max(1, parser.value(writers).toInt());
    options.syntheticEntries = std::max(1, parser.value(entries).toInt());
    options.snapshotPapers = std::max(1, parser.value(snapshot).toInt());
    options.upgradePapers = std::max(1, parser.value(upgrade).toInt());
    options.window = !parser.isSet(noWindow);
    options.binary = parser.value(binary);
    options.writerBinary = parser.value(writerBinary);
    options.windowBinary = parser.value(windowBinary);
    options.verbose = parser.isSet(verbose);

    paperboy::crash::CrashHarness harness(options);
    const bool ok = harness.run();
    const paperboy::crash::HarnessStats &stats = harness.stats();
    QString report = QStringLiteral("\n%1 kills in %2 s (seed %3), %4 checks, %5 acknowledged "
                                    "imports/fetches, %6 edits the window saved, %7 upgraded "
                                    "libraries checked\n")
                         .arg(stats.kills)
                         .arg(double(stats.elapsedMs) / 1000.0, 0, 'f', 1)
                         .arg(options.seed)
                         .arg(stats.checks)
                         .arg(stats.acknowledgedImports)
                         .arg(stats.windowSaves)
                         .arg(stats.upgradesChecked);
    for (auto it = stats.finishedByKind.cbegin(); it != stats.finishedByKind.cend(); ++it)
        report += QStringLiteral("  %1: %2 runs, %3 killed\n")
                      .arg(it.key(), -12)
                      .arg(it.value())
                      .arg(stats.killsByKind.value(it.key()));
    if (stats.problems.isEmpty() && stats.kills < options.kills)
        report +=
            QStringLiteral("FAILED: only %1 of %2 kills\n").arg(stats.kills).arg(options.kills);
    for (const QString &problem : stats.problems)
        report += QStringLiteral("PROBLEM: %1\n").arg(problem);
    if (!ok)
        report += QStringLiteral("the library is kept for a look: %1\n").arg(harness.workDir());
    report += ok ? QStringLiteral("PASS\n") : QStringLiteral("FAIL\n");
    const QByteArray bytes = report.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    return ok ? 0 : 1;
}
