#include "common/math_text.h"

#include "common/highlight_text.h"
#include "common/palette_colors.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <cmath>
#include <memory>

namespace paperboy {

QTextCharFormat runFormat(const TextRun &run)
{
    QTextCharFormat format;
    if (run.bold)
        format.setFontWeight(QFont::Bold);
    if (run.italic)
        format.setFontItalic(true);
    if (run.shift == TextRun::Shift::Sub)
        format.setVerticalAlignment(QTextCharFormat::AlignSubScript);
    else if (run.shift == TextRun::Shift::Super)
        format.setVerticalAlignment(QTextCharFormat::AlignSuperScript);
    return format;
}

namespace {

// The runs' text and a format range per run, for a QTextLayout.
QString layoutText(const QList<TextRun> &runs, QList<QTextLayout::FormatRange> *formats)
{
    QString text;
    for (const TextRun &run : runs) {
        formats->append({int(text.size()), int(run.text.size()), runFormat(run)});
        text += run.text;
    }
    return text;
}

void layOutLine(QTextLayout *layout)
{
    QTextOption option;
    option.setWrapMode(QTextOption::NoWrap);
    layout->setTextOption(option);
    layout->beginLayout();
    layout->createLine();
    layout->endLayout();
}

} // namespace

void drawMathLine(QPainter *painter, const QRect &rect, const QFont &font, const QString &text,
                  const QStringList &terms, const QColor &matchBackground)
{
    const QList<TextRun> runs = texMathRuns(text);
    const bool math =
        std::any_of(runs.begin(), runs.end(), [](const TextRun &r) { return r.math; });
    if (!math) { // nine titles in ten: the plain path, as before
        const QString shown = QFontMetrics(font).elidedText(text, Qt::ElideRight, rect.width());
        paintMatchBoxes(painter, rect, font, shown, terms, matchBackground);
        painter->setFont(font);
        painter->drawText(rect, Qt::AlignLeft | Qt::AlignVCenter, shown);
        return;
    }
    QList<QTextLayout::FormatRange> formats;
    QString shown = layoutText(runs, &formats);
    QTextLayout layout(shown, font);
    layout.setFormats(formats);
    layOutLine(&layout);
    if (layout.lineAt(0).naturalTextWidth() > rect.width()) {
        // Elide at the right as elidedText() would, keeping each kept run's format.
        const QString ellipsis(QChar(0x2026));
        const qreal room = rect.width() - QFontMetricsF(font).horizontalAdvance(ellipsis);
        const int cut =
            qMax(0, layout.lineAt(0).xToCursor(room, QTextLine::CursorBetweenCharacters));
        shown = shown.left(cut) + ellipsis;
        QList<QTextLayout::FormatRange> kept;
        for (QTextLayout::FormatRange range : std::as_const(formats)) {
            if (range.start >= cut)
                break;
            range.length = qMin(range.length, cut - range.start);
            kept.append(range);
        }
        formats = kept;
        layout.setText(shown);
        layout.setFormats(formats);
        layOutLine(&layout);
    }
    const QTextLine line = layout.lineAt(0);
    const qreal top = rect.top() + (rect.height() - line.height()) / 2;
    painter->save();
    painter->setClipRect(rect);
    if (!terms.isEmpty()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(matchBackground);
        for (const TextRange &range : highlightRanges(shown, terms)) {
            const qreal left = line.cursorToX(int(range.start));
            const qreal right = line.cursorToX(int(range.start + range.length));
            painter->drawRoundedRect(QRectF(rect.left() + left, top, right - left, line.height()),
                                     2, 2);
        }
    }
    painter->restore();
    painter->save();
    painter->setClipRect(rect);
    layout.draw(painter, QPointF(rect.left(), top));
    painter->restore();
}

MathTextView::MathTextView(QWidget *parent) : QTextEdit(parent)
{
    // Looks and behaves like a selectable, wrapping label.
    setReadOnly(true);
    setUndoRedoEnabled(false);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setFocusPolicy(Qt::ClickFocus);
    setTabChangesFocus(true);
    setLineWrapMode(QTextEdit::WidgetWidth);
    // At word boundaries only, as a word-wrapped QLabel: breaking anywhere made Qt measure a
    // 1 MB word again for every line (minutes).
    setWordWrapMode(QTextOption::WordWrap);
    document()->setDocumentMargin(0); // each render() makes a new document, see there
    viewport()->setAutoFillBackground(false);
    viewport()->setCursor(Qt::IBeamCursor);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);

    // In the context menu when the text holds math; the source as arXiv published it.
    m_copyTex = new QAction(tr("Copy TeX"), this);
    m_copyTex->setObjectName(QStringLiteral("copyTexAction"));
    m_copyTex->setEnabled(false);
    connect(m_copyTex, &QAction::triggered, this, [this] { emit copyTexRequested(m_source); });
}

void MathTextView::setSourceText(const QString &source, const QStringList &terms)
{
    if (source == m_source && terms == m_terms && !document()->isEmpty())
        return;
    m_source = source;
    m_terms = terms;
    render();
}

void MathTextView::render()
{
    const QList<TextRun> runs = texMathRuns(m_source);
    m_hasMath = std::any_of(runs.begin(), runs.end(), [](const TextRun &r) { return r.math; });
    m_text = plainTextOfRuns(runs);
    m_copyTex->setEnabled(m_hasMath);
    // A new document, filled before any layout sees it: inserting into the shown one lays it
    // out after every run at whatever width the view has (a 1 MB abstract took minutes).
    auto *doc = new QTextDocument(this);
    doc->setUndoRedoEnabled(false);
    doc->setDocumentMargin(0);
    doc->setDefaultFont(font());
    QTextCursor cursor(doc);
    QString shown; // positions in it are the document's positions
    for (const TextRun &run : runs) {
        cursor.insertText(run.text, runFormat(run));
        shown += run.text;
    }
    m_heights.clear();
    if (!m_terms.isEmpty()) {
        QTextCharFormat marked;
        marked.setBackground(matchBackgroundColor(palette()));
        marked.setForeground(matchTextColor(palette()));
        for (const TextRange &range : highlightRanges(shown, m_terms)) {
            QTextCursor selection(doc);
            selection.setPosition(int(range.start));
            selection.setPosition(int(range.start + range.length), QTextCursor::KeepAnchor);
            selection.mergeCharFormat(marked);
        }
    }
    // The first document belongs to QTextEdit, which deletes it; ours are deleted here.
    QTextDocument *previous = document();
    const bool ours = previous->parent() == this;
    setDocument(doc);
    if (ours)
        delete previous;
    updateGeometry();
}

int MathTextView::heightForWidth(int width) const
{
    // Layouts ask several times per resize, and a hostile abstract is a megabyte: the document
    // is laid out once per width asked, and left at it (the width a layout asks about is the
    // one it gives; a resize lays the document out at the viewport's width anyway).
    if (const auto it = m_heights.constFind(width); it != m_heights.constEnd())
        return it.value();
    QTextDocument *doc = document();
    const QMargins margins = contentsMargins();
    const qreal asked = qMax(1, width - margins.left() - margins.right());
    if (!qFuzzyCompare(doc->textWidth(), asked))
        doc->setTextWidth(asked);
    const int height = int(std::ceil(doc->size().height())) + margins.top() + margins.bottom();
    if (m_heights.size() > 8)
        m_heights.clear();
    m_heights.insert(width, height);
    return height;
}

QSize MathTextView::sizeHint() const
{
    const int width = qMax(minimumSizeHint().width(), this->width());
    return {width, heightForWidth(width)};
}

QSize MathTextView::minimumSizeHint() const
{
    return {fontMetrics().averageCharWidth() * 8, fontMetrics().height()};
}

void MathTextView::resizeEvent(QResizeEvent *event)
{
    QTextEdit::resizeEvent(event);
    if (width() != m_lastWidth) {
        m_lastWidth = width();
        updateGeometry(); // another width, another height
    }
}

// Copy gives what is shown: raised and lowered runs as Unicode script characters (x², Cₐ),
// or marked (^⊤) where Unicode has none; a selection's formats tell which runs they were.
QMimeData *MathTextView::createMimeDataFromSelection() const
{
    const QTextCursor cursor = textCursor();
    if (!cursor.hasSelection())
        return QTextEdit::createMimeDataFromSelection();
    const int start = cursor.selectionStart();
    const int end = cursor.selectionEnd();
    QList<TextRun> runs;
    for (QTextBlock block = document()->findBlock(start); block.isValid() && block.position() < end;
         block = block.next()) {
        if (block.position() > start)
            runs.append({QStringLiteral("\n")});
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const int from = qMax(start, fragment.position());
            const int to = qMin(end, fragment.position() + fragment.length());
            if (from >= to)
                continue;
            TextRun run;
            run.text = fragment.text().mid(from - fragment.position(), to - from);
            run.text.replace(QChar::LineSeparator, QLatin1Char('\n'));
            const auto alignment = fragment.charFormat().verticalAlignment();
            run.shift = alignment == QTextCharFormat::AlignSubScript     ? TextRun::Shift::Sub
                        : alignment == QTextCharFormat::AlignSuperScript ? TextRun::Shift::Super
                                                                         : TextRun::Shift::None;
            runs.append(run);
        }
    }
    auto *mime = new QMimeData;
    mime->setText(plainTextOfRuns(runs));
    return mime;
}

void MathTextView::contextMenuEvent(QContextMenuEvent *event)
{
    std::unique_ptr<QMenu> menu(createStandardContextMenu(event->pos()));
    if (m_hasMath) {
        menu->addSeparator();
        menu->addAction(m_copyTex);
    }
    menu->exec(event->globalPos());
}

void MathTextView::changeEvent(QEvent *event)
{
    QTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_terms.isEmpty())
        render(); // the marker colours follow the palette
    else if (event->type() == QEvent::FontChange) {
        m_heights.clear();
        updateGeometry();
    }
}

} // namespace paperboy
