#pragma once

// Keeps the ranking's derived data in step with the cache: the tf-idf vocabulary (fitted on
// a sample of the library, refitted when the library has doubled since) and one vector per
// paper, built for papers added since the last run and for papers whose text changed.
//
// Never part of an import: the window runs update() on its writer thread after imports and
// fetches (and at start), the command line before it ranks. Each chunk of papers is its own
// short write transaction, so a star or a note written meanwhile waits at most one chunk.

#include "rank/vocabulary.h"
#include "store/database.h"
#include "store/rank_store.h"

#include <QString>

#include <atomic>
#include <functional>
#include <optional>

namespace paperboy {

namespace rank {
// Bump when the terms or vectors are computed differently: every library refits once.
inline constexpr int kFeatureVersion = 2; // 2: max_df 0.5

RankDocument documentFor(const RankText &text);
} // namespace rank

struct RankIndexProgress
{
    qint64 done = 0;
    qint64 total = 0;
    bool fitting = false; // choosing the vocabulary (before any vector is built)
};

class RankIndex
{
public:
    explicit RankIndex(Database &database) : m_database(database), m_store(database) {}

    QString lastError() const { return m_error; }

    // Papers without a current vector (and whether the vocabulary must be fitted first).
    qint64 pendingPapers() const;
    bool needsFit() const;

    // Brings everything up to date. Returns false on error or when cancelled (what was
    // built so far is kept). Writes only the derived rank_* tables. Without `fit`, a library
    // that needs a vocabulary fitted first fails (needsFit() says so): the window fits it on
    // its ranking thread (fitVocabulary()) and only stores it on its writer.
    bool update(const std::function<void(const RankIndexProgress &)> &progress = {},
                const std::atomic_bool *cancel = nullptr, bool fit = true);

    // The fit in two steps: choosing the vocabulary only reads (seconds at a million
    // papers); storing it drops every vector, which the next update() builds again.
    std::optional<StoredVocabulary> fitVocabulary();
    bool storeVocabulary(const StoredVocabulary &vocabulary);

    // Test seams: the vocabulary's limits and the sample it is fitted on.
    void setVocabularyOptions(const rank::VocabularyOptions &options) { m_options = options; }
    void setSampleSize(int papers) { m_sampleSize = papers; }
    void setChunkSize(int papers) { m_chunk = papers; }

    static constexpr int kDefaultSampleSize = 20000;

private:
    bool fail(const QString &error);
    // One chunk: returns the number of vectors built, -1 on error.
    int buildChunk(const rank::Vocabulary &vocabulary);

    Database &m_database;
    RankStore m_store;
    rank::VocabularyOptions m_options;
    int m_sampleSize = kDefaultSampleSize;
    int m_chunk = 2000;
    QString m_error;
};

} // namespace paperboy
