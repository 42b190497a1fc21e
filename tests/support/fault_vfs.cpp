#include "fault_vfs.h"

#include <QFile>
#include <QRandomGenerator>

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <sqlite3.h>

namespace paperboy::test {

namespace {

// A write or truncate not yet synced.
struct Unsynced
{
    bool truncate = false;
    sqlite3_int64 offset = 0; // where the bytes go, or the new size
    std::string bytes;
};

struct Image
{
    std::string synced;
    std::vector<Unsynced> unsynced;
};

struct State
{
    std::mutex mutex;
    std::string scope;
    FaultVfs::Counts counts;
    int failAt = 0;
    int failKinds = 0;
    int seen = 0;
    FaultVfs::Error error = FaultVfs::Error::Full;
    bool sticky = false;
    bool fired = false;
    bool failing = false; // a sticky fault has fired
    bool mmap = true;
    bool track = false;
    bool realSync = true;
    int lossAt = 0;
    int lossSeen = 0;
    bool lost = false;
    std::map<std::string, Image> images; // by full path
};

State &state()
{
    static State s;
    return s;
}

sqlite3_vfs *realVfs = nullptr;
sqlite3_vfs faultVfs;

struct File
{
    sqlite3_file base;
    sqlite3_file *real;
    std::string *path; // set only for files in scope
};

// The wrapped file lives right after ours, in the block SQLite allocates (szOsFile).
constexpr size_t realOffset = (sizeof(File) + 15) & ~size_t(15);

File *asFile(sqlite3_file *file)
{
    return reinterpret_cast<File *>(file);
}

const sqlite3_io_methods &real(File *f)
{
    return *f->real->pMethods;
}

int errorCode(FaultVfs::Error error, int ioerr)
{
    return error == FaultVfs::Error::Full && ioerr != SQLITE_IOERR_READ ? SQLITE_FULL : ioerr;
}

// Counts a call on a file and decides whether it fails: SQLITE_OK to go on. `*half` is set
// when a failing write should first write half of its bytes (a short write on a full disk).
int decide(File *f, int kind, int ioerr, bool *half = nullptr)
{
    if (!f->path)
        return SQLITE_OK;
    State &s = state();
    const std::lock_guard lock(s.mutex);
    switch (kind) {
    case FaultVfs::Read:
        ++s.counts.reads;
        break;
    case FaultVfs::Write:
        ++s.counts.writes;
        break;
    default:
        ++s.counts.syncs;
        break;
    }
    if (kind != FaultVfs::Read) {
        if (s.lost)
            return SQLITE_IOERR;
        if (s.lossAt > 0 && ++s.lossSeen == s.lossAt) {
            s.lost = true;
            return SQLITE_IOERR;
        }
        if (s.failing)
            return errorCode(s.error, ioerr);
    }
    if (s.failAt > 0 && (s.failKinds & kind) && ++s.seen == s.failAt) {
        s.fired = true;
        s.failing = s.sticky;
        if (half)
            *half = s.error == FaultVfs::Error::Full;
        return errorCode(s.error, ioerr);
    }
    return SQLITE_OK;
}

void remember(File *f, Unsynced change)
{
    if (!f->path)
        return;
    State &s = state();
    const std::lock_guard lock(s.mutex);
    if (!s.track)
        return;
    const auto image = s.images.find(*f->path);
    if (image != s.images.end())
        image->second.unsynced.push_back(std::move(change));
}

void apply(std::string &content, const Unsynced &change)
{
    if (change.truncate) {
        content.resize(size_t(change.offset));
        return;
    }
    const size_t end = size_t(change.offset) + change.bytes.size();
    if (content.size() < end)
        content.resize(end, '\0');
    std::memcpy(content.data() + change.offset, change.bytes.data(), change.bytes.size());
}

std::string readWhole(const std::string &path)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().toStdString();
}

// io methods: each passes the call on to the wrapped file.

int fileClose(sqlite3_file *file)
{
    File *f = asFile(file);
    const int rc = real(f).xClose(f->real);
    delete f->path;
    f->path = nullptr;
    return rc;
}

int fileRead(sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset)
{
    File *f = asFile(file);
    const int rc = decide(f, FaultVfs::Read, SQLITE_IOERR_READ);
    if (rc != SQLITE_OK)
        return rc;
    return real(f).xRead(f->real, buffer, amount, offset);
}

int fileWrite(sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset)
{
    File *f = asFile(file);
    bool half = false;
    const int rc = decide(f, FaultVfs::Write, SQLITE_IOERR_WRITE, &half);
    const int written = rc == SQLITE_OK ? amount : half ? amount / 2 : 0;
    if (written > 0) {
        remember(f, {false, offset, std::string(static_cast<const char *>(buffer), size_t(written))});
        const int wrote = real(f).xWrite(f->real, buffer, written, offset);
        if (rc == SQLITE_OK)
            return wrote;
    }
    return rc;
}

int fileTruncate(sqlite3_file *file, sqlite3_int64 size)
{
    File *f = asFile(file);
    const int rc = decide(f, FaultVfs::Write, SQLITE_IOERR_TRUNCATE);
    if (rc != SQLITE_OK)
        return rc;
    remember(f, {true, size, {}});
    return real(f).xTruncate(f->real, size);
}

int fileSync(sqlite3_file *file, int flags)
{
    File *f = asFile(file);
    int rc = decide(f, FaultVfs::Sync, SQLITE_IOERR_FSYNC);
    if (rc != SQLITE_OK)
        return rc;
    bool realSync = true;
    if (f->path) {
        State &s = state();
        const std::lock_guard lock(s.mutex);
        realSync = s.realSync;
    }
    rc = realSync ? real(f).xSync(f->real, flags) : SQLITE_OK;
    if (rc == SQLITE_OK && f->path) {
        State &s = state();
        const std::lock_guard lock(s.mutex);
        const auto image = s.images.find(*f->path);
        if (s.track && image != s.images.end()) {
            for (const Unsynced &change : image->second.unsynced)
                apply(image->second.synced, change);
            image->second.unsynced.clear();
        }
    }
    return rc;
}

int fileSize(sqlite3_file *file, sqlite3_int64 *size)
{
    File *f = asFile(file);
    return real(f).xFileSize(f->real, size);
}

int fileLock(sqlite3_file *file, int level)
{
    File *f = asFile(file);
    return real(f).xLock(f->real, level);
}

int fileUnlock(sqlite3_file *file, int level)
{
    File *f = asFile(file);
    return real(f).xUnlock(f->real, level);
}

int fileCheckReservedLock(sqlite3_file *file, int *out)
{
    File *f = asFile(file);
    return real(f).xCheckReservedLock(f->real, out);
}

int fileControl(sqlite3_file *file, int op, void *arg)
{
    File *f = asFile(file);
    return real(f).xFileControl(f->real, op, arg);
}

int fileSectorSize(sqlite3_file *file)
{
    File *f = asFile(file);
    return real(f).xSectorSize(f->real);
}

int fileDeviceCharacteristics(sqlite3_file *file)
{
    File *f = asFile(file);
    return real(f).xDeviceCharacteristics(f->real);
}

int fileShmMap(sqlite3_file *file, int page, int pageSize, int extend, void volatile **out)
{
    File *f = asFile(file);
    return real(f).xShmMap(f->real, page, pageSize, extend, out);
}

int fileShmLock(sqlite3_file *file, int offset, int n, int flags)
{
    File *f = asFile(file);
    return real(f).xShmLock(f->real, offset, n, flags);
}

void fileShmBarrier(sqlite3_file *file)
{
    File *f = asFile(file);
    real(f).xShmBarrier(f->real);
}

int fileShmUnmap(sqlite3_file *file, int deleteFlag)
{
    File *f = asFile(file);
    return real(f).xShmUnmap(f->real, deleteFlag);
}

int fileFetch(sqlite3_file *file, sqlite3_int64 offset, int amount, void **out)
{
    File *f = asFile(file);
    bool mmap = true;
    if (f->path) {
        State &s = state();
        const std::lock_guard lock(s.mutex);
        mmap = s.mmap;
    }
    if (!mmap) {
        *out = nullptr; // SQLite then reads the page with xRead
        return SQLITE_OK;
    }
    return real(f).xFetch(f->real, offset, amount, out);
}

int fileUnfetch(sqlite3_file *file, sqlite3_int64 offset, void *page)
{
    File *f = asFile(file);
    return real(f).xUnfetch(f->real, offset, page);
}

const sqlite3_io_methods ioMethods = {
    3,
    fileClose,
    fileRead,
    fileWrite,
    fileTruncate,
    fileSync,
    fileSize,
    fileLock,
    fileUnlock,
    fileCheckReservedLock,
    fileControl,
    fileSectorSize,
    fileDeviceCharacteristics,
    fileShmMap,
    fileShmLock,
    fileShmBarrier,
    fileShmUnmap,
    fileFetch,
    fileUnfetch,
};

// VFS methods: open and delete look at the path; the rest go to the default VFS as they are.

int vfsOpen(sqlite3_vfs *, const char *name, sqlite3_file *file, int flags, int *outFlags)
{
    File *f = asFile(file);
    f->real = reinterpret_cast<sqlite3_file *>(reinterpret_cast<char *>(file) + realOffset);
    f->path = nullptr;
    file->pMethods = nullptr;
    const int rc = realVfs->xOpen(realVfs, name, f->real, flags, outFlags);
    if (rc != SQLITE_OK || !f->real->pMethods)
        return rc;
    file->pMethods = &ioMethods;
    if (!name)
        return rc;
    State &s = state();
    const std::lock_guard lock(s.mutex);
    const std::string path(name);
    if (s.scope.empty() || path.compare(0, s.scope.size(), s.scope) != 0)
        return rc;
    f->path = new std::string(path);
    if (s.track && !s.images.count(path))
        s.images[path].synced = readWhole(path); // what is on disk now counts as synced
    return rc;
}

int vfsDelete(sqlite3_vfs *, const char *name, int syncDir)
{
    State &s = state();
    {
        const std::lock_guard lock(s.mutex);
        const std::string path(name);
        if (!s.scope.empty() && path.compare(0, s.scope.size(), s.scope) == 0) {
            if (s.lost)
                return SQLITE_IOERR_DELETE;
            s.images.erase(path);
        }
    }
    return realVfs->xDelete(realVfs, name, syncDir);
}

int vfsAccess(sqlite3_vfs *, const char *name, int flags, int *out)
{
    return realVfs->xAccess(realVfs, name, flags, out);
}

int vfsFullPathname(sqlite3_vfs *, const char *name, int size, char *out)
{
    return realVfs->xFullPathname(realVfs, name, size, out);
}

void *vfsDlOpen(sqlite3_vfs *, const char *name)
{
    return realVfs->xDlOpen(realVfs, name);
}

void vfsDlError(sqlite3_vfs *, int size, char *out)
{
    realVfs->xDlError(realVfs, size, out);
}

void (*vfsDlSym(sqlite3_vfs *, void *handle, const char *symbol))(void)
{
    return realVfs->xDlSym(realVfs, handle, symbol);
}

void vfsDlClose(sqlite3_vfs *, void *handle)
{
    realVfs->xDlClose(realVfs, handle);
}

int vfsRandomness(sqlite3_vfs *, int size, char *out)
{
    return realVfs->xRandomness(realVfs, size, out);
}

int vfsSleep(sqlite3_vfs *, int microseconds)
{
    return realVfs->xSleep(realVfs, microseconds);
}

int vfsCurrentTime(sqlite3_vfs *, double *out)
{
    return realVfs->xCurrentTime(realVfs, out);
}

int vfsGetLastError(sqlite3_vfs *, int size, char *out)
{
    return realVfs->xGetLastError ? realVfs->xGetLastError(realVfs, size, out) : 0;
}

int vfsCurrentTimeInt64(sqlite3_vfs *, sqlite3_int64 *out)
{
    return realVfs->xCurrentTimeInt64(realVfs, out);
}

} // namespace

FaultVfs &FaultVfs::install()
{
    static FaultVfs instance;
    static std::once_flag once;
    std::call_once(once, [] {
        sqlite3_initialize();
        realVfs = sqlite3_vfs_find(nullptr);
        faultVfs = sqlite3_vfs{};
        faultVfs.iVersion = 2; // no xSetSystemCall family: tests do not swap system calls
        faultVfs.szOsFile = int(realOffset) + realVfs->szOsFile;
        faultVfs.mxPathname = realVfs->mxPathname;
        faultVfs.zName = name();
        faultVfs.xOpen = vfsOpen;
        faultVfs.xDelete = vfsDelete;
        faultVfs.xAccess = vfsAccess;
        faultVfs.xFullPathname = vfsFullPathname;
        faultVfs.xDlOpen = vfsDlOpen;
        faultVfs.xDlError = vfsDlError;
        faultVfs.xDlSym = vfsDlSym;
        faultVfs.xDlClose = vfsDlClose;
        faultVfs.xRandomness = vfsRandomness;
        faultVfs.xSleep = vfsSleep;
        faultVfs.xCurrentTime = vfsCurrentTime;
        faultVfs.xGetLastError = vfsGetLastError;
        faultVfs.xCurrentTimeInt64 = vfsCurrentTimeInt64;
        sqlite3_vfs_register(&faultVfs, 1);
    });
    return instance;
}

void FaultVfs::setScope(const QString &folder)
{
    State &s = state();
    const std::lock_guard lock(s.mutex);
    s.scope = folder.toStdString();
}

void FaultVfs::reset()
{
    State &s = state();
    const std::lock_guard lock(s.mutex);
    s.counts = {};
    s.failAt = 0;
    s.failKinds = 0;
    s.seen = 0;
    s.fired = false;
    s.failing = false;
    s.mmap = true;
    s.track = false;
    s.realSync = true;
    s.lossAt = 0;
    s.lossSeen = 0;
    s.lost = false;
    s.images.clear();
}

FaultVfs::Counts FaultVfs::counts() const
{
    State &s = state();
    const std::lock_guard lock(s.mutex);
    return s.counts;
}

void FaultVfs::failAt(int n, int kinds, Error error, bool sticky)
{
    State &s = state();
    const std::lock_guard lock(s.mutex);
    s.failAt = n;
    s.failKinds = kinds;
    s.error = error;
    s.sticky = sticky;
    s.seen = 0;
    s.fired = false;
    s.failing = false;
}

void FaultVfs::disarm()
{
    State &s = state();
    const std::lock_guard lock(s.mutex);
    s.failAt = 0;
    s.failing = false;
}

bool FaultVfs::fired() const
{
    State &s = state();
    const std::lock_guard lock(s.mutex);
    return s.fired;
}

void FaultVfs::setMmapAllowed(bool allowed)
{
    State &s = state();
    const std::lock_guard lock(s.mutex);
    s.mmap = allowed;
}

void FaultVfs::trackDurability(bool on)
{
    State &s = state();
    const std::lock_guard lock(s.mutex);
    s.track = on;
    if (!on)
        s.images.clear();
}

void FaultVfs::setRealSync(bool on)
{
    State &s = state();
    const std::lock_guard lock(s.mutex);
    s.realSync = on;
}

void FaultVfs::powerLossAt(int n)
{
    State &s = state();
    const std::lock_guard lock(s.mutex);
    s.lossAt = n;
    s.lossSeen = 0;
    s.lost = false;
}

bool FaultVfs::powerLost() const
{
    State &s = state();
    const std::lock_guard lock(s.mutex);
    return s.lost;
}

int FaultVfs::applyPowerLoss(double keep, quint32 seed)
{
    State &s = state();
    const std::lock_guard lock(s.mutex);
    QRandomGenerator random(seed);
    int dropped = 0;
    for (auto &[path, image] : s.images) {
        QFile file(QString::fromStdString(path));
        if (!file.exists()) // removed behind SQLite's back (QFile::remove): stays removed
            continue;
        std::string content = image.synced;
        for (const Unsynced &change : image.unsynced) {
            if (keep > 0 && random.generateDouble() < keep)
                apply(content, change);
            else
                ++dropped;
        }
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(content.data(), qint64(content.size()));
    }
    s.images.clear();
    s.lossAt = 0;
    s.lossSeen = 0;
    s.lost = false;
    return dropped;
}

} // namespace paperboy::test
