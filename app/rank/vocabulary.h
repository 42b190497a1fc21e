#pragma once

// The tf-idf vocabulary of the ranking and the vectors it gives papers.
//
// As arxiv-sanity-lite's compute.py (scikit-learn's TfidfVectorizer): English words and word
// pairs of title + abstract + authors (text_features.h), a term kept when it appears in at
// least `minDf` documents and in at most `maxDf` of them, the `maxFeatures` most frequent of
// those; idf = ln((1 + n) / (1 + df)) + 1; tf = 1 + ln(count); the vector scaled to length 1.
//
// Paperboy adds CJK character pairs from a paper's Chinese title and abstract, with a
// vocabulary of their own (the same limits, counted over the documents that have Chinese).
// A paper with both halves gets each scaled to length 1/sqrt(2), so its vector still has
// length 1 and neither language outweighs the other.

#include "rank/sparse_vector.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace paperboy::rank {

struct RankDocument
{
    QString english; // title, abstract and author names
    QString chinese; // translated title and abstract, when a digest gave them
};

struct VocabularyOptions
{
    int maxFeatures = 20000;    // English words and pairs
    int maxCjkFeatures = 10000; // CJK character pairs; 0 = none (the baseline)
    // Share of documents. arxiv-sanity-lite's 0.1 is meant for all of arXiv's machine
    // learning; a reader's library is a few categories, where the words that make a topic
    // ("image", "language") are in more than a tenth of the papers. idf weighs them down.
    double maxDf = 0.5;
    int minDf = 5; // documents
};

class Vocabulary
{
public:
    Vocabulary() = default;
    // From stored terms (English first, then CJK) and their idf.
    Vocabulary(QStringList terms, QList<float> idf, int englishSize);

    int size() const { return int(m_terms.size()); }
    int englishSize() const { return m_englishSize; }
    bool isEmpty() const { return m_terms.isEmpty(); }
    const QStringList &terms() const { return m_terms; }
    const QList<float> &idf() const { return m_idf; }
    QString term(quint32 index) const { return m_terms.value(qsizetype(index)); }

    SparseVector vectorize(const RankDocument &document) const;

private:
    QStringList m_terms;
    QList<float> m_idf;
    int m_englishSize = 0;
    QHash<quint64, quint32> m_index;
};

// Fits a vocabulary: count() every document, then build(). Counting keeps one 24-byte slot
// per distinct term seen, a few tens of MB for 20,000 abstracts; callers fit on a sample.
class VocabularyBuilder
{
public:
    explicit VocabularyBuilder(const VocabularyOptions &options);
    ~VocabularyBuilder();
    VocabularyBuilder(const VocabularyBuilder &) = delete;
    VocabularyBuilder &operator=(const VocabularyBuilder &) = delete;

    void count(const RankDocument &document);
    int documents() const { return m_documents; }
    Vocabulary build() const;

private:
    class Counter;
    VocabularyOptions m_options;
    std::unique_ptr<Counter> m_english;
    std::unique_ptr<Counter> m_cjk;
    int m_documents = 0;
    int m_cjkDocuments = 0;
};

} // namespace paperboy::rank
