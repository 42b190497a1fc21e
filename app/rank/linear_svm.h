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
// few are a small, confident share of them.

#include "rank/sparse_vector.h"

#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace paperboy::rank {

struct TrainingOptions
{
    double c = 0.01;
    double epsilon = 0.1;        // liblinear's stopping tolerance for the dual solver
    double dismissedShare = 0.1; // 0: dismissed papers count as unlabelled ones
    int feedback = 10;           // pseudo-positives; 0: none (the baseline)
};

inline constexpr int kFeedbackPool = 20;

struct LinearModel
{
    std::vector<double> weights; // one per feature
    double bias = 0;             // the intercept

    double score(const SparseVector &vector) const;
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
Explanation explain(const LinearModel &model, const SparseVector &vector);

// Needs at least one positive and one negative. `features` is the vocabulary's size.
std::optional<LinearModel> trainLinearSvm(const std::vector<const SparseVector *> &positives,
                                          const std::vector<const SparseVector *> &negatives,
                                          const std::vector<const SparseVector *> &dismissed,
                                          int features, const TrainingOptions &options,
                                          QString *error = nullptr);

} // namespace paperboy::rank
