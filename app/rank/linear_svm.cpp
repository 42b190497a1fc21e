#include "linear_svm.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <linear.h>

namespace paperboy::rank {

namespace {

void quiet(const char *) {}

// liblinear's instances: (1-based index, value) pairs ending in the bias feature and a -1.
class Problem
{
public:
    Problem(int features) : m_features(features) {}

    // The same vector may be added several times (a dismissed paper); it is laid out once.
    void add(const SparseVector *vector, double label, int copies = 1)
    {
        const size_t start = m_nodes.size();
        for (const FeatureValue &feature : *vector)
            if (feature.index < quint32(m_features))
                m_nodes.push_back({int(feature.index) + 1, double(feature.value)});
        m_nodes.push_back({m_features + 1, 1.0}); // the bias feature
        m_nodes.push_back({-1, 0});
        for (int i = 0; i < copies; ++i) {
            m_starts.push_back(start);
            m_labels.push_back(label);
        }
    }

    std::optional<LinearModel> train(const TrainingOptions &options, int positives, int negatives,
                                     QString *error)
    {
        std::vector<feature_node *> rows;
        rows.reserve(m_starts.size());
        for (const size_t start : m_starts)
            rows.push_back(m_nodes.data() + start);
        problem prob{};
        prob.l = int(rows.size());
        prob.n = m_features + 1;
        prob.y = m_labels.data();
        prob.x = rows.data();
        prob.bias = 1.0;

        // Balanced: class weight = n / (2 * n_class), as scikit-learn's class_weight='balanced'.
        const double total = double(positives + negatives);
        int labels[2] = {+1, -1};
        double weights[2] = {total / (2.0 * positives), total / (2.0 * negatives)};
        parameter param{};
        param.solver_type = L2R_L2LOSS_SVC_DUAL;
        param.eps = options.epsilon;
        param.C = options.c;
        param.nr_weight = 2;
        param.weight_label = labels;
        param.weight = weights;
        param.p = 0.1;
        param.init_sol = nullptr;
        if (const char *problem = check_parameter(&prob, &param)) {
            if (error)
                *error = QString::fromUtf8(problem);
            return std::nullopt;
        }
        set_print_string_function(&quiet);
        // The dual solver visits instances in an order drawn from rand(): seeded, the same
        // choices give the same model (and the same order on screen) every time.
        std::srand(1);
        model *trained = ::train(&prob, &param);
        if (!trained) {
            if (error)
                *error = QStringLiteral("liblinear could not train a model");
            return std::nullopt;
        }
        // Two classes give one weight vector, for the first label liblinear met: +1, since
        // positives come first; the sign is checked all the same.
        const double sign = trained->label[0] == 1 ? 1.0 : -1.0;
        LinearModel result;
        result.weights.resize(size_t(m_features));
        for (int i = 0; i < m_features; ++i)
            result.weights[size_t(i)] = sign * trained->w[i];
        result.bias = sign * trained->w[m_features] * trained->bias;
        free_and_destroy_model(&trained);
        return result;
    }

private:
    int m_features;
    std::vector<feature_node> m_nodes;
    std::vector<size_t> m_starts;
    std::vector<double> m_labels;
};

} // namespace

double LinearModel::score(const SparseVector &vector) const
{
    double sum = bias;
    for (const FeatureValue &feature : vector)
        if (feature.index < weights.size())
            sum += weights[feature.index] * double(feature.value);
    return sum;
}

Explanation explain(const LinearModel &model, const SparseVector &vector)
{
    Explanation explanation;
    explanation.bias = model.bias;
    explanation.score = model.bias;
    explanation.contributions.reserve(vector.size());
    for (const FeatureValue &feature : vector) {
        if (feature.index >= model.weights.size())
            continue;
        const double value = model.weights[feature.index] * double(feature.value);
        explanation.score += value;
        if (value != 0)
            explanation.contributions.push_back({feature.index, value});
    }
    std::sort(explanation.contributions.begin(), explanation.contributions.end(),
              [](const Contribution &a, const Contribution &b) {
                  return a.value != b.value ? a.value > b.value : a.index < b.index;
              });
    return explanation;
}

namespace {

std::optional<LinearModel> trainOnce(const std::vector<const SparseVector *> &positives,
                                     const std::vector<const SparseVector *> &negatives,
                                     const std::vector<const SparseVector *> &dismissed,
                                     int features, const TrainingOptions &options, QString *error)
{
    int copies = 1;
    const double share = std::clamp(options.dismissedShare, 0.0, 0.95);
    if (!dismissed.empty() && share > 0)
        copies = std::max(1, int(std::lround(share * double(negatives.size()) /
                                             ((1 - share) * double(dismissed.size())))));
    const int negativeCount = int(negatives.size()) + copies * int(dismissed.size());
    if (positives.empty() || negativeCount == 0) {
        if (error)
            *error = positives.empty() ? QStringLiteral("no positive example")
                                       : QStringLiteral("no negative example");
        return std::nullopt;
    }
    Problem problem(std::max(0, features));
    for (const SparseVector *vector : positives)
        problem.add(vector, +1);
    for (const SparseVector *vector : dismissed)
        problem.add(vector, -1, copies);
    for (const SparseVector *vector : negatives)
        problem.add(vector, -1);
    return problem.train(options, int(positives.size()), negativeCount, error);
}

} // namespace

std::optional<LinearModel> trainLinearSvm(const std::vector<const SparseVector *> &positives,
                                          const std::vector<const SparseVector *> &negatives,
                                          const std::vector<const SparseVector *> &dismissed,
                                          int features, const TrainingOptions &options,
                                          QString *error)
{
    std::optional<LinearModel> first =
        trainOnce(positives, negatives, dismissed, features, options, error);
    const size_t feedback = size_t(std::max(0, options.feedback));
    if (!first || feedback == 0 || negatives.size() < feedback * kFeedbackPool)
        return first;
    // The best-scored unlabelled papers (ties by their place, so the choice is stable).
    std::vector<std::pair<double, size_t>> scored;
    scored.reserve(negatives.size());
    for (size_t i = 0; i < negatives.size(); ++i)
        scored.push_back({first->score(*negatives[i]), i});
    std::partial_sort(scored.begin(), scored.begin() + qsizetype(feedback), scored.end(),
                      [](const auto &a, const auto &b) {
                          return a.first != b.first ? a.first > b.first : a.second < b.second;
                      });
    std::vector<bool> chosen(negatives.size(), false);
    std::vector<const SparseVector *> morePositives = positives;
    for (size_t i = 0; i < feedback; ++i) {
        chosen[scored[i].second] = true;
        morePositives.push_back(negatives[scored[i].second]);
    }
    std::vector<const SparseVector *> rest;
    rest.reserve(negatives.size() - feedback);
    for (size_t i = 0; i < negatives.size(); ++i)
        if (!chosen[i])
            rest.push_back(negatives[i]);
    return trainOnce(morePositives, rest, dismissed, features, options, error);
}

} // namespace paperboy::rank
