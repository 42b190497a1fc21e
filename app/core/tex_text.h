#pragma once

// Text clean-up shared by the importers: arXiv metadata is hard-wrapped and writes
// non-ASCII names with TeX accents, so every source needs the same normalisation.

#include <QString>
#include <QStringList>

namespace paperboy {

// Collapses every run of whitespace (newlines, tabs, NBSP, ...) to one space and trims.
QString normalizeWhitespace(const QString &text);

// `text` cut to at most `length` characters, the last one an ellipsis when it was longer.
QString elideText(const QString &text, qsizetype length);

// Replaces TeX accents and special letters (Bj\"orn, Przemys{\l}aw, \v{S}imon, \ss, ...)
// with Unicode letters. Math between $...$ and unknown commands are left as they are;
// braces are removed only where they belonged to an accent group.
QString texToUnicode(const QString &text);

// Splits an author list ("A. One, B. Two (Univ. X, Dept. Y), C. Three and D. Four") into
// names. Parenthesised affiliations are dropped, TeX accents converted, whitespace normalised.
QStringList splitAuthors(const QString &text);

} // namespace paperboy
