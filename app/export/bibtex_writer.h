#pragma once

// BibTeX in the shape arXiv itself suggests (@misc with eprint, archivePrefix, primaryClass),
// UTF-8 throughout so biber and modern BibTeX read names as written.

#include "core/paper.h"

#include <QList>
#include <QString>

namespace paperboy {

// One @misc entry per paper, keys from citationKeys(), entries separated by a blank line.
QString papersToBibtex(const QList<Paper> &papers);

// Escapes the characters TeX treats specially; non-ASCII stays as it is. The result always
// has balanced braces, which BibTeX needs to find the end of a field.
QString bibtexEscape(const QString &text);

// A title for a BibTeX field: $math$ kept as written when it is well formed, other text
// escaped, and words with inner capitals (GPT, ImageNet, NeRF) braced so styles keep them.
QString bibtexTitle(const QString &title);

} // namespace paperboy
