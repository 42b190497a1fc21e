#include "common/highlight_text.h"

#include "common/palette_colors.h"

#include <QFontMetrics>
#include <QLabel>
#include <QPainter>
#include <QRect>

namespace paperboy {

QString highlightedHtml(const QString &text, const QList<TextRange> &ranges,
                        const QColor &background, const QColor &foreground)
{
    const QString open = QStringLiteral("<span style=\"background-color:%1; color:%2\">")
                             .arg(background.name(), foreground.name());
    QString html = QStringLiteral("<span style=\"white-space:pre-wrap\">");
    qsizetype at = 0;
    for (const TextRange &range : ranges) {
        if (range.start < at || range.start + range.length > text.size())
            continue; // highlightRanges() merges overlaps; anything else is not trusted
        html += text.mid(at, range.start - at).toHtmlEscaped();
        html +=
            open + text.mid(range.start, range.length).toHtmlEscaped() + QStringLiteral("</span>");
        at = range.start + range.length;
    }
    html += text.mid(at).toHtmlEscaped();
    html += QStringLiteral("</span>");
    return html;
}

void setHighlightedText(QLabel *label, const QString &text, const QStringList &terms)
{
    const QList<TextRange> ranges =
        terms.isEmpty() ? QList<TextRange>() : highlightRanges(text, terms);
    if (ranges.isEmpty()) {
        label->setTextFormat(Qt::PlainText);
        label->setText(text);
        return;
    }
    const QPalette palette = label->palette();
    label->setTextFormat(Qt::RichText);
    label->setText(
        highlightedHtml(text, ranges, matchBackgroundColor(palette), matchTextColor(palette)));
}

void paintMatchBoxes(QPainter *painter, const QRect &rect, const QFont &font, const QString &text,
                     const QStringList &terms, const QColor &background)
{
    if (terms.isEmpty() || text.isEmpty())
        return;
    const QList<TextRange> ranges = highlightRanges(text, terms);
    if (ranges.isEmpty())
        return;
    const QFontMetrics metrics(font);
    const int height = qMin(rect.height(), metrics.height());
    const int top = rect.top() + (rect.height() - height) / 2;
    painter->save();
    painter->setPen(Qt::NoPen);
    painter->setBrush(background);
    for (const TextRange &range : ranges) {
        const int x = rect.left() + metrics.horizontalAdvance(text.left(range.start));
        const int width = metrics.horizontalAdvance(text.mid(range.start, range.length));
        const QRect box = QRect(x, top, width, height).intersected(rect);
        if (!box.isEmpty())
            painter->drawRoundedRect(box, 2, 2);
    }
    painter->restore();
}

} // namespace paperboy
