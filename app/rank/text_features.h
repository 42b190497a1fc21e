#pragma once

// The terms the ranking reads in a paper: English words and word pairs, read the way
// arxiv-sanity-lite's tf-idf reads abstracts, and character pairs of Chinese (CJK) text.
// Terms are keyed by the 64-bit FNV-1a hash of their UTF-8 text everywhere in app/rank.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QStringView>

#include <string_view>
#include <vector>

namespace paperboy::rank {

inline constexpr quint64 kFnvOffset = 0xcbf29ce484222325ULL;

inline quint64 fnvAppend(quint64 state, QByteArrayView bytes)
{
    for (const char c : bytes) {
        state ^= quint8(c);
        state *= 0x100000001b3ULL;
    }
    return state;
}

inline quint64 termHash(QByteArrayView utf8)
{
    return fnvAppend(kFnvOffset, utf8);
}

// English function words ("the", "of", "we"), lower case.
bool isStopWord(std::string_view word);

// Appends the terms of English text in reading order, repeats included:
//  - accents stripped (NFKD, combining marks dropped) and lower case;
//  - a word is a maximal run of letters, digits and '_' that is ASCII only, starts with a
//    letter or '_' and has two characters or more ("3d" and "naïve" glued to a CJK word are
//    not words; "gpt-4" gives "gpt");
//  - stop words are dropped, then each word and each pair of neighbouring words is a term
//    ("diffusion models" from "diffusion models of the ...").
// `terms`, when given, receives each term's text alongside its hash.
void englishTerms(QStringView text, std::vector<quint64> &hashes,
                  QList<QByteArray> *terms = nullptr);

// Appends every pair of neighbouring characters inside each run of CJK characters (Han,
// kana, Hangul): "扩散模型" gives "扩散", "散模", "模型". Other text is ignored.
void cjkTerms(QStringView text, std::vector<quint64> &hashes, QList<QByteArray> *terms = nullptr);

} // namespace paperboy::rank
