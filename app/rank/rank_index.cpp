#include "rank_index.h"

namespace paperboy {

namespace rank {

RankDocument documentFor(const RankText &text)
{
    // As arxiv-sanity-lite joins them: title, abstract, then the authors' names.
    return {text.title + QLatin1Char(' ') + text.abstract + QLatin1Char(' ') +
                text.authors.join(QLatin1Char(' ')),
            text.translation};
}

} // namespace rank

bool RankIndex::fail(const QString &error)
{
    m_error = error;
    return false;
}

bool RankIndex::needsFit() const
{
    const std::optional<StoredVocabulary> vocabulary = m_store.vocabulary();
    const qint64 papers = m_store.maxPaperId();
    if (!vocabulary)
        return papers > 0;
    // Ids grow with the library: the largest one stands for its size without a count.
    return vocabulary->version != rank::kFeatureVersion || papers >= 2 * vocabulary->fittedAt;
}

qint64 RankIndex::pendingPapers() const
{
    if (needsFit())
        return m_store.maxPaperId();
    return std::max<qint64>(0, m_store.maxPaperId() - m_store.lastVectorPaperId()) +
           m_store.staleCount();
}

std::optional<StoredVocabulary> RankIndex::fitVocabulary()
{
    m_error.clear();
    rank::VocabularyBuilder builder(m_options);
    const QList<RankText> sample = m_store.sampleTexts(m_sampleSize);
    if (!m_store.lastError().isEmpty()) {
        fail(m_store.lastError());
        return std::nullopt;
    }
    for (const RankText &text : sample)
        builder.count(rank::documentFor(text));
    const rank::Vocabulary vocabulary = builder.build();
    StoredVocabulary stored;
    stored.terms = vocabulary.terms();
    stored.idf = vocabulary.idf();
    stored.englishSize = vocabulary.englishSize();
    stored.fittedAt = std::max<qint64>(1, m_store.maxPaperId());
    stored.version = rank::kFeatureVersion;
    return stored;
}

bool RankIndex::storeVocabulary(const StoredVocabulary &vocabulary)
{
    m_error.clear();
    if (m_database.isReadOnly())
        return fail(QStringLiteral("%1 is open read-only").arg(m_database.path()));
    return m_store.replaceVocabulary(vocabulary) || fail(m_store.lastError());
}

int RankIndex::buildChunk(const rank::Vocabulary &vocabulary)
{
    const int built = m_store.buildVectors(m_chunk, [&vocabulary](const RankText &text) {
        return rank::encodeVector(vocabulary.vectorize(rank::documentFor(text)));
    });
    if (built < 0)
        fail(m_store.lastError());
    return built;
}

bool RankIndex::update(const std::function<void(const RankIndexProgress &)> &progress,
                       const std::atomic_bool *cancel, bool fit)
{
    m_error.clear();
    if (m_database.isReadOnly())
        return fail(QStringLiteral("%1 is open read-only").arg(m_database.path()));
    if (needsFit()) {
        if (!fit)
            return fail(QStringLiteral("the vocabulary must be fitted first"));
        if (progress)
            progress({0, m_store.maxPaperId(), true});
        const std::optional<StoredVocabulary> fitted = fitVocabulary();
        if (!fitted || !storeVocabulary(*fitted))
            return false;
    }
    const std::optional<StoredVocabulary> stored = m_store.vocabulary();
    if (!stored)
        return m_store.lastError().isEmpty() || fail(m_store.lastError());
    const rank::Vocabulary vocabulary(stored->terms, stored->idf, stored->englishSize);
    const qint64 total = pendingPapers();
    qint64 done = 0;
    while (true) {
        if (cancel && cancel->load())
            return fail(QStringLiteral("cancelled"));
        if (progress)
            progress({done, total, false});
        const int built = buildChunk(vocabulary);
        if (built < 0)
            return false;
        if (built == 0)
            break;
        done += built;
    }
    return true;
}

} // namespace paperboy
