// Two processes writing one library at the same time (the window's writer thread and a
// `paperboy import` in a terminal, or the crash harness's processes): a write that finds
// the library busy waits its turn instead of failing. The crash harness found imports, tags
// and restores failing at once with "database is locked": they began with a deferred BEGIN,
// and SQLite cannot wait for the write lock once a transaction has read.

#include "cli_runner.h"
#include "test_db.h"
#include "test_http_server.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace paperboy::test;

namespace {

// How long this process keeps the write lock while a command runs. Long enough for the
// command to start and reach its write; far below the store's 10 s busy timeout.
constexpr int kHoldMs = 2000;

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
    CliRun runWhileLocked(const QStringList &arguments);

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
                                QStringLiteral("first")})
                 .exitCode,
             0);
    QCOMPARE(
        runPaperboy(m_db, {QStringLiteral("backup"), m_dir->filePath(QStringLiteral("b.json"))})
            .exitCode,
        0);
}

void TestCrashConcurrentWrites::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

// Runs paperboy while a connection of this process holds the write lock for kHoldMs.
CliRun TestCrashConcurrentWrites::runWhileLocked(const QStringList &arguments)
{
    CliRun run;
    const QString name = QStringLiteral("lock-holder");
    {
        QSqlDatabase holder = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        holder.setDatabaseName(m_db);
        if (!holder.open() || !QSqlQuery(holder).exec(QStringLiteral("BEGIN IMMEDIATE"))) {
            qWarning("cannot take the write lock: %s", qPrintable(holder.lastError().text()));
            return run;
        }
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PAPERBOY_DB"), m_db);
        env.insert(QStringLiteral("PAPERBOY_MIN_REQUEST_SPACING_MS"), QStringLiteral("10"));
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        // This process's event loop serves the fetch and releases the lock.
        QTimer::singleShot(kHoldMs, &process,
                           [&holder] { QSqlQuery(holder).exec(QStringLiteral("ROLLBACK")); });
        process.start(QStringLiteral(PAPERBOY_BINARY), arguments);
        if (finished.wait(60000)) {
            run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
            run.out = process.readAllStandardOutput();
            run.err = process.readAllStandardError();
        } else {
            process.kill();
            process.waitForFinished();
        }
        QSqlQuery(holder).exec(QStringLiteral("ROLLBACK"));
        holder.close();
    }
    QSqlDatabase::removeDatabase(name);
    return run;
}

void TestCrashConcurrentWrites::writesWaitForAnotherWriter_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("star") << QStringList{QStringLiteral("star"), QStringLiteral("2306.05544")};
    QTest::newRow("note") << QStringList{QStringLiteral("note"), QStringLiteral("2306.05544"),
                                         QStringLiteral("waited")};
    QTest::newRow("import") << QStringList{
        QStringLiteral("import"),
        fixture(QStringLiteral("hf-daily/hf_daily_papers_2026-06-12_first15.json"))};
    QTest::newRow("tag") << QStringList{QStringLiteral("tag"), QStringLiteral("2306.05544"),
                                        QStringLiteral("second")};
    QTest::newRow("rename tag") << QStringList{QStringLiteral("tag"), QStringLiteral("--rename"),
                                               QStringLiteral("first"), QStringLiteral("renamed")};
    QTest::newRow("restore") << QStringList{QStringLiteral("restore"), QStringLiteral("b.json")};
    QTest::newRow("fetch") << QStringList{QStringLiteral("fetch"), QStringLiteral("--rss-url"),
                                          QStringLiteral("RSS")};
}

void TestCrashConcurrentWrites::writesWaitForAnotherWriter()
{
    QFETCH(QStringList, arguments);
    for (QString &argument : arguments) {
        if (argument == QLatin1String("b.json"))
            argument = m_dir->filePath(argument);
        else if (argument == QLatin1String("RSS"))
            argument = m_server->baseUrl() + QStringLiteral("/rss/");
    }
    const CliRun run = runWhileLocked(arguments);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(!run.err.contains("locked"));
    QCOMPARE(runPaperboy(m_db, {QStringLiteral("dates")}).exitCode, 0);
}

QTEST_GUILESS_MAIN(TestCrashConcurrentWrites)
#include "tst_crash_concurrent_writes.moc"
