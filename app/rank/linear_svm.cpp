#include "linear_svm.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <linear.h>
#include <new>
#include <sys/mman.h>

#include <QtEndian>

namespace paperboy::rank {

namespace {

void quiet(const char *) {}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

// Training rows take tens of megabytes (20,000 papers of ~200 terms, 16 bytes a term):
// asked for in 2 MB pages where the kernel allows it, so that laying them out does not stop
// at a page fault every 4 kB (a fifth of `paperboy rank`'s time went to those faults).
template <typename T> struct LargePageAllocator
{
    using value_type = T;
    static constexpr size_t kLarge = size_t(2) << 20;

    LargePageAllocator() = default;
    template <typename U> LargePageAllocator(const LargePageAllocator<U> &) {}

    T *allocate(size_t n)
    {
        const size_t bytes = n * sizeof(T);
        if (bytes < 2 * kLarge)
            return std::allocator<T>().allocate(n);
        const size_t rounded = (bytes + kLarge - 1) / kLarge * kLarge;
        void *memory = std::aligned_alloc(kLarge, rounded);
        if (!memory)
            throw std::bad_alloc();
        madvise(memory, rounded, MADV_HUGEPAGE);
        return static_cast<T *>(memory);
    }
    void deallocate(T *p, size_t n)
    {
        if (n * sizeof(T) < 2 * kLarge)
            std::allocator<T>().deallocate(p, n);
        else
            std::free(p);
    }
    template <typename U> bool operator==(const LargePageAllocator<U> &) const { return true; }
};

struct TrainingRows::Nodes
{
    std::vector<feature_node, LargePageAllocator<feature_node>> nodes;
    std::vector<size_t> starts; // of each row in nodes
};

TrainingRows::TrainingRows(int features)
    : m_features(std::max(0, features)), m_nodes(std::make_unique<Nodes>())
{
}
TrainingRows::~TrainingRows() = default;
TrainingRows::TrainingRows(TrainingRows &&) noexcept = default;
TrainingRows &TrainingRows::operator=(TrainingRows &&) noexcept = default;

int TrainingRows::size() const
{
    return int(m_nodes->starts.size());
}

void TrainingRows::reserve(int rows, qsizetype values)
{
    m_nodes->starts.reserve(size_t(std::max(0, rows)));
    m_nodes->nodes.reserve(size_t(std::max<qsizetype>(0, values + 2 * qsizetype(rows))));
}

int TrainingRows::add(const SparseVector &vector)
{
    auto &nodes = m_nodes->nodes;
    m_nodes->starts.push_back(nodes.size());
    for (const FeatureValue &feature : vector)
        if (feature.index < quint32(m_features))
            nodes.push_back({int(feature.index) + 1, double(feature.value)});
    nodes.push_back({m_features + 1, 1.0}); // the bias feature
    nodes.push_back({-1, 0});
    return size() - 1;
}

SparseVector TrainingRows::vector(int row) const
{
    SparseVector vector;
    for (const feature_node *node = m_nodes->nodes.data() + m_nodes->starts[size_t(row)];
         node->index != -1 && node->index <= m_features; ++node)
        vector.push_back({quint32(node->index - 1), float(node->value)});
    return vector;
}

double TrainingRows::score(const LinearModel &model, int row) const
{
    double sum = model.bias;
    for (const feature_node *node = m_nodes->nodes.data() + m_nodes->starts[size_t(row)];
         node->index != -1 && node->index <= m_features; ++node)
        if (size_t(node->index - 1) < model.weights.size())
            sum += model.weights[size_t(node->index - 1)] * double(float(node->value));
    return sum;
}

// One liblinear problem over rows of a TrainingRows: only pointers to the rows are made.
class RowTrainer
{
public:
    explicit RowTrainer(const TrainingRows &rows) : m_rows(rows) {}

    void add(int row, double label, int copies = 1)
    {
        const TrainingRows::Nodes &nodes = *m_rows.m_nodes;
        // The same row may be given several times (a dismissed paper); it is laid out once.
        for (int i = 0; i < copies; ++i) {
            m_x.push_back(
                const_cast<feature_node *>(nodes.nodes.data() + nodes.starts[size_t(row)]));
            m_labels.push_back(label);
        }
    }

    std::optional<LinearModel> train(const TrainingOptions &options, int positives, int negatives,
                                     QString *error)
    {
        const int features = m_rows.features();
        problem prob{};
        prob.l = int(m_x.size());
        prob.n = features + 1;
        prob.y = m_labels.data();
        prob.x = m_x.data();
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
            fail(error, QString::fromUtf8(problem));
            return std::nullopt;
        }
        set_print_string_function(&quiet);
        // The dual solver visits instances in an order drawn from rand(): seeded, the same
        // choices give the same model (and the same order on screen) every time.
        std::srand(1);
        model *trained = ::train(&prob, &param);
        if (!trained) {
            fail(error, QStringLiteral("liblinear could not train a model"));
            return std::nullopt;
        }
        // Two classes give one weight vector, for the first label liblinear met: +1, since
        // positives come first; the sign is checked all the same.
        const double sign = trained->label[0] == 1 ? 1.0 : -1.0;
        LinearModel result;
        result.weights.resize(size_t(features));
        for (int i = 0; i < features; ++i)
            result.weights[size_t(i)] = sign * trained->w[i];
        result.bias = sign * trained->w[features] * trained->bias;
        free_and_destroy_model(&trained);
        return result;
    }

private:
    const TrainingRows &m_rows;
    std::vector<feature_node *> m_x;
    std::vector<double> m_labels;
};

double LinearModel::score(const SparseVector &vector) const
{
    double sum = bias;
    for (const FeatureValue &feature : vector)
        if (feature.index < weights.size())
            sum += weights[feature.index] * double(feature.value);
    return sum;
}

double LinearModel::scoreStored(QByteArrayView stored) const
{
    // The arithmetic of decodeVector() and score(), so both give the same number.
    double sum = bias;
    for (qsizetype i = 0; i + 4 <= stored.size(); i += 4) {
        const quint16 index = qFromLittleEndian<quint16>(stored.data() + i);
        const float value = float(qFromLittleEndian<quint16>(stored.data() + i + 2)) / 65535.0f;
        if (index < weights.size())
            sum += weights[index] * double(value);
    }
    return sum;
}

Explanation explain(const LinearModel &model, const SparseVector &vector, int best)
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
        if (value > 0 || (value != 0 && best < 0))
            explanation.contributions.push_back({feature.index, value});
    }
    auto larger = [](const Contribution &a, const Contribution &b) {
        return a.value != b.value ? a.value > b.value : a.index < b.index;
    };
    std::vector<Contribution> &c = explanation.contributions;
    if (best >= 0 && size_t(best) < c.size()) {
        std::partial_sort(c.begin(), c.begin() + best, c.end(), larger);
        c.resize(size_t(best));
    } else {
        std::sort(c.begin(), c.end(), larger);
    }
    return explanation;
}

namespace {

std::optional<LinearModel> trainOnce(const TrainingRows &rows, const std::vector<int> &positives,
                                     const std::vector<int> &negatives,
                                     const std::vector<int> &dismissed,
                                     const TrainingOptions &options, QString *error)
{
    int copies = 1;
    const double share = std::clamp(options.dismissedShare, 0.0, 0.95);
    if (!dismissed.empty() && share > 0)
        copies = std::max(1, int(std::lround(share * double(negatives.size()) /
                                             ((1 - share) * double(dismissed.size())))));
    const int negativeCount = int(negatives.size()) + copies * int(dismissed.size());
    if (positives.empty() || negativeCount == 0) {
        fail(error, positives.empty() ? QStringLiteral("no positive example")
                                      : QStringLiteral("no negative example"));
        return std::nullopt;
    }
    RowTrainer trainer(rows);
    for (const int row : positives)
        trainer.add(row, +1);
    for (const int row : dismissed)
        trainer.add(row, -1, copies);
    for (const int row : negatives)
        trainer.add(row, -1);
    return trainer.train(options, int(positives.size()), negativeCount, error);
}

} // namespace

std::optional<LinearModel> trainLinearSvm(const TrainingRows &rows,
                                          const std::vector<int> &positives,
                                          const std::vector<int> &negatives,
                                          const std::vector<int> &dismissed,
                                          const TrainingOptions &options, QString *error)
{
    std::optional<LinearModel> first =
        trainOnce(rows, positives, negatives, dismissed, options, error);
    const size_t feedback = size_t(std::max(0, options.feedback));
    if (!first || feedback == 0 || negatives.size() < feedback * kFeedbackPool ||
        positives.size() >= size_t(std::max(0, options.feedbackBelow)))
        return first;
    // The best-scored unlabelled papers (ties by their place, so the choice is stable).
    std::vector<std::pair<double, size_t>> scored;
    scored.reserve(negatives.size());
    for (size_t i = 0; i < negatives.size(); ++i)
        scored.push_back({rows.score(*first, negatives[i]), i});
    std::partial_sort(scored.begin(), scored.begin() + qsizetype(feedback), scored.end(),
                      [](const auto &a, const auto &b) {
                          return a.first != b.first ? a.first > b.first : a.second < b.second;
                      });
    std::vector<bool> chosen(negatives.size(), false);
    std::vector<int> morePositives = positives;
    for (size_t i = 0; i < feedback; ++i) {
        chosen[scored[i].second] = true;
        morePositives.push_back(negatives[scored[i].second]);
    }
    std::vector<int> rest;
    rest.reserve(negatives.size() - feedback);
    for (size_t i = 0; i < negatives.size(); ++i)
        if (!chosen[i])
            rest.push_back(negatives[i]);
    return trainOnce(rows, morePositives, rest, dismissed, options, error);
}

std::optional<LinearModel> trainLinearSvm(const std::vector<const SparseVector *> &positives,
                                          const std::vector<const SparseVector *> &negatives,
                                          const std::vector<const SparseVector *> &dismissed,
                                          int features, const TrainingOptions &options,
                                          QString *error)
{
    TrainingRows rows(features);
    auto layOut = [&rows](const std::vector<const SparseVector *> &vectors) {
        std::vector<int> numbers;
        numbers.reserve(vectors.size());
        for (const SparseVector *vector : vectors)
            numbers.push_back(rows.add(*vector));
        return numbers;
    };
    const std::vector<int> p = layOut(positives);
    const std::vector<int> d = layOut(dismissed);
    const std::vector<int> n = layOut(negatives);
    return trainLinearSvm(rows, p, n, d, options, error);
}

} // namespace paperboy::rank
