#include "crash_harness.h"

#include "store/database.h"
#include "test_http_server.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QProcessEnvironment>
#include <QSqlQuery>
#include <QTimer>

#include <cstdio>

namespace paperboy::crash {

namespace {

QSqlDatabase openCheckConnection(const QString &path, const QString &name)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    return db;
}

} // namespace

CrashHarness::CrashHarness(const HarnessOptions &options, QObject *parent)
    : QObject(parent), m_options(options), m_random(options.seed)
{
}

CrashHarness::~CrashHarness()
{
    for (Job *job : std::as_const(m_jobs)) {
        job->process->kill();
        job->process->waitForFinished(5000);
        delete job;
    }
}

void CrashHarness::log(const QString &text) const
{
    const QByteArray line = QStringLiteral("[%1 s] %2\n")
                                .arg(double(m_clock.elapsed()) / 1000.0, 0, 'f', 1)
                                .arg(text)
                                .toUtf8();
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

bool CrashHarness::run()
{
    m_clock.start();
    if (!prepare())
        return false;
    log(QStringLiteral("library %1, %2 papers to star and annotate, seed %3")
            .arg(m_database)
            .arg(m_papers.size())
            .arg(m_options.seed));

    QEventLoop loop;
    QTimer watchdog;
    watchdog.setSingleShot(true);
    connect(&watchdog, &QTimer::timeout, &loop, [this, &loop] {
        m_stats.problems.append(QStringLiteral("gave up after %1 s with %2 kills")
                                    .arg(m_options.maxSeconds)
                                    .arg(m_stats.kills));
        m_stopping = true;
        loop.quit();
    });
    watchdog.start(m_options.maxSeconds * 1000);
    QTimer idle;
    idle.setInterval(50);
    connect(&idle, &QTimer::timeout, &loop, [this, &loop] {
        if (m_stopping && m_jobs.isEmpty())
            loop.quit();
    });
    idle.start();
    fillSlots();
    loop.exec();

    // Whatever is still running finishes on its own; then one last look, and the app itself
    // must open the library.
    m_stopping = true;
    while (!m_jobs.isEmpty()) {
        QProcess *process = m_jobs.first()->process;
        if (!waitForProcess(process, 60000) && process->state() != QProcess::NotRunning) {
            process->kill();
            waitForProcess(process, 5000);
        }
    }
    check(QStringLiteral("the end"));
    QProcess *dates =
        startPaperboy({QStringLiteral("dates"), QStringLiteral("--json")}, m_database);
    if (!waitForProcess(dates, 60000) || dates->exitCode() != 0)
        m_stats.problems.append(QStringLiteral("paperboy dates failed at the end: %1")
                                    .arg(QString::fromUtf8(dates->readAllStandardError())));
    delete dates;
    m_stats.elapsedMs = m_clock.elapsed();
    if (!m_stats.problems.isEmpty())
        m_dir->setAutoRemove(false); // the library is evidence
    return m_stats.problems.isEmpty() && m_stats.unexpectedFailures == 0 &&
           m_stats.kills >= m_options.kills;
}

QProcess *CrashHarness::startProcess(const QString &program, const QStringList &arguments,
                                     const QString &database)
{
    auto *process = new QProcess;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("PAPERBOY_NO_WELCOME"), QStringLiteral("1"));
    // The window's settings, single-instance socket and backups stay in the work folder.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir->filePath(QStringLiteral("runtime")));
    env.insert(QStringLiteral("PAPERBOY_DB"), database);
    env.insert(QStringLiteral("PAPERBOY_MIN_REQUEST_SPACING_MS"), QStringLiteral("10"));
    env.insert(QStringLiteral("PAPERBOY_FETCH_BACKOFF_MS"), QStringLiteral("10"));
    env.insert(QStringLiteral("PAPERBOY_FETCH_TIMEOUT_MS"), QStringLiteral("10000"));
    // Imported digests lack English; completing it would ask the real arXiv API.
    env.insert(QStringLiteral("PAPERBOY_NO_ENRICH"), QStringLiteral("1"));
    process->setProcessEnvironment(env);
    process->start(program, arguments);
    return process;
}

bool CrashHarness::waitForProcess(QProcess *process, int timeoutMs)
{
    // The server runs on this thread's event loop, so wait by spinning it.
    if (process->state() == QProcess::NotRunning)
        return process->exitStatus() == QProcess::NormalExit;
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(process, &QProcess::finished, &loop, &QEventLoop::quit);
    timeout.start(timeoutMs);
    loop.exec();
    return process->state() == QProcess::NotRunning &&
           process->exitStatus() == QProcess::NormalExit;
}

void CrashHarness::fillSlots()
{
    if (m_stopping)
        return;
    int loaders = 0;
    int writers = 0;
    bool window = false;
    for (const Job *job : std::as_const(m_jobs)) {
        window = window || job->kind == QLatin1String("window");
        loaders += job->loader ? 1 : 0;
        writers += !job->loader && job->kind != QLatin1String("window") ? 1 : 0;
    }
    while (loaders++ < m_options.loaders)
        startLoader();
    for (int tries = 0; writers < m_options.writers && tries < 20; ++tries) {
        const qsizetype before = m_jobs.size();
        startWriter();
        writers += m_jobs.size() > before ? 1 : 0;
    }
    if (m_options.window && !window)
        startWindow();
}

void CrashHarness::launch(Job *job, const QString &program, const QStringList &arguments)
{
    job->process =
        startProcess(program, arguments, job->database.isEmpty() ? m_database : job->database);
    job->clock.start();
    m_jobs.append(job);
    for (const QString &paper : std::as_const(job->papers))
        m_busyPapers.insert(paper);
    for (const auto &[key, value] : std::as_const(job->writes))
        m_expected.writeStarted(key, value);
    // Queued: reading the window's output (waitForReadyRead in windowOutput) can notice the
    // process died and emit finished() right there, which deleted the job under the reader
    // (or removed it from m_jobs while check() walked the list): the harness crashed after
    // 250 kills of the long run.
    connect(
        job->process, &QProcess::finished, this,
        [this, job](int exitCode, QProcess::ExitStatus status) { finished(job, exitCode, status); },
        Qt::QueuedConnection);
    if (job->kind == QLatin1String("window")) {
        connect(job->process, &QProcess::readyReadStandardOutput, this,
                [this, job] { windowOutput(job); });
        // Killed at a random moment of its life, typing or not.
        const int delay = 1000 + int(m_random.bounded(6000));
        QProcess *process = job->process;
        QTimer::singleShot(delay, process, [process] {
            if (process->state() == QProcess::Running) {
                process->setProperty("crashKill", true);
                process->kill();
            }
        });
        return;
    }

    // Calibrate on the first runs of each kind, then kill most runs somewhere in their life.
    const int measured = m_runsMeasured.value(job->kind);
    const bool kill = measured >= 2 && m_random.bounded(100) < (job->loader ? 75 : 60);
    if (kill) {
        const qint64 mean = std::max<qint64>(20, m_meanMs.value(job->kind, 200));
        const int delay = int(m_random.bounded(int(mean * 13 / 10) + 1));
        QProcess *process = job->process;
        QTimer::singleShot(delay, process, [process] {
            if (process->state() == QProcess::Running) {
                process->setProperty("crashKill", true);
                process->kill(); // SIGKILL
            }
        });
    }
}

void CrashHarness::finished(Job *job, int exitCode, QProcess::ExitStatus status)
{
    m_jobs.removeOne(job);
    for (const QString &paper : std::as_const(job->papers))
        m_busyPapers.remove(paper);
    const qint64 ms = job->clock.elapsed();
    const bool killed =
        job->process->property("crashKill").toBool() && status == QProcess::CrashExit;
    const bool window = job->kind == QLatin1String("window");
    if (window)
        windowOutput(job); // what it said before it died
    m_stats.finishedByKind[job->kind] += 1;
    if (killed) {
        // It may or may not have committed; the check below fixes what it left.
        if (!job->digests.isEmpty())
            m_expected.importEnded(job->digests);
        for (const auto &[key, value] : std::as_const(job->writes))
            m_expected.writeEnded(key, value);
        ++m_stats.kills;
        m_stats.killsByKind[job->kind] += 1;
        if (m_options.verbose)
            log(QStringLiteral("killed %1 after %2 ms").arg(job->kind).arg(ms));
        const QString after =
            QStringLiteral("kill %1 (%2 after %3 ms)").arg(m_stats.kills).arg(job->kind).arg(ms);
        if (!job->database.isEmpty()) {
            for (const QString &problem : checkUpgrade(job->database, false))
                m_stats.problems.append(QStringLiteral("after %1: %2").arg(after, problem));
        }
        check(after);
        if (m_stats.kills % 50 == 0)
            log(QStringLiteral("%1 kills, %2 checks, %3 acknowledged writes, %4 settled after a "
                               "kill, %5 problems")
                    .arg(m_stats.kills)
                    .arg(m_stats.checks)
                    .arg(m_expected.acknowledgedWrites())
                    .arg(m_expected.settledWrites())
                    .arg(m_stats.problems.size()));
    } else if (status == QProcess::NormalExit && exitCode == 0 && !window) {
        // Acknowledged: the user was told it is saved.
        if (!job->digests.isEmpty()) {
            m_expected.importAcknowledged(job->digests);
            ++m_stats.acknowledgedImports;
        }
        for (const auto &[key, value] : std::as_const(job->writes))
            m_expected.writeAcknowledged(key, value);
        if (!job->database.isEmpty())
            for (const QString &problem : checkUpgrade(job->database, true))
                m_stats.problems.append(QStringLiteral("after an upgrade: %1").arg(problem));
        const int n = m_runsMeasured.value(job->kind);
        m_meanMs[job->kind] = (m_meanMs.value(job->kind) * n + ms) / (n + 1);
        m_runsMeasured[job->kind] = std::min(n + 1, 20);
    } else {
        ++m_stats.unexpectedFailures;
        m_stats.problems.append(
            QStringLiteral("%1 failed without being killed (exit %2): %3")
                .arg(job->kind)
                .arg(exitCode)
                .arg(QString::fromUtf8(job->process->readAllStandardError()).trimmed()));
        log(m_stats.problems.constLast());
    }
    if (!job->database.isEmpty()) {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(job->database + suffix);
        QFile::remove(Database::backupPathFor(job->database, 6));
    }
    job->process->disconnect(this); // nothing more reaches the job deleted here
    job->process->deleteLater();
    delete job;
    if (m_stats.kills >= m_options.kills || !m_stats.problems.isEmpty())
        m_stopping = true;
    fillSlots();
}

void CrashHarness::check(const QString &after)
{
    ++m_stats.checks;
    const QString name = QStringLiteral("crash-check-%1").arg(m_stats.checks);
    QStringList problems;
    {
        QSqlDatabase db = openCheckConnection(m_database, name);
        if (!db.open()) {
            problems.append(QStringLiteral("cannot open the library"));
        } else {
            // One read transaction: one consistent snapshot for every check. The window says
            // "start" before each edit, so every edit this snapshot holds was announced
            // before it began: read what the window said only now.
            QSqlQuery(db).exec(QStringLiteral("BEGIN"));
            QSqlQuery(db).exec(QStringLiteral("SELECT count(*) FROM sqlite_master"));
            m_inCheck = true;
            const QList<Job *> jobs = m_jobs;
            for (Job *job : jobs)
                if (job->kind == QLatin1String("window"))
                    windowOutput(job);
            m_inCheck = false;
            problems = m_expected.check(db);
            QSqlQuery(db).exec(QStringLiteral("COMMIT"));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    for (const auto &[key, value] : std::as_const(m_deferredAcks)) {
        m_expected.writeAcknowledged(key, value);
        ++m_stats.windowSaves;
    }
    m_deferredAcks.clear();
    for (const QString &problem : std::as_const(problems))
        m_stats.problems.append(QStringLiteral("after %1: %2").arg(after, problem));
    if (!problems.isEmpty()) {
        log(QStringLiteral("after %1:\n  %2").arg(after, problems.join(QStringLiteral("\n  "))));
        m_stopping = true;
    }
}

} // namespace paperboy::crash
