// I/O errors at every write and sync of each operation that changes a library, without any
// privilege: the fault VFS (tests/support/fault_vfs.h) fails the Nth write or sync, for every
// N up to the number the operation makes, as a disk that stays full (SQLITE_FULL, the
// failing write half done) or as a single I/O error (SQLITE_IOERR), taking turns (the long
// run does both at every point). After each run:
// - the operation ended in an error that says what happened, or succeeded (the failing call
//   came after its commit point, or SQLite got past it);
// - the library passes integrity_check and foreign_key_check;
// - every table holds what it held before the operation or what it holds after a run without
//   faults (test_db.h's libraryRows: every table but the search index): acknowledged means
//   stored, refused means nothing changed, nothing is half-written;
// - unless it already is as after it, the library takes the same operation again, with the
//   disk well, and ends as after it.
// The backup only reads the library: there every read fails in turn.
//
// To stay short, CTest fails every third write or sync of the operations that make more than
// 40 (every one of the others). PAPERBOY_VFS_FAULTS=long fails each of them, as both errors,
// and every read of every operation too, on larger inputs (tests/faults/run-vfs-faults.sh).

#include "fault_sweep.h"

#include <QTest>

using namespace paperboy;
using namespace paperboy::test;

class TestVfsFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyWriteFails_data();
    void everyWriteFails();

private:
    bool m_long = false;
};

void TestVfsFaults::initTestCase()
{
    FaultVfs::install();
    m_long = qEnvironmentVariable("PAPERBOY_VFS_FAULTS") == QLatin1String("long");
}

void TestVfsFaults::everyWriteFails_data()
{
    QTest::addColumn<QString>("operation");
    for (const QString &name : faultOperationNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestVfsFaults::everyWriteFails()
{
    QFETCH(QString, operation);
    const FaultOperation op = faultOperation(operation, m_long ? 10 : 1);
    QVERIFY(op.run);
    FaultSweep sweep(op);
    sweep.setRetryEvery(m_long ? 1 : 4);
    QVERIFY2(sweep.prepare(), qPrintable(sweep.problems().join(QLatin1Char('\n'))));
    QList<int> kindsToFail = {op.kinds};
    if (m_long && op.kinds != FaultVfs::Read)
        kindsToFail.append(FaultVfs::Read);
    // CTest: every fault point once, as a full disk and as an I/O error in turn; the long
    // run: both at every point, and every read too.
    // CTest keeps to a few seconds: operations of more than 40 writes and syncs fail every
    // third one (the first, the fourth, ...); the long run fails each of them.
    const int calls = sweep.stats().reference.writesOrSyncs();
    const int stride = m_long || calls <= 40 ? 1 : 3;
    for (const int kinds : kindsToFail)
        sweep.failEach(kinds, m_long, kinds == FaultVfs::Read ? 1 : stride);
    qInfo("%s: %d fault points (every %s; %d writes, %d syncs, %d reads without faults), %d runs, %d ended "
          "in an error, %d succeeded",
          qPrintable(operation), sweep.stats().points,
          stride == 1 ? "call" : "third call", sweep.stats().reference.writes,
          sweep.stats().reference.syncs, sweep.stats().reference.reads, sweep.stats().runs,
          sweep.stats().errors, sweep.stats().successes);
    QVERIFY2(sweep.problems().isEmpty(), qPrintable(sweep.problems().join(QLatin1Char('\n'))));
    QVERIFY(sweep.stats().points > 0);
}

QTEST_GUILESS_MAIN(TestVfsFaults)
#include "tst_vfs_faults.moc"
