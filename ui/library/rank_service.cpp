#include "library/rank_service.h"

#include "rank/rank_index.h"

namespace paperboy {

struct RankService::Worker
{
    std::unique_ptr<Ranker> ranker;

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
    m_thread = std::make_unique<StoreThread>(databasePath, Database::Mode::ReadWrite);
    m_thread->setObjectName(QStringLiteral("rankThread"));
}

RankService::~RankService()
{
    // The Ranker holds statements of the thread's connection: it goes before the connection.
    // An index chunk on the writer's queue still runs; its answer is dropped with this object.
    m_thread->post([worker = m_worker](Store &) { worker->ranker.reset(); });
    m_thread.reset();
}

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
            // One chunk per job (the vocabulary, when it must be fitted, comes with the first):
            // the writer's queue moves on between chunks.
            std::atomic_bool stop(false);
            RankIndex index(store.database());
            const bool done = index.update(
                [&stop](const RankIndexProgress &progress) {
                    if (!progress.fitting)
                        stop.store(true);
                },
                &stop);
            if (done)
                return 1;
            if (stop.load())
                return 0; // one chunk built: to be continued
            qWarning("ranking index: %s", qPrintable(index.lastError()));
            return -1;
        },
        [this](int result) {
            m_updateQueued = false;
            if (result == 0 || std::exchange(m_updateAgain, false))
                updateIndex();
            else
                emit indexUpdated();
        });
}

template <typename Job>
void RankService::postRanking(QObject *context, Job job, std::function<void(RankedPapers)> done)
{
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
