// Fault operations on the versions of the reader's papers (issue #18): opening a newer
// version (user data) and what the version check stores (cache). Part of the fault sweep.

#include "fault_library.h"

#include "fetch/fetch_storage.h"
#include "store/version_store.h"

namespace paperboy::test::fault_library {

namespace {

// What the version check stores (fetcher_papers.cpp): the old and the new version of a kept
// paper, then the paper row shows the new one. Two transactions: stopping between them leaves
// the versions recorded and the row as it was, and the next check stores the row.
FaultOperation versionCheckOperation()
{
    FaultOperation op;
    op.prepare = prepareLibrary;
    op.partialAllowed = true;
    op.run = [](const QString &path, QString *error) {
        return withStore(path, error, [&](Store &store, QString *message) {
            Paper paper;
            paper.arxivId = kPaper;
            paper.version = 2;
            paper.title = QStringLiteral("Faults at every write, revised");
            paper.authors = {QStringLiteral("Ada Lovelace"), QStringLiteral("Alan Turing")};
            paper.abstract = QStringLiteral("A second version: every write whole or not at all.");
            paper.comment = QStringLiteral("Accepted at SOSP 2026");
            paper.journalRef = QStringLiteral("Proc. SOSP 2026, 1-14");
            paper.categories = {QStringLiteral("cs.CV")};
            paper.primaryCategory = QStringLiteral("cs.CV");
            paper.updated = QDate(2026, 11, 30);
            const QList<VersionChange> changes =
                VersionStore(store.database()).record({paper}, kNow, message);
            if (!message->isEmpty())
                return false;
            if (changes.size() != 1) {
                *message = QStringLiteral("test: %1 changes, not 1").arg(changes.size());
                return false;
            }
            const CommitResult result = commitPapers(store, {paper});
            *message = result.error;
            return result.error.isEmpty();
        });
    };
    return op;
}

} // namespace

FaultOperation versionsOperation(const QString &name)
{
    if (name == QLatin1String("version-check"))
        return versionCheckOperation();
    if (name != QLatin1String("seen-version"))
        return {};
    // The reader opens version 2 of a paper (UserData::markSeen's write).
    FaultOperation op;
    op.prepare = prepareLibrary;
    op.run = [](const QString &path, QString *error) {
        return withStore(path, error, [](Store &store, QString *message) {
            VersionStore versions(store.database());
            if (versions.markSeen(kOtherPaper, 2, kNow))
                return true;
            *message = versions.lastError();
            return false;
        });
    };
    return op;
}

} // namespace paperboy::test::fault_library
