#pragma once

// A SQLite VFS for tests that wraps the default one and makes the disk misbehave on purpose,
// without privileges (no mount, no root):
//
// - Faults: the Nth read, write (or truncate) or sync of a file in scope fails with
//   SQLITE_FULL or SQLITE_IOERR, once (a transient error) or from then on (a disk that stays
//   full). A failing write of a full disk writes half its bytes first, as a short write does.
// - Power loss: every write and truncate is remembered until the file is synced; at the Nth
//   write or sync the machine "stops" (that call and everything after it never reaches the
//   disk), and applyPowerLoss() then puts each file back to what was last synced, keeping at
//   random some of the writes that were not (a drive's cache may have written any of them).
//
// install() registers it as the process's default VFS, so every connection the app opens
// (QSQLITE or raw sqlite3) goes through it: no production code knows about it. Only files
// under setScope()'s folder are counted, failed or tracked; with nothing armed it only counts.
// Thread-safe: the store threads write through it too.

#include <QString>

namespace paperboy::test {

class FaultVfs
{
public:
    enum Kind : int
    {
        Read = 1,
        Write = 2, // writes and truncates
        Sync = 4,
        WriteOrSync = Write | Sync,
    };
    enum class Error
    {
        Full,  // SQLITE_FULL (a full disk)
        IoErr, // SQLITE_IOERR_WRITE / _FSYNC / _READ / _TRUNCATE
    };
    struct Counts
    {
        int reads = 0;
        int writes = 0;
        int syncs = 0;
        int writesOrSyncs() const { return writes + syncs; }
    };

    // Registers the VFS as the default on first use; the same object afterwards.
    static FaultVfs &install();
    static const char *name() { return "paperboy-fault"; }

    // Only files whose full path starts with `folder` are affected. Empty: none.
    void setScope(const QString &folder);
    // Disarms everything, zeroes the counters and forgets what power-loss tracking kept.
    void reset();
    Counts counts() const;

    // The `n`th (from 1) call of a kind in `kinds`, counted from now, fails with `error`.
    // `sticky`: every later write and sync fails the same way until disarm() (a full disk).
    void failAt(int n, int kinds, Error error, bool sticky);
    void disarm();
    bool fired() const;
    // Memory mapping lets SQLite read pages without xRead; off, every read is counted.
    void setMmapAllowed(bool allowed);

    // Power loss. Call trackDurability() before the files in scope are opened.
    void trackDurability(bool on);
    // Off, syncs of files in scope succeed without asking the operating system: these runs
    // never need the data on the platter (power loss is simulated), and they get much faster.
    void setRealSync(bool on);
    // The `n`th write or sync (from 1) counted from now, and everything after it, is lost.
    void powerLossAt(int n);
    bool powerLost() const;
    // Once every connection is closed: each tracked file becomes its synced image plus each
    // unsynced write with probability `keep`, in their order. Clears the power-loss state.
    // Returns the number of unsynced writes dropped.
    int applyPowerLoss(double keep, quint32 seed);

private:
    FaultVfs() = default;
};

} // namespace paperboy::test
