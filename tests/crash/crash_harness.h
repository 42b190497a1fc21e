#pragma once

// Runs real `paperboy` processes against one library (imports, fetches from a local HTTP
// server, stars, notes and tags), kills them with SIGKILL at random points, and after every
// kill checks the library with crash::ExpectedState. See tests/crash/run-long.sh.

#include "crash_checks.h"

#include <QElapsedTimer>
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
    int loaders = 2;            // concurrent imports/fetches
    int writers = 2;            // concurrent star/note/tag processes
    int syntheticEntries = 400; // per generated digest: long enough to kill mid-transaction
    bool verbose = false;
    QString binary; // the paperboy executable
};

struct HarnessStats
{
    int kills = 0;
    QMap<QString, int> killsByKind;
    QMap<QString, int> finishedByKind;
    int checks = 0;
    int acknowledgedImports = 0;
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
        QString kind; // "import", "fetch", "star", "note", "tag"
        QString key;  // user-data key written, for writers
        QString value;
        QString paper;       // the paper a writer holds
        QStringList digests; // digest keys an import or fetch stores
        QElapsedTimer clock;
        bool loader = false;
    };

    bool prepare();
    bool writeSyntheticDigests();
    bool buildReference();
    bool importBaseline();
    QProcess *startPaperboy(const QStringList &arguments, const QString &database);
    void fillSlots();
    void startLoader();
    void startWriter();
    void launch(Job *job, const QStringList &arguments);
    void finished(Job *job, int exitCode, QProcess::ExitStatus status);
    void check(const QString &after);
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
    QStringList m_papers; // ids writers may touch
    QSet<QString> m_busyPapers;
    QList<Job *> m_jobs;
    QMap<QString, qint64> m_meanMs; // by kind, of runs that were not killed
    QMap<QString, int> m_runsMeasured;
    ExpectedState m_expected;
    QElapsedTimer m_clock;
    int m_sequence = 0;
    bool m_stopping = false;
};

} // namespace paperboy::crash
