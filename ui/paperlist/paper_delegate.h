#pragma once

// Paints a paper as a compact block: marks in a gutter, the title (bold while unread), the
// Chinese title in a lighter colour beneath, then authors, category, upvotes and a code mark
// with its stars. Words a search matched are marked.

#include <QStringList>
#include <QStyledItemDelegate>

namespace paperboy {

class PaperDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit PaperDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QString starGlyph(bool starred);
    static QString codeMark();
    // "▲ 42", "</> ★ 1.2k": what the meta line shows for known counts.
    static QString upvotesMark(int upvotes);
    static QString codeStarsMark(int stars);
    static QString compactCount(int count);

    void setHighlightTerms(const QStringList &terms) { m_terms = terms; }
    QStringList highlightTerms() const { return m_terms; }

private:
    struct Metrics;
    Metrics metrics(const QStyleOptionViewItem &option) const;

    QStringList m_terms;
};

} // namespace paperboy
