// Two processes writing one library at the same time (the window's writer thread and a
// `paperboy import` in a terminal, or the crash harness's processes): a write that finds
// the library busy waits its turn instead of failing. The crash harness found imports, tags
// and restores failing at once with "database is locked": they began with a deferred BEGIN,
// and SQLite cannot wait for the write lock once a transaction has read.
//
// Each command runs while this process holds the write lock. The test makes sure the lock
// was really held (another connection that may not wait is refused), that the command
// really met it (it is seen sleeping in SQLite's busy handler with the library open, which
// a loaded machine could otherwise delay past a fixed hold), that it finished only after the
// lock was released, and that its write landed.

#include "cli_runner.h"
#include "test_db.h"
#include "test_http_server.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace paperboy::test;

namespace {

// How long the lock stays held once the command is seen waiting for it, and how long the
// test waits for that to happen: together below the store's 10 s busy timeout, which starts
// when the command first meets the lock.
constexpr int kHoldAfterSeenMs = 300;
constexpr int kSeenWithinMs = 8000;

// True while `pid` sleeps in a system call SQLite's busy handler uses (nanosleep or
// clock_nanosleep, x86-64 and arm64 numbers) with `path` open: it is waiting for the lock.
bool waitsForLock(qint64 pid, const QString &path)
{
    QFile syscall(QStringLiteral("/proc/%1/syscall").arg(pid));
    if (!syscall.open(QIODevice::ReadOnly))
        return false;
    const QByteArray number = syscall.readAll().split(' ').value(0).trimmed();
    static const QList<QByteArray> sleeps = {"35", "230", "101", "115"};
    if (!sleeps.contains(number))
        return false;
    const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
    const QString target = QFileInfo(path).canonicalFilePath();
    for (const QFileInfo &fd : fds.entryInfoList(QDir::Files | QDir::System))
        if (fd.symLinkTarget() == target)
            return true;
    return false;
}

QString scalar(const QString &db, const QString &sql)
{
    QString value;
    const QString name = QStringLiteral("check");
    {
        QSqlDatabase check = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        check.setDatabaseName(db);
        if (check.open()) {
            QSqlQuery q(check);
            if (q.exec(sql) && q.next())
                value = q.value(0).toString();
        }
        check.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

} // namespace

class TestCrashConcurrentWrites : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void writesWaitForAnotherWriter_data();
    void writesWaitForAnotherWriter();

private:
    struct LockedRun
    {
        CliRun run;
        bool lockHeld = false;  // another connection could not take it
        bool sawWaiting = false; // the command slept in the busy handler
        bool finishedWhileLocked = false;
    };
    LockedRun runWhileLocked(const QStringList &arguments);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestHttpServer> m_server;
    QString m_db;
};

void TestCrashConcurrentWrites::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = m_dir->filePath(QStringLiteral("library.sqlite"));
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
    m_server->route(
        QStringLiteral("/rss/cs.CV"),
        {TestHttpServer::arxivRssFixture(QStringLiteral("rss_2024-11-28_first120items.xml"))});
    QCOMPARE(runPaperboy(m_db, {QStringLiteral("import"), foundingDigestPath()}).exitCode, 0);
    QCOMPARE(runPaperboy(m_db, {QStringLiteral("tag"), QStringLiteral("2306.05544"),
                                QStringLiteral("first"), QStringLiteral("from-backup")})
                 .exitCode,
             0);
    QCOMPARE(
        runPaperboy(m_db, {QStringLiteral("backup"), m_dir->filePath(QStringLiteral("b.json"))})
            .exitCode,
        0);
    // The restore has something to bring back.
    QCOMPARE(runPaperboy(m_db, {QStringLiteral("untag"), QStringLiteral("2306.05544"),
                                QStringLiteral("from-backup")})
                 .exitCode,
             0);
}

void TestCrashConcurrentWrites::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

// Runs paperboy while a connection of this process holds the write lock, until the command
// is seen waiting for it.
TestCrashConcurrentWrites::LockedRun
TestCrashConcurrentWrites::runWhileLocked(const QStringList &arguments)
{
    LockedRun result;
    const QString name = QStringLiteral("lock-holder");
    const QString probeName = QStringLiteral("lock-probe");
    {
        QSqlDatabase holder = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        holder.setDatabaseName(m_db);
        if (!holder.open() || !QSqlQuery(holder).exec(QStringLiteral("BEGIN IMMEDIATE"))) {
            qWarning("cannot take the write lock: %s", qPrintable(holder.lastError().text()));
            return result;
        }
        {
            // A connection that may not wait is refused: the lock is really held.
            QSqlDatabase probe = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), probeName);
            probe.setDatabaseName(m_db);
            probe.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=0"));
            QSqlQuery begin(probe);
            result.lockHeld = probe.open() && !begin.exec(QStringLiteral("BEGIN IMMEDIATE")) &&
                              begin.lastError().text().contains(QStringLiteral("locked"));
            probe.close();
        }
        QSqlDatabase::removeDatabase(probeName);

        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PAPERBOY_DB"), m_db);
        env.insert(QStringLiteral("PAPERBOY_MIN_REQUEST_SPACING_MS"), QStringLiteral("10"));
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(PAPERBOY_BINARY), arguments);
        // This process's event loop serves the fetch meanwhile.
        QElapsedTimer clock;
        clock.start();
        while (finished.isEmpty() && clock.elapsed() < kSeenWithinMs) {
            if (waitsForLock(process.processId(), m_db)) {
                result.sawWaiting = true;
                QTest::qWait(kHoldAfterSeenMs);
                break;
            }
            QTest::qWait(10);
        }
        result.finishedWhileLocked = !finished.isEmpty();
        QSqlQuery(holder).exec(QStringLiteral("ROLLBACK"));
        if (finished.wait(60000) || !finished.isEmpty()) {
            result.run.exitCode =
                process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
            result.run.out = process.readAllStandardOutput();
            result.run.err = process.readAllStandardError();
        } else {
            process.kill();
            process.waitForFinished();
        }
        holder.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

void TestCrashConcurrentWrites::writesWaitForAnotherWriter_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("landed"); // a query that gives 1 once the write is stored
    QTest::newRow("star") << QStringList{QStringLiteral("star"), QStringLiteral("2306.05544")}
                          << QStringLiteral("SELECT starred FROM user_papers WHERE arxiv_id = "
                                            "'2306.05544'");
    QTest::newRow("note") << QStringList{QStringLiteral("note"), QStringLiteral("2306.05544"),
                                         QStringLiteral("waited")}
                          << QStringLiteral("SELECT note = 'waited' FROM user_papers WHERE "
                                            "arxiv_id = '2306.05544'");
    QTest::newRow("import") << QStringList{QStringLiteral("import"),
                                           fixture(QStringLiteral(
                                               "hf-daily/hf_daily_papers_2026-06-12_first15.json"))}
                            << QStringLiteral("SELECT entry_count = 15 FROM digests WHERE date = "
                                              "'2026-06-12' AND source = 'hf-daily'");
    QTest::newRow("tag") << QStringList{QStringLiteral("tag"), QStringLiteral("2306.05544"),
                                        QStringLiteral("second")}
                         << QStringLiteral("SELECT count(*) FROM user_tags WHERE tag = 'second'");
    QTest::newRow("rename tag") << QStringList{QStringLiteral("tag"), QStringLiteral("--rename"),
                                               QStringLiteral("first"), QStringLiteral("renamed")}
                                << QStringLiteral("SELECT count(*) = 1 AND sum(tag = 'renamed') = "
                                                  "1 FROM user_tags WHERE tag IN ('first', "
                                                  "'renamed')");
    QTest::newRow("restore") << QStringList{QStringLiteral("restore"), QStringLiteral("b.json")}
                             << QStringLiteral("SELECT count(*) FROM user_tags WHERE tag = "
                                               "'from-backup'");
    QTest::newRow("fetch") << QStringList{QStringLiteral("fetch"), QStringLiteral("--rss-url"),
                                          QStringLiteral("RSS")}
                           << QStringLiteral("SELECT entry_count > 100 FROM digests WHERE date = "
                                             "'2024-11-28' AND source = 'arxiv-rss'");
}

void TestCrashConcurrentWrites::writesWaitForAnotherWriter()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, landed);
    for (QString &argument : arguments) {
        if (argument == QLatin1String("b.json"))
            argument = m_dir->filePath(argument);
        else if (argument == QLatin1String("RSS"))
            argument = m_server->baseUrl() + QStringLiteral("/rss/");
    }
    QVERIFY2(scalar(m_db, landed) != QLatin1String("1"), "the write is there before the run");
    const LockedRun locked = runWhileLocked(arguments);
    QVERIFY2(locked.lockHeld, "another connection could take the write lock");
    QVERIFY2(locked.sawWaiting, "the command was never seen waiting for the lock");
    QVERIFY2(!locked.finishedWhileLocked, locked.run.err.constData());
    QVERIFY2(locked.run.exitCode == 0, locked.run.err.constData());
    QVERIFY(!locked.run.err.contains("locked"));
    QCOMPARE(scalar(m_db, landed), QStringLiteral("1"));
    QCOMPARE(runPaperboy(m_db, {QStringLiteral("dates")}).exitCode, 0);
}

QTEST_GUILESS_MAIN(TestCrashConcurrentWrites)
#include "tst_crash_concurrent_writes.moc"
