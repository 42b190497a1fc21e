#pragma once

// The window's ranking ("For you", issue #16) on a thread and a connection of its own, so
// neither the GUI nor the reader's lists ever wait for a model to train; that connection only
// reads. The ranking's derived data (vocabulary, vectors) is kept up to date after start,
// imports and fetches on the window's writer thread, one chunk of papers per job, so a user
// write posted meanwhile waits at most one chunk, and LibraryWatch knows these writes for the
// window's own (a commit on any other connection is taken for another process's). Fitting a
// vocabulary (seconds) runs on the ranking thread; the writer only stores it.
//
// One Ranker lives on the thread for the service's life: it keeps its model between calls
// and retrains only when stars, dismissals or the newest papers changed.

#include "core/paper.h"
#include "rank/ranker.h"
#include "store/store_thread.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace paperboy {

// A paper's place in a ranking, as the window shows it.
struct PaperRank
{
    double score = 0;
    QStringList why; // the terms that raised the score most
};
using PaperRanks = QHash<QString, PaperRank>; // by arXiv id

struct RankedPapers
{
    QList<PaperView> papers; // best first
    PaperRanks ranks;
    RankStatus status;
    QString error;
};

class RankService : public QObject
{
    Q_OBJECT
public:
    // `writer` (the window's writer thread) must outlive the service.
    RankService(const QString &databasePath, StoreThread &writer, QObject *parent = nullptr);
    ~RankService() override; // no further index chunk is posted; closes the connection

    // Builds the vectors of papers added since the last run (after start, imports, fetches).
    void updateIndex();

    // The For-you view: unread papers of the last `days` days, neither starred nor
    // dismissed, best first.
    void forYou(QObject *context, std::function<void(RankedPapers)> done, int days = 7);
    // More like this: every other paper ranked against `arxivId` alone.
    void similar(QObject *context, const QString &arxivId, int limit,
                 std::function<void(RankedPapers)> done);
    // Scores of the papers of a list that is already on screen (a day, a search, a tag).
    void score(QObject *context, const QList<PaperView> &views,
               std::function<void(RankedPapers)> done);

    // Blocks until every posted job ran (tests and shutdown only).
    void drain();

signals:
    // The index has caught up with the library (after updateIndex()).
    void indexUpdated();

private:
    void fitVocabulary(); // on the ranking thread; stored on the writer
    template <typename Job>
    void postRanking(QObject *context, Job job, std::function<void(RankedPapers)> done);
    struct Worker;
    StoreThread &m_writer;
    std::unique_ptr<StoreThread> m_thread;
    std::shared_ptr<Worker> m_worker; // used on m_thread only
    bool m_updateQueued = false;
    bool m_updateAgain = false;
};

} // namespace paperboy
