#pragma once

// Runs real processes against one library and kills them with SIGKILL at random points:
// `paperboy` imports (digests and the bulk metadata snapshot), fetches from a local HTTP
// server (arXiv RSS, Hugging Face, the daily-arXiv digest), stars, notes, tags, dismissals,
// followed authors, saved trends (`trends --save` / `--delete-saved`), kept PDFs (`pdf`,
// `pdf --remove`, from the local server), added papers (`add` of a paper the library holds),
// tag renames and restores; saved-search writes (paperboy_crash_writer, the core's own code: the
// command line has none); the window itself while notes are typed and stars toggled
// (paperboy_crash_window, which says on stdout what it saw saved); and upgrades of a version 6
// library (migration 007 rebuilding the search index), each on a copy of its own. After every
// kill the library is checked with crash::ExpectedState. See tests/crash/run-long.sh.

#include "crash_checks.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace paperboy::test {
class TestHttpServer;
}

namespace paperboy::crash {

struct HarnessOptions
{
    int kills = 60;        // stop starting processes once this many were killed
    int maxSeconds = 3600; // and give up (failing) after this long
    quint32 seed = 1;
    int loaders = 2;            // concurrent imports/fetches/upgrades
    int writers = 2;            // concurrent star/note/tag/rename/search/restore processes
    int syntheticEntries = 400; // per generated digest: long enough to kill mid-transaction
    int snapshotPapers = 3000;  // in the bulk import's snapshot
    int upgradePapers = 3000;   // added to the version 6 library an upgrade rebuilds
    bool window = true;         // also run (and kill) the window
    bool verbose = false;
    QString binary;       // the paperboy executable
    QString writerBinary; // paperboy_crash_writer
    QString windowBinary; // paperboy_crash_window
};

struct HarnessStats
{
    int kills = 0;
    QMap<QString, int> killsByKind;
    QMap<QString, int> finishedByKind;
    int checks = 0;
    int acknowledgedImports = 0;
    int windowSaves = 0;     // edits the window said it saved
    int upgradesChecked = 0; // version 6 libraries checked after their upgrade or its kill
    int unexpectedFailures = 0;
    QStringList problems;
    qint64 elapsedMs = 0;
};

class CrashHarness : public QObject
{
    Q_OBJECT

public:
    explicit CrashHarness(const HarnessOptions &options, QObject *parent = nullptr);
    ~CrashHarness() override;

    // Runs to the end; true when every check passed and enough kills happened.
    bool run();
    const HarnessStats &stats() const { return m_stats; }
    QString workDir() const { return m_dir ? m_dir->path() : QString(); }

private:
    struct Job
    {
        QProcess *process = nullptr;
        QString kind; // "import", "fetch", "star", "restore", "upgrade", "window", ...
        QList<QPair<QString, QString>> writes; // user-data keys and the values written
        QStringList papers;  // what a writer holds (papers, "search:*", "restore:*")
        QStringList digests; // digest keys an import or fetch stores
        QString database;    // an upgrade's own library
        QElapsedTimer clock;
        bool loader = false;
        QByteArray output; // the window's lines not yet read
    };

    bool prepare();
    bool writeInputs();
    bool buildReference();
    bool importBaseline();
    QProcess *startProcess(const QString &program, const QStringList &arguments,
                           const QString &database);
    QProcess *startPaperboy(const QStringList &arguments, const QString &database)
    {
        return startProcess(m_options.binary, arguments, database);
    }
    void fillSlots();
    void startLoader();
    void startWriter();
    void startUpgrade(Job *job);
    bool startRestore(Job *job);
    bool startRename(Job *job);
    void startSearchWrite(Job *job);
    void startWindow();
    void windowOutput(Job *job);
    void launch(Job *job, const QString &program, const QStringList &arguments);
    void launch(Job *job, const QStringList &arguments)
    {
        launch(job, m_options.binary, arguments);
    }
    void finished(Job *job, int exitCode, QProcess::ExitStatus status);
    void check(const QString &after);
    QStringList checkUpgrade(const QString &path, bool acknowledged);
    bool waitForProcess(QProcess *process, int timeoutMs);
    void log(const QString &text) const;

    HarnessOptions m_options;
    HarnessStats m_stats;
    QRandomGenerator m_random;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::TestHttpServer> m_server;
    QString m_database;
    QStringList m_importFiles;
    QMap<QString, QStringList> m_digestsOfFile;
    QStringList m_fetchDigests;
    QStringList m_hfDigests;
    QStringList m_digestDigests;
    QString m_snapshot;
    QStringList m_snapshotDigests;
    QString m_upgradeTemplate;
    qint64 m_upgradePapers = 0;
    QHash<QString, QString> m_upgradeUser;
    QStringList m_papers;       // ids writers may touch
    QStringList m_renamePapers; // carry the tag renames move between two names
    QStringList m_restorePapers;
    QStringList m_windowPapers; // the window's own: the day it shows
    QSet<QString> m_busyPapers;
    QList<Job *> m_jobs;
    QMap<QString, qint64> m_meanMs; // by kind, of runs that were not killed
    QMap<QString, int> m_runsMeasured;
    ExpectedState m_expected;
    QElapsedTimer m_clock;
    int m_sequence = 0;
    bool m_stopping = false;
    bool m_inCheck = false;
    QList<QPair<QString, QString>> m_deferredAcks; // the window's, read during a check
};

} // namespace paperboy::crash
