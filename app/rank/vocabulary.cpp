#include "vocabulary.h"

#include "rank/text_features.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

namespace paperboy::rank {

// Document and corpus frequency per distinct term, in an open-addressing table (linear
// probing) with the terms' text in one arena: ~30 bytes per distinct term, where a node-based
// map of strings took several times that.
class VocabularyBuilder::Counter
{
public:
    struct Slot
    {
        quint64 key = 0; // 0 = empty; a term hashing to 0 is counted as 1
        quint32 df = 0;
        quint32 tf = 0;
        quint32 textStart = 0;
        quint32 textLength = 0;
    };

    Counter() : m_slots(1 << 16) {}

    void add(quint64 key, quint32 occurrences, QByteArrayView text)
    {
        key = key ? key : 1;
        if ((m_used + 1) * 10 > m_slots.size() * 7)
            grow();
        Slot &slot = find(key);
        if (slot.key == 0) {
            slot.key = key;
            slot.textStart = quint32(m_arena.size());
            slot.textLength = quint32(text.size());
            m_arena.append(text.data(), size_t(text.size()));
            ++m_used;
        }
        slot.df += 1;
        slot.tf += occurrences;
    }

    // Terms with minDf <= df <= maxDfCount, the `limit` most frequent (ties by text, so a
    // fit is the same on every run), as (text, df).
    QList<std::pair<QString, quint32>> choose(int minDf, double maxDfCount, int limit) const
    {
        std::vector<const Slot *> kept;
        for (const Slot &slot : m_slots)
            if (slot.key != 0 && slot.df >= quint32(minDf) && double(slot.df) <= maxDfCount)
                kept.push_back(&slot);
        auto text = [this](const Slot *slot) {
            return std::string_view(m_arena.data() + slot->textStart, slot->textLength);
        };
        std::sort(kept.begin(), kept.end(), [&](const Slot *a, const Slot *b) {
            return a->tf != b->tf ? a->tf > b->tf : text(a) < text(b);
        });
        if (kept.size() > size_t(std::max(0, limit)))
            kept.resize(size_t(std::max(0, limit)));
        // Stored (and explained) in alphabetical order, as scikit-learn numbers its features.
        std::sort(kept.begin(), kept.end(),
                  [&](const Slot *a, const Slot *b) { return text(a) < text(b); });
        QList<std::pair<QString, quint32>> result;
        result.reserve(qsizetype(kept.size()));
        for (const Slot *slot : kept) {
            const std::string_view t = text(slot);
            result.append({QString::fromUtf8(t.data(), qsizetype(t.size())), slot->df});
        }
        return result;
    }

private:
    Slot &find(quint64 key)
    {
        const size_t mask = m_slots.size() - 1;
        size_t i = size_t(key * 0x9e3779b97f4a7c15ULL >> 20) & mask;
        while (m_slots[i].key != 0 && m_slots[i].key != key)
            i = (i + 1) & mask;
        return m_slots[i];
    }

    void grow()
    {
        std::vector<Slot> old(m_slots.size() * 2);
        old.swap(m_slots);
        for (const Slot &slot : old)
            if (slot.key != 0)
                find(slot.key) = slot;
    }

    std::vector<Slot> m_slots;
    size_t m_used = 0;
    std::string m_arena;
};

namespace {

// Adds one document's terms: each distinct term once to df, every occurrence to tf.
template <typename Counter>
void countDocument(const std::vector<quint64> &hashes, const QList<QByteArray> &texts,
                   Counter &counter)
{
    std::vector<quint32> order(hashes.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(),
              [&](quint32 a, quint32 b) { return hashes[a] < hashes[b]; });
    for (size_t i = 0; i < order.size();) {
        size_t j = i + 1;
        while (j < order.size() && hashes[order[j]] == hashes[order[i]])
            ++j;
        counter.add(hashes[order[i]], quint32(j - i), texts.at(order[i]));
        i = j;
    }
}

// tf-idf of one half (English or CJK): (index, (1 + ln count) * idf), not yet scaled.
void weigh(std::vector<quint32> &indexes, const QList<float> &idf, SparseVector &out)
{
    std::sort(indexes.begin(), indexes.end());
    for (size_t i = 0; i < indexes.size();) {
        size_t j = i + 1;
        while (j < indexes.size() && indexes[j] == indexes[i])
            ++j;
        const float tf = 1.0f + std::log(float(j - i));
        out.push_back({indexes[i], tf * idf.at(qsizetype(indexes[i]))});
        i = j;
    }
}

void scale(SparseVector::iterator begin, SparseVector::iterator end, double length)
{
    double sum = 0;
    for (auto it = begin; it != end; ++it)
        sum += double(it->value) * double(it->value);
    if (sum <= 0)
        return;
    const double factor = length / std::sqrt(sum);
    for (auto it = begin; it != end; ++it)
        it->value = float(double(it->value) * factor);
}

} // namespace

Vocabulary::Vocabulary(QStringList terms, QList<float> idf, int englishSize)
    : m_terms(std::move(terms)), m_idf(std::move(idf)),
      m_englishSize(std::clamp(englishSize, 0, int(m_terms.size())))
{
    m_idf.resize(m_terms.size(), 1.0f);
    m_index.reserve(m_terms.size());
    for (qsizetype i = 0; i < m_terms.size(); ++i)
        m_index.insert(termHash(m_terms.at(i).toUtf8()), quint32(i));
}

SparseVector Vocabulary::vectorize(const RankDocument &document) const
{
    SparseVector vector;
    if (m_terms.isEmpty())
        return vector;
    std::vector<quint64> hashes;
    std::vector<quint32> indexes;
    auto lookUp = [&](quint32 from, quint32 to) {
        indexes.clear();
        for (const quint64 hash : hashes) {
            const auto it = m_index.constFind(hash);
            if (it != m_index.cend() && *it >= from && *it < to)
                indexes.push_back(*it);
        }
    };
    hashes.reserve(size_t(document.english.size() / 4));
    englishTerms(document.english, hashes);
    lookUp(0, quint32(m_englishSize));
    weigh(indexes, m_idf, vector);
    const auto englishEnd = qsizetype(vector.size());
    if (m_englishSize < m_terms.size() && !document.chinese.isEmpty()) {
        hashes.clear();
        cjkTerms(document.chinese, hashes);
        lookUp(quint32(m_englishSize), quint32(m_terms.size()));
        weigh(indexes, m_idf, vector);
    }
    const bool both = englishEnd > 0 && qsizetype(vector.size()) > englishEnd;
    const double half = both ? std::sqrt(0.5) : 1.0;
    scale(vector.begin(), vector.begin() + englishEnd, half);
    scale(vector.begin() + englishEnd, vector.end(), half);
    return vector;
}

VocabularyBuilder::VocabularyBuilder(const VocabularyOptions &options)
    : m_options(options), m_english(std::make_unique<Counter>()), m_cjk(std::make_unique<Counter>())
{
}

VocabularyBuilder::~VocabularyBuilder() = default;

void VocabularyBuilder::count(const RankDocument &document)
{
    std::vector<quint64> hashes;
    QList<QByteArray> texts;
    englishTerms(document.english, hashes, &texts);
    countDocument(hashes, texts, *m_english);
    ++m_documents;
    if (m_options.maxCjkFeatures <= 0 || document.chinese.isEmpty())
        return;
    hashes.clear();
    texts.clear();
    cjkTerms(document.chinese, hashes, &texts);
    if (hashes.empty())
        return;
    countDocument(hashes, texts, *m_cjk);
    ++m_cjkDocuments;
}

Vocabulary VocabularyBuilder::build() const
{
    QStringList terms;
    QList<float> idf;
    auto take = [&](const Counter &counter, int documents, int limit) {
        const auto chosen = counter.choose(m_options.minDf, m_options.maxDf * documents, limit);
        for (const auto &[text, df] : chosen) {
            terms.append(text);
            idf.append(float(std::log((1.0 + documents) / (1.0 + df)) + 1.0));
        }
    };
    take(*m_english, m_documents, m_options.maxFeatures);
    const int englishSize = int(terms.size());
    if (m_options.maxCjkFeatures > 0)
        take(*m_cjk, m_cjkDocuments, m_options.maxCjkFeatures);
    return Vocabulary(terms, idf, englishSize);
}

} // namespace paperboy::rank
