// Two processes opening an old library at once (two windows, or a window and a command, on the
// first start after an update): exactly one upgrades it, the other waits and finds it done.
// The schema version used to be read before the write lock was taken, so the second process
// ran the migrations again on the upgraded file and failed (issue #15).

#include "cli_runner.h"
#include "test_db.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace paperboy;
using namespace paperboy::test;

namespace {

// The newest old library among the fixtures: its upgrade runs the most recent migrations.
QString newestOldFixture()
{
    const QDir dir(fixture(QStringLiteral("upgrades")));
    const QStringList files =
        dir.entryList({QStringLiteral("schema-v*.sqlite")}, QDir::Files, QDir::Name);
    return files.isEmpty() ? QString() : dir.filePath(files.last());
}

int versionOf(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("PRAGMA user_version")) && q.next() ? q.value(0).toInt() : -1;
}

// True once `pid` has `path` open (Linux /proc): the process is past starting up.
bool hasOpen(qint64 pid, const QString &path)
{
    const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
    const QStringList entries = fds.entryList(QDir::NoDotAndDotDot | QDir::System | QDir::Files);
    for (const QString &fd : entries)
        if (QFile::symLinkTarget(fds.filePath(fd)) == path)
            return true;
    return false;
}

void startPaperboy(QProcess &process, const QString &db)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(PAPERBOY_BINARY),
                  {QStringLiteral("--db"), db, QStringLiteral("dates"), QStringLiteral("--json")});
}

} // namespace

class TestConcurrentUpgrade : public QObject
{
    Q_OBJECT

private slots:
    void twoProcessesUpgradeOneOldLibrary()
    {
        const QString source = newestOldFixture();
        QVERIFY(!source.isEmpty());
        QTemporaryDir dir;
        const QString db = QFileInfo(dir.filePath(QStringLiteral("old.sqlite"))).absoluteFilePath();
        QVERIFY(QFile::copy(source, db));
        QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner);

        QStringList userBefore;
        int oldVersion = -1;
        {
            // The test holds the write lock while both processes start: both read the old
            // version and both reach the upgrade before either can write.
            QSqlDatabase holder =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
            holder.setDatabaseName(db);
            QVERIFY(holder.open());
            QSqlQuery q(holder);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode = WAL")));
            oldVersion = versionOf(holder);
            QVERIFY(oldVersion > 0 && oldVersion < Database::latestSchemaVersion());
            userBefore = userData(holder);
            QVERIFY(!userBefore.isEmpty());
            QVERIFY2(q.exec(QStringLiteral("BEGIN IMMEDIATE")), qPrintable(q.lastError().text()));

            QProcess first;
            QProcess second;
            startPaperboy(first, db);
            startPaperboy(second, db);
            QVERIFY(first.waitForStarted() && second.waitForStarted());
            QElapsedTimer waited;
            waited.start();
            while (!(hasOpen(first.processId(), db) && hasOpen(second.processId(), db)) &&
                   waited.elapsed() < 8000)
                QThread::msleep(20);
            QThread::msleep(1500); // each reads the version, then waits for the lock
            QVERIFY(first.state() == QProcess::Running && second.state() == QProcess::Running);
            QVERIFY(q.exec(QStringLiteral("ROLLBACK")));

            QVERIFY(first.waitForFinished(120000) && second.waitForFinished(120000));
            QVERIFY2(first.exitCode() == 0, first.readAllStandardError().constData());
            QVERIFY2(second.exitCode() == 0, second.readAllStandardError().constData());
            QCOMPARE(versionOf(holder), Database::latestSchemaVersion());
            QCOMPARE(userData(holder), userBefore);
            holder.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("holder"));

        // One copy of the old library was kept, whole, at its version.
        const QString backup = Database::backupPathFor(db, oldVersion);
        QVERIFY(QFile::exists(backup));
        {
            QSqlDatabase copy =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("copy"));
            copy.setDatabaseName(backup);
            QVERIFY(copy.open());
            QCOMPARE(versionOf(copy), oldVersion);
            QCOMPARE(userData(copy), userBefore);
            QSqlQuery check(copy);
            QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
            QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
            copy.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("copy"));
    }
};

QTEST_GUILESS_MAIN(TestConcurrentUpgrade)
#include "tst_concurrent_upgrade.moc"
