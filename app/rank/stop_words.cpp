// English function words, left out of the ranking's vocabulary before word pairs are formed,
// as a tf-idf reader of abstracts does ("of the", "we propose" say nothing about a topic).
// Written for Paperboy: the usual articles, pronouns, auxiliaries, prepositions,
// conjunctions, quantifiers and adverbs of English prose.

#include "rank/text_features.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace paperboy::rank {

namespace {

// Sorted, lower case, ASCII.
constexpr std::array kStopWords = std::to_array<std::string_view>({
    "about",      "above",      "across",     "after",      "afterwards",   "again",
    "against",    "all",        "almost",     "alone",      "along",        "already",
    "also",       "although",   "always",     "am",         "among",        "amongst",
    "amount",     "an",         "and",        "another",    "any",          "anyhow",
    "anyone",     "anything",   "anyway",     "anywhere",   "are",          "around",
    "as",         "at",         "back",       "be",         "became",       "because",
    "become",     "becomes",    "becoming",   "been",       "before",       "beforehand",
    "behind",     "being",      "below",      "beside",     "besides",      "between",
    "beyond",     "both",       "bottom",     "but",        "by",           "call",
    "can",        "cannot",     "cant",       "could",      "couldnt",      "de",
    "describe",   "detail",     "did",        "do",         "does",         "doing",
    "done",       "down",       "due",        "during",     "each",         "eg",
    "eight",      "either",     "eleven",     "else",       "elsewhere",    "empty",
    "enough",     "etc",        "even",       "ever",       "every",        "everyone",
    "everything", "everywhere", "except",     "few",        "fifteen",      "fifty",
    "fill",       "find",       "first",      "five",       "for",          "former",
    "formerly",   "forty",      "found",      "four",       "from",         "front",
    "full",       "further",    "get",        "give",       "go",           "had",
    "has",        "hasnt",      "have",       "having",     "he",           "hence",
    "her",        "here",       "hereafter",  "hereby",     "herein",       "hereupon",
    "hers",       "herself",    "him",        "himself",    "his",          "how",
    "however",    "hundred",    "ie",         "if",         "in",           "inc",
    "indeed",     "into",       "is",         "it",         "its",          "itself",
    "just",       "keep",       "last",       "latter",     "latterly",     "least",
    "less",       "ltd",        "made",       "many",       "may",          "me",
    "meanwhile",  "might",      "mine",       "more",       "moreover",     "most",
    "mostly",     "move",       "much",       "must",       "my",           "myself",
    "name",       "namely",     "neither",    "never",      "nevertheless", "next",
    "nine",       "no",         "nobody",     "none",       "noone",        "nor",
    "not",        "nothing",    "now",        "nowhere",    "of",           "off",
    "often",      "on",         "once",       "one",        "only",         "onto",
    "or",         "other",      "others",     "otherwise",  "our",          "ours",
    "ourselves",  "out",        "over",       "own",        "part",         "per",
    "perhaps",    "please",     "put",        "rather",     "re",           "same",
    "see",        "seem",       "seemed",     "seeming",    "seems",        "serious",
    "several",    "she",        "should",     "show",       "side",         "since",
    "six",        "sixty",      "so",         "some",       "somehow",      "someone",
    "something",  "sometime",   "sometimes",  "somewhere",  "still",        "such",
    "take",       "ten",        "than",       "that",       "the",          "their",
    "theirs",     "them",       "themselves", "then",       "thence",       "there",
    "thereafter", "thereby",    "therefore",  "therein",    "thereupon",    "these",
    "they",       "third",      "this",       "those",      "though",       "three",
    "through",    "throughout", "thru",       "thus",       "to",           "together",
    "too",        "top",        "toward",     "towards",    "twelve",       "twenty",
    "two",        "un",         "under",      "until",      "up",           "upon",
    "us",         "very",       "via",        "was",        "we",           "well",
    "were",       "what",       "whatever",   "when",       "whence",       "whenever",
    "where",      "whereafter", "whereas",    "whereby",    "wherein",      "whereupon",
    "wherever",   "whether",    "which",      "while",      "whither",      "who",
    "whoever",    "whole",      "whom",       "whose",      "why",          "will",
    "with",       "within",     "without",    "would",      "yet",          "you",
    "your",       "yours",      "yourself",   "yourselves",
});

constexpr bool isSorted()
{
    for (size_t i = 1; i < kStopWords.size(); ++i)
        if (!(kStopWords[i - 1] < kStopWords[i]))
            return false;
    return true;
}
static_assert(isSorted(), "kStopWords must stay sorted for binary search");

} // namespace

bool isStopWord(std::string_view word)
{
    return std::binary_search(kStopWords.begin(), kStopWords.end(), word);
}

} // namespace paperboy::rank
