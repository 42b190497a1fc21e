#pragma once

// Where the fetcher reads and writes, and the writes it makes. The window gives it its
// StoreThread (the writer); the command line gives it a Store on the calling thread. Either
// way a job runs where the store lives and `done` runs later on the fetcher's thread.

#include "core/paper.h"
#include "store/fetch_ledger.h"
#include "store/http_validators.h"
#include "store/store.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QObject>
#include <QUrl>

#include <functional>

namespace paperboy {

class StoreThread;

class FetchStorage
{
public:
    using Job = std::function<void(Store &)>;

    // `store` must outlive every job posted through the result.
    static FetchStorage direct(Store &store);
    // Jobs posted before the thread's store is open wait for it; if it fails to open they
    // are dropped, so start fetching after StoreThread::opened().
    static FetchStorage onThread(StoreThread &thread);

    bool isValid() const { return bool(m_run); }
    // `done` is dropped when `context` is destroyed first. Never runs `done` synchronously.
    void run(QObject *context, Job job, std::function<void()> done) const;

private:
    std::function<void(QObject *, Job, std::function<void()>)> m_run;
};

// One day's listing and what to remember about it, written in one go.
struct ListingCommit
{
    Digest digest;          // no entries: nothing is stored, the ledger notes the day
    QStringList categories; // one ledger row each
    LedgerState state = LedgerState::Complete; // Complete, NoAnnouncement or Partial
    QString reason;
    QUrl url; // with validators: remembered once the digest is stored
    HttpValidators validators;
    QDateTime now;
};

struct CommitResult
{
    QString error;             // empty on success
    QMap<QString, int> papers; // per category of the commit
    ImportSummary stored;
    bool keptExisting = false; // a partial listing left the cached one in place
    QDate sameAs;              // the digest repeats this earlier day of its source unchanged
};

// Stores the digest in one transaction (a partial digest only where the cache has none for
// that day, source and category), then the ledger rows and the validators. On error
// nothing of the cache has changed. A digest listing exactly the papers of the source's
// previous day is stored with sameAs set (like Importer does), and the ledger row says so.
CommitResult commitListing(Store &store, const ListingCommit &commit);
// Bare paper records (enrichment), one transaction.
CommitResult commitPapers(Store &store, const QList<Paper> &papers);
// Ledger rows only (failures, days without announcement). Returns the error, if any.
QString recordLedger(Store &store, const QList<LedgerEntry> &entries);

// The validators remembered for `url`, unless the listing they stand for is no longer in the
// cache (a 304 must never stand for data we do not have).
HttpValidators usableValidators(Store &store, const QUrl &url, const QString &source,
                                const QString &digestCategory);

} // namespace paperboy
