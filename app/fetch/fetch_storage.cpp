#include "fetch_storage.h"

#include "import/digest_jsonl_parser.h"
#include "store/lookups.h"
#include "store/store_thread.h"

#include <QPointer>
#include <QSet>

namespace paperboy {

using namespace Qt::StringLiterals;

FetchStorage FetchStorage::direct(Store &store)
{
    FetchStorage storage;
    Store *target = &store;
    storage.m_run = [target](QObject *context, Job job, std::function<void()> done) {
        // Queued even here, so the fetcher sees the same order of events with either storage.
        QMetaObject::invokeMethod(
            context,
            [target, job = std::move(job), done = std::move(done)] {
                job(*target);
                done();
            },
            Qt::QueuedConnection);
    };
    return storage;
}

FetchStorage FetchStorage::onThread(StoreThread &thread)
{
    FetchStorage storage;
    QPointer<StoreThread> target(&thread);
    storage.m_run = [target](QObject *context, Job job, std::function<void()> done) {
        if (!target)
            return;
        target->post(
            context,
            [job = std::move(job)](Store &store) {
                job(store);
                return true;
            },
            [done = std::move(done)](bool) { done(); });
    };
    return storage;
}

void FetchStorage::run(QObject *context, Job job, std::function<void()> done) const
{
    if (m_run)
        m_run(context, std::move(job), std::move(done));
}

namespace {

// Papers, not entries: a paper an answer lists twice is stored once (Store::saveDigest),
// and the ledger said 121 for a day of 120.
int countFor(const Digest &digest, const QString &category, qsizetype categories)
{
    QSet<QString> papers;
    for (const DigestEntry &entry : digest.entries)
        if (categories <= 1 || entry.paper.categories.contains(category))
            papers.insert(entry.paper.arxivId);
    return int(papers.size());
}

bool hasCachedEntries(Store &store, const Digest &digest, QString *error)
{
    return storedEntryCount(store.database(), digest.date, digest.source, digest.category, error) >
           0;
}

} // namespace

CommitResult commitListing(Store &store, const ListingCommit &commit)
{
    CommitResult result;
    Digest digest = commit.digest;
    if (!digest.entries.isEmpty() && !digest.sameAs.isValid()) {
        // The digest repository re-publishes Friday's papers as Saturday's file; a reader must
        // see "same as Friday", not a new day of old papers.
        const std::optional<Digest> previous = store.previousDigest(digest);
        if (previous && sameListing(*previous, digest))
            digest.sameAs = previous->date;
    }
    result.sameAs = digest.sameAs;
    if (!digest.entries.isEmpty()) {
        // A partial listing must not replace a fuller one already in the cache.
        if (commit.state == LedgerState::Partial) {
            result.keptExisting = hasCachedEntries(store, digest, &result.error);
            if (!result.error.isEmpty())
                return result;
        }
        if (!result.keptExisting && !store.saveDigests({digest}, {}, &result.stored)) {
            result.error = store.lastError();
            return result;
        }
    }
    QList<LedgerEntry> rows;
    for (const QString &category : commit.categories) {
        LedgerEntry row;
        row.date = digest.date;
        row.category = category;
        row.source = digest.source;
        row.state = commit.state;
        row.papers = countFor(digest, category, commit.categories.size());
        row.reason = commit.reason;
        if (digest.sameAs.isValid()) {
            const QString note = u"same as %1"_s.arg(digest.sameAs.toString(Qt::ISODate));
            row.reason = row.reason.isEmpty() ? note : row.reason + u"; "_s + note;
        }
        row.recordedAt = commit.now;
        result.papers.insert(category, row.papers);
        rows.append(row);
    }
    // The digest is safely stored by now; a crash before the ledger only makes the day look
    // missing, and a missing day is simply fetched again.
    result.error = recordLedger(store, rows);
    if (result.error.isEmpty() && commit.url.isValid()) {
        HttpValidatorStore validators(store.database());
        if (!validators.put(commit.url, commit.validators))
            result.error = validators.lastError();
    }
    return result;
}

CommitResult commitPapers(Store &store, const QList<Paper> &papers)
{
    CommitResult result;
    if (!papers.isEmpty() && !store.saveDigests({}, papers, &result.stored))
        result.error = store.lastError();
    return result;
}

QString recordLedger(Store &store, const QList<LedgerEntry> &entries)
{
    if (entries.isEmpty())
        return {};
    FetchLedger ledger(store.database());
    return ledger.record(entries) ? QString() : ledger.lastError();
}

HttpValidators usableValidators(Store &store, const QUrl &url, const QString &source,
                                const QString &digestCategory)
{
    HttpValidatorStore validators(store.database());
    const std::optional<HttpValidators> known = validators.get(url);
    if (!known || !known->listingDate.isValid())
        return {};
    if (known->papers == 0)
        return *known; // a day without announcement stores no digest
    Digest digest;
    digest.date = known->listingDate;
    digest.source = source;
    digest.category = digestCategory;
    QString error;
    return hasCachedEntries(store, digest, &error) ? *known : HttpValidators();
}

} // namespace paperboy
