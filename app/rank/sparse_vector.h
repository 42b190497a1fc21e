#pragma once

// A paper's tf-idf vector: the few hundred terms it holds out of tens of thousands, by index,
// with their weights (non-negative, l2 norm 1).

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace paperboy::rank {

struct FeatureValue
{
    quint32 index = 0;
    float value = 0;

    bool operator==(const FeatureValue &) const = default;
};

using SparseVector = std::vector<FeatureValue>; // by index, ascending, no zeros

// Stored form (rank_features.vector): per term, the index as 16 bits and the weight as
// 16 bits (weight * 65535, rounded), little-endian. 4 bytes a term instead of 8 keeps a
// million papers' vectors near 300 MB; the rounding (< 8e-6) moves no ranking. Indexes of
// 65,536 and above cannot be stored: the vocabulary stays below that.
inline constexpr quint32 kMaxStoredIndex = 0xffff;
QByteArray encodeVector(const SparseVector &vector);
SparseVector decodeVector(QByteArrayView bytes);

} // namespace paperboy::rank
