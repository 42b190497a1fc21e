// Store-level measurements of what runs around the user's data at start and in the smart
// views: the automatic backup, the first-start sample check and the Unread list.

#include "bench_measure.h"

#include "backup/auto_backup.h"
#include "import/importer.h"
#include "store/database.h"
#include "store/store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>
#include <ctime>

namespace paperboy::bench {

namespace {

// Resets VmHWM to the current RSS (Linux: "5" to clear_refs), so a peak belongs to one step.
void resetPeak()
{
    QFile refs(QStringLiteral("/proc/self/clear_refs"));
    if (refs.open(QIODevice::WriteOnly))
        refs.write("5");
}

} // namespace

QList<Figure> measureBackup(const Settings &settings)
{
    Database db;
    if (!db.open(settings.db)) {
        std::fprintf(stderr, "backup: %s\n", qPrintable(db.error()));
        return {};
    }
    const QString folder = QDir(settings.workDir).filePath(QStringLiteral("bench-backups"));
    QDir(folder).removeRecursively();
    QList<Figure> figures;

    // The first backup of the day: every start of a day writes one.
    Timed first;
    double growthMb = 0;
    double peakMb = 0;
    qint64 bytes = 0;
    for (int run = 0; run < settings.runs; ++run) {
        QDir(folder).removeRecursively();
        const qint64 before = statusKb("VmRSS");
        resetPeak();
        AutomaticBackupResult result;
        first.run([&] { result = rotateAutomaticBackup(db, folder, 7); });
        if (!result.ok) {
            std::fprintf(stderr, "backup: %s\n", qPrintable(result.error));
            return {};
        }
        bytes = QFileInfo(result.path).size();
        growthMb = std::max(growthMb, (statusKb("VmRSS") - before) / 1024.0);
        peakMb = std::max(peakMb, (statusKb("VmHWM") - before) / 1024.0);
    }
    Figure written = first.figure(QStringLiteral("backup_first"),
                                  QStringLiteral("automatic backup, first start of the day"));
    written.detail.insert(QStringLiteral("rss_growth_mb"), growthMb);
    written.detail.insert(QStringLiteral("peak_over_start_mb"), peakMb);
    written.detail.insert(QStringLiteral("bytes"), bytes);
    Figure peak{QStringLiteral("backup_peak"),
                QStringLiteral("… its peak memory above the RSS before it"),
                peakMb,
                QStringLiteral("MB"),
                {},
                true,
                {}};

    // Every later start that day, with nothing changed in between.
    Timed again;
    for (int run = 0; run < settings.runs; ++run)
        again.run([&] { rotateAutomaticBackup(db, folder, 7); });
    figures << written << peak
            << again.figure(QStringLiteral("backup_again"),
                            QStringLiteral("automatic backup, later start, nothing changed"));
    QDir(folder).removeRecursively();
    return figures;
}

QList<Figure> measureUserReads(const Settings &settings)
{
    Database db;
    if (!db.open(settings.db)) {
        std::fprintf(stderr, "user reads: %s\n", qPrintable(db.error()));
        return {};
    }
    Store store(db);
    Timed sample;
    for (int run = 0; run < settings.runs; ++run)
        sample.run([&] { Importer(store).importSampleIfEmpty(); });
    Timed unread;
    qsizetype rows = 0;
    for (int run = 0; run < settings.runs; ++run)
        unread.run([&] { rows = store.unreadPapers().size(); });
    Figure list = unread.figure(QStringLiteral("unread_list"),
                                QStringLiteral("Unread smart view (Store::unreadPapers, 5,000)"));
    list.detail.insert(QStringLiteral("rows"), qint64(rows));
    return {sample.figure(QStringLiteral("sample_check"),
                          QStringLiteral("first-start sample check on a full cache")),
            list};
}

} // namespace paperboy::bench
