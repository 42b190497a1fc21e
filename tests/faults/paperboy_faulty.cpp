// paperboy_faulty: the real command line over the fault VFS (tests/support/fault_vfs.h), so
// tests can fill the disk or break it under a real `paperboy` process without privileges
// (tst_full_disk). Built with the tests only; the shipped binary never has the VFS.
//
//   PAPERBOY_FAULT=full:N    the Nth write or sync in the library's folder fails with
//                            SQLITE_FULL, and every one after it: a disk that has filled up
//   PAPERBOY_FAULT=ioerr:N   the Nth write or sync fails once with SQLITE_IOERR
//
// The folder is PAPERBOY_DB's (or PAPERBOY_FAULT_SCOPE). On exit it says on stderr whether
// the fault fired and how many writes and syncs there were, so a test knows what it tested.

#include "cli/cli.h"
#include "fault_vfs.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cstdio>

using paperboy::test::FaultVfs;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("paperboy"));
    QCoreApplication::setOrganizationName(QStringLiteral("paperboy"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PAPERBOY_VERSION));

    FaultVfs &vfs = FaultVfs::install();
    QString scope = qEnvironmentVariable("PAPERBOY_FAULT_SCOPE");
    if (scope.isEmpty())
        scope = QFileInfo(qEnvironmentVariable("PAPERBOY_DB")).absolutePath();
    vfs.setScope(QDir(scope).absolutePath() + QLatin1Char('/'));
    const QStringList fault = qEnvironmentVariable("PAPERBOY_FAULT").split(QLatin1Char(':'));
    const bool armed = fault.size() == 2 && fault.at(1).toInt() > 0;
    if (armed) {
        const bool full = fault.at(0) == QLatin1String("full");
        vfs.failAt(fault.at(1).toInt(), FaultVfs::WriteOrSync,
                   full ? FaultVfs::Error::Full : FaultVfs::Error::IoErr, full);
    }
    const int status = paperboy::runCli(app.arguments());
    const FaultVfs::Counts counts = vfs.counts();
    std::fprintf(stderr, "paperboy_faulty: %s; %d writes, %d syncs\n",
                 !armed ? "no fault armed"
                 : vfs.fired() ? "the fault fired"
                               : "the fault did not fire",
                 counts.writes, counts.syncs);
    return status;
}
