#include "sparse_vector.h"

#include <QtEndian>

#include <algorithm>
#include <cmath>

namespace paperboy::rank {

QByteArray encodeVector(const SparseVector &vector)
{
    QByteArray bytes;
    bytes.reserve(qsizetype(vector.size()) * 4);
    for (const FeatureValue &feature : vector) {
        if (feature.index > kMaxStoredIndex)
            continue;
        const auto quantized = quint16(std::lround(std::clamp(feature.value, 0.0f, 1.0f) * 65535));
        if (quantized == 0)
            continue;
        char piece[4];
        qToLittleEndian(quint16(feature.index), piece);
        qToLittleEndian(quantized, piece + 2);
        bytes.append(piece, 4);
    }
    return bytes;
}

SparseVector decodeVector(QByteArrayView bytes)
{
    SparseVector vector;
    vector.reserve(size_t(bytes.size() / 4));
    for (qsizetype i = 0; i + 4 <= bytes.size(); i += 4) {
        const quint16 index = qFromLittleEndian<quint16>(bytes.data() + i);
        const quint16 value = qFromLittleEndian<quint16>(bytes.data() + i + 2);
        vector.push_back({index, float(value) / 65535.0f});
    }
    return vector;
}

} // namespace paperboy::rank
