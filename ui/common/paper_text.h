#pragma once

// How a paper's fields read on screen. Everything returned here is plain text: widgets show
// it with Qt::PlainText, and rich-text callers escape it.

#include "core/paper.h"

#include <QString>
#include <QStringList>

namespace paperboy {

// Abstracts carry TeX: font commands (\emph{x}, \textbf{x}) are unwrapped so the words read
// naturally; math ($\mathcal{O}(n)$) stays as written, which readers of arXiv recognise.
QString readableText(const QString &text);

// Names joined by commas, TeX accents (Bala\v{z}evi\'c) shown as letters.
QString authorList(const QStringList &authors);

// "Ada Lovelace, Alan Turing, Grace Hopper et al."
QString shortAuthors(const QStringList &authors, int shown = 3);

// The paper's categories, or the digest's subject when the record has none.
QStringList categoriesOf(const PaperView &view);
QString primaryCategoryOf(const PaperView &view);

// The translated title/abstract when the digest's translation is Chinese (or unlabelled).
QString chineseTitleOf(const PaperView &view);
QString chineseAbstractOf(const PaperView &view);

// "2306.05544v2", or the bare id when the version is unknown.
QString versionedId(const Paper &paper);

// The filter box: every word must appear in the title (either language), authors, id or
// categories, case-insensitively.
bool matchesFilterText(const PaperView &view, const QString &filter);

} // namespace paperboy
