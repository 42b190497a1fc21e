#pragma once

// Marking the words a search matched, without ever letting data become markup: rich text is
// built only from escaped fragments, and painted rows draw plain text over coloured boxes.

#include "search/search_query.h"

#include <QColor>
#include <QList>
#include <QString>

class QFont;
class QLabel;
class QPainter;
class QRect;

namespace paperboy {

// `text` as HTML: every fragment escaped, matched ranges in a coloured span, line breaks and
// runs of spaces kept.
QString highlightedHtml(const QString &text, const QList<TextRange> &ranges,
                        const QColor &background, const QColor &foreground);

// Shows `text` in `label`: plain text when nothing matches, escaped rich text otherwise.
void setHighlightedText(QLabel *label, const QString &text, const QStringList &terms);

// Boxes behind the matched parts of `text` as drawn left-aligned in `rect` with `font`.
// Call before drawing the text itself.
void paintMatchBoxes(QPainter *painter, const QRect &rect, const QFont &font, const QString &text,
                     const QStringList &terms, const QColor &background);

} // namespace paperboy
