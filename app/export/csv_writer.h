#pragma once

// A spreadsheet-friendly table of papers (RFC 4180).

#include "core/paper.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace paperboy {

// The columns, in order: id, version, title, title_zh, authors, categories, published,
// abs_url, pdf_url, code_url, starred, read, tags, note.
QStringList csvColumns();

// Header row plus one row per paper; CRLF line ends; lists joined with "; ".
QString papersToCsv(const QList<PaperView> &papers);

// Quotes a field when it holds a comma, a quote or a line break (quotes doubled). A field
// that starts like a spreadsheet formula (= + - @ tab CR) gets a leading ' so it stays text.
QString csvField(const QString &value);

// True for a value a spreadsheet would evaluate when it begins a cell.
bool startsLikeFormula(const QString &value);

} // namespace paperboy
