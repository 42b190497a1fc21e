// A library on a full disk or a read-only mount, driven through the real binary: imports,
// fetches and user writes fail with a clear error and change nothing; the library stays
// whole and works again once there is space; a read-only library still lists and shows.
// Runs on a 2 MB tmpfs of its own (tst_full_disk_mount.h); skipped where mounting is not
// permitted.

#include "cli_runner.h"
#include "test_db.h"
#include "test_http_server.h"
#include "tst_full_disk_mount.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace paperboy;
using namespace paperboy::test;

namespace {

QByteArray bigDigest(int entries)
{
    QByteArray text = "每日学术速递2024.06.01\n\nSubjects: cs.LG\n\n";
    for (int i = 1; i <= entries; ++i)
        text += QStringLiteral("%1.A paper about disks, number %1\n\n标题:关于磁盘的论文 %1\n\n"
                               "作者:Ada Lovelace, Alan Turing\n\n"
                               "文章链接:https://arxiv.org/abs/2406.%2\n\n"
                               "摘要:\n\n        第 %1 篇:磁盘满了,导入要么完整,要么没有。\n\n")
                    .arg(i)
                    .arg(i, 5, 10, QLatin1Char('0'))
                    .toUtf8();
    return text;
}

// What a reader must find intact, read on a connection of this process.
struct Snapshot
{
    QString integrity;
    QStringList user;
    QStringList cache;
};

Snapshot snapshot(const QString &path)
{
    Database db;
    if (!db.open(path, Database::Mode::ReadOnly))
        return {db.error(), {}, {}};
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("PRAGMA integrity_check"));
    return {q.next() ? q.value(0).toString() : q.lastError().text(), userData(db.connection()),
            cacheData(db.connection())};
}

} // namespace

class TestFullDisk : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void importFailsWholeWhenTheDiskFills();
    void fetchFailsClearlyWhenTheDiskFills();
    void userWritesFailClearlyOrAreKept();
    void readOnlyMountOpensForReading();
    void readOnlyFileOpensForReading();

private:
    CliRun fetch();

    std::unique_ptr<SmallDisk> m_disk;
    std::unique_ptr<QTemporaryDir> m_outside; // files that are not on the small disk
    QString m_db;
    QString m_big;
};

void TestFullDisk::init()
{
    // 4 MB: the 2,000-paper import stores 1.6 MB, and with its write-ahead log at the peak of
    // the transaction it no longer fits in 2 MB (fillUp() leaves the same 150 KB either way).
    m_disk = std::make_unique<SmallDisk>(QStringLiteral("4m"));
    m_outside = std::make_unique<QTemporaryDir>();
    m_big = m_outside->filePath(QStringLiteral("meiri-xueshu-sudi_2024-06-01_cs.LG.txt"));
    QFile big(m_big);
    QVERIFY(big.open(QIODevice::WriteOnly));
    big.write(bigDigest(2000));
    big.close();
    // Without a disk of its own only the file permission case runs (in a plain folder).
    m_db = (m_disk->isMounted() ? m_disk->path() : m_outside->path()) +
           QStringLiteral("/library.sqlite");
    QCOMPARE(runPaperboy(m_db, {QStringLiteral("import"), foundingDigestPath()}).exitCode, 0);
    QCOMPARE(runPaperboy(m_db, {QStringLiteral("star"), QStringLiteral("2306.05544")}).exitCode, 0);
    QCOMPARE(runPaperboy(m_db, {QStringLiteral("note"), QStringLiteral("2306.05544"),
                                QStringLiteral("years of reading")})
                 .exitCode,
             0);
}

#define REQUIRE_SMALL_DISK()                                                                       \
    if (!m_disk->isMounted())                                                                      \
        QSKIP(qPrintable(QStringLiteral("no size-limited filesystem: %1").arg(m_disk->why())));

void TestFullDisk::cleanup()
{
    m_disk.reset();
    m_outside.reset();
}

CliRun TestFullDisk::fetch()
{
    TestHttpServer server;
    if (!server.listen())
        return {};
    server.route(
        QStringLiteral("/rss/cs.CV"),
        {TestHttpServer::arxivRssFixture(QStringLiteral("rss_2024-11-28_first120items.xml"))});
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PAPERBOY_DB"), m_db);
    env.insert(QStringLiteral("PAPERBOY_MIN_REQUEST_SPACING_MS"), QStringLiteral("10"));
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(PAPERBOY_BINARY),
                  {QStringLiteral("fetch"), QStringLiteral("--rss-url"),
                   server.baseUrl() + QStringLiteral("/rss/")});
    CliRun run;
    if (!finished.wait(60000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

void TestFullDisk::importFailsWholeWhenTheDiskFills()
{
    REQUIRE_SMALL_DISK();
    const Snapshot before = snapshot(m_db);
    QCOMPARE(before.integrity, QStringLiteral("ok"));
    QVERIFY(m_disk->fillUp(150 * 1024));

    CliRun run = runPaperboy(m_db, {QStringLiteral("import"), m_big});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("full") && run.err.contains("nothing was changed") &&
                 run.err.contains(m_big.toUtf8()),
             run.err.constData());
    const Snapshot after = snapshot(m_db);
    QCOMPARE(after.integrity, QStringLiteral("ok"));
    QCOMPARE(after.user, before.user);
    QCOMPARE(after.cache, before.cache);

    // Space again: the same library takes the same file whole.
    m_disk->removeFillers();
    run = runPaperboy(m_db, {QStringLiteral("import"), m_big});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = runPaperboy(m_db, {QStringLiteral("list"), QStringLiteral("--date"),
                             QStringLiteral("2024-06-01"), QStringLiteral("--json")});
    QCOMPARE(run.json().array().size(), 2000);
    QCOMPARE(snapshot(m_db).user, before.user);
}

void TestFullDisk::fetchFailsClearlyWhenTheDiskFills()
{
    REQUIRE_SMALL_DISK();
    // A digest that fills most of the disk, so the fetch's 120 papers cannot fit.
    const Snapshot before = snapshot(m_db);
    QVERIFY(m_disk->fillUp(60 * 1024));
    const CliRun run = fetch();
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("full"), run.err.constData());
    const Snapshot after = snapshot(m_db);
    QCOMPARE(after.integrity, QStringLiteral("ok"));
    QCOMPARE(after.user, before.user);
    QCOMPARE(after.cache, before.cache);
    m_disk->removeFillers();
    const CliRun again = fetch();
    QVERIFY2(again.exitCode == 0, again.err.constData());
}

void TestFullDisk::userWritesFailClearlyOrAreKept()
{
    REQUIRE_SMALL_DISK();
    QVERIFY(m_disk->fillUp(0));
    const QString note = QStringLiteral("a long second thought ").repeated(2000);
    const CliRun run =
        runPaperboy(m_db, {QStringLiteral("note"), QStringLiteral("2306.05544"), note});
    const CliRun star = runPaperboy(m_db, {QStringLiteral("star"), QStringLiteral("2306.01667")});
    m_disk->removeFillers();
    const Snapshot after = snapshot(m_db);
    QCOMPARE(after.integrity, QStringLiteral("ok"));
    Database db;
    QVERIFY(db.open(m_db, Database::Mode::ReadOnly));
    const Store store(db);
    // Acknowledged means stored; refused means the old value is still there.
    if (run.exitCode == 0) {
        QCOMPARE(store.userState(QStringLiteral("2306.05544")).note, note);
    } else {
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("full"), run.err.constData());
        QCOMPARE(store.userState(QStringLiteral("2306.05544")).note,
                 QStringLiteral("years of reading"));
    }
    qInfo("on a full disk: note exit %d, star exit %d", run.exitCode, star.exitCode);
    QCOMPARE(store.userState(QStringLiteral("2306.01667")).starred, star.exitCode == 0);
    if (star.exitCode != 0)
        QVERIFY2(star.err.contains("full"), star.err.constData());
}

void TestFullDisk::readOnlyMountOpensForReading()
{
    REQUIRE_SMALL_DISK();
    const Snapshot before = snapshot(m_db);
    QVERIFY(m_disk->remount(true));
    const QByteArray hash = fileHash(m_db);
    for (const QStringList &arguments :
         {QStringList{QStringLiteral("dates")}, QStringList{QStringLiteral("list")},
          QStringList{QStringLiteral("show"), QStringLiteral("2306.05544")},
          QStringList{QStringLiteral("search"), QStringLiteral("BOOT")}}) {
        const CliRun run = runPaperboy(m_db, arguments);
        QVERIFY2(run.exitCode == 0, qPrintable(arguments.join(QLatin1Char(' ')) + QLatin1Char(' ') +
                                               QString::fromUtf8(run.err)));
        // Commands that only read open read-only anyway; the others say why they do.
        if (arguments.first() != QLatin1String("search"))
            QVERIFY2(run.err.contains("read-only"), run.err.constData());
    }
    QVERIFY(runPaperboy(m_db, {QStringLiteral("show"), QStringLiteral("2306.05544")})
                .out.contains("years of reading"));
    for (const QStringList &arguments :
         {QStringList{QStringLiteral("star"), QStringLiteral("2306.01667")},
          QStringList{QStringLiteral("note"), QStringLiteral("2306.05544"), QStringLiteral("new")},
          QStringList{QStringLiteral("tag"), QStringLiteral("2306.05544"), QStringLiteral("t")},
          QStringList{QStringLiteral("import"), m_big}}) {
        const CliRun run = runPaperboy(m_db, arguments);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("open read-only"), run.err.constData());
    }
    const CliRun fetched = fetch();
    QCOMPARE(fetched.exitCode, 1);
    QVERIFY2(fetched.err.contains("nothing fetched") && fetched.err.contains("read-only"),
             fetched.err.constData());
    QCOMPARE(fileHash(m_db), hash);
    QVERIFY(m_disk->remount(false));
    QCOMPARE(snapshot(m_db).user, before.user);
}

void TestFullDisk::readOnlyFileOpensForReading()
{
    QVERIFY(QFile::setPermissions(m_db, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    if (QFileInfo(m_db).isWritable())
        QSKIP("this user may write a 0444 file (root); the read-only mount covers it");
    const CliRun list = runPaperboy(m_db, {QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.err.contains("read-only"), list.err.constData());
    const CliRun star = runPaperboy(m_db, {QStringLiteral("star"), QStringLiteral("2306.01667")});
    QCOMPARE(star.exitCode, 1);
    QVERIFY2(star.err.contains("open read-only"), star.err.constData());
}

QTEST_GUILESS_MAIN(TestFullDisk)
#include "tst_full_disk.moc"
