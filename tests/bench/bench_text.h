#pragma once

// Synthetic but realistic paper text for the benchmark: English titles and abstracts drawn
// from a Zipf distribution over a vocabulary (real frequent words first, made-up technical
// words in the long tail), Chinese translations from a Zipf vocabulary of 2-4 character words,
// author names, arXiv categories. Deterministic for a given seed; UTF-8 std::string for speed.

#include <cstdint>
#include <string>
#include <vector>

namespace paperboy::bench {

class Rng
{
public:
    explicit Rng(std::uint64_t seed) : m_state(seed * 0x9E3779B97F4A7C15ull + 1) {}
    std::uint64_t next()
    {
        // splitmix64: fast, good enough for synthetic text.
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    int below(int n) { return int(next() % std::uint64_t(n)); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); } // inclusive

private:
    std::uint64_t m_state;
};

// Words ranked by frequency; sampling follows Zipf's law (p(rank) ~ 1 / rank^s).
class ZipfVocabulary
{
public:
    ZipfVocabulary(std::vector<std::string> words, double exponent);
    const std::string &sample(Rng &rng) const;
    const std::vector<std::string> &words() const { return m_words; }

private:
    std::vector<std::string> m_words;
    std::vector<double> m_cumulative;
};

class TextGenerator
{
public:
    explicit TextGenerator(std::uint64_t seed);

    std::string title();
    std::string abstract();
    std::string authors(char separator); // names joined by `separator`
    std::string chineseTitle();
    std::string chineseAbstract();
    std::string note();
    // Space-separated, primary first.
    std::string categories();

    Rng &rng() { return m_rng; }

    // The words the benchmark queries, with their rank in the English vocabulary.
    static const ZipfVocabulary &english();
    static const ZipfVocabulary &chinese();

private:
    std::string englishWords(int count, bool sentences);
    std::string chineseWords(int count);

    Rng m_rng;
};

// The CJK rewrite of migration 003 (search_extra columns): every CJK character becomes
// " c" + next CJK character + " ", other characters stay. Mirrors the SQL exactly.
std::string cjkBigrams(const std::string &utf8);

} // namespace paperboy::bench
