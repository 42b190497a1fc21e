// A user-data write that reported success is on the disk, not only in the operating system's
// cache (issue #15): with WAL and synchronous = NORMAL a commit is not synced, and a power
// loss after "saved" loses it. A wrapping VFS, made the default before the library opens,
// counts the syncs of the write-ahead log each write causes.

#include "search/smart_views.h"
#include "test_db.h"

#include <QTest>

#include <atomic>
#include <cstring>
#include <sqlite3.h>

using namespace paperboy;
using namespace paperboy::test;

namespace {

std::atomic<int> walSyncs{0};
sqlite3_vfs *realVfs = nullptr;

struct CountingFile
{
    sqlite3_file base; // first: SQLite sees a sqlite3_file
    sqlite3_file *real;
    bool wal;
};

sqlite3_file *realOf(sqlite3_file *file)
{
    return reinterpret_cast<CountingFile *>(file)->real;
}

int countingClose(sqlite3_file *file)
{
    sqlite3_file *real = realOf(file);
    const int rc = real->pMethods ? real->pMethods->xClose(real) : SQLITE_OK;
    sqlite3_free(real);
    return rc;
}
int countingRead(sqlite3_file *f, void *buffer, int amount, sqlite3_int64 offset)
{
    return realOf(f)->pMethods->xRead(realOf(f), buffer, amount, offset);
}
int countingWrite(sqlite3_file *f, const void *buffer, int amount, sqlite3_int64 offset)
{
    return realOf(f)->pMethods->xWrite(realOf(f), buffer, amount, offset);
}
int countingTruncate(sqlite3_file *f, sqlite3_int64 size)
{
    return realOf(f)->pMethods->xTruncate(realOf(f), size);
}
int countingSync(sqlite3_file *f, int flags)
{
    if (reinterpret_cast<CountingFile *>(f)->wal)
        ++walSyncs;
    return realOf(f)->pMethods->xSync(realOf(f), flags);
}
int countingFileSize(sqlite3_file *f, sqlite3_int64 *size)
{
    return realOf(f)->pMethods->xFileSize(realOf(f), size);
}
int countingLock(sqlite3_file *f, int level)
{
    return realOf(f)->pMethods->xLock(realOf(f), level);
}
int countingUnlock(sqlite3_file *f, int level)
{
    return realOf(f)->pMethods->xUnlock(realOf(f), level);
}
int countingCheckReservedLock(sqlite3_file *f, int *out)
{
    return realOf(f)->pMethods->xCheckReservedLock(realOf(f), out);
}
int countingFileControl(sqlite3_file *f, int op, void *arg)
{
    return realOf(f)->pMethods->xFileControl(realOf(f), op, arg);
}
int countingSectorSize(sqlite3_file *f)
{
    return realOf(f)->pMethods->xSectorSize(realOf(f));
}
int countingDeviceCharacteristics(sqlite3_file *f)
{
    return realOf(f)->pMethods->xDeviceCharacteristics(realOf(f));
}
int countingShmMap(sqlite3_file *f, int region, int size, int extend, void volatile **out)
{
    return realOf(f)->pMethods->xShmMap(realOf(f), region, size, extend, out);
}
int countingShmLock(sqlite3_file *f, int offset, int n, int flags)
{
    return realOf(f)->pMethods->xShmLock(realOf(f), offset, n, flags);
}
void countingShmBarrier(sqlite3_file *f)
{
    realOf(f)->pMethods->xShmBarrier(realOf(f));
}
int countingShmUnmap(sqlite3_file *f, int deleteFlag)
{
    return realOf(f)->pMethods->xShmUnmap(realOf(f), deleteFlag);
}

// Version 2 methods (shared memory, for WAL); no memory mapping, so SQLite reads through
// xRead.
const sqlite3_io_methods countingMethods = {
    2,
    countingClose,
    countingRead,
    countingWrite,
    countingTruncate,
    countingSync,
    countingFileSize,
    countingLock,
    countingUnlock,
    countingCheckReservedLock,
    countingFileControl,
    countingSectorSize,
    countingDeviceCharacteristics,
    countingShmMap,
    countingShmLock,
    countingShmBarrier,
    countingShmUnmap,
    nullptr,
    nullptr,
};

int countingOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    auto *wrapper = reinterpret_cast<CountingFile *>(file);
    wrapper->base.pMethods = nullptr;
    wrapper->real = static_cast<sqlite3_file *>(sqlite3_malloc(realVfs->szOsFile));
    if (!wrapper->real)
        return SQLITE_NOMEM;
    std::memset(wrapper->real, 0, size_t(realVfs->szOsFile));
    const int rc = realVfs->xOpen(realVfs, name, wrapper->real, flags, outFlags);
    if (rc != SQLITE_OK) {
        sqlite3_free(wrapper->real);
        return rc;
    }
    wrapper->wal = (flags & SQLITE_OPEN_WAL) != 0;
    wrapper->base.pMethods = &countingMethods;
    return SQLITE_OK;
}

sqlite3_vfs countingVfs;

void installCountingVfs()
{
    realVfs = sqlite3_vfs_find(nullptr);
    countingVfs = *realVfs;
    countingVfs.zName = "paperboy-counting";
    countingVfs.szOsFile = int(sizeof(CountingFile));
    countingVfs.xOpen = countingOpen;
    countingVfs.pAppData = nullptr;
    sqlite3_vfs_register(&countingVfs, 1);
}

} // namespace

class TestDurableWrites : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Store> m_store;
    const QString m_id = QStringLiteral("2306.05544");

    // Syncs of the write-ahead log that `write` caused; it must succeed.
    template <typename Write> int syncsOf(Write write)
    {
        const int before = walSyncs;
        if (!write())
            return -1;
        return walSyncs - before;
    }

private slots:
    void initTestCase()
    {
        installCountingVfs();
        m_database = std::make_unique<Database>();
        QVERIFY2(m_database->open(m_dir.filePath(QStringLiteral("durable.sqlite"))),
                 qPrintable(m_database->error()));
        m_store = std::make_unique<Store>(*m_database);
    }

    void writerSyncsEveryCommit()
    {
        QSqlQuery q(m_database->connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA synchronous")) && q.next());
        QCOMPARE(q.value(0).toInt(), 2); // FULL
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    }

    void userWritesReachTheDisk()
    {
        Store &store = *m_store;
        QVERIFY(syncsOf([&] { return store.setStarred(m_id, true); }) >= 1);
        QVERIFY(syncsOf([&] { return store.setRead(m_id, true); }) >= 1);
        QVERIFY(syncsOf([&] { return store.setReadMany({m_id}, false); }) >= 1);
        QVERIFY(syncsOf([&] { return store.setNote(m_id, QStringLiteral("first")); }) >= 1);
        QVERIFY(syncsOf([&] { return store.setNote(m_id, QStringLiteral("second")); }) >= 1);
        QVERIFY(syncsOf([&] { return store.addTags(m_id, {QStringLiteral("diffusion")}); }) >= 1);
        QVERIFY(syncsOf([&] { return store.removeTags(m_id, {QStringLiteral("diffusion")}); }) >=
                1);
        QVERIFY(syncsOf([&] { return store.addTags(m_id, {QStringLiteral("a")}); }) >= 1);
        QVERIFY(syncsOf([&] {
                    return store.renameTag(QStringLiteral("a"), QStringLiteral("b")) == 1;
                }) >= 1);
        SmartViews views(m_database->connection());
        QVERIFY(syncsOf([&] {
                    return views.saveSearch(QStringLiteral("distillation"),
                                            QStringLiteral("distillation"));
                }) >= 1);
        QVERIFY(syncsOf([&] {
                    return views.renameSavedSearch(QStringLiteral("distillation"),
                                                   QStringLiteral("kd"));
                }) >= 1);
        QVERIFY(syncsOf([&] { return views.removeSavedSearch(QStringLiteral("kd")); }) >= 1);
    }
};

QTEST_GUILESS_MAIN(TestDurableWrites)
#include "tst_durable_writes.moc"
