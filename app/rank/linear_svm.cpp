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

// Rows are kept as 8 bytes a term (index, float value) and laid out as liblinear's 16-byte
// nodes only for a training: 20,000 papers of ~200 terms held 69 MB as nodes between
// trainings, half of the window's memory above its 200 MB with For You open at a million
// papers. Laying them out again takes a few tens of milliseconds into one buffer of the
// right size.
struct CompactTerm
{
    quint32 index;
    float value;
};

struct TrainingRows::Nodes
{
    std::vector<CompactTerm, LargePageAllocator<CompactTerm>> terms;
    std::vector<size_t> starts; // of each row in terms; a row ends where the next starts

    std::pair<const CompactTerm *, const CompactTerm *> row(int row) const
    {
        const size_t begin = starts[size_t(row)];
        const size_t end = size_t(row) + 1 < starts.size() ? starts[size_t(row) + 1] : terms.size();
        return {terms.data() + begin, terms.data() + end};
    }
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
    m_nodes->terms.reserve(size_t(std::max<qsizetype>(0, values)));
}

int TrainingRows::add(const SparseVector &vector)
{
    auto &terms = m_nodes->terms;
    m_nodes->starts.push_back(terms.size());
    for (const FeatureValue &feature : vector)
        if (feature.index < quint32(m_features))
            terms.push_back({feature.index, feature.value});
    return size() - 1;
}

SparseVector TrainingRows::vector(int row) const
{
    SparseVector vector;
    const auto [begin, end] = m_nodes->row(row);
    vector.reserve(end - begin);
    for (const CompactTerm *term = begin; term != end; ++term)
        vector.push_back({term->index, term->value});
    return vector;
}

double TrainingRows::score(const LinearModel &model, int row) const
{
    double sum = model.bias;
    const auto [begin, end] = m_nodes->row(row);
    for (const CompactTerm *term = begin; term != end; ++term)
        if (term->index < model.weights.size())
            sum += model.weights[term->index] * double(term->value);
    return sum;
}

// The rows of one training (or of a training and its feedback round) laid out as liblinear
// reads them: each row once, however often it is given, in one buffer sized up front so
// that the pointers handed to liblinear stay valid.
class LaidOutRows
{
public:
    LaidOutRows(const TrainingRows &rows, std::initializer_list<const std::vector<int> *> sets)
        : m_rows(rows), m_offsets(size_t(rows.size()), kAbsent)
    {
        const TrainingRows::Nodes &nodes = *rows.m_nodes;
        std::vector<int> order;
        size_t total = 0;
        for (const std::vector<int> *set : sets)
            for (const int row : *set) {
                if (m_offsets[size_t(row)] != kAbsent)
                    continue;
                m_offsets[size_t(row)] = total;
                order.push_back(row);
                const auto [begin, end] = nodes.row(row);
                total += size_t(end - begin) + 2; // the bias feature and the end marker
            }
        m_nodes.reserve(total);
        const int bias = rows.features() + 1;
        for (const int row : order) {
            const auto [begin, end] = nodes.row(row);
            for (const CompactTerm *term = begin; term != end; ++term)
                m_nodes.push_back({int(term->index) + 1, double(term->value)});
            m_nodes.push_back({bias, 1.0});
            m_nodes.push_back({-1, 0});
        }
    }

    feature_node *row(int row) { return m_nodes.data() + m_offsets[size_t(row)]; }
    const TrainingRows &rows() const { return m_rows; }

private:
    static constexpr size_t kAbsent = size_t(-1);
    const TrainingRows &m_rows;
    std::vector<size_t> m_offsets; // by row number
    std::vector<feature_node, LargePageAllocator<feature_node>> m_nodes;
};

// One liblinear problem over laid-out rows: only pointers to the rows are made.
class RowTrainer
{
public:
    explicit RowTrainer(LaidOutRows &rows) : m_rows(rows) {}

    void add(int row, double label, int copies = 1)
    {
        feature_node *nodes = m_rows.row(row);
        for (int i = 0; i < copies; ++i) {
            m_x.push_back(nodes);
            m_labels.push_back(label);
        }
    }

    std::optional<LinearModel> train(const TrainingOptions &options, int positives, int negatives,
                                     QString *error)
    {
        const int features = m_rows.rows().features();
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
    LaidOutRows &m_rows;
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

std::optional<LinearModel> trainOnce(LaidOutRows &rows, const std::vector<int> &positives,
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
    const size_t feedback = size_t(std::max(0, options.feedback));
    const bool withFeedback = feedback > 0 && negatives.size() >= feedback * kFeedbackPool &&
                              positives.size() < size_t(std::max(0, options.feedbackBelow));
    TrainingOptions probe = options;
    if (withFeedback)
        probe.epsilon = options.probeEpsilon;
    LaidOutRows laidOut(rows, {&positives, &negatives, &dismissed});
    std::optional<LinearModel> first =
        trainOnce(laidOut, positives, negatives, dismissed, probe, error);
    if (!first || !withFeedback)
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
    return trainOnce(laidOut, morePositives, rest, dismissed, options, error);
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
