#pragma once

// TeX math in titles and abstracts ($...$, $$...$$, \(...\), \[...\]) as text a reader reads
// at a glance: Greek letters, operators and relations as symbols, \mathbb{R} as ℝ, \frac{a}{b}
// as a/b, sub- and superscripts as such. Stored text is never changed: this runs when text is
// shown (the window, `paperboy show`) and when the search index is fed. A segment that cannot
// be converted completely stays exactly as written, delimiters included, so a reader never
// sees a wrong symbol, only the TeX they would have seen anyway.

#include "core/text_run.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace paperboy {

// Where a math segment sits in a text: [start, end) with delimiters, [innerStart, innerEnd)
// without.
struct TexMathSegment
{
    qsizetype start = 0;
    qsizetype end = 0;
    qsizetype innerStart = 0;
    qsizetype innerEnd = 0;
};

// One segment's TeX (without delimiters) converted.
struct TexMathConversion
{
    bool complete = false; // false: a command or construct we do not know; runs are empty
    QList<TextRun> runs;   // for the window
    QString plainText;     // Unicode sub/superscript characters where all exist, else _x, ^(xy)
};

// Cheap test that lets callers skip the rest for the nine texts in ten without math.
bool mayContainTexMath(QStringView text);

// The math segments of `text`. A '$' opens only before a non-space and closes only after a
// non-space and, when what it encloses starts with a digit, not before a digit (pandoc's
// rule, loosened for "$\sim$6"), so "$5 and $10" and "$5-$10" are no math; "\$" is a literal
// dollar; a candidate that reads like a sentence is not math either.
QList<TexMathSegment> texMathSegments(QStringView text);

TexMathConversion convertTexMath(QStringView tex);

// The whole text as runs: prose as it is, converted math, unconverted math as written.
QList<TextRun> texMathRuns(const QString &text);

// The whole text with math converted and delimiters dropped, for plain-text output.
QString texMathToPlainText(const QString &text);

// The runs as plain text, scripts written as texMathToPlainText() writes them: what a reader
// copies from the window.
QString plainTextOfRuns(const QList<TextRun> &runs);

// What the search index holds beside a text so that the converted form is found too: each
// converted segment's plain text with its symbols spelled as words (see spellMathSymbols).
// Empty when the text has no segment that converts to something new.
QString texMathSearchText(const QString &text);

// Replaces math symbols that a word index cannot hold (×, ≤, ∈: not letters or digits) and
// TeX commands naming a symbol (\times, \le) by the symbol's name in LaTeX's Unicode math
// table, surrounded by spaces: "48×48" and "48\times48" -> "48 times 48", "\le" and "≤" ->
// " leq ". The index and the search box both go through it, so either spelling finds both.
QString spellMathSymbols(QStringView text);

} // namespace paperboy
