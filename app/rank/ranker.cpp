#include "ranker.h"

#include "rank/rank_index.h"

#include <QSet>

#include <algorithm>

namespace paperboy {

using rank::SparseVector;

namespace {

rank::RankDocument documentFor(const PaperView &view)
{
    RankText text;
    text.title = view.paper.title;
    text.abstract = view.paper.abstract;
    text.authors = view.paper.authors;
    // As the store reads it (store/rank_store.cpp): a digest's Chinese, else the user's own.
    if (!view.entry.translatedTitle.isEmpty() || !view.entry.translatedAbstract.isEmpty())
        text.translation =
            view.entry.translatedTitle + QLatin1Char('\n') + view.entry.translatedAbstract;
    else if (!view.user.translation.isEmpty())
        text.translation =
            view.user.translation.title + QLatin1Char('\n') + view.user.translation.abstract;
    return rank::documentFor(text);
}

QList<qint64> without(const QList<qint64> &list, const QSet<qint64> &drop)
{
    QList<qint64> kept;
    kept.reserve(list.size());
    for (const qint64 id : list)
        if (!drop.contains(id))
            kept.append(id);
    return kept;
}

} // namespace

bool Ranker::fail(const QString &error)
{
    m_error = error;
    return false;
}

void Ranker::setTrainingOptions(const rank::TrainingOptions &options)
{
    m_options = options;
    m_model.reset();
}

bool Ranker::loadVocabulary()
{
    const std::optional<StoredVocabulary> stamp = m_store.vocabulary(false);
    if (!stamp) {
        m_vocabulary.reset();
        return fail(m_store.lastError().isEmpty()
                        ? QStringLiteral("the ranking has no vocabulary yet: build it first")
                        : m_store.lastError());
    }
    if (m_vocabulary && m_vocabularyFittedAt == stamp->fittedAt &&
        m_vocabularyVersion == stamp->version && m_vocabularyEnglish == stamp->englishSize)
        return true;
    const std::optional<StoredVocabulary> stored = m_store.vocabulary(true);
    if (!stored)
        return fail(m_store.lastError());
    m_vocabulary.emplace(stored->terms, stored->idf, stored->englishSize);
    m_vocabularyFittedAt = stamp->fittedAt;
    m_vocabularyVersion = stamp->version;
    m_vocabularyEnglish = stamp->englishSize;
    // Vectors of another vocabulary mean nothing under this one.
    m_model.reset();
    dropRows();
    return true;
}

RankStatus Ranker::status(const RankSpec &spec)
{
    RankStatus status;
    status.hasVocabulary = m_store.vocabulary(false).has_value();
    if (!spec.similarTo.isEmpty())
        status.positives = m_store.paperId(spec.similarTo) ? 1 : 0;
    else
        status.positives =
            spec.tag.isEmpty() ? m_store.starredCount() : m_store.taggedCount(spec.tag);
    status.dismissed = int(m_store.dismissedIds().size());
    return status;
}

QList<qint64> Ranker::positivesFor(const RankSpec &spec, bool *ok)
{
    *ok = true;
    if (!spec.similarTo.isEmpty()) {
        const std::optional<qint64> id = m_store.paperId(spec.similarTo);
        if (!id) {
            *ok = fail(m_store.lastError().isEmpty()
                           ? QStringLiteral("%1 is not in the library").arg(spec.similarTo)
                           : m_store.lastError());
            return {};
        }
        return {*id};
    }
    const QList<qint64> ids =
        spec.tag.isEmpty() ? m_store.starredIds() : m_store.taggedIds(spec.tag);
    if (!m_store.lastError().isEmpty())
        *ok = fail(m_store.lastError());
    return ids;
}

void Ranker::dropRows()
{
    m_rows = rank::TrainingRows(m_vocabulary ? m_vocabulary->size() : 0);
    m_rowOf.clear();
    m_negatives.clear();
    m_negativesNewest = -1;
}

template <typename Sink> bool Ranker::readVectors(const QList<qint64> &ids, Sink sink)
{
    QSet<qint64> found;
    if (!m_store.readVectors(ids, [&](qint64 id, QByteArrayView bytes) {
            found.insert(id);
            sink(id, rank::decodeVector(bytes));
        }))
        return fail(m_store.lastError());
    // New since the vectors were last built, or changed: from their text, now.
    const QList<RankText> texts = m_store.textsOf(without(ids, found));
    for (const RankText &text : texts)
        sink(text.paperId, m_vocabulary->vectorize(rank::documentFor(text)));
    return m_store.lastError().isEmpty() || fail(m_store.lastError());
}

bool Ranker::addRows(const QList<qint64> &ids)
{
    QList<qint64> missing;
    for (const qint64 id : ids)
        if (!m_rowOf.contains(id))
            missing.append(id);
    if (missing.isEmpty())
        return true;
    return readVectors(missing, [this](qint64 id, const SparseVector &vector) {
        if (!m_rowOf.contains(id))
            m_rowOf.insert(id, m_rows.add(vector));
    });
}

bool Ranker::vectorsFor(const QList<qint64> &ids, QHash<qint64, SparseVector> &out)
{
    QList<qint64> missing;
    for (const qint64 id : ids) {
        if (out.contains(id))
            continue;
        const auto row = m_rowOf.constFind(id);
        if (row != m_rowOf.cend())
            out.insert(id, m_rows.vector(*row));
        else
            missing.append(id);
    }
    return missing.isEmpty() || readVectors(missing, [&out](qint64 id, const SparseVector &vector) {
               out.insert(id, vector);
           });
}

const Ranker::Model *Ranker::train(const RankSpec &spec)
{
    if (!loadVocabulary())
        return nullptr;
    bool ok = false;
    const QList<qint64> all = positivesFor(spec, &ok);
    if (!ok)
        return nullptr;
    if (all.isEmpty()) {
        fail(spec.tag.isEmpty() ? QStringLiteral("no starred papers to learn from")
                                : QStringLiteral("no paper is tagged '%1'").arg(spec.tag));
        return nullptr;
    }
    // The newest ones teach the model (kDefaultMaxPositives); none of them is a negative.
    const QSet<qint64> positiveSet(all.begin(), all.end());
    QList<qint64> positives = m_maxPositives > 0 ? all.mid(0, m_maxPositives) : all;
    std::sort(positives.begin(), positives.end()); // by id: liblinear sees them in one order
    const QList<qint64> dismissed = without(m_store.dismissedIds(), positiveSet);
    const qint64 newest = m_store.lastVectorPaperId();
    if (!m_store.lastError().isEmpty()) {
        fail(m_store.lastError());
        return nullptr;
    }
    if (m_model && m_model->spec == spec && m_model->positives == positives &&
        m_model->dismissed == dismissed && m_model->newestVector == newest)
        return &*m_model;

    if (newest != m_negativesNewest) {
        // The unlabelled side: the newest papers, read once and kept until more arrive. Rows
        // of papers no longer among them go too (the rows only grow between these reads).
        dropRows();
        // Read as stored first, so that the rows are laid out in one buffer of the right
        // size: growing it as the papers came (~200 terms each, 16 bytes a term for
        // liblinear) took a third of `paperboy rank`'s time.
        QByteArray stored;
        std::vector<std::pair<qint64, qsizetype>> ends;
        if (!m_store.readAllVectors(
                [&](qint64 id, QByteArrayView bytes) {
                    stored.append(bytes.data(), bytes.size());
                    ends.push_back({id, stored.size()});
                },
                m_negativeSample)) {
            fail(m_store.lastError());
            return nullptr;
        }
        const int spare = std::max(0, m_maxPositives) + 64; // positives and dismissals to come
        m_rows.reserve(int(ends.size()) + spare, stored.size() / 4 + qsizetype(spare) * 256);
        qsizetype start = 0;
        for (const auto &[id, end] : ends) {
            m_rowOf.insert(id, m_rows.add(rank::decodeVector(
                                   QByteArrayView(stored.constData() + start, end - start))));
            m_negatives.append(id);
            start = end;
        }
        std::sort(m_negatives.begin(), m_negatives.end());
        m_negativesNewest = newest;
    }
    if (!addRows(positives + dismissed))
        return nullptr;

    auto rowsOf = [&](const QList<qint64> &ids) {
        std::vector<int> rows;
        rows.reserve(size_t(ids.size()));
        for (const qint64 id : ids) {
            const auto it = m_rowOf.constFind(id);
            if (it != m_rowOf.cend())
                rows.push_back(*it);
        }
        return rows;
    };
    QSet<qint64> labelled = positiveSet;
    for (const qint64 id : dismissed)
        labelled.insert(id);
    QString error;
    std::optional<rank::LinearModel> model =
        rank::trainLinearSvm(m_rows, rowsOf(positives), rowsOf(without(m_negatives, labelled)),
                             rowsOf(dismissed), m_options, &error);
    if (!model) {
        fail(error);
        return nullptr;
    }
    m_model = Model{spec, positives, dismissed, newest, std::move(*model)};
    return &*m_model;
}

PaperScore Ranker::scored(qint64 paperId, const SparseVector &vector, int whyTerms) const
{
    PaperScore result;
    result.paperId = paperId;
    result.known = true;
    const rank::Explanation explanation = rank::explain(m_model->model, vector, whyTerms);
    result.score = explanation.score;
    for (const rank::Contribution &c : explanation.contributions) {
        if (whyTerms >= 0 && (result.why.size() >= whyTerms || c.value <= 0))
            break;
        result.why.append({m_vocabulary->term(c.index), c.value});
    }
    return result;
}

QList<PaperScore> Ranker::score(const QList<qint64> &paperIds, const RankSpec &spec, int whyTerms)
{
    m_error.clear();
    if (!train(spec))
        return {};
    QHash<qint64, SparseVector> vectors;
    if (!vectorsFor(paperIds, vectors))
        return {};
    QList<PaperScore> result;
    result.reserve(paperIds.size());
    for (const qint64 id : paperIds) {
        const auto it = vectors.constFind(id);
        if (it == vectors.cend()) {
            result.append({id, 0, false, {}});
            continue;
        }
        result.append(scored(id, *it, whyTerms));
    }
    return result;
}

QList<PaperScore> Ranker::scoreViews(const QList<PaperView> &views, const RankSpec &spec,
                                     int whyTerms)
{
    m_error.clear();
    if (!train(spec))
        return {};
    QStringList arxivIds;
    arxivIds.reserve(views.size());
    for (const PaperView &view : views)
        arxivIds.append(view.paper.arxivId);
    const QHash<QString, qint64> ids = m_store.paperIds(arxivIds);
    QList<qint64> known;
    for (const qint64 id : ids)
        known.append(id);
    // Stored vectors where current; the view's own text otherwise (no second read).
    QHash<qint64, SparseVector> vectors;
    const QSet<qint64> stale = m_store.staleIds();
    for (const qint64 id : known) {
        const auto row = m_rowOf.constFind(id);
        if (row != m_rowOf.cend() && !stale.contains(id))
            vectors.insert(id, m_rows.vector(*row));
    }
    if (!m_store.readVectors(without(known, QSet<qint64>(vectors.keyBegin(), vectors.keyEnd())),
                             [&](qint64 id, QByteArrayView bytes) {
                                 vectors.insert(id, rank::decodeVector(bytes));
                             })) {
        fail(m_store.lastError());
        return {};
    }
    QList<PaperScore> result;
    result.reserve(views.size());
    for (const PaperView &view : views) {
        const qint64 id = ids.value(view.paper.arxivId, 0);
        const auto it = vectors.constFind(id);
        result.append(scored(
            id, it != vectors.cend() ? *it : m_vocabulary->vectorize(documentFor(view)), whyTerms));
    }
    return result;
}

QList<PaperScore> Ranker::best(const QList<qint64> &candidates, int limit, int whyTerms)
{
    QHash<qint64, SparseVector> vectors;
    if (!vectorsFor(candidates, vectors))
        return {};
    std::vector<std::pair<double, qint64>> scores;
    scores.reserve(vectors.size());
    for (auto it = vectors.cbegin(); it != vectors.cend(); ++it)
        scores.push_back({m_model->model.score(it.value()), it.key()});
    auto better = [](const std::pair<double, qint64> &a, const std::pair<double, qint64> &b) {
        return a.first != b.first ? a.first > b.first : a.second > b.second;
    };
    const size_t keep = limit > 0 ? std::min(scores.size(), size_t(limit)) : scores.size();
    std::partial_sort(scores.begin(), scores.begin() + qsizetype(keep), scores.end(), better);
    QList<PaperScore> result;
    result.reserve(qsizetype(keep));
    for (size_t i = 0; i < keep; ++i)
        result.append(scored(scores[i].second, vectors.value(scores[i].second), whyTerms));
    return result;
}

std::optional<std::pair<QDate, QDate>> Ranker::forYouDates(int days)
{
    const QDate newest = m_store.newestDigestDate();
    if (!newest.isValid())
        return std::nullopt;
    return std::pair(newest.addDays(-(std::max(1, days) - 1)), newest);
}

QList<PaperScore> Ranker::forYou(int days, int limit, int whyTerms)
{
    m_error.clear();
    if (!train({}))
        return {};
    const auto dates = forYouDates(days);
    if (!dates)
        return {};
    const QList<qint64> candidates = m_store.unreadListed(dates->first, dates->second);
    if (!m_store.lastError().isEmpty()) {
        fail(m_store.lastError());
        return {};
    }
    return best(candidates, limit, whyTerms);
}

int Ranker::forYouCount(int days)
{
    m_error.clear();
    const auto dates = forYouDates(days);
    if (!dates || m_store.starredCount() <= 0)
        return 0; // nothing to rank by: the view is empty
    const int count = m_store.unreadListedCount(dates->first, dates->second);
    return m_store.lastError().isEmpty() ? count : (fail(m_store.lastError()), -1);
}

QList<PaperScore> Ranker::rank(const RankSpec &spec, const QDate &date, int limit, int whyTerms)
{
    m_error.clear();
    const Model *model = train(spec);
    if (!model)
        return {};
    // Every positive, not only the newest ones the model learnt from.
    const QList<qint64> positives = !spec.similarTo.isEmpty() ? model->positives
                                    : spec.tag.isEmpty()      ? m_store.starredIds()
                                                              : m_store.taggedIds(spec.tag);
    QSet<qint64> skip(positives.begin(), positives.end());
    for (const qint64 id : model->dismissed)
        skip.insert(id);
    if (date.isValid())
        return best(without(m_store.listedOn(date), skip), limit, whyTerms);

    // Every paper: scored as the vectors stream by, the best kept in a heap; explained at the
    // end. Papers without a current vector are scored from their text.
    using Entry = std::pair<double, qint64>;
    auto worse = [](const Entry &a, const Entry &b) {
        return a.first != b.first ? a.first > b.first : a.second > b.second;
    };
    std::vector<Entry> heap;
    auto offer = [&](qint64 id, double score) {
        if (skip.contains(id))
            return;
        heap.push_back({score, id});
        std::push_heap(heap.begin(), heap.end(), worse);
        if (limit > 0 && heap.size() > size_t(limit)) {
            std::pop_heap(heap.begin(), heap.end(), worse);
            heap.pop_back();
        }
    };
    if (!m_store.readAllVectors(
            [&](qint64 id, QByteArrayView bytes) { offer(id, model->model.scoreStored(bytes)); })) {
        fail(m_store.lastError());
        return {};
    }
    // The papers readAllVectors() left out: newer than the last vector, or stale (a paper
    // can be both).
    QList<RankText> unbuilt = m_store.textsAfter(m_store.lastVectorPaperId(), 1 << 30);
    unbuilt += m_store.staleTexts(1 << 30);
    QSet<qint64> seen;
    for (const RankText &text : unbuilt) {
        if (seen.contains(text.paperId))
            continue;
        seen.insert(text.paperId);
        offer(text.paperId, model->model.score(m_vocabulary->vectorize(rank::documentFor(text))));
    }
    std::sort_heap(heap.begin(), heap.end(), worse);
    QList<qint64> ids;
    for (const Entry &entry : heap)
        ids.append(entry.second);
    QHash<qint64, SparseVector> vectors;
    if (!vectorsFor(ids, vectors))
        return {};
    QList<PaperScore> result;
    for (const qint64 id : ids)
        result.append(scored(id, vectors.value(id), whyTerms));
    return result;
}

QList<PaperScore> Ranker::similar(const QString &arxivId, int limit, int whyTerms)
{
    RankSpec spec;
    spec.similarTo = arxivId;
    return rank(spec, {}, limit, whyTerms);
}

} // namespace paperboy
