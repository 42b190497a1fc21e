#include "paperlist/paper_delegate.h"

#include "common/highlight_text.h"
#include "common/math_text.h"
#include "common/palette_colors.h"
#include "paperlist/paper_list_model.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>

namespace paperboy {

namespace {

constexpr int kMargin = 6;    // around the block
constexpr int kLineGap = 2;   // between lines
constexpr int kGutterGap = 6; // between gutter and text

} // namespace

struct PaperDelegate::Metrics
{
    QFont titleFont;
    QFont secondaryFont;
    int titleHeight = 0;
    int secondaryHeight = 0;
    int gutter = 0;
};

PaperDelegate::PaperDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QString PaperDelegate::starGlyph(bool starred)
{
    return starred ? QStringLiteral("\u2605") : QStringLiteral("\u2606");
}

QString PaperDelegate::codeMark()
{
    return QStringLiteral("</>");
}

QString PaperDelegate::compactCount(int count)
{
    if (count >= 10000)
        return QLocale().toString(count / 1000) + QStringLiteral("k");
    if (count >= 1000)
        return QLocale().toString(count / 1000.0, 'f', 1) + QStringLiteral("k");
    return QLocale().toString(count);
}

QString PaperDelegate::upvotesMark(int upvotes)
{
    return upvotes >= 0 ? QStringLiteral("\u25B2 ") + compactCount(upvotes) : QString();
}

QString PaperDelegate::codeStarsMark(int stars)
{
    return stars >= 0 ? codeMark() + QStringLiteral(" \u2605 ") + compactCount(stars) : codeMark();
}

PaperDelegate::Metrics PaperDelegate::metrics(const QStyleOptionViewItem &option) const
{
    Metrics m;
    m.titleFont = option.font;
    m.secondaryFont = option.font;
    // One step smaller, but never below what the platform treats as readable.
    if (m.secondaryFont.pointSizeF() > 0)
        m.secondaryFont.setPointSizeF(qMax(7.0, m.secondaryFont.pointSizeF() * 0.9));
    QFont bold = m.titleFont;
    bold.setBold(true);
    m.titleHeight = QFontMetrics(bold).height();
    m.secondaryHeight = QFontMetrics(m.secondaryFont).height();
    m.gutter = QFontMetrics(bold).horizontalAdvance(starGlyph(true)) + 2 * kMargin;
    return m;
}

QSize PaperDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const Metrics m = metrics(option);
    int height = 2 * kMargin + m.titleHeight + kLineGap + m.secondaryHeight;
    if (!index.data(PaperListModel::ChineseTitleRole).toString().isEmpty())
        height += kLineGap + m.secondaryHeight;
    return {m.gutter + 200, height};
}

void PaperDelegate::paint(QPainter *painter, const QStyleOptionViewItem &styleOption,
                          const QModelIndex &index) const
{
    QStyleOptionViewItem option = styleOption;
    initStyleOption(&option, index);
    // Let the style draw the native row background, selection and focus; we draw the text.
    option.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &option, painter, widget);

    const Metrics m = metrics(option);
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = !(option.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (option.state & QStyle::State_Active) ? QPalette::Active
                                                                               : QPalette::Inactive;
    QPalette palette = option.palette;
    palette.setCurrentColorGroup(group);
    const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor secondary = secondaryTextColor(palette, selected);
    const QColor accent = accentColor(palette, selected);

    const bool starred = index.data(PaperListModel::StarredRole).toBool();
    const bool read = index.data(PaperListModel::ReadRole).toBool();
    const bool hasCode = index.data(PaperListModel::HasCodeRole).toBool();
    const bool hasNote = index.data(PaperListModel::HasNoteRole).toBool();
    const int upvotes = index.data(PaperListModel::UpvotesRole).toInt();
    const int codeStars = index.data(PaperListModel::CodeStarsRole).toInt();
    const QVariant rankFraction = index.data(PaperListModel::RankFractionRole);
    const bool dismissed = index.data(PaperListModel::DismissedRole).toBool();
    const bool highlighted = index.data(PaperListModel::HighlightedRole).toBool();
    const bool followed = !index.data(PaperListModel::FollowedRole).toStringList().isEmpty();
    const QString pdfPages = index.data(PaperListModel::PdfPagesRole).toString();
    // On a selected row the marker colour would fight the selection: a light band instead.
    QColor matchBackground = matchBackgroundColor(palette);
    if (selected) {
        matchBackground = palette.color(QPalette::HighlightedText);
        matchBackground.setAlpha(70);
    }
    const QString title = index.data(PaperListModel::TitleRole).toString();
    const QString chinese = index.data(PaperListModel::ChineseTitleRole).toString();
    QStringList meta;
    for (const QString &part : {index.data(PaperListModel::AuthorsRole).toString(),
                                index.data(PaperListModel::PrimaryCategoryRole).toString()})
        if (!part.isEmpty())
            meta.append(part);

    painter->save();
    const QRect rect = option.rect.adjusted(0, kMargin, -kMargin, -kMargin);
    QFont titleFont = m.titleFont;
    titleFont.setBold(!read);

    // Gutter: the star on the title line, the unread dot under it.
    const QRect starRect(rect.left(), rect.top(), m.gutter, m.titleHeight);
    painter->setFont(titleFont);
    painter->setPen(starred ? accent : secondary);
    painter->drawText(starRect, Qt::AlignCenter, starGlyph(starred));
    if (!read) {
        const int diameter = qMax(6, m.secondaryHeight / 2);
        const QRect dot(starRect.center().x() - diameter / 2 + 1,
                        starRect.bottom() + kLineGap + (m.secondaryHeight - diameter) / 2, diameter,
                        diameter);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(accent);
        painter->drawEllipse(dot);
    }
    // A highlight rule's mark: an accent stripe along the row's left edge.
    if (highlighted)
        painter->fillRect(
            QRect(option.rect.left(), option.rect.top() + 2, 3, option.rect.height() - 4), accent);

    const int left = rect.left() + m.gutter + kGutterGap - kMargin;
    int y = rect.top();
    const int width = rect.right() - left;
    const QRect titleRect(left, y, width, m.titleHeight);
    // Math in titles ($H^3$Fusion) reads as math; the rest takes the plain path as before.
    painter->setPen(dismissed ? secondary : text); // "not interested": quieter
    drawMathLine(painter, titleRect, titleFont, title, m_terms, matchBackground);
    y += m.titleHeight + kLineGap;

    painter->setFont(m.secondaryFont);
    const QFontMetrics small(m.secondaryFont);
    if (!chinese.isEmpty()) {
        const QRect chineseRect(left, y, width, m.secondaryHeight);
        painter->setPen(secondary);
        drawMathLine(painter, chineseRect, m.secondaryFont, chinese, m_terms, matchBackground);
        y += m.secondaryHeight + kLineGap;
    }

    // Marks at the right end of the meta line, so the authors elide before they do.
    QStringList marks;
    if (!pdfPages.isEmpty()) // a search's words inside the kept PDF (issue #21)
        marks.append(tr("PDF p. %1").arg(pdfPages));
    if (followed)
        marks.append(tr("followed"));
    if (hasNote)
        marks.append(QStringLiteral("\u270E"));
    if (upvotes >= 0)
        marks.append(upvotesMark(upvotes));
    if (hasCode)
        marks.append(codeStarsMark(codeStars));
    const QString markText = marks.join(QStringLiteral("  "));
    const int marksWidth = markText.isEmpty() ? 0 : small.horizontalAdvance(markText) + kMargin;
    // The ranking, quietly: a short bar at the end of the meta line, full for the list's best.
    const int barWidth = rankFraction.isValid() ? 3 * m.secondaryHeight / 2 : 0;
    if (barWidth > 0) {
        const QRect track(left + width - marksWidth - barWidth, y + m.secondaryHeight / 2 - 1,
                          barWidth, 3);
        QColor trackColour = secondary;
        trackColour.setAlpha(60);
        painter->fillRect(track, trackColour);
        const int filled = qMax(1, int(barWidth * rankFraction.toDouble() + 0.5));
        painter->fillRect(QRect(track.left(), track.top(), filled, track.height()), accent);
    }
    const QRect metaRect(left, y, width - marksWidth - (barWidth > 0 ? barWidth + kMargin : 0),
                         m.secondaryHeight);
    const QString shownMeta =
        small.elidedText(meta.join(QStringLiteral(" · ")), Qt::ElideRight, metaRect.width());
    paintMatchBoxes(painter, metaRect, m.secondaryFont, shownMeta, m_terms, matchBackground);
    painter->setPen(secondary);
    painter->drawText(metaRect, Qt::AlignLeft | Qt::AlignVCenter, shownMeta);
    if (!markText.isEmpty()) {
        painter->setPen(hasCode || followed ? accent : secondary);
        painter->drawText(QRect(left + width - marksWidth, y, marksWidth, m.secondaryHeight),
                          Qt::AlignRight | Qt::AlignVCenter, markText);
    }
    painter->restore();
}

} // namespace paperboy
