#include "bench_text.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_set>

namespace paperboy::bench {

namespace {

// The most frequent words of arXiv abstracts, roughly in order.
const char *const kEnglishHead[] = {"the",         "of",
                                    "and",         "a",
                                    "to",          "in",
                                    "we",          "is",
                                    "for",         "that",
                                    "with",        "on",
                                    "this",        "by",
                                    "are",         "as",
                                    "an",          "model",
                                    "from",        "which",
                                    "be",          "our",
                                    "can",         "learning",
                                    "data",        "show",
                                    "results",     "method",
                                    "these",       "it",
                                    "propose",     "based",
                                    "models",      "at",
                                    "or",          "paper",
                                    "using",       "performance",
                                    "not",         "also",
                                    "network",     "approach",
                                    "new",         "two",
                                    "such",        "than",
                                    "has",         "problem",
                                    "its",         "more",
                                    "time",        "neural",
                                    "methods",     "both",
                                    "have",        "their",
                                    "used",        "training",
                                    "large",       "between",
                                    "analysis",    "framework",
                                    "different",   "high",
                                    "two",         "into",
                                    "language",    "information",
                                    "existing",    "system",
                                    "image",       "experiments",
                                    "state",       "task",
                                    "present",     "study",
                                    "via",         "however",
                                    "first",       "work",
                                    "proposed",    "well",
                                    "results",     "been",
                                    "each",        "structure",
                                    "demonstrate", "learn",
                                    "energy",      "field",
                                    "quantum",     "function",
                                    "graph",       "deep",
                                    "tasks",       "distribution",
                                    "single",      "dataset",
                                    "while",       "agent",
                                    "algorithm",   "efficient",
                                    "temporal",    "transformer",
                                    "space",       "diffusion",
                                    "multiple",    "features",
                                    "robust",      "generation",
                                    "policy",      "theory",
                                    "order",       "low",
                                    "number",      "provide",
                                    "optimal",     "reinforcement",
                                    "images",      "dynamics",
                                    "inference",   "local",
                                    "global",      "accuracy",
                                    "text",        "properties",
                                    "linear",      "spectral",
                                    "prediction",  "attention",
                                    "estimation",  "benchmark",
                                    "retrieval",   "segmentation",
                                    "adversarial", "stochastic",
                                    "magnetic",    "galaxies",
                                    "phase"};

// Technical words placed at known ranks so queries cover rare and mid-frequency terms.
struct Placed
{
    const char *word;
    int rank;
};
const Placed kPlaced[] = {{"distillation", 600}, {"protein", 1500},      {"galaxy", 2500},
                          {"theorem", 900},      {"convolutional", 400}, {"hallucination", 5000},
                          {"zeolite", 25000},    {"spintronics", 15000}, {"retrosynthesis", 40000}};

const char *const kSyllables[] = {"ka",  "ri",  "to",   "mer",  "lin", "sta", "pho", "ne",
                                  "tri", "gra", "vo",   "lu",   "sem", "pla", "cor", "de",
                                  "xi",  "bo",  "ther", "ma",   "ion", "qua", "ent", "al",
                                  "ic",  "ous", "ra",   "tion", "phy", "syn", "zy",  "nd"};

const char *const kChineseHead[] = {
    "我们",     "提出",     "方法",     "模型",   "数据",       "训练",     "结果",
    "性能",     "网络",     "学习",     "实验",   "表明",       "基于",     "任务",
    "问题",     "框架",     "显著",     "研究",   "通过",       "分析",     "能够",
    "现有",     "图像",     "语言",     "生成",   "特征",       "表示",     "优化",
    "算法",     "系统",     "评估",     "基准",   "检索",       "扩散模型", "语言模型",
    "强化学习", "图像分割", "知识蒸馏", "蒸馏",   "注意力机制", "多模态",   "鲁棒性",
    "泛化",     "推理",     "量子",     "蛋白质", "星系",       "定理",     "幻觉"};

const char *const kChineseChars[] = {
    "数", "据", "模", "型", "学", "习", "网", "络", "图", "像", "语", "言", "生", "成", "特",
    "征", "优", "化", "算", "法", "系", "统", "评", "估", "检", "索", "任", "务", "结", "构",
    "信", "息", "空", "间", "时", "序", "预", "测", "分", "类", "目", "标", "视", "觉", "文",
    "本", "物", "理", "能", "量", "动", "力", "场", "论", "方", "程", "函", "数", "矩", "阵",
    "概", "率", "采", "样", "编", "码", "解", "器", "层", "次", "局", "部", "全", "局", "稀",
    "疏", "密", "度", "频", "谱", "机", "制", "控", "策", "略", "环", "境", "交", "互", "知"};

const char *const kFirstNames[] = {"Wei",   "Jing",    "Li",    "Yang",  "Hao",    "Xin",
                                   "Anna",  "David",   "Maria", "James", "Sofia",  "Lukas",
                                   "Yuki",  "Hiroshi", "Priya", "Arjun", "Elena",  "Pierre",
                                   "Chen",  "Min-jun", "Olga",  "Omar",  "Fatima", "Thomas",
                                   "Sarah", "Michael", "Laura", "Kai",   "Zhen",   "Ravi"};
const char *const kLastNames[] = {
    "Wang",  "Li",      "Zhang",  "Liu",     "Chen",     "Yang",   "Huang",    "Zhao",
    "Smith", "Johnson", "Müller", "Schmidt", "Tanaka",   "Suzuki", "Kumar",    "Singh",
    "Rossi", "Dubois",  "Kim",    "Park",    "Ivanova",  "García", "Martínez", "Nguyen",
    "Gu",    "Brown",   "Wilson", "Novak",   "Kowalski", "Hansen", "Silva",    "Cohen"};

// Roughly arXiv's share of submissions by primary category.
const char *const kCategories[] = {"cs.LG",   "cs.CV",          "cs.CL",
                                   "cs.AI",   "math.AP",        "quant-ph",
                                   "hep-th",  "astro-ph.GA",    "cond-mat.mtrl-sci",
                                   "math.PR", "stat.ML",        "cs.RO",
                                   "eess.SP", "physics.optics", "math.CO",
                                   "cs.CR",   "gr-qc",          "q-bio.BM",
                                   "econ.EM", "math.NT"};

std::vector<std::string> buildEnglish()
{
    std::vector<std::string> words;
    std::unordered_set<std::string> seen;
    for (const char *word : kEnglishHead)
        if (seen.insert(word).second)
            words.emplace_back(word);
    Rng rng(7);
    const std::size_t size = 50000;
    const int syllables = int(std::size(kSyllables));
    while (words.size() < size) {
        std::string word;
        const int parts = rng.between(2, 4);
        for (int i = 0; i < parts; ++i)
            word += kSyllables[rng.below(syllables)];
        if (seen.insert(word).second)
            words.push_back(std::move(word));
    }
    for (const Placed &placed : kPlaced) {
        words.insert(words.begin() + placed.rank, placed.word);
        words.pop_back();
    }
    return words;
}

std::vector<std::string> buildChinese()
{
    std::vector<std::string> words;
    std::unordered_set<std::string> seen;
    for (const char *word : kChineseHead)
        if (seen.insert(word).second)
            words.emplace_back(word);
    Rng rng(11);
    const int chars = int(std::size(kChineseChars));
    while (words.size() < 8000) {
        std::string word;
        const int length = rng.unit() < 0.7 ? 2 : rng.between(3, 4);
        for (int i = 0; i < length; ++i)
            word += kChineseChars[rng.below(chars)];
        if (seen.insert(word).second)
            words.push_back(std::move(word));
    }
    return words;
}

void appendUtf8(std::string &out, char32_t c)
{
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

std::vector<char32_t> decodeUtf8(const std::string &text)
{
    std::vector<char32_t> out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
        char32_t cp = extra == 0   ? c
                      : extra == 1 ? (c & 0x1F)
                      : extra == 2 ? (c & 0x0F)
                                   : (c & 0x07);
        for (int k = 1; k <= extra && i + k < text.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        out.push_back(cp);
        i += std::size_t(extra) + 1;
    }
    return out;
}

bool isCjkCode(char32_t u)
{
    // The ranges of migration 003.
    return (u >= 12352 && u <= 40959) || (u >= 44032 && u <= 55215) || (u >= 63744 && u <= 64255) ||
           (u >= 131072 && u <= 196607);
}

} // namespace

ZipfVocabulary::ZipfVocabulary(std::vector<std::string> words, double exponent)
    : m_words(std::move(words))
{
    m_cumulative.reserve(m_words.size());
    double sum = 0;
    for (std::size_t rank = 1; rank <= m_words.size(); ++rank) {
        sum += 1.0 / std::pow(double(rank), exponent);
        m_cumulative.push_back(sum);
    }
    for (double &value : m_cumulative)
        value /= sum;
}

const std::string &ZipfVocabulary::sample(Rng &rng) const
{
    const auto it = std::lower_bound(m_cumulative.begin(), m_cumulative.end(), rng.unit());
    return m_words[std::min<std::size_t>(std::size_t(it - m_cumulative.begin()),
                                         m_words.size() - 1)];
}

const ZipfVocabulary &TextGenerator::english()
{
    static const ZipfVocabulary vocabulary(buildEnglish(), 1.0);
    return vocabulary;
}

const ZipfVocabulary &TextGenerator::chinese()
{
    static const ZipfVocabulary vocabulary(buildChinese(), 1.0);
    return vocabulary;
}

TextGenerator::TextGenerator(std::uint64_t seed) : m_rng(seed) {}

std::string TextGenerator::englishWords(int count, bool sentences)
{
    std::string text;
    text.reserve(std::size_t(count) * 7);
    const ZipfVocabulary &vocabulary = english();
    bool capitalNext = sentences;
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            text += ' ';
        const std::size_t start = text.size();
        text += vocabulary.sample(m_rng);
        if (capitalNext)
            text[start] = char(std::toupper(static_cast<unsigned char>(text[start])));
        capitalNext = false;
        if (sentences && i + 1 < count && m_rng.below(18) == 0) {
            capitalNext = m_rng.below(3) != 0;
            text += capitalNext ? "." : ",";
        }
    }
    if (sentences)
        text += '.';
    return text;
}

std::string TextGenerator::chineseWords(int count)
{
    std::string text;
    text.reserve(std::size_t(count) * 8);
    const ZipfVocabulary &vocabulary = chinese();
    for (int i = 0; i < count; ++i) {
        text += vocabulary.sample(m_rng);
        if (i + 1 < count && m_rng.below(9) == 0)
            text += m_rng.below(3) == 0 ? "。" : "，";
    }
    text += "。";
    return text;
}

std::string TextGenerator::title()
{
    std::string text = englishWords(m_rng.between(6, 14), false);
    text[0] = char(std::toupper(static_cast<unsigned char>(text[0])));
    return text;
}

std::string TextGenerator::abstract()
{
    return englishWords(m_rng.between(150, 250), true);
}

std::string TextGenerator::authors(char separator)
{
    std::string text;
    const int count = m_rng.unit() < 0.1 ? m_rng.between(9, 25) : m_rng.between(1, 8);
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            text += separator;
        text += kFirstNames[m_rng.below(int(std::size(kFirstNames)))];
        text += ' ';
        text += kLastNames[m_rng.below(int(std::size(kLastNames)))];
    }
    return text;
}

std::string TextGenerator::chineseTitle()
{
    return chineseWords(m_rng.between(5, 10));
}

std::string TextGenerator::chineseAbstract()
{
    return chineseWords(m_rng.between(150, 250));
}

std::string TextGenerator::note()
{
    std::string text = englishWords(m_rng.between(5, 30), true);
    if (m_rng.below(4) == 0) {
        text += ' ';
        text += chineseWords(m_rng.between(3, 8));
    }
    return text;
}

std::string TextGenerator::categories()
{
    const int count = m_rng.between(1, 3);
    const int total = int(std::size(kCategories));
    std::string text;
    std::vector<int> chosen;
    while (int(chosen.size()) < count) {
        // Skewed towards the first (most common) categories.
        const int index = int(std::pow(m_rng.unit(), 1.8) * total);
        if (std::find(chosen.begin(), chosen.end(), index) != chosen.end())
            continue;
        chosen.push_back(index);
        if (!text.empty())
            text += ' ';
        text += kCategories[index];
    }
    return text;
}

std::string cjkBigrams(const std::string &utf8)
{
    const std::vector<char32_t> chars = decodeUtf8(utf8);
    bool any = false;
    for (const char32_t c : chars)
        any = any || isCjkCode(c);
    if (!any)
        return utf8;
    std::string out;
    out.reserve(utf8.size() * 3);
    for (std::size_t i = 0; i < chars.size(); ++i) {
        if (!isCjkCode(chars[i])) {
            appendUtf8(out, chars[i]);
            continue;
        }
        out += ' ';
        appendUtf8(out, chars[i]);
        if (i + 1 < chars.size() && isCjkCode(chars[i + 1]))
            appendUtf8(out, chars[i + 1]);
        out += ' ';
    }
    return out;
}

} // namespace paperboy::bench
