#pragma once

// Runs one operation on a library again and again with the fault VFS (fault_vfs.h) failing
// its 1st, 2nd, ... Nth write or sync (or read), and checks what each run left behind: a
// clean error or a success, a library that passes integrity_check, and every table as it
// was before the operation or as a run without faults leaves it (or, for a bulk import that
// commits in chunks, user data untouched); then the same operation on the same library, with
// the disk well, must succeed and end as after. Shared by tst_vfs_faults and the long run.

#include "fault_vfs.h"

#include <QStringList>
#include <QTemporaryDir>

#include <algorithm>
#include <functional>

namespace paperboy::test {

struct FaultOperation
{
    // Builds the starting library at `path`, without faults.
    std::function<bool(const QString &path)> prepare;
    // The operation, opening the library as the app does; false with `error` set on failure.
    std::function<bool(const QString &path, QString *error)> run;
    // After a run: what else must hold (a backup file whole or the old one kept); empty if ok.
    std::function<QString(const QString &path, bool succeeded)> check;
    int kinds = FaultVfs::WriteOrSync; // what fails in turn
    QStringList leaveOut;              // tables holding the time of the run
    // Rewrites a row before comparing (a column holding the time of the run).
    std::function<QString(const QString &row)> normalize;
    bool partialAllowed = false;       // committed chunks stay; user data must not move
};

QStringList faultOperationNames();
// `scale` > 1 makes inputs larger (long runs). An unknown name gives an empty operation.
FaultOperation faultOperation(const QString &name, int scale = 1);

class FaultSweep
{
public:
    struct Stats
    {
        FaultVfs::Counts reference; // the run without faults
        int points = 0;             // fault points: calls failed in turn
        int runs = 0;
        int errors = 0;
        int successes = 0;
    };

    explicit FaultSweep(FaultOperation operation);

    // The starting library and a run without faults (the state "after").
    bool prepare();
    // Fails each call of `kinds` in turn, as a full disk and as one I/O error (`both`), or
    // as one of them, taking turns.
    // `stride` > 1 fails every stride-th call only (starting from the first), for short runs.
    void failEach(int kinds, bool both = true, int stride = 1);
    // After a failure that changed nothing, run the operation again with the disk well only
    // every `n`th time (after a partial one, always): each run opens the library twice more.
    void setRetryEvery(int n) { m_retryEvery = std::max(1, n); }
    const Stats &stats() const { return m_stats; }
    QStringList problems() const { return m_problems; }

private:
    struct State
    {
        QString integrity;
        int version = -1;
        QStringList rows;
        QStringList userRows;
        bool sameAs(const State &other) const
        {
            return version == other.version && rows == other.rows;
        }
    };
    State readState(const QString &path) const;
    bool isStep(const State &state) const;
    QString freshCopy(const QString &name) const;
    void runOnce(int kinds, int n, FaultVfs::Error error);
    void problem(const QString &text) { m_problems.append(text); }

    FaultOperation m_op;
    QTemporaryDir m_dir;
    QString m_template;
    State m_before;
    State m_after;
    Stats m_stats;
    QStringList m_problems;
    int m_retryEvery = 1;
};

} // namespace paperboy::test
