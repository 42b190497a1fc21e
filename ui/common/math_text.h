#pragma once

// Titles, abstracts and summaries with their TeX math shown as math (core/tex_math.h): the
// converted runs become character formats of a text layout (bold, italic, raised or lowered
// through QTextCharFormat's vertical alignment), never markup, so data never becomes HTML.

#include "core/tex_math.h"

#include <QHash>
#include <QTextEdit>

class QAction;
class QColor;
class QFont;
class QPainter;
class QRect;

namespace paperboy {

// The look of one run in a text layout.
QTextCharFormat runFormat(const TextRun &run);

// One line of `text` (math converted) in `rect`, elided at the right, with boxes behind the
// search's words: the list's title rows.
void drawMathLine(QPainter *painter, const QRect &rect, const QFont &font, const QString &text,
                  const QStringList &terms, const QColor &matchBackground);

// A read-only, selectable, wrapping text that looks like a label. Copying gives what is shown
// (x², Cₐ, 𝒪(n log n)); its menu's "Copy TeX" asks for the text as stored.
class MathTextView : public QTextEdit
{
    Q_OBJECT
public:
    explicit MathTextView(QWidget *parent = nullptr);

    // Shows `source` (stored text, TeX math and all) with its math converted and `terms` marked.
    void setSourceText(const QString &source, const QStringList &terms = {});
    const QString &sourceText() const { return m_source; }
    // What is shown, as plain text: what Copy gives for the whole.
    QString text() const { return m_text; }
    bool hasMath() const { return m_hasMath; }

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void copyTexRequested(const QString &source);

protected:
    QMimeData *createMimeDataFromSelection() const override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void render();

    QAction *m_copyTex = nullptr;
    QString m_source;
    QString m_text;
    QStringList m_terms;
    bool m_hasMath = false;
    mutable QHash<int, int> m_heights; // heightForWidth by width, for the current text
    int m_lastWidth = -1;
};

} // namespace paperboy
