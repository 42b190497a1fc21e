#include "word_diff.h"

#include <QRegularExpression>

#include <algorithm>
#include <vector>

namespace paperboy {

namespace {

// Beyond this many table cells (a few megabytes) the middle is shown as replaced whole:
// texts that long are not paper metadata.
constexpr qsizetype kMaxCells = 4'000'000;

// The words of a text, with the punctuation that ends a word as a token of its own, so
// "Programs" -> "Programs: Revisited" keeps "Programs" and inserts ": Revisited", instead of
// replacing the whole word. `spaceAfter` says which tokens a space followed.
struct Tokens
{
    QStringList text;
    QList<bool> spaceAfter;
};

Tokens words(const QString &text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    static const QRegularExpression trailing(QStringLiteral("[.,;:!?)\\]]+$"));
    Tokens tokens;
    for (const QString &word : text.split(space, Qt::SkipEmptyParts)) {
        const QRegularExpressionMatch end = trailing.match(word);
        if (end.hasMatch() && end.capturedStart() > 0) {
            tokens.text.append(word.left(end.capturedStart()));
            tokens.spaceAfter.append(false);
            tokens.text.append(end.captured());
        } else {
            tokens.text.append(word);
        }
        tokens.spaceAfter.append(true);
    }
    return tokens;
}

void append(QList<DiffChunk> &chunks, DiffChunk::Op op, const QString &text)
{
    if (!chunks.isEmpty() && chunks.last().op == op)
        chunks.last().text += text;
    else
        chunks.append({op, text});
}

} // namespace

QList<DiffChunk> wordDiff(const QString &before, const QString &after)
{
    const Tokens old = words(before);
    const Tokens now = words(after);
    const QStringList &a = old.text;
    const QStringList &b = now.text;
    // Token i of a list with the space after it, if any; the very last space is dropped below.
    auto token = [&](const QStringList &list, qsizetype i) {
        const Tokens &tokens = &list == &a ? old : now;
        return tokens.spaceAfter[i] ? list[i] + QLatin1Char(' ') : list[i];
    };
    QList<DiffChunk> chunks;
    qsizetype head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head])
        ++head;
    qsizetype tail = 0;
    while (tail < a.size() - head && tail < b.size() - head &&
           a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
        ++tail;
    for (qsizetype i = 0; i < head; ++i)
        append(chunks, DiffChunk::Op::Equal, token(b, i));

    const qsizetype n = a.size() - head - tail;
    const qsizetype m = b.size() - head - tail;
    if (n > 0 && m > 0 && (n + 1) * (m + 1) <= kMaxCells) {
        // lcs[i][j]: the longest common subsequence of a[head+i..] and b[head+j..].
        std::vector<int> lcs(size_t((n + 1) * (m + 1)), 0);
        auto at = [&](qsizetype i, qsizetype j) -> int & { return lcs[size_t(i * (m + 1) + j)]; };
        for (qsizetype i = n - 1; i >= 0; --i)
            for (qsizetype j = m - 1; j >= 0; --j)
                at(i, j) = a[head + i] == b[head + j] ? at(i + 1, j + 1) + 1
                                                      : std::max(at(i + 1, j), at(i, j + 1));
        qsizetype i = 0;
        qsizetype j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[head + i] == b[head + j]) {
                append(chunks, DiffChunk::Op::Equal, token(b, head + j));
                ++i;
                ++j;
            } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
                // On a tie the old words go first: "[-old-] {+new+}" reads as a replacement.
                append(chunks, DiffChunk::Op::Delete, token(a, head + i));
                ++i;
            } else {
                append(chunks, DiffChunk::Op::Insert, token(b, head + j));
                ++j;
            }
        }
    } else {
        for (qsizetype i = 0; i < n; ++i)
            append(chunks, DiffChunk::Op::Delete, token(a, head + i));
        for (qsizetype j = 0; j < m; ++j)
            append(chunks, DiffChunk::Op::Insert, token(b, head + j));
    }
    for (qsizetype k = b.size() - tail; k < b.size(); ++k)
        append(chunks, DiffChunk::Op::Equal, token(b, k));
    if (!chunks.isEmpty() && chunks.last().text.endsWith(QLatin1Char(' ')))
        chunks.last().text.chop(1);
    return chunks;
}

bool hasChanges(const QList<DiffChunk> &chunks)
{
    for (const DiffChunk &chunk : chunks)
        if (chunk.op != DiffChunk::Op::Equal)
            return true;
    return false;
}

QString diffOpName(DiffChunk::Op op)
{
    switch (op) {
    case DiffChunk::Op::Equal:
        return QStringLiteral("equal");
    case DiffChunk::Op::Insert:
        return QStringLiteral("insert");
    case DiffChunk::Op::Delete:
        return QStringLiteral("delete");
    }
    return {};
}

} // namespace paperboy
