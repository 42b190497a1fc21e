#pragma once

// Power loss at a random point, without a machine to unplug: the fault VFS (fault_vfs.h)
// remembers what each sync made durable, the machine "stops" at a random write or sync of a
// random workload (imports, a fetch's storage, stars, read marks, notes, tags, a tag rename,
// saved searches, a restore, and in some runs the upgrade of a version 6 library), every
// file goes back to its last synced image plus, at random, some of the writes that were not
// synced, and the library is checked like after a crash (tests/crash/crash_checks.h):
// integrity_check, no half-stored digest, every acknowledged user write there, nothing no
// one wrote. Then the app must open it.
//
// An import or fetch is stored with synchronous = NORMAL: it may be lost with the power,
// but only whole, and not once a later user write was acknowledged (that write's sync made
// the log before it durable too).

#include "../crash/crash_checks.h"
#include "core/paper.h"

#include <QElapsedTimer>
#include <QMap>
#include <QRandomGenerator>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace paperboy::faults {

struct PowerLossOptions
{
    int runs = 1000;
    quint32 seed = 1;
    int steps = 14; // workload steps per run
    int upgradePercent = 10; // runs that start from a version 6 library
    bool forceFull = false; // the workload's connection runs with synchronous = FULL
    bool verbose = false;
};

struct PowerLossStats
{
    int runs = 0;
    int powerLost = 0;     // the machine stopped inside the workload
    int upgradeRuns = 0;   // of which started by upgrading a version 6 library
    qint64 writesDropped = 0; // unsynced writes lost with the power
    int acknowledgedWrites = 0;
    int acknowledgedImports = 0;
    QMap<QString, int> lostIn; // step kind -> runs that lost power in it
    QStringList problems;
    qint64 elapsedMs = 0;
};

class PowerLossRunner
{
public:
    explicit PowerLossRunner(const PowerLossOptions &options);
    ~PowerLossRunner();

    bool run(); // true when every run passed
    const PowerLossStats &stats() const { return m_stats; }
    int synchronous() const { return m_synchronous; }
    QString workDir() const { return m_dir ? m_dir->path() : QString(); }

private:
    struct Step;
    struct Outcome;

    bool prepare();
    bool buildReference();
    QList<Step> plan(QRandomGenerator &random, bool upgrade) const;
    // Runs the workload on `path` until a step fails; fills `expected`.
    Outcome perform(const QString &path, const QList<Step> &steps, bool upgrade,
                    crash::ExpectedState *expected);
    bool runOnce(int index);
    QString freshLibrary(bool upgrade) const;
    void log(const QString &text) const;

    PowerLossOptions m_options;
    PowerLossStats m_stats;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_template;
    QString m_upgradeTemplate;
    QStringList m_importFiles;
    QMap<QString, QStringList> m_digestsOfFile;
    QMap<QString, crash::DigestShape> m_reference;
    Digest m_fetchDigest; // the recorded RSS day, as a fetch stores it
    QStringList m_papers;
    QHash<QString, QString> m_baseline;        // acknowledged user data of the template
    QHash<QString, QString> m_upgradeBaseline; // and of the version 6 library
    QElapsedTimer m_clock;
    int m_synchronous = -1; // PRAGMA synchronous of the library as the app opens it
};

} // namespace paperboy::faults
