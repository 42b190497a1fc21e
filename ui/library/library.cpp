#include "library/library.h"

#include "library/library_watch.h"
#include "library/note_saver.h"
#include "rank/ranker.h"
#include "search/search_query.h"
#include "search/searcher.h"
#include "store/store_thread.h"

#include <QMutex>

namespace paperboy {

// Tells cancelSearch() whether the reader is inside a search right now: sqlite3_interrupt
// would otherwise cut short whatever ran instead, such as the sidebar's day counts.
struct Library::SearchGuard
{
    QMutex mutex;
    bool active = false;
};

namespace {

struct LoadedList
{
    QList<PaperView> papers;
    ListResult result;
};

LoadedList readList(Store &store, const ListSource &source, QMutex *mutex, bool *active)
{
    SelectOptions options;
    options.searchLimit = Library::kSearchLimit;
    options.tagInTaggingOrder = false;
    options.searching = [mutex, active](bool searching) {
        QMutexLocker lock(mutex);
        *active = searching;
    };
    // Counting every match of a common word reads its whole index entry (up to a third of a
    // second at a million papers); the first page must not wait for it.
    SelectedPapers selected = selectPapers(store, source, options);
    LoadedList out;
    out.papers = std::move(selected.papers);
    out.result.error = selected.error;
    out.result.warnings = selected.warnings;
    out.result.highlight = selected.highlight;
    out.result.interrupted = selected.interrupted;
    out.result.totalPending = selected.limitReached;
    return out;
}

} // namespace

Library::Library(const QString &databasePath, bool importSample, QObject *parent)
    : QObject(parent), m_path(databasePath), m_searchGuard(std::make_shared<SearchGuard>())
{
    m_writer = std::make_unique<StoreThread>(databasePath, Database::Mode::ReadWrite);
    connect(m_writer.get(), &StoreThread::failed, this, &Library::openFailed);
    m_user = new UserData(*m_writer, NoteSaver::recoveryPathFor(databasePath), this);
    m_user->setObjectName(QStringLiteral("userData"));
    connect(m_user, &UserData::committed, this, &Library::onUserDataCommitted);
    connect(m_user, &UserData::tagNamesChanged, this, &Library::userViewsChanged);
    // The Followed view lists other papers once the followed authors change.
    connect(m_user, &UserData::followsChanged, this, &Library::userViewsChanged);
    m_watch = new LibraryWatch(*m_writer, this);
    connect(m_watch, &LibraryWatch::changedOutside, this, &Library::onChangedOutside);
    connect(m_writer.get(), &StoreThread::upgrading, this, &Library::upgrading);
    // The reader opens read-only, so it must wait until the writer has created and migrated
    // the file; the sample import is posted first so the first read already sees it.
    if (importSample)
        m_writer->post(
            this, [](Store &store) { return Importer(store).importSampleIfEmpty(); }, [](bool) {});
    m_writer->post(
        this, [](Store &) { return true; }, [this](bool) { startReader(); });
}

Library::~Library() = default;

void Library::startReader()
{
    m_ranking = std::make_unique<RankService>(m_path, *m_writer);
    m_reader = std::make_unique<StoreThread>(m_path, Database::Mode::ReadOnly);
    connect(m_reader.get(), &StoreThread::failed, this, &Library::openFailed);
    connect(m_reader.get(), &StoreThread::opened, this, [this] {
        m_readerReady = true;
        m_user->setReader(m_reader.get());
        m_watch->start(m_reader.get());
        // After the watch has asked the writer where it stands: an index update queued before
        // would have it answer late, after writes of other processes it should have noticed.
        m_ranking->updateIndex();
        const auto waiting = std::exchange(m_waitingReads, {});
        for (const auto &read : waiting)
            read();
        emit ready();
    });
}

void Library::whenReady(std::function<void()> read)
{
    if (m_readerReady)
        read();
    else
        m_waitingReads.append(std::move(read));
}

void Library::refreshDays()
{
    // Several writes in a row need one recount, not one each; but a count already on its way
    // may predate the latest write, so one more follows it.
    if (m_daysInFlight) {
        m_daysAgain = true;
        return;
    }
    m_daysInFlight = true;
    whenReady([this] {
        m_reader->post(
            this, [](Store &store) { return store.days(); },
            [this](QList<DaySummary> days) {
                m_daysInFlight = false;
                m_firstDaysLoaded = true;
                emit daysLoaded(days); // the window asks for its first list from here
                if (std::exchange(m_countsDeferred, false))
                    refreshCounts();
                if (std::exchange(m_daysAgain, false))
                    refreshDays();
            });
    });
}

void Library::refreshCounts()
{
    if (!m_firstDaysLoaded) {
        m_countsDeferred = true;
        return;
    }
    if (m_countsInFlight) {
        m_countsAgain = true;
        return;
    }
    m_countsInFlight = true;
    whenReady([this] {
        m_reader->post(
            this,
            [](Store &store) {
                SmartViews views(store);
                SidebarCounts counts;
                counts.counts = views.counts();
                counts.savedSearches = views.savedSearches();
                // Counted, not ranked: the papers For You will rank, on this reader thread.
                Ranker ranker(store.database());
                counts.counts.forYou = ranker.forYouCount();
                counts.ok = views.lastError().isEmpty() && ranker.lastError().isEmpty();
                return counts;
            },
            [this](SidebarCounts counts) {
                m_countsInFlight = false;
                emit countsLoaded(counts);
                if (std::exchange(m_countsAgain, false))
                    refreshCounts();
            });
    });
}

void Library::loadList(const ListSource &source)
{
    cancelSearch();
    const quint64 request = ++m_listRequest;
    whenReady([this, source, request] {
        if (request != m_listRequest)
            return; // overtaken before the reader was even open
        if (source.kind == ListKind::ForYou || source.kind == ListKind::Similar) {
            loadRankedList(source, request);
            return;
        }
        const quint64 postedAt = m_user->stamp();
        m_reader->post(
            this,
            [source, guard = m_searchGuard](Store &store) {
                return readList(store, source, &guard->mutex, &guard->active);
            },
            [this, source, request, postedAt](LoadedList loaded) {
                if (request != m_listRequest || loaded.result.interrupted)
                    return; // overtaken by a newer choice or keystroke
                m_user->adoptList(loaded.papers, postedAt);
                emit listLoaded(source, loaded.papers, loaded.result);
                if (loaded.result.totalPending)
                    countMatches(source, request);
            });
    });
}

void Library::loadRankedList(const ListSource &source, quint64 request)
{
    // A no-op through the writer first: the ranking then sees every star and dismissal
    // posted before this list was asked for.
    m_writer->post(
        this, [](Store &) { return true; },
        [this, source, request](bool) {
            if (request != m_listRequest)
                return;
            const quint64 postedAt = m_user->stamp();
            auto done = [this, source, request, postedAt](RankedPapers ranked) {
                if (request != m_listRequest)
                    return;
                ListResult result;
                result.error = ranked.error;
                result.ranks = ranked.ranks;
                result.rankStatus = ranked.status;
                m_user->adoptList(ranked.papers, postedAt);
                emit listLoaded(source, ranked.papers, result);
            };
            if (source.kind == ListKind::ForYou)
                m_ranking->forYou(this, done);
            else
                m_ranking->similar(this, source.name, kSearchLimit, done);
        });
}

void Library::scoreList(QObject *context, const QList<PaperView> &papers,
                        std::function<void(RankedPapers)> done)
{
    whenReady([this, guard = QPointer<QObject>(context), papers, done = std::move(done)] {
        m_writer->post(
            this, [](Store &) { return true; },
            [this, guard, papers, done](bool) {
                if (guard)
                    m_ranking->score(guard.data(), papers, done);
            });
    });
}

void Library::countMatches(const ListSource &source, quint64 request)
{
    m_reader->post(
        this,
        [query = source.query, guard = m_searchGuard](Store &store) {
            {
                QMutexLocker lock(&guard->mutex);
                guard->active = true;
            }
            const int total = Searcher(store).count(parseSearchQuery(query));
            QMutexLocker lock(&guard->mutex);
            guard->active = false;
            return total;
        },
        [this, source, request](int total) {
            // A negative count was interrupted by the next keystroke or failed; the heading
            // then keeps saying the page is the newest part of a larger set.
            if (request == m_listRequest && total >= 0)
                emit listTotalCounted(source, total);
        });
}

void Library::cancelSearch()
{
    // The result of the search being cut short is dropped by the request number.
    ++m_listRequest;
    QMutexLocker lock(&m_searchGuard->mutex);
    if (m_searchGuard->active && m_reader)
        m_reader->interrupt();
}

void Library::onUserDataCommitted(UserFields fields)
{
    // Read marks change the days' unread counts; every user field changes some smart view's
    // but a saved trend's (the Trends window reads those itself).
    if (fields == UserFields(UserField::SavedTrends))
        return;
    if (fields & UserField::Read)
        refreshDays();
    refreshCounts();
}

void Library::onChangedOutside()
{
    refreshDays();
    refreshCounts();
    m_user->refreshTracked(UserStateChange::Origin::Outside);
    emit changedOutside();
}

void Library::postViewWrite(std::function<QString(Store &)> job)
{
    m_writer->post(
        this, [job = std::move(job)](Store &store) { return job(store); },
        [this](QString error) {
            if (!error.isEmpty())
                emit writeFailed(error);
            refreshCounts();
            emit userViewsChanged();
        });
}

void Library::saveSearch(const QString &name, const QString &query)
{
    postViewWrite([name, query](Store &store) {
        SmartViews views(store);
        return views.saveSearch(name, query) ? QString() : views.lastError();
    });
}

void Library::renameSavedSearch(const QString &from, const QString &to)
{
    postViewWrite([from, to](Store &store) {
        SmartViews views(store);
        return views.renameSavedSearch(from, to) ? QString() : views.lastError();
    });
}

void Library::removeSavedSearch(const QString &name)
{
    postViewWrite([name](Store &store) {
        SmartViews views(store);
        return views.removeSavedSearch(name) ? QString() : views.lastError();
    });
}

void Library::importFiles(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    m_writer->post(
        this,
        [paths](Store &store) {
            QList<ImportReport> reports;
            Importer importer(store);
            for (const QString &path : paths)
                reports.append(importer.importFile(path));
            return reports;
        },
        [this](QList<ImportReport> reports) {
            if (m_ranking)
                m_ranking->updateIndex();
            emit importFinished(reports);
            refreshDays();
            refreshCounts();
        });
}

void Library::saveRule(const Rule &rule)
{
    postViewWrite(
        [rule](Store &store) { return store.saveRule(rule) ? QString() : store.lastError(); });
}

void Library::removeRule(const QString &name)
{
    postViewWrite(
        [name](Store &store) { return store.removeRule(name) ? QString() : store.lastError(); });
}

} // namespace paperboy
