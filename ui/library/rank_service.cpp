#include "library/rank_service.h"

#include "core/memory_trim.h"
#include "rank/rank_index.h"
#include "rank/ranking_connection.h"

#include <QPointer>
#include <QTimer>

namespace paperboy {

struct RankService::Worker
{
    std::unique_ptr<Ranker> ranker;

    // On the GUI thread (the one field that is not the ranking thread's): rankings asked for
    // while a vocabulary is being fitted, posted once it is stored.
    struct Held
    {
        bool fitting = false;
        QList<std::function<void()>> posts;
        bool trimPending = false; // releaseFreedMemory() is due
        void release()
        {
            fitting = false;
            for (const std::function<void()> &post : std::exchange(posts, {}))
                post();
        }
    } held;

    // Papers whose vectors the writer has not built yet are vectorised on the spot by the
    // Ranker; until the first vocabulary is fitted there is nothing to rank with (the ranking
    // says so, and the index update comes first on the writer's queue anyway).
    Ranker &rankerFor(Store &store)
    {
        if (!ranker)
            ranker = std::make_unique<Ranker>(store.database());
        return *ranker;
    }
};

namespace {

PaperRank rankOf(const PaperScore &score)
{
    PaperRank rank;
    rank.score = score.score;
    for (const TermWeight &term : score.why)
        rank.why.append(term.term);
    return rank;
}

// Views of `scores` in their order, with their ranks.
RankedPapers viewsOf(Store &store, Ranker &ranker, const QList<PaperScore> &scores)
{
    RankedPapers out;
    out.status = ranker.status();
    if (scores.isEmpty() && !ranker.lastError().isEmpty()) {
        out.error = ranker.lastError();
        return out;
    }
    QList<qint64> ids;
    ids.reserve(scores.size());
    for (const PaperScore &score : scores)
        ids.append(score.paperId);
    QHash<qint64, PaperRank> byId;
    for (const PaperScore &score : scores)
        byId.insert(score.paperId, rankOf(score));
    out.papers = store.viewsForPaperIds(ids);
    // Views come in the order asked, minus papers gone meanwhile: match them by arXiv id then.
    if (out.papers.size() == scores.size()) {
        for (qsizetype i = 0; i < scores.size(); ++i)
            out.ranks.insert(out.papers[i].paper.arxivId, rankOf(scores[i]));
        return out;
    }
    QStringList arxivIds;
    for (const PaperView &view : std::as_const(out.papers))
        arxivIds.append(view.paper.arxivId);
    const QHash<QString, qint64> paperIds = RankStore(store.database()).paperIds(arxivIds);
    for (auto it = paperIds.cbegin(); it != paperIds.cend(); ++it)
        out.ranks.insert(it.key(), byId.value(it.value()));
    return out;
}

} // namespace

RankService::RankService(const QString &databasePath, StoreThread &writer, QObject *parent)
    : QObject(parent), m_writer(writer), m_worker(std::make_shared<Worker>())
{
    // Read-only like the window's reader: a read-write connection maps the file, and every
    // page of vectors read through the map stayed in the window's memory (68 MB at 1M).
    m_thread = std::make_unique<StoreThread>(databasePath, Database::Mode::ReadOnly);
    m_thread->setObjectName(QStringLiteral("rankThread"));
    m_thread->post([](Store &store) { rank::useRankingPageCache(store.database()); });
}

RankService::~RankService()
{
    // The Ranker holds statements of the thread's connection: it goes before the connection.
    // An index chunk on the writer's queue still runs; its answer is dropped with this object.
    m_thread->post([worker = m_worker](Store &) { worker->ranker.reset(); });
    m_thread.reset();
}

namespace {
constexpr int kTrimAfterMs = 25000;
constexpr int kIndexDone = 1;
constexpr int kIndexMore = 0;
constexpr int kIndexFailed = -1;
constexpr int kIndexNeedsFit = 2;
} // namespace

void RankService::updateIndex()
{
    // Imports in a row need one update, but one already running may have missed the last.
    if (m_updateQueued) {
        m_updateAgain = true;
        return;
    }
    m_updateQueued = true;
    m_writer.post(
        this,
        [](Store &store) {
            // One chunk per job: the writer's queue moves on between chunks.
            RankIndex index(store.database());
            if (index.needsFit())
                return kIndexNeedsFit;
            std::atomic_bool stop(false);
            const bool done = index.update([&stop](const RankIndexProgress &) { stop.store(true); },
                                           &stop, false);
            if (done)
                return kIndexDone;
            if (stop.load())
                return kIndexMore; // one chunk built: to be continued
            qWarning("ranking index: %s", qPrintable(index.lastError()));
            return kIndexFailed;
        },
        [this](int result) {
            if (result == kIndexNeedsFit) {
                fitVocabulary();
                return;
            }
            // The first chunk of vectors is there too: something to train on.
            m_worker->held.release();
            m_updateQueued = false;
            if (result == kIndexMore || std::exchange(m_updateAgain, false))
                updateIndex();
            else
                emit indexUpdated();
        });
}

void RankService::fitVocabulary()
{
    m_worker->held.fitting = true;
    // Choosing the vocabulary reads 20,000 papers and counts their terms: 10-16 s at a million
    // papers, once after an upgrade and whenever the library has doubled. On the writer that
    // held every star and note written meanwhile; here it only delays rankings, which have
    // nothing to rank with until it is done. The writer only stores the result.
    m_thread->post(
        this,
        [](Store &store) {
            RankIndex index(store.database());
            std::optional<StoredVocabulary> fitted = index.fitVocabulary();
            if (!fitted)
                qWarning("ranking vocabulary: %s", qPrintable(index.lastError()));
            return fitted;
        },
        [this](std::optional<StoredVocabulary> fitted) {
            if (!fitted) {
                m_updateQueued = false;
                m_worker->held.release();
                return;
            }
            m_writer.post(
                this,
                [fitted = std::move(*fitted)](Store &store) {
                    RankIndex index(store.database());
                    // Another process may have stored one meanwhile.
                    if (!index.needsFit() || index.storeVocabulary(fitted))
                        return true;
                    qWarning("ranking vocabulary: %s", qPrintable(index.lastError()));
                    return false;
                },
                [this](bool stored) {
                    m_updateQueued = false;
                    if (stored)
                        updateIndex(); // builds the first chunk, then releases the rankings
                    else
                        m_worker->held.release();
                });
        });
}

template <typename Job>
void RankService::postRanking(QObject *context, Job job, std::function<void(RankedPapers)> done)
{
    // What a ranking and the list it fills free stays in glibc's arenas (the views read for
    // For You; the glyph caches Qt's font cache drops on its own 10 s timer): 10 MB of the
    // window's 199 MB with For You open at a million papers, given back by a trim once the
    // window has settled, off the GUI thread.
    done = [self = QPointer<RankService>(this), done = std::move(done)](RankedPapers papers) {
        done(std::move(papers));
        if (!self || std::exchange(self->m_worker->held.trimPending, true))
            return;
        QTimer::singleShot(kTrimAfterMs, self.data(), [service = self.data()] {
            service->m_worker->held.trimPending = false;
            service->m_thread->post([](Store &) { releaseFreedMemory(); });
        });
    };
    if (m_worker->held.fitting) {
        // Asked for after the fit began (the writer's no-op came back behind the update that
        // found a fit due): ranked once the vocabulary is stored, as when the writer fitted.
        m_worker->held.posts.append([this, guard = QPointer<QObject>(context), job, done] {
            if (guard)
                m_thread->post(guard.data(), job, done);
        });
        return;
    }
    m_thread->post(context, std::move(job), std::move(done));
}

void RankService::forYou(QObject *context, std::function<void(RankedPapers)> done, int days)
{
    postRanking(
        context,
        [worker = m_worker, days](Store &store) {
            Ranker &ranker = worker->rankerFor(store);
            return viewsOf(store, ranker, ranker.forYou(days, 0, Ranker::kWhyTerms));
        },
        std::move(done));
}

void RankService::similar(QObject *context, const QString &arxivId, int limit,
                          std::function<void(RankedPapers)> done)
{
    postRanking(
        context,
        [worker = m_worker, arxivId, limit](Store &store) {
            Ranker &ranker = worker->rankerFor(store);
            RankedPapers out =
                viewsOf(store, ranker, ranker.similar(arxivId, limit, Ranker::kWhyTerms));
            if (out.papers.isEmpty() && out.error.isEmpty())
                out.error = ranker.lastError();
            return out;
        },
        std::move(done));
}

void RankService::score(QObject *context, const QList<PaperView> &views,
                        std::function<void(RankedPapers)> done)
{
    postRanking(
        context,
        [worker = m_worker, views](Store &store) {
            Ranker &ranker = worker->rankerFor(store);
            RankedPapers out;
            const QList<PaperScore> scores = ranker.scoreViews(views);
            out.status = ranker.status();
            if (scores.size() != views.size()) {
                out.error = ranker.lastError();
                return out;
            }
            for (qsizetype i = 0; i < views.size(); ++i)
                if (scores[i].known)
                    out.ranks.insert(views[i].paper.arxivId, rankOf(scores[i]));
            return out;
        },
        std::move(done));
}

void RankService::drain()
{
    m_thread->drain();
}

} // namespace paperboy
