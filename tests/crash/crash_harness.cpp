#include "crash_harness.h"

#include "import/importer.h"
#include "store/database.h"
#include "store/store.h"
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

QString fixturePath(const QString &relative)
{
    return QStringLiteral(PAPERBOY_TEST_DATA "/") + relative;
}

// Digests of the 每日学术速递 kind, large enough that an import spends most of its life
// inside the transaction, where a kill matters most.
QByteArray syntheticDigest(const QDate &date, int entries, int idBase)
{
    QByteArray text = QStringLiteral("每日学术速递%1\n\nSubjects: cs.LG\n\n")
                          .arg(date.toString(QStringLiteral("yyyy.MM.dd")))
                          .toUtf8();
    for (int i = 1; i <= entries; ++i)
        text += QStringLiteral("%1.Crash-safe storage, part %1\n\n标题:崩溃安全的存储 %1\n\n"
                               "作者:Ada Lovelace, Alan Turing\n\n"
                               "文章链接:https://arxiv.org/abs/%2.%3\n\n"
                               "摘要:\n\n        第 %1 篇论文的摘要:写入要么完整,要么没有。\n\n")
                    .arg(i)
                    .arg(date.toString(QStringLiteral("yyMM")))
                    .arg(idBase + i, 5, 10, QLatin1Char('0'))
                    .toUtf8();
    return text;
}

QSqlDatabase openCheckConnection(const QString &path, const QString &name)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    db.open();
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

bool CrashHarness::prepare()
{
    m_dir = std::make_unique<QTemporaryDir>(
        QDir::temp().filePath(QStringLiteral("paperboy-crash-XXXXXX")));
    m_server = std::make_unique<test::TestHttpServer>();
    if (!m_dir->isValid() || !m_server->listen()) {
        m_stats.problems.append(QStringLiteral("cannot set up a temporary folder or the server"));
        return false;
    }
    m_server->route(QStringLiteral("/rss/cs.CV"),
                    {test::TestHttpServer::arxivRssFixture(
                        QStringLiteral("rss_2024-11-28_first120items.xml"))});
    m_database = m_dir->filePath(QStringLiteral("library.sqlite"));
    m_importFiles = {
        fixturePath(QStringLiteral("digest-text/meiri-xueshu-sudi_2024-03-14_cs.CV.txt")),
        fixturePath(QStringLiteral("digest-json/daily-arXiv-ai-enhanced_2026-06-12.jsonl")),
        fixturePath(QStringLiteral("digest-json/daily-arXiv-ai-enhanced_2026-06-13.jsonl")),
        fixturePath(QStringLiteral("hf-daily/hf_daily_papers_2026-06-12_first15.json")),
    };
    return writeSyntheticDigests() && buildReference() && importBaseline();
}

bool CrashHarness::writeSyntheticDigests()
{
    for (int day = 1; day <= 3; ++day) {
        const QDate date(2024, 5, day);
        const QString path = m_dir->filePath(
            QStringLiteral("meiri-xueshu-sudi_%1_cs.LG.txt").arg(date.toString(Qt::ISODate)));
        QFile file(path);
        // Overlapping ids across days: the same paper listed on several days.
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(syntheticDigest(date, m_options.syntheticEntries, day * 100)) < 0) {
            m_stats.problems.append(QStringLiteral("cannot write %1").arg(path));
            return false;
        }
        m_importFiles.append(path);
    }
    return true;
}

// Each source's digests as an unkilled run stores them: what "whole" means.
bool CrashHarness::buildReference()
{
    QMap<QString, DigestShape> reference;
    int n = 0;
    for (const QString &file : std::as_const(m_importFiles)) {
        const QString path = m_dir->filePath(QStringLiteral("reference-%1.sqlite").arg(++n));
        {
            Database db;
            if (!db.open(path)) {
                m_stats.problems.append(db.error());
                return false;
            }
            Store store(db);
            const ImportReport report = Importer(store).importFile(file);
            if (!report.ok) {
                m_stats.problems.append(QStringLiteral("reference import: %1").arg(report.error));
                return false;
            }
            QStringList problems;
            const QMap<QString, DigestShape> shapes = readDigestShapes(db.connection(), &problems);
            m_digestsOfFile.insert(file, shapes.keys());
            reference.insert(shapes);
        }
        QFile::remove(path);
    }
    const QString path = m_dir->filePath(QStringLiteral("reference-fetch.sqlite"));
    QProcess *fetch =
        startPaperboy({QStringLiteral("fetch"), QStringLiteral("--force"),
                       QStringLiteral("--rss-url"), m_server->baseUrl() + QStringLiteral("/rss/")},
                      path);
    const bool fetched = waitForProcess(fetch, 60000) && fetch->exitCode() == 0;
    const QString error = QString::fromUtf8(fetch->readAllStandardError());
    delete fetch;
    if (!fetched) {
        m_stats.problems.append(QStringLiteral("reference fetch failed: %1").arg(error));
        return false;
    }
    {
        Database db;
        if (!db.open(path, Database::Mode::ReadOnly)) {
            m_stats.problems.append(db.error());
            return false;
        }
        QStringList problems;
        const QMap<QString, DigestShape> shapes = readDigestShapes(db.connection(), &problems);
        m_fetchDigests = shapes.keys();
        reference.insert(shapes);
    }
    m_expected.setReferenceDigests(reference);
    return true;
}

// A library with papers to star before anything is killed.
bool CrashHarness::importBaseline()
{
    Database db;
    if (!db.open(m_database)) {
        m_stats.problems.append(db.error());
        return false;
    }
    Store store(db);
    Importer importer(store);
    for (const QString &file : {m_importFiles.at(0), m_importFiles.at(4)}) {
        const ImportReport report = importer.importFile(file);
        if (!report.ok) {
            m_stats.problems.append(report.error);
            return false;
        }
        m_expected.importAcknowledged(m_digestsOfFile.value(file));
    }
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("SELECT arxiv_id FROM papers ORDER BY id LIMIT 60"));
    while (q.next())
        m_papers.append(q.value(0).toString());
    return !m_papers.isEmpty();
}

QProcess *CrashHarness::startPaperboy(const QStringList &arguments, const QString &database)
{
    auto *process = new QProcess;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("PAPERBOY_DB"), database);
    env.insert(QStringLiteral("PAPERBOY_MIN_REQUEST_SPACING_MS"), QStringLiteral("10"));
    env.insert(QStringLiteral("PAPERBOY_FETCH_BACKOFF_MS"), QStringLiteral("10"));
    env.insert(QStringLiteral("PAPERBOY_FETCH_TIMEOUT_MS"), QStringLiteral("10000"));
    process->setProcessEnvironment(env);
    process->start(m_options.binary, arguments);
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
    for (const Job *job : std::as_const(m_jobs))
        loaders += job->loader ? 1 : 0;
    while (loaders++ < m_options.loaders)
        startLoader();
    while (m_jobs.size() < m_options.loaders + m_options.writers &&
           m_busyPapers.size() < m_papers.size())
        startWriter();
}

void CrashHarness::startLoader()
{
    auto *job = new Job;
    job->loader = true;
    QStringList arguments;
    if (m_random.bounded(4) == 0) {
        job->kind = QStringLiteral("fetch");
        job->digests = m_fetchDigests;
        arguments = {QStringLiteral("fetch"), QStringLiteral("--force"),
                     QStringLiteral("--rss-url"), m_server->baseUrl() + QStringLiteral("/rss/")};
    } else {
        job->kind = QStringLiteral("import");
        const QString file = m_importFiles.at(int(m_random.bounded(int(m_importFiles.size()))));
        job->digests = m_digestsOfFile.value(file);
        arguments = {QStringLiteral("import"), file};
    }
    launch(job, arguments);
}

void CrashHarness::startWriter()
{
    QString paper;
    do
        paper = m_papers.at(int(m_random.bounded(int(m_papers.size()))));
    while (m_busyPapers.contains(paper));
    auto *job = new Job;
    job->paper = paper;
    m_busyPapers.insert(paper);
    QStringList arguments;
    const int sequence = ++m_sequence;
    switch (m_random.bounded(5)) {
    case 0:
    case 1: {
        const bool star = m_random.bounded(3) != 0;
        job->kind = QStringLiteral("star");
        job->key = QStringLiteral("star:") + paper;
        job->value = star ? QStringLiteral("1") : QStringLiteral("0");
        arguments = {star ? QStringLiteral("star") : QStringLiteral("unstar"), paper};
        break;
    }
    case 2:
    case 3:
        job->kind = QStringLiteral("note");
        job->key = QStringLiteral("note:") + paper;
        // Multi-line, non-ASCII, and long now and then: a note is years of reading.
        job->value = QStringLiteral("note %1 on %2: 第%1次批注\nsecond line %3")
                         .arg(sequence)
                         .arg(paper)
                         .arg(QString(int(m_random.bounded(2000)), QLatin1Char('x')));
        arguments = {QStringLiteral("note"), paper, job->value};
        break;
    default: {
        const bool add = m_random.bounded(3) != 0;
        const QString tag = QStringLiteral("crash-tag-%1").arg(m_random.bounded(3));
        job->kind = QStringLiteral("tag");
        job->key = QStringLiteral("tag:%1:%2").arg(paper, tag);
        job->value = add ? QStringLiteral("1") : QStringLiteral("0");
        arguments = {add ? QStringLiteral("tag") : QStringLiteral("untag"), paper, tag};
        break;
    }
    }
    m_expected.writeStarted(job->key, job->value);
    launch(job, arguments);
}

void CrashHarness::launch(Job *job, const QStringList &arguments)
{
    job->process = startPaperboy(arguments, m_database);
    job->clock.start();
    m_jobs.append(job);
    connect(job->process, &QProcess::finished, this,
            [this, job](int exitCode, QProcess::ExitStatus status) {
                finished(job, exitCode, status);
            });

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
    m_busyPapers.remove(job->paper);
    const qint64 ms = job->clock.elapsed();
    const bool killed =
        job->process->property("crashKill").toBool() && status == QProcess::CrashExit;
    m_stats.finishedByKind[job->kind] += 1;
    if (killed) {
        ++m_stats.kills;
        m_stats.killsByKind[job->kind] += 1;
        if (m_options.verbose)
            log(QStringLiteral("killed %1 after %2 ms").arg(job->kind).arg(ms));
        check(QStringLiteral("kill %1 (%2 after %3 ms)").arg(m_stats.kills).arg(job->kind).arg(ms));
        if (m_stats.kills % 50 == 0)
            log(QStringLiteral("%1 kills, %2 checks, %3 acknowledged writes, %4 problems")
                    .arg(m_stats.kills)
                    .arg(m_stats.checks)
                    .arg(m_expected.acknowledgedWrites())
                    .arg(m_stats.problems.size()));
    } else if (status == QProcess::NormalExit && exitCode == 0) {
        // Acknowledged: the user was told it is saved.
        if (job->key.isEmpty()) {
            m_expected.importAcknowledged(job->digests);
            ++m_stats.acknowledgedImports;
        } else {
            m_expected.writeAcknowledged(job->key, job->value);
        }
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
        if (!db.isOpen()) {
            problems.append(QStringLiteral("cannot open the library"));
        } else {
            // One read transaction: one consistent snapshot for every check.
            QSqlQuery(db).exec(QStringLiteral("BEGIN"));
            problems = m_expected.check(db);
            QSqlQuery(db).exec(QStringLiteral("COMMIT"));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    for (const QString &problem : std::as_const(problems))
        m_stats.problems.append(QStringLiteral("after %1: %2").arg(after, problem));
    if (!problems.isEmpty()) {
        log(QStringLiteral("after %1:\n  %2").arg(after, problems.join(QStringLiteral("\n  "))));
        m_stopping = true;
    }
}

} // namespace paperboy::crash
