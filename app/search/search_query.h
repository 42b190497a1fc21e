#pragma once

// What a person types into the search box, parsed into a value. Parsing never fails: text
// that is not an operator is a word, an unbalanced quote runs to the end, unknown operators
// are words. See parseSearchQuery() for the syntax.

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace paperboy {

struct SearchTerm
{
    enum class Field
    {
        Any,
        Author,
        Category,
        FullText // the text of the reader's kept PDFs only (pdf_text, migration 015)
    };

    QString text; // as typed, without quotes or operator
    Field field = Field::Any;
    bool phrase = false; // typed in quotes: the words must be adjacent, in order
    bool prefix = false; // typed with a trailing '*': the last word is a prefix
    bool excluded = false;

    bool operator==(const SearchTerm &) const = default;
};

enum class SearchFlag
{
    Starred,
    Read,
    Unread,
    HasNote,
    HasCode,
    HasTags,
    HasSummary,
    Updated,     // a newer version than the reader has opened (store/version_store.h)
    Followed,    // an author the reader follows (names folded: core/author_names.h)
    Dismissed,   // "not interested"
    Highlighted, // marked by a highlight rule
    Added        // added by the reader by id or link (issue #21)
};

struct SearchFlagFilter
{
    SearchFlag flag;
    bool excluded = false; // "-is:starred"

    bool operator==(const SearchFlagFilter &) const = default;
};

struct SearchQuery
{
    QList<SearchTerm> terms;
    QStringList tags;         // tag:NAME, exact tag, case-insensitive for ASCII
    QStringList excludedTags; // -tag:NAME
    QList<SearchFlagFilter> flags;
    QDate after;          // inclusive: the paper's date >= after
    QDate before;         // exclusive: the paper's date < before
    QStringList warnings; // what was ignored and why, for a status line

    bool hasPositiveText() const;
    bool isEmpty() const; // nothing to filter on: every paper matches
    bool operator==(const SearchQuery &) const = default;
};

// Syntax (case-insensitive operator names):
//   word                 any field: title, authors, abstract, translations, AI summaries,
//                        note, tags (English words match whole words; CJK matches substrings)
//   word*                prefix
//   "exact phrase"       adjacent words in order; an unbalanced quote runs to the end
//   -word, -"phrase"     exclude; a lone '-' is ignored
//   author:NAME          author:"Jiatao Gu" for a full name
//   cat:CATEGORY         cat:cs.CV; cat:cs matches every cs.* category
//   fulltext:WORD        only inside the kept PDFs' text; fulltext:"two words" a phrase
//                        (plain words match the PDFs' text too, beside the other fields)
//   tag:NAME             tag:"to read" for a tag with spaces
//   is:starred is:unread is:read    (is:unread = listed in a digest and not marked read)
//   is:updated           a new version arrived that the reader has not opened yet
//   is:followed (by an author the reader follows) is:dismissed is:highlighted
//   is:added             added by hand (paperboy add, pasted or dropped on the window)
//   has:note has:code has:tag has:summary
//   after:YYYY-MM-DD     on or after that day (inclusive)
//   before:YYYY-MM-DD    strictly before that day, so after:A before:B is [A, B)
// Every operator can be negated with '-'. A paper's date is the first day a digest listed
// it, else its arXiv submission date. AND, OR, NOT, NEAR are ordinary words.
SearchQuery parseSearchQuery(const QString &text);

// The words and phrases a view should highlight, in any language: positive terms and author
// names as typed (without operators). Match them case-insensitively as substrings.
QStringList highlightTerms(const SearchQuery &query);

struct TextRange
{
    qsizetype start = 0;
    qsizetype length = 0;
    bool operator==(const TextRange &) const = default;
};

// Where `terms` occur in `text`, case-insensitively, sorted and merged when they overlap.
QList<TextRange> highlightRanges(const QString &text, const QStringList &terms);

// True for the characters the index splits into bigrams (Han, kana, Hangul).
bool isCjk(char32_t codePoint);

// The FTS5 expression for one term: always a quoted string, so no user text is ever read as
// FTS5 syntax. Empty when the term holds nothing the tokenizer keeps (e.g. "*" or "(").
// `columns` is an FTS5 column filter such as "{title abstract}", or empty.
QString ftsTermExpression(const SearchTerm &term, const QString &columns);

} // namespace paperboy
