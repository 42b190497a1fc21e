// A library on a full disk or a read-only mount, driven through the real command line:
// imports, fetches and user writes fail with a clear error and change nothing; the library
// stays whole and works again once there is space; a read-only library still lists and shows.
//
// Every test runs twice. "tmpfs": on a 2 MB tmpfs of its own (tst_full_disk_mount.h), filled
// up or remounted read-only; skipped where mounting is not permitted. The other row always
// runs, without privileges: "fault vfs" runs the command line over the fault VFS
// (paperboy_faulty, tests/faults/), whose disk is full from a chosen write on; "other user"
// takes the library's write permissions away and, when the tests run as root (whom
// permissions do not stop), runs the command as "nobody".

#include "cli_runner.h"
#include "other_user.h"
#include "test_db.h"
#include "test_http_server.h"
#include "tst_full_disk_mount.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
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

// "paperboy_faulty: the fault fired; 12 writes, 3 syncs" -> 15.
int writesAndSyncs(const QByteArray &err)
{
    static const QRegularExpression counts(QStringLiteral(R"((\d+) writes, (\d+) syncs)"));
    const QRegularExpressionMatch match = counts.match(QString::fromUtf8(err));
    return match.hasMatch() ? match.captured(1).toInt() + match.captured(2).toInt() : -1;
}

} // namespace

class TestFullDisk : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void importFailsWholeWhenTheDiskFills_data() { rows(QStringLiteral("fault vfs")); }
    void importFailsWholeWhenTheDiskFills();
    void fetchFailsClearlyWhenTheDiskFills_data() { rows(QStringLiteral("fault vfs")); }
    void fetchFailsClearlyWhenTheDiskFills();
    void userWritesFailClearlyOrAreKept_data() { rows(QStringLiteral("fault vfs")); }
    void userWritesFailClearlyOrAreKept();
    void readOnlyMountOpensForReading_data() { rows(QStringLiteral("other user")); }
    void readOnlyMountOpensForReading();
    void readOnlyFileOpensForReading();

private:
    static void rows(const QString &always);
    bool onTmpfs() const { return m_disk != nullptr; }
    // Runs paperboy (over the fault VFS when `fault` is set, as "nobody" when m_nobody),
    // serving the test server meanwhile.
    CliRun run(const QStringList &arguments, const QString &fault = {});
    CliRun fetch(const QString &fault = {});
    // Takes write permission on the library and its folder away (`folderToo`) or gives it back.
    void makeReadOnly(bool readOnly, bool folderToo);

    std::unique_ptr<SmallDisk> m_disk; // only for the "tmpfs" rows
    std::unique_ptr<QTemporaryDir> m_outside; // files that are not on the small disk
    std::unique_ptr<TestHttpServer> m_server;
    QString m_db;
    QString m_big;
    bool m_nobody = false;
};

void TestFullDisk::rows(const QString &always)
{
    QTest::addColumn<bool>("tmpfs");
    QTest::newRow("tmpfs") << true;
    QTest::newRow(qPrintable(always)) << false;
}

void TestFullDisk::init()
{
    // init() runs before QFETCH is available: the row's tag says which disk.
    const bool tmpfs = QTest::currentDataTag() == QByteArrayLiteral("tmpfs");
    // 4 MB: the 2,000-paper import stores 1.6 MB, and with its write-ahead log at the peak of
    // the transaction it no longer fits in 2 MB (fillUp() leaves the same 150 KB either way).
    m_disk = tmpfs ? std::make_unique<SmallDisk>(QStringLiteral("4m")) : nullptr;
    m_outside = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
    m_server->route(
        QStringLiteral("/rss/cs.CV"),
        {TestHttpServer::arxivRssFixture(QStringLiteral("rss_2024-11-28_first120items.xml"))});
    m_nobody = false;
    m_big = m_outside->filePath(QStringLiteral("meiri-xueshu-sudi_2024-06-01_cs.LG.txt"));
    QFile big(m_big);
    QVERIFY(big.open(QIODevice::WriteOnly));
    big.write(bigDigest(2000));
    big.close();
    // "nobody" must reach the files when a row runs as it.
    QVERIFY(QFile::setPermissions(m_outside->path(), QFile::ReadOwner | QFile::WriteOwner |
                                                        QFile::ExeOwner | QFile::ReadOther |
                                                        QFile::ExeOther | QFile::ReadGroup |
                                                        QFile::ExeGroup));
    const QString folder = m_disk && m_disk->isMounted() ? m_disk->path() : m_outside->path();
    m_db = folder + QStringLiteral("/library.sqlite");
    QCOMPARE(runPaperboy(m_db, {QStringLiteral("import"), foundingDigestPath()}).exitCode, 0);
    QCOMPARE(runPaperboy(m_db, {QStringLiteral("star"), QStringLiteral("2306.05544")}).exitCode, 0);
    QCOMPARE(runPaperboy(m_db, {QStringLiteral("note"), QStringLiteral("2306.05544"),
                                QStringLiteral("years of reading")})
                 .exitCode,
             0);
}

#define REQUIRE_SMALL_DISK()                                                                       \
    if (m_disk && !m_disk->isMounted())                                                            \
        QSKIP(qPrintable(QStringLiteral("no size-limited filesystem: %1").arg(m_disk->why())));

void TestFullDisk::cleanup()
{
    if (m_outside)
        makeReadOnly(false, true);
    m_server.reset();
    m_disk.reset();
    m_outside.reset();
}

CliRun TestFullDisk::run(const QStringList &arguments, const QString &fault)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.insert(QStringLiteral("PAPERBOY_DB"), m_db);
    env.insert(QStringLiteral("PAPERBOY_MIN_REQUEST_SPACING_MS"), QStringLiteral("10"));
    if (m_nobody) // root's home is not nobody's
        env.insert(QStringLiteral("HOME"), m_outside->path());
    if (!fault.isEmpty())
        env.insert(QStringLiteral("PAPERBOY_FAULT"), fault);
    process.setProcessEnvironment(env);
    if (m_nobody)
        runAsNobody(process);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(fault.isEmpty() ? QStringLiteral(PAPERBOY_BINARY)
                                  : QStringLiteral(PAPERBOY_FAULTY_BINARY),
                  arguments);
    process.closeWriteChannel();
    CliRun result;
    if (!finished.wait(60000)) // the server answers on this thread meanwhile
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

CliRun TestFullDisk::fetch(const QString &fault)
{
    return run({QStringLiteral("fetch"), QStringLiteral("--force"), QStringLiteral("--rss-url"),
                m_server->baseUrl() + QStringLiteral("/rss/")},
               fault);
}

void TestFullDisk::makeReadOnly(bool readOnly, bool folderToo)
{
    const QFile::Permissions read = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther;
    const QFile::Permissions folderRead = read | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther;
    if (QFileInfo::exists(m_db))
        QFile::setPermissions(m_db, readOnly ? read : read | QFile::WriteOwner);
    if (folderToo)
        QFile::setPermissions(QFileInfo(m_db).absolutePath(),
                              readOnly ? folderRead : folderRead | QFile::WriteOwner);
}

void TestFullDisk::importFailsWholeWhenTheDiskFills()
{
    REQUIRE_SMALL_DISK();
    const Snapshot before = snapshot(m_db);
    QCOMPARE(before.integrity, QStringLiteral("ok"));

    // The disk fills at these writes or syncs of the import: its first, one early in the
    // transaction, one half-way. (Every other point: tst_vfs_faults.)
    QStringList faults = {QString()};
    if (!onTmpfs()) {
        const QString copy = m_outside->filePath(QStringLiteral("count.sqlite"));
        QVERIFY(QFile::copy(m_db, copy));
        const QString db = m_db;
        m_db = copy;
        const CliRun counted = run({QStringLiteral("import"), m_big}, QStringLiteral("count"));
        m_db = db;
        QCOMPARE(counted.exitCode, 0);
        const int calls = writesAndSyncs(counted.err);
        QVERIFY2(calls > 20, counted.err.constData());
        faults = {QStringLiteral("full:1"), QStringLiteral("full:10"),
                  QStringLiteral("full:%1").arg(calls / 2)};
    } else {
        QVERIFY(m_disk->fillUp(150 * 1024));
    }
    for (const QString &fault : std::as_const(faults)) {
        const CliRun failed = run({QStringLiteral("import"), m_big}, fault);
        QCOMPARE(failed.exitCode, 1);
        QVERIFY2(failed.err.contains("full") && failed.err.contains("nothing was changed") &&
                     failed.err.contains(m_big.toUtf8()),
                 failed.err.constData());
        if (!fault.isEmpty())
            QVERIFY2(failed.err.contains("the fault fired"), failed.err.constData());
        const Snapshot after = snapshot(m_db);
        QCOMPARE(after.integrity, QStringLiteral("ok"));
        QCOMPARE(after.user, before.user);
        QCOMPARE(after.cache, before.cache);
    }

    // Space again: the same library takes the same file whole.
    if (onTmpfs())
        m_disk->removeFillers();
    CliRun again = run({QStringLiteral("import"), m_big});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    again = run({QStringLiteral("list"), QStringLiteral("--date"), QStringLiteral("2024-06-01"),
                 QStringLiteral("--json")});
    QCOMPARE(again.json().array().size(), 2000);
    QCOMPARE(snapshot(m_db).user, before.user);
}

void TestFullDisk::fetchFailsClearlyWhenTheDiskFills()
{
    REQUIRE_SMALL_DISK();
    const Snapshot before = snapshot(m_db);
    // A disk that fills most of the way, so the fetch's 120 papers cannot fit; or one that is
    // full from the fetch's tenth write on.
    if (onTmpfs())
        QVERIFY(m_disk->fillUp(60 * 1024));
    const CliRun failed = fetch(onTmpfs() ? QString() : QStringLiteral("full:10"));
    QCOMPARE(failed.exitCode, 1);
    QVERIFY2(failed.err.contains("full"), failed.err.constData());
    if (!onTmpfs())
        QVERIFY2(failed.err.contains("the fault fired"), failed.err.constData());
    const Snapshot after = snapshot(m_db);
    QCOMPARE(after.integrity, QStringLiteral("ok"));
    QCOMPARE(after.user, before.user);
    // Nothing of the cache changed but, where there was room for it, the ledger's note of
    // the failed day.
    for (const QString &row : after.cache)
        if (!before.cache.contains(row))
            QVERIFY2(row.startsWith(QLatin1String("fetch_ledger|2024-11-28|")) &&
                         row.contains(QLatin1String("|failed|")),
                     qPrintable(row));
    for (const QString &row : before.cache)
        QVERIFY2(after.cache.contains(row), qPrintable(row));
    if (onTmpfs())
        m_disk->removeFillers();
    const CliRun again = fetch();
    QVERIFY2(again.exitCode == 0, again.err.constData());
}

void TestFullDisk::userWritesFailClearlyOrAreKept()
{
    REQUIRE_SMALL_DISK();
    if (onTmpfs())
        QVERIFY(m_disk->fillUp(0));
    const QString fault = onTmpfs() ? QString() : QStringLiteral("full:1");
    const QString note = QStringLiteral("a long second thought ").repeated(2000);
    const CliRun noted = run({QStringLiteral("note"), QStringLiteral("2306.05544"), note}, fault);
    const CliRun star = run({QStringLiteral("star"), QStringLiteral("2306.01667")}, fault);
    if (onTmpfs())
        m_disk->removeFillers();
    const Snapshot after = snapshot(m_db);
    QCOMPARE(after.integrity, QStringLiteral("ok"));
    Database db;
    QVERIFY(db.open(m_db, Database::Mode::ReadOnly));
    const Store store(db);
    // Acknowledged means stored; refused means the old value is still there. Over the fault
    // VFS the disk is full from the first write, so both are refused.
    if (!onTmpfs()) {
        QCOMPARE(noted.exitCode, 1);
        QCOMPARE(star.exitCode, 1);
    }
    if (noted.exitCode == 0) {
        QCOMPARE(store.userState(QStringLiteral("2306.05544")).note, note);
    } else {
        QCOMPARE(noted.exitCode, 1);
        QVERIFY2(noted.err.contains("full"), noted.err.constData());
        QCOMPARE(store.userState(QStringLiteral("2306.05544")).note,
                 QStringLiteral("years of reading"));
    }
    qInfo("on a full disk: note exit %d, star exit %d", noted.exitCode, star.exitCode);
    QCOMPARE(store.userState(QStringLiteral("2306.01667")).starred, star.exitCode == 0);
    if (star.exitCode != 0)
        QVERIFY2(star.err.contains("full"), star.err.constData());
}

void TestFullDisk::readOnlyMountOpensForReading()
{
    REQUIRE_SMALL_DISK();
    const Snapshot before = snapshot(m_db);
    if (onTmpfs()) {
        QVERIFY(m_disk->remount(true));
    } else {
        // Neither the file nor its folder may be written: no -shm file can be made either.
        makeReadOnly(true, true);
        m_nobody = runningAsRoot();
    }
    const QByteArray hash = fileHash(m_db);
    for (const QStringList &arguments :
         {QStringList{QStringLiteral("dates")}, QStringList{QStringLiteral("list")},
          QStringList{QStringLiteral("show"), QStringLiteral("2306.05544")},
          QStringList{QStringLiteral("search"), QStringLiteral("BOOT")}}) {
        const CliRun listed = run(arguments);
        QVERIFY2(listed.exitCode == 0,
                 qPrintable(arguments.join(QLatin1Char(' ')) + QLatin1Char(' ') +
                            QString::fromUtf8(listed.err)));
        // Commands that only read open read-only anyway; the others say why they do.
        if (arguments.first() != QLatin1String("search"))
            QVERIFY2(listed.err.contains("read-only"), listed.err.constData());
    }
    QVERIFY(run({QStringLiteral("show"), QStringLiteral("2306.05544")})
                .out.contains("years of reading"));
    for (const QStringList &arguments :
         {QStringList{QStringLiteral("star"), QStringLiteral("2306.01667")},
          QStringList{QStringLiteral("note"), QStringLiteral("2306.05544"), QStringLiteral("new")},
          QStringList{QStringLiteral("tag"), QStringLiteral("2306.05544"), QStringLiteral("t")},
          QStringList{QStringLiteral("import"), m_big}}) {
        const CliRun refused = run(arguments);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("open read-only"), refused.err.constData());
    }
    const CliRun fetched = fetch();
    QCOMPARE(fetched.exitCode, 1);
    QVERIFY2(fetched.err.contains("nothing fetched") && fetched.err.contains("read-only"),
             fetched.err.constData());
    QCOMPARE(fileHash(m_db), hash);
    if (onTmpfs())
        QVERIFY(m_disk->remount(false));
    m_nobody = false;
    makeReadOnly(false, true);
    QCOMPARE(snapshot(m_db).user, before.user);
}

void TestFullDisk::readOnlyFileOpensForReading()
{
    // The folder stays writable; the file is not. Root may write a 0444 file, "nobody" not.
    makeReadOnly(true, false);
    if (runningAsRoot())
        QVERIFY(QFile::setPermissions(QFileInfo(m_db).absolutePath(),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                          QFile::ReadOther | QFile::WriteOther |
                                          QFile::ExeOther));
    m_nobody = runningAsRoot();
    const QByteArray hash = fileHash(m_db);
    const CliRun list = run({QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.err.contains("read-only"), list.err.constData());
    const CliRun star = run({QStringLiteral("star"), QStringLiteral("2306.01667")});
    QCOMPARE(star.exitCode, 1);
    QVERIFY2(star.err.contains("open read-only"), star.err.constData());
    QCOMPARE(fileHash(m_db), hash);
    m_nobody = false;
    makeReadOnly(false, true);
    QVERIFY(!snapshot(m_db).user.join(u'\n').contains(QStringLiteral("2306.01667")));
}

QTEST_GUILESS_MAIN(TestFullDisk)
#include "tst_full_disk.moc"
