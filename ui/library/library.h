#pragma once

// The window's only way to the database: one reader and one writer StoreThread on the same
// file (WAL lets them overlap). Requests go out as posts and results come back as signals on
// the GUI thread, so nothing here ever waits on SQLite. The reader's own data is written by
// userData() alone; the library reads the lists, days and counts, and watches the file for
// other processes' writes.

#include "import/importer.h"
#include "library/rank_service.h"
#include "library/user_data.h"
#include "search/paper_selection.h"
#include "search/smart_views.h"
#include "store/store.h"
#include "store/store_thread.h"

#include <QDate>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace paperboy {

class LibraryWatch;

// What the paper list shows: one day's digests, a smart view, a tag or a search.
using ListSource = PaperSelection;
using ListKind = PaperSelection::Kind;

// What came with a list besides its papers.
struct ListResult
{
    int total = -1; // searches: every match, when more than the list holds
    // A search filled its page and its matches are being counted in a second read, so the
    // page shows at once; listTotalCounted() brings the number.
    bool totalPending = false;
    QString error;            // the read failed; the list is empty
    QStringList warnings;     // parts of a search that were ignored
    QStringList highlight;    // searches: the words to mark in the rows and the detail pane
    bool interrupted = false; // overtaken by the next keystroke; the caller drops it
    PaperRanks ranks;         // For you, Similar: each paper's score and why
    RankStatus rankStatus;    // For you: how many stars the ranking learned from
};

// The sidebar's counts and saved searches, read together.
struct SidebarCounts
{
    SmartViewCounts counts;
    QList<SavedSearch> savedSearches;
    bool ok = true;

    QStringList tagNames() const
    {
        QStringList names;
        for (const NamedCount &tag : counts.tags)
            names.append(tag.name);
        return names;
    }
};

class Library : public QObject
{
    Q_OBJECT
public:
    // `importSample`: on an empty cache, import the bundled sample before the first read.
    Library(const QString &databasePath, bool importSample, QObject *parent = nullptr);
    ~Library() override; // pending writes still run: the writer thread drains before closing

    QString databasePath() const { return m_path; }
    bool isReady() const { return m_readerReady; }

    void refreshDays();
    // Counts of the smart views, tags and saved searches; several calls in a row read once.
    void refreshCounts();
    // A newer call overtakes an older one; a search still running is interrupted.
    void loadList(const ListSource &source);
    // Stops a search in progress now (the user typed on); its result is dropped.
    void cancelSearch();

    // Results most searches show at once; the heading tells when there are more.
    static constexpr int kSearchLimit = 1000;

    void saveSearch(const QString &name, const QString &query);
    void renameSavedSearch(const QString &from, const QString &to);
    void removeSavedSearch(const QString &name);
    void importFiles(const QStringList &paths);

    // Rules of saved searches (issue #16): they change what a saved search does, not what
    // lists show now (dismissals and follows are user state: userData()).
    void saveRule(const Rule &rule);
    void removeRule(const QString &name);
    // The ranking's thread: scores of lists on screen, the index kept up to date.
    RankService &ranking() { return *m_ranking; }
    // Scores `papers` (a list on screen) after every write posted so far has committed, so a
    // star just given counts. `done` runs on the GUI thread unless `context` went away.
    void scoreList(QObject *context, const QList<PaperView> &papers,
                   std::function<void(RankedPapers)> done);

    // A job on the reader connection, once it is open; `done` runs here with the result.
    template <typename Job, typename Done> void read(QObject *context, Job job, Done done)
    {
        whenReady([this, guard = QPointer<QObject>(context), job, done] {
            if (guard)
                m_reader->post(guard.data(), job, done);
        });
    }
    // A job on the writer connection (exports, backups, the fetcher's storage).
    template <typename Job, typename Done> void write(QObject *context, Job job, Done done)
    {
        m_writer->post(context, std::move(job), std::move(done));
    }
    StoreThread &writerThread() { return *m_writer; }

    // The one writer of stars, read marks, notes and tags, and their change signal.
    UserData *userData() const { return m_user; }
    // Watching for other processes' writes (on from the moment the reader opens).
    LibraryWatch *watch() const { return m_watch; }

signals:
    void ready();
    void openFailed(const QString &error);
    // The library file is being upgraded to this version's schema before it opens.
    void upgrading(int fromVersion, int toVersion);
    void daysLoaded(const QList<paperboy::DaySummary> &days);
    void listLoaded(const paperboy::ListSource &source, const QList<paperboy::PaperView> &papers,
                    const paperboy::ListResult &result);
    void countsLoaded(const paperboy::SidebarCounts &counts);
    // Every match of the search listed last, counted after its first page was shown.
    void listTotalCounted(const paperboy::ListSource &source, int total);
    // A tag or saved search changed name or went away: lists showing it are stale.
    void userViewsChanged();
    // Another process wrote to the library; days, counts and the papers on screen are being
    // read again.
    void changedOutside();
    void importFinished(const QList<paperboy::ImportReport> &reports);
    void writeFailed(const QString &error);

private:
    void whenReady(std::function<void()> read);
    // Counts the matches of the search loaded by `request`, unless a newer list overtook it.
    void countMatches(const ListSource &source, quint64 request);
    void startReader();
    void onUserDataCommitted(UserFields fields);
    void onChangedOutside();
    void postViewWrite(std::function<QString(Store &)> job);
    // For you, Similar: read on the ranking's thread once the writes posted so far are in.
    void loadRankedList(const ListSource &source, quint64 request);

    QString m_path;
    std::unique_ptr<StoreThread> m_writer;
    std::unique_ptr<RankService> m_ranking; // its own connection; stopped after the reader
    std::unique_ptr<StoreThread> m_reader;  // declared last: stopped first
    bool m_readerReady = false;
    QList<std::function<void()>> m_waitingReads;
    UserData *m_user = nullptr;
    LibraryWatch *m_watch = nullptr;
    quint64 m_listRequest = 0;
    bool m_daysInFlight = false;
    bool m_daysAgain = false;
    bool m_countsInFlight = false;
    bool m_countsAgain = false;
    // Counting smart views reads the whole cache (~0.1-0.7 s at a million papers): before the
    // first day list it would delay the first paint, so it waits until that list is asked for.
    bool m_firstDaysLoaded = false;
    bool m_countsDeferred = false;
    struct SearchGuard;
    std::shared_ptr<SearchGuard> m_searchGuard;
};

} // namespace paperboy

Q_DECLARE_METATYPE(paperboy::ListResult)
Q_DECLARE_METATYPE(paperboy::SidebarCounts)
