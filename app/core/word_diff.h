#pragma once

// A word-level diff of two texts, for what changed between two versions of a paper (title,
// abstract, comment, authors). Longest common subsequence over words: the texts are a few
// hundred words at most, so the quadratic table is small, and the result is the minimal
// edit a reader expects. (Debian 12 packages one diff library that would fit, libdtl-dev
// 1.20, a header-only Myers diff; it is not worth a dependency for a few hundred words.)

#include <QList>
#include <QString>

namespace paperboy {

struct DiffChunk
{
    enum class Op
    {
        Equal,
        Insert,
        Delete
    };
    Op op = Op::Equal;
    // Words (and the punctuation ending a word, as a token of its own), each followed by one
    // space where the text had one, except the very last of the diff: concatenating the
    // Equal and Delete chunks gives the old text with its whitespace collapsed, the Equal and
    // Insert chunks the new one (give or take a space at the end).
    QString text;

    bool operator==(const DiffChunk &) const = default;
};

// Runs of one kind are merged; an empty list means both texts are empty.
QList<DiffChunk> wordDiff(const QString &before, const QString &after);

// Whether anything changed (any chunk that is not Equal).
bool hasChanges(const QList<DiffChunk> &chunks);

// "equal", "insert", "delete": the names the CLI's JSON uses.
QString diffOpName(DiffChunk::Op op);

} // namespace paperboy
