#pragma once

// A linear SVM over tf-idf vectors, trained by liblinear as arxiv-sanity-lite trains
// scikit-learn's LinearSVC: L2-regularised squared hinge loss (the dual solver), an intercept
// (liblinear's bias feature of value 1), C = 0.01 and balanced class weights (each class's C
// scaled by n / (2 * its size), so a handful of stars weighs as much as the thousands of
// other papers).
//
// Paperboy's addition: papers the reader dismissed are negatives the reader named, not merely
// unlabelled ones. Balanced weights carried one step further: together they weigh
// `dismissedShare` of the negative side, however many unlabelled papers there are (5
// dismissals among 20,000 other papers would otherwise be lost in them). liblinear 2.3 has
// class weights, not instance weights; an instance given k times is the same as one with k
// times its C, so each dismissed paper is given k = share * unlabelled / ((1 - share) *
// dismissed) times (at least once).
//
// And pseudo-relevance feedback (Rocchio's old remedy for a handful of examples): after a
// first model, the `feedback` unlabelled papers it scores best join the positives and the
// model is trained again. Five stars name a topic only roughly; the papers most like them
// fill in its other words ("image" and "segmentation" as well as "mask"). Only where the
// unlabelled papers are many (at least kFeedbackPool per feedback paper), so that the best
// few are a small, confident share of them, and the positives few (fewer than
// `feedbackBelow`): a hundred stars name their topics by themselves, ten more papers would
// change little, and a second training doubles the time a new star takes to show.

#include "rank/sparse_vector.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace paperboy::rank {

struct TrainingOptions
{
    double c = 0.01;
    double epsilon = 0.1;        // liblinear's stopping tolerance for the dual solver
    double dismissedShare = 0.1; // 0: dismissed papers count as unlabelled ones
    int feedback = 10;           // pseudo-positives; 0: none (the baseline)
    int feedbackBelow = 100;     // feedback only with fewer positives than this
    // The tolerance of the first model when feedback follows: it only picks the few papers
    // that join the positives, and the second training gives the model that ranks. 1.0
    // instead of 0.1 left every scenario of tst_rank_quality within its run-to-run noise
    // (0.001) and took a tenth off a 30-star reader's new star.
    double probeEpsilon = 1.0;
};

inline constexpr int kFeedbackPool = 20;

struct LinearModel
{
    std::vector<double> weights; // one per feature
    double bias = 0;             // the intercept

    double score(const SparseVector &vector) const;
    // The same for a vector as stored (encodeVector()), without decoding it first: ranking a
    // whole library scores each paper once and keeps only the best.
    double scoreStored(QByteArrayView stored) const;
};

// What each term of a paper added to its score: weight * tf-idf, largest first. The
// contributions and the bias add up to the score.
struct Contribution
{
    quint32 index = 0;
    double value = 0;
};
struct Explanation
{
    double score = 0;
    double bias = 0;
    std::vector<Contribution> contributions;
};
// With `best` >= 0 only the `best` largest positive contributions are kept (sorting all of
// them for every paper of a 30-day For You was a tenth of its time).
Explanation explain(const LinearModel &model, const SparseVector &vector, int best = -1);

// Vectors laid out once as liblinear reads them (1-based indexes, double values, the bias
// feature, an end marker) and kept: a retrain after a new star lays out only that star.
// Laying out 40,000 vectors again for every training (and growing the buffer as it went) was
// most of a retrain's time at 20,000 stars (docs/ranking.md, Speed).
class TrainingRows
{
public:
    explicit TrainingRows(int features = 0);
    ~TrainingRows();
    TrainingRows(TrainingRows &&) noexcept;
    TrainingRows &operator=(TrainingRows &&) noexcept;

    int features() const { return m_features; }
    int size() const;
    void reserve(int rows, qsizetype values);
    int add(const SparseVector &vector); // the new row's number
    SparseVector vector(int row) const;  // as it was added (indexes >= features() left out)
    double score(const LinearModel &model, int row) const; // == model.score(vector(row))

private:
    friend class LaidOutRows;
    struct Nodes;
    int m_features = 0;
    std::unique_ptr<Nodes> m_nodes;
};

// Needs at least one positive and one negative; rows by number in `rows`.
std::optional<LinearModel> trainLinearSvm(const TrainingRows &rows,
                                          const std::vector<int> &positives,
                                          const std::vector<int> &negatives,
                                          const std::vector<int> &dismissed,
                                          const TrainingOptions &options, QString *error = nullptr);

// The same for vectors not laid out yet. `features` is the vocabulary's size.
std::optional<LinearModel> trainLinearSvm(const std::vector<const SparseVector *> &positives,
                                          const std::vector<const SparseVector *> &negatives,
                                          const std::vector<const SparseVector *> &dismissed,
                                          int features, const TrainingOptions &options,
                                          QString *error = nullptr);

} // namespace paperboy::rank
