#pragma once

// "For you": papers ranked by a linear SVM trained on the reader's own choices, each score
// explained by the terms that raised it (see linear_svm.h and vocabulary.h for the method).
//
// Positives are the starred papers (the newest 2,000), or the papers of one tag, or one paper
// ("more like this"); negatives are the dismissed papers (weighted as named negatives) and the
// other papers: all of them in a library of up to 20,000, else the 20,000 newest. A Ranker keeps
// its model and the training vectors between calls and retrains only when the positives, the
// dismissals, the vocabulary or the newest papers changed, so it should live as long as its
// connection (one per store thread). Plain calls, on the connection's thread; the window runs
// them as store-thread jobs.

#include "core/paper.h"
#include "rank/linear_svm.h"
#include "rank/vocabulary.h"
#include "store/database.h"
#include "store/rank_store.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace paperboy {

struct TermWeight
{
    QString term;
    double weight = 0; // the term's model weight times its tf-idf in the paper
    bool operator==(const TermWeight &) const = default;
};

struct PaperScore
{
    qint64 paperId = 0;    // papers.id; 0 for a paper not in the library
    double score = 0;      // the SVM's decision value: > 0 leans towards the positives
    bool known = false;    // false when the paper has no text to rank it by
    QList<TermWeight> why; // the terms that raised the score most, largest first
};

// Whose choices a ranking follows.
struct RankSpec
{
    QString tag;       // papers with this tag are the positives (instead of the starred ones)
    QString similarTo; // this one paper is the only positive (arXiv id)
    bool operator==(const RankSpec &) const = default;
};

struct RankStatus
{
    static constexpr int kFewPositives = 3;
    int positives = 0;          // starred papers (or tagged, or 1 for similar)
    int dismissed = 0;          // dismissed papers
    bool hasVocabulary = false; // false until RankIndex::update() ran once
    bool fewPositives() const { return positives < kFewPositives; }
};

class Ranker
{
public:
    explicit Ranker(Database &database) : m_database(database), m_store(database) {}

    QString lastError() const { return m_error; }
    RankStatus status(const RankSpec &spec = {});

    // `whyTerms` is how many terms each PaperScore::why lists (those that raised the score
    // most); < 0 lists every term of the paper, lowering ones included, so that they add up
    // with bias() to the score.
    //
    // Scores of these papers (papers.id), in the order given. Papers without a stored vector
    // (imported since the last RankIndex::update()) are read and vectorised on the spot.
    QList<PaperScore> score(const QList<qint64> &paperIds, const RankSpec &spec = {},
                            int whyTerms = kWhyTerms);
    // The same for views (a day, a search, a tag list), aligned with `views`.
    QList<PaperScore> scoreViews(const QList<PaperView> &views, const RankSpec &spec = {},
                                 int whyTerms = kWhyTerms);

    // Best first. `limit` <= 0: all of them.
    // The For-you view: unread papers that digests of the last `days` days listed (counted
    // back from the newest digest in the library), neither starred nor dismissed.
    QList<PaperScore> forYou(int days = kForYouDays, int limit = 0, int whyTerms = kWhyTerms);
    // How many papers forYou() lists, without training or ranking (the sidebar's count).
    int forYouCount(int days = kForYouDays);
    // Every paper that is not a positive and not dismissed; with `date`, only that day's.
    QList<PaperScore> rank(const RankSpec &spec, const QDate &date = {}, int limit = 0,
                           int whyTerms = kWhyTerms);
    // More like this: `arxivId` as the only positive, every other paper ranked.
    QList<PaperScore> similar(const QString &arxivId, int limit, int whyTerms = kWhyTerms);

    // The intercept of the last model trained (the explanations' terms add up to
    // score - bias).
    double bias() const { return m_model ? m_model->model.bias : 0; }

    void setTrainingOptions(const rank::TrainingOptions &options);
    void setNegativeSample(int papers) { m_negativeSample = papers; }
    void setMaxPositives(int papers) { m_maxPositives = papers; }

    static constexpr int kWhyTerms = 5;
    static constexpr int kForYouDays = 7;
    static constexpr int kDefaultNegativeSample = 20000;
    // A model learns from the newest this many stars (or tagged papers): a reader's interests
    // drift, and training on 20,000 stars took seconds after each new one (docs/ranking.md).
    static constexpr int kDefaultMaxPositives = 2000;

private:
    struct Model
    {
        RankSpec spec;
        QList<qint64> positives;
        QList<qint64> dismissed;
        qint64 newestVector = 0;
        rank::LinearModel model;
    };

    bool fail(const QString &error);
    bool loadVocabulary();
    // The For-you window of `days` days ending on the newest digest's date.
    std::optional<std::pair<QDate, QDate>> forYouDates(int days);
    const Model *train(const RankSpec &spec);
    QList<qint64> positivesFor(const RankSpec &spec, bool *ok);
    // Vectors of these papers: stored, or built from their text when they have none (new or
    // stale), each given to `sink(id, vector)`.
    template <typename Sink> bool readVectors(const QList<qint64> &ids, Sink sink);
    // The same, from the training rows where they are there.
    bool vectorsFor(const QList<qint64> &ids, QHash<qint64, rank::SparseVector> &out);
    bool addRows(const QList<qint64> &ids); // lays out the vectors of those not laid out yet
    void dropRows();
    PaperScore scored(qint64 paperId, const rank::SparseVector &vector, int whyTerms) const;
    QList<PaperScore> best(const QList<qint64> &candidates, int limit, int whyTerms);

    Database &m_database;
    RankStore m_store;
    QString m_error;
    std::optional<rank::Vocabulary> m_vocabulary;
    qint64 m_vocabularyFittedAt = -1;
    int m_vocabularyVersion = -1;
    int m_vocabularyEnglish = -1;
    rank::TrainingOptions m_options;
    int m_negativeSample = kDefaultNegativeSample;
    int m_maxPositives = kDefaultMaxPositives;
    std::optional<Model> m_model;
    // Training vectors kept between retrains (the newest papers, positives, dismissed), laid
    // out for liblinear: a new star lays out one more row, the rest is reused.
    rank::TrainingRows m_rows;
    QHash<qint64, int> m_rowOf; // papers.id -> row in m_rows
    QList<qint64> m_negatives;
    qint64 m_negativesNewest = -1; // the newest vector when m_negatives was read
};

} // namespace paperboy
